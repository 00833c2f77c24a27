// Comparisons: a fingerprint value compared with specific zones, locales,
// hosts or organisations, with the constants worked out (decoded when
// concealed) by the evaluator.
import { addTo, COMPARE_METHODS, COMPARE_OPS, isFunction, isLiteral, methodName, parenthesised, propertyName, regexOf, unwrap, type Node } from './ast';

export { COMPARE_METHODS, COMPARE_OPS, isLiteral };
import { isDecoderName } from './decoders';
import { constantNode } from './definitions';
import type { AnalysisContext, Comparison, Flow } from './context';

export type { Comparison };
import { bareHost, brandOf, classifyConstant, isAreaZone, isHashNumber, isHost, isKnownEndpoint, isOrganisationWord, isUtcZone, isZonePicker, type ConstantClass } from './constants';
import { isMath, union } from './flow';
import { appearsIn, isModelledFunction, Many, UNKNOWN, type Value } from './evaluate';
import type { Binding } from './scope';
import { ALL_KINDS, Kind, SETTING_KINDS } from './sources';

/** A fingerprint value compared with specific constants. */

/** Lists of up to this many plain hosts are checked for being the program's own endpoints. */
const MAX_FIRST_PARTY = 12;
/** Sources whose words are an organisation's name: a Windows or Kerberos domain, a git remote or e-mail, the DNS search domain. */
const ORGANISATION_SOURCE = /^(?:process|Bun)\.env\.USER(?:DNS)?DOMAIN$|^runs (?:wmic computersystem get domain|realm list)/;
/** A list of words names organisations or people when it is this short; a longer one is a vocabulary (commands, keywords). */
const MAX_NAMED_WORDS = 8;
/** Sources of the user's account name: equal to one of a list of names, it is one of those people. */
const PERSON_SOURCE = /^os\.userInfo\(\)$|^the home folder's name$|^(?:process|Bun)\.env\.(?:USER|USERNAME|LOGNAME)$|^runs (?:whoami|id -un)\b/;
/** Sources an organisation's name is part of: a git remote's owner, an e-mail's domain, the DNS search domain, a Kerberos realm. */
const ORGANISATION_PART_SOURCE = /^(?:process|Bun)\.env\.(?:EMAIL|GIT_(?:AUTHOR|COMMITTER)_EMAIL)$|^(?:reads|runs) .*(?:\.git\/config|\.gitconfig|user\.email|remote|resolv\.conf|krb5\.conf|mailname|domainname|dsregcmd|net config|klist|enrollment|scutil --dns)/;
/** Methods that take a part of a text (`url.split("/")[3]`, `re.exec(cfg)[1]`). */
const PART_METHODS = new Set(['split', 'match', 'exec', 'slice', 'substring', 'substr', 'at', 'pop', 'shift']);

/** A map made from worked-out entries is looked into up to this size. */
const MAX_MAP_ENTRIES = 4096;

/** Callbacks longer than this are not taken as part of a constant. */
const MAX_CALLBACK = 300;


export class Comparisons {
  /** Comparison-shaped nodes found by the walk. */
  readonly candidates: Node[] = [];
  private comparisonList?: Comparison[];
  private readonly comparisonByNode = new Map<Node, Comparison>();
  private readonly elsewhere = new Map<Node, Comparison>();
  private readonly elsewhereWords = new Map<Node, Comparison>();
  private readonly analysed = new Map<Node, Comparison | null>();
  /** Candidates being analysed (a comparison's subject can flow through itself). */
  private readonly analysing: Node[] = [];
  private readonly constantBindings = new Map<Binding, boolean>();
  private readonly bound = new Map<string, Node>();
  private readonly specificValues = new Map<string | number, boolean>();
  /** Whether single organisation words count (see wordsAt). */
  private words = false;
  /** Hosts the program's own text names in http(s) URLs, their registrable names (`claude` of `code.claude.com`) and where each is named, collected on first use. */
  private own?: { hosts: Set<string>; brands: Set<string>; at: Map<string, number[]> };
  /** Kinds of fingerprint values whose comparisons were followed and found to be no check (a picker marking the user's own entry). */
  settledKinds = 0;

  constructor(private readonly a: AnalysisContext) {}

  /** Every comparison of a fingerprint value with specific zones, locales, hosts or keywords. */
  comparisons(): Comparison[] {
    if (!this.comparisonList) {
      for (const name of this.bound.keys()) for (const call of this.a.defs.callsNamed(name)) this.candidates.push(call);
      for (const node of this.candidates) this.comparisonAt(node, false);
      if (this.tables.size) this.lookupTables();
      for (const n of this.inPlaceLookups) if (!this.analysed.has(n)) this.lookupAt(n);
      this.comparisonList = [...new Set(this.comparisonByNode.values())];
    }
    return this.comparisonList;
  }

  /**
   * A table keyed by two or more zones kept under a name (`const CURRENCY = { "Asia/Shanghai": "CNY", … }`,
   * `new Map([["Asia/Shanghai", "cn"], …])`): its lookups are looked at with the other comparisons, whatever
   * their outcome is used for (geo-org-comparison tells a lookup used as data from one whose outcome is tested).
   */
  noteTable(node: Node): void {
    const p = node.parent;
    const named = p?.type === 'VariableDeclarator' && p.init === node && p.id.type === 'Identifier';
    // (Or looked up in place, as bundlers inline a one-use module: `{ "Asia/Shanghai": "China", … }[tz]`, `new Map([…]).get(tz)`.)
    const inPlace = p?.type === 'MemberExpression' && p.object === node && (p.computed || propertyName(p) === 'get' && p.parent?.type === 'CallExpression' && p.parent.callee === p) ? (p.computed ? p : p.parent) : undefined;
    if (!named && !inPlace) return;
    const entries = node.type === 'ObjectExpression' ? node.properties.map((q: Node) => (q.type === 'Property' ? q.key : undefined))
      : node.arguments[0]?.type === 'ArrayExpression' ? node.arguments[0].elements.map((e: Node | null) => (e?.type === 'ArrayExpression' ? e.elements[0] : undefined)) : [];
    const zones = (entries as Array<Node | undefined>).filter((k) => k?.type === 'Literal' && typeof k.value === 'string' && isAreaZone(k.value));
    if (zones.length < 2) return;
    if (inPlace) this.inPlaceLookups.push(inPlace);
    else this.tables.set(p!.id.name, node);
  }
  private readonly tables = new Map<string, Node>();
  private readonly inPlaceLookups: Node[] = [];

  /** The lookups of the tables noted (see noteTable): `CURRENCY[k]`, `REGION.get(k)`. */
  private lookupTables(): void {
    this.a.defs.eachNode((n) => {
      const get = n.type === 'CallExpression' && methodName(n) === 'get' && n.arguments.length === 1;
      const object = get ? unwrap(unwrap(n.callee).object) : n.type === 'MemberExpression' && n.computed ? unwrap(n.object) : undefined;
      const table = object?.type === 'Identifier' ? this.tables.get(object.name) : undefined;
      if (table && this.a.defs.soleDefinition(object!) === table && !this.analysed.has(n)) this.lookupAt(n);
    });
  }

