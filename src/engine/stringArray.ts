// String arrays of javascript-obfuscator and its kin: every string of a program
// moved into one array, rotated at start-up until a checksum matches, and read
// back through an accessor (`_0x4ec88a(0xcd)`), optionally base64- or
// RC4-encoded. Nothing is run: the array, its rotation and its encodings are
// worked out from the code's constants, and each accessor call is written back
// as the string it returns, so the program can be analysed as it reads.
import { addTo, unwrap, type Node } from './ast';
import { applyEdits } from './lines';
import type { ParsedIndex } from './parse';
import { ScopeResolver, type Binding } from './scope';

/** The obfuscator's base64 alphabet: lower case first. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=';
/** `function F() { const a = ["…", …]; F = function () { return a; }; return F(); }`: the array's holder. */
const HOLDER = /function\s+([\w$]+)\s*\(\s*\)\s*\{\s*(?:const|var|let)\s+([\w$]+)\s*=\s*\[/g;
/** Arrays longer than this are not read. */
const MAX_ARRAY = 1_000_000;

type Encoding = 'none' | 'base64' | 'rc4';

interface Accessor { node: Node; offset: number; encoding: Encoding }

type Constant = number | string | undefined;

/** The strings of an array by index, as the accessor reads them. */
type StringsAt = (i: number) => string | undefined;

/** Decoded strings kept at most while one file is read. */
const MAX_DECODED = 200_000;

/**
 * How a call by one name reads the array: the accessor it ends in, and how its arguments become
 * the accessor's (the identity for the accessor and its aliases; for a wrapper function,
 * `function W(a, b, c, d) { return G(d - 0x39f, a); }`, that function's arithmetic).
 */
interface Reader { accessor: Accessor; map(values: Constant[]): Constant[] }

/** The text with every accessor call of a string array written as its string; undefined when there is none. */
export function resolveStringArrays(text: string, index: ParsedIndex | undefined): string | undefined {
  if (!index || !text.includes('shift')) return undefined;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let members: Map<string, Constant> | undefined;
  let renamed: Map<string, Array<[Node, Node]>> | undefined;
  const scopes = new ScopeResolver();
  for (const m of text.matchAll(HOLDER)) {
    const holder = m[1];
    const strings = holderStrings(index, holder, m.index!);
    if (!strings) continue;
    const accessors = (index.calls.get(holder) ?? []).map((c) => accessorOf(replacingAccessor(enclosingFunction(c)))).filter((a): a is Accessor => !!a);
    if (!accessors.length) continue;
    renamed ??= renames(index);
    // (`G(o._0x47f9f9)` of `const o = { _0x47f9f9: 0x1a4 }`: indexes and keys kept in objects of constants.)
    members ??= constantMembers(index);
    const found = readers(index, scopes, renamed, members, accessors);
    const readerOf = new Map<Node, Reader>();
    const calls: Node[] = [];
    for (const [b, r] of found) {
      for (const c of index.calls.get(b.name) ?? []) if (scopes.resolve(unwrap(c.callee)) === b) { readerOf.set(c, r); calls.push(c); }
    }
    // (Each string decoded once, by its text, encoding and key: a program reads hundreds of thousands, many again and again.)
    const decoded = new Map<string, string | undefined>();
    const decodeOnce = (raw: string, encoding: Encoding, key: string | undefined): string | undefined => {
      if (encoding === 'none') return raw;
      const at = `${encoding}\u0000${key ?? ''}\u0000${raw}`;
      if (decoded.has(at)) return decoded.get(at);
      const out = decode(raw, encoding, key);
      if (decoded.size >= MAX_DECODED) decoded.clear();
      decoded.set(at, out);
      return out;
    };
    const read = (array: StringsAt, call: Node, args: Node[] = call.arguments): string | undefined => {
      const r = readerOf.get(call);
      if (!r) return undefined;
      const [i, key] = r.map(args.map((a) => constantOf(a, new Map(), members!)));
      if (typeof i !== 'number') return undefined;
      const raw = array(i - r.accessor.offset);
      return typeof raw === 'string' ? decodeOnce(raw, r.accessor.encoding, key === undefined ? undefined : String(key)) : undefined;
    };
    const order = rotated(strings, calls, index, read);
    if (!order) continue;
    const array: StringsAt = (i) => order[i];
    // (Pieces joined by `+`, as the obfuscator splits strings, `_0x1(0xcd) + "des"`, are written as one;
    // each sum worked out once, as the walk up a long chain asks for each of its parts again.)
    const sums = new Map<Node, string | undefined>();
    const joined = (n: Node): string | undefined => {
      const u = unwrap(n);
      if (u.type === 'Literal') return typeof u.value === 'string' ? u.value : undefined;
      if (u.type === 'CallExpression') return read(array, u);
      if (u.type !== 'BinaryExpression' || u.operator !== '+') return undefined;
      if (sums.has(u)) return sums.get(u);
      const a = joined(u.left);
      const b = a === undefined ? undefined : joined(u.right);
      const out = b === undefined ? undefined : a! + b;
      sums.set(u, out);
      return out;
    };
    let covered = -1;
    for (const call of [...calls].sort((a, b) => a.start - b.start)) {
      if (call.start < covered) continue;
      let top: Node = call;
      for (let p = call.parent; p?.type === 'BinaryExpression' && p.operator === '+' && joined(p) !== undefined; p = p.parent) top = p;
      const s = joined(top);
      // (`G(hit ? 0x114 : 0x118)`: a minifier moves a choice between two strings into the index.)
      const choice = s === undefined && call.arguments.length >= 1 ? unwrap(call.arguments[0]) : undefined;
      if (choice?.type === 'ConditionalExpression') {
        const rest = (call.arguments as Node[]).slice(1);
        const [a, b] = [choice.consequent, choice.alternate].map((branch: Node) => read(array, call, [branch, ...rest]));
        if (a !== undefined && b !== undefined) {
          edits.push({ start: call.start, end: call.end, text: `(${text.slice(choice.test.start, choice.test.end)} ? ${JSON.stringify(a)} : ${JSON.stringify(b)})` });
          covered = call.end;
        }
        continue;
      }
      if (s === undefined) continue;
      edits.push({ start: top.start, end: top.end, text: JSON.stringify(s) });
      covered = top.end;
    }
  }
  return edits.length ? applyEdits(text, edits) : undefined;
}

/** The strings of the holder function declared at `at`, found through its own `return F()`. */
function holderStrings(index: ParsedIndex, holder: string, at: number): string[] | undefined {
  for (const call of index.calls.get(holder) ?? []) {
    const fn = enclosingFunction(call);
    if (fn?.type !== 'FunctionDeclaration' || fn.start !== at) continue;
    const decl = fn.body.body[0]?.declarations?.[0];
    const list = decl?.init?.type === 'ArrayExpression' ? decl.init.elements as Array<Node | null> : undefined;
    if (!list || !list.length || list.length > MAX_ARRAY || !list.every((e) => e?.type === 'Literal' && typeof e.value === 'string')) return undefined;
    return list.map((e) => e!.value as string);
  }
  return undefined;
}

function enclosingFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression') return p;
  return undefined;
}

/**
 * The function an accessor replaces itself with on its first call, as newer versions write it: `function G(i, k)
 * { const a = F(); return G = function (j, l) { j = j - 0xff; … }, G(i, k); }`.
 */
function replacementOf(fn: Node): Node | undefined {
  const last = fn.body.body[fn.body.body.length - 1];
  const set = last?.type === 'ReturnStatement' && last.argument?.type === 'SequenceExpression' ? last.argument.expressions[0] : undefined;
  return set?.type === 'AssignmentExpression' && set.left.type === 'Identifier' && set.left.name === fn.id?.name && set.right.type === 'FunctionExpression' ? set.right : undefined;
}

/** The accessor a function is the replacement of (see replacementOf), or the function itself. */
function replacingAccessor(fn: Node | undefined): Node | undefined {
  const outer = fn?.type === 'FunctionExpression' ? enclosingFunction(fn) : undefined;
  return outer?.type === 'FunctionDeclaration' && replacementOf(outer) === fn ? outer : fn;
}

/** `function G(i, k) { i = i - 0xff; const a = F(); … }`: the offset, and how the strings are encoded. */
function accessorOf(fn: Node | undefined): Accessor | undefined {
  if (fn?.type !== 'FunctionDeclaration' || !fn.params.length || fn.params[0].type !== 'Identifier') return undefined;
  // (An accessor that replaces itself: the function it becomes reads the array.)
  const inner = replacementOf(fn);
  if (inner?.params[0]?.type === 'Identifier') {
    const a = accessorOf({ ...inner, type: 'FunctionDeclaration' });
    return a && { ...a, node: fn, encoding: encodingOf(fn) };
  }
  const first = fn.body.body[0];
  // (A minifier joins the body into one sequence: `return t = t - 254, F()[t]`.)
  const e = first?.type === 'ExpressionStatement' ? first.expression : first?.type === 'ReturnStatement' && first.argument?.type === 'SequenceExpression' ? first.argument.expressions[0] : undefined;
  const p = fn.params[0].name;
  if (e?.type !== 'AssignmentExpression' || e.left.type !== 'Identifier' || e.left.name !== p) return undefined;
  let offset: number | undefined;
  if (e.operator === '-=') offset = numberOf(e.right);
  else if (e.operator === '=' && e.right.type === 'BinaryExpression' && e.right.operator === '-' && e.right.left.type === 'Identifier' && e.right.left.name === p) offset = numberOf(e.right.right);
  if (offset === undefined) return undefined;
  return { node: fn, offset, encoding: encodingOf(fn) };
}

/** How an accessor's strings are encoded: RC4 XORs each character with its key stream; the base64 decoder has no `^`. */
function encodingOf(fn: Node): Encoding {
  const body = JSON.stringify(fn.body, (k, v) => (k === 'parent' ? undefined : v));
  return !body.includes(ALPHABET) ? 'none' : body.includes('"operator":"^"') ? 'rc4' : 'base64';
}

/**
 * The accessors under every name they go by, as bindings (a minifier reuses short names across
 * functions): aliases (`const _0x4ec88a = _0x56ff`, also of an alias) and wrapper functions that
 * return a call of one with arithmetic on their parameters, also chained (a wrapper of a wrapper).
 */
function readers(index: ParsedIndex, scopes: ScopeResolver, renamed: Map<string, Array<[Node, Node]>>, members: Map<string, Constant>, accessors: Accessor[]): Map<Binding, Reader> {
  const found = new Map<Binding, Reader>();
  const queue: Binding[] = [];
  const add = (id: Node, r: Reader) => {
    const b = scopes.resolve(id);
    if (b && !found.has(b)) { found.set(b, r); queue.push(b); }
  };
  for (const a of accessors) add(a.node.id, { accessor: a, map: (v) => v });
  while (queue.length) {
    const b = queue.shift()!;
    const r = found.get(b)!;
    for (const [from, to] of renamed.get(b.name) ?? []) if (scopes.resolve(from) === b) add(to, r);
    for (const call of index.calls.get(b.name) ?? []) {
      const fn = enclosingFunction(call);
      const body = fn?.type === 'FunctionDeclaration' ? fn.body.body : undefined;
      if (!fn || body?.length !== 1 || body[0].type !== 'ReturnStatement' || body[0].argument !== call || scopes.resolve(unwrap(call.callee)) !== b) continue;
      const params = (fn.params as Node[]).map((p) => (p.type === 'Identifier' ? p.name : ''));
      const inner = call.arguments as Node[];
      add(fn.id, { accessor: r.accessor, map: (values) => r.map(inner.map((e) => constantOf(e, new Map(params.map((p, i) => [p, values[i]])), members))) });
    }
  }
  return found;
}

/** Names given the value of another name (`const _0x4ec88a = _0x56ff`), by that name, as [that name, the new one]: one pass over the tree. */
function renames(index: ParsedIndex): Map<string, Array<[Node, Node]>> {
  const out = new Map<string, Array<[Node, Node]>>();
  for (const n of index.nodes) {
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init?.type === 'Identifier') addTo(out, n.init.name, [n.init, n.id]);
    else if (n.type === 'AssignmentExpression' && n.operator === '=' && n.left.type === 'Identifier' && n.right.type === 'Identifier') addTo(out, n.right.name, [n.right, n.left]);
  }
  return out;
}

