// Agent X-Ray for VS Code: scans the agents on this machine and in the
// workspace when the editor starts, off the extension host's thread, and
// shows the result in the status bar, the Problems panel and a report view.
import { clip } from '../engine/evidence';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ENGINE_VERSION } from '../engine/scan';
import { toJson } from '../report/json';
import type { TargetResult } from '../report/model';
import { toSarif } from '../report/sarif';
import { Diagnostics, splitContainer } from './diagnostics';
import { EVIDENCE_SCHEME, EvidenceProvider, showEvidence } from './evidence';
import { ReportView, type Item } from './reportView';
import { ScanClient } from './scanClient';
import { allowVersion, readSettings } from './settings';
import { agentLabel, State } from './state';
import { TrustIndicator } from './statusBar';
import type { ScanRequest } from './worker';
import { PolicyError, type Policy, type Violation } from '../policy/policy';
import { buildReport, judge, POLICY_FILE, readPolicy } from '../scanner/pipeline';
import { pollFile } from './poll';
import { addRecommendation } from './recommend';

const LAST_REPORT = 'last-report.json';
const NOTIFIED = 'agentXray.notified';
/** How often polled files are checked (see poll.ts). */
const POLL_MS = 4000;
/** Workspace files that bring agents in. */
const WORKSPACE_FILES = ['package.json', '.mcp.json', '.vscode/mcp.json', '.cursor/mcp.json', '.vscode/extensions.json'];
/** What package managers rewrite on every install: npm's hidden lockfile, pnpm's and Yarn's (berry, then classic) state. */
const INSTALL_MARKERS = ['node_modules/.package-lock.json', 'node_modules/.modules.yaml', 'node_modules/.yarn-state.yml', 'node_modules/.yarn-integrity'];

interface SavedReport { version: string; finishedAt: number; results: TargetResult[]; skipped: string[] }

