// Random access to bytes without loading them all: a file read by ranges, or a buffer.
import { closeSync, fstatSync, openSync, readSync } from 'fs';

/** Raised when a container's structure is damaged or lies; the message is shown to users. */
export class FormatError extends Error {}

/** Never hand more than this to one read: lying lengths must not allocate gigabytes. */
export const MAX_READ = 512 * 1024 * 1024;

export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes at `offset`; a range outside the source is a FormatError. */
  read(offset: number, length: number): Buffer;
  close(): void;
}

function checkRange(size: number, offset: number, length: number, what = 'data'): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new FormatError(`${what} at ${offset} (${length} bytes) lies outside the ${size}-byte file`);
  }
  if (length > MAX_READ) throw new FormatError(`${what} of ${length} bytes is larger than the ${MAX_READ / 1024 / 1024} MB limit`);
}

export class FileBytes implements ByteSource {
  readonly size: number;
  private fd: number | undefined;

  constructor(file: string) {
    this.fd = openSync(file, 'r');
    this.size = fstatSync(this.fd).size;
  }

  read(offset: number, length: number): Buffer {
    checkRange(this.size, offset, length);
    if (this.fd === undefined) throw new Error('file already closed');
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, out, done, length - done, offset + done);
      if (n === 0) throw new FormatError(`the file ended at ${offset + done} while reading ${length} bytes at ${offset} (it changed while being read?)`);
      done += n;
    }
    return out;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export class BufferBytes implements ByteSource {
  constructor(private readonly buffer: Buffer) {}

  get size(): number {
    return this.buffer.length;
  }

  read(offset: number, length: number): Buffer {
    checkRange(this.size, offset, length);
    return this.buffer.subarray(offset, offset + length);
  }

  close(): void {}
}

/** A window of another source (a section, an appended payload). */
export class SliceBytes implements ByteSource {
  constructor(private readonly base: ByteSource, private readonly start: number, readonly size: number) {
    checkRange(base.size, start, 0, 'section');
    if (start + size > base.size) throw new FormatError(`a ${size}-byte region at ${start} runs past the end of the ${base.size}-byte file`);
  }

  read(offset: number, length: number): Buffer {
    checkRange(this.size, offset, length);
    return this.base.read(this.start + offset, length);
  }

  close(): void {}
}

/** Reads little- or big-endian integers at absolute offsets of a source. */
export class Reader {
  constructor(readonly source: ByteSource, readonly littleEndian = true) {}

  u8(offset: number): number {
    return this.source.read(offset, 1)[0];
  }

  u16(offset: number): number {
    const b = this.source.read(offset, 2);
    return this.littleEndian ? b.readUInt16LE(0) : b.readUInt16BE(0);
  }

  u32(offset: number): number {
    const b = this.source.read(offset, 4);
    return this.littleEndian ? b.readUInt32LE(0) : b.readUInt32BE(0);
  }

  /** A 64-bit value; above 2^53 it cannot be a real offset or size in a file we read. */
  u64(offset: number): number {
    const b = this.source.read(offset, 8);
    const v = this.littleEndian ? b.readBigUInt64LE(0) : b.readBigUInt64BE(0);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
  }

  /** A NUL-terminated string of at most `max` bytes. */
  cstring(offset: number, max = 256): string {
    const b = this.source.read(offset, Math.min(max, this.source.size - offset));
    const end = b.indexOf(0);
    return b.subarray(0, end < 0 ? b.length : end).toString('latin1');
  }
}
