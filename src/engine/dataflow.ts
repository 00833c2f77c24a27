// Dataflow: which fingerprint sources flow into an expression, followed
// backwards on demand through bindings, members, calls (a wrapper that returns
// its argument carries each call's own argument), returns, parameters, and the
// inputs other modules give (modules.ts).
import { awaitedArgument, COMPARE_METHODS, TEXT_METHODS, isChosenFunction, isFunction, isLiteral, literalValue, memberPath, methodName, parenthesised, patternKey, patternPath, propertyName, thenPromise, thisFunction, unwrap, type FunctionNode, type Node } from './ast';
import type { AnalysisContext } from './context';
import { isMath, MAX_VIA, NONE, union, type Flow } from './flow';
import { ITERATORS } from './evaluate';
import { callArguments, calleeOf, type Check, type Fact } from './modules';
import { invocationOf, isObjectAssign } from './definitions';
import type { Binding } from './scope';
import { Kind, type SourceMatch } from './sources';
import { forEachChild } from './walk';

/** A returned constant: no parameter, and nothing a fingerprint could be in. */
const CONSTANT = -1;

/** A flag is set in at most this many places (`hit = true` under checks). */
const MAX_FLAG_DEFS = 16;

/**
 * A name destructured from a parameter is followed into the calls of a function called from at most
 * this many places: a shared helper's options object (`function request({ url, body })`) takes every
 * caller's values, and each caller's would then reach every other's.
 */
const MAX_DESTRUCTURED_CALLS = 8;

/** Comparisons a module summary keeps per value, and constants per comparison, for other modules' findings. */
const MAX_CHECKS = 4;
const MAX_CHECK_VALUES = 32;

/** Nested flow steps followed at most (each is a few stack frames). */
const MAX_DEPTH = 200;
/** A function of the file is worked out for each call of it when it is this small (characters), … */
const MAX_INLINED = 4000;
/** … and at most this many such functions deep. */
const MAX_INLINE_DEPTH = 4;

/** A function worked out for one call (see Dataflow.inlined): its flows, kept apart from every other call's; `inside`, while summarising, the exported function that call is in. */
interface Inline { fn: FunctionNode; call: Node; inside: string; outer?: Inline; flows: Map<Node, Flow>; bindings: Map<Binding, Flow> }

/** Functions of a list followed at most (items written in it and pushed to it). */
const MAX_LIST_FUNCTIONS = 32;
/** Methods and functions whose result carries their input (a lower-cased host is still the host). */
const PRESERVING_METHODS = new Set(['toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'trim', 'trimStart', 'trimEnd', 'slice', 'substring', 'substr', 'split', 'replace', 'replaceAll', 'normalize', 'toString', 'concat', 'at', 'padStart', 'padEnd', 'join', 'pop', 'shift', 'find', 'filter', 'flat', 'getTimezoneOffset',
  // A character code of a fingerprint, and a digest of it, still stand for it (hash arithmetic, `hash.digest()`).
  'charCodeAt', 'codePointAt', 'digest',
  // A response's body: `(await fetch(url)).json()` of a service that answers where the caller is.
  'json', 'text',
  // `new Intl.Locale(tag).maximize()` is still the locale.
  'maximize', 'minimize', 'toLocaleUpperCase']);
/** `Object.values(x)` and the like hold what x holds. */
const OBJECT_VIEWS = new Set(['values', 'entries', 'fromEntries', 'freeze']);
const PRESERVING_CALLS = new Set(['URL', 'String', 'decodeURIComponent', 'encodeURIComponent', 'Locale', 'DateTimeFormat', 'Uint8Array', 'Uint32Array', 'DataView']);
/** `Buffer.from(d)`, `Uint8Array.from(d)` of a digest: the same bytes in another container (of any other value they are not followed: a large program's buffers would merge). */
const COPYING_TYPES = /^(?:Buffer|Uint8Array|Uint32Array)$/;
/**
 * Hash functions a library or the runtime offers by name (`zlib.crc32(host)`, `murmurhash3_32_gc(user, 7)`,
 * `xxhash64(id)`): the digest is computed from the arguments. (A function the program defines is followed
 * through its own body instead.)
 */
const HASH_CALLS = /^(?:crc(?:16|32c?|64)|adler32|murmur(?:hash)?\w*|xxh(?:ash)?\d*\w*|fnv(?:1a?)?\w*|djb2\w*|sdbm|cyrb\d+|md5|sha(?:1|224|256|384|512))$/i;
const PRESERVING_PROPERTIES = new Set(['hostname', 'host', 'origin', 'href', 'timeZone', 'locale', 'language', 'region', 'baseName', 'username', 'mac', 'address', 'domain', 'email',
  // What an IP geolocation service answers (`j.country`, `j.countryCode`, `j.timezone`).
  'country', 'countryCode', 'country_code', 'timezone', 'time_zone', 'city', 'regionName', 'region_code',
  // What a command printed (`spawnSync("reg", […]).stdout`).
  'stdout']);

const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '**', '<<', '>>', '>>>', '|', '&', '^']);
/** Operators that test two values for equality. */
const EQUALITY = new Set(['===', '!==', '==', '!=']);

/** Node types computeFlow follows (sources are members and calls); any other holds no fingerprint. */
const FOLLOWED = new Set(['Identifier', 'MemberExpression', 'CallExpression', 'NewExpression', 'ChainExpression', 'ParenthesizedExpression', 'AwaitExpression', 'UnaryExpression',
  'SpreadElement', 'YieldExpression', 'TemplateLiteral', 'TaggedTemplateExpression', 'LogicalExpression', 'ConditionalExpression', 'SequenceExpression', 'AssignmentExpression',
  'ArrayExpression', 'ObjectExpression', 'BinaryExpression']);

export class Dataflow {
  private readonly flows = new Map<Node, Flow>();
  private readonly bindingFlows = new Map<Binding, Flow>();
  /** While summarising: an exported function's parameters hold only what callers in other modules pass. */
  private summarising = false;
  /** Flows being computed, one inside the other. */
  private depth = 0;
  /** While summarising, flows inside exported functions are kept apart (see returnsFact). */
  private ownParams?: { flows: Map<Node, Flow>; bindings: Map<Binding, Flow>; ranges: Array<readonly [number, number]> };
  /** A function of this file worked out for one call of it (see inlined). */
  private inline?: Inline;
  /** Functions that return one of their parameters unchanged: its index, or null. */
  private readonly passThroughs = new Map<FunctionNode, number | null>();

  constructor(private readonly a: AnalysisContext) {}

  /** Which fingerprint sources flow into an expression. Memoised; cycles yield nothing. */
  flow(node: Node): Flow {
    // Literals, functions, `this`, classes: nothing to follow, and nothing worth remembering.
    if (!FOLLOWED.has(node.type)) return NONE;
    const flows = this.inlineAt(node) ?? (this.summarising && this.inExported(node.start) ? this.ownParams!.flows : this.flows);
    const known = flows.get(node);
    if (known) return known;
    // Chains of thousands of steps (minified bundles) would exhaust the stack: cut, and not kept.
    if (this.depth >= MAX_DEPTH) return NONE;
    flows.set(node, NONE);
    this.depth++;
    try {
      const result = this.computeFlow(node);
      flows.set(node, result);
      return result;
    } finally {
      this.depth--;
    }
  }

  private flowAll(nodes: Array<Node | null | undefined>): Flow {
    let f = NONE;
    for (const n of nodes) if (n) f = union(f, this.flow(n));
    return f;
  }

