// Problems: findings on the agents' own files (precise ranges for plain
// files; the executable or archive for embedded code), and on the workspace
// files that bring an agent in: package.json dependencies, recommendations in
// .vscode/extensions.json, MCP server entries.
import { clip } from '../engine/evidence';
import { promises as fs } from 'fs';
import * as jsonc from 'jsonc-parser';
import * as path from 'path';
import * as vscode from 'vscode';
import { LineIndex } from '../engine/lines';
import { inOwnFile, placeLabel, type Severity } from '../model/findings';
import { groupFindings, type FindingGroup } from '../report/groups';
import type { TargetResult } from '../report/model';
import { agentLabel, type State } from './state';

export const DOCS = 'https://github.com/agent-xray/agent-xray/blob/main/docs/rules/';

/** critical: error; high: warning; the rest (and anything allowed) information. */
function severityOf(s: Severity, isAllowed: boolean): vscode.DiagnosticSeverity {
  if (isAllowed) return vscode.DiagnosticSeverity.Information;
  if (s === 'critical') return vscode.DiagnosticSeverity.Error;
  if (s === 'high') return vscode.DiagnosticSeverity.Warning;
  return vscode.DiagnosticSeverity.Information;
}


/**
 * One diagnostic for one mechanism, one line in the Problems panel: the plain
 * summary, and the other channels of the same mechanism. The evidence chain,
 * the decoded lists and the technical message are one quick fix away (Show
 * evidence) and in the report view: related information would be rows the
 * Problems panel expands by default, pushing the workspace files out of view.
 */
function groupDiagnostic(g: FindingGroup, isAllowed: string | undefined): { uri: vscode.Uri; diagnostic: vscode.Diagnostic } {
  const f = g.lead;
  const uri = vscode.Uri.file(f.file);
  // Inside an executable or archive, or in decoded code, the position is not in the file: it goes in the message.
  const embedded = !inOwnFile(f);
  const range = embedded
    ? new vscode.Range(0, 0, 0, 0)
    : new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, Math.max(f.endColumn - 1, f.column));
  const count = g.repeats.length ? ` (${g.repeats.length + 1} places)` : '';
  const also = g.parts.filter((p) => p.ruleId === f.ruleId).map((p) => ` Also: ${p.summary}`).join('');
  const where = embedded ? `[${placeLabel(f)}] ` : '';
  const d = new vscode.Diagnostic(range, `${where}${f.summary}${count}${also}${isAllowed ? ` (allowed: ${isAllowed})` : ''}`.replace(/\s*\n\s*/g, ' '), severityOf(f.severity, !!isAllowed));
  d.source = 'Agent X-Ray';
  d.code = { value: f.ruleId, target: vscode.Uri.parse(`${DOCS}${f.ruleId}.md`) };
  return { uri, diagnostic: d };
}

/** The range of a JSON node found by path, in a text. */
function rangeAt(doc: string, node: jsonc.Node | undefined): vscode.Range | undefined {
  if (!node) return undefined;
  const lines = new LineIndex(doc);
  const pos = (offset: number) => { const p = lines.position(offset); return new vscode.Position(p.line - 1, p.column - 1); };
  return new vscode.Range(pos(node.offset), pos(node.offset + node.length));
}

async function readJsonTree(file: string): Promise<{ text: string; tree: jsonc.Node | undefined } | undefined> {
  try {
    const text = await fs.readFile(file, 'utf8');
    return { text, tree: jsonc.parseTree(text, [], { allowTrailingComma: true }) };
  } catch {
    return undefined;
  }
}

