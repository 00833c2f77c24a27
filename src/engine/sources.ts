// Fingerprint sources: the syntactic shapes that read where and who the user is.
import { calleeName, isFunction, propertyName, unwrap, type Node } from './ast';
import { calleeOf } from './modules';
import { forEachChild } from './walk';
import type { ScopeResolver } from './scope';

/** Kinds of fingerprint data, as bit flags so flows can be unioned cheaply. */
export const Kind = {
  TZ: 1,
  LOCALE: 2,
  GATEWAY: 4,
  PROXY: 8,
  IDENTITY: 16,
  /** A numeric UTC offset (getTimezoneOffset). */
  OFFSET: 32,
  /**
   * Not a source: a value from another module (modules.ts), whose kinds the
   * linker works out. It marks the comparisons, channels and sinks an input
   * reaches; findings it alone reaches are not reported.
   */
  INPUT: 64,
  /**
   * Where the program is deployed rather than who or where the user is: the cloud region it is
   * configured for (`AWS_REGION`) and the editor it runs in (`vscode.env.appName`). Checking them
   * is routing; they count only when a check of them against specific values steers a covert channel.
   */
  CLOUD: 128,
  EDITOR: 256,
} as const;

/** The deployment kinds (see Kind.CLOUD). */
export const SETTING_KINDS = Kind.CLOUD | Kind.EDITOR;

export const ALL_KINDS = Kind.TZ | Kind.LOCALE | Kind.GATEWAY | Kind.PROXY | Kind.IDENTITY | Kind.OFFSET;

export function kindNames(kinds: number): string[] {
  const out: string[] = [];
  if (kinds & Kind.TZ) out.push('time zone');
  if (kinds & Kind.OFFSET) out.push('UTC offset');
  if (kinds & Kind.LOCALE) out.push('locale');
  if (kinds & Kind.GATEWAY) out.push('API gateway');
  if (kinds & Kind.PROXY) out.push('proxy');
  if (kinds & Kind.IDENTITY) out.push('host identity');
  if (kinds & Kind.CLOUD) out.push('cloud region');
  if (kinds & Kind.EDITOR) out.push('editor');
  return out;
}

export interface SourceMatch {
  kind: number;
  label: string;
  /** A map whose every member holds the data, under names the code cannot know (`os.networkInterfaces().en0`). */
  keyed?: boolean;
  /** A list of parts whose text (`.value`) holds the data (`formatToParts()`). */
  parts?: true;
}

