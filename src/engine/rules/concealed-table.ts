// concealed-table: an encoded constant that decodes to hosts, zones, organisations or keywords.
import { calleeName, unwrap, type Node } from '../ast';
import { isHost, isPlaceZone } from '../constants';
import { appearsIn, Bytes, UNKNOWN, type Value } from '../evaluate';
import { shortList, yourSources } from '../evidence';
import { encodedLiteral } from '../analysis';
import { createRule } from '../rule';
import { Kind, kindNames } from '../sources';
import type { Comparison, Facts } from '../analysis';
import { isFunction } from '../ast';
import { ITERATORS } from '../evaluate';
import { forEachChild } from '../walk';

const DIRECT_DECODERS = new Set(['atob', 'from', 'decodeURIComponent', 'unescape']);
const ENCODED = /^[A-Za-z0-9+/=_-]{16,}$|^(?:[0-9a-f]{2}){8,}$/i;
const MAX_ENCODED = 100_000;
/** Decoders called more often than this are string-array obfuscators; their calls are sampled. */
const MAX_CALLS = 200;

/** Entries of a decoded value: a list, or a string with separators. */
function entriesOf(value: Value): string[] {
  if (value instanceof Bytes) value = Buffer.from(value.data).toString('utf8');
  if (typeof value === 'string') return value.split(/[,;|\n]/).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Hosts, zones and keyword lists; not prose, data or code. */
function isTable(entries: string[]): boolean {
  if (entries.length < 3) return false;
  const specific = entries.filter((e) => (e.includes('.') && isHost(e.replace(/^\.+/, ''), true)) || isPlaceZone(e));
  return specific.length >= entries.length * 0.6;
}

export const rule = createRule({
  meta: {
    id: 'concealed-table',
    description: 'An encoded constant decodes to a list of hosts, time zones, organisations or keywords; or a fingerprint is hashed and compared with opaque digests.',
    severity: 'critical',
    category: 'CWE-506: Embedded Malicious Code',
    messages: {
      comparedTable: 'A concealed list of {{count}} {{what}} is decoded and compared with the {{source}}: {{entries}}.',
      table: 'A concealed list of {{count}} {{what}} is decoded at run time: {{entries}}.',
      hashed: 'The {{source}} is hashed and compared with {{count}} opaque constants ({{entries}}): which places or organisations they stand for is hidden.',
      hashedAllowlist: 'The {{source}} is hashed and compared with {{count}} opaque constants ({{entries}}) in a check that also accepts the program\'s own endpoints: an allowlist with entries that are not named.',
    },
  },
  create(context) {
    const { analysis } = context;
    const direct: Node[] = [];
    return {
      CallExpression(node) {
        const name = calleeName(node);
        if (!name || !DIRECT_DECODERS.has(name)) return;
        const arg = node.arguments[0] && unwrap(node.arguments[0]);
        if (arg?.type === 'Literal' && typeof arg.value === 'string' && arg.value.length <= MAX_ENCODED && ENCODED.test(arg.value)) direct.push(node);
      },
      'Program:exit'() {
        const reported = new Set<Node>();
        for (const c of analysis.comparisons()) {
          // A fingerprint hashed and checked against digests: nothing to decode, and nothing a reader can check.
          if (c.classes.has('hash')) {
            // Checked in one function with the program's own endpoints (`host === "api.vendor.com" ||
            // hashes.has(sha(host))`): an allowlist of endpoints some of which are not named. Hidden all
            // the same, so a person must look, but no list of other organisations: high, not critical.
            // Beside a list of endpoints (mostly the program's own and public services'), the digests are more
            // entries of that list: shown, low.
            const allowlist = besideOwnHosts(analysis, c);
            context.report({
              node: c.node, messageId: allowlist ? 'hashedAllowlist' : 'hashed', severity: allowlist === 'endpoints' ? 'low' : allowlist ? 'high' : 'critical',
              summary: `Hashes ${yourSources(c.flow.kinds)} and checks it against ${c.values.length} hidden values, so nobody reading the code can tell what it looks for.`,
              data: { source: kindNames(c.flow.kinds).join(' / '), count: c.values.length, entries: shortList(c.values.map((v) => (v.length > 16 ? `${v.slice(0, 12)}…` : v)), 4) },
              evidence: { hashes: c.values, count: c.values.length, comparedWith: kindNames(c.flow.kinds) },
              flow: c.flow,
              chain: [...context.chain(c.flow), context.step('comparison', `compared with ${c.values.length} hash constant(s)`, c.node)],
            });
            continue;
          }
          if (!c.concealed) continue;
          const at = c.encoded ?? c.node;
          if (reported.has(at)) continue;
          // A comparison only another module's value reaches waits for the linker; the table is still reported below.
          if (c.flow.kinds & ~Kind.INPUT) reported.add(at);
          const what = c.classes.has('zone') ? 'time zones' : c.classes.has('host') ? 'hosts' : 'keywords';
          context.report({
            node: at,
            messageId: 'comparedTable',
            severity: 'critical',
            summary: `Hides a list of ${c.values.length} ${what} (${shortList(c.values, 3)}) in encoded form and checks ${yourSources(c.flow.kinds)} against it.`,
            data: { count: c.values.length, what, source: kindNames(c.flow.kinds).join(' / '), entries: shortList(c.values, 8) },
            evidence: { entries: c.values, count: c.values.length, comparedWith: kindNames(c.flow.kinds) },
            flow: c.flow,
            chain: [context.step('table', `decoded list of ${c.values.length} ${what}`, at), ...context.chain(c.flow), context.step('comparison', 'compared here', c.node)],
          });
        }
        const calls = [...direct];
        for (const fn of analysis.decoders) for (const call of analysis.callSites(fn).slice(0, MAX_CALLS)) if (call.arguments.length) calls.push(call);
        for (const call of calls) {
          const { value, provenance } = analysis.evaluate(call);
          if (value === UNKNOWN) continue;
          const entries = entriesOf(value);
          if (!isTable(entries)) continue;
          if (entries.filter((e) => appearsIn(provenance, e)).length > entries.length / 2) continue;
          const at = encodedLiteral(provenance.literals.all()) ?? call;
          if (reported.has(at)) continue;
          reported.add(at);
          const what = entries.some(isPlaceZone) ? 'time zones' : 'hosts';
          context.report({
            node: at,
            messageId: 'table',
            severity: 'high',
            summary: `Hides a list of ${entries.length} ${what} (${shortList(entries, 3)}) in encoded form.`,
            data: { count: entries.length, what, entries: shortList(entries, 8) },
            evidence: { entries, count: entries.length },
            chain: [context.step('table', `decoded by the call here`, call)],
          });
        }
      },
    };
  },
});

/** A list of endpoints this long beside a hashed check makes the digests more of its entries. */
const MIN_ENDPOINT_LIST = 3;

/** A function longer than this is not searched for the program's own hosts. */
const MAX_ALLOWLIST_FUNCTION = 20_000;

/**
 * Whether a hashed comparison of an address sits in a function that also names a host of the
 * program's own (one it names in an https URL, `host === "api.vendor.com"`), itself or in a list it
 * compares with: the function checks for the program's own endpoints. (Iteration callbacks, `parts.some((p) => H.has(sha(p)))`,
 * count as their function's body.)
 */
function besideOwnHosts(analysis: Facts, c: Comparison): 'own' | 'endpoints' | undefined {
  if (!(c.flow.kinds & (Kind.GATEWAY | Kind.PROXY))) return undefined;
  let fn: Node | undefined = c.node.parent ?? undefined;
  while (fn && (!isFunction(fn) || fn.parent?.type === 'CallExpression' && fn.parent.arguments.includes(fn) && ITERATORS.has(calleeName(fn.parent) ?? ''))) fn = fn.parent ?? undefined;
  if (!fn || fn.end - fn.start > MAX_ALLOWLIST_FUNCTION) return undefined;
  let own = false;
  const visit = (n: Node) => {
    if (own) return;
    const host = n.type === 'Literal' && typeof n.value === 'string' ? n.value.replace(/^\./, '') : undefined;
    if (host !== undefined && isHost(host) && analysis.isOwnHost(host)) own = true;
    else forEachChild(n, visit);
  };
  visit(fn);
  // (Or kept in lists beside it, `OWN.some((d) => host.endsWith(d))`: another comparison in the function.)
  const beside = analysis.comparisons().filter((o) => o !== c && o.classes.has('host') && o.node.start >= fn!.start && o.node.end <= fn!.end);
  if (beside.some((o) => o.endpoints && o.values.length >= MIN_ENDPOINT_LIST)) return 'endpoints';
  return own || beside.some((o) => o.values.some((v) => analysis.isOwnHost(v))) ? 'own' : undefined;
}
