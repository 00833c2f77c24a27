// Discovery: the agents on this machine and in the workspace, found by reading
// folders and manifests only. Nothing found is executed, and no other program
// is started to ask where things are.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { executableFormat } from '../artifacts/executable';
import { platformPackages } from '../artifacts/targetFiles';
import { AGENT_CONTRIBUTIONS, knownCommand, knownExtension, knownPackage, KNOWN_CLIS, LLM_SDKS, type KnownCli } from './catalog';
import { isDir, isFile, list, Log, packageOf, packagesIn, readJson, readText, real, type PackageJson } from './files';

import type { AgentKind } from '../model/report';

export type { AgentKind };

export interface DiscoveredAgent {
  id: string;
  name: string;
  version: string;
  kind: AgentKind;
  vendor?: string;
  /** In the catalog; otherwise found by a heuristic, named in `why`. */
  known: boolean;
  why?: string;
  /** What to scan: a package or extension folder, an executable, platform packages. */
  paths: string[];
  /** Every route that led here ("PATH /usr/local/bin/claude -> ..."). */
  foundAt: string[];
}

export interface DiscoveryOptions {
  home: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Prefix for system folders (/usr/local, /opt/homebrew); tests point it at a fake root. */
  root?: string;
  /** Workspace folders to look into. */
  workspaces?: string[];
  /** More extensions folders, e.g. the running editor's own (where this extension is installed). */
  extensionRoots?: string[];
  /** false: only the workspaces (a CI run judging a repository), not this machine's editors, PATH and global folders. */
  machine?: boolean;
}

export interface Discovery {
  agents: DiscoveredAgent[];
  /** What was skipped, and why (unreadable folders, broken links, malformed manifests). */
  skipped: string[];
}

const VERSION_IN_PATH = /(?:^|[\\/@-])v?(\d+\.\d+\.\d+(?:[-+][\w.]+)?)(?=$|[\\/])/;

class Finder {
  readonly log = new Log();
  private readonly byArtifact = new Map<string, DiscoveredAgent>();
  private readonly win: boolean;
  private readonly root: string;

  constructor(readonly o: DiscoveryOptions) {
    this.win = o.platform === 'win32';
    this.root = o.root ?? (this.win ? 'C:\\' : '/');
  }

  private sys(...parts: string[]): string {
    return path.join(this.root, ...parts);
  }

  private homeDir(...parts: string[]): string {
    return path.join(this.o.home, ...parts);
  }

  /** Adds an agent, or merges the route into the one already found for the same artifact. */
  private async add(agent: Omit<DiscoveredAgent, 'foundAt'>, route: string): Promise<void> {
    const key = await real(agent.paths[0], this.log) ?? agent.paths[0];
    const existing = this.byArtifact.get(key);
    if (existing) {
      if (!existing.foundAt.includes(route)) existing.foundAt.push(route);
      for (const p of agent.paths) if (!existing.paths.includes(p)) existing.paths.push(p);
      return;
    }
    this.byArtifact.set(key, { ...agent, foundAt: [route] });
  }

