// fingerprint-exfiltration: fingerprint values placed in a request body, header, URL query or telemetry event.
// Visible sending of an environment fact (the gateway in API telemetry, the host
// name as a device name) is an entry of the agent's "sends" inventory (severity
// info, evidence.send), not a warning. Sending the outcome of a comparison with
// specific places, or with the hosts of two or more organisations or a
// concealed list (an "is in region X" flag, in a field, a query parameter or a
// telemetry value), is the hidden check's signal leaving the machine: critical.
// A parameter the outcome changes (`max_tokens: 1024 + hit * 1024`) is behaviour,
// and the outcome of a check of one organisation's host in plain sight is
// routing or a visible feature: high, a person decides.
// The host's identity (host name, user name, MAC, machine id) hashed into a
// stable id, or sent to a destination the reader cannot see (decoded at run
// time, a bare IP address), is medium: a person decides.
import { calleeName, COMPARE_METHODS, COMPARE_OPS, keyName, literalValue, methodName, TEXT_METHODS, unwrap, type FunctionNode, type Node } from '../ast';
import type { Comparison, Facts, Flow } from '../analysis';
import { orgOf } from '../constants';
import { union } from '../flow';
import { shortList, yourSources } from '../evidence';
import { createRule } from '../rule';
import { Kind, kindNames, SETTING_KINDS } from '../sources';

const REQUEST_CALLS = new Set(['fetch', 'request', 'post', 'put', 'patch', 'sendBeacon', 'send', 'axios', 'got', 'ky']);
/** Options that route a request rather than carry data. */
const ROUTING_KEYS = /^(?:url|baseURL|baseUrl|agent|httpAgent|httpsAgent|proxy|dispatcher|signal|timeout|method|hostname|host|port|path|protocol)$/;
const EVENT_NAME = /^[a-z][a-z0-9]*(?:[_.:][a-z0-9]+)+$/;
/** Checks whose outcome tells where the user is or works (a language alone picks text in that language). */
const PLACE_CLASSES = new Set(['zone', 'offset', 'region', 'host', 'hash']);
/** Methods whose result still is the digest they are called on (`hash.digest("hex").slice(0, 16)`). */
const DIGEST_PRESERVING = new Set(['slice', 'substring', 'substr', 'toString', 'toUpperCase', 'toLowerCase', 'padStart', 'readUInt32BE', 'readBigUInt64BE', 'then']);
/** Keys of request options that name the destination. */
const DESTINATION_KEYS = new Set(['url', 'baseURL', 'baseUrl', 'hostname', 'host']);
/** Translation calls: `t("home.endpoint", { endpoint })` fills a message for the screen, it sends nothing. */
const I18N_CALLS = /^(?:t|\$t|_t|__|tr|translate|formatMessage|localize|getMessage|i18n|intl)$/;

