// Fuzzing the engine: random mutations of the fixtures (and of the real
// 2.1.91 bundle's fingerprint region when it is cached), scanned with a fixed
// seed. scanText must never throw and must finish in bounded time; a failing
// input is written to .cache/fuzz so it can become a regression test.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { scanText } from '../../src/engine/scan';
import { random } from './bundle';

const root = path.resolve(__dirname, '..', '..');
const TOKENS = ['(', ')', '{', '}', '[', ']', '"', "'", '`', '${', '/', '\\', '\\u', '\\x', ';', ',', '=>', '=', '+', '.', '?.', '...', 'function', 'class', 'new ', 'return', 'yield', 'await', 'async', '\u2019', '\u200b', '\uD800', '\n', '/*', '*/', '//', '0x', '1e999', 'eval(', 'atob(', 'String.fromCharCode(', '.replace(/-/g,"/")'];

export function corpus(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const group of ['fingerprinting', 'benign']) {
    const dir = path.join(root, 'test', 'fixtures', group);
    for (const f of readdirSync(dir)) out.push({ name: `${group}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') });
  }
  const real = path.join(root, '.cache', 'packages', '@anthropic-ai_claude-code@2.1.91', 'package', 'cli.js');
  if (existsSync(real)) {
    const text = readFileSync(real, 'utf8');
    const at = text.indexOf('"Asia/Shanghai"');
    if (at > 0) out.push({ name: '2.1.91 fingerprint region', text: text.slice(Math.max(0, at - 6000), at + 6000) });
  }
  return out;
}

export function mutate(text: string, rnd: () => number): string {
  let t = text;
  const pick = (n: number) => Math.floor(rnd() * n);
  for (let k = 1 + pick(4); k > 0; k--) {
    const at = pick(t.length + 1);
    switch (pick(5)) {
      case 0: t = t.slice(0, at) + TOKENS[pick(TOKENS.length)] + t.slice(at); break;
      case 1: t = t.slice(0, at) + t.slice(at + 1 + pick(40)); break;
      case 2: { const len = 1 + pick(200); t = t.slice(0, at) + t.slice(at, at + len).repeat(2 + pick(3)) + t.slice(at); break; }
      case 3: t = t.slice(0, at) + String.fromCharCode(pick(0x3000)) + t.slice(at + 1); break;
      default: { const from = pick(t.length); const len = pick(300); t = t.slice(0, at) + t.slice(from, from + len) + t.slice(at); }
    }
  }
  return t;
}

export interface FuzzFailure { iteration: number; input: string; problem: string; file: string }

/** Runs `iterations` mutated scans; returns the failures (thrown errors, or scans slower than `slowMs`). */
export function fuzz(seed: number, iterations: number, slowMs = 10_000): { failures: FuzzFailure[]; ms: number; bytes: number } {
  const rnd = random(seed);
  const inputs = corpus();
  const failures: FuzzFailure[] = [];
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < iterations; i++) {
    const base = inputs[Math.floor(rnd() * inputs.length)];
    const input = mutate(base.text, rnd);
    bytes += input.length;
    const t0 = performance.now();
    let problem: string | undefined;
    try {
      scanText(input, { file: `fuzz-${i}.js` });
    } catch (err) {
      problem = `threw ${(err as Error).stack?.split('\n').slice(0, 3).join(' ') ?? err}`;
    }
    const ms = performance.now() - t0;
    if (!problem && ms > slowMs) problem = `took ${Math.round(ms)} ms`;
    if (problem) {
      const dir = path.join(root, '.cache', 'fuzz');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `seed${seed}-${i}.js`);
      writeFileSync(file, input);
      failures.push({ iteration: i, input: base.name, problem, file });
    }
  }
  return { failures, ms: performance.now() - started, bytes };
}

// `npm run fuzz -- [iterations] [seed]`: a longer run on demand.
if (require.main === module) {
  const iterations = Number(process.argv[2] ?? 5000);
  const seed = Number(process.argv[3] ?? Date.now() % 1e9);
  const r = fuzz(seed, iterations);
  console.log(`fuzz: seed ${seed}, ${iterations} iterations, ${(r.bytes / 1e6).toFixed(1)} MB in ${(r.ms / 1000).toFixed(1)} s, ${r.failures.length} failure(s)`);
  for (const f of r.failures) console.log(`  #${f.iteration} (${f.input}): ${f.problem}\n    input: ${f.file}`);
  process.exitCode = r.failures.length ? 1 : 0;
}
