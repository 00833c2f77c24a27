// geo-org-comparison: a fingerprint value compared with specific zones, locales, hosts or organisations.
import type { Comparison, Facts } from '../analysis';
import { fallbackAround, isNullish, unwrap, type Node } from '../ast';
import type { Binding } from '../scope';
import { forEachChild } from '../walk';
import { isChannelText } from '../characters';
import { orgOf } from '../constants';
import { shortList, yourSources } from '../evidence';
import { createRule } from '../rule';
import { sinksOf } from '../sinks';
import { Kind, kindNames } from '../sources';
import type { Severity } from '../types';

const CLASS_NAMES: Record<string, string> = { zone: 'time zones', offset: 'UTC offsets', locale: 'locales', region: 'regions', host: 'hosts', keyword: 'keywords', device: 'hardware addresses' };
/** The same names for one constant. */
const CLASS_NAME: Record<string, string> = { zone: 'time zone', offset: 'UTC offset', locale: 'locale', region: 'region', host: 'host', keyword: 'keyword', device: 'hardware address' };

/** Place checks steer behaviour by where the user is; a single host is usually routing. */
function severityOf(c: Comparison, tested: boolean): Severity {
  if (c.endpoints || !tested) return 'low';
  if (c.classes.has('zone') || c.classes.has('offset')) return 'high';
  const orgs = new Set(c.values.map(orgOf));
  if ((c.classes.has('host') || c.classes.has('keyword')) && (orgs.size >= 3 || c.concealed)) return 'high';
  if (c.classes.has('region')) return 'medium';
  return 'low';
}

export const rule = createRule({
  meta: {
    id: 'geo-org-comparison',
    description: 'A time zone, locale, API gateway or host identity is compared with specific places, organisations or hosts.',
    severity: 'high',
    category: 'CWE-359: Exposure of Private Personal Information to an Unauthorized Actor',
    messages: {
      compared: 'The {{source}} is compared with {{count}} specific {{what}}: {{values}}.',
      endpoints: 'The {{source}} is checked against hosts that are mostly known endpoints (the program\'s own, public API and cloud services): {{values}}. Routing, or an allowlist of endpoints.',
      named: 'The {{source}} is checked against {{values}}, in plain sight. Routing to a named endpoint; it would matter only if it steered a covert channel.',
      setting: 'The {{source}} the program runs in is checked against {{what}}: {{values}}. Routing by where it runs; it would matter only if it steered a covert channel.',
      lookup: 'The {{source}} picks a value from a table keyed by {{count}} specific {{what}}: {{values}}. What it gives is shown or used as text, not checked nor sent: a lookup, which would matter only if it steered a covert channel.',
      choice: 'The {{source}} is compared with {{count}} specific {{what}} ({{values}}) only to pick one of a few constants. What it picks is shown or used as text, not checked nor sent: formatting for the user\'s language or region, which would matter only if it steered a covert channel.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const c of context.analysis.comparisons()) {
          // Digests name no place: concealed-table reports a hashed comparison.
          if (c.classes.has('hash')) continue;
          const what = [...c.classes].map((k) => (c.values.length === 1 ? CLASS_NAME : CLASS_NAMES)[k]).join(' and ');
          // (A table's outcome that picks where a request goes, or is sent, steers too: `https://${R[tz]}.cdn…`.)
          // (So does a language or region check that picks one of a few constants: `region === "US" ? "MM/DD" : "DD.MM"`.)
          // (So does a zone check that picks one of a few plain words only shown, a currency or a unit: `imperial ? "miles" : "km"`.)
          const places = [...c.classes].every((k) => k === 'zone' || k === 'offset');
          const choices = !c.table && (places || [...c.classes].every((k) => k === 'locale' || k === 'region')) ? constantChoices(context.analysis, c.node, places) : undefined;
          // (A table's text may be prompt-like and still a lookup; a choice that reaches any text, header or request steers it.)
          const tested = choices ? choices.some((ch) => isTested(context.analysis, ch) || sinksOf(context.analysis, ch).length > 0)
            : !c.table || isTested(context.analysis, c.node) || sinksOf(context.analysis, c.node).some((k) => k.kind !== 'prompt-like text');
          context.report({
            node: c.node,
            messageId: !tested ? (choices ? 'choice' : 'lookup') : !c.endpoints ? 'compared' : c.flow.kinds & (Kind.CLOUD | Kind.EDITOR) ? 'setting' : c.named ? 'named' : 'endpoints',
            severity: severityOf(c, tested),
            summary: `Checks ${yourSources(c.flow.kinds)} against specific ${what}: ${shortList(c.values, 4)}.`,
            data: { source: kindNames(c.flow.kinds).join(' / '), count: c.values.length, what, values: shortList(c.values, 6) },
            evidence: { sources: kindNames(c.flow.kinds), comparedWith: [...c.classes], values: c.values, count: c.values.length, concealed: c.concealed },
            flow: c.flow,
            chain: context.chain(c.flow).concat(context.step('comparison', `compared with ${what}`, c.node)),
          });
        }
      },
    };
  },
});

