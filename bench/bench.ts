// `npm run bench`: scan speed and memory on the real Claude Code 2.1.91 bundle,
// against a bare default acorn.parse of the same file. Each measurement runs in
// a fresh process (no shared heap or JIT state); medians of several runs.
import * as acorn from 'acorn';
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { readBunGraph } from '../src/artifacts/bun';
import { FileBytes } from '../src/artifacts/bytes';
import { readExecutables } from '../src/artifacts/executable';
import { scanText } from '../src/engine/scan';
import { ScanClient } from '../src/extension/scanClient';
import { monitorEventLoopDelay } from 'perf_hooks';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import { generateBundle } from '../test/hardening/bundle';
import { bareParse, child, cli, median, REPORT, root } from './measure';
import { fetchPackage } from './realPackages';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function cliScan(file: string, extra: string[] = [], output = process.platform === 'win32' ? 'NUL' : '/dev/null') {
  return child(`${REPORT}
globalThis.__t0 = performance.now();
process.argv = [process.argv[0], ${JSON.stringify(cli)}, 'scan', ${JSON.stringify(file)}, '--no-cache', '--format', 'json', '--output', ${JSON.stringify(output)}, ...${JSON.stringify(extra)}];
require(${JSON.stringify(cli)});`);
}

/** Generated bundles (test/hardening/bundle.ts), kept in .cache/bench between runs. */
function generated(name: string, write: (file: string) => void): string {
  const file = path.join(root, '.cache', 'bench', name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    write(file);
  }
  return file;
}

/**
 * Scale: one generated bundle of 1, 10, 50 and 100 MB (the incident's mechanism
 * planted in the middle) — time should grow linearly and memory with the one
 * tree alive; then 100 MB as 200 files of 0.5 MB on one thread and on two, and
 * as 10 files of 10 MB (each runs alone, so memory stays at one tree's).
 */
function scaleBench(): void {
  if (process.env.BENCH_SCALE === 'off') return;
  const sizes = (process.env.BENCH_SCALE ?? '1,10,50,100').split(',').map(Number).filter((n) => n > 0);
  console.log('\nscale: generated esbuild-style bundles, the fingerprint mechanism planted in the middle (CLI, fresh process each)');
  console.log('   MB   seconds   MB/s   ms per MB   peak RSS MB   RSS per MB   verdict');
  const perMb: number[] = [];
  for (const mb of sizes) {
    const file = generated(`bundle-${mb}mb.js`, (f) => writeFileSync(f, generateBundle(mb * 1e6, { withFingerprint: true })));
    const out = path.join(root, '.cache', 'bench', 'out.json');
    const r = cliScan(file, [], out);
    const verdict = (JSON.parse(readFileSync(out, 'utf8')) as { targets: Array<{ verdict: string }> }).targets[0].verdict;
    perMb.push(r.ms / mb);
    console.log(`${String(mb).padStart(5)} ${(r.ms / 1000).toFixed(1).padStart(9)} ${(mb / (r.ms / 1000)).toFixed(2).padStart(6)} ${(r.ms / mb).toFixed(0).padStart(11)} ${r.maxRssMb.toFixed(0).padStart(13)} ${(r.maxRssMb / mb).toFixed(1).padStart(12)}   ${verdict}`);
  }
  if (perMb.length > 1) console.log(`linearity: ms per MB at ${sizes[sizes.length - 1]} MB / at ${sizes[1] ?? sizes[0]} MB = ${(perMb[perMb.length - 1] / perMb[Math.min(1, perMb.length - 1)]).toFixed(2)} (1.00 = linear)`);
  const many = (name: string, count: number, mb: number) => {
    const dir = path.join(root, '.cache', 'bench', name);
    if (!existsSync(dir)) {
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `chunk-${i}.js`), generateBundle(mb * 1e6, { seed: i + 1, withFingerprint: i === count - 1 }));
    }
    return dir;
  };
  const small = many('200x0.5mb', 200, 0.5);
  const one = cliScan(small, ['--threads', '1']);
  const two = cliScan(small, ['--threads', '2']);
  console.log(`100 MB as 200 files of 0.5 MB: 1 thread ${(one.ms / 1000).toFixed(1)} s (peak RSS ${one.maxRssMb.toFixed(0)} MB), 2 threads ${(two.ms / 1000).toFixed(1)} s (peak RSS ${two.maxRssMb.toFixed(0)} MB): ${(one.ms / two.ms).toFixed(2)}x`);
  const large = many('10x10mb', 10, 10);
  const l = cliScan(large);
  console.log(`100 MB as 10 files of 10 MB (each runs alone): ${(l.ms / 1000).toFixed(1)} s, peak RSS ${l.maxRssMb.toFixed(0)} MB`);
}

