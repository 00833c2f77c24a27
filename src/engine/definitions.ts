// Definitions: the indexes built during the engine's walk (assignments, calls,
// returns, module factories, decoders) and what they answer: the expressions a
// binding is given, the function a callee is, a function's call sites, the
// object shapes and members an expression may have, bundlers' module exports.
import { addTo, awaitedArgument, calleeName, COMPARE_METHODS, COMPARE_OPS, enclosingScope, GLOBAL_OBJECTS, isFunction, isLogicalAssignment, isNullish, keyName, memberPath, methodName, parenthesised, patternKey, propertyName, soleReturn, thenPromise, thisFunction, unwrap, type FunctionNode, type Node } from './ast';
import type { AnalysisContext, Invocation } from './context';
import type { Constant } from './modules';
import { amdDependencies, calleeOf, systemDependencies } from './modules';
import type { ParsedIndex } from './parse';
import type { Binding } from './scope';
import { ITERATORS } from './evaluate';
import { LoweredAsync } from './lowered';
import { forEachChild, type Visitor } from './walk';
import { parseExpressionAt } from 'acorn';

/** The members key under which a module factory's whole `module.exports = value` is kept. */
const MODULE_VALUE = '(module.exports)';
/** A parameter's object shapes come from its call sites, when there are few of them. */
const MAX_SHAPE_CALLS = 8;
/** Calls a parameter is followed through to what they pass, for a source read on it (a module handed to a wrapper). */
const MAX_PASSED = 4;
/** Nested spreads followed into (`{ ...a }` where `a = { ...b }`). */
const MAX_SPREADS = 3;
/** Values kept per member of one object (`{ ...a, ...b }` merges theirs). */
const MAX_MEMBER_VALUES = 64;
/** A method's call sites are searched among at most this many calls of its name. */
const MAX_METHOD_CALLS = 64;
const DECODE_CALLS = new Set(['atob', 'fromCharCode', 'fromCodePoint', 'charCodeAt', 'decodeURIComponent', 'unescape', 'from']);

const INDIRECT = new Set(['call', 'apply', 'bind']);
/** Methods that register a listener for an event by name (Node's EventEmitter). */
const LISTEN = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
/** Timers that run their first argument with the arguments from this index on. */
const TIMERS = new Map([['setTimeout', 2], ['setInterval', 2], ['setImmediate', 1], ['nextTick', 1]]);

/**
 * The members a getter map declares, each with its getter or value: esbuild's and webpack's
 * `{ a: () => a }`, and newer webpack 5's list `["a", () => a, "b", 0, b]` (after `0` the value itself).
 */
function getterList(map: Node): Array<{ key: string; node: Node; getter: boolean }> | undefined {
  if (map.type === 'ObjectExpression') {
    if (!map.properties.length || !map.properties.every((p: Node) => p.type === 'Property' && isFunction(p.value) && !p.value.params.length)) return undefined;
    return map.properties.map((p: Node) => ({ key: keyName(p) ?? '', node: p.value, getter: true }));
  }
  if (map.type !== 'ArrayExpression' || !map.elements.length) return undefined;
  const out: Array<{ key: string; node: Node; getter: boolean }> = [];
  const els = map.elements as Array<Node | null>;
  for (let i = 0; i < els.length;) {
    const name = els[i++];
    const next = els[i++];
    if (name?.type !== 'Literal' || typeof name.value !== 'string' || !next) return undefined;
    if (next.type === 'Literal' && next.value === 0) {
      const value = els[i++];
      if (!value) return undefined;
      out.push({ key: name.value, node: value, getter: false });
    } else if (isFunction(next) && !next.params.length) out.push({ key: name.value, node: next, getter: true });
    else return undefined;
  }
  return out;
}

/** A Parcel bundle's runtime: `$parcel$global.parcelRequirecb43`. */
const PARCEL_RUNTIME = /\bparcelRequire[0-9a-f]*\b/;

/**
 * `f(ns, { a: () => a, b: () => b })`: a map of getters declaring a namespace's members (esbuild, webpack),
 * and `var ns = f({ a: () => a })`, the namespace made by the call (rolldown's `__exportAll`): the name and the map.
 */
function getterMapOf(node: Node): { ns: Node; map: Node } | undefined {
  const [first, map] = node.arguments as Node[];
  if (node.arguments.length === 2) return first.type === 'Identifier' && getterList(map) ? { ns: first, map } : undefined;
  const held = parenthesised(node).parent;
  return node.arguments.length === 1 && held?.type === 'VariableDeclarator' && held.id.type === 'Identifier' && getterList(first) ? { ns: held.id, map: first } : undefined;
}

/**
 * `e || (e = {})`, `exports.Geo || (exports.Geo = {})` and `e ||= {}`: what a TypeScript namespace fills,
 * the name (or member) that holds it and the object made when there was none.
 */
function namespaceTarget(node: Node): { target: Node; made: Node } | undefined {
  const n = unwrap(node);
  const sameTarget = (a: Node, b: Node) => a.type === 'Identifier' ? b.type === 'Identifier' && a.name === b.name : a.type === 'MemberExpression' && b.type === 'MemberExpression' && propertyName(a) !== undefined && propertyName(a) === propertyName(b) && unwrap(a.object).type === 'Identifier' && unwrap(a.object).name === unwrap(b.object).name;
  const [target, made] = isLogicalAssignment(n) ? [n.left, unwrap(n.right)] : n.type === 'LogicalExpression' && n.operator === '||' && unwrap(n.right).type === 'AssignmentExpression' && sameTarget(n.left, unwrap(n.right).left) ? [n.left, unwrap(unwrap(n.right).right)] : [];
  return target && made?.type === 'ObjectExpression' && (target.type === 'Identifier' || target.type === 'MemberExpression') ? { target, made } : undefined;
}

/** A descriptor of a class member as babel lowers classes: `{ key: "m", value: function () {…} }` (or `get`, `set`). */
function isMemberDescriptor(node: Node | null): boolean {
  return node?.type === 'ObjectExpression' && node.properties.some((p: Node) => p.type === 'Property' && keyName(p) === 'key' && p.value.type === 'Literal' && typeof p.value.value === 'string')
    && node.properties.some((p: Node) => p.type === 'Property' && /^(?:value|get|set)$/.test(keyName(p) ?? ''));
}

/** babel's `_createClass(C, [descriptors], [static descriptors])`, under any name: the prototype's members of constructor `C`. */
function isClassDescriptorCall(node: Node): boolean {
  const [ctor, proto, statics] = node.arguments as Node[];
  const described = (list: Node | undefined) => list?.type === 'ArrayExpression' && list.elements.length > 0 && list.elements.every(isMemberDescriptor);
  // (Statics alone: `_createClass(C, null, [{ key: "match", value: … }])`.)
  return node.arguments.length >= 2 && ctor.type === 'Identifier' && (described(proto) || isNullish(proto) && described(statics));
}

/** The class a lowered class's wrapper returns: `C`, also babel's `_createClass(C, […])`, which returns `C` (and the last of `C.LIST = …, C`). */
function classReturned(node: Node): Node {
  const n = calleeOf(node);
  return n.type === 'CallExpression' && isClassDescriptorCall(n) ? unwrap(n.arguments[0]) : n;
}

/** The values a list of babel's descriptors gives, by key (`[{ key: "m", value: fn }]`; not getters). */
function describedValues(list: Node | undefined): Array<[string, Node]> {
  if (list?.type !== 'ArrayExpression' || !list.elements.every(isMemberDescriptor)) return [];
  return (list.elements as Node[]).flatMap((d) => {
    const value = descriptorProp(d, 'value');
    return value ? [[String(descriptorProp(d, 'key')!.value), value] as [string, Node]] : [];
  });
}

/** What a property descriptor (`{ key: "zone", get: fn }`, `{ value: v, enumerable: true }`) gives under a name. */
function descriptorProp(d: Node, name: string): Node | undefined {
  return (d.properties as Node[]).find((p) => p.type === 'Property' && keyName(p) === name)?.value;
}

/** Babel's class for ES5 written in place (`_createClass(function Env() { _classCallCheck(this, Env); … })`): the constructor. */
function isCheckedConstructor(node: Node | undefined): boolean {
  const first = node?.type === 'FunctionExpression' ? node.body.body[0] : undefined;
  const call = first?.type === 'ExpressionStatement' ? first.expression : undefined;
  return call?.type === 'CallExpression' && call.arguments.length === 2 && call.arguments[0].type === 'ThisExpression';
}

/** Helpers that copy a list for destructuring, as babel and tsc write them for ES5. */
// (swc names babel's helpers in snake case: `_sliced_to_array`, `_to_array`, `_object_spread`.)
const SLICE_HELPERS = /^(?:_slicedToArray|_sliced_to_array|_toArray|_to_array|__read)$/;

/**
 * webpack's handshake with the dependencies of a module that uses top-level `await`: `(n.then ? (await n)() : n)[0]`,
 * which gives back the modules it was handed (`n = e([o])`), as they are once loaded.
 */
function isAsyncHandshake(node: Node): boolean {
  let u = unwrap(node);
  if (u.type === 'MemberExpression' && u.computed) u = unwrap(u.object);
  if (u.type !== 'ConditionalExpression') return false;
  const [test, yes, no] = [unwrap(u.test), unwrap(u.consequent), unwrap(u.alternate)];
  return test.type === 'MemberExpression' && propertyName(test) === 'then' && no.type === 'Identifier' && unwrap(test.object).type === 'Identifier' && unwrap(test.object).name === no.name
    && yes.type === 'CallExpression' && unwrap(yes.callee).type === 'AwaitExpression' && unwrap(unwrap(yes.callee).argument).type === 'Identifier' && unwrap(unwrap(yes.callee).argument).name === no.name;
}

/** What a deep copy copies: `structuredClone(o)` and `JSON.parse(JSON.stringify(o))` give `o`. */
export function deepCopyOf(call: Node): Node | undefined {
  const c = unwrap(call.callee);
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  if (c.type === 'Identifier' && c.name === 'structuredClone') return arg;
  const isJson = (n: Node, m: string) => n.type === 'MemberExpression' && unwrap(n.object).type === 'Identifier' && unwrap(n.object).name === 'JSON' && propertyName(n) === m;
  return isJson(c, 'parse') && arg?.type === 'CallExpression' && isJson(unwrap(arg.callee), 'stringify') && arg.arguments[0] ? arg.arguments[0] : undefined;
}

/** `Object.assign`, or a name for it. */
export function isObjectAssign(n: Node): boolean {
  const u = unwrap(n);
  return u.type === 'MemberExpression' && unwrap(u.object).type === 'Identifier' && unwrap(u.object).name === 'Object' && propertyName(u) === 'assign';
}

/** Compilers' helpers that merge objects, by their names. */
const MERGE_HELPERS = /^(?:__assign|_extends|_objectSpread2?|_object_spread(?:_props)?|__spreadValues)$/;

/** Nodes a merge helper's body may hold: compilers' helpers are a few lines. */
const MAX_MERGE_NODES = 200;

/**
 * A function that copies the members of objects into another, as compilers write spread and `Object.assign`
 * (tsc's `__assign`, babel's `_extends`, esbuild's `__spreadValues`): a `for…in` loop that sets `t[k]` from `s[k]`
 * (or passes both to a setter, `__defNormalProp(a, k, b[k])`).
 */
function copiesMembers(fn: FunctionNode): boolean {
  const stack: Node[] = [fn.body];
  for (let seen = 0; stack.length && seen < MAX_MERGE_NODES; seen++) {
    const n = stack.pop()!;
    if (n.type === 'ForInStatement') {
      const left = n.left.type === 'VariableDeclaration' ? n.left.declarations[0]?.id : n.left;
      if (left?.type === 'Identifier' && readsKeyed(n.body, left.name)) return true;
    }
    forEachChild(n, (c) => { stack.push(c); });
  }
  return false;
}

/** Does a loop body read `s[k]` into `t[k]` (or hand it to a setter with `k`)? */
function readsKeyed(body: Node, k: string): boolean {
  const keyed = (n: Node) => n.type === 'MemberExpression' && n.computed && unwrap(n.property).type === 'Identifier' && unwrap(n.property).name === k;
  const stack = [body];
  for (let seen = 0; stack.length && seen < MAX_MERGE_NODES; seen++) {
    const n = stack.pop()!;
    if (n.type === 'AssignmentExpression' && keyed(n.left) && keyed(unwrap(n.right))) return true;
    if (n.type === 'CallExpression' && n.arguments.some((a: Node) => keyed(unwrap(a))) && n.arguments.some((a: Node) => unwrap(a).type === 'Identifier' && unwrap(a).name === k)) return true;
    forEachChild(n, (c) => { stack.push(c); });
  }
  return false;
}

/** Each member a getter map declares with its values: a getter's returns, or the value itself. */
function getterMembers(defs: Definitions, map: Node): Array<[string, Node[]]> {
  return (getterList(map) ?? []).map((m) => [m.key, m.getter ? defs.returnsOf(m.node as FunctionNode) : [m.node]]);
}

/** The values a getter map gives for a key: `{ zone: () => zone }` gives `zone`. */
function getterValues(defs: Definitions, map: Node, key: string): Node[] {
  return getterMembers(defs, map).find(([k]) => k === key)?.[1] ?? [];
}

/** `void 0`, or an assignment of it (`exports.a = void 0` inside `exports.b = exports.a = void 0`). */
function isVoidChain(n: Node): boolean {
  n = unwrap(n);
  while (n.type === 'AssignmentExpression' && n.operator === '=') n = unwrap(n.right);
  return n.type === 'UnaryExpression' && n.operator === 'void';
}

/** The call a module factory that only loads another module by name makes: `(e) => { "use strict"; e.exports = require("os") }`. */
function loadingCall(fn: FunctionNode): Node | undefined {
  const body = fn.body.type !== 'BlockStatement' ? [fn.body] : fn.body.body.filter((st: Node) => !st.directive).map((st: Node) => (st.type === 'ExpressionStatement' ? st.expression : st));
  const a = body.length === 1 ? unwrap(body[0]) : undefined;
  if (a?.type !== 'AssignmentExpression' || a.left.type !== 'MemberExpression' || propertyName(a.left) !== 'exports') return undefined;
  const r = unwrap(a.right);
  return r.type === 'CallExpression' && r.arguments.length === 1 && typeof r.arguments[0].value === 'string' ? r : undefined;
}

/** Bytes of text below which a webpack module table needs not make up most of the file to be linked within it (see holdsModuleMap). */
const SMALL_BUNDLE = 1_000_000;

/** `{ exports: {} }`: the module record a bundler's require makes. */
const EMPTY_EXPORTS = /\bexports\s*:\s*\{\s*\}/;

function isReflect(node: Node): boolean {
  const n = unwrap(node);
  return n.type === 'Identifier' && n.name === 'Reflect';
}

export type { Invocation };

/**
 * How a call runs the function its callee names: `f.call(t, a)`, `f.apply(t, [a])`,
 * `Reflect.apply(f, t, [a])`. Undefined for other calls and for argument lists that
 * are not written out.
 */
export function invocationOf(call: Node): { target: Node; args: Node[]; thisArg?: Node } | undefined {
  const callee = unwrap(call.callee);
  const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  const spread = (list: Node | undefined) => (list && unwrap(list).type === 'ArrayExpression' ? unwrap(list).elements as Node[] : undefined);
  if (method === 'apply' && isReflect(callee.object)) {
    const args = spread(call.arguments[2]);
    return call.arguments[0] && args ? { target: call.arguments[0], args, thisArg: call.arguments[1] } : undefined;
  }
  if (method === 'call') return { target: callee.object, args: call.arguments.slice(1), thisArg: call.arguments[0] };
  if (method === 'apply') {
    const args = call.arguments.length < 2 ? [] : spread(call.arguments[1]);
    return args ? { target: callee.object, args, thisArg: call.arguments[0] } : undefined;
  }
  return undefined;
}

