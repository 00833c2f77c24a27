// acorn plugins (Parser.extend) that make parsing huge bundles cheaper, and
// link the tree while it is built.
//
// fastScope: stock acorn records every declared name in per-scope arrays and searches
// them with indexOf on each declaration. Minified bundles declare tens of
// thousands of names in one scope, so those searches grow quadratically and
// cost about a third of parsing a 13 MB bundle. This plugin keeps the same
// checks (same errors, same positions) with O(1) lookups.
import * as acorn from 'acorn';
import { addTo, keysOf, VISITED_TYPES, type Node } from './ast';

// Mirrors of acorn's internal flags (acorn/src/scopeflags.js); the plugin test
// checks that redeclaration errors match stock acorn, which would catch drift.
const SCOPE_TOP = 1;
const SCOPE_FUNCTION = 2;
const SCOPE_SIMPLE_CATCH = 32;
const SCOPE_CLASS_STATIC_BLOCK = 256;
const SCOPE_VAR = SCOPE_TOP | SCOPE_FUNCTION | SCOPE_CLASS_STATIC_BLOCK;
const BIND_LEXICAL = 2;
const BIND_FUNCTION = 3;
const BIND_SIMPLE_CATCH = 4;

interface FastScope {
  flags: number;
  var: Set<string>;
  lexical: Set<string>;
  functions: Set<string>;
  // The three sets are one shared empty set until a name is added: most block scopes declare nothing.
  /** acorn compares a simple catch parameter with `lexical[0]`. */
  firstLexical: string | undefined;
}

interface ScopeInternals {
  scopeStack: FastScope[];
  inModule: boolean;
  undefinedExports: Record<string, unknown>;
  treatFunctionsAsVar: boolean;
  currentScope(): FastScope;
  treatFunctionsAsVarInScope(scope: FastScope): boolean;
  raiseRecoverable(pos: number, message: string): void;
}

const NONE: Set<string> = new Set();

function addLexical(scope: FastScope, name: string): void {
  if (scope.lexical === NONE) {
    scope.lexical = new Set();
    scope.firstLexical = name;
  }
  scope.lexical.add(name);
}

function addVar(scope: FastScope, name: string): void {
  if (scope.var === NONE) scope.var = new Set();
  scope.var.add(name);
}

function addFunction(scope: FastScope, name: string): void {
  if (scope.functions === NONE) scope.functions = new Set();
  scope.functions.add(name);
}

/** Returns acorn's Parser extended with Set-based scopes. */
export function fastScope(Base: typeof acorn.Parser): typeof acorn.Parser {
  return class FastScopeParser extends (Base as any) {
    enterScope(this: ScopeInternals, flags: number): void {
      this.scopeStack.push({ flags, var: NONE, lexical: NONE, functions: NONE, firstLexical: undefined });
    }

    declareName(this: ScopeInternals, name: string, bindingType: number, pos: number): void {
      let redeclared = false;
      if (bindingType === BIND_LEXICAL) {
        const scope = this.currentScope();
        redeclared = scope.lexical.has(name) || scope.functions.has(name) || scope.var.has(name);
        addLexical(scope, name);
        if (this.inModule && (scope.flags & SCOPE_TOP)) delete this.undefinedExports[name];
      } else if (bindingType === BIND_SIMPLE_CATCH) {
        addLexical(this.currentScope(), name);
      } else if (bindingType === BIND_FUNCTION) {
        const scope = this.currentScope();
        redeclared = this.treatFunctionsAsVar
          ? scope.lexical.has(name)
          : scope.lexical.has(name) || scope.var.has(name);
        addFunction(scope, name);
      } else {
        for (let i = this.scopeStack.length - 1; i >= 0; --i) {
          const scope = this.scopeStack[i];
          if ((scope.lexical.has(name) && !((scope.flags & SCOPE_SIMPLE_CATCH) && scope.firstLexical === name)) ||
              (!this.treatFunctionsAsVarInScope(scope) && scope.functions.has(name))) {
            redeclared = true;
            break;
          }
          addVar(scope, name);
          if (this.inModule && (scope.flags & SCOPE_TOP)) delete this.undefinedExports[name];
          if (scope.flags & SCOPE_VAR) break;
        }
      }
      if (redeclared) this.raiseRecoverable(pos, `Identifier '${name}' has already been declared`);
    }

    checkLocalExport(this: ScopeInternals, id: { name: string }): void {
      const top = this.scopeStack[0];
      if (!top.lexical.has(id.name) && !top.var.has(id.name)) this.undefinedExports[id.name] = id;
    }
  } as unknown as typeof acorn.Parser;
}

