// Parsing: acorn with Set-based scopes, module then script, error recovery with acorn-loose.
import * as acorn from 'acorn';
import { LooseParser } from 'acorn-loose';
import { fastScope, fastTokens, fastWords, treeLinks } from './acornPlugins';
import type { Node } from './ast';

/** acorn's Parser with Set-based scopes, word sets, faster word and regex reading and a linked tree; exported for tests. */
export const FastParser = acorn.Parser.extend(fastScope, fastWords, fastTokens, treeLinks);

/** The extended parser's constructor, which acorn's typings declare protected. */
type LinkedParser = new (options: acorn.Options, input: string) => { parse(): Node } & ParsedIndex;

/** What the parser records while it builds the tree (absent after error recovery). */
export interface ParsedIndex {
  /** Every node but identifiers and literals, children before parents, with parents linked. */
  nodes: Node[];
  /** The nodes of VISITED_TYPES (ast.ts), in the same order. */
  visited: Node[];
  /** Calls `name(...)` and assignments `name = ...`, by name, in finish order. */
  calls: Map<string, Node[]>;
  assignments: Map<string, Node[]>;
}

const BASE_OPTIONS: acorn.Options = {
  ecmaVersion: 'latest',
  allowHashBang: true,
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowImportExportEverywhere: true,
  allowReserved: true,
};

export interface ParseResult {
  ast: Node;
  sourceType: 'module' | 'script' | 'recovered';
  /** Why part of the text was not analysed (syntax errors recovered from). */
  notAnalysed: string[];
  /** The parser's records; absent after error recovery (the walk links that tree). */
  index?: ParsedIndex;
}

/** Raised when a text cannot be analysed at all; the message is shown to users. */
export class ScanError extends Error {}

function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

/** Control characters other than whitespace in the head of a text: JavaScript source has almost none, binary data one in ten. */
const MAX_CONTROLS = 8;
const HEAD = 4096;

/** Whether the head of a text holds binary data (NUL or other control characters). */
export function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0, n = Math.min(text.length, HEAD); i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 9 || c > 13 && c < 32 || c === 127) && ++controls > MAX_CONTROLS) return true;
  }
  return false;
}

/**
 * Parses a text as a module, then as a script; when both fail, recovers with
 * acorn-loose and names the syntax error, so nothing is skipped silently.
 */
export function parse(text: string): ParseResult {
  let firstError: unknown;
  for (const sourceType of ['module', 'script'] as const) {
    try {
      const parser = new (FastParser as unknown as LinkedParser)({ ...BASE_OPTIONS, sourceType }, text);
      const ast = parser.parse();
      const { nodes, visited, calls, assignments } = parser;
      // acorn turns `a = 1` into a pattern once it turns out to be a default (`[a = 1] = b`, `(a = 1) => a`).
      for (const [name, list] of assignments) {
        if (list.every((n) => n.type === 'AssignmentExpression')) continue;
        const kept = list.filter((n) => n.type === 'AssignmentExpression');
        if (kept.length) assignments.set(name, kept); else assignments.delete(name);
      }
      return { ast, sourceType, notAnalysed: [], index: { nodes, visited, calls, assignments } };
    } catch (err) {
      if (isStackOverflow(err)) throw new ScanError('nesting too deep to parse');
      if (!(err instanceof SyntaxError)) throw err;
      firstError ??= err;
    }
  }
  const pos = (firstError as SyntaxError & { pos?: number }).pos ?? 0;
  // An error right at the start of something long is not a damaged bundle: it is not JavaScript.
  if (pos < 200 && !/^\s*(?:[/][/*]|["'`(\[{!;]|(?:var|let|const|function|import|export|class|async|use)\b)/.test(text.slice(0, pos))) {
    throw new ScanError(`not JavaScript (${(firstError as Error).message})`);
  }
  // Compressed or binary data read as text (a zstd frame begins with "(", as code may): acorn-loose would spend
  // minutes turning noise into nodes.
  if (looksBinary(text)) throw new ScanError(`not JavaScript (binary data: ${(firstError as Error).message})`);
  const reason = `syntax error: ${(firstError as Error).message}; analysed with error recovery, code around it may be missing`;
  try {
    const ast = LooseParser.parse(text, { ...BASE_OPTIONS, sourceType: 'script' }) as unknown as Node;
    if (!ast.body?.length && text.trim()) throw new ScanError(`${(firstError as Error).message}: not JavaScript`);
    return { ast, sourceType: 'recovered', notAnalysed: [reason] };
  } catch (err) {
    if (err instanceof ScanError) throw err;
    if (isStackOverflow(err)) throw new ScanError('nesting too deep to parse');
    throw new ScanError(`not JavaScript (${(firstError as Error).message})`);
  }
}
