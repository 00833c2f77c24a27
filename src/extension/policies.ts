// The workspace's committed policy files, read and judged by the scan
// pipeline. In a restricted (untrusted) workspace their allow entries are
// ignored: a policy may tighten what the user accepts, never loosen it there.
import * as path from 'path';
import * as vscode from 'vscode';
import type { TargetResult, Violation } from '../model/report';
import { PolicyError, type Policy } from '../policy/policy';
import { judge, POLICY_FILE, readPolicy } from '../scanner/pipeline';

export interface WorkspacePolicy { file: string; violations: Violation[]; error?: string }

export async function workspacePolicies(results: TargetResult[], log: (message: string) => void): Promise<WorkspacePolicy[]> {
  const policies: WorkspacePolicy[] = [];
  const trusted = vscode.workspace.isTrusted;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const file = path.join(folder.uri.fsPath, POLICY_FILE);
    let policy: Policy;
    try {
      policy = await readPolicy(file);
    } catch (err) {
      if (err instanceof PolicyError) policies.push({ file, violations: [], error: err.message });
      continue; // no policy file in this folder
    }
    const violations = judge(policy, results, trusted);
    policies.push({ file, violations });
    log(`policy ${file}: ${violations.length} violation(s)${trusted ? '' : ' (restricted workspace: its allow entries are ignored)'}`);
  }
  return policies;
}