  private computeFlow(node: Node): Flow {
    const source = this.a.sources.match(node);
    if (source) return { kinds: source.kind, via: [node] };
    switch (node.type) {
      case 'Identifier': return this.identifierFlow(node);
      case 'MemberExpression': return this.memberFlow(node);
      case 'CallExpression': return this.callFlow(node);
      case 'NewExpression': return this.newFlow(node);
      case 'ChainExpression': case 'ParenthesizedExpression': return this.flow(node.expression);
      case 'AwaitExpression': case 'UnaryExpression': case 'SpreadElement': case 'YieldExpression': return node.argument ? this.flow(node.argument) : NONE;
      case 'TemplateLiteral': return this.flowAll(node.expressions);
      case 'TaggedTemplateExpression': return this.flow(node.quasi);
      case 'LogicalExpression': return this.flowAll([node.left, node.right]);
      case 'ConditionalExpression': {
        // `hit ? "1" : ""`: two constants chosen by a check of specific places, hosts or organisations
        // are a flag of it, as when set under it (a test that only may hold a fingerprint is not followed).
        // (Only a value kept, `x = hit ? "1" : ""`: where it is used on the spot, sinks see its condition.)
        // (Also through arithmetic on the way, `flags |= (hit ? 1 : 0) << 3`, and as a branch of another such
        // choice: `tz === A ? true : tz === B ? true : false`.)
        let p = parenthesised(node).parent;
        while (p?.type === 'BinaryExpression' && ARITHMETIC.has(p.operator) || p?.type === 'ConditionalExpression' && p.test !== node) p = parenthesised(p).parent;
        // (Handed on is kept too: `setVariant(hit ? 1 : 0)`, `{ variant: hit ? 1 : 0 }`, `return hit ? 1 : 0`.)
        const handed = (p?.type === 'CallExpression' || p?.type === 'NewExpression') && p.callee !== parenthesised(node) || p?.type === 'Property' || p?.type === 'ReturnStatement' || p?.type === 'ArrowFunctionExpression';
        // (And compared again, as a minifier inlines a function that returns one: `(hit ? R.Watched : R.Other) === R.Watched`.)
        const compared = p?.type === 'BinaryExpression' && EQUALITY.has(p.operator);
        const kept = p?.type === 'AssignmentExpression' || p?.type === 'VariableDeclarator' || handed || compared;
        const choice = kept ? constantChoice(node, (n) => this.isNamedConstant(n)) : undefined;
        const test = choice && new Set(choice.values).size > 1 ? this.flowAll(choice.tests) : NONE;
        const branches = this.flowAll([node.consequent, node.alternate]);
        return this.checked(test) ? union(test, branches) : branches;
      }
      case 'SequenceExpression': return this.flow(node.expressions[node.expressions.length - 1]);
      // (`a ||= b`, `s += b`: the old value or a mix of both.)
      case 'AssignmentExpression': return node.operator === '=' ? this.flow(node.right) : this.flowAll([node.left, node.right]);
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
    if (!f.kinds || !this.a.compare.isCandidate(node)) return f;
    const c = this.a.compare.comparisonAt(node);
    if (!c) {
      // Compared with a literal that is not specific (`"localhost"`): nothing carried. With
      // a list that cannot be worked out (built or decoded at run time), the result may
      // still tell where the user is: carried.
      // (The outcome of a check compared with one of its own constants, `variant === "b"` of
      // `variant = ZONES.includes(tz) ? "b" : "a"`, still carries the check.)
      if (methodName(node) === 'match' || this.checked(f)) return f;
      // (`name.startsWith("megabank-")`: one organisation's word; whether it names two is the channel's question.)
      if (this.a.compare.isWordCheck(node, f)) return through(f, node);
      const sides: Node[] = node.type === 'BinaryExpression' ? [node.left, node.right] : [unwrap(node.callee).object, node.arguments[0]];
      // (A number is a position or a count: `list.indexOf(tz) !== -1` still carries what it found.)
      // What other modules hand in may be such an outcome: the input is kept, so the linker can tell.
      return sides.some((side) => side && isLiteral(side) && typeof this.a.value(side) === 'string') ? (f.kinds & Kind.INPUT ? { kinds: Kind.INPUT, via: f.via } : NONE) : f;
    }
    return through(f, c.node);
  }

  private identifierFlow(node: Node): Flow {
    const b = this.a.scopes.resolve(node);
    if (!b) return NONE;
    const inline = this.inlineAt(b.id);
    const bindingFlows = inline ? this.inline!.bindings : this.summarising && this.inExported(b.id.start) ? this.ownParams!.bindings : this.bindingFlows;
    let f = bindingFlows.get(b);
    if (!f) {
      bindingFlows.set(b, NONE);
      f = this.bindingFlow(b);
      bindingFlows.set(b, f);
    }
    return f;
  }

  private bindingFlow(b: Binding): Flow {
    if (b.kind === 'param') return this.paramFlow(b);
    if (b.kind === 'import') {
      const key = this.a.modules.inputOf(b.id);
      return key ? this.inputFlow(b.id, key) : NONE;
    }
    if (b.kind === 'function' || b.kind === 'class' || b.kind === 'catch') return NONE;
    // Destructured bindings are defined as `init.key` (see definitions): property-precise.
    // Nested patterns have no such definition; they take the whole initialiser's flow.
    const defs = this.a.defs.definitions(b);
    const d = b.decl;
    if (!defs.length && d.type === 'VariableDeclarator' && d.id !== b.id && d.init) return this.flow(d.init);
    // `for (const n of os.networkInterfaces()[k])`, `for (const k in nets)`: the loop variable holds what it iterates.
    const loop = d.type === 'VariableDeclarator' ? d.parent?.parent : undefined;
    const list = this.a.defs.loopList(b);
    if (list) return union(this.elementFlow(list), this.flowAll(defs));
    if (loop?.type === 'ForInStatement' && loop.left === d.parent) return union(this.flow(loop.right), this.flowAll(defs));
    // `let hit = false; if (zones.includes(tz)) hit = true;`: a flag given constants only, under a check, carries the check.
    const flag = defs.length >= 2 ? this.checksOfConstants(defs, assignmentOf) : undefined;
    return flag ?? this.flowAll(defs);
  }

  /**
   * What the checks a set of constants was given under depend on (`hit = true` under an `if`,
   * `return true` inside a loop's test), `site` being the statement or assignment of each;
   * undefined unless all are constants, and at most MAX_FLAG_DEFS of them.
   */
  private checksOfConstants(values: Node[], site: (n: Node) => Node | undefined): Flow | undefined {
    if (values.length > MAX_FLAG_DEFS || !values.every((n) => this.isConstant(unwrap(n)))) return undefined;
    let f = NONE;
    for (const n of values) {
      const at = site(n);
      if (at) f = union(f, this.conditionsOf(at));
    }
    return f;
  }

  /** A literal, or a member of an object of constants by name (see isNamedConstant). */
  private isConstant(n: Node): boolean {
    return isLiteral(n) || this.isNamedConstant(n);
  }

  /**
   * A member of an object of constants by name, as a check picks one (`Region.Watched` of an enum or a
   * frozen object): named so, and holding nothing that flows (`cfg.baseURL` is data, not a constant).
   */
  private isNamedConstant(n: Node): boolean {
    if (!isNamedMember(n)) return false;
    // (Through the module's own exports, `exports.Region.Watched` in an AMD factory whose `exports` is a parameter.)
    const own = memberPath(n)?.root.name === 'exports' ? Kind.INPUT : 0;
    return !(this.flow(n).kinds & ~own);
  }

  /** Whether a flow went through a comparison with specific values (one already made). */
  private checked(f: Flow, words = false): boolean {
    // (With `words`, also a check of an address or identity against organisations' words, `/^(?:megabank|initech)-/.test(user)`: see isWordCheck.)
    return f.via.some((n) => this.a.compare.recordedAt(n) || words && this.a.compare.isWordCheck(n, f));
  }

  /**
   * `state.hit = true` or `state.flags |= 4` under a check, of an object's member given constants
   * only: the member carries the check, as a flag variable does; only checks of specific values,
   * since members of shared objects are set under many ordinary tests.
   */
  private flagFlow(values: Node[]): Flow | undefined {
    const f = this.checksOfConstants(values, assignmentOf);
    return f && this.checked(f) ? f : undefined;
  }

  /**
   * What each item of a list holds, for code that takes the items one by one (`for…of`, `some`,
   * `map`): the list's flow, and for a list this function made and filled (`const out = [];
   * … out.push(i.mac); return out`), what was pushed or added. The whole list, sent or logged as
   * one value, keeps its own flow: lists that collect a request's parts would spread anything
   * pushed into every request.
   */
  private elementFlow(list: Node, depth = 0): Flow {
    let f = this.flow(list);
    // (`return n.push(tz), n`: a minifier's sequence gives its last value.)
    const whole = unwrap(list);
    const n = whole.type === 'SequenceExpression' ? unwrap(whole.expressions[whole.expressions.length - 1]) : whole;
    if (depth > 3) return f;
    if (n.type === 'Identifier') {
      const b = this.a.scopes.resolve(n);
      const defs = b && (b.kind === 'const' || b.kind === 'let' || b.kind === 'var') ? this.a.defs.definitions(b) : [];
      const made = defs.length === 1 ? unwrap(defs[0]) : undefined;
      const filled = made?.type === 'ArrayExpression' || made?.type === 'NewExpression' && made.arguments.length === 0 && /^(?:Set|Array)$/.test(unwrap(made.callee).name ?? '');
      // Only items pushed inside a loop (a list built item by item from other data, such as the
      // addresses of every interface; a request's parts are pushed one by one instead), from what
      // the function reads itself or another module gives it: items made of its parameters (a path's
      // segments) would give every caller's values to each list.
      if (filled) {
        const scope = b!.scope;
        const own = (v: Node) => v.start >= scope.start && v.end <= scope.end;
        // (Or what another module gives, `os.networkInterfaces()` through a bundle's require: an input the linker resolves.)
        const input = (x: Node) => this.a.modules.keyOf(x) !== undefined && !this.a.modules.isParamInput(x);
        for (const v of this.a.defs.pushedTo(b!)) {
          // (Outside a loop, only a fingerprint read in place, `out.push(Intl.DateTimeFormat().resolvedOptions().timeZone)`,
          // or a name set once to one: a request's parts, pushed one by one, are made of what was read elsewhere.)
          const g = this.flow(v);
          if (!inLoop(v, scope) && !this.readInPlace(v, g)) continue;
          const read = g.via.filter((x) => this.a.sources.match(x) || input(x));
          const kinds = g.kinds & ~Kind.INPUT | (read.some(input) ? g.kinds & Kind.INPUT : 0);
          if (kinds && read.length && read.every(own)) f = union(f, { kinds, via: g.via });
        }
      }
      else if (made) f = union(f, this.elementFlow(made, depth + 1));
    } else if (n.type === 'CallExpression') {
      // (A function without parameters: one with them would give every caller's items to each.)
      const fn = this.a.defs.functionOf(calleeOf(n.callee));
      if (fn && !fn.params.length) for (const r of this.a.defs.returnsOf(fn)) f = union(f, this.elementFlow(r, depth + 1));
    }
    return f;
  }

  /** Whether what `node` holds (`f`) is a source read there (`os.hostname()`), or where a name set once to it was set (`const tz = …timeZone`). */
  private readInPlace(node: Node, f: Flow): boolean {
    const n = unwrap(node);
    const b = n.type === 'Identifier' ? this.a.scopes.resolve(n) : undefined;
    const defs = b?.kind === 'const' ? this.a.defs.definitions(b) : [];
    const at = defs.length === 1 ? unwrap(defs[0]) : n;
    return f.via.length > 0 && f.via.every((x) => x.start >= at.start && x.end <= at.end && !!this.a.sources.match(x));
  }

  /**
   * What the checks an expression runs under depend on, up to its function (`if`, `switch` cases, `?:`, `&&`/`||`);
   * beyond a function chosen by a check itself (`const fix = hit ? (s) => s.replace(…) : undefined`), whose body runs
   * only when chosen.
   */
  conditionsOf(node: Node): Flow {
    let f = NONE;
    let child = node;
    for (let p = node.parent; p && (!isFunction(p) || isChosenFunction(p)); child = p, p = p.parent) {
      if ((p.type === 'IfStatement' || p.type === 'ConditionalExpression') && child !== p.test) f = union(f, this.flow(p.test));
      else if (p.type === 'LogicalExpression' && child === p.right) f = union(f, this.flow(p.left));
      else if (p.type === 'SwitchCase' && p.parent?.type === 'SwitchStatement') f = union(f, this.switchFlow(p.parent, p));
    }
    return f;
  }

  /**
   * `switch (tz) { case "Asia/Shanghai": … }`: the discriminant, as compared with its cases. In
   * `switch (true) { case u.endsWith("@corp-a.com"): case …: … }` each case is a test of its own:
   * those that fall through to `at`.
   */
  private switchFlow(node: Node, at?: Node): Flow {
    if (at && this.a.value(node.discriminant) === true) {
      const cases = node.cases as Node[];
      let f = NONE;
      for (let i = cases.indexOf(at); i >= 0 && cases[i].test; i--) {
        f = union(f, this.flow(cases[i].test));
        if (i > 0 && cases[i - 1].consequent.length) break;
      }
      return f;
    }
    const d = this.flow(node.discriminant);
    if (!d.kinds) return NONE;
    const c = this.a.compare.comparisonAt(node);
    if (c) return through(d, c.node);
    return node.cases.every((k: Node) => !k.test || isLiteral(unwrap(k.test))) ? NONE : d;
  }

  private paramFlow(b: Binding): Flow {
    const fn = b.decl as FunctionNode;
    // (A helper worked out for one call: its parameter holds that call's argument, as the caller sees it.)
    if (this.inline?.fn === fn) {
      const i = fn.params.indexOf(b.id);
      const arg = i >= 0 ? this.inline.call.arguments[i] : undefined;
      if (i >= 0) return arg && arg.type !== 'SpreadElement' ? this.outside(() => this.flow(arg)) : NONE;
    }
    // (A name destructured from each item, `([k, v]) => …`, is not followed: the list's flow would reach every part.)
    const list = fn.params.includes(b.id) ? this.a.defs.iteratedBy(b) : undefined;
    if (list) return this.elementFlow(list);
    // `promise.then((value) => …)`: the value is what the promise resolves to.
    const promise = thenPromise(fn, b.id);
    if (promise) return this.flow(promise);
    // A default (`tz = zone()`, also in a destructured parameter, `{ tz = zone() } = {}`) is what the name holds when none is given.
    const byDefault = b.id.parent?.type === 'AssignmentPattern' && b.id.parent.left === b.id ? this.flow(b.id.parent.right) : NONE;
    const index = fn.params.findIndex((p: Node) => p === b.id || (p.type === 'AssignmentPattern' && p.left === b.id));
    if (index < 0) return union(byDefault, this.destructuredFlow(fn, b));
    // A parameter of an exported function also takes what other modules pass.
    const key = this.a.modules.paramInput(fn, b.id);
    let f = union(byDefault, key ? this.inputFlow(b.id, key) : NONE);
    if (key && this.summarising) return f;
    // A function passed to another module's function takes what that function calls it with.
    const given = this.a.modules.callbackInput(fn, b.id);
    if (given) f = union(f, this.inputFlow(b.id, given));
    // `exec("date +%Z", (err, out) => …)`, `readFile("/etc/timezone", "utf8", (e, data) => …)`: a read's
    // Node-style callback takes what was read after the error.
    if (index > 0 && this.a.defs.readCallback(b)) f = union(f, this.flow(fn.parent!));
    for (const inv of this.a.defs.invocations(fn)) if (inv.args[index]) f = union(f, this.flow(inv.args[index]));
    // (`zone().then(check)`: a function given by its name to `then` takes what the promise resolves to.)
    if (index === 0) for (const [call, at] of this.a.defs.givenTo(fn)) if (at === 0 && call !== fn.parent && methodName(call) === 'then') f = union(f, this.flow(unwrap(unwrap(call.callee).object)));
    return f;
  }

  /**
   * A name destructured one level deep from a parameter (`function f({ zone }) …`, `([host, port]) => …`
   * called directly): what each call passes under that key, `arg.zone` (property-precise, so an
   * object literal's own member), for a function called from a few places (MAX_DESTRUCTURED_CALLS).
   * Callbacks run over a list are followed as the list's items instead.
   */
  private destructuredFlow(fn: FunctionNode, b: Binding): Flow {
    const index = fn.params.findIndex((p: Node) => patternPath([p.type === 'AssignmentPattern' ? p.left : p], b.id) !== undefined);
    if (index < 0) return NONE;
    const param = fn.params[index].type === 'AssignmentPattern' ? fn.params[index].left : fn.params[index];
    const path = patternPath([param], b.id)!;
    // (A name two or more levels deep, `([[tz, host]]) => …`: the item of the item a promise resolves to, or each call passes.)
    if (path.length > 1) {
      const promise = index === 0 ? thenPromise(fn, param) : undefined;
      const calls = promise ? [] : this.a.defs.invocations(fn);
      let values = promise ? this.a.defs.resolvedValues(promise) : calls.length > MAX_DESTRUCTURED_CALLS ? [] : calls.map((c) => c.args[index]).filter((a): a is Node => !!a && a.type !== 'SpreadElement');
      for (const key of path) values = values.flatMap((v) => this.a.defs.propertyValues(v, key));
      return this.flowAll(values);
    }
    const key = path[0];
    const numeric = param.type === 'ArrayPattern';
    // What other modules pass under that key (`make({ hit: check() })`), when the function is exported:
    // the linker knows the members of object literals passed, so other fields do not reach this name.
    const input = numeric ? undefined : this.a.modules.paramInput(fn, fn.params[index], { name: key, at: b.id });
    let f = input ? this.inputFlow(b.id, input) : NONE;
    if (input && this.summarising) return f;
    // `getEnv().then(({ zone }) => …)`: that member of what the promise resolves to.
    // (`Promise.all([zone(), host()]).then(([tz, host]) => …)`: that item of the list it resolves to.)
    const promise = index === 0 ? thenPromise(fn, param) : undefined;
    if (promise) {
      return union(union(f, numeric ? NONE : this.importedMember(promise, key, b.id)), this.flowAll(this.a.defs.resolvedValues(promise).flatMap((v) => this.a.defs.propertyValues(v, key))));
    }
    const invocations = this.a.defs.invocations(fn);
    if (invocations.length > MAX_DESTRUCTURED_CALLS) return f;
    for (const inv of invocations) {
      const arg = inv.args[index];
      if (!arg || arg.type === 'SpreadElement') continue;
      // An object literal passed as it is (`f({ zone: tz() })`): its own member.
      if (unwrap(arg).type === 'ObjectExpression' && !numeric) {
        f = union(f, this.flowAll(this.a.defs.propertyValues(unwrap(arg), key)));
        continue;
      }
      f = union(f, this.flow(memberNode(arg, numeric ? Number(key) : key, b.id)));
    }
    return f;
  }

  /**
   * The parameter a function returns, unchanged or transformed with constants only, on every
   * path that returns something else than a constant (`function lze(e) { return e }`,
   * `function Me(e) { return lze(e) }`, `(s) => s.trim()`, `(e) => e ? e.trim() : void 0`,
   * `` (e) => `tool_${e}` ``), or undefined. Parameter flows merge every call site; a call to
   * such a function takes its own argument's flow instead.
   */
  private passThroughIndex(fn: FunctionNode): number | undefined {
    const known = this.passThroughs.get(fn);
    if (known !== undefined) return known ?? undefined;
    this.passThroughs.set(fn, null);
    const returns = this.a.defs.returnsOf(fn);
    let index: number | undefined;
    for (const r of returns) {
      const i = this.returnedParam(fn, unwrap(r));
      if (i === CONSTANT) continue;
      if (i === undefined || (index !== undefined && i !== index)) { index = undefined; break; }
      index = i;
    }
    this.passThroughs.set(fn, index ?? null);
    return index;
  }

  /**
   * A call of a small function of this file (`lu(e(u))` of `function lu(u) { return uFt(u).replace(…) }`): what it
   * returns for this call's arguments. Otherwise its parameters merge every call, and what one caller gives (the host
   * name) would reach what every other caller gets. While summarising, a call an exported function makes: the helper's
   * calls of other modules' functions are inputs of their own, given this call's arguments.
   */
  private inlined(fn: FunctionNode, call: Node): Flow | undefined {
    if (!call.arguments.length || fn.end - fn.start > MAX_INLINED || call.start >= fn.start && call.end <= fn.end) return undefined;
    // (While summarising, only a helper that exported functions call: their own parameters are the inputs there.)
    const inside = !this.summarising ? '' : this.inline ? this.inline.inside : this.inExported(fn.start) ? undefined : this.inExported(call.start) ? this.a.modules.exportedAt(call) : undefined;
    if (inside === undefined) return undefined;
    let depth = 0;
    for (let i = this.inline; i; i = i.outer) { if (i.fn === fn || ++depth >= MAX_INLINE_DEPTH) return undefined; }
    const outer = this.inline;
    this.inline = { fn, call, inside, outer, flows: new Map(), bindings: new Map() };
    try {
      return this.returnsAt(fn, call);
    } finally {
      this.inline = outer;
    }
  }

  /** The flows of the helper being worked out for one call, when `node` lies in it. */
  private inlineAt(node: Node): Map<Node, Flow> | undefined {
    const i = this.inline;
    return i && node.start >= i.fn.start && node.end <= i.fn.end ? i.flows : undefined;
  }

  /** A flow as the caller of the helper being worked out sees it. */
  private outside(flow: () => Flow): Flow {
    const inline = this.inline!;
    this.inline = inline.outer;
    try {
      return flow();
    } finally {
      this.inline = inline;
    }
  }

  /**
   * Whether what `fn` returns is made only of what parameters of the module's exported functions hand it (through its
   * own parameters, merged over its callers): no source, no comparison, nothing else. Such a helper is computed from its
   * arguments, so each call takes its own.
   */
  private sharesParams(fn: FunctionNode): boolean {
    const known = this.sharedHelpers.get(fn);
    if (known !== undefined) return known;
    this.sharedHelpers.set(fn, false);
    if (!this.a.modules.exportsFunctions || !fn.params.length) return false;
    const f = this.flowAll(this.a.defs.returnsOf(fn));
    const shares = f.via.length > 0 && f.via.every((v) => /^p[^:.#()]+:\d+$/.test(this.a.modules.keyOf(v) ?? ''));
    this.sharedHelpers.set(fn, shares);
    return shares;
  }
  private readonly sharedHelpers = new Map<FunctionNode, boolean>();

  /**
   * What a call of `fn` returns. A return that calls one of its parameters (`function withZone(cb)
   * { return cb(tz) }`, `await fn()`, directly or through a constant) gives what the function this call passes there returns,
   * not what every caller's callbacks do.
   */
  private returnsAt(fn: FunctionNode, call: Node): Flow {
    const checked = this.checkedReturns(fn);
    if (checked) return checked;
    let f = NONE;
    for (const r of this.a.defs.returnsOf(fn)) {
      let inner = unwrap(r);
      // (`const v = await cb(tz); return v;` as well.)
      if (inner.type === 'Identifier') inner = unwrap(this.a.defs.soleDefinition(inner) ?? inner);
      inner = awaitedArgument(inner) ?? inner;
      const j = inner.type === 'CallExpression' ? this.paramIndex(fn, calleeOf(inner.callee)) : -1;
      const arg = j >= 0 ? call.arguments[j] : undefined;
      const cb = arg && arg.type !== 'SpreadElement' ? this.a.defs.functionOf(arg) : undefined;
      f = union(f, cb ? this.flowAll(this.a.defs.returnsOf(cb)) : this.flow(r));
    }
    return f;
  }

  /**
   * `for (const x of list) if (x === v) return true; return false;`: constants returned under a
   * check carry the check, like a flag set under it; only checks of specific values (`return host
   * === FIRST_PARTY` tells nothing of the gateway). Undefined when the returns are not such constants.
   */
  private checkedReturns(fn: FunctionNode): Flow | undefined {
    const returns = this.a.defs.returnsOf(fn);
    if (returns.length < 2 || returns.length > MAX_FLAG_DEFS || !returns.every((r) => this.isConstant(unwrap(r))) || new Set(returns.map((r) => (isLiteral(unwrap(r)) ? this.a.value(r) : this.a.text.slice(r.start, r.end)))).size < 2) return undefined;
    const f = this.checksOfConstants(returns, (r) => (r.parent?.type === 'ReturnStatement' ? r.parent : undefined))!;
    return this.checked(f) ? f : NONE;
  }

  /** The position of `fn`'s plain parameter that `id` names, or -1. */
  private paramIndex(fn: FunctionNode, id: Node): number {
    if (id.type !== 'Identifier') return -1;
    const b = this.a.scopes.resolve(id);
    return b?.kind === 'param' ? fn.params.indexOf(b.id) : -1;
  }

  /**
   * Which plain, never reassigned parameter of `fn` an expression is, through pass-through calls,
   * preserving methods, and constants joined to it (a prefix, a fallback, a guard's other branch);
   * CONSTANT for a constant that carries nothing (`void 0`, `null`, a literal).
   */
  private returnedParam(fn: FunctionNode, r: Node): number | typeof CONSTANT | undefined {
    if (isLiteral(r) || r.type === 'UnaryExpression' && r.operator === 'void' && isLiteral(unwrap(r.argument))) return CONSTANT;
    if (r.type === 'Identifier' && r.name === 'undefined' && !this.a.scopes.resolve(r)) return CONSTANT;
    // `e ? f(e) : void 0`, `e || "none"`, `"tz_" + e`, `` `tool_${e}` ``: the test or the constant adds nothing sent.
    const parts = r.type === 'ConditionalExpression' ? [r.consequent, r.alternate]
      : r.type === 'LogicalExpression' || r.type === 'BinaryExpression' && r.operator === '+' ? [r.left, r.right]
        : r.type === 'TemplateLiteral' ? r.expressions : undefined;
    if (parts) return this.returnedOf(fn, parts);
    if (r.type === 'Identifier') {
      const b = this.a.scopes.resolve(r);
      if (b?.kind !== 'param' || b.decl !== fn || this.a.defs.definitions(b).length) return undefined;
      const i = fn.params.indexOf(b.id);
      return i >= 0 ? i : undefined;
    }
    if (r.type === 'CallExpression') {
      const callee = unwrap(r.callee);
      const method = methodName(r);
      if (callee.type === 'MemberExpression' && method && PRESERVING_METHODS.has(method)) {
        const i = this.returnedParam(fn, unwrap(callee.object));
        if (i !== CONSTANT) return i;
      } else if (callee.type === 'MemberExpression' && (method === 'update' || isMath(callee.object))) {
        // `createHash("sha256").update(e)`, `Math.imul(e, 31)`: computed from the object and the arguments.
        return this.returnedOf(fn, [callee.object, ...r.arguments]);
      } else {
        const g = this.a.defs.functionOf(callee);
        const j = g && g !== fn ? this.passThroughIndex(g) : undefined;
        const i = j !== undefined && r.arguments[j] ? this.returnedParam(fn, unwrap(r.arguments[j])) : undefined;
        if (i !== undefined && i !== CONSTANT) return i;
      }
    }
    // Anything else that does not use the parameters and carries nothing (`S("nonconforming")`,
    // `createHash("sha256")`) is a constant for every caller.
    return !this.usesParams(fn, r) && !this.flow(r).kinds ? CONSTANT : undefined;
  }

  /** One parameter (or only constants) from all these parts; undefined when they mix parameters or hold anything else. */
  private returnedOf(fn: FunctionNode, parts: Node[]): number | typeof CONSTANT | undefined {
    let index: number | typeof CONSTANT = CONSTANT;
    for (const p of parts) {
      if (p.type === 'SpreadElement') return undefined;
      const i = this.returnedParam(fn, unwrap(p));
      if (i === undefined || i !== CONSTANT && index !== CONSTANT && i !== index) return undefined;
      if (i !== CONSTANT) index = i;
    }
    return index;
  }

  /** Does an expression read a parameter of `fn` (or its `arguments`)? */
  private usesParams(fn: FunctionNode, node: Node): boolean {
    const stack = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'Identifier') {
        if (n.name === 'arguments') return true;
        const b = this.a.scopes.resolve(n);
        if (b?.kind === 'param' && b.decl === fn) return true;
        continue;
      }
      forEachChild(n, (c) => { stack.push(c); });
    }
    return false;
  }

  /**
   * What this module itself puts on the global object under a name (`globalThis.__tz = tz`), also as a member of an
   * object put there (`globalThis.__cfg = { tz }` for `__cfg.tz`); not `process.env`.
   */
  private ownGlobal(shared: string): Node[] {
    const writes = this.a.modules.globalWrites(shared);
    const dot = shared.indexOf('.');
    if (writes.length || shared.startsWith('env.') || dot < 0) return writes;
    return this.a.modules.globalWrites(shared.slice(0, dot)).flatMap((w) => this.a.defs.propertyValues(w, shared.slice(dot + 1)));
  }

  private memberFlow(node: Node): Flow {
    // regenerator's `_context.sent` (`_context.v`): what the lowered async function awaited.
    const sent = !node.computed && (node.property.name === 'sent' || node.property.name === 'v') ? this.loweredFlow(node) : undefined;
    if (sent) return sent;
    const input = this.a.modules.inputOf(node);
    if (input) {
      // `globalThis.__r`: what any module sets there (the linker), and what this one does.
      const shared = this.a.modules.sharedName(input);
      if (shared === undefined) return this.inputFlow(node, input);
      // (Only the outcome of a check of specific values, as the linker gives it: see ModuleFacts.summary.)
      // (A constant written under a check, `if (hit) process.env.X = "b"`, carries the check, as a flag does.)
      // (What this module itself puts on the global object is followed whole, `globalThis.__tz = tz` read back here; not `process.env`.)
      const own = !shared.startsWith('env.');
      const writes = this.ownGlobal(shared);
      const written = this.flagFlow(writes) ?? this.flowAll(writes);
      return union(this.inputFlow(node, input), this.checked(written) || own ? written : NONE);
    }
    // `env.hit` of `export function make(env)`: that member of what callers in other modules pass
    // (a few members deep: `ctx.env.clock.zone`).
    // (And `e.corp` of `bus.on("env", (e) => …)`: that member of what another module's function calls it with.)
    const path = memberPath(node);
    const b = path && this.a.scopes.resolve(path.root);
    const at = b?.kind === 'param' && isFunction(b.decl) ? { name: path!.names.join('.'), at: node } : undefined;
    const member = at && ((this.a.modules.exportsFunctions ? this.a.modules.paramInput(b!.decl as FunctionNode, b!.id, at) : undefined) ?? this.a.modules.callbackInput(b!.decl as FunctionNode, b!.id, at));
    if (member) return union(this.inputFlow(node, member), this.localMemberFlow(node));
    // (`detect().then((r) => r.corp)`: that member of what the promise resolves to, as for `({ corp }) => …`.)
    const promise = at && path!.names.length === 1 ? thenPromise(b!.decl, b!.id) : undefined;
    return union(promise ? this.importedMember(promise, at!.name, node) : NONE, this.localMemberFlow(node));
  }

  /**
   * A member of what another module's function returns, read through the promise of its call (`getEnv().then(({ zone })
   * => …)`, `detect().then((r) => r.corp)`), as `getEnv().zone` reads it; nothing for a promise of this module's.
   */
  private importedMember(promise: Node, key: string, at: Node): Flow {
    const member = memberNode(promise, key, at);
    return this.a.modules.inputOf(member) ? this.flow(member) : NONE;
  }

  /** The flow of a lowered async function's result, or of what it awaits (`_a.sent()`, `_context.sent`); undefined for other nodes. */
  private loweredFlow(node: Node): Flow | undefined {
    const sent = this.a.defs.sentValues(node);
    if (sent) return this.flowAll(sent);
    const run = this.a.defs.loweredRun(node);
    return run && this.flowAll(this.a.defs.lowered.results(run.body, run.style));
  }

  /** `arguments[0]` (also babel's lowered default, `arguments.length > 0 && arguments[0] !== undefined ? arguments[0] : d`): what each call passes there. */
  private argumentsFlow(node: Node): Flow | undefined {
    const o = unwrap(node.object);
    const index = node.computed && o.type === 'Identifier' && o.name === 'arguments' ? literalValue(unwrap(node.property)) : undefined;
    if (typeof index !== 'number' || this.a.scopes.resolve(o)) return undefined;
    const fn = thisFunction(node);
    if (!fn) return NONE;
    let f = NONE;
    for (const inv of this.a.defs.invocations(fn)) if (inv.args[index] && inv.args[index].type !== 'SpreadElement') f = union(f, this.flow(inv.args[index]));
    return f;
  }

  private localMemberFlow(node: Node): Flow {
    const args = this.argumentsFlow(node);
    if (args) return args;
    // Any property of `new Proxy(target, { get })` is what the get trap returns.
    const trap = this.a.defs.proxyGetTrap(node.object);
    if (trap) return this.flowAll(this.a.defs.returnsOf(trap));
    const key = propertyName(node);
    const objectType = unwrap(node.object).type;
    if (key !== undefined && (objectType === 'Identifier' || objectType === 'ThisExpression' || objectType === 'CallExpression' || objectType === 'NewExpression' || objectType === 'MemberExpression' || objectType === 'AwaitExpression' || objectType === 'ObjectExpression' || objectType === 'LogicalExpression' || objectType === 'ConditionalExpression')) {
      const values = this.a.defs.propertyValues(node.object, key);
      if (values.length) {
        const f = this.flagFlow(values) ?? this.flowAll(values);
        // (A member of constants of an object a check picks, `RULES.find((r) => r.zone === tz).mark`, carries the check.)
        const picked = f.kinds || !values.every((v) => isLiteral(unwrap(v))) ? NONE : this.flow(node.object);
        return this.checked(picked, true) ? picked : f;
      }
    }
    if (key === undefined && node.computed && (objectType === 'Identifier' || objectType === 'ObjectExpression' || objectType === 'MemberExpression')) {
      // `ZONES[tz]` of an object used as a set (or `{ … }[tz]`, as bundlers inline it): a membership test, carried like `ZONES.has(tz)`.
      const f = this.flow(node.property);
      const c = f.kinds ? this.a.compare.lookupAt(node) : undefined;
      if (c) return through(f, c.node);
    }
    // `parts.find((p) => p.type === "timeZoneName").value`: the text of a part a formatter gives.
    if (key === 'value') {
      const f = this.flow(node.object);
      if (f.via.some((n) => this.a.sources.match(n)?.parts)) return f;
    }
    // `ZONES.filter((z) => z === tz).length`: how many matched is the outcome of the check.
    if (key === 'length' || key === 'size') {
      const f = this.flow(node.object);
      if (this.checked(f)) return f;
    }
    if (key !== undefined && !PRESERVING_PROPERTIES.has(key) && !/^\d+$/.test(key)) {
      // `f.tz` of `Object.fromEntries(facts())`, pairs whose keys are not written here (another module's generator):
      // any member may be any value the pairs hold.
      const object = unwrap(node.object);
      const held = object.type === 'Identifier' ? this.a.defs.soleDefinition(object) : object;
      const made = held && unwrap(held);
      const callee = made?.type === 'CallExpression' ? unwrap(made.callee) : undefined;
      if (callee?.type === 'MemberExpression' && propertyName(callee) === 'fromEntries' && unwrap(callee.object).type === 'Identifier' && unwrap(callee.object).name === 'Object' && made!.arguments[0]) return this.flow(made!.arguments[0]);
      // `os.networkInterfaces().en0`: every member of such a map holds the data.
      return made && this.a.sources.match(made)?.keyed ? this.flow(node.object) : NONE;
    }
    if (key === undefined && !node.computed) return NONE;
    const f = this.flow(node.object);
    // (`zones()[0]`, `out[i]`: an item of a list filled by `push`, as when its items are taken one by one.)
    const filled = (key === undefined || /^\d+$/.test(key)) && (objectType === 'Identifier' || objectType === 'CallExpression') ? this.elementFlow(node.object) : NONE;
    return union(key ? narrow(f, key) : f, filled);
  }

  private newFlow(node: Node): Flow {
    const c = unwrap(node.callee);
    const name = c.type === 'Identifier' ? c.name : propertyName(c);
    // `new Promise((resolve) => resolve(tz))`: what the executor resolves with.
    const executor = node.arguments[0];
    if (name === 'Promise' && isFunction(executor) && executor.params[0]?.type === 'Identifier') {
      const resolve = this.a.scopes.resolve(executor.params[0]);
      return resolve ? this.flowAll(this.a.defs.callsOf(resolve).map((call) => call.arguments[0])) : NONE;
    }
    return name && PRESERVING_CALLS.has(name) && node.arguments[0] ? this.flow(node.arguments[0]) : NONE;
  }

  private callFlow(node: Node): Flow {
    // A lowered async function (`__awaiter(this, …, function () { return __generator(…) })`): what its body returns,
    // and `_a.sent()` inside it: what it awaits.
    const lowered = this.loweredFlow(node);
    if (lowered) return lowered;
    const callee = calleeOf(node.callee);
    const method = methodName(node);
    if (this.isNamedHash(callee, method)) return this.flowAll(node.arguments);
    const imported = this.a.modules.inputOf(node);
    // (Inside a helper worked out for one call: this call's own input, with the arguments that call gives.)
    const cloned = imported && this.summarising && this.inline && this.inlineAt(node) ? this.a.modules.inlinedInput(node, this.inline.call, this.inline.inside, callArguments(node).map((a) => this.fact(this.flow(a)))) : undefined;
    if (cloned) return union(this.inputFlow(cloned.node, cloned.key), method && COMPARE_METHODS.has(method) ? this.flowAll(node.arguments) : NONE);
    const input = imported ?? this.methodOfParam(node);
    // `list.includes(tz)` of a parameter `list`, or of a list another module gives (`require("./deny").includes(tz)`):
    // what the list holds, and what it is searched for.
    // (`list.some((x) => v === x)`: a test whose outcome is what the callback compares too.)
    if (input) {
      // `globalThis.__hit()`, `globalThis.__probe.hit()` of a function this module puts there: what it returns here too.
      const shared = imported && this.a.modules.sharedName(imported);
      const own = shared ? this.ownGlobal(shared).map((w) => this.a.defs.functionOf(w)).filter((f) => f !== undefined) : [];
      if (own.length) return own.reduce((f, fn) => union(f, this.returnsAt(fn, node)), this.inputFlow(node, input));
      const held = method && COMPARE_METHODS.has(method) ? union(this.inputFlow(node, input), this.flowAll(node.arguments)) : this.inputFlow(node, input);
      // `REGION.get(tz)` of another module's `Map` keyed by places: a membership test, as in one file.
      const lookup = imported && method === 'get' && node.arguments.length === 1 ? this.a.compare.lookupAt(node) : undefined;
      if (lookup) return union(held, through(this.flow(node.arguments[0]), lookup.node));
      return (method === 'some' || method === 'every') && isFunction(node.arguments[0]) ? union(held, this.flowAll(this.a.defs.returnsOf(node.arguments[0] as FunctionNode))) : held;
    }
    // `__privateGet(this, _z)`: the lowered private field `#z` (babel 7.24 puts the field first: `_classPrivateFieldGet(_z, this)`).
    if (callee.type === 'Identifier' && (node.arguments.length === 2 || node.arguments.length === 3)) {
      const field = (node.arguments as Node[]).slice(0, 2).reverse().find((a) => a.type === 'Identifier');
      const held = field && this.a.defs.privateFieldValues(field);
      if (held) return this.flowAll(held);
    }
    if (method && ITERATORS.has(method) && isFunction(node.arguments[0])) {
      const cb = node.arguments[0] as FunctionNode;
      return this.withComparison(node, union(this.flow(callee.object), this.flowAll(this.a.defs.returnsOf(cb))));
    }
    // `Array.prototype.some.call(list, (x) => x === tz)`: the same, run on the list it is given.
    const borrowed = method === 'call' ? unwrap(callee.object) : undefined;
    if (borrowed?.type === 'MemberExpression' && ITERATORS.has(propertyName(borrowed) ?? '') && isFunction(node.arguments[1])) {
      return this.withComparison(node, union(this.flow(node.arguments[0]), this.flowAll(this.a.defs.returnsOf(node.arguments[1] as FunctionNode))));
    }
    // `promise.then(cb)` resolves to what the callback returns (also one given by its name, `.then(check)`).
    const resolved = method === 'then' && node.arguments[0] ? (isFunction(node.arguments[0]) ? node.arguments[0] as FunctionNode : this.a.defs.functionOf(node.arguments[0])) : undefined;
    if (resolved) return this.flowAll(this.a.defs.returnsOf(resolved));
    // `Array.prototype.includes.call(list, v)`, a bound `has(v)`, `Object.hasOwn(table, v)`: a comparison run indirectly.
    if (!(method && COMPARE_METHODS.has(method)) && (method === 'call' || method === 'apply' || method === 'hasOwn' || callee.type === 'Identifier') && this.a.compare.isCandidate(node)) {
      const c = this.a.compare.comparisonAt(node);
      if (c) return through(c.flow, c.node);
    }
    // `f.call(t, a)`, `f.apply(t, [a])`, `Reflect.apply(f, t, [a])`: what f returns for these arguments.
    const via = invocationOf(node);
    const target = via && this.a.defs.functionOf(via.target);
    if (via && target) {
      const i = this.passThroughIndex(target);
      if (i !== undefined) return via.args[i] && via.args[i].type !== 'SpreadElement' ? this.flow(via.args[i]) : NONE;
      return this.flowAll(this.a.defs.returnsOf(target));
    }
    // `m.get("key")` of a Map: what was put under that key.
    if (method === 'get' && node.arguments.length === 1) {
      const held = this.a.defs.containerValues(callee.object, node.arguments[0]);
      if (held.length) return this.flowAll(held);
      // A `Map` of constants keyed by places, read with the fingerprint: a membership test, like `ZONES[tz]`.
      const c = this.a.compare.lookupAt(node);
      if (c) return through(this.flow(node.arguments[0]), c.node);
    }
    // `Reflect.get(o, "key")` is `o.key`.
    if (method === 'get' && node.arguments.length >= 2 && unwrap(callee.object).type === 'Identifier' && unwrap(callee.object).name === 'Reflect') {
      const key = this.a.value(node.arguments[1]);
      if (typeof key !== 'string') return NONE;
      const values = this.a.defs.propertyValues(node.arguments[0], key);
      if (values.length) return this.flowAll(values);
      return PRESERVING_PROPERTIES.has(key) ? narrow(this.flow(node.arguments[0]), key) : NONE;
    }
    // `this.flagged()` in a class's method: its own method and every override of it in a class that extends it.
    if (callee.type === 'MemberExpression' && unwrap(callee.object).type === 'ThisExpression') {
      const key = propertyName(callee);
      const fns = key === undefined ? [] : [...new Set(this.a.defs.propertyValues(callee.object, key).map((v) => this.a.defs.functionOf(v)).filter((f) => f !== undefined))];
      if (fns.length > 1) return fns.reduce((f, fn) => union(f, this.returnsAt(fn, node)), NONE);
    }
    // `Object.assign({ retries: 3 }, detect())` (or a compiler's helper for it): the objects merged, as a spread does.
    if (isObjectAssign(callee) || this.a.defs.isMergeCall(node)) return this.flowAll(node.arguments);
    const fn = this.a.defs.functionOf(callee);
    if (fn) {
      // A wrapper that returns its argument carries this call's argument, not every caller's.
      const i = this.passThroughIndex(fn);
      if (i !== undefined) return node.arguments[i] && node.arguments[i].type !== 'SpreadElement' ? this.flow(node.arguments[i]) : NONE;
      // (A helper the module's exported functions share, `m(n, "NFKC")` of `gp(n)`, `mk(n)`, …, whose returns carry only what
      // their parameters hand it: this call carries its own arguments, not what every other exported function is given.)
      if (this.sharesParams(fn)) return this.flowAll(node.arguments.filter((a: Node) => a.type !== 'SpreadElement'));
      const inlined = this.inlined(fn, node);
      if (inlined) return inlined;
      return this.returnsAt(fn, node);
    }
    if (callee.type === 'Identifier' && node.arguments.length === 0) {
      const wrapped = this.a.defs.memoisedFunction(callee);
      if (wrapped) return this.flowAll(this.a.defs.returnsOf(wrapped));
      // `(check) => (check() ? … : …)`: a check handed in as a parameter and run without arguments
      // gives what the functions its callers pass return; of an exported function, also what callers
      // in other modules pass (an input).
      const b = this.a.scopes.resolve(callee);
      if (b?.kind === 'param') {
        const key = this.a.modules.exportsFunctions && isFunction(b.decl) ? this.a.modules.paramInput(b.decl as FunctionNode, b.id, { name: '()', at: node, called: true }) : undefined;
        const given = key ? this.inputFlow(node, key) : NONE;
        if (key && this.summarising) return given;
        const passed = this.a.defs.passedTo(b).map((p) => this.a.defs.functionOf(p)).filter((f) => f !== undefined);
        if (key || passed.length) return union(given, this.flowAll(passed.flatMap((f) => this.a.defs.returnsOf(f))));
      }
    }
    // `checks.some((f) => f(tz))`, `for (const f of checks) f(tz)`: the item called is each function the list holds.
    const item = callee.type === 'Identifier' ? this.a.scopes.resolve(callee) : undefined;
    const list = item ? this.listOf(item) : undefined;
    const held = list && unwrap(list).type === 'Identifier' ? this.a.defs.soleDefinition(unwrap(list)) : list && unwrap(list);
    const items = list ? this.listFunctions(list, held) : [];
    if (items.length || held?.type === 'ArrayExpression' && held.elements.length) return this.flowAll(items.flatMap((f) => this.a.defs.returnsOf(f)));
    // (Items of a list another module exports: what the linker finds they return.)
    const itemInput = list ? this.a.modules.itemCallInput(node, list) : undefined;
    if (itemInput) return this.inputFlow(node, itemInput);
    if (callee.type === 'MemberExpression') {
      if (method && COMPARE_METHODS.has(method)) return this.withComparison(node, union(this.flow(callee.object), this.flowAll(node.arguments)));
      // `createHash("sha256").update(host)`, `Math.imul(h, 16777619)`: the result is computed from the arguments.
      // (So are Web Crypto's `crypto.subtle.digest("SHA-256", bytes)` and `new TextEncoder().encode(tz)`.)
      if (method === 'update' || method === 'encode' || isMath(callee.object)) return union(this.flow(callee.object), this.flowAll(node.arguments));
      if (method === 'digest' && node.arguments.length === 2) return this.flow(node.arguments[1]);
      if (method === 'from' && node.arguments[0] && COPYING_TYPES.test(unwrap(callee.object).name ?? '') && this.isDigest(node.arguments[0])) return this.flow(node.arguments[0]);
      // (`id.padEnd(12, hit ? "1" : "0")`, `a.concat(b)`: what is written into the text as well, when it carries a check.)
      if (method && PRESERVING_METHODS.has(method)) {
        const own = this.flow(callee.object);
        // `RULES.find((r) => r.zone === tz)`: the item a check in the callback picks carries that check.
        const pick = (method === 'find' || method === 'filter') && node.arguments[0] && isFunction(unwrap(node.arguments[0])) ? this.flowAll(this.a.defs.returnsOf(unwrap(node.arguments[0]) as FunctionNode)) : NONE;
        if (this.checked(pick)) return union(own, pick);
        if (!TEXT_METHODS.has(method)) return own;
        const added = this.flowAll(node.arguments);
        return this.checked(added) ? union(own, added) : own;
      }
      // `Promise.resolve(tz)` resolves to tz. (`Promise.all([…])` is not followed: its flow would reach every element.)
      if (method === 'resolve' && unwrap(callee.object).type === 'Identifier' && unwrap(callee.object).name === 'Promise' && node.arguments[0]) return this.flow(node.arguments[0]);
      // `/email=(\S+)/.exec(config)`: the match is a piece of the text searched.
      if (method === 'exec' && node.arguments.length === 1) return this.flow(node.arguments[0]);
      // `Object.values(os.networkInterfaces())`: the entries of what is read.
      if (method && OBJECT_VIEWS.has(method) && unwrap(callee.object).type === 'Identifier' && unwrap(callee.object).name === 'Object' && node.arguments[0]) return this.flow(node.arguments[0]);
      return NONE;
    }
    if (callee.type === 'Identifier' && PRESERVING_CALLS.has(callee.name) && !this.a.scopes.resolve(callee)) return node.arguments[0] ? this.flow(node.arguments[0]) : NONE;
    // `Number(hit)`, `Boolean(hit)`: the outcome of a check as a number or a boolean. (A number parsed from
    // other text, `Number(/limit (\d+)/.exec(message)[1])`, is no fingerprint.)
    if (callee.type === 'Identifier' && (callee.name === 'Number' || callee.name === 'Boolean') && node.arguments[0] && !this.a.scopes.resolve(callee)) {
      const f = this.flow(node.arguments[0]);
      return this.checked(f) ? f : NONE;
    }
    return NONE;
  }

  /**
   * A hash the runtime or a library offers, by its name (see HASH_CALLS): `zlib.crc32(h)`, `(0, e.crc32)(h)` of a
   * bundle's `require("zlib")` (also in another chunk), `s(h)` of `import { crc32 as s } from "zlib"`, a library's
   * `murmurhash3_32_gc(user, 7)`. One the module defines is followed through its body instead.
   */
  private isNamedHash(callee: Node, method: string | undefined): boolean {
    const name = callee.type === 'MemberExpression' ? method ?? propertyName(callee) : callee.type === 'Identifier' ? this.originalName(callee) : undefined;
    return !!name && HASH_CALLS.test(name) && !this.a.defs.functionOf(callee);
  }

  /** The name a function has where it comes from: `crc32` of `import { crc32 as s }` or `const { crc32: s } = require(…)`; else its own. */
  private originalName(id: Node): string {
    const b = this.a.scopes.resolve(id);
    if (b?.kind === 'import' && b.decl.type === 'ImportSpecifier') return b.decl.imported.name ?? String(b.decl.imported.value);
    return (b?.decl.type === 'VariableDeclarator' && b.decl.id.type === 'ObjectPattern' ? patternKey([b.decl.id], b.id) : undefined) ?? id.name;
  }

  /** The list an item is taken from: a parameter of `list.some((x) => …)` and the like, or the name a `for…of` loop declares. */
  private listOf(item: Binding): Node | undefined {
    if (item.kind === 'param') return this.a.defs.iteratedBy(item);
    const loop = item.decl.type === 'VariableDeclarator' ? item.decl.parent?.parent : undefined;
    return loop?.type === 'ForOfStatement' && loop.left === item.decl.parent ? loop.right : undefined;
  }

  /**
   * The functions a list holds: written in it, or pushed to it (`checks.push(fn)`, also by a helper that is handed
   * them, `function register(fn) { checks.push(fn) }`).
   */
  private listFunctions(list: Node, held: Node | undefined): FunctionNode[] {
    const u = unwrap(list);
    const b = u.type === 'Identifier' ? this.a.scopes.resolve(u) : undefined;
    const items = [...held?.type === 'ArrayExpression' ? held.elements as Array<Node | null> : [], ...b ? this.a.defs.pushedTo(b) : []].slice(0, MAX_LIST_FUNCTIONS);
    const out: FunctionNode[] = [];
    for (const i of items) {
      const n = i && i.type !== 'SpreadElement' ? unwrap(i) : undefined;
      const param = n?.type === 'Identifier' ? this.a.scopes.resolve(n) : undefined;
      for (const v of !n ? [] : param?.kind === 'param' ? this.a.defs.passedTo(param).slice(0, MAX_LIST_FUNCTIONS) : [n]) {
        const f = this.a.defs.functionOf(v);
        if (f && !out.includes(f)) out.push(f);
      }
    }
    return out;
  }

  /**
   * `g.inRegion()`, `this.g.inRegion()` where `g` is a parameter of an exported function or class
   * (`constructor(g) { this.g = g }`): an input, what that method of the instance callers in
   * other modules pass returns (`new Prompt(new Geo())`).
   */
  private methodOfParam(node: Node): string | undefined {
    const callee = unwrap(node.callee);
    const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
    if (method === undefined || node.type !== 'CallExpression' || !this.a.modules.exportsFunctions) return undefined;
    let object = unwrap(callee.object);
    if (object.type === 'MemberExpression' && unwrap(object.object).type === 'ThisExpression') {
      const key = propertyName(object);
      const held = key === undefined ? [] : this.a.defs.propertyValues(object.object, key);
      object = held.length === 1 ? unwrap(held[0]) : object;
    }
    // `deps.env.zone()`, or `this.env.zone()` of `this.env = deps.env`: a method of a member of the parameter.
    const of = object.type === 'MemberExpression' && !object.computed && unwrap(object.object).type === 'Identifier' ? propertyName(object) : undefined;
    if (of !== undefined) object = unwrap(object.object);
    let b = object.type === 'Identifier' ? this.a.scopes.resolve(object) : undefined;
    // `plugins.some((p) => p.check())` of a list an exported function fills (`register(p) { plugins.push(p) }`): a method of what it is given.
    const list = b?.kind === 'param' && of === undefined ? this.a.defs.iteratedBy(b) : undefined;
    const held = list && unwrap(list).type === 'Identifier' ? this.a.scopes.resolve(unwrap(list)) : undefined;
    const pushed = held ? this.a.defs.pushedTo(held).map(unwrap) : [];
    if (pushed.length === 1 && pushed[0].type === 'Identifier') b = this.a.scopes.resolve(pushed[0]);
    return b?.kind === 'param' && isFunction(b.decl) ? this.a.modules.paramInput(b.decl as FunctionNode, b.id, { name: method, at: node, method: true, of }) : undefined;
  }

  /** A digest Web Crypto made (`await crypto.subtle.digest(…)`), directly or as a variable's only value. */
  private isDigest(node: Node): boolean {
    let n = unwrap(node);
    if (n.type === 'Identifier') n = unwrap(this.a.defs.soleDefinition(n) ?? n);
    if (n.type === 'AwaitExpression') n = unwrap(n.argument);
    return n.type === 'CallExpression' && methodName(n) === 'digest' && n.arguments.length === 2;
  }

  /** What an input holds: its seed once linked, else Kind.INPUT (not known within the module). */
  private inputFlow(node: Node, key: string): Flow {
    const seed = this.a.modules.seeds?.[key];
    if (seed) return seed.kinds ? { kinds: seed.kinds, via: [node] } : NONE;
    return { kinds: Kind.INPUT, via: [node] };
  }

  /** The source an input stands for in an evidence chain, once the linker found what it holds. */
  inputSource(node: Node): SourceMatch | undefined {
    const key = this.a.modules.keyOf(node);
    const seed = key ? this.a.modules.seeds?.[key] : undefined;
    return seed?.kinds ? { kind: seed.kinds, label: seed.label } : undefined;
  }

  /**
   * What an exported function returns, summarised with its parameters as inputs only: each
   * caller in another module substitutes its own arguments (the linker's calls are
   * context-sensitive), so the arguments of this module's own calls must not be merged in.
   * Flows inside exported functions are kept apart for this view; flows elsewhere, which do
   * not depend on those parameters, are shared with the rules' (summaries come after the rules).
   */
  returnsFact(fn: FunctionNode): Fact {
    // (A list it fills item by item in a loop and returns, `for (const i of nets) out.push(i.mac); return out`, holds what
    // was pushed, for the modules that take its items.)
    return this.summarised(() => this.checkedReturns(fn) ?? this.a.defs.returnsOf(fn).reduce((f, r) => union(f, this.elementFlow(r)), NONE));
  }

  /** What an expression inside an exported function holds, with that function's parameters as inputs only (see returnsFact). */
  ownFact(node: Node): Fact {
    return this.summarised(() => this.flow(node));
  }

  private summarised(flow: () => Flow): Fact {
    if (!this.ownParams) {
      const ranges = [...this.a.modules.exports().values()].filter(isFunction).map((f) => [f.start, f.end] as const).sort((x, y) => x[0] - y[0]);
      this.ownParams = { flows: new Map(), bindings: new Map(), ranges };
    }
    this.summarising = true;
    try {
      return this.fact(flow());
    } finally {
      this.summarising = false;
    }
  }

  /** Inside an exported function: where flows differ while summarising (flows elsewhere are shared). */
  private inExported(pos: number): boolean {
    const r = this.ownParams!.ranges;
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r[mid][0] <= pos) lo = mid + 1; else hi = mid;
    }
    // Exported functions do not nest in one another (they are top-level declarations or values).
    return lo > 0 && pos < r[lo - 1][1];
  }

  /** A flow as a module fact: its source kinds, the inputs it comes from, where a source is read. */
  fact(f: Flow): Fact {
    const from: string[] = [];
    let at: string | undefined;
    const checks: Check[] = [];
    for (const n of f.via) {
      const key = this.a.modules.keyOf(n);
      if (key && !from.includes(key)) from.push(key);
      // (With what is read, for the modules it reaches: `1:30 (process.env.USER)`, an account name. A read can
      // be a call of another module's function too: `d.basename(r.homedir())` of a bundle's `d = o(928)`.)
      if (!at) { const m = this.a.sources.match(n); const p = m && this.a.position(n.start); if (p) at = `${p.line}:${p.column} (${m!.label})`; }
      // (Also a check of organisation words, which counts where a channel it steers is: `/^(megabank|initech)-/.test(user)`.)
      const recorded = this.a.compare.recordedAt(n);
      const c = recorded ?? (this.a.compare.isCandidate(n) ? this.a.compare.wordsAt(n) : undefined);
      if (c && checks.length < MAX_CHECKS) checks.push({ values: c.values.slice(0, MAX_CHECK_VALUES), classes: [...c.classes], ...(c.concealed ? { concealed: true } : {}), ...(c.endpoints ? { endpoints: true } : {}), ...(c.named ? { named: true } : {}), ...(recorded ? {} : { words: true }) });
    }
    return { kinds: f.kinds & ~Kind.INPUT, from, ...(at ? { at } : {}), ...(checks.length ? { checks } : {}) };
  }
}

