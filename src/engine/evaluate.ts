// Static evaluation: a small, bounded interpreter for constant expressions and
// decoder functions. It never runs the scanned code: every operation is our own
// implementation over plain values, and anything it does not know is UNKNOWN.
import { isFunction, patternKey, propertyName, regexOf, unwrap, type FunctionNode, type Node } from './ast';
import { decompress, decrypt, isDecompressor } from './decoders';
import type { Binding, ScopeResolver } from './scope';

export const UNKNOWN: unique symbol = Symbol('unknown');

/** Bytes from `Buffer.from`, `Uint8Array`, `TextEncoder`. */
export class Bytes { constructor(readonly data: Uint8Array) {} }
/** A function value with the frame it closes over. */
export class Closure { constructor(readonly fn: FunctionNode, readonly frame: Frame | null) {} }
/** A built-in function used as a value: `list.map(atob)`, `const d = String.fromCharCode`. */
export class Builtin { constructor(readonly obj: string, readonly name: string) {} }
/** One of several values (an iteration variable, a conditional with an unknown test). */
export class Many { constructor(readonly values: Value[]) {} }
/** A plain object built by object literals inside evaluated code. */
export type Obj = { [key: string]: Value };

export type Value = string | number | boolean | bigint | null | undefined | RegExp | Value[] | Bytes | Closure | Builtin | Many | Obj | typeof UNKNOWN;

const MAX_STEPS = 500_000;
const MAX_STRING = 4 << 20;
const MAX_DEPTH = 40;
const MAX_MANY = 20_000;
const ITERATORS = new Set(['some', 'every', 'find', 'findIndex', 'findLast', 'filter', 'forEach', 'map', 'flatMap', 'reduce', 'reduceRight']);

class Frame {
  readonly vars = new Map<string, Value>();
  constructor(readonly parent: Frame | null) {}
  lookup(name: string): Frame | undefined {
    for (let f: Frame | null = this; f; f = f.parent) if (f.vars.has(name)) return f;
    return undefined;
  }
}

/** Thrown to give up on an evaluation; not an Error, so no stack trace is captured. */
class Abort {}
class Break { constructor(readonly label?: string) {} }
class Continue { constructor(readonly label?: string) {} }
class Return { constructor(readonly value: Value) {} }

/**
 * The string literals a value was built from: its own, and those of the
 * bindings it read, shared rather than copied (a table of thousands of strings
 * read in thousands of places would otherwise be copied each time).
 */
export class Literals {
  readonly own: Node[] = [];
  shared?: Set<Literals>;

  /** Every literal, each group once (shared groups may share each other). */
  *nodes(): Generator<Node> {
    const seen = new Set<Literals>([this]);
    const stack: Literals[] = [this];
    while (stack.length) {
      const l = stack.pop()!;
      yield* l.own;
      for (const s of l.shared ?? []) if (!seen.has(s)) { seen.add(s); stack.push(s); }
    }
  }

  all(): Node[] {
    return [...this.nodes()];
  }

  get empty(): boolean {
    return !!this.nodes().next().done;
  }
}

const NO_LITERALS = new Literals();

/** What an evaluation read: the string literals it started from (to tell decoded text). */
export interface Provenance {
  literals: Literals;
  /** True when a decoding step ran: base64/hex, char codes, XOR, URI unescaping. */
  decoded: boolean;
}

/** Binding definitions, from the engine's index: initialisers and assignments. */
export interface DefinitionSource {
  definitions(b: Binding): Node[];
  /** The array an iteration callback's parameter walks over (`list.some(x => ...)`). */
  iteratedBy(b: Binding): Node | undefined;
  /** The list a loop variable takes its items from (`for (const x of list)`, and that loop lowered to an iterator). */
  loopList?(b: Binding): Node | undefined;
  /** A name a loop destructures from each item, with the key it takes (`k` of `for (const [k, v] of list)`). */
  loopItem?(b: Binding): { list: Node; key: string } | undefined;
  /** Expressions that may be `object.key` (object literals, class members, module exports). */
  members(object: Node, key: string): Node[];
  /** The argument a parameter takes when its function runs in one place only. */
  argumentOf?(b: Binding): Node | undefined;
  /** What `b.push(…)` calls add to an array. */
  pushedTo?(b: Binding): Node[];
  /** The members given to an object's name one by one after it is made (`o["Asia/Shanghai"] = 1`), by key. */
  assignedMembers?(b: Binding): Array<[string, Node]>;
  /** Whether a `for` loop steps the binding (`i` of `for (let i = 0; …; i++)`). */
  isLoopCounter?(b: Binding): boolean;
  /** What an imported name holds when another module of the program exports a constant under it. */
  importedConstant?(id: Node): Node | undefined;
  /** What a call of a bundled module's loader (`require_list()`, `n(101)`) sets `module.exports` to. */
  moduleValues?(call: Node): Node[];
  /** Whether `name.key` is assigned anywhere (`state.hit = true`), for the variable `name` names. */
  reassigned?(name: Node, key: string): boolean;
}

/** True when `text` appears as such in one of the string literals a value was built from. */
export function appearsIn(provenance: Provenance, text: string): boolean {
  // (Also as a regular expression writes it: `"corp-a\\.com"` joined into `new RegExp(…)` is in plain sight.)
  const escaped = text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return provenance.literals.all().some((l) => {
    const s = String(l.type === 'TemplateElement' ? l.value.cooked : l.type === 'Identifier' ? l.name : l.value);
    return s.includes(text) || escaped !== text && s.includes(escaped);
  });
}

/**
 * Evaluates expressions without running them. Results are memoised per node
 * for constant contexts; a step budget bounds every top-level evaluation.
 */
export class Evaluator {
  private steps = 0;
  private depth = 0;
  private prov: Provenance = { literals: new Literals(), decoded: false };
  private readonly constants = new Map<Binding, { value: Value; literals: Literals; decoded: boolean }>();
  private readonly inProgress = new Set<Binding>();
  /** Functions whose one call used up half a budget (see invoke). */
  private readonly costly = new Set<Node>();
  /** The values each generator being run has yielded so far. */
  private readonly yields: Value[][] = [];

  constructor(private readonly scopes: ScopeResolver, private readonly defs: DefinitionSource) {}

  /** Evaluates a node in its static context; also returns what it was built from. */
  evaluate(node: Node): { value: Value; provenance: Provenance } {
    const outer = { steps: this.steps, prov: this.prov, depth: this.depth };
    this.steps = 0;
    this.depth = 0;
    this.prov = { literals: new Literals(), decoded: false };
    try {
      const value = this.expr(node, null);
      return { value, provenance: this.prov };
    } catch (err) {
      if (err instanceof Abort || err instanceof RangeError || err instanceof TypeError) return { value: UNKNOWN, provenance: this.prov };
      throw err;
    } finally {
      this.steps = outer.steps;
      this.depth = outer.depth;
      this.prov = outer.prov;
    }
  }

  /** The constant value of a binding, when it has exactly one known definition. */
  bindingValue(b: Binding): Value {
    let entry = this.constants.get(b);
    if (!entry) {
      if (this.inProgress.has(b)) return UNKNOWN;
      this.inProgress.add(b);
      try {
        entry = this.computeBindingValue(b);
      } finally {
        this.inProgress.delete(b);
      }
      this.constants.set(b, entry);
    }
    if (entry.literals.own.length || entry.literals.shared) (this.prov.literals.shared ??= new Set()).add(entry.literals);
    this.prov.decoded ||= entry.decoded;
    return entry.value;
  }

