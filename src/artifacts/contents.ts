// What one file holds: a JavaScript text, the modules of a Bun or Node
// single-file executable, the entries of a .vsix, or native code. Only the
// byte ranges needed are read; nothing scanned is ever run.
import { isUtf8 } from 'buffer';
import { promises as fs } from 'fs';
import * as yauzl from 'yauzl';
import * as zlib from 'zlib';
import type { Finding } from '../engine/types';
import { archiveKind, MAX_INFLATED, MAX_RATIO, readTar, type ArchiveKind } from './archive';
import { readBunGraph, type BunGraph } from './bun';
import { formatBytes, NATIVE_LIBRARY, type FileRole } from './coverage';

export type { FileRole };
import { BufferBytes, FileBytes, FormatError, MAX_READ, SliceBytes, type ByteSource } from './bytes';
import { executableFormat, readExecutables, type Region } from './executable';
import { looksUtf16le, type TextEncoding } from './text';
import { nativeStrings } from './nativeStrings';
import { findSeaBlob, readSeaBlob } from './sea';

/** One JavaScript text to scan. */
export interface Unit {
  /** Its id for the engine and the linker: the file's path, or `file!member` for embedded code (memberOf takes it apart). */
  name: string;
  size: number;
  encoding: TextEncoding;
  read(): Promise<Buffer>;
}

/** The member a unit named `name` is inside `file` (undefined: the file itself, or not in it). */
export function memberOf(name: string, file: string): string | undefined {
  return name.length > file.length + 1 && name.startsWith(file) && name[file.length] === '!' ? name.slice(file.length + 1) : undefined;
}

/** Puts a finding (or send) named by its unit where a person finds it: the file on disk and the member inside it. */
export function placeIn<T extends { file: string; member?: string }>(item: T, file: string): T {
  const member = memberOf(item.file, file);
  return member === undefined ? item : { ...item, file, member };
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
  role?: FileRole;
  /** A small script that starts another program with the command line it was given (a launcher). */
  launches?: boolean;
  close(): void;
}

/** Program files: JavaScript, and TypeScript as Bun, Deno and tsx run it (its types stripped before analysis). */
export const JS_FILE = /\.(?:js|mjs|cjs|ts|mts|cts|tsx)$/i;
export const SKIPPED_FILE = /\.(?:d\.[cm]?ts|map|min\.css)$/i;
/** Executables larger than this inside a zip or archive are not inflated into memory. */
const MAX_ZIPPED_EXECUTABLE = 320 * 1024 * 1024;
/** Executables inside executables (a Bun graph's payload, a SEA asset) are opened this deep. */
const MAX_NESTING = 3;
/** Scripts up to this size are checked for being launchers. */
const MAX_LAUNCHER = 256 * 1024;

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

