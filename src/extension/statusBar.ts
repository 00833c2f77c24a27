// The trust indicator: one status-bar item whose text carries the state word.
import { Command } from './commands';
import { clip } from '../engine/evidence';
import * as vscode from 'vscode';
import { agentLabel, type ShownVerdict, type State } from './state';

/** Cut at a word boundary, never mid-word. */
function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

const ICON: Record<ShownVerdict, string> = { untrusted: '$(error)', review: '$(warning)', trusted: '$(pass)', unscannable: '$(circle-slash)', allowed: '$(pass-filled)' };

export class TrustIndicator implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('agentXray.trust', vscode.StatusBarAlignment.Left, 100);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly state: State) {
    this.item.name = 'Agent X-Ray';
    this.item.command = Command.ShowReport;
    this.subscription = state.onDidChange(() => this.render());
    this.render();
    this.item.show();
  }

  render(): void {
    const s = this.state.value;
    const results = this.state.results();
    const count = (v: ShownVerdict) => results.filter((r) => this.state.verdictOf(r) === v).length;
    const untrusted = count('untrusted');
    const review = count('review');
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    let text: string;
    let background: vscode.ThemeColor | undefined;
    let label: string;
    const violations = s.policies.reduce((n, p) => n + p.violations.length + (p.error ? 1 : 0), 0);
    if (violations && !(s.phase === 'scanning' && !s.fromCache)) {
      text = `$(error) policy: ${plural(violations, 'violation')}`;
      background = new vscode.ThemeColor('statusBarItem.errorBackground');
      label = `Agent X-Ray: the workspace policy reports ${plural(violations, 'violation')}`;
    } else if (s.phase === 'scanning' && (!results.length || !s.fromCache)) {
      const p = s.progress;
      text = p ? `$(sync~spin) Scanning agents ${p.index + 1}/${p.total}` : '$(sync~spin) Looking for agents';
      label = p ? `Agent X-Ray is scanning agent ${p.index + 1} of ${p.total}: ${p.name}` : 'Agent X-Ray is looking for agents';
    } else if (untrusted) {
      text = `$(error) ${plural(untrusted, 'untrusted agent')}`;
      background = new vscode.ThemeColor('statusBarItem.errorBackground');
      label = `Agent X-Ray: ${plural(untrusted, 'untrusted agent')}`;
    } else if (review) {
      text = `$(warning) ${plural(review, 'agent')} to review`;
      background = new vscode.ThemeColor('statusBarItem.warningBackground');
      label = `Agent X-Ray: ${plural(review, 'agent')} to review`;
    } else if (s.phase === 'cancelled') {
      text = '$(circle-slash) Agent scan cancelled';
      label = `Agent X-Ray: the scan was cancelled after ${plural(results.length, 'agent')}; run Scan Now to finish it`;
    } else if (results.some((r) => r.verdict !== 'unscannable')) {
      // Agents whose program could not be read are never counted as trusted.
      const unread = count('unscannable');
      text = unread ? `$(pass) Agents trusted · $(circle-slash) ${unread} not read` : '$(pass) Agents trusted';
      label = `Agent X-Ray: ${plural(results.length, 'agent')}, none untrusted${unread ? `; ${unread} could not be read` : ''}`;
    } else if (s.phase === 'failed') {
      text = '$(circle-slash) Agent scan failed';
      label = 'Agent X-Ray: the scan failed; see the Agent X-Ray output';
    } else {
      text = results.length ? '$(circle-slash) Nothing scannable' : '$(circle-slash) No agents found';
      label = `Agent X-Ray: ${results.length ? 'no agent could be analysed' : 'no agents found'}`;
    }
    if (s.phase === 'scanning' && s.fromCache && results.length) text += ' $(sync~spin)';
    this.item.text = text;
    this.item.backgroundColor = background;
    this.item.accessibilityInformation = { label, role: 'button' };
    this.item.tooltip = this.tooltip();
  }

  private tooltip(): vscode.MarkdownString {
    const md = new vscode.MarkdownString('', true);
    md.supportThemeIcons = true;
    md.appendMarkdown('**Agent X-Ray**\n\n');
    const results = this.state.results();
    if (!results.length) md.appendMarkdown(this.state.value.phase === 'scanning' ? 'Scanning…\n' : 'No agents found.\n');
    for (const r of results) {
      const v = this.state.verdictOf(r);
      const why = v === 'unscannable' && r.notAnalysed[0] ? `: ${shorten(r.notAnalysed[0], 160)}` : '';
      const sends = [...new Set((r.sends ?? []).flatMap((x) => x.what))];
      const sent = sends.length ? `; sends ${sends.join(', ')}` : '';
      const worst = v === 'untrusted' || v === 'review' ? r.findings.find((f) => f.severity === 'critical') ?? r.findings.find((f) => f.severity === 'high' || f.severity === 'medium') : undefined;
      const said = worst ? `: ${clip(worst.summary ?? worst.message, 160)}` : '';
      md.appendMarkdown(`${ICON[v]} ${agentLabel(r).replace(/[*_[\]`]/g, '\\$&')} — ${v}${r.agent?.kind ? ` (${r.agent.kind})` : ''}${(why + said + sent).replace(/[*_[\]`]/g, '\\$&')}\n\n`);
    }
    for (const p of this.state.value.policies) {
      md.appendMarkdown(`\n**Policy** ${p.file.replace(/[*_[\]`]/g, '\\$&')}: ${p.error ? 'cannot be read' : `${p.violations.length} violation(s)`}\n\n`);
      for (const v of p.violations) md.appendMarkdown(`- ${v.message.replace(/[*_[\]`]/g, '\\$&')}\n`);
    }
    const when = this.state.value.finishedAt;
    if (when) md.appendMarkdown(`\n_${this.state.value.fromCache ? 'From the last scan' : 'Scanned'} ${new Date(when).toLocaleString()}. Click for the report._`);
    return md;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
