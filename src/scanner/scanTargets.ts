// Scanning targets: list their files, open each (script, executable, .vsix),
// read and decode the JavaScript inside, use the cache, run the engine, judge.
import { createHash } from 'crypto';
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { FormatError } from '../artifacts/bytes';
import { addParts, JS_FILE, openFile, openLoadedFile, placeIn, type Contents, type Unit } from '../artifacts/contents';
import type { DiscoveredAgent } from '../discovery/discover';
import { coverageSummary, judgeCoverage, type CoveredFile } from '../artifacts/coverage';
import { fileKey, listTarget, type TargetFiles } from '../artifacts/targetFiles';
import { inlineEngine, type Engine } from './enginePool';
import { comparesAnew, constantSeeds, linkResults, relinkedSeeds, withoutFollowedDoubts } from '../engine/program';
import type { ModuleSummary, Seeds } from '../engine/modules';
import { verdictOf, type FileResult, type Finding } from '../engine/types';
import { splitSends, type AgentInfo, type TargetResult } from '../report/model';
import type { FileIndex, ResultCache } from './cache';

export interface ScanTargetsOptions {
  cache?: ResultCache;
  /** Called before each file, for progress lines. */
  onFile?: (file: string, index: number, total: number) => void;
  maxFileBytes?: number;
  /** Results by content hash within one run: identical files are scanned once. */
  seen?: Map<string, Promise<FileResult>>;
  /** Where texts are scanned: an EnginePool's threads, or this thread (the default). */
  engine?: Engine;
  /** Results by path, size and mtime across runs (the editor's cache): unchanged files are not opened. */
  fileIndex?: FileIndex;
}

const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/** Texts of one file (modules of an executable) asked for at once: the pool's read-ahead (acquire) decides how many are read. */
const UNITS_AT_ONCE = 128;

/** A result for identical content found under another name. */
function relocate(r: FileResult, file: string): FileResult {
  if (r.file === file) return r;
  return { ...r, file, findings: r.findings.map((f) => (f.file === r.file ? { ...f, file } : f)) };
}

function readError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file vanished before it could be read';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read: ${(err as Error).message}`;
}

/** Scans one JavaScript text of a file: never throws for bad input (only Cancelled); unreadable or unparseable text gives a reason. */
export async function scanUnit(unit: Unit, options: ScanTargetsOptions = {}): Promise<FileResult> {
  const started = performance.now();
  const fail = (error: string, bytes = 0): FileResult => ({ file: unit.name, bytes, ms: Math.round(performance.now() - started), findings: [], notAnalysed: [], error });
  const max = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
  if (unit.size > max) return fail(`larger than the ${Math.round(max / 1e6)} MB limit`, unit.size);
  const engine = options.engine ?? inlineEngine;
  // Room is taken before the bytes are read, so waiting work holds no memory.
  const release = await engine.acquire(unit.size);
  try {
    let bytes: Buffer;
    try {
      bytes = await unit.read();
    } catch (err) {
      return fail(err instanceof FormatError ? err.message : readError(err));
    }
    const hash = createHash('sha256').update(unit.encoding).update(bytes).digest('hex');
    const seen = options.seen?.get(hash);
    const known = seen ? await seen : await options.cache?.get(hash);
    if (known) return { ...relocate(known, unit.name), sha256: hash };
    const scanning = engine.scan(bytes, unit.encoding, unit.name).then((r) => ({ ...r, sha256: hash }));
    options.seen?.set(hash, scanning);
    const result = await scanning;
    await options.cache?.set(hash, result);
    return result;
  } finally {
    release();
  }
}