/** Operators that test a value (`r === "cn"`, `!r`): its outcome steers what runs. */
const TESTS = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'in', 'instanceof', '!']);
/** Statements that branch on an expression. */
const BRANCHES = new Set(['IfStatement', 'WhileStatement', 'DoWhileStatement', 'ForStatement', 'SwitchStatement']);

/**
 * Whether what a table lookup gives is tested (`CURRENCY[tz] === "CNY"`, `if (REGION[tz])`) rather than used as
 * data (shown, returned), through a fallback (`?? "USD"`, `|| "USD"`, `c ? c : "USD"`, tsc's and babel's lowered
 * `(_a = …) !== null && _a !== void 0 ? _a : "USD"`) and a variable it is kept in, a few steps deep.
 */
function isTested(analysis: Facts, node: Node, depth = 0): boolean {
  if (depth > 3) return true;
  let n = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (p.type === 'ParenthesizedExpression' || p.type === 'ChainExpression') continue;
    if (p.type === 'LogicalExpression' && p.left === n && (p.operator === '??' || p.operator === '||')) continue;
    // A test of the value against nothing (`x !== null && x !== void 0`) whose choice gives the value itself: a fallback.
    const kept = p.type === 'AssignmentExpression' && p.operator === '=' && p.left.type === 'Identifier' ? p.left : p.type === 'VariableDeclarator' && p.id.type === 'Identifier' ? p.id : undefined;
    if (kept) {
      const fallback = fallbackAround(p, kept.name);
      if (fallback) { p = fallback; continue; }
      const b = analysis.binding(kept);
      if (!b || b.kind === 'param') return true;
      const reads = readsOf(analysis, b, kept);
      return !reads || reads.some((r) => isTested(analysis, fallbackAround(r, kept.name) ?? r, depth + 1));
    }
    if (BRANCHES.has(p.type) || p.type === 'ConditionalExpression' && p.test === n || p.type === 'LogicalExpression' && p.left === n) return true;
    // (Kept on the program's own state, `this.region = … ? "x" : "y"`, `Cfg.region = …`, `state.region = …` of `const state = {}`:
    // it may be read anywhere, also in another module. Shown, `document.title = …` or an element's text, it is not.)
    if (p.type === 'AssignmentExpression' && p.right === n && p.left.type === 'MemberExpression' && isOwnState(analysis, p.left.object)) return true;
    if ((p.type === 'BinaryExpression' || p.type === 'UnaryExpression') && TESTS.has(p.operator)) return !(p.type === 'BinaryExpression' && isNullish(p.left === n ? p.right : p.left));
    return false;
  }
  return false;
}

/** `this`, a class or function of the program, or an object literal it keeps under a name. */
function isOwnState(analysis: Facts, node: Node): boolean {
  const o = unwrap(node);
  if (o.type === 'ThisExpression') return true;
  const b = o.type === 'Identifier' ? analysis.binding(o) : undefined;
  if (!b) return false;
  if (b.kind === 'class' || b.kind === 'function') return true;
  const def = b.kind === 'param' ? undefined : analysis.soleDefinition(o);
  return !!def && unwrap(def).type === 'ObjectExpression';
}

