// Module facts: what one module imports and exports, the inputs those give the
// dataflow, and the summary the linker joins across modules (link.ts).
//
// An input is a value that comes from outside the module: an imported binding
// or namespace member (ES `import`, `require`, `import()`), the result of
// calling an imported function at one call site, or a parameter of an
// exported function. On a module's own, an input flows as Kind.INPUT, so the
// analysis learns which inputs reach a comparison, a covert channel or a sink
// without knowing what they hold; the linker then computes what each input
// holds across the program, and only modules where a real fingerprint reaches
// such a site are analysed again, with those inputs seeded.
import { builtinModules } from 'module';
import { SAYS_WHAT_IT_IS } from './paths';
import { addTo, awaitedArgument, COMPARE_METHODS, GLOBAL_OBJECTS, isFunction, isLiteral, isLogicalAssignment, keyName, methodName, nullishParts, parenthesised, propertyName, thenPromise, unwrap, type FunctionNode, type Node } from './ast';
import { isChannelText } from './characters';
import type { Binding, ScopeResolver } from './scope';
import { forEachChild } from './walk';

/** What flows into a value: source kinds read in this module, and the inputs it comes from. */
export interface Fact {
  kinds: number;
  /** Input keys (see ModuleSummary.inputs). */
  from: string[];
  /** Where a source of it is read, and what: "line:column (label)" in this module. */
  at?: string;
  /** Comparisons with specific constants it went through here (`zones.includes(tz)` returned by `check(tz)`). */
  checks?: Check[];
  /** For an object literal passed to another module's function (`make({ hit: check() })`): its members', by name. */
  members?: Record<string, Fact>;
  /** For an instance of an imported class passed to another module (`new Prompt(new Geo())`): that class. */
  made?: { spec: string; name: string };
  /** For a list of specific places or hosts passed to another module's function (`check(["Asia/Shanghai", …])`): what it holds. */
  constant?: Constant;
  /** For a function written in place as a member of an object passed to another module (`register({ check: () => … })`): what it returns. */
  returns?: Fact;
}

/** A comparison a value went through in another module, as the channels and sinks it reaches need it. */
export interface Check {
  values: string[];
  classes: string[];
  concealed?: true;
  endpoints?: true;
  /** The gateway equal to one or two hosts in plain sight (see Comparison.named). */
  named?: true;
  /** Organisation words a channel counts (see Comparisons.wordsAt), not a comparison by itself. */
  words?: true;
}

export type InputDef =
  /** An imported value: `import { x } from "m"`, `ns.x`, `require("m").x`. */
  | { type: 'value'; spec: string; name: string }
  /**
   * The result of one call of an imported function, with what its arguments hold (`args`, every
   * caller of the enclosing function merged). Inside an exported function, `in` is its export
   * name and `own` the same arguments with its parameters as inputs only (when they differ from
   * `args`): the linker then gives each outside caller of `in` its own result of this call. For a call of the
   * closure an imported factory made here (`inCn(tz)` of `const inCn = makeChecker(ZONES)`), `factory` is the
   * input key of that factory's call. `builtin` marks a method named as a built-in one is (`Regions.match(tz)`):
   * only once the linker found the other module defines it is the call an input (see Modules.inputOf). `inlined`
   * marks a call in a helper of this module as one call of that helper makes it (see Modules.inlinedInput).
   */
  | { type: 'call'; spec: string; name: string; args: Fact[]; own?: Fact[]; in?: string; key?: string; factory?: string; builtin?: true; inlined?: true }
  /**
   * A parameter of a function this module exports; with `member`, one member of it (`env.hit` of `make(env)`);
   * with `method`, what calling that method of it returns (`this.g.inRegion()` of `constructor(g)`); with
   * `called`, what calling it without arguments returns (`check()` of `withFlag(check, cb)`).
   */
  | { type: 'param'; name: string; index: number; member?: string; method?: string; called?: true }
  /**
   * Parameter `param` of a function passed as argument `arg` to an imported function, which calls it (`withZone((tz) => …)`);
   * with `member`, one member of it (`e.corp` of `bus.on("env", (e) => …)`).
   */
  | { type: 'callback'; spec: string; name: string; arg: number; param: number; key?: string; member?: string };

/** A list or string a module exports that names specific places, hosts or organisations (for comparisons in other modules). */
export interface Constant {
  /** Strings, or numbers for a list of digests (`[3040424833, …]` compared with a hash). */
  values: Array<string | number>;
  /** The values do not appear as such in the exporting module's text (decoded there). */
  concealed: boolean;
  /** One string, not a list (`export const P = "QXNpYS9…"`, which the importer decodes and splits). */
  text?: true;
  /** The keys of an object used as a set (`export const ZONES = { "Asia/Shanghai": true, … }`, read as `ZONES[tz]`). */
  keys?: true;
  /**
   * Code another module can evaluate on its own instead of `values`: a small decoding function
   * (`(s) => Buffer.from(s, "base64").toString()`), or a value made with imported ones
   * (`ENC.map(decode)`), whose imported names `uses` gives, local name to `${spec}#${name}`.
   */
  code?: string;
  uses?: Record<string, string>;
}

export interface ExportFacts {
  value: Fact;
  constant?: Constant;
  /** For a function: what it returns (its parameters appear as `param` inputs). */
  returns?: Fact;
  /** For a function that calls its own parameters (`cb(tz)`): what it passes them, by parameter index. */
  calls?: Record<string, Fact[]>;
  /** For a class: what its instances hold, by member (`this.zone = tz` in its constructor, a field `zone = tz`). */
  instance?: Fact;
  /** For a function: the parameters (by index) it sends in a request it makes. */
  sends?: number[];
  /** For a function: the export name of this module's class whose instance it returns (`Probe.create` makes a `Probe`). */
  makes?: string;
}

/** What the linker needs of one module; small and serialisable (it is cached with the file's result). */
export interface ModuleSummary {
  inputs: Record<string, InputDef>;
  exports: Record<string, ExportFacts>;
  /** `export { a as b } from "m"` (name "a", as "b") and `export * from "m"` (name and as "*"). */
  reexports: Array<{ spec: string; name: string; as: string }>;
  /** Inputs that reach a comparison, a channel or a sink in this module. */
  reaching: string[];
  /** Imported values compared as constants here: `${spec}#${name}`. */
  constants?: string[];
  /** Parameters of exported functions read as constants here, `${name}:${index}`: what callers in other modules pass. */
  paramConstants?: string[];
  /** Imported functions this module hands data to, asked whether they send it: `${spec}#${name}`. */
  senders?: string[];
  /**
   * Relative specifiers of modules this one loads whose names do not say JavaScript (`require("../lib/app.dat")`,
   * `require("./core")`): Node runs such a file as JavaScript, so the scanner reads it as a module of the program.
   */
  loads?: string[];
  /** Specifiers this module answers besides its path: `webpack:536` for the module factories of a webpack chunk. */
  provides?: string[];
  /** What this module assigns to members of other modules' objects (`state.zone = tz` of `import { state }`), by member name. */
  puts?: Array<{ spec: string; name: string; value: Fact }>;
  /**
   * What this module keeps in objects it exports itself, by export name and member or key: `registry.base = v`, and
   * with `store`, `registry.set("base", v)` (see STORE_PUT); importers that read that member or key get it. Key `*`
   * is an object merged in whole (`Object.assign(config, detect())`): a member read is that member of it.
   */
  keeps?: Array<{ name: string; key: string; value: Fact; store?: true }>;
}

/** Methods that put a value under a key, and methods that get it back (`store.set("tz", v)`, `store.get("tz")`). */
const STORE_PUT_METHODS = ['set', 'setItem', 'put', 'store', 'save', 'setValue'];
export const STORE_PUT = new RegExp(`^(?:${STORE_PUT_METHODS.join('|')})$`);
export const STORE_GET = /^(?:get|getItem|read|load|lookup|retrieve|getValue)$/;

/** What the linker found an input holds, for a module's second analysis. */
export interface Seed {
  kinds: number;
  /** For an imported constant (key `k${spec}#${name}`): what it holds. */
  constant?: Constant;
  /** Where it comes from, for the evidence chain: "time zone, from ./tz.js (tz.js:3:9)". */
  label: string;
  /** Comparisons with specific constants it went through in other modules. */
  checks?: Check[];
  /** For an imported function (key `s${spec}#${name}`): the arguments it sends in a request. */
  sends?: number[];
  /** For a call of another module's function: the arguments (lists of places or hosts) its result is a comparison with. */
  compared?: number[];
  /** For a call of the closure another module's factory made: the lists it was given that its result is a comparison with. */
  lists?: Constant[];
}
export type Seeds = Record<string, Seed>;

