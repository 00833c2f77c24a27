// What one file holds: a JavaScript text, the modules of a Bun or Node
// single-file executable, the entries of a .vsix, or native code. Only the
// byte ranges needed are read; nothing scanned is ever run.
import { promises as fs } from 'fs';
import * as yauzl from 'yauzl';
import type { Finding } from '../engine/types';
import { readBunGraph } from './bun';
import { BufferBytes, FileBytes, FormatError, MAX_READ, type ByteSource } from './bytes';
import { executableFormat, readExecutables } from './executable';
import { nativeStrings } from './nativeStrings';
import { findSeaBlob, readSeaBlob } from './sea';

/** One JavaScript text to scan. */
export interface Unit {
  /** Shown in findings: a path, or `container!inner` for embedded code. */
  name: string;
  size: number;
  encoding: 'utf8' | 'latin1';
  read(): Promise<Buffer>;
}

export interface Contents {
  units: Unit[];
  /** What the file consisted of, by kind: "Bun module", "native code", ... */
  parts: Record<string, { count: number; bytes: number }>;
  notAnalysed: string[];
  /** Strings-level evidence from native code (never enough for `untrusted`). */
  findings: Finding[];
  /** Set when nothing in the file can be analysed. */
  unscannable?: string;
  close(): void;
}

export const JS_FILE = /\.(?:js|mjs|cjs)$/i;
export const SKIPPED_FILE = /\.(?:d\.ts|map|min\.css)$/i;
/** Executables larger than this inside a zip are not inflated into memory. */
const MAX_ZIPPED_EXECUTABLE = 320 * 1024 * 1024;
/** Total bytes inflated from one zip, and the ratio beyond which an entry is a bomb. */
const MAX_ZIP_TOTAL = 2 * 1024 * 1024 * 1024;
const MAX_RATIO = 200;

function emptyContents(): Contents {
  return { units: [], parts: {}, notAnalysed: [], findings: [], close() {} };
}

/** Adds counts and bytes of `from` into `into`, kind by kind. */
export function addParts(into: Contents['parts'], from: Contents['parts']): void {
  for (const [k, v] of Object.entries(from)) {
    const p = (into[k] ??= { count: 0, bytes: 0 });
    p.count += v.count;
    p.bytes += v.bytes;
  }
}

function addPart(c: Contents, kind: string, bytes: number): void {
  const p = (c.parts[kind] ??= { count: 0, bytes: 0 });
  p.count++;
  p.bytes += bytes;
}

function merge(into: Contents, from: Contents): void {
  into.units.push(...from.units);
  into.notAnalysed.push(...from.notAnalysed);
  into.findings.push(...from.findings);
  addParts(into.parts, from.parts);
}

/** A file's first bytes say whether it is worth opening as an executable or a zip. */
export function kindOfHead(head: Buffer, name: string): 'executable' | 'zip' | 'script' | 'binary' {
  if (executableFormat(head)) return 'executable';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'zip';
  if (head.subarray(0, 8192).includes(0)) return 'binary';
  return JS_FILE.test(name) || /^#!.*\b(?:node|bun|deno|tsx)\b/.test(head.subarray(0, 200).toString('latin1')) ? 'script' : 'binary';
}

/** Opens a file and lists what it holds. Unreadable files throw (fs errors); damaged containers do not. */
export async function openFile(file: string): Promise<Contents> {
  const handle = await fs.open(file, 'r');
  let head: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    head = Buffer.alloc(Math.min(size, 8192));
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const kind = kindOfHead(head, file);
  if (kind === 'executable') {
    const source = new FileBytes(file);
    const c = fromExecutable(source, file);
    const close = c.close;
    c.close = () => { close(); source.close(); };
    return c;
  }
  if (kind === 'zip' && /\.(?:vsix|zip)$/i.test(file)) return openZip(file);
  const c = emptyContents();
  if (kind === 'binary' || kind === 'zip') {
    c.unscannable = 'binary file, not JavaScript';
    return c;
  }
  addPart(c, 'JavaScript file', size);
  c.units.push({ name: file, size, encoding: 'utf8', read: () => fs.readFile(file) });
  return c;
}