/** Opens one file and scans the JavaScript it holds; reasons for anything else. */
export async function scanFile(file: string, options: ScanTargetsOptions = {}): Promise<{ results: FileResult[]; contents: Contents }> {
  const stat = options.fileIndex ? await fs.stat(file).catch(() => undefined) : undefined;
  if (stat) {
    const hit = await options.fileIndex!.get(file, stat.size, stat.mtimeMs);
    if (hit) return { results: hit.results, contents: { units: [], parts: hit.parts, notAnalysed: hit.notAnalysed, findings: hit.findings, unscannable: hit.unscannable, role: hit.role, launches: hit.launches, close() {} } };
  }
  const scanned = await openAndScan(file, options);
  if (stat) {
    const { results, contents: c } = scanned;
    await options.fileIndex!.set(file, stat.size, stat.mtimeMs, { results, parts: c.parts, notAnalysed: c.notAnalysed, findings: c.findings, unscannable: c.unscannable, role: c.role, launches: c.launches });
  }
  return scanned;
}

async function openAndScan(file: string, options: ScanTargetsOptions): Promise<{ results: FileResult[]; contents: Contents }> {
  let contents: Contents;
  try {
    contents = await openFile(file);
  } catch (err) {
    const c: Contents = { units: [], parts: {}, notAnalysed: [], findings: [], unscannable: readError(err), role: 'unreadable', close() {} };
    return { results: [], contents: c };
  }
  try {
    const results = await mapLimit(contents.units, UNITS_AT_ONCE, (unit) => scanUnit(unit, options));
    return { results, contents };
  } finally {
    contents.close();
  }
}

/** A discovered agent: its artifacts (the first names the target), who it is, and where it was found. */
export interface TargetSpec {
  paths: string[];
  agent: AgentInfo;
  foundAt: string[];
}

/** The scan target for a discovered agent. */
export function specOf(a: DiscoveredAgent): TargetSpec {
  return { paths: a.paths, foundAt: a.foundAt, agent: { id: a.id, name: a.name, version: a.version, kind: a.kind, vendor: a.vendor, known: a.known, ...(a.why ? { why: a.why } : {}) } };
}

/** Lists a spec's artifacts as one target; the extra paths (platform packages, first-run downloads) add their files, each file once. */
async function listSpec(spec: TargetSpec): Promise<TargetFiles> {
  const listed = await listTarget(spec.paths[0]);
  const seen = new Set(await Promise.all(listed.files.map(fileKey)));
  for (const extra of spec.paths.slice(1)) {
    try {
      const more = await listTarget(extra);
      for (const f of more.files) {
        const k = await fileKey(f);
        if (!seen.has(k)) { seen.add(k); listed.files.push(f); }
      }
      listed.problems.push(...more.problems);
      if (!listed.entries.length && more.kind === 'file') listed.entries.push(...more.entries);
    } catch (err) {
      listed.problems.push(`${extra}: ${readError(err)}`);
    }
  }
  return { ...listed, agent: spec.agent };
}

/** Scans every path given on the command line, or every discovered agent; identical texts are scanned once. */
export async function scanTargets(specs: Array<string | TargetSpec>, options: ScanTargetsOptions = {}): Promise<{ targets: TargetResult[]; ioErrors: number }> {
  const all = { ...options, seen: options.seen ?? new Map<string, Promise<FileResult>>() };
  // Two targets and two files of each at a time: enough to keep the engine's threads busy.
  const scanned = await mapLimit(specs, 2, (spec) => scanTarget(spec, all));
  return { targets: scanned.map((s) => s.target), ioErrors: scanned.filter((s) => s.ioError).length };
}

