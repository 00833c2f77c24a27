// Native code (Rust, Go, C++) has no JavaScript to analyse. As weaker evidence,
// its printable strings are searched for specific place time zones; a few
// named zones in a binary that does not carry the whole zone database are
// worth a look, never a verdict.
import { isPlaceZone } from '../engine/constants';
import type { RuleMeta } from '../engine/rule';
import type { Finding } from '../engine/types';
import type { ByteSource } from './bytes';

export const NATIVE_STRINGS: RuleMeta = {
  id: 'native-strings',
  description: 'Native code without JavaScript names a few specific place time zones in its strings (weak evidence: no dataflow is known).',
  severity: 'low',
  category: 'CWE-200: Exposure of Sensitive Information',
  messages: { zones: 'Native code names {{count}} specific time zone(s) in its strings: {{zones}}; without JavaScript the use cannot be traced (weak evidence).' },
};

const CHUNK = 8 * 1024 * 1024;
const ZONE = /(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?/g;
/** A binary carrying this many zone names has a zone database (chrono-tz, Go's time), not a target list. */
const FULL_DATABASE = 40;
const MAX_KEPT = 200;

/** Reads the source in chunks (bounded memory) and reports a short list of place zones, if any. */
export function nativeStrings(source: ByteSource, file: string): Finding[] {
  const zones = new Set<string>();
  let carry = '';
  for (let at = 0; at < source.size && zones.size < MAX_KEPT; at += CHUNK) {
    const text = carry + source.read(at, Math.min(CHUNK, source.size - at)).toString('latin1');
    for (const m of text.matchAll(ZONE)) if (isPlaceZone(m[0])) zones.add(m[0]);
    carry = text.slice(-64);
  }
  if (!zones.size || zones.size >= FULL_DATABASE) return [];
  const list = [...zones].sort();
  return [{
    ruleId: NATIVE_STRINGS.id, severity: 'low', file, line: 1, column: 1, endLine: 1, endColumn: 1,
    summary: `The native program contains the names of ${list.length} specific time zones (${list.slice(0, 3).join(', ')}); native code cannot be analysed further.`,
    message: NATIVE_STRINGS.messages.zones.replace('{{count}}', String(list.length)).replace('{{zones}}', list.join(', ')),
    evidence: { chain: [], zones: list, weak: true },
  }];
}
