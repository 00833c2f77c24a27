// Scanning targets: list their files, read and decode each, use the cache, run the engine, judge.
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { listTarget } from '../artifacts/javascriptFiles';
import { scanText } from '../engine/scan';
import { verdictOf, type FileResult, type Finding } from '../engine/types';
import type { TargetResult } from '../report/model';
import type { ResultCache } from './cache';

export interface ScanTargetsOptions {
  cache?: ResultCache;
  /** Called before each file, for progress lines. */
  onFile?: (file: string, index: number, total: number) => void;
  maxFileBytes?: number;
  /** Results by content hash within one run: identical files are scanned once. */
  seen?: Map<string, FileResult>;
}

const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/** Decodes UTF-8; invalid sequences are replaced and reported, never fatal. */
export function decodeText(bytes: Buffer): { text: string; problem?: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { text: bytes.toString('utf8'), problem: 'invalid UTF-8: bad byte sequences were replaced with U+FFFD before analysis' };
  }
}

function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** A result for identical content found under another name. */
function relocate(r: FileResult, file: string): FileResult {
  if (r.file === file) return r;
  return { ...r, file, findings: r.findings.map((f) => ({ ...f, file: f.file.startsWith(r.file) ? file + f.file.slice(r.file.length) : f.file })) };
}

/** Scans one file: never throws; unreadable or unparseable files give a reason. */
export async function scanFile(file: string, options: ScanTargetsOptions = {}): Promise<FileResult> {
  const started = performance.now();
  const fail = (error: string, bytes = 0): FileResult => ({ file, bytes, ms: Math.round(performance.now() - started), findings: [], notAnalysed: [], error });
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.size > (options.maxFileBytes ?? DEFAULT_MAX_BYTES)) return fail(`larger than the ${Math.round((options.maxFileBytes ?? DEFAULT_MAX_BYTES) / 1e6)} MB limit`, stat.size);
    bytes = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'file vanished before it could be read' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read: ${(err as Error).message}`);
  }
  if (looksBinary(bytes)) return fail('binary file, not JavaScript', bytes.length);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const known = options.seen?.get(hash) ?? await options.cache?.get(hash);
  if (known) return relocate(known, file);
  const { text, problem } = decodeText(bytes);
  const result = scanText(text, { file });
  if (problem) result.notAnalysed.unshift(problem);
  options.seen?.set(hash, result);
  await options.cache?.set(hash, result);
  return result;
}

/** Scans every path given on the command line; identical files are scanned once. */
export async function scanTargets(paths: string[], options: ScanTargetsOptions = {}): Promise<{ targets: TargetResult[]; ioErrors: number }> {
  const targets: TargetResult[] = [];
  let ioErrors = 0;
  const seen = options.seen ?? new Map<string, FileResult>();
  for (const p of paths) {
    const started = performance.now();
    let listed;
    try {
      listed = await listTarget(p);
    } catch (err) {
      ioErrors++;
      const code = (err as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
      targets.push({ path: path.resolve(p), kind: 'file', agent: null, verdict: 'unscannable', bytes: 0, ms: 0, files: 0, findings: [], notAnalysed: [reason] });
      continue;
    }
    const findings: Finding[] = [];
    const notAnalysed = [...listed.problems];
    let bytes = 0;
    let analysedFiles = 0;
    for (const [i, file] of listed.files.entries()) {
      options.onFile?.(file, i, listed.files.length);
      const r = await scanFile(file, { ...options, seen });
      if (r.error) {
        notAnalysed.push(listed.kind === 'file' ? r.error : `${path.relative(listed.path, file)}: ${r.error}`);
        continue;
      }
      analysedFiles++;
      bytes += r.bytes;
      findings.push(...r.findings);
      for (const n of r.notAnalysed) notAnalysed.push(listed.kind === 'file' ? n : `${path.relative(listed.path, file)}: ${n}`);
    }
    if (!listed.files.length) notAnalysed.push('no JavaScript files found');
    const unscannable = analysedFiles === 0 ? notAnalysed[0] ?? 'nothing to analyse' : undefined;
    targets.push({
      path: listed.path, kind: listed.kind, agent: listed.agent, verdict: verdictOf(findings, unscannable),
      bytes, ms: Math.round(performance.now() - started), files: listed.files.length, findings, notAnalysed,
    });
  }
  return { targets, ioErrors };
}