/** First index whose node starts at or after `pos` (the list is sorted by start). */
function lowerBound(list: Node[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function isSortedByStart(list: Node[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1].start > list[i].start) return false;
  return true;
}

/** An object expression that may be more than this many object literals or classes is not looked into for a member. */
const MAX_SHAPES = 64;

/** A function that returns a function is followed as a maker of closures when it runs in at most this many places. */
const MAX_MAKER_CALLS = 4;

export class Definitions {
  /** Assignments `name = value` by name, and `x.key = value` / `this.key = value` by key. */
  readonly assignments: Map<string, Node[]>;
  readonly memberAssignments = new Map<string, Node[]>();
  /** sharedModuleWrites, by module factory and key. */
  private readonly sharedWrites = new Map<FunctionNode, Map<string, Node[]>>();
  /** Assignments to a member of a member, `a.w.special = …` (webpack's `a = n(187)` of `import { state }`). */
  readonly nestedMemberAssignments: Node[] = [];
  /** Writes to a member of the global object under a computed key (`globalThis[k] = …`). */
  readonly computedGlobalWrites: Node[] = [];
  /** `i = e || (e = {})` (a TypeScript namespace as minifiers write it: `i` another name for `e`), by both names. */
  private readonly aliases = new Map<string, Node[]>();
  /** `(i = e || (e = {})).zone = …`: members written through such an assignment, by key. */
  private readonly aliasedWrites = new Map<string, Node[]>();
  private readonly memberAssignmentsByName = new Map<string, Map<string, Node[]>>();
  private readonly memberAssignmentGroups = new Map<string, Map<string, Map<Binding, Node[]>>>();
  /** Calls `name(...)` by callee name. */
  readonly calls: Map<string, Node[]>;
  /** Names given as arguments of calls (`mark` of `run(mark)`), by name; and by binding, as asked. */
  private readonly argumentNames = new Map<string, Node[]>();
  private readonly argumentsByBinding = new Map<string, Map<Binding, Node[]>>();
  private readonly sortedEntries = new WeakSet<Node[]>();
  private readonly assignmentsByBinding = new Map<string, Map<Binding, Node[]>>();
  private readonly callsByBinding = new Map<string, Map<Binding, Node[]>>();
  private aliasIndex?: Map<string, Node[]>;
  private storedIndex?: Map<string, Array<[string, Node]>>;
  /** `a.push(…)`, `a.add(…)` and `Object.assign(a, …)` calls by the name `a`. */
  private readonly pushes = new Map<string, Node[]>();
  private readonly assigns = new Map<string, Node[]>();
  private readonly pushesByBinding = new Map<string, Map<Binding, Node[]>>();
  private readonly assignsByBinding = new Map<string, Map<Binding, Node[]>>();
  private readonly elementCallsOf = new Map<Node, Node[]>();
  /** `new C(…)` by the name `C`. */
  private readonly news = new Map<string, Node[]>();
  /** TypeScript's namespaces and enums, `(function (N) { N.a = … })(N || (N = {}))`: the function's parameter, by the outer name. */
  private readonly namespaceParams = new Map<string, Node[]>();
  /** The same parameters, whatever they are named (a minifier names the parameter apart from what it fills: `(function (e) {…})(n || (n = {}))`). */
  private readonly namespaceParamNodes = new Set<Node>();
  /** babel's `_createClass(C, […])` calls by the constructor's name. */
  private readonly classDescriptors = new Map<string, Node[]>();
  /** Names whose static members are being looked up, so that a lookup never leads back into itself. */
  private readonly staticsAsked = new Set<Binding>();
  private readonly newsByBinding = new Map<string, Map<Binding, Node[]>>();
  private readonly thisAssignmentsByClass = new Map<string, Map<Node, Node[]>>();
  private readonly memberIndex = new Map<Node, Map<string, Node[]>>();
  private readonly shapes = new Map<Node, Node[]>();
  /** `C.prototype.key = …` assignments by the constructor's name (see prototypeAssignments). */
  private prototypeIndex?: Map<string, Node[]>;
  /** Async functions lowered by compilers (`__awaiter`/`__generator`, `__async`, regenerator). */
  readonly lowered = new LoweredAsync((fn) => this.returnsOf(fn));
  /** Calls `x.name(...)` by method name (for the call sites of functions kept as members), indexed on first use. */
  private methodCallIndex?: Map<string, Node[]>;
  /** The parser's list of the visitors' node types (calls among them). */
  private readonly visited?: Node[];
  /** Bundled module factories by module id. */
  private readonly moduleFactories = new Map<string, FunctionNode>();
  /** browserify's factories (`1: [function (require, module, exports) {…}, { "./tz": 2 }]`) and the ids their names map to. */
  private readonly browserifyDeps = new Map<FunctionNode, Node>();
  /** The `exports` parameters of SystemJS modules' functions (`System.register([…], function (exports) {…})`). */
  private readonly systemExports: Node[] = [];
  /** AMD modules by name: `define("tz", ["os"], function (os) {…})` (as r.js writes them). */
  private readonly amdModules = new Map<string, FunctionNode>();
  /** Those registered with Parcel's `parcelRegister("id", function (module, exports) {})` (see parcelFactory). */
  private readonly parcelFactories = new Set<FunctionNode>();
  /** Whether the text is a Parcel bundle, once looked at (see isParcel). */
  private parcel?: boolean;
  /** The modules of a webpack chunk by id, with their exports (see chunkExports). */
  private chunks?: Map<string, Map<string, Node[]>>;
  /** `__export(ns, { a: () => a })` (esbuild), `r.d(exports, { a: () => a })` (webpack 5) and `ns = __exportAll({ a: () => a })` (rolldown), by the name `ns`. */
  private readonly getterExports = new Map<string, Array<{ ns: Node; map: Node }>>();
  /** The modules a bundled module re-exports whole, by its factory (`__exportStar(n(251), exports)`): the loading calls. */
  private readonly starExports = new Map<FunctionNode, Node[]>();
  /** Functions written in place and called with one constant (`function r(n) {…}(509)`, webpack's require where the entry loads its one module). */
  private readonly placedCalls: Node[] = [];
  /** Spreads being followed, one inside the other (`{ ...a }` where `a = { ...b }` …). */
  private spreading = 0;
  /** `m.set(key, value)` calls by the name `m`. */
  private readonly containerSets = new Map<string, Node[]>();
  /** `__publicField(obj, "key", value)` calls (class fields lowered by esbuild, babel, tsc) by the key. */
  private readonly fieldCalls = new Map<string, Node[]>();
  /** Possible writes of lowered private fields (`__privateAdd(this, _z, v)`, `_z.set(this, v)`) by the WeakMap's name. */
  private readonly privateWrites = new Map<string, Node[]>();
  /** `f.call`, `f.apply`, `f.bind`, `Reflect.apply(f, …)` calls by the name `f`. */
  private readonly indirectCalls = new Map<string, Node[]>();
  /** `for (const x of list)` loops by the list's name (see forOfLoops). */
  private forOfIndex?: Map<string, Node[]>;
  /** `list.push(x)` calls by the name pushed (see keptIn), built on first use. */
  private pushedIndex?: Map<string, Node[]>;
  private readonly invocationsOf = new Map<FunctionNode, Invocation[]>();
  /** The closure each maker returns, or null (see madeFunction). */
  private readonly made = new Map<FunctionNode, FunctionNode | null>();
  /** Functions that decode: base64, hex, char codes, XOR. */
  readonly decoders = new Set<FunctionNode>();
  private readonly returns = new Map<Node, Node[]>();
  private readonly defined = new Map<Binding, Node[]>();
  /** CommonJS export assignments and `Object.defineProperty(exports, …)` calls. */
  readonly commonJs: Node[] = [];
  /** Parameters of functions that fill an export as a TypeScript namespace, with the export's name. */
  readonly exportedNamespaces: Array<[Node, string]> = [];
  /** `Object.defineProperty(exports, …)` and helpers' `f(require("m"), exports)` calls. */
  readonly defineCalls: Node[] = [];
  /** The parser's list of nodes; with it come its calls and assignments by name (else the walk records those). */
  private readonly nodes?: Node[];

  /**
   * @param selfLink the modules of this file's webpack module map are linked as a split build's are (each
   * factory its own module, loaded by id) instead of being resolved in place: see scanText.
   */
  constructor(private readonly a: AnalysisContext, index?: ParsedIndex, private readonly selfLink = false) {
    this.nodes = index?.nodes;
    this.visited = index?.visited;
    this.calls = index?.calls ?? new Map();
    this.assignments = index?.assignments ?? new Map();
  }

  /** Visitors that build the indexes during the engine's single walk. */
  collectors(): Record<string, Visitor> {
    const indexed = !!this.nodes;
    const addReturn = (node: Node) => {
      const fn = enclosingScope(node);
      if (!isFunction(fn)) return;
      addTo(this.returns, fn, node.argument);
    };
    return {
      AssignmentExpression: (node) => {
        const left = node.left as Node;
        if (left.type === 'Identifier') {
          if (!indexed) addTo(this.assignments, left.name, node);
          const ns = namespaceTarget(node.right);
          if (ns) for (const name of [left.name, ns.target.name]) if (name) addTo(this.aliases, name, node);
        } else if (left.type === 'MemberExpression') {
          const p = propertyName(left);
          const obj = unwrap(left.object);
          if (p && (obj.type === 'Identifier' || obj.type === 'ThisExpression')) addTo(this.memberAssignments, p, node);
          else if (p && obj.type === 'AssignmentExpression' && obj.left.type === 'Identifier' && namespaceTarget(obj.right)) addTo(this.aliasedWrites, p, node);
          else if (p && obj.type === 'MemberExpression') this.nestedMemberAssignments.push(node);
          // (`globalThis[Symbol.for("app.env")] = …`: a member of the global object under a key worked out later, see ModuleFacts.)
          else if (!p && left.computed && obj.type === 'Identifier' && GLOBAL_OBJECTS.has(obj.name)) this.computedGlobalWrites.push(node);
          // (Also one level deeper: `module.exports.env.tz = …`, `exports.env.tz = …`.)
          const outer = obj.type === 'MemberExpression' ? unwrap(obj.object) : undefined;
          if (obj.type === 'Identifier' ? obj.name === 'exports' || obj.name === 'module' && p === 'exports' : obj.type === 'MemberExpression' && (propertyName(obj) === 'exports' || outer?.type === 'Identifier' && outer.name === 'exports' || outer?.type === 'MemberExpression' && propertyName(outer) === 'exports')) this.commonJs.push(node);
        }
      },
      NewExpression: (node) => {
        if (node.callee.type !== 'Identifier') return;
        addTo(this.news, node.callee.name, node);
        if (node.callee.name === 'Map') this.a.compare.noteTable(node);
      },
      ObjectExpression: (node) => this.a.compare.noteTable(node),
      CallExpression: (node) => {
        const callee = unwrap(node.callee);
        this.parcelFactory(node);
        for (const a of node.arguments as Node[]) if (a.type === 'Identifier') addTo(this.argumentNames, a.name, a);
        if (isFunction(callee)) this.namespaceFunction(node, callee);
        if (callee.type === 'FunctionExpression' && node.arguments.length === 1 && node.arguments[0].type === 'Literal') this.placedCalls.push(node);
        this.amdModule(node);
        // A SystemJS module's function: what it gives its `exports` (`exports("zone", zone)`) is what the module exports.
        const registered = node.arguments[node.arguments.length - 1];
        if (isFunction(registered) && registered.params[0]?.type === 'Identifier' && systemDependencies(registered)) this.systemExports.push(registered.params[0]);
        if (callee.type === 'Identifier') {
          if (callee === node.callee && !indexed) addTo(this.calls, callee.name, node);
          const getters = getterMapOf(node);
          if (getters) addTo(this.getterExports, getters.ns.name, getters);
          if (isClassDescriptorCall(node)) addTo(this.classDescriptors, node.arguments[0].name, node);
          if (DECODE_CALLS.has(callee.name)) this.markDecoder(node);
          // tsc's `__exportStar(require("./tz"), exports)`: `export * from "./tz"` (see ModuleFacts.addCommonJs).
          if (node.arguments.length === 2 && node.arguments[1].type === 'Identifier' && node.arguments[1].name === 'exports') this.defineCalls.push(node);
          const [obj, key] = node.arguments as Node[];
          if (node.arguments.length === 3 && key.type === 'Literal' && typeof key.value === 'string' && (obj.type === 'Identifier' || obj.type === 'ThisExpression')) addTo(this.fieldCalls, key.value, node);
          if (node.arguments.length === 3 && key.type === 'Identifier') addTo(this.privateWrites, key.name, node);
        } else {
          const method = propertyName(callee);
          if (method === undefined) return;
          const getters = getterMapOf(node);
          if (getters) addTo(this.getterExports, getters.ns.name, getters);
          if (method === 'set' && node.arguments.length === 2 && unwrap(callee.object).type === 'Identifier') addTo(node.arguments[0].type === 'Literal' ? this.containerSets : this.privateWrites, unwrap(callee.object).name, node);
          const obj = unwrap(callee.object);
          if ((method === 'push' || method === 'add') && obj.type === 'Identifier') addTo(this.pushes, obj.name, node);
          if (method === 'assign' && obj.type === 'Identifier' && obj.name === 'Object' && node.arguments[0]?.type === 'Identifier') addTo(this.assigns, node.arguments[0].name, node);
          // `f.call(…)`, `f.apply(…)`, `f.bind(…)` and `Reflect.apply(f, …)`, by the function's name.
          if (INDIRECT.has(method)) {
            const target = unwrap(method === 'apply' && isReflect(callee.object) ? node.arguments[0] ?? callee : callee.object);
            const name = target.type === 'Identifier' ? target.name : propertyName(target);
            if (name !== undefined) addTo(this.indirectCalls, name, node);
            // `Array.prototype.includes.call(list, v)`, `Reflect.apply(inc, list, [v])`, `has = Set.prototype.has.bind(set)`.
            if (method !== 'bind') this.a.compare.candidates.push(node);
            else if (name !== undefined && COMPARE_METHODS.has(name) && node.parent?.type === 'VariableDeclarator' && node.parent.id.type === 'Identifier') this.a.compare.boundTo(node.parent.id.name, node);
          }
          if (DECODE_CALLS.has(method)) this.markDecoder(node);
          if (COMPARE_METHODS.has(method) || method === 'hasOwn') this.a.compare.candidates.push(node);
          else if (method === 'defineProperty' && node.arguments[0]?.type === 'Identifier' && node.arguments[0].name === 'exports') this.defineCalls.push(node);
          // `Object.defineProperty(o, "k", { value: v })` (or `{ get: () => v }`), `Object.defineProperties(o, { k: {…} })`: `o.k = v`.
          if ((method === 'defineProperty' || method === 'defineProperties') && obj.type === 'Identifier' && obj.name === 'Object') for (const a of describedMembers(node)) addTo(this.memberAssignments, propertyName(a.left)!, a);
        }
      },
      BinaryExpression: (node) => {
        if (COMPARE_OPS.has(node.operator) || node.operator === 'in') this.a.compare.candidates.push(node);
        else if (node.operator === '^') this.markDecoder(node);
      },
      SwitchStatement: (node) => { this.a.compare.candidates.push(node); },
      Property: (node) => {
        // Module factories of webpack (`123: (module, exports, require) => {}`) and esbuild (`"src/x.js"(exports, module) {}`).
        const key = node.key as Node;
        // browserify's `1: [function (require, module, exports) {…}, { "./tz": 2 }]`.
        const [fn, deps] = node.value.type === 'ArrayExpression' && node.value.elements.length === 2 ? node.value.elements as Node[] : [];
        if (key.type === 'Literal' && isFunction(fn) && fn.params.length && deps?.type === 'ObjectExpression') {
          this.moduleFactories.set(String(key.value), fn);
          this.browserifyDeps.set(fn, deps);
          return;
        }
        if (key.type !== 'Literal' || !isFunction(node.value) || !node.value.params.length) return;
        if (typeof key.value === 'number' || (typeof key.value === 'string' && /^(?:\.{0,2}\/|[\w@-]+\/).*\.[cm]?[jt]sx?$|^\d+$/.test(key.value))) this.moduleFactories.set(String(key.value), node.value);
        // A development build keeps a built-in module under its name: `"os": (module) => { module.exports = require("os"); }`.
        else if (typeof key.value === 'string' && loadingCall(node.value)?.arguments[0].value === key.value) this.moduleFactories.set(key.value, node.value);
      },
      ReturnStatement: (node) => { if (node.argument) addReturn(node); },
      // What a generator yields is what its caller gets from it: counted as returned.
      YieldExpression: (node) => { if (node.argument && !node.delegate) addReturn(node); },
    };
  }

  /**
   * Parcel's module registration, `parcelRegister("9KeGd", function (module, exports) {…})` (also
   * `parcelRequire.register(…)`), in a bundle whose runtime names `parcelRequire`: a module factory
   * by that id, which `parcelRequire("9KeGd")` loads, in this file or another of the build.
   */
  private parcelFactory(node: Node): void {
    const [id, fn] = node.arguments as Node[];
    if (node.arguments.length !== 2 || id.type !== 'Literal' || typeof id.value !== 'string' || !isFunction(fn) || !fn.params.length) return;
    if (!this.isParcel()) return;
    this.moduleFactories.set(id.value, fn as FunctionNode);
    this.parcelFactories.add(fn as FunctionNode);
  }

  /** `define("name", ["dep"], function (dep) {…})`: an AMD module by its name (a module without a name is reached by none). */
  private amdModule(node: Node): void {
    const callee = unwrap(node.callee);
    const [name, deps, factory] = node.arguments as Node[];
    if (callee.type !== 'Identifier' || callee.name !== 'define' || node.arguments.length !== 3 || name.type !== 'Literal' || typeof name.value !== 'string' || deps.type !== 'ArrayExpression' || !isFunction(factory)) return;
    this.amdModules.set(name.value, factory);
  }

  /** Marks the functions around a decoding step (a decoder often wraps a `replace` callback). */
  private markDecoder(node: Node): void {
    let levels = 0;
    for (let fn = node.parent; fn && levels < 3; fn = fn.parent) {
      if (isFunction(fn)) { this.decoders.add(fn); levels++; }
    }
  }

  /**
   * Calls `fn` on every node but identifiers and literals, for rules that look
   * at the tree only when earlier facts call for it (instead of a visitor on
   * every node of every file).
   */
  eachNode(fn: (node: Node) => void): void {
    if (this.nodes) {
      this.nodes.forEach(fn);
      return;
    }
    // After error recovery there is no list: walk with a stack (recovered trees can be deep).
    const stack: Node[] = [this.a.ast];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type !== 'Identifier' && n.type !== 'Literal') fn(n);
      forEachChild(n, (c) => { stack.push(c); });
    }
  }

  /**
   * The nodes of an index entry (all nodes for one name) that refer to one binding.
   * A local binding only looks inside its scope; a top-level one groups the whole
   * entry once, since minified bundles reuse short names thousands of times.
   */
  private nodesFor(index: Map<string, Node[]>, cache: Map<string, Map<Binding, Node[]>>, b: Binding, idOf: (n: Node) => Node): Node[] {
    const all = index.get(b.name);
    if (!all) return [];
    const resolves = (n: Node) => { const id = idOf(n); return id.type === 'Identifier' && this.a.scopes.resolve(id) === b; };
    if (b.scope.type !== 'Program') {
      // Search the scope's range. The parser's list is in finish order, where a
      // node comes after the nodes nested in it (`a = function () { var a; a = 1 }`):
      // an entry is sorted by start once, before its first search.
      if (!this.sortedEntries.has(all)) {
        this.sortedEntries.add(all);
        if (!isSortedByStart(all)) all.sort((x, y) => x.start - y.start);
      }
      const { start, end } = b.scope;
      const out: Node[] = [];
      for (let i = lowerBound(all, start); i < all.length && all[i].start < end; i++) if (resolves(all[i])) out.push(all[i]);
      return out;
    }
    let groups = cache.get(b.name);
    if (!groups) {
      groups = new Map();
      cache.set(b.name, groups);
      for (const n of all) {
        const id = idOf(n);
        const owner = id.type === 'Identifier' ? this.a.scopes.resolve(id) : undefined;
        if (!owner) continue;
        addTo(groups, owner, n);
      }
    }
    return groups.get(b) ?? [];
  }


  /** Calls `fn` on every call expression (from the parser's list of the visitors' types when there is one). */
  eachCall(fn: (call: Node) => void): void {
    const visit = (n: Node) => { if (n.type === 'CallExpression') fn(n); };
    if (this.visited) this.visited.forEach(visit); else this.eachNode(visit);
  }

  /** Calls `fn` on every `new` expression. */
  eachNew(fn: (node: Node) => void): void {
    const visit = (n: Node) => { if (n.type === 'NewExpression') fn(n); };
    if (this.visited) this.visited.forEach(visit); else this.eachNode(visit);
  }

  /** Two names of one emitter: one binding, or each module's own `var bus = require_bus()` of one bundled module. */
  private sameEmitter(a: Node, b: Node): boolean {
    const ba = this.a.scopes.resolve(a);
    const bb = this.a.scopes.resolve(b);
    // (One global object under its name: `process.emit("x-env", hit)` heard by `process.on("x-env", …)`.)
    if (!ba || !bb) return !ba && !bb && a.name === b.name;
    if (ba === bb) return true;
    const da = ba.kind === 'param' ? [] : this.definitions(ba);
    const db = bb.kind === 'param' ? [] : this.definitions(bb);
    if (da.length !== 1 || db.length !== 1 || unwrap(da[0]).type !== 'CallExpression' || unwrap(db[0]).type !== 'CallExpression') return false;
    const fa = this.moduleFactoryOf(unwrap(da[0]));
    return !!fa && fa === this.moduleFactoryOf(unwrap(db[0]));
  }

  /**
   * The list a function is pushed or added to, directly or by a helper it is passed to (`function onEnv(cb) { registry.push(cb) }`),
   * or by the name it is given first (`t = (s) => …, list.push(t)`, as minifiers write it).
   */
  private keptIn(fn: FunctionNode): Binding | undefined {
    const p = fn.parent;
    const named = p?.type === 'VariableDeclarator' && p.init === fn ? p.id : p?.type === 'AssignmentExpression' && p.right === fn ? p.left : undefined;
    const holder = named?.type === 'Identifier' ? this.a.scopes.resolve(named) : undefined;
    if (holder) return this.listKeeping(holder);
    const host = p?.type === 'CallExpression' ? p : undefined;
    if (!host) return undefined;
    const direct = this.listPushedTo(host);
    if (direct) return direct;
    const at = (host.arguments as Node[]).indexOf(fn);
    const helper = at >= 0 ? this.functionOf(calleeOf(host.callee)) : undefined;
    const param = helper?.params[at];
    const b = param?.type === 'Identifier' ? this.a.scopes.resolve(param) : undefined;
    return b && this.listKeeping(b);
  }

  /** The list a name is pushed to (`cbs` of `cbs.push(cb)`, or of a set's `add`). */
  private listKeeping(b: Binding): Binding | undefined {
    if (!this.pushedIndex) {
      this.pushedIndex = new Map();
      for (const push of [...this.pushes.values()].flat()) {
        const arg = unwrap(push.arguments[0] ?? push);
        if (arg.type === 'Identifier') addTo(this.pushedIndex, arg.name, push);
      }
    }
    const push = this.pushedIndex.get(b.name)?.find((c) => this.a.scopes.resolve(unwrap(c.arguments[0])) === b);
    return push && this.listPushedTo(push);
  }

  /** `list` of `list.push(x)` (or `unshift`, `add`), when the list is a name. */
  private listPushedTo(call: Node): Binding | undefined {
    const c = unwrap(call.callee);
    const obj = c.type === 'MemberExpression' && /^(?:push|unshift|add)$/.test(propertyName(c) ?? '') ? unwrap(c.object) : undefined;
    return obj?.type === 'Identifier' ? this.a.scopes.resolve(obj) : undefined;
  }

  /** Calls of a list's items: `list.forEach((cb) => cb(x))` (and `some`, `map`, …), `for (const cb of list) cb(x)`. */
  private itemCalls(list: Binding): Node[] {
    const out: Node[] = [];
    const isList = (n: Node) => { const o = unwrap(n); return o.type === 'Identifier' && o.name === list.name && this.a.scopes.resolve(o) === list; };
    const callsOfItem = (id: Node | undefined) => {
      const b = id?.type === 'Identifier' ? this.a.scopes.resolve(id) : undefined;
      if (b) out.push(...this.callsOf(b));
    };
    for (const method of ['forEach', 'some', 'every', 'map', 'filter', 'find', 'flatMap']) {
      for (const call of this.methodCalls().get(method) ?? []) {
        const cb = call.arguments[0];
        // (`(0, list.forEach)(…)`: calleeOf looks through the sequence, as the index did.)
        if (isList(calleeOf(call.callee).object) && isFunction(cb)) callsOfItem(cb.params[0]);
      }
    }
    for (const loop of this.forOfLoops().get(list.name) ?? []) {
      if (isList(loop.right) && loop.left.type === 'VariableDeclaration') callsOfItem(loop.left.declarations[0].id);
    }
    return out;
  }

  /** `for (const x of list)` loops, by the name of the list they iterate (built on first use). */
  private forOfLoops(): Map<string, Node[]> {
    if (this.forOfIndex) return this.forOfIndex;
    const index = new Map<string, Node[]>();
    this.forOfIndex = index;
    this.eachNode((n) => { if (n.type === 'ForOfStatement' && unwrap(n.right).type === 'Identifier') addTo(index, unwrap(n.right).name, n); });
    return index;
  }

  /** Calls of a method of any object, by the method's name (`set` of `registry.set(k, v)`). */
  methodCalls(): Map<string, Node[]> {
    if (this.methodCallIndex) return this.methodCallIndex;
    const index = new Map<string, Node[]>();
    this.methodCallIndex = index;
    const add = (n: Node) => {
      const c = calleeOf(n.callee);
      const key = c.type === 'MemberExpression' ? propertyName(c) : undefined;
      if (key !== undefined) addTo(index, key, n);
    };
    this.eachCall(add);
    return index;
  }

  /**
   * Names that take a member by its key: `var f = m.key`, `f = m.key`, `var { key: f } = m`,
   * by key. A member function is also called under such a name (`isFlagged(tz)`).
   */
  private memberAliases(): Map<string, Node[]> {
    if (this.aliasIndex) return this.aliasIndex;
    const index = new Map<string, Node[]>();
    this.aliasIndex = index;
    this.eachNode((n) => {
      if (n.type === 'VariableDeclarator' && n.init) {
        if (n.id.type === 'Identifier' && unwrap(n.init).type === 'MemberExpression') {
          const key = propertyName(unwrap(n.init));
          if (key !== undefined) addTo(index, key, n.id);
        } else if (n.id.type === 'ObjectPattern') {
          for (const p of n.id.properties) {
            const key = p.type === 'Property' ? keyName(p) : undefined;
            const local = p.type === 'Property' ? (p.value.type === 'AssignmentPattern' ? p.value.left : p.value) : undefined;
            if (key !== undefined && local?.type === 'Identifier') addTo(index, key, local);
          }
        }
      } else if (n.type === 'AssignmentExpression' && n.operator === '=' && n.left.type === 'Identifier' && unwrap(n.right).type === 'MemberExpression') {
        const key = propertyName(unwrap(n.right));
        if (key !== undefined) addTo(index, key, n.left);
      }
    });
    return index;
  }

  /**
   * Names stored as an object's member, by the name: `{ mark }`, `{ G: mark }`, `api.G = mark`, and
   * a getter returning it (`r.d(exports, { G: () => mark })`, `Object.defineProperty(api, "G", { get: () => mark })`):
   * the key and the name's node. A function kept so runs where the member is called.
   */
  private storedNames(): Map<string, Array<[string, Node]>> {
    if (this.storedIndex) return this.storedIndex;
    const index = new Map<string, Array<[string, Node]>>();
    this.storedIndex = index;
    /** The name a member's value gives: the name itself, or what a getter-like function returns. */
    const named = (v: Node): Node | undefined => {
      v = unwrap(v);
      if (v.type === 'Identifier') return v;
      if (!isFunction(v) || v.params.length) return undefined;
      const only = soleReturn(v);
      return only && unwrap(only).type === 'Identifier' ? unwrap(only) : undefined;
    };
    this.eachNode((n) => {
      if (n.type === 'Property' && !n.computed && n.parent?.type === 'ObjectExpression') {
        let key = keyName(n);
        // (`{ get: () => mark }` describing the member "G" of `Object.defineProperty(api, "G", …)`.)
        const desc = n.parent.parent;
        if ((key === 'get' || key === 'value') && desc?.type === 'CallExpression' && desc.arguments[2] === n.parent && methodName(desc) === 'defineProperty') {
          key = desc.arguments[1]?.type === 'Literal' ? String(desc.arguments[1].value) : undefined;
        }
        const id = key !== undefined ? named(n.value) : undefined;
        if (id) addTo(index, id.name, [key!, id]);
      } else if (n.type === 'AssignmentExpression' && n.operator === '=' && n.left.type === 'MemberExpression' && unwrap(n.right).type === 'Identifier') {
        const key = propertyName(n.left);
        if (key !== undefined) addTo(index, unwrap(n.right).name, [key, unwrap(n.right)]);
      } else if (n.type === 'ArrayExpression' && n.parent?.type === 'CallExpression' && n.parent.arguments[1] === n) {
        // webpack's `r.d(exports, ["G", () => mark, "Z", 0, table])`.
        for (const m of getterList(n) ?? []) {
          const id = named(m.node);
          if (id) addTo(index, id.name, [m.key, id]);
        }
      }
    });
    return index;
  }

  /** Calls of a member function under a name that took it (`var { isFlagged: f } = require_check(); f(tz)`). */
  private aliasCalls(fn: FunctionNode, key: string): Node[] {
    const out: Node[] = [];
    const aliases = this.memberAliases().get(key) ?? [];
    if (aliases.length > MAX_METHOD_CALLS) return out;
    for (const id of aliases) {
      const b = this.a.scopes.resolve(id);
      if (!b) continue;
      for (const c of this.callsOf(b)) if (this.functionOf(c.callee) === fn) out.push(c);
    }
    return out;
  }

  /** Expressions assigned to a binding: its initialiser and every assignment. */
  definitions(b: Binding): Node[] {
    let list = this.defined.get(b);
    if (list) return list;
    list = [];
    this.defined.set(b, list);
    const d = b.decl;
    if (b.kind === 'import') {
      const c = this.a.modules.constantOf(b.id);
      if (c) list.push(constantNode(c, b.id));
      return list;
    }
    if (b.kind === 'function' || b.kind === 'class') list.push(d);
    else if (d.type === 'VariableDeclarator' && d.id === b.id && d.init) list.push(d.init);
    else if (d.type === 'VariableDeclarator' && d.init) {
      // `const { key } = init` and `const [a] = init`: the definition is `init.key` / `init[0]`.
      const pattern = d.id as Node;
      const prop = pattern.type === 'ObjectPattern' ? pattern.properties.find((p: Node) => p.type === 'Property' && (p.value === b.id || p.value.left === b.id)) : undefined;
      const index = pattern.type === 'ArrayPattern' ? pattern.elements.indexOf(b.id) : -1;
      const key = prop && !prop.computed ? keyName(prop) : index >= 0 ? index : undefined;
      if (key !== undefined) {
        const property = typeof key === 'number' ? { type: 'Literal', value: key } : { type: 'Identifier', name: key };
        list.push({ type: 'MemberExpression', object: d.init, property, computed: typeof key === 'number', optional: false, start: b.id.start, end: b.id.end, parent: d } as unknown as Node);
      }
    }
    // (webpack's async-module handshake, `o = (n.then ? (await n)() : n)[0]` of `n = e([o])`, gives `o` back as it was.)
    for (const a of this.nodesFor(this.assignments, this.assignmentsByBinding, b, (n) => n.left)) if (!isAsyncHandshake(a.right)) list.push(a.right);
    return list;
  }

  /** What the calls of a function pass for its plain parameter `b`, when it is called in at most MAX_PASSED places. */
  passedTo(b: Binding): Node[] {
    const fn = b.decl;
    const i = isFunction(fn) ? fn.params.indexOf(b.id) : -1;
    if (i < 0) return [];
    // AMD: `define([…, "os"], function (…, os_1) {…})` gives the parameter what `require("os")` would.
    const dep = amdDependencies(fn)?.[i];
    if (dep?.type === 'Literal' && typeof dep.value === 'string') {
      const span = { start: dep.start, end: dep.end };
      return [{ type: 'CallExpression', callee: { type: 'Identifier', name: 'require', ...span }, arguments: [dep], optional: false, parent: dep.parent?.parent, ...span } as unknown as Node];
    }
    const calls = this.invocations(fn as FunctionNode);
    if (!calls.length || calls.length > MAX_PASSED) return [];
    const args = calls.map((c) => c.args[i]).filter((a): a is Node => !!a && a.type !== 'SpreadElement');
    return args.length === calls.length ? args : [];
  }

  /**
   * The list a loop variable takes its items from: `for (const x of list)`, and the same loop as
   * compilers lower it to an iterator: `for (var it = __values(list), s = it.next(); !s.done; s = it.next())
   * { var x = s.value; }` (tsc), `for (it.s(); !(s = it.n()).done;) { var x = s.value; }` and
   * `!(s = it()).done` (babel), or `list[Symbol.iterator]()` by hand.
   */
  /**
   * A name a `for…of` loop destructures from each item (`for (const [k, v] of entries)`), with the key it takes:
   * the list and `0` for `k`. A `Map` is iterated as its entries (`for (const [k, v] of new Map([…]))`).
   */
  loopItem(b: Binding): { list: Node; key: string } | undefined {
    const d = b.decl;
    if (d.type !== 'VariableDeclarator' || d.id === b.id || d.init) return undefined;
    const loop = d.parent?.parent;
    const key = patternKey([d.id], b.id);
    if (loop?.type !== 'ForOfStatement' || loop.left !== d.parent || key === undefined) return undefined;
    let list = unwrap(loop.right);
    const held = list.type === 'Identifier' ? this.soleDefinition(list) : undefined;
    if (held && unwrap(held).type === 'NewExpression') list = unwrap(held);
    const map = list.type === 'NewExpression' && unwrap(list.callee).type === 'Identifier' && unwrap(list.callee).name === 'Map' ? list.arguments[0] : undefined;
    return { list: map ?? loop.right, key };
  }

  loopList(b: Binding): Node | undefined {
    const d = b.decl;
    if (d.type !== 'VariableDeclarator' || d.id !== b.id) return undefined;
    const loop = d.parent?.parent;
    if (loop?.type === 'ForOfStatement' && loop.left === d.parent) return loop.right;
    const init = d.init && unwrap(d.init);
    // `for (var _i = 0, L = list; _i < L.length; _i++) { var z = L[_i]; … }`: a counted loop (tsc's ES5 `for…of`).
    if (init?.type === 'MemberExpression' && init.computed && unwrap(init.property).type === 'Identifier') {
      const counter = this.a.scopes.resolve(unwrap(init.property));
      return counter && this.isLoopCounter(counter) ? init.object : undefined;
    }
    if (init?.type !== 'MemberExpression' || propertyName(init) !== 'value' || unwrap(init.object).type !== 'Identifier') return undefined;
    const step = this.a.scopes.resolve(unwrap(init.object));
    // Every value of the step is the iterator advanced (`it.next()`, `it.n()`, `it()`).
    let iterator: Binding | undefined;
    for (const s of step ? this.definitions(step) : []) {
      const call = unwrap(s);
      if (call.type !== 'CallExpression' || call.arguments.length) return undefined;
      const c = unwrap(call.callee);
      const held = c.type === 'MemberExpression' ? unwrap(c.object) : c;
      const ib = held.type === 'Identifier' ? this.a.scopes.resolve(held) : undefined;
      if (!ib || iterator && ib !== iterator) return undefined;
      iterator = ib;
    }
    const made = iterator && this.soleDefinition(iterator.id);
    const call = made && unwrap(made);
    if (call?.type !== 'CallExpression') return undefined;
    const callee = unwrap(call.callee);
    // `list[Symbol.iterator]()`
    if (callee.type === 'MemberExpression' && callee.computed && /^Symbol\.iterator$/.test(this.a.text.slice(callee.property.start, callee.property.end))) return callee.object;
    // `__values(list)`, `_createForOfIteratorHelper(list, true)`: a helper that takes the list's iterator
    // (it reads `Symbol.iterator`), or one imported under its name (`tslib.__values`).
    const list = call.arguments[0];
    if (!list || list.type === 'SpreadElement' || call.arguments.length > 2) return undefined;
    const fn = this.functionOf(call.callee);
    const helper = fn ? !fn.generator && !fn.async && this.a.text.slice(fn.start, fn.end).includes('Symbol.iterator') : /(?:^|_)_values$|ForOfIterator/.test(propertyName(callee) ?? (callee.type === 'Identifier' ? callee.name : ''));
    return helper ? list : undefined;
  }

  /** For a parameter of `list.some(x => ...)`-style callbacks: the list. */
  iteratedBy(b: Binding): Node | undefined {
    const fn = b.decl;
    if (b.kind !== 'param' || !isFunction(fn)) return undefined;
    const call = fn.parent;
    // `Array.prototype.some.call(list, fn)`, `[].some.call(list, fn)`: the list is the first argument.
    const viaCall = call?.type === 'CallExpression' && call.arguments[1] === fn && methodName(call) === 'call' ? unwrap(call.callee).object : undefined;
    const method = call?.type === 'CallExpression' && (call.arguments[0] === fn || viaCall) ? propertyName(unwrap(viaCall ?? call.callee)) ?? '' : '';
    if (!ITERATORS.has(method)) return undefined;
    // `reduce((acc, z) => …)` walks the list with its second parameter.
    const item = fn.params[method.startsWith('reduce') ? 1 : 0];
    const takes = item?.type === 'Identifier' ? item.name === b.name : !!item && patternKey([item], b.id) !== undefined;
    return takes ? (viaCall ? call!.arguments[0] : unwrap(call!.callee).object) : undefined;
  }

  /** Every function with `return value` statements, and those values. */
  functionReturns(): Iterable<[FunctionNode, Node[]]> {
    return this.returns.entries() as Iterable<[FunctionNode, Node[]]>;
  }

  /** Return expressions of a function (an arrow's expression body counts). */
  returnsOf(fn: FunctionNode): Node[] {
    if (fn.body.type !== 'BlockStatement') return [fn.body];
    return this.returns.get(fn) ?? [];
  }

  /** The key of `o[k]` when `k` is worked out to a constant (`const k = "zo" + "ne"`). */
  private computedKey(member: Node): string | undefined {
    const p = member.computed ? unwrap(member.property) : undefined;
    if (p?.type !== 'Identifier' && p?.type !== 'BinaryExpression' && p?.type !== 'TemplateLiteral') return undefined;
    const v = this.a.value(p);
    return typeof v === 'string' ? v : undefined;
  }

  /** The function a callee refers to, through variables and object/class members. */
  functionOf(callee: Node, depth = 0): FunctionNode | undefined {
    callee = unwrap(callee);
    if (isFunction(callee)) return callee;
    if (depth > 6) return undefined;
    if (callee.type === 'Identifier') {
      const b = this.a.scopes.resolve(callee);
      if (!b) return undefined;
      if (b.kind === 'function') return b.decl as FunctionNode;
      // A parameter of an AMD factory: the function the module it names returns.
      if (b.kind === 'param' && this.isAmdFactory(b.decl)) {
        const arg = this.argumentOf(b);
        return arg && this.functionOf(arg, depth + 1);
      }
      const defs = this.definitions(b);
      return defs.length === 1 ? this.functionOf(defs[0], depth + 1) : undefined;
    }
    // `const t = (e = list, (v) => e.includes(v))`, as rollup inlines a maker's call: the last expression.
    if (callee.type === 'SequenceExpression') return this.functionOf(callee.expressions[callee.expressions.length - 1], depth + 1);
    // `var __importDefault = (this && this.__importDefault) || function (mod) {…}`: the function given as the fallback.
    if (callee.type === 'LogicalExpression') return this.functionOf(callee.right, depth) ?? this.functionOf(callee.left, depth);
    if (callee.type === 'CallExpression') {
      // `check = isOneOf.bind(ctx)`: the bound function; `ops.get("test")`: what the Map holds under that key.
      const inner = unwrap(callee.callee);
      if (inner.type === 'MemberExpression' && propertyName(inner) === 'bind') return this.functionOf(inner.object, depth + 1);
      if (inner.type === 'MemberExpression' && propertyName(inner) === 'get' && callee.arguments.length === 1) {
        const held = this.containerValues(inner.object, callee.arguments[0]);
        if (held.length === 1) return this.functionOf(held[0], depth + 1);
      }
      // `inRegion = require_check()` where the module sets `module.exports = function inRegion() {}`.
      const factory = this.moduleFactoryOf(callee);
      const values = factory ? this.moduleValue(factory) : [];
      if (factory) return values.length === 1 ? this.functionOf(values[0], depth + 1) : undefined;
      // `isWatched = makeCheck(list)`: the one function the maker returns (a closure over its arguments).
      const maker = this.functionOf(inner, depth + 1);
      return maker && (this.madeFunction(maker) ?? this.passedFunction(maker, callee, depth));
    }
    if (callee.type === 'MemberExpression') {
      const key = propertyName(callee) ?? this.computedKey(callee);
      if (key === undefined) return undefined;
      for (const v of this.propertyValues(callee.object, key, depth + 1)) {
        const f = this.functionOf(v, depth + 1);
        if (f) return f;
      }
    }
    return undefined;
  }

  /**
   * Where a function runs, with the arguments its parameters take and its `this`:
   * its calls, `f.call`/`f.apply`/`Reflect.apply(f, …)`, and the calls of what
   * `f.bind(t, …)` made (bound arguments first).
   */
  invocations(fn: FunctionNode): Invocation[] {
    let list = this.invocationsOf.get(fn);
    if (list) return list;
    list = [];
    this.invocationsOf.set(fn, list);
    for (const call of this.callSites(fn)) {
      const callee = calleeOf(call.callee);
      list.push({ call, args: call.arguments, thisArg: callee.type === 'MemberExpression' ? callee.object : undefined });
    }
    // An AMD factory runs with the modules it names: each parameter is what that module's factory returns.
    const define = this.isAmdFactory(fn) ? fn.parent! : undefined;
    if (define) {
      const args = (define.arguments[1].elements as Node[]).map((d) => {
        const dep = d?.type === 'Literal' ? this.amdModules.get(String(d.value)) : undefined;
        const returns = dep ? this.returnsOf(dep) : [];
        return returns.length === 1 ? returns[0] : { type: 'Identifier', name: 'undefined', start: d.start, end: d.end, parent: d } as unknown as Node;
      });
      list.push({ call: define, args });
    }
    // `bus.on("env", (tz) => …)` runs at `bus.emit("env", tz)`: the emit's arguments after the event's name.
    const on = fn.parent?.type === 'CallExpression' && fn.parent.arguments[1] === fn ? fn.parent : undefined;
    if (on && LISTEN.has(methodName(on) ?? '') && on.arguments[0].type === 'Literal') {
      const emitter = unwrap(unwrap(on.callee).object);
      for (const emit of emitter.type === 'Identifier' ? this.methodCalls().get('emit') ?? [] : []) {
        const target = unwrap(calleeOf(emit.callee).object);
        if (emit.arguments[0]?.type !== 'Literal' || emit.arguments[0].value !== on.arguments[0].value || target.type !== 'Identifier') continue;
        if (this.sameEmitter(target, emitter)) list.push({ call: emit, args: emit.arguments.slice(1) });
      }
    }
    // `registry.push((env) => …)`, also through a helper that pushes its parameter (`onEnv(cb)`):
    // it runs where the list's items are called (`registry.forEach((cb) => cb(x))`, `for (const cb of registry) cb(x)`).
    const kept = this.keptIn(fn);
    if (kept) for (const c of this.itemCalls(kept)) list.push({ call: c, args: c.arguments });
    // `withZone((tz) => …)`: a function passed to another runs where that one calls its parameter,
    // with arguments made of what that function reads itself, or of what this call hands it
    // (`run(v, cb)` calling `cb(v)`, `withFlag(check, cb)` calling `cb(check())`): not of other callers' values.
    const host = fn.parent?.type === 'CallExpression' ? fn.parent : undefined;
    const at = host ? (host.arguments as Node[]).indexOf(fn) : -1;
    for (const [given, i] of this.givenTo(fn)) {
      const runner = this.functionOf(calleeOf(given.callee));
      if (!runner || runner === fn) continue;
      for (const c of this.paramCalls(runner).get(i) ?? []) {
        // (An argument that is neither stays a hole, and those after a spread are not known: `fn(isCn(), ...args)`
        // of `const withRegion = (fn) => (...args) => fn(isCn(), ...args)` hands the flag alone.)
        const spread = (c.arguments as Node[]).findIndex((a) => a.type === 'SpreadElement');
        const args: Node[] = [];
        (c.arguments as Node[]).slice(0, spread < 0 ? undefined : spread).forEach((a, i) => {
          const arg = this.ownRead(a, runner) ? a : this.handedOver(a, runner, given);
          if (arg) args[i] = arg;
        });
        if (args.length) list.push({ call: c, args });
      }
    }
    // `setTimeout((tz) => …, 0, tz)`, `process.nextTick(cb, tz)`: a timer runs its callback with the arguments after it.
    const skip = at === 0 ? TIMERS.get(propertyName(unwrap(host!.callee)) ?? unwrap(host!.callee).name) : undefined;
    if (skip !== undefined && host!.arguments.length > skip) list.push({ call: host!, args: host!.arguments.slice(skip) });
    const name = this.nameOf(fn);
    for (const call of name !== undefined ? this.indirectCalls.get(name) ?? [] : []) {
      const via = invocationOf(call);
      if (via) {
        if (this.functionOf(via.target) === fn) list.push({ call, ...via });
        continue;
      }
      // `g = f.bind(t, a)`: the calls of g run f with `this` t and the arguments a, then g's own.
      const callee = unwrap(call.callee);
      if (propertyName(callee) !== 'bind' || this.functionOf(callee.object) !== fn) continue;
      const p = call.parent;
      const holder = p?.type === 'VariableDeclarator' && p.init === call ? p.id : p?.type === 'AssignmentExpression' && p.right === call ? p.left : undefined;
      if (holder?.type === 'Identifier') list.push(...this.boundInvocations(holder, call));
    }
    return list;
  }

  /**
   * What `m.get(key)` may give for a `Map` held by a variable: the entries of its
   * `new Map([[key, value]])` and its `m.set(key, value)` calls with that key.
   */
  containerValues(object: Node, keyNode: Node): Node[] {
    // Constant keys (`m.get("tz")`), or one object used as the key of a `WeakMap` (`w.get(key)` after
    // `w.set(key, tz)`, the same variable): a `get` with any other key is not looked into.
    const o = unwrap(object);
    const b = o.type === 'Identifier' ? this.a.scopes.resolve(o) : undefined;
    if (!b || b.kind === 'param' || b.kind === 'function' || b.kind === 'class' || b.kind === 'import') return [];
    if (keyNode.type === 'Identifier') {
      const k = this.a.scopes.resolve(keyNode);
      // (Or a parameter of one function set and a parameter of another read, `flags.set(cfg, …)` in `init(cfg)` and
      // `flags.get(cfg)` in `prompt(cfg)`: the objects the program hands around, one per key; each may be the other.)
      const same = (key: Node) => { const j = this.a.scopes.resolve(key); return j === k || j?.kind === 'param' && k?.kind === 'param'; };
      const sets = k ? (this.privateWrites.get(b.name) ?? []).filter((call) => call.arguments.length === 2 && unwrap(call.callee).type === 'MemberExpression' && call.arguments[0].type === 'Identifier' && same(call.arguments[0]) && this.a.scopes.resolve(unwrap(unwrap(call.callee).object)) === b) : [];
      return sets.map((call) => call.arguments[1]);
    }
    // (`w.get(this)` after `w.set(this, { hit })` in a constructor: private state per instance.)
    if (keyNode.type === 'ThisExpression') {
      return (this.privateWrites.get(b.name) ?? []).filter((call) => call.arguments.length === 2 && unwrap(call.arguments[0]).type === 'ThisExpression' && unwrap(call.callee).type === 'MemberExpression' && this.a.scopes.resolve(unwrap(unwrap(call.callee).object)) === b).map((call) => call.arguments[1]);
    }
    if (keyNode.type !== 'Literal') return [];
    const key = keyNode.value;
    const out: Node[] = [];
    for (const d of this.definitions(b)) {
      const n = unwrap(d);
      const entries = n.type === 'NewExpression' && n.arguments.length === 1 ? unwrap(n.arguments[0]) : undefined;
      if (entries?.type !== 'ArrayExpression') continue;
      for (const e of entries.elements as Node[]) {
        const pair = e && unwrap(e);
        if (pair?.type === 'ArrayExpression' && pair.elements.length === 2 && pair.elements[0]?.type === 'Literal' && pair.elements[0].value === key) out.push(pair.elements[1]);
      }
    }
    for (const call of this.containerSets.get(b.name) ?? []) {
      if (call.arguments[0].value === key && this.a.scopes.resolve(unwrap(unwrap(call.callee).object)) === b) out.push(call.arguments[1]);
    }
    return out;
  }

  /** The argument a parameter takes when its function runs in exactly one place (`check.apply(null, [list])`). */
  argumentOf(b: Binding): Node | undefined {
    const fn = b.decl as FunctionNode;
    if (b.kind !== 'param' || !isFunction(fn)) return undefined;
    const index = fn.params.indexOf(b.id);
    const runs = index < 0 ? [] : this.invocations(fn);
    const arg = runs.length === 1 ? runs[0].args[index] : undefined;
    if (arg) return arg.type !== 'SpreadElement' ? arg : undefined;
    // A function other modules call: the list of places or hosts they pass it, as the linker found it.
    const c = runs.length || index < 0 ? undefined : this.a.modules.paramConstant(fn, b.id);
    return c && constantNode(c, b.id);
  }

  /** The calls of a variable holding `f.bind(thisArg, …bound)`. */
  private boundInvocations(holder: Node, bindCall: Node): Invocation[] {
    const b = this.a.scopes.resolve(holder);
    if (!b) return [];
    const [thisArg, ...bound] = bindCall.arguments as Node[];
    const out: Invocation[] = [];
    for (const call of this.callsOf(b)) out.push({ call, args: [...bound, ...call.arguments], thisArg });
    for (const call of this.indirectCalls.get(b.name) ?? []) {
      const via = invocationOf(call);
      const target = via ? unwrap(via.target) : undefined;
      if (via && target?.type === 'Identifier' && this.a.scopes.resolve(target) === b) out.push({ call, args: [...bound, ...via.args], thisArg });
    }
    return out;
  }

  /**
   * The calls a function is given to, with the argument's index: written in place (`run((cn) => …)`), or
   * by the name it is declared under (`withRegion(mark)` of `function mark(cn, text) {…}`, at most MAX_SHAPE_CALLS).
   */
  givenTo(fn: FunctionNode): Array<readonly [Node, number]> {
    const host = fn.parent?.type === 'CallExpression' ? fn.parent : undefined;
    const at = host ? (host.arguments as Node[]).indexOf(fn) : -1;
    if (at >= 0) return [[host!, at]];
    const id = fn.type === 'FunctionDeclaration' ? fn.id : fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn ? fn.parent.id : undefined;
    const b = id?.type === 'Identifier' ? this.a.scopes.resolve(id) : undefined;
    if (!b) return [];
    return this.nodesFor(this.argumentNames, this.argumentsByBinding, b, (a) => a).slice(0, MAX_SHAPE_CALLS).map((a) => [a.parent!, (a.parent!.arguments as Node[]).indexOf(a)] as const);
  }

  /** The name a function is declared or assigned under, or its key as a member (`M.a = function`, `{ a() {} }`). */
  private nameOf(fn: FunctionNode): string | undefined {
    const parent = fn.parent;
    if (fn.type === 'FunctionDeclaration') return fn.id?.name;
    if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') return parent.id.name;
    if (parent?.type === 'AssignmentExpression' && parent.right === fn) return parent.left.type === 'Identifier' ? parent.left.name : propertyName(parent.left);
    if ((parent?.type === 'Property' || parent?.type === 'MethodDefinition') && parent.value === fn) return keyName(parent);
    return undefined;
  }

  /**
   * Calls of a function, found by the name it is declared or assigned under, or
   * for a member (`M.a = function`, `{ a() {} }`, a class method) by the calls
   * of that method name whose callee resolves to it.
   */
  callSites(fn: FunctionNode): Node[] {
    let name: string | undefined;
    // `var f = (cached && cached.f) || function () {…}`: the function is one of the values the name holds.
    let held: Node = fn;
    // (Also `const t = (e = list, (v) => e.includes(v))`: the last expression of a sequence is its value.)
    const holds = (p: Node) => p.type === 'LogicalExpression' || p.type === 'ConditionalExpression' && p.test !== held || p.type === 'ParenthesizedExpression' || p.type === 'SequenceExpression' && p.expressions[p.expressions.length - 1] === held;
    while (held.parent && holds(held.parent)) held = held.parent;
    const parent = held.parent;
    // `(this && this.__importDefault || function (m) {…})(n(568))`: it runs where it stands (tsc's helpers, inlined by webpack).
    if (parent?.type === 'CallExpression' && parent.callee === held) return [parent];
    // A constructor runs at `new C(…)`.
    if (parent?.type === 'MethodDefinition' && parent.kind === 'constructor') return this.constructions(parent.parent?.parent ?? undefined);
    // `const checks = [(z) => …, (z) => …]; checks.some((f) => f(tz))`: each element runs where the list's items are called.
    if (parent?.type === 'ArrayExpression') return this.elementCalls(parent);
    // A function its maker returns runs where what the maker made is called (`makeCheck(list)(tz)`, `isWatched(tz)`).
    if (parent?.type === 'ReturnStatement' || isFunction(parent) && parent.body === held) {
      const maker = parent.type === 'ReturnStatement' ? enclosingScope(parent) : parent;
      return isFunction(maker) && this.madeFunction(maker as FunctionNode) === fn ? this.madeCalls(maker as FunctionNode).filter((c) => this.functionOf(c.callee) === fn) : [];
    }
    if (fn.type === 'FunctionDeclaration') name = fn.id?.name;
    else if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') name = parent.id.name;
    else if (parent?.type === 'AssignmentExpression' && parent.left.type === 'Identifier') name = parent.left.name;
    if (!name) {
      // (A method babel wrote as a descriptor, `{ key: "match", value: function match(z) {…} }`, is called by its key.)
      const described = parent?.type === 'Property' && keyName(parent) === 'value' && isMemberDescriptor(parent.parent ?? null) ? descriptorProp(parent.parent!, 'key')?.value : undefined;
      const key = parent?.type === 'AssignmentExpression' && parent.right === held ? propertyName(parent.left)
        : typeof described === 'string' ? described
        : (parent?.type === 'Property' || parent?.type === 'MethodDefinition') && parent.value === held ? keyName(parent) : undefined;
      // A common method name (`get`, `push`) has thousands of calls, each a search for its callee: skipped.
      const calls = key === undefined ? undefined : this.methodCalls().get(key);
      const direct = calls && calls.length <= MAX_METHOD_CALLS ? calls.filter((c) => this.functionOf(c.callee) === fn) : [];
      return key === undefined ? direct : [...direct, ...this.aliasCalls(fn, key)];
    }
    const b = this.a.scopes.resolve(fn.type === 'FunctionDeclaration' ? fn.id! : parent!.type === 'VariableDeclarator' ? parent!.id : parent!.left);
    if (!b) return [];
    const out = this.callsOf(b).filter((c) => this.functionOf(c.callee) === fn);
    // `const api = { mark }; api.mark(tz)`, and another bundled module's `(0, m.G)(tz)` of `r.d(exports, { G: () => mark })`.
    // (Only for a function not called by its name: one that is has its callers, and a bundle's exported helper
    // would gather every member call of its key, each merging into its parameters.)
    if (out.length) return out;
    const keys = new Set<string>();
    for (const [key, id] of this.storedNames().get(b.name) ?? []) if (!keys.has(key) && this.a.scopes.resolve(id) === b) keys.add(key);
    for (const key of keys) {
      const calls = this.methodCalls().get(key);
      if (calls && calls.length <= MAX_METHOD_CALLS) for (const c of calls) if (!out.includes(c) && this.functionOf(c.callee) === fn) out.push(c);
      for (const c of this.aliasCalls(fn, key)) if (!out.includes(c)) out.push(c);
    }
    return out;
  }

  /**
   * The one function a maker returns (`makeCheck = (list) => (v) => list.includes(v)`), when the
   * maker runs in a few places only: each made function merges what every maker call captured, and
   * helpers that wrap any function (`once`, `memoize`, a bundler's lazy `__esm` init) run in hundreds.
   */
  private madeFunction(maker: FunctionNode): FunctionNode | undefined {
    if (this.made.has(maker)) return this.made.get(maker) ?? undefined;
    const returned = this.returnsOf(maker).map(unwrap);
    if (returned.length !== 1 || !isFunction(returned[0])) return undefined;
    this.made.set(maker, null);
    const made = this.callSites(maker).length <= MAX_MAKER_CALLS ? returned[0] as FunctionNode : null;
    this.made.set(maker, made);
    return made ?? undefined;
  }

  /**
   * The function a call hands back of those it was given, where its function returns a parameter
   * (under a choice): tsc's `__classPrivateFieldGet(this, _A_instances, "m", _A_hit)` gives `_A_hit`,
   * a private method lowered for older targets.
   */
  private passedFunction(fn: FunctionNode, call: Node, depth: number): FunctionNode | undefined {
    const found = new Set<FunctionNode>();
    const visit = (n: Node): void => {
      n = unwrap(n);
      if (n.type === 'ConditionalExpression') { visit(n.consequent); visit(n.alternate); return; }
      const at = n.type === 'Identifier' ? fn.params.findIndex((p: Node) => p.type === 'Identifier' && p.name === n.name) : -1;
      const arg = at >= 0 ? call.arguments[at] : undefined;
      const f = arg && arg.type !== 'SpreadElement' && this.a.scopes.resolve(n)?.id === fn.params[at] ? this.functionOf(arg, depth + 1) : undefined;
      if (f) found.add(f);
    };
    for (const r of this.returnsOf(fn)) visit(r);
    return found.size === 1 ? [...found][0] : undefined;
  }

  /**
   * Item `index` of a list written out that an expression stands for, or undefined when it may be
   * anything else: `[a, b]`, through a name for it, `await`, a local function returning it on every
   * path, a `then` callback's parameter, and `Promise.all([pa, pb])`, whose items are what each
   * promise resolves to (`pa` itself, as `await pa` is followed).
   */
  private listItems(node: Node, index: number, depth: number): Node[] | undefined {
    let n = unwrap(node);
    n = awaitedArgument(n) ?? n;
    if (depth > 6) return undefined;
    // (What a lowered async function awaited, `_b.sent()` of tsc's `__generator`, `_context.v` of babel's.)
    const sent = n.type === 'CallExpression' || n.type === 'MemberExpression' ? this.sentValues(n) : undefined;
    if (sent) return this.itemsOfAll(sent, index, depth);
    // (A list copied for destructuring as compilers write it for ES5: babel's `_slicedToArray(x, 2)`, tsc's `__read(x, 2)`.)
    if (n.type === 'CallExpression' && n.arguments.length && SLICE_HELPERS.test(calleeName(n) ?? '')) return this.listItems(n.arguments[0], index, depth + 1);
    if (n.type === 'ArrayExpression') {
      const item = n.elements.findIndex((e: Node | null) => e?.type === 'SpreadElement');
      return item < 0 || item > index ? (n.elements[index] ? [n.elements[index]] : []) : undefined;
    }
    if (n.type === 'Identifier') {
      const b = this.a.scopes.resolve(n);
      const def = b && b.kind !== 'param' ? this.soleDefinition(n) : undefined;
      const from = def ? [def] : b?.kind === 'param' ? this.thenValues(b) : [];
      return this.itemsOfAll(from, index, depth);
    }
    if (n.type !== 'CallExpression') return undefined;
    const callee = unwrap(n.callee);
    const combinator = callee.type === 'MemberExpression' && unwrap(callee.object).type === 'Identifier' && unwrap(callee.object).name === 'Promise' && !this.a.scopes.resolve(unwrap(callee.object)) ? propertyName(callee) : undefined;
    if (combinator === 'all' || combinator === 'allSettled') {
      const items = n.arguments.length === 1 ? this.listItems(n.arguments[0], index, depth + 1) : undefined;
      // (`Promise.allSettled` gives a record for each: `{ status: "fulfilled", value }`.)
      return combinator === 'allSettled' ? items?.map(settledRecord) : items;
    }
    if (methodName(n) === 'then') return this.itemsOfAll(this.resolvedValues(n), index, depth);
    const fn = callee.type === 'Identifier' || isFunction(callee) ? this.functionOf(callee) : undefined;
    return fn ? this.itemsOfAll(this.returnsOf(fn), index, depth) : undefined;
  }

  /** Item `index` of each of these lists, or undefined when one of them is not a list written out. */
  private itemsOfAll(lists: Node[], index: number, depth: number): Node[] | undefined {
    if (!lists.length) return undefined;
    const out: Node[] = [];
    for (const l of lists) {
      const items = this.listItems(l, index, depth + 1);
      if (!items) return undefined;
      out.push(...items);
    }
    return out;
  }

  /** What the first parameter of a `then` callback receives: what the previous callback returns, or `Promise.resolve(v)`'s value. */
  private thenValues(b: Binding): Node[] {
    const promise = thenPromise(b.decl, b.id);
    return promise ? this.resolvedValues(promise) : [];
  }

  /**
   * What a promise resolves to, where the code says: `p.then(() => v)` and `Promise.resolve(v)` give v; any
   * other call stands for what it resolves to, as `await` of it does (`fetch(url).then((r) => …)`).
   */
  resolvedValues(promise: Node): Node[] {
    const p = unwrap(promise);
    if (p.type !== 'CallExpression') return [];
    const method = methodName(p);
    if (method === 'catch' || method === 'finally') return [];
    const previous = method === 'then' && isFunction(p.arguments[0]) ? this.returnsOf(p.arguments[0] as FunctionNode) : method === 'resolve' ? p.arguments.slice(0, 1) : [p];
    return previous.map((r: Node) => calleeOf(r));
  }

  /** The calls of what a function returns: `maker(…)(…)`, and the calls of a variable holding `maker(…)`. */
  private madeCalls(maker: FunctionNode): Node[] {
    const out: Node[] = [];
    for (const site of this.callSites(maker)) {
      const n = parenthesised(site);
      const p = n.parent;
      if (p?.type === 'CallExpression' && p.callee === n) out.push(p);
      const holder = p?.type === 'VariableDeclarator' && p.init === n ? p.id : p?.type === 'AssignmentExpression' && p.right === n ? p.left : undefined;
      const b = holder?.type === 'Identifier' ? this.a.scopes.resolve(holder) : undefined;
      if (b) out.push(...this.callsOf(b));
    }
    // An AMD module's value is called by the parameter each module that names it is given.
    for (const b of this.amdParams(maker)) out.push(...this.callsOf(b));
    return out;
  }

  /** Whether a node is the factory of an AMD module of this file. */
  private isAmdFactory(node: Node): boolean {
    const define = node.parent;
    return this.amdModules.size > 0 && define?.type === 'CallExpression' && this.amdModules.get(String(define.arguments[0]?.value)) === node;
  }

  /** The parameters an AMD factory's module is given as in the modules that name it (`define("main", ["check"], function (check) {…})`). */
  private amdParams(factory: FunctionNode): Binding[] {
    if (!this.isAmdFactory(factory)) return [];
    const name = (factory.parent as Node).arguments[0].value;
    const out: Binding[] = [];
    for (const other of this.amdModules.values()) {
      const deps = (other.parent as Node).arguments[1].elements as Array<Node | null>;
      const i = deps.findIndex((d) => d?.type === 'Literal' && d.value === name);
      const p = i >= 0 ? other.params[i] : undefined;
      const b = p?.type === 'Identifier' ? this.a.scopes.resolve(p) : undefined;
      if (b) out.push(b);
    }
    return out;
  }

  /** What `b.push(…)` (or a set's `b.add(…)`) calls add to an array (their arguments), spreads excluded. */
  pushedTo(b: Binding): Node[] {
    return this.nodesFor(this.pushes, this.pushesByBinding, b, (c) => unwrap(c.callee).object).flatMap((c) => (c.arguments as Node[]).filter((a) => a.type !== 'SpreadElement'));
  }

  /** The sources `Object.assign(b, …sources)` merges into an object. */
  private assignedInto(b: Binding): Node[] {
    return this.nodesFor(this.assigns, this.assignsByBinding, b, (c) => c.arguments[0]).flatMap((c) => (c.arguments as Node[]).slice(1));
  }

  /**
   * What one call of `runner` hands to an expression inside it: a parameter is the call's argument
   * (`v` of `run(v, cb)`), and a parameter called without arguments (`check()` of `withFlag(check, cb)`)
   * is what the function given for it returns, when it returns one thing.
   */
  private handedOver(node: Node, runner: FunctionNode, call: Node): Node | undefined {
    const n = unwrap(node);
    const id = n.type === 'CallExpression' && n.arguments.length === 0 ? unwrap(n.callee) : n;
    const b = id.type === 'Identifier' ? this.a.scopes.resolve(id) : undefined;
    const i = b?.kind === 'param' && b.decl === runner ? runner.params.indexOf(b.id) : -1;
    const given = i >= 0 ? call.arguments[i] as Node | undefined : undefined;
    if (!given || given.type === 'SpreadElement') return undefined;
    if (id === n) return given;
    const f = this.functionOf(given);
    const returned = f ? this.returnsOf(f) : [];
    return returned.length === 1 ? returned[0] : undefined;
  }

  /**
   * Whether a value inside `fn` is made of what `fn` reads itself: no parameter (of any function),
   * no loop variable, and no variable of `fn`'s set from one.
   */
  private ownRead(node: Node, fn: FunctionNode, depth = 0): boolean {
    let own = true;
    const visit = (n: Node) => {
      if (!own || isFunction(n)) return;
      if (n.type === 'MemberExpression') { visit(n.object); if (n.computed) visit(n.property); return; }
      if (n.type === 'Property') { if (n.computed) visit(n.key); visit(n.value); return; }
      if (n.type !== 'Identifier') { forEachChild(n, visit); return; }
      const b = this.a.scopes.resolve(n);
      if (!b || b.kind === 'function' || b.kind === 'class' || b.kind === 'import') return;
      const local = b.decl.start >= fn.start && b.decl.end <= fn.end;
      const loop = b.decl.type === 'VariableDeclarator' && /^For(?:Of|In)Statement$/.test(b.decl.parent?.parent?.type ?? '');
      if (b.kind === 'param' && local && b.decl !== fn && this.readCallback(b)) return;
      if (b.kind === 'param' || b.kind === 'catch' || loop || local && (depth >= 2 || !this.definitions(b).every((d) => this.ownRead(d, fn, depth + 1)))) own = false;
    };
    visit(node);
    return own;
  }

  /**
   * Whether a parameter is one of what a read hands its Node-style callback (`e` and `data` of
   * `readFile("/etc/timezone", "utf8", (e, data) => …)`, `out` of `exec("date +%Z", (err, out) => …)`).
   */
  readCallback(b: Binding): boolean {
    const cb = b.decl as FunctionNode;
    const read = cb.parent;
    return isFunction(cb) && cb.params.includes(b.id) && read?.type === 'CallExpression' && read.arguments[read.arguments.length - 1] === cb && !!this.a.sources.match(read);
  }

  /** The calls a function makes of its own parameters (`cb(tz)` in `function withZone(cb)`), by parameter index. */
  paramCalls(fn: FunctionNode): Map<number, Node[]> {
    const out = new Map<number, Node[]>();
    fn.params.forEach((p: Node, i: number) => {
      const b = p.type === 'Identifier' ? this.a.scopes.resolve(p) : undefined;
      // (Also where it runs once kept in a list of the module: `function onReady(cb) { cbs.push(cb) }`, `for (const f of cbs) f(v)`.)
      const list = b && this.listKeeping(b);
      const calls = b ? [...this.callsOf(b), ...list ? this.itemCalls(list) : []] : [];
      if (calls.length) out.set(i, calls);
    });
    return out;
  }

  callsOf(b: Binding): Node[] {
    return this.nodesFor(this.calls, this.callsByBinding, b, (n) => n.callee);
  }

  callsNamed(name: string): readonly Node[] {
    return this.calls.get(name) ?? [];
  }

  /**
   * Where the functions kept in an array run: calls of the item in an iteration callback over the
   * array held by a variable (`list.some((f) => f(x))`). A `for…of` loop over it is not searched.
   */
  private elementCalls(array: Node): Node[] {
    const known = this.elementCallsOf.get(array);
    if (known) return known;
    const out: Node[] = [];
    this.elementCallsOf.set(array, out);
    const holder = array.parent?.type === 'VariableDeclarator' && array.parent.init === array && array.parent.id.type === 'Identifier' ? array.parent.id : undefined;
    const b = holder && this.a.scopes.resolve(holder);
    if (!b) return out;
    const item = (fn: Node | undefined) => (isFunction(fn) && fn.params[0]?.type === 'Identifier' ? this.a.scopes.resolve(fn.params[0]) : undefined);
    const items: Binding[] = [];
    for (const method of ITERATORS) {
      const calls = this.methodCalls().get(method) ?? [];
      if (calls.length > MAX_METHOD_CALLS * 16) continue;
      for (const c of calls) {
        const obj = unwrap(calleeOf(c.callee).object);
        const p = obj.type === 'Identifier' && this.a.scopes.resolve(obj) === b ? item(c.arguments[0]) : undefined;
        if (p) items.push(p);
      }
    }
    for (const p of items) for (const c of this.callsOf(p)) out.push(c);
    return out;
  }

  /** `new C(…)` of a class (a declaration, or an expression held by a variable). */
  private constructions(cls: Node | undefined): Node[] {
    // `new class { constructor(e) {…} }(geo)`, as minifiers write a class used once.
    const p = cls && parenthesised(cls).parent;
    if (p?.type === 'NewExpression' && unwrap(p.callee) === cls) return [p];
    const id = cls?.type === 'ClassDeclaration' ? cls.id : cls?.parent?.type === 'VariableDeclarator' && cls.parent.init === cls ? cls.parent.id : undefined;
    const b = id?.type === 'Identifier' ? this.a.scopes.resolve(id) : undefined;
    return b ? this.nodesFor(this.news, this.newsByBinding, b, (n) => n.callee) : [];
  }

  /**
   * Expressions that may be the value of `object.key`: object literal properties,
   * class members, getters' returns and `object.key = value` assignments.
   */
  propertyValues(object: Node, key: string, depth = 0): Node[] {
    // (Asked again and again for the same member: kept, as shapes are, except while a class's statics are
    // being looked up, when an answer may leave them out.)
    if (this.staticsAsked.size) return this.computePropertyValues(object, key, depth);
    let byKey = this.propertyCache.get(object);
    if (!byKey) this.propertyCache.set(object, (byKey = new Map()));
    const asked = depth ? `${depth}\0${key}` : key;
    let values = byKey.get(asked);
    if (!values) byKey.set(asked, (values = this.computePropertyValues(object, key, depth)));
    return values;
  }
  private readonly propertyCache = new Map<Node, Map<string, Node[]>>();

  private computePropertyValues(object: Node, key: string, depth: number): Node[] {
    // `(init_geo(), __toCommonJS(geo_exports)).zone`: esbuild's lazily initialised module, as `require` gets it.
    object = this.objectBehind(object);
    // `const [tz, host] = await Promise.all([zone(), host()])`: an item of a list written out.
    const items = /^\d+$/.test(key) ? this.listItems(object, Number(key), depth) : undefined;
    if (items) return items;
    // Lists found, not copied: a member can hold hundreds of values, asked for again and again.
    const found: Node[][] = [];
    const out: Node[] = [];
    // `places.LIST` of `import * as places` or `require("./places")`: the list another module exports.
    // (Also `config.zones` of `import { config }`: a member of an object another module exports.)
    const ns = this.a.modules.namespaceOf(object);
    const member = { type: 'MemberExpression', object, property: { type: 'Identifier', name: key }, computed: false, start: object.start, end: object.end } as unknown as Node;
    if (ns !== undefined || /^(?:Identifier|MemberExpression)$/.test(unwrap(object).type) && this.a.modules.importOf(object)) {
      const c = this.a.modules.constantOf(member);
      if (c || ns !== undefined) return c ? [constantNode(c, object)] : [];
    }
    const shapes = this.objectShapes(object, depth);
    // An expression that may be any of hundreds of objects (a parameter every message passes through) tells nothing of one.
    for (const o of shapes.length > MAX_SHAPES ? [] : shapes) {
      const values = this.members(o).get(key);
      if (values) found.push(values);
      if (o.type === 'ObjectExpression' && !o.properties.length) for (const a of this.namespaceWrites(o, key)) out.push(a.right);
      if (o.type === 'ClassBody' || o.type === 'BlockStatement') for (const a of this.thisAssignments(key).get(o) ?? []) out.push(a.right);
      if (o.type === 'ClassBody' && unwrap(object).type === 'ThisExpression') out.push(...this.instanceWrites(o, key, depth));
    }
    const b = unwrap(object).type === 'Identifier' ? this.a.scopes.resolve(unwrap(object)) : undefined;
    // Inside `const C = class C { … }` the class's own name is another binding of the same class.
    // (So is the name outside that a class tsc, babel or swc wrote for ES5 is returned to: `var C = function () { function C() {} …; return C; }()`.)
    const holder = b?.kind === 'class' && b.decl.type === 'ClassExpression' && b.decl.parent?.type === 'VariableDeclarator' ? this.a.scopes.resolve(b.decl.parent.id) : b && (this.returnedTo(b) ?? this.returnedFrom(b));
    // (And a TypeScript namespace's members, assigned to the parameter of the function that fills it.)
    const filled = b && b.kind !== 'param' ? (this.namespaceParams.get(b.name) ?? []).filter((p) => this.namespaceParamOf(p) === b) : [];
    // (`this.LIST` in a static method, `static match(z) {…}` or `C.match = function (z) {…}`: a member of the class itself.)
    const owner = unwrap(object).type === 'ThisExpression' ? this.staticOwner(unwrap(object)) : undefined;
    const named = owner ? [owner, this.returnedTo(owner) ?? this.returnedFrom(owner)].filter((x): x is Binding => !!x) : [];
    for (const one of [...holder ? [b!, holder] : b ? [b] : [], ...named, ...filled.map((p) => this.a.scopes.resolve(p)).filter((x): x is Binding => !!x)]) for (const a of this.memberAssignmentsOf(one, key)) out.push(a.right);
    // `Regions.match` of a class babel wrote for ES5, its statics kept as descriptors (`_createClass(C, null, [{ key: "match", value: … }])`).
    // `config.flags.ent` after `config.flags.ent = …`: a write through the same members of the same name.
    if (unwrap(object).type === 'MemberExpression') out.push(...this.chainWrites(unwrap(object), key));
    // (Asked once at a time for a name: finding the constructor can lead back to a member of the same name.)
    if (b && b.kind !== 'param' && this.classDescriptors.size && !this.staticsAsked.has(b)) {
      this.staticsAsked.add(b);
      try {
        const ctor = this.constructorOf(unwrap(object));
        if (ctor) for (const [k, fn] of this.staticMethods(ctor)) if (k === key) out.push(fn);
      } finally {
        this.staticsAsked.delete(b);
      }
    }
    // `import("./env").then((m) => m.zone())` as esbuild bundles it: `Promise.resolve().then(() => (init(), ns)).then((m) => …)`.
    if (b?.kind === 'param' && depth < 6) for (const v of this.thenValues(b)) out.push(...this.propertyValues(v, key, depth + 1));
    // `const m = await Promise.resolve().then(() => (init(), ns)); m.zone()`, and `(await p).zone()`: what the promise resolves to.
    const def = b && b.kind !== 'param' && depth < 6 ? this.soleDefinition(unwrap(object)) : unwrap(object);
    const awaited = def && depth < 6 ? awaitedArgument(unwrap(def)) : undefined;
    if (awaited) for (const v of this.resolvedValues(awaited)) out.push(...this.propertyValues(v, key, depth + 1));
    // `env().tz` where `env` returns a variable it fills (`cache.tz = …; return cache`, minified `return c.tz || (c.tz = …), c`).
    // So is a name for what such a call gave: the module pattern `var M = (function () { var api = {}; api.hit = …; return api; })()`.
    const made = unwrap(def ?? object);
    const o = made.type === 'CallExpression' ? made : unwrap(object);
    const maker = o.type === 'CallExpression' && (unwrap(o.callee).type === 'Identifier' || isFunction(unwrap(o.callee))) && depth < 6 ? this.functionOf(o.callee) : undefined;
    // (Only an object made for it, `const cache = {}`: a shared state any function returns would merge every field written.)
    if (maker) for (const r of this.returnsOf(maker)) {
      const held = calleeOf(r);
      const made = held.type === 'Identifier' ? this.soleDefinition(held) : undefined;
      if (made?.type === 'ObjectExpression' && this.memberAssignmentsTo(held.name, key).length <= 2) out.push(...this.propertyValues(held, key, depth + 1));
    }
    // `Object.assign(base, { zones: […] })`: what the sources give under the key.
    if (b && depth < 6) for (const src of this.assignedInto(b)) out.push(...this.propertyValues(src, key, depth + 1));
    // `__export(ns, { zone: () => zone })`: the getter's return.
    if (b) for (const { ns, map } of this.getterExports.get(b.name) ?? []) {
      const values = getterValues(this, map, key);
      if (values.length && this.a.scopes.resolve(ns) === b) out.push(...values);
    }
    // `g.flagged = !0` in one bundled module and `d.flagged` in another, both names for what `require_state()`
    // gives: one object, shared by every module that loads it.
    if (b && b.kind !== 'param') for (const a of this.sharedModuleWrites(b, key)) out.push(a.right);
    if (b && b.kind !== 'param') for (const a of this.aliasWrites(b, key)) out.push(a.right);
    // (The same write found through two names of one class, `this` in its static method and the class's own name: once.)
    if (out.length) found.push([...new Set(out)]);
    return found.length === 1 ? found[0] : found.flat();
  }

  /**
   * Writes of `key` to the object `b` names through its other name: `i.zone = …` and `(i = e || (e = {})).zone = …`
   * are members of `e` (and of `i`).
   */
  private aliasWrites(b: Binding, key: string): Node[] {
    const out: Node[] = [];
    for (const alias of this.aliases.get(b.name) ?? []) {
      const { target } = namespaceTarget(alias.right)!;
      const named = this.a.scopes.resolve(alias.left);
      const filled = target.type === 'Identifier' ? this.a.scopes.resolve(target) : undefined;
      const other = named === b ? filled : filled && filled === b ? named : undefined;
      if (other) out.push(...this.writesThrough(alias, other, key));
    }
    return out;
  }

  /** The writes of `key` to a namespace's object through `alias` (`n = e || (e = {})`): `n.key = …` and `(n = …).key = …`. */
  private writesThrough(alias: Node, name: Binding, key: string): Node[] {
    const out = [...this.memberAssignmentsOf(name, key)];
    for (const a of this.aliasedWrites.get(key) ?? []) if (unwrap(a.left.object) === alias) out.push(a);
    return out;
  }

  /** The variable a function declared in an IIFE is returned to: outer `C` of `var C = (function () { function C() {} return C; })()`. */
  private returnedTo(b: Binding): Binding | undefined {
    if (b.kind !== 'function' || b.decl.type !== 'FunctionDeclaration') return undefined;
    const iife = b.decl.parent?.parent;
    const call = iife && isFunction(iife) ? parenthesised(iife).parent : undefined;
    if (call?.type !== 'CallExpression' || call.callee !== parenthesised(iife!) || call.arguments.length) return undefined;
    // (`return C.LIST = …, C`, minified: the last of a sequence.)
    const returned = this.returnsOf(iife as FunctionNode).map(classReturned);
    // (Also kept under two names at once, `var C = exports.C = function () {…}()`, as babel exports a class.)
    let holder = parenthesised(call).parent;
    while (holder?.type === 'AssignmentExpression' && holder.operator === '=') holder = parenthesised(holder).parent;
    return returned.length === 1 && returned[0].type === 'Identifier' && this.a.scopes.resolve(returned[0]) === b && holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' ? this.a.scopes.resolve(holder.id) : undefined;
  }

  /** The class whose static method `this` is in: `static m() { this… }` of `class C`, or `C.m = function () { this… }`. */
  private staticOwner(self: Node): Binding | undefined {
    const fn = thisFunction(self);
    const p = fn && parenthesised(fn).parent;
    if (p?.type === 'MethodDefinition' && p.static) {
      const cls = p.parent?.parent;
      const id = cls?.type === 'ClassDeclaration' ? cls.id : cls?.type === 'ClassExpression' && cls.parent?.type === 'VariableDeclarator' ? cls.parent.id : undefined;
      return id?.type === 'Identifier' ? this.a.scopes.resolve(id) : undefined;
    }
    // (A static babel and swc describe, `_createClass(C, null, [{ key: "match", value: function () { this… } }])`.)
    const described = fn && this.descriptorCall(fn);
    const statics = described?.arguments[2];
    const target = statics && fn!.start >= statics.start && fn!.end <= statics.end ? unwrap(described!.arguments[0]) : p?.type === 'AssignmentExpression' && p.right === parenthesised(fn!) ? unwrap(p.left) : undefined;
    if (target?.type === 'Identifier') return this.a.scopes.resolve(target);
    const obj = target?.type === 'MemberExpression' ? unwrap(target.object) : undefined;
    const b = obj?.type === 'Identifier' ? this.a.scopes.resolve(obj) : undefined;
    return b && (b.kind === 'function' || b.kind === 'class' || this.returnedFrom(b)) ? b : undefined;
  }

  /** The function declared in an IIFE that a variable is given: inner `C` for outer `C` (see returnedTo). */
  private returnedFrom(b: Binding): Binding | undefined {
    if (b.kind === 'param' || b.kind === 'import' || b.kind === 'function' || b.kind === 'class') return undefined;
    const def = this.soleDefinition(b.id);
    let call = def && unwrap(def);
    while (call?.type === 'AssignmentExpression' && call.operator === '=') call = unwrap(call.right);
    const iife = call?.type === 'CallExpression' && !call.arguments.length ? unwrap(call.callee) : undefined;
    const returned = iife && isFunction(iife) ? this.returnsOf(iife as FunctionNode).map(classReturned) : [];
    const inner = returned.length === 1 && returned[0].type === 'Identifier' ? this.a.scopes.resolve(returned[0]) : undefined;
    return inner && this.returnedTo(inner) === b ? inner : undefined;
  }

  /** What `a.b.key = v` assigns, for a read of `key` of `a.b` (the same members of the same name). */
  private chainWrites(object: Node, key: string): Node[] {
    const path = memberPath(object);
    const b = path?.names.length ? this.a.scopes.resolve(path.root) : undefined;
    if (!b) return [];
    if (!this.nestedByKey) {
      this.nestedByKey = new Map();
      for (const a of this.nestedMemberAssignments) if (a.operator === '=') addTo(this.nestedByKey, propertyName(a.left)!, a);
    }
    return (this.nestedByKey.get(key) ?? []).filter((a) => {
      const p = memberPath(unwrap(a.left.object));
      return p?.names.join('.') === path!.names.join('.') && this.a.scopes.resolve(p.root) === b;
    }).map((a) => a.right);
  }
  private nestedByKey?: Map<string, Node[]>;

  /** `{}` of `n = exports.Geo || (exports.Geo = {})`, a namespace that a minifier wrote in place: what `n.key = …` writes to it. */
  private namespaceWrites(o: Node, key: string): Node[] {
    let alias = o.parent;
    for (let i = 0; i < 4 && alias && !(alias.type === 'AssignmentExpression' && alias.left.type === 'Identifier' && namespaceTarget(alias.right)?.made === o); i++) alias = alias.parent;
    const name = alias?.type === 'AssignmentExpression' ? this.a.scopes.resolve(alias.left) : undefined;
    return name ? this.writesThrough(alias!, name, key) : [];
  }

  /** Assignments to `key` of other names for the same bundled module's value as `b` (`var g = i()`, `var d = i()`). */
  private sharedModuleWrites(b: Binding, key: string): Node[] {
    if (!this.memberAssignments.get(key)?.length) return [];
    const factory = this.loadedBy(b);
    if (!factory) return [];
    let byKey = this.sharedWrites.get(factory);
    if (!byKey) this.sharedWrites.set(factory, byKey = new Map());
    let writes = byKey.get(key);
    // (Grouped once per module and key: each member read of each name for the module would search them all again.)
    if (!writes) byKey.set(key, writes = this.memberAssignments.get(key)!.filter((a) => {
      const obj = unwrap(unwrap(a.left).object);
      const other = obj.type === 'Identifier' ? this.a.scopes.resolve(obj) : undefined;
      return !!other && this.loadedBy(other) === factory;
    }));
    return writes.filter((a) => this.a.scopes.resolve(unwrap(unwrap(a.left).object)) !== b);
  }

  /** The bundled module factory a variable is set once to the value of (`var g = i()`). */
  private loadedBy(b: Binding): FunctionNode | undefined {
    if (b.kind === 'param') return undefined;
    const def = this.soleDefinition(b.id);
    return def && unwrap(def).type === 'CallExpression' ? this.moduleFactoryOf(unwrap(def)) : undefined;
  }

  /**
   * The module factory a call loads: `__webpack_require__(101)` with a factory
   * keyed 101, or `require_x()` where `require_x = __commonJS({ "x.js"(exports, module) {} })`.
   */
  moduleFactoryOf(call: Node): FunctionNode | undefined {
    const arg = call.arguments[0];
    const callee = unwrap(call.callee);
    if (call.arguments.length === 1 && arg.type === 'Literal' && (typeof arg.value === 'number' || typeof arg.value === 'string')) {
      // browserify's `require("./tz")`: the id the factory's table of names gives.
      const b = this.browserifyDeps.size && callee.type === 'Identifier' ? this.a.scopes.resolve(callee) : undefined;
      const deps = b?.kind === 'param' && isFunction(b.decl) && b.decl.params[0] === b.id ? this.browserifyDeps.get(b.decl as FunctionNode) : undefined;
      if (deps) {
        const id = this.members(deps).get(String(arg.value))?.[0];
        return id && unwrap(id).type === 'Literal' ? this.moduleFactories.get(String(unwrap(id).value)) : undefined;
      }
      return this.moduleFactories.get(String(arg.value));
    }
    if (call.arguments.length || callee.type !== 'Identifier' && callee.type !== 'CallExpression') return undefined;
    // rolldown's wrapper loaded where it is made: `__commonJSMin((exports, module) => {})()`, and minified with
    // the helper written in place, `((e, t) => () => (…, t.exports))((e, t) => {})()`.
    const b = callee.type === 'Identifier' ? this.a.scopes.resolve(callee) : undefined;
    const defs = b && b.kind !== 'function' ? this.definitions(b) : callee.type === 'CallExpression' ? [callee] : [];
    const wrapper = defs.length === 1 ? unwrap(defs[0]) : undefined;
    const table = wrapper?.type === 'CallExpression' ? unwrap(wrapper.arguments[0] ?? wrapper) : undefined;
    // esbuild's `__commonJS({ "src/x.js"(exports, module) {} })`, and minified, `c((exports, module) => {})`.
    const fn = table?.type === 'ObjectExpression' && table.properties.length === 1 ? table.properties[0].value : table;
    return isFunction(fn) && fn.params.length >= 1 && wrapper!.arguments.length === 1 ? fn : undefined;
  }

  /**
   * `n(536)` inside a webpack module factory `(module, exports, n) => {}` (or
   * `__webpack_require__(536)`) when this file holds no factory 536: the id of a
   * module that a chunk file of the same build provides.
   */
  webpackImportOf(call: Node): string | undefined {
    const arg = call.type === 'CallExpression' && call.arguments.length === 1 ? call.arguments[0] : undefined;
    if (arg?.type !== 'Literal' || (typeof arg.value !== 'number' && typeof arg.value !== 'string')) return undefined;
    const id = String(arg.value);
    const callee = unwrap(call.callee);
    if (this.moduleFactories.has(id) && !this.selfLink) return undefined;
    // (The runtime's require written in place where the entry loads its one module: `r = function r(n) {…}(509)`.)
    if (callee.type === 'FunctionExpression') return this.isWebpackRequire(callee) ? id : undefined;
    if (callee.type !== 'Identifier') return undefined;
    if (callee.name === '__webpack_require__') return id;
    // Parcel's `parcelRequire("9KeGd")` of a module another file of the build registers.
    if (typeof arg.value === 'string' && this.isParcelRequire(callee)) return id;
    const b = this.a.scopes.resolve(callee);
    if (b?.kind === 'param') return isFunction(b.decl) && b.decl.params[2] === b.id && this.factoryId(b.decl) !== undefined ? id : undefined;
    return b?.kind === 'function' && this.isWebpackRequire(b.decl) ? id : undefined;
  }

  /**
   * Whether this file is a bundle of modules loaded by id from one table that makes up most of it (webpack's
   * module map of a one-file build: `var t = { 347(e, t, n) {…}, 607(e, t, n) {…} }`), not from chunks of
   * other files. (A webpack bundle vendored inside a larger file, over 1 MB, does not count: the file would be
   * analysed again whole for it.)
   */
  holdsModuleMap(): boolean {
    const tables = new Map<Node, number>();
    for (const fn of this.moduleFactories.values()) {
      const table = fn.parent?.type === 'Property' ? fn.parent.parent : undefined;
      if (table?.type === 'ObjectExpression' && !this.browserifyDeps.has(fn)) tables.set(table, (tables.get(table) ?? 0) + 1);
    }
    // (One factory is enough when the runtime that loads it, `{ exports: {} }`, is here: the entry code outside it is a module too.)
    const mostOf = (t: Node) => t.end - t.start >= this.a.text.length / 2 || this.a.text.length < SMALL_BUNDLE;
    return [...tables].some(([t, n]) => mostOf(t) && (n >= 2 || EMPTY_EXPORTS.test(this.a.text))) && this.chunkExports().size === 0;
  }

  /** Whether the text is a Parcel bundle: its runtime names `parcelRequire…`. */
  private isParcel(): boolean {
    return this.parcel ??= PARCEL_RUNTIME.test(this.a.text);
  }

  /** `parcelRequire` (`var parcelRequire = $parcel$global.parcelRequirecb43`), whatever it is called. */
  private isParcelRequire(callee: Node): boolean {
    if (!this.isParcel()) return false;
    const b = this.a.scopes.resolve(callee);
    const defs = b && b.kind !== 'param' ? this.definitions(b) : [];
    return defs.some((d) => { const n = unwrap(d); return n.type === 'MemberExpression' && /^parcelRequire/.test(propertyName(n) ?? ''); });
  }

  /**
   * webpack's own require in its runtime, whatever its minified name:
   * `function t(o) { … const s = r[o] = { exports: {} }; return e[o](s, s.exports, t), s.exports }`.
   */
  private isWebpackRequire(fn: Node): boolean {
    if ((fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression') || fn.params.length !== 1 || fn.end - fn.start > 600) return false;
    const text = this.a.text.slice(fn.start, fn.end);
    return EMPTY_EXPORTS.test(text) && /\.exports\b/.test(text);
  }

  /** The webpack requires of modules this file does not hold (see webpackImportOf). */
  webpackImports(): Node[] {
    const out: Node[] = [];
    const names = new Set([...this.moduleFactories.values()].map((fn) => fn.params[2]).filter((p) => p?.type === 'Identifier').map((p) => p.name as string));
    names.add('__webpack_require__');
    if (this.isParcel()) names.add('parcelRequire');
    for (const name of names) for (const call of this.calls.get(name) ?? []) if (this.webpackImportOf(call) !== undefined) out.push(call);
    // The runtime's own require, called with a numeric id by the entry code outside any factory.
    if (EMPTY_EXPORTS.test(this.a.text)) {
      for (const [name, calls] of this.calls) {
        if (names.has(name)) continue;
        for (const call of calls) if (call.arguments.length === 1 && typeof call.arguments[0].value === 'number' && this.webpackImportOf(call) !== undefined) out.push(call);
      }
      for (const call of this.placedCalls) if (this.webpackImportOf(call) !== undefined) out.push(call);
    }
    return out;
  }

  /** A module factory's id, if the function is one. */
  private factoryId(fn: FunctionNode): string | undefined {
    const key = fn.parent?.type === 'Property' && fn.parent.value === fn ? fn.parent.key : undefined;
    return key?.type === 'Literal' && this.moduleFactories.get(String(key.value)) === fn ? String(key.value) : undefined;
  }

  /**
   * The module factories of a webpack chunk file, which other files of the build load by id:
   * tables pushed to the chunk array (`(self.webpackChunk ||= []).push([[972], { 536(e, t, n) {} }])`)
   * or exported by a CommonJS or ES module chunk (`exports.modules = { 536(e, t, n) {} }`, `export const modules = {…}`). Their exports by
   * member name (`r.d(exports, { G: () => s })`, `exports.x = …`, `module.exports = …` as "default").
   */
  chunkExports(): Map<string, Map<string, Node[]>> {
    if (this.chunks) return this.chunks;
    const out = new Map<string, Map<string, Node[]>>();
    this.chunks = out;
    for (const [id, fn] of this.moduleFactories) {
      const table = fn.parent?.parent;
      const holder = table?.parent;
      const pushed = holder?.type === 'ArrayExpression' && holder.parent?.type === 'CallExpression' && methodName(holder.parent) === 'push';
      // (An ES module chunk, as webpack writes one for `output.module` and ncc for ES modules, exports `const modules = {…}`.)
      const exported = holder?.type === 'AssignmentExpression' && holder.right === table && holder.left.type === 'MemberExpression' && propertyName(holder.left) === 'modules'
        || holder?.type === 'VariableDeclarator' && holder.init === table && holder.id.name === 'modules' && holder.parent?.parent?.type === 'ExportNamedDeclaration';
      if (!fn.params.length || !(pushed || exported || this.parcelFactories.has(fn) || this.selfLink && !this.browserifyDeps.has(fn))) continue;
      const members = new Map<string, Node[]>();
      for (const [key, values] of this.members(fn)) members.set(key === MODULE_VALUE ? 'default' : key, values);
      out.set(id, members);
    }
    return out;
  }

  /** The loading calls of the modules a chunk's module re-exports whole, by the module's id (see chunkExports). */
  chunkStars(): Array<[string, Node]> {
    const out: Array<[string, Node]> = [];
    for (const id of this.chunkExports().keys()) for (const call of this.starExports.get(this.moduleFactories.get(id)!) ?? []) out.push([id, call]);
    return out;
  }

  /**
   * The factories of a module map that only load another module by name (`857(e) { e.exports = require("os") }`,
   * webpack's externals), by id, with the call: a split build's chunks load them by that id from the runtime.
   */
  loadingFactories(): Array<[string, Node]> {
    const out: Array<[string, Node]> = [];
    for (const [id, fn] of this.moduleFactories) {
      const r = loadingCall(fn);
      if (r) out.push([id, r]);
    }
    return out;
  }

  /** The members a namespace object is given by getters, `__export(tz_exports, { zone: () => zone })`: each member's values. */
  namespaceGetters(id: Node): Array<[string, Node[]]> {
    const b = id.type === 'Identifier' ? this.a.scopes.resolve(id) : undefined;
    if (!b) return [];
    return (this.getterExports.get(b.name) ?? []).filter(({ ns }) => this.a.scopes.resolve(ns) === b).flatMap(({ map }) => getterMembers(this, map));
  }

  /**
   * `_export(exports, { zone: function () { return zone; } })`, as swc and others declare CommonJS exports:
   * each member's values (a getter's returns). Empty for other calls.
   */
  exportedGetters(): Array<[string, Node[]]> {
    const out: Array<[string, Node[]]> = [];
    for (const { ns, map } of this.getterExports.get('exports') ?? []) {
      if (this.a.scopes.resolve(ns)) continue;
      out.push(...getterMembers(this, map));
    }
    for (const call of this.defineCalls) if (call.arguments[0].type === 'Identifier' && !this.a.scopes.resolve(call.arguments[0])) out.push(...this.definedInLoop(call));
    // A SystemJS module's `exports("zone", zone)` and `exports({ zone: zone })`.
    for (const param of this.systemExports) {
      const b = this.a.scopes.resolve(param);
      for (const call of (this.calls.get(param.name) ?? []).filter((c) => this.a.scopes.resolve(c.callee) === b)) {
        const [key, value] = call.arguments as Node[];
        if (key?.type === 'Literal' && typeof key.value === 'string' && value) out.push([key.value, [value]]);
        else if (key?.type === 'ObjectExpression' && !value) for (const p of key.properties) if (p.type === 'Property' && keyName(p) !== undefined) out.push([keyName(p)!, [p.value]]);
      }
    }
    return out;
  }

  /**
   * `for (var k in all) Object.defineProperty(exports, k, { enumerable: true, get: all[k] })`, swc's `_export`
   * helper written in place: each member of the map `all` with its values (a getter's returns, or the value).
   */
  private definedInLoop(call: Node): Array<[string, Node[]]> {
    const [, key, desc] = call.arguments as Node[];
    if (key?.type !== 'Identifier' || desc?.type !== 'ObjectExpression') return [];
    let loop = parenthesised(call).parent;
    for (let i = 0; i < 2 && loop && loop.type !== 'ForInStatement'; i++) loop = loop.parent;
    const right = loop?.type === 'ForInStatement' ? unwrap(loop.right) : undefined;
    if (right?.type !== 'Identifier') return [];
    const m = this.members(desc);
    const getter = m.has('get');
    const read = unwrap((m.get('get') ?? m.get('value'))?.[0] ?? desc);
    if (read.type !== 'MemberExpression' || !read.computed || unwrap(read.object).name !== right.name || unwrap(read.property).name !== key.name) return [];
    const all = this.soleDefinition(right);
    if (!all || unwrap(all).type !== 'ObjectExpression') return [];
    return [...this.members(unwrap(all))].map(([k, values]) => [k, getter ? values.flatMap((g) => (isFunction(g) ? this.returnsOf(g) : [])) : values]);
  }

  /** What the module factory a call loads sets `module.exports` to (none when the call loads none). */
  moduleValues(call: Node): Node[] {
    const factory = call.type === 'CallExpression' ? this.moduleFactoryOf(call) : undefined;
    return factory ? this.moduleValue(factory) : [];
  }

  /**
   * The exports of the bundled module a loader loads, by key, for a loader another chunk imports: `require_policy`
   * of `var require_policy = __commonJS({ "policy.js"(exports, module) { module.exports = { shouldMark } } })`.
   */
  loaderExports(loader: Node): Array<[string, Node]> {
    // (The loader's name, or the wrapper's call that makes it.)
    if (loader.type !== 'Identifier' && loader.type !== 'CallExpression') return [];
    const call = { type: 'CallExpression', callee: loader, arguments: [], optional: false, start: loader.start, end: loader.end, parent: loader.parent } as unknown as Node;
    const factory = this.moduleFactoryOf(call);
    const out: Array<[string, Node]> = [];
    for (const [key, values] of factory ? this.members(factory) : []) {
      for (const v of values) {
        const o = unwrap(v);
        if (key !== MODULE_VALUE) out.push([key, v]);
        else if (o.type === 'ObjectExpression') for (const [k, vs] of this.members(o)) for (const x of vs) out.push([k, x]);
        // (The module a function, a constant or an instance is, `module.exports = function inRegion(z) {…}`,
        // `module.exports = ["…"]`, `module.exports = new Env()`: what calling the loader gives, keyed `()`.)
        else if (this.functionOf(o) || o.type === 'ArrayExpression' || o.type === 'Literal' || o.type === 'TemplateLiteral' || o.type === 'NewExpression') out.push(['()', o]);
        // (A class, `module.exports = Probe` of `var Probe = class {…}`: the class, whose methods its instances have;
        // and a value worked out in place, `module.exports = ["bWVn…"].map(decode)`.)
        else { const cls = this.classOf(o); if (cls || o.type === 'CallExpression' && !this.moduleFactoryOf(o)) out.push(['()', cls ?? o]); }
      }
    }
    return out;
  }

  /** What a module factory sets `module.exports` to. */
  private moduleValue(factory: FunctionNode): Node[] {
    return this.members(factory).get(MODULE_VALUE) ?? [];
  }

  /** A module factory's exports: `module.exports = {...}`, `exports.key = v`, `module.exports.key = v`. */
  private factoryExports(fn: FunctionNode, add: (key: string | undefined, values: Node[]) => void): void {
    const names = fn.params.map((p: Node) => (p.type === 'Identifier' ? p.name : ''));
    // webpack passes (module, exports, require), its factories keyed by number, or by path in a table of several (esbuild's
    // `__commonJS({ "src/x.js"(exports, module) {…} })` holds one), and Parcel (module, exports); esbuild (exports, module).
    const table = fn.parent?.type === 'Property' ? fn.parent.parent : undefined;
    const webpack = names.length >= 3 || fn.parent?.type === 'Property' && /^\d+$/.test(String(fn.parent.key.value ?? '')) || this.parcelFactories.has(fn)
      || table?.type === 'ObjectExpression' && table.properties.length > 1;
    // browserify passes (require, module, exports).
    const browserify = this.browserifyDeps.has(fn);
    const moduleName = names.find((n) => n === 'module') ?? (browserify ? names[1] : webpack ? names[0] : names[1]);
    const exportsName = names.find((n) => n === 'exports') ?? (browserify ? names[2] : webpack ? names[1] : names[0]);
    const visit = (n: Node) => {
      // `__exportStar(n(251), exports)`, as tsc re-exports a whole module (`export * from "./tz"`).
      if (n.type === 'CallExpression' && n.arguments.length === 2 && unwrap(n.arguments[1]).type === 'Identifier' && unwrap(n.arguments[1]).name === exportsName && unwrap(n.arguments[0]).type === 'CallExpression') {
        addTo(this.starExports, fn, unwrap(n.arguments[0]));
      }
      // `r.d(exports, { x: () => f })`, as webpack 5 declares a module's exports, and rspack's
      // `r.d(exports, { x: () => f }, { y: g })` with a map of values after the getters.
      const values = n.type === 'CallExpression' && n.arguments.length === 3 && n.arguments[1].type === 'ObjectExpression' ? n.arguments[2] : undefined;
      if (n.type === 'CallExpression' && (n.arguments.length === 2 || values?.type === 'ObjectExpression') && unwrap(n.arguments[0]).type === 'Identifier' && unwrap(n.arguments[0]).name === exportsName) {
        for (const [key, got] of getterMembers(this, n.arguments[1])) add(key, got);
        for (const p of values?.properties ?? [] as Node[]) if (p.type === 'Property' && keyName(p) !== undefined) add(keyName(p)!, [p.value]);
      }
      // `n.d(exports, "a", function () { return r; })`, as webpack 4 declares each export.
      if (n.type === 'CallExpression' && n.arguments.length === 3 && webpack && !this.parcelFactories.has(fn) && unwrap(n.arguments[0]).type === 'Identifier' && unwrap(n.arguments[0]).name === exportsName && n.arguments[1].type === 'Literal' && typeof n.arguments[1].value === 'string' && isFunction(n.arguments[2])) {
        add(n.arguments[1].value, this.returnsOf(n.arguments[2] as FunctionNode));
      }
      // `$parcel$export(module.exports, "zone", () => l)`, as Parcel declares a module's exports.
      if (n.type === 'CallExpression' && n.arguments.length >= 3 && this.parcelFactories.has(fn) && n.arguments[1].type === 'Literal' && isFunction(n.arguments[2])) {
        const target = unwrap(n.arguments[0]);
        if (target.type === 'Identifier' ? target.name === exportsName : target.type === 'MemberExpression' && propertyName(target) === 'exports' && unwrap(target.object).name === moduleName) {
          add(String(n.arguments[1].value), this.returnsOf(n.arguments[2] as FunctionNode));
        }
      }
      // `Object.defineProperty(exports, "x", { get: function () { return x; } })`, as tsc emits re-exports.
      if (n.type === 'CallExpression' && methodName(n) === 'defineProperty' && n.arguments.length === 3 && unwrap(n.arguments[0]).type === 'Identifier' && unwrap(n.arguments[0]).name === exportsName) {
        const key = n.arguments[1].type === 'Literal' ? String(n.arguments[1].value) : undefined;
        const desc = unwrap(n.arguments[2]);
        if (key !== undefined && desc.type === 'ObjectExpression') {
          const m = this.members(desc);
          add(key, [...m.get('value') ?? [], ...(m.get('get') ?? []).flatMap((g) => (isFunction(g) ? this.returnsOf(g) : []))]);
        }
        for (const [k, values] of this.definedInLoop(n)) add(k, values);
      }
      // (tsc declares exports first, `exports.b = exports.a = void 0`: no value of either.)
      if (n.type === 'AssignmentExpression' && n.left.type === 'MemberExpression' && !isVoidChain(n.right)) {
        const key = propertyName(n.left);
        const obj = unwrap(n.left.object);
        if (key === 'exports' && obj.type === 'Identifier' && obj.name === moduleName) {
          const v = unwrap(n.right);
          if (v.type === 'ObjectExpression') for (const [k, vs] of this.members(v)) add(k, vs);
          else add(MODULE_VALUE, [n.right]);
        } else if (obj.type === 'Identifier' && obj.name === exportsName) add(key, [n.right]);
        else if (obj.type === 'MemberExpression' && propertyName(obj) === 'exports' && unwrap(obj.object).name === moduleName) add(key, [n.right]);
      }
      // (A module that uses top-level `await` runs its body in `t.a(module, async (deps, done) => {…})`, webpack's async-module runtime.)
      const run = n.parent?.type === 'CallExpression' && n.parent.arguments[1] === n ? n.parent : undefined;
      const body = run && propertyName(unwrap(run.callee)) === 'a' && unwrap(run.arguments[0]).type === 'Identifier' && unwrap(run.arguments[0]).name === moduleName;
      if (isFunction(n) && n !== fn && !body) return;
      forEachChild(n, visit);
    };
    visit(fn.body);
  }

  /** Values of an object literal's, class body's or module's members by key (getters give their returns). */
  members(o: Node): Map<string, Node[]> {
    let map = this.memberIndex.get(o);
    if (map) return map;
    map = new Map();
    this.memberIndex.set(o, map);
    const add = (key: string | undefined, values: Node[]) => {
      if (key === undefined) return;
      const list = map!.get(key);
      // A member holds a bounded number of values: spread chains in bundles can merge thousands.
      const into = list ?? [];
      if (!list) map!.set(key, into);
      for (const v of values) { if (into.length >= MAX_MEMBER_VALUES) break; into.push(v); }
    };
    if (isFunction(o)) {
      this.factoryExports(o, add);
      return map;
    }
    // An instance of a constructor function (its body stands for it): what its prototype holds.
    if (o.type === 'BlockStatement') {
      if (isFunction(o.parent)) for (const [k, vs] of this.prototypeMembers(o.parent)) add(k, vs);
      return map;
    }
    for (const m of o.type === 'ObjectExpression' ? o.properties : o.body) {
      // `{ ...defaults, zone }`: the members of what is spread.
      if (m.type === 'SpreadElement' && this.spreading < MAX_SPREADS) {
        this.spreading++;
        try {
          for (const shape of this.objectShapes(m.argument, 3)) if (shape !== o) for (const [k, vs] of this.members(shape)) add(k, vs);
        } finally {
          this.spreading--;
        }
      }
      if (m.type === 'Property') add(keyName(m), m.kind === 'get' ? this.returnsOf(m.value) : [m.value]);
      else if (m.type === 'PropertyDefinition') { if (m.value) add(keyName(m), [m.value]); }
      else if (m.type === 'MethodDefinition') add(keyName(m), m.kind === 'get' ? this.returnsOf(m.value) : [m.value]);
    }
    // `class Probe extends EnvBase`: what it does not define itself, it inherits.
    if (o.type === 'ClassBody') {
      for (const base of this.superShapes(o)) for (const [k, vs] of this.members(base)) if (!map.has(k)) add(k, vs);
    }
    return map;
  }

  /** The bodies of the classes of this file that extend a class, directly or further down (see superShapes). */
  private subclassBodies(body: Node): Node[] {
    if (!this.subclasses) {
      this.subclasses = new Map();
      // (Found once for the file; none without the word.)
      if (/\bextends\b/.test(this.a.text)) this.eachNode((n) => {
        if ((n.type === 'ClassDeclaration' || n.type === 'ClassExpression') && n.superClass) for (const s of this.superShapes(n.body)) addTo(this.subclasses!, s, n.body);
      });
    }
    const out: Node[] = [];
    const add = (b: Node) => { for (const sub of this.subclasses!.get(b) ?? []) if (!out.includes(sub) && out.length < MAX_SHAPE_CALLS) { out.push(sub); add(sub); } };
    add(body);
    return out;
  }
  private subclasses?: Map<Node, Node[]>;

  /** The class body a class extends (`extends EnvBase`, `extends (0, m.Base)`), when the module defines it. */
  private superShapes(body: Node): Node[] {
    const sup = body.parent?.superClass;
    return sup ? this.objectShapes(sup, 4).filter((s) => s.type === 'ClassBody' && s !== body) : [];
  }

  /** Whether `b.key = …` (or `b.key |= …`) is written anywhere. */
  assignsMember(b: Binding, key: string): boolean {
    const writes = this.memberAssignmentsOf(b, key);
    if (!writes.length) return false;
    // (`const R = {}; R.LIST = […]`: an object given the member once, beside where it is made and under no check,
    // holds it; nothing sets it again.)
    const statement = writes.length === 1 ? parenthesised(writes[0]).parent : undefined;
    const defs = statement?.type === 'ExpressionStatement' && statement.parent === b.decl.parent?.parent ? this.definitions(b) : [];
    const made = defs.length === 1 ? unwrap(defs[0]) : undefined;
    return !(made?.type === 'ObjectExpression' && made.properties.length === 0);
  }

  /** `o.key = …` assignments to this binding's object, grouped by binding once per name (minified names recur in every scope). */
  private memberAssignmentsOf(b: Binding, key: string): Node[] {
    if (!this.memberAssignmentsTo(b.name, key).length) return [];
    let cache = this.memberAssignmentGroups.get(key);
    if (!cache) this.memberAssignmentGroups.set(key, cache = new Map());
    return this.nodesFor(this.memberAssignmentsByName.get(key)!, cache, b, (a) => unwrap(a.left.object));
  }

  /**
   * `p.tz = v` on an instance of a class made outside its methods (`const p = new Probe()`, also in a static
   * factory, `static create() { const p = new Probe(); p.tz = …; return p }`): what `this.tz` reads in them.
   */
  private instanceWrites(body: Node, key: string, depth: number): Node[] {
    const writes = depth < 4 ? this.memberAssignments.get(key) ?? [] : [];
    return writes.filter((a) => a.operator === '=' && unwrap(a.left.object).type === 'Identifier' && this.objectShapes(unwrap(a.left.object), depth + 1).includes(body)).map((a) => a.right);
  }

  /** Assignments `name.key = value` (`this.key = value` for "this"), grouped by name on first use of a key. */
  /** The members given to an object's name one by one after it is made (`body.c = v`, `b["c"] = v`), by key. */
  assignedMembers(b: Binding): Array<[string, Node]> {
    if (!this.membersByOwner) {
      this.membersByOwner = new Map();
      for (const [key, list] of this.memberAssignments) {
        for (const a of list) { const o = unwrap(a.left.object); if (o.type === 'Identifier' && a.operator === '=') addTo(this.membersByOwner, o.name, [key, a]); }
      }
    }
    return (this.membersByOwner.get(b.name) ?? []).filter(([, a]) => this.a.scopes.resolve(unwrap(a.left.object)) === b).map(([key, a]) => [key, a.right]);
  }
  private membersByOwner?: Map<string, Array<[string, Node]>>;

  private memberAssignmentsTo(name: string, key: string): Node[] {
    let byName = this.memberAssignmentsByName.get(key);
    if (!byName) {
      byName = new Map();
      this.memberAssignmentsByName.set(key, byName);
      const lowered = (this.fieldCalls.get(key) ?? []).filter((c) => this.isFieldSetter(this.functionOf(c.callee))).map(asAssignment);
      for (const a of [...this.memberAssignments.get(key) ?? [], ...lowered]) {
        const obj = unwrap(a.left.object);
        const owner = obj.type === 'ThisExpression' ? 'this' : obj.name as string;
        addTo(byName, owner, a);
      }
    }
    return byName.get(name) ?? [];
  }

  /**
   * A helper that defines a property from its arguments, as bundlers lower class fields:
   * esbuild's `__publicField = (obj, key, value) => __defNormalProp(obj, …, value)`, babel's
   * `_defineProperty(obj, key, value)`. Small, three parameters, and it defines or assigns.
   */
  private isFieldSetter(fn: FunctionNode | undefined, depth = 0): boolean {
    if (!fn || fn.params.length < 3 || fn.end - fn.start > 600) return false;
    const text = this.a.text.slice(fn.start, fn.end);
    if (/defineProperty|\[\s*[\w$]+\s*\]\s*=\s*[\w$]+/.test(text)) return true;
    const inner = this.returnsOf(fn).map(unwrap).find((r) => r.type === 'CallExpression');
    return depth < 2 && !!inner && this.isFieldSetter(this.functionOf(inner.callee), depth + 1);
  }

  /**
   * What a lowered private field (`#z`, kept by esbuild and tsc in `_z = new WeakMap()`) is
   * given: the values of `__privateAdd(this, _z, v)`, `__privateSet(this, _z, v)` and
   * `_z.set(this, v)`. Undefined when `member` is no such WeakMap.
   */
  privateFieldValues(member: Node): Node[] | undefined {
    const m = unwrap(member);
    const b = m.type === 'Identifier' && this.privateWrites.has(m.name) ? this.a.scopes.resolve(m) : undefined;
    const defs = b ? this.definitions(b) : [];
    const def = defs.length === 1 ? unwrap(defs[0]) : undefined;
    if (!b || def?.type !== 'NewExpression' || unwrap(def.callee).type !== 'Identifier' || unwrap(def.callee).name !== 'WeakMap') return undefined;
    return (this.privateWrites.get(b.name) ?? []).filter((c) => {
      const callee = unwrap(c.callee);
      return this.a.scopes.resolve(unwrap(callee.type === 'MemberExpression' ? callee.object : c.arguments[1])) === b;
    }).map((c) => c.arguments[c.arguments.length - 1]);
  }

  /** `this.key = value` assignments of one property, grouped by class body. */
  private thisAssignments(key: string): Map<Node, Node[]> {
    let groups = this.thisAssignmentsByClass.get(key);
    if (groups) return groups;
    groups = new Map();
    this.thisAssignmentsByClass.set(key, groups);
    for (const a of this.memberAssignmentsTo('this', key)) {
      const fn = thisFunction(a);
      const body = this.classBodyOf(a) ?? (fn && this.instanceOf(fn)?.body);
      if (!body) continue;
      addTo(groups, body, a);
    }
    return groups;
  }

  private classBodyOf(node: Node): Node | undefined {
    for (let n = node.parent; n; n = n.parent) {
      if (n.type === 'ClassBody') return n;
      if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' && n.parent?.type !== 'MethodDefinition') {
        if (n.parent?.type !== 'MethodDefinition' && n.parent?.type !== 'Property') return undefined;
      }
    }
    return undefined;
  }

  /** Object literals, class bodies or module factories an expression may evaluate to (cached). */
  private objectShapes(node: Node, depth: number): Node[] {
    node = unwrap(node);
    if (depth > 6) return [];
    let shapes = this.shapes.get(node);
    if (!shapes) {
      this.shapes.set(node, []);
      // (One object reached along several paths is one shape: duplicates would multiply every later look-up.)
      const all = this.computeShapes(node, depth);
      shapes = all.length > 1 ? [...new Set(all)] : all;
      this.shapes.set(node, shapes);
    }
    return shapes;
  }

  private computeShapes(node: Node, depth: number): Node[] {
    switch (node.type) {
      case 'ObjectExpression': return [node];
      // `super.zone()` in a method: the class the enclosing class extends.
      case 'Super': {
        const c = this.classBodyOf(node);
        return c ? this.superShapes(c) : [];
      }
      // `const n = class n { static watched() {…} }; let r = n; r.watched()`: the class's own members.
      case 'ClassExpression': return [node.body];
      case 'ThisExpression': {
        // (In a class's method, also the classes that extend it: `this.flagged()` runs a subclass's override too.)
        const c = this.classBodyOf(node);
        if (c) return [c, ...this.subclassBodies(c)];
        // In a method of an object literal, `this` is the object; in a function run with
        // `call`/`apply`/`bind`, the `this` it is given.
        const fn = thisFunction(node);
        if (!fn) return [];
        const owner = fn.parent?.type === 'Property' && fn.parent.value === fn ? fn.parent.parent : undefined;
        if (owner?.type === 'ObjectExpression' && !this.descriptorCall(fn)) return [owner];
        // A lowered async body (`__awaiter(this, …, function () {…})`) runs with the `this` it is given.
        const runner = this.asyncRunnerOf(fn);
        if (runner) return this.objectShapes(runner.arguments[0], depth + 1);
        // A constructor function or a method on its prototype (`C.prototype.m = function () {…}`): an instance.
        const ctor = this.instanceOf(fn);
        if (ctor) return [ctor.body];
        return this.invocations(fn).slice(0, MAX_SHAPE_CALLS).flatMap((inv) => (inv.thisArg ? this.objectShapes(inv.thisArg, depth + 1) : []));
      }
      case 'NewExpression': {
        const cls = this.classOf(node.callee);
        const ctor = cls ? undefined : this.constructorOf(node.callee);
        return cls ? [cls.body] : ctor ? [ctor.body] : [];
      }
      case 'ConditionalExpression': return [...this.objectShapes(node.consequent, depth + 1), ...this.objectShapes(node.alternate, depth + 1)];
      case 'LogicalExpression': return [...this.objectShapes(node.left, depth + 1), ...this.objectShapes(node.right, depth + 1)];
      // (`env || (env = new Env())`: the instance kept as it is made.)
      // (`env ||= new Env()` is the instance made there, or the one kept before.)
      case 'AssignmentExpression': return node.operator === '=' ? this.objectShapes(node.right, depth + 1) : isLogicalAssignment(node) ? [...this.objectShapes(node.right, depth + 1), ...this.objectShapes(node.left, depth + 1)] : [];
      case 'AwaitExpression': case 'YieldExpression': { const awaited = awaitedArgument(node); return awaited ? this.objectShapes(awaited, depth + 1) : []; }
      // (`n = (c = { os: … }, { corp() {…} })`: a minifier's sequence gives its last value, an object written there.
      // Not any last value: `(init_x(), ns)` of esbuild's lazy modules is followed where members are looked up.)
      case 'SequenceExpression': {
        const last = unwrap(node.expressions[node.expressions.length - 1]);
        if (last.type === 'ObjectExpression' || last.type === 'ClassExpression') return this.objectShapes(last, depth + 1);
        // (Also an instance made just before, `return t.tz = …, t` of `const t = new Probe`.)
        const made = last.type === 'Identifier' ? this.soleDefinition(last) : undefined;
        return made && unwrap(made).type === 'NewExpression' ? this.objectShapes(made, depth + 1) : [];
      }
      case 'MemberExpression': {
        const key = propertyName(node);
        // `Probe.prototype` (`Probe.prototype.hit.call(p, tz)`): the class's own members.
        const classes = key === 'prototype' ? this.objectShapes(node.object, depth + 1).filter((s) => s.type === 'ClassBody') : [];
        if (classes.length) return classes;
        return key === undefined ? [] : this.propertyValues(node.object, key, depth + 1).flatMap((v) => this.objectShapes(v, depth + 1));
      }
      case 'Identifier': {
        const b = this.a.scopes.resolve(node);
        if (!b) return [];
        if (b.kind === 'param') {
          const fn = b.decl as FunctionNode;
          const index = fn.params.indexOf(b.id);
          // (Every way it is run: direct calls, `call`/`apply`, emitted events, lists of callbacks.)
          const calls = index < 0 ? [] : this.invocations(fn);
          const given = calls.length > MAX_SHAPE_CALLS ? [] : calls.flatMap((c) => (c.args[index] && c.args[index].type !== 'SpreadElement' ? this.objectShapes(c.args[index], depth + 1) : []));
          // `plugins.some((p) => p.check())`: also the objects pushed to the list it walks (`plugins.push({ check })`, or a registry's `register(p)`).
          const list = index === 0 ? this.iteratedBy(b) : undefined;
          const held = list && unwrap(list).type === 'Identifier' ? this.a.scopes.resolve(unwrap(list)) : undefined;
          const pushed = held ? this.pushedTo(held).slice(0, MAX_SHAPE_CALLS) : [];
          return pushed.length ? [...given, ...pushed.flatMap((v) => this.objectShapes(v, depth + 1))] : given;
        }
        if (b.kind === 'class') return [b.decl.body];
        return this.definitions(b).flatMap((d) => this.objectShapes(d, depth + 1));
      }
      case 'CallExpression': {
        // A bundled module: its exports, and what `module.exports = new Env()` makes it.
        const factory = this.moduleFactoryOf(node);
        if (factory) return [factory, ...this.moduleValue(factory).flatMap((v) => this.objectShapes(v, depth + 1))];
        // `Object.freeze({ … })` (rollup's namespaces), `Object.assign(target, a, b)`: the objects given.
        const c = unwrap(node.callee);
        if (c.type === 'MemberExpression' && unwrap(c.object).type === 'Identifier' && unwrap(c.object).name === 'Object' && /^(?:freeze|seal|assign|preventExtensions)$/.test(propertyName(c) ?? '')) {
          return (node.arguments as Node[]).flatMap((a) => this.objectShapes(a, depth + 1));
        }
        // `Object.fromEntries([["zone", tz], …])`: an object with those members.
        // (Also the pairs a generator yields: `Object.fromEntries(facts())` of `function* facts() { yield ["zone", tz]; … }`.)
        const entries = c.type === 'MemberExpression' && propertyName(c) === 'fromEntries' ? unwrap(node.arguments[0] ?? node) : undefined;
        const generator = entries?.type === 'CallExpression' ? this.functionOf(entries.callee, depth + 1) : undefined;
        const yielded = generator?.generator ? this.returnsOf(generator) : undefined;
        if (entries?.type === 'ArrayExpression' || yielded?.length) {
          const pairs = (yielded ?? entries!.elements as Array<Node | null>).map((e) => e && unwrap(e)).filter((e): e is Node => e?.type === 'ArrayExpression' && e.elements.length === 2 && !!e.elements[0] && !!e.elements[1]);
          const properties = pairs.map((e) => ({ type: 'Property', kind: 'init', computed: true, key: e.elements[0], value: e.elements[1], start: e.start, end: e.end, parent: e }));
          return [{ type: 'ObjectExpression', properties, start: node.start, end: node.end, parent: node.parent } as unknown as Node];
        }
        // `RULES.find((r) => r.zone === tz)`: one of the items of a list written out.
        if (c.type === 'MemberExpression' && /^(?:find|findLast)$/.test(propertyName(c) ?? '')) {
          const list = unwrap(c.object);
          // (Another module's list of records, as the linker gives it: `RULES.find(…)` of `import { RULES }`.)
          const imported = /^(?:Identifier|MemberExpression)$/.test(list.type) && this.a.modules.importOf(list) ? this.a.modules.constantOf(list) : undefined;
          const items = unwrap(imported ? constantNode(imported, list) : (list.type === 'Identifier' ? this.soleDefinition(list) : list) ?? list);
          if (items.type === 'ArrayExpression') return (items.elements as Array<Node | null>).flatMap((e) => (e && e.type !== 'SpreadElement' ? this.objectShapes(e, depth + 1) : []));
        }
        // `m.get(key)` of a container: what was put under that key (`priv.get(this).hit`).
        const held = c.type === 'MemberExpression' && propertyName(c) === 'get' && node.arguments.length === 1 ? this.containerValues(c.object, node.arguments[0]) : [];
        if (held.length) return held.flatMap((v) => this.objectShapes(v, depth + 1));
        // A deep copy, `structuredClone(o)` or `JSON.parse(JSON.stringify(o))`, has the members of `o`.
        const copied = deepCopyOf(node);
        if (copied) return this.objectShapes(copied, depth + 1);
        // `__assign(__assign({}, env()), { verbose: false })`: a compiler's spread, the objects given.
        if (this.isMergeCall(node)) return (node.arguments as Node[]).flatMap((a) => this.objectShapes(a, depth + 1));
        const fn = this.functionOf(node.callee, depth + 1);
        return fn ? this.returnsOf(fn).flatMap((r) => this.objectShapes(r, depth + 1)) : [];
      }
    }
    return [];
  }

  /** A call of `Object.assign` under another name or of a helper that does what it does (see copiesMembers). */
  isMergeCall(call: Node): boolean {
    const callee = calleeOf(call.callee);
    // (`tslib.__assign`, `(0, tslib_1.__assign)(…)`: the helpers' library by their names.)
    // (And under those names: babel's `_objectSpread` copies through `forEach`, not a loop.)
    if (callee.type === 'MemberExpression') return MERGE_HELPERS.test(propertyName(callee) ?? '');
    const b = callee.type === 'Identifier' ? this.a.scopes.resolve(callee) : undefined;
    if (!b) return false;
    if (MERGE_HELPERS.test(callee.name)) return true;
    let known = this.mergeHelpers.get(b);
    if (known === undefined) {
      const defs = b.kind === 'function' ? [b.decl] : this.definitions(b);
      // (`var __assign = (this && this.__assign) || function () { __assign = Object.assign || function (t) {…}; … }`.)
      const merges = (d: Node): boolean => isObjectAssign(d) || isFunction(d) && copiesMembers(d as FunctionNode) || d.type === 'LogicalExpression' && (merges(unwrap(d.left)) || merges(unwrap(d.right)));
      known = defs.length <= 3 && defs.some((d) => merges(unwrap(d)));
      this.mergeHelpers.set(b, known);
    }
    return known;
  }
  private readonly mergeHelpers = new Map<Binding, boolean>();

  /**
   * The constructor function `new C()` runs when `C` is no class: a function declaration or
   * expression, also as tsc and babel lower classes (`var C = (function () { function C() {…} … return C; }())`).
   */
  constructorOf(node: Node, depth = 0): FunctionNode | undefined {
    // (`return C.prototype.m = …, C`, minified; `return _createClass(C, […])` of babel.)
    const described = unwrap(node).type === 'CallExpression' && (isClassDescriptorCall(unwrap(node)) || isCheckedConstructor(unwrap(node).arguments[0])) ? unwrap(node).arguments[0] : undefined;
    const callee = calleeOf(described ?? node);
    const fn = this.functionOf(callee);
    if (fn) return fn.type === 'ArrowFunctionExpression' ? undefined : fn;
    let def = unwrap(callee).type === 'Identifier' && depth < 2 ? this.soleDefinition(unwrap(callee)) : undefined;
    // (`var Env = exports.Env = _createClass(function Env() {…})`, as babel exports a class.)
    while (def && unwrap(def).type === 'AssignmentExpression') def = unwrap(def).right as Node;
    if (def && unwrap(def).type === 'CallExpression' && isCheckedConstructor(unwrap(def).arguments[0])) return unwrap(def).arguments[0] as FunctionNode;
    const iife = def && unwrap(def).type === 'CallExpression' && isFunction(unwrap(unwrap(def).callee)) ? unwrap(unwrap(def).callee) as FunctionNode : undefined;
    const returned = iife ? this.returnsOf(iife) : [];
    return returned.length === 1 ? this.constructorOf(returned[0], depth + 1) : undefined;
  }

  /**
   * The constructor function whose instance `this` is in `fn`: `fn` itself when it is run with
   * `new` or has a prototype, or the function whose `C.prototype.m = fn` it is.
   */
  private instanceOf(fn: FunctionNode): FunctionNode | undefined {
    // A method babel lowered to a descriptor: `_createClass(C, [{ key: "m", value: function () {…} }])`.
    const described = this.descriptorCall(fn);
    if (described) return this.constructorOf(described.arguments[0]);
    const p = parenthesised(fn).parent;
    // `C.prototype.m = function () {…}`
    if (p?.type === 'AssignmentExpression' && p.right === parenthesised(fn) && unwrap(p.left).type === 'MemberExpression') {
      const proto = unwrap(unwrap(p.left).object);
      if (proto.type === 'MemberExpression' && propertyName(proto) === 'prototype') {
        const ctor = this.constructorOf(proto.object);
        return ctor === fn ? undefined : ctor;
      }
    }
    const b = this.declaredBinding(fn);
    if (!b) return undefined;
    const made = this.nodesFor(this.news, this.newsByBinding, b, (n) => n.callee).length > 0;
    return made || this.prototypeAssignments(b).length || this.descriptorCalls(b).length ? fn : undefined;
  }

  /** The binding a function is declared or held by: `function C() {}`, `var C = function () {}`. */
  private declaredBinding(fn: FunctionNode): Binding | undefined {
    const p = parenthesised(fn).parent;
    const id = fn.type === 'FunctionDeclaration' ? fn.id : p?.type === 'VariableDeclarator' && p.init === parenthesised(fn) ? p.id : undefined;
    return id?.type === 'Identifier' ? this.a.scopes.resolve(id) : undefined;
  }

  /** `C.prototype.key = value` assignments of a constructor's binding. */
  private prototypeAssignments(b: Binding): Node[] {
    if (!this.prototypeIndex) {
      this.prototypeIndex = new Map();
      for (const a of this.nestedMemberAssignments) {
        const proto = unwrap(unwrap(a.left).object);
        if (propertyName(proto) === 'prototype' && unwrap(proto.object).type === 'Identifier') addTo(this.prototypeIndex, unwrap(proto.object).name as string, a);
      }
    }
    return (this.prototypeIndex.get(b.name) ?? []).filter((a) => this.a.scopes.resolve(unwrap(unwrap(unwrap(a.left).object).object)) === b);
  }

  /** A constructor function's static methods babel wrote as descriptors (`_createClass(C, null, [{ key: "match", value: fn }])`). */
  staticMethods(fn: FunctionNode): Array<[string, FunctionNode]> {
    const b = this.declaredBinding(fn);
    const members = b ? this.descriptorCalls(b).flatMap((call) => describedValues(call.arguments[2])) : [];
    return members.flatMap(([key, v]) => (isFunction(unwrap(v)) ? [[key, unwrap(v) as FunctionNode] as [string, FunctionNode]] : []));
  }

  /**
   * The methods of a constructor function's prototype (`C.prototype.m = function…`, as tsc and babel write a class
   * for ES5), for `C` or `new C()`: what other modules call on the class's instances.
   */
  prototypeMethods(node: Node): Array<[string, FunctionNode]> {
    const made = unwrap(node);
    const fn = made.type === 'NewExpression' ? this.constructorOf(made.callee) : isFunction(made) && made.type !== 'ArrowFunctionExpression' ? made as FunctionNode : undefined;
    // (With its getters, which tsc and babel write as descriptors: see isGetter in modules.ts.)
    return fn ? [...this.prototypeMembers(fn).flatMap(([key, values]) => (values.length === 1 && isFunction(unwrap(values[0])) ? [[key, unwrap(values[0]) as FunctionNode] as [string, FunctionNode]] : [])), ...this.prototypeGetters(fn)] : [];
  }

  /**
   * The descriptors a constructor's prototype is given by key: `_createClass(C, [{ key: "g", get: fn }])` of
   * babel and `Object.defineProperty(C.prototype, "zone", { get() {…} })` of tsc.
   */
  private prototypeDescriptors(b: Binding): Array<[string, Node]> {
    const out: Array<[string, Node]> = [];
    for (const call of this.descriptorCalls(b)) {
      for (const d of call.arguments[1].type === 'ArrayExpression' ? call.arguments[1].elements as Node[] : []) out.push([descriptorProp(d, 'key')!.value as string, d]);
    }
    for (const call of this.methodCalls().get('defineProperty') ?? []) {
      const [proto, key, d] = (call.arguments as Node[]).map((a) => a && unwrap(a));
      if (proto?.type !== 'MemberExpression' || propertyName(proto) !== 'prototype' || key?.type !== 'Literal' || d?.type !== 'ObjectExpression') continue;
      const ctor = unwrap(proto.object);
      if (ctor.type === 'Identifier' && this.a.scopes.resolve(ctor) === b) out.push([String(key.value), d]);
    }
    return out;
  }

  /** The getters of a constructor function's prototype, as tsc and babel write a class's `get zone()` for ES5. */
  prototypeGetters(fn: FunctionNode): Array<[string, FunctionNode]> {
    const b = this.declaredBinding(fn);
    return (b ? this.prototypeDescriptors(b) : []).flatMap(([key, d]) => {
      const get = descriptorProp(d, 'get');
      return get && isFunction(get) ? [[key, get as FunctionNode] as [string, FunctionNode]] : [];
    });
  }

  /** What a constructor function's prototype holds by key: `C.prototype.m = …` and `C.prototype = { m }`. */
  private prototypeMembers(fn: FunctionNode): Array<[string, Node[]]> {
    const b = this.declaredBinding(fn);
    if (!b) return [];
    const out: Array<[string, Node[]]> = [];
    for (const a of this.prototypeAssignments(b)) {
      const key = propertyName(unwrap(a.left));
      if (key !== undefined) out.push([key, [a.right]]);
    }
    for (const a of this.memberAssignmentsOf(b, 'prototype')) {
      const o = unwrap(a.right);
      if (o.type === 'ObjectExpression') out.push(...this.members(o));
    }
    // `_createClass(C, [{ key: "m", value: fn }, { key: "g", get: fn }])`: a getter's value is what it returns.
    for (const [key, d] of this.prototypeDescriptors(b)) {
      const value = descriptorProp(d, 'value');
      const get = descriptorProp(d, 'get');
      if (value) out.push([key, [value]]);
      else if (get && isFunction(get)) out.push([key, this.returnsOf(get)]);
    }
    return out;
  }

  /** Records the parameter of `(function (N) {…})(N || (N = {}))` under the name `N`. */
  private namespaceFunction(call: Node, fn: FunctionNode): void {
    (call.arguments as Node[]).forEach((a, i) => {
      const arg = unwrap(a);
      const p = fn.params[i];
      // (`Geo || (Geo = {})`, and as newer minifiers write it, `Geo ||= {}`.)
      if (p?.type !== 'Identifier' || !isLogicalAssignment(arg) && (arg.type !== 'LogicalExpression' || arg.operator !== '||' || unwrap(arg.right).type !== 'AssignmentExpression')) return;
      if (arg.left.type === 'Identifier') addTo(this.namespaceParams, arg.left.name, p);
      this.namespaceParamNodes.add(p);
      // (tsc's CommonJS output fills the export itself: `(function (Geo) {…})(exports.Geo || (exports.Geo = {}))`.)
      const left = unwrap(arg.left);
      const name = left.type === 'MemberExpression' && unwrap(left.object).type === 'Identifier' && unwrap(left.object).name === 'exports' ? propertyName(left) : undefined;
      if (name !== undefined) this.exportedNamespaces.push([p, name]);
    });
  }

  /**
   * The state machine a call of a compiler's lowered async function runs: the call itself
   * (`__awaiter(…)`, `_asyncToGenerator(…)()`), or babel's wrapper that replaces itself
   * (`function _f() { _f = _asyncToGenerator(…); return _f.apply(this, arguments); }`).
   */
  loweredRun(call: Node): ReturnType<LoweredAsync['bodyOf']> {
    if (call.type !== 'CallExpression') return undefined;
    const callee = calleeOf(call.callee);
    const target = callee.type === 'MemberExpression' && /^(?:apply|call)$/.test(propertyName(callee) ?? '') ? calleeOf(callee.object) : callee;
    const b = target.type === 'Identifier' ? this.a.scopes.resolve(target) : undefined;
    const made = b?.kind === 'function' ? this.definitions(b).find((d) => unwrap(d).type === 'CallExpression' && this.lowered.bodyOf(unwrap(d))) : undefined;
    // (`_async_to_generator(function* () {…})()`, as swc writes an async function: the helper's call, called.)
    return this.lowered.bodyOf(made ? unwrap(made) : call) ?? (target.type === 'CallExpression' && !call.arguments.length ? this.lowered.bodyOf(target) : undefined);
  }

  /** What a lowered async function awaits where it reads the result (`_a.sent()`, `_context.sent`); undefined for other nodes. */
  sentValues(node: Node): Node[] | undefined {
    return this.lowered.sentValues(node, (id) => {
      const b = this.a.scopes.resolve(id);
      return b?.kind === 'param' && isFunction(b.decl) ? b.decl as FunctionNode : undefined;
    });
  }

  /** What a call of a function resolves to: its returns, or what its lowered async body returns. */
  resultsOf(fn: FunctionNode): Node[] {
    const returned = this.returnsOf(fn);
    const run = returned.length === 1 ? this.loweredRun(unwrap(returned[0])) : undefined;
    return run ? this.lowered.results(run.body, run.style) : returned;
  }

  /** A counter a `for` loop declares and steps (`for (let i = 0; …; i++)`): no one value, each index in turn. */
  isLoopCounter(b: Binding): boolean {
    const d = b.decl;
    const loop = d.type === 'VariableDeclarator' ? d.parent?.parent : undefined;
    if (loop?.type !== 'ForStatement' || loop.init !== d.parent || !loop.update) return false;
    const steps = unwrap(loop.update).type === 'SequenceExpression' ? unwrap(loop.update).expressions : [loop.update];
    return steps.some((u: Node) => {
      const step = unwrap(u);
      const target = step.type === 'UpdateExpression' ? step.argument : step.type === 'AssignmentExpression' && step.operator !== '=' ? step.left : undefined;
      return target?.type === 'Identifier' && target.name === b.name;
    });
  }

  /** The outer binding a TypeScript namespace's parameter fills: `N` of `(function (n) { n.a = … })(N || (N = {}))`. */
  filledBy(b: Binding): Binding | undefined {
    return b.kind === 'param' && this.namespaceParamNodes.has(b.id) ? this.namespaceParamOf(b.id) : undefined;
  }

  /** The outer binding a namespace function's parameter fills (see namespaceFunction). */
  private namespaceParamOf(param: Node): Binding | undefined {
    const fn = param.parent;
    const call = fn && parenthesised(fn).parent;
    const i = isFunction(fn) ? fn.params.indexOf(param) : -1;
    const arg = call?.type === 'CallExpression' && i >= 0 && call.arguments[i] ? unwrap(call.arguments[i]) : undefined;
    return arg && (arg.type === 'LogicalExpression' || isLogicalAssignment(arg)) ? this.a.scopes.resolve(arg.left) : undefined;
  }

  /** babel's `_createClass(C, […])` calls of a constructor's binding. */
  private descriptorCalls(b: Binding): Node[] {
    return (this.classDescriptors.get(b.name) ?? []).filter((c) => this.a.scopes.resolve(c.arguments[0]) === b);
  }

  /** The `_createClass(C, […])` call whose descriptor holds `fn` as its `value`, `get` or `set`. */
  private descriptorCall(fn: FunctionNode): Node | undefined {
    const p = parenthesised(fn).parent;
    const list = p?.type === 'Property' && isMemberDescriptor(p.parent ?? null) ? p.parent!.parent : undefined;
    const call = list?.type === 'ArrayExpression' ? list.parent : undefined;
    return call?.type === 'CallExpression' && call.arguments.includes(list) && isClassDescriptorCall(call) ? call : undefined;
  }

  /** The helper call that runs `fn` as a lowered async function with the caller's `this` (`__awaiter(this, …, fn)`, `__generator(this, fn)`). */
  private asyncRunnerOf(fn: FunctionNode): Node | undefined {
    const call = parenthesised(fn).parent;
    if (call?.type !== 'CallExpression' || !call.arguments.length || unwrap(call.arguments[0]).type !== 'ThisExpression') return undefined;
    const run = this.lowered.bodyOf(call);
    // (The body itself, or tsc's wrapper around it: `function () { return __generator(this, body); }`.)
    return run && (run.body === fn || call.arguments.includes(parenthesised(fn))) ? call : undefined;
  }

  /** The class an expression holds: a class expression, a class's name, or a variable given one (`let a = C`). */
  classOf(node: Node, depth = 0): Node | undefined {
    node = unwrap(node);
    if (node.type === 'ClassExpression') return node;
    // `var Probe = require_probe()` of a bundled module whose value is a class (`module.exports = Probe2`).
    if (node.type === 'CallExpression' && depth <= 4) {
      const factory = this.moduleFactoryOf(node);
      const values = factory ? this.moduleValue(factory) : [];
      return values.length === 1 ? this.classOf(values[0], depth + 1) : undefined;
    }
    if (node.type !== 'Identifier' || depth > 4) return undefined;
    const b = this.a.scopes.resolve(node);
    if (b?.kind === 'class') return b.decl;
    // `const C = class {…}`, and `let a = C` of it (esbuild's lowered classes).
    const defs = b ? this.definitions(b) : [];
    return defs.length === 1 ? this.classOf(defs[0], depth + 1) : undefined;
  }

  /** The one expression a binding is ever given, when there is exactly one. */
  soleDefinition(id: Node): Node | undefined {
    const b = this.a.scopes.resolve(id);
    const defs = b ? this.definitions(b) : [];
    return defs.length === 1 ? defs[0] : undefined;
  }

  /** The object an expression gives: the last of a sequence, the module an interop helper converts (`__toCommonJS(ns)`). */
  private objectBehind(node: Node): Node {
    let n = calleeOf(node);
    while (n.type === 'CallExpression' && n.arguments.length === 1 && n.arguments[0].type !== 'SpreadElement' && unwrap(n.arguments[0]).type === 'Identifier' && this.a.modules.isInteropHelper(n)) n = calleeOf(n.arguments[0]);
    return n;
  }

  /** The function a memoising wrapper holds: `get = once(() => decode(x))`. */
  memoisedFunction(callee: Node): FunctionNode | undefined {
    const def = this.soleDefinition(callee);
    const wrapped = def && unwrap(def).type === 'CallExpression' ? unwrap(def).arguments[0] : undefined;
    return isFunction(wrapped) ? wrapped : undefined;
  }

  /** The get trap of a `new Proxy(target, handler)` an expression holds (directly or through one variable). */
  proxyGetTrap(node: Node, depth = 0): FunctionNode | undefined {
    node = unwrap(node);
    if (node.type === 'Identifier' && depth === 0) {
      const b = this.a.scopes.resolve(node);
      const defs = b && b.kind !== 'param' ? this.definitions(b) : [];
      return defs.length === 1 ? this.proxyGetTrap(defs[0], 1) : undefined;
    }
    if (node.type !== 'NewExpression' || unwrap(node.callee).type !== 'Identifier' || unwrap(node.callee).name !== 'Proxy' || this.a.scopes.resolve(unwrap(node.callee))) return undefined;
    const handler = node.arguments[1] ? unwrap(node.arguments[1]) : undefined;
    if (handler?.type !== 'ObjectExpression') return undefined;
    const get = this.members(handler).get('get');
    return get?.length === 1 ? this.functionOf(get[0]) : undefined;
  }
}

