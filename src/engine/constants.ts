// Classifying constants: is a string a time zone, a locale, a region, a host, an organisation keyword?

/** `hash`: an opaque digest (hex of a hash's length, or a large integer in a list) a hashed fingerprint is checked against. */
export type ConstantClass = 'zone' | 'offset' | 'locale' | 'region' | 'host' | 'keyword' | 'hash' | 'device';

const ZONE = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Za-z][A-Za-z0-9_+\-/]*$/;
const LEGACY_ZONES = new Set(['PRC', 'ROC', 'ROK', 'Hongkong', 'Singapore', 'Japan', 'Israel', 'Iran', 'Egypt', 'Turkey', 'W-SU', 'Cuba', 'Eire', 'NZ', 'Poland', 'Portugal', 'Libya', 'Iceland', 'Jamaica', 'Navajo', 'Kwajalein']);
const ZONE_NAME = /^[A-Z][a-z]+(?: [A-Z][a-z]+)* (?:Standard|Daylight|Summer) Time$/;
/**
 * Zone abbreviations as `date +%Z` or a date's text gives them, of one region each: not UTC, GMT or
 * North America's (`EST`, `PST`, which date parsers keep tables of) and not `CST` (China or Central).
 */
const ZONE_ABBREVIATION = /^(?:HKT|JST|KST|MSK|MSD|IRST|IRDT|PKT|SGT|PHT|WIB|WITA|WIT|ICT|IST|NZST|NZDT|AEST|AEDT|ACST|ACDT|AWST|CET|CEST|EET|EEST|WET|WEST|BST|SAST|EAT|WAT|CAT|BRT|ART|CLT|COT|PET|VET|GST|AFT|NPT|BDT|MMT|TRT|AZT|AMT|YEKT|OMST|KRAT|IRKT|YAKT|VLAT|MAGT|PETT|ULAT|HKST|MYT|TLT|ChST)$/;
/** `GMT+08:00`, `UTC+0530`, the short form a formatter gives (`GMT+8`, `GMT+5:30`), and `+0800` as `Date#toString()` writes it. */
const UTC_OFFSET = /^(?:(?:GMT|UTC)[+-](?:(?:0\d|1[0-4]):?[0-5]\d|(?:\d|1[0-4])(?::[0-5]\d)?)|[+-](?:0\d|1[0-4]):?[0-5]\d)$/;
/** BCP 47 tags (`zh-CN`, `zh-Hans-CN`, `zh-Hans`) and POSIX locale names as `LANG` holds them (`zh_CN.UTF-8`, `zh_TW.Big5`, `de_DE@euro`). */
const LOCALE = /^[a-z]{2,3}(?:[-_][A-Z][a-z]{3})?(?:[-_](?:[A-Z]{2}|\d{3}))$|^[a-z]{2}[-_][A-Z][a-z]{3}$|^[a-z]{2,3}_[A-Z]{2}(?:\.[A-Za-z0-9-]+)?(?:@[a-z]+)?$/;
/** ISO 639-1 codes, without those that are also common English words or abbreviations. */
const LANGUAGES = new Set('aa ab af ak ar av ay az ba bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha hr ht hu hy hz ia ie ig ii ik io iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky lb lg li ln lo lt lu lv mg mh mi mk ml mn mr mt na nb nd ne ng nl nn nr nv ny oc oj om os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn sq sr ss st su sv sw ta te tg th ti tk tl tn tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'.split(' '));
/** ISO 3166-1 alpha-2 regions (`ZH` and `EN` are languages, not regions). */
const REGIONS = new Set(('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
  'DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ ' +
  'OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
  'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW EU UK').split(' '));
