// AST types and small helpers shared by the engine and the rules.
import type * as acorn from 'acorn';

/** An acorn node with the parent link the engine's walk adds. */
export interface Node extends acorn.Node {
  parent?: Node | null;
  [key: string]: any;
}

export type FunctionNode = Node & { params: Node[]; body: Node; id?: Node | null };

/** Operators and methods that compare a value with another. */
export const COMPARE_OPS = new Set(['===', '==', '!==', '!=']);
/** Methods that write their arguments into the text they are called on (`id.padEnd(12, fill)`, `a.concat(b)`). */
export const TEXT_METHODS = new Set(['padEnd', 'padStart', 'concat']);
export const COMPARE_METHODS = new Set(['includes', 'has', 'indexOf', 'lastIndexOf', 'startsWith', 'endsWith', 'test', 'match', 'search', 'localeCompare', 'hasOwnProperty']);

export const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return !!node && FUNCTION_TYPES.has(node.type);
}

/** The function whose `this` and `arguments` a node inside it sees (arrow functions take their surrounding one's). */
export function thisFunction(node: Node): FunctionNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunction(n) && n.type !== 'ArrowFunctionExpression') return n as FunctionNode;
  return undefined;
}

/** The nearest enclosing function or Program of a node (its var scope). */
export function enclosingScope(node: Node): Node {
  let n = node.parent;
  while (n && !isFunction(n) && n.type !== 'Program') n = n.parent;
  return n ?? node;
}

/** Name of a member expression's property when it is static (`a.b`, `a["b"]`). */
/** The names of the global object (`globalThis`, and Node's, a browser's and a worker's). */
export const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

export function propertyName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  const p = node.property as Node;
  if (!node.computed && p.type === 'Identifier') return p.name;
  if (p.type === 'PrivateIdentifier') return `#${p.name}`;
  if (p.type === 'Literal' && (typeof p.value === 'string' || typeof p.value === 'number')) return String(p.value);
  return undefined;
}

/** Key of an object-literal property when it is static. */
export function keyName(prop: Node): string | undefined {
  const k = prop.key as Node | undefined;
  if (!k) return undefined;
  if (!prop.computed && k.type === 'Identifier') return k.name;
  if (k.type === 'PrivateIdentifier') return `#${k.name}`;
  if (k.type === 'Literal') return String(k.value);
  return undefined;
}

/** Members followed at most this deep from a parameter (`ctx.env.clock.zone`). */
const MAX_PARAM_PATH = 4;

/** The name a member chain starts from and its member names (`ctx` and `env`, `clock`, `zone`); undefined past a computed member. */
export function memberPath(node: Node): { root: Node; names: string[] } | undefined {
  const names: string[] = [];
  let n: Node = node;
  while (n.type === 'MemberExpression' && names.length < MAX_PARAM_PATH) {
    const name = propertyName(n);
    if (name === undefined) return undefined;
    names.unshift(name);
    n = unwrap(n.object);
  }
  return n.type === 'Identifier' ? { root: n, names } : undefined;
}

/** Skips wrappers that do not change a value: parentheses, `a?.b` chains, `x!`. */
export function unwrap(node: Node): Node {
  for (;;) {
    if (node.type === 'ChainExpression' || node.type === 'ParenthesizedExpression') node = node.expression;
    else if (node.type === 'ConditionalExpression' && isLoweredChain(node)) node = node.alternate;
    else return node;
  }
}

/**
 * An optional member or call as compilers lower it for older targets, read as what it gives when it gives
 * anything: `(_a = x) === null || _a === void 0 ? void 0 : _a.m` (tsc, babel, swc), `x == null ? void 0 : x.m`.
 */
function isLoweredChain(node: Node): boolean {
  if (!isNullish(node.consequent)) return false;
  // (Babel tests a whole chain in one: `(_a = x) === null || _a === void 0 || (_b = _a.m) === null || … ? void 0 : _b.n`.)
  let first = node.test;
  while (first.type === 'LogicalExpression' && first.operator === '||') first = first.left;
  return first.type === 'BinaryExpression' && (first.operator === '===' || first.operator === '==') && isNullish(first.right);
}