/**
 * A node the evaluator reads as another module's constant: a plain list, or,
 * when the exporting module decoded it, a list decoded from one encoded
 * literal, so the comparison is still known to be concealed.
 */
export function constantNode(c: Constant, at: Node): Node {
  const span = { start: at.start, end: at.end, parent: at };
  if (c.code !== undefined) return codeNode(c.code, at);
  const literal = (value: string | number) => ({ type: 'Literal', value, raw: JSON.stringify(value), ...span });
  if (c.text && c.values.length === 1) return literal(c.values[0]) as unknown as Node;
  if (!c.concealed) return { type: 'ArrayExpression', elements: c.values.map(literal), ...span } as unknown as Node;
  const ascii = JSON.stringify(c.values).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const encoded = literal(Buffer.from(ascii, 'latin1').toString('base64'));
  const member = (object: string, property: string) => ({ type: 'MemberExpression', object: { type: 'Identifier', name: object, ...span }, property: { type: 'Identifier', name: property, ...span }, computed: false, optional: false, ...span });
  const atob = { type: 'CallExpression', callee: { type: 'Identifier', name: 'atob', ...span }, arguments: [encoded], optional: false, ...span };
  return { type: 'CallExpression', callee: member('JSON', 'parse'), arguments: [atob], optional: false, ...span } as unknown as Node;
}