/** `object.key` (`object[key]` for a number) as if written where `at` is: a member the code reads under another name. */
function memberNode(object: Node, key: string | number, at: Node): Node {
  const property = typeof key === 'number' ? { type: 'Literal', value: key } : { type: 'Identifier', name: key };
  return { type: 'MemberExpression', object, property, computed: typeof key === 'number', optional: false, start: at.start, end: at.end, parent: object.parent } as unknown as Node;
}

/** The assignment a value is the right side of (`hit = true`), if any. */
function assignmentOf(n: Node): Node | undefined {
  return n.parent?.type === 'AssignmentExpression' && n.parent.right === n ? n.parent : undefined;
}

/** A flow that went through a comparison: the comparison is a step of its way (kept last when the way is full). */
function through(f: Flow, comparison: Node): Flow {
  return f.via.includes(comparison) ? f : { kinds: f.kinds, via: [...f.via, comparison].slice(-MAX_VIA) };
}

/** Inside a loop or an iteration callback (`forEach`, `map`) that lies within `scope`. */
function inLoop(node: Node, scope: Node): boolean {
  for (let p = node.parent; p && p !== scope; p = p.parent) {
    if (p.type === 'ForOfStatement' || p.type === 'ForInStatement' || p.type === 'ForStatement' || p.type === 'WhileStatement') return true;
    if (isFunction(p) && p.parent?.type === 'CallExpression' && ITERATORS.has(methodName(p.parent) ?? '')) return true;
  }
  return false;
}