const BUILTINS = new Set(builtinModules);
/** Members every array, string, object or function has (`LIST.some(…)` of an imported list is no method of its module). */
const BUILTIN_MEMBERS = new Set([Array.prototype, String.prototype, Object.prototype, Function.prototype].flatMap((p) => Object.getOwnPropertyNames(p)));
/** Members of promises and iterators, which a call's result has whatever the function is. */
const PROTOCOL_MEMBERS = new Set(['then', 'catch', 'finally', 'next', 'return', 'throw', 'value', 'done']);
const REQUIRE_NAMES = ['require', '__require'];
/** `createRequire` under another name: `import { createRequire as c }`, `const { createRequire: c } = require("module")`. */
const CREATE_REQUIRE_ALIAS = /\bcreateRequire\s*(?:as\s+|:\s*)([\w$]+)/g;
/** `= (0, m.`, `= module.`, `= `: what stands between a name and the `createRequire` it is assigned the result of. */
const ASSIGNED_BEFORE = /([\w$]+)\s*=\s*\(?(?:0\s*,\s*)?(?:[\w$]+\.)?$/;
const CALLED_NEXT = /^\)?\s*\(/;
/** esbuild's require shim, minified too: `var i = (e => typeof require < "u" ? require : …)(function (e) { … })`. */
const REQUIRE_SHIM = /([\w$]+)\s*=\s*(?:\/\*[^*]*\*\/\s*)?\(\s*\(?\s*[\w$]+\s*\)?\s*=>\s*$/;

/**
 * The names `require` goes by in a module's text: `require`, esbuild's `__require`, and what a
 * `createRequire(…)` call or a bundler's require shim is assigned to (`U6("os")` of Claude Code's bundle).
 */
export function requireNamesIn(text: string): Set<string> {
  const names = new Set(REQUIRE_NAMES);
  if (text.includes('createRequire')) {
    // `r = createRequire(import.meta.url)`, also `(0, m.createRequire)(…)`, `module.createRequire(…)` and an alias, `r = c(…)`:
    // each place the name is called, and the name assigned just before it (one regex over a large bundle backtracks at
    // every identifier).
    for (const fn of ['createRequire', ...[...text.matchAll(CREATE_REQUIRE_ALIAS)].map((m) => m[1])]) {
      for (let at = text.indexOf(fn); at >= 0; at = text.indexOf(fn, at + fn.length)) {
        if (/[\w$]/.test(text[at - 1] ?? '') && text[at - 1] !== '.' || /[\w$]/.test(text[at + fn.length] ?? '')) continue;
        if (!CALLED_NEXT.test(text.slice(at + fn.length, at + fn.length + 8))) continue;
        const m = ASSIGNED_BEFORE.exec(text.slice(Math.max(0, at - 48), at));
        if (m) names.add(m[1]);
      }
    }
  }
  // (Matched before each `typeof require`, not over the whole text: such a pattern backtracks at every identifier.)
  for (let at = text.indexOf('typeof require'); at >= 0; at = text.indexOf('typeof require', at + 14)) {
    const m = /[\w$]/.test(text[at + 14] ?? '') ? null : REQUIRE_SHIM.exec(text.slice(Math.max(0, at - 120), at));
    if (m) names.add(m[1]);
  }
  return names;
}
/** The specifier of a webpack module by id (`n(536)`), answered by the chunk file that holds it. */
export const WEBPACK = 'webpack:';
/** The specifier of state every module of a program shares: members of `globalThis` and of `process.env` (see globalSlot). */
export const GLOBAL = '<global>';
/** The methods of `process` that emit or listen for an event. */
const PROCESS_EVENTS = new Set(['emit', 'on', 'once', 'addListener', 'prependListener']);
/** Writes that set a member to a constant or set its bits: a flag. */
const FLAG_WRITES = new Set(['=', '|=', '&=', '^=']);
/** Members of `window` a browser defines (Node defines the rest of the standard ones): no state a program sets. */
const BROWSER_GLOBALS = new Set(['navigator', 'location', 'document', 'localStorage', 'sessionStorage', 'screen', 'history', 'chrome', 'top', 'parent', 'opener', 'frames', 'innerWidth', 'innerHeight', 'devicePixelRatio']);
const INTEROP_NAMES = /^(?:__importStar|__importDefault|__toESM|__toCommonJS|_interopRequire\w*|_interop_require\w*)$/;

/** Most members kept of an object literal passed to another module (see Fact.members). */
const MAX_ARG_MEMBERS = 16;
/** Object literals within one followed at most this deep (`ctx.env.clock.zone`). */
const MAX_MEMBER_DEPTH = 3;
/** Names and members followed at most this deep to find what is imported. */
const MAX_IMPORT_DEPTH = 16;
/** Members of an exported object literal looked at for constants (`config.zones`), and how deep (`config.geo.zones`). */
const MAX_CONSTANT_MEMBERS = 32;
const MAX_CONSTANT_DEPTH = 2;
/** Longest exported function, and value, kept as code for other modules (see Constant.code). */
const MAX_PORTABLE_FUNCTION = 600;
const MAX_PORTABLE_VALUE = 2000;
/** Longest exported object of functions, or class, kept as code for a module that chooses between two (see variantCode). */
const MAX_VARIANT = 1000;
/** Code that makes a second version of text: a replace, a split and join, a pad, a cut at the end, a format, a look-alike or invisible character. */
const VERSION_CODE = /\.(?:replace|replaceAll|split|join|padEnd|padStart|normalize|toISOString|toLocale\w*|toUpperCase|toLowerCase)\b|\.(?:slice|substring|substr)\(\s*0\s*,\s*(?:-|[\w$.]+\.length\s*-)|\\u[0-9a-fA-F]{4}|\\u\{|[^\x00-\x7f]/;
/** What a decoding function calls or computes: base64, character codes, XOR, compression, ciphers, reversal. */
const DECODING_CODE = /\b(?:atob|Buffer|fromCharCode|fromCodePoint|charCodeAt|codePointAt|parseInt|inflate\w*|gunzip\w*|unzip\w*|brotliDecompress\w*|createDecipheriv|decodeURIComponent|unescape|TextDecoder|reverse)\b|\^/;

/** A name that is no reference: a member's or a property's key (`o.key`, `{ key: v }`). */
function isPropertyKey(id: Node): boolean {
  const p = id.parent;
  return !!p && ((p.type === 'MemberExpression' && p.property === id && !p.computed) || ((p.type === 'Property' || p.type === 'MethodDefinition' || p.type === 'PropertyDefinition') && p.key === id && !p.computed && !p.shorthand));
}

/** What an argument holds; for an object literal, also what each member that holds something does. */
function withMembers(arg: Node, of: (node: Node) => Fact, classOf: (node: Node, f: Fact) => Fact, returnsOf?: (fn: FunctionNode) => Fact, depth = 0): Fact {
  const f = of(arg);
  const o = unwrap(arg);
  // (Also members that are instances of imported classes, `new Agent({ env: new Probe() })`, and functions
  // written in place, `register({ check: () => … })`, for what they return.)
  if (o.type !== 'ObjectExpression' || !f.kinds && !f.from.length && !(o.properties as Node[]).some((p) => p.type === 'Property' && (unwrap(p.value).type === 'NewExpression' || !!returnsOf && isFunction(unwrap(p.value))))) return f;
  const members: Record<string, Fact> = {};
  let n = 0;
  for (const p of o.properties as Node[]) {
    const key = p.type === 'Property' && !p.computed ? keyName(p) : undefined;
    if (key === undefined || n >= MAX_ARG_MEMBERS) continue;
    const value = unwrap(p.value);
    const returned = returnsOf && isFunction(value) ? returnsOf(value as FunctionNode) : undefined;
    // (An object literal within, `{ env: { clock: { zone } } }`, for `ctx.env.clock.zone`.)
    const m = returned ? { kinds: 0, from: [], returns: returned }
      : value.type === 'ObjectExpression' && depth < MAX_MEMBER_DEPTH ? withMembers(value, of, classOf, returnsOf, depth + 1) : classOf(p.value, of(p.value));
    if (m.kinds || m.from.length || m.made || returned && (returned.kinds || returned.from.length)) { members[key] = m; n++; }
  }
  return n ? { ...f, members } : f;
}

/** The argument a parameter (or a member of one, `env.hit`, `env.clock.zone`) takes from a call's arguments. */
export function argumentFact(args: Fact[], d: { index: number; member?: string; called?: true }): Fact | undefined {
  // (A parameter called, given a function written in place: what it returns, `check(() => zone())`.)
  const a = d.called && d.member === undefined ? args[d.index]?.returns ?? args[d.index] : args[d.index];
  return memberAt(a, d.member);
}

/** A member of what a fact holds, by its path (`env.clock.zone`); the fact itself without one. */
export function memberAt(fact: Fact | undefined, path: string | undefined): Fact | undefined {
  if (path === undefined) return fact;
  let f = fact;
  for (const key of path.split('.')) f = f?.members?.[key];
  return f;
}

/**
 * The `new C()` an expression gives: itself, or kept on the way (`inst || (inst = new Env())`, `C.i ??= new C()`, also
 * as compilers lower `??=`: `(_a = C.i) !== null && _a !== void 0 ? _a : (C.i = new C())`, and the last of a sequence).
 */
function madeInstance(n: Node): Node | undefined {
  n = unwrap(n);
  if (n.type === 'NewExpression') return n;
  if (n.type === 'AssignmentExpression' && (n.operator === '=' || isLogicalAssignment(n))) return madeInstance(n.right);
  if (n.type === 'LogicalExpression') return madeInstance(n.right) ?? madeInstance(n.left);
  if (n.type === 'ConditionalExpression') return madeInstance(nullishParts(n)?.right ?? n.alternate) ?? madeInstance(n.consequent);
  return undefined;
}

/** An object or array literal of literals only (`{ sep: "/", temperature: 0.7 }`). */
function isLiteralData(n: Node, depth = 0): boolean {
  if (n.type === 'Literal') return !n.regex;
  if (n.type === 'UnaryExpression') return n.operator === '-' && n.argument.type === 'Literal';
  if (depth > 3) return false;
  if (n.type === 'ArrayExpression') return (n.elements as Array<Node | null>).every((e) => !!e && isLiteralData(e, depth + 1));
  return n.type === 'ObjectExpression' && (n.properties as Node[]).every((p) => p.type === 'Property' && !p.computed && !p.method && isLiteralData(p.value, depth + 1));
}

/** Argument facts of several calls, position by position. */
function mergeArgs(calls: Fact[][]): Fact[] {
  const byIndex: Fact[][] = [];
  for (const args of calls) args.forEach((f, i) => (byIndex[i] ??= []).push(f));
  // (With the checks each went through: `cb(ZONES.includes(tz))` hands the callback a check's outcome.)
  return Array.from(byIndex, (facts) => mergeFacts(facts ?? []));
}

/** Adds what one fact holds (kinds, inputs, where it is read) to another. */
function addFact(to: Fact, f: Fact): void {
  to.kinds |= f.kinds;
  for (const k of f.from) if (!to.from.includes(k)) to.from.push(k);
  if (!to.at && f.kinds && f.at) to.at = f.at;
}

/** One fact for values that may be any of several: their kinds, inputs and checks together. */
function mergeFacts(facts: Fact[]): Fact {
  const out: Fact = { kinds: 0, from: [] };
  for (const f of facts) {
    addFact(out, f);
    if (f.checks?.length) out.checks = [...out.checks ?? [], ...f.checks];
  }
  return out;
}

function sameFact(a: Fact, b: Fact): boolean {
  return a.kinds === b.kinds && a.at === b.at && a.from.length === b.from.length && a.from.every((k, i) => k === b.from[i]);
}

const programSpecs = new Map<string, boolean>();

/** A specifier another module of the program could answer (not a Node built-in). */
function isProgramSpec(spec: unknown): spec is string {
  if (typeof spec !== 'string' || !spec) return false;
  let known = programSpecs.get(spec);
  if (known === undefined) {
    known = !spec.startsWith('node:') && !spec.startsWith('bun:') && !BUILTINS.has(spec) && !BUILTINS.has(spec.split('/')[0]);
    if (programSpecs.size < 10_000) programSpecs.set(spec, known);
  }
  return known;
}

function stringOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked;
  return undefined;
}

/** `require("m")` / `__require("m")` (or another of the module's `names` for require): the specifier. */
export function requiredSpec(node: Node, names: Set<string>): string | undefined {
  if (node.type !== 'CallExpression' || node.arguments.length !== 1) return undefined;
  const callee = unwrap(node.callee);
  const named = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && propertyName(callee) === 'require' ? 'require' : undefined;
  return named && names.has(named) ? stringOf(node.arguments[0]) : undefined;
}

/**
 * The call that runs a function as a module of AMD or UMD: `define([…], fn)`, or a UMD wrapper given `fn` (its own
 * function tests `define.amd`); for AMD, the `define` call with the list of what each parameter is given.
 */
function loaderFactoryOf(fn: Node): Node | undefined {
  const call = isFunction(fn) ? parenthesised(fn).parent : undefined;
  if (call?.type !== 'CallExpression' || call.arguments[call.arguments.length - 1] !== parenthesised(fn)) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier' && callee.name === 'define') return call;
  return isUmdWrapper(callee) ? call : undefined;
}

/** What each parameter of an AMD factory is given: the list of `define([…], fn)` (`"./geo"`, `"os"`, `"exports"`), else undefined. */
export function amdDependencies(fn: Node): Array<Node | null> | undefined {
  const define = loaderFactoryOf(fn);
  const list = define && define.arguments.length >= 2 ? unwrap(define.arguments[0]) : undefined;
  return list?.type === 'ArrayExpression' ? list.elements : undefined;
}

/**
 * The dependencies of a SystemJS module (rollup's `system` format): `System.register(["./geo.js"], function (exports) {…})`,
 * also with a name first, whose function is given `exports` and returns `{ setters, execute }`.
 */
export function systemDependencies(fn: Node): Array<Node | null> | undefined {
  const call = isFunction(fn) ? parenthesised(fn).parent : undefined;
  if (call?.type !== 'CallExpression' || call.arguments[call.arguments.length - 1] !== parenthesised(fn) || call.arguments.length < 2) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== 'MemberExpression' || propertyName(callee) !== 'register' || unwrap(callee.object).type !== 'Identifier' || unwrap(callee.object).name !== 'System') return undefined;
  const list = unwrap(call.arguments[call.arguments.length - 2]);
  return list.type === 'ArrayExpression' ? list.elements : undefined;
}

/** The module a setter of a SystemJS module is given: `m` of `setters: [function (m) { zone = m.zone; }]`, the dependency at its place. */
function systemSetterDependency(b: Binding): Node | null | undefined {
  const setter = parenthesised(b.decl);
  const list = setter.parent;
  const prop = list?.type === 'ArrayExpression' ? list.parent : undefined;
  if (b.decl.params[0] !== b.id || prop?.type !== 'Property' || keyName(prop) !== 'setters' || prop.parent?.type !== 'ObjectExpression') return undefined;
  let fn = prop.parent.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  return fn ? systemDependencies(fn)?.[list!.elements.indexOf(setter)] : undefined;
}

/** A relative specifier of a file whose name does not say it is JavaScript, JSON or native code (see ModuleSummary.loads). */
const isUnnamedScript = (spec: string) => /^\.\.?\/./.test(spec) && !spec.endsWith('/') && !SAYS_WHAT_IT_IS.test(spec);

/** A UMD wrapper: a function of one parameter (the factory) that tests `define.amd`. */
function isUmdWrapper(fn: Node): boolean {
  return isFunction(fn) && fn.params.length === 1 && fn.end - fn.start < 2000 && testsDefineAmd(fn.body);
}

/** Whether code reads `define.amd`, as a UMD wrapper does to choose its loader. */
function testsDefineAmd(n: Node): boolean {
  if (n.type === 'MemberExpression' && propertyName(n) === 'amd' && unwrap(n.object).type === 'Identifier' && unwrap(n.object).name === 'define') return true;
  let found = false;
  forEachChild(n, (c) => { if (!found && testsDefineAmd(c)) found = true; });
  return found;
}

/** `(0, f)` and `(0, ns.f)`, the call forms of tsc, babel and webpack: the function. */
export function calleeOf(callee: Node): Node {
  let c = unwrap(callee);
  // (`(0, m.f)()`, and `Object(m.f)()` as webpack 4 calls an import.)
  for (;;) {
    if (c.type === 'SequenceExpression') c = unwrap(c.expressions[c.expressions.length - 1]);
    else if (c.type === 'CallExpression' && c.arguments.length === 1 && unwrap(c.callee).type === 'Identifier' && unwrap(c.callee).name === 'Object' && unwrap(c.arguments[0]).type === 'MemberExpression') c = unwrap(c.arguments[0]);
    else return c;
  }
}

function soleReturn(returns: Node[]): Node | undefined {
  return returns.length === 1 ? returns[0] : undefined;
}

/** The argument a plain parameter of a function called in place takes (`(function (_super) {…}(Base))`). */
function inPlaceArgument(b: Binding): Node | undefined {
  const fn = b.decl;
  if (!isFunction(fn) || b.id.parent !== fn) return undefined;
  const call = parenthesised(fn).parent;
  const i = fn.params.indexOf(b.id);
  return call?.type === 'CallExpression' && call.callee === parenthesised(fn) && i >= 0 ? call.arguments[i] : undefined;
}

/** The arguments a call passes to the function it runs: `f.call(t, a)` and `f.apply(t, [a])` pass `a`. */
export function callArguments(call: Node): Node[] {
  const callee = unwrap(call.callee);
  const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  if (method === 'call') return call.arguments.slice(1);
  const list = method === 'apply' && call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
  return method !== 'apply' ? call.arguments : list?.type === 'ArrayExpression' ? list.elements.filter(Boolean) : [];
}

interface Host {
  text: string;
  scopes: ScopeResolver;
  definitions(b: Binding): Node[];
  returnsOf(fn: FunctionNode): Node[];
  /** What a function's call resolves to: its returns, or what a compiler's lowered async body returns (`__awaiter(…)`). */
  resultsOf(fn: FunctionNode): Node[];
  functionOf(node: Node): FunctionNode | undefined;
  /** The constructor function `new C()` runs when C is no class (tsc's and babel's classes for ES5). */
  constructorOf(node: Node): FunctionNode | undefined;
  classOf(node: Node): Node | undefined;
  /** The methods on a constructor function's prototype, for the function or `new C()`. */
  prototypeMethods(node: Node): Array<[string, FunctionNode]>;
  staticMethods(fn: FunctionNode): Array<[string, FunctionNode]>;
  /** The members a namespace object is given by getters (`__export(ns, { zone: () => zone })`), by key. */
  namespaceGetters(id: Node): Array<[string, Node[]]>;
  /** The exports of the bundled module a loader name loads (`require_policy` of `__commonJS({…})`), by key. */
  loaderExports(loader: Node): Array<[string, Node]>;
  webpackImportOf(call: Node): string | undefined;
  paramCalls(fn: FunctionNode): Map<number, Node[]>;
  /** The calls a function is given to, with the argument's index (see Definitions.givenTo). */
  givenTo(fn: FunctionNode): Array<readonly [Node, number]>;
  webpackImports(): Node[];
  chunkExports(): Map<string, Map<string, Node[]>>;
  /** The modules a chunk's module re-exports whole, by the module's id: their loading calls (`n(251)`). */
  chunkStars(): Array<[string, Node]>;
  /** Factories of a module map that only load another module by name, by id (Definitions.loadingFactories). */
  loadingFactories(): Array<[string, Node]>;
  /** What the bundled module factory a call loads sets `module.exports` to. */
  moduleValues(call: Node): Node[];
  /** The names `require` goes by in the module (requireNamesIn). */
  requireNames: Set<string>;
  /** What a built-in module offers that reads a fingerprint (sources.ts builtinSources). */
  builtinSources(spec: string): Array<{ name: string; kind: number; value?: true }>;
  /** Line and column of an offset, for where a source is read. */
  position(offset: number): { line: number; column: number };
  /** Assignments to members: `o.key = v` and `o.p.key = v`. */
  memberWrites(): Iterable<Node>;
  /** Calls of a method of any object by the method's name. */
  methodCalls(name: string): Node[];
  /** A computed key worked out to a string, if it is one. */
  constantKey(node: Node): string | undefined;
  /** What a lowered async function awaits where it reads the result (`_a.sent()`), or undefined for other nodes. */
  sentValues(node: Node): Node[] | undefined;
  /** The outer binding a TypeScript namespace's parameter fills (Definitions.filledBy). */
  filledBy(b: Binding): Binding | undefined;
}

/** The methods of an exported object literal by their export names (see memberName). */
function objectMethods(name: string, object: Node): Array<[string, FunctionNode]> {
  const out: Array<[string, FunctionNode]> = [];
  for (const p of object.properties as Node[]) {
    const key = p.type === 'Property' && !p.computed ? (p.key.type === 'Identifier' ? p.key.name : typeof p.key.value === 'string' ? p.key.value : undefined) : undefined;
    if (key !== undefined && isFunction(p.value)) out.push([memberName(name, key), p.value as FunctionNode]);
  }
  return out;
}

/**
 * The export name of a member of an exported object: a default export's members are used like a
 * namespace's (`T.read()`), also a webpack module's `module.exports` (`26:default` gives `26:read`).
 */
export function memberName(name: string, key: string): string {
  if (name === 'default') return key;
  return name.endsWith(':default') ? name.slice(0, -'default'.length) + key : `${name}.${key}`;
}

/** `get zone() {…}` of a class or an object literal. */
function isGetter(node: Node): boolean {
  const p = node.parent;
  if (!isFunction(node) || p?.type !== 'MethodDefinition' && p?.type !== 'Property' || p.value !== node) return false;
  // (Also `{ get: function () {…} }` of a descriptor, as tsc and babel write a class's getter for ES5.)
  return p.kind === 'get' || p.type === 'Property' && keyName(p) === 'get' && isDescriptor(p.parent);
}

/** `{ get, enumerable, configurable }` given to `Object.defineProperty`, or `{ key: "zone", get }` of babel's `_createClass`. */
function isDescriptor(o: Node | null | undefined): boolean {
  return o?.type === 'ObjectExpression' && (o.properties as Node[]).some((q) => q.type === 'Property' && /^(?:key|enumerable|configurable)$/.test(keyName(q) ?? ''));
}

function patternNames(pattern: Node): string[] {
  if (pattern.type === 'Identifier') return [pattern.name];
  if (pattern.type === 'ObjectPattern') return pattern.properties.flatMap((p: Node) => patternNames(p.type === 'RestElement' ? p.argument : p.value));
  if (pattern.type === 'AssignmentPattern') return patternNames(pattern.left);
  return [];
}

export class ModuleFacts {
  /** Export name → the local expression or function it names. */
  private exportNodes?: Map<string, Node>;
  private exportedFunctions?: Map<FunctionNode, string>;
  private readonly reexports: ModuleSummary['reexports'] = [];
  private readonly keys = new Map<Node, string>();
  private readonly defs = new Map<string, InputDef>();
  private readonly reaching = new Set<string>();
  private readonly constantUses = new Set<string>();
  private readonly paramConstantUses = new Set<string>();
  /** Imported functions asked whether they send what this module hands them: `${spec}#${name}`. */
  private readonly sendUses = new Set<string>();

  constructor(private readonly ast: Node, private readonly host: Host, readonly seeds?: Seeds) {}

  /** The names `require` goes by in the module. */
  get requireNames(): Set<string> {
    return this.host.requireNames;
  }

  /** Does the module take anything from other modules of the program, or give anything to them? */
  get linked(): boolean {
    return this.defs.size > 0 || this.constantUses.size > 0 || this.paramConstantUses.size > 0 || this.sendUses.size > 0 || this.exports().size > 0 || this.reexports.length > 0 || this.sharesState() || this.offeringBuiltins().size > 0;
  }

  private builtinFactories?: Map<string, { call: Node; offered: ReturnType<Host['builtinSources']> }>;
  /** The module factories that load a built-in module offering fingerprint reads (`857(e) { e.exports = require("os") }`), by id. */
  private offeringBuiltins(): Map<string, { call: Node; offered: ReturnType<Host['builtinSources']> }> {
    if (this.builtinFactories) return this.builtinFactories;
    this.builtinFactories = new Map();
    for (const [id, call] of this.host.loadingFactories()) {
      const callee = unwrap(call.callee);
      const offered = callee.type === 'Identifier' && this.host.requireNames.has(callee.name) ? this.host.builtinSources(call.arguments[0].value) : [];
      if (offered.length) this.builtinFactories.set(id, { call, offered });
    }
    return this.builtinFactories;
  }

  /** The module specifier an expression stands for as a whole: a namespace import, `require("m")`, `await import("m")`. */
  namespaceOf(node: Node, depth = 0): string | undefined {
    node = unwrap(node);
    // (`(_a.sent()).inRegion` after `return [4, import("./geo")]`: a compiler's lowered `await`.)
    const sent = (node.type === 'CallExpression' || node.type === 'MemberExpression') && depth < 3 ? this.host.sentValues(node) : undefined;
    if (sent?.length === 1) return this.namespaceOf(sent[0], depth + 1);
    switch (node.type) {
      // (Also `yield import("./geo")` in the generator a compiler runs as an async function, `_asyncToGenerator(function* () {…})`.)
      case 'AwaitExpression': case 'YieldExpression': { const awaited = awaitedArgument(node); return awaited && this.namespaceOf(awaited, depth); }
      // `m.default` of an interop helper's result (`__importDefault(require("m")).default`) is the CommonJS module.
      case 'MemberExpression': return propertyName(node) === 'default' && unwrap(node.object).type === 'Identifier' && this.isInteropResult(unwrap(node.object)) ? this.namespaceOf(node.object, depth) : undefined;
      case 'ImportExpression': { const s = stringOf(node.source); return isProgramSpec(s) ? s : undefined; }
      // babel's interop written in place: `(o = n(89)) && o.__esModule ? o : { default: o }` is the module.
      case 'ConditionalExpression':
        return node.test.end - node.test.start < 200 && this.host.text.slice(node.test.start, node.test.end).includes('__esModule') ? this.namespaceOf(node.consequent, depth) : undefined;
      case 'CallExpression': {
        const id = this.host.webpackImportOf(node);
        if (id !== undefined) return WEBPACK + id;
        // (A `require` that is a parameter is a bundle's own loader, browserify's `function (require, module, exports)`, unless an AMD or UMD factory's:
        // what it loads is a module of this file.)
        const s = requiredSpec(node, this.host.requireNames);
        const callee = unwrap(node.callee);
        const b = callee.type === 'Identifier' ? this.host.scopes.resolve(callee) : undefined;
        if (isProgramSpec(s) && (b?.kind !== 'param' || this.isModuleName(callee))) return s;
        // A bundled module whose value is another module: Parcel's lazy import,
        // `module.exports = Promise.resolve(require("./geo.js")).then(() => parcelRequire("9KeGd"))`.
        const value = depth < 3 ? this.host.moduleValues(node) : [];
        const held = value.length === 1 ? this.namespaceOf(value[0], depth + 1) : undefined;
        if (held) return held;
        // webpack's lazy load: `n.e(985).then(() => n(793))`, `n.e(985).then(n.bind(n, 793))`.
        const loaded = methodName(node) === 'then' && depth < 3 ? node.arguments[0] : undefined;
        if (loaded && isFunction(loaded)) {
          const r = this.host.returnsOf(loaded);
          return r.length === 1 ? this.namespaceOf(r[0], depth + 1) : undefined;
        }
        const bound = loaded && unwrap(loaded).type === 'CallExpression' && methodName(unwrap(loaded)) === 'bind' ? unwrap(loaded) : undefined;
        if (bound?.arguments.length === 2) {
          const id = this.host.webpackImportOf({ ...bound, callee: unwrap(bound.callee).object, arguments: [bound.arguments[1]] });
          return id === undefined ? undefined : WEBPACK + id;
        }
        // A function of this file that loads a module and returns it, `function getPolicy() { return require("./policy"); }` (a lazy require).
        const returned = depth < 3 ? this.loaderReturns(node) : [];
        const lazy = returned.length === 1 ? this.namespaceOf(returned[0], depth + 1) : undefined;
        if (lazy) return lazy;
        // tsc/babel/esbuild interop helpers (`__importStar(require("m"))`, `__toESM(require_m())`) return the module.
        const inner = node.arguments.length >= 1 ? this.namespaceOf(node.arguments[0], depth) : undefined;
        return inner && this.isInteropHelper(node) ? inner : undefined;
      }
      case 'Identifier': {
        const b = this.host.scopes.resolve(node);
        if (!b) return undefined;
        if (b.kind === 'import') return b.decl.type === 'ImportNamespaceSpecifier' || b.decl.type === 'ImportDefaultSpecifier' ? this.importSource(b) : undefined;
        // `import("./env.js").then((m) => m.zone())`: the callback's parameter is the module.
        const promise = b.kind === 'param' ? thenPromise(b.decl, b.id) : undefined;
        if (promise) return depth > 2 ? undefined : this.namespaceOf(promise, depth + 1);
        if (b.kind === 'param') return this.amdDependency(b);
        if (b.kind === 'function' || b.kind === 'class' || depth > 2) return undefined;
        const defs = this.host.definitions(b);
        return defs.length === 1 ? this.namespaceOf(defs[0], depth + 1) : undefined;
      }
    }
    return undefined;
  }

  /**
   * Whether `require`, `exports` or `module` is the module system's own: a global, or a parameter of the function
   * an AMD `define([…], function (require, exports, …) {…})` or a UMD wrapper (`(function (factory) { … define.amd …
   * })(function (require, exports) {…})`, as tsc writes them) runs the module in. (A bundle's own loader passed as a
   * parameter, browserify's `function (require, module, exports)`, is not.)
   */
  private isModuleName(id: Node): boolean {
    const b = this.host.scopes.resolve(id);
    return !b || b.kind === 'param' && !!loaderFactoryOf(b.decl);
  }

  /** `v` of a UMD wrapper's `var v = factory(require, exports)`: what the function the wrapper is given returns. */
  private isFactoryResult(node: Node): boolean {
    const n = unwrap(node);
    const b = n.type === 'Identifier' ? this.host.scopes.resolve(n) : undefined;
    const defs = b ? this.host.definitions(b) : [];
    const call = defs.length === 1 ? unwrap(defs[0]) : undefined;
    const callee = call?.type === 'CallExpression' ? unwrap(call.callee) : undefined;
    const factory = callee?.type === 'Identifier' ? this.host.scopes.resolve(callee) : undefined;
    return factory?.kind === 'param' && isUmdWrapper(factory.decl);
  }

  /**
   * `probe_1` of AMD's `define(["require", "exports", "./probe"], function (require, exports, probe_1) {…})`: the module it is given;
   * and `m` of a SystemJS module's setter (see systemSetterDependency).
   */
  private amdDependency(b: Binding): string | undefined {
    const spec = amdDependencies(b.decl)?.[(b.decl.params as Node[]).indexOf(b.id)] ?? systemSetterDependency(b);
    const s = spec ? stringOf(spec) : undefined;
    return isProgramSpec(s) ? s : undefined;
  }

  private isInteropResult(id: Node): boolean {
    const b = this.host.scopes.resolve(id);
    // (An AMD module's parameter wrapped in place, `geo_1 = __importDefault(geo_1)`, as tsc writes a default import.)
    if (b?.kind === 'param') return !!this.amdDependency(b) && this.host.definitions(b).some((d) => unwrap(d).type === 'CallExpression' && this.isInteropHelper(unwrap(d)));
    const defs = b && b.kind !== 'import' ? this.host.definitions(b) : [];
    return defs.length === 1 && unwrap(defs[0]).type === 'CallExpression' && this.isInteropHelper(unwrap(defs[0]));
  }

  /** tsc, babel and esbuild interop helpers test or set `__esModule`; minified, that string is what is left of their name. */
  isInteropHelper(call: Node): boolean {
    const callee = calleeOf(call.callee);
    const fn = this.host.functionOf(callee);
    if (!fn) return callee.type === 'Identifier' && INTEROP_NAMES.test(callee.name);
    return fn.end - fn.start < 2000 && this.host.text.slice(fn.start, fn.end).includes('__esModule');
  }

  private importSource(b: Binding): string | undefined {
    const s = stringOf(b.decl.parent?.source);
    return isProgramSpec(s) ? s : undefined;
  }

  /** A CommonJS module required whole (`const Probe = require("./probe")`): its value, the `default` export. */
  private wholeModuleOf(node: Node): { spec: string; name: string } | undefined {
    const spec = this.namespaceOf(node);
    // (A webpack chunk exports each of its modules' values under the module's id.)
    return spec ? { spec, name: spec.startsWith(WEBPACK) ? `${spec.slice(WEBPACK.length)}:default` : 'default' } : undefined;
  }

  /** The imported value an expression is, if any: an imported binding, or a member of a module namespace. */
  importOf(node: Node, depth = 0): { spec: string; name: string } | undefined {
    node = unwrap(node);
    // (A name defined by a member of itself, `t = t.parent`, would loop.)
    if (depth > MAX_IMPORT_DEPTH) return undefined;
    // `makeCheck()` of an imported factory, called in turn: the closure it returns.
    if (node.type === 'CallExpression') {
      const inherited = this.superPropertyImport(node, depth);
      if (inherited) return inherited;
      const maker = this.importOf(calleeOf(node.callee), depth + 1);
      return maker && !maker.name.endsWith('()') ? { spec: maker.spec, name: `${maker.name}()` } : undefined;
    }
    if (node.type === 'Identifier') {
      const b = this.host.scopes.resolve(node);
      // `const { f } = await import("m")`, `const f = require("m").f`: a local name for a member.
      if (b && (b.kind === 'const' || b.kind === 'let' || b.kind === 'var')) {
        const defs = this.host.definitions(b);
        const def = defs.length === 1 ? unwrap(defs[0]) : undefined;
        // (`const isHit = makeFlag(); isHit()`: called, a name for the closure an imported factory made; and
        // `const Probe = require_probe(); new Probe()`: made, a name for the class an imported loader gives.)
        const callee = parenthesised(node);
        const called = def?.type === 'CallExpression' && (callee.parent?.type === 'CallExpression' || callee.parent?.type === 'NewExpression' && !def.arguments.length) && callee.parent.callee === callee;
        return def?.type === 'MemberExpression' || called ? this.importOf(def!, depth + 1) : undefined;
      }
      // `_super` of `(function (_super) {…}(base_1.EnvBase))`: what the function is called with in place.
      const argument = b?.kind === 'param' ? inPlaceArgument(b) : undefined;
      if (argument) return this.importOf(argument, depth + 1);
      if (b?.kind !== 'import' || b.decl.type === 'ImportNamespaceSpecifier') return undefined;
      const spec = this.importSource(b);
      const imported = b.decl.imported;
      const name = b.decl.type === 'ImportDefaultSpecifier' ? 'default' : imported.type === 'Identifier' ? imported.name : String(imported.value);
      return spec ? { spec, name } : undefined;
    }
    if (node.type === 'MemberExpression') {
      // (`env[k]()` of `import * as env` with `const k = "zo" + "ne"`: a member by a key worked out to a constant.)
      const name = propertyName(node) ?? (node.computed ? this.computedKey(node) : undefined);
      if (name === undefined) return undefined;
      const shared = this.globalSlot(node.object, name);
      if (shared) return shared;
      const spec = this.namespaceOf(node.object);
      // A webpack chunk exports the members of each of its modules under the module's id.
      if (spec) return { spec, name: spec.startsWith(WEBPACK) ? `${spec.slice(WEBPACK.length)}:${name}` : name };
      // `api.read` of `import { api }`: a member of an exported object.
      const object = unwrap(node.object);
      const b = object.type === 'Identifier' ? this.host.scopes.resolve(object) : undefined;
      // `new Probe().hit`, `p.hit` of `p = new Probe()`: a method of an imported class.
      const defs = b && (b.kind === 'const' || b.kind === 'let' || b.kind === 'var') ? this.host.definitions(b) : [];
      // (Also `this.clock.zone()` of `this.clock = new Clock()` in a constructor.)
      const made = object.type === 'NewExpression' ? object : defs.length === 1 && unwrap(defs[0]).type === 'NewExpression' ? unwrap(defs[0]) : this.madeOnThis(object);
      const cls = made && !BUILTIN_MEMBERS.has(name) ? this.importOf(made.callee, depth + 1) ?? this.wholeModuleOf(made.callee) : undefined;
      if (cls) return { spec: cls.spec, name: `${cls.name}.prototype.${name}` };
      // `getEnv().zone`, `env.zone` of `env = createEnv()`: a member of the instance an imported function makes and returns.
      // (Also what an imported async function resolves to: `(await getEnv()).zone`, `const { zone } = await getEnv()`.)
      const result = this.awaited(object);
      const direct = result.type === 'CallExpression' ? result : defs.length === 1 && this.awaited(defs[0]).type === 'CallExpression' ? this.awaited(defs[0]) : undefined;
      // (`getPolicy().check` of `function getPolicy() { return require_policy(); }`: the call the function makes and returns.)
      const call = direct && this.lazyCall(direct) || direct;
      // (A member by name: not an item, nor a promise's or an iterator's own, `then`, `next`.)
      const maker = call && !call.arguments.length && !BUILTIN_MEMBERS.has(name) && !PROTOCOL_MEMBERS.has(name) && /^[A-Za-z_$][\w$]*$/.test(name) ? this.importOf(calleeOf(call.callee), depth + 1) : undefined;
      if (maker && !maker.name.endsWith('()')) return { spec: maker.spec, name: `${maker.name}.prototype.${name}` };
      // A method a class of this module inherits from an imported one: `super.zone()`, `this.zone()`, `new Probe().zone()`.
      const owner = object.type === 'Super' || object.type === 'ThisExpression' ? enclosingClass(object) : made ? this.host.classOf(made.callee) : undefined;
      const inherited = owner && !BUILTIN_MEMBERS.has(name) ? this.inheritedImport(owner, name, object.type === 'Super') : undefined;
      if (inherited) return inherited;
      // `ns.api.read`, `n(793)._.zone`: a member of an exported object reached through a namespace.
      // (Also `const { env } = require("./env")`: a local name for an exported object.)
      const local = defs.length === 1 && unwrap(defs[0]).type === 'MemberExpression';
      const whole = (b?.kind === 'import' && b.decl.type === 'ImportSpecifier' || object.type === 'MemberExpression' || local || b?.kind === 'param' && inPlaceArgument(b)) && !BUILTIN_MEMBERS.has(name) ? this.importOf(object, depth + 1) : undefined;
      return whole ? { spec: whole.spec, name: `${whole.name}.${name}` } : undefined;
    }
    return undefined;
  }

  /** A call of a method named as a built-in one that the linker has not found in the other module (see inputOf). */
  private unconfirmed(key: string): boolean {
    const def = this.defs.get(key);
    return def?.type === 'call' && def.builtin === true && !this.seeds?.[key];
  }

  /** The imported object whose method named as a built-in one is called (see inputOf): `import { Regions }`, `ns.Regions`, `const { Regions } = require(…)`. */
  private builtinMethodOwner(callee: Node): { spec: string; name: string } | undefined {
    const name = propertyName(callee);
    if (name === undefined || !BUILTIN_MEMBERS.has(name) || !COMPARE_METHODS.has(name) && !/^(?:find|some|every)$/.test(name)) return undefined;
    const object = unwrap(callee.object);
    const b = object.type === 'Identifier' ? this.host.scopes.resolve(object) : undefined;
    const defs = b && (b.kind === 'const' || b.kind === 'let' || b.kind === 'var') ? this.host.definitions(b) : [];
    const named = b?.kind === 'import' && b.decl.type === 'ImportSpecifier' || object.type === 'MemberExpression' || defs.length === 1 && unwrap(defs[0]).type === 'MemberExpression';
    return named ? this.importOf(object) : undefined;
  }

  /** What an expression awaits (`await getEnv()`, `yield getEnv()` of a lowered async body, or an ES5 state machine's `_a.sent()`), or the expression itself. */
  private awaited(node: Node): Node {
    const u = unwrap(node);
    const awaited = awaitedArgument(u);
    if (awaited) return awaited;
    const sent = this.host.sentValues(u);
    return sent?.length === 1 ? unwrap(sent[0]) : u;
  }

  /**
   * babel's `super.zone` for ES5, `_superPropGet(Probe, "zone", this, 3)` (older: `_get(_getPrototypeOf(Probe.prototype), "zone", this)`),
   * when `Probe` is made in place from an imported class (`function (_EnvBase) { function Probe() {…} … }(_base.EnvBase)`): that class's method.
   */
  private superPropertyImport(call: Node, depth: number): { spec: string; name: string } | undefined {
    const [cls, key, receiver] = call.arguments as Node[];
    const name = stringOf(key);
    if (call.arguments.length < 3 || unwrap(receiver).type !== 'ThisExpression' || name === undefined) return undefined;
    const c = unwrap(cls);
    const own = c.type === 'Identifier' ? c : c.type === 'CallExpression' && c.arguments.length === 1 ? calleeOf(unwrap(c.arguments[0])) : undefined;
    const ctor = own?.type === 'MemberExpression' && propertyName(own) === 'prototype' ? unwrap(own.object) : own;
    const b = ctor?.type === 'Identifier' ? this.host.scopes.resolve(ctor) : undefined;
    const maker = b?.kind === 'function' ? b.decl.parent?.parent : undefined;
    const param = isFunction(maker) && maker.params.length === 1 ? this.host.scopes.resolve(maker.params[0]) : undefined;
    const base = param && inPlaceArgument(param);
    const imported = base && this.importOf(base, depth + 1);
    return imported && { spec: imported.spec, name: `${imported.name}.prototype.${name}` };
  }

  /** Exports each member of an exported object literal that holds a constant under `name.member` (a few levels deep). */
  private memberConstants(node: Node, name: string, constant: (node: Node) => Constant | undefined, exports: ModuleSummary['exports'], fact: (node: Node) => Fact, depth = 0): void {
    let object = unwrap(node);
    if (object.type === 'Identifier') {
      const b = this.host.scopes.resolve(object);
      const defs = b && (b.kind === 'const' || b.kind === 'let' || b.kind === 'var') ? this.host.definitions(b) : [];
      object = defs.length === 1 ? unwrap(defs[0]) : object;
    }
    if (object.type !== 'ObjectExpression' || object.properties.length > MAX_CONSTANT_MEMBERS || depth >= MAX_CONSTANT_DEPTH) return;
    for (const p of object.properties as Node[]) {
      const key = p.type === 'Property' && !p.computed ? keyName(p) : undefined;
      const value = key === undefined ? undefined : unwrap(p.value);
      if (!value || isFunction(value)) continue;
      if (value.type === 'ObjectExpression') { this.memberConstants(value, `${name}.${key}`, constant, exports, fact, depth + 1); continue; }
      const c = constant(value);
      if (c) exports[`${name}.${key}`] = { value: fact(value), constant: c };
    }
  }

  /**
   * The imported class a class of this module inherits a member from (`class Probe extends EnvBase`
   * without a `zone` of its own, or `super.zone`, which skips its own): that class's method.
   */
  private inheritedImport(cls: Node, name: string, skipOwn: boolean, depth = 0): { spec: string; name: string } | undefined {
    if (depth > 4 || !cls.superClass) return undefined;
    const own = !skipOwn && (cls.body.body as Node[]).some((m) => (m.type === 'MethodDefinition' || m.type === 'PropertyDefinition') && keyName(m) === name);
    if (own) return undefined;
    const base = this.importOf(cls.superClass) ?? this.wholeModuleOf(cls.superClass);
    if (base) return { spec: base.spec, name: `${base.name}.prototype.${name}` };
    const local = this.host.classOf(cls.superClass);
    return local ? this.inheritedImport(local, name, false, depth + 1) : undefined;
  }

  /**
   * A computed key worked out to a constant: `env[k]` of `import * as env` with `const k = "zo" + "ne"`; and of the
   * global object, `globalThis["app.env"]` and `globalThis[Symbol.for("app.env")]` (the one symbol every module gets for that name).
   */
  private computedKey(node: Node): string | undefined {
    if (this.namespaceOf(node.object) !== undefined) return this.host.constantKey(node.property);
    if (!this.isGlobalObject(node.object)) return undefined;
    const key = unwrap(node.property);
    const symbol = key.type === 'CallExpression' && key.arguments.length === 1 && unwrap(key.callee).type === 'MemberExpression' && propertyName(unwrap(key.callee)) === 'for' && unwrap(unwrap(key.callee).object).name === 'Symbol';
    const name = this.host.constantKey(symbol ? key.arguments[0] : key);
    return name !== undefined && symbol ? `@@${name}` : name;
  }

  private isGlobalObject(object: Node): boolean {
    const o = unwrap(object);
    return o.type === 'Identifier' && GLOBAL_OBJECTS.has(o.name) && !this.host.scopes.resolve(o);
  }

  /**
   * `globalThis.__r`, `process.env.AGENT_R`: a member of state every module shares, which any module
   * may set and read (standard globals such as `fetch` and `Intl`, and a browser's, are not such state).
   * (A dot in the key, `globalThis["app.env"]`, is written `\u2024` in the slot's name: a dot there separates members.)
   */
  private globalSlot(object: Node, name: string): { spec: string; name: string } | undefined {
    const o = unwrap(object);
    if (o.type === 'Identifier') {
      return this.isGlobalObject(o) && !(name in globalThis) && !BROWSER_GLOBALS.has(name) ? { spec: GLOBAL, name: name.replace(/\./g, '\u2024') } : undefined;
    }
    const env = o.type === 'MemberExpression' && propertyName(o) === 'env' ? unwrap(o.object) : undefined;
    return env?.type === 'Identifier' && env.name === 'process' && !this.host.scopes.resolve(env) ? { spec: GLOBAL, name: `env.${name}` } : undefined;
  }

  /** `process.emit` and `process.on` (and their kin): events on the one `process` every module shares (see the linker). */
  processEvent(callee: Node): { spec: string; name: string } | undefined {
    const c = unwrap(callee);
    const o = c.type === 'MemberExpression' ? unwrap(c.object) : undefined;
    const method = c.type === 'MemberExpression' ? propertyName(c) : undefined;
    return o?.type === 'Identifier' && o.name === 'process' && method && PROCESS_EVENTS.has(method) && !this.host.scopes.resolve(o) ? { spec: GLOBAL, name: `process.${method}` } : undefined;
  }

  /** An argument that is an instance of an imported class (`new Geo()`, or a variable holding one): the fact, with that class. */
  private withClass(arg: Node, f: Fact): Fact {
    let n = unwrap(arg);
    if (n.type === 'Identifier') {
      const b = this.host.scopes.resolve(n);
      const defs = b && (b.kind === 'const' || b.kind === 'let' || b.kind === 'var') ? this.host.definitions(b) : [];
      n = defs.length === 1 ? unwrap(defs[0]) : n;
    }
    // (Also a class a CommonJS module is, `const Geo = require("./geo")` of `module.exports = class Geo {…}`.)
    const callee = n.type === 'NewExpression' ? unwrap(n.callee) : undefined;
    const held = callee?.type === 'Identifier' ? this.host.scopes.resolve(callee) : undefined;
    // (Held by a name given it once: `const`, or the `let` and `var` minifiers and bundlers write, `let d = s(89)`.)
    const defs = held && (held.kind === 'const' || held.kind === 'let' || held.kind === 'var') ? this.host.definitions(held) : [];
    const cls = callee && (this.importOf(callee) ?? (defs.length === 1 ? this.wholeModuleOf(unwrap(defs[0])) : undefined));
    return cls ? { ...f, made: cls } : f;
  }

  /** The member an input reads (or calls) of shared state (`globalThis.__r`, see globalSlot), or undefined. */
  sharedName(key: string): string | undefined {
    const def = this.defs.get(key);
    return (def?.type === 'value' || def?.type === 'call') && def.spec === GLOBAL ? def.name : undefined;
  }

  /** What this module itself assigns to a member of shared state (`globalThis.__r = hit`), by member name. */
  globalWrites(name: string): Node[] {
    if (!this.globalWritesByName) {
      this.globalWritesByName = new Map();
      for (const a of this.host.memberWrites()) {
        const slot = FLAG_WRITES.has(a.operator) ? this.importOf(a.left) : undefined;
        if (slot?.spec === GLOBAL && a.operator === '=') addTo(this.globalWritesByName, slot.name, a.right);
        if (slot) this.writesImported = true;
      }
    }
    return this.globalWritesByName.get(name) ?? [];
  }
  private globalWritesByName?: Map<string, Node[]>;
  private writesImported = false;

  /**
   * Whether this module sets shared state (`globalThis.__r = …`) or a member of another module's object
   * (`config.flags.ent = …` of `import { config }`, also where it exports nothing), which other modules may read.
   */
  private sharesState(): boolean {
    this.globalWrites('');
    return this.writesImported;
  }

  /** The input key of an expression that comes from another module (registered on first use), or undefined. */
  inputOf(node: Node): string | undefined {
    const known = this.keys.get(node);
    if (known) return this.unconfirmed(known) ? undefined : known;
    let def: InputDef | undefined;
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const callee = calleeOf(node.callee);
      // (`Base.prototype.zone.call(this)`, as tsc writes `super.zone()` for ES5: a call of that function.)
      const through = node.type === 'CallExpression' && callArguments(node) !== node.arguments ? calleeOf(callee.object) : undefined;
      // (Also `process.emit("x-env", hit)`, an event for the listeners of other modules.)
      const event = node.type === 'CallExpression' ? this.processEvent(callee) : undefined;
      const emit = event?.name === 'process.emit' ? event : undefined;
      // (`zone().then(check)` of an imported `check`: a call of it with what the promise resolves to, see runArguments.)
      const ran = !through && node.type === 'CallExpression' && callee.type === 'MemberExpression' && propertyName(callee) === 'then' && node.arguments[0] ? this.importOf(node.arguments[0]) : undefined;
      const imp = this.importOf(callee) ?? (through && this.importOf(through)) ?? (callee.type === 'Identifier' ? this.wholeModuleOf(callee) : undefined) ?? emit ?? ran;
      if (imp) def = { type: 'call', spec: imp.spec, name: imp.name, args: [] };
      if (imp && imp === ran) this.thenRuns.add(node);
      // `Regions.match(tz)` of `import { Regions }`: a method named as a built-in one is, or that built-in method of an
      // imported list or text. The linker is asked; until it finds the method, the call is the built-in one.
      const owner = !imp && node.type === 'CallExpression' && callee.type === 'MemberExpression' && node.arguments.length ? this.builtinMethodOwner(callee) : undefined;
      if (owner) {
        const key = `c${node.start}-${node.end}`;
        this.register(node, key, { type: 'call', spec: owner.spec, name: `${owner.name}.${propertyName(callee)}`, args: [], builtin: true });
        return this.unconfirmed(key) ? undefined : key;
      }
      // (`inCn(tz)` of `const inCn = makeChecker(ZONES)`, or `makeChecker(ZONES)(tz)`: the factory's call, for the lists it was given.)
      const maker = imp?.name.endsWith('()') ? callee.type === 'Identifier' ? this.definitionOf(callee) : callee : undefined;
      const factory = maker?.type === 'CallExpression' ? this.inputOf(maker) : undefined;
      if (factory && def?.type === 'call') def.factory = factory;
    } else if (node.type === 'Identifier' || node.type === 'MemberExpression') {
      const imp = this.importOf(node);
      if (imp) def = { type: 'value', spec: imp.spec, name: imp.name };
    }
    if (!def) return undefined;
    // (A call and the call it makes of its result, `f()(x)`, start at the same place.)
    const key = `${def.type === 'call' ? 'c' : 'v'}${node.start}${def.type === 'call' ? `-${node.end}` : ''}`;
    return this.register(node, key, def);
  }

  /** `p.then(check)` calls of an imported function, keyed as calls of it (see inputOf). */
  private readonly thenRuns = new Set<Node>();

  /** The arguments a call of another module's function passes it: `p` for `p.then(check)`, see callArguments. */
  private runArguments(call: Node): Node[] {
    return this.thenRuns.has(call) ? [unwrap(call.callee).object] : callArguments(call);
  }

  /** A call of an item of a list another module exports (`c()` of `checks.some((c) => c())`): an input, what calling its items returns. */
  itemCallInput(call: Node, list: Node): string | undefined {
    const known = this.keys.get(call);
    if (known) return known;
    const imp = this.importOf(list);
    return imp && this.register(call, `c${call.start}-${call.end}`, { type: 'call', spec: imp.spec, name: imp.name, args: [] });
  }

  /** The input key of a parameter of a function passed to an imported function (`withZone((tz) => …)`), or of a member of it. */
  callbackInput(fn: FunctionNode, id: Node, member?: { name: string; at: Node }): string | undefined {
    const known = this.keys.get(member?.at ?? id);
    if (known) return known;
    const param = fn.params.findIndex((p: Node) => p === id || (p.type === 'AssignmentPattern' && p.left === id));
    if (param < 0) return undefined;
    // (The first call of another module's function it is given to, written in place or by its name.)
    let call: Node | undefined;
    let arg = -1;
    let imp: { spec: string; name: string } | undefined;
    for (const [c, i] of this.host.givenTo(fn)) {
      imp = this.importOf(calleeOf(c.callee)) ?? this.processEvent(c.callee);
      if (imp) { call = c; arg = i; break; }
    }
    if (!imp || !call) return undefined;
    // `bus.on("env", (tz) => …)`: the event, for what another module emits under it (see the linker).
    const first = call.arguments[0];
    const key = arg > 0 && first?.type === 'Literal' && typeof first.value === 'string' && first.value.length <= 64 ? first.value : undefined;
    const def: InputDef = { type: 'callback', spec: imp.spec, name: imp.name, arg, param, ...(key !== undefined ? { key } : {}), ...(member ? { member: member.name } : {}) };
    return member ? this.register(member.at, `b${fn.start}:${param}.${member.name}`, def) : this.register(id, `b${fn.start}:${param}`, def);
  }

  /** Whether the module exports any function (whose parameters other modules may give values). */
  get exportsFunctions(): boolean {
    this.exports();
    return this.exportedFunctions!.size > 0;
  }

  /**
   * The input key of a parameter of an exported function; with `member`, of that member of it
   * (`env.hit`, at `at`), or with `member.method` of what calling that method of it returns.
   */
  paramInput(fn: FunctionNode, id: Node, member?: { name: string; at: Node; method?: true; of?: string; called?: true }): string | undefined {
    if (member) {
      const known = this.keys.get(member.at);
      if (known) return known;
    }
    this.exports();
    const name = this.exportedFunctions!.get(fn);
    const index = fn.params.findIndex((p: Node) => p === id || (p.type === 'AssignmentPattern' && p.left === id));
    if (name === undefined || index < 0) return undefined;
    if (member?.called) return this.register(member.at, `p${name}:${index}()`, { type: 'param', name, index, called: true });
    // (`this.env.zone()` of `constructor(deps) { this.env = deps.env }`: that method of the member `env` of it.)
    if (member?.method) {
      const of = member.of === undefined ? '' : `.${member.of}`;
      return this.register(member.at, `p${name}:${index}${of}#${member.name}`, { type: 'param', name, index, method: member.name, ...(member.of !== undefined ? { member: member.of } : {}) });
    }
    return member ? this.register(member.at, `p${name}:${index}.${member.name}`, { type: 'param', name, index, member: member.name })
      : this.register(id, `p${name}:${index}`, { type: 'param', name, index });
  }

  private register(node: Node, key: string, def: InputDef): string {
    this.keys.set(node, key);
    this.defs.set(key, def);
    return key;
  }

  /** The input key of a node registered as an input. */
  keyOf(node: Node): string | undefined {
    return this.keys.get(node);
  }

  /** Whether a node is an input that reads a parameter (what callers in other modules pass). */
  isParamInput(node: Node): boolean {
    const key = this.keys.get(node);
    return key !== undefined && this.defs.get(key)?.type === 'param';
  }

  /** An imported value used as a comparison's constant: what the linker found it holds, if anything. */
  constantOf(node: Node): Constant | undefined {
    // (Also a whole module: `const deny = require("./deny")` of `module.exports = [...]`.)
    const imp = this.importOf(node) ?? (unwrap(node).type === 'CallExpression' ? this.wholeModuleOf(unwrap(node)) : undefined);
    if (!imp) return undefined;
    const key = `${imp.spec}#${imp.name}`;
    this.constantUses.add(key);
    return this.seeds?.[`k${key}`]?.constant;
  }

  /** What the linker found an imported name or member holds, without asking for it (see constantOf). */
  linkedConstant(node: Node): Constant | undefined {
    const imp = this.seeds ? this.importOf(node) : undefined;
    return imp && this.seeds?.[`k${imp.spec}#${imp.name}`]?.constant;
  }

  /** What the linker found a loaded module's value holds, without asking for it (see constantOf). */
  linkedModuleConstant(call: Node): Constant | undefined {
    const imp = this.seeds ? this.wholeModuleOf(call) : undefined;
    return imp && this.seeds?.[`k${imp.spec}#${imp.name}`]?.constant;
  }

  /**
   * The value of a module another chunk's loader loads, asked of the linker: `require_list()` of an imported
   * `require_list` whose module is `module.exports = ["llm.megabank.com", …]` (esbuild's and Bun's split builds).
   */
  loadedConstant(call: Node): Constant | undefined {
    const callee = call.type === 'CallExpression' && !call.arguments.length ? unwrap(call.callee) : undefined;
    const b = callee?.type === 'Identifier' ? this.host.scopes.resolve(callee) : undefined;
    return b?.kind === 'import' ? this.constantOf(call) : undefined;
  }

  /**
   * A parameter of an exported function read as a constant: the list of places or hosts other
   * modules' calls pass it, once the linker found it (`check(["Asia/Shanghai", …])` of
   * `export function check(list)`).
   */
  paramConstant(fn: FunctionNode, id: Node): Constant | undefined {
    this.exports();
    const name = this.exportedFunctions!.get(fn);
    const index = fn.params.indexOf(id);
    if (name === undefined || index < 0) return undefined;
    const key = `${name}:${index}`;
    this.paramConstantUses.add(key);
    return this.seeds?.[`c${key}`]?.constant;
  }

  /** A call of another module's function: the arguments (by index) that function sends in a request, once the linker found it. */
  sendsOf(call: Node): number[] | undefined {
    const callee = calleeOf(call.callee);
    const imp = this.importOf(callee) ?? (callee.type === 'Identifier' ? this.wholeModuleOf(callee) : undefined);
    if (!imp) return undefined;
    const key = `${imp.spec}#${imp.name}`;
    this.sendUses.add(key);
    return this.seeds?.[`s${key}`]?.sends;
  }

  /** Records that these flow nodes reach a finding. */
  markReaching(via: Node[]): void {
    for (const n of via) {
      const k = this.keys.get(n);
      if (k) this.reaching.add(k);
    }
  }

  /** The export name of the exported function a node lies in (see exportedAround). */
  exportedAt(node: Node): string | undefined {
    this.exports();
    return this.exportedAround(node);
  }

  /**
   * The input of a call of another module's function in a helper of this module, as one call of that helper from
   * the exported function `inside` makes it (`uFt(u)` in `function lu(u) {…}`, called as `lu(e(u))` in `nee`): an
   * input of its own, with the arguments that call gives, worked out by the linker as a call `inside` makes.
   */
  inlinedInput(node: Node, at: Node, inside: string, args: Fact[]): { node: Node; key: string } | undefined {
    const base = this.keys.get(node);
    const def = base === undefined ? undefined : this.defs.get(base);
    if (def?.type !== 'call' || def.builtin) return undefined;
    const key = `${base}@${at.start}`;
    let clone = this.inlinedNodes.get(key);
    if (!clone) {
      clone = { ...node } as Node;
      this.inlinedNodes.set(key, clone);
    }
    this.register(clone, key, { ...def, args, in: inside, inlined: true });
    return { node: clone, key };
  }
  private readonly inlinedNodes = new Map<string, Node>();

  /** The export name of the exported function a node lies in, if any (exported functions do not nest). */
  private exportedAround(node: Node): string | undefined {
    for (let p = node.parent; p; p = p.parent) {
      const name = isFunction(p) ? this.exportedFunctions!.get(p) : undefined;
      if (name !== undefined) return name;
    }
    return undefined;
  }

  /** Export name → the expression or function it stands for (ES exports, CommonJS `exports`/`module.exports`). */
  exports(): Map<string, Node> {
    if (this.exportNodes) return this.exportNodes;
    const out = new Map<string, Node>();
    this.exportNodes = out;
    this.exportedFunctions = new Map();
    for (const s of this.ast.body as Node[]) {
      if (s.type === 'ExportNamedDeclaration') {
        const from = stringOf(s.source);
        if (s.declaration) {
          const d = s.declaration;
          if (d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') out.set(d.id.name, d);
          else for (const v of d.declarations ?? []) if (v.id.type === 'Identifier') out.set(v.id.name, v.init && isFunction(unwrap(v.init)) ? unwrap(v.init) : v.id);
        }
        for (const sp of s.specifiers ?? []) {
          const local = sp.local.type === 'Identifier' ? sp.local.name : String(sp.local.value);
          const exported = sp.exported.type === 'Identifier' ? sp.exported.name : String(sp.exported.value);
          if (from !== undefined) { if (isProgramSpec(from)) this.reexports.push({ spec: from, name: local, as: exported }); }
          else out.set(exported, this.localValue(sp.local));
        }
      } else if (s.type === 'ExportDefaultDeclaration') {
        const d = s.declaration;
        out.set('default', d.type === 'Identifier' ? this.localValue(d) : d);
      } else if (s.type === 'ExportAllDeclaration') {
        const from = stringOf(s.source);
        if (isProgramSpec(from)) this.reexports.push({ spec: from, name: '*', as: s.exported ? (s.exported.name ?? String(s.exported.value)) : '*' });
      }
    }
    // Each module of a webpack chunk: its members under its id (`536:G`), for the files that load it by id.
    // A member that is another module's (`v: () => d.G` with `d = n(368)`) is re-exported.
    for (const [id, members] of this.host.chunkExports()) {
      for (const [key, all] of members) {
        // tsc declares each export first: `exports.zone = void 0; exports.zone = zone`.
        const values = all.filter((v) => !(v.type === 'UnaryExpression' && v.operator === 'void'));
        if (values.length !== 1) continue;
        const from = unwrap(values[0]).type === 'MemberExpression' ? this.importOf(values[0]) : undefined;
        // (`44(s, e, o) { s.exports = o(526) }`: module 44 is module 526, its members too.)
        const whole = key === 'default' ? this.namespaceOf(values[0]) : undefined;
        if (whole?.startsWith(WEBPACK)) this.reexports.push({ spec: whole, name: `${whole.slice(WEBPACK.length)}:*`, as: `${id}:*` });
        if (from) this.reexports.push({ spec: from.spec, name: from.name, as: `${id}:${key}` });
        else out.set(`${id}:${key}`, this.localValue(values[0]));
      }
    }
    // `__exportStar(n(251), exports)` in module 509: `509:zone` is module 251's `251:zone`.
    for (const [id, call] of this.host.chunkStars()) {
      const spec = this.namespaceOf(call);
      if (spec?.startsWith(WEBPACK)) this.reexports.push({ spec, name: `${spec.slice(WEBPACK.length)}:*`, as: `${id}:*` });
    }
    for (const [name, node] of [...out]) this.addExport(out, name, node);
    return out;
  }

  /**
   * Adds an export and what other modules reach through it: the methods of an object literal (`export default
   * { read() {…} }` gives `read`, as a default import is used like a namespace; `export const api = {…}` gives
   * `api.read`) or of a class or its instance (see classMethods); functions assigned to its members (`Geo.inRegion = …`,
   * also inside the function that fills a TypeScript namespace); a factory's one closure (`makeCheck()(tz)` in the
   * importing module runs `makeCheck()`'s returned function); a class's constructor, which takes what `new Prompt(…)`
   * passes in other modules. A name exported itself keeps its own value.
   */
  private addExport(out: Map<string, Node>, name: string, node: Node): void {
    out.set(name, node);
    const b = node.type === 'Identifier' ? this.host.scopes.resolve(node) : node.type === 'FunctionDeclaration' && node.id ? this.host.scopes.resolve(node.id) : undefined;
    const defs = node.type === 'Identifier' && b && b.kind !== 'param' && b.kind !== 'import' ? this.host.definitions(b) : [];
    const object = node.type === 'ObjectExpression' ? node : defs.length === 1 ? unwrap(defs[0]) : undefined;
    // (A class kept in a variable, `var Detector = class { static async detect() {…} }` as esbuild writes one, is the class.)
    const cls = object?.type === 'ClassExpression' ? object : node;
    const members = this.classMethods(name, object?.type === 'NewExpression' ? object : cls);
    if (object?.type === 'ObjectExpression') members.push(...objectMethods(name, object));
    // (The object a function run in place returns, `const Env = (function () { …; return { flagged } })()`: its methods.)
    // (Also under a name of its own, `var env_default = Env`, as esbuild writes a default export.)
    let run = unwrap(object ?? node);
    for (let i = 0; i < 3 && run.type === 'Identifier'; i++) {
      const alias = this.host.scopes.resolve(run);
      const values = alias && (alias.kind === 'var' || alias.kind === 'let' || alias.kind === 'const') ? this.host.definitions(alias) : [];
      if (values.length !== 1) break;
      run = unwrap(values[0]);
    }
    const runs = run.type === 'CallExpression' && isFunction(unwrap(run.callee)) ? this.host.returnsOf(unwrap(run.callee) as FunctionNode).map(unwrap) : [];
    if (runs.length === 1 && runs[0].type === 'ObjectExpression') members.push(...objectMethods(name, runs[0]));
    // (A namespace object other chunks import, `var tz_exports = {}; __export(tz_exports, { zone: () => zone })`: its functions.)
    if (object?.type === 'ObjectExpression' && !object.properties.length) {
      for (const [key, values] of this.host.namespaceGetters(node)) {
        const fn = values.length === 1 ? this.host.functionOf(values[0]) : undefined;
        if (fn) members.push([`${name}.${key}`, fn]);
      }
    }
    if (b && (b.kind === 'var' || b.kind === 'let' || b.kind === 'const' || b.kind === 'function')) members.push(...this.assignedMethods(b, name));
    const made = isFunction(node) ? this.host.returnsOf(node).map(unwrap) : [];
    if (made.length === 1 && isFunction(made[0])) members.push([`${name}()`, made[0] as FunctionNode]);
    // A loader of a bundled CommonJS module that other chunks import and call (esbuild's and Bun's split builds):
    // `require_policy().shouldMark` there is that module's export, as a call's result is named (see the linker).
    const loader = node.type === 'CallExpression' && node.arguments.length === 1 || defs.length === 1 && unwrap(defs[0]).type === 'CallExpression';
    for (const [key, v] of loader ? this.host.loaderExports(node) : []) {
      const as = key === '()' ? `${name}()` : `${name}.prototype.${key}`;
      // (A class that is the module: exported with its methods, `require_probe().prototype.inChina`; an instance,
      // `module.exports = new Env()`: its class's methods and getters, `require_env.prototype.zone`.)
      if (v.type === 'ClassDeclaration' || v.type === 'ClassExpression') { if (!out.has(as)) this.addExport(out, as, v); continue; }
      // (An instance under a key, `module.exports.env = new Env()`: `require_env.prototype.env.zone`.)
      if (v.type === 'NewExpression') { members.push(...this.classMethods(key === '()' ? `${name}.prototype` : as, v)); continue; }
      // (A function by its name too: `module.exports = { zone }`.)
      const fn = this.host.functionOf(v);
      if (fn) members.push([as, fn]);
      else if (!out.has(as)) out.set(as, v);
    }
    for (const [as, fn] of members) if (!out.has(as)) { out.set(as, fn); this.exportedFunctions!.set(fn, as); }
    if (isFunction(node)) this.exportedFunctions!.set(node, name);
    const ctor = cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression' ? (cls.body.body as Node[]).find((m) => m.type === 'MethodDefinition' && m.kind === 'constructor') : undefined;
    if (ctor && !this.exportedFunctions!.has(ctor.value)) this.exportedFunctions!.set(ctor.value, name);
  }

  /**
   * The methods of an exported class, as exported functions: `Probe.prototype.hit` for an
   * instance's (`new Probe().hit()` in the importing module), `Probe.create` for a static one.
   */
  private classMethods(name: string, node: Node): Array<[string, FunctionNode]> {
    // An exported instance (`export const env = new Env()`, `module.exports = new Env()`) exports its class's methods as its own.
    const instance = node.type === 'NewExpression' ? this.host.classOf(node.callee) : undefined;
    const cls = instance ?? node;
    const member = (key: string) => memberName(name, key);
    // (A class written as a constructor function: `C.prototype.m = function…`.)
    if (cls.type !== 'ClassDeclaration' && cls.type !== 'ClassExpression') {
      const methods = this.host.prototypeMethods(node).map(([key, fn]): [string, FunctionNode] => [node.type === 'NewExpression' ? member(key) : `${name}.prototype.${key}`, fn]);
      // (And babel's statics, `_createClass(C, null, [{ key: "match", value: … }])`: `C.match`.)
      return isFunction(node) ? [...methods, ...this.host.staticMethods(node as FunctionNode).map(([key, fn]): [string, FunctionNode] => [member(key), fn])] : methods;
    }
    const out: Array<[string, FunctionNode]> = [];
    for (const m of cls.body.body as Node[]) {
      // A getter is exported like a method: its export's value is what it returns (`env.zone` of `get zone() {…}`).
      const key = m.type === 'MethodDefinition' && (m.kind === 'method' || m.kind === 'get') ? keyName(m) : undefined;
      if (key === undefined || key.startsWith('#') || instance && m.static) continue;
      out.push([instance || m.static ? member(key) : `${name}.prototype.${key}`, m.value]);
    }
    return out;
  }

  /** What an exported name stands for: the function it names (so its parameters and returns are followed), else the expression. */
  private localValue(node: Node, depth = 0): Node {
    node = unwrap(node);
    const made = node.type === 'CallExpression' && depth < 2 ? this.madeInPlace(node) : undefined;
    if (made) return this.localValue(made, depth + 1);
    if (isFunction(node) || node.type !== 'Identifier') return node;
    const b = this.host.scopes.resolve(node);
    if (!b) return node;
    if (b.kind === 'function' || b.kind === 'class') return b.decl;
    const defs = b.kind === 'param' ? [] : this.host.definitions(b);
    const def = defs.length === 1 ? unwrap(defs[0]) : undefined;
    if (def?.type === 'CallExpression' && depth < 2) return this.localValue(def, depth + 1);
    return def && isFunction(def) ? def : node;
  }

  /**
   * The function a function run in place makes, by its name: a class as tsc and babel write it for ES5
   * (`(function (_super) { function Geo() {} …; return Geo; }(Base))`, `function () { function C() {…} return _createClass(C, […]); }()`).
   */
  private madeInPlace(call: Node): Node | undefined {
    const fn = unwrap(call.callee);
    const returned = isFunction(fn) ? soleReturn(this.host.returnsOf(fn as FunctionNode)) : undefined;
    // (`return t.prototype.zone = function () {…}, t;`, as a minifier joins the statements of an ES5 class.)
    const r = returned && calleeOf(returned);
    const named = r?.type === 'CallExpression' && r.arguments[0] && unwrap(r.arguments[0]).type === 'Identifier' ? unwrap(r.arguments[0]) : r;
    const b = named?.type === 'Identifier' ? this.host.scopes.resolve(named) : undefined;
    return b && (b.kind === 'function' || b.kind === 'class' || r === named) && b.decl.start >= fn.start && b.decl.end <= fn.end ? named : undefined;
  }

  /**
   * What `this.clock` is made as, where the module sets that member of `this` to one `new` (`this.clock = new Clock()`,
   * whichever class does it): a member set to instances of two classes is neither.
   */
  madeOnThis(member: Node): Node | undefined {
    const key = member.type === 'MemberExpression' && unwrap(member.object).type === 'ThisExpression' ? propertyName(member) : undefined;
    if (key === undefined) return undefined;
    if (!this.thisMade) {
      this.thisMade = new Map();
      const callee = (n: Node) => this.host.text.slice(n.callee.start, n.callee.end);
      for (const a of this.host.memberWrites()) {
        const k = a.operator === '=' && unwrap(a.left.object).type === 'ThisExpression' ? propertyName(a.left) : undefined;
        const made = unwrap(a.right);
        if (k === undefined || made.type !== 'NewExpression') continue;
        const before = this.thisMade.get(k);
        this.thisMade.set(k, before === undefined || before && callee(before) === callee(made) ? made : null);
      }
    }
    return this.thisMade.get(key) ?? undefined;
  }
  private thisMade?: Map<string, Node | null>;

  /** Functions assigned to members of a name, `Geo.inRegion = …`, as its methods by export name (also in the function that fills a TypeScript namespace). */
  private assignedMethods(b: Binding, name: string): Array<[string, FunctionNode]> {
    if (!this.memberWritesByBinding) {
      this.memberWritesByBinding = new Map();
      for (const a of this.host.memberWrites()) {
        const obj = unwrap(a.left.object);
        const key = a.operator === '=' ? propertyName(a.left) : undefined;
        const ob = obj.type === 'Identifier' && key !== undefined ? this.host.scopes.resolve(obj) : undefined;
        if (ob) addTo(this.memberWritesByBinding, ob.kind === 'param' ? this.host.filledBy(ob) ?? ob : ob, a);
      }
    }
    const out: Array<[string, FunctionNode]> = [];
    for (const a of this.memberWritesByBinding.get(b) ?? []) {
      const fn = isFunction(unwrap(a.right)) ? unwrap(a.right) as FunctionNode : this.host.functionOf(a.right);
      if (fn) out.push([memberName(name, propertyName(a.left)!), fn]);
    }
    return out;
  }
  private memberWritesByBinding?: Map<Binding, Node[]>;

  /** Adds CommonJS exports: `module.exports = { a }`, `module.exports = f`, `exports.a = v`, `module.exports.a = v`, `Object.defineProperty(exports, "a", { get })`, swc's `_export(exports, { a: () => a })`. */
  addCommonJs(assignments: Node[], defineCalls: Node[], getters: Array<[string, Node[]]> = [], namespaces: Array<[Node, string]> = []): void {
    const out = this.exports();
    const isModuleExports = (n: Node) => n.type === 'MemberExpression' && propertyName(n) === 'exports' && unwrap(n.object).type === 'Identifier' && unwrap(n.object).name === 'module' && this.isModuleName(unwrap(n.object));
    const isExports = (n: Node) => (n.type === 'Identifier' && n.name === 'exports' && this.isModuleName(n)) || isModuleExports(n);
    const set = (name: string, value: Node) => {
      // (tsc declares each export first: `exports.zone = void 0`, `exports.b = exports.a = void 0`.)
      let u = unwrap(value);
      while (u.type === 'AssignmentExpression') u = unwrap(u.right);
      if (u.type === 'UnaryExpression' && u.operator === 'void') return;
      // (babel keeps a live binding: `exports.Geo = Geo = {}` exports the variable `Geo`.)
      const live = unwrap(value);
      if (live.type === 'AssignmentExpression' && live.operator === '=' && unwrap(live.left).type === 'Identifier') value = live.left;
      // `exports.geo = __importStar(require("./geo"))` (tsc's `export * as geo from "./geo"`): a module under a name.
      // (Not babel's `export { default as probe } from "./probe"`, a getter of `_probe.default`: the default export, which
      // is the whole module only where that module has none, as the linker decides.)
      const read = unwrap(value);
      const defaultOf = read.type === 'MemberExpression' && propertyName(read) === 'default';
      const whole = name !== 'default' && !defaultOf ? this.namespaceOf(value) : undefined;
      if (whole !== undefined) { this.reexports.push({ spec: whole, name: '*', as: name }); return; }
      // `exports.signal = check_1.mark`, or a getter returning it (tsc's `export { mark as signal } from "./check"`): a re-export.
      const from = unwrap(value).type === 'MemberExpression' ? this.importOf(value) : undefined;
      if (from) { this.reexports.push({ spec: from.spec, name: from.name, as: name }); return; }
      this.addExport(out, name, this.localValue(value));
    };
    for (const a of assignments) {
      const left = unwrap(a.left);
      // (A UMD wrapper's `module.exports = v` of `v = factory(require, exports)`: the module's own exports, set in the factory.)
      if (isModuleExports(left) && this.isFactoryResult(a.right)) continue;
      if (isModuleExports(left)) {
        const right = unwrap(a.right);
        if (right.type === 'ObjectExpression') {
          for (const p of right.properties) {
            // (A key written as a string too, `{ "watch": […] }`, as JSON writes every key.)
            const key = p.type === 'Property' && !p.computed ? keyName(p) : undefined;
            if (key !== undefined) set(key, p.value);
            // `module.exports = { ...require("./geo"), ...require("./list") }`: their exports, as `export *` gives them.
            const spec = p.type === 'SpreadElement' ? requiredSpec(unwrap(p.argument), this.requireNames) : undefined;
            if (isProgramSpec(spec)) this.reexports.push({ spec, name: '*', as: '*' });
          }
        } else {
          // `module.exports = require("./probe")`: this module is that one, its exports by name as well.
          const spec = right.type === 'CallExpression' ? requiredSpec(right, this.requireNames) : undefined;
          if (isProgramSpec(spec)) this.reexports.push({ spec, name: '*', as: '*' });
          set('default', right);
        }
      } else if (left.type === 'MemberExpression' && isExports(unwrap(left.object))) {
        const name = propertyName(left);
        if (name !== undefined) set(name, a.right);
      } else if (left.type === 'MemberExpression' && unwrap(left.object).type === 'MemberExpression' && isExports(unwrap(unwrap(left.object).object))) {
        // `module.exports.env.tz = …`: the member `env.tz`, as other modules read it.
        const outer = propertyName(unwrap(left.object));
        const name = propertyName(left);
        if (outer !== undefined && name !== undefined && !out.has(`${outer}.${name}`)) set(`${outer}.${name}`, a.right);
      }
    }
    // `_export(exports, { zone: () => zone })` (swc): a getter per export.
    for (const [name, values] of getters) if (values.length === 1) set(name, values[0]);
    // `(function (Geo) { Geo.inRegion = … })(exports.Geo || (exports.Geo = {}))`: the functions it fills the export with.
    for (const [param, name] of namespaces) {
      const b = this.host.scopes.resolve(param);
      if (b) for (const [as, fn] of this.assignedMethods(b, name)) if (!out.has(as)) { out.set(as, fn); this.exportedFunctions!.set(fn, as); }
    }
    for (const call of defineCalls) {
      // `__exportStar(require("./tz"), exports)`: what that module exports, this one does.
      const star = call.arguments.length === 2 && isExports(unwrap(call.arguments[1])) ? this.namespaceOf(call.arguments[0]) : undefined;
      if (star !== undefined) { this.reexports.push({ spec: star, name: '*', as: '*' }); continue; }
      const [target, key, desc] = call.arguments as Node[];
      const name = stringOf(key);
      if (!target || !isExports(unwrap(target)) || desc?.type !== 'ObjectExpression') continue;
      for (const p of desc.properties) {
        if (p.type !== 'Property') continue;
        const k = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
        const value = k === 'value' ? p.value : k === 'get' && isFunction(p.value) ? soleReturn(this.host.returnsOf(p.value)) : undefined;
        if (!value) continue;
        if (name !== undefined) set(name, value);
        // babel's `export *`: `Object.keys(_tz).forEach((key) => Object.defineProperty(exports, key, { get: () => _tz[key] }))`.
        const v = unwrap(value);
        const all = unwrap(key).type === 'Identifier' && v.type === 'MemberExpression' && v.computed && unwrap(v.property).type === 'Identifier' && unwrap(v.property).name === unwrap(key).name ? this.namespaceOf(v.object) : undefined;
        if (all !== undefined) this.reexports.push({ spec: all, name: '*', as: '*' });
      }
    }
  }

  /**
   * Local names through which other modules' functions may be called: imported
   * bindings, namespaces, and variables holding `require("m")` or `import("m")`.
   */
  importedNames(calls: Map<string, Node[]>, dynamicImports: Node[]): Set<string> {
    const names = new Set<string>();
    const loaded = new Set<Node>();
    for (const s of this.ast.body as Node[]) {
      if (s.type !== 'ImportDeclaration' || !isProgramSpec(stringOf(s.source))) continue;
      if (isUnnamedScript(stringOf(s.source)!)) this.loads.add(stringOf(s.source)!);
      for (const sp of s.specifiers) {
        names.add(sp.local.name);
        for (const c of calls.get(sp.local.name) ?? []) if (!c.arguments.length) loaded.add(c);
      }
    }
    // (What an imported loader of a bundled module gives, `var { shouldMark } = require_policy()` in a chunk of a split build, is that module.)
    for (const r of [...[...this.host.requireNames].flatMap((n) => calls.get(n) ?? []), ...dynamicImports, ...this.host.webpackImports(), ...loaded]) {
      if (!loaded.has(r) && !(r.type === 'ImportExpression' ? isProgramSpec(stringOf(r.source)) : this.namespaceOf(r))) continue;
      const spec = r.type === 'ImportExpression' ? stringOf(r.source) : requiredSpec(r, this.host.requireNames);
      if (spec && isUnnamedScript(spec)) this.loads.add(spec);
      // (`require("./registry").register(…)`, as terser writes a name used once: a module used in place.)
      if (r.parent?.type === 'MemberExpression' && r.parent.object === r) this.requiredInPlace = true;
      let p = r.parent;
      while (p && (p.type === 'CallExpression' || p.type === 'AwaitExpression' || p.type === 'YieldExpression' || p.type === 'ParenthesizedExpression')) p = p.parent;
      if (p?.type === 'VariableDeclarator') for (const id of patternNames(p.id)) names.add(id);
      else if (p?.type === 'AssignmentExpression' && p.left.type === 'Identifier') names.add(p.left.name);
    }
    // AMD: `define([…, "./geo"], function (require, exports, geo_1) {…})` gives each parameter its module.
    for (const define of calls.get('define') ?? []) {
      const fn = unwrap(define.arguments[define.arguments.length - 1] ?? define);
      const deps = amdDependencies(fn);
      if (deps) (fn.params as Node[]).forEach((param, i) => { if (param.type === 'Identifier' && deps[i] && isProgramSpec(stringOf(deps[i]))) names.add(param.name); });
    }
    return names;
  }

  /** The call without arguments that a function of this file called without arguments makes and returns (a lazy loader), if any. */
  lazyCall(call: Node): Node | undefined {
    const returned = this.loaderReturns(call);
    const inner = returned.length === 1 ? unwrap(returned[0]) : undefined;
    return inner?.type === 'CallExpression' && !inner.arguments.length && inner !== call ? inner : undefined;
  }

  /**
   * What a function of this file called by name without arguments returns (see lazyCall, namespaceOf). Asked one at a
   * time: finding the function can ask what a member holds, which asks whether it is a module's again.
   */
  private loaderReturns(call: Node): Node[] {
    const callee = call.type === 'CallExpression' && !call.arguments.length ? unwrap(call.callee) : undefined;
    if (callee?.type !== 'Identifier' || this.askingLoader) return [];
    this.askingLoader = true;
    try {
      const fn = this.host.functionOf(callee);
      return fn ? this.host.returnsOf(fn) : [];
    } finally {
      this.askingLoader = false;
    }
  }
  private askingLoader = false;

  /** Whether a module of the program is used where it is loaded, with no name (see importedNames). */
  requiredInPlace = false;
  /** See ModuleSummary.loads. */
  readonly loads = new Set<string>();

  /** What an exported node is: the one definition of a name, or the node itself. */
  private definitionOf(node: Node): Node | undefined {
    const b = node.type === 'Identifier' ? this.host.scopes.resolve(node) : undefined;
    const defs = b ? this.host.definitions(b) : [node];
    return defs.length === 1 ? unwrap(defs[0]) : undefined;
  }

  /** `new Map(…)`, or a name defined as one. */
  private isMapValue(node: Node): boolean {
    const def = this.definitionOf(node);
    return def?.type === 'NewExpression' && unwrap(def.callee).type === 'Identifier' && unwrap(def.callee).name === 'Map';
  }

  /**
   * An exported function or value as code another module can evaluate (see Constant.code): a decoding
   * function of a few hundred characters, or a value built from literals and imported names; only
   * code whose names are its own, global, or imported (then named in `uses`).
   */
  private portable(node: Node): Constant | undefined {
    const def = this.definitionOf(node);
    if (!def) return undefined;
    const code = this.host.text.slice(def.start, def.end);
    // (A function: one that decodes, or a helper of one parameter that makes a second version of text, `(s) => s + "\u2060"`.)
    if (isFunction(def) ? code.length > MAX_PORTABLE_FUNCTION || !(DECODING_CODE.test(code) || def.params.length === 1 && VERSION_CODE.test(code)) : code.length > MAX_PORTABLE_VALUE || !/["'`]/.test(code)) return undefined;
    const uses: Record<string, string> = {};
    /** Imported names and members put under a name of their own (`codec_1.decode` of `require("./codec")` as `$0`). */
    const renamed: Array<{ start: number; end: number; name: string }> = [];
    /** Literal constants of the module a function uses (`const K = 7; export const un = (a) => … ^ K`), by name. */
    const closed = new Map<string, string>();
    let portable = true;
    const visit = (n: Node) => {
      if (!portable) return;
      const member = n.type === 'MemberExpression' ? this.importOf(n) : undefined;
      if (member) {
        const name = `$${renamed.length}`;
        uses[name] = `${member.spec}#${member.name}`;
        renamed.push({ start: n.start - def.start, end: n.end - def.start, name });
        return;
      }
      if (n.type === 'Identifier' && !isPropertyKey(n)) {
        const nb = this.host.scopes.resolve(n);
        const imp = nb?.kind === 'import' ? this.importOf(n) : undefined;
        if (imp) uses[n.name] = `${imp.spec}#${imp.name}`;
        else if (nb && nb.decl !== def && (nb.scope.start < def.start || nb.scope.end > def.end)) {
          const literal = isFunction(def) && !closed.has(n.name) ? this.literalText(nb) : undefined;
          if (literal === undefined) portable = closed.has(n.name);
          else closed.set(n.name, literal);
        }
      }
      forEachChild(n, visit);
    };
    visit(def);
    // (A value needs what it is made with from elsewhere: one made of literals alone was a constant already,
    // unless it is a map made of them, `new Map([["Asia/Shanghai", "cn"], …])`.)
    const names = Object.keys(uses);
    if (!portable || !isFunction(def) && !names.length && !this.isMapValue(def)) return undefined;
    let text = code;
    for (const r of renamed.reverse()) text = text.slice(0, r.start) + r.name + text.slice(r.end);
    if (closed.size) text = `((${[...closed.keys()].join(', ')}) => (${text}))(${[...closed.values()].join(', ')})`;
    return { values: [], concealed: false, code: `(${text})`, ...(names.length ? { uses } : {}) };
  }

  /** The text of a constant made of literals alone that a binding is given once (`const K = 7`, `var KEY = [3, 1, 4]`). */
  private literalText(b: Binding): string | undefined {
    if (b.kind === 'param' || b.kind === 'import' || b.decl.type !== 'VariableDeclarator' || b.decl.id !== b.id || !b.decl.init) return undefined;
    const init = b.decl.init;
    if (init.end - init.start > MAX_PORTABLE_VALUE || this.host.definitions(b).length !== 1) return undefined;
    let literal = true;
    const visit = (n: Node) => {
      if (!literal) return;
      if (n.type === 'Identifier' && !isPropertyKey(n) || /^(?:Call|New|This|Function|ArrowFunction|Class|Assignment|Update)/.test(n.type)) literal = false;
      else forEachChild(n, visit);
    };
    visit(init);
    return literal ? this.host.text.slice(init.start, init.end) : undefined;
  }

  /**
   * What instances of an exported class hold (see ExportFacts.instance): the members its constructor
   * assigns to `this` and its fields, those that hold something (`this.zone = Intl…timeZone`).
   */
  private instanceFact(node: Node, fact: (node: Node) => Fact): Fact | undefined {
    const def = this.definitionOf(node);
    // (Also an exported instance, `export const env = new Env()`; and a constructor function, as tsc and babel write a class for ES5.)
    const made = def?.type === 'NewExpression' ? def.callee : node;
    const cls = def?.type === 'ClassDeclaration' || def?.type === 'ClassExpression' ? def : this.host.classOf(made);
    const ctor = cls ? (cls.body.body as Node[]).find((m) => m.type === 'MethodDefinition' && m.kind === 'constructor')?.value : this.host.constructorOf(made);
    if (!cls && !ctor) return undefined;
    const members: Record<string, Fact> = {};
    const add = (key: string | undefined, value: Node | null | undefined) => {
      const f = key !== undefined && value ? fact(value) : undefined;
      if (f && (f.kinds || f.from.length) && Object.keys(members).length < MAX_ARG_MEMBERS) members[key!] = f;
    };
    for (const m of cls?.body.body as Node[] ?? []) if (m.type === 'PropertyDefinition' && !m.static) add(keyName(m), m.value);
    const visit = (n: Node) => {
      if (n.type === 'AssignmentExpression' && n.operator === '=' && n.left.type === 'MemberExpression' && unwrap(n.left.object).type === 'ThisExpression') add(propertyName(n.left), n.right);
      // (A field as a compiler defines it: `_defineProperty(this, "zone", v)`, `__publicField(this, "zone", v)`.)
      const [self, key, value] = n.type === 'CallExpression' && n.arguments.length === 3 ? n.arguments as Node[] : [];
      if (self?.type === 'ThisExpression' && key.type === 'Literal' && typeof key.value === 'string') add(key.value, value);
      // (Not into functions of their own: their `this` is another.)
      if (!isFunction(n) || n.type === 'ArrowFunctionExpression') forEachChild(n, visit);
    };
    if (ctor) forEachChild(ctor.body, visit);
    return Object.keys(members).length ? { kinds: 0, from: [], members } : undefined;
  }

  /**
   * An exported object of functions or a class (`export const marked = { apos: (s) => s.replace(…) }`, `export class
   * AltRender extends Render {…}`) as code (see Constant.code), in a module where one of them makes a second version
   * of text: for a module that chooses one under a check (`hit() ? marked : plain`), which compares their methods.
   */
  private variantCode(node: Node): Constant | undefined {
    // (From a module with two of them at least, one making a second version: a choice needs two.)
    if (!this.variantTexts) {
      const texts = new Map<Node, string>();
      for (const n of this.exports().values()) {
        const d = this.definitionOf(n);
        const t = d && this.variantText(d);
        if (t !== undefined) texts.set(n, t);
      }
      this.variantTexts = texts.size >= 2 && [...texts.values()].some((t) => VERSION_CODE.test(t)) ? texts : new Map();
    }
    const code = this.variantTexts.get(node);
    return code === undefined ? undefined : { values: [], concealed: false, code };
  }
  private variantTexts?: Map<Node, string>;

  /** The text of an object literal with methods, or of a class (its superclass of this module put in place), when it names nothing else of the module. */
  private variantText(def: Node, depth = 0): string | undefined {
    const isClass = def.type === 'ClassDeclaration' || def.type === 'ClassExpression';
    const hasMethods = def.type === 'ObjectExpression' && (def.properties as Node[]).some((p) => p.type === 'Property' && isFunction(unwrap(p.value)));
    if (!isClass && !hasMethods || def.end - def.start > MAX_VARIANT) return undefined;
    const edits: Array<{ start: number; end: number; text: string }> = [];
    let portable = true;
    const visit = (n: Node) => {
      if (!portable) return;
      if (n.type === 'Identifier' && !isPropertyKey(n)) {
        const b = this.host.scopes.resolve(n);
        if (b && b.decl !== def && (b.scope.start < def.start || b.scope.end > def.end)) {
          // (`class AltRender extends Render`, `Render` this module's: its code in its place.)
          const base = isClass && n === def.superClass && depth < 2 ? this.definitionOf(n) : undefined;
          const text = base && this.variantText(base, depth + 1);
          if (text === undefined) portable = false;
          else edits.push({ start: n.start - def.start, end: n.end - def.start, text });
        }
      }
      forEachChild(n, visit);
    };
    visit(def);
    if (!portable) return undefined;
    let text = this.host.text.slice(def.start, def.end);
    for (const e of edits.reverse()) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    return `(${text})`;
  }

  /** The summary, with facts computed by `fact` (the analysis' flow of a node, or of a function's returns). */
  summary(fact: (node: Node) => Fact, returnsFact: (fn: FunctionNode) => Fact, ownFact: (node: Node) => Fact, constant: (node: Node) => Constant | undefined, conditions: (node: Node) => Fact, sends: (fn: FunctionNode) => number[]): ModuleSummary {
    const exports: ModuleSummary['exports'] = {};
    const literalObjects: Array<[string, Node]> = [];
    // A literal argument holds nothing (most arguments of a split build's calls are).
    const facts = (args: Node[], of: (node: Node) => Fact) => args.map((a) => {
      if (a.type === 'SpreadElement' || a.type === 'Literal') return { kinds: 0, from: [] };
      let f = this.withClass(a, withMembers(a, of, (n, m) => this.withClass(n, m), returnsFact));
      // (A code a check picks, `track(hit() ? "session_begin" : "session_start")`: the check's outcome is what is given.)
      const u = unwrap(a);
      if (u.type === 'ConditionalExpression' && isLiteral(unwrap(u.consequent)) && isLiteral(unwrap(u.alternate))) f = mergeFacts([f, of(u.test)]);
      // (A function written in place, `check(() => zone())`: what it returns, for a parameter the other module calls.)
      const returned = isFunction(u) ? returnsFact(u as FunctionNode) : undefined;
      if (returned && (returned.kinds || returned.from.length)) f = { ...f, returns: returned };
      // (A list of places or hosts handed to another module's function: what it holds, for that function's comparisons.)
      // (Only a list written there or named: evaluating every argument of a split build's calls costs memory.)
      const c = a.type === 'ArrayExpression' || a.type === 'Identifier' && !(f.kinds || f.from.length) ? constant(a) : undefined;
      return c ? { ...f, constant: c } : f;
    });
    for (const [name, node] of this.exports()) {
      // A getter's value is what it returns (`env.zone` of `get zone() {…}`).
      if (isGetter(node)) { exports[name] = { value: returnsFact(node as FunctionNode) }; continue; }
      if (isFunction(node)) {
        // (What it returns, with the members of an object literal it returns: `collect()` giving `{ tz, lang }`.)
        const returned = this.host.resultsOf(node as FunctionNode).map(unwrap);
        const members = returned.length === 1 && returned[0].type === 'ObjectExpression' ? withMembers(returned[0], fact, (n, m) => this.withClass(n, m)).members : undefined;
        exports[name] = { value: { kinds: 0, from: [] }, returns: members ? { ...returnsFact(node), members } : returnsFact(node) };
        // (A small decoding function, for modules that decode a list with it: see Constant.code.)
        const code = this.portable(node);
        if (code) exports[name].constant = code;
        const sent = sends(node);
        if (sent.length) exports[name].sends = sent;
        // (A constructor function, as tsc and babel write a class for ES5; or a function that makes an instance
        // of a class and returns it, `createEnv()`, `inst || (inst = new Env())`.)
        const made = returned.length === 1 ? madeInstance(this.keptInstance(returned[0])) : undefined;
        const instance = made ? this.instanceFact(made, fact) : node.type !== 'ArrowFunctionExpression' && /\bthis\b/.test(this.host.text.slice(node.start, node.end)) ? this.instanceFact(node, fact) : undefined;
        if (instance) exports[name].instance = instance;
        // (An instance of a class this module exports, `static create() { const p = new Probe(); …; return p }`: its methods and getters.)
        const makes = made && this.exportNameOf(made.callee);
        if (makes && makes !== name) exports[name].makes = makes;
        // `function withZone(cb) { cb(tz) }`: what it gives the callbacks other modules pass it.
        const calls = this.host.paramCalls(node);
        // (Only what it reads itself: values from its own parameters would merge its callers.)
        // (What a function passed in returns, `cb(check())`, is the one such value kept: the linker gives it.)
        const own = (f: Fact): Fact => ({ ...f, from: f.from.filter((k) => { const d = this.defs.get(k); return d?.type !== 'param' || !!d.called; }) });
        if (calls.size) exports[name].calls = Object.fromEntries([...calls].map(([i, list]) => [i, mergeArgs(list.map((c) => facts(c.arguments, fact).map(own)))]));
        continue;
      }
      // (A `Map` as code, so that an importer looking a key up (`REGION.get(tz)`) sees what each key gives.)
      const c = (this.isMapValue(node) ? this.portable(node) : undefined) ?? constant(node) ?? this.portable(node) ?? this.variantCode(node);
      exports[name] = c ? { value: fact(node), constant: c } : { value: fact(node) };
      const instance = this.instanceFact(node, fact);
      if (instance) exports[name].instance = instance;
      // `export const config = { zones: […] }`: a list under a member, for `config.zones.includes(tz)` elsewhere.
      if (!c) this.memberConstants(node, name, constant, exports, fact);
      const data = c ? undefined : this.definitionOf(node);
      // (Also a list of records, `export const RULES = [{ zone: "Asia/Shanghai", mark: "\u2019" }, …]`, for `RULES.find(…).mark` elsewhere.)
      const records = data?.type === 'ArrayExpression' && data.elements.length > 0 && (data.elements as Array<Node | null>).every((e) => e?.type === 'ObjectExpression');
      if ((data?.type === 'ObjectExpression' || records) && data!.end - data!.start <= MAX_PORTABLE_VALUE && isLiteralData(data!)) literalObjects.push([name, data!]);
      // `export const checks = [() => …, () => …]`: calling an item elsewhere (`checks.some((c) => c())`) gives what any of them returns.
      const list = this.definitionOf(node);
      const items = list?.type === 'ArrayExpression' && list.elements.length <= MAX_ARG_MEMBERS ? (list.elements as Array<Node | null>).filter((e): e is FunctionNode => !!e && isFunction(e)) : [];
      if (items.length) exports[name].returns = mergeFacts(items.map(returnsFact));
    }
    // Objects of literals as code, for a module that merges one over another under a check (`{ ...defaults,
    // ...(hit ? overrides : {}) }`): all of a module's, when one holds text of a channel or a number written to
    // more digits than anyone would choose (`temperature: 0.70000001`).
    const subtle = (n: Node): boolean => n.type === 'Literal' && (typeof n.value === 'number' && /\.\d{5,}/.test(String(n.raw)) || typeof n.value === 'string' && isChannelText(n.value)) || n.type === 'ObjectExpression' && (n.properties as Node[]).some((p) => subtle(p.value)) || n.type === 'ArrayExpression' && (n.elements as Node[]).some(subtle);
    if (literalObjects.some(([, o]) => subtle(o))) for (const [name, o] of literalObjects) exports[name].constant ??= { values: [], concealed: false, code: `(${this.host.text.slice(o.start, o.end)})` };
    // `state.zone = tz` on an object another module exports: other modules that read `state.zone` get it (see the linker).
    const puts: NonNullable<ModuleSummary['puts']> = [];
    for (const a of this.host.memberWrites()) {
      // (`state.hit = true`, `state.flags |= 4` under a check: a flag, which carries that check.)
      const flag = isLiteral(a.right) && FLAG_WRITES.has(a.operator);
      const imp = a.operator === '=' || flag ? this.importOf(a.left) : undefined;
      // (A function put on the global object, or an object of methods, `globalThis.__probe = { hit() {…} }`: what
      // calling it returns, for the modules that call it there.)
      const right = unwrap(a.right);
      const code = imp?.spec === GLOBAL && !flag && (isFunction(right) || right.type === 'ObjectExpression') ? (isFunction(right) ? { kinds: 0, from: [], returns: returnsFact(right as FunctionNode) } : withMembers(right, fact, (_n, m) => m, returnsFact)) : undefined;
      if (code && (code.returns?.checks?.length || Object.values(code.members ?? {}).some((m) => m.returns?.checks?.length || m.checks?.length))) { puts.push({ spec: imp!.spec, name: imp!.name, value: code }); continue; }
      const value = imp && (flag ? conditions(a) : fact(a.right));
      // (Shared state carries only the outcome of a check of specific values, `globalThis.__r = ZONES.includes(tz)`:
      // a large program keeps much in `process.env`, and every reader would get every writer's values.)
      if (value && (value.kinds || value.from.length) && (imp!.spec !== GLOBAL && !flag || value.checks?.length)) puts.push({ spec: imp!.spec, name: imp!.name, value });
    }
    const keeps = this.keeps(fact);
    const all = new Map<string, InputDef>();
    for (const [node, key] of this.keys) {
      const def = this.defs.get(key)!;
      if (def.type !== 'call') { all.set(key, def); continue; }
      // (A call in a helper, worked out for one call of it: its arguments are that call's, see inlinedInput.)
      if (def.inlined) { const { inlined: _, ...call } = def; all.set(key, call); continue; }
      const call: InputDef = { ...def, args: facts(this.runArguments(node), fact) };
      // `store.set("tz", v)`, `store.get("tz")`: the key of a store another module keeps (see the linker).
      const first = node.arguments[0];
      if (first?.type === 'Literal' && typeof first.value === 'string' && first.value.length <= 64) call.key = first.value;
      const inside = call.args.some((a) => a.kinds || a.from.length) ? this.exportedAround(node) : undefined;
      if (inside !== undefined) {
        const own = facts(this.runArguments(node), ownFact);
        Object.assign(call, own.every((o, i) => sameFact(o, call.args[i])) ? { in: inside } : { own, in: inside });
      }
      all.set(key, call);
    }
    // Only what the linker can use is kept (a split build has hundreds of thousands of inputs):
    // inputs that exports and findings depend on, calls that pass something to another module,
    // and the inputs those calls' arguments come from.
    const keep = new Set(this.reaching);
    for (const e of Object.values(exports)) for (const k of [...e.value.from, ...e.returns?.from ?? [], ...Object.values(e.calls ?? {}).flat().flatMap((f) => f.from)]) keep.add(k);
    for (const [key, def] of all) if (def.type === 'call' && def.args.some((a) => a.kinds || a.from.length || a.made || a.constant || a.members || a.returns)) keep.add(key);
    // (Also what a function put on the global object returns, and its methods': see puts.)
    const factKeys = (f: Fact): string[] => [...f.from, ...f.returns ? factKeys(f.returns) : [], ...Object.values(f.members ?? {}).flatMap(factKeys)];
    for (const p of [...puts, ...keeps]) for (const k of factKeys(p.value)) keep.add(k);
    const queue = [...keep];
    while (queue.length) {
      const def = all.get(queue.pop()!);
      if (def?.type === 'call') for (const a of [...def.args, ...def.own ?? []]) for (const k of [...a.from, ...a.returns?.from ?? []]) if (!keep.has(k)) { keep.add(k); queue.push(k); }
    }
    const inputs: ModuleSummary['inputs'] = {};
    for (const key of keep) { const def = all.get(key); if (def) inputs[key] = def; }
    const provides = [...this.host.chunkExports().keys()].map((id) => WEBPACK + id);
    // A built-in module the runtime keeps under an id (`857(e) { e.exports = require("os") }`): what it
    // offers that reads a fingerprint, for the chunks that load it by that id (`(0, t.hostname)()` of `t = o(857)`).
    for (const [id, { call, offered }] of this.offeringBuiltins()) {
      const p = this.host.position(call.start);
      for (const o of offered) {
        const read: Fact = { kinds: o.kind, from: [], at: `${p.line}:${p.column}` };
        exports[`${id}:${o.name}`] = o.value ? { value: read } : { value: { kinds: 0, from: [] }, returns: read };
      }
      provides.push(WEBPACK + id);
    }
    return {
      inputs, exports, reexports: this.reexports, reaching: [...this.reaching],
      ...(this.constantUses.size ? { constants: [...this.constantUses] } : {}),
      ...(this.paramConstantUses.size ? { paramConstants: [...this.paramConstantUses] } : {}),
      ...(this.sendUses.size ? { senders: [...this.sendUses] } : {}),
      ...(provides.length ? { provides } : {}),
      ...(this.loads.size ? { loads: [...this.loads] } : {}),
      ...(puts.length ? { puts } : {}),
      ...(keeps.length ? { keeps } : {}),
    };
  }

  /** The instance a returned name was made as just before (`return p` or `return t.tz = …, t` of `const p = new Probe()`); else the node. */
  private keptInstance(n: Node): Node {
    let u = unwrap(n);
    if (u.type === 'SequenceExpression') u = unwrap(u.expressions[u.expressions.length - 1]);
    const b = u.type === 'Identifier' ? this.host.scopes.resolve(u) : undefined;
    const defs = b && (b.kind === 'const' || b.kind === 'let' || b.kind === 'var') ? this.host.definitions(b) : [];
    return defs.length === 1 && unwrap(defs[0]).type === 'NewExpression' ? unwrap(defs[0]) : u;
  }

  /** The name this module exports a class or function under, given a name for it here. */
  private exportNameOf(id: Node): string | undefined {
    const u = unwrap(id);
    const b = u.type === 'Identifier' ? this.host.scopes.resolve(u) : undefined;
    if (!b) return undefined;
    // (A class expression's own name, `_Cfg` of `var Cfg = class _Cfg {…}`, is the class the variable holds.)
    const holder = b.kind === 'class' && b.decl.type === 'ClassExpression' && b.decl.parent?.type === 'VariableDeclarator' ? this.host.scopes.resolve(b.decl.parent.id) : undefined;
    for (const [name, node] of this.exports()) {
      const n = unwrap(node);
      const r = n.type === 'Identifier' ? this.host.scopes.resolve(n) : undefined;
      if (n === b.decl || r && (r === b || r === holder)) return name;
    }
    return undefined;
  }

  /** What this module puts in objects and stores it exports (see ModuleSummary.keeps), those that hold something. */
  private keeps(fact: (node: Node) => Fact): NonNullable<ModuleSummary['keeps']> {
    // An exported object is named three ways: by its variable (`export const registry = …`), by the member of
    // `exports` it was put under (tsc's `exports.registry.set(…)`, webpack's `t.registry`), and by a variable
    // that holds it too (babel's `const registry = exports.registry = new Map()`).
    const byNode = new Map<Node, string>();
    const byBinding = new Map<Binding, string>();
    const byMember = new Map<Binding | 'exports', Map<string, string>>();
    const holder = (object: Node): Binding | 'exports' | undefined => {
      const u = unwrap(object);
      if (u.type === 'Identifier') return this.host.scopes.resolve(u) ?? (u.name === 'exports' ? 'exports' : undefined);
      return u.type === 'MemberExpression' && propertyName(u) === 'exports' && unwrap(u.object).type === 'Identifier' && unwrap(u.object).name === 'module' ? 'exports' : undefined;
    };
    for (const [name, node] of this.exports()) {
      const n = unwrap(node);
      if (!byNode.has(n)) byNode.set(n, name);
      const b = n.type === 'Identifier' ? this.host.scopes.resolve(n) : undefined;
      if (b && (b.kind === 'const' || b.kind === 'let' || b.kind === 'var') && !byBinding.has(b)) byBinding.set(b, name);
      const a = parenthesised(n).parent;
      const h = a?.type === 'AssignmentExpression' && a.left.type === 'MemberExpression' ? holder(a.left.object) : undefined;
      const key = h && propertyName(a!.left);
      if (key !== undefined) { let m = byMember.get(h!); if (!m) byMember.set(h!, (m = new Map())); if (!m.has(key)) m.set(key, name); }
    }
    const nameOf = (object: Node): string | undefined => {
      const o = unwrap(object);
      if (o.type === 'MemberExpression') { const h = holder(o.object); const key = propertyName(o); return h && key !== undefined ? byMember.get(h)?.get(key) : undefined; }
      const b = o.type === 'Identifier' ? this.host.scopes.resolve(o) : undefined;
      if (!b || b.kind !== 'const' && b.kind !== 'let' && b.kind !== 'var') return undefined;
      if (byBinding.has(b)) return byBinding.get(b);
      for (const d of this.host.definitions(b)) {
        let n = unwrap(d);
        while (n.type === 'AssignmentExpression' && n.operator === '=') n = unwrap(n.right);
        if (byNode.has(n)) return byNode.get(n);
      }
      return undefined;
    };
    const out: NonNullable<ModuleSummary['keeps']> = [];
    if (!byNode.size) return out;
    const add = (object: Node, key: unknown, value: Node, store: boolean) => {
      const name = typeof key === 'string' && out.length < MAX_ARG_MEMBERS ? nameOf(object) : undefined;
      const f = name !== undefined ? fact(value) : undefined;
      if (f && (f.kinds || f.from.length)) out.push({ name: name!, key: key as string, value: f, ...(store ? { store: true as const } : {}) });
    };
    for (const a of this.host.memberWrites()) if (a.operator === '=' && a.left.type === 'MemberExpression') add(a.left.object, propertyName(a.left), a.right, false);
    for (const method of STORE_PUT_METHODS) {
      for (const c of this.host.methodCalls(method)) if (c.arguments.length >= 2 && isLiteral(c.arguments[0])) add(unwrap(c.callee).object, c.arguments[0].value, c.arguments[1], true);
    }
    // `Object.assign(config, detect())`: every member of what is merged in (key `*`, see ModuleSummary.keeps).
    for (const c of this.host.methodCalls('assign')) {
      const o = unwrap(unwrap(c.callee).object);
      if (o.type !== 'Identifier' || o.name !== 'Object' || this.host.scopes.resolve(o)) continue;
      for (const from of (c.arguments as Node[]).slice(1)) {
        // (`Object.assign(config, { host: … })`: each member written out is kept under its own key.)
        if (from.type === 'ObjectExpression') for (const p of from.properties as Node[]) { if (p.type === 'Property' && p.kind === 'init') add(c.arguments[0], keyName(p), p.value, false); }
        else if (from.type !== 'SpreadElement') add(c.arguments[0], '*', from, false);
      }
    }
    return out;
  }
}

/** The class whose method `this` or `super` is in (arrow functions take their surrounding one). */
function enclosingClass(node: Node): Node | undefined {
  for (let n: Node | null | undefined = node.parent; n; n = n.parent) {
    if (n.type === 'ClassBody') return n.parent ?? undefined;
    if (isFunction(n) && n.type !== 'ArrowFunctionExpression' && n.parent?.type !== 'MethodDefinition' && n.parent?.type !== 'PropertyDefinition') return undefined;
  }
  return undefined;
}