/** A file's first bytes say whether it is worth opening as an executable or a zip, or is a shell script. */
export function kindOfHead(head: Buffer, name: string): 'executable' | 'zip' | 'script' | 'shell' | 'binary' {
  if (executableFormat(head)) return 'executable';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'zip';
  if (looksUtf16le(head)) return JS_FILE.test(name) ? 'script' : 'binary';
  if (head.subarray(0, 8192).includes(0)) return 'binary';
  const first = head.subarray(0, 200).toString('latin1');
  if (JS_FILE.test(name) || /^#!.*\b(?:node|bun|deno|tsx)\b/.test(first)) return 'script';
  if (/^#!.*\b(?:ba|z|da|k)?sh\b/.test(first) || /^(?:echo|exec|exit|set|if|cd)\b/m.test(head.subarray(0, 4096).toString('latin1'))) return 'shell';
  return 'binary';
}

/**
 * A script that starts another program with its own command line:
 * `spawnSync(bin, process.argv.slice(2), { stdio: "inherit" })`, also minified
 * (`import { spawnSync as o } from "node:child_process"; o(n, process.argv.slice(2), …)`).
 */
export function isLauncherText(text: string): boolean {
  return (/\bchild_process\b/.test(text) && /\b(?:spawn|spawnSync|execFile|execFileSync|fork)\b/.test(text) || /\bBun\.spawn(?:Sync)?\b|\bprocess\.execve\b/.test(text))
    && /process\.argv\b/.test(text) && /["'`]inherit["'`]/.test(text);
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
    const c = await fromExecutable(source, file);
    const close = c.close;
    c.close = () => { close(); source.close(); };
    return c;
  }
  if (kind === 'zip' && /\.(?:vsix|zip)$/i.test(file)) return openZip(file);
  if (HTML_FILE.test(file) && (kind === 'binary' || kind === 'shell') && !head.subarray(0, 8192).includes(0)) return openHtml(file, size);
  const archive = PACKAGE_ARCHIVE.test(file) ? archiveKind(head) : undefined;
  if ((archive === 'gzip' || archive === 'tar') && size <= MAX_READ) return openPackageArchive(file, archive);
  const c = emptyContents();
  if (kind === 'shell') {
    addPart(c, 'shell script', size);
    c.role = 'stub';
    c.unscannable = 'shell script, not JavaScript (it stands in for the program it starts or names)';
    return c;
  }
  if (kind === 'binary' || kind === 'zip') {
    c.role = 'unreadable';
    // `#!/usr/bin/env python3`: a program in another language, named as such.
    const shebang = /^#!\s*(\S+)(?:[ \t]+(?:-\S+[ \t]+)*([\w.+-]+))?/.exec(head.subarray(0, 200).toString('latin1'));
    const interpreter = shebang && (/\/env$/.test(shebang[1]) ? shebang[2] : shebang[1].slice(shebang[1].lastIndexOf('/') + 1));
    c.unscannable = interpreter ? `${interpreter} script, not JavaScript` : 'binary file, not JavaScript';
    return c;
  }
  addPart(c, 'JavaScript file', size);
  c.role = 'script';
  // A small script is read once: checked for being a launcher here, scanned from the same bytes.
  const small = size <= MAX_LAUNCHER ? await fs.readFile(file) : undefined;
  if (small) c.launches = isLauncherText(small.toString('utf8'));
  c.units.push({ name: file, size, encoding: 'utf8', read: small ? async () => small : () => fs.readFile(file) });
  return c;
}

/** Pages a package ships (an editor extension's webview, a local UI): their inline scripts run in a browser engine. */
export const HTML_FILE = /\.html?$/i;
/** Pages larger than this are not read for inline scripts. */
const MAX_HTML = 16 * 1024 * 1024;
/** A `<script>` tag's attributes that keep its body from running as JavaScript: a `src`, or a type that is not JavaScript. */
const NOT_RUN = /\bsrc\s*=|\btype\s*=\s*["']?\s*(?!(?:text\/|application\/)?(?:javascript|ecmascript|babel)\b|module\b)[^"'\s>]/i;

/**
 * The inline scripts of a page as one text with the page's lines and columns: everything else is blanked, its line
 * breaks kept, and a `;` put where each script ends so that one script's last statement does not run into the next.
 * (Found with indexOf, in one pass: a page of unclosed tags costs no more than its length.)
 */
export function inlineScripts(html: string): string | undefined {
  const lower = html.toLowerCase();
  const blank = (from: number, to: number) => html.slice(from, to).replace(/[^\r\n]/g, ' ');
  const parts: string[] = [];
  let at = 0;
  for (let open = lower.indexOf('<script', 0); open >= 0; open = lower.indexOf('<script', at)) {
    const tagEnd = lower.indexOf('>', open);
    const close = tagEnd < 0 ? -1 : lower.indexOf('</script', tagEnd);
    if (close < 0) break;
    const body = html.slice(tagEnd + 1, close);
    if (/[\w-]/.test(lower[open + 7] ?? '') || NOT_RUN.test(html.slice(open + 7, tagEnd)) || !body.trim()) {
      parts.push(blank(at, close + 1));
    } else {
      parts.push(blank(at, tagEnd + 1), body, ';');
    }
    at = close + 1;
  }
  if (!parts.some((p) => p.trim())) return undefined;
  parts.push(blank(at, html.length));
  return parts.join('');
}

/** A page: its inline scripts, one unit with the page's lines; a page without any is data. */
async function openHtml(file: string, size: number): Promise<Contents> {
  const c = emptyContents();
  const text = size <= MAX_HTML ? inlineScripts(await fs.readFile(file, 'utf8')) : undefined;
  if (text === undefined) {
    c.role = 'unreadable';
    c.unscannable = 'page without inline scripts, not JavaScript';
    return c;
  }
  const bytes = Buffer.from(text, 'utf8');
  addPart(c, 'inline scripts of a page', bytes.length);
  c.role = 'script';
  c.units.push({ name: file, size: bytes.length, encoding: 'utf8', read: async () => bytes });
  return c;
}

/** Archives a package may keep its program in, to unpack at install or run time (`vendor/app.tgz`). */
export const PACKAGE_ARCHIVE = /\.(?:tgz|tar\.gz|tar)$/i;

/**
 * A tar or gzipped tar archive inside a package: its JavaScript entries, read in memory (`vendor/app.tgz!package/cli.js`),
 * for a program that unpacks its code at install or run time. Executables inside are not opened (a package's archives
 * of helper tools are not its program); an archive without JavaScript is data.
 */
async function openPackageArchive(file: string, kind: ArchiveKind): Promise<Contents> {
  const c = emptyContents();
  try {
    const { entries } = await readTar(await fs.readFile(file), (name) => isJavaScriptEntry(name));
    for (const e of entries) {
      addPart(c, `${kind === 'gzip' ? 'tgz' : 'tar'} archive entry (JavaScript)`, e.data.length);
      c.units.push({ name: `${file}!${e.name}`, size: e.data.length, encoding: 'utf8', read: async () => e.data });
    }
  } catch (err) {
    if (!(err instanceof FormatError)) throw err;
    c.notAnalysed.push(`${file}: ${err.message}`);
  }
  c.role = c.units.length ? 'script' : 'unreadable';
  if (!c.units.length) c.unscannable = 'archive without JavaScript, not JavaScript';
  return c;
}

/** Bytes of code a program loads from a file of its own, at most (once inflated). */
const MAX_LOADED = 64 * 1024 * 1024;

/**
 * A file the program runs as JavaScript though its name does not say so: loaded by name (`require("../lib/app.dat")`),
 * or read, inflated and run (`new Function(zlib.gunzipSync(fs.readFileSync(…)).toString())`). Its text, inflated first
 * when it is gzip, zlib or brotli data (at most MAX_LOADED bytes); unreadable when it holds no text.
 */
export async function openLoadedFile(file: string): Promise<Contents> {
  const c = emptyContents();
  const raw = await fs.readFile(file);
  const inflated = inflate(raw);
  const text = inflated ?? raw;
  if (!isText(text)) {
    c.role = 'unreadable';
    c.unscannable = 'data the program loads as code, not JavaScript text';
    return c;
  }
  addPart(c, inflated ? 'JavaScript file (compressed)' : 'JavaScript file', text.length);
  c.role = 'script';
  c.units.push({ name: file, size: text.length, encoding: 'utf8', read: async () => text });
  return c;
}

/** Whether bytes start as UTF-8 text: no NUL, valid UTF-8 (a character cut at the end of the sample aside). */
function isText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return false;
  if (head.length < 8192) return isUtf8(head);
  return [0, 1, 2, 3].some((cut) => isUtf8(head.subarray(0, head.length - cut)));
}

/** gzip or zlib data by its header, or brotli (which has none) where the bytes are no text; undefined for anything else. */
function inflate(raw: Buffer): Buffer | undefined {
  const limit = { maxOutputLength: MAX_LOADED };
  try {
    if (raw[0] === 0x1f && raw[1] === 0x8b) return zlib.gunzipSync(raw, limit);
    if (raw[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(raw[1])) return zlib.inflateSync(raw, limit);
    return isText(raw) ? undefined : zlib.brotliDecompressSync(raw, limit);
  } catch {
    return undefined;
  }
}

/** The JavaScript inside an executable: a Bun module graph, a Node SEA blob, or none (native code). */
export async function fromExecutable(source: ByteSource, name: string, depth = 0): Promise<Contents> {
  const c = emptyContents();
  let exes;
  try {
    exes = readExecutables(source);
  } catch (err) {
    if (!(err instanceof FormatError)) throw err;
    c.role = 'unreadable';
    c.unscannable = `damaged executable: ${err.message}`;
    return c;
  }
  const many = exes.length > 1;
  let native = 0;
  for (const [i, exe] of exes.entries()) {
    const label = many ? `${name}!slice${i}` : name;
    try {
      const graph = readBunGraph(exe);
      if (graph) {
        addPart(c, `Bun executable (${exe.format}, ${graph.location})`, source.size);
        await bunModules(c, exe.source, graph, label, depth);
        continue;
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
        for (const a of sea.assets) await seaAsset(c, exe.source, a, `${label}!${a.name}`, depth);
        continue;
      }
      native++;
      addPart(c, `native code (${exe.format})`, source.size);
      if (depth === 0) c.findings.push(...nativeStrings(exe.source, label));
      c.notAnalysed.push(`${label}: native code, no JavaScript inside`);
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
      c.notAnalysed.push(`${label}: ${err.message}`);
    }
  }
  if (!c.units.length) {
    c.role = native ? 'native' : 'unreadable';
    c.unscannable = c.notAnalysed[0] ?? 'no JavaScript inside';
  } else c.role = 'embedded';
  return c;
}

/** A Bun graph's modules: JavaScript (whatever its loader and encoding), native addons, and executables nested inside. */
async function bunModules(c: Contents, source: ByteSource, graph: BunGraph, label: string, depth: number): Promise<void> {
  for (const m of graph.modules) {
    const at = `${label}!${m.name}`;
    const { offset, size } = m.contents;
    if (m.isJavaScript && size > 0 && m.loader === 'file') {
      fileLoaderScript(c, source, m.contents, at);
    } else if (m.isJavaScript && size > 0) {
      addPart(c, 'Bun module (JavaScript)', size);
      c.units.push({ name: at, size, encoding: m.encoding === 'latin1' ? 'latin1' : 'utf8', read: async () => source.read(offset, size) });
    } else if (m.isJavaScript) {
      c.notAnalysed.push(`${at}: ${m.hasBytecode ? 'bytecode without source' : 'empty module'}, not analysed`);
    } else if (size >= 64 && executableFormat(source.read(offset, 64))) {
      await nestedExecutable(c, new SliceBytes(source, offset, size), at, m.loader === 'napi' || NATIVE_LIBRARY.test(m.name), depth);
    } else addPart(c, `Bun module (${m.loader})`, size);
  }
}

/** zstd's frame magic: Bun builds store some `file`-loader scripts compressed with it. */
const ZSTD = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
type Zstd = (b: Buffer, o: { maxOutputLength: number }) => Buffer;
const zstdDecompress = (zlib as unknown as { zstdDecompressSync?: Zstd }).zstdDecompressSync;

/** A script stored with Bun's `file` loader: its bytes as they are, or gzip- or zstd-compressed. */
function fileLoaderScript(c: Contents, source: ByteSource, { offset, size }: Region, at: string): void {
  const head = source.read(offset, Math.min(size, 8192));
  const gzip = archiveKind(head) === 'gzip';
  const zstd = head.subarray(0, 4).equals(ZSTD);
  if (zstd && !zstdDecompress) {
    addPart(c, 'Bun module (JavaScript, zstd-compressed)', size);
    c.notAnalysed.push(`${at}: zstd-compressed script; this Node has no zstd (Node 22.15 or later reads it), not analysed`);
    return;
  }
  if (!gzip && !zstd && head.includes(0)) {
    addPart(c, 'Bun module (file)', size);
    return;
  }
  addPart(c, gzip || zstd ? 'Bun module (JavaScript, compressed)' : 'Bun module (JavaScript, file loader)', size);
  const read = async (): Promise<Buffer> => {
    const raw = source.read(offset, size);
    try {
      return gzip ? zlib.gunzipSync(raw, { maxOutputLength: MAX_READ }) : zstd ? zstdDecompress!(raw, { maxOutputLength: MAX_READ }) : raw;
    } catch (err) {
      throw new FormatError(`cannot decompress: ${(err as Error).message}`);
    }
  };
  c.units.push({ name: at, size, encoding: 'utf8', read });
}

/** An executable carried inside another: read when it is Bun or SEA, otherwise listed as native code. */
async function nestedExecutable(c: Contents, source: ByteSource, at: string, library: boolean, depth: number): Promise<void> {
  if (library) {
    addPart(c, 'native addon or library', source.size);
    c.notAnalysed.push(`${at}: native addon, no JavaScript inside`);
    return;
  }
  if (depth + 1 >= MAX_NESTING) {
    addPart(c, 'nested executable (not opened)', source.size);
    c.notAnalysed.push(`${at}: executable nested ${MAX_NESTING} deep, not opened`);
    return;
  }
  const inner = await fromExecutable(source, at, depth + 1);
  if (inner.role === 'embedded') {
    merge(c, inner);
    return;
  }
  addPart(c, 'nested executable (native code)', source.size);
  c.notAnalysed.push(`${at}: nested executable of ${formatBytes(source.size)}, native code, no JavaScript inside`);
}

/** A SEA asset: JavaScript, an archive of the program (tar, tgz, zip), an executable, or data. */
async function seaAsset(c: Contents, source: ByteSource, asset: { name: string; contents: Region }, at: string, depth: number): Promise<void> {
  const { offset, size } = asset.contents;
  if (JS_FILE.test(asset.name)) {
    addPart(c, 'SEA asset (JavaScript)', size);
    c.units.push({ name: at, size, encoding: 'utf8', read: async () => source.read(offset, size) });
    return;
  }
  const head = size ? source.read(offset, Math.min(size, 512)) : Buffer.alloc(0);
  const archive = archiveKind(head);
  if (archive && size <= MAX_READ) {
    addPart(c, `SEA asset (${archive} archive)`, size);
    try {
      merge(c, await archiveContents(source.read(offset, size), archive, at, depth));
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
      c.notAnalysed.push(`${at}: ${err.message}`);
    }
  } else if (size >= 64 && executableFormat(head)) {
    await nestedExecutable(c, new SliceBytes(source, offset, size), at, NATIVE_LIBRARY.test(asset.name), depth);
  } else addPart(c, 'SEA asset (not JavaScript)', size);
}

/** What an archive held in memory contributes: its JavaScript files and the executables inside. */
async function archiveContents(data: Buffer, kind: ArchiveKind, at: string, depth: number): Promise<Contents> {
  if (kind === 'zip') {
    const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true });
    try {
      return await zipContents(zip, at, data.length, depth);
    } finally {
      zip.close();
    }
  }
  const c = emptyContents();
  // Native addons and libraries are listed, never held in memory.
  const wanted = (name: string, size: number) => isJavaScriptEntry(name) || maybeExecutableEntry(name) && !NATIVE_LIBRARY.test(name) && size >= 64 && size <= MAX_ZIPPED_EXECUTABLE;
  const { entries, skipped } = await readTar(data, wanted);
  for (const e of entries) {
    const entryName = `${at}!${e.name}`;
    if (isJavaScriptEntry(e.name)) {
      addPart(c, 'archive entry (JavaScript)', e.data.length);
      c.units.push({ name: entryName, size: e.data.length, encoding: 'utf8', read: async () => e.data });
    } else if (executableFormat(e.data.subarray(0, 64))) {
      await nestedExecutable(c, new BufferBytes(e.data), entryName, NATIVE_LIBRARY.test(e.name), depth);
    }
  }
  for (const s of skipped) {
    if (NATIVE_LIBRARY.test(s.name)) {
      addPart(c, 'native addon or library', s.size);
      c.notAnalysed.push(`${at}!${s.name}: native addon, no JavaScript inside`);
    } else if (s.size > MAX_ZIPPED_EXECUTABLE && maybeExecutableEntry(s.name)) c.notAnalysed.push(`${at}!${s.name}: ${formatBytes(s.size)}, too large to unpack in memory`);
  }
  return c;
}

const isJavaScriptEntry = (name: string) => JS_FILE.test(name) && !SKIPPED_FILE.test(name);
const maybeExecutableEntry = (name: string) => !/\.[a-z0-9]{1,5}$/i.test(name) || /\.(?:exe|node)$/i.test(name);

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
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true });
  } catch (err) {
    const c = emptyContents();
    c.role = 'unreadable';
    c.unscannable = `damaged zip: ${(err as Error).message}`;
    return c;
  }
  const c = await zipContents(zip, file, (await fs.stat(file)).size, 0);
  c.close = () => zip.close();
  return c;
}

