// Agent X-Ray for VS Code: scans the agents on this machine and in the
// workspace when the editor starts, off the extension host's thread, and
// shows the result in the status bar, the Problems panel and a report view.
// The controller runs scans and wires the parts: actions.ts (what the user
// does), notifications.ts, policies.ts, savedReport.ts, watchers.ts.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ENGINE_VERSION } from '../engine/scan';
import type { TargetResult } from '../model/report';
import { Actions } from './actions';
import { Command, FOCUS_REPORT } from './commands';
import { Diagnostics } from './diagnostics';
import { EVIDENCE_SCHEME, EvidenceProvider, showEvidence } from './evidence';
import { notify, NOTIFIED } from './notifications';
import { workspacePolicies } from './policies';
import { ReportView, type Item } from './reportView';
import { SavedReportFile } from './savedReport';
import { ScanClient } from './scanClient';
import { readSettings } from './settings';
import { agentLabel, State } from './state';
import { TrustIndicator } from './statusBar';
import { watchWorkspace } from './watchers';
import type { ScanRequest } from './worker';

class Controller implements vscode.Disposable {
  readonly state = new State(readSettings());
  private readonly log = vscode.window.createOutputChannel('Agent X-Ray', { log: true });
  private readonly client: ScanClient;
  private readonly disposables: vscode.Disposable[] = [];
  private rescanTimer: NodeJS.Timeout | undefined;
  private lastScanStarted = 0;
  private policiesReadAt = 0;
  private readonly saved: SavedReportFile;
  private readonly actions: Actions;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.client = new ScanClient(path.join(context.extensionPath, 'dist'));
    this.saved = new SavedReportFile(context.globalStorageUri.fsPath, (m) => this.log.warn(m));
    this.actions = new Actions(context, this.state, this.log);
    // The last report first, so the indicator's first paint after a restart is already the verdict.
    const saved = this.saved.read();
    if (saved && saved.version === ENGINE_VERSION) {
      this.state.set({ phase: 'done', results: saved.results, agents: [], skipped: saved.skipped, finishedAt: saved.finishedAt, fromCache: true });
    }
    const report = new ReportView(this.state);
    this.disposables.push(
      this.log, this.state, report,
      new TrustIndicator(this.state),
      new Diagnostics(this.state),
      vscode.window.registerTreeDataProvider('agentXray.report', report),
      vscode.workspace.registerTextDocumentContentProvider(EVIDENCE_SCHEME, new EvidenceProvider(this.state)),
      vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, { provideCodeActions: (doc, _range, ctx) => this.actions.codeActions(doc, ctx) }),
      vscode.extensions.onDidChange(() => this.rescanSoon('extensions changed')),
      vscode.workspace.onDidChangeConfiguration((e) => this.configurationChanged(e)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.rescanSoon('workspace trusted')),
      // A change the watcher already reported was read, or scanned, after it; only a missed one needs the work.
      ...watchWorkspace({
        policyChanged: (missedAt) => { if (missedAt === undefined || missedAt > this.policiesReadAt) void this.evaluatePolicies(); },
        workspaceChanged: (why, missedAt) => { if (missedAt === undefined || missedAt > this.lastScanStarted) this.rescanSoon(why); },
      }),
    );
    const results = () => this.state.value.results;
    const commands: Record<Command, (...args: never[]) => unknown> = {
      [Command.ScanNow]: () => this.scanWithProgress(),
      [Command.CancelScan]: () => this.client.cancel(),
      [Command.ShowReport]: () => vscode.commands.executeCommand(FOCUS_REPORT),
      [Command.ExportReport]: () => this.actions.exportReport(),
      [Command.ClearCache]: () => this.clearCache(),
      [Command.Recommend]: () => this.actions.recommend(),
      [Command.ShowEvidence]: (item: Item) => item.kind === 'finding' && showEvidence(item.target, item.finding, this.state),
      [Command.RevealFile]: (item: Item) => this.actions.revealFile(item),
      [Command.CopyFinding]: (item: Item) => this.actions.copyFinding(item),
      [Command.AllowVersion]: (item: Item) => item.kind !== 'detail' && this.actions.allow(results()[item.target]),
      [Command.OpenExtension]: (item: Item) => item.kind === 'agent' && this.actions.openExtension(results()[item.target]),
    };
    for (const [id, fn] of Object.entries(commands)) this.disposables.push(vscode.commands.registerCommand(id, fn));
  }

  /** Scans if the settings say so; the last report is already shown (the restart path). */
  start(): void {
    if (this.state.value.fromCache) {
      this.log.info(`showing the last report (${this.state.results().length} agents, ${new Date(this.state.value.finishedAt ?? 0).toISOString()})`);
      void this.evaluatePolicies();
    }
    if (this.state.settings.scanOnStartup) void this.scan('startup');
  }

  private rescanSoon(why: string): void {
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => void this.scan(why), 1500);
  }

  private configurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!e.affectsConfiguration('agentXray')) return;
    const before = this.state.settings;
    this.state.settings = readSettings();
    const rescan = ['extraPaths', 'excludedAgents', 'maxFileSizeMB'].some((k) => e.affectsConfiguration(`agentXray.${k}`));
    this.log.info(`settings changed${rescan ? '; scanning again' : ''}`);
    if (rescan && before) this.rescanSoon('settings changed');
    else this.state.set({});
  }

  private request(): ScanRequest {
    const s = this.state.settings;
    const storage = this.context.globalStorageUri.fsPath;
    return {
      home: os.homedir(), env: { ...process.env }, platform: process.platform,
      workspaces: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
      // The running editor's own extensions folder, wherever it is (code-server, --extensions-dir, remote hosts).
      extensionRoots: [path.dirname(this.context.extensionPath)],
      extraPaths: s.extraPaths, excludedAgents: s.excludedAgents, maxFileBytes: s.maxFileSizeMB * 1024 * 1024, storage,
    };
  }

  /** A scan the user asked for: a notification with a cancel button shows its progress. */
  private scanWithProgress(): Thenable<void> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Agent X-Ray', cancellable: true }, (progress, token) => {
      token.onCancellationRequested(() => this.client.cancel());
      const shown = this.state.onDidChange(() => {
        const p = this.state.value.progress;
        if (p) progress.report({ message: `scanning ${p.index + 1} of ${p.total}: ${p.name}` });
      });
      progress.report({ message: 'looking for agents…' });
      return this.scan('command').finally(() => shown.dispose());
    });
  }

  async scan(why: string): Promise<void> {
    const started = this.lastScanStarted = Date.now();
    void vscode.commands.executeCommand('setContext', 'agentXray.scanning', true);
    try {
      await this.runScan(why, started);
    } finally {
      if (!this.client.running) void vscode.commands.executeCommand('setContext', 'agentXray.scanning', false);
    }
  }

  private async runScan(why: string, started: number): Promise<void> {
    this.log.info(`scan started (${why})`);
    // What is shown (the last report, or the previous scan) stays until the new results are complete.
    const cached = this.state.value.results.some(Boolean);
    this.state.set({ phase: 'scanning', progress: undefined, ...(cached ? { fromCache: true } : { results: [], agents: [] }) });
    let results: Array<TargetResult | undefined> = [];
    const how = await this.client.run(this.request(), (m) => {
      switch (m.type) {
        case 'discovered':
          this.log.info(`found ${m.agents.length} agent(s); ${m.skipped.length} place(s) skipped`);
          for (const a of m.agents) this.log.info(`  ${a.kind} ${a.id}@${a.version} via ${a.foundAt.join('; ')}`);
          for (const s of m.skipped) this.log.debug(`  skipped ${s}`);
          results = m.agents.map(() => undefined);
          if (!cached) this.state.set({ agents: m.agents, results, skipped: m.skipped });
          break;
        case 'progress':
          this.state.set({ progress: m });
          break;
        case 'target':
          results[m.index] = m.result;
          this.log.info(`${agentLabel(m.result)}: ${m.result.verdict}, ${m.result.files} file(s), ${(m.result.bytes / 1e6).toFixed(1)} MB in ${m.result.ms} ms`);
          if (!cached) this.state.set({ results: [...results] });
          break;
        case 'done':
          this.log.info(`scan finished in ${m.ms} ms${m.attempts.length ? `; refused: ${m.attempts.join(', ')}` : ''}`);
          break;
        case 'error':
          this.log.error(`scan failed: ${m.message}`);
          break;
      }
    });
    if (how === 'stopped') return;
    if (how === 'cancelled') {
      this.log.info(`scan cancelled after ${Date.now() - started} ms; results of files already scanned stay cached`);
      // A report shown from the last scan stays; otherwise what was scanned so far, marked as cancelled.
      this.state.set(cached ? { phase: 'done', progress: undefined } : { phase: 'cancelled', results, progress: undefined });
      return;
    }
    if (how === 'failed') {
      this.state.set({ phase: 'failed' });
      return;
    }
    const finishedAt = Date.now();
    this.state.set({ phase: 'done', results, finishedAt, fromCache: false, progress: undefined });
    await this.evaluatePolicies();
    const done = results.filter((r): r is TargetResult => !!r);
    await this.saved.write({ version: ENGINE_VERSION, finishedAt, results: done, skipped: this.state.value.skipped });
    this.log.info(`report shown ${finishedAt - started} ms after the scan started`);
    await notify(this.context, this.state, this.actions, done);
  }

  private async evaluatePolicies(): Promise<void> {
    this.policiesReadAt = Date.now();
    this.state.set({ policies: await workspacePolicies(this.state.results(), (m) => this.log.info(m)) });
  }

  private async clearCache(): Promise<void> {
    await fs.rm(this.context.globalStorageUri.fsPath, { recursive: true, force: true });
    await this.context.globalState.update(NOTIFIED, undefined);
    this.log.info('cache cleared');
    this.state.set({ fromCache: false });
    await this.scan('cache cleared');
  }

  dispose(): void {
    clearTimeout(this.rescanTimer);
    this.client.stop();
    for (const d of this.disposables) d.dispose();
  }
}

/** What other extensions and the integration tests can read: the report being shown. */
export interface AgentXrayApi {
  report(): { phase: string; results: TargetResult[] };
}

export function activate(context: vscode.ExtensionContext): AgentXrayApi {
  const controller = new Controller(context);
  context.subscriptions.push(controller);
  controller.start();
  return { report: () => ({ phase: controller.state.value.phase, results: controller.state.results() }) };
}

export function deactivate(): void {}
