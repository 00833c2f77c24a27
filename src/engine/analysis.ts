// Per-file facts the rules share: indexes built during the walk, binding
// definitions, dataflow from fingerprint sources, static values, and the
// comparisons of fingerprint values with specific places and organisations.
import { addTo, enclosingScope, isFunction, keyName, methodName, propertyName, regexOf, unwrap, type FunctionNode, type Node } from './ast';
import { classifyConstant, isZonePicker, type ConstantClass } from './constants';
import { appearsIn, Evaluator, ITERATORS, Many, UNKNOWN, type Provenance, type Value } from './evaluate';
import { LineIndex, type Position } from './lines';
import { ScopeResolver, type Binding } from './scope';
import { calleeOf, ModuleFacts, requiredSpec, type Constant, type Fact, type ModuleSummary, type Seeds } from './modules';
import { ALL_KINDS, Kind, SourceMatcher, type SourceMatch } from './sources';
import { forEachChild, type Visitor } from './walk';
import type { ParsedIndex } from './parse';

/** The members key under which a module factory's whole `module.exports = value` is kept. */
const MODULE_VALUE = '(module.exports)';

/** What flows into an expression: source kinds and the nodes on the way (sources, comparisons). */
export interface Flow { kinds: number; via: Node[] }
const NONE: Flow = { kinds: 0, via: [] };
const MAX_VIA = 12;

/** A fingerprint value compared with specific constants. */
export interface Comparison {
  node: Node;
  flow: Flow;
  classes: Set<ConstantClass>;
  /** The specific constants, decoded when they were concealed. */
  values: string[];
  /** True when the constants do not appear as such in the source text. */
  concealed: boolean;
  /** The literal the constants were decoded from (for concealed ones). */
  encoded?: Node;
}

