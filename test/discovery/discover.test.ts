// Discovery on fake homes laid out as Linux, macOS and Windows machines: it
// must find exactly what was planted, with ids, versions and routes, through
// links, shims and launchers, and log what it cannot read.
import * as assert from 'assert';
import { asNobody } from '../asNobody';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { discover, type DiscoveredAgent } from '../../src/discovery/discover';
import { MAX_PACKAGES } from '../../src/discovery/files';
import { benignJs, bunExe, evilJs, nativeExe, plant } from './fakeHome';

const summary = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.kind} ${a.id}@${a.version}${a.known ? '' : ' (heuristic)'}`).sort();

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-discover-')); });
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('discovery: a Linux home', () => {
  let home: string;
  let root: string;
  let ws: string;
  let agents: DiscoveredAgent[];
  let skipped: string[];

  before(async () => {
    home = path.join(tmp, 'linux', 'home', 'dev');
    root = path.join(tmp, 'linux', 'root');
    ws = path.join(tmp, 'linux', 'ws');
    const claudeExt = path.join(home, '.vscode', 'extensions', 'anthropic.claude-code-2.1.196-linux-x64');
    plant(home, {
      // VS Code: an extensions.json registry in the URI-object form; an obsolete leftover; a non-agent extension.
      '.vscode/extensions/extensions.json': { json: [
        { identifier: { id: 'anthropic.claude-code' }, version: '2.1.196', location: { $mid: 1, path: claudeExt, scheme: 'file' }, relativeLocation: 'anthropic.claude-code-2.1.196-linux-x64' },
        { identifier: { id: 'github.copilot-chat' }, version: '0.30.0', location: { $mid: 1, path: path.join(home, '.vscode', 'extensions', 'github.copilot-chat-0.30.0'), scheme: 'file' } },
        { identifier: { id: 'esbenp.prettier-vscode' }, version: '11.0.0', relativeLocation: 'esbenp.prettier-vscode-11.0.0' },
      ] },
      '.vscode/extensions/.obsolete': { json: { 'anthropic.claude-code-2.1.150-linux-x64': true } },
      '.vscode/extensions/anthropic.claude-code-2.1.196-linux-x64/package.json': { json: { name: 'claude-code', publisher: 'Anthropic', version: '2.1.196', displayName: 'Claude Code for VS Code' } },
      '.vscode/extensions/anthropic.claude-code-2.1.196-linux-x64/extension.js': benignJs,
      '.vscode/extensions/anthropic.claude-code-2.1.196-linux-x64/resources/native-binary/claude': { exe: bunExe() },
      '.vscode/extensions/anthropic.claude-code-2.1.150-linux-x64/package.json': { json: { name: 'claude-code', publisher: 'Anthropic', version: '2.1.150' } },
      '.vscode/extensions/github.copilot-chat-0.30.0/package.json': { json: { name: 'copilot-chat', publisher: 'GitHub', version: '0.30.0' } },
      '.vscode/extensions/esbenp.prettier-vscode-11.0.0/package.json': { json: { name: 'prettier-vscode', publisher: 'esbenp', version: '11.0.0' } },
      // Cursor: no registry (subfolders), an unknown extension contributing a chat participant.
      '.cursor/extensions/saoudrizwan.claude-dev-3.20.0/package.json': { json: { name: 'claude-dev', publisher: 'saoudrizwan', version: '3.20.0' } },
      '.cursor/extensions/acme.helper-1.0.0/package.json': { json: { name: 'helper', publisher: 'acme', version: '1.0.0', contributes: { chatParticipants: [{ id: 'acme.helper' }] } } },
      // VS Code Server: the older string form of locations; a malformed registry in Windsurf.
      '.vscode-server/extensions/extensions.json': { json: [{ identifier: { id: 'openai.chatgpt' }, version: '0.5.0', location: `file://${path.join(home, '.vscode-server', 'extensions', 'openai.chatgpt-0.5.0')}` }] },
      '.vscode-server/extensions/openai.chatgpt-0.5.0/package.json': { json: { name: 'chatgpt', publisher: 'openai', version: '0.5.0' } },
      '.windsurf/extensions/extensions.json': '{ not json',
      '.windsurf/extensions/continue.continue-1.2.0/package.json': { json: { name: 'continue', publisher: 'Continue', version: '1.2.0' } },
      // Native installer: ~/.local/bin/claude -> versions/2.1.196 (a Bun executable).
      '.local/share/claude/versions/2.1.196': { exe: bunExe() },
      '.local/bin/claude': { link: path.join(home, '.local', 'share', 'claude', 'versions', '2.1.196') },
      '.local/bin/qwen': { link: path.join(home, 'nowhere', 'qwen') },
      '.local/bin/amp': { link: path.join(home, '.local', 'bin', 'amp') },
      // npm prefix from NPM_CONFIG_PREFIX: Gemini CLI linked from bin/; an unknown agent depending on openai; a non-agent.
      '.npm-prefix/lib/node_modules/@google/gemini-cli/package.json': { json: { name: '@google/gemini-cli', version: '0.61.0', bin: { gemini: 'dist/index.js' } } },
      '.npm-prefix/lib/node_modules/@google/gemini-cli/dist/index.js': '#!/usr/bin/env node\n' + benignJs,
      '.npm-prefix/bin/gemini': { link: '../lib/node_modules/@google/gemini-cli/dist/index.js' },
      '.npm-prefix/lib/node_modules/my-agent/package.json': { json: { name: 'my-agent', version: '0.1.0', bin: { myagent: 'cli.js' }, dependencies: { openai: '^5' } } },
      '.npm-prefix/lib/node_modules/my-agent/cli.js': benignJs,
      '.npm-prefix/lib/node_modules/typescript/package.json': { json: { name: 'typescript', version: '5.9.0', bin: { tsc: 'bin/tsc' } } },
      // nvm: Codex's JS launcher and its platform package with the native binary; on PATH through nvm's bin.
      '.nvm/versions/node/v20.1.0/lib/node_modules/@openai/codex/package.json': { json: { name: '@openai/codex', version: '0.169.0', bin: { codex: 'bin/codex.js' }, optionalDependencies: { '@openai/codex-linux-x64': 'npm:@openai/codex@0.169.0-linux-x64' } } },
      '.nvm/versions/node/v20.1.0/lib/node_modules/@openai/codex/bin/codex.js': '#!/usr/bin/env node\nconst { spawn } = require("child_process");\n',
      '.nvm/versions/node/v20.1.0/lib/node_modules/@openai/codex/node_modules/@openai/codex-linux-x64/package.json': { json: { name: '@openai/codex', version: '0.169.0-linux-x64' } },
      '.nvm/versions/node/v20.1.0/lib/node_modules/@openai/codex/node_modules/@openai/codex-linux-x64/vendor/x86_64-unknown-linux-musl/codex/codex': { exe: nativeExe() },
      '.nvm/versions/node/v20.1.0/bin/codex': { link: '../lib/node_modules/@openai/codex/bin/codex.js' },
    });
    plant(ws, {
      'package.json': { json: { name: 'my-app', dependencies: { '@anthropic-ai/claude-code': '2.1.91', 'left-pad': '1.0.0' } } },
      'node_modules/@anthropic-ai/claude-code/package.json': { json: { name: '@anthropic-ai/claude-code', version: '2.1.91', bin: { claude: 'cli.js' } } },
      'node_modules/@anthropic-ai/claude-code/cli.js': '#!/usr/bin/env node\n' + evilJs,
      'node_modules/left-pad/package.json': { json: { name: 'left-pad', version: '1.0.0' } },
      'node_modules/.bin/claude': { link: '../@anthropic-ai/claude-code/cli.js' },
      'node_modules/@modelcontextprotocol/server-files/package.json': { json: { name: '@modelcontextprotocol/server-files', version: '0.6.0', bin: { 'mcp-server-files': 'dist/index.js' } } },
      'node_modules/@modelcontextprotocol/server-files/dist/index.js': benignJs,
      '.vscode/mcp.json': '{\n  // JSONC, as VS Code writes it\n  "servers": {\n    "local": { "command": "node", "args": ["./tools/server.js"] },\n    "remote": { "command": "npx", "args": ["-y", "@acme/mcp@1.2.0"] },\n  },\n}\n',
      'tools/server.js': benignJs,
      '.mcp.json': { json: { mcpServers: { files: { command: 'npx', args: ['@modelcontextprotocol/server-files'] } } } },
    });
    mkdirSync(path.join(root, 'usr', 'local', 'lib', 'node_modules'), { recursive: true });
    const env = { PATH: [path.join(home, '.local', 'bin'), path.join(home, '.npm-prefix', 'bin'), path.join(home, '.nvm', 'versions', 'node', 'v20.1.0', 'bin')].join(':'), NPM_CONFIG_PREFIX: path.join(home, '.npm-prefix'), HOME: home };
    ({ agents, skipped } = await discover({ home, env, platform: 'linux', root, workspaces: [ws] }));
  });

  it('finds exactly what was planted, with ids and versions', () => {
    assert.deepStrictEqual(summary(agents), [
      'cli @anthropic-ai/claude-code@2.1.196',
      'cli @google/gemini-cli@0.61.0',
      'cli @openai/codex@0.169.0',
      'cli my-agent@0.1.0 (heuristic)',
      'extension GitHub.copilot-chat@0.30.0',
      'extension Continue.continue@1.2.0',
      'extension acme.helper@1.0.0 (heuristic)',
      'extension anthropic.claude-code@2.1.196',
      'extension openai.chatgpt@0.5.0',
      'extension saoudrizwan.claude-dev@3.20.0',
      'mcp server @modelcontextprotocol/server-files@0.6.0 (heuristic)',
      'mcp server local@ (heuristic)',
      'workspace dependency @anthropic-ai/claude-code@2.1.91',
    ].sort());
  });

  it('follows links to the artifact, and scans one artifact once whatever the routes', () => {
    const native = agents.find((a) => a.kind === 'cli' && a.id === '@anthropic-ai/claude-code')!;
    assert.deepStrictEqual(native.paths, [path.join(home, '.local', 'share', 'claude', 'versions', '2.1.196')]);
    assert.strictEqual(native.foundAt.length, 2, native.foundAt.join('\n'));
    assert.match(native.foundAt[0], /^PATH .*\.local\/bin\/claude -> .*versions\/2\.1\.196$/);
    assert.match(native.foundAt[1], /^native installer /);
    const gemini = agents.find((a) => a.id === '@google/gemini-cli')!;
    assert.strictEqual(gemini.paths[0], path.join(home, '.npm-prefix', 'lib', 'node_modules', '@google', 'gemini-cli'));
    assert.strictEqual(gemini.foundAt.length, 2, 'PATH and the global folder');
    const ws = agents.find((a) => a.kind === 'workspace dependency')!;
    assert.strictEqual(ws.foundAt.length, 2, 'package.json and node_modules/.bin');
  });

  it('includes the platform package a launcher starts', () => {
    const codex = agents.find((a) => a.id === '@openai/codex')!;
    assert.strictEqual(codex.paths.length, 2);
    assert.match(codex.paths[1], /node_modules\/@openai\/codex-linux-x64$/);
  });

  it('names the heuristic for agents outside the catalog', () => {
    assert.strictEqual(agents.find((a) => a.id === 'my-agent')!.why, 'depends on openai');
    assert.strictEqual(agents.find((a) => a.id === 'acme.helper')!.why, 'contributes chatParticipants');
  });

  it('logs what it could not read or follow', () => {
    const log = skipped.join('\n');
    assert.match(log, /\.local\/bin\/qwen: broken link/);
    assert.match(log, /\.local\/bin\/amp: link loop/);
    assert.match(log, /\.windsurf\/extensions\/extensions\.json: malformed JSON/);
    assert.match(log, /@acme\/mcp is fetched at run time, not installed in the workspace/);
  });
});

