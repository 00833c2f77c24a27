// Bun single-file executables: the module graph `bun build --compile` embeds
// (oven-sh/bun src/StandaloneModuleGraph.zig), read from its container
// section or from the end of the file, never by searching for the trailer
// text (the runtime itself carries the same literal).
//
// payload = [module bytes ...][Offsets][trailer "\n---- Bun! ----\n"]
// Offsets = byte_count u64, modules {offset u32, length u32}, entry_point_id u32,
//           and in newer builds exec_argv {offset u32, length u32} and flags u32
//           (24 or 32 bytes). Pointers are relative to the payload start.
// module  = name, contents, sourcemap, bytecode pointers (8 bytes each), in
//           newer builds two more, then encoding, loader, format, side bytes
//           (36 or 52 bytes).
import { FormatError, Reader } from './bytes';
import type { Executable, Region } from './executable';

const TRAILER = Buffer.from('\n---- Bun! ----\n');
const OFFSETS_SIZES = [32, 24];
const ENTRY_SIZES = [52, 36];
const NAME_PREFIXES = ['/$bunfs/', 'B:/~BUN/', 'B:\\~BUN\\'];
const MAX_MODULES = 100_000;
/** Bun's loaders (options.Loader) whose output is JavaScript: jsx, js, ts, tsx. */
const JS_LOADERS = new Set([0, 1, 2, 3]);
const LOADER_NAMES = ['jsx', 'js', 'ts', 'tsx', 'css', 'file', 'json', 'jsonc', 'toml', 'wasm', 'napi', 'base64', 'dataurl', 'text', 'bunsh', 'sqlite', 'sqlite_embedded', 'html'];

export interface BunModule {
  /** `/$bunfs/root/cli.js` */
  name: string;
  /** Absolute region of the contents in the executable. */
  contents: Region;
  encoding: 'binary' | 'latin1' | 'utf8';
  loader: string;
  isJavaScript: boolean;
  /** Precompiled bytecode is stored beside the source. */
  hasBytecode: boolean;
}

export interface BunGraph {
  /** Where the payload was found, for the report. */
  location: string;
  modules: BunModule[];
  entryPoint: string | undefined;
}

/** Finds and reads the module graph of a Bun executable; undefined when there is none. */
export function readBunGraph(exe: Executable): BunGraph | undefined {
  const r = new Reader(exe.source, true);
  const section = exe.sections.find((s) => s.name === '.bun' || s.name === '__BUN,__bun');
  if (section) {
    for (const payload of sectionPayloads(r, exe, section)) {
      const graph = tryPayload(r, payload, `section ${section.name}`);
      if (graph) return graph;
    }
    throw new FormatError(`the ${section.name} section holds no valid Bun module graph`);
  }
  // Older Linux builds append the payload and end the file with its end offset (the file size).
  if (exe.format === 'ELF' && exe.source.size > 64 && r.u64(exe.source.size - 8) === exe.source.size) {
    const end = exe.source.size - 8;
    const graph = tryPayload(r, { offset: 0, size: end }, 'data appended to the executable');
    if (graph) return graph;
    throw new FormatError('the data appended to the executable is not a valid Bun module graph');
  }
  return undefined;
}

/** Candidate payload regions of a section: `[u64 length][payload]`, `[u32 length][payload]`, or (early ELF) a virtual address of such data. */
function sectionPayloads(r: Reader, exe: Executable, s: Region): Region[] {
  const out: Region[] = [];
  if (s.size >= 8) {
    const len64 = r.u64(s.offset);
    if (len64 > 0 && len64 <= s.size - 8) out.push({ offset: s.offset + 8, size: len64 });
    const len32 = r.u32(s.offset);
    if (len32 > 0 && len32 <= s.size - 4) out.push({ offset: s.offset + 4, size: len32 });
    const at = exe.fileOffset(len64);
    if (at !== undefined && at + 8 <= exe.source.size) {
      const len = r.u64(at);
      if (len > 0 && at + 8 + len <= exe.source.size) out.push({ offset: at + 8, size: len });
    }
  }
  return out;
}

/**
 * Reads a graph from a region that ends with the trailer. When the region's
 * start is not known exactly (appended data), the Offsets record says where
 * the payload starts.
 */
function tryPayload(r: Reader, region: Region, location: string): BunGraph | undefined {
  const end = region.offset + region.size;
  if (region.size < TRAILER.length + 24 || !r.source.read(end - TRAILER.length, TRAILER.length).equals(TRAILER)) return undefined;
  for (const offsetsSize of OFFSETS_SIZES) {
    const at = end - TRAILER.length - offsetsSize;
    if (at < region.offset) continue;
    const byteCount = r.u64(at);
    const start = at - byteCount;
    if (byteCount === 0 || start < region.offset) continue;
    const table = { offset: r.u32(at + 8), size: r.u32(at + 12) };
    const entryPoint = r.u32(at + 16);
    if (table.size === 0 || table.offset + table.size > byteCount) continue;
    for (const entrySize of ENTRY_SIZES) {
      if (table.size % entrySize !== 0 || table.size / entrySize > MAX_MODULES) continue;
      const modules = readModules(r, start, byteCount, table, entrySize);
      if (modules) return { location, modules, entryPoint: modules[entryPoint]?.name };
    }
  }
  return undefined;
}

function readModules(r: Reader, start: number, byteCount: number, table: Region, entrySize: number): BunModule[] | undefined {
  const raw = r.source.read(start + table.offset, table.size);
  const modules: BunModule[] = [];
  const ptr = (o: number): Region | undefined => {
    const offset = raw.readUInt32LE(o);
    const size = raw.readUInt32LE(o + 4);
    return offset + size <= byteCount ? { offset: start + offset, size } : undefined;
  };
  for (let i = 0; i < table.size / entrySize; i++) {
    const e = i * entrySize;
    const name = ptr(e);
    const contents = ptr(e + 8);
    const bytecode = ptr(e + 24);
    if (!name || !contents || !bytecode || name.size === 0 || name.size > 4096) return undefined;
    const nameText = r.source.read(name.offset, name.size).toString('utf8');
    if (!NAME_PREFIXES.some((p) => nameText.startsWith(p))) return undefined;
    const flags = entrySize - 4;
    const encoding = (['binary', 'latin1', 'utf8'] as const)[raw[e + flags]] ?? 'binary';
    const loader = raw[e + flags + 1];
    modules.push({
      name: nameText, contents, encoding,
      loader: LOADER_NAMES[loader] ?? `loader ${loader}`,
      // The `file` loader stores a script's bytes as they are: still the program's JavaScript.
      isJavaScript: JS_LOADERS.has(loader) || /\.[cm]?js$/i.test(nameText),
      hasBytecode: bytecode.size > 0,
    });
  }
  return modules;
}

/** Decodes a module's contents as Bun stores them. */
export function decodeBunContents(bytes: Buffer, encoding: BunModule['encoding']): string {
  return encoding === 'latin1' ? bytes.toString('latin1') : bytes.toString('utf8');
}