async function scanTarget(spec: string | TargetSpec, options: ScanTargetsOptions): Promise<{ target: TargetResult; ioError?: true }> {
  const started = performance.now();
  const p = typeof spec === 'string' ? spec : spec.paths[0];
  const foundAt = typeof spec === 'string' ? undefined : spec.foundAt;
  let listed;
  try {
    listed = typeof spec === 'string' ? await listTarget(spec) : await listSpec(spec);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    const target: TargetResult = { path: path.resolve(p), kind: 'file', agent: typeof spec === 'string' ? null : spec.agent, foundAt, verdict: 'unscannable', bytes: 0, ms: 0, files: 0, contents: {}, findings: [], sends: [], notAnalysed: [reason], coverage: { read: 0, onDisk: 0, program: 'absent', detail: reason } };
    return { target, ioError: true };
  }
  const findings: Finding[] = [];
  const notAnalysed = [...listed.problems];
  const parts: TargetResult['contents'] = {};
  const where = (name: string) => (listed.kind === 'file' || !name.startsWith(listed.path) ? name : path.relative(listed.path, name));
  let bytes = 0;
  let analysed = 0;
  const hashes = new Set<string>();
  const covered: CoveredFile[] = [];
  let begun = 0;
  const scanned = await mapLimit(listed.files, 2, async (file) => {
    options.onFile?.(file, begun++, listed.files.length);
    const size = await fs.stat(file).then((st) => st.size, () => 0);
    return { ...await scanFile(file, options), size };
  });
  const loaded = await addLoadedFiles(listed, scanned, options);
  const linked = await linkProgram(scanned.map((s, i) => ({ file: listed.files[i], results: s.results, loaded: loaded.has(listed.files[i]) })), options);
  linked.forEach((results, i) => { scanned[i].results = results; });
  for (const [i, { results, contents, size }] of scanned.entries()) {
    const file = listed.files[i];
    const entry = listed.entries.includes(file);
    // Inside a folder, a file without a JavaScript name that turns out to be plain data is not part of the target.
    if (listed.kind !== 'file' && !entry && contents.role === 'unreadable' && !!contents.unscannable?.endsWith(', not JavaScript') && !JS_FILE.test(file)) continue;
    // A shell script counts only where the package runs it (its `bin`); elsewhere it is tooling.
    if (listed.kind !== 'file' && !entry && contents.role === 'stub') continue;
    addParts(parts, contents.parts);
    findings.push(...contents.findings.map((f) => placeIn(f, file)));
    for (const n of contents.notAnalysed) notAnalysed.push(where(n));
    if (contents.unscannable && !contents.notAnalysed.includes(contents.unscannable)) notAnalysed.push(listed.kind === 'file' ? contents.unscannable : `${where(file)}: ${contents.unscannable}`);
    let read = 0;
    let failed = 0;
    for (const r of results) {
      if (r.error) {
        notAnalysed.push(listed.kind === 'file' && r.file === file ? r.error : `${where(r.file)}: ${r.error}`);
        failed += r.bytes;
        continue;
      }
      analysed++;
      read += r.bytes;
      // The same text under another name (a copy, a second platform build) is reported once.
      if (r.sha256 && hashes.has(r.sha256)) continue;
      if (r.sha256) hashes.add(r.sha256);
      bytes += r.bytes;
      findings.push(...r.findings.map((f) => placeIn(f, file)));
      for (const n of r.notAnalysed) notAnalysed.push(listed.kind === 'file' && r.file === file ? n : `${where(r.file)}: ${n}`);
    }
    covered.push({ path: file, size, role: contents.role, launches: contents.launches, read, failed, entry, reason: contents.unscannable ?? results.find((r) => r.error)?.error });
  }
  if (!listed.files.length) notAnalysed.push('no JavaScript files found');
  const coverage = judgeCoverage(covered, listed.platform, listed.kind === 'file' ? '' : listed.path);
  // With some JavaScript read, the summary says why that is not the program; with none, the first reason does.
  const unread = coverage.program === 'read' || !analysed ? undefined : coverageSummary(coverage);
  if (unread) notAnalysed.unshift(unread);
  const unscannable = analysed === 0 ? notAnalysed[0] ?? 'nothing to analyse' : unread;
  const split = splitSends(findings);
  return { target: {
    path: listed.path, kind: listed.kind, agent: listed.agent, foundAt, verdict: verdictOf(split.findings, unscannable),
    ...(hashes.size ? { sha256: createHash('sha256').update([...hashes].sort().join('\n')).digest('hex') } : {}),
    bytes, ms: Math.round(performance.now() - started), files: covered.length, contents: parts, findings: split.findings, sends: split.sends, notAnalysed, coverage,
  } };
}

/** Files a program loads as code though their names do not say JavaScript, read at most (see addLoadedFiles). */
const MAX_LOADED_FILES = 64;