  /**
   * `ZONES[tz]` of an object used as a set (`{ "Asia/Shanghai": 1, "Asia/Urumqi": 1 }`, every value the
   * same `1` or `true`): a membership test of its keys. So is a table of constants keyed by specific
   * zones, hosts or organisations (`{ "Asia/Shanghai": "\u2019" }[tz] ?? "'"`): what it gives depends
   * on which of them the value is. Tables keyed by languages (translations) are lookups. A `Map` of
   * constants read with `get` (`new Map([["Asia/Shanghai", 1], …]).get(tz)`) is the same.
   */
  lookupAt(node: Node): Comparison | undefined {
    const known = this.analysed.get(node);
    if (known !== undefined) return known ?? undefined;
    const isGet = node.type === 'CallExpression';
    const object: Node = isGet ? unwrap(node.callee).object : node.object;
    const key: Node | undefined = isGet ? node.arguments[0] : node.property;
    // `ZONES[tz]` of another module's `export const ZONES = { "Asia/Shanghai": true, … }`: its keys, as the linker found them
    // (and `REGION.get(tz)` of its `export const REGION = new Map([…])`, as code to evaluate here).
    const named = /^(?:Identifier|MemberExpression)$/.test(unwrap(object).type);
    const code = isGet && named && this.a.defs.soleDefinition(unwrap(object)) === undefined ? this.a.modules.constantOf(object) : undefined;
    const values = isGet ? this.mapValues(code?.code !== undefined ? constantNode(code, object) : object) : this.objectValues(object);
    const linked = !isGet && !values.length && named ? this.a.modules.constantOf(object) : code?.code !== undefined ? code : undefined;
    const isSet = !!linked?.keys || isFlagList(values);
    const isTable = !isSet && values.length >= 2 && values.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
    let found = key && (isSet || isTable) ? this.analysePair(node, key, linked ? constantNode(linked, object) : object) : undefined;
    if (found && isTable && ![...found.classes].some((k) => k !== 'locale' && k !== 'region' && k !== 'keyword')) found = undefined;
    if (found && isTable) found.table = true;
    this.analysed.set(node, found ? this.record(found) : null);
    if (found) this.comparisonList = undefined;
    return found && this.comparisonByNode.get(found.node);
  }

