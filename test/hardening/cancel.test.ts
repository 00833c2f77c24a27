// Cancelling a long scan: Ctrl-C on the CLI and the editor's cancel both stop
// promptly, and the cache keeps only whole results that a later scan reuses.
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ScanClient } from '../../src/extension/scanClient';
import { runScan, type ScanMessage } from '../../src/extension/worker';
import { generateBundle } from './bundle';

const dist = path.join(__dirname, '..', '..', 'dist');
const cli = path.join(dist, 'cli.js');

/** A folder of `n` generated files of about 1.5 MB (each takes a few hundred ms). */
function plantFiles(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `chunk-${i}.js`), generateBundle(1_500_000, { seed: i + 1, withFingerprint: i === n - 1 }));
}

/** Every cache entry parses as a whole result; no temporary file is left. */
function checkCache(dir: string): number {
  const names = existsSync(dir) ? readdirSync(dir) : [];
  assert.deepStrictEqual(names.filter((n) => !n.endsWith('.json')), [], 'no temporary files');
  for (const n of names) assert.ok(Array.isArray(JSON.parse(readFileSync(path.join(dir, n), 'utf8')).findings), n);
  return names.length;
}

const waitFor = async (what: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) if (what()) return;
  throw new Error('timed out');
};

describe('hardening: cancelling a scan', function () {
  this.timeout(180_000);
  let tmp: string;
  beforeEach(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-cancel-')); });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('CLI: Ctrl-C stops within a second, exits 130, and the next run reuses the whole entries', async function () {
    if (!existsSync(cli)) this.skip();
    const files = path.join(tmp, 'agent');
    plantFiles(files, 8);
    const env = { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') };
    const cacheDir = path.join(tmp, 'cache', 'agent-xray');
    const child = spawn(process.execPath, [cli, 'scan', files, '--format', 'json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await waitFor(() => existsSync(cacheDir) && readdirSync(cacheDir).some((n) => n.endsWith('.json')), 60_000);
    const sent = Date.now();
    child.kill('SIGINT');
    assert.strictEqual(await exited, 130);
    const stopMs = Date.now() - sent;
    assert.ok(stopMs < 1000, `stopped in ${stopMs} ms`);
    assert.match(stderr, /cancelled; results of files already scanned are kept in the cache/);
    const kept = checkCache(cacheDir);
    assert.ok(kept >= 1 && kept < 8, `${kept} entries kept`);

    const again = spawnSync(process.execPath, [cli, 'scan', files, '--format', 'json'], { env, encoding: 'utf8' });
    const fresh = spawnSync(process.execPath, [cli, 'scan', files, '--format', 'json', '--no-cache'], { env, encoding: 'utf8' });
    assert.strictEqual(again.status, 1, again.stderr);
    const strip = (out: string) => JSON.parse(out).targets.map((t: { verdict: string; findings: unknown[] }) => [t.verdict, t.findings]);
    assert.deepStrictEqual(strip(again.stdout), strip(fresh.stdout), 'cached and fresh results agree');
    assert.strictEqual(checkCache(cacheDir), 8);
  });

  it('editor: a cancel message ends the scan as cancelled, with only whole cache entries', async function () {
    if (!existsSync(path.join(dist, 'engineWorker.js'))) this.skip();
    const home = path.join(tmp, 'home');
    plantFiles(path.join(tmp, 'agent'), 6);
    const storage = path.join(tmp, 'storage');
    const abort = new AbortController();
    const messages: ScanMessage[] = [];
    const resultsDir = path.join(storage, 'results');
    const done = runScan({
      home, env: {}, platform: 'linux', workspaces: [], extensionRoots: [], extraPaths: [path.join(tmp, 'agent')], excludedAgents: [], maxFileBytes: 1e8, storage,
    }, (m) => messages.push(m), dist, abort.signal);
    await waitFor(() => existsSync(resultsDir) && readdirSync(resultsDir).some((n) => n.endsWith('.json')), 60_000);
    const sent = Date.now();
    abort.abort();
    await done;
    assert.ok(Date.now() - sent < 1000);
    assert.deepStrictEqual(messages.map((m) => m.type).filter((t) => t !== 'progress'), ['discovered', 'cancelled']);
    const kept = checkCache(resultsDir);
    assert.ok(kept >= 1 && kept < 6, `${kept} entries kept`);
  });

  it('editor: ScanClient.cancel() (the cancel button) resolves the scan as cancelled', async function () {
    if (!existsSync(path.join(dist, 'worker.js'))) this.skip();
    plantFiles(path.join(tmp, 'agent'), 4);
    const client = new ScanClient(dist);
    const types: string[] = [];
    const how = client.run({
      home: path.join(tmp, 'home'), env: {}, platform: 'linux', workspaces: [], extensionRoots: [], extraPaths: [path.join(tmp, 'agent')], excludedAgents: [], maxFileBytes: 1e8, storage: path.join(tmp, 'storage'),
    }, (m) => { types.push(m.type); if (m.type === 'progress') client.cancel(); });
    assert.strictEqual(await how, 'cancelled');
    assert.ok(!types.includes('done'));
    assert.strictEqual(client.running, false);
  });
});