export const rule = createRule({
  meta: {
    id: 'fingerprint-exfiltration',
    description: 'Fingerprint values (time zone, locale, gateway, host identity) are sent in a request body, header, or telemetry event.',
    severity: 'info',
    category: 'CWE-201: Insertion of Sensitive Information Into Sent Data',
    messages: {
      sent: 'The {{source}} is sent in {{where}}.',
      verdictSent: 'Whether the {{source}} matches specific {{classes}} ({{checked}}) is sent in {{where}}.',
      hashedIdentity: 'The host identity is hashed into a stable id ({{fields}}) and sent in {{where}}.',
      hiddenDestination: 'The {{source}} is sent in {{where}} to {{destination}}.',
    },
  },
  create(context) {
    const { analysis } = context;
    const candidates: Node[] = [];
    /**
     * The checks of places and organisations a flow went through, and their classes (languages say nothing of a
     * place, one word of one organisation little, and whether the gateway is one of the known endpoints, Bedrock's
     * or the vendor's own, says nothing of the user). Words of two or more organisations checked against the machine's
     * identity (`["acmecorp", "initech"]` against the Windows domain) name organisations; against the gateway, words
     * are model names and error codes.
     */
    const placeChecks = (f: Flow) => f.via.map((n) => analysis.comparisonFor(n)).filter((c): c is Comparison => !!c && !c.endpoints && ([...c.classes].some((k) => PLACE_CLASSES.has(k)) || c.classes.has('keyword') && !!(c.flow.kinds & Kind.IDENTITY) && new Set(c.values.map(orgOf)).size >= 2));
    const comparedClasses = (f: Flow) => [...new Set(placeChecks(f).flatMap((c) => [...c.classes].map((k) => (k === 'keyword' ? 'organisation' : k))))].filter((c) => c === 'organisation' || PLACE_CLASSES.has(c));
    /** Whether the checks name specific places, two or more organisations' hosts, or a concealed or hashed list. */
    const isSignal = (f: Flow) => {
      const checks = placeChecks(f);
      // (The region of the locale is a setting the user chose, as a language is: a flag of it is a preference, unless the list is hidden.)
      if (!(f.kinds & ~(Kind.LOCALE | Kind.INPUT))) return checks.some((c) => c.concealed);
      return checks.some((c) => c.concealed || [...c.classes].some((k) => k !== 'host' && k !== 'keyword' && PLACE_CLASSES.has(k))) || new Set(checks.flatMap((c) => c.values.map(orgOf))).size >= 2;
    };
    return {
      CallExpression(node) {
        // Every call passes here: the Set and the second argument's type first, the regex last.
        const args = node.arguments;
        const first = args[0];
        const name = calleeName(node) ?? '';
        if (REQUEST_CALLS.has(name) || !I18N_CALLS.test(name) && (args.length > 1 && args[1].type === 'ObjectExpression' && first.type === 'Literal' && typeof first.value === 'string' && EVENT_NAME.test(first.value))) candidates.push(node);
      },
      'Program:exit'() {
        for (const call of candidates) {
          const first = call.arguments[0];
          const isEvent = first?.type === 'Literal' && typeof first.value === 'string' && EVENT_NAME.test(first.value);
          let flow: Flow = { kinds: 0, via: [] };
          const telemetry = isTelemetry(analysis, call, isEvent);
          const fields: string[] = [];
          const hashed: string[] = [];
          /** The flow of fields that are the outcome itself (`r: hit ? 1 : 0`, `corp: hosts.some(…)`). */
          let outcomes: Flow = { kinds: 0, via: [] };
          /** `url`: the request's address, which carries data only as the outcome of a check (`?v=${inRegion ? 1 : 0}`). */
          const visit = (arg: Node, path: string, depth: number, url = false) => {
            arg = unwrap(arg);
            // `body: JSON.stringify({...})` carries the object's fields.
            if (arg.type === 'CallExpression' && methodName(arg) === 'stringify' && arg.arguments[0]) arg = unwrap(arg.arguments[0]);
            // (Also an object made empty, or with a few fields, and given the rest one by one: `b = {}; b.c = hit ? 1 : 0`.)
            const made = arg.type === 'Identifier' && depth < 3 ? analysis.definitions(arg) : [];
            const given = made.length === 1 && unwrap(made[0]).type === 'ObjectExpression' ? analysis.assignedMembers(arg) : [];
            if (given.length) {
              visit(made[0], path, depth);
              for (const [key, value] of given) if (!ROUTING_KEYS.test(key) || isEvent) visit(value, path ? `${path}.${key}` : key, depth + 1);
              return;
            }
            if (arg.type === 'ObjectExpression' && depth < 3) {
              for (const p of arg.properties) {
                const key = p.type === 'Property' ? keyName(p) ?? '[computed]' : '...';
                if (ROUTING_KEYS.test(key) && !isEvent) continue;
                visit(p.type === 'Property' ? p.value : p.argument, path ? `${path}.${key}` : key, depth + 1);
              }
              return;
            }
            // `{ r: inRegion ? 1 : 0 }` sends the outcome of the test.
            // (Also a code chosen inside a text: `` `pref=${hit ? "b" : "a"}` ``, `"v" + (hit ? 1 : 0)`.)
            const chosen = arg.type === 'ConditionalExpression' ? [arg] : arg.type === 'TemplateLiteral' ? arg.expressions as Node[] : arg.type === 'BinaryExpression' && arg.operator === '+' ? termsOf(arg) : [];
            const f = chosen.reduce((acc: Flow, c) => (unwrap(c).type === 'ConditionalExpression' ? union(acc, analysis.flow(unwrap(c).test)) : acc), analysis.flow(arg));
            // A request already goes through the gateway or proxy: telling it its own
            // address reveals nothing, unless it is the outcome of a check of that address.
            // A telemetry event tells the vendor which gateway is used.
            // The cloud region and the editor are where the program runs, not who or where the user is: not data about the user.
            const outcome = comparedClasses(f).length > 0;
            // (An imported value in the query may be such an outcome: known once the linker has run.)
            if (url && !outcome) { if (f.kinds & Kind.INPUT) context.reaches(f); return; }
            const kinds = (isEvent || outcome ? f.kinds : f.kinds & ~(Kind.GATEWAY | Kind.PROXY)) & ~SETTING_KINDS;
            if (!kinds) return;
            flow = { kinds: flow.kinds | kinds, via: [...flow.via, ...f.via] };
            if (outcome && isOutcome(analysis, arg, 0, telemetry)) outcomes = union(outcomes, f);
            fields.push(path || 'argument');
            if (kinds & Kind.IDENTITY && isHashed(analysis, arg, 0)) hashed.push(path || 'argument');
          };
          // (`ws.send(data)`, `xhr.send(body)`: a socket's or an open request's data comes first; `process.send`, to the parent process, stays on the machine.)
          const dataFirst = methodName(call) === 'send';
          if (dataFirst && unwrap(unwrap(call.callee).object).type === 'Identifier' && unwrap(unwrap(call.callee).object).name === 'process') continue;
          call.arguments.forEach((a: Node, i: number) => {
            if (isEvent && i === 0) return;
            if (i === 0 && a.type !== 'ObjectExpression' && !dataFirst) for (const q of queryParts(a)) visit(q, 'query', 0, true);
            else visit(a, '', 0);
          });
          if (!flow.kinds) continue;
          const where = isEvent ? `telemetry event "${first.value}" (${fields.join(', ')})` : `a network request (${fields.join(', ')})`;
          // A value derived from a comparison with specific constants: the vendor learns the outcome of a place or organisation check.
          const classes = comparedClasses(flow);
          const send = { what: kindNames(flow.kinds), where: isEvent ? 'telemetry' : 'request', event: isEvent ? first.value : undefined, fields };
          const destination = !classes.length && flow.kinds & Kind.IDENTITY && !isEvent ? hiddenDestination(analysis, call) : undefined;
          if (!classes.length && (hashed.length || destination)) {
            context.report({
              node: call, messageId: hashed.length ? 'hashedIdentity' : 'hiddenDestination', severity: 'medium',
              summary: hashed.length ? `Turns ${yourSources(Kind.IDENTITY)} into a stable hashed id and sends it in ${where}.` : `Sends ${yourSources(flow.kinds)} to ${destination}, which the code does not show.`,
              data: { source: kindNames(flow.kinds).join(' / '), where, fields: hashed.join(', '), destination: destination ?? '' },
              evidence: { sources: kindNames(flow.kinds), fields, event: isEvent ? first.value : undefined, ...(hashed.length ? { hashed } : {}), ...(destination ? { destination } : {}) },
              flow,
              chain: [...context.chain(flow), context.step('sink', where, call)],
            });
            continue;
          }
          const signal = outcomes.kinds > 0 && isSignal(outcomes);
          const checked = [...new Set(placeChecks(flow).flatMap((c) => c.values))];
          context.report({
            node: call, messageId: classes.length ? 'verdictSent' : 'sent', severity: signal ? 'critical' : classes.length ? 'high' : 'info',
            summary: classes.length ? `Tells the vendor whether ${yourSources(flow.kinds)} matches specific places or organisations (${shortList(checked, 3)}), in ${where}.` : `Sends ${yourSources(flow.kinds)} in ${where}.`,
            data: { source: kindNames(flow.kinds).join(' / '), where, classes: classes.join(' / '), checked: shortList(checked, 6) },
            evidence: { sources: kindNames(flow.kinds), fields, event: isEvent ? first.value : undefined, ...(classes.length ? { comparedWith: checked } : { send }) },
            flow,
            chain: [...context.chain(flow), context.step('sink', where, call)],
          });
        }
      },
    };
  },
});