  private computeBindingValue(b: Binding): { value: Value; literals: Literals; decoded: boolean } {
    if (b.kind === 'function') return { value: new Closure(b.decl as FunctionNode, null), literals: NO_LITERALS, decoded: false };
    // (A loop's counter is not the value it starts at.)
    if (this.defs.isLoopCounter?.(b)) return { value: UNKNOWN, literals: NO_LITERALS, decoded: false };
    let source: Node | undefined;
    // `for (const s of list)`: the loop variable is each element.
    const iterated = b.kind !== 'param' ? this.defs.loopList?.(b) : undefined;
    const item = b.kind !== 'param' && !iterated ? this.defs.loopItem?.(b) : undefined;
    if (b.kind === 'param') source = this.defs.iteratedBy(b) ?? this.defs.argumentOf?.(b);
    else if (b.kind === 'import') source = this.defs.importedConstant?.(b.id);
    else if (iterated) source = iterated;
    else if (item) source = item.list;
    else {
      const defs = this.defs.definitions(b).filter((d) => !(d.type === 'Identifier' && d.name === 'undefined') && !(d.type === 'Literal' && d.value === null));
      if (defs.length === 1) source = defs[0];
    }
    if (!source) return { value: UNKNOWN, literals: NO_LITERALS, decoded: false };
    const { value, provenance } = this.evaluate(source);
    const { literals, decoded } = provenance;
    // `const L = []; for (…) L.push(atob(s))`: the array with what is pushed to it.
    const pushed = Array.isArray(value) && b.kind !== 'param' ? this.defs.pushedTo?.(b) ?? [] : [];
    if (pushed.length) {
      const all = [...value as Value[]];
      const merged = new Literals();
      merged.shared = new Set([literals]);
      let anyDecoded = decoded;
      for (const p of pushed.slice(0, MAX_MANY)) {
        const v = this.evaluate(p);
        if (v.value === UNKNOWN) return { value: UNKNOWN, literals, decoded };
        all.push(...(v.value instanceof Many ? v.value.values : [v.value]));
        merged.shared.add(v.provenance.literals);
        anyDecoded ||= v.provenance.decoded;
      }
      return { value: all, literals: merged, decoded: anyDecoded };
    }
    // `const o = {}; o["Asia/Shanghai"] = 1; o["Asia/Urumqi"] = 1`: the object with the members it is given, as
    // javascript-obfuscator writes an object literal (its keys, for a set or a table; a member read stays unknown
    // where it is set again, see member).
    const filled = isObj(value) && !Array.isArray(value) && !Object.keys(value).length && b.kind !== 'param' ? this.defs.assignedMembers?.(b) ?? [] : [];
    if (filled.length && filled.length <= MAX_MANY) {
      const obj: Obj = {};
      const merged = new Literals();
      merged.shared = new Set([literals]);
      for (const [key, v] of filled) {
        const got = this.evaluate(v);
        obj[key] = got.value;
        merged.shared.add(got.provenance.literals);
        // (The key is written in the code as the member's name.)
        merged.own.push({ type: 'Literal', value: key, start: v.start, end: v.end } as unknown as Node);
      }
      return { value: obj, literals: merged, decoded };
    }
    // A loop variable or an iteration callback's parameter is each element in turn.
    const each = source === iterated || !!item || b.kind === 'param' && source === this.defs.iteratedBy(b);
    if (!each) return { value, literals, decoded };
    const arr = value instanceof Bytes ? Array.from(value.data) : value;
    if (!Array.isArray(arr)) return { value: UNKNOWN, literals, decoded };
    // `([zone]) => …`, `({ zone }) => …`, `for (const [k, v] of list)`: the part of each element the pattern takes.
    const key = b.kind === 'param' ? patternKey((b.decl as FunctionNode).params, b.id) : item?.key;
    const items = key === undefined ? arr : arr.map((e) => (Array.isArray(e) || isObj(e) ? (e as Obj)[key] ?? UNKNOWN : UNKNOWN));
    return { value: new Many(items), literals, decoded };
  }

  private tick(): void {
    if (++this.steps > MAX_STEPS) throw new Abort();
  }

  // ---- expressions ----

  private expr(node: Node, frame: Frame | null): Value {
    this.tick();
    switch (node.type) {
      case 'Literal':
        if (typeof node.value === 'string') { this.prov.literals.own.push(node); return node.value; }
        const re = regexOf(node);
        if (re) return safeRegExp(re.pattern, re.flags);
        if (node.regex) return UNKNOWN;
        return node.value as Value;
      case 'TemplateLiteral': {
        let out = node.quasis[0].value.cooked ?? UNKNOWN;
        if (out === UNKNOWN) return UNKNOWN;
        this.prov.literals.own.push(node.quasis[0]);
        for (let i = 0; i < node.expressions.length; i++) {
          const v = this.expr(node.expressions[i], frame);
          const q = node.quasis[i + 1].value.cooked;
          if (q == null) return UNKNOWN;
          this.prov.literals.own.push(node.quasis[i + 1]);
          const joined = concat(concat(out, v), q);
          if (joined === UNKNOWN) return UNKNOWN;
          out = joined as string;
        }
        return out;
      }
      case 'Identifier': return this.identifier(node, frame);
      case 'ParenthesizedExpression': case 'ChainExpression': return this.expr(node.expression, frame);
      case 'SequenceExpression': {
        let v: Value = undefined;
        for (const e of node.expressions) v = this.expr(e, frame);
        return v;
      }
      case 'ArrayExpression': {
        const out: Value[] = [];
        for (const e of node.elements) {
          if (!e) { out.push(undefined); continue; }
          if (e.type === 'SpreadElement') {
            const v = this.expr(e.argument, frame);
            if (typeof v === 'string') out.push(...v);
            else if (Array.isArray(v)) out.push(...v);
            else return UNKNOWN;
          } else out.push(this.expr(e, frame));
        }
        return out;
      }
      case 'ObjectExpression': {
        const out: Obj = Object.create(null);
        for (const p of node.properties) {
          if (p.type !== 'Property' || p.kind !== 'init') return UNKNOWN;
          const key = p.computed ? this.expr(p.key, frame) : p.key.type === 'Identifier' ? p.key.name : p.key.value;
          if (key === UNKNOWN || typeof key === 'object') return UNKNOWN;
          // A key written out (`{ "Asia/Shanghai": … }`) is in plain sight, as `Object.keys` gives it.
          if (!p.computed) this.prov.literals.own.push(p.key);
          out[String(key)] = this.expr(p.value, frame);
        }
        return out;
      }
      case 'UnaryExpression': {
        if (node.operator === 'typeof') return UNKNOWN;
        const v = this.expr(node.argument, frame);
        if (v === UNKNOWN || typeof v === 'object' && v !== null) return node.operator === '!' && v !== UNKNOWN ? false : UNKNOWN;
        switch (node.operator) {
          case '!': return !v;
          case '-': return -(v as number);
          case '+': return +(v as number);
          case '~': return ~(v as number);
          case 'void': return undefined;
        }
        return UNKNOWN;
      }
      case 'BinaryExpression':
        if (node.operator === '^') this.prov.decoded = true;
        return binary(node.operator, this.expr(node.left, frame), this.expr(node.right, frame));
      case 'LogicalExpression': {
        const l = this.expr(node.left, frame);
        if (l === UNKNOWN || l instanceof Many) return UNKNOWN;
        if (node.operator === '&&') return l ? this.expr(node.right, frame) : l;
        if (node.operator === '||') return l ? l : this.expr(node.right, frame);
        return l ?? this.expr(node.right, frame);
      }
      case 'ConditionalExpression': {
        const t = this.expr(node.test, frame);
        if (t !== UNKNOWN && !(t instanceof Many)) return this.expr(t ? node.consequent : node.alternate, frame);
        return many([this.expr(node.consequent, frame), this.expr(node.alternate, frame)]);
      }
      case 'MemberExpression': return this.member(node, frame);
      case 'CallExpression': return this.call(node, frame);
      case 'NewExpression': return this.construct(node, frame);
      case 'ArrowFunctionExpression': case 'FunctionExpression': return new Closure(node as FunctionNode, frame);
      case 'AssignmentExpression': return this.assign(node, frame);
      case 'UpdateExpression': {
        if (node.argument.type !== 'Identifier' || !frame) throw new Abort();
        const f = frame.lookup(node.argument.name);
        if (!f) throw new Abort();
        const old = f.vars.get(node.argument.name);
        if (typeof old !== 'number') throw new Abort();
        const next = node.operator === '++' ? old + 1 : old - 1;
        f.vars.set(node.argument.name, next);
        return node.prefix ? next : old;
      }
      case 'AwaitExpression': return this.expr(node.argument, frame);
      case 'YieldExpression': {
        // A generator's values are collected as an array (`[...places()]`).
        const out = this.yields[this.yields.length - 1];
        const v = node.argument ? this.expr(node.argument, frame) : undefined;
        if (!out || node.delegate && !Array.isArray(v)) throw new Abort();
        if (node.delegate) out.push(...v as Value[]); else out.push(v);
        return undefined;
      }
    }
    return UNKNOWN;
  }