/** `.timeZone` of resolvedOptions() is the time zone only; `.locale` the locale only. */
function narrow(f: Flow, key: string): Flow {
  if (!(f.kinds & (Kind.TZ | Kind.LOCALE))) return f;
  if (key === 'timeZone') return { kinds: (f.kinds & ~Kind.LOCALE) | Kind.TZ, via: f.via };
  if (key === 'locale' || key === 'language' || key === 'region' || key === 'baseName') return { kinds: (f.kinds & ~Kind.TZ) | Kind.LOCALE, via: f.via };
  return f;
}

/** A member by name of an object by name (`Region.Watched`), as an enum's or a frozen object's constants are read. */
function isNamedMember(n: Node, depth = 0): boolean {
  if (n.type !== 'MemberExpression' || n.computed || n.property.type !== 'Identifier' || depth > 2) return false;
  // (Also through the module that exports it, `exports.Region.Watched`, `check_1.Region.Watched`, as compilers write it.)
  const o = unwrap(n.object);
  return o.type === 'Identifier' || isNamedMember(o, depth + 1);
}

/**
 * A choice among constants only (`hit ? "1" : ""`, also nested: `a ? 1 : b ? 1 : 0`; and members `named`
 * accepts, `hit ? Region.Watched : Region.Other`): its tests and the values it may give. Undefined when
 * a branch is anything else.
 */
function constantChoice(node: Node, named: (n: Node) => boolean): { tests: Node[]; values: unknown[] } | undefined {
  const n = unwrap(node);
  if (isLiteral(n)) return { tests: [], values: [literalValue(n)] };
  if (named(n)) return { tests: [], values: [n.property.name] };
  if (n.type !== 'ConditionalExpression') return undefined;
  const a = constantChoice(n.consequent, named);
  const b = a && constantChoice(n.alternate, named);
  return b && { tests: [n.test, ...a!.tests, ...b.tests], values: [...a!.values, ...b.values] };
}