const COMPARE_OPS = new Set(['===', '==', '!==', '!=']);
/** A parameter's object shapes come from its call sites, when there are few of them. */
const MAX_SHAPE_CALLS = 8;
const DECODE_CALLS = new Set(['atob', 'fromCharCode', 'fromCodePoint', 'charCodeAt', 'decodeURIComponent', 'unescape', 'from']);
/** Methods and functions whose result carries their input (a lower-cased host is still the host). */
const PRESERVING_METHODS = new Set(['toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'trim', 'trimStart', 'trimEnd', 'slice', 'substring', 'substr', 'split', 'replace', 'replaceAll', 'normalize', 'toString', 'concat', 'at', 'padStart', 'padEnd', 'join', 'pop', 'shift', 'find', 'filter', 'flat', 'getTimezoneOffset']);
const PRESERVING_CALLS = new Set(['URL', 'String', 'decodeURIComponent', 'encodeURIComponent', 'Locale', 'DateTimeFormat']);
const PRESERVING_PROPERTIES = new Set(['hostname', 'host', 'origin', 'href', 'timeZone', 'locale', 'language', 'region', 'baseName', 'username', 'mac', 'address', 'domain', 'email']);
const COMPARE_METHODS = new Set(['includes', 'has', 'indexOf', 'startsWith', 'endsWith', 'test', 'match', 'localeCompare']);

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

function union(a: Flow, b: Flow): Flow {
  if (!b.kinds) return a;
  if (!a.kinds) return b;
  const via = a.via.length >= MAX_VIA ? a.via : [...a.via, ...b.via.filter((n) => !a.via.includes(n))].slice(0, MAX_VIA);
  return { kinds: a.kinds | b.kinds, via };
}

export class Analysis {
  readonly scopes = new ScopeResolver();
  readonly evaluator: Evaluator;
  readonly sources: SourceMatcher;
  private lines?: LineIndex;
  /** Assignments `name = value` by name, and `x.key = value` / `this.key = value` by key. */
  private readonly assignments: Map<string, Node[]>;
  private readonly memberAssignments = new Map<string, Node[]>();
  private readonly memberAssignmentsByName = new Map<string, Map<string, Node[]>>();
  /** Calls `name(...)` by callee name. */
  private readonly calls: Map<string, Node[]>;
  private readonly sortedEntries = new WeakSet<Node[]>();
  private readonly assignmentsByBinding = new Map<string, Map<Binding, Node[]>>();
  private readonly callsByBinding = new Map<string, Map<Binding, Node[]>>();
  private readonly thisAssignmentsByClass = new Map<string, Map<Node, Node[]>>();
  private readonly memberIndex = new Map<Node, Map<string, Node[]>>();
  private readonly shapes = new Map<Node, Node[]>();
  private methodCallIndex?: Map<string, Node[]>;
  private readonly candidates: Node[] = [];
  /** Bundled module factories by module id. */
  private readonly moduleFactories = new Map<string, FunctionNode>();
  /** Functions that decode: base64, hex, char codes, XOR. */
  readonly decoders = new Set<FunctionNode>();
  private flows = new Map<Node, Flow>();
  private bindingFlows = new Map<Binding, Flow>();
  /** While summarising: an exported function's parameters hold only what callers in other modules pass. */
  private summarising = false;
  /** Functions that return one of their parameters unchanged: its index, or null. */
  private readonly passThroughs = new Map<FunctionNode, number | null>();
  private readonly constantBindings = new Map<Binding, boolean>();
  private readonly specificValues = new Map<string | number, boolean>();
  private readonly returns = new Map<Node, Node[]>();
  private readonly defs = new Map<Binding, Node[]>();
  private comparisonList?: Comparison[];
  private readonly comparisonByNode = new Map<Node, Comparison>();
  private readonly analysed = new Map<Node, Comparison | null>();
  /** Candidates being analysed (a comparison's subject can flow through itself). */
  private readonly analysing: Node[] = [];

  /** The parser's list of nodes; with it come its calls and assignments by name (else the walk records those). */
  private readonly nodes?: Node[];

  /** Imports, exports and the inputs they give (see modules.ts). */
  readonly modules: ModuleFacts;
  /** CommonJS export assignments and `Object.defineProperty(exports, …)` calls. */
  private readonly commonJs: Node[] = [];
  private readonly defineCalls: Node[] = [];

  /** `index`: what the parser recorded (absent after error recovery); `seeds`: what the linker found this module's inputs hold. */
  constructor(readonly text: string, readonly ast: Node, index?: ParsedIndex, seeds?: Seeds) {
    this.nodes = index?.nodes;
    this.calls = index?.calls ?? new Map();
    this.assignments = index?.assignments ?? new Map();
    this.evaluator = new Evaluator(this.scopes, {
      definitions: (b) => this.definitions(b),
      iteratedBy: (b) => this.iteratedBy(b),
      members: (object, key) => this.propertyValues(object, key),
    });
    this.sources = new SourceMatcher(this.scopes, (id) => {
      const b = this.scopes.resolve(id);
      return b ? this.definitions(b) : [];
    }, (node) => this.value(node));
    this.modules = new ModuleFacts(ast, {
      text, scopes: this.scopes,
      definitions: (b) => this.definitions(b),
      returnsOf: (fn) => this.returnsOf(fn),
      functionOf: (n) => this.functionOf(n),
    }, seeds);
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
        if (left.type === 'Identifier') { if (!indexed) addTo(this.assignments, left.name, node); }
        else if (left.type === 'MemberExpression') {
          const p = propertyName(left);
          const obj = unwrap(left.object);
          if (p && (obj.type === 'Identifier' || obj.type === 'ThisExpression')) addTo(this.memberAssignments, p, node);
          if (obj.type === 'Identifier' ? obj.name === 'exports' || obj.name === 'module' && p === 'exports' : obj.type === 'MemberExpression' && propertyName(obj) === 'exports') this.commonJs.push(node);
        }
      },
      CallExpression: (node) => {
        const callee = unwrap(node.callee);
        if (callee.type === 'Identifier') {
          if (callee === node.callee && !indexed) addTo(this.calls, callee.name, node);
          if (DECODE_CALLS.has(callee.name)) this.markDecoder(node);
        } else {
          const method = propertyName(callee);
          if (method === undefined) return;
          if (DECODE_CALLS.has(method)) this.markDecoder(node);
          if (COMPARE_METHODS.has(method)) this.candidates.push(node);
          else if (method === 'defineProperty' && node.arguments[0]?.type === 'Identifier' && node.arguments[0].name === 'exports') this.defineCalls.push(node);
        }
      },
      BinaryExpression: (node) => {
        if (COMPARE_OPS.has(node.operator) || node.operator === 'in') this.candidates.push(node);
        else if (node.operator === '^') this.markDecoder(node);
      },
      SwitchStatement: (node) => { this.candidates.push(node); },
      Property: (node) => {
        // Module factories of webpack (`123: (module, exports, require) => {}`) and esbuild (`"src/x.js"(exports, module) {}`).
        const key = node.key as Node;
        if (key.type !== 'Literal' || !isFunction(node.value) || !node.value.params.length) return;
        if (typeof key.value === 'number' || (typeof key.value === 'string' && /^(?:\.{0,2}\/|[\w@-]+\/).*\.[cm]?[jt]sx?$|^\d+$/.test(key.value))) this.moduleFactories.set(String(key.value), node.value);
      },
      ReturnStatement: (node) => { if (node.argument) addReturn(node); },
      // What a generator yields is what its caller gets from it: counted as returned.
      YieldExpression: (node) => { if (node.argument && !node.delegate) addReturn(node); },
    };
  }

  /** Called after the walk, before the rules' exits: CommonJS exports are known once every assignment is. */
  walked(): void {
    this.modules.addCommonJs(this.commonJs, this.defineCalls);
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
    const stack: Node[] = [this.ast];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type !== 'Identifier' && n.type !== 'Literal') fn(n);
      forEachChild(n, (c) => { stack.push(c); });
    }
  }

  position(offset: number): Position {
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(offset);
  }

  // ---- definitions ----

  /**
   * The nodes of an index entry (all nodes for one name) that refer to one binding.
   * A local binding only looks inside its scope; a top-level one groups the whole
   * entry once, since minified bundles reuse short names thousands of times.
   */
  private nodesFor(index: Map<string, Node[]>, cache: Map<string, Map<Binding, Node[]>>, b: Binding, idOf: (n: Node) => Node): Node[] {
    const all = index.get(b.name);
    if (!all) return [];
    const resolves = (n: Node) => { const id = idOf(n); return id.type === 'Identifier' && this.scopes.resolve(id) === b; };
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
        const owner = id.type === 'Identifier' ? this.scopes.resolve(id) : undefined;
        if (!owner) continue;
        addTo(groups, owner, n);
      }
    }
    return groups.get(b) ?? [];
  }

  /** Calls `x.name(...)` by method name, indexed on first use. */
  private methodCalls(): Map<string, Node[]> {
    if (this.methodCallIndex) return this.methodCallIndex;
    const index = new Map<string, Node[]>();
    this.methodCallIndex = index;
    this.eachNode((n) => {
      if (n.type !== 'CallExpression') return;
      const c = calleeOf(n.callee);
      const key = c.type === 'MemberExpression' ? propertyName(c) : undefined;
      if (key !== undefined) addTo(index, key, n);
    });
    return index;
  }

  /** Expressions assigned to a binding: its initialiser and every assignment. */
  definitions(b: Binding): Node[] {
    let list = this.defs.get(b);
    if (list) return list;
    list = [];
    this.defs.set(b, list);
    const d = b.decl;
    if (b.kind === 'import') {
      const c = this.modules.constantOf(b.id);
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
    for (const a of this.nodesFor(this.assignments, this.assignmentsByBinding, b, (n) => n.left)) list.push(a.right);
    return list;
  }

  /** For a parameter of `list.some(x => ...)`-style callbacks: the list. */
  iteratedBy(b: Binding): Node | undefined {
    const fn = b.decl;
    if (b.kind !== 'param' || !isFunction(fn) || fn.params[0]?.type !== 'Identifier' || fn.params[0].name !== b.name) return undefined;
    const call = fn.parent;
    if (call?.type !== 'CallExpression' || call.arguments[0] !== fn || !ITERATORS.has(methodName(call) ?? '')) return undefined;
    return unwrap(call.callee).object;
  }

  /** Static value of an expression (UNKNOWN when it cannot be known). */
  value(node: Node): Value {
    if (node.type === 'Literal') return node.value as Value;
    return this.evaluator.evaluate(node).value;
  }

  evaluate(node: Node): { value: Value; provenance: Provenance } {
    return this.evaluator.evaluate(node);
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

  /** The function a callee refers to, through variables and object/class members. */
  functionOf(callee: Node, depth = 0): FunctionNode | undefined {
    callee = unwrap(callee);
    if (isFunction(callee)) return callee;
    if (depth > 6) return undefined;
    if (callee.type === 'Identifier') {
      const b = this.scopes.resolve(callee);
      if (!b) return undefined;
      if (b.kind === 'function') return b.decl as FunctionNode;
      const defs = this.definitions(b);
      return defs.length === 1 ? this.functionOf(defs[0], depth + 1) : undefined;
    }
    // `var __importDefault = (this && this.__importDefault) || function (mod) {…}`: the function given as the fallback.
    if (callee.type === 'LogicalExpression') return this.functionOf(callee.right, depth) ?? this.functionOf(callee.left, depth);
    if (callee.type === 'CallExpression') {
      // `inRegion = require_check()` where the module sets `module.exports = function inRegion() {}`.
      const factory = this.moduleFactoryOf(callee);
      const values = factory ? this.members(factory).get(MODULE_VALUE) ?? [] : [];
      return values.length === 1 ? this.functionOf(values[0], depth + 1) : undefined;
    }
    if (callee.type === 'MemberExpression') {
      const key = propertyName(callee);
      if (key === undefined) return undefined;
      for (const v of this.propertyValues(callee.object, key, depth + 1)) {
        const f = this.functionOf(v, depth + 1);
        if (f) return f;
      }
    }
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
    while (held.parent && (held.parent.type === 'LogicalExpression' || held.parent.type === 'ConditionalExpression' && held.parent.test !== held || held.parent.type === 'ParenthesizedExpression')) held = held.parent;
    const parent = held.parent;
    if (fn.type === 'FunctionDeclaration') name = fn.id?.name;
    else if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') name = parent.id.name;
    else if (parent?.type === 'AssignmentExpression' && parent.left.type === 'Identifier') name = parent.left.name;
    if (!name) {
      const key = parent?.type === 'AssignmentExpression' && parent.right === held ? propertyName(parent.left)
        : (parent?.type === 'Property' || parent?.type === 'MethodDefinition') && parent.value === held ? keyName(parent) : undefined;
      return key === undefined ? [] : (this.methodCalls().get(key) ?? []).filter((c) => this.functionOf(c.callee) === fn);
    }
    const b = this.scopes.resolve(fn.type === 'FunctionDeclaration' ? fn.id! : parent!.type === 'VariableDeclarator' ? parent!.id : parent!.left);
    if (!b) return [];
    return this.nodesFor(this.calls, this.callsByBinding, b, (n) => n.callee).filter((c) => this.functionOf(c.callee) === fn);
  }

  /**
   * Expressions that may be the value of `object.key`: object literal properties,
   * class members, getters' returns and `object.key = value` assignments.
   */
  propertyValues(object: Node, key: string, depth = 0): Node[] {
    const out: Node[] = [];
    // `places.LIST` of `import * as places` or `require("./places")`: the list another module exports.
    const ns = this.modules.namespaceOf(object);
    if (ns !== undefined) {
      const c = this.modules.constantOf({ type: 'MemberExpression', object, property: { type: 'Identifier', name: key }, computed: false, start: object.start, end: object.end } as unknown as Node);
      return c ? [constantNode(c, object)] : [];
    }
    for (const o of this.objectShapes(object, depth)) {
      const values = this.members(o).get(key);
      if (values) out.push(...values);
      if (o.type === 'ClassBody') for (const a of this.thisAssignments(key).get(o) ?? []) out.push(a.right);
    }
    const b = unwrap(object).type === 'Identifier' ? this.scopes.resolve(unwrap(object)) : undefined;
    if (b) for (const a of this.memberAssignmentsTo(b.name, key)) {
      if (this.scopes.resolve(unwrap(a.left.object)) === b) out.push(a.right);
    }
    return out;
  }

  /**
   * The module factory a call loads: `__webpack_require__(101)` with a factory
   * keyed 101, or `require_x()` where `require_x = __commonJS({ "x.js"(exports, module) {} })`.
   */
  private moduleFactoryOf(call: Node): FunctionNode | undefined {
    const arg = call.arguments[0];
    if (call.arguments.length === 1 && arg.type === 'Literal' && (typeof arg.value === 'number' || typeof arg.value === 'string')) {
      return this.moduleFactories.get(String(arg.value));
    }
    const callee = unwrap(call.callee);
    if (call.arguments.length || callee.type !== 'Identifier') return undefined;
    const b = this.scopes.resolve(callee);
    const defs = b && b.kind !== 'function' ? this.definitions(b) : [];
    const wrapper = defs.length === 1 ? unwrap(defs[0]) : undefined;
    const table = wrapper?.type === 'CallExpression' ? unwrap(wrapper.arguments[0] ?? wrapper) : undefined;
    // esbuild's `__commonJS({ "src/x.js"(exports, module) {} })`, and minified, `c((exports, module) => {})`.
    const fn = table?.type === 'ObjectExpression' && table.properties.length === 1 ? table.properties[0].value : table;
    return isFunction(fn) && fn.params.length >= 1 && wrapper!.arguments.length === 1 ? fn : undefined;
  }

  /** A module factory's exports: `module.exports = {...}`, `exports.key = v`, `module.exports.key = v`. */
  private factoryExports(fn: FunctionNode, add: (key: string | undefined, values: Node[]) => void): void {
    const names = fn.params.map((p: Node) => (p.type === 'Identifier' ? p.name : ''));
    // webpack passes (module, exports, require); esbuild (exports, module).
    const moduleName = names.find((n) => n === 'module') ?? (names.length >= 3 ? names[0] : names[1]);
    const exportsName = names.find((n) => n === 'exports') ?? (names.length >= 3 ? names[1] : names[0]);
    const visit = (n: Node) => {
      // `Object.defineProperty(exports, "x", { get: function () { return x; } })`, as tsc emits re-exports.
      if (n.type === 'CallExpression' && methodName(n) === 'defineProperty' && n.arguments.length === 3 && unwrap(n.arguments[0]).type === 'Identifier' && unwrap(n.arguments[0]).name === exportsName) {
        const key = n.arguments[1].type === 'Literal' ? String(n.arguments[1].value) : undefined;
        const desc = unwrap(n.arguments[2]);
        if (key !== undefined && desc.type === 'ObjectExpression') {
          const m = this.members(desc);
          add(key, [...m.get('value') ?? [], ...(m.get('get') ?? []).flatMap((g) => (isFunction(g) ? this.returnsOf(g) : []))]);
        }
      }
      if (n.type === 'AssignmentExpression' && n.left.type === 'MemberExpression') {
        const key = propertyName(n.left);
        const obj = unwrap(n.left.object);
        if (key === 'exports' && obj.type === 'Identifier' && obj.name === moduleName) {
          const v = unwrap(n.right);
          if (v.type === 'ObjectExpression') for (const [k, vs] of this.members(v)) add(k, vs);
          else add(MODULE_VALUE, [n.right]);
        } else if (obj.type === 'Identifier' && obj.name === exportsName) add(key, [n.right]);
        else if (obj.type === 'MemberExpression' && propertyName(obj) === 'exports' && unwrap(obj.object).name === moduleName) add(key, [n.right]);
      }
      if (isFunction(n) && n !== fn) return;
      forEachChild(n, visit);
    };
    visit(fn.body);
  }

  /** Values of an object literal's, class body's or module's members by key (getters give their returns). */
  private members(o: Node): Map<string, Node[]> {
    let map = this.memberIndex.get(o);
    if (map) return map;
    map = new Map();
    this.memberIndex.set(o, map);
    const add = (key: string | undefined, values: Node[]) => {
      if (key === undefined) return;
      const list = map!.get(key);
      if (list) list.push(...values); else map!.set(key, [...values]);
    };
    if (isFunction(o)) {
      this.factoryExports(o, add);
      return map;
    }
    for (const m of o.type === 'ObjectExpression' ? o.properties : o.body) {
      if (m.type === 'Property') add(keyName(m), m.kind === 'get' ? this.returnsOf(m.value) : [m.value]);
      else if (m.type === 'PropertyDefinition') { if (m.value) add(keyName(m), [m.value]); }
      else if (m.type === 'MethodDefinition') add(keyName(m), m.kind === 'get' ? this.returnsOf(m.value) : [m.value]);
    }
    return map;
  }

  /** Assignments `name.key = value` (`this.key = value` for "this"), grouped by name on first use of a key. */
  private memberAssignmentsTo(name: string, key: string): Node[] {
    let byName = this.memberAssignmentsByName.get(key);
    if (!byName) {
      byName = new Map();
      this.memberAssignmentsByName.set(key, byName);
      for (const a of this.memberAssignments.get(key) ?? []) {
        const obj = unwrap(a.left.object);
        const owner = obj.type === 'ThisExpression' ? 'this' : obj.name as string;
        addTo(byName, owner, a);
      }
    }
    return byName.get(name) ?? [];
  }

  /** `this.key = value` assignments of one property, grouped by class body. */
  private thisAssignments(key: string): Map<Node, Node[]> {
    let groups = this.thisAssignmentsByClass.get(key);
    if (groups) return groups;
    groups = new Map();
    this.thisAssignmentsByClass.set(key, groups);
    for (const a of this.memberAssignmentsTo('this', key)) {
      const body = this.classBodyOf(a);
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
      shapes = this.computeShapes(node, depth);
      this.shapes.set(node, shapes);
    }
    return shapes;
  }

  private computeShapes(node: Node, depth: number): Node[] {
    switch (node.type) {
      case 'ObjectExpression': return [node];
      case 'ThisExpression': { const c = this.classBodyOf(node); return c ? [c] : []; }
      case 'NewExpression': {
        const cls = this.classOf(node.callee);
        return cls ? [cls.body] : [];
      }
      case 'ConditionalExpression': return [...this.objectShapes(node.consequent, depth + 1), ...this.objectShapes(node.alternate, depth + 1)];
      case 'LogicalExpression': return [...this.objectShapes(node.left, depth + 1), ...this.objectShapes(node.right, depth + 1)];
      case 'AwaitExpression': return this.objectShapes(node.argument, depth + 1);
      case 'MemberExpression': {
        const key = propertyName(node);
        return key === undefined ? [] : this.propertyValues(node.object, key, depth + 1).flatMap((v) => this.objectShapes(v, depth + 1));
      }
      case 'Identifier': {
        const b = this.scopes.resolve(node);
        if (!b) return [];
        if (b.kind === 'param') {
          const fn = b.decl as FunctionNode;
          const index = fn.params.indexOf(b.id);
          const calls = index < 0 ? [] : this.callSites(fn);
          return calls.length > MAX_SHAPE_CALLS ? [] : calls.flatMap((c) => (c.arguments[index] ? this.objectShapes(c.arguments[index], depth + 1) : []));
        }
        if (b.kind === 'class') return [b.decl.body];
        return this.definitions(b).flatMap((d) => this.objectShapes(d, depth + 1));
      }
      case 'CallExpression': {
        const factory = this.moduleFactoryOf(node);
        if (factory) return [factory];
        const fn = this.functionOf(node.callee, depth + 1);
        return fn ? this.returnsOf(fn).flatMap((r) => this.objectShapes(r, depth + 1)) : [];
      }
    }
    return [];
  }

  private classOf(node: Node): Node | undefined {
    node = unwrap(node);
    if (node.type === 'ClassExpression') return node;
    if (node.type !== 'Identifier') return undefined;
    const b = this.scopes.resolve(node);
    if (b?.kind === 'class') return b.decl;
    const defs = b ? this.definitions(b) : [];
    return defs.length === 1 && unwrap(defs[0]).type === 'ClassExpression' ? unwrap(defs[0]) : undefined;
  }

  // ---- dataflow ----

  /** Which fingerprint sources flow into an expression. Memoised; cycles yield nothing. */
  flow(node: Node): Flow {
    const known = this.flows.get(node);
    if (known) return known;
    this.flows.set(node, NONE);
    const result = this.computeFlow(node);
    this.flows.set(node, result);
    return result;
  }

  private flowAll(nodes: Array<Node | null | undefined>): Flow {
    let f = NONE;
    for (const n of nodes) if (n) f = union(f, this.flow(n));
    return f;
  }

  private computeFlow(node: Node): Flow {
    const source = this.sources.match(node);
    if (source) return { kinds: source.kind, via: [node] };
    switch (node.type) {
      case 'Identifier': return this.identifierFlow(node);
      case 'MemberExpression': return this.memberFlow(node);
      case 'CallExpression': return this.callFlow(node);
      case 'NewExpression': {
        const c = unwrap(node.callee);
        const name = c.type === 'Identifier' ? c.name : propertyName(c);
        return name && PRESERVING_CALLS.has(name) && node.arguments[0] ? this.flow(node.arguments[0]) : NONE;
      }
      case 'ChainExpression': case 'ParenthesizedExpression': return this.flow(node.expression);
      case 'AwaitExpression': case 'UnaryExpression': case 'SpreadElement': case 'YieldExpression': return node.argument ? this.flow(node.argument) : NONE;
      case 'TemplateLiteral': return this.flowAll(node.expressions);
      case 'TaggedTemplateExpression': return this.flow(node.quasi);
      case 'LogicalExpression': return this.flowAll([node.left, node.right]);
      case 'ConditionalExpression': return this.flowAll([node.consequent, node.alternate]);
      case 'SequenceExpression': return this.flow(node.expressions[node.expressions.length - 1]);
      case 'AssignmentExpression': return this.flow(node.right);
      case 'ArrayExpression': return this.flowAll(node.elements);
      case 'ObjectExpression': return this.flowAll(node.properties.map((p: Node) => (p.type === 'Property' ? p.value : p.argument)));
      case 'BinaryExpression': {
        const f = this.flowAll([node.left, node.right]);
        return this.withComparison(node, f);
      }
    }
    return NONE;
  }

  /**
   * A comparison's result tells something of a fingerprint only when it is
   * compared with specific places, hosts or organisations: `host === "localhost"`
   * or `a === b` carries nothing; `zones.includes(tz)` carries the time zone.
   * (`match` returns the matched text, which still carries it.)
   */
  private withComparison(node: Node, f: Flow): Flow {
    if (!f.kinds || !this.isCandidate(node)) return f;
    const c = this.comparisonAt(node);
    if (!c) {
      // Compared with a literal that is not specific (`"localhost"`): nothing carried. With
      // a list that cannot be worked out (built or decoded at run time), the result may
      // still tell where the user is: carried.
      if (methodName(node) === 'match') return f;
      const sides: Node[] = node.type === 'BinaryExpression' ? [node.left, node.right] : [unwrap(node.callee).object, node.arguments[0]];
      return sides.some((side) => side && isLiteral(side)) ? NONE : f;
    }
    return f.via.includes(c.node) ? f : { kinds: f.kinds, via: [...f.via, c.node].slice(-MAX_VIA) };
  }

  private identifierFlow(node: Node): Flow {
    const b = this.scopes.resolve(node);
    if (!b) return NONE;
    let f = this.bindingFlows.get(b);
    if (!f) {
      this.bindingFlows.set(b, NONE);
      f = this.bindingFlow(b);
      this.bindingFlows.set(b, f);
    }
    return f;
  }

  private bindingFlow(b: Binding): Flow {
    if (b.kind === 'param') return this.paramFlow(b);
    if (b.kind === 'import') {
      const key = this.modules.inputOf(b.id);
      return key ? this.inputFlow(b.id, key) : NONE;
    }
    if (b.kind === 'function' || b.kind === 'class' || b.kind === 'catch') return NONE;
    // Destructured bindings are defined as `init.key` (see definitions): property-precise.
    // Nested patterns have no such definition; they take the whole initialiser's flow.
    const defs = this.definitions(b);
    const d = b.decl;
    if (!defs.length && d.type === 'VariableDeclarator' && d.id !== b.id && d.init) return this.flow(d.init);
    return this.flowAll(defs);
  }

  private paramFlow(b: Binding): Flow {
    const fn = b.decl as FunctionNode;
    const list = this.iteratedBy(b);
    if (list) return this.flow(list);
    // `promise.then((value) => …)`: the value is what the promise resolves to.
    const then = fn.parent;
    if (then?.type === 'CallExpression' && then.arguments[0] === fn && fn.params[0] === b.id && methodName(then) === 'then') return this.flow(unwrap(then.callee).object);
    const index = fn.params.findIndex((p: Node) => p === b.id || (p.type === 'AssignmentPattern' && p.left === b.id));
    if (index < 0) return NONE;
    // A parameter of an exported function also takes what other modules pass.
    const key = this.modules.paramInput(fn, b.id);
    let f = key ? this.inputFlow(b.id, key) : NONE;
    if (key && this.summarising) return f;
    for (const call of this.callSites(fn)) if (call.arguments[index]) f = union(f, this.flow(call.arguments[index]));
    return f;
  }

  /**
   * The parameter a function returns unchanged on every path (`function lze(e) { return e }`,
   * `function Me(e) { return lze(e) }`, `(s) => s.trim()`), or undefined. Parameter flows
   * merge every call site; a call to such a function takes its own argument's flow instead.
   */
  passThroughIndex(fn: FunctionNode): number | undefined {
    const known = this.passThroughs.get(fn);
    if (known !== undefined) return known ?? undefined;
    this.passThroughs.set(fn, null);
    const returns = this.returnsOf(fn);
    let index: number | undefined;
    for (const r of returns) {
      const i = this.returnedParam(fn, unwrap(r));
      if (i === undefined || (index !== undefined && i !== index)) { index = undefined; break; }
      index = i;
    }
    this.passThroughs.set(fn, index ?? null);
    return index;
  }

  /** Which plain, never reassigned parameter of `fn` an expression is, through pass-through calls and preserving methods. */
  private returnedParam(fn: FunctionNode, r: Node): number | undefined {
    if (r.type === 'Identifier') {
      const b = this.scopes.resolve(r);
      if (b?.kind !== 'param' || b.decl !== fn || this.definitions(b).length) return undefined;
      const i = fn.params.indexOf(b.id);
      return i >= 0 ? i : undefined;
    }
    if (r.type !== 'CallExpression') return undefined;
    const callee = unwrap(r.callee);
    const method = methodName(r);
    if (callee.type === 'MemberExpression' && method && PRESERVING_METHODS.has(method)) return this.returnedParam(fn, unwrap(callee.object));
    const g = this.functionOf(callee);
    if (!g || g === fn) return undefined;
    const j = this.passThroughIndex(g);
    return j !== undefined && r.arguments[j] ? this.returnedParam(fn, unwrap(r.arguments[j])) : undefined;
  }

  private memberFlow(node: Node): Flow {
    const input = this.modules.inputOf(node);
    if (input) return this.inputFlow(node, input);
    // Any property of `new Proxy(target, { get })` is what the get trap returns.
    const trap = this.proxyGetTrap(node.object);
    if (trap) return this.flowAll(this.returnsOf(trap));
    const key = propertyName(node);
    const objectType = unwrap(node.object).type;
    if (key !== undefined && (objectType === 'Identifier' || objectType === 'ThisExpression' || objectType === 'CallExpression' || objectType === 'NewExpression')) {
      const values = this.propertyValues(node.object, key);
      if (values.length) return this.flowAll(values);
    }
    if (key === undefined ? !node.computed : !PRESERVING_PROPERTIES.has(key) && !/^\d+$/.test(key)) return NONE;
    const f = this.flow(node.object);
    return key ? narrow(f, key) : f;
  }

  /** The one expression a binding is ever given, when there is exactly one. */
  soleDefinition(id: Node): Node | undefined {
    const b = this.scopes.resolve(id);
    const defs = b ? this.definitions(b) : [];
    return defs.length === 1 ? defs[0] : undefined;
  }

  /** The function a memoising wrapper holds: `get = once(() => decode(x))`. */
  private memoisedFunction(callee: Node): FunctionNode | undefined {
    const def = this.soleDefinition(callee);
    const wrapped = def && unwrap(def).type === 'CallExpression' ? unwrap(def).arguments[0] : undefined;
    return isFunction(wrapped) ? wrapped : undefined;
  }

  /** The get trap of a `new Proxy(target, handler)` an expression holds (directly or through one variable). */
  private proxyGetTrap(node: Node, depth = 0): FunctionNode | undefined {
    node = unwrap(node);
    if (node.type === 'Identifier' && depth === 0) {
      const b = this.scopes.resolve(node);
      const defs = b && b.kind !== 'param' ? this.definitions(b) : [];
      return defs.length === 1 ? this.proxyGetTrap(defs[0], 1) : undefined;
    }
    if (node.type !== 'NewExpression' || unwrap(node.callee).type !== 'Identifier' || unwrap(node.callee).name !== 'Proxy' || this.scopes.resolve(unwrap(node.callee))) return undefined;
    const handler = node.arguments[1] ? unwrap(node.arguments[1]) : undefined;
    if (handler?.type !== 'ObjectExpression') return undefined;
    const get = this.members(handler).get('get');
    return get?.length === 1 ? this.functionOf(get[0]) : undefined;
  }

  private callFlow(node: Node): Flow {
    const input = this.modules.inputOf(node);
    if (input) return this.inputFlow(node, input);
    const callee = calleeOf(node.callee);
    const method = methodName(node);
    if (method && ITERATORS.has(method) && isFunction(node.arguments[0])) {
      const cb = node.arguments[0] as FunctionNode;
      return this.withComparison(node, union(this.flow(callee.object), this.flowAll(this.returnsOf(cb))));
    }
    // `promise.then(cb)` resolves to what the callback returns.
    if (method === 'then' && isFunction(node.arguments[0])) return this.flowAll(this.returnsOf(node.arguments[0] as FunctionNode));
    const fn = this.functionOf(callee);
    if (fn) {
      // A wrapper that returns its argument carries this call's argument, not every caller's.
      const i = this.passThroughIndex(fn);
      if (i !== undefined) return node.arguments[i] && node.arguments[i].type !== 'SpreadElement' ? this.flow(node.arguments[i]) : NONE;
      return this.flowAll(this.returnsOf(fn));
    }
    if (callee.type === 'Identifier' && node.arguments.length === 0) {
      const wrapped = this.memoisedFunction(callee);
      if (wrapped) return this.flowAll(this.returnsOf(wrapped));
    }
    if (callee.type === 'MemberExpression') {
      if (method && COMPARE_METHODS.has(method)) return this.withComparison(node, union(this.flow(callee.object), this.flowAll(node.arguments)));
      if (method && PRESERVING_METHODS.has(method)) return this.flow(callee.object);
      return NONE;
    }
    if (callee.type === 'Identifier' && PRESERVING_CALLS.has(callee.name) && !this.scopes.resolve(callee)) return node.arguments[0] ? this.flow(node.arguments[0]) : NONE;
    return NONE;
  }

  // ---- modules ----

  /** What an input holds: its seed once linked, else Kind.INPUT (not known within the module). */
  private inputFlow(node: Node, key: string): Flow {
    const seed = this.modules.seeds?.[key];
    if (seed) return seed.kinds ? { kinds: seed.kinds, via: [node] } : NONE;
    return { kinds: Kind.INPUT, via: [node] };
  }

  /** The source an input stands for in an evidence chain, once the linker found what it holds. */
  inputSource(node: Node): SourceMatch | undefined {
    const key = this.modules.keyOf(node);
    const seed = key ? this.modules.seeds?.[key] : undefined;
    return seed?.kinds ? { kind: seed.kinds, label: seed.label } : undefined;
  }

  /** The module's summary for the linker; undefined when it neither takes from nor gives to other modules. */
  summary(): ModuleSummary | undefined {
    const dynamicImports: Node[] = [];
    if (this.text.includes('import(')) this.eachNode((n) => { if (n.type === 'ImportExpression') dynamicImports.push(n); });
    const names = this.modules.importedNames(this.calls, dynamicImports);
    if (names.size) {
      this.eachNode((n) => {
        if (n.type !== 'CallExpression') return;
        const c = calleeOf(n.callee);
        const o = c.type === 'MemberExpression' ? unwrap(c.object) : undefined;
        if (c.type === 'Identifier' ? names.has(c.name) : o?.type === 'Identifier' ? names.has(o.name) : !!o && (o.type === 'CallExpression' && !!requiredSpec(o) || o.type === 'AwaitExpression')) this.modules.inputOf(n);
      });
    }
    if (!this.modules.linked) return undefined;
    // What an exported function returns is summarised with its parameters as inputs only: each
    // caller in another module substitutes its own arguments (the linker's calls are context-sensitive),
    // so the arguments of this module's own calls must not be merged in.
    const own = [new Map<Node, Flow>(), new Map<Binding, Flow>()] as const;
    const returnsFact = (fn: FunctionNode) => {
      const saved = [this.flows, this.bindingFlows] as const;
      [this.flows, this.bindingFlows] = own;
      this.summarising = true;
      try {
        return this.fact(this.flowAll(this.returnsOf(fn)));
      } finally {
        [this.flows, this.bindingFlows] = saved;
        this.summarising = false;
      }
    };
    return this.modules.summary((n) => this.fact(this.flow(n)), returnsFact, (n) => this.exportedConstant(n));
  }

  /** An exported value that names specific places or hosts (a list or a string), for other modules' comparisons. */
  private exportedConstant(node: Node): Constant | undefined {
    const n = unwrap(node);
    const start = n.type === 'Identifier' ? this.soleDefinition(n) : n;
    if (!start || !this.mayBeConstant(start)) return undefined;
    const { value, provenance } = this.evaluate(n);
    const values = constantValues(value, false).filter((v): v is string => typeof v === 'string');
    if (!values.length || !values.some((v) => classifyConstant(v, ALL_KINDS, Kind, values.length >= 3))) return undefined;
    const hidden = values.filter((v) => !appearsIn(provenance, v));
    return { values, concealed: provenance.literals.length > 0 && hidden.length > values.length / 2 };
  }

  /** A flow as a module fact: its source kinds, the inputs it comes from, where a source is read. */
  private fact(f: Flow): Fact {
    const from: string[] = [];
    let at: string | undefined;
    for (const n of f.via) {
      const key = this.modules.keyOf(n);
      if (key) { if (!from.includes(key)) from.push(key); }
      else if (!at && this.sources.match(n)) { const p = this.position(n.start); at = `${p.line}:${p.column}`; }
    }
    return { kinds: f.kinds & ~Kind.INPUT, from, ...(at ? { at } : {}) };
  }

  // ---- comparisons ----

  /** Every comparison of a fingerprint value with specific zones, locales, hosts or keywords. */
  comparisons(): Comparison[] {
    if (!this.comparisonList) {
      for (const node of this.candidates) this.comparisonAt(node, false);
      this.comparisonList = [...new Set(this.comparisonByNode.values())];
    }
    return this.comparisonList;
  }

  /** The comparison reported at a node (a candidate, or the `.some(...)` call of one). */
  comparisonFor(node: Node): Comparison | undefined {
    return this.comparisonByNode.get(node) ?? (this.isCandidate(node) ? this.comparisonAt(node) : undefined);
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
      // Every case counts: `case "Asia/Shanghai": case "Asia/Urumqi":` is one check of two zones.
      let found: Comparison | undefined;
      for (const c of node.cases) {
        const next = c.test ? this.analysePair(node, node.discriminant, c.test) : undefined;
        if (!next) continue;
        if (!found) found = next;
        else if (next.node === found.node) mergeInto(found, next);
      }
      return found;
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
    if (c.type === 'Literal' && (typeof c.value === 'string' || typeof c.value === 'number') ? !this.mayBeSpecific(c.value) : !this.mayBeConstant(constant)) return undefined;
    // The constant is evaluated and classified before any dataflow query:
    // evaluations are cached per binding and most constants are not specific.
    const { value, provenance } = this.evaluate(constant);
    const values = constantValues(value, node.type === 'BinaryExpression' && node.operator === 'in');
    const isList = (value instanceof Many || Array.isArray(value)) && values.length >= 3;
    // Only values that could be specific under some source justify a dataflow query.
    const possible = values.filter((v) => (isList ? classifyConstant(v, ALL_KINDS, Kind, true) : this.mayBeSpecific(v)));
    if (!possible.length) return undefined;
    const flow = this.flow(subject);
    if (!flow.kinds) return undefined;
    // An input may hold any kind: its comparisons are classified for all (the linker tells which it holds).
    const kinds = flow.kinds & Kind.INPUT ? flow.kinds | ALL_KINDS : flow.kinds;
    const classes = new Set<ConstantClass>();
    const specific: string[] = [];
    for (const v of possible) {
      const cls = classifyConstant(v, kinds, Kind, isList);
      if (cls) { classes.add(cls); specific.push(String(v).replace(/^\.(?=[a-z0-9])/i, '')); }
    }
    if (!specific.length || isFullZoneList(specific, classes)) return undefined;
    const strings = possible.filter((v) => typeof v === 'string').map((v) => String(v).replace(/^\.(?=[a-z0-9])/i, ''));
    const hidden = strings.filter((v) => !appearsIn(provenance, v));
    const concealed = strings.length > 0 && provenance.literals.length > 0 && hidden.length > strings.length / 2;
    const encoded = concealed ? encodedLiteral(provenance.literals) : undefined;
    return { node: this.reportNode(node, constant), flow: { kinds: flow.kinds, via: flow.via }, classes, values: [...new Set(specific)], concealed, encoded };
  }

  /** A comparison inside `list.some(x => ...)` is reported at the `.some(...)` call. */
  private reportNode(node: Node, constant: Node): Node {
    const c = unwrap(constant);
    const inner = c.type === 'Identifier' ? c : c.type === 'BinaryExpression' ? [c.left, c.right].find((n: Node) => n.type === 'Identifier') : undefined;
    const b = inner ? this.scopes.resolve(inner) : undefined;
    if (b && this.iteratedBy(b)) return (b.decl as Node).parent!;
    return node;
  }

  /** Could one constant (not in a list) be specific under some source? Cached by value. */
  private mayBeSpecific(v: string | number): boolean {
    let known = this.specificValues.get(v);
    if (known === undefined) {
      const cls = classifyConstant(v, ALL_KINDS, Kind, false);
      known = !!cls && cls !== 'keyword';
      this.specificValues.set(v, known);
    }
    return known;
  }

  private isCandidate(node: Node): boolean {
    if (node.type === 'BinaryExpression') return COMPARE_OPS.has(node.operator) || node.operator === 'in';
    return node.type === 'CallExpression' && COMPARE_METHODS.has(methodName(node) ?? '');
  }

  /**
   * Cheap filter before evaluating: could this expression be a constant? Literals,
   * bindings with one constant definition, calls of known functions or decoders.
   */
  private mayBeConstant(node: Node, depth = 0): boolean {
    node = unwrap(node);
    if (depth > 10) return false;
    switch (node.type) {
      case 'Literal': return typeof node.value === 'string' || typeof node.value === 'number' || !!regexOf(node);
      // A callback (`list.map((s) => atob(s))`) is evaluated with the list.
      case 'TemplateLiteral': case 'ArrayExpression': case 'ObjectExpression': case 'ArrowFunctionExpression': case 'FunctionExpression': return true;
      case 'UnaryExpression': return this.mayBeConstant(node.argument, depth + 1);
      case 'NewExpression': return node.arguments.length === 1 && this.mayBeConstant(node.arguments[0], depth + 1);
      case 'Identifier': {
        const b = this.scopes.resolve(node);
        if (!b) return false;
        let known = this.constantBindings.get(b);
        if (known === undefined) {
          this.constantBindings.set(b, false);
          if (b.kind === 'param') { const list = this.iteratedBy(b); known = !!list && this.mayBeConstant(list, depth + 1); }
          else if (b.kind === 'import') known = !!this.modules.constantOf(b.id);
          else if (b.kind === 'function' || b.kind === 'class' || b.kind === 'catch') known = false;
          else {
            const defs = this.definitions(b).filter((d) => !(d.type === 'Literal' && d.value === null));
            known = defs.length === 1 && this.mayBeConstant(defs[0], depth + 1);
          }
          this.constantBindings.set(b, known);
        }
        return known;
      }
      case 'BinaryExpression': return this.mayBeConstant(node.left, depth + 1) && this.mayBeConstant(node.right, depth + 1);
      case 'MemberExpression': {
        const obj = unwrap(node.object);
        if (obj.type === 'CallExpression' && this.moduleFactoryOf(obj)) return true;
        if (this.modules.namespaceOf(obj) !== undefined) return !!this.modules.constantOf(node);
        return (obj.type === 'Identifier' || obj.type === 'ArrayExpression' || obj.type === 'ObjectExpression') && this.mayBeConstant(obj, depth + 1);
      }
      case 'CallExpression': {
        // A bundled module's exports (`places = require_places()`): its members may be constants.
        if (this.moduleFactoryOf(node)) return true;
        const callee = unwrap(node.callee);
        const args = node.arguments.every((a: Node) => this.mayBeConstant(a, depth + 1));
        if (callee.type === 'MemberExpression') {
          const obj = unwrap(callee.object);
          return args && (obj.type === 'Identifier' && /^(?:String|Buffer|JSON)$/.test(obj.name) || this.mayBeConstant(callee.object, depth + 1));
        }
        if (callee.type !== 'Identifier') return false;
        if (/^(?:atob|decodeURIComponent|unescape)$/.test(callee.name)) return args;
        const fn = this.functionOf(callee);
        if (fn) return args && (this.decoders.has(fn) || fn.params.length === 0 && this.returnsOf(fn).every((r) => this.mayBeConstant(r, depth + 1)));
        const wrapped = this.memoisedFunction(callee);
        return !!wrapped && this.returnsOf(wrapped).every((r) => this.mayBeConstant(r, depth + 1));
      }
    }
    return false;
  }
}

/**
 * A node the evaluator reads as another module's constant: a plain list, or,
 * when the exporting module decoded it, a list decoded from one encoded
 * literal, so the comparison is still known to be concealed.
 */
function constantNode(c: Constant, at: Node): Node {
  const span = { start: at.start, end: at.end, parent: at };
  const literal = (value: string) => ({ type: 'Literal', value, raw: JSON.stringify(value), ...span });
  if (!c.concealed) return { type: 'ArrayExpression', elements: c.values.map(literal), ...span } as unknown as Node;
  const ascii = JSON.stringify(c.values).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const encoded = literal(Buffer.from(ascii, 'latin1').toString('base64'));
  const member = (object: string, property: string) => ({ type: 'MemberExpression', object: { type: 'Identifier', name: object, ...span }, property: { type: 'Identifier', name: property, ...span }, computed: false, optional: false, ...span });
  const atob = { type: 'CallExpression', callee: { type: 'Identifier', name: 'atob', ...span }, arguments: [encoded], optional: false, ...span };
  return { type: 'CallExpression', callee: member('JSON', 'parse'), arguments: [atob], optional: false, ...span } as unknown as Node;
}

/** Adds what another comparison at the same place found. */
function mergeInto(existing: Comparison, c: Comparison): void {
  for (const v of c.values) if (!existing.values.includes(v)) existing.values.push(v);
  for (const k of c.classes) existing.classes.add(k);
  existing.concealed ||= c.concealed;
  existing.encoded ??= c.encoded;
  existing.flow = union(existing.flow, c.flow);
}

function isLiteral(node: Node): boolean {
  const n = unwrap(node);
  return n.type === 'Literal' || n.type === 'TemplateLiteral' && n.expressions.length === 0 || n.type === 'UnaryExpression' && n.argument.type === 'Literal';
}

/** The literal a decoded value most likely came from: the longest one it read. */
export function encodedLiteral(literals: Node[]): Node | undefined {
  return literals.reduce<Node | undefined>((best, l) => (!best || l.end - l.start > best.end - best.start ? l : best), undefined);
}

/** A list of zones across the world is validation or a picker, not a place check. */
function isFullZoneList(values: string[], classes: Set<ConstantClass>): boolean {
  return classes.has('zone') && classes.size === 1 && isZonePicker(values);
}

/** `.timeZone` of resolvedOptions() is the time zone only; `.locale` the locale only. */
function narrow(f: Flow, key: string): Flow {
  if (!(f.kinds & (Kind.TZ | Kind.LOCALE))) return f;
  if (key === 'timeZone') return { kinds: (f.kinds & ~Kind.LOCALE) | Kind.TZ, via: f.via };
  if (key === 'locale' || key === 'language' || key === 'region' || key === 'baseName') return { kinds: (f.kinds & ~Kind.TZ) | Kind.LOCALE, via: f.via };
  return f;
}

/** Strings and numbers a constant stands for (list entries, set members, object keys, regex text). */
function constantValues(value: Value, keys: boolean): Array<string | number> {
  const out: Array<string | number> = [];
  const add = (v: Value) => {
    if (typeof v === 'string' || typeof v === 'number') out.push(v);
    else if (v instanceof RegExp) out.push(...regexWords(v));
  };
  if (value === UNKNOWN || value == null) return out;
  if (value instanceof Many) value.values.forEach(add);
  else if (Array.isArray(value)) value.forEach(add);
  else if (keys && typeof value === 'object' && !(value instanceof RegExp)) out.push(...Object.keys(value as object));
  else add(value);
  return out.slice(0, 5000);
}

/** Literal alternatives of a regex: `/^Asia\/(Shanghai|Urumqi)$/` gives its zone names. */
function regexWords(re: RegExp): string[] {
  const src = re.source.replace(/\\(.)/g, '$1');
  const zone = /((?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/)\(?([A-Za-z_|]+)\)?/.exec(src);
  if (zone) return zone[2].split('|').map((z) => zone[1] + z);
  return src.replace(/^\^|\$$/g, '').replace(/[()]/g, '').split('|').filter((w) => /^[\w.\-/]+$/.test(w));
}