  private identifier(node: Node, frame: Frame | null): Value {
    const name = node.name as string;
    const f = frame?.lookup(name);
    if (f) return f.vars.get(name);
    if (name === 'undefined') return undefined;
    if (name === 'NaN') return NaN;
    if (name === 'Infinity') return Infinity;
    const b = this.scopes.resolve(node);
    if (!b) return GLOBAL_FUNCTIONS.has(name) ? new Builtin('', name) : UNKNOWN;
    return this.bindingValue(b);
  }

  private member(node: Node, frame: Frame | null): Value {
    const obj = this.expr(node.object, frame);
    const key = node.computed ? this.expr(node.property, frame) : propertyName(node);
    const modelled = typeof key === 'string' ? staticFunction(node.object, key) : undefined;
    if (modelled) return modelled;
    // `require(101).regions`: the value a bundled module exports. A module wrapper the
    // evaluator ran without its factory's side effects gives `{}`: the exports are looked up too.
    // (So are a function's own members, `C.LIST = […]` of a class written for ES5.)
    if (typeof key === 'string' && !frame && (obj === UNKNOWN || obj instanceof Closure || isObj(obj) && !Object.prototype.hasOwnProperty.call(obj, key))) {
      const values = this.defs.members(node.object, key);
      if (values.length === 1) return this.expr(values[0], null);
      // (`strings_1.SYSTEM_B` of `require("./strings")`: what that module exports, once the linker found it.)
      const linked = obj === UNKNOWN ? this.defs.importedConstant?.(node) : undefined;
      if (linked) return this.expr(linked, null);
      if (obj === UNKNOWN) return UNKNOWN;
    }
    // `const state = { hit: false }; … state.hit = true`: a member set again elsewhere is not its first value.
    if (typeof key === 'string' && !frame && isObj(obj) && unwrap(node.object).type === 'Identifier' && this.defs.reassigned?.(unwrap(node.object), key)) return UNKNOWN;
    // `L[i]` of a loop's counter: each element in turn.
    if (node.computed && !frame && Array.isArray(obj) && obj.length && obj.length <= MAX_MANY && unwrap(node.property).type === 'Identifier') {
      const b = this.scopes.resolve(unwrap(node.property));
      if (b && this.defs.isLoopCounter?.(b)) return new Many(obj);
    }
    // `T[i]` of a text picked character by character (an index table): a decoding step.
    if (typeof obj === 'string' && typeof key === 'number' && node.computed && node.property.type !== 'Literal') this.prov.decoded = true;
    const got = getProperty(obj, key);
    // (`m.default` of `m = __importDefault(require("./xor"))`, whose helper the evaluator cannot finish: what the linker found.)
    if ((got === UNKNOWN || got === undefined) && typeof key === 'string' && !frame) {
      const linked = this.defs.importedConstant?.(node);
      if (linked) return this.expr(linked, null);
    }
    return got;
  }

  private assign(node: Node, frame: Frame | null): Value {
    // (Outside evaluated code, `(t = n(876)).ZONES`: the value is what is assigned; nothing is written.)
    if (!frame) {
      if (node.operator !== '=') throw new Abort();
      return this.expr(node.right, null);
    }
    let value = this.expr(node.right, frame);
    const target = node.left as Node;
    if (node.operator !== '=') {
      const old = this.expr(target, frame);
      value = binary(node.operator.slice(0, -1), old, value);
    }
    if (target.type === 'Identifier') {
      const f = frame.lookup(target.name);
      if (!f) throw new Abort(); // writes outside the evaluated code: give up
      f.vars.set(target.name, value);
    } else if (target.type === 'MemberExpression') {
      const obj = this.expr(target.object, frame);
      const key = target.computed ? this.expr(target.property, frame) : propertyName(target);
      if (Array.isArray(obj) && typeof key === 'number' && key >= 0 && key < MAX_MANY * 10) obj[key] = value;
      else if (isObj(obj) && (typeof key === 'string' || typeof key === 'number')) obj[String(key)] = value;
      else if (obj instanceof Bytes && typeof key === 'number') obj.data[key] = Number(value);
      else throw new Abort();
    } else if (target.type === 'ArrayPattern' || target.type === 'ObjectPattern') {
      this.bindPattern(target, value, frame, false);
    } else throw new Abort();
    return value;
  }

  private construct(node: Node, frame: Frame | null): Value {
    const callee = unwrap(node.callee);
    const args = node.arguments.map((a: Node) => this.expr(a, frame));
    const name = callee.type === 'Identifier' ? callee.name : propertyName(callee);
    if (name === 'Uint8Array' && (Array.isArray(args[0]) || typeof args[0] === 'number')) return new Bytes(Uint8Array.from(args[0] as number[] | ArrayLike<number>));
    if (name === 'TextDecoder' || name === 'TextEncoder') return { __builtin: name } as Obj;
    if (name === 'String' && typeof args[0] === 'string') return args[0];
    if (name === 'Array' && args.length > 1) return args;
    if (name === 'Set' && (Array.isArray(args[0]) || typeof args[0] === 'string')) return [...(args[0] as Value[])];
    // A map's keys are what `has` tests: `new Map([["Asia/Shanghai", 1], …]).has(tz)`.
    if (name === 'Map' && Array.isArray(args[0]) && args[0].every((e) => Array.isArray(e) && typeof e[0] === 'string')) return (args[0] as Value[][]).map((e) => e[0]);
    // An empty set filled by `add` calls (see pushedTo).
    if (name === 'Set' && args.length === 0) return [];
    if (name === 'RegExp' && typeof args[0] === 'string') return safeRegExp(args[0], typeof args[1] === 'string' ? args[1] : '');
    return UNKNOWN;
  }

