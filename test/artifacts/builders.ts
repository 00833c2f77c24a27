// Minimal executables for tests, laid out as the real formats are: an ELF64,
// a Mach-O 64 and a PE32+ with named sections, ELF notes and PE resources,
// and the Bun module graph and Node SEA blob that go inside them.

const u16 = (v: number) => { const b = Buffer.alloc(2); b.writeUInt16LE(v); return b; };
const u32 = (v: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(v >>> 0); return b; };
const u64 = (v: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); return b; };
const fixed = (s: string, n: number) => { const b = Buffer.alloc(n); b.write(s, 'latin1'); return b; };
const pad = (b: Buffer, align: number) => Buffer.concat([b, Buffer.alloc((align - (b.length % align)) % align)]);

export interface BunModuleSpec { name: string; contents: string | Buffer; loader?: number; encoding?: number; bytecode?: boolean }

/** A Bun payload: strings, module table, Offsets record, trailer. */
export function bunPayload(modules: BunModuleSpec[], { entrySize = 52, offsetsSize = 32 }: { entrySize?: 36 | 52; offsetsSize?: 24 | 32 } = {}): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  const put = (b: Buffer) => { const ptr = { offset: at, length: b.length }; parts.push(b, Buffer.alloc(1)); at += b.length + 1; return ptr; };
  const entries = modules.map((m) => {
    const name = put(Buffer.from(m.name));
    const contents = put(Buffer.isBuffer(m.contents) ? m.contents : Buffer.from(m.contents, 'latin1'));
    const bytecode = m.bytecode ? put(Buffer.alloc(64, 0xcc)) : { offset: 0, length: 0 };
    return { name, contents, bytecode, m };
  });
  const table = Buffer.concat(entries.map(({ name, contents, bytecode, m }) => Buffer.concat([
    u32(name.offset), u32(name.length), u32(contents.offset), u32(contents.length), u64(0),
    u32(bytecode.offset), u32(bytecode.length), ...(entrySize === 52 ? [u64(0), u64(0)] : []),
    Buffer.from([m.encoding ?? 1, m.loader ?? 1, 2, 0]),
  ])));
  const tableAt = at;
  const body = Buffer.concat([...parts, table]);
  const offsets = Buffer.concat([u64(body.length), u32(tableAt), u32(table.length), u32(0), ...(offsetsSize === 32 ? [u64(0), u32(0)] : [u32(0)])]);
  return Buffer.concat([body, offsets, Buffer.from('\n---- Bun! ----\n')]);
}

/** `[u64 length][payload]`, as current Bun builds store it in a section. */
export function lengthPrefixed(payload: Buffer): Buffer {
  return Buffer.concat([u64(payload.length), payload]);
}

export interface SectionSpec { name: string; data: Buffer; type?: number }

/** An ELF64 little-endian executable with the given sections, one PT_LOAD mapping the file at 0x400000, and PT_NOTE over note sections. */
export function elf(sections: SectionSpec[]): Buffer {
  const phnum = 2;
  let offset = 64 + phnum * 56;
  const placed = sections.map((s) => { offset = Math.ceil(offset / 16) * 16; const p = { ...s, offset }; offset += s.data.length; return p; });
  const names = Buffer.concat([Buffer.alloc(1), ...sections.map((s) => Buffer.from(s.name + '\0')), Buffer.from('.shstrtab\0')]);
  const strtabAt = offset;
  offset += names.length;
  const shoff = Math.ceil(offset / 8) * 8;
  const shnum = sections.length + 2;
  const size = shoff + shnum * 64;
  const out = Buffer.alloc(size);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(out, 0);
  out.writeUInt16LE(2, 16); out.writeUInt16LE(0x3e, 18); out.writeUInt32LE(1, 20);
  out.writeBigUInt64LE(64n, 32); out.writeBigUInt64LE(BigInt(shoff), 40);
  out.writeUInt16LE(64, 52); out.writeUInt16LE(56, 54); out.writeUInt16LE(phnum, 56); out.writeUInt16LE(64, 58); out.writeUInt16LE(shnum, 60); out.writeUInt16LE(shnum - 1, 62);
  const note = placed.find((s) => s.type === 7);
  const ph = (i: number, type: number, off: number, vaddr: number, filesz: number) => {
    const o = 64 + i * 56;
    out.writeUInt32LE(type, o); out.writeBigUInt64LE(BigInt(off), o + 8); out.writeBigUInt64LE(BigInt(vaddr), o + 16);
    out.writeBigUInt64LE(BigInt(vaddr), o + 24); out.writeBigUInt64LE(BigInt(filesz), o + 32); out.writeBigUInt64LE(BigInt(filesz), o + 40);
  };
  ph(0, 1, 0, 0x400000, size);
  ph(1, note ? 4 : 0, note?.offset ?? 0, 0x400000 + (note?.offset ?? 0), note?.data.length ?? 0);
  let nameAt = 1;
  placed.forEach((s, i) => {
    s.data.copy(out, s.offset);
    const o = shoff + (i + 1) * 64;
    out.writeUInt32LE(nameAt, o); out.writeUInt32LE(s.type ?? 1, o + 4);
    out.writeBigUInt64LE(BigInt(0x400000 + s.offset), o + 16); out.writeBigUInt64LE(BigInt(s.offset), o + 24); out.writeBigUInt64LE(BigInt(s.data.length), o + 32);
    nameAt += s.name.length + 1;
  });
  names.copy(out, strtabAt);
  const o = shoff + (shnum - 1) * 64;
  out.writeUInt32LE(nameAt, o); out.writeUInt32LE(3, o + 4); out.writeBigUInt64LE(BigInt(strtabAt), o + 24); out.writeBigUInt64LE(BigInt(names.length), o + 32);
  return out;
}