/**
 * `const o = { _0x47f9f9: 0x1a4, … }`: members of objects of constants only, by member name. The
 * obfuscator's member names are unique even where a minifier has reused the objects' names; a
 * name given two different values is left out.
 */
function constantMembers(index: ParsedIndex): Map<string, Constant> {
  const out = new Map<string, Constant>();
  const clash = new Set<string>();
  for (const n of index.nodes) {
    if (n.type !== 'ObjectExpression' || !n.properties.length || n.parent?.type !== 'VariableDeclarator') continue;
    const members: Array<[string, Constant]> = [];
    for (const p of n.properties as Node[]) {
      const key = p.type === 'Property' && !p.computed ? (p.key.type === 'Identifier' ? p.key.name : String(p.key.value)) : undefined;
      const v = key !== undefined ? constantOf(p.value, new Map(), new Map()) : undefined;
      if (v === undefined) { members.length = 0; break; }
      members.push([key!, v]);
    }
    for (const [k, v] of members) {
      if (out.has(k) && out.get(k) !== v) clash.add(k);
      out.set(k, v);
    }
  }
  for (const k of clash) out.delete(k);
  return out;
}


/** A number written with literals only (`0xcd`, `-0x1b1 * 0x1 + 0x2e3`). */
function numberOf(node: Node): number | undefined {
  const v = constantOf(node, new Map(), new Map());
  return typeof v === 'number' ? v : undefined;
}

