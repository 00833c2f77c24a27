// The npm package as users get it: `npm pack` gives exactly what the CLI needs,
// and the tarball installed into a clean prefix gives a working `agent-xray`.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const bad = path.join(root, 'test', 'fixtures', 'fingerprinting', 'esbuild-xor.js');
const EXPECTED = ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/engineWorker.js', 'package.json', 'schemas/agent-xray.schema.json'];

describe('npm package', function () {
  this.timeout(180_000);
  let tmp: string;
  let bin: string;
  let env: NodeJS.ProcessEnv;

  before(function () {
    if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
      console.log('      skipped: dist/ is not built (npm test builds it first)');
      this.skip();
    }
    tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-npm-'));
    // A clean prefix and cache, nothing of this machine's npm configuration.
    env = { ...process.env, npm_config_prefix: path.join(tmp, 'prefix'), npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_userconfig: path.join(tmp, 'npmrc'), XDG_CACHE_HOME: path.join(tmp, 'xdg'), npm_config_update_notifier: 'false' };
    for (const k of Object.keys(env)) if (/^npm_(?:package|lifecycle)_/.test(k)) delete env[k];
  });
  after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

  it('packs exactly the CLI, its engine thread, the schema and the docs; publishable', () => {
    // --ignore-scripts: dist/ is already built by npm test (a publish runs prepack, a production build).
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: root, env, encoding: 'utf8' });
    const [packed] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }>; size: number }>;
    assert.deepStrictEqual(packed.files.map((f) => f.path).sort(), EXPECTED);
    assert.ok(packed.size < 1_500_000, `${packed.size} bytes`);
    assert.strictEqual(manifest.private, undefined, 'private packages cannot be published');
    assert.strictEqual(manifest.bin['agent-xray'], 'dist/cli.js');
    assert.ok(manifest.engines.node);
    assert.ok(!manifest.dependencies, 'everything the CLI needs is bundled');
    mkdirSync(env.npm_config_prefix!, { recursive: true });
    execFileSync('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', path.join(tmp, packed.filename)], { env, encoding: 'utf8', stdio: 'pipe' });
    bin = path.join(env.npm_config_prefix!, process.platform === 'win32' ? 'agent-xray.cmd' : path.join('bin', 'agent-xray'));
    assert.ok(existsSync(bin), bin);
  });

  const run = (args: string[], cwd = tmp) => spawnSync(bin, args, { cwd, env, encoding: 'utf8' });

  it('prints its version, the same as the extension\'s', () => {
    const r = run(['--version']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^agent-xray ${manifest.version.replace(/\./g, '\\.')} \\(engine \\d`));
  });

  it('finds a fingerprinting fixture untrusted (exit 1) and writes SARIF', () => {
    const r = run(['scan', bad, '--no-cache']);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stdout, /^UNTRUSTED /m);
    const sarifFile = path.join(tmp, 'out.sarif');
    assert.strictEqual(run(['scan', bad, '--format', 'sarif', '--output', sarifFile]).status, 1);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    assert.strictEqual(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((x: { level: string }) => x.level === 'error'));
  });

  it('judges a repository by its committed policy', () => {
    const repo = path.join(tmp, 'repo');
    mkdirSync(path.join(repo, 'node_modules', 'evil-agent'), { recursive: true });
    writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'evil-agent': '1.0.0' } }));
    writeFileSync(path.join(repo, 'node_modules', 'evil-agent', 'package.json'), JSON.stringify({ name: 'evil-agent', version: '1.0.0', bin: { 'evil-agent': 'cli.js' }, dependencies: { '@anthropic-ai/sdk': '*' } }));
    writeFileSync(path.join(repo, 'node_modules', 'evil-agent', 'cli.js'), readFileSync(bad));
    writeFileSync(path.join(repo, '.agent-xray.json'), JSON.stringify({ failOn: 'untrusted' }));
    const r = run(['scan', '--policy', '.agent-xray.json', '--format', 'json'], repo);
    assert.strictEqual(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.strictEqual(report.tool.version, manifest.version);
    assert.ok(report.policy.violations.some((v: { agent: string }) => v.agent === 'evil-agent'), JSON.stringify(report.policy));
    writeFileSync(path.join(repo, '.agent-xray.json'), '{ "failOn": "sometimes" }');
    assert.strictEqual(run(['scan', '--policy', '.agent-xray.json'], repo).status, 2);
  });
});
