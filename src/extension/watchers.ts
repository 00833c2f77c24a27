// What makes the extension look again: the workspace files that bring agents
// in, the install state package managers leave in node_modules, and the team
// policy, by file watchers and, where the OS has run out of watches, polling.
import * as path from 'path';
import * as vscode from 'vscode';
import { POLICY_FILE } from '../scanner/pipeline';
import { pollFile } from './poll';

/** How often polled files are checked (see poll.ts). */
const POLL_MS = 4000;
/** Workspace files that bring agents in. */
const WORKSPACE_FILES = ['package.json', '.mcp.json', '.vscode/mcp.json', '.cursor/mcp.json', '.vscode/extensions.json'];
/** What package managers rewrite on every install: npm's hidden lockfile, pnpm's and Yarn's (berry, then classic) state. */
const INSTALL_MARKERS = ['node_modules/.package-lock.json', 'node_modules/.modules.yaml', 'node_modules/.yarn-state.yml', 'node_modules/.yarn-integrity'];

export interface WatchHandlers {
  /** The policy file changed; `missedAt` is set when only polling saw it (at that time). */
  policyChanged(missedAt?: number): void;
  /** A workspace file or install state changed; `missedAt` as above. */
  workspaceChanged(why: string, missedAt?: number): void;
}

/** Watches every workspace folder; the returned disposables stop it. */
export function watchWorkspace(on: WatchHandlers): vscode.Disposable[] {
  const out: vscode.Disposable[] = [];
  const folders = vscode.workspace.workspaceFolders ?? [];
  const watch = (glob: string, fn: () => void) => {
    for (const folder of folders) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
      w.onDidChange(fn);
      w.onDidCreate(fn);
      w.onDidDelete(fn);
      out.push(w);
    }
  };
  // The editor's watcher can be silent (see poll.ts): local folders are also polled.
  const poll = (file: string, fn: (changedAt: number) => void) => {
    for (const folder of folders) {
      if (folder.uri.scheme === 'file') out.push({ dispose: pollFile(path.join(folder.uri.fsPath, file), POLL_MS, fn) });
    }
  };
  watch(POLICY_FILE, () => on.policyChanged());
  for (const glob of [...WORKSPACE_FILES, 'node_modules/{*,@*/*}/package.json', 'node_modules/.bin/*']) watch(glob, () => on.workspaceChanged(`${glob} changed`));
  poll(POLICY_FILE, (changedAt) => on.policyChanged(changedAt));
  for (const file of [...WORKSPACE_FILES, ...INSTALL_MARKERS]) poll(file, (changedAt) => on.workspaceChanged(`${file} changed`, changedAt));
  return out;
}