  private call(node: Node, frame: Frame | null): Value {
    const callee = unwrap(node.callee);
    if (callee.type === 'MemberExpression') {
      const method = propertyName(callee) ?? (callee.computed ? this.expr(callee.property, frame) : undefined);
      if (typeof method !== 'string') return UNKNOWN;
      const staticName = staticObjectName(callee.object);
      const args = this.args(node.arguments, frame);
      const decoded = this.builtinCall(method, args);
      if (decoded !== NOT_BUILTIN) return decoded;
      // `Array.from({ length: 13 }, (_, i) => s.charCodeAt(i) - 1)`, `Array.from(list, fn)`: the items, mapped.
      if (staticName === 'Array' && method === 'from' && args.length === 2 && (args[1] instanceof Closure || args[1] instanceof Builtin)) {
        const a0 = args[0];
        const length = isObj(a0) && typeof (a0 as Obj).length === 'number' ? (a0 as Obj).length as number : undefined;
        const items = length !== undefined && Number.isInteger(length) && length >= 0 && length <= MAX_MANY * 10 ? Array.from({ length }, () => undefined as Value) : callStatic('Array', 'from', [a0]);
        return Array.isArray(items) ? this.arrayMethod(items, 'map', [args[1]]) : UNKNOWN;
      }
      if (staticName) {
        const r = overMany(args, (a) => callStatic(staticName, method, a));
        if (r !== NOT_BUILTIN) { if (DECODING.has(`${staticName}.${method}`)) this.prov.decoded = true; return r; }
      }
      const receiver = this.expr(callee.object, frame);
      // `text.clip(p)` of `const text = require("./text")`: a function another module exports, whose code the linker gave.
      if (receiver === UNKNOWN && !frame) {
        const linked = this.defs.importedConstant?.(callee);
        const fn = linked && this.expr(linked, null);
        if (fn instanceof Closure) return this.invoke(fn, args);
      }
      if ((receiver instanceof Closure || receiver instanceof Builtin) && (method === 'call' || method === 'apply')) {
        const list = method === 'call' ? args.slice(1) : Array.isArray(args[1]) ? args[1] : args[1] instanceof Bytes ? Array.from(args[1].data) : [];
        return this.invoke(receiver, list);
      }
      if (staticName === undefined && callee.object.type === 'MemberExpression' && (method === 'apply' || method === 'call')) {
        // String.fromCharCode.apply(null, codes)
        const inner = staticObjectName(callee.object.object);
        const innerMethod = propertyName(callee.object);
        if (inner && innerMethod) {
          const list = method === 'call' ? args.slice(1) : Array.isArray(args[1]) ? args[1] : args[1] instanceof Bytes ? Array.from(args[1].data) : null;
          if (list) { const r = callStatic(inner, innerMethod, list); if (r !== NOT_BUILTIN) { this.prov.decoded = true; return r; } }
        }
      }
      // `s.split("").reverse().join("")` turns text around: a decoding step.
      if (method === 'reverse') this.prov.decoded = true;
      return this.callMethod(receiver, method, args);
    }
    // `var raw = require_list()` of a bundled module whose value is a constant (`module.exports = "…"`).
    const value = this.defs.moduleValues?.(node);
    if (value?.length === 1) return this.expr(value[0], null);
    const args = this.args(node.arguments, frame);
    // `const { inflateSync: A } = require("zlib"); A(bytes)`: zlib's or crypto's function under any name.
    const builtin = callee.type === 'Identifier' && !frame?.lookup(callee.name) ? this.importedName(callee) : undefined;
    if (builtin) {
      const decoded = this.builtinCall(builtin, args);
      if (decoded !== NOT_BUILTIN) return decoded;
    }
    if (callee.type === 'Identifier' && !frame?.lookup(callee.name) && !this.scopes.resolve(callee)) return this.invoke(new Builtin('', callee.name), args);
    // A spread as compilers write it for older targets: `__spreadArray([], __read(s), false)`, `_toConsumableArray(s)`.
    const spread = callee.type === 'Identifier' ? spreadHelper(callee.name, args) : NOT_BUILTIN;
    if (spread !== NOT_BUILTIN) return spread;
    const fn = this.expr(callee, frame);
    if (fn instanceof Closure || fn instanceof Builtin) return this.invoke(fn, args);
    // A call through a memoising/once wrapper: `const get = once(() => decode(x)); get()`.
    if (fn === UNKNOWN && callee.type === 'Identifier' && args.length === 0) {
      const wrapped = this.wrappedFunction(callee);
      if (wrapped) return this.invoke(wrapped, []);
    }
    return UNKNOWN;
  }

  private wrappedFunction(id: Node): Closure | undefined {
    const b = this.scopes.resolve(id);
    if (!b) return undefined;
    const defs = this.defs.definitions(b);
    if (defs.length !== 1) return undefined;
    const d = unwrap(defs[0]);
    if (d.type === 'CallExpression' && d.arguments.length >= 1 && isFunction(d.arguments[0]) && d.arguments[0].params.length === 0) {
      return new Closure(d.arguments[0] as FunctionNode, null);
    }
    return undefined;
  }

  private args(nodes: Node[], frame: Frame | null): Value[] {
    const out: Value[] = [];
    for (const a of nodes) {
      if (a.type === 'SpreadElement') {
        const v = this.expr(a.argument, frame);
        if (Array.isArray(v)) out.push(...v); else if (v instanceof Bytes) out.push(...v.data); else throw new Abort();
      } else out.push(this.expr(a, frame));
    }
    return out;
  }

  /** Calls a closure with our own frames; the scanned code never runs. A built-in is our own model of it. */
  invoke(fn: Closure | Builtin, args: Value[]): Value {
    if (fn instanceof Builtin) {
      const r = overMany(args, (a) => callStatic(fn.obj, fn.name, a));
      if (DECODING.has(`${fn.obj}.${fn.name}`)) this.prov.decoded = true;
      return r === NOT_BUILTIN ? UNKNOWN : r;
    }
    if (++this.depth > MAX_DEPTH) throw new Abort();
    // (A function that used up half a budget on its own before is not run again: an obfuscator's string
    // array read through an accessor not worked out would cost a whole budget at each of its thousands of calls.)
    if (this.costly.has(fn.fn)) { this.depth--; throw new Abort(); }
    const generator = !!fn.fn.generator;
    if (generator) this.yields.push([]);
    const start = this.steps;
    try {
      const frame = new Frame(fn.frame);
      fn.fn.params.forEach((p: Node, i: number) => this.bindPattern(p, p.type === 'RestElement' ? args.slice(i) : args[i], frame, true));
      if (fn.fn.body.type !== 'BlockStatement') return this.expr(fn.fn.body, frame);
      try {
        this.block(fn.fn.body.body, frame);
      } catch (signal) {
        if (signal instanceof Return && !generator) return signal.value;
        if (!(signal instanceof Return)) throw signal;
      }
      // A generator gives what it yielded, as an array.
      return generator ? this.yields[this.yields.length - 1] : undefined;
    } catch (err) {
      if (err instanceof Abort && this.steps - start >= MAX_STEPS / 2) this.costly.add(fn.fn);
      throw err;
    } finally {
      this.depth--;
      if (generator) this.yields.pop();
    }
  }

  /**
   * The name a called identifier has in the module it comes from: its own name
   * when unbound, `imported` of an import specifier, the key of a destructured
   * `require` (`{ gunzipSync: A }`) or of an alias (`const A = zlib.gunzipSync`).
   */
  private importedName(id: Node): string | undefined {
    const b = this.scopes.resolve(id);
    if (!b) return id.name;
    if (b.kind === 'import') return b.decl.type === 'ImportSpecifier' ? b.decl.imported.name : undefined;
    if (b.kind !== 'var' && b.kind !== 'let' && b.kind !== 'const') return undefined;
    const defs = this.defs.definitions(b);
    return defs.length === 1 ? propertyName(defs[0]) : undefined;
  }

