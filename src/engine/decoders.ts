// Decoding constants the way the scanned code would at run time, with Node's
// own zlib and crypto: compressed lists (`inflateSync`, `gunzipSync`,
// `brotliDecompressSync`) and lists encrypted with a key kept in the code
// (`createDecipheriv`). Only constants the evaluator worked out reach here,
// never scanned code, and every output is bounded.
import { createDecipheriv } from 'crypto';
import * as zlib from 'zlib';

/** The most a decompression may produce: a list of names, not a bomb. */
const MAX_OUTPUT = 1 << 20;

const INFLATE: Record<string, (b: Buffer, o: zlib.ZlibOptions) => Buffer> = {
  inflateSync: zlib.inflateSync, inflateRawSync: zlib.inflateRawSync, gunzipSync: zlib.gunzipSync, unzipSync: zlib.unzipSync,
};

/** Whether a function or method name is one of zlib's synchronous decompressors. */
export function isDecompressor(name: string): boolean {
  return Object.hasOwn(INFLATE, name) || name === 'brotliDecompressSync';
}

/** A call the evaluator decodes constants with: a decompressor or `createDecipheriv`. */
export function isDecoderName(name: string | undefined): boolean {
  return name !== undefined && (isDecompressor(name) || name === 'createDecipheriv');
}

/** Decompresses bytes with the named zlib function; undefined when they are not such data or too large. */
export function decompress(name: string, data: Uint8Array): Uint8Array | undefined {
  try {
    const input = Buffer.from(data);
    if (name === 'brotliDecompressSync') return zlib.brotliDecompressSync(input, { maxOutputLength: MAX_OUTPUT });
    const inflate = Object.hasOwn(INFLATE, name) ? INFLATE[name] : undefined;
    return inflate ? inflate(input, { maxOutputLength: MAX_OUTPUT }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decrypts a whole constant with an algorithm, key and IV kept in the code.
 * Stream and AEAD modes (CTR, GCM, ChaCha20) give their text without a final
 * block; undefined when the parameters do not fit.
 */
export function decrypt(algorithm: string, key: Uint8Array, iv: Uint8Array | null, data: Uint8Array): Uint8Array | undefined {
  if (data.length > MAX_OUTPUT) return undefined;
  try {
    const decipher = createDecipheriv(algorithm, key, iv);
    const head = decipher.update(data);
    try {
      return Buffer.concat([head, decipher.final()]);
    } catch {
      return head.length ? head : undefined;
    }
  } catch {
    return undefined;
  }
}