/** An ELF note record (the section data of an SHT_NOTE section). */
export function elfNote(name: string, type: number, desc: Buffer): Buffer {
  const n = Buffer.from(name + '\0');
  return Buffer.concat([u32(n.length), u32(desc.length), u32(type), pad(n, 4), pad(desc, 4)]);
}

/** A Mach-O 64 (arm64) with one segment holding one section. */
export function macho(segment: string, section: string, data: Buffer): Buffer {
  const dataAt = 192;
  const header = Buffer.concat([u32(0xfeedfacf), u32(0x0100000c), u32(0), u32(2), u32(1), u32(152), u32(0), u32(0)]);
  const seg = Buffer.concat([u32(0x19), u32(152), fixed(segment, 16), u64(0x100000000), u64(data.length), u64(dataAt), u64(data.length), u32(1), u32(1), u32(1), u32(0)]);
  const sect = Buffer.concat([fixed(section, 16), fixed(segment, 16), u64(0x100000000), u64(data.length), u32(dataAt), u32(0), u32(0), u32(0), u32(0), u32(0), u32(0), u32(0)]);
  return Buffer.concat([pad(Buffer.concat([header, seg, sect]), dataAt), data]);
}

/** A PE32+ with the given sections (RVA = file offset) and, optionally, one named RT_RCDATA resource. */
export function pe(sections: SectionSpec[], resource?: { name: string; data: Buffer }): Buffer {
  const all = [...sections];
  const sectionTable = 0x148;
  const headersEnd = 0x400;
  if (resource) {
    // Laid out at a known offset: directories, data entry, name, data.
    const at = headersEnd + sections.reduce((n, s) => n + Math.ceil(s.data.length / 0x200) * 0x200, 0);
    const name = Buffer.concat([u16(resource.name.length), Buffer.from(resource.name, 'utf16le')]);
    const dir = (named: number, ids: number) => Buffer.concat([u32(0), u32(0), u16(0), u16(0), u16(named), u16(ids)]);
    const root = Buffer.concat([dir(0, 1), u32(10), u32(0x80000000 | 24)]);
    const byName = Buffer.concat([dir(1, 0), u32(0x80000000 | 72), u32(0x80000000 | 48)]);
    const byLang = Buffer.concat([dir(0, 1), u32(1033), u32(100)]);
    const nameBlock = pad(name, 4);
    const dataAt = at + 100 + 16 + 4;
    const entry = Buffer.concat([u32(dataAt), u32(resource.data.length), u32(0), u32(0)]);
    const rsrc = Buffer.concat([root, byName, byLang]);
    const blob = Buffer.alloc(dataAt - at + resource.data.length);
    rsrc.copy(blob, 0);
    nameBlock.copy(blob, 72);
    entry.copy(blob, 100);
    resource.data.copy(blob, dataAt - at);
    all.push({ name: '.rsrc', data: blob });
  }
  let offset = headersEnd;
  const placed = all.map((s) => { const p = { ...s, offset }; offset += Math.ceil(s.data.length / 0x200) * 0x200; return p; });
  const out = Buffer.alloc(offset);
  out.write('MZ', 0, 'latin1');
  out.writeUInt32LE(0x40, 0x3c);
  out.write('PE\0\0', 0x40, 'latin1');
  out.writeUInt16LE(0x8664, 0x44); out.writeUInt16LE(placed.length, 0x46); out.writeUInt16LE(240, 0x54);
  const opt = 0x58;
  out.writeUInt16LE(0x20b, opt);
  out.writeUInt32LE(16, opt + 108);
  const rsrc = placed.find((s) => s.name === '.rsrc');
  if (rsrc) { out.writeUInt32LE(rsrc.offset, opt + 112 + 16); out.writeUInt32LE(rsrc.data.length, opt + 112 + 20); }
  placed.forEach((s, i) => {
    const o = sectionTable + i * 40;
    out.write(s.name.slice(0, 8), o, 'latin1');
    out.writeUInt32LE(s.data.length, o + 8); out.writeUInt32LE(s.offset, o + 12);
    out.writeUInt32LE(Math.ceil(s.data.length / 0x200) * 0x200, o + 16); out.writeUInt32LE(s.offset, o + 20);
    s.data.copy(out, s.offset);
  });
  return out;
}

