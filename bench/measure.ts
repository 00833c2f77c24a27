// Measuring in fresh processes: each child prints one JSON line with its
// elapsed time and peak RSS (threads included) on stderr as it exits.
import { spawnSync } from 'child_process';
import * as path from 'path';

export const root = path.resolve(__dirname, '..');
export const cli = path.join(root, 'dist', 'cli.js');
const acornPath = require.resolve('acorn', { paths: [root] });

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Runs JS in a fresh node; it prints one JSON line with its figures on stderr. */
export function child(code: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env): { ms: number; maxRssMb: number; stdout: string } {
  const r = spawnSync(process.execPath, ['-e', code, '--', ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env });
  const line = r.stderr.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) throw new Error(`benchmark child failed: ${r.stderr.slice(-2000)}`);
  return { ...JSON.parse(line) as { ms: number; maxRssMb: number }, stdout: r.stdout };
}

export const REPORT = `process.on('exit', () => process.stderr.write(JSON.stringify({ ms: performance.now() - globalThis.__t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\\n'));`;

/** A bare default `acorn.parse` of one file: the yardstick for scan times. */
export function bareParse(file: string) {
  return child(`${REPORT}
const acorn = require(${JSON.stringify(acornPath)});
const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
globalThis.__t0 = performance.now();
try { acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }); }
catch { acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true }); }`);
}

/** The built CLI with these arguments, in a fresh process; its stdout is returned. */
export function cliRun(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return child(`${REPORT}
globalThis.__t0 = performance.now();
process.argv = [process.argv[0], ${JSON.stringify(cli)}, ...${JSON.stringify(args)}];
require(${JSON.stringify(cli)});`, [], env);
}