/** acorn exports its keyword token types but does not declare them. */
const keywordTypes = (acorn as unknown as { keywordTypes: Record<string, acorn.TokenType> }).keywordTypes;
const WORDS = /^\^\(\?:(.*)\)\$$/;

/** The words of one of acorn's `^(?:a|b)$` word regexes. */
function wordsOf(re: RegExp): Set<string> {
  return new Set(WORDS.exec(re.source)?.[1].split('|') ?? []);
}

interface WordInternals {
  keywords: RegExp;
  reservedWords: RegExp;
  reservedWordsStrict: RegExp;
  keywordSet: Set<string>;
  specialWords: Set<string>;
  readWord1(): string;
  finishToken(type: acorn.TokenType, value: string): void;
}

/**
 * fastWords: stock acorn tests every word against a keyword regex, and every
 * identifier against keyword and reserved-word regexes after walking the scope
 * stack several times (inGenerator, inAsync, ...). Set lookups give the same
 * answers; identifiers that are none of those words skip the checks, which
 * cannot fail for them.
 */
export function fastWords(Base: typeof acorn.Parser): typeof acorn.Parser {
  return class FastWordsParser extends (Base as any) {
    constructor(options: acorn.Options, input: string, startPos?: number) {
      super(options, input, startPos);
      const self = this as unknown as WordInternals;
      self.keywordSet = wordsOf(self.keywords);
      self.specialWords = new Set([...self.keywordSet, ...wordsOf(self.reservedWords), ...wordsOf(self.reservedWordsStrict), 'yield', 'await', 'arguments']);
    }

    readWord(this: WordInternals): void {
      const word = this.readWord1();
      this.finishToken(this.keywordSet.has(word) ? keywordTypes[word] : acorn.tokTypes.name, word);
    }

    checkUnreserved(ref: { name: string }): void {
      if ((this as unknown as WordInternals).specialWords.has(ref.name)) super.checkUnreserved(ref);
    }
  } as unknown as typeof acorn.Parser;
}

/** acorn's line-terminator test (LF, CR, U+2028, U+2029), exported but not declared. */
const isNewLine = (acorn as unknown as { isNewLine(code: number): boolean }).isNewLine;

/** ASCII characters that can start an identifier (`$`, letters, `_`) and continue one (digits too). */
const IDENT_START_ASCII = new Uint8Array(128);
const IDENT_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  IDENT_START_ASCII[c] = +/[A-Za-z$_]/.test(String.fromCharCode(c));
  IDENT_ASCII[c] = +/[\w$]/.test(String.fromCharCode(c));
}

/**
 * Where the ASCII word part at `pos` ends, or -1 when a backslash or a
 * non-ASCII character follows it (acorn's loop reads those words).
 */
function asciiWordEnd(input: string, pos: number): number {
  let c = input.charCodeAt(pos);
  while (c < 128 && IDENT_ASCII[c] === 1) c = input.charCodeAt(++pos);
  return c === 92 || c >= 128 ? -1 : pos;
}

/** Every keyword is 2 to 10 lower-case ASCII letters: other words need no keyword lookup. */
function mayBeKeyword(first: number, length: number): boolean {
  return length >= 2 && length <= 10 && first >= 97 && first <= 122;
}

interface ReaderInternals {
  input: string;
  pos: number;
  start: number;
  containsEsc: boolean;
  context: Array<{ preserveSpace?: boolean; override?: unknown }>;
  options: acorn.Options;
  keywordSet: Set<string>;
  skipSpace(): void;
  readWord(): void;
  readToken(code: number): void;
  fullCharCodeAtPos(): number;
  raise(pos: number, message: string): never;
  readWord1(): string;
  finishToken(type: acorn.TokenType, value: unknown): void;
  validateRegExpFlags(state: unknown): void;
}

/** acorn's RegExpValidationState, which it keeps on the parser and resets per literal. */
interface RegExpState { source: string; flags: string; reset(start: number, pattern: string, flags: string): void }

