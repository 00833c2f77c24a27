// Binding resolution: which declaration an identifier refers to, computed lazily per scope.
import { FUNCTION_TYPES, isFunction, type Node } from './ast';

export type BindingKind = 'var' | 'let' | 'const' | 'param' | 'function' | 'class' | 'catch' | 'import';

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The scope node: a function, Program, or a block for let/const/class. */
  scope: Node;
  /** The declaring node: VariableDeclarator, function, class, CatchClause, import specifier. */
  decl: Node;
  /** The identifier inside the declaration's pattern. */
  id: Node;
}

const BLOCK_SCOPES = new Set(['BlockStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'SwitchStatement', 'CatchClause', 'StaticBlock']);
/** Nodes that can declare names: functions, Program, block scopes, class expressions (their own name). */
const SCOPES = new Set([...BLOCK_SCOPES, ...FUNCTION_TYPES, 'Program', 'ClassExpression']);
/** The declarations of most blocks: none (one shared map instead of one each). */
const NO_NAMES: ReadonlyMap<string, Binding> = new Map();

/** Identifiers bound by a pattern (`a`, `{a, b: [c]}`, `...d`, `e = 1`). */
export function patternIds(pattern: Node | null | undefined, out: Node[] = []): Node[] {
  if (!pattern) return out;
  switch (pattern.type) {
    case 'Identifier': out.push(pattern); break;
    case 'ObjectPattern': for (const p of pattern.properties) patternIds(p.type === 'RestElement' ? p.argument : p.value, out); break;
    case 'ArrayPattern': for (const e of pattern.elements) patternIds(e, out); break;
    case 'RestElement': patternIds(pattern.argument, out); break;
    case 'AssignmentPattern': patternIds(pattern.left, out); break;
  }
  return out;
}

/** Resolves identifiers to bindings; declarations of each scope are collected on first use. */
export class ScopeResolver {
  private readonly declared = new Map<Node, ReadonlyMap<string, Binding>>();
  private readonly resolved = new Map<Node, Binding | null>();

  /** The binding an identifier refers to, or undefined for globals. Cached per identifier. */
  resolve(id: Node): Binding | undefined {
    let b = this.resolved.get(id);
    if (b === undefined) {
      b = this.lookup(id) ?? null;
      this.resolved.set(id, b);
    }
    return b ?? undefined;
  }

  private lookup(id: Node): Binding | undefined {
    const name = id.name as string;
    let start = id.parent;
    // A function's own name is not in its parameters' scope (`function s(s) {…}`): a declaration's is
    // the scope around it, an expression's the one it is alone in unless a parameter shadows it.
    if (start && isFunction(start) && start.id === id) {
      if (start.type !== 'FunctionDeclaration') {
        const own = this.declarations(start).get(name);
        return own?.kind === 'function' ? own : undefined;
      }
      start = start.parent;
    }
    for (let n = start; n; n = n.parent) {
      if (!SCOPES.has(n.type)) continue;
      const b = this.declarations(n).get(name);
      if (b) return b;
    }
    return undefined;
  }

  /** Every name declared directly in a scope node. */
  declarations(scope: Node): ReadonlyMap<string, Binding> {
    let map = this.declared.get(scope);
    if (!map) {
      const names = new Map<string, Binding>();
      collect(scope, names);
      map = names.size ? names : NO_NAMES;
      this.declared.set(scope, map);
    }
    return map;
  }
}

function add(map: Map<string, Binding>, scope: Node, kind: BindingKind, decl: Node, pattern: Node | null | undefined): void {
  if (pattern?.type === 'Identifier') {
    if (!map.has(pattern.name)) map.set(pattern.name, { name: pattern.name, kind, scope, decl, id: pattern });
    return;
  }
  for (const id of patternIds(pattern)) if (!map.has(id.name)) map.set(id.name, { name: id.name, kind, scope, decl, id });
}

function collect(scope: Node, map: Map<string, Binding>): void {
  if (isFunction(scope)) {
    // (Parameters shadow a function expression's own name: `(function s(s) { return s.tz; })`.)
    for (const p of scope.params) add(map, scope, 'param', scope, p);
    if (scope.type === 'FunctionExpression' && scope.id) add(map, scope, 'function', scope, scope.id);
    if (scope.body.type === 'BlockStatement') collectBody(scope.body.body, scope, map, true);
  } else if (scope.type === 'Program') {
    collectBody(scope.body, scope, map, true);
  } else if (scope.type === 'ClassExpression') {
    if (scope.id) add(map, scope, 'class', scope, scope.id);
  } else if (scope.type === 'CatchClause') {
    add(map, scope, 'catch', scope, scope.param);
  } else if (scope.type === 'SwitchStatement') {
    for (const c of scope.cases) collectBody(c.consequent, scope, map, false);
  } else if (scope.type === 'BlockStatement' || scope.type === 'StaticBlock') {
    if (!isFunction(scope.parent)) collectBody(scope.body, scope, map, false);
  } else {
    const init = scope.type === 'ForStatement' ? scope.init : scope.left;
    if (init?.type === 'VariableDeclaration' && init.kind !== 'var') for (const d of init.declarations) add(map, scope, init.kind, d, d.id);
  }
}

/** Lexical declarations of a statement list, and with `hoist` the vars of nested blocks too. */
function collectBody(statements: Node[], scope: Node, map: Map<string, Binding>, hoist: boolean): void {
  for (const s of statements) {
    switch (s.type) {
      case 'VariableDeclaration':
        if (s.kind !== 'var' || hoist) for (const d of s.declarations) add(map, scope, s.kind, d, d.id);
        break;
      case 'FunctionDeclaration': add(map, scope, 'function', s, s.id); break;
      case 'ClassDeclaration': add(map, scope, 'class', s, s.id); break;
      case 'ImportDeclaration': for (const sp of s.specifiers) add(map, scope, 'import', sp, sp.local); break;
      case 'ExportNamedDeclaration': case 'ExportDefaultDeclaration':
        if (s.declaration) collectBody([s.declaration], scope, map, hoist);
        break;
      default:
        if (hoist) collectVars(s, scope, map);
    }
  }
}

/** `var` declarations anywhere below a statement, not entering nested functions. */
function collectVars(node: Node, scope: Node, map: Map<string, Binding>): void {
  if (node.type === 'VariableDeclaration') {
    if (node.kind === 'var') for (const d of node.declarations) add(map, scope, 'var', d, d.id);
    return;
  }
  const keys = STATEMENT_CHILDREN.get(node.type);
  if (!keys) return;
  for (const key of keys) {
    const child = node[key];
    if (Array.isArray(child)) for (const c of child) { if (c) collectVars(c, scope, map); }
    else if (child) collectVars(child, scope, map);
  }
}

/** Where a `var` can hide inside statements (expressions cannot declare vars). */
const STATEMENT_CHILDREN = new Map<string, string[]>(Object.entries({
  BlockStatement: ['body'], IfStatement: ['consequent', 'alternate'], ForStatement: ['init', 'body'],
  ForInStatement: ['left', 'body'], ForOfStatement: ['left', 'body'], WhileStatement: ['body'],
  DoWhileStatement: ['body'], TryStatement: ['block', 'handler', 'finalizer'], CatchClause: ['body'],
  SwitchStatement: ['cases'], SwitchCase: ['consequent'], LabeledStatement: ['body'],
  ExportNamedDeclaration: ['declaration'], WithStatement: ['body'],
}));