/** The record `Promise.allSettled` gives for a promise: `{ value }`, the value it resolves to (a node of its own, at the promise). */
function settledRecord(promise: Node): Node {
  const span = { start: promise.start, end: promise.end, parent: promise };
  const key = { type: 'Identifier', name: 'value', ...span };
  const value = { type: 'AwaitExpression', argument: promise, ...span };
  return { type: 'ObjectExpression', properties: [{ type: 'Property', key, value, kind: 'init', computed: false, method: false, shorthand: false, ...span }], ...span } as unknown as Node;
}

/** `__publicField(obj, "key", value)` read as the assignment `obj.key = value` it makes. */
/**
 * The members `Object.defineProperty(o, "k", desc)` and `Object.defineProperties(o, { k: desc })` give,
 * as assignments `o.k = v`: `v` is the descriptor's `value`, or what its getter returns.
 */
function describedMembers(call: Node): Node[] {
  const [object, key, desc] = call.arguments as Node[];
  if (!object || unwrap(object).type !== 'Identifier' && unwrap(object).type !== 'ThisExpression') return [];
  const valueOf = (d: Node | undefined): Node | undefined => {
    const o = d && unwrap(d);
    if (o?.type !== 'ObjectExpression') return undefined;
    for (const p of o.properties as Node[]) {
      const k = p.type === 'Property' ? keyName(p) : undefined;
      if (k === 'value') return p.value;
      if (k !== 'get') continue;
      const fn = unwrap(p.value);
      return isFunction(fn) && !fn.params.length ? soleReturn(fn) : undefined;
    }
    return undefined;
  };
  const assign = (k: string, right: Node | undefined, at: Node): Node[] =>
    right ? [assignment(object, { type: 'Literal', value: k, start: at.start, end: at.end } as unknown as Node, right, at, call.parent)] : [];
  if (calleeName(call) === 'defineProperty') return key?.type === 'Literal' && typeof key.value === 'string' ? assign(key.value, valueOf(desc), call) : [];
  const all = key && unwrap(key);
  if (all?.type !== 'ObjectExpression') return [];
  return (all.properties as Node[]).flatMap((p) => {
    const k = p.type === 'Property' && !p.computed ? keyName(p) : undefined;
    return k === undefined ? [] : assign(k, valueOf(p.value), p);
  });
}

