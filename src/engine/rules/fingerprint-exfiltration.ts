// fingerprint-exfiltration: fingerprint values placed in a request body, header, URL query or telemetry event.
// Visible sending of an environment fact (the gateway in API telemetry, the host
// name as a device name) is an entry of the agent's "sends" inventory (severity
// info, evidence.send), not a warning. Sending the outcome of a comparison with
// specific places, hosts or organisations (an "is in region X" flag) is high.
// The host's identity (host name, user name, MAC, machine id) hashed into a
// stable id, or sent to a destination the reader cannot see (decoded at run
// time, a bare IP address), is medium: a person decides.
import { calleeName, keyName, methodName, unwrap, type Node } from '../ast';
import type { Facts, Flow } from '../analysis';
import { union } from '../flow';
import { yourSources } from '../evidence';
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
      verdictSent: 'Whether the {{source}} matches specific {{classes}} is sent in {{where}}.',
      hashedIdentity: 'The host identity is hashed into a stable id ({{fields}}) and sent in {{where}}.',
      hiddenDestination: 'The {{source}} is sent in {{where}} to {{destination}}.',
    },
  },
  create(context) {
    const { analysis } = context;
    const candidates: Node[] = [];
    /**
     * The classes of places and organisations a flow was compared with (keywords and languages say nothing of a
     * place, and whether the gateway is one of the known endpoints, Bedrock's or the vendor's own, says nothing of the user).
     */
    const comparedClasses = (f: Flow) => [...new Set(f.via.flatMap((n) => { const c = analysis.comparisonFor(n); return c && !c.endpoints ? [...c.classes] : []; }))].filter((c) => PLACE_CLASSES.has(c));
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
          const fields: string[] = [];
          const hashed: string[] = [];
          const visit = (arg: Node, path: string, depth: number) => {
            arg = unwrap(arg);
            // `body: JSON.stringify({...})` carries the object's fields.
            if (arg.type === 'CallExpression' && methodName(arg) === 'stringify' && arg.arguments[0]) arg = unwrap(arg.arguments[0]);
            if (arg.type === 'ObjectExpression' && depth < 3) {
              for (const p of arg.properties) {
                const key = p.type === 'Property' ? keyName(p) ?? '[computed]' : '...';
                if (ROUTING_KEYS.test(key) && !isEvent) continue;
                visit(p.type === 'Property' ? p.value : p.argument, path ? `${path}.${key}` : key, depth + 1);
              }
              return;
            }
            // `{ r: inRegion ? 1 : 0 }` sends the outcome of the test.
            const f = arg.type === 'ConditionalExpression' ? union(analysis.flow(arg.test), analysis.flow(arg)) : analysis.flow(arg);
            // A request already goes through the gateway or proxy: telling it its own
            // address reveals nothing, unless it is the outcome of a check of that address.
            // A telemetry event tells the vendor which gateway is used.
            // The cloud region and the editor are where the program runs, not who or where the user is: not data about the user.
            const kinds = (isEvent || comparedClasses(f).length ? f.kinds : f.kinds & ~(Kind.GATEWAY | Kind.PROXY)) & ~SETTING_KINDS;
            if (!kinds) return;
            flow = { kinds: flow.kinds | kinds, via: [...flow.via, ...f.via] };
            fields.push(path || 'argument');
            if (kinds & Kind.IDENTITY && isHashed(analysis, arg, 0)) hashed.push(path || 'argument');
          };
          call.arguments.forEach((a: Node, i: number) => { if (!(isEvent && i === 0) && !(i === 0 && !isEvent && a.type !== 'ObjectExpression')) visit(a, '', 0); });
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
          context.report({
            node: call, messageId: classes.length ? 'verdictSent' : 'sent', severity: classes.length ? 'high' : 'info',
            summary: classes.length ? `Tells the vendor whether ${yourSources(flow.kinds)} matches specific places or organisations, in ${where}.` : `Sends ${yourSources(flow.kinds)} in ${where}.`,
            data: { source: kindNames(flow.kinds).join(' / '), where, classes: classes.join(' / ') },
            evidence: { sources: kindNames(flow.kinds), fields, event: isEvent ? first.value : undefined, ...(classes.length ? {} : { send }) },
            flow,
            chain: [...context.chain(flow), context.step('sink', where, call)],
          });
        }
      },
    };
  },
});

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
