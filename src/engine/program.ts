// One program, one analysis: module resolution between the files of a target
// (or the modules of a Bun graph), and the link step that finds which modules
// need a second analysis with what other modules give them.
import * as path from 'path';
import { link, type LinkedModule } from './link';
import { addTo } from './ast';
import { WEBPACK, type ModuleSummary, type Seeds } from './modules';
import { comparesZones, scanText } from './scan';
import type { FileResult } from './types';

const PROBES = ['', '.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '/index.js', '/index.mjs', '/index.cjs', '/index.ts'];

/**
 * The module a specifier names from module `from`, among those `has` knows.
 * Names of embedded modules (`container!/$bunfs/root/a.js`) resolve inside
 * their container; a bare name looks in the `node_modules` folders above,
 * using `main` (a package folder's entry, when known).
 */
export function resolveModule(from: string, spec: string, has: (id: string) => boolean, main?: (dir: string) => string | undefined): string | undefined {
  const bang = from.lastIndexOf('!');
  const container = bang >= 0 ? from.slice(0, bang + 1) : '';
  const inner = bang >= 0 ? from.slice(bang + 1) : from;
  const p = container || !inner.includes(path.sep) ? path.posix : path;
  const bases: string[] = [];
  if (/^\.\.?(?:\/|$)/.test(spec)) bases.push(p.normalize(p.join(p.dirname(inner), spec)));
  else if (spec.startsWith('/') || /^[A-Za-z]:[\\/]/.test(spec)) bases.push(spec);
  else {
    for (let d = p.dirname(inner); ; d = p.dirname(d)) {
      bases.push(p.join(d, 'node_modules', spec));
      if (p.dirname(d) === d) break;
    }
  }
  for (const b of bases) {
    for (const probe of PROBES) if (has(container + b + probe)) return container + b + probe;
    // (TypeScript names the file it compiles to, `import "./zone.js"` of zone.ts, as Bun, Deno and tsx run it.)
    const ts = /\.[cm]?js$/.test(b) ? b.replace(/js$/, 'ts') : undefined;
    for (const probe of ts ? [ts, `${ts}x`] : []) if (has(container + probe)) return container + probe;
    const m = main?.(container + b);
    if (m && has(m)) return m;
  }
  return undefined;
}

/** Links the module summaries of one program's results: the seeds of each module that needs a second analysis. */
export function linkResults(results: FileResult[], main?: (dir: string) => string | undefined): Map<string, Seeds> {
  const modules: LinkedModule[] = results.filter((r) => r.summary).map((r) => ({ id: r.file, summary: r.summary! }));
  if (modules.length < 2) return new Map();
  const ids = new Set(modules.map((m) => m.id));
  // Webpack module ids name the chunk that holds the module; two builds in one target may reuse
  // an id, so a chunk beside the loading file wins.
  const providers = new Map<string, string[]>();
  for (const m of modules) for (const spec of m.summary.provides ?? []) addTo(providers, spec, m.id);
  const provider = (from: string, spec: string) => {
    const all = providers.get(spec);
    return all && (all.find((id) => path.dirname(id) === path.dirname(from)) ?? all[0]);
  };
  const display = (id: string) => (id.includes('!') ? id.slice(id.lastIndexOf('!') + 1) : path.basename(id));
  return link(modules, (from, spec) => (spec.startsWith(WEBPACK) ? provider(from, spec) : resolveModule(from, spec, (id) => ids.has(id), main)), display);
}

/** The seeds that give imported constants (what a list another module exports holds), without what inputs hold. */
export function constantSeeds(seeds: Seeds): Seeds {
  return Object.fromEntries(Object.entries(seeds).filter(([, s]) => s.constant));
}

/** Rules whose findings are comparisons: one found in a second analysis that the first did not find is a comparison with what the linker gave. */
const COMPARISON_RULES = new Set(['geo-org-comparison', 'concealed-table']);

/**
 * Whether a module's second analysis (`again`, with `seeds`) found a comparison its first did not, with a list
 * only the linker gave it (`cfg.zones.includes(tz)` of `import cfg from "./config.js"`): what it hands on may
 * then steer a third module (see relinkedSeeds).
 */
export function comparesAnew(first: FileResult, again: FileResult, seeds: Seeds): boolean {
  if (!Object.values(seeds).some((s) => s.constant)) return false;
  // (Not routing, reported low: a large program's second analyses find many checks of the gateway against its own endpoints.)
  const compares = (f: FileResult['findings'][number]) => COMPARISON_RULES.has(f.ruleId) && f.severity !== 'low';
  const at = (f: FileResult['findings'][number]) => `${f.ruleId}:${f.line}:${f.column}`;
  const before = new Set(first.findings.filter(compares).map(at));
  return again.findings.some((f) => compares(f) && !before.has(at(f)));
}

/**
 * A module that compares with a list only the linker gave it knows only in its second analysis that what it
 * hands on is a comparison's outcome (to a helper in a third module that marks the prompt): such modules
 * (comparesAnew) have their summaries made again with the lists they were given (constantSeeds; not with what
 * their inputs hold, which would merge every caller's), `resummarised` by module, and the program is linked
 * again. Returns the seeds of the modules that gain something, for a third analysis: each keeps what its
 * second analysis was given and adds what is new (a summary made again never takes a value away).
 */
export function relinkedSeeds(results: FileResult[], seeds: Map<string, Seeds>, resummarised: Map<string, ModuleSummary | undefined>, main?: (dir: string) => string | undefined): Map<string, Seeds> {
  if (!resummarised.size) return new Map();
  const next = linkResults(results.map((r) => (resummarised.get(r.file) ? { ...r, summary: resummarised.get(r.file) } : r)), main);
  const changed = new Map<string, Seeds>();
  for (const [id, s] of next) {
    const old = seeds.get(id) ?? {};
    const gained = Object.entries(s).filter(([key, seed]) => !old[key] || (seed.kinds & old[key].kinds) === old[key].kinds && JSON.stringify(seed) !== JSON.stringify(old[key]));
    if (gained.length) changed.set(id, { ...old, ...Object.fromEntries(gained) });
  }
  return changed;
}

/** Scans the texts of one program as one: each module alone, then again those the linker seeds, and a third time those relinkedSeeds gives (for tests and small programs). */
export function scanProgram(files: Array<{ file: string; text: string }>): FileResult[] {
  const first = files.map((f) => scanText(f.text, { file: f.file }));
  const seeds = linkResults(first);
  const again = (i: number, s: Seeds | undefined) => (s ? { ...scanText(files[i].text, { file: first[i].file, seeds: s }), summary: first[i].summary } : undefined);
  const second = first.map((r, i) => again(i, seeds.get(r.file)) ?? r);
  const anew = second.flatMap((r, i) => (seeds.has(r.file) && comparesAnew(first[i], r, seeds.get(r.file)!) ? [i] : []));
  const resummarised = new Map(anew.map((i) => [first[i].file, scanText(files[i].text, { file: first[i].file, seeds: constantSeeds(seeds.get(first[i].file)!), summarise: true }).summary] as const));
  const third = relinkedSeeds(second, seeds, resummarised);
  return withoutFollowedDoubts(second.map((r, i) => again(i, third.get(r.file)) ?? r));
}

/**
 * A module that reads the time zone beside a list of zones, compared in another module of the same
 * program (`import { zone, ZONES } from "./geo"`), is not "unfollowed": once a time-zone comparison
 * is followed anywhere in the program, unfollowed-source findings are dropped, as in one file.
 */
export function withoutFollowedDoubts(results: FileResult[]): FileResult[] {
  if (!comparesZones(results.flatMap((r) => r.findings))) return results;
  return results.map((r) => (r.findings.some((f) => f.ruleId === 'unfollowed-source') ? { ...r, findings: r.findings.filter((f) => f.ruleId !== 'unfollowed-source') } : r));
}
