// The report view: agents, then their findings, then each finding's evidence.
import { Command } from './commands';
import { clip } from '../engine/evidence';
import * as vscode from 'vscode';
import { formatBytes } from '../artifacts/coverage';
import { fullPlaceLabel, type Finding } from '../model/findings';
import { describeSend, groupSends, type TargetResult } from '../report/model';
import { agentLabel, type ShownVerdict, type State } from './state';

export type Item =
  | { kind: 'agent'; target: number }
  | { kind: 'finding'; target: number; finding: number }
  | { kind: 'detail'; label: string; description?: string; icon: string };

const VERDICT_ICON: Record<ShownVerdict, [string, string | undefined]> = {
  untrusted: ['error', 'errorForeground'], review: ['warning', 'editorWarning.foreground'], trusted: ['pass', 'testing.iconPassed'],
  unscannable: ['circle-slash', undefined], allowed: ['pass-filled', 'testing.iconPassed'],
};
const SEVERITY_ICON: Record<Finding['severity'], [string, string | undefined]> = {
  critical: ['error', 'errorForeground'], high: ['error', 'errorForeground'], medium: ['warning', 'editorWarning.foreground'], low: ['info', undefined], info: ['info', undefined],
};

function icon([id, color]: [string, string | undefined]): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

export class ReportView implements vscode.TreeDataProvider<Item>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Item | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  private shown: unknown[] = [];

  constructor(private readonly state: State) {
    // Refresh the tree only when what it shows changed, not on every progress message.
    this.subscription = state.onDidChange(() => {
      const inputs = [state.value.results, state.settings];
      if (inputs.every((x, i) => x === this.shown[i])) return;
      this.shown = inputs;
      this.emitter.fire(undefined);
    });
  }

  result(target: number): TargetResult | undefined {
    return this.state.value.results[target];
  }

  getChildren(item?: Item): Item[] {
    if (!item) return this.state.value.results.map((r, target) => (r ? { kind: 'agent', target } as Item : undefined)).filter((x): x is Item => !!x);
    const r = this.result(item.kind === 'detail' ? -1 : item.target);
    if (!r) return [];
    if (item.kind === 'agent') {
      const findings = r.findings.map((_, finding) => ({ kind: 'finding', target: item.target, finding }) as Item);
      const unread = r.verdict === 'unscannable' && !!r.coverage && r.coverage.program !== 'read' && r.coverage.read > 0;
      const notes = r.notAnalysed.slice(0, 20).map((n, i) => ({ kind: 'detail', label: unread && i === 0 ? 'program not read' : 'not analysed', description: n, icon: unread && i === 0 ? 'circle-slash' : 'question' }) as Item);
      const routes = (r.foundAt ?? []).map((f) => ({ kind: 'detail', label: 'found via', description: f, icon: 'search' }) as Item);
      // The "sends" inventory: environment facts sent visibly (not warnings).
      const sends = groupSends(r.sends ?? []).map(({ send: s, count }) => ({ kind: 'detail', label: 'sends', description: `${describeSend(s)}  ${s.line}:${s.column}${count > 1 ? ` (+${count - 1} more)` : ''}`, icon: 'cloud-upload' }) as Item);
      return [...(unread ? notes.slice(0, 1) : []), ...findings, ...sends, ...routes, ...(unread ? notes.slice(1) : notes)];
    }
    if (item.kind === 'finding') {
      const f = r.findings[item.finding];
      const steps = f.evidence.chain.map((s) => ({ kind: 'detail', label: s.role, description: `${s.label}  ${s.line}:${s.column}`, icon: s.role === 'source' ? 'symbol-variable' : s.role === 'sink' ? 'output' : s.role === 'table' ? 'list-unordered' : 'arrow-right' }) as Item);
      const entries = (f.evidence.entries as string[] | undefined) ?? [];
      return [...steps, ...(entries.length ? [{ kind: 'detail', label: `decoded (${entries.length})`, description: entries.join(', '), icon: 'key' } as Item] : [])];
    }
    return [];
  }

  getTreeItem(item: Item): vscode.TreeItem {
    if (item.kind === 'detail') {
      const t = new vscode.TreeItem(item.label, vscode.TreeItemCollapsibleState.None);
      t.description = item.description;
      t.tooltip = item.description;
      t.iconPath = new vscode.ThemeIcon(item.icon);
      return t;
    }
    const r = this.result(item.target)!;
    if (item.kind === 'agent') {
      const v = this.state.verdictOf(r);
      const t = new vscode.TreeItem(agentLabel(r), r.findings.length || r.sends?.length || r.foundAt?.length || r.notAnalysed.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      const read = r.coverage ? ` · ${formatBytes(r.coverage.read)} of ${formatBytes(r.coverage.onDisk)} read` : '';
      t.description = `${v}${r.agent?.kind ? ` · ${r.agent.kind}` : ''}${read}`;
      t.iconPath = icon(VERDICT_ICON[v]);
      t.contextValue = r.agent?.kind === 'extension' ? 'agent-extension' : 'agent';
      const md = new vscode.MarkdownString(`**${agentLabel(r)}** — ${v}\n\n${r.path}\n\n${v === 'unscannable' && r.notAnalysed[0] ? `${r.notAnalysed[0]}\n\n` : ''}${Object.entries(r.contents ?? {}).map(([k, c]) => `- ${c.count} ${k}`).join('\n')}`);
      t.tooltip = md;
      t.accessibilityInformation = { label: `${agentLabel(r)}, ${v}` };
      return t;
    }
    const f = r.findings[item.finding];
    const t = new vscode.TreeItem(clip(f.summary ?? f.message, 120), vscode.TreeItemCollapsibleState.Collapsed);
    t.description = `${f.ruleId} · ${f.line}:${f.column}`;
    t.tooltip = new vscode.MarkdownString().appendText(`${f.severity} ${f.ruleId}\n\n${f.summary ?? ''}\n\n${f.message}\n\n${fullPlaceLabel(f)}`);
    t.iconPath = icon(SEVERITY_ICON[f.severity]);
    t.contextValue = 'finding';
    t.command = { command: Command.ShowEvidence, title: 'Show Evidence', arguments: [item] };
    return t;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