/** A lower-case tag (`zh-cn`, `pt_br`): a language and a region. */
const LOWER_LOCALE = /^([a-z]{2,3})[-_]([a-z]{2})$/;
const HOST = /^(?:\*\.|\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\.?$/i;
/** An organisation's word, as written in a host (`bytedance`) or as a name (`Bytedance`, in a command's output). */
const KEYWORD = /^(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]{2,30}$|^[A-Z][a-z0-9]{2,30}$/;
/** A Windows machine or domain name as NetBIOS writes it, in capitals (`MEGABANK`, `INITECH-`). */
const NETBIOS_NAME = /^[A-Z][A-Z0-9-]{2,14}$/;
/** Names every Windows machine may have (its default workgroup and machine-name prefixes), and words, which name nobody. */
const NEUTRAL_NAMES = new Set(['WORKGROUP', 'MSHOME', 'DESKTOP-', 'LAPTOP-', 'WIN-', 'LOCALHOST', 'ADMINISTRATOR', 'SYSTEM', 'GUEST', 'ROOT', 'USER', 'TRUE', 'FALSE', 'NONE', 'NULL', 'AUTO', 'DEFAULT', 'UNKNOWN']);
/** Cloud regions as AWS (`cn-north-1`, `us-gov-west-1`), Google (`asia-east2`), Azure (`chinaeast2`, `westeurope`) and Alibaba (`cn-hangzhou`) write them. */
const CLOUD_REGION = /^(?:[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central)(?:east|west)?-\d|[a-z]+-(?:north|south|east|west|central)(?:east|west)?\d|(?:china|us|uk|uae|korea|japan|india|france|germany|norway|switzerland|brazil|canada|australia|southafrica|qatar|sweden|poland|italy|israel|mexico|spain|newzealand|taiwan|indonesia|malaysia)(?:north|south|east|west|central)\d?|(?:east|west|north|south|central|southeast|northeast)(?:us|europe|asia)\d?|cn-[a-z]+)$/;
/** A product's name as an editor reports it (`Cursor`, `Visual Studio Code - Insiders`, `windsurf`). */
const PRODUCT_NAME = /^(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9 .-]{1,39}$/;
/** Hosts that say nothing about a place or organisation. */
const NEUTRAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', 'example.com', 'localhost.localdomain',
  // Names of the local network, not of organisations: a gateway on the LAN, in Docker or on a tailnet.
  'local', 'lan', 'home', 'internal', 'localdomain', 'home.arpa', 'ts.net', 'docker.internal', 'host.docker.internal', 'intranet']);
/**
 * Names under top-level domains that resolve to no one (RFC 6761): `wsl.localhost`, `x.invalid`. (`.example` and
 * `.test` stay hosts: code and its tests write them for real organisations' names.)
 */
const RESERVED_NAMES = /\.(?:localhost|invalid)\.?$/i;
const FILE_EXTENSIONS = /\.(?:js|mjs|cjs|ts|tsx|jsx|json|md|txt|html|css|png|jpg|svg|gif|py|rs|go|sh|yml|yaml|toml|lock|map|wasm|node|exe|dll|so|dylib|zip|gz|tar|log|xml|csv|pdf|ico|java|rb|php|c|h|cpp|hpp|swift|kt|vue|svelte|scss|less)$/i;
/** File extensions that are no top-level domain (unlike `.md`, `.sh`, `.py`, `.rs`, `.so`, `.zip`): a name ending so is a file, in a list too. */
const FILE_ONLY_EXTENSIONS = /\.(?:js|mjs|cjs|ts|tsx|jsx|json|jsonl|txt|html|css|png|jpe?g|svg|gif|go|yml|yaml|toml|lock|map|wasm|node|dylib|gz|tar|log|xml|csv|pdf|ico|java|rb|php|c|h|cpp|hpp|kt|vue|svelte|scss|less|bak|tmp)$/i;

function isLowerLocale(value: string): boolean {
  const m = LOWER_LOCALE.exec(value);
  return !!m && LANGUAGES.has(m[1]) && REGIONS.has(m[2].toUpperCase());
}