describe('discovery: a macOS home with Homebrew', () => {
  it('finds Homebrew global packages and casks, and code-server extensions', async () => {
    const home = path.join(tmp, 'mac', 'Users', 'dev');
    const root = path.join(tmp, 'mac', 'root');
    plant(root, {
      'opt/homebrew/lib/node_modules/@qwen-code/qwen-code/package.json': { json: { name: '@qwen-code/qwen-code', version: '0.15.10', bin: { qwen: 'cli.js' } } },
      'opt/homebrew/lib/node_modules/@qwen-code/qwen-code/cli.js': benignJs,
      'opt/homebrew/bin/qwen': { link: '../lib/node_modules/@qwen-code/qwen-code/cli.js' },
      'opt/homebrew/Caskroom/claude-code/2.1.199/claude': { exe: bunExe() },
    });
    plant(home, {
      'Library/Application Support/code-server/extensions/google.gemini-cli-vscode-ide-companion-0.7.0/package.json': { json: { name: 'gemini-cli-vscode-ide-companion', publisher: 'Google', version: '0.7.0' } },
      '.local/share/cursor-agent/versions/2025.11.06-8fe8a63/index.js': benignJs,
    });
    const { agents } = await discover({ home, env: { PATH: path.join(root, 'opt', 'homebrew', 'bin') }, platform: 'darwin', root });
    assert.deepStrictEqual(summary(agents), [
      'cli @anthropic-ai/claude-code@2.1.199',
      'cli @qwen-code/qwen-code@0.15.10',
      'cli cursor-agent@2025.11.06-8fe8a63',
      'extension google.gemini-cli-vscode-ide-companion@0.7.0',
    ]);
    assert.strictEqual(agents.find((a) => a.id === '@qwen-code/qwen-code')!.foundAt.length, 2);
  });
});

