// Bytes to text to findings: what the engine pool's threads (and tests, inline) run per file.
import { looksUtf16le, type TextEncoding } from '../artifacts/text';
import { scanText } from '../engine/scan';
import type { Seeds } from '../engine/modules';
import type { FileResult } from '../engine/types';

/** Decodes UTF-8; invalid sequences are replaced and reported, never fatal. */
export function decodeText(bytes: Buffer): { text: string; problem?: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { text: bytes.toString('utf8'), problem: 'invalid UTF-8: bad byte sequences were replaced with U+FFFD before analysis' };
  }
}

/** Compressed data decodes to U+FFFD for a third or more of its characters; a few bad bytes in real code do not. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let n = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) n++;
  return n >= 256 && n > sample.length * 0.1;
}

/** Decodes and scans one file's bytes; never throws for bad input. */
export function scanBytes(bytes: Uint8Array, encoding: TextEncoding, name: string, seeds?: Seeds, summarise?: boolean): FileResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Bun marks some UTF-16LE modules as UTF-8; the bytes say which it is.
  const actual = looksUtf16le(buffer.subarray(0, 4096)) ? 'utf16le' : encoding;
  const { text, problem } = actual === 'utf16le' ? { text: new TextDecoder('utf-16le').decode(buffer), problem: undefined }
    : actual === 'latin1' ? { text: buffer.toString('latin1'), problem: undefined } : decodeText(buffer);
  // Compressed or binary data under a script's name decodes to mostly U+FFFD; the error-recovering
  // parser can take minutes on it, and there is no code to find.
  if (problem && looksBinary(text)) {
    return { file: name, bytes: buffer.length, ms: 0, findings: [], notAnalysed: [], error: 'binary data, not JavaScript text (compressed or encoded)' };
  }
  const result = scanText(text, { file: name, seeds, summarise });
  if (problem) result.notAnalysed.unshift(problem);
  return result;
}
