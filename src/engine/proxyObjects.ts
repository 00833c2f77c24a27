// Proxy objects of javascript-obfuscator's control-flow flattening and its kin: a
// program's operators, calls and strings moved into members of a local object
// (`const o = { qRzTa: function (a, b) { return a + b; }, XbKpL: function (f, x)
// { return f(x); }, mNc: "Asia/Shanghai" }`) and used through it (`o.qRzTa(s,
// mark)`, `o["XbKpL"](fetch, url)`). Nothing is run: each use is written back as
// what it does (`(s + mark)`, `fetch(url)`, the string), so the program can be
// analysed as it reads. Only objects that hold nothing else and are used in no
// other way are read; the columns move, the lines stay.
import { soleReturn, unwrap, type Node } from './ast';
import { applyEdits } from './lines';
import type { ParsedIndex } from './parse';
import { ScopeResolver, type Binding } from './scope';
import { forEachChild } from './walk';

/** What a member does when used: a constant, an operator on its two parameters, or a call of its first with the rest. */
type Member = { kind: 'constant'; text: string } | { kind: 'operator'; operator: string } | { kind: 'call'; count: number };

/** Most uses written back in one text (an obfuscated program has a few thousand). */
const MAX_USES = 200_000;
/** Most nodes walked to find the objects' names. */
const MAX_WALKED = 2_000_000;
/** Characters of the largest scope whose objects are read (a function of an obfuscated program, or a small one whole). */
const MAX_SCOPE = 256 * 1024;