  /**
   * zlib's decompressors and crypto's `createDecipheriv` on constants (decoders.ts):
   * a compressed or encrypted list is shown as what it decodes to.
   */
  private builtinCall(name: string, args: Value[]): Value | typeof NOT_BUILTIN {
    if (isDecompressor(name)) {
      const data = args[0] instanceof Bytes ? args[0].data : undefined;
      const out = data && decompress(name, data);
      if (!out) return UNKNOWN;
      this.prov.decoded = true;
      return new Bytes(new Uint8Array(out));
    }
    if (name === 'createDecipheriv' && typeof args[0] === 'string') {
      const key = bytesOf(args[1]);
      const iv = args[2] === null ? null : bytesOf(args[2]);
      return key && iv !== undefined ? { __builtin: 'Decipher', algorithm: args[0], key, iv } as unknown as Obj : UNKNOWN;
    }
    return NOT_BUILTIN;
  }

  /** `decipher.update(data, "base64", "utf8") + decipher.final("utf8")`: the whole text from `update`, nothing more from `final`. */
  private decipherMethod(d: Obj, method: string, args: Value[]): Value {
    if (method === 'setAuthTag' || method === 'setAutoPadding' || method === 'setAAD') return d;
    const outEncoding = method === 'final' ? args[0] : args[2];
    const asText = (b: Uint8Array) => (typeof outEncoding === 'string' && Buffer.isEncoding(outEncoding) ? Buffer.from(b).toString(outEncoding) : new Bytes(b));
    if (method === 'final') return asText(new Uint8Array(0));
    if (method !== 'update') return UNKNOWN;
    const input = typeof args[0] === 'string' && typeof args[1] === 'string' && Buffer.isEncoding(args[1]) ? new Uint8Array(Buffer.from(args[0], args[1])) : bytesOf(args[0]);
    const { algorithm, key, iv } = d as unknown as { algorithm: string; key: Uint8Array; iv: Uint8Array | null };
    const out = input && decrypt(algorithm, key, iv, input);
    if (!out) return UNKNOWN;
    this.prov.decoded = true;
    return asText(new Uint8Array(out));
  }

  private callMethod(receiver: Value, method: string, args: Value[]): Value {
    if (receiver === UNKNOWN) return UNKNOWN;
    if (isObj(receiver) && receiver.__builtin === 'Decipher') return this.decipherMethod(receiver, method, args);
    if (receiver instanceof Many) {
      return many(receiver.values.map((v) => this.callMethod(v, method, args)));
    }
    if (isObj(receiver) && receiver.__builtin === 'TextDecoder' && method === 'decode' && args[0] instanceof Bytes) return Buffer.from(args[0].data).toString('utf8');
    if (isObj(receiver) && receiver.__builtin === 'TextEncoder' && method === 'encode' && typeof args[0] === 'string') return new Bytes(new Uint8Array(Buffer.from(args[0])));
    if (typeof receiver === 'string') return this.stringMethod(receiver, method, args);
    if (receiver instanceof Bytes) {
      if (method === 'toString') {
        this.prov.decoded = true;
        const enc = typeof args[0] === 'string' ? args[0] : 'utf8';
        return Buffer.isEncoding(enc) ? Buffer.from(receiver.data).toString(enc as BufferEncoding) : UNKNOWN;
      }
      const r = ITERATORS.has(method) || method === 'slice' || method === 'subarray' || method === 'reverse' || method === 'join' ? this.arrayMethod(Array.from(receiver.data), method === 'subarray' ? 'slice' : method, args) : UNKNOWN;
      // A buffer's `map`, `filter`, `slice` and `reverse` give a buffer (`buf.map((b) => b ^ k).toString()`).
      if (/^(?:map|filter|slice|subarray|reverse)$/.test(method) && Array.isArray(r) && r.every((v) => typeof v === 'number')) return new Bytes(Uint8Array.from(r as number[]));
      return r;
    }
    if (Array.isArray(receiver)) return this.arrayMethod(receiver, method, args);
    if (typeof receiver === 'number' && method === 'toString') {
      // `(21311038).toString(36)` spells a word: a decoding step.
      const radix = typeof args[0] === 'number' ? args[0] : 10;
      if (radix > 10) this.prov.decoded = true;
      return radix >= 2 && radix <= 36 ? receiver.toString(radix) : UNKNOWN;
    }
    // `(0.95).toFixed(3)`: a number written with a width of its own.
    if (typeof receiver === 'number' && (method === 'toFixed' || method === 'toPrecision')) {
      const digits = args[0];
      if (digits !== undefined && (typeof digits !== 'number' || !Number.isInteger(digits) || digits < (method === 'toFixed' ? 0 : 1) || digits > 100)) return UNKNOWN;
      return method === 'toFixed' ? receiver.toFixed(digits as number | undefined) : receiver.toPrecision(digits as number | undefined);
    }
    return UNKNOWN;
  }

  private stringMethod(s: string, method: string, args: Value[]): Value {
    const a0 = args[0];
    const a1 = args[1];
    switch (method) {
      case 'split':
        if (typeof a0 === 'string' || a0 instanceof RegExp) return s.split(a0 as string);
        return a0 === undefined ? [s] : UNKNOWN;
      case 'charCodeAt': case 'codePointAt': case 'charAt': case 'at':
      case 'slice': case 'substring': case 'substr': case 'indexOf': case 'lastIndexOf':
      case 'toLowerCase': case 'toUpperCase': case 'trim': case 'trimStart': case 'trimEnd':
      case 'startsWith': case 'endsWith': case 'includes': case 'padStart': case 'padEnd':
      case 'normalize': case 'concat': case 'toString': case 'valueOf':
        if (args.some((a) => typeof a === 'object' && a !== null || a === UNKNOWN)) return UNKNOWN;
        return (String.prototype as any)[method].apply(s, args);
      case 'repeat':
        return typeof a0 === 'number' && s.length * a0 <= MAX_STRING ? s.repeat(a0) : UNKNOWN;
      case 'replace': case 'replaceAll': {
        if (!(typeof a0 === 'string' || a0 instanceof RegExp)) return UNKNOWN;
        if (typeof a1 === 'string') return (s as any)[method](a0, a1);
        if (a1 instanceof Closure) {
          const fn = a1;
          return (s as any)[method](a0, (...m: unknown[]) => {
            const r = this.invoke(fn, m.slice(0, -2) as Value[]);
            if (typeof r !== 'string' && typeof r !== 'number') throw new Abort();
            return String(r);
          });
        }
        return UNKNOWN;
      }
      // `hex.match(/../g)`: the pieces of a constant (a regular expression the evaluator built, see safeRegExp).
      case 'match': {
        if (!(a0 instanceof RegExp)) return UNKNOWN;
        const m = s.match(a0);
        return m ? [...m] : null;
      }
    }
    if (ITERATORS.has(method)) return UNKNOWN;
    return UNKNOWN;
  }