/**
 * fastTokens: the tokenizer's commonest paths, with the same tokens and errors.
 * It uses fastWords' keyword set, so it comes after fastWords in Parser.extend.
 * - Words: acorn reads an identifier a code point at a time through the
 *   parser object; plain ASCII words (nearly all of a bundle's) are read with
 *   a table and a local index, straight from nextToken, and only words that
 *   could be keywords are looked up. A backslash or a non-ASCII character
 *   goes back to acorn's loop from the word's start.
 * - Strings and template parts: one without escapes (and, for strings, line
 *   terminators; for templates, carriage returns, which acorn turns into line
 *   feeds) is found with a local index; any other goes through acorn's loop.
 * - Regex literals: acorn finds the end with a line-break regex per character
 *   and then checks the pattern with its own validator, a recursive descent
 *   parser in JavaScript. V8's RegExp constructor accepts the same language;
 *   only a pattern it rejects goes through acorn's validator, for acorn's
 *   error (or acorn's acceptance, with the value null as acorn gives).
 */
export function fastTokens(Base: typeof acorn.Parser): typeof acorn.Parser {
  return class FastTokensParser extends (Base as any) {
    nextToken(this: ReaderInternals): void {
      const context = this.context;
      const current = context[context.length - 1];
      // Template parts and locations take acorn's path.
      if (current === undefined || current.preserveSpace || current.override || this.options.locations) return super.nextToken();
      this.skipSpace();
      const input = this.input;
      const start = this.pos;
      this.start = start;
      if (start >= input.length) return this.finishToken(acorn.tokTypes.eof, undefined);
      const c = input.charCodeAt(start);
      if (c >= 128 || IDENT_START_ASCII[c] !== 1) return this.readToken(this.fullCharCodeAtPos());
      const pos = asciiWordEnd(input, start + 1);
      if (pos < 0) return this.readWord();
      this.pos = pos;
      this.containsEsc = false;
      const word = input.slice(start, pos);
      this.finishToken(mayBeKeyword(c, pos - start) && this.keywordSet.has(word) ? keywordTypes[word] : acorn.tokTypes.name, word);
    }

    readWord1(this: ReaderInternals): string {
      const start = this.pos;
      const pos = asciiWordEnd(this.input, start);
      if (pos < 0) return super.readWord1();
      this.containsEsc = false;
      this.pos = pos;
      return this.input.slice(start, pos);
    }

    readString(this: ReaderInternals, quote: number): void {
      const input = this.input;
      const start = this.pos + 1;
      for (let pos = start; pos < input.length; pos++) {
        const c = input.charCodeAt(pos);
        if (c === quote) {
          this.pos = pos + 1;
          return this.finishToken(acorn.tokTypes.string, input.slice(start, pos));
        }
        if (c === 92 || isNewLine(c)) break;
      }
      return super.readString(quote);
    }

    readTmplToken(this: ReaderInternals & { type: acorn.TokenType }): void {
      const input = this.input;
      const start = this.pos;
      if (this.options.locations) return super.readTmplToken();
      for (let pos = start; pos < input.length; pos++) {
        const c = input.charCodeAt(pos);
        if (c === 96 || (c === 36 && input.charCodeAt(pos + 1) === 123)) {
          // Right after a part, `${` or the closing backquote is a token of its own: acorn's path.
          if (pos === this.start && (this.type === acorn.tokTypes.template || this.type === acorn.tokTypes.invalidTemplate)) break;
          this.pos = pos;
          return this.finishToken(acorn.tokTypes.template, input.slice(start, pos));
        }
        if (c === 92 || c === 13) break;
      }
      return super.readTmplToken();
    }

    readRegexp(this: ReaderInternals & { regexpState?: RegExpState; validateRegExpPattern(state: RegExpState): void }): void {
      // acorn creates its (unexported) validation state on the first literal.
      if (!this.regexpState) return super.readRegexp();
      const input = this.input;
      const start = this.pos;
      let pos = start;
      let escaped = false;
      let inClass = false;
      for (;; pos++) {
        if (pos >= input.length) this.raise(start, 'Unterminated regular expression');
        const c = input.charCodeAt(pos);
        if (isNewLine(c)) this.raise(start, 'Unterminated regular expression');
        if (escaped) { escaped = false; continue; }
        if (c === 91) inClass = true;
        else if (c === 93 && inClass) inClass = false;
        else if (c === 47 && !inClass) break;
        escaped = c === 92;
      }
      const pattern = input.slice(start, pos);
      this.pos = pos + 1;
      const flagsStart = this.pos;
      const flags = this.readWord1();
      if (this.containsEsc) (this as unknown as { unexpected(pos: number): never }).unexpected(flagsStart);
      const state = this.regexpState;
      state.reset(start, pattern, flags);
      this.validateRegExpFlags(state);
      let value: RegExp | null = null;
      try {
        value = new RegExp(pattern, flags);
      } catch {
        this.validateRegExpPattern(state);
      }
      this.finishToken(acorn.tokTypes.regexp, { pattern, flags, value });
    }
  } as unknown as typeof acorn.Parser;
}