class Controller implements vscode.Disposable {
  readonly state = new State(readSettings());
  private readonly log = vscode.window.createOutputChannel('Agent X-Ray', { log: true });
  private readonly client: ScanClient;
  private readonly disposables: vscode.Disposable[] = [];
  private rescanTimer: NodeJS.Timeout | undefined;
  private lastScanStarted = 0;
  private policiesReadAt = 0;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.client = new ScanClient(path.join(context.extensionPath, 'dist'));
    // The last report first, so the indicator's first paint after a restart is already the verdict.
    const saved = this.readSavedReport();
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
      vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, { provideCodeActions: (doc, _range, ctx) => this.codeActions(doc, ctx) }),
      vscode.extensions.onDidChange(() => this.rescanSoon('extensions changed')),
      vscode.workspace.onDidChangeConfiguration((e) => this.configurationChanged(e)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.rescanSoon('workspace trusted')),
    );
    /** Calls `fn` when a file matching `glob` changes, appears or goes, in any workspace folder. */
    const watch = (glob: string, fn: () => void) => {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
        w.onDidChange(fn);
        w.onDidCreate(fn);
        w.onDidDelete(fn);
        this.disposables.push(w);
      }
    };
    /** Also polls `file` in every local workspace folder: the editor's watcher can be silent (see poll.ts). */
    const poll = (file: string, fn: (changedAt: number) => void) => {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        if (folder.uri.scheme === 'file') this.disposables.push({ dispose: pollFile(path.join(folder.uri.fsPath, file), POLL_MS, fn) });
      }
    };
    watch(POLICY_FILE, () => void this.evaluatePolicies());
    for (const glob of [...WORKSPACE_FILES, 'node_modules/{*,@*/*}/package.json', 'node_modules/.bin/*']) {
      watch(glob, () => this.rescanSoon(`${glob} changed`));
    }
    // A change the watcher already reported was read, or scanned, after it; only a missed one needs the work.
    poll(POLICY_FILE, (changedAt) => {
      if (changedAt > this.policiesReadAt) void this.evaluatePolicies();
    });
    for (const file of [...WORKSPACE_FILES, ...INSTALL_MARKERS]) {
      poll(file, (changedAt) => {
        if (changedAt > this.lastScanStarted) this.rescanSoon(`${file} changed`);
      });
    }
    const command = (id: string, fn: (...args: never[]) => unknown) => this.disposables.push(vscode.commands.registerCommand(id, fn));
    command('agentXray.scanNow', () => this.scanWithProgress());
    command('agentXray.cancelScan', () => this.client.cancel());
    command('agentXray.showReport', () => vscode.commands.executeCommand('agentXray.report.focus'));
    command('agentXray.exportReport', () => this.exportReport());
    command('agentXray.clearCache', () => this.clearCache());
    command('agentXray.recommend', () => this.recommend());
    command('agentXray.showEvidence', (item: Item) => item.kind === 'finding' && showEvidence(item.target, item.finding, this.state));
    command('agentXray.revealFile', (item: Item) => this.revealFile(item));
    command('agentXray.copyFinding', (item: Item) => this.copyFinding(item));
    command('agentXray.allowVersion', (item: Item) => item.kind !== 'detail' && this.allow(this.state.value.results[item.target]));
    command('agentXray.openExtension', (item: Item) => item.kind === 'agent' && this.openExtension(this.state.value.results[item.target]));
  }

  /** The last report, kept as a file in globalStorage (written when a scan ends, so it survives any shutdown). */
  private get reportFile(): string {
    return path.join(this.context.globalStorageUri.fsPath, LAST_REPORT);
  }

  private readSavedReport(): SavedReport | undefined {
    try {
      return JSON.parse(readFileSync(this.reportFile, 'utf8')) as SavedReport;
    } catch {
      return undefined;
    }
  }

  private async writeSavedReport(report: SavedReport): Promise<void> {
    try {
      await fs.mkdir(path.dirname(this.reportFile), { recursive: true });
      await fs.writeFile(`${this.reportFile}.tmp`, JSON.stringify(report));
      await fs.rename(`${this.reportFile}.tmp`, this.reportFile);
    } catch (err) {
      this.log.warn(`could not keep the report for the next start: ${(err as Error).message}`);
    }
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
    await this.writeSavedReport({ version: ENGINE_VERSION, finishedAt, results: done, skipped: this.state.value.skipped });
    this.log.info(`report shown ${finishedAt - started} ms after the scan started`);
    await this.notify(done);
  }

  /**
   * The workspace's committed policy files. In a restricted (untrusted)
   * workspace their allow entries are ignored: a policy may tighten what the
   * user accepts, never loosen it there.
   */
  private async evaluatePolicies(): Promise<void> {
    this.policiesReadAt = Date.now();
    const policies: Array<{ file: string; violations: Violation[]; error?: string }> = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const file = path.join(folder.uri.fsPath, POLICY_FILE);
      let policy: Policy;
      try {
        policy = await readPolicy(file);
      } catch (err) {
        if (err instanceof PolicyError) policies.push({ file, violations: [], error: err.message });
        continue; // no policy file in this folder
      }
      const violations = judge(policy, this.state.results(), vscode.workspace.isTrusted);
      policies.push({ file, violations });
      this.log.info(`policy ${file}: ${violations.length} violation(s)${vscode.workspace.isTrusted ? '' : ' (restricted workspace: its allow entries are ignored)'}`);
    }
    this.state.set({ policies });
  }

  /** Adds Agent X-Ray to .vscode/extensions.json recommendations, keeping the file's comments and formatting. */
  private async recommend(): Promise<void> {
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

  /** Once per newly untrusted (or, by setting, to-review or unread) agent version. */
  private async notify(results: TargetResult[]): Promise<void> {
    const level = this.state.settings.notifications;
    if (level === 'off') return;
    const notified = new Set(this.context.globalState.get<string[]>(NOTIFIED) ?? []);
    for (const r of results) {
      const v = this.state.verdictOf(r);
      // An agent some of whose JavaScript was read, but not its program, would have looked trusted: say so.
      const unread = v === 'unscannable' && !!r.coverage && r.coverage.program !== 'read' && r.coverage.read > 0;
      if (!(v === 'untrusted' || (level === 'review' && (v === 'review' || unread))) || !r.agent) continue;
      const key = `${r.agent.id}@${r.agent.version}`;
      if (notified.has(key)) continue;
      notified.add(key);
      await this.context.globalState.update(NOTIFIED, [...notified]);
      const worst = r.findings.find((f) => f.severity === 'critical') ?? r.findings[0];
      const actions = ['Show Details', ...(r.agent.kind === 'extension' ? ['Open Extension'] : []), 'Allow This Version…'];
      const text = unread ? `Agent X-Ray could not read the program of ${agentLabel(r)}, so it is not called trusted. ${r.notAnalysed[0] ?? ''}` : `Agent X-Ray: ${agentLabel(r)} is ${v}. ${worst ? clip(worst.summary ?? worst.message, 300) : ''}`;
      void vscode.window.showWarningMessage(text, ...actions).then(async (choice) => {
        const index = this.state.value.results.indexOf(r);
        if (choice === 'Show Details') {
          await vscode.commands.executeCommand('agentXray.report.focus');
          if (worst && index >= 0) await showEvidence(index, r.findings.indexOf(worst), this.state);
        } else if (choice === 'Open Extension') await this.openExtension(r);
        else if (choice === 'Allow This Version…') await this.allow(r);
      });
    }
  }

  private async allow(r: TargetResult | undefined): Promise<void> {
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

  private async openExtension(r: TargetResult | undefined): Promise<void> {
    if (r?.agent?.kind === 'extension') await vscode.commands.executeCommand('extension.open', r.agent.id);
  }

  private async revealFile(item: Item): Promise<void> {
    if (item.kind === 'detail') return;
    const r = this.state.value.results[item.target];
    if (!r) return;
    const f = item.kind === 'finding' ? r.findings[item.finding] : undefined;
    const { outer, inner } = splitContainer(f?.file ?? r.path);
    if (f && inner === undefined) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(outer));
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1) });
    } else await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(outer));
  }

  private async copyFinding(item: Item): Promise<void> {
    if (item.kind !== 'finding') return;
    const r = this.state.value.results[item.target]!;
    const f = r.findings[item.finding];
    const lines = [`${f.severity} ${f.ruleId} — ${agentLabel(r)}`, f.message, `${f.file}:${f.line}:${f.column}`, ...f.evidence.chain.map((s) => `  ${s.role}: ${s.label} (${s.line}:${s.column})`)];
    await vscode.env.clipboard.writeText(lines.join('\n'));
  }

  private codeActions(doc: vscode.TextDocument, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of ctx.diagnostics.filter((x) => x.source === 'Agent X-Ray')) {
      this.state.value.results.forEach((r, target) => r?.findings.forEach((f, finding) => {
        if (splitContainer(f.file).outer !== doc.uri.fsPath || typeof d.code !== 'object' || d.code.value !== f.ruleId) return;
        const sameSpot = splitContainer(f.file).inner === undefined ? d.range.start.line === f.line - 1 && d.range.start.character === f.column - 1 : d.message.includes(`:${f.line}:${f.column}]`);
        if (!sameSpot) return;
        const a = new vscode.CodeAction('Agent X-Ray: Show evidence', vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { command: 'agentXray.showEvidence', title: 'Show evidence', arguments: [{ kind: 'finding', target, finding }] };
        actions.push(a);
      }));
    }
    return actions;
  }

  private async exportReport(): Promise<void> {
    const target = await vscode.window.showSaveDialog({ filters: { 'JSON report': ['json'], SARIF: ['sarif'] }, saveLabel: 'Export', title: 'Export the Agent X-Ray report' });
    if (!target) return;
    const report = buildReport(this.state.results(), { discovery: { skipped: this.state.value.skipped } });
    await fs.writeFile(target.fsPath, target.fsPath.endsWith('.sarif') ? toSarif(report) : toJson(report));
    this.log.info(`report exported to ${target.fsPath}`);
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