/** The entries of an open zip, named `at!entry`. */
async function zipContents(zip: yauzl.ZipFile, at: string, size: number, depth: number): Promise<Contents> {
  const c = emptyContents();
  addPart(c, 'zip archive', size);
  let inflated = 0;
  const budget = (n: number) => {
    inflated += n;
    if (inflated > MAX_INFLATED) throw new FormatError(`more than ${MAX_INFLATED / 1024 ** 3} GB inflated from one archive; the rest is not analysed`);
  };
  try {
    for await (const entry of zip.eachEntry()) {
      const entryName = `${at}!${entry.fileName}`;
      if (entry.fileName.endsWith('/') || /(?:^|\/)node_modules\//.test(entry.fileName) && !JS_FILE.test(entry.fileName)) continue;
      try {
        if (isJavaScriptEntry(entry.fileName)) {
          budget(entry.uncompressedSize);
          addPart(c, 'zip entry (JavaScript)', entry.uncompressedSize);
          const data = await readEntry(zip, entry, MAX_READ);
          c.units.push({ name: entryName, size: data.length, encoding: 'utf8', read: async () => data });
        } else if (HTML_FILE.test(entry.fileName) && entry.uncompressedSize <= MAX_HTML) {
          // (A webview page of an extension: its inline scripts, see inlineScripts.)
          budget(entry.uncompressedSize);
          const scripts = inlineScripts((await readEntry(zip, entry, MAX_HTML)).toString('utf8'));
          if (scripts === undefined) continue;
          const data = Buffer.from(scripts, 'utf8');
          addPart(c, 'inline scripts of a page', data.length);
          c.units.push({ name: entryName, size: data.length, encoding: 'utf8', read: async () => data });
        } else if (maybeExecutableEntry(entry.fileName)) {
          if (entry.uncompressedSize < 64) continue;
          budget(entry.uncompressedSize);
          if (entry.uncompressedSize > MAX_ZIPPED_EXECUTABLE) {
            c.notAnalysed.push(`${entryName}: ${Math.round(entry.uncompressedSize / 1e6)} MB, too large to inflate in memory; scan the installed folder instead`);
            continue;
          }
          const data = await readEntry(zip, entry, MAX_ZIPPED_EXECUTABLE);
          if (executableFormat(data.subarray(0, 64))) merge(c, await fromExecutable(new BufferBytes(data), entryName, depth));
        }
      } catch (err) {
        // Damaged or hostile entries (yauzl's size checks, bombs, budgets) cost that entry only.
        const message = (err as Error).message;
        c.notAnalysed.push(message.startsWith(entry.fileName) ? `${at}!${message}` : `${entryName}: ${message}`);
        if (/bomb|inflated from one archive/.test(message)) break;
      }
    }
  } catch (err) {
    c.notAnalysed.push(`${at}: damaged zip: ${(err as Error).message}`);
  }
  c.role = c.units.length ? 'script' : 'unreadable';
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
