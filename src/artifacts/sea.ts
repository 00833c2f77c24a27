// Node single-executable applications: the NODE_SEA_BLOB resource postject
// injects (an ELF note, the Mach-O section NODE_SEA,__NODE_SEA_BLOB, or a PE
// RT_RCDATA resource), and the blob Node's src/node_sea.cc serializes:
//
// magic u32 0x0143DA20, flags u32, then by Node version
//   Node 20-23: nothing more;
//   Node 24:    exec-argv extension u8;
//   Node 25:    exec-argv extension u8, main format u8 (0 CommonJS, 1 ES module);
// code path (u64 length + bytes), main script or V8 snapshot (u64 length +
// bytes), [code cache], [asset count u64, then name and contents, each u64
// length + bytes], [exec-argv count u64, then each argument].
//
// The header does not say its version, so every layout is tried and the one
// that consumes the blob exactly is kept.
import { FormatError, Reader } from './bytes';
import type { Executable, Region } from './executable';

const MAGIC = 0x0143da20;
const USE_SNAPSHOT = 1 << 1;
const USE_CODE_CACHE = 1 << 2;
const INCLUDE_ASSETS = 1 << 3;
const INCLUDE_EXEC_ARGV = 1 << 4;
const MAX_ASSETS = 100_000;
const RESOURCE = 'NODE_SEA_BLOB';
/** Bytes after magic and flags in Node 20-23, 24, and 25 and later. */
const HEADER_EXTRAS = [0, 1, 2];

export interface SeaBlob {
  location: string;
  codePath: string;
  /** The main script's source; absent when the blob holds a V8 snapshot instead. */
  main?: Region;
  /** The main script is an ES module (Node 25's `mainFormat`). */
  module: boolean;
  snapshot: boolean;
  codeCache: boolean;
  assets: Array<{ name: string; contents: Region }>;
  /** Node options the application starts itself with (`execArgv` in the SEA config). */
  execArgv: string[];
}

/** Finds the blob of a Node single-executable application; undefined when there is none. */
export function findSeaBlob(exe: Executable): { region: Region; location: string } | undefined {
  const note = exe.notes.find((n) => n.name === RESOURCE);
  if (note) return { region: note, location: `ELF note ${RESOURCE}` };
  const section = exe.sections.find((s) => s.name === 'NODE_SEA,__NODE_SEA_BLOB');
  if (section) return { region: section, location: 'Mach-O section NODE_SEA,__NODE_SEA_BLOB' };
  const resource = exe.resources.find((r) => r.name === RESOURCE);
  if (resource) return { region: resource, location: `PE resource RT_RCDATA ${RESOURCE}` };
  return undefined;
}

/** Reads the blob with the header layout that accounts for every byte of it. */
export function readSeaBlob(exe: Executable, found: { region: Region; location: string }): SeaBlob {
  const r = new Reader(exe.source, true);
  const { region } = found;
  if (region.size < 8 || r.u32(region.offset) !== MAGIC) throw new FormatError(`${found.location}: not a single-executable blob (bad magic)`);
  let firstError: FormatError | undefined;
  let loose: { blob: SeaBlob; left: number } | undefined;
  for (const extra of HEADER_EXTRAS) {
    try {
      const { blob, end } = readLayout(exe, r, found, extra);
      const left = region.offset + region.size - end;
      if (left === 0) return blob;
      // Some containers pad their resources; a few bytes of padding are tolerated when no layout is exact.
      if (left > 0 && left < 16 && !loose) loose = { blob, left };
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
      firstError ??= err;
    }
  }
  if (loose) return loose.blob;
  throw firstError ?? new FormatError(`${found.location}: no known blob layout accounts for its ${region.size} bytes`);
}

function readLayout(exe: Executable, r: Reader, found: { region: Region; location: string }, extra: number): { blob: SeaBlob; end: number } {
  const { region } = found;
  const end = region.offset + region.size;
  const flags = r.u32(region.offset + 4);
  const module = extra >= 2 && r.u8(region.offset + 9) === 1;
  let o = region.offset + 8 + extra;
  const field = (what: string): Region => {
    if (o + 8 > end) throw new FormatError(`${found.location}: truncated before the ${what}`);
    const size = r.u64(o);
    if (size > end - o - 8) throw new FormatError(`${found.location}: the ${what} claims ${size} bytes, more than the blob holds`);
    const out = { offset: o + 8, size };
    o += 8 + size;
    return out;
  };
  const count = (what: string): number => {
    if (o + 8 > end) throw new FormatError(`${found.location}: truncated before the ${what} count`);
    const n = r.u64(o);
    o += 8;
    if (n > MAX_ASSETS) throw new FormatError(`${found.location}: implausible ${what} count ${n}`);
    return n;
  };
  const text = (x: Region) => exe.source.read(x.offset, Math.min(x.size, 4096)).toString('utf8');
  const codePath = text(field('code path'));
  const main = field(flags & USE_SNAPSHOT ? 'snapshot' : 'main script');
  if (flags & USE_CODE_CACHE) field('code cache');
  const assets: SeaBlob['assets'] = [];
  if (flags & INCLUDE_ASSETS) {
    for (let i = 0, n = count('asset'); i < n; i++) {
      const name = text(field(`name of asset ${i}`));
      assets.push({ name, contents: field(`asset ${name}`) });
    }
  }
  const execArgv: string[] = [];
  if (flags & INCLUDE_EXEC_ARGV) {
    for (let i = 0, n = count('exec-argv'); i < n; i++) execArgv.push(text(field(`exec-argv ${i}`)));
  }
  return {
    end: o,
    blob: {
      location: found.location, codePath, module, snapshot: !!(flags & USE_SNAPSHOT), codeCache: !!(flags & USE_CODE_CACHE),
      main: flags & USE_SNAPSHOT ? undefined : main, assets, execArgv,
    },
  };
}
