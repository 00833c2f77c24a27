// fingerprint-exfiltration: fingerprint values placed in a request body, header, URL query or telemetry event.
// Visible sending of an environment fact (the gateway in API telemetry, the host
// name as a device name) is an entry of the agent's "sends" inventory (severity
// info, evidence.send), not a warning. Sending the outcome of a comparison with
// specific places, hosts or organisations (an "is in region X" flag) is high.
import { calleeName, keyName, methodName, unwrap, type Node } from '../ast';
import type { Flow } from '../analysis';
import { union } from '../dataflow';
import { yourSources } from '../evidence';
import { createRule } from '../rule';
import { Kind, kindNames } from '../sources';

const REQUEST_CALLS = new Set(['fetch', 'request', 'post', 'put', 'patch', 'sendBeacon', 'send', 'axios', 'got', 'ky']);
/** Options that route a request rather than carry data. */
const ROUTING_KEYS = /^(?:url|baseURL|baseUrl|agent|httpAgent|httpsAgent|proxy|dispatcher|signal|timeout|method|hostname|host|port|path|protocol)$/;
const EVENT_NAME = /^[a-z][a-z0-9]*(?:[_.:][a-z0-9]+)+$/;
/** Checks whose outcome tells where the user is or works (a language alone picks text in that language). */
const PLACE_CLASSES = new Set(['zone', 'offset', 'region', 'host', 'hash']);
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
    },
  },
  create(context) {
    const { analysis } = context;
    const candidates: Node[] = [];
    /** The classes of places and organisations a flow was compared with (keywords and languages say nothing of a place). */
    const comparedClasses = (f: Flow) => [...new Set(f.via.flatMap((n) => [...analysis.comparisonFor(n)?.classes ?? []]))].filter((c) => PLACE_CLASSES.has(c));
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
            const kinds = isEvent || comparedClasses(f).length ? f.kinds : f.kinds & ~(Kind.GATEWAY | Kind.PROXY);
            if (!kinds) return;
            flow = { kinds: flow.kinds | kinds, via: [...flow.via, ...f.via] };
            fields.push(path || 'argument');
          };
          call.arguments.forEach((a: Node, i: number) => { if (!(isEvent && i === 0) && !(i === 0 && !isEvent && a.type !== 'ObjectExpression')) visit(a, '', 0); });
          if (!flow.kinds) continue;
          const where = isEvent ? `telemetry event "${first.value}" (${fields.join(', ')})` : `a network request (${fields.join(', ')})`;
          // A value derived from a comparison with specific constants: the vendor learns the outcome of a place or organisation check.
          const classes = comparedClasses(flow);
          const send = { what: kindNames(flow.kinds), where: isEvent ? 'telemetry' : 'request', event: isEvent ? first.value : undefined, fields };
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