  /** The values of an object literal a node evaluates to (none for anything else). */
  private objectValues(node: Node): Value[] {
    const { value } = this.a.evaluate(node);
    return value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof RegExp) && !(value instanceof Many) ? Object.values(value as object) : [];
  }

  /** The values of a `Map` made from a literal list of entries (`new Map([["k", 1], …])`), directly or by a name for it. */
  private mapValues(node: Node): Value[] {
    let n = unwrap(node);
    if (n.type === 'Identifier') n = this.a.defs.soleDefinition(n) ?? n;
    const entries = n.type === 'NewExpression' && unwrap(n.callee).type === 'Identifier' && unwrap(n.callee).name === 'Map' ? unwrap(n.arguments[0] ?? n) : undefined;
    if (!entries) return [];
    if (entries.type !== 'ArrayExpression') {
      // Entries worked out (`new Map(Object.entries({ "Asia/Shanghai": true, … }))`).
      const pairs = this.a.value(entries);
      return Array.isArray(pairs) && pairs.length <= MAX_MAP_ENTRIES && pairs.every((e) => Array.isArray(e) && e.length === 2) ? pairs.map((e) => (e as Value[])[1]) : [];
    }
    const pairs = entries.elements as Array<Node | null>;
    return pairs.every((e) => e?.type === 'ArrayExpression' && e.elements.length === 2 && e.elements[1]) ? pairs.map((e) => this.a.value(e!.elements[1] as Node)) : [];
  }

  /** The comparison reported at a node (a candidate, or the `.some(...)` call of one), or the checks another module made of an input. */
  comparisonFor(node: Node): Comparison | undefined {
    // (A candidate can be an input too: `Regions.match(tz)` of another module's method.)
    return this.comparisonByNode.get(node) ?? (this.isCandidate(node) ? this.comparisonAt(node) : undefined) ?? this.checkedElsewhere(node);
  }

  /** A comparison already made at a node (no analysis started), or one made of an input in another module. */
  recordedAt(node: Node): Comparison | undefined {
    return this.comparisonByNode.get(node) ?? this.checkedElsewhere(node);
  }

  /**
   * An input that went through comparisons in the module it comes from (`check(zone())` returning
   * `ZONES.includes(z)`): those comparisons, as one, at the input, so channels and sinks here see
   * what it was checked against.
   */
  private checkedElsewhere(node: Node, words = false): Comparison | undefined {
    const key = this.a.modules.keyOf(node);
    const seed = key ? this.a.modules.seeds?.[key] : undefined;
    const cache = words ? this.elsewhereWords : this.elsewhere;
    let c = cache.get(node);
    if (c || !seed?.kinds) return c;
    // `check(["Asia/Shanghai", …])` of another module's `check(list)`, whose result compares a fingerprint with the list:
    // the comparison of this call's outcome with the list it hands over.
    // (And `inCn(tz)` of another module's factory given the list, `const inCn = makeChecker(["Asia/Shanghai", …])`.)
    if ((seed.compared?.length || seed.lists?.length) && node.type === 'CallExpression') {
      let found: Comparison | undefined;
      const lists = [...(seed.compared ?? []).map((i) => node.arguments[i]), ...(seed.lists ?? []).map((c) => constantNode(c, node))];
      for (const arg of lists) {
        const next = arg && arg.type !== 'SpreadElement' ? this.analysePair(node, node, arg) : undefined;
        if (!next) continue;
        if (found) mergeInto(found, next);
        else found = next;
      }
      if (found) {
        c = this.record(found);
        this.elsewhere.set(node, c);
        return c;
      }
    }
    // (Checks of organisation words count only for a channel that asks, as in one module.)
    const checks = words ? seed.checks : seed.checks?.filter((k) => !k.words);
    if (!checks?.length) return undefined;
    c = {
      node, flow: { kinds: seed.kinds, via: [node] }, classes: new Set(checks.flatMap((k) => k.classes) as ConstantClass[]),
      values: [...new Set(checks.flatMap((k) => k.values))], concealed: checks.some((k) => k.concealed),
      ...(checks.every((k) => k.endpoints) ? { endpoints: true as const } : {}),
    };
    cache.set(node, c);
    return c;
  }

  /**
   * The comparison a candidate node makes, merged with others reported at the
   * same place. `keepMisses: false` (the one pass over all candidates) does not
   * remember candidates that compare nothing: keying tens of thousands of
   * nodes costs more than the rare second look at one of them.
   */
  comparisonAt(node: Node, keepMisses = true): Comparison | undefined {
    const known = this.analysed.get(node);
    if (known !== undefined) return known ?? undefined;
    if (this.analysing.includes(node)) return undefined;
    this.analysing.push(node);
    let found: Comparison | undefined;
    try {
      found = this.analyseCandidate(node);
    } finally {
      this.analysing.pop();
    }
    if (!found) {
      if (keepMisses) this.analysed.set(node, null);
      return undefined;
    }
    const merged = this.record(found);
    this.analysed.set(node, merged);
    return merged;
  }

  /** Keeps a comparison, merged with one already reported at the same node. */
  private record(c: Comparison): Comparison {
    const existing = this.comparisonByNode.get(c.node);
    if (!existing) {
      this.comparisonByNode.set(c.node, c);
      return c;
    }
    mergeInto(existing, c);
    return existing;
  }

  /** The comparison a candidate makes: which side is the subject and which the constant. */
  private analyseCandidate(node: Node): Comparison | undefined {
    if (node.type === 'BinaryExpression') {
      return node.operator === 'in' ? this.analysePair(node, node.left, node.right) : this.analyseEither(node, node.left, node.right);
    }
    if (node.type === 'SwitchStatement') {
      // Every case counts: `case "Asia/Shanghai": case "Asia/Urumqi":` is one check of two zones,
      // judged as the list of its cases (three hosts in cases are no longer two in plain sight).
      const tests = (node.cases as Node[]).map((c) => c.test).filter((t): t is Node => !!t);
      if (tests.length > 1 && tests.every((t) => isLiteral(unwrap(t)))) {
        return this.analysePair(node, node.discriminant, { type: 'ArrayExpression', elements: tests, start: tests[0].start, end: tests[tests.length - 1].end, parent: node } as unknown as Node);
      }
      let found: Comparison | undefined;
      for (const t of tests) {
        const next = this.analysePair(node, node.discriminant, t);
        if (!next) continue;
        if (!found) found = next;
        else if (next.node === found.node) mergeInto(found, next);
      }
      return found;
    }
    if (!COMPARE_METHODS.has(methodName(node) ?? '')) {
      const indirect = this.compareCall(node);
      return indirect && this.analysePair(node, indirect.value, indirect.list);
    }
    const arg = node.arguments[0];
    return arg ? this.analyseEither(node, arg, unwrap(node.callee).object) : undefined;
  }

  /** `a` against `b`, then `b` against `a`; when one side is a literal, the other is the subject. */
  private analyseEither(node: Node, a: Node, b: Node): Comparison | undefined {
    if (isLiteral(b)) return this.analysePair(node, a, b);
    if (isLiteral(a)) return this.analysePair(node, b, a);
    return this.analysePair(node, a, b) ?? this.analysePair(node, b, a);
  }

  private analysePair(node: Node, subject: Node, constant: Node): Comparison | undefined {
    const s = unwrap(subject);
    if (s.type === 'Literal' || s.type === 'UnaryExpression' && s.operator === 'typeof') return undefined;
    // Most constants are plain literals such as "function" or 0: one classification per distinct value.
    const c = unwrap(constant);
    // `getTimezoneOffset() / -60 === 8`: hours east of UTC, as the offset of a place.
    const sign = c.type === 'Literal' && Number.isInteger(c.value) && c.value !== 0 && Math.abs(c.value) <= 14 ? this.offsetHours(subject) : 0;
    if (sign) {
      const flow = this.a.dataflow.flow(subject);
      if (!(flow.kinds & Kind.OFFSET)) return undefined;
      const east = sign * c.value;
      return { node: this.reportNode(node, constant), flow: { kinds: flow.kinds, via: flow.via }, classes: new Set(['offset']), values: [`UTC${east > 0 ? '+' : ''}${east}`], concealed: false };
    }
    if (this.isLabelledEntry(node, c)) {
      this.settledKinds |= this.a.dataflow.flow(subject).kinds;
      return undefined;
    }
    // `"Asia/Shanghai,Asia/Urumqi".indexOf(tz)`: a list kept as one text and searched for the value.
    const haystack = isSearchedText(node, subject, c);
    const literal = c.type === 'Literal' && (typeof c.value === 'string' || typeof c.value === 'number');
    if (literal ? !(haystack ? listInText(c.value).some((v) => this.mayBeSpecific(v)) : this.mayBeSpecific(c.value)) : !this.mayBeConstant(constant)) {
      // A constant another module exports (`import { ZONES }`): the linker tells what it holds. Meanwhile the value
      // compared with it is followed, so what it takes from other modules (`zone()` imported too) is an input as well.
      if (this.isImported(c)) {
        const f = this.a.dataflow.flow(subject);
        if (f.kinds & Kind.INPUT) this.a.modules.markReaching(f.via);
      }
      return undefined;
    }
    // The constant is evaluated and classified before any dataflow query:
    // evaluations are cached per binding and most constants are not specific.
    const { value, provenance } = this.a.evaluate(constant);
    let values = constantValues(value, node.type === 'BinaryExpression' && node.operator === 'in' || node.type === 'MemberExpression' || isKeyTest(node));
    if (haystack && values.length === 1 && typeof values[0] === 'string' && listInText(values[0]).length >= 2) values = listInText(values[0]);
    // Three or more values, or a decoded list of any length (`["Ynl0ZWRhbmNl", …].map(atob)`): names worth classifying.
    // (Two digests are a list too: `[2861316146, 1843117830].includes(hash(tz))`.)
    // (A pattern's alternatives are a list too: `/(megabank|initech|globex)/i.test(remote)`.)
    const isList = (value instanceof Many || Array.isArray(value) || value instanceof RegExp || haystack && values.length > 1) && (values.length >= 3 || provenance.decoded || this.words && values.length === 2 || values.length === 2 && values.every((v) => typeof v === 'number' && isHashNumber(v)));
    // Only values that could be specific under some source justify a dataflow query.
    const possible = values.filter((v) => (isList ? classifyConstant(v, ALL_KINDS | SETTING_KINDS, Kind, true) : this.mayBeSpecific(v)));
    if (!possible.length) return undefined;
    const flow = this.a.dataflow.flow(subject);
    if (!flow.kinds) return undefined;
    // An input may hold any kind: when nothing else is known of the value its comparisons are classified
    // for all (the linker tells which it holds); a value known to be an address stays one.
    let kinds = flow.kinds & Kind.INPUT && !(flow.kinds & ALL_KINDS) ? flow.kinds | ALL_KINDS : flow.kinds;
    // A value that may be the locale or an address (a bag of environment variables) is not compared as a locale:
    // `["TZ", "CI"].includes(name)` picks variables, it names no regions.
    if (flow.kinds & Kind.LOCALE && flow.kinds & (Kind.GATEWAY | Kind.PROXY | Kind.IDENTITY)) kinds &= ~Kind.LOCALE;
    const classes = new Set<ConstantClass>();
    const specific: string[] = [];
    // Organisation keywords are searched for inside an address (`host.includes("corp")`): a value equal to a
    // bare word (`["clone", "pull"].includes(args[0])`, `model === "opus"`) is a command or a name, not an organisation.
    // A Windows domain (`USERDOMAIN`, `USERDNSDOMAIN`) is itself an organisation's name: equal to a word, it is one.
    // So is an editor's name: `appName === "Cursor"` names its maker.
    // (A pattern's words count, unless a channel asks (wordsAt), only in a value that names an organisation itself:
    // patterns of ordinary words are run over addresses, error messages and commands everywhere,
    // `/(ENOTFOUND|ECONNREFUSED)/.test(err)`; a pattern picks its part of such a text itself,
    // `/github\.com[:/](megabank|initech)\//.test(gitConfig)`.)
    const pattern = value instanceof RegExp && !this.words;
    // (So does a short list of account names the user's own is equal to, `["jsmith", "mjones"].includes(process.env.USER)`:
    // those people; system and service accounts are no one's, see isOrganisationWord. A long list of bare words is a
    // vocabulary, such as a command's subcommands checked in an argument list the name is one item of.)
    const people = isList && possible.length <= MAX_NAMED_WORDS && this.namesPerson(flow);
    const wordsCount = (!pattern && (!isExactMatch(node, subject) || !!(flow.kinds & Kind.EDITOR) || people)) || this.namesOrganisation(flow, subject, pattern);
    // Minutes of an offset worked out by arithmetic (`Math.abs(offset) % 60 === 45`, a date library formatting
    // "+05:45") are no UTC offset of a place: only the offset itself, compared as read, is.
    // 45, 60, 120 are also character codes (`-`, `<`, `x`): an offset in that range counts only when the
    // value compared is the offset as read, not something it reaches through a program's helpers.
    const offsetRead = this.isOffsetRead(subject);
    // (Its size alone, `Math.abs(offset) === 480`, is still the offset of the places either side.)
    const derived = !offsetRead && this.isArithmetic(subject);
    for (const v of possible) {
      const cls = classifyConstant(v, kinds, Kind, isList);
      const charCode = typeof v === 'number' && v >= 32 && v <= 126 && !offsetRead;
      if (cls && (cls !== 'keyword' || wordsCount) && (cls !== 'offset' || !derived && !charCode)) { classes.add(cls); specific.push(shownValue(v)); }
    }
    // Two- and three-letter words pass for top-level domains in a list of hosts (`cn`); without one dotted
    // host beside them they are words (`sh`, `zsh`, `npm`, `go`).
    if (classes.has('host') && !specific.some((v) => v.includes('.'))) {
      const words = specific.filter((v) => /^[a-z]{2,3}$/i.test(v));
      if (words.length) {
        for (const w of words) specific.splice(specific.indexOf(w), 1);
        if (!specific.some((v) => isHost(v, true))) classes.delete('host');
      }
    }
    if (!specific.length || isFullZoneList(specific, classes, values)) return undefined;
    const strings = possible.filter((v) => typeof v === 'string').map(shownValue);
    const hidden = strings.filter((v) => !appearsIn(provenance, v));
    // Concealed: decoded (base64, XOR, char codes…); places and hosts also when split into pieces (`"Asia/" + "Shanghai"`),
    // not words joined at run time (`"claude-" + name`, a model name).
    // (Char codes decode from numbers: no string literal need be behind a decoded value.)
    const concealed = strings.length > 0 && (provenance.decoded || [...classes].some((c) => c !== 'keyword') && !provenance.literals.empty) && hidden.length > strings.length / 2;
    // The program's own endpoints (hosts it names in URLs, `https://api.vendor.com/...`): checking the gateway
    // against them is routing to first-party services, not a fingerprint of the user's organisation.
    const plainHosts = !concealed && classes.size === 1 && classes.has('host');
    // (Named in a URL outside the list itself: a list of origins, `["https://llm.corp.com", …]`, names no endpoint of its own.)
    if (plainHosts && specific.length <= MAX_FIRST_PARTY && specific.every((v) => this.isOwnHost(v) && this.namedOutside(v, constant))) return undefined;
    const encoded = concealed ? encodedLiteral(provenance.literals.all()) : undefined;
    const found: Comparison = { node: this.reportNode(node, constant), flow: { kinds: flow.kinds, via: flow.via }, classes, values: [...new Set(specific)], concealed, encoded };
    if (plainHosts && this.isEndpointList(found.values)) found.endpoints = true;
    // The gateway checked against one or two hosts in plain sight (`host === "api.vendor.com"`): routing as well,
    // unless it steers a covert channel (`["llm.initech.com", "ai.globex.net"].includes(host)` choosing a marker).
    if (plainHosts && !(flow.kinds & ~(Kind.GATEWAY | Kind.PROXY)) && isExactMatch(node, subject) && specific.length <= 2 && !isList) Object.assign(found, { endpoints: true, named: true });
    // The cloud region or the editor checked in plain sight: routing by where the program runs.
    if (!concealed && flow.kinds & SETTING_KINDS && !(flow.kinds & ~(SETTING_KINDS | Kind.INPUT))) found.endpoints = true;
    return found;
  }

  /**
   * `ZONES.map((z) => ({ label: z, selected: z === tz }))`: each entry of a list shown beside whether it is
   * the user's own (a picker's options), not a test of whether the value is one of them. The comparison is
   * with the `map` callback's entry and sits in the object it returns next to the entry itself.
   */
  private isLabelledEntry(node: Node, constant: Node): boolean {
    if (constant.type !== 'Identifier') return false;
    const b = this.a.scopes.resolve(constant);
    if (!b || b.kind !== 'param' || !this.a.defs.iteratedBy(b) || !b.decl.parent || methodName(b.decl.parent) !== 'map') return false;
    for (let n: Node | null | undefined = node.parent; n && n !== b.decl; n = n.parent) {
      if (n.type === 'ObjectExpression') {
        return n.properties.some((p: Node) => p.type === 'Property' && unwrap(p.value).type === 'Identifier' && this.a.scopes.resolve(unwrap(p.value)) === b);
      }
      if (n.type !== 'Property' && n.type !== 'ConditionalExpression' && n.type !== 'LogicalExpression' && n.type !== 'UnaryExpression') return false;
    }
    return false;
  }

  /** An imported name (`ZONES` of `import { ZONES }`) or a member of an imported namespace (`geo.ZONES`). */
  private isImported(node: Node): boolean {
    if (node.type === 'Identifier') return this.a.scopes.resolve(node)?.kind === 'import';
    return node.type === 'MemberExpression' && this.a.modules.namespaceOf(unwrap(node.object)) !== undefined;
  }

  /** A number computed from others (`%`, `/`, `*`, `Math.*`), directly or as a variable's only definition. */
  private isArithmetic(node: Node, depth = 0): boolean {
    const n = unwrap(node);
    if (n.type === 'BinaryExpression') return /^(?:%|\/|\*|\+|-|>>|>>>|<<|&|\|)$/.test(n.operator);
    if (n.type === 'CallExpression') return unwrap(n.callee).type === 'MemberExpression' && isMath(unwrap(n.callee).object);
    const def = n.type === 'Identifier' && depth < 3 ? this.a.defs.soleDefinition(n) : undefined;
    return !!def && this.isArithmetic(def, depth + 1);
  }

  /**
   * `getTimezoneOffset() / -60`, or a variable holding it: the offset in hours. Gives the sign
   * that turns the value into hours east of UTC (-1 for `/ 60`, which counts west), 0 otherwise.
   */
  private offsetHours(node: Node, depth = 0): number {
    const n = unwrap(node);
    if (n.type === 'BinaryExpression' && n.operator === '/') {
      const d = unwrap(n.right);
      const divisor = d.type === 'Literal' && d.value === 60 ? 1 : d.type === 'UnaryExpression' && d.operator === '-' && unwrap(d.argument).value === 60 ? -1 : 0;
      const left = unwrap(n.left);
      const negated = left.type === 'UnaryExpression' && left.operator === '-';
      return divisor && this.isOffsetRead(n.left) ? -divisor * (negated ? -1 : 1) : 0;
    }
    const def = n.type === 'Identifier' && depth < 3 ? this.a.defs.soleDefinition(n) : undefined;
    return def ? this.offsetHours(def, depth + 1) : 0;
  }

  /** `getTimezoneOffset()` itself, negated or its size (`Math.abs`), or a variable holding it. */
  private isOffsetRead(node: Node, depth = 0): boolean {
    const n = unwrap(node);
    if (n.type === 'UnaryExpression' && n.operator === '-') return this.isOffsetRead(n.argument, depth);
    if (n.type === 'CallExpression' && methodName(n) === 'abs' && isMath(unwrap(n.callee).object) && n.arguments.length === 1) return this.isOffsetRead(n.arguments[0], depth);
    if (n.type === 'CallExpression') return methodName(n) === 'getTimezoneOffset';
    const def = n.type === 'Identifier' && depth < 3 ? this.a.defs.soleDefinition(n) : undefined;
    return !!def && this.isOffsetRead(def, depth + 1);
  }

  /** Hosts the program names in http(s) URLs, and their registrable names. */
  private ownHosts(): { hosts: Set<string>; brands: Set<string>; at: Map<string, number[]> } {
    if (!this.own) {
      this.own = { hosts: new Set(), brands: new Set(), at: new Map() };
      for (const m of this.a.text.matchAll(/\bhttps?:\/\/([a-z0-9.-]+\.[a-z]{2,24})(?=[/:"'`?#\s]|$)/gi)) {
        const h = m[1].toLowerCase();
        this.own.hosts.add(h);
        addTo(this.own.at, h, m.index!);
      }
      for (const h of this.own.hosts) { const b = brandOf(h); if (b) this.own.brands.add(b); }
    }
    return this.own;
  }

  /** Whether a URL outside the constant compared (and the definition it names) names the host or a subdomain of it. */
  private namedOutside(host: string, constant: Node): boolean {
    const c = unwrap(constant);
    const def = c.type === 'Identifier' ? this.a.defs.soleDefinition(c) : undefined;
    const inside = (at: number) => [c, def].some((n) => !!n && at >= n.start && at < n.end);
    const h = bareHost(host);
    for (const [named, offsets] of this.ownHosts().at) {
      if ((named === h || named.endsWith('.' + h)) && offsets.some((at) => !inside(at))) return true;
    }
    return false;
  }

  /** Whether the program names a host in a URL of its own (`https://api.vendor.com/v1`), itself or a subdomain. */
  isOwnHost(host: string): boolean {
    const h = bareHost(host);
    const { hosts } = this.ownHosts();
    if (hosts.has(h)) return true;
    for (const u of hosts) if (u.endsWith('.' + h)) return true;
    return false;
  }

  /**
   * A list of hosts most of which are known endpoints: the program's own (named in its URLs, or under
   * the same names) and public API, cloud and telemetry services. Checking the gateway against it is
   * routing or an allowlist of endpoints (the rest are taken as more of the same), not a search for
   * organisations.
   */
  private isEndpointList(hosts: string[]): boolean {
    const { brands } = this.ownHosts();
    return hosts.filter((h) => this.isOwnHost(h) || isKnownEndpoint(h, brands)).length > hosts.length / 2;
  }

  /** A comparison inside `list.some(x => ...)` is reported at the `.some(...)` call. */
  private reportNode(node: Node, constant: Node): Node {
    const c = unwrap(constant);
    const inner = c.type === 'Identifier' ? c : c.type === 'BinaryExpression' ? [c.left, c.right].find((n: Node) => n.type === 'Identifier') : undefined;
    const b = inner ? this.a.scopes.resolve(inner) : undefined;
    if (b && this.a.defs.iteratedBy(b)) return (b.decl as Node).parent!;
    return node;
  }

  /**
   * The organisation words a check compares an address or identity with (`name.startsWith("megabank-")`,
   * `["megabank", "initech"].includes(d)`), asked for a check that steers a channel: the pass over all
   * candidates skips single words and pairs of them (there are tens of thousands of `x === "word"`).
   */
  wordsAt(node: Node): Comparison | undefined {
    // (An input whose words were checked in another module: see checkedElsewhere.)
    if (!this.isCandidate(node)) return this.checkedElsewhere(node, true);
    this.words = true;
    try {
      return this.analyseCandidate(node);
    } finally {
      this.words = false;
    }
  }

  /**
   * Whether a check that compares nothing specific compares an address or identity with one organisation's
   * word (`name.startsWith("megabank-")`, a Windows domain `=== "MEGABANK"`): its outcome still carries the
   * value, so that a channel it steers can count the organisations across such checks (wordsAt).
   */
  isWordCheck(node: Node, f: Flow): boolean {
    // (A value from another module may be any of them: the linker tells.)
    const kinds = (f.kinds & Kind.INPUT ? f.kinds | ALL_KINDS : f.kinds) & (Kind.GATEWAY | Kind.PROXY | Kind.IDENTITY);
    if (!kinds) return false;
    let subject: Node | undefined;
    let word: Node | undefined;
    if (node.type === 'BinaryExpression' && (node.operator === '===' || node.operator === '==')) [subject, word] = isLiteral(node.right) ? [node.left, node.right] : [node.right, node.left];
    else if (node.type === 'CallExpression' && /^(?:startsWith|endsWith|includes|indexOf)$/.test(methodName(node) ?? '') && node.arguments.length === 1) [subject, word] = [unwrap(node.callee).object, node.arguments[0]];
    // A pattern of a few organisations' words searched for in the value (`/^(?:megabank|initech)[-_]/.test(user)`):
    // each word counts, without the separators around it.
    const pattern = node.type === 'CallExpression' && methodName(node) === 'test' && node.arguments.length === 1 ? this.a.value(unwrap(node.callee).object) : undefined;
    const re = pattern instanceof RegExp ? pattern : undefined;
    if (re) subject = node.arguments[0];
    // (Also each word of a short list: `["megabank", "initech"].some((w) => name.includes(w))`.)
    const value = re ? distinctParts(regexWords(re)) : word && (isLiteral(word) || unwrap(word).type === 'Identifier') ? this.a.value(word) : undefined;
    const words = value instanceof Many ? value.values : Array.isArray(value) ? value : [value];
    if (words.length > MAX_NAMED_WORDS || !words.every((v) => typeof v === 'string' && isOrganisationWord(v) && classifyConstant(v, kinds, Kind) === 'keyword')) return false;
    return !isExactMatch(node, subject!) || this.namesOrganisation(f, subject!);
  }

  /**
   * Whether a value was read from a source that names an organisation itself: a Windows domain, a git remote or
   * configuration (the remote's owner, the user's e-mail domain), the DNS search domain, a Kerberos realm;
   * with `searched`, also such a text searched whole by a pattern.
   */
  private namesOrganisation(f: Flow, subject: Node, searched = false): boolean {
    const labels = f.via.map((n) => this.readLabel(n) ?? '');
    return labels.some((l) => ORGANISATION_SOURCE.test(l)) || labels.some((l) => ORGANISATION_PART_SOURCE.test(l)) && (searched || this.isPart(subject));
  }

  /** Whether a value is the user's account name and nothing else of the environment. */
  private namesPerson(f: Flow): boolean {
    if (f.kinds & ~(Kind.IDENTITY | Kind.INPUT)) return false;
    const labels = f.via.map((n) => this.readLabel(n)).filter((l) => l !== undefined);
    return labels.length > 0 && labels.every((l) => PERSON_SOURCE.test(l));
  }

  /** What a source reads (`process.env.USER`), here or, for a value another module gives, there (its seed names it: `…, read at who.js:1:30 (process.env.USER)`). */
  private readLabel(n: Node): string | undefined {
    return this.a.sources.match(n)?.label ?? / \((.+)\)$/.exec(this.a.dataflow.inputSource(n)?.label ?? '')?.[1];
  }

  /**
   * A part taken of a text read from a source that names an organisation (`m[1]` of `re.exec(cfg)`,
   * `mail.split("@").pop()`, in any letter case), followed back to the read itself within a few steps:
   * not the text as read, and not a value that merely met such a read in a helper far away.
   */
  private isPart(node: Node, depth = 0, taken = false): boolean {
    const n = unwrap(node);
    if (depth > 6) return false;
    if (taken && ORGANISATION_PART_SOURCE.test(this.a.sources.match(n)?.label ?? '')) return true;
    if (n.type === 'MemberExpression') return n.computed && this.isPart(n.object, depth + 1, true);
    if (n.type === 'CallExpression') {
      const m = methodName(n) ?? '';
      if (m === 'exec' && n.arguments.length === 1) return this.isPart(n.arguments[0], depth + 1, true);
      if (PART_METHODS.has(m)) return this.isPart(unwrap(n.callee).object, depth + 1, true);
      return /^(?:toLowerCase|toUpperCase|trim|toString)$/.test(m) && this.isPart(unwrap(n.callee).object, depth + 1, taken);
    }
    if (n.type !== 'Identifier') return false;
    const b = this.a.scopes.resolve(n);
    const defs = b && b.kind !== 'param' ? this.a.defs.definitions(b) : [];
    return defs.length <= 3 && defs.some((d) => this.isPart(d, depth + 1, taken));
  }

  /** Could one constant (not in a list) be specific under some source? Cached by value. */
  private mayBeSpecific(v: string | number): boolean {
    if (this.words) return !!classifyConstant(v, ALL_KINDS | SETTING_KINDS, Kind, false);
    let known = this.specificValues.get(v);
    if (known === undefined) {
      const cls = classifyConstant(v, ALL_KINDS | SETTING_KINDS, Kind, false);
      known = !!cls && cls !== 'keyword';
      this.specificValues.set(v, known);
    }
    return known;
  }

  isCandidate(node: Node): boolean {
    if (node.type === 'BinaryExpression') return COMPARE_OPS.has(node.operator) || node.operator === 'in';
    if (node.type !== 'CallExpression') return false;
    const method = methodName(node) ?? '';
    if (COMPARE_METHODS.has(method)) return true;
    if (method === 'call' || method === 'apply' || method === 'hasOwn') return !!this.compareCall(node);
    const callee = unwrap(node.callee);
    return callee.type === 'Identifier' && this.bound.has(callee.name) && !!this.compareCall(node);
  }

  /** `has = Set.prototype.has.bind(set)` (a comparison method bound to its list), by the name that holds it. */
  boundTo(name: string, bind: Node): void {
    this.bound.set(name, bind);
  }

  /**
   * The list and the value of a comparison method run indirectly: `Array.prototype.includes.call(list, v)`,
   * `.apply(list, [v])`, `Reflect.apply(Array.prototype.includes, list, [v])`, or a bound `has(v)`.
   */
  private compareCall(node: Node): { list: Node; value: Node } | undefined {
    const callee = unwrap(node.callee);
    const method = methodName(node);
    const first = (n: Node | undefined) => { const a = n && unwrap(n); return a?.type === 'ArrayExpression' ? a.elements[0] as Node | undefined : undefined; };
    const compares = (f: Node | undefined) => {
      let t = f && unwrap(f);
      if (t?.type === 'Identifier') t = this.a.defs.soleDefinition(t);
      return !!t && t.type === 'MemberExpression' && COMPARE_METHODS.has(propertyName(t) ?? '');
    };
    let shape: { list?: Node; value?: Node; target?: Node } = {};
    if (method === 'apply' && unwrap(callee.object).type === 'Identifier' && unwrap(callee.object).name === 'Reflect') shape = { target: node.arguments[0], list: node.arguments[1], value: first(node.arguments[2]) };
    else if (method === 'call') shape = { target: callee.object, list: node.arguments[0], value: node.arguments[1] };
    else if (method === 'apply') shape = { target: callee.object, list: node.arguments[0], value: first(node.arguments[1]) };
    // `Object.hasOwn(table, tz)`: a test of the table's keys.
    else if (method === 'hasOwn' && unwrap(callee.object).type === 'Identifier' && unwrap(callee.object).name === 'Object') return node.arguments.length === 2 ? { list: node.arguments[0], value: node.arguments[1] } : undefined;
    else if (callee.type === 'Identifier') {
      const bind = this.bound.get(callee.name);
      if (bind && this.a.scopes.resolve(callee)?.decl === bind.parent) shape = { target: unwrap(bind.callee).object, list: bind.arguments[0], value: node.arguments[0] };
    }
    return shape.list && shape.value && compares(shape.target) ? { list: shape.list, value: shape.value } : undefined;
  }

  /** A class's name: a class, a function declaration, or a name given a function or an IIFE's result (`var C = function () {…}()`). */
  private isClassName(id: Node): boolean {
    const b = this.a.scopes.resolve(id);
    if (b?.kind === 'class' || b?.kind === 'function') return true;
    const def = b && b.kind !== 'param' && b.kind !== 'import' ? this.a.defs.soleDefinition(id) : undefined;
    const d = def && unwrap(def);
    return !!d && (isFunction(d) || d.type === 'CallExpression' && isFunction(unwrap(d.callee)) && !d.arguments.length);
  }

  /**
   * Cheap filter before evaluating: could this expression be a constant? Literals,
   * bindings with one constant definition, calls of known functions or decoders.
   */
  mayBeConstant(node: Node, depth = 0): boolean {
    node = unwrap(node);
    if (depth > 10) return false;
    switch (node.type) {
      case 'Literal': return typeof node.value === 'string' || typeof node.value === 'number' || !!regexOf(node);
      // A callback (`list.map((s) => atob(s))`) is evaluated with the list.
      case 'TemplateLiteral': case 'ArrayExpression': case 'ObjectExpression': return true;
      // A short callback (`list.map((s) => atob(s))`) is evaluated with the list; a long one is not a decoder.
      case 'ArrowFunctionExpression': case 'FunctionExpression': return node.end - node.start <= MAX_CALLBACK;
      // (`String.fromCharCode(...codes)`: the items spread.)
      case 'UnaryExpression': case 'SpreadElement': return this.mayBeConstant(node.argument, depth + 1);
      // `new Set([…])`, `new Set()` filled by `add` calls, and `new TextDecoder()` decoding constant bytes.
      case 'NewExpression': return node.arguments.length === 1 ? this.mayBeConstant(node.arguments[0], depth + 1) : node.arguments.length === 0 && unwrap(node.callee).type === 'Identifier' && /^(?:Set|TextDecoder)$/.test(unwrap(node.callee).name);
      case 'Identifier': {
        const b = this.a.scopes.resolve(node);
        // `list.map(atob)`: a global decoder passed by name.
        if (!b) return isModelledFunction(node);
        let known = this.constantBindings.get(b);
        if (known === undefined) {
          this.constantBindings.set(b, false);
          if (b.kind === 'param') { const arg = this.a.defs.iteratedBy(b) ?? this.a.defs.argumentOf(b); known = !!arg && this.mayBeConstant(arg, depth + 1); }
          else if (b.kind === 'import') known = !!this.a.modules.constantOf(b.id);
          // (A short function declaration passed by name, `list.map(decode)`, is a callback like one written there.)
          else if (b.kind === 'function') {
            const arg = parenthesised(node);
            known = isFunction(b.decl) && b.decl.end - b.decl.start <= MAX_CALLBACK && arg.parent?.type === 'CallExpression' && !!arg.parent.arguments.includes(arg);
          }
          else if (b.kind === 'class' || b.kind === 'catch') known = false;
          else {
            // `for (const x of list)`: each item of the list.
            const list = this.a.defs.loopList(b) ?? this.a.defs.loopItem(b)?.list;
            const defs = list ? [list] : this.a.defs.definitions(b).filter((d) => !(d.type === 'Literal' && d.value === null));
            known = defs.length === 1 && this.mayBeConstant(defs[0], depth + 1);
          }
          this.constantBindings.set(b, known);
        }
        return known;
      }
      case 'BinaryExpression': return this.mayBeConstant(node.left, depth + 1) && this.mayBeConstant(node.right, depth + 1);
      case 'MemberExpression': {
        // (`(t = n(876)).ZONES`, as a minifier writes the first use of a value it keeps: what is assigned.)
        const held = unwrap(node.object);
        const obj = held.type === 'AssignmentExpression' && held.operator === '=' ? unwrap(held.right) : held;
        if (obj.type === 'CallExpression' && this.a.defs.moduleFactoryOf(obj)) return true;
        if (isModelledFunction(node)) return true;
        if (this.a.modules.namespaceOf(obj) !== undefined) return !!this.a.modules.constantOf(node);
        // `config.zones` of `import { config }` (`n(384).$.zones` in a webpack chunk): a member of an object another module exports.
        if ((obj.type === 'Identifier' && this.a.scopes.resolve(obj)?.kind === 'import' || obj.type === 'MemberExpression') && this.a.modules.importOf(obj) && this.a.modules.constantOf(node)) return true;
        // `this.zones` in a method of an object literal or a class, `Probe.zones` of a class's static field: the one value that member is given.
        // (Also of a class written as a function for ES5, `C.LIST = […]` or `_defineProperty(C, "LIST", […])`.)
        if (obj.type === 'ThisExpression' || obj.type === 'Identifier' && this.isClassName(obj)) {
          const key = propertyName(node);
          const values = key === undefined ? [] : this.a.defs.propertyValues(obj, key);
          return values.length === 1 && this.mayBeConstant(values[0], depth + 1);
        }
        // `cfg.env.geo.zones`: a member of a member.
        return (obj.type === 'Identifier' || obj.type === 'ArrayExpression' || obj.type === 'ObjectExpression' || obj.type === 'MemberExpression') && this.mayBeConstant(obj, depth + 1);
      }
      case 'CallExpression': {
        // A bundled module's exports (`places = require_places()`): its members may be constants.
        if (this.a.defs.moduleFactoryOf(node)) return true;
        // `require("./deny")` of another module of the program: what the linker found its value holds.
        if (this.a.modules.namespaceOf(node) !== undefined) return !!this.a.modules.constantOf(node);
        // (Also `require_deny()` of a loader another chunk of a split build exports.)
        if (this.a.modules.loadedConstant(node)) return true;
        const callee = unwrap(node.callee);
        // (`String.fromCharCode.apply(null, codes)`: the `this` given is no value compared.)
        const args = node.arguments.every((a: Node) => a.type === 'Literal' && a.value === null || this.mayBeConstant(a, depth + 1));
        if (callee.type === 'MemberExpression') {
          const obj = unwrap(callee.object);
          // `zlib.inflateSync(bytes)`, `crypto.createDecipheriv(alg, key, iv)`: decoders of constants (decoders.ts).
          if (isDecoderName(propertyName(callee))) return args;
          return args && (obj.type === 'Identifier' && /^(?:String|Buffer|JSON|Object|Array|Uint8Array)$/.test(obj.name) || this.mayBeConstant(callee.object, depth + 1));
        }
        if (callee.type !== 'Identifier') return false;
        if (/^(?:atob|decodeURIComponent|unescape)$/.test(callee.name) || isDecoderName(callee.name)) return args;
        // `const { gunzipSync: A } = require("zlib")`: a decoder under another name.
        const alias = this.a.defs.soleDefinition(callee);
        if (alias && isDecoderName(propertyName(alias))) return args;
        const fn = this.a.defs.functionOf(callee);
        if (fn) return args && (this.a.defs.decoders.has(fn) || fn.params.length === 0 && this.a.defs.returnsOf(fn).every((r) => this.mayBeConstant(r, depth + 1)));
        const wrapped = this.a.defs.memoisedFunction(callee);
        return !!wrapped && this.a.defs.returnsOf(wrapped).every((r) => this.mayBeConstant(r, depth + 1));
      }
    }
    return false;
  }
}

/** A constant as findings show it: a suffix's leading dot or an e-mail domain's `@` dropped (`.corp.com`, `@corp.com` show `corp.com`). */
function shownValue(v: string | number): string {
  return String(v).replace(/^[.@](?=[a-z0-9])/i, '');
}

/** Equality or membership (`===`, `switch`, `list.includes(x)`, `set.has(x)`), not a search inside the subject. */
function isExactMatch(node: Node, subject: Node): boolean {
  if (node.type !== 'CallExpression') return true;
  // (`/^(?:localhost|127\.0\.0\.1)$/.test(h)`: a pattern anchored at both ends matches whole values.)
  const re = methodName(node) === 'test' ? regexOf(unwrap(unwrap(node.callee).object)) : undefined;
  if (re) return /^\^/.test(re.pattern) && /[^\\]\$$/.test(re.pattern);
  return isKeyTest(node) || node.arguments[0] === subject && /^(?:includes|has|indexOf|lastIndexOf)$/.test(methodName(node) ?? '');
}

/** A test of an object's keys: `table.hasOwnProperty(tz)`, `Object.prototype.hasOwnProperty.call(table, tz)`, `Object.hasOwn(table, tz)`. */
function isKeyTest(node: Node): boolean {
  if (node.type !== 'CallExpression') return false;
  const method = methodName(node);
  if (method === 'hasOwnProperty' || method === 'hasOwn') return true;
  const target = method === 'call' || method === 'apply' ? unwrap(unwrap(node.callee).object) : undefined;
  return target?.type === 'MemberExpression' && propertyName(target) === 'hasOwnProperty';
}

/** Adds what another comparison at the same place found. */
function mergeInto(existing: Comparison, c: Comparison): void {
  for (const v of c.values) if (!existing.values.includes(v)) existing.values.push(v);
  for (const k of c.classes) existing.classes.add(k);
  existing.concealed ||= c.concealed;
  existing.encoded ??= c.encoded;
  if (!c.endpoints || existing.concealed) delete existing.endpoints;
  if (!c.named || !existing.endpoints || existing.values.length > 2) delete existing.named;
  if (!c.table) delete existing.table;
  existing.flow = union(existing.flow, c.flow);
}


/** The literal a decoded value most likely came from: the longest one it read. */
export function encodedLiteral(literals: Node[]): Node | undefined {
  return literals.reduce<Node | undefined>((best, l) => (!best || l.end - l.start > best.end - best.start ? l : best), undefined);
}

/** A list of zones across the world is validation or a picker, not a place check. */
function isFullZoneList(values: string[], classes: Set<ConstantClass>, all: Array<string | number>): boolean {
  if (!classes.has('zone') || classes.size !== 1) return false;
  return isZonePicker(values, all.some(isUtcZone));
}
/** Strings and numbers a constant stands for (list entries, set members, object keys, regex text). */
/** `text.includes(v)`, `text.indexOf(v)`: the value searched for in a constant text. */
function isSearchedText(node: Node, subject: Node, text: Node): boolean {
  return node.type === 'CallExpression' && unwrap(node.callee).object === text && unwrap(node.arguments[0]) === unwrap(subject) && /^(?:includes|indexOf|lastIndexOf)$/.test(methodName(node) ?? '');
}

/** The items of a list written as one text (`"Asia/Shanghai,Asia/Urumqi"`, `"a.com|b.net"`); none when it is one item. */
function listInText(text: string | number): string[] {
  if (typeof text !== 'string' || text.length > 100_000) return [];
  const items = text.split(/[\s,;|]+/).filter(Boolean);
  return items.length >= 2 ? items : [];
}

/** Two or more values, all one flag (`true` or `1`): the values of an object used as a set. */
function isFlagList(values: Value[]): boolean {
  return values.length >= 2 && values.every((v) => v === values[0] && (v === 1 || v === true));
}

/** An object whose values are all one flag (`true` or `1`): a set of its keys. */
export function isFlagSet(value: Value): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Many) && !(value instanceof RegExp) && isFlagList(Object.values(value as object));
}