  agents(): DiscoveredAgent[] {
    return [...this.byArtifact.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id) || a.version.localeCompare(b.version));
  }

  // ---- editors ----

  extensionRoots(): Array<[string, string]> {
    const dots = ['.vscode', '.vscode-insiders', '.vscode-server', '.vscode-server-insiders', '.vscode-remote', '.cursor', '.cursor-server',
      '.windsurf', '.windsurf-server', '.vscode-oss', '.trae', '.trae-server', '.kiro', '.kiro-server', '.positron'];
    const roots: Array<[string, string]> = dots.map((d) => [d, this.homeDir(d, 'extensions')]);
    const dataHome = this.o.env.XDG_DATA_HOME ?? this.homeDir('.local', 'share');
    roots.push(['code-server', path.join(dataHome, 'code-server', 'extensions')]);
    if (this.o.platform === 'darwin') roots.push(['code-server', this.homeDir('Library', 'Application Support', 'code-server', 'extensions')]);
    if (this.win && this.o.env.APPDATA) roots.push(['code-server', path.join(this.o.env.APPDATA, 'code-server', 'Data', 'extensions')]);
    if (this.o.env.VSCODE_EXTENSIONS) roots.push(['VSCODE_EXTENSIONS', this.o.env.VSCODE_EXTENSIONS]);
    if (this.o.env.VSCODE_PORTABLE) roots.push(['portable VS Code', path.join(this.o.env.VSCODE_PORTABLE, 'extensions')]);
    for (const r of this.o.extensionRoots ?? []) if (!roots.some(([, d]) => d === r)) roots.push(['this editor\'s', r]);
    return roots;
  }

  /** One extensions folder: its extensions.json registry when present, else its subfolders; obsolete ones skipped. */
  async extensionsFolder(label: string, dir: string): Promise<void> {
    if (!await isDir(dir)) return;
    const obsolete = await readJson<Record<string, boolean>>(path.join(dir, '.obsolete'), this.log) ?? {};
    let folders: string[] = [];
    const registry = await readJson<unknown>(path.join(dir, 'extensions.json'), this.log);
    if (Array.isArray(registry)) {
      for (const entry of registry as Array<{ relativeLocation?: string; location?: unknown }>) {
        const folder = this.registryFolder(dir, entry);
        if (folder) folders.push(folder);
      }
    } else {
      folders = (await list(dir, this.log)).filter((e) => !e.name.startsWith('.') && (e.isDirectory() || e.isSymbolicLink())).map((e) => path.join(dir, e.name));
    }
    for (const folder of folders) {
      if (obsolete[path.basename(folder)]) continue;
      const pkg = await readJson<PackageJson>(path.join(folder, 'package.json'), this.log);
      if (!pkg || typeof pkg.name !== 'string' || typeof pkg.publisher !== 'string') continue;
      const id = `${pkg.publisher}.${pkg.name}`;
      const known = knownExtension(id);
      const contributes = AGENT_CONTRIBUTIONS.filter((c) => pkg.contributes && c in pkg.contributes);
      if (!known && !contributes.length) continue;
      await this.add({
        id: known?.id ?? id, name: known?.name ?? pkg.displayName ?? pkg.name, version: pkg.version ?? '', kind: 'extension',
        vendor: known?.vendor ?? pkg.publisher, known: !!known, why: known ? undefined : `contributes ${contributes.join(', ')}`,
        paths: [folder],
      }, `${label} extensions folder ${dir}`);
    }
  }

  /** The folder of an extensions.json entry: relativeLocation, a URI object, or the older string form. */
  private registryFolder(dir: string, entry: { relativeLocation?: string; location?: unknown }): string | undefined {
    if (typeof entry.relativeLocation === 'string') return path.join(dir, entry.relativeLocation);
    const loc = entry.location;
    try {
      if (typeof loc === 'string') return loc.startsWith('file:') ? fileURLToPath(loc) : loc;
      if (loc && typeof loc === 'object') {
        const l = loc as { fsPath?: string; path?: string; scheme?: string };
        if (l.scheme && l.scheme !== 'file') return undefined;
        const p = l.fsPath ?? l.path;
        if (typeof p === 'string') return this.win && /^\/[A-Za-z]:/.test(p) ? p.slice(1) : p;
      }
    } catch {
      this.log.skip(path.join(dir, 'extensions.json'), `unusable location ${JSON.stringify(loc).slice(0, 80)}`);
    }
    return undefined;
  }

  // ---- command-line agents ----

  /** PATH lookup for the known commands, following links, shims and wrappers. */
  async pathCommands(): Promise<void> {
    const pathVar = this.o.env.PATH ?? this.o.env.Path ?? '';
    const dirs = [...new Set(pathVar.split(this.win ? ';' : ':').filter(Boolean))];
    const exts = this.win ? (this.o.env.PATHEXT ?? '.EXE;.CMD;.BAT;.PS1').split(';').map((e) => e.toLowerCase()).concat(['']) : [''];
    for (const dir of dirs) {
      for (const cli of KNOWN_CLIS) {
        for (const ext of exts) {
          const file = path.join(dir, cli.command + ext);
          if (!await isFile(file)) {
            await real(file, this.log); // logs a broken link or a loop; silent when there is nothing
            continue;
          }
          await this.command(file, `PATH ${file}`);
          break;
        }
      }
    }
  }

  /** Follows one command file to the artifact that really runs, then records it. */
  async command(file: string, route: string, kind: AgentKind = 'cli'): Promise<void> {
    const command = path.basename(file).replace(/\.(?:cmd|ps1|exe|bat)$/i, '');
    let target = await real(file, this.log);
    const hops: string[] = [];
    for (let i = 0; target && i < 4; i++) {
      const next = await this.shimTarget(target);
      if (!next) break;
      hops.push(next);
      target = await real(next, this.log);
    }
    if (!target) return;
    if (target !== file) route += ` -> ${target}`;
    const head = Buffer.alloc(64);
    const fh = await fs.open(target, 'r').catch(() => undefined);
    if (!fh) { this.log.skip(target, 'cannot be read'); return; }
    try { await fh.read(head, 0, 64, 0); } finally { await fh.close(); }
    const cli = knownCommand(command);
    const owner = await this.ownerOf(target);
    if (owner && !executableFormat(head)) {
      await this.packageAgent(owner.dir, owner.pkg, route, kind, cli);
      return;
    }
    const version = owner?.pkg.version ?? VERSION_IN_PATH.exec(target)?.[1] ?? '';
    await this.add({
      id: owner?.pkg.name ?? cli?.packages[0] ?? cli?.command ?? command, name: cli?.name ?? command, version, kind,
      vendor: cli?.vendor, known: !!cli, paths: [owner?.dir ?? target],
    }, route);
  }

  /** The installed package a command file belongs to: inside node_modules, or a package whose `bin` names it. */
  private async ownerOf(file: string): Promise<{ dir: string; pkg: PackageJson } | undefined> {
    const owner = await packageOf(file, this.log);
    if (!owner) return undefined;
    if (file.split(path.sep).includes('node_modules')) return owner;
    const bins = typeof owner.pkg.bin === 'string' ? [owner.pkg.bin] : Object.values(owner.pkg.bin ?? {});
    return bins.some((b) => path.resolve(owner.dir, b) === file) ? owner : undefined;
  }

  /** npm/cmd-shim `.cmd`, `.ps1` and `sh` shims, and `exec "/path"` wrappers: the file they start. */
  private async shimTarget(file: string): Promise<string | undefined> {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat || stat.size > 64 * 1024) return undefined;
    const text = await readText(file, this.log);
    if (!text || text.includes('\0')) return undefined;
    const dir = path.dirname(file);
    const candidates = [
      /"%~?dp0%?\\([^"]+\.(?:js|cjs|mjs|exe))"/i, // .cmd
      /"\$basedir[\\/]([^"]+?)"\s+"?\$@"?/, // sh and .ps1 (`"$basedir/../x/cli.js" "$@"`, `& "$basedir/node$exe" "$basedir/..."`)
      /\$basedir[\\/]([^"\s]+\.(?:js|cjs|mjs))/, // ps1 forms
    ];
    for (const re of candidates) {
      const m = re.exec(text);
      if (m && !/[\\/]node(?:\$exe|\.exe)?$/.test(m[1])) return path.resolve(dir, m[1].replace(/\\/g, path.sep));
    }
    // A plain wrapper script: `exec "/opt/agent/bin/agent" "$@"` or `exec /path "$@"`.
    if (text.startsWith('#!') && /\b(?:ba|z|da)?sh\b/.test(text.split('\n')[0])) {
      const m = /^\s*exec\s+(?:-a\s+\S+\s+)?"?([^"\s$]+)"?/m.exec(text);
      if (m && path.isAbsolute(m[1])) return m[1];
    }
    return undefined;
  }

  /** A package that is an agent (known by name, or depending on an LLM SDK), with its installed platform packages. */
  private async packageAgent(dir: string, pkg: PackageJson, route: string, kind: AgentKind, cli = knownPackage(pkg.name ?? '')): Promise<void> {
    const known = knownPackage(pkg.name ?? '') ?? cli;
    const sdk = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).find((d) => LLM_SDKS.has(d));
    if (!known && !sdk && kind !== 'mcp server') return;
    const paths = [dir, ...await this.platformPackages(dir, pkg)];
    await this.add({
      id: pkg.name ?? path.basename(dir), name: known?.name ?? pkg.name ?? path.basename(dir), version: pkg.version ?? '', kind,
      vendor: known?.vendor, known: !!known, why: known ? undefined : sdk ? `depends on ${sdk}` : undefined, paths,
    }, route);
  }

  /**
   * Launchers (Codex's bin/codex.js, Claude Code's cli-wrapper.cjs, Copilot's
   * npm-loader.js) start a binary from a platform package named in their
   * optionalDependencies; the installed ones are part of the agent.
   */
  private async platformPackages(dir: string, pkg: PackageJson): Promise<string[]> {
    return (await platformPackages(dir, pkg)).dirs;
  }

  /** Where a known CLI's launcher puts the program it downloads on first run. */
  private downloadDirs(cli: KnownCli | undefined): string[] {
    const tmp = this.o.env.TMPDIR ?? this.o.env.TEMP ?? this.o.env.TMP ?? os.tmpdir();
    return (cli?.downloads ?? []).map((d) => (d.under === 'home' ? this.homeDir(...d.parts) : path.join(tmp, ...d.parts)));
  }

  /** First-run downloads: added to the agent whose launcher made them, or an agent of their own (an `npx` run leaves no package). */
  async firstRunDownloads(): Promise<void> {
    for (const cli of KNOWN_CLIS) {
      for (const dir of this.downloadDirs(cli)) {
        if (!await isDir(dir)) continue;
        const owners = [...this.byArtifact.values()].filter((a) => cli.packages.includes(a.id));
        for (const a of owners) if (!a.paths.includes(dir)) a.paths.push(dir);
        if (!owners.length) await this.add({ id: cli.packages[0] ?? cli.command, name: cli.name, version: '', kind: 'cli', vendor: cli.vendor, known: true, paths: [dir] }, `first-run download ${dir}`);
      }
    }
  }

  /** Global package folders: npm prefixes, nvm, fnm, volta, pnpm, yarn, bun, Homebrew. */
  async globalFolders(): Promise<void> {
    const e = this.o.env;
    const roots = new Set<string>();
    const prefixes = new Set<string>();
    const npmrc = await readText(e.NPM_CONFIG_USERCONFIG ?? e.npm_config_userconfig ?? this.homeDir('.npmrc'), this.log);
    const rcPrefix = npmrc && /^\s*prefix\s*=\s*(.+?)\s*$/m.exec(npmrc)?.[1].replace(/^~(?=$|[\\/])/, this.o.home).replace(/\$\{HOME\}/g, this.o.home);
    for (const p of [e.NPM_CONFIG_PREFIX, e.npm_config_prefix, rcPrefix]) if (p) prefixes.add(p);
    if (this.win) {
      if (e.APPDATA) prefixes.add(path.join(e.APPDATA, 'npm'));
    } else {
      prefixes.add(this.sys('usr', 'local'));
      prefixes.add(this.sys('usr'));
      prefixes.add(this.sys('opt', 'homebrew'));
      prefixes.add(this.sys('home', 'linuxbrew', '.linuxbrew'));
      prefixes.add(this.homeDir('.npm-global'));
    }
    for (const p of prefixes) roots.add(this.win ? path.join(p, 'node_modules') : path.join(p, 'lib', 'node_modules'));
    const nvm = e.NVM_DIR ?? this.homeDir('.nvm');
    for (const v of await list(path.join(nvm, 'versions', 'node'), this.log)) roots.add(path.join(nvm, 'versions', 'node', v.name, 'lib', 'node_modules'));
    if (this.win && e.NVM_HOME) for (const v of await list(e.NVM_HOME, this.log)) roots.add(path.join(e.NVM_HOME, v.name, 'node_modules'));
    const fnmDirs = [e.FNM_DIR, this.homeDir('.local', 'share', 'fnm'), this.homeDir('.fnm'), this.homeDir('Library', 'Application Support', 'fnm'), e.APPDATA && path.join(e.APPDATA, 'fnm')];
    for (const f of fnmDirs) {
      if (!f) continue;
      for (const v of await list(path.join(f, 'node-versions'), this.log)) {
        roots.add(path.join(f, 'node-versions', v.name, 'installation', 'lib', 'node_modules'));
        roots.add(path.join(f, 'node-versions', v.name, 'installation', 'node_modules'));
      }
    }
    const volta = e.VOLTA_HOME ?? this.homeDir('.volta');
    for (const p of await list(path.join(volta, 'tools', 'image', 'packages'), this.log)) {
      const base = path.join(volta, 'tools', 'image', 'packages', p.name);
      roots.add(path.join(base, 'lib', 'node_modules'));
      roots.add(path.join(base, 'node_modules'));
    }
    const pnpmHomes = [e.PNPM_HOME, this.homeDir('.local', 'share', 'pnpm'), this.homeDir('Library', 'pnpm'), e.LOCALAPPDATA && path.join(e.LOCALAPPDATA, 'pnpm')];
    for (const h of pnpmHomes) {
      if (!h) continue;
      for (const n of await list(path.join(h, 'global'), this.log)) roots.add(path.join(h, 'global', n.name, 'node_modules'));
    }
    roots.add(this.homeDir('.config', 'yarn', 'global', 'node_modules'));
    if (e.LOCALAPPDATA) roots.add(path.join(e.LOCALAPPDATA, 'Yarn', 'Data', 'global', 'node_modules'));
    roots.add(path.join(e.BUN_INSTALL ?? this.homeDir('.bun'), 'install', 'global', 'node_modules'));

    for (const root of roots) {
      for (const dir of await packagesIn(root, this.log)) {
        const pkg = await readJson<PackageJson>(path.join(dir, 'package.json'), this.log);
        if (pkg?.name && pkg.bin) await this.packageAgent(dir, pkg, `global packages ${root}`, 'cli');
      }
    }
    // Homebrew casks ship agents as binaries: Caskroom/<cask>/<version>/<command>.
    for (const caskroom of [this.sys('opt', 'homebrew', 'Caskroom'), this.sys('usr', 'local', 'Caskroom')]) {
      for (const cask of await list(caskroom, this.log)) {
        for (const version of await list(path.join(caskroom, cask.name), this.log)) {
          for (const f of await list(path.join(caskroom, cask.name, version.name), this.log)) {
            if (knownCommand(f.name)) await this.command(path.join(caskroom, cask.name, version.name, f.name), `Homebrew cask ${cask.name}`);
          }
        }
      }
    }
  }

  /** Native installers: Claude Code's versions folder and local install, Cursor Agent's versions. */
  async nativeInstallers(): Promise<void> {
    const claude = knownCommand('claude')!;
    const versions = this.homeDir('.local', 'share', 'claude', 'versions');
    for (const v of await list(versions, this.log)) {
      const file = path.join(versions, v.name);
      const target = (await isDir(file)) ? path.join(file, this.win ? 'claude.exe' : 'claude') : file;
      if (!await isFile(target)) continue;
      await this.add({ id: '@anthropic-ai/claude-code', name: claude.name, version: VERSION_IN_PATH.exec(`/${v.name}`)?.[1] ?? v.name, kind: 'cli', vendor: claude.vendor, known: true, paths: [target] }, `native installer ${versions}`);
    }
    const local = this.homeDir('.claude', 'local', 'node_modules', '@anthropic-ai', 'claude-code');
    const localPkg = await readJson<PackageJson>(path.join(local, 'package.json'), this.log);
    if (localPkg) await this.packageAgent(local, localPkg, `local install ${this.homeDir('.claude', 'local')}`, 'cli');
    const cursor = knownCommand('cursor-agent')!;
    const cursorVersions = this.homeDir('.local', 'share', 'cursor-agent', 'versions');
    for (const v of await list(cursorVersions, this.log)) {
      const dir = path.join(cursorVersions, v.name);
      if (!await isDir(dir)) continue;
      await this.add({ id: 'cursor-agent', name: cursor.name, version: v.name, kind: 'cli', vendor: cursor.vendor, known: true, paths: [dir] }, `native installer ${cursorVersions}`);
    }
  }

  // ---- workspace ----

  async workspace(ws: string): Promise<void> {
    const manifest = await readJson<PackageJson>(path.join(ws, 'package.json'), this.log);
    const nodeModules = path.join(ws, 'node_modules');
    const direct = new Set(Object.keys({ ...manifest?.dependencies, ...manifest?.devDependencies, ...manifest?.optionalDependencies }));
    for (const name of direct) {
      const dir = path.join(nodeModules, name);
      const pkg = await readJson<PackageJson>(path.join(dir, 'package.json'), this.log);
      if (pkg) await this.packageAgent(dir, pkg, `dependency in ${path.join(ws, 'package.json')}`, 'workspace dependency');
      else if (knownPackage(name)) this.log.skip(path.join(ws, 'package.json'), `${name} is a dependency but is not installed in node_modules`);
    }
    for (const cli of KNOWN_CLIS) {
      for (const name of cli.packages) {
        const dir = path.join(nodeModules, name);
        const pkg = direct.has(name) ? undefined : await readJson<PackageJson>(path.join(dir, 'package.json'), this.log);
        if (pkg) await this.packageAgent(dir, pkg, `installed in ${nodeModules}`, 'workspace dependency');
      }
    }
    for (const e of await list(path.join(nodeModules, '.bin'), this.log)) {
      if (knownCommand(e.name)) await this.command(path.join(nodeModules, '.bin', e.name), `workspace ${path.join(nodeModules, '.bin', e.name)}`, 'workspace dependency');
    }
    for (const [file, key] of [['.mcp.json', 'mcpServers'], [path.join('.vscode', 'mcp.json'), 'servers'], [path.join('.cursor', 'mcp.json'), 'mcpServers']]) {
      const config = await readJson<Record<string, Record<string, { command?: string; args?: string[] }>>>(path.join(ws, file), this.log);
      for (const [name, server] of Object.entries(config?.[key] ?? {})) await this.mcpServer(ws, path.join(ws, file), name, server);
    }
  }

  /** An MCP server whose command resolves to something local: an installed package, a script, an executable. */
  private async mcpServer(ws: string, config: string, name: string, server: { command?: string; args?: string[] }): Promise<void> {
    if (!server || typeof server.command !== 'string') return;
    const args = Array.isArray(server.args) ? server.args.filter((a): a is string => typeof a === 'string') : [];
    const route = `MCP server "${name}" in ${config}`;
    const cmd = path.basename(server.command).replace(/\.(?:cmd|exe)$/i, '');
    const runners: Record<string, number> = { npx: 0, bunx: 0, pnpx: 0, pnpm: 1, yarn: 1, npm: 1 };
    if (cmd in runners) {
      const spec = args.slice(runners[cmd]).find((a) => !a.startsWith('-') && !['dlx', 'exec', 'x'].includes(a));
      const pkgName = spec?.replace(/(?!^)@[^/]*$/, '');
      if (!pkgName) return;
      const dir = path.join(ws, 'node_modules', pkgName);
      const pkg = await readJson<PackageJson>(path.join(dir, 'package.json'), this.log);
      if (pkg) await this.packageAgent(dir, pkg, route, 'mcp server');
      else this.log.skip(route, `${pkgName} is fetched at run time, not installed in the workspace: not scanned`);
      return;
    }
    const script = ['node', 'bun', 'deno', 'tsx'].includes(cmd) ? args.find((a) => !a.startsWith('-')) : server.command;
    if (!script) return;
    const file = path.resolve(ws, script);
    if (!await isFile(file)) {
      if (path.isAbsolute(script) || script.includes('/') || script.includes('\\')) this.log.skip(route, `${script} does not exist`);
      return;
    }
    const owner = await packageOf(file, this.log, ws);
    if (owner && owner.dir !== ws) await this.packageAgent(owner.dir, owner.pkg, route, 'mcp server');
    else await this.add({ id: name, name, version: '', kind: 'mcp server', known: false, why: 'configured as an MCP server', paths: [file] }, route);
  }
}

/** Finds the agents of this machine (home, PATH, global folders, installers) and of the workspaces. */
export async function discover(o: DiscoveryOptions): Promise<Discovery> {
  const f = new Finder(o);
  if (o.machine !== false) {
    for (const [label, dir] of f.extensionRoots()) await f.extensionsFolder(label, dir);
    await f.pathCommands();
    await f.globalFolders();
    await f.nativeInstallers();
    await f.firstRunDownloads();
  }
  for (const ws of o.workspaces ?? []) await f.workspace(ws);
  return { agents: f.agents(), skipped: f.log.skipped };
}
