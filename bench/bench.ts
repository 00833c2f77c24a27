// `npm run bench`: scan speed and memory on the real Claude Code 2.1.91 bundle,
// against a bare default acorn.parse of the same file. Each measurement runs in
// a fresh process (no shared heap or JIT state); medians of several runs.
import { spawnSync } from 'child_process';
import { statSync } from 'fs';
import * as path from 'path';
import { fetchPackage } from './realPackages';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const acornPath = require.resolve('acorn', { paths: [root] });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Runs JS in a fresh node; it prints one JSON line with its figures on stderr. */
function child(code: string, args: string[] = []): { ms: number; maxRssMb: number } {
  const r = spawnSync(process.execPath, ['-e', code, '--', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const line = r.stderr.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) throw new Error(`benchmark child failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as { ms: number; maxRssMb: number };
}

const REPORT = `process.on('exit', () => process.stderr.write(JSON.stringify({ ms: performance.now() - globalThis.__t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\\n'));`;

function bareParse(file: string) {
  return child(`${REPORT}
const acorn = require(${JSON.stringify(acornPath)});
const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
globalThis.__t0 = performance.now();
try { acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }); }
catch { acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true }); }`);
}

function cliScan(file: string) {
  return child(`${REPORT}
globalThis.__t0 = performance.now();
process.argv = [process.argv[0], ${JSON.stringify(cli)}, 'scan', ${JSON.stringify(file)}, '--no-cache', '--format', 'json', '--output', ${JSON.stringify(process.platform === 'win32' ? 'NUL' : '/dev/null')}];
require(${JSON.stringify(cli)});`);
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

function main(): void {
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
  console.log(`scan / parse ratio: ${(s / p).toFixed(2)}  (target <= 1.00)`);
  console.log(`throughput: ${(mb / (s / 1000)).toFixed(2)} MB/s`);
  const parts = Array.from({ length: RUNS }, () => split(file));
  const m = (k: string) => median(parts.map((x) => x[k])).toFixed(0);
  console.log(`split (engine only, medians): read ${m('read')} ms, parse ${m('parse')} ms, walk ${m('walk')} ms, rules ${m('rules')} ms`);
}

main();