  private arrayMethod(arr: Value[], method: string, args: Value[]): Value {
    const a0 = args[0];
    switch (method) {
      case 'join': return arr.some((v) => typeof v === 'object' && v !== null || v === UNKNOWN) ? UNKNOWN : arr.join(a0 === undefined ? ',' : String(a0));
      case 'reverse': return [...arr].reverse();
      case 'slice': return arr.slice(a0 as number, args[1] as number);
      case 'concat': return arr.concat(...args.map((a) => (Array.isArray(a) ? a : [a]) as Value[]));
      case 'flat': return arr.flat() as Value[];
      // (Whether an unknown value is in the list is unknown: `ZONES.includes(tz)` is no constant.)
      case 'includes': case 'indexOf':
        if (a0 === UNKNOWN || a0 instanceof Many || arr.includes(UNKNOWN)) return UNKNOWN;
        return method === 'includes' ? arr.includes(a0) : arr.indexOf(a0);
      case 'at': return arr.at(a0 as number);
      case 'toString': return arr.join(',');
      case 'sort': return arr.every((v) => typeof v === 'string') ? [...arr].sort() : UNKNOWN;
    }
    if (!(a0 instanceof Closure || a0 instanceof Builtin)) return UNKNOWN;
    const f = (v: Value, i: number) => this.invoke(a0, [v, i, arr]);
    switch (method) {
      case 'map': return arr.map(f);
      case 'flatMap': return arr.flatMap((v, i) => f(v, i) as Value);
      case 'filter': return arr.filter((v, i) => truthy(f(v, i)));
      case 'some': return arr.some((v, i) => truthy(f(v, i)));
      case 'every': return arr.every((v, i) => truthy(f(v, i)));
      case 'find': return arr.find((v, i) => truthy(f(v, i)));
      case 'findIndex': return arr.findIndex((v, i) => truthy(f(v, i)));
      case 'forEach': arr.forEach(f); return undefined;
      case 'reduce': {
        let acc = args.length > 1 ? args[1] : arr[0];
        for (let i = args.length > 1 ? 0 : 1; i < arr.length; i++) acc = this.invoke(a0, [acc, arr[i], i, arr]);
        return acc;
      }
    }
    return UNKNOWN;
  }

  // ---- statements ----

  private block(statements: Node[], frame: Frame): void {
    // Function declarations are hoisted.
    for (const s of statements) if (s.type === 'FunctionDeclaration' && s.id) frame.vars.set(s.id.name, new Closure(s as FunctionNode, frame));
    for (const s of statements) this.statement(s, frame);
  }

  private statement(node: Node, frame: Frame): void {
    this.tick();
    switch (node.type) {
      case 'ExpressionStatement': this.expr(node.expression, frame); return;
      case 'VariableDeclaration':
        for (const d of node.declarations) this.bindPattern(d.id, d.init ? this.expr(d.init, frame) : undefined, frame, true);
        return;
      case 'FunctionDeclaration': case 'EmptyStatement': return;
      case 'ReturnStatement': throw new Return(node.argument ? this.expr(node.argument, frame) : undefined);
      case 'BlockStatement': this.block(node.body, new Frame(frame)); return;
      case 'IfStatement': {
        const t = this.expr(node.test, frame);
        if (t === UNKNOWN || t instanceof Many) throw new Abort();
        if (t) this.statement(node.consequent, frame); else if (node.alternate) this.statement(node.alternate, frame);
        return;
      }
      case 'ForStatement': {
        const f = new Frame(frame);
        if (node.init) { if (node.init.type === 'VariableDeclaration') this.statement(node.init, f); else this.expr(node.init, f); }
        while (true) {
          if (node.test) { const t = this.expr(node.test, f); if (t === UNKNOWN || t instanceof Many) throw new Abort(); if (!t) break; }
          if (this.loopBody(node.body, f)) break;
          if (node.update) this.expr(node.update, f);
        }
        return;
      }
      case 'WhileStatement': case 'DoWhileStatement': {
        let first = node.type === 'DoWhileStatement';
        while (true) {
          if (!first) { const t = this.expr(node.test, frame); if (t === UNKNOWN || t instanceof Many) throw new Abort(); if (!t) break; }
          first = false;
          if (this.loopBody(node.body, frame)) break;
        }
        return;
      }
      case 'ForOfStatement': case 'ForInStatement': {
        const iter = this.expr(node.right, frame);
        let items: Value[];
        if (node.type === 'ForInStatement') items = isObj(iter) ? Object.keys(iter) : Array.isArray(iter) || typeof iter === 'string' ? Object.keys(iter) : [];
        else if (typeof iter === 'string') items = [...iter];
        else if (Array.isArray(iter)) items = iter;
        else if (iter instanceof Bytes) items = Array.from(iter.data);
        else throw new Abort();
        if (node.type === 'ForInStatement' && !isObj(iter) && !Array.isArray(iter) && typeof iter !== 'string') throw new Abort();
        for (const item of items) {
          const f = new Frame(frame);
          const left = node.left.type === 'VariableDeclaration' ? node.left.declarations[0].id : node.left;
          if (node.left.type === 'VariableDeclaration') this.bindPattern(left, item, f, true);
          else this.assign({ type: 'AssignmentExpression', operator: '=', left, right: { type: 'Literal', value: null } } as unknown as Node, f), this.setVar(left, item, f);
          if (this.loopBody(node.body, f)) break;
        }
        return;
      }
      case 'BreakStatement': throw new Break(node.label?.name);
      case 'ContinueStatement': throw new Continue(node.label?.name);
      case 'TryStatement': {
        try { this.statement(node.block, frame); } finally { if (node.finalizer) this.statement(node.finalizer, frame); }
        return;
      }
      case 'SwitchStatement': {
        const d = this.expr(node.discriminant, frame);
        if (d === UNKNOWN) throw new Abort();
        let matched = false;
        try {
          for (const c of node.cases) {
            if (!matched && c.test && this.expr(c.test, frame) !== d) continue;
            matched = true;
            for (const s of c.consequent) this.statement(s, frame);
          }
          if (!matched) {
            const def = node.cases.findIndex((c: Node) => !c.test);
            if (def >= 0) for (const c of node.cases.slice(def)) for (const s of c.consequent) this.statement(s, frame);
          }
        } catch (signal) {
          if (!(signal instanceof Break) || signal.label) throw signal;
        }
        return;
      }
    }
    throw new Abort();
  }

  /** Runs a loop body; true when the loop should stop. */
  private loopBody(body: Node, frame: Frame): boolean {
    try {
      this.statement(body, new Frame(frame));
    } catch (signal) {
      if (signal instanceof Break && !signal.label) return true;
      if (signal instanceof Continue && !signal.label) return false;
      throw signal;
    }
    return false;
  }

  private setVar(target: Node, value: Value, frame: Frame): void {
    const f = frame.lookup(target.name);
    if (!f) throw new Abort();
    f.vars.set(target.name, value);
  }

  private bindPattern(pattern: Node, value: Value, frame: Frame, declare: boolean): void {
    switch (pattern.type) {
      case 'Identifier':
        if (declare) frame.vars.set(pattern.name, value); else this.setVar(pattern, value, frame);
        return;
      case 'AssignmentPattern':
        this.bindPattern(pattern.left, value === undefined ? this.expr(pattern.right, frame) : value, frame, declare);
        return;
      case 'ArrayPattern': {
        const arr = typeof value === 'string' ? [...value] : Array.isArray(value) ? value : null;
        pattern.elements.forEach((e: Node | null, i: number) => {
          if (!e) return;
          if (e.type === 'RestElement') this.bindPattern(e.argument, arr ? arr.slice(i) : UNKNOWN, frame, declare);
          else this.bindPattern(e, arr ? arr[i] : UNKNOWN, frame, declare);
        });
        return;
      }
      case 'ObjectPattern':
        for (const p of pattern.properties) {
          if (p.type === 'RestElement') { this.bindPattern(p.argument, UNKNOWN, frame, declare); continue; }
          const key = p.computed ? this.expr(p.key, frame) : p.key.type === 'Identifier' ? p.key.name : p.key.value;
          this.bindPattern(p.value, getProperty(value, key), frame, declare);
        }
        return;
      case 'RestElement': this.bindPattern(pattern.argument, value, frame, declare); return;
    }
    throw new Abort();
  }
}