/** Words of addresses and accounts that name no organisation. */
const COMMON_WORDS = new Set(['http', 'https', 'www', 'api', 'file', 'git', 'ssh', 'localhost', 'local', 'internal', 'proxy', 'admin', 'root', 'user', 'guest', 'test', 'dev', 'staging', 'prod', 'runner', 'codespaces', 'docker', 'desktop', 'laptop',
  // Kinds of machine and development environment a host or user name tells (a cloud workspace, a container, a CI runner, a model of computer).
  'gitpod', 'devbox', 'devcontainer', 'coder', 'cloudshell', 'replit', 'stackblitz', 'codesandbox', 'wsl', 'container', 'kubernetes', 'k8s', 'pod', 'vagrant',
  'ubuntu', 'debian', 'fedora', 'centos', 'alpine', 'macbook', 'imac', 'mac', 'mini', 'workstation', 'server', 'build', 'buildkite', 'jenkins', 'circleci', 'travis', 'sandbox',
  // Accounts every such machine has (system, service and container users).
  'administrator', 'system', 'nobody', 'daemon', 'www-data', 'ec2-user', 'vscode', 'node', 'codespace', 'gitlab-runner', 'postgres', 'default']);

/** A word that could be one organisation's (`megabank`, `INITECH-`), not one every address or machine may hold. */
export function isOrganisationWord(v: string): boolean {
  const w = v.toLowerCase().replace(/^[-_.@]+|[-_.]+$/g, '');
  return w.length >= 3 && !COMMON_WORDS.has(w) && !NEUTRAL_NAMES.has(v) && !NEUTRAL_HOSTS.has(w);
}