const TEST_METHODS = new Set([...COMPARE_METHODS, 'some', 'every', 'hasOwn']);

/**
 * Whether a value sent is the outcome of a check itself, as a flag or a code (`hit`, `!hit`, `hit ? 1 : 0`,
 * `Number(hit)`, `zones.includes(tz)`, a function returning one), rather than a parameter it changes.
 */
function isOutcome(analysis: Facts, node: Node, depth: number, telemetry = false): boolean {
  const n = unwrap(node);
  if (depth > 3) return false;
  switch (n.type) {
    case 'Literal': return true;
    // (In telemetry, any constant the check picks is its code: `track(hit ? "session_begin" : "session_start")`.)
    case 'ConditionalExpression': return [n.consequent, n.alternate].every((b: Node) => isConstant(unwrap(b)) || telemetry && isToken(unwrap(b)));
    case 'Identifier': {
      if (n.name === 'undefined') return true;
      const defs = analysis.definitions(n);
      // (A parameter of a plain positional function, `function track(name) { … }`: what its callers pass.)
      const b = defs.length ? undefined : analysis.binding(n);
      const fn = b?.kind === 'param' ? b.decl : undefined;
      const index = fn?.params ? (fn.params as Node[]).indexOf(b!.id) : -1;
      const given = index >= 0 ? analysis.callSites(fn as FunctionNode).slice(0, 4).map((c) => c.arguments[index] as Node | undefined) : [];
      if (given.length) return given.every((g) => g && isOutcome(analysis, g, depth + 1, telemetry));
      // (Another module's value that went through a check there, as the linker found: taken as its outcome.)
      // (Or a parameter another module's callers give such a value: its declaration is the input.)
      if (!defs.length) return !!(analysis.comparisonFor(n) ?? (fn && analysis.comparisonFor(b!.id)));
      return defs.length <= 4 && defs.every((d) => isOutcome(analysis, d, depth + 1, telemetry));
    }
    case 'UnaryExpression': return n.operator === '!' || (n.operator === '+' || n.operator === '-' || n.operator === '~') && isOutcome(analysis, n.argument, depth, telemetry);
    case 'BinaryExpression':
      if (COMPARE_OPS.has(n.operator) || n.operator === '>' || n.operator === '<' || n.operator === '>=' || n.operator === '<=' || n.operator === 'in') return true;
      // (`hit | 0`, `hit << 3`: the flag as a number or a bit.)
      if (n.operator === '|' || n.operator === '<<') return isOutcome(analysis, n.left, depth, telemetry) && isConstant(unwrap(n.right));
      // (`"req_" + Date.now() + (hit ? "1" : "0")`: the code carried inside a text, as a request id's last character.)
      return n.operator === '+' && embedsOutcome(analysis, termsOf(n), depth, telemetry);
    case 'TemplateLiteral': return embedsOutcome(analysis, [n.quasis[0], ...n.expressions], depth, telemetry);
    case 'LogicalExpression': return isOutcome(analysis, n.left, depth, telemetry) && isOutcome(analysis, n.right, depth, telemetry);
    case 'CallExpression': {
      const name = calleeName(n) ?? '';
      if (/^(?:Number|Boolean|String)$/.test(name) && n.arguments.length === 1) return isOutcome(analysis, n.arguments[0], depth, telemetry);
      if (TEST_METHODS.has(methodName(n) ?? '')) return true;
      // (`id.padEnd(12, hit ? "1" : "0")`, `"v".concat(code)`: the code written into a text.)
      if (TEXT_METHODS.has(methodName(n) ?? '')) return n.arguments.some((a: Node) => unwrap(a).type === 'ConditionalExpression' && isOutcome(analysis, a, depth + 1, telemetry));
      const fn = analysis.calledFunction(n);
      if (!fn) return !!analysis.comparisonFor(n);
      const returned = analysis.returnsOf(fn);
      return returned.length > 0 && returned.every((r) => isOutcome(analysis, r, depth + 1, telemetry));
    }
    default: return false;
  }
}