// ---- plain helpers ----

const NOT_BUILTIN: unique symbol = Symbol('not builtin');
/** Items of a list or the characters of a text, as a spread takes them (undefined for anything else). */
function spreadItems(v: Value): Value[] | undefined {
  return Array.isArray(v) ? [...v] : typeof v === 'string' && v.length <= MAX_STRING ? [...v] : undefined;
}

/**
 * tsc's, babel's and swc's helpers for a spread, by name: `__read(s)`, `__spread(a, b)`, `__spreadArray(to, from, pack)`,
 * `_toConsumableArray(s)`, `_to_consumable_array(s)`. NOT_BUILTIN for other names or values they cannot be worked out of.
 */
function spreadHelper(name: string, args: Value[]): Value | typeof NOT_BUILTIN {
  if (/^(?:__read|_toConsumableArray|_to_consumable_array|_toArray|_to_array)$/.test(name)) return spreadItems(args[0]) ?? NOT_BUILTIN;
  if (name === '__spread') { const all = args.map(spreadItems); return all.every(Boolean) ? all.flat() as Value[] : NOT_BUILTIN; }
  if (/^(?:__spreadArray|_spread_array)$/.test(name)) { const to = spreadItems(args[0]); const from = spreadItems(args[1]); return to && from ? [...to, ...from] : NOT_BUILTIN; }
  return NOT_BUILTIN;
}

/** Globals and static methods a value may name (`list.map(atob)`): those callStatic models. */
const GLOBAL_FUNCTIONS = new Set(['atob', 'btoa', 'decodeURIComponent', 'decodeURI', 'unescape', 'parseInt', 'Number', 'String']);
const STATIC_FUNCTIONS = new Set(['String.fromCharCode', 'String.fromCodePoint', 'Number.parseInt', 'Buffer.from', 'JSON.parse', 'Array.from']);
/** Built-ins that turn encoded data into text. */
const DECODING = new Set(['String.fromCharCode', 'String.fromCodePoint', 'Buffer.from', '.atob', '.decodeURIComponent', '.decodeURI', '.unescape']);

/** A static call with one of several values (`atob(s)` for each `s` of a loop): one of several results. */
function overMany(args: Value[], f: (args: Value[]) => Value | typeof NOT_BUILTIN): Value | typeof NOT_BUILTIN {
  const i = args.findIndex((a) => a instanceof Many);
  if (i < 0) return f(args);
  const out: Value[] = [];
  for (const v of (args[i] as Many).values) {
    const r = overMany(args.map((a, j) => (j === i ? v : a)), f);
    if (r === NOT_BUILTIN) return NOT_BUILTIN;
    out.push(r as Value);
  }
  return many(out);
}

function isObj(v: Value): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Bytes) && !(v instanceof Closure) && !(v instanceof Builtin) && !(v instanceof Many) && !(v instanceof RegExp);
}

function truthy(v: Value): boolean {
  if (v === UNKNOWN || v instanceof Many) throw new Abort();
  return !!v;
}

function many(values: Value[]): Value {
  const flat: Value[] = [];
  for (const v of values) {
    if (v === UNKNOWN) return UNKNOWN;
    if (v instanceof Many) flat.push(...v.values); else flat.push(v);
  }
  return flat.length > MAX_MANY ? UNKNOWN : new Many(flat);
}

function concat(a: Value, b: Value): Value {
  if (a instanceof Many || b instanceof Many) {
    const as: Value[] = a instanceof Many ? a.values : [a];
    const bs: Value[] = b instanceof Many ? b.values : [b];
    if (as.length * bs.length > MAX_MANY) return UNKNOWN;
    return many(as.flatMap((x) => bs.map((y) => concat(x, y))));
  }
  if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
  if (typeof a === 'object' && a !== null || typeof b === 'object' && b !== null) {
    if (Array.isArray(a) && typeof b === 'string') return a.join(',') + b;
    if (typeof a === 'string' && Array.isArray(b)) return a + b.join(',');
    return UNKNOWN;
  }
  const s = String(a) + String(b);
  if (s.length > MAX_STRING) throw new Abort();
  return s;
}

function binary(op: string, l: Value, r: Value): Value {
  // Alternatives combine pairwise, `+` too: `0x27 + (c ? 0x1ff2 : 0)` is two numbers, not two strings.
  if (l instanceof Many || r instanceof Many) {
    const ls: Value[] = l instanceof Many ? l.values : [l];
    const rs: Value[] = r instanceof Many ? r.values : [r];
    if (ls.length * rs.length > MAX_MANY) return UNKNOWN;
    return many(ls.flatMap((x) => rs.map((y) => binary(op, x, y))));
  }
  if (op === '+') {
    if (typeof l === 'number' && typeof r === 'number') return l + r;
    return concat(l, r);
  }
  if (l === UNKNOWN || r === UNKNOWN) return UNKNOWN;
  // `id in modules` (webpack's runtime checks the module it loads is in its table).
  if (op === 'in') return isObj(r) && (typeof l === 'string' || typeof l === 'number') ? Object.prototype.hasOwnProperty.call(r, String(l)) : UNKNOWN;
  const objectish = (v: Value) => typeof v === 'object' && v !== null;
  if (objectish(l) || objectish(r)) {
    if (op === '===' || op === '==') return l === r;
    if (op === '!==' || op === '!=') return l !== r;
    return UNKNOWN;
  }
  const a = l as number;
  const b = r as number;
  switch (op) {
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return a % b;
    case '**': return a ** b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '|': return a | b;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '>>>': return a >>> b;
    case '===': return l === r;
    case '!==': return l !== r;
    case '==': return l == r;
    case '!=': return l != r;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
  }
  return UNKNOWN;
}

function getProperty(obj: Value, key: Value): Value {
  if (obj === UNKNOWN || key === UNKNOWN) return UNKNOWN;
  if (obj instanceof Many) return many(obj.values.map((v) => getProperty(v, key)));
  if (key instanceof Many) return many(key.values.map((k) => getProperty(obj, k)));
  if (typeof obj === 'string') {
    if (key === 'length') return obj.length;
    return typeof key === 'number' ? obj[key] : UNKNOWN;
  }
  if (Array.isArray(obj)) {
    if (key === 'length') return obj.length;
    return typeof key === 'number' || (typeof key === 'string' && /^\d+$/.test(key)) ? obj[Number(key)] : UNKNOWN;
  }
  if (obj instanceof Bytes) {
    if (key === 'length') return obj.data.length;
    return typeof key === 'number' ? obj.data[key] : UNKNOWN;
  }
  if (isObj(obj) && (typeof key === 'string' || typeof key === 'number')) {
    return Object.prototype.hasOwnProperty.call(obj, String(key)) ? obj[String(key)] : undefined;
  }
  return UNKNOWN;
}

/** `String`, `Buffer`, `Math`, `JSON`, ... when the object names a global we model. */
function staticObjectName(node: Node): string | undefined {
  node = unwrap(node);
  if (node.type === 'Identifier' && ['String', 'Buffer', 'Math', 'JSON', 'Array', 'Number', 'Object', 'Uint8Array'].includes(node.name)) return node.name;
  if (node.type === 'MemberExpression' && propertyName(node) === 'Buffer') return 'Buffer'; // require("buffer").Buffer
  return undefined;
}