/** A constant written out: a literal, or a template without expressions. */
const isConstant = (n: Node) => n.type === 'Literal' || n.type === 'TemplateLiteral' && n.expressions.length === 0;

/** A word shown as it is: no look-alike or invisible character, no marker (see isChannelText). */
const isPlainWord = (n: Node) => n.type === 'Literal' && typeof n.value === 'string' && !isChannelText(n.value) || n.type === 'TemplateLiteral' && n.expressions.length === 0 && !isChannelText(n.quasis[0].value.cooked ?? '');

/**
 * The conditionals a test steers when it only picks one of a few constants (`r === "US" ? "MM/DD" : r === "CN" ? "YYYY/MM" : "DD.MM"`,
 * the test also inside `!`, `&&` or `||`, or kept in a variable or handed to a parameter read only so: `const imperial = …; imperial ? "mi" : "km"`): the
 * outermost one of each chain; undefined for any other use. `words`: the constants must be plain words.
 */
function constantChoices(analysis: Facts, test: Node, words: boolean, depth = 0): Node[] | undefined {
  let n = test;
  let p = n.parent;
  while (p && (p.type === 'ParenthesizedExpression' || p.type === 'LogicalExpression' || p.type === 'UnaryExpression' && p.operator === '!')) { n = p; p = n.parent; }
  // (Or handed to a function of this file whose parameter is read only so: `money(12.5, EURO.includes(tz))` of
  // `function money(n, eu) { … currency: eu ? "EUR" : "USD" … }`.)
  const fn = p?.type === 'CallExpression' && p.arguments.includes(n) ? analysis.calledFunction(p) : undefined;
  const param = fn?.params[p!.arguments.indexOf(n)];
  const id = p?.type === 'VariableDeclarator' && p.init === n && p.id.type === 'Identifier' ? p.id : param?.type === 'Identifier' ? param : undefined;
  if (id && depth < 2) {
    const b = analysis.binding(id);
    const reads = b && (/^(?:const|let|var)$/.test(b.kind) && analysis.definitions(id).length === 1 || b.kind === 'param' && analysis.callSites(fn!).length <= 1) ? readsOf(analysis, b, id) : undefined;
    const each = reads?.length ? reads.map((r) => constantChoices(analysis, r, words, depth + 1)) : [];
    return each.length && each.every((c) => c) ? each.flatMap((c) => c!) : undefined;
  }
  if (p?.type !== 'ConditionalExpression' || p.test !== n) return undefined;
  let choice = p;
  while (choice.parent?.type === 'ConditionalExpression' && choice.parent.test !== choice) choice = choice.parent;
  const leaves = (c: Node): boolean => (c.type === 'ConditionalExpression' ? leaves(c.consequent) && leaves(c.alternate) : words ? isPlainWord(c) : isConstant(c));
  return leaves(choice.consequent) && leaves(choice.alternate) ? [choice] : undefined;
}

/** Nodes of a scope looked through for the reads of a variable; beyond, its uses count as tested. */
const MAX_SCOPE_NODES = 100_000;

/** The reads of the variable `id` declares, in the scope it is declared in (undefined when that scope is too large). */
function readsOf(analysis: Facts, b: Binding, id: Node): Node[] | undefined {
  const reads: Node[] = [];
  const stack: Node[] = [b.scope];
  for (let seen = 0; stack.length; seen++) {
    if (seen > MAX_SCOPE_NODES) return undefined;
    const n = stack.pop()!;
    if (n.type === 'Identifier' && n !== id && n.name === id.name && analysis.binding(n) === b && !(n.parent?.type === 'AssignmentExpression' && n.parent.left === n)) reads.push(n);
    forEachChild(n, (c) => { stack.push(c); });
  }
  return reads;
}