/**
 * A constant: literals (an index may be written as text, `'0x1a4'`), a wrapper's parameters in
 * `env`, members of objects of constants, `+ - * /` on numbers, and calls as `call` gives them.
 */
function constantOf(node: Node, env: Map<string, Constant>, members: Map<string, Constant>, call?: (n: Node) => Constant): Constant {
  const n = unwrap(node);
  switch (n.type) {
    case 'Literal':
      if (typeof n.value === 'number') return n.value;
      if (typeof n.value === 'string') return /^-?(?:0x[\da-f]+|\d+)$/i.test(n.value) ? (n.value.startsWith('-') ? -Number(n.value.slice(1)) : Number(n.value)) : n.value;
      return undefined;
    case 'Identifier': return env.get(n.name);
    case 'MemberExpression': {
      const key = n.computed ? constantOf(n.property, env, members, call) : n.property.name;
      return unwrap(n.object).type === 'Identifier' && key !== undefined ? members.get(String(key)) : undefined;
    }
    case 'UnaryExpression': {
      const v = constantOf(n.argument, env, members, call);
      if (typeof v !== 'number') return undefined;
      return n.operator === '-' ? -v : n.operator === '+' ? v : undefined;
    }
    case 'CallExpression': return call?.(n);
    case 'BinaryExpression': {
      const a = constantOf(n.left, env, members, call);
      const b = constantOf(n.right, env, members, call);
      if (typeof a !== 'number' || typeof b !== 'number') return undefined;
      switch (n.operator) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
      }
    }
  }
  return undefined;
}

