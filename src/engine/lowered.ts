// Async functions as compilers lower them for older targets. The body runs
// inside a helper, awaits become yields or numbered steps of a state machine,
// and what the function returns and awaits is handed over in the helper's own
// protocol:
//
// - tsc: `__awaiter(this, void 0, void 0, function () { return __generator(this,
//   function (_a) { switch (_a.label) { case 0: return [4, zone()]; case 1:
//   tz = _a.sent(); return [2, tz]; } }); })`;
// - esbuild and babel: `__async(this, null, function* () { const tz = yield
//   zone(); return tz; })`, `_asyncToGenerator(function* () { … })`;
// - regenerator: `_regeneratorRuntime().mark(function _callee() { return
//   _regeneratorRuntime().wrap(function _callee$(_context) { switch
//   (_context.prev = _context.next) { case 0: _context.next = 2; return zone();
//   case 2: tz = _context.sent; return _context.abrupt("return", tz); } }); })`.
//
// Every property named here survives minification (the helpers read them).
import { isFunction, propertyName, unwrap, type FunctionNode, type Node } from './ast';
import { calleeOf } from './modules';
import { forEachChild } from './walk';

/** How a lowered body hands over its awaits and its result. */
export type LoweredStyle = 'generator' | 'tsc' | 'regenerator';

/** A helper call is looked through this many nested calls (`__awaiter` → `__generator`, `mark` → `wrap`). */
const MAX_NESTING = 3;

/** tsc's step codes: `[2, x]` returns x, `[4, x]` awaits (yields) x, `[5, x]` delegates to x. */
const TSC_RETURN = 2;
const TSC_AWAIT = new Set([4, 5]);

/** The state machine's own members, read on the body's one parameter. */

export class LoweredAsync {
  private readonly styles = new Map<FunctionNode, LoweredStyle | null>();

  constructor(private readonly returnsOf: (fn: FunctionNode) => Node[]) {}

  /**
   * The body a call runs as an async function (`__awaiter(…, function () {…})`,
   * `__async(this, null, function* () {…})`), or undefined for any other call.
   */
  bodyOf(call: Node, depth = 0): { body: FunctionNode; style: LoweredStyle } | undefined {
    if (call.type !== 'CallExpression' || depth > MAX_NESTING) return undefined;
    const args = call.arguments as Node[];
    for (let i = args.length - 1; i >= 0; i--) {
      const arg = unwrap(args[i]);
      if (isFunction(arg)) {
        // (A body that only returns steps, `function (_a) { return [2, tz]; }`, is tsc's when run as `__generator(this, body)`.)
        const style = this.styleOf(arg) ?? (unwrap(args[0]).type === 'ThisExpression' && args.length === 2 && this.onlySteps(arg) ? 'tsc' : undefined);
        if (style) return { body: arg, style };
        // `function () { return __generator(this, function (_a) {…}); }`: the wrapper of the state machine.
        const returns = this.returnsOf(arg);
        return returns.length === 1 ? this.bodyOf(unwrap(returns[0]), depth + 1) : undefined;
      }
      // `_asyncToGenerator(_regeneratorRuntime().mark(function _callee() {…}))`
      if (arg.type === 'CallExpression') return this.bodyOf(arg, depth + 1);
    }
    return undefined;
  }

  /** What a lowered body returns (the value the async function resolves to). */
  results(body: FunctionNode, style: LoweredStyle): Node[] {
    if (style === 'generator') return this.returnsOf(body);
    if (style === 'tsc') return this.steps(body, (code) => code === TSC_RETURN);
    // `_context.abrupt("return", x)`, and babel's newer `_context.a(2, x)`.
    return this.stateCalls(body).filter((c) => {
      const method = propertyName(unwrap(c.callee));
      return method === 'abrupt' && isReturnLiteral(c.arguments[0]) || method === 'a' && unwrap(c.arguments[0] ?? c).value === TSC_RETURN;
    }).map((c) => c.arguments[1]).filter(Boolean);
  }

  /**
   * The value a parameter's `sent` stands for (`_a.sent()`, `_context.sent`): any
   * value the body awaits. Undefined when the node is no such read.
   */
  sentValues(node: Node, resolveParam: (id: Node) => FunctionNode | undefined): Node[] | undefined {
    const member = node.type === 'CallExpression' && node.arguments.length === 0 ? unwrap(node.callee) : node;
    // (`_context.v` in babel's newer regenerator.)
    const key = member.type === 'MemberExpression' ? propertyName(member) : undefined;
    if (!(key === 'sent' || key === 'v' && node === member) || unwrap(member.object).type !== 'Identifier') return undefined;
    const body = resolveParam(unwrap(member.object));
    const style = body && this.styleOf(body);
    if (!body || !style || style === 'generator') return undefined;
    if (style === 'tsc') return this.steps(body, (code) => TSC_AWAIT.has(code));
    // regenerator: `_context.next = 2; return zone();` awaits what it returns; `_context.abrupt(…)` and `_context.stop()` end it.
    return this.returnsOf(body).map(calleeOf).filter((r) => !this.isStateCall(r, body));
  }