/** The text with every use of a proxy object written as what it does; undefined when there is none. */
export function inlineProxyObjects(text: string, index: ParsedIndex | undefined): string | undefined {
  if (!index || !/\breturn\s*[\w$]+\s*\(|\breturn\s*[\w$]+\s*(?:[-+*/%&|^<>]|[=!]==?|&&|\|\|)/.test(text)) return undefined;
  const scopes = new ScopeResolver();
  const holders = new Map<Binding, Map<string, Member>>();
  const made = new Set<Node>();
  const literals = new Map<Binding, Node>();
  for (const n of index.nodes) {
    if (n.type !== 'VariableDeclarator' || n.id.type !== 'Identifier' || n.init?.type !== 'ObjectExpression') continue;
    const members = new Map<string, Member>();
    const all = (n.init.properties as Node[]).every((p) => {
      const key = p.type === 'Property' && p.kind === 'init' && !p.method ? keyOf(p.key, p.computed) : undefined;
      const m = key === undefined ? undefined : memberOf(text, p.value);
      if (m) members.set(key!, m);
      return !!m;
    });
    if (!all) continue;
    const b = scopes.resolve(n.id);
    // (An obfuscator makes such objects in each function: one kept for a scope larger than MAX_SCOPE is not followed,
    // as walking it for its uses costs more than anything it could hide.)
    if (b && b.scope.end - b.scope.start <= MAX_SCOPE) { holders.set(b, members); made.add(n.id); literals.set(b, n.init); }
  }
  if (!holders.size) return undefined;
  // `o["k"] = function (a, b) { return a + b; }` of an object made empty: members given one by one.
  /** Objects read by keys worked out at run time, and objects used in other ways: neither is written back as a proxy. */
  const lookedUp = new Set<Binding>();
  const others = new Set<Binding>();
  const given = new Set<Node>();
  const filled = new Set<Binding>();
  const declared = new Set([...holders.keys()].map((b) => b.name));
  for (const n of index.nodes) {
    if (n.type !== 'AssignmentExpression' || n.left.type !== 'MemberExpression' || unwrap(n.left.object).type !== 'Identifier' || !declared.has(unwrap(n.left.object).name)) continue;
    const b = scopes.resolve(unwrap(n.left.object));
    if (!b || !holders.has(b)) continue;
    const key = keyOf(n.left.property, n.left.computed);
    const m = n.operator === '=' && key !== undefined ? memberOf(text, n.right) : undefined;
    if (!m || holders.get(b)!.has(key!)) { others.add(b); continue; }
    holders.get(b)!.set(key!, m);
    given.add(unwrap(n.left.object));
    filled.add(b);
  }
  // Only an object that proxies an operator or a call is one, or one made empty and given constants one by one
  // (`const o = {}; o["ikLDU"] = "Asia/Shanghai", …`); an object literal of constants alone is ordinary data.
  for (const [b, members] of holders) if (![...members.values()].some((m) => m.kind !== 'constant') && !filled.has(b)) holders.delete(b);
  if (!holders.size) return undefined;
  // `const p = o`: another name for the object.
  const alias = new Map<Binding, Binding>();
  const names = new Set([...holders.keys()].map((b) => b.name));
  for (const n of index.nodes) {
    if (n.type !== 'VariableDeclarator' || n.id.type !== 'Identifier' || n.init?.type !== 'Identifier' || !names.has(n.init.name)) continue;
    const from = scopes.resolve(n.init);
    const to = scopes.resolve(n.id);
    if (from && to && holders.has(from)) { alias.set(to, from); made.add(n.init); made.add(n.id); }
  }
  for (const b of alias.keys()) names.add(b.name);
  const holderOf = (b: Binding | undefined) => (b ? holders.get(alias.get(b) ?? b) : undefined);
  // Any other use of the object (passed on, a member set later or read by a key not known) leaves it alone.
  const uses: Array<{ node: Node; member: Member; owner: Binding; call?: Node }> = [];
  // (Names are not indexed: each object's scope is walked for them, at most MAX_WALKED nodes in all.)
  const named: Node[] = [];
  let walked = 0;
  const walk = (node: Node) => {
    if (++walked > MAX_WALKED) return;
    if (node.type === 'Identifier') { if (names.has(node.name)) named.push(node); return; }
    forEachChild(node, walk);
  };
  for (const scope of new Set([...holders.keys(), ...alias.keys()].map((b) => b.scope))) walk(scope);
  if (walked > MAX_WALKED) return undefined;
  for (const n of named) {
    if (made.has(n) || given.has(n)) continue;
    const b = scopes.resolve(n);
    const members = holderOf(b);
    if (!members) continue;
    const owner = alias.get(b!) ?? b!;
    const p = n.parent;
    if (!p) continue;
    const key = p.type === 'MemberExpression' && p.object === n ? keyOf(p.property, p.computed) : undefined;
    const m = key === undefined ? undefined : members.get(key);
    const target = p.parent?.type === 'AssignmentExpression' && p.parent.left === p || p.parent?.type === 'UpdateExpression';
    // (Read by a key worked out at run time, `table[tz]`: a table, not a proxy; written as a literal below.)
    // (So is a test of its keys, `tz in table`.)
    const lookup = p.type === 'MemberExpression' && p.object === n && p.computed && key === undefined || p.type === 'BinaryExpression' && p.operator === 'in' && p.right === n;
    if (!m && !target && lookup) { lookedUp.add(owner); continue; }
    if (!m || target) { others.add(owner); continue; }
    if (m.kind === 'constant') { uses.push({ node: p, member: m, owner }); continue; }
    const call = p.parent?.type === 'CallExpression' && p.parent.callee === p ? p.parent : undefined;
    if (!call || call.arguments.length !== (m.kind === 'operator' ? 2 : m.count) || call.arguments.some((a: Node) => a.type === 'SpreadElement')) { others.add(owner); continue; }
    uses.push({ node: call, member: m, owner, call });
  }
  const kept = uses.filter((u) => !lookedUp.has(u.owner) && !others.has(u.owner)).sort((a, b) => a.node.start - b.node.start || b.node.end - a.node.end);
  // `const t = {}; t["Asia/Shanghai"] = !![], …; t[tz]`: a table of constants filled one by one and looked up,
  // written as the object literal it ends up (its members set again after: the same values).
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const b of lookedUp) {
    const at = literals.get(b);
    const members = holders.get(b)!;
    if (others.has(b) || !filled.has(b) || !at || at.properties.length || [...members.values()].some((m) => m.kind !== 'constant')) continue;
    edits.push({ start: at.start, end: at.end, text: `{ ${[...members].map(([k, m]) => `${JSON.stringify(k)}: ${(m as { text: string }).text}`).join(', ')} }` });
  }
  if (kept.length > MAX_USES || !kept.length && !edits.length) return undefined;
  /** The text of a span with the outermost uses inside it written back (theirs within, in turn). */
  const render = (start: number, end: number, from: number): string => {
    let out = '';
    let at = start;
    for (let i = from; i < kept.length && kept[i].node.start < end; i++) {
      const u = kept[i];
      if (u.node.start < at) continue;
      out += text.slice(at, u.node.start) + written(u, i);
      at = u.node.end;
    }
    return out + text.slice(at, end);
  };
  const written = (u: (typeof uses)[number], i: number): string => {
    if (u.member.kind === 'constant') return u.member.text;
    const args = (u.call!.arguments as Node[]).map((a) => render(a.start, a.end, i + 1));
    return u.member.kind === 'operator' ? `(${args[0]} ${u.member.operator} ${args[1]})` : `(${args[0]})(${args.slice(1).join(', ')})`;
  };
  let covered = -1;
  for (let i = 0; i < kept.length; i++) {
    const u = kept[i];
    if (u.node.start < covered) continue;
    edits.push({ start: u.node.start, end: u.node.end, text: written(u, i) });
    covered = u.node.end;
  }
  return edits.length ? applyEdits(text, edits) : undefined;
}