const engine = path.join(root, 'dist', 'engine.js');

/** Where one scan's time goes: read, parse, walk, rules (engine run in a fresh process). */
function split(file: string): Record<string, number> {
  const r = spawnSync(process.execPath, ['-e', `
const t0 = performance.now();
const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
const read = performance.now() - t0;
const r = require(${JSON.stringify(engine)}).scanText(text, { file: 'x' });
process.stderr.write(JSON.stringify({ read, ...r.timings }) + '\\n');`], { encoding: 'utf8' });
  return JSON.parse(r.stderr.trim().split('\n').pop()!) as Record<string, number>;
}

/**
 * Child mode (`--exe-split FILE`): where a scan of a Bun executable spends its
 * time: the container (headers, module table), reading the module bytes,
 * decoding, then the engine.
 */
function exeSplit(file: string): void {
  const t0 = performance.now();
  const source = new FileBytes(file);
  const exe = readExecutables(source)[0];
  const graph = readBunGraph(exe)!;
  const t1 = performance.now();
  const modules = graph.modules.filter((m) => m.isJavaScript);
  const bytes = modules.map((m) => source.read(m.contents.offset, m.contents.size));
  const t2 = performance.now();
  const texts = bytes.map((b) => b.toString('latin1'));
  const t3 = performance.now();
  const timings = { parse: 0, walk: 0, rules: 0 };
  for (const [i, text] of texts.entries()) {
    const r = scanText(text, { file: modules[i].name });
    for (const k of ['parse', 'walk', 'rules'] as const) timings[k] += r.timings?.[k] ?? 0;
  }
  source.close();
  process.stderr.write(JSON.stringify({ container: t1 - t0, read: t2 - t1, decode: t3 - t2, ...timings, jsMb: bytes.reduce((n, b) => n + b.length, 0) / 1e6 }) + '\n');
}

function executableBench(): void {
  const pkg = fetchPackage('@anthropic-ai/claude-code-linux-x64@2.1.196');
  if (!pkg.dir) {
    console.log(`executable bench skipped: ${pkg.reason}`);
    return;
  }
  const file = path.join(pkg.dir, 'claude');
  const mb = statSync(file).size / 1e6;
  const s = cliScan(file);
  const r = spawnSync(process.execPath, [__filename, '--exe-split', file], { encoding: 'utf8' });
  const x = JSON.parse(r.stderr.trim().split('\n').pop()!) as Record<string, number>;
  console.log(`\nfile: @anthropic-ai/claude-code-linux-x64@2.1.196 claude (Bun executable, ELF), ${mb.toFixed(1)} MB, ${x.jsMb.toFixed(1)} MB of JavaScript inside`);
  console.log(`agent-xray CLI scan (whole run): ${s.ms.toFixed(0)} ms, peak RSS ${s.maxRssMb.toFixed(0)} MB (limit 1024 MB)`);
  const f = (k: string) => `${x[k].toFixed(0)} ms`;
  console.log(`split: container headers ${f('container')}, read module bytes ${f('read')}, decode ${f('decode')}, parse ${f('parse')}, visitors ${f('walk')}, rules ${f('rules')}`);
}

/** `--parse-modules`: bare default `acorn.parse` of every JavaScript module of a Bun executable (texts read first, not timed). */
function parseModules(file: string): void {
  const source = new FileBytes(file);
  const graph = readBunGraph(readExecutables(source)[0])!;
  const texts = graph.modules.filter((m) => m.isJavaScript).map((m) => source.read(m.contents.offset, m.contents.size).toString('latin1'));
  source.close();
  const t0 = performance.now();
  for (const text of texts) {
    try { acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }); } catch {
      try { acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true }); } catch { /* counted as parsed */ }
    }
  }
  process.stderr.write(JSON.stringify({ ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024, modules: texts.length }) + '\n');
}

/**
 * A split build, one program of thousands of modules (Claude Code 2.1.332: 3,667
 * chunks, 68.5 MB of JavaScript): the whole scan, modules linked and the modules a
 * fingerprint from another reaches analysed again, against bare parses of all modules.
 */