/** The terms of a chain of `+`. */
function termsOf(n: Node): Node[] {
  const u = unwrap(n);
  return u.type === 'BinaryExpression' && u.operator === '+' ? [...termsOf(u.left), ...termsOf(u.right)] : [u];
}

/** Text with a code chosen by a check written into it: one term is text, another the code (`hit ? "1" : "0"`, `Number(hit)`). */
function embedsOutcome(analysis: Facts, terms: Node[], depth: number, telemetry: boolean): boolean {
  const text = terms.some((t) => typeof literalValue(unwrap(t)) === 'string' || unwrap(t).type === 'TemplateElement' || unwrap(t).type === 'TemplateLiteral');
  return text && terms.some((t) => { const u = unwrap(t); return (u.type === 'ConditionalExpression' || u.type === 'CallExpression') && isOutcome(analysis, u, depth + 1, telemetry); });
}

/**
 * A constant that codes an outcome: a boolean, nothing, a small whole number (`1`, `2`) or a short token
 * (`"b"`, `"v2"`). Not a parameter's value (`0.7`, `4096`, a model's name) nor a text: choosing one of those
 * is behaviour, or a channel covert-channel judges.
 */
function isConstant(n: Node): boolean {
  if (n.type === 'Identifier') return n.name === 'undefined';
  const v = literalValue(n);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 9;
  return v === null || typeof v === 'boolean' || typeof v === 'string' && /^[\w-]{0,3}$/.test(v);
}

/** A word, name or number written out (`"session_start"`, `"v2.1"`, `7`): in telemetry, a code. */
function isToken(n: Node): boolean {
  const v = literalValue(n);
  return typeof v === 'number' || typeof v === 'string' && /^[\w.:/ -]{1,64}$/.test(v);
}

