// Tar and gzip archives read in memory, as Node single-executable applications
// carry their program (`copilot.tgz` holding `package/cli-main.js`): streamed,
// never written to disk, and bounded like zips (total, ratio, per entry).
import { Readable } from 'stream';
import { createGunzip } from 'zlib';
import { FormatError, MAX_READ } from './bytes';

/** Total bytes inflated from one archive (tar, gzip or zip), and the ratio beyond which it is a bomb. */
export const MAX_INFLATED = 2 * 1024 * 1024 * 1024;
export const MAX_RATIO = 200;

export type ArchiveKind = 'gzip' | 'tar' | 'zip';

/** What a buffer's first bytes say it is. */
export function archiveKind(head: Buffer): ArchiveKind | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'zip';
  if (head.length >= 263 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  return undefined;
}

export interface ArchiveEntry { name: string; data: Buffer }

/** Pulls exact byte counts out of a stream of chunks. */
class ByteQueue {
  private chunks: Buffer[] = [];
  private length = 0;
  total = 0;
  constructor(private readonly it: AsyncIterator<Buffer>, private readonly limit: number) {}

  private async fill(n: number): Promise<boolean> {
    while (this.length < n) {
      const { value, done } = await this.it.next();
      if (done) return false;
      this.chunks.push(value);
      this.length += value.length;
      this.total += value.length;
      if (this.total > this.limit) throw new FormatError(`more than ${Math.round(this.limit / 1e6)} MB unpacked; the rest is not analysed`);
    }
    return true;
  }

  /** Exactly n bytes, or undefined at the end of the stream. */
  async take(n: number): Promise<Buffer | undefined> {
    if (!await this.fill(n)) return undefined;
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.length);
    const out = Buffer.from(all.subarray(0, n));
    this.chunks = all.length > n ? [all.subarray(n)] : [];
    this.length -= n;
    return out;
  }

  /** Drops n bytes without keeping them. */
  async skip(n: number): Promise<boolean> {
    while (n > 0) {
      if (!this.length && !await this.fill(1)) return false;
      const head = this.chunks[0];
      const k = Math.min(n, head.length);
      this.chunks[0] = head.subarray(k);
      if (!this.chunks[0].length) this.chunks.shift();
      this.length -= k;
      n -= k;
    }
    return true;
  }
}

const octal = (b: Buffer, at: number, len: number): number => {
  const s = b.toString('latin1', at, at + len).replace(/\0.*$/s, '').trim();
  // GNU base-256 sizes (high bit set) are for entries over 8 GB: never kept.
  if (b[at] & 0x80) return Number.MAX_SAFE_INTEGER;
  return s ? parseInt(s, 8) : 0;
};

/**
 * Streams the files of a tar (optionally gzip-compressed) held in `data`.
 * `keep(name, size)` decides which entries' bytes are kept; the rest are skipped.
 */
export async function readTar(data: Buffer, keep: (name: string, size: number) => boolean): Promise<{ entries: ArchiveEntry[]; skipped: Array<{ name: string; size: number }> }> {
  const gzip = archiveKind(data) === 'gzip';
  const stream = gzip ? Readable.from([data]).pipe(createGunzip()) : Readable.from([data]);
  const q = new ByteQueue(stream[Symbol.asyncIterator](), MAX_INFLATED);
  const entries: ArchiveEntry[] = [];
  const skipped: Array<{ name: string; size: number }> = [];
  let longName: string | undefined;
  try {
    for (;;) {
      const header = await q.take(512);
      if (!header || header.every((b) => b === 0)) break;
      if (header.toString('latin1', 257, 262) !== 'ustar') throw new FormatError('not a tar archive (no ustar header)');
      const size = octal(header, 124, 12);
      const type = String.fromCharCode(header[156] || 0x30);
      const prefix = header.toString('utf8', 345, 500).replace(/\0.*$/s, '');
      const base = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const name = longName ?? (prefix ? `${prefix}/${base}` : base);
      const padded = Math.ceil(size / 512) * 512;
      if (gzip && q.total > 100 * 1024 * 1024 && q.total / data.length > MAX_RATIO) throw new FormatError(`compressed ${Math.round(q.total / data.length)}:1, a bomb; not unpacked further`);
      if (type === 'L' || type === 'x') {
        // GNU long name, or a pax header whose `path` replaces the next entry's name.
        const body = size <= 1024 * 1024 ? await q.take(padded) : undefined;
        if (!body) { if (!await q.skip(padded)) break; continue; }
        const text = body.toString('utf8', 0, size);
        longName = type === 'L' ? text.replace(/\0.*$/s, '') : /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text)?.[1] ?? longName;
        continue;
      }
      longName = undefined;
      const regular = type === '0' || type === '7';
      if (regular && size <= MAX_READ && keep(name, size)) {
        const body = await q.take(padded);
        if (!body) throw new FormatError(`${name}: the archive ends inside this entry`);
        entries.push({ name, data: body.subarray(0, size) });
      } else {
        if (regular) skipped.push({ name, size });
        if (!await q.skip(padded)) break;
      }
    }
  } catch (err) {
    if (err instanceof FormatError) throw err;
    throw new FormatError(`damaged archive: ${(err as Error).message}`);
  } finally {
    stream.destroy();
  }
  return { entries, skipped };
}