/** Hex digests of common hashes: CRC-32/FNV (8), 64-bit (16), MD5 (32), SHA-1 (40), SHA-224/256/384/512. */
const HEX_DIGEST = /^[0-9a-f]+$/i;
const HASH_LENGTHS = new Set([8, 16, 32, 40, 56, 64, 96, 128]);
/** A digest in base64 (`digest("base64")`) or base64url: MD5, SHA-1, SHA-256 and SHA-512 lengths, with their padding. */
const BASE64_DIGEST = /^(?:[A-Za-z0-9+/]{22}==|[A-Za-z0-9+/]{27}=|[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{86}==|[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{27}|[A-Za-z0-9_-]{43}|[A-Za-z0-9_-]{86})$/;

/** A 32- or 64-bit hash as a number (FNV-1a, djb2): a large integer that is not a round figure. */
export function isHashNumber(v: number): boolean {
  return Number.isInteger(v) && Math.abs(v) >= 2 ** 24 && v % 1000 !== 0 && v !== 2 ** 31 - 1 && v !== 2 ** 32 - 1 && v !== Number.MAX_SAFE_INTEGER;
}

/** A UTC offset some place keeps, in minutes: whole and half hours, and Nepal's, Eucla's and Chatham's quarter hours. */
function isZoneOffset(v: number): boolean {
  return v !== 0 && Math.abs(v) <= 840 && (v % 30 === 0 || [345, 525, 765].includes(Math.abs(v)));
}

/** An `Area/City` zone name; legacy one-word names (Singapore, Portugal) are also plain words. */
export function isAreaZone(s: string): boolean {
  return ZONE.test(s);
}

/** Zone cities under their current names and common links, where the ICU list gives older ones (`Asia/Calcutta`). */
const RENAMED_CITIES = ['Kolkata', 'Kathmandu', 'Ho_Chi_Minh', 'Kyiv', 'Yangon', 'Chongqing', 'Chungking', 'Harbin', 'Kashgar', 'Nuuk', 'Atyrau', 'Qostanay'];
let zoneCities: Set<string> | undefined;

/**
 * The city of an IANA zone (`Shanghai`, `/Hong_Kong`), as `tz.includes("Shanghai")` and `/Shanghai|Urumqi/` test it;
 * also in lower case (`shanghai`), as a zone lowered first (`tz.split("/").pop().toLowerCase()`) is compared.
 */
function isZoneCity(s: string): boolean {
  zoneCities ??= new Set([...(Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone').filter((z) => z.includes('/') && !z.startsWith('Etc/')).map((z) => z.slice(z.lastIndexOf('/') + 1)), ...RENAMED_CITIES].map((c) => c.toLowerCase()));
  const city = s.replace(/^\//, '').replace(/ /g, '_');
  return (city === city.toLowerCase() || /^[A-Z]/.test(city)) && zoneCities.has(city.toLowerCase());
}

/** A zone name in lower case (`asia/shanghai`), as a zone lowered first is compared. */
function isLowerZone(s: string): boolean {
  return s === s.toLowerCase() && /^[a-z]+\/[a-z]/.test(s) && isPlaceZone(s.replace(/(^|[/_-])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase()));
}

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
  // Windows programs (`cmd.exe`, `pwsh.exe`, `build.bat`) are no hosts, even in a list.
  if (WINDOWS_PROGRAM.test(s)) return false;
  return HOST.test(s) && !NEUTRAL_HOSTS.has(s.toLowerCase()) && !RESERVED_NAMES.test(s) && !FILE_ONLY_EXTENSIONS.test(s) && (inList || !FILE_EXTENSIONS.test(s)) && /[a-z]/i.test(s.slice(s.lastIndexOf('.') + 1));
}

/** An IPv4 address, a prefix of two or more octets (`10.23.`) or a CIDR block (`10.23.0.0/16`). */
const NETWORK_ADDRESS = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){1,3}(?:\.|\/\d{1,2})?$/;
/**
 * Special-purpose blocks (RFC 6890): this network, loopback, link-local, shared (CGNAT), documentation,
 * benchmarking, relay, multicast and reserved space, and whole private blocks. Any machine's, no
 * organisation's: a list of them is an address filter (SSRF guards), not a search for a network.
 */
const NEUTRAL_ADDRESS = /^(?:0\.|127\.|169\.254[./]|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])[./]|192\.0\.[02][./]|192\.88\.99[./]|198\.1[89][./]|198\.51\.100[./]|203\.0\.113[./]|2(?:2[4-9]|[3-5]\d)\.|192\.168\.?$|192\.168\.0\.0\/16$|10\.0\.0\.0\/8$|172\.(?:1[6-9]|2\d|3[01])[./]?$|172\.16\.0\.0\/12$)/;

/** A network address that could name an organisation's network (`10.23.`, `47.95.0.0/16`), not loopback or a whole private block. */
export function isNetworkAddress(s: string): boolean {
  return NETWORK_ADDRESS.test(s) && !NEUTRAL_ADDRESS.test(s);
}

/** A hardware address or its maker's prefix (`00:50:56`, `08-00-27-1a-2b-3c`); not the all-zero or broadcast address. */
const HARDWARE_ADDRESS = /^[0-9a-f]{2}(?:([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){1,4})$/i;
const NEUTRAL_HARDWARE_ADDRESS = /^(?:00[:-]?)+$|^(?:ff[:-]?)+$/i;

const WINDOWS_PROGRAM = /\.(?:exe|bat|cmd|ps1|msi|dll)$/i;

/** A host and the first part of a path on it, as a git remote's address has them (an optional `user@` first). */
const REPOSITORY_OWNER = /^(?:[\w.-]+@)?([a-z0-9][\w.-]*\.[a-z]{2,})(?:[:/]([\w.-]+))?\/?$/i;
/** Hosts of other people's code, where the first part of a path is its owner (a person or an organisation). */
const CODE_HOSTS = /^(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|gitee\.com|(?:ssh\.)?dev\.azure\.com)$/i;

/** The owner a value names on a code host (`megabank` of `github.com/megabank/`, `git@github.com:megabank`): an organisation, not the host's service. */
export function codeHostOwner(value: string): string | undefined {
  const m = REPOSITORY_OWNER.exec(value.replace(/^(?:https?|ssh|git):\/\//i, ''));
  return m?.[2] && CODE_HOSTS.test(m[1]) ? m[2] : undefined;
}

/** Classifies one constant for the kind of source it is compared with. */
export function classifyConstant(value: unknown, sourceKinds: number, kinds: typeof import('./sources').Kind, inList = false): ConstantClass | undefined {
  if (typeof value === 'number') {
    if ((sourceKinds & kinds.OFFSET) && isZoneOffset(value)) return 'offset';
    return inList && isHashNumber(value) ? 'hash' : undefined;
  }
  if (typeof value !== 'string' || value.length < 2 || value.length > 253) return undefined;
  // (An offset as a table's key is a string: `{ "-480": 1 }[String(new Date().getTimezoneOffset())]`.)
  if (sourceKinds & kinds.OFFSET && /^-?\d{2,3}$/.test(value) && isZoneOffset(Number(value))) return 'offset';
  // (In a list, a digest cut short as well: `digest("hex").slice(0, 12)` against twelve-digit constants.)
  if ((HASH_LENGTHS.has(value.length) || inList && value.length >= 10) && HEX_DIGEST.test(value) && /[a-f]/i.test(value) && /\d/.test(value)) return 'hash';
  if (BASE64_DIGEST.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value)) return 'hash';
  if (sourceKinds & kinds.TZ) {
    // IANA names, and the names a date's own text gives ("China Standard Time").
    if (isPlaceZone(value) || ZONE_NAME.test(value) || ZONE_ABBREVIATION.test(value) || isZoneCity(value) || isLowerZone(value)) return 'zone';
    if (UTC_OFFSET.test(value) && !/[+-](?:00:?00|0)$/.test(value)) return 'offset';
  }
  if (sourceKinds & kinds.LOCALE) {
    if ((LOCALE.test(value) || LANGUAGES.has(value) || isLowerLocale(value)) && !/^en[-_]/i.test(value)) return 'locale';
    if (REGIONS.has(value) && value !== 'US') return 'region';
    // (`lang.includes("_CN")`: the region part of a POSIX or BCP 47 locale.)
    if (/^[-_][A-Z]{2}$/.test(value) && REGIONS.has(value.slice(1)) && value !== '_US' && value !== '-US') return 'region';
    // `lang.toUpperCase() === "ZH"`: a language in capitals, as UI-language picks write it.
    if (/^[A-Z]{2}$/.test(value) && LANGUAGES.has(value.toLowerCase()) && value !== 'EN') return 'locale';
  }
  // A cloud region names a place (`cn-north-1`, `asia-east2`, `chinaeast2`); an editor's name, its maker (`Cursor`, `windsurf`).
  if (sourceKinds & kinds.CLOUD && CLOUD_REGION.test(value)) return 'region';
  if (sourceKinds & (kinds.GATEWAY | kinds.PROXY | kinds.IDENTITY)) {
    // (An origin or a base address names its host: `new URL(gateway).origin === "https://llm.corp.com"`.)
    const v = value.replace(/^(?:\.+|@)/, '').replace(ORIGIN, '$1');
    if (isHost(v, inList) || isNetworkAddress(v)) return 'host';
    // (A repository's owner on a host, as a remote's address names it: `github.com/megabank/`, `git@gitlab.corp.net:team`.)
    const repo = REPOSITORY_OWNER.exec(v);
    if (repo && isHost(repo[1], true)) return 'host';
    if ((KEYWORD.test(value) || NETBIOS_NAME.test(value) && !NEUTRAL_NAMES.has(value)) && isOrganisationWord(value)) return 'keyword';
    // A machine or its network card's maker, by hardware address.
    if (sourceKinds & kinds.IDENTITY && HARDWARE_ADDRESS.test(value) && !NEUTRAL_HARDWARE_ADDRESS.test(value)) return 'device';
  }
  if (sourceKinds & kinds.EDITOR && PRODUCT_NAME.test(value)) return 'keyword';
  return undefined;
}

/**
 * Zones across the world (40 or more, or from four or more areas, or three beside UTC that the
 * same list offers): a picker or validation, not a place check.
 */
export function isZonePicker(zones: Iterable<string>, offersUtc = false): boolean {
  const list = [...zones];
  const areas = new Set(list.map((z) => z.split('/')[0]));
  return list.length >= 40 || areas.size >= 4 || offersUtc && areas.size >= 3;
}

/** `UTC`, `GMT`, `Etc/…`: a zone a picker offers, which names no place. */
export function isUtcZone(v: unknown): boolean {
  return typeof v === 'string' && /^(?:UTC|GMT|Etc\/[\w+-]+)$/.test(v);
}

/**
 * The registrable-looking part of a host, used to count distinct organisations;
 * for a keyword its first word (`claude-opus-` and `claude-haiku-` are one vendor's).
 */
export function orgOf(host: string): string {
  if (!host.includes('.')) return host.toLowerCase().split(/[-_]/)[0];
  const parts = bareHost(host).split('.');
  return parts.length <= 2 ? parts.join('.') : parts.slice(-3).join('.').replace(/^(?:www|api)\./, '');
}

/**
 * Names of public API, cloud and telemetry services an agent routes to or reports to, as they
 * appear in their hosts (`api.openai.com`, `dashscope.aliyuncs.com`, `bedrock-runtime.us-east-1.amazonaws.com`,
 * `browser-intake-datadoghq.com`): endpoints anyone can use, not the domains of an organisation's own network.
 */
const SERVICE_NAMES = new Set(('openai anthropic googleapis deepseek aliyuncs dashscope moonshot bigmodel mistral groq together fireworks openrouter ' +
  'cohere perplexity xai ollama huggingface replicate volces volcengine minimax baichuan siliconflow zhipuai hunyuan cerebras sambanova ' +
  'aws amazonaws amazonwebservices azure windows microsoft googleusercontent cloudflare vercel netlify ' +
  'github githubusercontent githubcopilot gitlab npmjs sentry datadoghq segment statsig posthog mixpanel amplitude honeycomb').split(' '));

/** A host in lower case without a wildcard or leading dot (`*.Vendor.com` gives `vendor.com`). */
export function bareHost(host: string): string {
  return host.toLowerCase().replace(ORIGIN, '$1').replace(/^[.*]+/, '');
}

/** `https://llm.corp.com`, `https://llm.corp.com:8443/`: an origin, and its host. */
const ORIGIN = /^https?:\/\/([^/:?#@]+)(?::\d+)?\/?$/i;

/** The registrable name of a host (`code.claude.com` gives `claude`; `example.co.uk` gives `example`). */
export function brandOf(host: string): string | undefined {
  const parts = bareHost(host).replace(/\.$/, '').split('.');
  if (parts.length < 2) return undefined;
  const sld = parts.length >= 3 && parts[parts.length - 1].length === 2 && parts[parts.length - 2].length <= 3 ? parts[parts.length - 3] : parts[parts.length - 2];
  return sld.length >= 3 ? sld : undefined;
}

/**
 * Whether a host is a known endpoint: one of a public service (above), or one under a name the program's
 * own URLs use (`brands`, the registrable names of the hosts it names in `https://` URLs: with
 * `https://code.claude.com/…`, `claude.app` and `claude-staging.ai` are the program's too). Names of five
 * letters or more also count as a prefix (`claudeusercontent.com`).
 */
export function isKnownEndpoint(host: string, brands: ReadonlySet<string>): boolean {
  if (codeHostOwner(host)) return false;
  const prefixes = [...brands].filter((b) => b.length >= 5);
  // (Its name parts: `claude-staging.ai` gives `claude`, `staging`, `ai`.)
  return bareHost(host).split(/[.-]/).some((t) => SERVICE_NAMES.has(t) || brands.has(t) || prefixes.some((b) => t.startsWith(b)));
}