/**
 * The two sides of `a ?? b`, also as compilers lower it: `(_a = a) !== null && _a !== void 0 ? _a : b`
 * (tsc, babel, swc) and `a != null ? a : b`.
 */
export function nullishParts(node: Node): { left: Node; right: Node } | undefined {
  const n = unwrap(node);
  if (n.type === 'LogicalExpression' && n.operator === '??') return { left: n.left, right: n.right };
  if (n.type !== 'ConditionalExpression') return undefined;
  let first = unwrap(n.test);
  while (first.type === 'LogicalExpression' && first.operator === '&&') first = unwrap(first.left);
  if (first.type !== 'BinaryExpression' || first.operator !== '!==' && first.operator !== '!=' || !isNullish(first.right)) return undefined;
  const tested = unwrap(first.left);
  const value = unwrap(n.consequent);
  if (tested.type === 'AssignmentExpression' && tested.left.type === 'Identifier' && value.type === 'Identifier' && value.name === tested.left.name) return { left: tested.right, right: n.alternate };
  return tested.type === 'Identifier' && value.type === 'Identifier' && value.name === tested.name ? { left: tested, right: n.alternate } : undefined;
}

/** What a function returns when its body is that one expression or a lone `return` of it (`() => mark`, `function () { return mark; }`). */
export function soleReturn(fn: Node): Node | undefined {
  const body = fn.body as Node;
  if (body.type !== 'BlockStatement') return body;
  return body.body.length === 1 && body.body[0].type === 'ReturnStatement' ? body.body[0].argument ?? undefined : undefined;
}

/** The node with the parentheses around it, if any: the child its parent holds. */
export function parenthesised(node: Node): Node {
  while (node.parent?.type === 'ParenthesizedExpression') node = node.parent;
  return node;
}

/**
 * A function written as what a check chooses (`hit ? (s) => s.replace(…) : undefined`, `hit && (() => …)`):
 * its body runs only when chosen, under that check.
 */
export function isChosenFunction(fn: Node): boolean {
  if (!isFunction(fn)) return false;
  const at = parenthesised(fn);
  const p = at.parent;
  return p?.type === 'ConditionalExpression' && p.test !== at || p?.type === 'LogicalExpression' && p.right === at && p.operator !== '??';
}

/** The name a call or `new` goes by: `f` for `f()`, `m` for `a.m()` and `a["m"]()`. */
export function calleeName(call: Node): string | undefined {
  const callee = unwrap(call.callee);
  return callee.type === 'Identifier' ? callee.name : propertyName(callee);
}

/** `callee.property` name of a method call, e.g. "some" for `list.some(f)`. */
export function methodName(call: Node): string | undefined {
  if (call.type !== 'CallExpression') return undefined;
  const callee = unwrap(call.callee);
  return callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
}

/** A regex literal's pattern and flags; acorn-loose can leave a damaged one without them. */
export function regexOf(node: Node): { pattern: string; flags: string } | undefined {
  const r = node.type === 'Literal' ? node.regex : undefined;
  return r && typeof r.pattern === 'string' && typeof r.flags === 'string' ? r : undefined;
}

export function isStringLiteral(node: Node | null | undefined): node is Node & { value: string } {
  return !!node && node.type === 'Literal' && typeof node.value === 'string';
}

/** Appends to the list a map keeps under `key`, starting it when there is none. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/**
 * Node types the parser lists apart, in finish order, for the engine's
 * visitors (see visitAll): a walk over them touches 0.6M of 2.1.91's 1.6M
 * nodes. A visitor for any other type makes visitAll use the list of all nodes
 * instead; a test checks the rules' and collectors' visitors stay inside this set.
 */
