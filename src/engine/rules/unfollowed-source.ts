// unfollowed-source: the file reads the time zone and holds a list of specific
// place zones, but no comparison between them could be followed. Code written to slip
// past the dataflow (Proxy traps, generators, Reflect, call/apply/bind, promise
// chains, dynamic property names) lands here, at a lower severity, instead of
// in silence.
import { propertyName, type Node } from '../ast';
import { isPlaceZone } from '../constants';
import { shortList } from '../evidence';
import type { Rule } from '../rule';
import { envKind, Kind } from '../sources';

const TZ_CALLS = new Set(['resolvedOptions', 'getTimezoneOffset']);
const AREA = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/?$/;

/** A zone literal (`"Asia/Tehran"`), or one assembled from pieces (`"Asia/" + name`, evaluated later). */
function zonePart(n: Node | null): 'zone' | 'assembled' | undefined {
  if (!n) return undefined;
  if (n.type === 'Literal') return typeof n.value === 'string' && n.value.length > 6 && isPlaceZone(n.value) ? 'zone' : undefined;
  if (n.type === 'BinaryExpression' && n.operator === '+' && n.left.type === 'Literal' && typeof n.left.value === 'string' && AREA.test(n.left.value)) return 'assembled';
  return undefined;
}

/** Two to a few dozen zones in fewer than four areas: a target list (more is a picker or validation). */
function isTargetList(zones: Set<string>): boolean {
  const areas = new Set([...zones].map((z) => z.split('/')[0]));
  return zones.size >= 2 && zones.size < 40 && areas.size < 4;
}

export const rule: Rule = {
  meta: {
    id: 'unfollowed-source',
    description: 'The time zone is read and specific place zones are present, but how they meet could not be followed statically.',
    severity: 'medium',
    category: 'CWE-359: Exposure of Private Personal Information to an Unauthorized Actor',
    messages: {
      unfollowed: 'The time zone is read here and the code holds {{count}} specific zones ({{zones}}), but no comparison between them could be followed (indirect calls, Proxy, generators, promise chains or dynamic property names can hide one): review by hand.',
    },
  },
  create(context) {
    const { analysis } = context;
    const reads: Node[] = [];
    /** `x[k]()`, `x[k]` and `Reflect.get(x, k)` with a computed key: resolved only if the file has target zones. */
    const dynamic: Node[] = [];
    /** Lists, objects, argument lists and switches holding two or more zone parts. */
    const lists: Node[][] = [];
    const list = (items: Array<Node | null>) => {
      let parts: Node[] | undefined;
      for (const item of items) if (zonePart(item)) (parts ??= []).push(item!);
      if (parts && parts.length >= 2) lists.push(parts);
    };
    return {
      ArrayExpression(node) { list(node.elements); },
      ObjectExpression(node) {
        // Keys and values: `{ "Asia/Tehran": 1 }`, `{ ["Asia/" + x]: 1 }`, `{ a: "Asia/Kabul" }`.
        let parts: Node[] | undefined;
        for (const p of node.properties) {
          if (p.type !== 'Property') continue;
          if (zonePart(p.key)) (parts ??= []).push(p.key);
          if (zonePart(p.value)) (parts ??= []).push(p.value);
        }
        if (parts && parts.length >= 2) lists.push(parts);
      },
      NewExpression(node) { list(node.arguments); },
      SwitchStatement(node) { list(node.cases.map((c: Node) => c.test)); },
      CallExpression(node) {
        list(node.arguments);
        const callee = node.callee;
        if (callee.type !== 'MemberExpression') return;
        if (!callee.computed) {
          if (TZ_CALLS.has(callee.property.name)) reads.push(node);
          else if (callee.property.name === 'get' && callee.object.type === 'Identifier' && callee.object.name === 'Reflect') dynamic.push(node);
        } else if (callee.property.type !== 'Literal') dynamic.push(node);
      },
      MemberExpression(node) {
        if (node.computed) { if (node.property.type !== 'Literal') dynamic.push(node); }
        else if (node.property.name === 'TZ' || node.property.name === 'timeZone') reads.push(node);
      },
      'Program:exit'() {
        if (!reads.length && !dynamic.length) return;
        if (analysis.comparisons().some((c) => c.flow.kinds & (Kind.TZ | Kind.OFFSET))) return;
        const zones = new Set<string>();
        for (const parts of lists) {
          const found = new Set(parts.map((n) => (zonePart(n) === 'zone' ? n.value : analysis.value(n))).filter((v): v is string => typeof v === 'string' && isPlaceZone(v)));
          if (isTargetList(found)) found.forEach((z) => zones.add(z));
        }
        if (!zones.size) return;
        const isRead = (n: Node): boolean => {
          const m = n.type === 'CallExpression' ? n.callee : n;
          if (n.type === 'CallExpression' && !m.computed && m.property.name === 'get') return n.arguments.length === 2 && analysis.value(n.arguments[1]) === 'timeZone';
          const key = propertyName(m) ?? analysis.value(m.property);
          if (n.type === 'CallExpression') return typeof key === 'string' && TZ_CALLS.has(key);
          return key === 'timeZone' || (key === 'TZ' && envKind(key) === Kind.TZ && analysis.sources.isEnv(m.object));
        };
        const read = [...reads, ...dynamic].filter(isRead).sort((a, b) => a.start - b.start)[0];
        if (!read) return;
        context.report({
          node: read,
          messageId: 'unfollowed',
          data: { count: zones.size, zones: shortList([...zones], 4) },
          evidence: { sources: ['time zone'], values: [...zones], count: zones.size, followed: false },
          chain: [context.step('source', 'reads the time zone', read)],
        });
      },
    };
  },
};