export function constantValues(value: Value, keys: boolean): Array<string | number> {
  const out: Array<string | number> = [];
  const add = (v: Value) => {
    if (typeof v === 'string' || typeof v === 'number') out.push(v);
    else if (v instanceof RegExp) out.push(...patternWords(v));
  };
  if (value === UNKNOWN || value == null) return out;
  if (value instanceof Many) value.values.forEach(add);
  else if (Array.isArray(value)) value.forEach(add);
  else if (keys && typeof value === 'object' && !(value instanceof RegExp)) out.push(...Object.keys(value as object));
  else add(value);
  return out.slice(0, 5000);
}

/**
 * The words in which the strings a pattern matches differ, without the separators around them: a pattern's
 * shared host or prefix is not one of the words it searches for (`/github\.com[:/](megabank|initech)\//` gives
 * `megabank`, `initech`).
 */
function distinctParts(strings: string[]): string[] {
  const all = [...new Set(strings)];
  let head = 0;
  let tail = 0;
  if (all.length > 1) {
    const shortest = Math.min(...all.map((w) => w.length));
    while (head < shortest && all.every((w) => w[head] === all[0][head])) head++;
    while (tail < shortest - head && all.every((w) => w[w.length - 1 - tail] === all[0][all[0].length - 1 - tail])) tail++;
  }
  const trimmed = all.map((w) => w.slice(head, w.length - tail).replace(/^[-_.@:/]+|[-_.:/]+$/g, ''));
  return [...new Set(trimmed.filter((w) => w && !/[:/]/.test(w)))];
}

