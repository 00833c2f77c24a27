// covert-channel: text chosen under a fingerprint-derived condition among look-alike or reformatted variants.
import { addTo, calleeName, COMPARE_OPS, fallbackAround, isChosenFunction, optionalMemberAround, isFunction, isNullish, isLiteral, isStringLiteral, keyName, literalValue, methodName, nullishParts, parenthesised, propertyName, regexOf, unwrap, type Node } from '../ast';
import type { Comparison, Flow } from '../analysis';
import { union } from '../flow';
import { areLookAlikes, charName, describeChar, distinguishingChars, hasHiddenCharacter, isFormatFlip, separatorSwap } from '../characters';
import { Many, UNKNOWN } from '../evaluate';
import { shortList, showString, yourSources } from '../evidence';
import { orgOf } from '../constants';
import { calleeOf } from '../modules';
import { createRule, type RuleContext } from '../rule';
import { sinksOf } from '../sinks';
import { Kind, kindNames, SETTING_KINDS } from '../sources';
import { forEachChild } from '../walk';

const FLIP_METHODS = new Set(['replace', 'replaceAll']);
/** Calls whose output format follows a locale and options argument. */
const FORMAT_METHODS = new Set(['toLocaleDateString', 'toLocaleString', 'toLocaleTimeString', 'DateTimeFormat', 'NumberFormat', 'RelativeTimeFormat', 'ListFormat']);
const CHAR_CALLS = new Set(['fromCodePoint', 'fromCharCode']);
/** Escapes of one text that differ only in which characters they keep (`/`, `?`, `&`, `@`). */
const ESCAPES = new Set(['encodeURI', 'encodeURIComponent', 'escape']);
/** The Unicode normalisation forms `normalize` takes. */
const NORMAL_FORMS = /^NFK?[CD]$/;
/** Methods that give the item of a list a check picks (`RULES.find((r) => r.zone === tz)`). */
const FIND_METHODS = /^find(?:Last)?$/;
/** Methods that write a date as text, each in its own format. */
const DATE_FORMATS = new Set(['toISOString', 'toUTCString', 'toGMTString', 'toString', 'toDateString', 'toTimeString', 'toJSON', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']);
/** Node's resolver: `dns.lookup`, `dns.promises.resolve4`, `resolveTxt`, … */
/** Functions of `dns` that look a name up: `lookup` and `resolve` only as `dns`'s own (`Promise.resolve`, a promise's `resolve` and `path.resolve` are not); the others by name. */
const DNS_CALLS = new Set(['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveTxt', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv']);
const DNS_ONLY_BY_MODULE = new Set(['lookup', 'resolve']);
/** Compilers' helpers that copy a list for `[...list]` in older targets. */
const COPY_HELPERS = /^(?:_toConsumableArray|_to_consumable_array|__spreadArrays)$/;
const TESTED_BY = new Set(['IfStatement', 'ConditionalExpression', 'WhileStatement', 'DoWhileStatement', 'ForStatement']);

interface Channel { node: Node; selector: Flow; alternatives?: string[]; flip?: { from: string; to: string }; versions?: Versions; dns?: string; test?: Node }

/**
 * Whether a test only asks that a value be there (`if (part)`, `!token`): a name given no test of its own
 * (`const part = token.split(".")[1]`). Such a test compares the value with nothing. (A parameter may hold
 * the outcome of a check its callers made, here or in another module.)
 */
function isPresenceTest(context: RuleContext, test: Node): boolean {
  let t = unwrap(test);
  while (t.type === 'UnaryExpression' && t.operator === '!') t = unwrap(t.argument);
  const b = t.type === 'Identifier' ? context.analysis.binding(t) : undefined;
  if (!b || b.kind === 'param') return false;
  const defs = context.analysis.definitions(t);
  return defs.length > 0 && defs.every((d) => { const u = unwrap(d); return !isTest(u) && u.type !== 'ConditionalExpression' && !isLiteral(u); });
}

function stringValue(context: RuleContext, node: Node): string | undefined {
  if (isStringLiteral(node)) return node.value;
  if (node.type !== 'TemplateLiteral' && node.type !== 'Identifier') return undefined;
  const v = context.analysis.value(node);
  return typeof v === 'string' && v !== (UNKNOWN as unknown) ? v : undefined;
}

/** `s.replace(/-/g, "/")`: the characters swapped, when the swap changes format or look only. */
function flipOf(context: RuleContext, node: Node): { from: string; to: string; subject: Node } | undefined {
  const swap = swapOf(context, node);
  // A deleted separator counts (isFormatFlip); deleting any other character (`\uFFFD`) is cleaning text.
  return swap && (isFormatFlip(swap.from, swap.to) || areLookAlikes([swap.from, swap.to])) ? swap : undefined;
}

/** `s.replace("AI", "Ai")`: text swapped for a second version of itself nobody would notice (letter case, whitespace, a marker). */
function editOf(context: RuleContext, node: Node): { versions: Versions; subject: Node } | undefined {
  const swap = swapOf(context, node);
  const versions = swap && !flipOf(context, node) ? textDifference(swap.from, swap.to) : undefined;
  return versions && { versions: { ...versions, what: `${versions.what} (a replace)` }, subject: swap!.subject };
}

/** `s.replace(a, b)`, `s.replaceAll(a, b)` and `s.split(a).join(b)` with constant text: what is swapped for what. */
function swapOf(context: RuleContext, node: Node): { from: string; to: string; subject: Node } | undefined {
  node = unwrap(node);
  if (node.type !== 'CallExpression') return undefined;
  // `s.split("-").join(".")` is `s.replaceAll("-", ".")`.
  const split = methodName(node) === 'join' && node.arguments.length === 1 ? unwrap(unwrap(node.callee).object) : undefined;
  const pair = split?.type === 'CallExpression' && methodName(split) === 'split' && split.arguments.length === 1 ? [split.arguments[0], node.arguments[0]] as Node[]
    : FLIP_METHODS.has(methodName(node) ?? '') && node.arguments.length === 2 ? node.arguments as Node[] : undefined;
  if (!pair) return undefined;
  const subject = unwrap(unwrap((split ?? node).callee).object);
  const [a, b] = pair;
  const from = replacedText(context, a);
  const to = stringValue(context, b);
  return from === undefined || to === undefined ? undefined : { from, to, subject };
}

/** What a replace's first argument matches: a string, or the text a pattern of literal characters matches (see regexText). */
function replacedText(context: RuleContext, pattern: Node): string | undefined {
  const re = regexOf(pattern);
  return re ? regexText(re.pattern) : pattern.regex ? undefined : stringValue(context, pattern);
}

/** The text a pattern of literal characters matches (`\\.\\.\\.` gives `...`); other patterns as written, a leading escape dropped. */
function regexText(pattern: string): string {
  return /^(?:\\[^\w]|[^\\^$.*+?()[\]{}|])+$/.test(pattern) ? pattern.replace(/\\(.)/g, '$1') : pattern.replace(/^\\/, '');
}

function sameText(context: RuleContext, a: Node, b: Node): boolean {
  return context.analysis.textOf(a) === context.analysis.textOf(b);
}

/** The call a conditional sits in through arithmetic only (`String.fromCodePoint(a + (c ? x : y))`). */
function charCallAround(node: Node): Node | undefined {
  let n = node;
  let p = node.parent;
  while (p && (p.type === 'BinaryExpression' || p.type === 'ParenthesizedExpression' || p.type === 'UnaryExpression')) { n = p; p = p.parent; }
  if (p?.type !== 'CallExpression' || !(p.arguments as Node[]).includes(n)) return undefined;
  const callee = unwrap(p.callee);
  return callee.type === 'MemberExpression' && CHAR_CALLS.has(methodName(p) ?? '') && unwrap(callee.object).type === 'Identifier' && unwrap(callee.object).name === 'String' ? p : undefined;
}

/**
 * Whitespace and invisible characters: a marker made of them is not seen in the text. (Also the other
 * characters without a glyph: soft hyphen, grapheme joiner, variation selectors, tags; see isInvisible.)
 */
const QUIET_CHARS = '\\s\\u00A0\\u00AD\\u034F\\u200B-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u3000\\uFEFF\\u180E\\uFE00-\\uFE0F\\u{E0000}-\\u{E007F}\\u{E0100}-\\u{E01EF}';
const QUIET = new RegExp(`^[${QUIET_CHARS}]+$`, 'u');
const QUIET_ALL = new RegExp(`[${QUIET_CHARS}]+`, 'gu');
const QUERY_PARAM = /^[?&][\w.-]+=[\w.%-]*$/;
/** Languages not written in Latin letters: a marker in Latin text chosen by them is no typography of theirs. */
const NON_LATIN = /^(?:zh|ja|ko|ru|uk|be|bg|sr|mk|kk|ky|tg|mn|ar|fa|ur|he|yi|hi|mr|ne|bn|pa|gu|ta|te|kn|ml|si|th|lo|km|my|ka|hy|el|am|bo)(?:[-_]|$)/i;
/** Languages written right to left, and the marks that set the direction of text (see the typography of a channel). */
const RIGHT_TO_LEFT = /^(?:ar|fa|ur|he|iw|yi|ps|sd|ckb|dv|ug)(?:[-_]|$)/i;
const DIRECTION_MARKS = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+$/u;
/** Regions whose main language is not written in Latin letters (`BE` is Belgium here, not Belarusian). */
const NON_LATIN_REGIONS = new Set(('CN HK MO TW JP KR KP RU BY UA BG RS MK KZ KG TJ MN SA AE QA KW BH OM YE IQ SY JO LB PS EG LY DZ MA TN SD ' +
  'IR AF PK IL GR CY AM GE IN NP BD LK TH LA KH MM BT ET ER').split(' '));

/** A value a check compared with names a language or region not written in Latin letters. */
function isNonLatin(c: Comparison, v: string): boolean {
  // (A region alone, `CN`, or as a locale's part, `_CN`.)
  return c.classes.has('region') && /^[-_]?[A-Z]{2}$/.test(v) ? NON_LATIN_REGIONS.has(v.slice(-2)) : NON_LATIN.test(v);
}

/** Two versions of the same data, and how a reader would miss the difference between them. */
interface Versions { what: string; a: string; b: string; /** The characters one version adds, when they are a marker nobody sees. */ marker?: string }

/** A character for people: `"-"` when it is plain ASCII, else by name and code point; "nothing" for the empty string. */
function plainChar(s: string): string {
  if (s === '') return 'nothing';
  return /^[\x21\x23-\x7e]+$/.test(s) ? `"${s}"` : [...s].map(charName).join(' + ');
}

function showValue(v: unknown): string {
  return typeof v === 'string' ? showString(v) : String(v);
}

/** `n * 2`, `n << 1`: an even number. */
function isDoubled(node: Node): boolean {
  const n = unwrap(node);
  return n.type === 'BinaryExpression' && ((n.operator === '*' && [n.left, n.right].some((x: Node) => x.type === 'Literal' && x.value === 2)) || (n.operator === '<<' && n.right.type === 'Literal' && n.right.value === 1));
}

/** `n * 2 + c`, `n << 1 | c`: a slot whose value only sets the lowest bit. */
function isParitySlot(choice: Node): boolean {
  const n = parenthesised(choice);
  const p = n.parent;
  return p?.type === 'BinaryExpression' && (p.operator === '+' || p.operator === '|') && isDoubled(p.left === n ? p.right : p.left);
}

/** Methods whose first argument is a width or precision (see isFormatWidth). */
const WIDTH_METHODS = /^(?:pad(?:Start|End)|toFixed|toPrecision|repeat)$/;

/** The width or precision a method formats with (`padStart(c ? 7 : 6, "0")`, `toFixed(c ? 3 : 2)`): the choice is its first argument. */
function isFormatWidth(choice: Node): boolean {
  const n = parenthesised(choice);
  const p = n.parent;
  if (p?.type === 'CallExpression' && p.arguments[0] === n && WIDTH_METHODS.test(methodName(p) ?? '')) return true;
  // `Array(n).join(" ")`: n - 1 separators.
  const joined = p && parenthesised(p).parent;
  return (p?.type === 'CallExpression' || p?.type === 'NewExpression') && p.arguments.length === 1 && p.arguments[0] === n && unwrap(p.callee).name === 'Array' && joined?.type === 'MemberExpression' && propertyName(joined) === 'join';
}

/** Differences in text that a locale's typography makes. */
const TYPOGRAPHIC = /^(?:whitespace|a marker|letter case|the Unicode normalisation|compatibility forms|a punctuation mark)/;

/** A query parameter naming the language content is wanted in. */
const LANGUAGE_PARAMETER = /^a query parameter "[?&](?:hl|lang|language|locale|lng|ui_locales)=/i;

/** Differences a locale makes by design: its own date format. */
const LOCALISED = /^the format of a date/;

/** Differences an endpoint may need: its own model name, header or query parameter. */
const ROUTING_DIFFERENCE = /^(?:the name of the same model|an extra field|a query parameter|one character of a header value)/;

/** A model's dated or aliased name: `claude-sonnet-4-5-20250929` (or `@20250929`, `-latest`) beside `claude-sonnet-4-5`. */
const MODEL_SUFFIX = /^[-@](?:\d{8}|\d{4}-\d{2}-\d{2}|latest)$/;

/** Inside the value of a user agent or an `x-` header (a few levels up), or of `setHeader("x-…", …)`. */
function inHeader(node: Node): boolean {
  let n: Node | null | undefined = node;
  for (let i = 0; n && i < 5; i++, n = n.parent) {
    const p: Node | null | undefined = n.parent;
    if (p?.type === 'Property' && p.value === n && HEADER_NAME.test(keyName(p) ?? '')) return true;
    if (p?.type === 'CallExpression' && /^(?:setHeader|set|append)$/.test(methodName(p) ?? '') && p.arguments[1] === n && HEADER_NAME.test(String(p.arguments[0]?.value ?? ''))) return true;
  }
  return false;
}

/** Request headers a reader of the request would name (`accept-language`), besides HEADER_NAME. */
const REQUEST_HEADER = /^(?:accept(?:-[\w]+)?|user-agent|x-[\w-]+|cache-control|pragma|referer|origin|dnt|sec-[\w-]+)$/i;

/** The value (a few levels up) of a request header: a known header's name, or any field of a `headers` object. */
function inHeaderValue(node: Node): boolean {
  let n: Node | null | undefined = node;
  for (let i = 0; n && i < 5; i++, n = n.parent) {
    const p: Node | null | undefined = n.parent;
    if (p?.type === 'Property' && p.value === n) {
      const holder = p.parent?.parent;
      return REQUEST_HEADER.test(keyName(p) ?? '') || holder?.type === 'Property' && holder.value === p.parent && keyName(holder) === 'headers';
    }
    if (p?.type === 'CallExpression' && /^(?:setHeader|set|append)$/.test(methodName(p) ?? '') && p.arguments[1] === n) return REQUEST_HEADER.test(String(p.arguments[0]?.value ?? ''));
  }
  return false;
}

/** Whether `long` is `short` with one character inserted: that character, else undefined. */
function oneInserted(short: string, long: string): string | undefined {
  if (long.length !== short.length + 1) return undefined;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return long.slice(i + 1) === short.slice(i) ? long[i] : undefined;
}

/** Whether two texts of one length differ in exactly one character. */
function oneReplaced(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** Text `a` and text `b`, which is `a` with `extra` added: a marker nobody sees, or a query parameter. */
function appended(extra: string | undefined, a: string, b: string, url = false): Versions | undefined {
  if (!extra) return undefined;
  if (QUIET.test(extra)) return { what: `a marker ${showString(extra)} added`, a, b, marker: extra };
  if (QUERY_PARAM.test(extra)) return { what: `a query parameter ${showString(extra)} added`, a, b };
  // `url + "/"`: a URL with and without a trailing slash (or an empty query or fragment) reaches the same place.
  if (/^[/?#]$/.test(extra) && url) return { what: `a trailing ${showString(extra)} added`, a, b };
  return undefined;
}

/**
 * Two distinct strings that are one separator and another (`"-"` and `"/"`): a format flip, from
 * `usual` (the text as it usually is) when that is one of them.
 */
function flipPair(values: string[], usual?: string): { from: string; to: string } | undefined {
  const distinct = [...new Set(values)];
  if (distinct.length !== 2) return undefined;
  const [x, y] = distinct;
  const pair = isFormatFlip(x, y) ? { from: x, to: y } : isFormatFlip(y, x) ? { from: y, to: x } : undefined;
  return pair && pair.to === usual ? { from: pair.to, to: pair.from } : pair;
}

/**
 * What texts a choice gives are to a reader: look-alikes, or two separators, the `usual` one flipped to the
 * other (`{ flip }`); undefined when they differ plainly.
 */
function variantsOf(values: string[], usual: string): { flip: { from: string; to: string } } | { alternatives: string[] } | undefined {
  if (areLookAlikes(values)) return { alternatives: [...new Set(values)] };
  const flip = flipPair(values, usual);
  return flip && { flip };
}

/** The strings of an array or object literal when there are two or more, all string literals that look alike or are two separators. */
function variantItems(table: Node): string[] | undefined {
  const items: Node[] = table.type === 'ArrayExpression' ? table.elements : table.type === 'NewExpression' ? mapEntries(table)?.map((e) => e.elements[1]) ?? []
    : table.properties.map((p: Node) => (p.type === 'Property' ? p.value : p));
  if (!items.length || items.length > 64 || !items.every((n) => n && isStringLiteral(n))) return undefined;
  const values = items.map((l) => l.value as string);
  // (Or one look-alike or invisible text under every key, `{ "Asia/Shanghai": "\u2019" }`: the fallback is the plain one.)
  return items.length >= 2 && (areLookAlikes(values) || flipPair(values)) || new Set(values).size === 1 && hasHiddenCharacter(values[0]) ? values : undefined;
}

/** The `[key, value]` pairs of `new Map([[k, v], …])`, written out. */
function mapEntries(made: Node): Node[] | undefined {
  const list = made.type === 'NewExpression' && unwrap(made.callee).type === 'Identifier' && unwrap(made.callee).name === 'Map' ? unwrap(made.arguments[0] ?? made) : undefined;
  return list?.type === 'ArrayExpression' && list.elements.every((e: Node | null) => e?.type === 'ArrayExpression' && e.elements.length === 2) ? list.elements : undefined;
}

/** A lookup in a table: `T[k]` (the table and the key), or `T.get(k)` of a `Map`. */
function lookupOf(node: Node): { table: Node; key: Node } {
  return node.type === 'CallExpression' ? { table: unwrap(node.callee).object, key: node.arguments[0] } : { table: node.object, key: node.property };
}

/** `(_a = T.get(k)) !== null && _a !== void 0 ? _a : "'"`, as tsc and babel write `T.get(k) ?? "'"`: the conditional, when its fallback is a string. */
function loweredFallback(node: Node): Node | undefined {
  const assigned = parenthesised(node).parent;
  const c = assigned?.type === 'AssignmentExpression' && assigned.operator === '=' && assigned.left.type === 'Identifier' ? fallbackAround(assigned, assigned.left.name) : undefined;
  return c && isStringLiteral(c.alternate) ? c : undefined;
}

/** The one expression a branch of an `if` holds: `x = a;` or `{ x = a; }`. */
function soleExpression(branch: Node | null | undefined): Node | undefined {
  const s = branch?.type === 'BlockStatement' && branch.body.length === 1 ? branch.body[0] : branch;
  return s?.type === 'ExpressionStatement' ? unwrap(s.expression) : undefined;
}

/**
 * `if (hit) h["x-src"] = "cli "; else h["x-src"] = "cli";` (minified `hit ? h[k] = "cli " : h[k] = "cli"`):
 * the same target given one of two values, as a conditional (`h["x-src"] = hit ? "cli " : "cli"`)
 * built over the first branch's assignment.
 */
function assignedChoice(context: RuleContext, node: Node): Node | undefined {
  const [a, b] = node.type === 'IfStatement' ? [soleExpression(node.consequent), soleExpression(node.alternate)] : [unwrap(node.consequent), unwrap(node.alternate)];
  if (a?.type !== 'AssignmentExpression' || b?.type !== 'AssignmentExpression' || a.operator !== '=' || b.operator !== '=' || !sameText(context, a.left, b.left)) return undefined;
  const assignment = { type: 'AssignmentExpression', operator: '=', left: a.left, start: a.start, end: a.end, parent: a.parent } as unknown as Node;
  assignment.right = { type: 'ConditionalExpression', test: node.test, consequent: a.right, alternate: b.right, start: a.right.start, end: a.right.end, parent: assignment } as unknown as Node;
  return assignment.right;
}

/**
 * `if (hit) say("Today\u2019s"); else say("Today's");`: the same function called in both branches, as a
 * conditional of the two calls (`hit ? say(…) : say(…)`, as a minifier writes it), found from the first branch's call.
 */
function calledChoice(context: RuleContext, call: Node): Node | undefined {
  const choice = ifWithElseAround(call);
  const other = choice && soleExpression(choice.alternate);
  if (other?.type !== 'CallExpression' || !sameText(context, call.callee, other.callee)) return undefined;
  return { type: 'ConditionalExpression', test: choice!.test, consequent: call, alternate: other, start: call.start, end: call.end, parent: choice } as unknown as Node;
}

/** The `if … else` whose first branch is this expression's statement alone (`if (c) x = a; else …`, also in braces). */
function ifWithElseAround(expression: Node): Node | undefined {
  const statement = expression.parent?.type === 'ExpressionStatement' ? expression.parent : undefined;
  const branch = statement?.parent?.type === 'BlockStatement' && statement.parent.body.length === 1 ? statement.parent : statement;
  return branch?.parent?.type === 'IfStatement' && branch.parent.consequent === branch && branch.parent.alternate ? branch.parent : undefined;
}

/** Assignments that set, clear or flip bits of a number. */
const BIT_EDITS = new Set(['|=', '&=', '^=']);

/** `n |= 1;`, `{ n |= 1; }` or `n |= 1` in an expression: an edit of bits only. */
function isBitEdit(statement: Node): boolean {
  let s = statement.type === 'BlockStatement' && statement.body.length === 1 ? statement.body[0] : statement;
  if (s.type === 'ExpressionStatement') s = unwrap(s.expression);
  return s.type === 'AssignmentExpression' && BIT_EDITS.has(s.operator);
}

/** A short suffix of a header's value (`"/r"`, `" (compatible)"`, `", r"`): a few characters, not whitespace alone. */
const HEADER_SUFFIX = /^(?=.*\S)[^\r\n]{1,16}$/;

/**
 * The statement a test of parity guards when it moves a number by one: `id++` of
 * `if ((id % 2 === 0) !== hit) id++` (or `id += 1`, `id--`, and `cond && id++`).
 */
function parityNudge(node: Node): Node | undefined {
  let n: Node = node;
  for (let i = 0; i < 6 && n.parent; i++, n = n.parent) {
    const p = n.parent;
    const guarded = p.type === 'IfStatement' && p.test === n ? p.consequent : p.type === 'LogicalExpression' && p.operator === '&&' && p.left === n ? p.right : undefined;
    if (guarded === undefined) continue;
    let s = unwrap(guarded.type === 'BlockStatement' && guarded.body.length === 1 ? guarded.body[0] : guarded);
    if (s.type === 'ExpressionStatement') s = unwrap(s.expression);
    return s.type === 'UpdateExpression' || s.type === 'AssignmentExpression' && (s.operator === '+=' || s.operator === '-=') ? s : undefined;
  }
  return undefined;
}

/** Whether a test reads the parity of the expression written `name` (`name % 2`, `name & 1`). */
function testsParity(context: RuleContext, test: Node, name: string): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (found) return;
    if (n.type === 'BinaryExpression' && (n.operator === '%' && context.analysis.value(n.right) === 2 || n.operator === '&' && context.analysis.value(n.right) === 1) && context.analysis.text.slice(unwrap(n.left).start, unwrap(n.left).end) === name) found = true;
    else forEachChild(n, visit);
  };
  visit(test);
  return found;
}

/** A header's name: `user-agent` or `x-…`. */
const HEADER_NAME = /^(?:user-agent|x-[\w-]+)$/i;

/**
 * `if (cond) ua += " (r)"`, `if (cond) headers["x-r"] = "1"`, `if (cond) prompt += "\u200B"`:
 * the statement makes a second version of data it only touches under the condition.
 */
function conditionalEdit(context: RuleContext, edit: Node): { test: Node; versions: Versions } | undefined {
  let test: Node | undefined;
  let up = edit.parent;
  while (up?.type === 'ParenthesizedExpression') up = up.parent;
  // `cond && (h["user-agent"] += " (r)")`, as minifiers write the `if`.
  if (up?.type === 'LogicalExpression' && up.operator === '&&' && unwrap(up.right) === edit) test = up.left;
  // `c ? id |= 1 : id &= -2`, the minified `if … else` of a bit edit.
  else if (up?.type === 'ConditionalExpression' && BIT_EDITS.has(edit.operator) && (unwrap(up.consequent) === edit || unwrap(up.alternate) === edit && !isBitEdit(unwrap(up.consequent)))) test = up.test;
  else {
    const statement = up?.type === 'ExpressionStatement' ? up : undefined;
    const block = statement?.parent?.type === 'BlockStatement' && statement.parent.body.length === 1 ? statement.parent : statement;
    const choice = block?.parent;
    // A bit set in one branch and cleared in the other (`if (c) id |= 1; else id &= ~1`) is one edit.
    if (choice?.type === 'IfStatement' && (choice.consequent === block && (!choice.alternate || BIT_EDITS.has(edit.operator)) || choice.alternate === block && BIT_EDITS.has(edit.operator) && !isBitEdit(choice.consequent))) test = choice.test;
  }
  // `if (hit ? id % 2 === 0 : id % 2 === 1) id++`: the parity each outcome wants, so the check is the choice's own.
  const chosen = test && unwrap(test);
  let parityChosen = false;
  if (chosen?.type === 'ConditionalExpression' && (edit.type === 'UpdateExpression' || edit.operator === '+=' || edit.operator === '-=')) {
    const target = edit.type === 'UpdateExpression' ? edit.argument : edit.left;
    const name = context.analysis.text.slice(target.start, target.end);
    parityChosen = testsParity(context, chosen.consequent, name) && testsParity(context, chosen.alternate, name);
    if (parityChosen) test = chosen.test;
  }
  // (Only under a test that carries a fingerprint: where the data goes is asked after that.)
  if (!test || !context.analysis.flow(test).kinds) return undefined;
  // `if (cond) headers.set("x-r", "1")`: one header more, set only under the condition (the Headers API).
  if (edit.type === 'CallExpression') {
    // `if (cond) stops.push("\u200B")` (or `unshift`, or `splice(i, 0, x)`) on a list a request sends: one item more.
    const method = methodName(edit);
    if (method === 'push' || method === 'unshift' || method === 'splice') {
      const item = edit.arguments[method === 'splice' ? 2 : 0];
      if (method === 'splice' && context.analysis.value(edit.arguments[1]) !== 0) return undefined;
      const list = unwrap(unwrap(edit.callee).object);
      const made = list.type === 'Identifier' ? context.analysis.soleDefinition(list) : undefined;
      if (made?.type !== 'ArrayExpression' || !sinksOf(context.analysis, made).some((k) => k.kind === 'network request')) return undefined;
      return { test, versions: { what: `an extra item ${itemShown(context, item)} in a list`, a: 'without it', b: context.analysis.text.slice(edit.start, edit.end).slice(0, 60) } };
    }
    const name = String(edit.arguments[0]?.value ?? '');
    const text = context.analysis.text.slice(edit.start, edit.end).slice(0, 60);
    // `if (cond) params.set("v", "2")` on a URL's query: one parameter more in the address.
    if (isQuery(context, unwrap(unwrap(edit.callee).object)) && /^[\w.-]{1,32}$/.test(name)) {
      const v = context.analysis.value(edit.arguments[1]);
      return { test, versions: { what: `a query parameter ${showString(`&${name}=${typeof v === 'string' || typeof v === 'number' ? v : '…'}`)} added`, a: 'without it', b: text } };
    }
    return /^x-[\w-]+$/i.test(name) ? { test, versions: { what: `an extra field "${name}"`, a: 'without it', b: text } } : undefined;
  }
  // `id |= 1`, `n ^= 1`: the parity of a number sent on, which nobody reads.
  if (edit.type === 'AssignmentExpression' && BIT_EDITS.has(edit.operator)) {
    const v = context.analysis.value(edit.right);
    if (v !== 1 && v !== -2) return undefined;
    const text = context.analysis.text.slice(edit.left.start, edit.left.end).slice(0, 60);
    return { test, versions: { what: `the lowest bit of ${text}`, a: `${text} even`, b: `${text} odd` } };
  }
  // `if ((id % 2 === 0) !== hit) id++` (or `id += 1`, `id--`): a number moved by one to the parity the check picks.
  const nudged = edit.type === 'UpdateExpression' ? edit.argument : (edit.operator === '+=' || edit.operator === '-=') && context.analysis.value(edit.right) === 1 ? edit.left : undefined;
  if (nudged) {
    const n = context.analysis.text.slice(nudged.start, nudged.end);
    return parityChosen || testsParity(context, test, n) ? { test, versions: { what: `the parity of ${n.slice(0, 60)}`, a: `${n.slice(0, 60)} even`, b: 'odd' } } : undefined;
  }
  const target = unwrap(edit.left);
  const text = context.analysis.text.slice(target.start, target.end).slice(0, 60);
  const key = target.type === 'MemberExpression' ? propertyName(target) ?? stringValue(context, target.property) ?? '' : '';
  if (edit.operator === '+=') {
    const extra = stringValue(context, edit.right);
    if (extra === undefined || extra === '') return undefined;
    const added = appended(extra, text, `${text} + ${showString(extra)}`);
    if (added) return { test, versions: added };
    if (HEADER_NAME.test(key) && HEADER_SUFFIX.test(extra)) return { test, versions: { what: `a suffix ${showString(extra)} in a header`, a: '""', b: showString(extra) } };
    return undefined;
  }
  // One header more (`x-…`), set only under the condition; or one field more of a request's body
  // (`if (hit) body.metadata = {…}` of an object sent by `fetch`).
  const extraField = () => ({ test, versions: { what: `an extra field "${key}"`, a: 'without it', b: `${text} = ${context.analysis.text.slice(edit.right.start, edit.right.end).slice(0, 40)}` } });
  if (edit.operator === '=' && target.type === 'MemberExpression' && /^x-[\w-]+$/i.test(key)) return extraField();
  // `if (cond) url.hash = "r"`, `url.search = "?r=1"` of a `new URL(…)`: the same address with a fragment or query more.
  const url = target.type === 'MemberExpression' && (key === 'hash' || key === 'search') ? unwrap(target.object) : undefined;
  const madeUrl = url?.type === 'Identifier' ? context.analysis.soleDefinition(url) : undefined;
  if (edit.operator === '=' && madeUrl?.type === 'NewExpression' && unwrap(madeUrl.callee).name === 'URL') {
    const v = stringValue(context, edit.right);
    return { test, versions: { what: `a ${key === 'hash' ? 'fragment' : 'query'}${v !== undefined ? ` ${showString(v)}` : ''} added to an address`, a: 'without it', b: `${text} = ${context.analysis.text.slice(edit.right.start, edit.right.end).slice(0, 40)}` } };
  }
  const body = target.type === 'MemberExpression' && !target.computed && key ? unwrap(target.object) : undefined;
  const made = body?.type === 'Identifier' ? context.analysis.soleDefinition(body) : undefined;
  if (edit.operator === '=' && made?.type === 'ObjectExpression' && sinksOf(context.analysis, made).some((s) => s.kind === 'network request')) return extraField();
  return undefined;
}

/** A test: a call (`L.includes(tz)`), a comparison, a negation or a logical expression. */
function isTest(n: Node): boolean {
  return n.type === 'CallExpression' || n.type === 'LogicalExpression' || n.type === 'UnaryExpression' && n.operator === '!' || n.type === 'BinaryExpression' && COMPARE_OPS.has(n.operator);
}

/** A test that gives true or false: a comparison, a negation, a membership test (`L.includes(tz)`, `L.some(…)`). */
function isTrueOrFalse(n: Node): boolean {
  if (n.type === 'UnaryExpression') return n.operator === '!';
  if (n.type === 'BinaryExpression') return COMPARE_OPS.has(n.operator) || n.operator === 'in';
  return n.type === 'CallExpression' && /^(?:includes|has|hasOwn|hasOwnProperty|startsWith|endsWith|test|some|every)$/.test(methodName(n) ?? '');
}

/**
 * `Number(x)`, `+x`, `x | 0`, `~~x`, a test, optionally times a constant (`+x * 1e-9`): a flag as 0 or 1, and that
 * constant; also a name defined as one (`const off = hit | 0`, `const k = hit ? 1 : 0`) or given only 0 and 1, given `defs` (what a name is given).
 */
function asNumber(node: Node, defs?: (n: Node) => Node[], depth = 0): { of: Node; scale?: Node } | undefined {
  const n = unwrap(node);
  if (n.type === 'Identifier' && defs && depth < 2) {
    const given = defs(n);
    if (given.length === 1) return asNumber(given[0], defs, depth + 1);
    // `let k = 0; … case "Asia/Shanghai": k = 1`: a flag kept as 0 and 1 (or false and true).
    return given.length > 1 && given.every((d) => d.type === 'Literal' && (d.value === 0 || d.value === 1 || typeof d.value === 'boolean')) ? { of: n } : undefined;
  }
  // `const k = hit ? 1 : 0`, reached through its name (written in place, it is a choice of its own).
  if (n.type === 'ConditionalExpression' && depth > 0 && [n.consequent, n.alternate].every((x: Node) => x.type === 'Literal') && new Set([n.consequent.value, n.alternate.value]).size === 2 && [n.consequent.value, n.alternate.value].every((v) => v === 0 || v === 1)) return { of: n.test };
  if (n.type === 'BinaryExpression' && n.operator === '*') {
    const left = asNumber(n.left, defs, depth + 1);
    const inner = left ?? asNumber(n.right, defs, depth + 1);
    return inner && !inner.scale ? { of: inner.of, scale: left ? n.right : n.left } : undefined;
  }
  if (n.type === 'CallExpression' && unwrap(n.callee).type === 'Identifier' && unwrap(n.callee).name === 'Number' && n.arguments.length === 1) return { of: n.arguments[0] };
  if (n.type === 'UnaryExpression' && n.operator === '+' && unwrap(n.argument).type === 'Identifier') return { of: n.argument };
  if (n.type === 'UnaryExpression' && n.operator === '~' && unwrap(n.argument).type === 'UnaryExpression' && unwrap(n.argument).operator === '~') return { of: unwrap(n.argument).argument };
  // `4096 - L.includes(tz)`, `4096 - hit` of `const hit = L.includes(tz)`: true or false, counted as 1 or 0.
  if (isTrueOrFalse(n)) return { of: n };
  // (`hit | 0`, `L.includes(tz) | 0`: a name or a test.)
  if (n.type === 'BinaryExpression' && n.operator === '|' && n.right.type === 'Literal' && n.right.value === 0 && (unwrap(n.left).type === 'Identifier' || isTest(unwrap(n.left)))) return { of: n.left };
  return undefined;
}

/** Two numbers at most 0.1% apart (temperature 0.7 against 0.70000001; top_p 0.999 against 1 is one part in a thousand). */
function numericDifference(a: number, b: number): Versions | undefined {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return a !== b && Number.isFinite(a) && Number.isFinite(b) && scale > 0 && Math.abs(a - b) / scale <= 1.000001e-3 ? { what: 'a tiny numeric change', a: String(b), b: String(a) } : undefined;
}

/** Two texts a reader would take for one: a model's alias and dated name, whitespace, a marker, letter case, a query parameter or a punctuation mark more. */
function textDifference(a: string, b: string): Versions | undefined {
  if (a === b) return undefined;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  // The same model asked for by its alias or by its dated name: the same answers, a different request.
  if (/[a-z]/i.test(short) && /\d/.test(short) && long.startsWith(short) && MODEL_SUFFIX.test(long.slice(short.length))) return { what: 'the name of the same model (an alias against a dated name)', a: showValue(short), b: showValue(long) };
  if (long.length > 400) return undefined;
  /** What one text adds when the other is empty. */
  const added = short === '' ? long : undefined;
  const bare = (s: string) => s.replace(QUIET_ALL, '');
  if (added !== undefined && QUIET.test(added)) return { what: `a marker ${showString(added)} added`, a: showValue(a), b: showValue(b), marker: added };
  // (Also whitespace alone: a doubled space, a trailing newline.)
  if (bare(a) === bare(b) && (bare(a).length > 0 || QUIET.test(a + b))) return { what: 'whitespace', a: showValue(a), b: showValue(b) };
  if (a.toLowerCase() === b.toLowerCase()) return { what: 'letter case', a: showValue(a), b: showValue(b) };
  // `"1.0"` against `"1"`, `"07"` against `"7"`: one number written two ways.
  if (/^[-+]?[\d.]+$/.test(a) && /^[-+]?[\d.]+$/.test(b) && Number(a) === Number(b) && Number.isFinite(Number(a))) return { what: 'the same number written two ways', a: showValue(a), b: showValue(b) };
  // A soft hyphen inside a word, a Cyrillic letter for a Latin one.
  if (areLookAlikes([a, b])) return { what: 'look-alike or invisible characters', a: showValue(a), b: showValue(b) };
  // `"…"` against `"..."`, full-width digits against ASCII ones: one text in compatibility forms (NFKC).
  if (a.normalize('NFKC') === b.normalize('NFKC')) return { what: 'compatibility forms of the same characters', a: showValue(a), b: showValue(b) };
  if (added !== undefined && QUERY_PARAM.test(added)) return { what: `a query parameter ${showString(added)} added`, a: showValue(a), b: showValue(b) };
  // `"?beta=true&r=1"` against `"?beta=true"`: one more parameter at the end of a query.
  const rest = long.startsWith(short) ? long.slice(short.length) : '';
  if (rest.startsWith('&') && /[?&][\w.-]+=[\w.%-]*$/.test(short) && QUERY_PARAM.test(rest)) return { what: `a query parameter ${showString(rest)} added`, a: showValue(short), b: showValue(long) };
  // `"Answer briefly.."` against `"Answer briefly."`, or the full stop dropped: one punctuation mark in text.
  const mark = oneInserted(short, long);
  if (mark && /\p{P}/u.test(mark) && (short.match(/\p{L}/gu) ?? []).length >= 4) return { what: `a punctuation mark ${showString(mark)} added`, a: showValue(short), b: showValue(long) };
  // `"* "` against `"- "`: one punctuation mark or symbol for another (a list's bullet, a quotation's style), once or
  // wherever it stands (`"Use _italics_."` against `"Use *italics*."`).
  const swap = swappedMark(a, b);
  if (swap) return { what: `a punctuation mark replaced (${showString(swap[0])} by ${showString(swap[1])})`, a: showValue(a), b: showValue(b) };
  return undefined;
}

/** The one pair of punctuation marks or symbols two texts of one length differ by, at every place they differ. */
function swappedMark(a: string, b: string): [string, string] | undefined {
  const [x, y] = [[...a], [...b]];
  if (x.length !== y.length) return undefined;
  let pair: [string, string] | undefined;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (!pair) pair = [x[i], y[i]];
    else if (pair[0] !== x[i] || pair[1] !== y[i]) return undefined;
  }
  return pair && /^[\p{P}\p{S}]$/u.test(pair[0]) && /^[\p{P}\p{S}]$/u.test(pair[1]) ? pair : undefined;
}

/** Text made at random (an id): `Math.random()`, `randomUUID()`, `randomBytes()`, `nanoid()`, or a name for one; with `clock`, also a clock reading. */
function isRandomText(context: RuleContext, n: Node, depth = 0, clock = false): boolean {
  const u = unwrap(n);
  if (u.type === 'Identifier' && depth < 2) return context.analysis.definitions(u).some((d) => isRandomText(context, d, depth + 1, clock));
  const text = u.end - u.start <= 200 ? context.analysis.textOf(u) : '';
  if (/\b(?:Math\.random|randomUUID|randomBytes|getRandomValues|nanoid|uuidv4)\b/.test(text) || clock && /\b(?:Date\.now|performance\.now|getTime)\(\)|\bnew Date\(\)/.test(text)) return true;
  // (A part of one: `id.slice(0, -1)`.)
  return u.type === 'CallExpression' && /^(?:slice|substring|substr)$/.test(methodName(u) ?? '') && depth < 2 && isRandomText(context, unwrap(u.callee).object, depth + 1, clock);
}

/** A number's remainder by a constant (`t % 1000` of `t`): taken from it, a rounding. */
function isRemainderOf(n: Node, of: Node, same: (x: Node, y: Node) => boolean): boolean {
  const u = unwrap(n);
  return u.type === 'BinaryExpression' && u.operator === '%' && same(u.left, of) && unwrap(u.right).type === 'Literal';
}

/** A version as the evidence shows it: its code on one line, at most 60 characters. */
function codeShown(context: RuleContext, n: Node): string {
  return context.analysis.textOf(n).replace(/\s+/g, ' ').slice(0, 60);
}

/**
 * An object literal, a class instance (`new C()`) or a class, or the one a name is defined as, with the names
 * of its methods; for a class, its methods by name (the first found up its chain: an override).
 */
function objectOf(context: RuleContext, n: Node): { object: Node; keys: string[]; methods?: Map<string, Node> } | undefined {
  // (Also another module's, `hit() ? marked : plain` of imported objects or classes: the code the linker gave.)
  const def = definedAs(context, n) ?? n;
  const object = def && unwrap(def);
  if (object?.type === 'ObjectExpression') return { object, keys: (object.properties as Node[]).flatMap((p) => (p.type === 'Property' ? keyName(p) ?? [] : [])) };
  const isClass = (c: Node | undefined): c is Node => c?.type === 'ClassDeclaration' || c?.type === 'ClassExpression';
  if (!object || object.type !== 'NewExpression' && !isClass(object)) return undefined;
  // (The methods of the class and of the classes it extends, as far as the module defines them; minifiers
  // write the class in place: `new class extends e { … }`.)
  // (An instance's class another module gave as code: its methods, which members() does not see.)
  let foreign = false;
  const classOf = (n: Node) => {
    const own = n.type === 'Identifier' ? context.analysis.soleDefinition(n) : n.type === 'MemberExpression' ? undefined : n;
    const code = own ? undefined : context.analysis.importedCode(n);
    if (code) foreign = true;
    return own ?? code;
  };
  const methods = new Map<string, Node>();
  let cls: Node | undefined = object.type === 'NewExpression' ? classOf(object.callee) : object;
  for (let depth = 0; depth < 4 && isClass(cls); depth++) {
    for (const m of cls.body.body as Node[]) {
      const key = m.type === 'MethodDefinition' && m.kind === 'method' && !m.static ? keyName(m) : undefined;
      if (key && !methods.has(key)) methods.set(key, m.value);
    }
    cls = cls.superClass ? classOf(cls.superClass) : undefined;
  }
  return { object, keys: [...methods.keys()], ...(object.type === 'NewExpression' && !foreign ? {} : { methods }) };
}

/** Two short functions that return two versions of what they are given (`(d) => d.replace(/-/g, "/")` and `(d) => d`). */
function returnedVersions(context: RuleContext, fa: Node, fb: Node): Versions | undefined {
  const [ra, rb] = [returnedBy(fa), returnedBy(fb)];
  if (!ra || !rb || sameText(context, ra, rb)) return undefined;
  // (A format flip or a look-alike swap made by one function and not the other is a version too.)
  const text = (n: Node) => codeShown(context, n);
  for (const [x, y, other] of [[ra, rb, fb], [rb, ra, fa]]) {
    const f = flipOf(context, x);
    // (An overriding method flips what the method it overrides returns: `super.date(d).replace(…)`.)
    if (f && (sameText(context, f.subject, y) || isSuperCall(context, f.subject, other))) return { what: `${showString(f.from)} written as ${showString(f.to)}`, a: text(y), b: text(x) };
  }
  // (`super.text(s) + "\u200b"` against `s` of the method it overrides: `super.text(s)` is that method's result.)
  return subtleDifference(context, ra, rb, (x, y) => sameText(context, x, y) || y === rb && isSuperCall(context, x, fb) || y === ra && isSuperCall(context, x, fa));
}

/** `super.m(…)` where the `m` it runs is this function. */
function isSuperCall(context: RuleContext, n: Node, fn: Node): boolean {
  const callee = n.type === 'CallExpression' ? unwrap(n.callee) : undefined;
  const key = callee?.type === 'MemberExpression' && callee.object.type === 'Super' ? propertyName(callee) : undefined;
  // (Another module's classes are parsed apart: the overridden method, the same text.)
  return key !== undefined && context.analysis.members(callee!.object, key).some((m) => m === fn || sameText(context, m, fn));
}

/** What a short function returns: an arrow's expression, or the one `return` of a body of one statement. */
function returnedBy(fn: Node | undefined): Node | undefined {
  if (!fn || !isFunction(fn) || fn.params.length > 2) return undefined;
  if (fn.body.type !== 'BlockStatement') return unwrap(fn.body);
  const only = fn.body.body.length === 1 ? fn.body.body[0] : undefined;
  return only?.type === 'ReturnStatement' && only.argument ? unwrap(only.argument) : undefined;
}

/** `n * 2`, `n << 1`, or a name for one: a number whose lowest bit is 0 (so `n + 1` is odd). */
function isEven(context: RuleContext, n: Node, depth = 0): boolean {
  const x = unwrap(n);
  if (x.type === 'Identifier' && depth < 2) {
    const d = context.analysis.soleDefinition(x);
    return !!d && d !== x && isEven(context, d, depth + 1);
  }
  if (x.type !== 'BinaryExpression') return false;
  const l = context.analysis.value(x.left);
  const r = context.analysis.value(x.right);
  if (x.operator === '*') return [l, r].some((v) => typeof v === 'number' && v !== 0 && v % 2 === 0);
  return x.operator === '<<' && typeof r === 'number' && r >= 1;
}

/** `undefined` or `void 0`: a field left out of JSON. */
function isAbsent(n: Node): boolean {
  return n.type === 'Identifier' && n.name === 'undefined' || n.type === 'UnaryExpression' && n.operator === 'void' && isLiteral(n.argument);
}

/** What `an extra item … in a list` names: the item's string value, else its code. */
function itemShown(context: RuleContext, item: Node): string {
  const v = context.analysis.value(item);
  return typeof v === 'string' ? showString(v) : context.analysis.text.slice(item.start, item.end).slice(0, 40);
}

/** `url.searchParams`, or a variable made by `new URLSearchParams(…)`. */
function isQuery(context: RuleContext, n: Node): boolean {
  if (n.type === 'MemberExpression') return propertyName(n) === 'searchParams';
  const made = n.type === 'Identifier' ? context.analysis.soleDefinition(n) : undefined;
  return made?.type === 'NewExpression' && made.callee.type === 'Identifier' && made.callee.name === 'URLSearchParams';
}

/**
 * `{ system: "Be brief.\u200B" }` against `{ system: "Be brief." }`, `["a\u200B"]` against `["a"]`: the one
 * value that differs between two lists or objects of the same shape (same length, same keys in the same
 * order), looked into down to the leaves; undefined when more than one differs or the shapes differ.
 */
function differingPair(context: RuleContext, a: Node, b: Node, depth = 0): [Node, Node] | undefined {
  const A = unwrap(a);
  const B = unwrap(b);
  const items = (n: Node): Array<Node | null> | undefined => (n.type === 'ArrayExpression' ? n.elements : n.type === 'ObjectExpression' ? n.properties : undefined);
  const ia = items(A);
  const ib = items(B);
  if (!ia || !ib || A.type !== B.type || ia.length !== ib.length || depth > 4) return depth ? [A, B] : undefined;
  let pair: [Node, Node] | undefined;
  for (let i = 0; i < ia.length; i++) {
    const x = ia[i];
    const y = ib[i];
    if (!x || !y || x.type !== y.type || x.type === 'SpreadElement') return undefined;
    if (x.type === 'Property' && (x.computed || y.computed || keyName(x) !== keyName(y) || x.kind !== 'init' || y.kind !== 'init')) return undefined;
    const [vx, vy] = x.type === 'Property' ? [x.value as Node, y.value as Node] : [x, y];
    if (sameText(context, vx, vy)) continue;
    if (pair) return undefined;
    pair = differingPair(context, vx, vy, depth + 1);
    if (!pair) return undefined;
  }
  return pair;
}

/** Does a version name what another module exports (`SYSTEM_B`, `t + ZW`, `` `${t}${strings_1.ZW}` ``)? Asks the linker for it. */
function mentionsImport(context: RuleContext, n: Node): boolean {
  const u = unwrap(n);
  if (u.type === 'Identifier' || u.type === 'MemberExpression') return context.analysis.asksImported(u);
  if (u.type === 'BinaryExpression') return [mentionsImport(context, u.left), mentionsImport(context, u.right)].some(Boolean);
  // (`new AltFmt()` of another module's class.)
  if (u.type === 'NewExpression') return mentionsImport(context, u.callee);
  return u.type === 'TemplateLiteral' && (u.expressions as Node[]).map((e) => mentionsImport(context, e)).some(Boolean);
}

/** The code of an expression as one key, however it is written (`d.getDate()` and `d["getDate"]()`, `'a'` and `"a"`, `(x)` and `x`). */
function codeKey(n: Node): string {
  const u = unwrap(n);
  if (u.type === 'Literal') return JSON.stringify(u.value ?? null);
  if (u.type === 'Identifier') return u.name;
  const key = propertyName(u);
  if (key !== undefined) return `${codeKey(u.object)}.${key}`;
  const parts: string[] = [];
  forEachChild(u, (c) => { parts.push(codeKey(c)); });
  return `${u.type}${u.operator ?? ''}(${parts.join(',')})`;
}

/** A text built from parts, as a template, a `+` chain with a string in it or a `concat` chain of one: its texts and code, in order; undefined for anything else. */
function textParts(n: Node): Array<{ text: string; code: boolean }> | undefined {
  const out: Array<{ text: string; code: boolean }> = [];
  const add = (text: string, code: boolean) => {
    const last = out[out.length - 1];
    if (!code && last && !last.code) last.text += text;
    else if (code || text) out.push({ text, code });
  };
  const walk = (x: Node): void => {
    const u = unwrap(x);
    if (u.type === 'TemplateLiteral') (u.quasis as Node[]).forEach((q, i) => { add(q.value.cooked ?? '', false); if (u.expressions[i]) walk(u.expressions[i]); });
    else if (u.type === 'BinaryExpression' && u.operator === '+' && (isText(u.left) || isText(u.right))) { walk(u.left); walk(u.right); }
    // (`"".concat(d, "/").concat(m)`, as babel and swc write a template for ES5.)
    else if (isConcat(u)) { walk(unwrap(u.callee).object); (u.arguments as Node[]).forEach(walk); }
    else if (isStringLiteral(u)) add(u.value as string, false);
    else add(codeKey(u), true);
  };
  const isConcat = (u: Node): boolean => u.type === 'CallExpression' && methodName(u) === 'concat' && !u.arguments.some((a: Node) => a.type === 'SpreadElement') && isText(unwrap(u.callee).object);
  const isText = (x: Node): boolean => { const u = unwrap(x); return isStringLiteral(u) || u.type === 'TemplateLiteral' || u.type === 'BinaryExpression' && u.operator === '+' && (isText(u.left) || isText(u.right)) || isConcat(u); };
  if (!isText(n)) return undefined;
  walk(n);
  return out;
}

/**
 * `[b, a]` against `[a, b]`: the same items written in another order (a prompt's lines, before they are joined), compared
 * as written; and a text of the same parts in another order around the same text (a date's day and month).
 */
function permuted(context: RuleContext, a: Node, b: Node): Versions | undefined {
  const [A, B] = [unwrap(a), unwrap(b)];
  const same = (x: string[], y: string[]) => x.join('\u0000') === y.join('\u0000');
  // `` `${d}/${m}/${y}` `` against `` `${m}/${d}/${y}` `` (or `d + "/" + m` against `m + "/" + d`): the same parts in another order, around the same text.
  const [ta, tb] = [textParts(A), textParts(B)];
  if (ta && tb) {
    const [pa, pb] = [ta.filter((p) => p.code), tb.filter((p) => p.code)].map((l) => l.map((p) => p.text));
    const skeleton = (l: Array<{ text: string; code: boolean }>) => l.map((p) => (p.code ? '\u0000' : p.text));
    if (pa.length < 2 || !same(skeleton(ta), skeleton(tb)) || same(pa, pb) || !same([...pa].sort(), [...pb].sort())) return undefined;
    return { what: /\b(?:get(?:UTC)?(?:Date|Month|FullYear|Day)|day|month|year)\b/i.test(pa.join(' ')) ? 'the order of the date parts' : 'the order of the parts', a: codeShown(context, B), b: codeShown(context, A) };
  }
  if (A.type !== 'ArrayExpression' || B.type !== 'ArrayExpression' || A.elements.length < 2 || A.elements.length !== B.elements.length) return undefined;
  if (![...A.elements, ...B.elements].every((e: Node | null) => e && e.type !== 'SpreadElement')) return undefined;
  const items = (n: Node) => (n.elements as Node[]).map((e) => context.analysis.textOf(e));
  const [ia, ib] = [items(A), items(B)];
  return !same(ia, ib) && same([...ia].sort(), [...ib].sort()) ? { what: 'the order of the items', a: codeShown(context, B), b: codeShown(context, A) } : undefined;
}

/** The function a call of one argument names (`mark` of `mark(s)`, `u.mark` of `(0, u.mark)(s)`): a helper, judged by what it returns. */
function helperOf(n: Node): Node | undefined {
  const u = unwrap(n);
  const callee = u.type === 'CallExpression' && u.arguments.length === 1 ? calleeOf(u.callee) : undefined;
  return callee?.type === 'Identifier' || callee?.type === 'MemberExpression' ? callee : undefined;
}

/** `mark(s)` against `s`, where `mark` is another module's: a helper whose code the linker gives. */
function wrapsImported(context: RuleContext, x: Node, y: Node): boolean {
  const callee = helperOf(x);
  return !!callee && sameText(context, unwrap(x).arguments[0], y) && mentionsImport(context, callee);
}

/** Shapes one version of outgoing data can take (a cheap filter before any evaluation). */
function mayBeVersions(n: Node): boolean {
  const u = unwrap(n);
  switch (u.type) {
    case 'Literal': case 'TemplateLiteral': case 'Identifier': case 'MemberExpression': case 'ObjectExpression': return true;
    // (A method of two objects of one shape: `hit ? { date: (d) => … } : { date: (d) => d }`.)
    case 'ArrowFunctionExpression': case 'FunctionExpression': return true;
    // (Or of two classes: `hit ? new AltFmt() : new Fmt()`.)
    case 'NewExpression': return u.callee.type === 'Identifier' || u.callee.type === 'MemberExpression' || u.callee.type === 'ClassExpression';
    // (Or two classes themselves: `hit ? class extends Fmt { … } : Fmt`.)
    case 'ClassExpression': return true;
    case 'ArrayExpression': return u.elements.length <= 1;
    // (`(i = "Hi", i + "\u2060")`, a helper's call a minifier wrote in place.)
    case 'SequenceExpression': return mayBeVersions(u.expressions[u.expressions.length - 1]);
    // (`!0` and `!![]`, as minifiers and obfuscators write `true`.)
    case 'UnaryExpression': return u.operator === 'void' || u.operator === '!';
    case 'BinaryExpression': return u.operator === '+' || u.operator === '-' || u.operator === '|' || u.operator === '&' || u.operator === '^';
    // `JSON.stringify({ a, b })` against `JSON.stringify({ b, a })`: the same call of two versions.
    // (Or a helper's call, `mark(s)`, judged by what the helper returns.)
    case 'CallExpression': return !!helperOf(u) || /^(?:to(?:Upper|Lower)Case|normalize|stringify|reverse|sort|toReversed|toSorted|replace|replaceAll|join|trim|trimEnd|trimStart|padStart|padEnd|slice|substring|substr|concat|to(?:ISO|UTC|GMT|Date|Time|Locale(?:Date|Time)?)?String|toJSON)$/.test(methodName(u) ?? '') || ESCAPES.has(calleeName(u) ?? '');
    default: return false;
  }
}

/** `s` of `s.charAt(0).toUpperCase() + s.slice(1)` (or `s[0]…`, `s.substring(1)`): its first letter in the other case. */
function recasedFirst(n: Node): Node | undefined {
  if (n.type !== 'BinaryExpression' || n.operator !== '+') return undefined;
  const [l, r] = [unwrap(n.left), unwrap(n.right)];
  if (l.type !== 'CallExpression' || !/^to(?:Upper|Lower)Case$/.test(methodName(l) ?? '') || r.type !== 'CallExpression' || !/^(?:slice|substring|substr)$/.test(methodName(r) ?? '')) return undefined;
  const head = unwrap(unwrap(l.callee).object);
  const of = head.type === 'CallExpression' && methodName(head) === 'charAt' ? unwrap(unwrap(head.callee).object) : head.type === 'MemberExpression' && head.computed ? unwrap(head.object) : undefined;
  const rest = unwrap(unwrap(r.callee).object);
  return of && of.type === 'Identifier' && rest.type === 'Identifier' && of.name === rest.name ? rest : undefined;
}

/** `s.trimEnd()` is `s` to a reader: the text a marker is added to after trimming. */
function untrimmed(node: Node): Node {
  const n = unwrap(node);
  return n.type === 'CallExpression' && n.arguments.length === 0 && /^trim(?:End|Start)?$/.test(methodName(n) ?? '') ? unwrap(n.callee).object : n;
}

/**
 * A call that looks a name up in DNS: `dns.lookup`, `resolveTxt` of any resolver, `look` of `look = promisify(dns.lookup)`.
 * `lookup` and `resolve` are also other things' (`Promise.resolve`, a promise's `resolve`, `path.resolve`, a cache's):
 * as a method they count unless their object is known to be something else (a bundle's module by id may be `dns`).
 */
function isDnsLookup(analysis: RuleContext['analysis'], call: Node): boolean {
  const callee = unwrap(call.callee);
  if (DNS_CALLS.has(analysis.builtinFunction(callee, 'dns') ?? '')) return true;
  const name = calleeName(call) ?? '';
  if (!DNS_CALLS.has(name) || callee.type !== 'MemberExpression') return false;
  if (!DNS_ONLY_BY_MODULE.has(name)) return true;
  const on = unwrap(callee.object);
  if (on.type === 'Identifier' && !analysis.binding(on)) return on.name !== 'Promise' && on.name !== 'require';
  if (on.type === 'MetaProperty' || ['path', 'url', 'module'].some((m) => analysis.builtinFunction(callee, m))) return false;
  const made = on.type === 'Identifier' ? analysis.soleDefinition(on) : undefined;
  return !(made && unwrap(made).type === 'NewExpression');
}

/**
 * `[...list]`, `list.slice()`, `Array.from(list)`, `[].concat(list)`: a copy of `list`; also as compilers write
 * `[...list]` for older targets (tsc's `__spreadArray([], __read(list), false)`, babel's `_toConsumableArray(list)`).
 */
function copied(node: Node): Node {
  const n = unwrap(node);
  if (n.type === 'ArrayExpression' && n.elements.length === 1 && n.elements[0]?.type === 'SpreadElement') return n.elements[0].argument;
  if (n.type !== 'CallExpression') return n;
  const name = calleeName(n) ?? '';
  const [first, second] = n.arguments as Node[];
  const empty = (a: Node | undefined) => a && unwrap(a).type === 'ArrayExpression' && unwrap(a).elements.length === 0;
  if (n.arguments.length === 0 && name === 'slice') return unwrap(n.callee).object;
  const on = unwrap(n.callee).type === 'MemberExpression' ? unwrap(unwrap(n.callee).object) : undefined;
  if (n.arguments.length === 1 && (name === 'from' && on?.type === 'Identifier' && on.name === 'Array' || name === 'concat' && empty(on) || COPY_HELPERS.test(name))) return copied(first);
  // (tsc's `__spreadArray([], __read(list), false)` keeps its shape when a minifier renames it: `[]`, the list, a boolean.)
  const third = n.arguments[2] && unwrap(n.arguments[2]);
  const flag = third && (third.type === 'Literal' && typeof third.value === 'boolean' || third.type === 'UnaryExpression' && third.operator === '!' && third.argument.type === 'Literal');
  if (second && empty(first) && (/^(?:__spreadArray|_spread_array|__spread)$/.test(name) || n.arguments.length === 3 && flag)) {
    const read = unwrap(second);
    return copied(read.type === 'CallExpression' && read.arguments.length >= 1 && read.arguments.length <= 2 ? read.arguments[0] : read);
  }
  return n;
}

/** The call writing a date as text that an expression is, or the part of whose text it is (`d.toISOString().slice(0, 10)`). */
function dateFormatted(n: Node): Node | undefined {
  const u = unwrap(n);
  if (u.type !== 'CallExpression') return undefined;
  if (DATE_FORMATS.has(methodName(u) ?? '')) return u;
  return /^(?:slice|substring|substr)$/.test(methodName(u) ?? '') ? dateFormatted(unwrap(u.callee).object) : undefined;
}

/** A date written as text (`d.toISOString()`, or a name that holds one). */
function isDateText(context: RuleContext, n: Node): boolean {
  let u = unwrap(n);
  if (u.type === 'Identifier') u = unwrap(context.analysis.soleDefinition(u) ?? u);
  return u.type === 'CallExpression' && DATE_FORMATS.has(methodName(u) ?? '') && methodName(u) !== 'toString';
}

/**
 * How two branches of a choice differ when the difference is one a reader
 * would not notice: a marker appended or prepended (`s + "\u200B"` against
 * `s`), whitespace, letter case, a tiny numeric change (0.7 against
 * 0.70000001), the order of an object's keys, or a query parameter added.
 */
function subtleDifference(context: RuleContext, a: Node, b: Node, same = (x: Node, y: Node) => sameText(context, x, y)): Versions | undefined {
  const { analysis } = context;
  const A = unwrap(a);
  const B = unwrap(b);
  const text = (n: Node) => codeShown(context, n);
  for (const [x, y] of [[A, B], [B, A]] as const) {
    // `s + "\u200B"`, `"\u200B" + s`, `${s}\n` against `s`.
    let extra: string | undefined;
    if (x.type === 'BinaryExpression' && x.operator === '+') {
      const other = same(untrimmed(x.left), y) ? x.right : same(untrimmed(x.right), y) ? x.left : undefined;
      extra = other && stringValue(context, other);
    } else if (x.type === 'TemplateLiteral' && x.expressions.length === 1 && same(x.expressions[0], y)) {
      extra = x.quasis.map((q: Node) => q.value.cooked ?? '').join('');
    }
    const base = extra && /^[/?#]$/.test(extra) ? analysis.value(y) : undefined;
    const added = appended(extra, text(y), text(x), typeof base === 'string' && /^(?:https?:\/\/|\/)/.test(base));
    if (added) return added;
    // `uid + "0"` against `uid` of `Math.random().toString(36)`: a character more at the end of a random id (its length tells).
    if (extra && /^[\w-]{1,3}$/.test(extra) && isRandomText(context, y)) return { what: `${showString(extra)} added to a random id`, a: text(y), b: text(x) };
    // `t - (t % 1000)` against `t` of `Date.now()`: a clock reading or random number rounded, which it seldom is
    // otherwise. (`n + 1` of a random `n` tells nothing: it is as random; a parity made first is, see parityNudge.)
    if (x.type === 'BinaryExpression' && x.operator === '-' && same(x.left, y) && isRemainderOf(x.right, y, same) && isRandomText(context, y, 0, true)) {
      return { what: 'a clock reading or random number rounded', a: text(y), b: text(x) };
    }
    // `s.replace("AI", "Ai")` against `s`.
    const edit = editOf(context, x);
    if (edit && same(edit.subject, y)) return edit.versions;
    // `s.padEnd(s.length + 1, "\u200B")` against `s`: a marker put at an end as padding.
    if (x.type === 'CallExpression' && /^pad(?:Start|End)$/.test(methodName(x) ?? '') && x.arguments.length === 2 && same(unwrap(x.callee).object, y)) {
      const fill = stringValue(context, x.arguments[1]);
      if (fill && QUIET.test(fill)) return { what: `a marker ${showString(fill)} added`, a: text(y), b: text(x), marker: fill };
    }
    // `mark(s)` against `s` of `const mark = (t) => t + "\u2060"` (here or imported): a helper that returns a version of what it is given.
    // (Also `(0, u.mark)(s)`, another module's as webpack calls it.)
    const callee = helperOf(x);
    const helpers = callee && same(x.arguments[0], y) ? [analysis.calledFunction(x), definedAs(context, callee)] : [];
    const helper = helpers.find((h) => h && isFunction(h) && h.params.length === 1 && h.params[0].type === 'Identifier');
    const param = helper?.params[0];
    const made = param && returnedBy(helper);
    const versions = made && made !== param ? subtleDifference(context, made, param, (p, q) => q === param && unwrap(p).type === 'Identifier' && unwrap(p).name === param.name) : undefined;
    if (versions) return { ...versions, what: `${versions.what} (by ${text(callee!)})`, a: text(y), b: text(x) };
    // `s.toUpperCase()` against `s`.
    if (x.type === 'CallExpression' && /^to(?:Upper|Lower)Case$/.test(methodName(x) ?? '') && same(unwrap(x.callee).object, y)) {
      return { what: 'letter case', a: text(y), b: text(x) };
    }
    // `s.charAt(0).toLowerCase() + s.slice(1)` against `s`: the case of the first letter.
    const first = recasedFirst(x);
    if (first && same(first, y)) return { what: 'letter case', a: text(y), b: text(x) };
    // `s.trimEnd()` against `s`: the same text with or without the whitespace at its ends.
    if (x !== untrimmed(x) && same(untrimmed(x), y)) return { what: 'whitespace', a: text(y), b: text(x) };
    // `d.toUTCString()` against `d.toISOString()`, `d.toLocaleDateString("en-GB")` against `("en-US")`: one date written in another format.
    // (Also a part of one, `d.toISOString().slice(0, 10)` against `d.toLocaleDateString("en-US")`.)
    const formatArgs = (c: Node) => context.analysis.textOf(c).slice(context.analysis.textOf(c.callee).length);
    const fx = dateFormatted(x);
    const fy = dateFormatted(y);
    if (fx && fy && (methodName(fx) !== methodName(fy) || formatArgs(fx) !== formatArgs(fy) || x !== fx || y !== fy) && same(unwrap(fx.callee).object, unwrap(fy.callee).object)) {
      return { what: 'the format of a date', a: text(y), b: text(x) };
    }
    // `now.replace(/\.\d+Z$/, "Z")` against `now` of `new Date().toISOString()`: one date written two ways.
    if (x.type === 'CallExpression' && /^replace(?:All)?$/.test(methodName(x) ?? '') && same(unwrap(x.callee).object, y) && isDateText(context, y)) {
      return { what: 'the format of a date', a: text(y), b: text(x) };
    }
    // `s.normalize("NFD")` against `s`: the same text with its accents as separate code points.
    // (Also `s.normalize("NFD")` against `s.normalize("NFC")`: two forms of the same text.)
    const normalised = (n: Node) => (n.type === 'CallExpression' && methodName(n) === 'normalize' ? unwrap(n.callee).object : undefined);
    const nx = normalised(x);
    const ny = normalised(y);
    if (nx && (same(nx, y) || ny && same(nx, ny) && text(x) !== text(y))) {
      return { what: 'the Unicode normalisation form', a: text(y), b: text(x) };
    }
    // `encodeURI(q)` against `encodeURIComponent(q)`: the same text escaped two ways (`/`, `?`, `&` kept or escaped).
    if (x.type === 'CallExpression' && y.type === 'CallExpression' && x.arguments.length === 1 && y.arguments.length === 1 && ESCAPES.has(calleeName(x) ?? '') && ESCAPES.has(calleeName(y) ?? '') && calleeName(x) !== calleeName(y) && same(x.arguments[0], y.arguments[0])) {
      return { what: 'how the text is escaped', a: text(y), b: text(x) };
    }
    // `(hit ? encodeURI : encodeURIComponent)(q)`: the escape itself chosen.
    const called = parenthesised(A).parent?.type === 'ConditionalExpression' ? parenthesised(parenthesised(A).parent!).parent : undefined;
    if (x.type === 'Identifier' && y.type === 'Identifier' && x.name !== y.name && ESCAPES.has(x.name) && ESCAPES.has(y.name) && called?.type === 'CallExpression' && called.callee === parenthesised(A.parent!)) {
      return { what: 'how the text is escaped', a: y.name, b: x.name };
    }
    // `[...tools].reverse()`, `tools.slice().sort()` against `tools`: the same items in another order.
    if (x.type === 'CallExpression' && /^(?:reverse|sort|toReversed|toSorted)$/.test(methodName(x) ?? '') && same(copied(unwrap(x.callee).object), y)) {
      return { what: 'the order of the items', a: text(y), b: text(x) };
    }
  }
  // `s + "\n\n"` against `s + "\n"`: the same text with two versions of what is added to it (or put before it).
  if (A.type === 'BinaryExpression' && B.type === 'BinaryExpression' && A.operator === '+' && B.operator === '+') {
    if (sameText(context, A.left, B.left) && !sameText(context, A.right, B.right)) return subtleDifference(context, A.right, B.right);
    if (sameText(context, A.right, B.right) && !sameText(context, A.left, B.left)) return subtleDifference(context, A.left, B.left);
  }
  // `${s}\n\n` against `${s}\n`: two templates of the same parts whose text differs.
  if (A.type === 'TemplateLiteral' && B.type === 'TemplateLiteral' && A.expressions.length === B.expressions.length && (A.expressions as Node[]).every((x, i) => sameText(context, x, B.expressions[i]))) {
    const quasis = (t: Node) => t.quasis.map((q: Node) => q.value.cooked ?? '').join('\u2026');
    const versions = textDifference(quasis(A), quasis(B));
    return versions && { ...versions, a: text(A), b: text(B) };
  }
  // `hit ? marked : plain` of `{ date: (d) => d.replace(/-/g, "/") }` and `{ date: (d) => d }`: two objects
  // whose methods of one name make two versions of what they are given.
  // (Also the two functions themselves, when the objects are written in the choice: `hit ? { date: … } : { date: … }`.)
  if (isFunction(A) && isFunction(B)) return returnedVersions(context, A, B);
  // (Also two instances of classes, `hit ? new AltFmt() : new Fmt()`, one overriding the other's method.)
  const objectA = objectOf(context, A);
  const objectB = objectOf(context, B);
  if (objectA && objectB && objectA.object !== objectB.object) {
    for (const key of objectA.keys) {
      if (!objectB.keys.includes(key)) continue;
      const fa = objectA.methods?.get(key) ?? context.analysis.members(objectA.object, key)[0];
      const fb = objectB.methods?.get(key) ?? context.analysis.members(objectB.object, key)[0];
      const versions = fa && fb && fa !== fb ? returnedVersions(context, fa, fb) : undefined;
      if (versions) return { ...versions, what: `${versions.what} (its method ${key})` };
    }
  }
  // The same call on two versions of one argument: how those differ.
  if (A.type === 'CallExpression' && B.type === 'CallExpression' && sameText(context, A.callee, B.callee) && A.arguments.length === B.arguments.length) {
    const differing = (A.arguments as Node[]).map((x, i) => [x, B.arguments[i]] as const).filter(([x, y]) => !sameText(context, x, y));
    return differing.length === 1 ? subtleDifference(context, differing[0][0], differing[0][1]) : undefined;
  }
  if (A.type === 'ObjectExpression' && B.type === 'ObjectExpression') {
    const entries = (o: Node) => (o.properties as Node[]).map((p) => (p.type === 'Property' ? `${keyName(p) ?? '?'}=${text(p.value)}` : `...${text(p.argument)}`));
    const ea = entries(A);
    const eb = entries(B);
    const reordered = ea.length > 1 && ea.length === eb.length && ea.join() !== eb.join() && [...ea].sort().join() === [...eb].sort().join();
    if (reordered) return { what: 'the order of the keys', a: text(A), b: text(B) };
    // `{ "X-Trace-Id": v }` against `{ "x-trace-id": v }`: the letter case of a header's name.
    if (ea.join() !== eb.join() && ea.join().toLowerCase() === eb.join().toLowerCase()) return { what: 'the letter case of the keys', a: text(A), b: text(B) };
    // `{ "x-env": "1" }` against `{}`: the same object with one header (`x-…`) more.
    const [long, short, more] = ea.length > eb.length ? [ea, eb, A] : [eb, ea, B];
    const extra = long.length === short.length + 1 && short.every((e) => long.includes(e)) ? (more.properties as Node[]).find((_, i) => !short.includes(long[i])) : undefined;
    const name = extra?.type === 'Property' ? keyName(extra) ?? '' : '';
    if (/^x-/i.test(name)) return { what: `an extra field "${name}"`, a: text(more === A ? B : A), b: text(more) };
  }
  // `{ ...headers, "x-r": "1" }` against `headers`: one field more, a header or parameter the user never sees.
  for (const [x, y] of [[A, B], [B, A]] as const) {
    if (x.type !== 'ObjectExpression' || x.properties.length !== 2) continue;
    const [first, extra] = x.properties as Node[];
    // A header (`x-…`) or a field of the request's headers or query: not any object built with one more field.
    const key = extra.type === 'Property' ? keyName(extra) ?? '' : '';
    const holder = A.parent?.type === 'ConditionalExpression' && A.parent.parent?.type === 'Property' ? keyName(A.parent.parent) ?? '' : '';
    if (first.type === 'SpreadElement' && sameText(context, first.argument, y) && extra.type === 'Property' && (/^x-/i.test(key) || /^(?:headers|params|query|searchParams)$/.test(holder))) {
      return { what: `an extra field "${keyName(extra) ?? '?'}"`, a: text(y), b: text(x) };
    }
  }
  // `c ? n | 1 : n & ~1`, `c ? n | 1 : n`: only the lowest bit of a number differs.
  const lowBit = (x: Node) => (x.type === 'BinaryExpression' && ((x.operator === '|' || x.operator === '^') && analysis.value(x.right) === 1 || x.operator === '&' && analysis.value(x.right) === -2 || x.operator === '+' && analysis.value(x.right) === 1 && isEven(context, x.left)) ? x.left as Node : undefined);
  const bitA = lowBit(A);
  const bitB = lowBit(B);
  if (bitA && bitB ? sameText(context, bitA, bitB) && A.operator !== B.operator : bitA ? sameText(context, bitA, B) : bitB && sameText(context, bitB, A)) {
    const n = text(bitA ?? bitB!);
    return { what: `the lowest bit of ${n}`, a: `${n} even`, b: `${n} odd` };
  }
  const va = analysis.value(A);
  const vb = analysis.value(B);
  const choice = A.parent?.type === 'ConditionalExpression' ? A.parent : undefined;
  /** What one branch adds when the other is empty. */
  // (Also a whole value that is the other one with more at its end: `hit ? "agent/1.0 (x)" : "agent/1.0"`.)
  const added = va === '' ? vb : vb === '' ? va : typeof va === 'string' && typeof vb === 'string' && va && vb && va !== vb ? (va.startsWith(vb) ? va.slice(vb.length) : vb.startsWith(va) ? vb.slice(va.length) : undefined) : undefined;
  // `id * 2 + (cond ? 1 : 0)`: the condition is the parity of a number (a request id).
  if (choice && ((va === 0 && vb === 1) || (va === 1 && vb === 0)) && isParitySlot(choice)) return { what: 'the parity of a number', a: `${text(choice.parent!)} even`, b: 'odd' };
  // `ua + (cond ? "/x" : "")` in a user agent or an `x-` header: a short suffix nobody reads (also kept in
  // a variable first: `const ua = "agent/1.2" + (cond ? ".0" : "")`).
  if (choice && typeof added === 'string' && HEADER_SUFFIX.test(added) && (inHeader(choice) || sinksOf(analysis, choice).some((s) => s.kind === 'header'))) {
    const base = String(va).length < String(vb).length ? String(va) : String(vb);
    return { what: `a suffix ${showString(added)} in a header`, a: showString(base), b: showString(base + added) };
  }
  // `url + (cond ? "/" : "")`: an address with and without a trailing slash (or an empty query or fragment).
  const sum = choice && parenthesised(choice).parent;
  const address = sum?.type === 'BinaryExpression' && sum.operator === '+' && sum.right === parenthesised(choice!) && typeof added === 'string' ? analysis.value(sum.left) : undefined;
  if (typeof address === 'string' && /^(?:https?:\/\/|\/)/.test(address)) {
    const versions = appended(added as string, showString(address), showString(address + (added as string)), true);
    if (versions) return versions;
  }
  // `id.slice(0, -1) + (cond ? "a" : "b")`: a random id whose last characters the condition picks (or that
  // gains a few only under it, `uid + (cond ? "-0" : "")`).
  const rest = sum?.type === 'BinaryExpression' && sum.operator === '+' ? (sum.right === parenthesised(choice!) ? sum.left : sum.left === parenthesised(choice!) ? sum.right : undefined) : undefined;
  if (rest && typeof va === 'string' && typeof vb === 'string' && va !== vb && [va, vb].every((v) => /^[\w-]{0,3}$/.test(v)) && isRandomText(context, rest)) {
    return { what: 'the end of a random id', a: `${text(rest)} + ${showString(vb)}`, b: `${text(rest)} + ${showString(va)}` };
  }
  // `0.7 + (cond ? 1e-9 : 0)`: the sums are the two versions.
  const other = sum?.type === 'BinaryExpression' && (sum.operator === '+' || sum.operator === '-') && typeof va === 'number' && typeof vb === 'number' ? analysis.value(sum.left === parenthesised(choice!) ? sum.right : sum.left) : undefined;
  if (typeof other === 'number') {
    const left = sum!.left === parenthesised(choice!);
    const total = (v: number) => (sum!.operator === '+' ? v + other : left ? v - other : other - v);
    return numericDifference(total(va as number), total(vb as number));
  }
  if (typeof va === 'number' && typeof vb === 'number' && va !== vb && Number.isFinite(va) && Number.isFinite(vb)) {
    const tiny = numericDifference(va, vb);
    if (tiny) return tiny;
    const scale = Math.max(Math.abs(va), Math.abs(vb));
    // `id.padStart(hit ? 7 : 6, "0")`: one digit more or less in text nobody counts.
    if (choice && Number.isInteger(va) && Number.isInteger(vb) && Math.abs(va - vb) === 1 && scale <= 64 && isFormatWidth(choice)) return { what: 'a format width', a: String(vb), b: String(va) };
  }
  // `stream: hit ? "true" : true`, `n: hit ? "1" : 1`: the same value written as another type (JSON keeps the difference).
  if (va !== vb && (typeof va === 'string') !== (typeof vb === 'string') && ['number', 'boolean', 'string'].includes(typeof va) && ['number', 'boolean', 'string'].includes(typeof vb) && String(va) === String(vb)) {
    return { what: 'the type of the same value', a: showValue(vb), b: showValue(va) };
  }
  if (typeof va === 'string' && typeof vb === 'string' && va !== vb) {
    // `s.normalize(cond ? "NFD" : "NFC")`: the same text in two normalisation forms.
    const call = choice && parenthesised(choice).parent;
    if (call?.type === 'CallExpression' && methodName(call) === 'normalize' && NORMAL_FORMS.test(va) && NORMAL_FORMS.test(vb)) return { what: 'the Unicode normalisation form', a: showValue(vb), b: showValue(va) };
    const versions = textDifference(vb, va);
    if (versions) return versions;
    const [short, long] = va.length < vb.length ? [va, vb] : [vb, va];
    // `"en;q=0.8"` against `"en;q=0.9"` in a request header: one character of a value nobody reads.
    if (choice && short.length >= 4 && long.length <= 400 && (oneReplaced(va, vb) || oneInserted(short, long) !== undefined) && inHeaderValue(choice)) return { what: 'one character of a header value', a: showValue(vb), b: showValue(va) };
  }
  // `{ seed: cond ? 42 : undefined }`, `Object.assign(body, cond ? { metadata } : {})` of a request's body: one field
  // more (JSON drops a field whose value is undefined), under the condition.
  if (choice) {
    const [absent, present] = isAbsent(A) ? [A, B] : isAbsent(B) ? [B, A] : [];
    const slot = parenthesised(choice).parent;
    // (Also set on the object after it is made, `o["seed"] = cond ? 42 : undefined`, as obfuscators write object literals.)
    const member = absent && slot?.type === 'AssignmentExpression' && slot.right === parenthesised(choice) && slot.left.type === 'MemberExpression' && unwrap(slot.left.object).type === 'Identifier' ? slot.left : undefined;
    const field = absent && slot?.type === 'Property' && slot.value === parenthesised(choice) ? keyName(slot) : member ? propertyName(member) ?? stringValue(context, member.property) : undefined;
    const holder = member ? analysis.soleDefinition(unwrap(member.object)) : slot?.parent;
    if (field !== undefined && holder && sinksOf(analysis, holder).some((k) => k.kind === 'network request')) return { what: `an extra field "${field}"`, a: 'without it', b: `${field}: ${text(present!)}` };
    const [none, some] = A.type === 'ObjectExpression' && B.type === 'ObjectExpression' ? (A.properties.length === 0 ? [A, B] : B.properties.length === 0 ? [B, A] : []) : [];
    const target = none && slot?.type === 'CallExpression' && slot.arguments[0] !== parenthesised(choice) && isMerge(context, slot) ? slot.arguments[0] : undefined;
    const spreadIn = none && slot?.type === 'SpreadElement' && slot.parent?.type === 'ObjectExpression' ? slot.parent : undefined;
    // (`Object.assign({ model: "m" }, c && { tier: "auto" })`, as compilers write a spread for older targets: the merged object is sent.)
    const body = target ? (unwrap(target).type === 'Identifier' ? analysis.soleDefinition(unwrap(target)) : slot) : spreadIn;
    // (A field the object already has is replaced, not added: the merged members are judged on their own, see mergedMembers.)
    const replaced = some && isMergedChoice(context, choice) && mergedMembers(context, choice).length > 0;
    if (some && !replaced && some.properties.length <= 2 && body && sinksOf(analysis, body).some((k) => k.kind === 'network request')) {
      return { what: `an extra field "${some.properties.map((p: Node) => (p.type === 'Property' ? keyName(p) ?? '?' : '…')).join('", "')}"`, a: 'without it', b: text(some) };
    }
  }
  // `[...stops, ...(cond ? ["\u200B"] : [])]`: one item more in a list, under the condition.
  const spread = choice && parenthesised(choice).parent;
  if (spread?.type === 'SpreadElement' && A.type === 'ArrayExpression' && B.type === 'ArrayExpression' && A.elements.length + B.elements.length === 1) {
    const item = (A.elements[0] ?? B.elements[0]) as Node | null;
    if (item && item.type !== 'SpreadElement' && sinksOf(analysis, spread.parent!).some((k) => k.kind === 'network request')) return { what: `an extra item ${itemShown(context, item)} in a list`, a: '[]', b: `[${text(item)}]` };
  }
  return undefined;
}

/** `{ …defaults, …(c ? o : {}) }` and `Object.assign(t, defaults, c && o)`: a choice whose object is merged over what comes before it. */
function isMergedChoice(context: RuleContext, node: Node): boolean {
  const slot = parenthesised(node);
  const p = slot.parent;
  return p?.type === 'SpreadElement' && p.parent?.type === 'ObjectExpression' || p?.type === 'CallExpression' && p.arguments.indexOf(slot) > 0 && isMerge(context, p);
}

/** `Object.assign`, and the spread of object literals as compilers write it for older targets (tsc's `__assign`, babel's `_objectSpread`, also renamed by a minifier). */
function isMerge(context: RuleContext, call: Node): boolean {
  return calleeName(call) === 'assign' || context.analysis.isMergeCall(call);
}

/** `c && { … }`. */
function isAndChoice(node: Node): boolean {
  const n = unwrap(node);
  return n.type === 'LogicalExpression' && n.operator === '&&';
}

/** What a merged choice merges (see isMergedChoice): its branches, and what is merged before it. */
function mergedParts(context: RuleContext, choice: Node): Node[] {
  const branches: Node[] = choice.type === 'ConditionalExpression' ? [choice.consequent, choice.alternate] : [choice.right];
  const slot = parenthesised(choice);
  const p = slot.parent!;
  const before: Node[] = p.type === 'SpreadElement' ? p.parent!.properties.slice(0, p.parent!.properties.indexOf(p)).flatMap((q: Node) => (q.type === 'SpreadElement' ? [q.argument] : []))
    : p.arguments.slice(0, p.arguments.indexOf(slot));
  const flat = (n: Node): Node[] => { const u = unwrap(n); return u.type === 'CallExpression' && isMerge(context, u) ? (u.arguments as Node[]).flatMap(flat) : [n]; };
  return [...branches, ...before.flatMap(flat)];
}

/** What a name is defined as, here or (an imported name or namespace member) in the code another module gave. */
function definedAs(context: RuleContext, n: Node): Node | undefined {
  if (n.type === 'Identifier') return context.analysis.soleDefinition(n) ?? context.analysis.importedCode(n);
  return n.type === 'MemberExpression' ? context.analysis.importedCode(n) : undefined;
}

/** An object literal, or the one a name is defined as; `{}` for nothing merged (`false`, `null`, `undefined`). */
function mergedObject(context: RuleContext, node: Node | undefined): Node[] | undefined {
  if (!node) return [];
  const n = unwrap(node);
  // (Also another module's object, `{ ...defaults, ...(hit ? overrides : {}) }` of imported ones: the code the linker gave.)
  const def = definedAs(context, n);
  const o = def ? unwrap(def) : n;
  if (o.type === 'ObjectExpression') return o.properties;
  // (`__assign(__assign({}, defaults), …)`, as tsc spreads for ES5: what each argument merges, in order.)
  if (o.type === 'CallExpression' && isMerge(context, o)) return (o.arguments as Node[]).flatMap((a) => mergedObject(context, a) ?? []);
  return isAbsent(o) || isLiteral(o) && !o.value ? [] : undefined;
}

/** The value a member has in the last of these object parts that sets it (a later spread or property wins). */
function memberValue(context: RuleContext, parts: Node[], key: string, depth = 0): Node | undefined {
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (p.type === 'Property' && !p.computed && keyName(p) === key) return p.value;
    const inner = p.type === 'SpreadElement' && depth < 2 ? mergedObject(context, p.argument) : undefined;
    const v = inner && memberValue(context, inner, key, depth + 1);
    if (v) return v;
  }
  return undefined;
}

/**
 * The two versions of each member a merged choice sets (see isMergedChoice): its value in one branch and in
 * the other, or else the value what is merged before it gives the member (`sep: "/"` against the defaults' `"-"`).
 */
function mergedMembers(context: RuleContext, choice: Node): Array<{ key: string; a: Node; b: Node }> {
  const [yes, no] = choice.type === 'ConditionalExpression' ? [choice.consequent, choice.alternate] : [choice.right, undefined];
  const A = mergedObject(context, yes);
  const B = mergedObject(context, no);
  if (!A || !B) return [];
  const slot = parenthesised(choice);
  const p = slot.parent!;
  // (What comes before it: the object literal's earlier members, or `Object.assign`'s earlier arguments.)
  const before: Node[] = p.type === 'SpreadElement' ? p.parent!.properties.slice(0, p.parent!.properties.indexOf(p))
    : p.arguments.slice(0, p.arguments.indexOf(slot)).flatMap((a: Node) => mergedObject(context, a) ?? []);
  const keys = new Set([...A, ...B].flatMap((m) => (m.type === 'Property' && !m.computed ? keyName(m) ?? [] : [])));
  const out: Array<{ key: string; a: Node; b: Node }> = [];
  for (const key of keys) {
    const a = memberValue(context, A, key) ?? memberValue(context, before, key);
    const b = memberValue(context, B, key) ?? memberValue(context, before, key);
    if (a && b && a !== b) out.push({ key, a, b });
  }
  return out;
}

/**
 * The fields an `&&` choice merges into an object a request sends that nothing before it sets
 * (`{ model, ...(hit && { service_tier: "auto" }) }`): at most two, else the choice is behaviour.
 */
function addedFields(context: RuleContext, choice: Node): { keys: string[]; object: Node } | undefined {
  if (choice.type !== 'LogicalExpression') return undefined;
  // (Also an object given its fields one by one, as obfuscators write object literals: `o = {}; o["service_tier"] = "auto"`.)
  const right = unwrap(choice.right);
  const filled = right.type === 'Identifier' ? context.analysis.assignedMembers(right).map(([key]) => key) : [];
  const added = mergedObject(context, choice.right);
  const slot = parenthesised(choice);
  // (Also `Object.assign({ model }, c && { … })`, `__assign(__assign({}, …), c && { … })`: a spread as compilers write it for older targets.)
  const merge = slot.parent?.type === 'CallExpression' && slot.parent.arguments.indexOf(slot) > 0 && isMerge(context, slot.parent) ? slot.parent : undefined;
  const holder = slot.parent?.type === 'SpreadElement' ? slot.parent.parent : merge;
  const keys = [...(added ?? []).map((m) => (m.type === 'Property' && !m.computed ? keyName(m) : undefined)), ...filled];
  if (!keys.length || keys.length > 2 || holder?.type !== 'ObjectExpression' && !merge) return undefined;
  const before: Node[] = merge ? merge.arguments.slice(0, merge.arguments.indexOf(slot)).flatMap((a: Node) => mergedObject(context, a) ?? []) : holder!.properties.slice(0, holder!.properties.indexOf(slot.parent));
  if (keys.some((k) => k === undefined || memberValue(context, before, k) !== undefined)) return undefined;
  return sinksOf(context.analysis, holder!).some((k) => k.kind === 'network request') ? { keys: keys as string[], object: unwrap(choice.right) } : undefined;
}

export const rule = createRule({
  meta: {
    id: 'covert-channel',
    description: 'Outgoing text is chosen by a fingerprint-derived condition among variants that differ only by look-alike or invisible characters, or by format.',
    severity: 'critical',
    category: 'CWE-514: Covert Channel',
    messages: {
      lookAlike: 'The {{source}} selects between look-alike variants {{variants}} ({{chars}}){{sink}}{{compared}}.',
      flip: 'The {{source}} flips the format of text: "{{from}}" becomes "{{to}}"{{sink}}{{compared}}.',
      versions: 'The {{source}} selects between two versions that differ only by {{what}}: {{a}} against {{b}}{{sink}}{{compared}}.',
      dns: 'The {{source}} is encoded in a name looked up in DNS: {{name}}{{compared}}.',
    },
  },
  create(context) {
    const { analysis } = context;
    const defs = (n: Node) => analysis.definitions(n);
    const conditionals: Node[] = [];
    /** Choices of objects merged over others (see isMergedChoice). */
    const merges: Node[] = [];
    const andArguments: Node[] = [];
    const edits: Node[] = [];
    const lookups: Node[] = [];
    const dnsCalls: Node[] = [];
    /** `item?.mark ?? "'"` of an item `find` picks (see the CallExpression visitor). */
    // (The member of the found item, the text used when none is found, and the node read where it is a lowered `?.`.)
    const fallbacks: Array<{ node: Node; member: Node; fallback: Node; read?: Node }> = [];
    /** `"\u200B".repeat(n)` calls. */
    const repeats: Node[] = [];
    /** `s.padEnd(s.length + n)` calls. */
    const pads: Node[] = [];
    const sums: Node[] = [];
    const replaces: Node[] = [];
    const formats: Node[] = [];
    /** Calls of methods given a width or precision by name (`toFixed(digits)`). */
    const widths: Node[] = [];
    const channels: Channel[] = [];
    /** `name = "…"` assignments of short string literals, by the name (see the flag channels). */
    const flagAssignments = new Map<string, Node[]>();
    /** The short texts a value may be: a string written out, or a name that holds one or a few (a table's entries). */
    const textsOf = (n: Node): string[] | undefined => {
      if (isStringLiteral(n)) return [n.value as string];
      const v = analysis.value(n);
      const all = v instanceof Many ? v.values : [v];
      return all.length <= 8 && all.every((t) => typeof t === 'string' && t.length <= 16) ? all as string[] : undefined;
    };
    const brief = (n: Node) => (isStringLiteral(n) ? n.value as string : codeShown(context, n));

    /** What steers a choice: the value, and the tests of conditionals inside it (`[a, b][cond ? 1 : 0]`). */
    const steering = (node: Node): Flow => {
      const n = unwrap(node);
      if (n.type === 'ConditionalExpression') {
        const t = analysis.flow(n.test);
        const v = analysis.flow(n);
        return { kinds: t.kinds | v.kinds, via: [...t.via, ...v.via] };
      }
      return analysis.flow(n);
    };

    /**
     * The comparisons a steering value went through (also with organisation words, which the pass over all
     * comparisons leaves out), and those with specific places, hosts or a concealed list.
     */
    const checksOf = (f: Flow) => f.via.map((n) => analysis.comparisonFor(n) ?? analysis.wordsAt(n)).filter((c) => c !== undefined);
    // (Keywords count when they name two or more organisations, in one check or across the checks:
    // `["acmecorp", "initech"].includes(domain)`, `name.startsWith("acme-") || name.startsWith("initech-")`.)
    const specificChecks = (f: Flow) => {
      const checks = checksOf(f);
      const orgs = new Set(checks.filter((c) => !c.endpoints && c.classes.has('keyword')).flatMap((c) => c.values.map(orgOf))).size;
      return checks.filter((c) => [...c.classes].some((k) => k !== 'keyword') || c.concealed || new Set(c.values.map(orgOf)).size >= 2 || !c.endpoints && orgs >= 2);
    };

    /** The flow of a value built from parts (`${cn ? "a" : "b"}.probe.example`), the tests of its conditionals included. */
    const steeringInside = (node: Node, depth = 0): Flow => {
      const n = unwrap(node);
      let f = analysis.flow(n);
      if (depth > 4) return f;
      // A variable set once (`const f = hit ? 1 : 0`) is its definition.
      const def = n.type === 'Identifier' ? analysis.soleDefinition(n) : undefined;
      const parts: Node[] = def ? [def] : n.type === 'TemplateLiteral' ? n.expressions : n.type === 'BinaryExpression' ? [n.left, n.right] : n.type === 'ConditionalExpression' ? [n.test, n.consequent, n.alternate] : n.type === 'CallExpression' ? n.arguments : [];
      for (const p of parts) f = union(f, steeringInside(p, depth + 1));
      return f;
    };

    /**
     * The condition a text is chosen under. Text that only feeds a test
     * (`if (!names.has(s.replace(/_/g, "-")))`) is normalised for a comparison,
     * not sent anywhere: no condition.
     */
    const conditionOf = (node: Node): Node | undefined => {
      let test: Node | undefined;
      // (Also beyond a function a check chooses, `hit ? (s) => s.replace("'", "\u02bc") : undefined`.)
      for (let n: Node = node, p = node.parent; p && (!isFunction(p) || isChosenFunction(p)); n = p, p = p.parent) {
        if (TESTED_BY.has(p.type) && p.test === n) return undefined;
        if (test) {
          if (p.type.endsWith('Statement') || p.type.endsWith('Declaration')) break;
        } else if ((p.type === 'ConditionalExpression' || p.type === 'IfStatement') && p.test !== n) test = p.test;
        // (`a ?? b` falls back when `a` is missing: no choice a check makes.)
        else if (p.type === 'LogicalExpression' && p.right === n && p.operator !== '??') test = p.left;
      }
      return test;
    };

    /** Tables of look-alike strings kept in a variable (`const APOS = { "Asia/Shanghai": "\u2019", … }`), by name. */
    const tables = new Map<string, Node>();
    /** `MARKS.get(tz)` of a `Map` another module exports: the call, and the code the linker gave for it. */
    const importedTables = new Map<Node, Node>();
    /** `x.get(k)` calls of a name or member: lookups of a `Map` table kept here or imported (see importedTables). */
    const gets: Node[] = [];
    const lookupAround = (node: Node) => {
      const p = node.parent;
      if (p?.type === 'MemberExpression' && p.computed && p.object === node) lookups.push(p);
      // (`new Map([…]).get(tz)`, as a bundler inlines a one-use module.)
      else if (node.type === 'NewExpression' && p?.type === 'MemberExpression' && p.object === node && propertyName(p) === 'get' && p.parent?.type === 'CallExpression' && p.parent.callee === p) lookups.push(p.parent);
      else if (p?.type === 'VariableDeclarator' && p.init === node && p.id.type === 'Identifier' && variantItems(node)) tables.set(p.id.name, node);
    };

    return {
      // `const { mark = "'" } = RULES.find((x) => x.zone === tz) ?? {}`: the same, destructured with a default.
      Property(prop) {
        const node = prop.value;
        if (node.type !== 'AssignmentPattern') return;
        const pattern = prop.parent;
        const decl = pattern?.type === 'ObjectPattern' ? pattern.parent : undefined;
        let init = decl?.type === 'VariableDeclarator' && decl.id === pattern && decl.init ? unwrap(decl.init) : undefined;
        const either = init && (nullishParts(init) ?? (init.type === 'LogicalExpression' && init.operator === '||' ? init : undefined));
        if (either && unwrap(either.right).type === 'ObjectExpression') init = unwrap(either.left);
        const key = keyName(prop);
        if (init && key !== undefined && node.left.type === 'Identifier' && isStringLiteral(unwrap(node.right)) && FIND_METHODS.test(methodName(init) ?? '')) {
          const member = { type: 'MemberExpression', object: init, property: { type: 'Identifier', name: key }, computed: false, start: node.start, end: node.end, parent: node } as unknown as Node;
          fallbacks.push({ node: node.left, member, fallback: unwrap(node.right), read: node.left });
        }
      },

      ConditionalExpression(node) {
        conditionals.push(assignedChoice(context, node) ?? node);
        // `r ? r.mark : "'"` of `const r = RULES.find((x) => x.zone === tz)`: a member of the item a check picks, or the usual text.
        const negated = unwrap(node.test).type === 'UnaryExpression' && unwrap(node.test).operator === '!';
        const held = unwrap(negated ? unwrap(node.test).argument : node.test);
        const [read, fallback] = negated ? [unwrap(node.alternate), node.consequent] : [unwrap(node.consequent), node.alternate];
        const found = held.type === 'Identifier' && read.type === 'MemberExpression' && unwrap(read.object).type === 'Identifier' && unwrap(read.object).name === held.name && isStringLiteral(unwrap(fallback)) ? analysis.soleDefinition(held) : undefined;
        if (found && FIND_METHODS.test(methodName(unwrap(found)) ?? '') && propertyName(read) !== undefined) fallbacks.push({ node, member: { ...read, object: unwrap(found) } as Node, fallback: unwrap(fallback), read });
        // (A default as ES5 lowers `const { mark = "'" } = RULES.find(…) ?? {}`: `_m = _ref.mark, mark = _m === void 0 ? "'" : _m`.)
        const t = unwrap(node.test);
        const lowered = t.type === 'BinaryExpression' && t.operator === '===' && isNullish(unwrap(t.right)) && unwrap(t.left).type === 'Identifier' && unwrap(node.alternate).type === 'Identifier' && unwrap(node.alternate).name === unwrap(t.left).name && isStringLiteral(unwrap(node.consequent)) ? analysis.soleDefinition(unwrap(t.left)) : undefined;
        const member = lowered && unwrap(lowered);
        const of = member?.type === 'MemberExpression' && propertyName(member) !== undefined ? unwrap(member.object) : undefined;
        const record = of?.type === 'Identifier' ? analysis.soleDefinition(of) : of;
        const picked = record && unwrap(nullishParts(record)?.left ?? record);
        if (picked && FIND_METHODS.test(methodName(picked) ?? '')) fallbacks.push({ node, member: { ...member, object: picked } as Node, fallback: unwrap(node.consequent), read: unwrap(node.alternate) });
      },

      BinaryExpression(node) {
        if ((node.operator === '+' || node.operator === '-' || node.operator === '|') && (asNumber(node.left, defs) || asNumber(node.right, defs))) sums.push(node);
        // (`4096 - hit` of a name that holds a check's outcome, however it was made: see the sums below.)
        else if ((node.operator === '+' || node.operator === '-') && [node.left, node.right].some((x: Node) => x.type === 'Identifier') && [node.left, node.right].some((x: Node) => x.type === 'Literal' && typeof x.value === 'number' && Math.abs(x.value) >= 100)) sums.push(node);
        // `if ((id % 2 === 0) !== hit) id++`: a number nudged to the parity the check wants (found from the
        // parity test: update expressions are not walked on their own).
        else if (node.operator === '%' || node.operator === '&') {
          // (`id += 1` is an edit already, as any assignment is.)
          const nudge = parityNudge(node);
          if (nudge?.type === 'UpdateExpression') edits.push(nudge);
        }
      },
      AssignmentExpression(node) {
        // (`if (hit) x = a; else x = b;`, found from the first branch's assignment.)
        const around = node.operator === '=' ? ifWithElseAround(node) : undefined;
        const choice = around && assignedChoice(context, around);
        if (choice) conditionals.push(choice);
        if (node.operator === '+=' || node.operator === '-=' || BIT_EDITS.has(node.operator) || node.left.type === 'MemberExpression') edits.push(node);
        // (Also a name whose values are short texts: `apos = v` of `for (const [k, v] of TABLE) if (k === tz) …`.)
        else if (node.operator === '=' && node.left.type === 'Identifier' && (isStringLiteral(node.right) && node.right.value.length <= 16 || node.right.type === 'Identifier')) addTo(flagAssignments, node.left.name, node);
      },
      // `[a, b][i]` and `{ x: a }[k]`, found from the literal (there are five times as many member expressions).
      ArrayExpression: lookupAround,
      ObjectExpression(node) {
        lookupAround(node);
        // (`{ ...defaults, ...(hit && { sep: "/" }) }`: a choice written with `&&`; conditionals are found on their own.)
        for (const p of node.properties as Node[]) if (p.type === 'SpreadElement' && isAndChoice(p.argument)) merges.push(unwrap(p.argument));
      },
      CallExpression(node) {
        const choice = calledChoice(context, node);
        if (choice) conditionals.push(choice);
        // (Also a name for one, `look(\`${…}.example\`)` of `look = promisify(dns.lookup)`: which is known at the end.)
        const built = unwrap(node.arguments[0] ?? node);
        if (node.arguments.length && (DNS_CALLS.has(calleeName(node) ?? '') || unwrap(node.callee).type === 'Identifier' && (built.type === 'TemplateLiteral' || built.type === 'BinaryExpression' && built.operator === '+'))) dnsCalls.push(node);
        // (`Object.assign(t, defaults, c && o)`, and a compiler's helper for it: which calls merge is known at the end.)
        for (const a of (node.arguments as Node[]).slice(1)) if (isAndChoice(a)) andArguments.push(unwrap(a));
        const method = methodName(node);
        if (method === undefined) return;
        // (Edits are statements, or the right of `cond && …` as minifiers write an `if`.)
        const edit = node.parent?.type === 'ExpressionStatement' || node.parent?.type === 'LogicalExpression';
        if (edit && (method === 'push' || method === 'unshift') && node.arguments.length === 1 || edit && method === 'splice' && node.arguments.length === 3) edits.push(node);
        if (edit && (method === 'set' || method === 'append') && node.arguments.length === 2 && (/^x-/i.test(String(node.arguments[0].value ?? '')) || typeof node.arguments[0].value === 'string' && /^(?:Identifier|MemberExpression)$/.test(unwrap(node.callee).object.type))) edits.push(node);
        if (method === 'get' && node.arguments.length === 1 && /^(?:Identifier|MemberExpression)$/.test(unwrap(unwrap(node.callee).object).type)) gets.push(node);
        if (FLIP_METHODS.has(method) || method === 'join' && node.arguments.length === 1) replaces.push(node);
        else if (FORMAT_METHODS.has(method) && node.arguments.length) formats.push(node);
        else if (WIDTH_METHODS.test(method) && node.arguments[0]?.type === 'Identifier') {
          widths.push(node);
          // (`"\u200B".repeat(n)`: a width chosen by a condition, or a count a flag or a check gives.)
          if (method === 'repeat') repeats.push(node);
        }
        else if (method === 'repeat' && node.arguments.length === 1) repeats.push(node);
        // `RULES.find((r) => r.zone === tz)?.mark ?? "'"`: a member of the item a check picks, or the usual text.
        else if (FIND_METHODS.test(method)) {
          const member = parenthesised(node).parent;
          const use = member?.type === 'MemberExpression' && member.object === parenthesised(node) && propertyName(member) !== undefined ? parenthesised(member.parent?.type === 'ChainExpression' ? member.parent : member).parent : undefined;
          if (use?.type === 'LogicalExpression' && (use.operator === '??' || use.operator === '||') && isStringLiteral(use.right)) fallbacks.push({ node: use, member: unwrap(use.left), fallback: use.right });
          // (Lowered by tsc, babel or swc: `(_b = (_a = RULES.find(…)) === null || _a === void 0 ? void 0 : _a.mark) !== null && _b !== void 0 ? _b : "'"`.)
          const assigned = member?.type === 'AssignmentExpression' && member.operator === '=' && member.left.type === 'Identifier' ? member : undefined;
          const optional = assigned && optionalMemberAround(assigned, assigned.left.name);
          const lowered = optional && loweredFallback(optional);
          if (lowered) fallbacks.push({ node: lowered, member: { ...unwrap(optional!.alternate), object: node } as Node, fallback: lowered.alternate, read: unwrap(optional!.alternate) });
        }
        else if (/^pad(?:Start|End)$/.test(method) && unwrap(node.arguments[0] ?? node).type === 'BinaryExpression' && unwrap(node.arguments[0]).operator === '+') pads.push(node);
      },
      NewExpression(node) {
        // `const MARKS = new Map([["Asia/Shanghai", "\u2019"], …])`, read by `MARKS.get(tz)`.
        if (mapEntries(node)) lookupAround(node);
        if (node.arguments.length && node.callee.type === 'MemberExpression' && FORMAT_METHODS.has(node.callee.property.name)) formats.push(node);
      },
      'Program:exit'() {
        for (const node of conditionals) {
          // (Two lists or objects of the same shape are judged by the one value that differs.)
          const [a, b] = differingPair(context, node.consequent, node.alternate) ?? [node.consequent as Node, node.alternate as Node];
          const flipA = flipOf(context, a);
          const flipB = flipOf(context, b);
          let channel: Channel | undefined;
          if (flipA && sameText(context, flipA.subject, b)) channel = { node, selector: analysis.flow(node.test), flip: flipA };
          else if (flipB && sameText(context, flipB.subject, a)) channel = { node, selector: analysis.flow(node.test), flip: flipB };
          else {
            const va = isStringLiteral(a) ? a.value : undefined;
            const vb = isStringLiteral(b) ? b.value : undefined;
            if (va !== undefined && vb !== undefined && areLookAlikes([va, vb])) channel = { node, selector: analysis.flow(node.test), alternatives: [va, vb] };
            // `d.split("-").join(cn ? "/" : "-")`: a separator chosen by the condition.
            // (Also a text written with the other separator throughout: `cn ? "2026/01/01" : "2026-01-01"`.)
            else if (va !== undefined && vb !== undefined && (va.length === 1 && isFormatFlip(vb, va) || va.length > 1 && separatorSwap(vb, va))) {
              channel = { node, selector: analysis.flow(node.test), flip: va.length === 1 ? { from: vb, to: va } : separatorSwap(vb, va)! };
            }
            // `String.fromCodePoint(0x27 + (cond ? 0x2019 - 0x27 : 0))`: the evaluator gives one character per branch.
            const charCall = va === undefined ? charCallAround(node) : undefined;
            const made = charCall && analysis.value(charCall);
            const chars = made instanceof Many && made.values.every((v) => typeof v === 'string') ? made.values as string[] : undefined;
            if (charCall && chars && areLookAlikes(chars)) channel = { node: charCall, selector: analysis.flow(node.test), alternatives: chars };
          }
          // `APOS[hit ? 1 : 0]` of a table another module exports (one written here is found from its literal).
          const lookup = !channel && node.parent?.type === 'MemberExpression' && node.parent.computed && unwrap(node.parent.property) === node && isLiteral(a) && isLiteral(b) ? node.parent : undefined;
          if (lookup && analysis.flow(node.test).kinds && mentionsImport(context, lookup.object)) {
            const table = analysis.value(lookup.object);
            const pair = Array.isArray(table) ? [table[b.value as number], table[a.value as number]] : [];
            const strings = pair.length === 2 && pair.every((x) => typeof x === 'string') ? pair as string[] : undefined;
            const flip = strings && !areLookAlikes(strings) ? flipPair(strings, strings[0]) : undefined;
            const selector = analysis.flow(node.test);
            if (strings && (flip || areLookAlikes(strings))) channel = { node: lookup, selector, ...(flip ? { flip } : { alternatives: strings }) };
            else context.reaches(selector);
          }
          // `JSON.stringify(body, null, cond ? 1 : 0)`: the same body with other whitespace.
          const call = parenthesised(node).parent?.type === 'CallExpression' ? parenthesised(node).parent! : undefined;
          // `tools.sort(cond ? byNameDesc : byName)`: the same items in another order.
          if (!channel && call && call.arguments[0] === parenthesised(node) && /^(?:sort|toSorted)$/.test(methodName(call) ?? '') && [a, b].every((x) => isFunction(unwrap(x)) || isAbsent(unwrap(x)))) {
            channel = { node, selector: analysis.flow(node.test), versions: { what: 'the order of the items', a: codeShown(context, b), b: codeShown(context, a) } };
          }
          // `d.replace("T", cond ? " " : "T")`: replaced by another text or by itself, the text edited or left as it is.
          const pattern = !channel && call && call.arguments[1] === parenthesised(node) && FLIP_METHODS.has(methodName(call) ?? '') ? call.arguments[0] : undefined;
          const matched = pattern && replacedText(context, pattern);
          const [kept, other] = matched === undefined ? [] : stringValue(context, a) === matched ? [a, b] : stringValue(context, b) === matched ? [b, a] : [];
          const to = other && stringValue(context, other);
          if (kept && to !== undefined) {
            const subject = unwrap(unwrap(call!.callee).object);
            const versions = isDateText(context, subject) ? { what: 'the format of a date', a: showValue(matched), b: showValue(to) } : textDifference(matched!, to);
            if (versions) channel = { node, selector: analysis.flow(node.test), versions };
          }
          const indent = (n: Node) => (isAbsent(unwrap(n)) ? undefined : literalValue(unwrap(n)));
          if (!channel && call && call.arguments[2] === parenthesised(node) && methodName(call) === 'stringify' && [a, b].every((x) => isAbsent(unwrap(x)) || isLiteral(unwrap(x))) && indent(a) !== indent(b)) {
            channel = { node, selector: analysis.flow(node.test), versions: { what: 'the indentation of the JSON text', a: `indent ${showValue(indent(b))}`, b: `indent ${showValue(indent(a))}` } };
          }
          const order = channel ? undefined : permuted(context, a, b);
          if (order) channel = { node, selector: analysis.flow(node.test), versions: order };
          // Two versions are worked out (evaluated) only where the test carries a fingerprint.
          if (!channel && mayBeVersions(a) && mayBeVersions(b)) {
            const selector = analysis.flow(node.test);
            const versions = selector.kinds ? subtleDifference(context, a, b) : undefined;
            if (versions) channel = { node, selector, versions };
            // (Texts another module exports, `hit() ? SYSTEM_B : SYSTEM`: known once the linker has run.)
            // (Or `mark(s)` against `s` of another module's helper: what it returns is judged with its code.)
            else if (selector.kinds && [mentionsImport(context, a), mentionsImport(context, b), wrapsImported(context, a, b), wrapsImported(context, b, a)].some(Boolean)) context.reaches(selector);
          }
          if (channel?.selector.kinds) channels.push({ ...channel, test: node.test });
        }
        // `{ ...defaults, ...(hit ? { sep: "/" } : {}) }`: a member of the merged object in two versions.
        for (const node of [...conditionals, ...andArguments]) if (isMergedChoice(context, node)) merges.push(node);
        for (const node of merges) {
          const selector = analysis.flow(node.type === 'ConditionalExpression' ? node.test : node.left);
          if (!selector.kinds) continue;
          const members = mergedMembers(context, node);
          // (Objects another module exports, merged here: known once the linker has run.)
          if (!members.length && mergedParts(context, node).map((n) => mentionsImport(context, n)).some(Boolean)) context.reaches(selector);
          // `{ model, ...(hit && { service_tier: "auto" }) }` sent in a request: one or two fields more, under the condition.
          const extra = members.length ? undefined : addedFields(context, node);
          if (extra) channels.push({ node, selector, versions: { what: `an extra field "${extra.keys.join('", "')}"`, a: 'without it', b: codeShown(context, extra.object) } });
          for (const { key, a, b } of members) {
            const [va, vb] = [analysis.value(a), analysis.value(b)];
            const strings = typeof va === 'string' && typeof vb === 'string' ? [vb, va] : undefined;
            const flip = strings && !areLookAlikes(strings) ? flipPair(strings, vb as string) : undefined;
            const versions = flip || strings && areLookAlikes(strings) ? undefined : subtleDifference(context, b, a);
            if (flip || versions || strings && areLookAlikes(strings)) {
              channels.push({ node, selector, ...(flip ? { flip } : versions ? { versions: { ...versions, what: `${versions.what} (its member ${key})` } } : { alternatives: strings }) });
              break;
            }
          }
        }
        for (const node of edits) {
          const edit = conditionalEdit(context, node);
          const selector = edit ? analysis.flow(edit.test) : undefined;
          if (edit && selector?.kinds) channels.push({ node, selector, versions: edit.versions });
        }
        // `let suffix = ""; … if (hit) suffix = "\u2060"`: a variable given look-alike or invisible strings
        // only, some under a check, carries the check (see the dataflow's flags) into the text it joins.
        for (const list of flagAssignments.values()) {
          const id = list[0].left;
          const b = analysis.binding(id);
          if (!b || b.kind === 'param' || !list.every((a) => analysis.binding(a.left) === b)) continue;
          const init = b.decl.type === 'VariableDeclarator' && b.decl.id === b.id ? b.decl.init : undefined;
          // (A name's texts are worked out only beside a text written out: most `x = y` are no such choice.)
          if (!(init && isStringLiteral(init)) && !list.some((a) => isStringLiteral(a.right))) continue;
          const texts = list.map((a) => textsOf(a.right));
          if (texts.some((t) => !t)) continue;
          const values = [...new Set([...(init && isStringLiteral(init) ? [init.value as string] : []), ...texts.flat() as string[]])];
          const marked = list.find((_, i) => texts[i]!.some((t) => t !== (init?.value ?? null))) ?? list[0];
          // `let tag = ""; if (hit) tag = " (r)"; … "agent/2.0" + tag`: a short suffix that ends up in a header or user agent.
          const suffix = values.length === 2 && values.includes('') ? values.find((v) => v !== '')! : undefined;
          if (suffix !== undefined && !QUIET.test(suffix) && /^\s?\S[^\n]{0,15}$/.test(suffix) && sinksOf(analysis, marked.right).some((k) => k.kind === 'header')) {
            const selector = analysis.flow(id);
            if (selector.kinds) channels.push({ node: marked, selector, versions: { what: `a suffix ${showString(suffix)} in a header`, a: '""', b: showString(suffix) } });
            continue;
          }
          // `let sep = "-"; if (hit) sep = "/"; … d.split("-").join(sep)`: a separator flipped from its first value.
          const flip = init && isStringLiteral(init) && !areLookAlikes(values) ? flipPair(values, init.value as string) : undefined;
          if (values.length < 2 || !(flip || areLookAlikes(values) || values.length === 2 && values.includes('') && QUIET.test(values.join('')))) continue;
          // (A text taken from a name is steered by the checks it is given under, `if (k === tz) apos = v`.)
          const selector = isStringLiteral(marked.right) ? analysis.flow(id) : analysis.conditions(marked);
          if (selector.kinds) channels.push({ node: marked, selector, ...(flip ? { flip } : { alternatives: values }) });
        }
        for (const [fn, returned] of analysis.functionReturns()) {
          const literals = returned.filter((r) => isStringLiteral(r) && r.value.length <= 200);
          const values = literals.map((l) => l.value as string);
          // (The last return is the usual text; the other separator its flip.)
          const variants = variantsOf(values, values[values.length - 1]);
          if (!variants) continue;
          // Steered by what the callers pass, or by the checks the returns sit under (`switch (tz) { case …: return "." }`).
          let selector = { kinds: 0, via: [] } as Flow;
          const add = (f: Flow) => { if (f.kinds) selector = { kinds: selector.kinds | f.kinds, via: [...selector.via, ...f.via.filter((v) => !selector.via.includes(v))] }; };
          for (const call of analysis.callSites(fn)) for (const arg of call.arguments) add(analysis.flow(arg));
          for (const r of literals) add(analysis.conditions(r));
          if (selector.kinds) channels.push({ node: fn, selector, ...variants });
        }
        // A name looked up in DNS that carries the outcome of a place check (`${cn ? "a" : "b"}.probe.example`):
        // the resolver the vendor runs learns it, with no request to see.
        for (const call of dnsCalls) {
          const name = call.arguments[0];
          const selector = steeringInside(name);
          if (!selector.kinds) continue;
          if (!isDnsLookup(analysis, call)) continue;
          // (A check another module makes, `score()` imported: known once the linker has run.)
          if (!specificChecks(selector).length) { context.reaches(selector); continue; }
          channels.push({ node: call, selector, dns: brief(name) });
        }
        // `APOS[tz] ?? "'"`: a named table looked up, its fallback one more variant.
        // (A `Map` is read by `get`, among the calls; an array or object by a computed member.)
        if ([...tables.values()].some((t) => t.type !== 'NewExpression')) {
          analysis.eachNode((n) => {
            const table = n.type === 'MemberExpression' && n.computed && n.object.type === 'Identifier' ? tables.get(n.object.name) : undefined;
            if (table && table.type !== 'NewExpression' && analysis.soleDefinition(n.object) === table) lookups.push(n);
          });
        }
        // `MARKS.get(tz)` of a `Map` kept here, or of one another module exports.
        for (const node of gets) {
          const at = unwrap(unwrap(node.callee).object);
          const own = at.type === 'Identifier' ? tables.get(at.name) : undefined;
          if (own) { if (own.type === 'NewExpression' && analysis.soleDefinition(at) === own) lookups.push(node); continue; }
          const code = analysis.importedCode(at);
          if (code && mapEntries(unwrap(code))) { importedTables.set(node, unwrap(code)); lookups.push(node); }
        }
        for (const node of lookups) {
          const { table: at, key } = lookupOf(node);
          const table = importedTables.get(node) ?? (at.type === 'Identifier' ? tables.get(at.name)! : at);
          const values = variantItems(table);
          if (!values) continue;
          const lowered = loweredFallback(node);
          const p = lowered ?? node.parent;
          const fallback = lowered ? [lowered.alternate.value as string] : p?.type === 'LogicalExpression' && p.left === node && isStringLiteral(p.right) ? [p.right.value as string] : [];
          // (The fallback, or else the last item, is the text as usual; the other separator its flip.)
          const variants = variantsOf([...values, ...fallback], fallback[0] ?? values[values.length - 1]);
          if (!variants) continue;
          // (A named table keyed by places is a comparison of its own: its flow names them.)
          const selector = at.type === 'Identifier' ? union(analysis.flow(node), steering(key)) : steering(key);
          if (selector.kinds) channels.push({ node: fallback.length ? p! : node, selector, ...variants });
        }
        for (const { node, member, fallback, read } of fallbacks) {
          const values = analysis.members(member.object, propertyName(member)!).map((v) => unwrap(v));
          if (!values.length || values.length > 64 || !values.every(isStringLiteral)) continue;
          const variants = variantsOf([...values.map((v) => v.value as string), fallback.value as string], fallback.value);
          if (!variants) continue;
          const selector = analysis.flow(read ?? member);
          if (selector.kinds) channels.push({ node, selector, ...variants });
        }
        // A date or number format whose locale or options are chosen by the condition.
        for (const call of formats) {
          for (const arg of call.arguments as Node[]) {
            let chosen = unwrap(arg);
            const def = chosen.type === 'Identifier' ? analysis.soleDefinition(chosen) : undefined;
            if (def) chosen = unwrap(def);
            if (chosen.type !== 'ConditionalExpression') continue;
            const selector = analysis.flow(chosen.test);
            if (selector.kinds) channels.push({ node: call, selector, flip: { from: brief(chosen.alternate), to: brief(chosen.consequent) } });
          }
        }
        // `"\u200B".repeat(Number(hit))`: a marker written once or not at all.
        // (Also a marker nobody sees written as many times as a fingerprint decides: `"\u200B".repeat(ZONES.indexOf(tz) + 1)`.)
        for (const node of repeats) {
          const flag = asNumber(node.arguments[0], defs);
          const text = stringValue(context, unwrap(node.callee).object);
          const of = flag ? flag.of : text && QUIET.test(text) ? node.arguments[0] : undefined;
          const versions = text && of ? textDifference('', text) : undefined;
          const selector = versions ? analysis.flow(of) : undefined;
          if (selector?.kinds) channels.push({ node, selector, versions: versions! });
        }
        // `s.padEnd(s.length + (hit ? 1 : 0), " ")`: a text padded by one character more when the flag is 1
        // (or by what else a check gives beside its length, `s.length + flag()`).
        for (const pad of pads) {
          const width = unwrap(pad.arguments[0]);
          // (The text's length as a minifier works it out, `"Be brief.".padEnd(9 + flag())`, too.)
          const text = stringValue(context, unwrap(unwrap(pad.callee).object));
          const length = [width.left, width.right].find((x: Node) => propertyName(unwrap(x)) === 'length' || text !== undefined && analysis.value(x) === text.length);
          const other = length && (unwrap(width.left) === unwrap(length) ? width.right : width.left);
          const flag = asNumber(width.left, defs, 1) ?? asNumber(width.right, defs, 1) ?? (other && { of: other });
          const fill = pad.arguments[1] ? stringValue(context, pad.arguments[1]) : ' ';
          const selector = flag && fill ? analysis.flow(flag.of) : undefined;
          if (selector?.kinds) channels.push({ node: pad, selector, versions: { what: `a padding ${showString(fill!.slice(0, 1))} added`, a: 'without it', b: showString(fill!.slice(0, 1)) } });
        }
        // `4096 - Number(hit)`, `0.7 + +hit * 1e-9`: a number moved by a flag turned into 0 or 1.
        for (const node of sums) {
          if (pads.includes(parenthesised(node).parent!)) continue;
          // (A name beside a large number that asNumber does not know, `4096 - hit`, counts only when it carries a check of specific values.)
          const named = !asNumber(node.left, defs) && !asNumber(node.right, defs);
          const left: { of: Node; scale?: Node } | undefined = named ? (node.left.type === 'Identifier' ? { of: node.left } : undefined) : asNumber(node.left, defs);
          const flag: { of: Node; scale?: Node } = left ?? (named ? { of: node.right } : asNumber(node.right, defs)!);
          const other = analysis.value(left ? node.right : node.left);
          const scale = flag.scale === undefined ? 1 : analysis.value(flag.scale);
          // `Date.now() * 2 + k`: the flag is the parity of a number (a request id, a nonce).
          if (node.operator !== '-' && scale === 1 && isDoubled(left ? node.right : node.left)) {
            const selector = analysis.flow(flag.of);
            if (selector.kinds) channels.push({ node, selector, versions: { what: 'the parity of a number', a: `${codeShown(context, node)} even`, b: 'odd' } });
            continue;
          }
          if (node.operator === '|' || typeof other !== 'number' || typeof scale !== 'number') continue;
          // The value with the flag 0, and with it 1.
          const [off, on] = node.operator === '+' ? [other, other + scale] : left ? [-other, scale - other] : [other, other - scale];
          const versions = numericDifference(on, off);
          const selector = versions ? analysis.flow(flag.of) : undefined;
          if (selector?.kinds && (!named || checksOf(selector).length)) channels.push({ node, selector, versions });
        }
        // `const digits = hit ? 3 : 2; … x.toFixed(digits)`: a format width chosen through a name (in place, see subtleDifference).
        for (const call of widths) {
          const defs = analysis.definitions(call.arguments[0]);
          const choice = defs.length === 1 ? unwrap(defs[0]) : undefined;
          const [va, vb] = choice?.type === 'ConditionalExpression' ? [analysis.value(choice.consequent), analysis.value(choice.alternate)] : [];
          if (!Number.isInteger(va) || !Number.isInteger(vb) || Math.abs((va as number) - (vb as number)) !== 1 || Math.max(va as number, vb as number) > 64) continue;
          const selector = analysis.flow(choice!.test);
          if (selector.kinds) channels.push({ node: call, selector, versions: { what: 'a format width', a: String(vb), b: String(va) } });
        }
        for (const node of replaces) {
          const flip = flipOf(context, node);
          const versions = flip ? undefined : editOf(context, node)?.versions;
          if (!flip && !versions) continue;
          if (node.parent?.type === 'ConditionalExpression' && node.parent.test !== node) continue; // handled above
          const test = conditionOf(node);
          const selector = test ? analysis.flow(test) : undefined;
          if (selector?.kinds) channels.push({ node, selector, flip, versions, test });
        }

        for (const ch of channels) {
          // Localisation picks formats by locale; only place, gateway and identity steering is covert.
          const localeOnly = !(ch.selector.kinds & ~(Kind.LOCALE | Kind.INPUT)) && !!(ch.selector.kinds & Kind.LOCALE);
          const checks = checksOf(ch.selector);
          const specificHere = specificChecks(ch.selector);
          // The cloud region or the editor steers a channel only through a check of specific values
          // (`["cn-north-1", "cn-northwest-1"].includes(region)`); a terminal's own glyphs are no channel.
          const settingOnly = !!(ch.selector.kinds & SETTING_KINDS) && !(ch.selector.kinds & ~(SETTING_KINDS | Kind.INPUT));
          if (settingOnly && !specificHere.length) { context.reaches(ch.selector); continue; }
          // A look-alike chosen for a locale not written in Latin letters is no typography of that locale: covert.
          const foreign = localeOnly && checks.some((c) => c.values.some((v) => isNonLatin(c, v)));
          // A format a locale picks (its date separator) is localisation; a look-alike swap only when foreign.
          if (localeOnly && ch.flip && !(foreign && areLookAlikes([ch.flip.from, ch.flip.to]))) { context.reaches(ch.selector); continue; }
          // Two versions of ordinary data are a channel when a check of specific places, hosts or
          // organisations steers them; a locale's own typography (French spacing) is not.
          if (ch.versions) {
            // A check of one organisation's host is routing (an Azure endpoint gets its own header): two
            // versions need a place check, a list of organisations, or a concealed list to be covert. A list
            // of known endpoints choosing what an endpoint needs (a dated model name for Bedrock and Vertex,
            // a header or parameter of its own) is routing too; choosing whitespace or a marker, it is not.
            const routing = ROUTING_DIFFERENCE.test(ch.versions.what);
            // (Organisations count across the checks: `case u.endsWith("@corp-a.com"): case u.endsWith("@corp-b.net"):` checks two.)
            const orgs = new Set(specificHere.filter((c) => !c.endpoints).flatMap((c) => c.values.map(orgOf))).size;
            // (The gateway equal to one or two hosts in plain sight steers only what nobody sees: whitespace or a marker.)
            const quiet = /^(?:whitespace|a marker )/.test(ch.versions.what);
            const specific = specificHere.filter((c) => !(routing && c.endpoints) && !(c.named && !quiet) && ([...c.classes].some((k) => k !== 'host' && k !== 'keyword') || c.concealed || new Set(c.values.map(orgOf)).size >= 2 || !c.endpoints && orgs >= 2));
            // A locale's region checked against a list of regions (`["CN", "HK", "MO"].includes(region)`) is a place
            // check: what it chooses is covert unless it is text a locale sets its own way (spacing, a marker, case).
            const regionList = specific.some((c) => c.classes.has('region') && c.values.length >= 2);
            // Asking for content in a language (`?hl=zh`) is localisation whatever the locale.
            // So is a date written the locale's way, or a field that names the language it was compared with (`language: zh ? "zh" : undefined`).
            const named = /^an extra field/.test(ch.versions.what) && specific.some((c) => c.values.some((v) => ch.versions!.b.toLowerCase().includes(`"${v.toLowerCase()}`)));
            // (A direction mark for languages written right to left, `"\u200F" + text` for Arabic, is how their text is written.)
            const direction = !!ch.versions.marker && DIRECTION_MARKS.test(ch.versions.marker) && specific.every((c) => c.values.every((v) => RIGHT_TO_LEFT.test(v)));
            const typography = localeOnly && (LANGUAGE_PARAMETER.test(ch.versions.what) || LOCALISED.test(ch.versions.what) || named || direction || !specific.some((c) => c.values.some((v) => isNonLatin(c, v))) && (!regionList || TYPOGRAPHIC.test(ch.versions.what)));
            if (!specific.length || typography) { context.reaches(ch.selector); continue; }
          }
          // A look-alike or a format chosen by whether the value is there at all compares it with nothing
          // (`if (part) part.replace(/_/g, "/")`, a token's base64url made base64): no check steers it.
          if (!checks.length && ch.test && !ch.versions && isPresenceTest(context, ch.test)) { context.reaches(ch.selector); continue; }
          // A look-alike chosen by a locale written in Latin letters is most likely its own typography
          // (French or German quotation marks): reported, low.
          const severity = localeOnly && !foreign ? 'low' : 'critical';
          const starts = isFunction(ch.node) ? analysis.callSites(ch.node) : [ch.node];
          const sinks = starts.flatMap((n) => sinksOf(analysis, n));
          const sink = sinks[0];
          const sinkText = sink ? `, which reaches ${sink.kind} ${showString(sink.text.slice(0, 80))}` : '';
          const source = kindNames(ch.selector.kinds).join(' / ');
          // The places and lists the steering value was compared with, named in the finding itself.
          const places = [...new Set(checks.flatMap((c) => c.values))];
          const compared = places.length ? `; it was compared with ${checks.some((c) => c.concealed) ? 'a concealed list of ' : ''}${shortList(places, 6)}` : '';
          const your = yourSources(ch.selector.kinds);
          const checked = places.length ? ` (checked against ${checks.some((c) => c.concealed) ? 'a hidden list: ' : ''}${shortList(places, 3)})` : '';
          const chain = context.chain(ch.selector);
          chain.push(context.step('channel', ch.flip ? `format flip "${ch.flip.from}" → "${ch.flip.to}"` : ch.versions ? `two versions: ${ch.versions.what}` : ch.dns !== undefined ? 'DNS lookup' : 'look-alike variants', ch.node));
          if (sink) chain.push(context.step('sink', `${sink.kind}: ${sink.text.slice(0, 120)}`, sink.node));
          if (ch.dns !== undefined) {
            context.report({
              node: ch.node, messageId: 'dns', severity: 'critical', flow: ch.selector,
              summary: `Encodes a hidden check of ${your}${checked} in a name it looks up in DNS.`,
              data: { source, compared, name: ch.dns },
              evidence: { kind: 'dns', name: ch.dns, steeredBy: kindNames(ch.selector.kinds), comparedWith: places },
              chain,
            });
          } else if (ch.versions) {
            context.report({
              node: ch.node, messageId: 'versions', severity: 'critical', flow: ch.selector,
              summary: `Sends one of two nearly identical versions of its data (they differ by ${ch.versions.what}), depending on ${your}${checked}.`,
              data: { source, compared, what: ch.versions.what, a: ch.versions.a, b: ch.versions.b, sink: sinkText },
              evidence: { kind: 'versions', difference: ch.versions.what, versions: [ch.versions.a, ch.versions.b], steeredBy: kindNames(ch.selector.kinds), comparedWith: places, sink: sink && { kind: sink.kind, text: sink.text } },
              chain,
            });
          } else if (ch.flip) {
            context.report({
              node: ch.node, messageId: 'flip', severity, flow: ch.selector,
              summary: `Changes the format of text it sends (${plainChar(ch.flip.from)} becomes ${plainChar(ch.flip.to)}), depending on ${your}${checked}.`,
              data: { source, compared, from: ch.flip.from, to: ch.flip.to, sink: sinkText },
              evidence: { kind: 'format-flip', from: ch.flip.from, to: ch.flip.to, steeredBy: kindNames(ch.selector.kinds), comparedWith: places, sink: sink && { kind: sink.kind, text: sink.text } },
              chain,
            });
          } else {
            const differing = distinguishingChars(ch.alternatives!);
            const chars = differing.map(describeChar);
            context.report({
              node: ch.node, messageId: 'lookAlike', severity, flow: ch.selector,
              summary: `Swaps characters that look alike (${differing.slice(0, 2).map(charName).join(', ')}${differing.length > 2 ? ', …' : ''}) in text it sends, depending on ${your}${checked}.`,
              data: { source, compared, variants: shortList(ch.alternatives!.map(showString), 6), chars: chars.join(', '), sink: sinkText },
              evidence: { kind: 'look-alike', alternatives: ch.alternatives, characters: chars, steeredBy: kindNames(ch.selector.kinds), comparedWith: places, sink: sink && { kind: sink.kind, text: sink.text } },
              chain,
            });
          }
        }
      },
    };
  },
});
