// Runs inside VS Code (started by @vscode/test-electron): the incident
// scenario checked through the API a person's editor exposes.
import * as assert from 'assert';
import * as vscode from 'vscode';

async function until<T>(what: string, fn: () => T | undefined, timeoutMs = 300_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<{ report(): { phase: string; results: Array<{ verdict: string; agent: { id: string } | null }> } }>('agent-xray.agent-xray');
  assert.ok(ext, 'the extension is installed');
  const api = await ext.activate();
  await until('the first scan', () => api.report().phase === 'done' || undefined);
  const verdicts = api.report().results.map((r) => `${r.agent?.id} ${r.verdict}`).sort();
  assert.deepStrictEqual(verdicts, ['@anthropic-ai/claude-code untrusted', 'anthropic.claude-code untrusted']);
  const all = await until('diagnostics', () => { const d = vscode.languages.getDiagnostics().filter(([, list]) => list.some((x) => x.source === 'Agent X-Ray')); return d.length ? d : undefined; });
  const messages = all.flatMap(([uri, list]) => list.map((d) => `${uri.fsPath} ${d.message}`)).join('\n');
  assert.match(messages, /Asia\/Shanghai/);
  assert.match(messages, /package\.json .*is untrusted/);
  assert.match(messages, /extensions\.json .*is untrusted/);
}