describe('discovery: a Windows home', () => {
  it('follows npm .cmd and .ps1 shims in %APPDATA%\\npm to the package', async () => {
    const home = path.join(tmp, 'win', 'Users', 'dev');
    const appData = path.join(home, 'AppData', 'Roaming');
    plant(appData, {
      'npm/claude.cmd': '@ECHO off\r\nGOTO start\r\n:find_dp0\r\nSET dp0=%~dp0\r\nEXIT /b\r\n:start\r\nSETLOCAL\r\nCALL :find_dp0\r\n"%_prog%"  "%dp0%\\node_modules\\@anthropic-ai\\claude-code\\cli.js" %*\r\n',
      'npm/claude.ps1': '#!/usr/bin/env pwsh\n$basedir=Split-Path $MyInvocation.MyCommand.Definition -Parent\n& "$basedir/node$exe"  "$basedir/node_modules/@anthropic-ai/claude-code/cli.js" $args\n',
      'npm/node_modules/@anthropic-ai/claude-code/package.json': { json: { name: '@anthropic-ai/claude-code', version: '2.1.196', bin: { claude: 'cli.js' }, optionalDependencies: { '@anthropic-ai/claude-code-win32-x64': '2.1.196' } } },
      'npm/node_modules/@anthropic-ai/claude-code/cli.js': benignJs,
      'npm/node_modules/@anthropic-ai/claude-code-win32-x64/package.json': { json: { name: '@anthropic-ai/claude-code-win32-x64', version: '2.1.196' } },
      'npm/node_modules/@anthropic-ai/claude-code-win32-x64/claude.exe': { exe: bunExe() },
    });
    plant(home, { '.vscode/extensions/kilocode.kilo-code-4.0.0/package.json': { json: { name: 'Kilo-Code', publisher: 'kilocode', version: '4.0.0' } } });
    const env = { PATH: path.join(appData, 'npm'), PATHEXT: '.COM;.EXE;.BAT;.CMD', APPDATA: appData, USERPROFILE: home };
    const { agents } = await discover({ home, env, platform: 'win32', root: path.join(tmp, 'win', 'C') });
    assert.deepStrictEqual(summary(agents), ['cli @anthropic-ai/claude-code@2.1.196', 'extension kilocode.Kilo-Code@4.0.0']);
    const claude = agents.find((a) => a.kind === 'cli')!;
    assert.match(claude.foundAt[0], /claude\.cmd -> .*claude-code[\\/]cli\.js$/);
    assert.match(claude.paths[1], /claude-code-win32-x64$/);
  });
});