export const VISITED_TYPES: ReadonlySet<string> = new Set([
  'ArrayExpression', 'AssignmentExpression', 'BinaryExpression', 'CallExpression', 'ConditionalExpression', 'NewExpression',
  'ObjectExpression', 'Property', 'ReturnStatement', 'SwitchStatement', 'YieldExpression',
]);

/** Child fields of each ESTree node type that acorn produces, in source order. */
export const CHILD_KEYS: Record<string, string[]> = {
  Program: ['body'], ExpressionStatement: ['expression'], BlockStatement: ['body'], StaticBlock: ['body'], EmptyStatement: [],
  DebuggerStatement: [], WithStatement: ['object', 'body'], ReturnStatement: ['argument'], LabeledStatement: ['label', 'body'],
  BreakStatement: ['label'], ContinueStatement: ['label'], IfStatement: ['test', 'consequent', 'alternate'],
  SwitchStatement: ['discriminant', 'cases'], SwitchCase: ['test', 'consequent'], ThrowStatement: ['argument'],
  TryStatement: ['block', 'handler', 'finalizer'], CatchClause: ['param', 'body'], WhileStatement: ['test', 'body'],
  DoWhileStatement: ['body', 'test'], ForStatement: ['init', 'test', 'update', 'body'], ForInStatement: ['left', 'right', 'body'],
  ForOfStatement: ['left', 'right', 'body'], FunctionDeclaration: ['id', 'params', 'body'], VariableDeclaration: ['declarations'],
  VariableDeclarator: ['id', 'init'], ThisExpression: [], Super: [], ArrayExpression: ['elements'], ObjectExpression: ['properties'],
  Property: ['key', 'value'], FunctionExpression: ['id', 'params', 'body'], ArrowFunctionExpression: ['params', 'body'],
  UnaryExpression: ['argument'], UpdateExpression: ['argument'], BinaryExpression: ['left', 'right'],
  AssignmentExpression: ['left', 'right'], LogicalExpression: ['left', 'right'], MemberExpression: ['object', 'property'],
  ConditionalExpression: ['test', 'consequent', 'alternate'], CallExpression: ['callee', 'arguments'], NewExpression: ['callee', 'arguments'],
  SequenceExpression: ['expressions'], YieldExpression: ['argument'], AwaitExpression: ['argument'], TemplateLiteral: ['quasis', 'expressions'],
  TaggedTemplateExpression: ['tag', 'quasi'], TemplateElement: [], ObjectPattern: ['properties'], ArrayPattern: ['elements'],
  RestElement: ['argument'], AssignmentPattern: ['left', 'right'], SpreadElement: ['argument'], ClassDeclaration: ['id', 'superClass', 'body'],
  ClassExpression: ['id', 'superClass', 'body'], ClassBody: ['body'], MethodDefinition: ['key', 'value'], PropertyDefinition: ['key', 'value'],
  PrivateIdentifier: [], MetaProperty: ['meta', 'property'], ImportDeclaration: ['specifiers', 'source', 'attributes'],
  ImportSpecifier: ['imported', 'local'], ImportDefaultSpecifier: ['local'], ImportNamespaceSpecifier: ['local'],
  ImportAttribute: ['key', 'value'], ImportExpression: ['source', 'options'], ExportNamedDeclaration: ['declaration', 'specifiers', 'source', 'attributes'],
  ExportSpecifier: ['local', 'exported'], ExportDefaultDeclaration: ['declaration'], ExportAllDeclaration: ['exported', 'source', 'attributes'],
  ChainExpression: ['expression'], ParenthesizedExpression: ['expression'], Identifier: [], Literal: [],
};

/** CHILD_KEYS as a Map: looked up by every node's type, where an object's keyed load goes megamorphic. */
const CHILD_KEY_MAP = new Map(Object.entries(CHILD_KEYS));