/** Parts of an address that name a telemetry service (`telemetry.example.com`, `/v1/events`, `/collect`). */
const TELEMETRY_ADDRESS = /(?:^|[./-])(?:telemetry|analytics|metrics|events?|collect(?:or)?|track(?:ing)?|beacon|stats|ingest|otlp)(?:[./?-]|$)/i;

/** Whether a call reports telemetry: an event by name, `sendBeacon`, or a request to a telemetry address. */
function isTelemetry(analysis: Facts, call: Node, isEvent: boolean): boolean {
  if (isEvent || calleeName(call) === 'sendBeacon') return true;
  const first = call.arguments[0];
  const address = first && unwrap(first).type !== 'ObjectExpression' ? analysis.evaluate(first).value : undefined;
  return typeof address === 'string' && TELEMETRY_ADDRESS.test(address.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('?')[0]);
}

/** Whether an expression is a digest: `createHash(…).update(…).digest()`, `crypto.subtle.digest(…)`, or a function returning one. */
function isHashed(analysis: Facts, node: Node, depth: number): boolean {
  const n = unwrap(node);
  if (depth > 4) return false;
  switch (n.type) {
    case 'AwaitExpression': return isHashed(analysis, n.argument, depth);
    case 'TemplateLiteral': return n.expressions.some((e: Node) => isHashed(analysis, e, depth));
    case 'BinaryExpression': return n.operator === '+' && (isHashed(analysis, n.left, depth) || isHashed(analysis, n.right, depth));
    case 'Identifier': {
      const def = analysis.soleDefinition(n);
      return !!def && isHashed(analysis, def, depth + 1);
    }
    case 'CallExpression': {
      const method = methodName(n);
      if (method === 'digest') return true;
      if (method && DIGEST_PRESERVING.has(method)) return isHashed(analysis, unwrap(n.callee).object, depth);
      const fn = analysis.calledFunction(n);
      return !!fn && analysis.returnsOf(fn).some((r) => isHashed(analysis, r, depth + 1));
    }
    default: return false;
  }
}

/** Where a request goes when the code hides it: an address decoded at run time, or a bare public IP address. */
function hiddenDestination(analysis: Facts, call: Node): string | undefined {
  const [first, second] = call.arguments as Node[];
  const candidates: Node[] = [];
  for (const arg of [first, second]) {
    const a = arg && unwrap(arg);
    if (!a) continue;
    if (a.type === 'ObjectExpression') {
      for (const p of a.properties) if (p.type === 'Property' && DESTINATION_KEYS.has(keyName(p) ?? '')) candidates.push(p.value);
    } else if (a === unwrap(first)) candidates.push(a);
  }
  for (const c of candidates) {
    const { value, provenance } = analysis.evaluate(c);
    if (typeof value !== 'string' || !value) continue;
    const host = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/:?#]+|\[[^\]]+\])/i.exec(value)?.[1] ?? value.split(/[/:]/)[0];
    if (provenance.decoded) return `a host decoded at run time (${host})`;
    if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) && !/^(?:127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|0\.)/.test(host)) return `the bare address ${host}`;
  }
  return undefined;
}

/**
 * The parts of an address written after its `?` (`https://t.example/p?v=${flag}`, `base + "?v=" + flag`, `.concat`): the
 * query carries data; what comes before chooses where the request goes (`cn ? CN_API : API` is routing).
 */
function queryParts(node: Node): Node[] {
  const pieces: Node[] = [];
  const flatten = (n: Node) => {
    n = unwrap(n);
    if (n.type === 'BinaryExpression' && n.operator === '+') { flatten(n.left); flatten(n.right); return; }
    // (A template as tsc and babel write it for ES5: `"…?v=".concat(v)`.)
    if (n.type === 'CallExpression' && methodName(n) === 'concat') { flatten(unwrap(n.callee).object); n.arguments.forEach(flatten); return; }
    if (n.type === 'TemplateLiteral') {
      n.quasis.forEach((q: Node, i: number) => { pieces.push(q); if (i < n.expressions.length) flatten(n.expressions[i]); });
      return;
    }
    pieces.push(n);
  };
  flatten(node);
  const at = pieces.findIndex((p) => (p.type === 'TemplateElement' ? p.value.cooked ?? '' : p.type === 'Literal' && typeof p.value === 'string' ? p.value : '').includes('?'));
  return at < 0 ? [] : pieces.slice(at + 1).filter((p) => p.type !== 'TemplateElement' && p.type !== 'Literal');
}
