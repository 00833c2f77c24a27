// Node single-executable applications: the NODE_SEA_BLOB resource postject
// injects (an ELF note, the Mach-O section NODE_SEA,__NODE_SEA_BLOB, or a PE
// RT_RCDATA resource), and the blob Node's src/node_sea.cc serializes:
//
// magic u32 0x0143DA20, flags u32, code path (u64 length + bytes), main script
// or V8 snapshot (u64 length + bytes), [code cache], [asset count u64, then
// name and contents, each u64 length + bytes].
import { FormatError, Reader } from './bytes';
import type { Executable, Region } from './executable';

const MAGIC = 0x0143da20;
const USE_SNAPSHOT = 1 << 1;
const USE_CODE_CACHE = 1 << 2;
const INCLUDE_ASSETS = 1 << 3;
const MAX_ASSETS = 100_000;
const RESOURCE = 'NODE_SEA_BLOB';

export interface SeaBlob {
  location: string;
  codePath: string;
  /** The main script's source; absent when the blob holds a V8 snapshot instead. */
  main?: Region;
  snapshot: boolean;
  codeCache: boolean;
  assets: Array<{ name: string; contents: Region }>;
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

export function readSeaBlob(exe: Executable, found: { region: Region; location: string }): SeaBlob {
  const r = new Reader(exe.source, true);
  const { region } = found;
  const end = region.offset + region.size;
  if (region.size < 8 || r.u32(region.offset) !== MAGIC) throw new FormatError(`${found.location}: not a single-executable blob (bad magic)`);
  const flags = r.u32(region.offset + 4);
  let o = region.offset + 8;
  const field = (what: string): Region => {
    if (o + 8 > end) throw new FormatError(`${found.location}: truncated before the ${what}`);
    const size = r.u64(o);
    if (size > end - o - 8) throw new FormatError(`${found.location}: the ${what} claims ${size} bytes, more than the blob holds`);
    const out = { offset: o + 8, size };
    o += 8 + size;
    return out;
  };
  const text = (x: Region) => exe.source.read(x.offset, Math.min(x.size, 4096)).toString('utf8');
  const codePath = text(field('code path'));
  const main = field(flags & USE_SNAPSHOT ? 'snapshot' : 'main script');
  if (flags & USE_CODE_CACHE) field('code cache');
  const assets: SeaBlob['assets'] = [];
  if (flags & INCLUDE_ASSETS && o + 8 <= end) {
    const count = r.u64(o);
    o += 8;
    if (count > MAX_ASSETS) throw new FormatError(`${found.location}: implausible asset count ${count}`);
    for (let i = 0; i < count; i++) {
      const name = text(field(`name of asset ${i}`));
      assets.push({ name, contents: field(`asset ${name}`) });
    }
  }
  return {
    location: found.location, codePath, snapshot: !!(flags & USE_SNAPSHOT), codeCache: !!(flags & USE_CODE_CACHE),
    main: flags & USE_SNAPSHOT ? undefined : main, assets,
  };
}