/** A member's key: a name, or a string written in brackets (`o["qRzTa"]`, as a resolved string array leaves it). */
function keyOf(key: Node, computed: boolean): string | undefined {
  const k = unwrap(key);
  if (!computed) return k.type === 'Identifier' ? k.name : k.type === 'Literal' ? String(k.value) : undefined;
  return k.type === 'Literal' && typeof k.value === 'string' ? k.value : undefined;
}

/** What a member's value does, when it is a constant or a function that only applies an operator or makes a call. */
function memberOf(text: string, value: Node): Member | undefined {
  const v = unwrap(value);
  if (v.type === 'Literal' && (typeof v.value === 'string' || typeof v.value === 'number')) return { kind: 'constant', text: text.slice(v.start, v.end) };
  // (`!![]`, `![]`, `-0x1 * 0x3 + 0x4`: true, false and numbers as obfuscators write them.)
  if (isConstantCode(v)) return { kind: 'constant', text: `(${text.slice(v.start, v.end)})` };
  if (v.type !== 'FunctionExpression' && v.type !== 'ArrowFunctionExpression') return undefined;
  const params = v.params as Node[];
  if (!params.every((p) => p.type === 'Identifier')) return undefined;
  const body = soleReturn(v);
  const r = body && unwrap(body);
  const isParam = (n: Node, i: number) => unwrap(n).type === 'Identifier' && unwrap(n).name === params[i]?.name;
  if (r && (r.type === 'BinaryExpression' || r.type === 'LogicalExpression') && params.length === 2 && isParam(r.left, 0) && isParam(r.right, 1)) return { kind: 'operator', operator: r.operator };
  if (r?.type === 'CallExpression' && params.length >= 1 && isParam(r.callee, 0) && r.arguments.length === params.length - 1 && (r.arguments as Node[]).every((a, i) => isParam(a, i + 1))) return { kind: 'call', count: params.length };
  return undefined;
}

/** `!![]`, `![]`, and arithmetic of number literals: a constant with no name in it. */
function isConstantCode(node: Node, depth = 0): boolean {
  const n = unwrap(node);
  if (depth > 8) return false;
  if (n.type === 'Literal') return typeof n.value === 'number' || depth > 0 && typeof n.value === 'string';
  if (n.type === 'ArrayExpression') return depth > 0 && n.elements.length === 0;
  if (n.type === 'UnaryExpression') return (n.operator === '!' || n.operator === '-' || n.operator === '+') && isConstantCode(n.argument, depth + 1);
  return n.type === 'BinaryExpression' && /^(?:[-+*/%]|<<|>>>?|[&|^])$/.test(n.operator) && isConstantCode(n.left, depth + 1) && isConstantCode(n.right, depth + 1);
}