  /** 'tsc' or 'regenerator' for a state machine's body (one parameter read as the machine), 'generator' for `function*`. */
  styleOf(fn: FunctionNode): LoweredStyle | undefined {
    if (fn.generator) return 'generator';
    let style = this.styles.get(fn);
    if (style === undefined) {
      style = fn.params.length === 1 && fn.params[0].type === 'Identifier' ? machineStyle(fn, fn.params[0].name) : null;
      this.styles.set(fn, style);
    }
    return style ?? undefined;
  }

  /** Whether every return of a one-parameter function is a step (`return [2, tz]`). */
  private onlySteps(fn: FunctionNode): boolean {
    const returns = this.returnsOf(fn);
    return fn.params.length === 1 && returns.length > 0 && returns.every((r) => {
      const step = calleeOf(r);
      const code = step.type === 'ArrayExpression' ? step.elements[0] : undefined;
      return code?.type === 'Literal' && typeof code.value === 'number' && code.value >= 0 && code.value <= 7;
    });
  }

  /** Values of `return [code, value]` steps whose code passes. */
  private steps(body: FunctionNode, wanted: (code: number) => boolean): Node[] {
    const out: Node[] = [];
    for (const r of this.returnsOf(body)) {
      const step = calleeOf(r);
      const code = step.type === 'ArrayExpression' ? step.elements[0] : undefined;
      if (code?.type === 'Literal' && typeof code.value === 'number' && wanted(code.value) && step.elements[1]) out.push(step.elements[1]);
    }
    return out;
  }

  /** Calls of the machine's own methods (`_context.abrupt("return", x)`) in a body. */
  private stateCalls(body: FunctionNode): Node[] {
    const out: Node[] = [];
    const visit = (n: Node): void => {
      if (n.type === 'CallExpression' && this.isStateCall(n, body)) out.push(n);
      if (n === body || !isFunction(n)) forEachChild(n, visit);
    };
    visit(body);
    return out;
  }

  private isStateCall(node: Node, body: FunctionNode): boolean {
    const n = unwrap(node);
    if (n.type !== 'CallExpression') return false;
    // (The machine has no other methods: any call on it is one of its own.)
    return isParamMember(unwrap(n.callee), body.params[0].name);
  }
}

/** The value an expression gives: the last of a sequence (`return r = n.sent(), [2, r.json()]`, minified). */
/** `"return"`, the completion type of regenerator's `abrupt`. */
function isReturnLiteral(node: Node | undefined): boolean {
  return !!node && unwrap(node).type === 'Literal' && unwrap(node).value === 'return';
}

/**
 * Which machine a function's parameter is read as: tsc's (`switch (p.label)`, `p.sent()`),
 * regenerator's (`switch (p.prev = p.next)`, and babel's newer `switch (p.n)`), or none.
 * (An iterator's `next` alone, or a promise's `catch`, is no machine.)
 */
function machineStyle(fn: FunctionNode, param: string): LoweredStyle | null {
  const read = new Set<string>();
  const switched = new Set<string>();
  const visit = (n: Node): void => {
    if (isParamMember(n, param)) read.add(n.property.name as string);
    if (n.type === 'SwitchStatement') {
      const d = unwrap(n.discriminant);
      for (const m of d.type === 'AssignmentExpression' ? [d.left, d.right] : [d]) if (isParamMember(unwrap(m), param)) switched.add(unwrap(m).property.name as string);
    }
    if (n === fn || !isFunction(n)) forEachChild(n, visit);
  };
  visit(fn);
  if (read.has('label') && (read.has('sent') || read.has('trys') || switched.has('label'))) return 'tsc';
  // (Minified, babel's one-step machine tests `if (p.n === 0)`; it is still run by `_regenerator().w(body, …)`.)
  const call = fn.parent?.type === 'CallExpression' && fn.parent.arguments[0] === fn ? fn.parent : undefined;
  const wrapped = !!call && /^(?:w|wrap)$/.test(propertyName(unwrap(call.callee)) ?? '');
  return read.has('prev') && read.has('next') || switched.has('n') || switched.has('next') || wrapped && read.has('n') ? 'regenerator' : null;
}

/** `p.key` on the parameter named `param`. */
function isParamMember(n: Node, param: string): boolean {
  return n.type === 'MemberExpression' && !n.computed && unwrap(n.object).type === 'Identifier' && unwrap(n.object).name === param;
}