/**
 * Files of a package or folder the program runs as JavaScript though their names do not say so: modules loaded by
 * name (`require("../lib/app.dat")`, ModuleSummary.loads) and code read from a file and run (hidden-dynamic-code's
 * `loadsFile`: `new Function(zlib.gunzipSync(fs.readFileSync(…)).toString())`), inflated where compressed. Each is
 * read, scanned and added to the program (to `listed.files` and `scanned`), and so is what it loads in turn. A finding
 * that a file is run is lowered to low once that file was analysed: its code is judged by its own findings.
 * Returns the files added.
 */
async function addLoadedFiles(listed: TargetFiles, scanned: Array<{ results: FileResult[]; contents: Contents; size: number }>, options: ScanTargetsOptions): Promise<Set<string>> {
  const added = new Set<string>();
  if (listed.kind === 'file') return added;
  const known = new Set(listed.files);
  /** Each file loaded so far, and whether its code was analysed (a second module that runs it counts it read too). */
  const analysed = new Map<string, boolean>();
  const max = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
  const loadsFile = (f: Finding) => (typeof f.evidence?.loadsFile === 'string' ? f.evidence.loadsFile : undefined);
  for (let i = 0; i < scanned.length; i++) {
    for (const [j, r] of scanned[i].results.entries()) {
      if (r.error || r.file.includes('!')) continue;
      const read = new Set<string>();
      for (const spec of [...r.summary?.loads ?? [], ...r.findings.map(loadsFile).filter((x): x is string => !!x)]) {
        const file = path.resolve(path.dirname(r.file), spec);
        if (analysed.get(file)) read.add(spec);
        if (!file.startsWith(listed.path + path.sep) || known.has(file) || added.size >= MAX_LOADED_FILES) continue;
        const stat = await fs.stat(file).catch(() => undefined);
        if (!stat?.isFile() || stat.size > max) continue;
        known.add(file);
        let contents: Contents;
        try {
          contents = await openLoadedFile(file);
        } catch {
          continue;
        }
        const results = await mapLimit(contents.units, UNITS_AT_ONCE, (unit) => scanUnit(unit, options));
        contents.close();
        listed.files.push(file);
        scanned.push({ results, contents, size: stat.size });
        added.add(file);
        analysed.set(file, results.length > 0 && results.every((x) => !x.error));
        if (analysed.get(file)) read.add(spec);
      }
      if (r.findings.some((f) => read.has(loadsFile(f) ?? ''))) scanned[i].results[j] = { ...r, findings: r.findings.map((f) => (read.has(loadsFile(f) ?? '') ? { ...f, severity: 'low' as const } : f)) };
    }
  }
  return added;
}

