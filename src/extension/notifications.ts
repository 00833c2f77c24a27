// One notification per newly untrusted (or, by setting, to-review or unread)
// agent version, leading with the plain-language summary.
import * as vscode from 'vscode';
import { clip } from '../engine/evidence';
import type { TargetResult } from '../model/report';
import type { Actions } from './actions';
import { FOCUS_REPORT } from './commands';
import { showEvidence } from './evidence';
import { agentLabel, type State } from './state';

/** globalState key: the agent versions already notified. */
export const NOTIFIED = 'agentXray.notified';

export async function notify(context: vscode.ExtensionContext, state: State, actions: Actions, results: TargetResult[]): Promise<void> {
  const level = state.settings.notifications;
  if (level === 'off') return;
  const notified = new Set(context.globalState.get<string[]>(NOTIFIED) ?? []);
  for (const r of results) {
    const v = state.verdictOf(r);
    // An agent some of whose JavaScript was read, but not its program, would have looked trusted: say so.
    const unread = v === 'unscannable' && !!r.coverage && r.coverage.program !== 'read' && r.coverage.read > 0;
    if (!(v === 'untrusted' || (level === 'review' && (v === 'review' || unread))) || !r.agent) continue;
    const key = `${r.agent.id}@${r.agent.version}`;
    if (notified.has(key)) continue;
    notified.add(key);
    await context.globalState.update(NOTIFIED, [...notified]);
    const worst = r.findings.find((f) => f.severity === 'critical') ?? r.findings[0];
    const choices = ['Show Details', ...(r.agent.kind === 'extension' ? ['Open Extension'] : []), 'Allow This Version…'];
    const text = unread ? `Agent X-Ray could not read the program of ${agentLabel(r)}, so it is not called trusted. ${r.notAnalysed[0] ?? ''}` : `Agent X-Ray: ${agentLabel(r)} is ${v}. ${worst ? clip(worst.summary, 300) : ''}`;
    void vscode.window.showWarningMessage(text, ...choices).then(async (choice) => {
      const index = state.value.results.indexOf(r);
      if (choice === 'Show Details') {
        await vscode.commands.executeCommand(FOCUS_REPORT);
        if (worst && index >= 0) await showEvidence(index, r.findings.indexOf(worst), state);
      } else if (choice === 'Open Extension') await actions.openExtension(r);
      else if (choice === 'Allow This Version…') await actions.allow(r);
    });
  }
}
