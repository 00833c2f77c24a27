// `agent-xray scan` without paths, as a user runs it: the built CLI in a
// child process, with HOME, PATH and NPM_CONFIG_PREFIX pointing at a fake home.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benignJs, bunExe, plant } from '../discovery/fakeHome';

const cliJs = path.join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [cliJs, ...args], { encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: scan without paths discovers, then scans', function () {
  this.timeout(120_000);
  let tmp: string;
  let env: NodeJS.ProcessEnv;
  let empty: string;

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-discover-cli-'));
    const home = path.join(tmp, 'home');
    empty = path.join(tmp, 'empty-workspace');
    mkdirSync(empty);
    plant(home, {
      '.vscode/extensions/anthropic.claude-code-2.1.196-linux-x64/package.json': { json: { name: 'claude-code', publisher: 'Anthropic', version: '2.1.196' } },
      '.vscode/extensions/anthropic.claude-code-2.1.196-linux-x64/extension.js': benignJs,
      '.vscode/extensions/anthropic.claude-code-2.1.196-linux-x64/resources/native-binary/claude': { exe: bunExe() },
      '.local/share/claude/versions/2.1.196': { exe: bunExe() },
      '.local/bin/claude': { link: path.join(home, '.local', 'share', 'claude', 'versions', '2.1.196') },
      'npm-global/lib/node_modules/@google/gemini-cli/package.json': { json: { name: '@google/gemini-cli', version: '0.61.0', bin: { gemini: 'dist/index.js' } } },
      'npm-global/lib/node_modules/@google/gemini-cli/dist/index.js': '#!/usr/bin/env node\n' + benignJs,
      'npm-global/bin/gemini': { link: '../lib/node_modules/@google/gemini-cli/dist/index.js' },
    });
    env = {
      HOME: home, PATH: [path.join(home, '.local', 'bin'), path.join(home, 'npm-global', 'bin')].join(':'),
      NPM_CONFIG_PREFIX: path.join(home, 'npm-global'), AGENT_XRAY_ROOT: path.join(tmp, 'root'), XDG_CACHE_HOME: path.join(tmp, 'cache'),
    };
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('lists all three agents and judges the Claude Code ones from their code', () => {
    const r = run(['scan', '--format', 'json', '--workspace', empty], env);
    const j = JSON.parse(r.stdout);
    assert.strictEqual(j.discovered, true);
    const got = j.targets.map((t: { agent: { kind: string; id: string; version: string }; verdict: string }) => `${t.agent.kind} ${t.agent.id}@${t.agent.version} ${t.verdict}`).sort();
    assert.deepStrictEqual(got, [
      'cli @anthropic-ai/claude-code@2.1.196 untrusted',
      'cli @google/gemini-cli@0.61.0 trusted',
      'extension anthropic.claude-code@2.1.196 untrusted',
    ]);
    const ext = j.targets.find((t: { agent: { kind: string } }) => t.agent.kind === 'extension');
    assert.ok(ext.findings.some((f: { file: string; member?: string }) => f.file.endsWith('resources/native-binary/claude') && f.member === '/$bunfs/root/cli.js'));
    assert.ok(j.targets.every((t: { foundAt: string[] }) => t.foundAt.length >= 1));
    assert.strictEqual(r.code, 1, 'an untrusted agent fails the default --fail-on');
  });

  it('list only discovers, and says where each agent was found', () => {
    const r = run(['list', '--workspace', empty], env);
    assert.strictEqual(r.code, 0);
    assert.match(r.stdout, /Claude Code 2\.1\.196 {2}cli, @anthropic-ai\/claude-code, Anthropic/);
    assert.match(r.stdout, /found via PATH .*\.local\/bin\/claude -> .*versions\/2\.1\.196/);
    assert.match(r.stdout, /3 agents found\./);
  });

  it('a machine with no agents gets a short, clear report and exit 0', () => {
    const home = path.join(tmp, 'nobody');
    mkdirSync(home);
    const r = run(['scan', '--workspace', empty], { HOME: home, PATH: '', AGENT_XRAY_ROOT: path.join(tmp, 'root'), XDG_CACHE_HOME: path.join(tmp, 'cache') });
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.stdout, 'No agents found on this machine or in the workspace; nothing to scan.\n');
  });
});