describe('discovery: launchers, platform packages and first-run downloads', () => {
  it('finds Cline, pi, Jules and Codebuff, with the programs their launchers start', async () => {
    const home = path.join(tmp, 'launchers', 'home');
    const tmpdir = path.join(tmp, 'launchers', 'tmp');
    const nm = path.join(home, '.npm-global', 'lib', 'node_modules');
    const launcher = 'const { spawn } = require("child_process");\nspawn(bin, process.argv.slice(2), { stdio: "inherit" });\n';
    plant(nm, {
      'cline/package.json': { json: { name: 'cline', version: '3.0.65', bin: { cline: './bin/cline' }, optionalDependencies: { '@cline/cli-linux-x64': '3.0.65' } } },
      'cline/bin/cline': { exe: `#!/usr/bin/env node\n${launcher}` },
      'cline/node_modules/@cline/cli-linux-x64/package.json': { json: { name: '@cline/cli-linux-x64', version: '3.0.65' } },
      'cline/node_modules/@cline/cli-linux-x64/bin/cline': { exe: bunExe() },
      '@mariozechner/pi-coding-agent/package.json': { json: { name: '@mariozechner/pi-coding-agent', version: '0.73.1', bin: { pi: 'dist/cli.js' } } },
      '@mariozechner/pi-coding-agent/dist/cli.js': benignJs,
      '@google/jules/package.json': { json: { name: '@google/jules', version: '0.1.42', bin: { jules: './run.cjs' } } },
      '@google/jules/run.cjs': launcher,
      'codebuff/package.json': { json: { name: 'codebuff', version: '1.0.685', bin: { codebuff: 'index.js' } } },
      'codebuff/index.js': 'require("./launcher.js");\n',
      'codebuff/launcher.js': launcher,
    });
    plant(home, { '.config/manicode/codebuff': { exe: bunExe() } });
    plant(tmpdir, { 'jules_tmp/jules': { exe: nativeExe() } });
    const r = await discover({ home, env: { PATH: '', TMPDIR: tmpdir }, platform: 'linux', root: path.join(tmp, 'empty-root') });
    assert.deepStrictEqual(summary(r.agents), ['cli @google/jules@0.1.42', 'cli @mariozechner/pi-coding-agent@0.73.1', 'cli cline@3.0.65', 'cli codebuff@1.0.685']);
    const paths = (id: string) => r.agents.find((a) => a.id === id)!.paths;
    assert.ok(paths('cline').includes(path.join(nm, 'cline', 'node_modules', '@cline', 'cli-linux-x64')));
    assert.ok(paths('codebuff').includes(path.join(home, '.config', 'manicode')));
    assert.ok(paths('@google/jules').includes(path.join(tmpdir, 'jules_tmp')));
  });

  it('a first-run download without its package (an npx run) is an agent of its own', async () => {
    const home = path.join(tmp, 'npx-only');
    plant(home, { '.config/manicode/codebuff': { exe: bunExe() } });
    const r = await discover({ home, env: { PATH: '', TMPDIR: path.join(home, 'tmp') }, platform: 'linux', root: path.join(tmp, 'empty-root') });
    assert.deepStrictEqual(r.agents.map((a) => [a.id, a.foundAt[0]]), [['codebuff', `first-run download ${path.join(home, '.config', 'manicode')}`]]);
  });
});

