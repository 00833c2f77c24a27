// Classifying constants: is a string a time zone, a locale, a region, a host, an organisation keyword?

export type ConstantClass = 'zone' | 'offset' | 'locale' | 'region' | 'host' | 'keyword';

const ZONE = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Za-z][A-Za-z0-9_+\-/]*$/;
const LEGACY_ZONES = new Set(['PRC', 'ROC', 'ROK', 'Hongkong', 'Singapore', 'Japan', 'Israel', 'Iran', 'Egypt', 'Turkey', 'W-SU', 'Cuba', 'Eire', 'NZ', 'Poland', 'Portugal', 'Libya', 'Iceland', 'Jamaica', 'Navajo', 'Kwajalein']);
const LOCALE = /^[a-z]{2,3}(?:[-_][A-Z][a-z]{3})?(?:[-_](?:[A-Z]{2}|\d{3}))$|^[a-z]{2}[-_][A-Z][a-z]{3}$/;
/** ISO 639-1 codes, without those that are also common English words or abbreviations. */
const LANGUAGES = new Set('aa ab af ak ar av ay az ba bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha hr ht hu hy hz ia ie ig ii ik io iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky lb lg li ln lo lt lu lv mg mh mi mk ml mn mr mt na nb nd ne ng nl nn nr nv ny oc oj om os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn sq sr ss st su sv sw ta te tg th ti tk tl tn tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'.split(' '));
const REGION = /^[A-Z]{2}$/;
const HOST = /^(?:\*\.|\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\.?$/i;
const KEYWORD = /^(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]{2,30}$/;
/** Hosts that say nothing about a place or organisation. */
const NEUTRAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', 'example.com', 'localhost.localdomain']);
const FILE_EXTENSIONS = /\.(?:js|mjs|cjs|ts|tsx|jsx|json|md|txt|html|css|png|jpg|svg|gif|py|rs|go|sh|yml|yaml|toml|lock|map|wasm|node|exe|dll|so|dylib|zip|gz|tar|log|xml|csv|pdf|ico|java|rb|php|c|h|cpp|hpp|swift|kt|vue|svelte|scss|less)$/i;

/** True for an IANA zone naming a place (not UTC, GMT or Etc/*). */
export function isPlaceZone(s: string): boolean {
  return ZONE.test(s) || LEGACY_ZONES.has(s);
}

/**
 * A host name or suffix. Alone, names like `index.js` are file names; inside a
 * list of hosts (`inList`), `aicoding.sh` is a host and `cn` a top-level domain.
 */
export function isHost(s: string, inList = false): boolean {
  if (inList && /^[a-z]{2,3}$/.test(s)) return true;
  return HOST.test(s) && !NEUTRAL_HOSTS.has(s.toLowerCase()) && (inList || !FILE_EXTENSIONS.test(s)) && /[a-z]/i.test(s.slice(s.lastIndexOf('.') + 1));
}

/** Classifies one constant for the kind of source it is compared with. */
export function classifyConstant(value: unknown, sourceKinds: number, kinds: typeof import('./sources').Kind, inList = false): ConstantClass | undefined {
  if (typeof value === 'number') {
    return (sourceKinds & kinds.OFFSET) && value !== 0 && value % 15 === 0 && Math.abs(value) <= 840 ? 'offset' : undefined;
  }
  if (typeof value !== 'string' || value.length < 2 || value.length > 253) return undefined;
  if (sourceKinds & kinds.TZ) {
    if (isPlaceZone(value)) return 'zone';
  }
  if (sourceKinds & kinds.LOCALE) {
    if ((LOCALE.test(value) || LANGUAGES.has(value)) && !value.startsWith('en-') && !value.startsWith('en_')) return 'locale';
    if (REGION.test(value) && value !== 'US') return 'region';
  }
  if (sourceKinds & (kinds.GATEWAY | kinds.PROXY | kinds.IDENTITY)) {
    const v = value.replace(/^\.+/, '');
    if (isHost(v, inList)) return 'host';
    if (KEYWORD.test(value)) return 'keyword';
  }
  return undefined;
}

/** Zones across the world (40 or more, or from four or more areas): a picker or validation, not a place check. */
export function isZonePicker(zones: Iterable<string>): boolean {
  const list = [...zones];
  const areas = new Set(list.map((z) => z.split('/')[0]));
  return list.length >= 40 || areas.size >= 4;
}

/** The registrable-looking part of a host, used to count distinct organisations. */
export function orgOf(host: string): string {
  const parts = host.replace(/^[.*]+/, '').toLowerCase().split('.');
  return parts.length <= 2 ? parts.join('.') : parts.slice(-3).join('.').replace(/^(?:www|api)\./, '');
}