/** Child fields of a node; unknown types (future syntax) fall back to their object fields. */
export function keysOf(node: Node): string[] {
  const keys = CHILD_KEY_MAP.get(node.type);
  if (keys) return keys;
  return Object.keys(node).filter((k) => k !== 'parent' && node[k] !== null && typeof node[k] === 'object');
}

/** `a ||= b`, `a ??= b`, `a &&= b`: an assignment whose value is the old value or the new one. */
export function isLogicalAssignment(node: Node): boolean {
  return node.type === 'AssignmentExpression' && (node.operator === '||=' || node.operator === '??=' || node.operator === '&&=');
}

/** A literal, a template without expressions (the loose parser's; the engine's parser makes those literals), or a negated literal. */
export function isLiteral(node: Node): boolean {
  const n = unwrap(node);
  return n.type === 'Literal' || n.type === 'TemplateLiteral' && n.expressions.length === 0 || n.type === 'UnaryExpression' && (n.argument.type === 'Literal' || notValue(n) !== undefined) || n.type === 'BinaryExpression' && arithmeticValue(n) !== undefined;
}

/** `!0`, `![]`, `!![]`: a boolean as minifiers and obfuscators write it; undefined for anything else. */
function notValue(n: Node): boolean | undefined {
  if (n.type !== 'UnaryExpression' || n.operator !== '!') return undefined;
  const a = unwrap(n.argument);
  if (a.type === 'ArrayExpression' && !a.elements.length || a.type === 'ObjectExpression' && !a.properties.length) return false;
  if (a.type === 'Literal') return !a.value;
  const inner = notValue(a);
  return inner === undefined ? undefined : !inner;
}

/** The value of a literal, of a negated number (`-300`), or of arithmetic on numbers (`-0x3d7 * 0x5 + 0x2d13`, as obfuscators write 1); undefined for anything else. */
export function literalValue(node: Node): unknown {
  const n = unwrap(node);
  if (n.type === 'UnaryExpression') return n.operator === '-' && n.argument.type === 'Literal' && typeof n.argument.value === 'number' ? -n.argument.value : notValue(n);
  if (n.type === 'BinaryExpression') return arithmeticValue(n);
  return n.type === 'Literal' ? n.value : undefined;
}

/** A number written as arithmetic on number literals only; undefined for anything else. */
function arithmeticValue(node: Node, depth = 0): number | undefined {
  const n = unwrap(node);
  if (n.type === 'Literal') return typeof n.value === 'number' ? n.value : undefined;
  if (depth > 8) return undefined;
  if (n.type === 'UnaryExpression') {
    const v = n.operator === '-' || n.operator === '+' ? arithmeticValue(n.argument, depth + 1) : undefined;
    return v === undefined ? undefined : n.operator === '-' ? -v : v;
  }
  if (n.type !== 'BinaryExpression') return undefined;
  const a = arithmeticValue(n.left, depth + 1);
  const b = a === undefined ? undefined : arithmeticValue(n.right, depth + 1);
  if (b === undefined) return undefined;
  switch (n.operator) {
    case '+': return a! + b;
    case '-': return a! - b;
    case '*': return a! * b;
    case '/': return a! / b;
    case '%': return a! % b;
    case '|': return a! | b;
    case '&': return a! & b;
    case '^': return a! ^ b;
    case '<<': return a! << b;
    case '>>': return a! >> b;
    case '>>>': return a! >>> b;
  }
  return undefined;
}

/**
 * Where a parameter's name sits in a destructuring pattern, one level deep:
 * the index in `([k, v]) => …`, the key in `({ zone }) => …`; undefined when it is
 * a plain parameter or deeper.
 */
export function patternKey(params: Node[], id: Node): string | undefined {
  const path = patternPath(params, id);
  return path?.length === 1 ? path[0] : undefined;
}

/**
 * The keys that lead to a name in a destructuring pattern, a few levels deep: `["0", "1"]` for `host`
 * of `([[tz, host]]) => …`, `["env", "zone"]` of `({ env: { zone } }) => …`; undefined when the name
 * is not in one, or under a key that is not written out.
 */
