// The pre-commit hook (.pre-commit-hooks.yaml): its entry, run as pre-commit
// runs it (the installed `agent-xray` is the built CLI here), judges the
// repository's agents by the committed policy.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { load } from 'js-yaml';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const bad = path.join(root, 'test', 'fixtures', 'fingerprinting', 'esbuild-xor.js');
const [hook] = load(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; pass_filenames: boolean; files: string }>;

describe('pre-commit hook', function () {
  this.timeout(60_000);
  let tmp: string;
  before(function () {
    if (!existsSync(path.join(root, 'dist', 'cli.js'))) { console.log('      skipped: dist/ is not built'); this.skip(); }
    tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-hook-'));
  });
  after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

  it('is a node hook that runs on dependency and agent config changes, without file names', () => {
    assert.strictEqual(hook.id, 'agent-xray');
    assert.strictEqual(hook.language, 'node');
    assert.strictEqual(hook.pass_filenames, false);
    for (const f of ['package.json', 'sub/package-lock.json', '.mcp.json', '.vscode/extensions.json', '.agent-xray.json']) assert.match(f, new RegExp(hook.files), f);
    assert.doesNotMatch('src/index.ts', new RegExp(hook.files));
  });

  it('fails the commit when the repository brings in an untrusted agent, passes when it does not', () => {
    const [command, ...args] = hook.entry.split(' ');
    assert.strictEqual(command, 'agent-xray');
    const run = (repo: string) => spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') } });
    const repo = path.join(tmp, 'repo');
    mkdirSync(path.join(repo, 'node_modules', 'evil-agent'), { recursive: true });
    writeFileSync(path.join(repo, '.agent-xray.json'), '{}\n');
    writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0' }));
    assert.strictEqual(run(repo).status, 0, run(repo).stderr);
    writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'evil-agent': '1.0.0' } }));
    writeFileSync(path.join(repo, 'node_modules', 'evil-agent', 'package.json'), JSON.stringify({ name: 'evil-agent', version: '1.0.0', bin: { 'evil-agent': 'cli.js' }, dependencies: { openai: '*' } }));
    cpSync(bad, path.join(repo, 'node_modules', 'evil-agent', 'cli.js'));
    const r = run(repo);
    assert.strictEqual(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /UNTRUSTED/);
  });
});