function asAssignment(call: Node): Node {
  const [object, property, right] = call.arguments as Node[];
  return assignment(object, property, right, call, call.parent);
}

/** `object[property] = right`, a node of its own at `at`, for a write the code makes some other way (a helper's call, a descriptor). */
function assignment(object: Node, property: Node, right: Node, at: Node, parent: Node | null | undefined): Node {
  const left = { type: 'MemberExpression', object, property, computed: true, optional: false, start: at.start, end: at.end, parent: null } as unknown as Node;
  const a = { type: 'AssignmentExpression', operator: '=', left, right, start: at.start, end: at.end, parent } as unknown as Node;
  left.parent = a;
  return a;
}

/**
 * Code another module gave to evaluate (Constant.code), parsed as an expression of its own: its nodes
 * span `at` (findings point there), and its names resolve only inside it or as globals.
 */
function codeNode(code: string, at: Node): Node {
  let root: Node;
  try {
    root = parseExpressionAt(code, 0, { ecmaVersion: 'latest' }) as unknown as Node;
  } catch {
    return { type: 'Identifier', name: 'undefined', start: at.start, end: at.end, parent: at } as unknown as Node;
  }
  const fix = (n: Node, parent: Node | null) => {
    n.parent = parent;
    FOREIGN_TEXT.set(n, code.slice(n.start, n.end));
    n.start = at.start;
    n.end = at.end;
    forEachChild(n, (child) => fix(child, n));
  };
  fix(root, null);
  return root;
}

/** The text of each node of code another module gave (codeNode), whose spans are the place it is used. */
const FOREIGN_TEXT = new WeakMap<Node, string>();

/** The text a node was written as: in the module's text, or in the code another module gave. */
export function nodeText(text: string, node: Node): string {
  return FOREIGN_TEXT.get(node) ?? text.slice(node.start, node.end);
}