/** The tokenizer state these plugins read (acorn keeps it on the parser). */
interface TokenState {
  type: acorn.TokenType;
  value: string;
  start: number;
  end: number;
  lastTokEnd: number;
  input: string;
  options: acorn.Options;
  next(ignoreEscapeSequenceInKeyword?: boolean): void;
  finishNode(node: Node, type: string): Node;
  parseIdent(liberal: boolean): Node;
  parsePrivateIdent(): Node;
  link(node: Node): Node;
}

/**
 * treeLinks: links the tree while acorn builds it, so no separate walk is
 * needed. Every node gets its `parent` slot when it is created (one object
 * shape); children are linked when their node is finished (acorn finishes
 * children first, and the last node to finish a child is its parent); every
 * node except identifiers and literals is recorded in finish order for the
 * visitors. A test checks the links against a full walk.
 */
export function treeLinks(Base: typeof acorn.Parser): typeof acorn.Parser {
  return class TreeLinksParser extends (Base as any) {
    nodes: Node[] = [];
    /** The nodes of VISITED_TYPES, a subsequence of `nodes`. */
    visited: Node[] = [];
    /** Calls `name(...)` and assignments `name = ...` by name, recorded while the nodes are hot. */
    calls = new Map<string, Node[]>();
    assignments = new Map<string, Node[]>();

    // Nodes are object literals rather than acorn's Node class: V8 then learns
    // from their allocation site that they survive and allocates them in the
    // old generation, so the collector stops copying the tree (about 0.4 s on
    // a 13 MB bundle). The engine never sets acorn's `locations` or `ranges`,
    // which the class would add.
    startNode(this: TokenState): Node {
      return { type: '', start: this.start, end: 0, parent: null } as unknown as Node;
    }

    startNodeAt(pos: number): Node {
      return { type: '', start: pos, end: 0, parent: null } as unknown as Node;
    }

    // Identifiers and literals (half the nodes) are created with their fields,
    // so V8 keeps those in the object instead of in a property array that the
    // collector would copy. Keywords used as names and bigints take acorn's path.
    parseIdentNode(this: TokenState): Node {
      if (this.type !== acorn.tokTypes.name) return super.parseIdentNode();
      return { type: '', start: this.start, end: 0, parent: null, name: this.value } as unknown as Node;
    }

    // An identifier is finished at once: no finishNode and link calls for the commonest node.
    parseIdent(this: TokenState & { checkUnreserved(n: Node): void; awaitIdentPos: number }, liberal: boolean): Node {
      if (this.type !== acorn.tokTypes.name) return super.parseIdent(liberal);
      const node = { type: 'Identifier', start: this.start, end: this.end, parent: null, name: this.value } as unknown as Node;
      this.next(!!liberal);
      if (!liberal) {
        this.checkUnreserved(node);
        if (node.name === 'await' && !this.awaitIdentPos) this.awaitIdentPos = node.start;
      }
      return node;
    }

    // `base.name`, the commonest subscript, and binary operators, likewise
    // (the same steps as acorn's, with the node built last). Building calls
    // this way measured no gain, so they keep acorn's path.
    parseSubscript(this: TokenState, base: Node, startPos: number, ...rest: unknown[]): Node {
      if (this.type !== acorn.tokTypes.dot || (this.options.ecmaVersion as number) < 11) return super.parseSubscript(base, startPos, ...rest);
      this.next();
      const property = this.type === acorn.tokTypes.privateId && base.type !== 'Super' ? this.parsePrivateIdent() : this.parseIdent(this.options.allowReserved !== 'never');
      return this.link({ type: 'MemberExpression', start: startPos, end: this.lastTokEnd, parent: null, object: base, property, computed: false, optional: false } as unknown as Node);
    }

    buildBinary(this: TokenState, startPos: number, startLoc: unknown, left: Node, right: Node, op: string, logical: boolean): Node {
      if (right.type === 'PrivateIdentifier') return super.buildBinary(startPos, startLoc, left, right, op, logical);
      return this.link({ type: logical ? 'LogicalExpression' : 'BinaryExpression', start: startPos, end: this.lastTokEnd, parent: null, left, operator: op, right } as unknown as Node);
    }

    parseLiteral(this: TokenState, value: unknown): Node {
      const raw = this.input.slice(this.start, this.end);
      if (raw.charCodeAt(raw.length - 1) === 110) return super.parseLiteral(value);
      const node = { type: 'Literal', start: this.start, end: this.end, parent: null, value, raw } as unknown as Node;
      this.next();
      return node;
    }

    // A template without substitutions is a string: minifiers (oxc, rolldown, Vite) write every string
    // that way (`e.get(\`tz\`)`), and the engine reads it as the literal it is. Tagged templates stay.
    parseTemplate(this: TokenState & { nodes: Node[] }, ref?: { isTagged?: boolean }): Node {
      const node = super.parseTemplate(ref);
      if (ref?.isTagged || node.expressions.length) return node;
      this.nodes.length -= 2;
      return { type: 'Literal', start: node.start, end: node.end, parent: null, value: node.quasis[0].value.cooked, raw: this.input.slice(node.start, node.end) } as unknown as Node;
    }

    finishNode(node: Node, type: string): Node {
      return this.link(super.finishNode(node, type));
    }

    finishNodeAt(node: Node, type: string, pos: number, loc: acorn.Position): Node {
      return this.link(super.finishNodeAt(node, type, pos, loc));
    }

    link(node: Node): Node {
      // The commonest shapes are linked by name: plain property loads instead of the keyed loop over the child keys.
      switch (node.type) {
        case 'Identifier': case 'Literal': return node;
        case 'MemberExpression': node.object.parent = node; node.property.parent = node; break;
        case 'CallExpression': case 'NewExpression':
          node.callee.parent = node;
          linkAll(node.arguments = exact<Node>(node.arguments), node);
          if (node.type === 'CallExpression' && node.callee.type === 'Identifier') addTo(this.calls, node.callee.name, node);
          break;
        case 'AssignmentExpression':
          node.left.parent = node;
          node.right.parent = node;
          if (node.left.type === 'Identifier') addTo(this.assignments, node.left.name, node);
          break;
        case 'BinaryExpression': case 'LogicalExpression': node.left.parent = node; node.right.parent = node; break;
        case 'ExpressionStatement': node.expression.parent = node; break;
        case 'Property': node.key.parent = node; node.value.parent = node; break;
        case 'VariableDeclarator': node.id.parent = node; if (node.init) node.init.parent = node; break;
        case 'BlockStatement': linkAll(node.body = exact<Node>(node.body), node); break;
        case 'VariableDeclaration': linkAll(node.declarations = exact<Node>(node.declarations), node); break;
        case 'ObjectExpression': linkAll(node.properties = exact<Node>(node.properties), node); break;
        case 'ArrayExpression': linkAll(node.elements = exact<Node | null>(node.elements), node); break;
        case 'SequenceExpression': linkAll(node.expressions = exact<Node>(node.expressions), node); break;
        case 'ReturnStatement': case 'UnaryExpression': if (node.argument) node.argument.parent = node; break;
        case 'IfStatement': case 'ConditionalExpression':
          node.test.parent = node;
          node.consequent.parent = node;
          if (node.alternate) node.alternate.parent = node;
          break;
        case 'ArrowFunctionExpression': case 'FunctionExpression': case 'FunctionDeclaration':
          if (node.id) node.id.parent = node;
          linkAll(node.params = exact<Node>(node.params), node);
          node.body.parent = node;
          break;
        case 'ThisExpression': case 'TemplateElement': break;
        default: linkGeneric(node);
      }
      this.nodes.push(node);
      if (VISITED_TYPES.has(node.type)) this.visited.push(node);
      return node;
    }
  } as unknown as typeof acorn.Parser;
}


function linkAll(list: Array<Node | null>, parent: Node): void {
  for (let i = 0; i < list.length; i++) if (list[i] !== null) list[i]!.parent = parent;
}

function linkGeneric(node: Node): void {
  const keys = keysOf(node);
  for (let i = 0; i < keys.length; i++) {
    const v = node[keys[i]];
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) linkAll(node[keys[i]] = exact(v), node);
    else v.parent = node;
  }
}

/**
 * The array again at its exact length. acorn fills arrays by push, which gives
 * even a one-element array 17 slots in the young generation, copied twice by the
 * collector; a literal of the right length is pretenured like the nodes
 * (about 60 MB less to copy on a 13 MB bundle).
 */
function exact<T>(a: T[]): T[] {
  switch (a.length) {
    case 1: return [a[0]];
    case 2: return [a[0], a[1]];
    case 3: return [a[0], a[1], a[2]];
    case 4: return [a[0], a[1], a[2], a[3]];
    case 5: return [a[0], a[1], a[2], a[3], a[4]];
    case 6: return [a[0], a[1], a[2], a[3], a[4], a[5]];
    default: return a;
  }
}
