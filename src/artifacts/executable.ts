// Executable containers (ELF, Mach-O, PE): their sections, ELF notes and PE
// resources, read from the headers by ranges. Every count, offset and size is
// checked against the file before it is used.
import { FormatError, Reader, SliceBytes, type ByteSource } from './bytes';

export type ExecutableFormat = 'ELF' | 'Mach-O' | 'PE';

export interface Region {
  offset: number;
  size: number;
}

export interface Section extends Region {
  /** `.bun` (ELF, PE) or `__BUN,__bun` (Mach-O: segment,section). */
  name: string;
  /** Virtual address (ELF, Mach-O) or RVA (PE). */
  addr: number;
}

export interface Executable {
  format: ExecutableFormat;
  /** The bytes the offsets below refer to (a slice of a universal Mach-O). */
  source: ByteSource;
  sections: Section[];
  /** ELF notes: name and descriptor region. */
  notes: Array<Region & { name: string; type: number }>;
  /** PE resources of type RT_RCDATA, by name. */
  resources: Array<Region & { name: string }>;
  /** ELF: the file offset of a virtual address, through the program headers. */
  fileOffset(addr: number): number | undefined;
}

const MAX_SECTIONS = 4096;
const MAX_LOAD_COMMANDS_BYTES = 16 * 1024 * 1024;

/** Identifies an executable by its first bytes. */
export function executableFormat(head: Buffer): ExecutableFormat | 'universal' | undefined {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x7f454c46) return 'ELF';
  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) return 'PE';
  if (head.length < 8) return undefined;
  const be = head.readUInt32BE(0);
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(be)) return 'Mach-O';
  // 0xcafebabe is also a Java class file, whose next word (the version) is large.
  if ((be === 0xcafebabe || be === 0xcafebabf) && head.readUInt32BE(4) > 0 && head.readUInt32BE(4) < 32) return 'universal';
  return undefined;
}

function check(cond: boolean, message: string): void {
  if (!cond) throw new FormatError(message);
}

/** Reads the container structure of one executable (all slices of a universal binary). */
export function readExecutables(source: ByteSource): Executable[] {
  const format = executableFormat(source.read(0, Math.min(64, source.size)));
  switch (format) {
    case 'ELF': return [readElf(source)];
    case 'PE': return [readPe(source)];
    case 'Mach-O': return [readMachO(source)];
    case 'universal': return readUniversal(source).map(readMachO);
    default: throw new FormatError('not an ELF, Mach-O or PE executable');
  }
}

// ---- ELF ----

