// Code kept in a constant string and run (eval, new Function, a timer, vm) is code of the
// file, as readable as the rest of it to anyone who looks: webpack's development
// builds keep every module so (`eval("var os = __webpack_require__(\"os\");…")`),
// and a program can hide a small piece so from a reader who skims. Nothing is
// run: each such string is written in place as the code it holds, and the file
// is analysed as it runs. Lines stay where they were (the code's own line breaks
// become U+2028, a line terminator to JavaScript that the engine's line count does
// not count), columns move: findings in it say `decoded`.
import { GLOBAL_OBJECTS, propertyName, unwrap, type Node } from './ast';
import { applyEdits, type Edit } from './lines';
import { calleeOf } from './modules';
import type { ParsedIndex } from './parse';

/** A piece of constant code the file runs: where it stands, and what it is written as in its place. */
export interface ConstantCode {
  start: number;
  end: number;
  /** The code written in place of the statement or call. */
  text: string;
  /** The code alone. */
  code: string;
  /**
   * Whether it runs in another context (`vm.runInContext`, `runInNewContext`): it shares no name with the file,
   * not even its globals, only the object it is given.
   */
  otherContext: boolean;
}

/** The text with constant code written in place of the eval and Function calls that run it; undefined when there is none. */
export function inlineConstantCode(text: string, index: ParsedIndex | undefined): string | undefined {
  return writeConstantCode(text, constantCode(text, index));
}

/** The text with the pieces of constant code given (see constantCode) written in place; undefined for none. */
export function writeConstantCode(text: string, pieces: ConstantCode[]): string | undefined {
  return pieces.length ? applyEdits(text, pieces) : undefined;
}

/** The constant code a file runs, each piece with what it is written as in its place. */
export function constantCode(text: string, index: ParsedIndex | undefined): ConstantCode[] {
  if (!index) return [];
  const out: ConstantCode[] = [];
  const members = /\beval\s*\)\s*\(|\.eval\s*\(|\.runIn(?:This|New)?Context\s*\(/.test(text) ? index.nodes.filter((n) => n.type === 'CallExpression' && runsCode(n.callee)) : [];
  for (const call of [...['eval', 'setTimeout', 'setInterval'].flatMap((name) => index.calls.get(name) ?? []), ...members]) {
    // A statement that runs code: its code runs there (direct eval) or in the global scope (indirect eval, a timer, vm),
    // written in a block that keeps its `let`s and `const`s to itself, as eval does.
    const code = call.type === 'CallExpression' && call.arguments.length >= 1 ? constant(call.arguments[0]) : undefined;
    const statement = call.parent;
    if (code === undefined || readsNothing(code) || statement?.type !== 'ExpressionStatement' || statement.expression !== call) continue;
    const callee = unwrap(call.callee);
    const otherContext = callee.type === 'MemberExpression' && OTHER_CONTEXT.has(propertyName(callee) ?? '');
    out.push({ ...edit(text, statement, `{${code}\n}`), code, otherContext });
  }
  const made = /\bnew\s+Function\b/.test(text) ? index.nodes.filter((n) => n.type === 'NewExpression' && n.callee.type === 'Identifier' && n.callee.name === 'Function') : [];
  for (const call of [...index.calls.get('Function') ?? [], ...made]) {
    // `new Function("a", "b", "return a + b")`: a function of those parameters and that body.
    const parts = (call.arguments as Node[]).map(constant);
    if (!parts.length || parts.some((p) => p === undefined)) continue;
    const body = parts.pop()!;
    if (readsNothing(body)) continue;
    const code = `(function anonymous(${parts.join(',')}\n) {\n${body}\n})`;
    out.push({ ...edit(text, call, code), code, otherContext: false });
  }
  return out;
}

/**
 * Code that neither reads a member nor calls anything (`return this`, the global object idiom of most bundles,
 * `regeneratorRuntime = r`) reads nothing of the machine: not worth a second parse of a large file.
 */
function readsNothing(code: string): boolean {
  return !/[.([]/.test(code);
}

/** `(0, eval)`, `globalThis.eval`, `vm.runInThisContext` and its kin: callees that run the code they are given. */
function runsCode(callee: Node): boolean {
  const c = calleeOf(callee);
  // (A plain `eval(…)` is found by name: here only the indirect one.)
  if (c.type === 'Identifier') return c.name === 'eval' && unwrap(callee).type === 'SequenceExpression';
  if (c.type !== 'MemberExpression') return false;
  const name = propertyName(c);
  const object = unwrap(c.object);
  return name === 'eval' ? object.type === 'Identifier' && GLOBAL_OBJECTS.has(object.name) : !!name && VM_RUN.has(name);
}

const VM_RUN = new Set(['runInThisContext', 'runInNewContext', 'runInContext']);
const OTHER_CONTEXT = new Set(['runInNewContext', 'runInContext']);

/** A string the code holds as it stands: a string literal, or a template without expressions. */
function constant(node: Node): string | undefined {
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && !n.expressions.length) return n.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/** Writes `code` over the node, on the node's own lines: line breaks in it become U+2028, the ones the node spanned follow it. */
function edit(text: string, node: Node, code: string): Edit {
  const spanned = text.slice(node.start, node.end).split('\n').length - 1;
  return { start: node.start, end: node.end, text: code.replace(/\r\n?|\n/g, '\u2028') + '\n'.repeat(spanned) };
}
