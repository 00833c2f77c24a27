// AST types and small helpers shared by the engine and the rules.
import type * as acorn from 'acorn';

/** An acorn node with the parent link the engine's walk adds. */
export interface Node extends acorn.Node {
  parent?: Node | null;
  [key: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export type FunctionNode = Node & { params: Node[]; body: Node; id?: Node | null };

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return !!node && FUNCTION_TYPES.has(node.type);
}

/** The nearest enclosing function or Program of a node (its var scope). */
export function enclosingScope(node: Node): Node {
  let n = node.parent;
  while (n && !isFunction(n) && n.type !== 'Program') n = n.parent;
  return n ?? node;
}

/** Name of a member expression's property when it is static (`a.b`, `a["b"]`). */
export function propertyName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  const p = node.property as Node;
  if (!node.computed && p.type === 'Identifier') return p.name;
  if (p.type === 'Literal' && (typeof p.value === 'string' || typeof p.value === 'number')) return String(p.value);
  return undefined;
}

/** Key of an object-literal property when it is static. */
export function keyName(prop: Node): string | undefined {
  const k = prop.key as Node | undefined;
  if (!k) return undefined;
  if (!prop.computed && k.type === 'Identifier') return k.name;
  if (k.type === 'Literal') return String(k.value);
  return undefined;
}

/** Skips wrappers that do not change a value: parentheses, `a?.b` chains, `x!`. */
export function unwrap(node: Node): Node {
  while (node.type === 'ChainExpression' || node.type === 'ParenthesizedExpression') node = node.expression;
  return node;
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

export function isStringLiteral(node: Node | null | undefined): node is Node & { value: string } {
  return !!node && node.type === 'Literal' && typeof node.value === 'string';
}