function readElf(source: ByteSource): Executable {
  const ident = source.read(0, 16);
  const is64 = ident[4] === 2;
  check(ident[4] === 1 || is64, 'ELF header: unknown class');
  check(ident[5] === 1 || ident[5] === 2, 'ELF header: unknown byte order');
  const r = new Reader(source, ident[5] === 1);
  const word = (o: number) => (is64 ? r.u64(o) : r.u32(o));
  const phoff = word(is64 ? 0x20 : 0x1c);
  const shoff = word(is64 ? 0x28 : 0x20);
  const [phentsize, phnum, shentsize, shnum, shstrndx] = (is64 ? [0x36, 0x38, 0x3a, 0x3c, 0x3e] : [0x2a, 0x2c, 0x2e, 0x30, 0x32]).map((o) => r.u16(o));

  const segments: Array<Region & { type: number; vaddr: number }> = [];
  if (phoff && phnum) {
    check(phentsize >= (is64 ? 56 : 32), 'ELF program headers: entry size too small');
    for (let i = 0; i < phnum; i++) {
      const o = phoff + i * phentsize;
      segments.push(is64
        ? { type: r.u32(o), offset: r.u64(o + 8), vaddr: r.u64(o + 16), size: r.u64(o + 32) }
        : { type: r.u32(o), offset: r.u32(o + 4), vaddr: r.u32(o + 8), size: r.u32(o + 16) });
    }
  }

  const sections: Section[] = [];
  const noteRegions: Region[] = segments.filter((s) => s.type === 4 /* PT_NOTE */);
  if (shoff && shnum) {
    check(shnum <= MAX_SECTIONS * 16 && shentsize >= (is64 ? 64 : 40), 'ELF section headers: implausible count or size');
    const raw = Array.from({ length: shnum }, (_, i) => {
      const o = shoff + i * shentsize;
      return is64
        ? { nameOff: r.u32(o), type: r.u32(o + 4), addr: r.u64(o + 16), offset: r.u64(o + 24), size: r.u64(o + 32) }
        : { nameOff: r.u32(o), type: r.u32(o + 4), addr: r.u32(o + 12), offset: r.u32(o + 16), size: r.u32(o + 20) };
    });
    const strtab = raw[shstrndx];
    for (const s of raw) {
      const name = strtab && s.nameOff < strtab.size ? r.cstring(strtab.offset + s.nameOff, Math.min(256, strtab.size - s.nameOff)) : '';
      if (s.type === 8 /* SHT_NOBITS */) continue;
      sections.push({ name, addr: s.addr, offset: s.offset, size: s.size });
      if (s.type === 7 /* SHT_NOTE */ && !noteRegions.some((n) => n.offset === s.offset)) noteRegions.push(s);
    }
  }

  const notes: Executable['notes'] = [];
  for (const region of noteRegions) {
    if (region.offset + region.size > source.size) continue;
    let o = region.offset;
    const end = region.offset + region.size;
    while (o + 12 <= end) {
      const namesz = r.u32(o);
      const descsz = r.u32(o + 4);
      const type = r.u32(o + 8);
      const nameAt = o + 12;
      const descAt = nameAt + align4(namesz);
      if (namesz > 4096 || descAt + descsz > end) break;
      notes.push({ name: r.cstring(nameAt, namesz), type, offset: descAt, size: descsz });
      o = descAt + align4(descsz);
    }
  }

  return {
    format: 'ELF', source, sections, notes, resources: [],
    fileOffset(addr) {
      const seg = segments.find((s) => s.type === 1 /* PT_LOAD */ && addr >= s.vaddr && addr < s.vaddr + s.size);
      return seg ? seg.offset + (addr - seg.vaddr) : undefined;
    },
  };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

// ---- Mach-O ----

function readUniversal(source: ByteSource): ByteSource[] {
  const r = new Reader(source, false);
  const is64 = r.u32(0) === 0xcafebabf;
  const count = r.u32(4);
  const slices: ByteSource[] = [];
  for (let i = 0; i < count; i++) {
    const o = 8 + i * (is64 ? 32 : 20);
    const offset = is64 ? r.u64(o + 8) : r.u32(o + 8);
    const size = is64 ? r.u64(o + 16) : r.u32(o + 12);
    slices.push(new SliceBytes(source, offset, size));
  }
  check(slices.length > 0, 'universal binary without slices');
  return slices;
}

function readMachO(source: ByteSource): Executable {
  const magic = source.read(0, 4).readUInt32BE(0);
  const littleEndian = magic === 0xcefaedfe || magic === 0xcffaedfe;
  const is64 = magic === 0xfeedfacf || magic === 0xcffaedfe;
  const r = new Reader(source, littleEndian);
  const ncmds = r.u32(16);
  const sizeofcmds = r.u32(20);
  check(sizeofcmds <= MAX_LOAD_COMMANDS_BYTES, 'Mach-O header: load commands too large');
  const sections: Section[] = [];
  let o = is64 ? 32 : 28;
  const end = o + sizeofcmds;
  for (let i = 0; i < ncmds && o + 8 <= end; i++) {
    const cmd = r.u32(o);
    const cmdsize = r.u32(o + 4);
    check(cmdsize >= 8 && o + cmdsize <= end, `Mach-O load command ${i}: bad size`);
    if (cmd === 0x19 || cmd === 0x1) { // LC_SEGMENT_64, LC_SEGMENT
      const nsects = r.u32(o + (cmd === 0x19 ? 64 : 48));
      const first = o + (cmd === 0x19 ? 72 : 56);
      const step = cmd === 0x19 ? 80 : 68;
      check(first + nsects * step <= o + cmdsize, `Mach-O segment ${i}: sections overrun the command`);
      for (let s = 0; s < nsects; s++) {
        const so = first + s * step;
        const sect = r.cstring(so, 16);
        const seg = r.cstring(so + 16, 16);
        sections.push(cmd === 0x19
          ? { name: `${seg},${sect}`, addr: r.u64(so + 32), size: r.u64(so + 40), offset: r.u32(so + 48) }
          : { name: `${seg},${sect}`, addr: r.u32(so + 32), size: r.u32(so + 36), offset: r.u32(so + 40) });
      }
    }
    o += cmdsize;
  }
  return { format: 'Mach-O', source, sections, notes: [], resources: [], fileOffset: () => undefined };
}

// ---- PE ----

const RT_RCDATA = 10;

function readPe(source: ByteSource): Executable {
  const r = new Reader(source, true);
  const pe = r.u32(0x3c);
  check(pe + 24 <= source.size && r.u32(pe) === 0x00004550, 'PE header: missing "PE" signature');
  const nsections = r.u16(pe + 6);
  const optSize = r.u16(pe + 20);
  const opt = pe + 24;
  const optMagic = r.u16(opt);
  check(optMagic === 0x10b || optMagic === 0x20b, 'PE optional header: unknown magic');
  const dirCountAt = opt + (optMagic === 0x20b ? 108 : 92);
  const dirCount = optSize > dirCountAt - opt ? r.u32(dirCountAt) : 0;
  const resourceRva = dirCount > 2 ? r.u32(dirCountAt + 4 + 2 * 8) : 0;
  const sections: Section[] = [];
  const table = opt + optSize;
  check(nsections <= MAX_SECTIONS, 'PE header: implausible section count');
  for (let i = 0; i < nsections; i++) {
    const o = table + i * 40;
    const name = source.read(o, 8).toString('latin1').replace(/\0.*$/s, '');
    const virtualSize = r.u32(o + 8);
    const rawSize = r.u32(o + 16);
    sections.push({ name, addr: r.u32(o + 12), size: Math.min(rawSize, virtualSize || rawSize), offset: r.u32(o + 20) });
  }
  const rvaToOffset = (rva: number): number | undefined => {
    const s = sections.find((x) => rva >= x.addr && rva < x.addr + x.size);
    return s ? s.offset + (rva - s.addr) : undefined;
  };
  const resources = resourceRva ? readRcData(r, rvaToOffset(resourceRva), rvaToOffset) : [];
  return { format: 'PE', source, sections, notes: [], resources, fileOffset: rvaToOffset };
}

/** Named RT_RCDATA resources: type directory, name directory, first language's data entry. */
function readRcData(r: Reader, root: number | undefined, rvaToOffset: (rva: number) => number | undefined): Executable['resources'] {
  if (root === undefined) return [];
  const entries = (dir: number) => {
    const count = r.u16(dir + 12) + r.u16(dir + 14);
    check(count <= 65535, 'PE resources: implausible directory');
    return Array.from({ length: count }, (_, i) => ({ name: r.u32(dir + 16 + i * 8), target: r.u32(dir + 20 + i * 8) }));
  };
  const out: Executable['resources'] = [];
  for (const type of entries(root)) {
    if (type.name !== RT_RCDATA || !(type.target & 0x80000000)) continue;
    for (const named of entries(root + (type.target & 0x7fffffff))) {
      if (!(named.name & 0x80000000) || !(named.target & 0x80000000)) continue;
      const nameAt = root + (named.name & 0x7fffffff);
      const name = r.source.read(nameAt + 2, Math.min(r.u16(nameAt), 256) * 2).toString('utf16le');
      const langs = entries(root + (named.target & 0x7fffffff));
      const leaf = langs.find((l) => !(l.target & 0x80000000));
      if (!leaf) continue;
      const dataEntry = root + leaf.target;
      const offset = rvaToOffset(r.u32(dataEntry));
      if (offset !== undefined) out.push({ name, offset, size: r.u32(dataEntry + 4) });
    }
  }
  return out;
}