/**
 * The array as the program reads it: rotated (`arr.push(arr.shift())`) until the checksum in the
 * start-up loop, `parseInt(G(0x102)) / 0x1 * … + …`, equals the number passed with the holder.
 * Without such a loop the array is read as written; with one that no rotation satisfies, not at all.
 */
function rotated(strings: string[], calls: Node[], index: ParsedIndex, read: (array: StringsAt, call: Node) => string | undefined): string[] | undefined {
  // The checksum: the sum around the parseInt calls of accessor results, in a function run at once with the holder and the number.
  const reads = new Set(calls);
  const parsed = (index.calls.get('parseInt') ?? []).find((p) => p.arguments[0] && reads.has(unwrap(p.arguments[0])));
  if (!parsed) return strings;
  // (The whole sum around it: kept in a variable, or compared at once, `if (-parseInt(…) / 1 + … === e) break`, as minifiers write it.)
  let sum: Node = parsed;
  while (sum.parent && (sum.parent.type === 'BinaryExpression' && /^[-+*/]$/.test(sum.parent.operator) || sum.parent.type === 'UnaryExpression')) sum = sum.parent;
  const run = enclosingFunction(parsed)?.parent;
  const want = run?.type === 'CallExpression' && run.arguments.length === 2 ? numberOf(run.arguments[1]) : undefined;
  if (want === undefined) return undefined;
  // (Each turn moves the first string to the end, `a.push(a.shift())`: after `r` turns, item `i` is the string at `i + r`.)
  const n = strings.length;
  let turns = 0;
  const array: StringsAt = (i) => (i >= 0 && i < n ? strings[(i + turns) % n] : undefined);
  // (A string that is no number gives NaN, as parseInt does, and the sum is no match.)
  const parseIntOf = (call: Node) => {
    const callee = unwrap(call.callee);
    const s = callee.type === 'Identifier' && callee.name === 'parseInt' && call.arguments[0] ? read(array, unwrap(call.arguments[0])) : undefined;
    return s === undefined ? undefined : parseInt(s);
  };
  for (; turns < n; turns++) {
    if (constantOf(sum, new Map(), new Map(), parseIntOf) === want) return [...strings.slice(turns), ...strings.slice(0, turns)];
  }
  return undefined;
}


/** One string as the accessor returns it. */
function decode(raw: string, encoding: Encoding, key: string | undefined): string | undefined {
  if (encoding === 'none') return raw;
  const text = base64(raw);
  if (text === undefined || encoding === 'base64') return text;
  return key === undefined ? undefined : rc4(text, key);
}

/** The obfuscator's base64 (its own alphabet), read as UTF-8 as its `decodeURIComponent` does. */
function base64(s: string): string | undefined {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of s) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0 || v === 64) continue;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  try {
    return decodeURIComponent(bytes.map((b) => '%' + b.toString(16).padStart(2, '0')).join(''));
  } catch {
    return undefined;
  }
}

function rc4(s: string, key: string): string {
  const box = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + box[i] + key.charCodeAt(i % key.length)) % 256;
    [box[i], box[j]] = [box[j], box[i]];
  }
  let out = '';
  for (let k = 0, i = 0, j = 0; k < s.length; k++) {
    i = (i + 1) % 256;
    j = (j + box[i]) % 256;
    [box[i], box[j]] = [box[j], box[i]];
    out += String.fromCharCode(s.charCodeAt(k) ^ box[(box[i] + box[j]) % 256]);
  }
  return out;
}