export function patternPath(params: Node[], id: Node, depth = 0): string[] | undefined {
  for (const p of params) {
    const parts: Array<[string | undefined, Node | null]> = p.type === 'ArrayPattern' ? p.elements.map((e: Node | null, i: number) => [String(i), e])
      : p.type === 'ObjectPattern' ? p.properties.map((q: Node) => [q.type === 'Property' ? keyName(q) : undefined, q.type === 'Property' ? q.value : null]) : [];
    for (const [key, target] of parts) {
      const t = target?.type === 'AssignmentPattern' ? target.left : target;
      if (t === id) return key === undefined ? undefined : [key];
      if (key === undefined || depth >= 3 || (t?.type !== 'ArrayPattern' && t?.type !== 'ObjectPattern')) continue;
      const rest = patternPath([t], id, depth + 1);
      if (rest) return [key, ...rest];
    }
  }
  return undefined;
}

/** `promise.then((value) => …)`: the promise whose value the binding `id`, the callback's first parameter, receives. */
export function thenPromise(fn: Node, id: Node): Node | undefined {
  const call = fn.parent;
  if (!isFunction(fn) || fn.params[0] !== id || call?.type !== 'CallExpression' || call.arguments[0] !== fn || methodName(call) !== 'then') return undefined;
  return unwrap(unwrap(call.callee).object);
}

/** `null`, `undefined` or `void 0`: nothing. */
export const isNullish = (n: Node) => n.type === 'Literal' && n.value === null || n.type === 'Identifier' && n.name === 'undefined' || n.type === 'UnaryExpression' && n.operator === 'void';

/**
 * The conditional of a lowered optional member around `node` (an assignment to `name`): `(_a = x) === null ||
 * _a === void 0 ? void 0 : _a.mark`, as tsc, babel and swc write `x?.mark`.
 */
export function optionalMemberAround(node: Node, name: string): Node | undefined {
  let n = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (p.type === 'ConditionalExpression') {
      const m = unwrap(p.alternate);
      return p.test === n && isNullish(unwrap(p.consequent)) && m.type === 'MemberExpression' && unwrap(m.object).type === 'Identifier' && unwrap(m.object).name === name && propertyName(m) !== undefined ? p : undefined;
    }
    if (p.type === 'ParenthesizedExpression' || p.type === 'LogicalExpression' && p.operator === '||') continue;
    if (p.type === 'BinaryExpression' && (p.operator === '===' || p.operator === '==') && isNullish(p.left === n ? p.right : p.left)) continue;
    return undefined;
  }
  return undefined;
}

/**
 * What an `await` waits for; also a `yield` of a generator, as tsc, babel, swc and esbuild run one as an async
 * function for older targets (`_asyncToGenerator(function* () { const m = yield import("./geo"); … })`).
 */
export function awaitedArgument(node: Node): Node | undefined {
  return node.type === 'AwaitExpression' || node.type === 'YieldExpression' && node.argument && !node.delegate ? unwrap(node.argument) : undefined;
}

/**
 * The conditional around a test of `name` against nothing (or its truth) that gives `name` itself: `name ? name : y`,
 * and `(_a = x) !== null && _a !== void 0 ? _a : y` from the assignment, as tsc and babel write `x ?? y` for older targets.
 */
export function fallbackAround(node: Node, name: string): Node | undefined {
  let n = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (p.type === 'ConditionalExpression') return p.test === n && p.consequent.type === 'Identifier' && p.consequent.name === name ? p : undefined;
    if (p.type === 'ParenthesizedExpression' || p.type === 'LogicalExpression' && p.operator === '&&') continue;
    if (p.type === 'BinaryExpression' && (p.operator === '!==' || p.operator === '!=') && isNullish(p.left === n ? p.right : p.left)) continue;
    return undefined;
  }
  return undefined;
}