/** The JavaScript inside an executable: a Bun module graph, a Node SEA blob, or none (native code). */
export function fromExecutable(source: ByteSource, name: string): Contents {
  const c = emptyContents();
  let exes;
  try {
    exes = readExecutables(source);
  } catch (err) {
    if (!(err instanceof FormatError)) throw err;
    c.unscannable = `damaged executable: ${err.message}`;
    return c;
  }
  const many = exes.length > 1;
  exes.forEach((exe, i) => {
    const label = many ? `${name}!slice${i}` : name;
    try {
      const graph = readBunGraph(exe);
      if (graph) {
        addPart(c, `Bun executable (${exe.format}, ${graph.location})`, source.size);
        for (const m of graph.modules) {
          const at = `${label}!${m.name}`;
          if (m.isJavaScript && m.contents.size > 0) {
            addPart(c, 'Bun module (JavaScript)', m.contents.size);
            c.units.push({ name: at, size: m.contents.size, encoding: m.encoding === 'latin1' ? 'latin1' : 'utf8', read: async () => exe.source.read(m.contents.offset, m.contents.size) });
          } else if (m.isJavaScript) {
            c.notAnalysed.push(`${at}: ${m.hasBytecode ? 'bytecode without source' : 'empty module'}, not analysed`);
          } else {
            addPart(c, `Bun module (${m.loader})`, m.contents.size);
            if (m.loader === 'napi') c.notAnalysed.push(`${at}: native addon, no JavaScript inside`);
          }
        }
        return;
      }
      const found = findSeaBlob(exe);
      if (found) {
        const sea = readSeaBlob(exe, found);
        addPart(c, `Node single-executable application (${exe.format}, ${sea.location})`, source.size);
        if (sea.main) {
          addPart(c, 'SEA main script', sea.main.size);
          const main = sea.main;
          c.units.push({ name: `${label}!${sea.codePath || 'main'}`, size: main.size, encoding: 'utf8', read: async () => exe.source.read(main.offset, main.size) });
        } else c.notAnalysed.push(`${label}: the main script is a V8 startup snapshot, no source to analyse`);
        for (const a of sea.assets) {
          if (!JS_FILE.test(a.name)) { addPart(c, 'SEA asset (not JavaScript)', a.contents.size); continue; }
          addPart(c, 'SEA asset (JavaScript)', a.contents.size);
          c.units.push({ name: `${label}!${a.name}`, size: a.contents.size, encoding: 'utf8', read: async () => exe.source.read(a.contents.offset, a.contents.size) });
        }
        return;
      }
      addPart(c, `native code (${exe.format})`, source.size);
      c.findings.push(...nativeStrings(exe.source, label));
      c.notAnalysed.push(`${label}: native code, no JavaScript inside`);
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
      c.notAnalysed.push(`${label}: ${err.message}`);
    }
  });
  if (!c.units.length) c.unscannable = c.notAnalysed[0] ?? 'no JavaScript inside';
  return c;
}

// ---- zip (.vsix) ----

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  if (entry.uncompressedSize > limit) throw new FormatError(`${entry.fileName}: ${entry.uncompressedSize} bytes, over the ${Math.round(limit / 1e6)} MB limit`);
  if (entry.uncompressedSize > 100 * 1024 * 1024 && entry.uncompressedSize / Math.max(1, entry.compressedSize) > MAX_RATIO) {
    throw new FormatError(`${entry.fileName}: compressed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1, a zip bomb; not inflated`);
  }
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    // yauzl checks the declared size too; this bounds memory if a header lies.
    if (total > entry.uncompressedSize || total > limit) {
      stream.destroy();
      throw new FormatError(`${entry.fileName}: inflates past its declared ${entry.uncompressedSize} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

/**
 * A .vsix (or zip) read in place: its JavaScript entries are units, its
 * executables are opened from memory; nothing is extracted to disk.
 */
export async function openZip(file: string): Promise<Contents> {
  const c = emptyContents();
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true });
  } catch (err) {
    c.unscannable = `damaged zip: ${(err as Error).message}`;
    return c;
  }
  c.close = () => zip.close();
  addPart(c, 'zip archive', (await fs.stat(file)).size);
  let inflated = 0;
  const budget = (n: number) => {
    inflated += n;
    if (inflated > MAX_ZIP_TOTAL) throw new FormatError(`more than ${MAX_ZIP_TOTAL / 1024 ** 3} GB inflated from one archive; the rest is not analysed`);
  };
  try {
    for await (const entry of zip.eachEntry()) {
      const entryName = `${file}!${entry.fileName}`;
      if (entry.fileName.endsWith('/') || /(?:^|\/)node_modules\//.test(entry.fileName) && !JS_FILE.test(entry.fileName)) continue;
      try {
        if (JS_FILE.test(entry.fileName) && !SKIPPED_FILE.test(entry.fileName)) {
          budget(entry.uncompressedSize);
          addPart(c, 'zip entry (JavaScript)', entry.uncompressedSize);
          const data = await readEntry(zip, entry, MAX_READ);
          c.units.push({ name: entryName, size: data.length, encoding: 'utf8', read: async () => data });
        } else if (!/\.[a-z0-9]{1,5}$/i.test(entry.fileName) || /\.(?:exe|node)$/i.test(entry.fileName)) {
          if (entry.uncompressedSize < 64) continue;
          budget(entry.uncompressedSize);
          if (entry.uncompressedSize > MAX_ZIPPED_EXECUTABLE) {
            c.notAnalysed.push(`${entryName}: ${Math.round(entry.uncompressedSize / 1e6)} MB, too large to inflate in memory; scan the installed folder instead`);
            continue;
          }
          const data = await readEntry(zip, entry, MAX_ZIPPED_EXECUTABLE);
          if (executableFormat(data.subarray(0, 64))) merge(c, fromExecutable(new BufferBytes(data), entryName));
        }
      } catch (err) {
        // Damaged or hostile entries (yauzl's size checks, bombs, budgets) cost that entry only.
        const message = (err as Error).message;
        c.notAnalysed.push(message.startsWith(entry.fileName) ? `${file}!${message}` : `${entryName}: ${message}`);
        if (/bomb|inflated from one archive/.test(message)) break;
      }
    }
  } catch (err) {
    c.notAnalysed.push(`${file}: damaged zip: ${(err as Error).message}`);
  }
  if (!c.units.length) c.unscannable = c.notAnalysed[0] ?? 'no JavaScript inside';
  return c;
}

/** The package.json of a .vsix (extension/package.json). */
export async function zipPackageJson(file: string): Promise<string | undefined> {
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === 'extension/package.json' || entry.fileName === 'package.json') return (await readEntry(zip, entry, 4 * 1024 * 1024)).toString('utf8');
    }
  } catch {
    return undefined;
  } finally {
    zip?.close();
  }
  return undefined;
}
