// What the user does with a result: allow a version, open the extension,
// reveal the file, copy a finding, export the report, recommend the
// extension for the workspace, and the quick fix that shows the evidence.
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { fullPlaceLabel, inOwnFile, placeLabel } from '../model/findings';
import type { TargetResult } from '../model/report';
import { toJson } from '../report/json';
import { toSarif } from '../report/sarif';
import { buildReport } from '../scanner/pipeline';
import { Command } from './commands';
import { addRecommendation } from './recommend';
import type { Item } from './reportView';
import { allowVersion } from './settings';
import { agentLabel, type State } from './state';

export class Actions {
  constructor(private readonly context: vscode.ExtensionContext, private readonly state: State, private readonly log: vscode.LogOutputChannel) {}

  async allow(r: TargetResult | undefined): Promise<void> {
    if (!r?.agent) return;
    const reason = await vscode.window.showInputBox({
      title: `Allow ${agentLabel(r)} despite its findings`,
      prompt: 'Why is this exact version acceptable? (kept in your user settings, agentXray.allowlist)',
      validateInput: (v) => (v.trim().length < 5 ? 'Give a reason of a few words.' : undefined),
    });
    if (!reason) return;
    await allowVersion(r.agent.id, r.agent.version, reason.trim());
    this.log.info(`allowed ${r.agent.id}@${r.agent.version}: ${reason.trim()}`);
  }

  async openExtension(r: TargetResult | undefined): Promise<void> {
    if (r?.agent?.kind === 'extension') await vscode.commands.executeCommand('extension.open', r.agent.id);
  }

  async revealFile(item: Item): Promise<void> {
    if (item.kind === 'detail') return;
    const r = this.state.value.results[item.target];
    if (!r) return;
    const f = item.kind === 'finding' ? r.findings[item.finding] : undefined;
    if (f && inOwnFile(f)) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(f.file));
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1) });
    } else await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(f?.file ?? r.path));
  }

  async copyFinding(item: Item): Promise<void> {
    if (item.kind !== 'finding') return;
    const r = this.state.value.results[item.target]!;
    const f = r.findings[item.finding];
    const lines = [`${f.severity} ${f.ruleId} — ${agentLabel(r)}`, f.summary, f.message, fullPlaceLabel(f), ...f.evidence.chain.map((s) => `  ${s.role}: ${s.label} (${s.line}:${s.column})`)];
    await vscode.env.clipboard.writeText(lines.join('\n'));
  }

  async exportReport(): Promise<void> {
    const target = await vscode.window.showSaveDialog({ filters: { 'JSON report': ['json'], SARIF: ['sarif'] }, saveLabel: 'Export', title: 'Export the Agent X-Ray report' });
    if (!target) return;
    const report = buildReport(this.state.results(), { discovery: { skipped: this.state.value.skipped } });
    await fs.writeFile(target.fsPath, target.fsPath.endsWith('.sarif') ? toSarif(report) : toJson(report));
    this.log.info(`report exported to ${target.fsPath}`);
  }

  /** Adds Agent X-Ray to .vscode/extensions.json recommendations, keeping the file's comments and formatting. */
  async recommend(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) { void vscode.window.showInformationMessage('Open a folder to recommend Agent X-Ray for it.'); return; }
    const file = path.join(folder.uri.fsPath, '.vscode', 'extensions.json');
    let text = '';
    try { text = await fs.readFile(file, 'utf8'); } catch { text = '{\n  "recommendations": []\n}\n'; }
    const updated = addRecommendation(text, `${this.context.extension.packageJSON.publisher}.${this.context.extension.packageJSON.name}`);
    if (updated === text) { void vscode.window.showInformationMessage('Agent X-Ray is already recommended for this workspace.'); return; }
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, updated);
    await vscode.window.showTextDocument(vscode.Uri.file(file));
  }

  /** "Show evidence" as a quick fix on the diagnostics of a finding. */
  codeActions(doc: vscode.TextDocument, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of ctx.diagnostics.filter((x) => x.source === 'Agent X-Ray')) {
      this.state.value.results.forEach((r, target) => r?.findings.forEach((f, finding) => {
        if (f.file !== doc.uri.fsPath || typeof d.code !== 'object' || d.code.value !== f.ruleId) return;
        const sameSpot = inOwnFile(f) ? d.range.start.line === f.line - 1 && d.range.start.character === f.column - 1 : d.message.startsWith(`[${placeLabel(f)}]`);
        if (!sameSpot) return;
        const a = new vscode.CodeAction('Agent X-Ray: Show evidence', vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { command: Command.ShowEvidence, title: 'Show evidence', arguments: [{ kind: 'finding', target, finding }] };
        actions.push(a);
      }));
    }
    return actions;
  }
}