/** The workspace entry's message: the verdict, how many serious mechanisms, the first in plain words. */
function summary(r: TargetResult, verdict: string): string {
  const groups = groupFindings(r.findings.filter((f) => f.severity === 'critical' || f.severity === 'high'));
  const first = groups[0]?.lead ?? r.findings[0];
  const text = first ? first.summary : '';
  return `${agentLabel(r)} is ${verdict}: ${groups.length} serious finding${groups.length === 1 ? '' : 's'}${text ? `, e.g. ${clip(text, 200)}` : ''}`;
}

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('agent-xray');
  private readonly subscription: vscode.Disposable;
  private generation = 0;

  private shown: unknown[] = [];

  constructor(private readonly state: State) {
    // Progress messages change the state many times per scan; diagnostics depend only on these.
    this.subscription = state.onDidChange(() => {
      const inputs = [state.value.results, state.value.policies, state.settings];
      if (inputs.every((x, i) => x === this.shown[i])) return;
      this.shown = inputs;
      void this.render();
    });
  }

  async render(): Promise<void> {
    const generation = ++this.generation;
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, d: vscode.Diagnostic) => {
      const e = byUri.get(uri.toString()) ?? { uri, list: [] };
      e.list.push(d);
      byUri.set(uri.toString(), e);
    };
    const results = this.state.results();
    for (const r of results) {
      const isAllowed = this.state.verdictOf(r) === 'allowed' ? this.allowReason(r) : undefined;
      const shown = this.state.settings.showLowSeverity ? r.findings : r.findings.filter((f) => f.severity !== 'low' && f.severity !== 'info');
      for (const g of groupFindings(shown)) {
        const { uri, diagnostic } = groupDiagnostic(g, isAllowed);
        add(uri, diagnostic);
      }
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const [uri, d] of await this.workspaceDiagnostics(folder.uri.fsPath, results)) add(uri, d);
    }
    for (const p of this.state.value.policies) {
      const uri = vscode.Uri.file(p.file);
      if (p.error) {
        for (const line of p.error.split('\n')) {
          const m = /:(\d+):(\d+): (.*)$/.exec(line);
          const d = new vscode.Diagnostic(m ? new vscode.Range(+m[1] - 1, +m[2] - 1, +m[1] - 1, +m[2] + 20) : new vscode.Range(0, 0, 0, 1), `Agent X-Ray policy: ${m ? m[3] : line}`, vscode.DiagnosticSeverity.Error);
          d.source = 'Agent X-Ray';
          add(uri, d);
        }
      }
      for (const v of p.violations) {
        const line = (v.policyLine ?? 1) - 1;
        const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 200), `Policy violation (${v.rule}): ${v.message}`, vscode.DiagnosticSeverity.Error);
        d.source = 'Agent X-Ray';
        d.code = { value: 'policy', target: vscode.Uri.parse('https://github.com/agent-xray/agent-xray#team-policy') };
        add(uri, d);
      }
    }
    if (generation !== this.generation) return;
    this.collection.clear();
    for (const { uri, list } of byUri.values()) this.collection.set(uri, list);
  }

  private allowReason(r: TargetResult): string {
    return this.state.settings.allowlist.find((e) => e.id.toLowerCase() === r.agent?.id.toLowerCase() && e.version === r.agent?.version)?.reason ?? 'allowlisted';
  }

  /** Diagnostics on the workspace files that bring a judged agent in. */
  private async workspaceDiagnostics(ws: string, results: TargetResult[]): Promise<Array<[vscode.Uri, vscode.Diagnostic]>> {
    const out: Array<[vscode.Uri, vscode.Diagnostic]> = [];
    const violated = new Set(this.state.value.policies.flatMap((p) => p.violations.map((v) => v.target)));
    const flagged = results.filter((r) => { const v = this.state.verdictOf(r); return v === 'untrusted' || v === 'review' || violated.has(r.path); });
    if (!flagged.length) return out;
    const diag = (file: string, doc: { text: string }, node: jsonc.Node | undefined, r: TargetResult) => {
      const range = rangeAt(doc.text, node);
      if (!range) return;
      const v = this.state.verdictOf(r);
      const policy = this.state.value.policies.flatMap((p) => p.violations).find((x) => x.target === r.path);
      const d = new vscode.Diagnostic(range, policy ? `Policy violation: ${policy.message}` : summary(r, v), v === 'untrusted' || policy ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = 'Agent X-Ray';
      d.code = { value: v === 'untrusted' ? 'untrusted-agent' : 'agent-to-review', target: vscode.Uri.parse(`${DOCS}${r.findings[0]?.ruleId ?? 'geo-org-comparison'}.md`) };
      out.push([vscode.Uri.file(file), d]);
    };
    const pkgFile = path.join(ws, 'package.json');
    const pkg = await readJsonTree(pkgFile);
    if (pkg?.tree) {
      for (const r of flagged.filter((x) => x.agent?.kind === 'workspace dependency' || x.agent?.kind === 'mcp server')) {
        for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
          const node = jsonc.findNodeAtLocation(pkg.tree, [section, r.agent!.id]);
          if (node?.parent) diag(pkgFile, pkg, node.parent, r);
        }
      }
    }
    const recFile = path.join(ws, '.vscode', 'extensions.json');
    const rec = await readJsonTree(recFile);
    const recs = rec?.tree && jsonc.findNodeAtLocation(rec.tree, ['recommendations']);
    for (const entry of recs?.children ?? []) {
      const r = flagged.find((x) => x.agent?.kind === 'extension' && typeof entry.value === 'string' && x.agent.id.toLowerCase() === entry.value.toLowerCase());
      if (r) diag(recFile, rec!, entry, r);
    }
    for (const r of flagged) {
      for (const route of r.foundAt ?? []) {
        const m = /^MCP server "(.+)" in (.+)$/.exec(route);
        if (!m || !m[2].startsWith(ws)) continue;
        const cfg = await readJsonTree(m[2]);
        const key = m[2].endsWith(path.join('.vscode', 'mcp.json')) ? 'servers' : 'mcpServers';
        const node = cfg?.tree && jsonc.findNodeAtLocation(cfg.tree, [key, m[1]]);
        if (node?.parent) diag(m[2], cfg!, node.parent.children?.[0] ?? node.parent, r);
      }
    }
    return out;
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
