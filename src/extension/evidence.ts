// "Show evidence": a read-only virtual document for one finding. Minified code
// is one 13 MB line, so it shows the enclosing function reprinted (acorn, then
// astring, an ESTree code generator), the flagged code marked, and decoded
// lists written out.
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { memberOf, openFile } from '../artifacts/contents';
import { fullPlaceLabel, type Finding } from '../model/findings';
import type { TargetResult } from '../report/model';
import { mark, reprint } from './reprint';
import { agentLabel, type State } from './state';

export const EVIDENCE_SCHEME = 'agent-xray-evidence';

export function evidenceUri(target: number, finding: number, f: Finding): vscode.Uri {
  return vscode.Uri.from({ scheme: EVIDENCE_SCHEME, path: `/${f.ruleId} ${f.line}-${f.column}.js`, query: `t=${target}&f=${finding}` });
}

/** The text a finding's offsets refer to: the file, or the module inside an executable or archive. */
async function scannedText(f: Finding): Promise<string | undefined> {
  if (f.decoded) return undefined;
  if (f.member === undefined) return fs.readFile(f.file, 'utf8');
  const contents = await openFile(f.file);
  try {
    const unit = contents.units.find((u) => memberOf(u.name, f.file) === f.member);
    return unit ? (await unit.read()).toString(unit.encoding) : undefined;
  } finally {
    contents.close();
  }
}

function comment(lines: string[]): string {
  return lines.map((l) => `// ${l}`).join('\n');
}

export async function renderEvidence(r: TargetResult, f: Finding): Promise<string> {
  const out: string[] = [];
  out.push(comment([
    `Agent X-Ray evidence: ${f.ruleId} (${f.severity})`,
    `Agent: ${agentLabel(r)}${r.agent?.kind ? `, ${r.agent.kind}` : ''}`,
    `Where: ${fullPlaceLabel(f)}`,
    '',
    ...f.message.match(/.{1,100}(\s|$)/g)!.map((s) => s.trim()),
    '',
    'Evidence chain:',
    ...f.evidence.chain.map((s) => `  ${s.role.padEnd(10)} ${s.label}  (${s.line}:${s.column})`),
  ]));
  let text: string | undefined;
  try {
    text = f.excerpt ? await scannedText(f) : undefined;
  } catch (err) {
    out.push('', comment([`The code could not be read again: ${(err as Error).message}`]));
  }
  if (text && f.excerpt) {
    const excerpt = text.slice(f.excerpt.start, f.excerpt.end);
    const flagged = text.slice(f.excerpt.nodeStart, f.excerpt.nodeEnd);
    out.push('', comment([`The enclosing code, reprinted; /*▶*/ marks the flagged line (offsets ${f.excerpt.start}-${f.excerpt.end}):`]), '', mark(reprint(excerpt), flagged));
  }
  // Decoded lists and other evidence, written out in full.
  for (const [key, value] of Object.entries(f.evidence as Record<string, unknown>)) {
    if (key === 'chain' || !Array.isArray(value) || !value.length) continue;
    out.push('', comment([`${key} (${value.length}):`, ...value.map((v) => `  ${JSON.stringify(v)}`)]));
  }
  return out.join('\n') + '\n';
}

export class EvidenceProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly state: State) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const q = new URLSearchParams(uri.query);
    const r = this.state.value.results[Number(q.get('t'))];
    const f = r?.findings[Number(q.get('f'))];
    if (!r || !f) return '// This finding is no longer in the report; scan again.\n';
    return renderEvidence(r, f);
  }
}

export async function showEvidence(target: number, finding: number, state: State): Promise<void> {
  const f = state.value.results[target]?.findings[finding];
  if (!f) return;
  const doc = await vscode.workspace.openTextDocument(evidenceUri(target, finding, f));
  await vscode.languages.setTextDocumentLanguage(doc, 'javascript');
  await vscode.window.showTextDocument(doc, { preview: true });
}
