// The engine's threads: same results as scanning inline, two files at a time,
// a large text alone, a reason (never a crash) when a file takes too long or
// too much memory, and cancellation that rejects everything pending.
import * as assert from 'assert';
import { existsSync } from 'fs';
import * as path from 'path';
import { Cancelled, EnginePool, inlineEngine } from '../../src/scanner/enginePool';
import { startEngineThread } from '../../src/scanner/engineThread';
import type { FileResult } from '../../src/engine/types';
import { generateBundle } from '../hardening/bundle';

const dist = path.join(__dirname, '..', '..', 'dist');
const text = (s: string) => Buffer.from(s, 'utf8');

describe('cli: the engine pool', function () {
  this.timeout(120_000);
  let pool: EnginePool | undefined;

  before(function () {
    if (!existsSync(path.join(dist, 'engineWorker.js'))) this.skip(); // built by `npm test`'s pretest
  });

  afterEach(() => pool?.close());

  /** Scans texts as scanTargets does (room first, then the scan); `spans` gets when each ran. */
  async function scanAll(p: EnginePool, texts: string[], spans: Array<[number, number]> = []) {
    return Promise.all(texts.map(async (t, i) => {
      const release = await p.acquire(Buffer.byteLength(t));
      const start = performance.now();
      try {
        return await p.scan(text(t), 'utf8', `f${i}.js`);
      } finally {
        spans[i] = [start, performance.now()];
        release();
      }
    }));
  }

  it('gives the same findings as scanning on this thread', async () => {
    pool = new EnginePool({ distDir: dist, size: 2 });
    const t = generateBundle(300_000, { withFingerprint: true });
    const [onPool] = await scanAll(pool, [t]);
    const inline = await inlineEngine.scan(text(t), 'utf8', 'f0.js');
    assert.ok(onPool.findings.length >= 3);
    assert.deepStrictEqual(onPool.findings, inline.findings);
  });

  it('scans two ordinary files at once, and a large one alone', async () => {
    pool = new EnginePool({ distDir: dist, size: 2, largeText: 2_000_000 });
    const small = [1, 2, 3, 4].map((seed) => generateBundle(400_000, { seed }));
    const results = await scanAll(pool, small);
    assert.ok(results.every((r) => !r.error));
    assert.strictEqual(pool.stats.peakBusy, 2);
    pool.close();

    pool = new EnginePool({ distDir: dist, size: 2, largeText: 2_000_000 });
    const spans: Array<[number, number]> = [];
    const mixed = await scanAll(pool, [...small.slice(0, 2), generateBundle(2_500_000, { seed: 5 }), small[2]], spans);
    assert.ok(mixed.every((r) => !r.error));
    const [s, e] = spans[2];
    assert.deepStrictEqual(spans.filter(([a, b], i) => i !== 2 && a < e && b > s), [], 'nothing runs beside a large text');
    assert.strictEqual(pool.stats.retired, 0, 'the thread that held the large tree collected it and was kept');
    assert.strictEqual(pool.stats.setAside, 1, 'the other thread stopped while the large text ran');
  });

  it('replaces a thread whose heap stays past retireHeapMb after a file, and keeps scanning', async () => {
    pool = new EnginePool({ distDir: dist, size: 1, retireHeapMb: 1 });
    const results: FileResult[] = [];
    for (const seed of [1, 2, 3]) results.push(...await scanAll(pool, [generateBundle(200_000, { seed, withFingerprint: true })]));
    assert.ok(results.every((r) => r.findings.length > 0 && !r.error));
    assert.strictEqual(pool.stats.retired, 3);
    assert.strictEqual(pool.stats.started, 3, 'a new thread for each file after the first was retired');
  });

  it('hands a busy thread its next texts ahead of time; one retired for its heap first finishes them', async () => {
    pool = new EnginePool({ distDir: dist, size: 1, retireHeapMb: 1 });
    const texts = [1, 2, 3, 4].map((seed) => generateBundle(30_000, { seed, withFingerprint: true }));
    const results = await Promise.all(texts.map((t, i) => pool!.scan(text(t), 'utf8', `p${i}.js`)));
    assert.deepStrictEqual(results.map((r) => r.file), ['p0.js', 'p1.js', 'p2.js', 'p3.js']);
    assert.ok(results.every((r) => r.findings.length > 0 && !r.error));
    assert.ok(pool.stats.started < 4, `texts waited in a thread's port (${pool.stats.started} threads for 4 texts)`);
  });

  it('reads ahead: texts wait in the queue while both threads are busy, and none is lost', async () => {
    pool = new EnginePool({ distDir: dist, size: 2 });
    const held: Array<() => void> = [];
    /** Takes `count` places for texts of `size` bytes, then checks that one more waits until a place is given back. */
    const fill = async (count: number, size: number, why: string) => {
      for (let i = 0; i < count; i++) held.push(await pool!.acquire(size));
      let admitted = false;
      const more = pool!.acquire(size).then((r) => { admitted = true; return r; });
      await new Promise((r) => setTimeout(r, 50));
      assert.strictEqual(admitted, false, why);
      held.shift()!();
      held.push(await more);
    };
    await fill(4, 100_000, 'two texts per thread at most are read ahead');
    // Small texts share a place: 32 of them fit where one ordinary text was.
    held.shift()!();
    await fill(32, 1000, 'the 33rd small text waits');
    const texts = [1, 2, 3, 4, 5].map((seed) => generateBundle(100_000, { seed, withFingerprint: true }));
    const results = await Promise.all(texts.map((t, i) => pool!.scan(text(t), 'utf8', `q${i}.js`)));
    assert.deepStrictEqual(results.map((r) => r.file), ['q0.js', 'q1.js', 'q2.js', 'q3.js', 'q4.js']);
    assert.ok(results.every((r) => r.findings.length > 0));
    assert.strictEqual(pool.stats.peakBusy, 2);
    held.forEach((release) => release());
  });

  it('uses a thread started before it (the CLI starts one while it loads) and starts no other for one file', async () => {
    const started = startEngineThread(dist);
    pool = new EnginePool({ distDir: dist, size: 2, started });
    const [r] = await scanAll(pool, [generateBundle(20_000, { withFingerprint: true })]);
    assert.ok(r.findings.length > 0);
    assert.strictEqual(pool.stats.started, 0, 'no thread was started by the pool');
    pool.close();
    await new Promise((resolve) => started.once('exit', resolve));
  });

  it('stops a file that exceeds its time limit, with a reason, and goes on', async () => {
    pool = new EnginePool({ distDir: dist, size: 1, timeLimit: (bytes) => (bytes > 1_000_000 ? 50 : 60_000) });
    const [slow, next] = await scanAll(pool, [generateBundle(3_000_000), generateBundle(20_000, { withFingerprint: true })]);
    assert.match(slow.error ?? '', /stopped after the time limit of 0\.1 s/);
    assert.ok(next.findings.length > 0, 'the next file is still scanned');
  });

  it('reports a file that needs more memory than the limit, without crashing', async () => {
    pool = new EnginePool({ distDir: dist, size: 1, heapMb: 32 });
    const [big, next] = await scanAll(pool, [generateBundle(6_000_000), generateBundle(20_000, { withFingerprint: true })]);
    assert.match(big.error ?? '', /ran out of memory \(limit 32 MB\)/);
    assert.ok(next.findings.length > 0, 'the next file is still scanned');
  });

  it('cancel() rejects running and waiting scans and any later call', async () => {
    pool = new EnginePool({ distDir: dist, size: 1 });
    const pending = scanAll(pool, [generateBundle(2_000_000), generateBundle(2_000_000, { seed: 2 })]);
    await new Promise((r) => setTimeout(r, 200));
    pool.cancel();
    await assert.rejects(pending, Cancelled);
    await assert.rejects(pool.acquire(10), Cancelled);
  });
});