describe('discovery: nothing there', () => {
  it('an empty home finds nothing and logs nothing', async () => {
    const home = path.join(tmp, 'empty');
    mkdirSync(home, { recursive: true });
    const r = await discover({ home, env: { PATH: '' }, platform: 'linux', root: path.join(tmp, 'empty-root') });
    assert.deepStrictEqual(r, { agents: [], skipped: [] });
  });

  it('a global folder with more packages than it examines says so', async function () {
    this.timeout(60_000);
    const home = path.join(tmp, 'crowded');
    const nm = path.join(home, '.npm-global', 'lib', 'node_modules');
    for (let i = 0; i <= MAX_PACKAGES; i++) mkdirSync(path.join(nm, `p${i}`), { recursive: true });
    const r = await discover({ home, env: { PATH: '' }, platform: 'linux', root: path.join(tmp, 'empty-root') });
    assert.deepStrictEqual(r.agents, []);
    assert.match(r.skipped.join('\n'), new RegExp(`${MAX_PACKAGES + 1} entries; only the first ${MAX_PACKAGES} were examined`));
  });

  it('an unreadable extensions folder is logged, not fatal', async function () {
    const home = path.join(tmp, 'locked');
    plant(home, { '.vscode/extensions/x/package.json': '{}' });
    chmodSync(tmp, 0o755);
    chmodSync(path.join(home, '.vscode', 'extensions'), 0o000);
    let skipped: string[];
    if (process.getuid?.() === 0) {
      // Root reads any folder: then the built CLI lists as the unprivileged user nobody.
      skipped = JSON.parse(asNobody(['list', '--format', 'json', '--workspace', home], { HOME: home, AGENT_XRAY_ROOT: path.join(tmp, 'empty-root') })).skipped;
    } else {
      skipped = (await discover({ home, env: { PATH: '' }, platform: 'linux', root: path.join(tmp, 'empty-root') })).skipped;
    }
    chmodSync(path.join(home, '.vscode', 'extensions'), 0o755);
    assert.match(skipped.join('\n'), /permission denied/);
  });
});