/** Bytes of a key, IV or ciphertext given as a Buffer or a string. */
function bytesOf(v: Value): Uint8Array | undefined {
  if (v instanceof Bytes) return v.data;
  if (typeof v === 'string') return new Uint8Array(Buffer.from(v, 'utf8'));
  return undefined;
}

function codes(args: Value[]): number[] | null {
  return args.every((a) => typeof a === 'number') ? (args as number[]) : null;
}

/** Built-in functions the evaluator models: decoders and pure helpers only. */
function callStatic(obj: string, name: string, args: Value[]): Value | typeof NOT_BUILTIN {
  const a0 = args[0];
  // One code with alternatives makes alternative characters.
  if (obj === 'String' && (name === 'fromCharCode' || name === 'fromCodePoint') && args.length === 1 && a0 instanceof Many) {
    return many(a0.values.map((v) => callStatic(obj, name, [v]) as Value));
  }
  switch (`${obj}.${name}`) {
    case 'String.fromCharCode': { const c = codes(args); return c ? String.fromCharCode(...c.map((n) => n & 0xffff)) : UNKNOWN; }
    case 'String.fromCodePoint': { const c = codes(args); return c && c.every((n) => n >= 0 && n <= 0x10ffff && Number.isInteger(n)) ? String.fromCodePoint(...c) : UNKNOWN; }
    case 'String.raw': return UNKNOWN;
    // `Uint8Array.of(122, 104)`, `Uint8Array.from([122, 104])`: bytes for a TextDecoder.
    case 'Uint8Array.of': { const c = codes(args); return c && c.every((n) => Number.isInteger(n)) ? new Bytes(Uint8Array.from(c)) : UNKNOWN; }
    case 'Uint8Array.from': return Array.isArray(a0) && a0.every((n) => typeof n === 'number') ? new Bytes(Uint8Array.from(a0 as number[])) : UNKNOWN;
    case 'Buffer.from': {
      if (typeof a0 === 'string') {
        const enc = typeof args[1] === 'string' ? args[1] : 'utf8';
        return Buffer.isEncoding(enc) ? new Bytes(new Uint8Array(Buffer.from(a0, enc as BufferEncoding))) : UNKNOWN;
      }
      if (Array.isArray(a0) && codes(a0)) return new Bytes(Uint8Array.from(a0 as number[]));
      if (a0 instanceof Bytes) return new Bytes(Uint8Array.from(a0.data));
      return UNKNOWN;
    }
    // `Buffer.alloc(32, 7)`: a key or IV filled with one byte (or a short text repeated).
    case 'Buffer.alloc': {
      if (typeof a0 !== 'number' || !Number.isInteger(a0) || a0 < 0 || a0 > 4096) return UNKNOWN;
      const fill = args[1] ?? 0;
      return typeof fill === 'number' || typeof fill === 'string' ? new Bytes(new Uint8Array(Buffer.alloc(a0, fill))) : UNKNOWN;
    }
    // `Buffer.concat([decipher.update(data), decipher.final()])`: the bytes joined.
    case 'Buffer.concat': {
      if (!Array.isArray(a0) || !a0.every((b) => b instanceof Bytes)) return UNKNOWN;
      const parts = a0 as Bytes[];
      return parts.reduce((n, b) => n + b.data.length, 0) > MAX_STRING ? UNKNOWN : new Bytes(new Uint8Array(Buffer.concat(parts.map((b) => b.data))));
    }
    case 'Array.from':
      if (typeof a0 === 'string') return [...a0];
      if (a0 instanceof Bytes) return Array.from(a0.data);
      if (Array.isArray(a0)) return [...a0];
      return UNKNOWN;
    case 'Array.isArray': return Array.isArray(a0);
    case 'JSON.parse': {
      if (typeof a0 !== 'string' || a0.length > MAX_STRING) return UNKNOWN;
      try { return JSON.parse(a0) as Value; } catch { return UNKNOWN; }
    }
    // (`Object.freeze({ … })`: the same table, made read-only.)
    case 'Object.freeze': case 'Object.seal': case 'Object.preventExtensions': return isObj(a0) || Array.isArray(a0) ? a0 : UNKNOWN;
    case 'Object.keys': return isObj(a0) ? Object.keys(a0) : UNKNOWN;
    case 'Object.values': return isObj(a0) ? Object.values(a0) : UNKNOWN;
    case 'Object.entries': return isObj(a0) ? Object.entries(a0) : UNKNOWN;
    case 'Object.fromEntries': {
      // (`Object.fromEntries(ZONES.map((z) => [z, true]))`: an object used as a set.)
      if (!Array.isArray(a0) || !a0.every((e) => Array.isArray(e) && (typeof e[0] === 'string' || typeof e[0] === 'number'))) return UNKNOWN;
      const out: Obj = Object.create(null);
      for (const e of a0 as Value[][]) out[String(e[0])] = e[1];
      return out;
    }
    case 'Math.floor': case 'Math.abs': case 'Math.ceil': case 'Math.round': case 'Math.max': case 'Math.min': {
      const c = codes(args);
      return c ? (Math as any)[name](...c) : UNKNOWN;
    }
    case 'Number.parseInt': case '.parseInt': return typeof a0 === 'string' ? parseInt(a0, typeof args[1] === 'number' ? args[1] : undefined) : UNKNOWN;
    case '.Number': return typeof a0 === 'string' || typeof a0 === 'number' ? Number(a0) : UNKNOWN;
    case '.String': return typeof a0 === 'string' || typeof a0 === 'number' ? String(a0) : UNKNOWN;
    case '.atob': {
      if (typeof a0 !== 'string') return UNKNOWN;
      return Buffer.from(a0, 'base64').toString('latin1');
    }
    case '.btoa': return typeof a0 === 'string' ? Buffer.from(a0, 'latin1').toString('base64') : UNKNOWN;
    case '.decodeURIComponent': case '.decodeURI': case '.unescape': {
      if (typeof a0 !== 'string') return UNKNOWN;
      try { return name === 'unescape' ? unescape(a0) : decodeURIComponent(a0); } catch { return UNKNOWN; }
    }
    case '.escape': case '.encodeURIComponent': return UNKNOWN;
  }
  return NOT_BUILTIN;
}

/**
 * Regular expressions from scanned code are only built when they cannot
 * backtrack catastrophically (no quantified groups, no backreferences).
 */
function safeRegExp(pattern: string, flags: string): RegExp | typeof UNKNOWN {
  if (pattern.length > 200 || /\)[*+?{]|\\\d/.test(pattern)) return UNKNOWN;
  try { return new RegExp(pattern, flags); } catch { return UNKNOWN; }
}

/** `String.fromCharCode` and the other static methods callStatic models, named as a value (`key` of `object`). */
function staticFunction(object: Node, key: string): Builtin | undefined {
  const obj = staticObjectName(object);
  return obj && STATIC_FUNCTIONS.has(`${obj}.${key}`) ? new Builtin(obj, key) : undefined;
}

/** A global or static function the evaluator models, named as a value (`atob`, `String.fromCharCode`). */
function isModelledFunction(node: Node): boolean {
  node = unwrap(node);
  if (node.type === 'Identifier') return GLOBAL_FUNCTIONS.has(node.name);
  const key = propertyName(node);
  return key !== undefined && !!staticFunction(node.object, key);
}

export { ITERATORS, isModelledFunction };