/** What a pattern searches for: its alternatives, and where they share an address around them, the parts that differ. */
function patternWords(re: RegExp): string[] {
  const words = regexWords(re);
  const parts = words.length > 1 && words.some((w) => /[:/]/.test(w) && !isAreaZone(w)) ? distinctParts(words) : [];
  return [...words, ...parts.filter((p) => !words.includes(p))];
}

/** Literal alternatives of a regex: `/^Asia\/(Shanghai|Urumqi)$/` gives its zone names. */
function regexWords(re: RegExp): string[] {
  const all = regexLanguage(re.source);
  if (all) return all.filter((w) => w !== '');
  const src = re.source.replace(/\\(.)/g, '$1');
  const zone = /((?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/)\(?([A-Za-z_|]+)\)?/.exec(src);
  if (zone) return zone[2].split('|').map((z) => zone[1] + z);
  return src.replace(/^\^|\$$/g, '').replace(/[()]/g, '').split('|').filter((w) => /^[\w.\-/]+$/.test(w));
}

/** Strings a regex may match at most (a bigger language is not spelled out). */
const MAX_LANGUAGE = 256;

/**
 * Every string a small regex matches, when it is made of literal text, groups of
 * alternatives, optional parts and anchors (`(?:^|\.)(?:deepseek|zhipu)\.(?:com|cn)$`
 * gives `deepseek.com`, `.deepseek.com`, …); undefined for anything else (classes,
 * repetition, any character).
 */
export function regexLanguage(source: string): string[] | undefined {
  let i = 0;
  const alternatives = (): string[] | undefined => {
    let out = sequence();
    while (out && source[i] === '|') {
      i++;
      const next = sequence();
      out = next && out.length + next.length <= MAX_LANGUAGE ? out.concat(next) : undefined;
    }
    return out;
  };
  const sequence = (): string[] | undefined => {
    let acc = [''];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      let atom: string[] | undefined;
      const c = source[i];
      if (c === '(') {
        i++;
        if (source.startsWith('?:', i)) i += 2;
        else if (source[i] === '?') return undefined;
        atom = alternatives();
        if (!atom || source[i] !== ')') return undefined;
        i++;
      } else if (c === '\\') {
        const n = source[i + 1];
        if (n === 'b' || n === 'B') atom = [''];
        else if (n === undefined || /[A-Za-z0-9]/.test(n)) return undefined;
        else atom = [n];
        i += 2;
      } else if (c === '[') {
        // A class of a few plain characters (`[-_]`); ranges and negation are not spelled out.
        const end = source.indexOf(']', i + 1);
        const chars = end > i + 1 ? source.slice(i + 1, end) : '';
        if (!chars || /^\^|[^-]-[^\]]|\\/.test(chars) || chars.length > 8) return undefined;
        atom = [...chars];
        i = end + 1;
      } else if (c === '^' || c === '$') { atom = ['']; i++; }
      else if ('[]{}*+.?'.includes(c)) return undefined;
      else { atom = [c]; i++; }
      if (source[i] === '?') { i++; atom = [...atom, '']; }
      else if (source[i] !== undefined && '*+{'.includes(source[i])) return undefined;
      const next: string[] = [];
      for (const a of acc) for (const b of atom) next.push(a + b);
      if (next.length > MAX_LANGUAGE) return undefined;
      acc = next;
    }
    return acc;
  };
  const words = alternatives();
  return words && i === source.length ? [...new Set(words)] : undefined;
}