function splitProgramBench(): void {
  const pkg = fetchPackage('@anthropic-ai/claude-code-linux-x64@2.1.332');
  if (!pkg.dir) {
    console.log(`split program bench skipped: ${pkg.reason}`);
    return;
  }
  const file = path.join(pkg.dir, 'claude');
  const s = cliScan(file);
  const r = spawnSync(process.execPath, [__filename, '--parse-modules', file], { encoding: 'utf8' });
  const p = JSON.parse(r.stderr.trim().split('\n').pop()!) as { ms: number; maxRssMb: number; modules: number };
  console.log(`\nfile: @anthropic-ai/claude-code-linux-x64@2.1.332 claude (Bun executable, split build), ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  console.log(`agent-xray CLI scan (whole program, linked): ${s.ms.toFixed(0)} ms, peak RSS ${s.maxRssMb.toFixed(0)} MB (target < 1200 MB)`);
  console.log(`bare acorn.parse of all ${p.modules} modules (one thread, after reading them): ${p.ms.toFixed(0)} ms, peak RSS ${p.maxRssMb.toFixed(0)} MB; scan / parse ${(s.ms / p.ms).toFixed(2)}`);
}

/**
 * The editor's side of a scan: the extension host's thread runs the scan in a
 * worker (dist/worker.js) and only receives messages. How long does its event
 * loop ever stall while the 2.1.91 bundle is scanned?
 */
async function hostLag(pkgDir: string): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-lag-'));
  const h = monitorEventLoopDelay({ resolution: 5 });
  const client = new ScanClient(path.join(root, 'dist'));
  h.enable();
  const t0 = performance.now();
  let messages = 0;
  const how = await client.run({
    home: tmp, env: {}, platform: process.platform, workspaces: [], extensionRoots: [], extraPaths: [pkgDir],
    excludedAgents: [], maxFileBytes: 512 * 1024 * 1024,
  }, () => { messages++; });
  h.disable();
  rmSync(tmp, { recursive: true, force: true });
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  console.log(`\neditor host thread while the worker scans the 2.1.91 package (${how}, ${(performance.now() - t0).toFixed(0)} ms, ${messages} messages): event-loop delay max ${ms(h.max)} ms, p99 ${ms(h.percentile(99))} ms, mean ${ms(h.mean)} ms (budget: 50 ms)`);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--exe-split') {
    exeSplit(process.argv[3]);
    return;
  }
  if (process.argv[2] === '--parse-modules') {
    parseModules(process.argv[3]);
    return;
  }
  if (process.argv[2] === '--scale') {
    scaleBench();
    return;
  }
  const pkg = fetchPackage('@anthropic-ai/claude-code@2.1.91');
  if (!pkg.dir) {
    console.log(`bench skipped: ${pkg.reason}`);
    return;
  }
  const file = path.join(pkg.dir, 'cli.js');
  const mb = statSync(file).size / 1e6;
  console.log(`file: @anthropic-ai/claude-code@2.1.91 cli.js, ${mb.toFixed(1)} MB; ${RUNS} runs each, alternating, fresh process per run`);
  const parse: number[] = [];
  const scan: number[] = [];
  const rss: number[] = [];
  const parseRss: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const p = bareParse(file);
    parse.push(p.ms);
    parseRss.push(p.maxRssMb);
    const s = cliScan(file);
    scan.push(s.ms);
    rss.push(s.maxRssMb);
  }
  const p = median(parse);
  const s = median(scan);
  console.log(`bare acorn.parse (default options): ${p.toFixed(0)} ms  [${parse.map((x) => x.toFixed(0)).join(', ')}]  peak RSS ${median(parseRss).toFixed(0)} MB`);
  console.log(`agent-xray CLI scan (whole run):     ${s.toFixed(0)} ms  [${scan.map((x) => x.toFixed(0)).join(', ')}]  peak RSS ${Math.max(...rss).toFixed(0)} MB`);
  // On a shared machine one run can be 40% slower than the next: runs are
  // paired (each scan right after its parse) and three views of the ratio printed.
  const pairs = scan.map((x, i) => x / parse[i]);
  console.log(`scan / parse ratio: ${(s / p).toFixed(2)} of the medians, ${median(pairs).toFixed(2)} median of the ${RUNS} paired runs [${pairs.map((x) => x.toFixed(2)).join(', ')}], ${(Math.min(...scan) / Math.min(...parse)).toFixed(2)} of the fastest runs  (target <= 1.00)`);
  console.log(`throughput: ${(mb / (s / 1000)).toFixed(2)} MB/s`);
  const parts = Array.from({ length: RUNS }, () => split(file));
  const m = (k: string) => median(parts.map((x) => x[k])).toFixed(0);
  console.log(`split (engine only, medians): read ${m('read')} ms, parse ${m('parse')} ms, walk ${m('walk')} ms, rules ${m('rules')} ms`);
  executableBench();
  splitProgramBench();
  await hostLag(pkg.dir);
  scaleBench();
}

void main();