/** A package folder's entry module (`main`, `module`, or `exports["."]`), for bare specifiers between packages. */
function packageMain(dir: string): string | undefined {
  if (dir.includes('!')) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const dot = typeof pkg.exports === 'string' ? pkg.exports : pkg.exports?.['.'];
    const entry = [pkg.main, pkg.module, typeof dot === 'string' ? dot : dot?.require ?? dot?.import ?? dot?.default].find((e) => typeof e === 'string');
    return entry ? path.resolve(dir, entry) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One program, one analysis: links the modules of a target (files, Bun graph
 * modules) and analyses again, in place, each module where a fingerprint from
 * another module reaches a comparison, channel or sink.
 */
async function linkProgram(files: Array<{ file: string; results: FileResult[]; loaded?: boolean }>, options: ScanTargetsOptions): Promise<FileResult[][]> {
  const results = files.flatMap((f) => f.results.filter((r) => !r.error));
  const data = await dataModules(results, options);
  const seeds = linkResults([...results, ...data], packageMain);
  const out = files.map((f) => f.results);
  if (!seeds.size) return out;
  const relink = new Map<string, ModuleSummary | undefined>();
  await analyseAgain(files, out, seeds, options, relink);
  // (A comparison with a constant another module gave, known only in the second analysis: see relinkedSeeds.)
  const third = relinkedSeeds([...out.flat().filter((r) => !r.error), ...data], seeds, relink, packageMain);
  if (third.size) await analyseAgain(files, out, third, options);
  // The program is judged as one: a doubt one module raises, another may settle.
  const all = withoutFollowedDoubts(out.flat());
  let at = 0;
  return out.map((rs) => rs.map(() => all[at++]));
}

/** JSON files the program loads at most: data beside its code, not its dependencies' schemas. */
const MAX_DATA_MODULES = 64;
const MAX_DATA_MODULE_BYTES = 512 * 1024;

/**
 * The JSON files a module loads by a relative name (`require("./zones.json")`, `import Z from "./zones.json"
 * with { type: "json" }`), each read as the module it is, `module.exports = <its JSON>`, so that a list kept
 * there counts where another module compares with it. They take part in linking only: data holds no findings.
 */
async function dataModules(results: FileResult[], options: ScanTargetsOptions): Promise<FileResult[]> {
  const wanted = new Set<string>();
  for (const r of results) {
    const s = r.summary;
    if (!s || r.file.includes('!')) continue;
    const specs = [...Object.values(s.inputs).map((d) => (d.type === 'param' ? undefined : d.spec)), ...s.reexports.map((x) => x.spec), ...(s.constants ?? []).map((c) => c.slice(0, c.lastIndexOf('#')))];
    for (const spec of specs) if (spec && /^\.\.?\//.test(spec) && /\.json$/i.test(spec)) wanted.add(path.resolve(path.dirname(r.file), spec));
  }
  const engine = options.engine ?? inlineEngine;
  const out: FileResult[] = [];
  for (const file of [...wanted].slice(0, MAX_DATA_MODULES)) {
    const text = await fs.stat(file).then((st) => (st.isFile() && st.size <= MAX_DATA_MODULE_BYTES ? fs.readFile(file, 'utf8') : undefined), () => undefined);
    if (text === undefined) continue;
    try {
      JSON.parse(text);
    } catch {
      continue; // not JSON: nothing a module could load as data
    }
    const r = await engine.scan(Buffer.from(`module.exports = ${text.trim()};\n`), 'utf8', file);
    if (!r.error) out.push(r);
  }
  return out;
}

/**
 * Analyses again, in place in `out`, the modules the linker seeded. With `relink`: the summary of each module
 * whose analysis compared with a constant the linker gave, made again with those constants (see relinkedSeeds).
 */
async function analyseAgain(files: Array<{ file: string; results: FileResult[]; loaded?: boolean }>, out: FileResult[][], seeds: Map<string, Seeds>, options: ScanTargetsOptions, relink?: Map<string, ModuleSummary | undefined>): Promise<void> {
  const engine = options.engine ?? inlineEngine;
  for (const [n, f] of files.entries()) {
    if (!f.results.some((r) => seeds.has(r.file))) continue;
    const results = out[n] = [...out[n]];
    let contents: Contents;
    try {
      contents = await (f.loaded ? openLoadedFile(f.file) : openFile(f.file));
    } catch {
      continue; // gone since the first read: the first results stand
    }
    try {
      await mapLimit(contents.units.filter((u) => seeds.has(u.name)), UNITS_AT_ONCE, async (unit) => {
        const i = results.findIndex((r) => r.file === unit.name);
        if (i < 0) return;
        const release = await engine.acquire(unit.size);
        try {
          const bytes = await unit.read();
          // (The bytes move to the engine's thread: a summary made again needs a copy.)
          const kept = relink && Buffer.from(bytes);
          const again = await engine.scan(bytes, unit.encoding, unit.name, seeds.get(unit.name));
          if (kept && !again.error && comparesAnew(results[i], again, seeds.get(unit.name)!)) relink.set(unit.name, (await engine.scan(kept, unit.encoding, unit.name, constantSeeds(seeds.get(unit.name)!), true)).summary);
          if (!again.error) results[i] = { ...results[i], findings: again.findings };
        } finally {
          release();
        }
      });
    } finally {
      contents.close();
    }
  }
}

/** Maps with at most `limit` calls running; results keep the input's order. A rejection (Cancelled) stops new calls. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}