/**
 * A Node SEA blob (node_sea.cc): magic, flags, the header bytes of a Node
 * version (20: none; 24: exec-argv extension; 25: and main format), code path,
 * main script, assets, exec-argv.
 */
export function seaBlob(main: string, { codePath = 'app.js', assets = {} as Record<string, string | Buffer>, snapshot = false, node = 20 as 20 | 24 | 25, execArgv = [] as string[], module = false } = {}): Buffer {
  const str = (s: string | Buffer) => { const b = Buffer.isBuffer(s) ? s : Buffer.from(s); return Buffer.concat([u64(b.length), b]); };
  const names = Object.keys(assets);
  const flags = 1 | (snapshot ? 2 : 0) | (names.length ? 8 : 0) | (execArgv.length ? 16 : 0);
  const extra = node === 20 ? [] : node === 24 ? [1] : [1, module ? 1 : 0];
  return Buffer.concat([
    u32(0x0143da20), u32(flags), Buffer.from(extra), str(codePath), str(main),
    ...(names.length ? [u64(names.length), ...names.flatMap((n) => [str(n), str(assets[n])])] : []),
    ...(execArgv.length ? [u64(execArgv.length), ...execArgv.map(str)] : []),
  ]);
}

/** A ustar archive of the given files (names up to 100 bytes, or a pax `path` record for longer ones). */
export function tar(files: Record<string, string | Buffer>): Buffer {
  const header = (name: string, size: number, type: string) => {
    const h = Buffer.alloc(512);
    h.write(name.slice(0, 99), 0, 'utf8');
    h.write('0000644\0', 100); h.write('0000000\0', 108); h.write('0000000\0', 116);
    h.write(size.toString(8).padStart(11, '0') + '\0', 124); h.write('00000000000\0', 136);
    h.write(type, 156); h.write('ustar\x0000', 257);
    h.write('        ', 148);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    return h;
  };
  const out: Buffer[] = [];
  for (const [name, body] of Object.entries(files)) {
    const data = Buffer.isBuffer(body) ? body : Buffer.from(body);
    if (name.length > 99) {
      let rec = ` path=${name}\n`;
      rec = `${rec.length + String(rec.length).length}${rec}`;
      out.push(header('PaxHeader', rec.length, 'x'), pad(Buffer.from(rec), 512));
    }
    out.push(header(name, data.length, '0'), pad(data, 512));
  }
  out.push(Buffer.alloc(1024));
  return Buffer.concat(out);
}

/** A universal (fat) Mach-O holding the given slices. */
export function universal(slices: Buffer[]): Buffer {
  const be = (v: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(v >>> 0); return b; };
  let offset = 0x1000;
  const arches = slices.map((s) => { const a = Buffer.concat([be(0x0100000c), be(0), be(offset), be(s.length), be(12)]); offset += Math.ceil(s.length / 0x1000) * 0x1000; return a; });
  const header = pad(Buffer.concat([be(0xcafebabe), be(slices.length), ...arches]), 0x1000);
  return Buffer.concat([header, ...slices.map((s) => pad(s, 0x1000))]);
}

export { u64 };