const IDENTITY_ENV = new Set(['USERDNSDOMAIN', 'USERDOMAIN', 'COMPUTERNAME', 'HOSTNAME', 'USER', 'USERNAME', 'LOGNAME', 'EMAIL', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_EMAIL']);
/** Files and commands a call may name that give away where or who the user is. */
const FILE_MARKERS: Array<{ re: RegExp; kind: number }> = [
  // (`/etc/resolv.conf` names the network's search domain: the organisation's; `/etc/hostname`, `/etc/mailname`, the machine's name.)
  { re: /machine-id|IOPlatformUUID|IOPlatformSerialNumber|MachineGuid|user\.email|\/etc\/hostid|SMBIOS|product_uuid|remote\.origin\.url|\bgit remote\b|\.git\/config\b|(?:^|[\\/])\.gitconfig$|\/etc\/resolv\.conf$|\/etc\/krb5\.conf$|\/etc\/hostname$|\/proc\/sys\/kernel\/(?:hostname|domainname)$|\/etc\/mailname$/, kind: Kind.IDENTITY },
  // (Windows: PowerShell's `Get-TimeZone` and `[TimeZoneInfo]::Local`, the registry's `TimeZoneInformation`, `w32tm /tz`.)
  { re: /\/etc\/localtime|\/etc\/timezone|\/etc\/sysconfig\/clock|\bsystemsetup -gettimezone|\btimedatectl\b|\btzutil\b|\bGet-TimeZone\b|TimeZoneInfo\]::Local\b|\\TimeZoneInformation\b|\bw32tm \/tz\b/i, kind: Kind.TZ },
  // (The system's locale as Linux distributions keep it, and macOS's preferences file that holds `AppleLocale`.)
  { re: /\bGet-(?:Culture|WinSystemLocale|WinHomeLocation|WinUserLanguageList)\b|\/etc\/locale\.conf$|\/etc\/default\/locale$|\/etc\/sysconfig\/i18n$|\.GlobalPreferences\.plist$/i, kind: Kind.LOCALE },
  { re: /(?:^|[\\/])\.npmrc$|(?:^|[\\/])\.yarnrc(?:\.yml)?$|\bnpm config get registry\b/, kind: Kind.GATEWAY },
];
/**
 * Services that tell a caller where its IP address is (country, region, city, time zone): a request to one
 * reads where the user is as surely as the time zone does. Cloudflare's `/cdn-cgi/trace` gives `loc=CN`.
 */
/**
 * A cloud's instance metadata service, asked for the region or zone the machine runs in: AWS (`placement/region`,
 * `availability-zone`), Azure (`/metadata/instance`, whose `location` is the region), Google (`instance/zone`) and
 * Alibaba (`region-id`, `zone-id`) answer at a link-local address.
 */
const CLOUD_METADATA = /\b(169\.254\.169\.254|metadata\.google\.internal|100\.100\.100\.200)(?::\d+)?\/[\w/.-]*?(?:placement\/(?:region|availability-zone)|metadata\/instance|instance\/zone|region-id|zone-id)\b/i;
const GEO_IP = /\b(?:ipinfo\.io|ip-api\.com|ipapi\.(?:co|is)|ipwho\.is|ipwhois\.(?:app|io)|freeipapi\.com|api\.ip\.sb\/geoip|get\.geojs\.io|ipgeolocation\.io|ipdata\.co|ipregistry\.co|extreme-ip-lookup\.com|geolocation-db\.com|api\.country\.is|ip2location\.io|ifconfig\.co\/(?:json|country)|freegeoip\.\w+|geoip\.\w+\.\w+|\/cdn-cgi\/trace)\b/i;
/** Shell commands that print a fingerprint, run by a process call (`execSync("hostname")`): too common as words to match elsewhere. */
const COMMAND_MARKERS: Array<{ re: RegExp; kind: number }> = [
  { re: /^\s*(?:hostname|uname -n|whoami|id -un|scutil --get (?:ComputerName|LocalHostName|HostName)|getmac|ipconfig getifaddr|ifconfig|ip link)\b/, kind: Kind.IDENTITY },
  // The organisation a machine belongs to: its Windows or Kerberos domain, directory join, device management enrolment, DNS search domain.
  { re: /^\s*(?:wmic computersystem get domain|dsregcmd \/status|net config workstation|systeminfo|realm list|klist|profiles (?:status|show) -type enrollment|scutil --dns|cat \/etc\/resolv\.conf)\b/i, kind: Kind.IDENTITY },
  { re: /^\s*(?:locale\b|defaults read -g AppleL(?:ocale|anguages))/, kind: Kind.LOCALE },
  { re: /^\s*date \+%Z\b/, kind: Kind.TZ },
];
/**
 * The command line a process call runs, where it is written out: `"defaults read -g AppleLocale"`, or a program
 * and its arguments in a list (`execFileSync("defaults", ["read", "-g", "AppleLocale"])`).
 */
function commandLine(args: Node[]): string | undefined {
  const program = args[0] && unwrap(args[0]);
  if (program?.type !== 'Literal' || typeof program.value !== 'string') return undefined;
  const list = args[1] && unwrap(args[1]);
  const words = list?.type === 'ArrayExpression' ? (list.elements as Array<Node | null>).map((e) => e && unwrap(e)) : [];
  const rest = words.findIndex((w) => w?.type !== 'Literal' || typeof w.value !== 'string');
  return [program.value, ...words.slice(0, rest < 0 ? words.length : rest).map((w) => w!.value as string)].join(' ');
}
const EXEC_CALLS = new Set(['execSync', 'exec', 'execFileSync', 'execFile', 'spawnSync', 'spawn']);
/** Properties of an editor's `env` (VS Code's `vscode.env`, however the bundle names the module). */
const EDITOR_ENV: Record<string, number> = { language: Kind.LOCALE, machineId: Kind.IDENTITY, remoteName: Kind.IDENTITY, appHost: Kind.IDENTITY, appName: Kind.EDITOR, uriScheme: Kind.EDITOR };
/** Electron's `app` methods that give the system's locale or region, named distinctly enough to match on any object. */
const ELECTRON_LOCALE = new Set(['getSystemLocale', 'getPreferredSystemLanguages', 'getLocaleCountryCode']);
/** Functions of built-in modules that read who or where the machine is, by the module they come from (a DNS server list names the organisation's network). */
const BUILTIN_IDENTITY = new Map([['hostname', 'os'], ['userInfo', 'os'], ['networkInterfaces', 'os'], ['getServers', 'dns']]);

/**
 * What a built-in module offers that reads a fingerprint, as another module of a split build
 * reaches it by id (`(0, t.hostname)()` of `t = o(857)`, where the runtime's `857` is
 * `require("os")`): `name` is a function to call, or with `value` a member to read.
 */
export function builtinSources(spec: string): Array<{ name: string; kind: number; value?: true }> {
  const m = spec.replace(/^node:/, '');
  const out: Array<{ name: string; kind: number; value?: true }> = [];
  for (const [name, from] of BUILTIN_IDENTITY) if (from === m) out.push({ name, kind: Kind.IDENTITY });
  if (m === 'vscode') for (const [name, kind] of Object.entries(EDITOR_ENV)) out.push({ name: `env.${name}`, kind, value: true });
  return out;
}

/** Which fingerprint kind an environment variable name carries, if any. */
export function envKind(name: string): number {
  const upper = name.toUpperCase();
  if (upper === 'TZ') return Kind.TZ;
  // LC_TERMINAL and LC_TERMINAL_VERSION are iTerm2's terminal name and version, not a locale.
  if (upper === 'LANG' || upper === 'LANGUAGE' || upper.startsWith('LC_') && !upper.startsWith('LC_TERMINAL')) return Kind.LOCALE;
  if (upper === 'NPM_CONFIG_REGISTRY' || upper === 'YARN_REGISTRY' || upper === 'NPM_CONFIG__AUTH') return Kind.GATEWAY;
  if (/(?:^|_)PROXY$/.test(upper) || /^NPM_CONFIG_(?:HTTPS_)?PROXY$/.test(upper)) return Kind.PROXY;
  if (/_(?:BASE_URL|API_URL|API_BASE|ENDPOINT|API_HOST|BASE_PATH)$/.test(upper)) return Kind.GATEWAY;
  if (IDENTITY_ENV.has(upper)) return Kind.IDENTITY;
  // `AWS_REGION`, `CLOUD_ML_REGION`, `VERTEX_REGION_…`, `GOOGLE_CLOUD_LOCATION`: the cloud region a client is configured for.
  if (/(?:^|_)REGION(?:_|$)/.test(upper) || /^(?:GOOGLE_CLOUD|AZURE|VERTEX)_LOCATION$/.test(upper)) return Kind.CLOUD;
  return 0;
}

function isNew(node: Node, name: string): boolean {
  const n = unwrap(node);
  if (n.type !== 'NewExpression' && n.type !== 'CallExpression') return false;
  const callee = unwrap(n.callee);
  // (`Intl.DateTimeFormat(…)` makes a formatter without `new` too.)
  return (n.type === 'NewExpression' || name === 'DateTimeFormat') && (callee.type === 'Identifier' ? callee.name : propertyName(callee)) === name;
}

/** Date text methods that take (locale, options). */
const LOCALE_TEXT = new Set(['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']);

/**
 * `{ timeZoneName: "long" }`: options that ask for the user's zone by name. A time of day shown
 * with its zone (`{ hour, minute, timeZoneName }`) is a timestamp for people to read, and an
 * explicit `timeZone` names another zone than the user's: neither is taken as a read of the zone.
 */
function namesZone(options: Node | undefined): boolean {
  const o = options && unwrap(options);
  if (o?.type !== 'ObjectExpression') return false;
  const keys = o.properties.map((p: Node) => (p.type === 'Property' ? String(p.key.name ?? p.key.value) : '...'));
  return keys.includes('timeZoneName') && !keys.some((k: string) => /^(?:timeZone|hour|minute|second|timeStyle|\.\.\.)$/.test(k));
}

/** Matches source shapes. `evaluateKey` resolves computed keys such as `env[k]`. */
export class SourceMatcher {
  /**
   * `defsOf`: an identifier's definitions (a member's: what is put under its name); `evaluateKey`: a computed key's value; `loaded`: the
   * module a call gives, when it is a bundler's module factory (`n(857)` of webpack's
   * `857: (e) => { e.exports = require("os") }`) or an interop helper (`__toESM(require("os"))`).
   */
  constructor(private readonly scopes: ScopeResolver, private readonly defsOf: (id: Node) => Node[], private readonly evaluateKey: (node: Node) => unknown, private readonly loaded: (call: Node) => Node[] = () => [], private readonly requireNames = new Set(['require', '__require'])) {}

  match(node: Node): SourceMatch | undefined {
    if (node.type === 'MemberExpression') return this.member(node);
    if (node.type === 'CallExpression') return this.call(node);
    // A date turned into text names the zone as `toString()` does: `${new Date()}`, `"at " + d`.
    if (node.type === 'TemplateLiteral' || node.type === 'BinaryExpression' && node.operator === '+') {
      const parts: Node[] = node.type === 'TemplateLiteral' ? node.expressions : [node.left, node.right];
      if (parts.some((p) => this.isMade(p, 'Date'))) return { kind: Kind.TZ, label: 'a Date as text' };
    }
    return undefined;
  }

  private member(node: Node): SourceMatch | undefined {
    const name = propertyName(node) ?? (node.computed ? this.evaluateKey(node.property) : undefined);
    if (typeof name !== 'string') return node.computed && this.isEnv(node.object) ? this.pickedEnv(node.property) : undefined;
    if (this.isEnv(node.object)) {
      const kind = envKind(name);
      const bun = unwrap(node.object).type === 'MemberExpression' && unwrap(unwrap(node.object).object).name === 'Bun';
      return kind ? { kind, label: `${bun ? 'Bun' : 'process'}.env.${name}` } : undefined;
    }
    const obj = unwrap(node.object);
    if ((name === 'language' || name === 'languages' || name === 'userLanguage' || name === 'browserLanguage') && obj.type === 'Identifier' && obj.name === 'navigator') return { kind: Kind.LOCALE, label: `navigator.${name}` };
    // `vscode.env.language`, and in a bundle `o.env.language` where `o = n(1398)` is the vscode module.
    if (Object.hasOwn(EDITOR_ENV, name) && obj.type === 'MemberExpression' && propertyName(obj) === 'env' && !this.isEnv(obj)) {
      const editor = unwrap(obj.object);
      return { kind: EDITOR_ENV[name], label: `${editor.type === 'Identifier' ? editor.name : 'vscode'}.env.${name}` };
    }
    // The same `env` under a name of its own: `const e = o.env`, `const { env } = require("vscode")`, `import { env } from "vscode"`.
    if (Object.hasOwn(EDITOR_ENV, name) && obj.type === 'Identifier' && this.isEditorEnv(obj)) return { kind: EDITOR_ENV[name], label: `vscode.env.${name}` };
    return undefined;
  }

  /** A name for an editor's `env` object: set once to `<module>.env` (not `process.env`), or `env` imported from `vscode`. */
  private isEditorEnv(id: Node): boolean {
    const b = this.scopes.resolve(id);
    if (!b) return false;
    if (b.kind === 'import') return b.decl.type === 'ImportSpecifier' && b.decl.imported.name === 'env' && isBuiltinName(b.decl.parent?.source?.value, 'vscode');
    if (b.kind !== 'const' && b.kind !== 'let' && b.kind !== 'var') return false;
    const defs = this.defsOf(id);
    const d = defs.length === 1 ? unwrap(defs[0]) : undefined;
    return d?.type === 'MemberExpression' && propertyName(d) === 'env' && !this.isEnv(d);
  }

  /**
   * `process.env[key]` where `key = Object.keys(process.env).find((k) => k.endsWith("_BASE_URL"))`:
   * the variables the test picks by name.
   */
  private pickedEnv(key: Node): SourceMatch | undefined {
    const k = unwrap(key);
    const defs = k.type === 'Identifier' ? this.defsOf(k) : [];
    return defs.length === 1 ? this.envPick(unwrap(defs[0]), 'keys') : undefined;
  }

  /**
   * A name or entry of the environment picked by a test of its name (`Object.keys(process.env).find((k) => …)`,
   * `Object.entries(process.env).find(([k]) => k === "LANG")`): the kinds of the variables the test names.
   */
  private envPick(pick: Node, of: 'keys' | 'entries'): SourceMatch | undefined {
    const list = pick.type === 'CallExpression' && /^(?:find|findLast|filter)$/.test(propertyName(unwrap(pick.callee)) ?? '') ? unwrap(unwrap(pick.callee).object) : undefined;
    const test = pick.arguments?.[0];
    if (list?.type !== 'CallExpression' || propertyName(unwrap(list.callee)) !== of || !list.arguments[0] || !this.isEnv(list.arguments[0]) || !isFunction(test)) return undefined;
    let kind = 0;
    const visit = (n: Node) => {
      if (n.type === 'Literal' && typeof n.value === 'string') kind |= envKind(n.value) | envKind(`X${n.value}`) | envKind(`${n.value}X`);
      forEachChild(n, visit);
    };
    visit(test.body);
    return kind ? { kind, label: of === 'keys' ? 'process.env[…]' : `Object.entries(process.env).${propertyName(unwrap(pick.callee))}(…)` } : undefined;
  }

  /** `execSync(…)`, `cp.exec(…)`, and an alias (`const { execSync: c } = require("child_process")`, minified). */
  private isExecCall(callee: Node, method: string | undefined): boolean {
    if (method !== undefined) return EXEC_CALLS.has(method);
    if (callee.type !== 'Identifier') return false;
    if (EXEC_CALLS.has(callee.name)) return true;
    const defs = this.scopes.resolve(callee) ? this.defsOf(callee) : [];
    const def = defs.length === 1 ? unwrap(defs[0]) : undefined;
    return def?.type === 'MemberExpression' && EXEC_CALLS.has(propertyName(def) ?? '');
  }

  private call(node: Node): SourceMatch | undefined {
    // (Also `(0, o.hostname)()`, the call form of tsc, babel and webpack.)
    const callee = calleeOf(node.callee);
    const key = callee.type === 'MemberExpression' ? propertyName(callee) ?? (callee.computed ? this.evaluateKey(callee.property) : undefined) : undefined;
    const method = typeof key === 'string' ? key : undefined;
    // (Also borrowed: `Intl.DateTimeFormat.prototype.resolvedOptions.call(f)`, `Reflect.apply(Date.prototype.getTimezoneOffset, d, [])`.)
    const target = method === 'apply' && callee.type === 'MemberExpression' && unwrap(callee.object).type === 'Identifier' && unwrap(callee.object).name === 'Reflect' ? node.arguments[0] : (method === 'call' || method === 'apply') && callee.type === 'MemberExpression' ? callee.object : undefined;
    const borrowed = target && this.memberName(target);
    // (One entry picked: a filtered copy of the environment, as a child process is given, is no read of one variable.)
    if (method === 'find' || method === 'findLast') { const picked = this.envPick(node, 'entries'); if (picked) return picked; }
    // `path.basename(os.homedir())`: the user's name, as the home folder is named.
    if ((method ?? (callee.type === 'Identifier' ? callee.name : '')) === 'basename' && node.arguments[0] && this.isHome(node.arguments[0])) return { kind: Kind.IDENTITY, label: 'the home folder\'s name' };
    // Deno's `Deno.env.get("TZ")`.
    if (method === 'get' && callee.type === 'MemberExpression' && this.isDenoEnv(callee.object)) {
      const name = this.evaluateKey(node.arguments[0] ?? node);
      const kind = typeof name === 'string' ? envKind(name) : 0;
      if (kind) return { kind, label: `Deno.env.get("${name as string}")` };
    }
    if (method === 'resolvedOptions' || borrowed === 'resolvedOptions') return { kind: Kind.TZ | Kind.LOCALE, label: 'Intl.DateTimeFormat().resolvedOptions()' };
    if (method === 'getTimezoneOffset' || borrowed === 'getTimezoneOffset') return { kind: Kind.OFFSET, label: 'Date#getTimezoneOffset()' };
    // `Temporal.Now.timeZoneId()`, the zone as the Temporal API gives it.
    if ((method === 'timeZoneId' || method === 'timeZone') && propertyName(unwrap(callee.object)) === 'Now') return { kind: Kind.TZ, label: `Temporal.Now.${method}()` };
    // A date's own text names its zone ("... GMT+0800 (China Standard Time)"), also asked for
    // (`toLocaleDateString("en-US", { timeZoneName: "long" })`, `Intl.DateTimeFormat(l, { timeZoneName }).format()`).
    if (method === 'toTimeString' || method === 'toString' && this.isMade(callee.object, 'Date')) return { kind: Kind.TZ, label: `Date#${method}()` };
    if (method && LOCALE_TEXT.has(method) && namesZone(node.arguments[1])) return { kind: Kind.TZ, label: `Date#${method}({ timeZoneName })` };
    if ((method === 'format' || method === 'formatToParts') && this.isMade(callee.object, 'DateTimeFormat', (n) => namesZone(n.arguments[1]))) return { kind: Kind.TZ, label: `Intl.DateTimeFormat({ timeZoneName }).${method}()`, ...(method === 'formatToParts' ? { parts: true as const } : {}) };
    if (callee.type === 'Identifier' && callee.name === 'Date' && !node.arguments.length && !this.scopes.resolve(callee)) return { kind: Kind.TZ, label: 'Date()' };
    if (callee.type === 'Identifier' && callee.name === 'String' && node.arguments[0] && !this.scopes.resolve(callee) && this.isMade(node.arguments[0], 'Date')) return { kind: Kind.TZ, label: 'String(date)' };
    const identity = (name: string): SourceMatch => ({ kind: Kind.IDENTITY, label: `${BUILTIN_IDENTITY.get(name)}.${name}()`, ...(name === 'networkInterfaces' ? { keyed: true } : {}) });
    const builtin = callee.type === 'MemberExpression' ? method : callee.type === 'Identifier' ? this.aliasedName(callee) : undefined;
    if (builtin && BUILTIN_IDENTITY.has(builtin) && this.builtinFunction(callee, BUILTIN_IDENTITY.get(builtin)!) === builtin) return identity(builtin);
    // Electron's `app.getSystemLocale()`, `app.getLocaleCountryCode()`; `app.getLocale()` only on Electron's own `app`
    // (an i18n library's `getLocale()` is the program's chosen language).
    if (method && (ELECTRON_LOCALE.has(method) || method === 'getLocale' && this.isElectronApp(callee.object))) return { kind: Kind.LOCALE, label: `app.${method}()` };
    const command = this.isExecCall(callee, method) ? commandLine(node.arguments as Node[]) : undefined;
    if (command !== undefined) {
      // (Also what a file marker names, said as a program and its arguments: `execFileSync("git", ["remote", "get-url", "origin"])`.)
      const m = COMMAND_MARKERS.find(({ re }) => re.test(command)) ?? FILE_MARKERS.find(({ re }) => re.test(command));
      if (m) return { kind: m.kind, label: `runs ${command.trim().split(/\s+/).slice(0, 3).join(' ')}` };
    }
    // `readFileSync("/etc/timezone")`, and `readFileSync(path.join(home, ".npmrc"))` or `home + "/.gitconfig"` one step deeper.
    const texts = (node.arguments as Node[]).flatMap((arg) => {
      const a = unwrap(arg);
      // (`execFileSync("powershell", ["-Command", "(Get-TimeZone).Id"])`: the arguments a command is given in a list.)
      return a.type === 'CallExpression' ? a.arguments as Node[] : a.type === 'BinaryExpression' && a.operator === '+' ? [unwrap(a.right)]
        : a.type === 'ArrayExpression' && this.isExecCall(callee, method) ? (a.elements as Array<Node | null>).filter((e): e is Node => !!e).map(unwrap) : [a];
    });
    for (const a of texts) {
      const text = a.type === 'Literal' ? a.value : a.type === 'TemplateLiteral' ? a.quasis.map((q: Node) => q.value.cooked).join('') : undefined;
      if (typeof text !== 'string' || text.length >= 300) continue;
      for (const { re, kind } of FILE_MARKERS) {
        const m = re.exec(text);
        if (m) return { kind, label: `reads ${m[0].replace(/^[\\/]/, '')}` };
      }
      const geo = GEO_IP.exec(text);
      if (geo) return { kind: Kind.TZ | Kind.LOCALE, label: `asks ${geo[0].replace(/^\//, '')} where the machine is` };
      const cloud = CLOUD_METADATA.exec(text);
      if (cloud) return { kind: Kind.CLOUD, label: `asks the cloud's metadata service (${cloud[1]}) where the machine runs` };
    }
    return undefined;
  }

  /** `os.homedir()`, `process.env.HOME` (or `USERPROFILE`), or a name set once to one of them. */
  private isHome(node: Node, depth = 0): boolean {
    const n = unwrap(node);
    if (n.type === 'CallExpression') return calleeName(n) === 'homedir';
    if (n.type === 'MemberExpression') return /^(?:HOME|USERPROFILE)$/.test(propertyName(n) ?? '') && this.isEnv(n.object);
    const defs = n.type === 'Identifier' && depth < 2 && this.scopes.resolve(n) ? this.defsOf(n) : [];
    return defs.length === 1 && this.isHome(defs[0], depth + 1);
  }

  private isDenoEnv(node: Node): boolean {
    const n = unwrap(node);
    const obj = n.type === 'MemberExpression' && propertyName(n) === 'env' ? unwrap(n.object) : undefined;
    return obj?.type === 'Identifier' && obj.name === 'Deno' && !this.scopes.resolve(obj);
  }

  /** Electron's `app` (`require("electron").app`, `const { app } = require("electron")`). */
  private isElectronApp(node: Node): boolean {
    const n = unwrap(node);
    const b = n.type === 'Identifier' ? this.scopes.resolve(n) : undefined;
    if (b?.kind === 'import') return b.decl.type === 'ImportSpecifier' && b.decl.imported.name === 'app' && isBuiltinName(b.decl.parent?.source?.value, 'electron');
    const defs = b ? this.defsOf(n) : [n];
    const m = defs.length === 1 ? unwrap(defs[0]) : undefined;
    return m?.type === 'MemberExpression' && propertyName(m) === 'app' && this.isBuiltin(m.object, 'electron');
  }

  /** `new Date()` (`new Intl.DateTimeFormat(…)`), or a variable set once to one, passing `test`. */
  private isMade(node: Node, name: string, test: (made: Node) => boolean = () => true): boolean {
    const n = unwrap(node);
    const defs = n.type === 'Identifier' && this.scopes.resolve(n) ? this.defsOf(n) : [n];
    return defs.length === 1 && isNew(defs[0], name) && test(unwrap(defs[0]));
  }

  /** `process.env`, `process["env"]`, `globalThis.process.env`, Bun's `Bun.env`, or a constant alias of them. */
  isEnv(node: Node, depth = 0): boolean {
    node = unwrap(node);
    if (node.type === 'MemberExpression') {
      if (propertyName(node) !== 'env') return false;
      const obj = unwrap(node.object);
      if (obj.type === 'Identifier') return (obj.name === 'process' || obj.name === 'Bun') && !this.scopes.resolve(obj);
      return obj.type === 'MemberExpression' && propertyName(obj) === 'process';
    }
    if (node.type === 'Identifier' && depth < 4) {
      const b = this.scopes.resolve(node);
      if (!b || b.kind === 'param' || b.kind === 'function') return false;
      const defs = this.defsOf(node);
      return defs.length > 0 && defs.every((d) => this.isEnv(d, depth + 1));
    }
    return false;
  }

  /**
   * The function of the built-in module `name` a callee is, by its name in that module: `os.hostname`,
   * `require("dns").lookup`, `import { lookup } from "dns"`, `const { hostname } = require("os")`,
   * `const h = os.hostname` (also a parameter it is passed to: `probe(os.hostname)`), `promisify(dns.lookup)`.
   */
  builtinFunction(callee: Node, name: string, depth = 0): string | undefined {
    callee = unwrap(callee);
    if (callee.type === 'MemberExpression') return this.isBuiltin(callee.object, name) ? propertyName(callee) : undefined;
    if (callee.type === 'CallExpression' && calleeName(callee) === 'promisify' && callee.arguments.length === 1 && depth < 2) return this.builtinFunction(callee.arguments[0], name, depth + 1);
    if (callee.type !== 'Identifier') return undefined;
    const b = this.scopes.resolve(callee);
    if (b?.kind === 'import') return b.decl.type === 'ImportSpecifier' && isBuiltinName(b.decl.parent?.source?.value, name) ? b.decl.imported.name as string : undefined;
    const held = depth <= 2 ? this.aliasOf(callee) : undefined;
    return held && this.builtinFunction(held, name, depth + 1);
  }

  /** The one value a name stands for as another name of something (`const h = os.hostname`, a parameter's argument). */
  private aliasOf(id: Node): Node | undefined {
    const b = this.scopes.resolve(id);
    if (!b || !(b.kind === 'var' || b.kind === 'let' || b.kind === 'const' || b.kind === 'param')) return undefined;
    const defs = this.defsOf(id);
    return defs.length === 1 ? unwrap(defs[0]) : undefined;
  }

  /**
   * The member a function was taken as: `resolvedOptions` of `Intl.DateTimeFormat.prototype.resolvedOptions`, and of
   * `_b` where `_b = (_a = Intl.DateTimeFormat()).resolvedOptions` (an optional call as compilers lower it: `_b.call(_a)`).
   */
  private memberName(node: Node): string | undefined {
    const n = unwrap(node);
    if (n.type === 'MemberExpression') return propertyName(n);
    // (Babel gives the name the call's result too, `(_b = _b.call(_a))`: the one member it was taken as counts.)
    const b = n.type === 'Identifier' ? this.scopes.resolve(n) : undefined;
    const defs = b && b.kind !== 'param' ? this.defsOf(n).map(unwrap) : [];
    const names = new Set(defs.filter((d) => d.type === 'MemberExpression').map((d) => propertyName(d)));
    return names.size === 1 ? [...names][0] : undefined;
  }

  /** The name of the function an identifier stands for: `hostname` of `import { hostname } from "os"`, of `const h = os.hostname`. */
  private aliasedName(id: Node): string | undefined {
    const b = this.scopes.resolve(id);
    if (b?.kind === 'import') return b.decl.type === 'ImportSpecifier' ? b.decl.imported.name as string : undefined;
    const m = this.aliasOf(id);
    return m?.type === 'MemberExpression' ? propertyName(m) : undefined;
  }

  /** The built-in module `name` (`os`), however it is loaded: `require`, `import`, a bundle's own loader, an interop wrapper. */
  private isBuiltin(node: Node, name: string, depth = 0): boolean {
    node = unwrap(node);
    // `await import("node:os")`
    if (node.type === 'AwaitExpression') node = unwrap(node.argument);
    if (node.type === 'ImportExpression') return isBuiltinName(node.source?.value, name);
    if (node.type === 'CallExpression' && unwrap(node.callee).type === 'Identifier' && this.requireNames.has(unwrap(node.callee).name)) {
      return isBuiltinName(node.arguments[0]?.value, name);
    }
    if (node.type === 'CallExpression' && depth < 3) {
      // `n(857)` of a bundled module that re-exports it; `__toESM(require("os"))` and other interop helpers.
      const values = this.loaded(node);
      return values.length === 1 && this.isBuiltin(values[0], name, depth + 1);
    }
    // `import_os.default.hostname()`: the default of an interop wrapper is the module; `dns.promises` has the same functions.
    if (node.type === 'MemberExpression' && (propertyName(node) === 'default' || propertyName(node) === 'promises') && depth < 3) return this.isBuiltin(node.object, name, depth + 1);
    // `deps.os.hostname()` of `createProbe({ os })`: what the member was given.
    if (node.type !== 'Identifier' && node.type !== 'MemberExpression' || depth > 3) return false;
    const b = node.type === 'Identifier' ? this.scopes.resolve(node) : undefined;
    if (!b && node.type === 'Identifier') return node.name === name;
    if (b?.kind === 'import') return isBuiltinName(b.decl.parent?.source?.value, name);
    const defs = this.defsOf(node);
    return defs.length > 0 && defs.every((d) => this.isBuiltin(d, name, depth + 1));
  }
}

/** `os` or `node:os` (also `dns/promises` for `dns`). */
function isBuiltinName(spec: unknown, name: string): boolean {
  return typeof spec === 'string' && (spec === name || spec === `node:${name}` || spec === `${name}/promises` || spec === `node:${name}/promises`);
}
