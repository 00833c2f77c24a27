// unfollowed-source: the file reads the time zone and holds a list of specific
// place zones, but no comparison between them could be followed. Code written
// to slip past the dataflow (functions kept in containers, dynamic property
// names, code built at run time) lands here, at a lower severity, instead of
// in silence.
import type { Facts } from '../analysis';
import { literalValue, propertyName, type Node } from '../ast';
import { isAreaZone, isUtcZone, isZonePicker } from '../constants';
import { shortList } from '../evidence';
import { createRule } from '../rule';
import { Kind } from '../sources';

const TZ_CALLS = new Set(['resolvedOptions', 'getTimezoneOffset']);
const AREA = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/?$/;

/**
 * A zone literal (`"Asia/Tehran"`), or one assembled from pieces (`"Asia/" + name`, evaluated later).
 * Legacy one-word zones (`"Singapore"`, `"Portugal"`) are words of any vocabulary here: not counted.
 */
function isZonePart(n: Node | null): n is Node {
  if (!n) return false;
  if (n.type === 'Literal') return typeof n.value === 'string' && n.value.length > 6 && isAreaZone(n.value);
  return n.type === 'BinaryExpression' && n.operator === '+' && n.left.type === 'Literal' && typeof n.left.value === 'string' && AREA.test(n.left.value);
}

const OFFSET_TEXT = /^(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?$/;

/**
 * A date library's data: each zone given its offset (`{ "Asia/Tokyo": 540, "Europe/Paris": 60 }`,
 * `"+09:00"`), the offsets not all the same. An object used as a set gives every zone one value.
 */
function isZoneData(node: Node): boolean {
  const values = new Set<unknown>();
  for (const p of node.properties as Node[]) {
    if (p.type !== 'Property' || !isZonePart(p.key)) continue;
    const v = literalValue(p.value);
    if (!(typeof v === 'number' || typeof v === 'string' && OFFSET_TEXT.test(v))) return false;
    values.add(v);
  }
  return values.size >= 2;
}

/** Two or more zones that are not a picker: a target list. */
function isTargetList(zones: Set<string>, offersUtc: boolean): boolean {
  return zones.size >= 2 && !isZonePicker(zones, offersUtc);
}

export const rule = createRule({
  meta: {
    id: 'unfollowed-source',
    description: 'The time zone is read and specific place zones are present, but how they meet could not be followed statically.',
    severity: 'medium',
    category: 'CWE-359: Exposure of Private Personal Information to an Unauthorized Actor',
    messages: {
      unfollowed: 'The time zone is read here and the code holds {{count}} specific zones ({{zones}}), but no comparison between them could be followed (functions kept in containers such as Map, dynamic names or code built at run time can hide one): review by hand.',
    },
  },
  create(context) {
    const { analysis } = context;
    return {
      'Program:exit'() {
        // A followed time-zone comparison is reported as it is; only otherwise is the tree looked at again.
        if (analysis.comparisons().some((c) => c.flow.kinds & (Kind.TZ | Kind.OFFSET)) || analysis.settledKinds() & (Kind.TZ | Kind.OFFSET)) return;
        const { reads, lists } = collect(analysis);
        const zones = new Set<string>();
        for (const { parts, utc } of lists) {
          const found = new Set(parts.map((n) => analysis.value(n)).filter((v): v is string => typeof v === 'string' && isAreaZone(v)));
          if (isTargetList(found, utc)) found.forEach((z) => zones.add(z));
        }
        if (!zones.size) return;
        const read = reads.filter((n) => isRead(analysis, n)).sort((a, b) => a.start - b.start)[0];
        if (!read) return;
        context.report({
          node: read,
          messageId: 'unfollowed',
          summary: `Reads your time zone and holds a list of specific zones (${shortList([...zones], 3)}), but how it uses them could not be followed: worth a look by hand.`,
          data: { count: zones.size, zones: shortList([...zones], 4) },
          evidence: { sources: ['time zone'], values: [...zones], count: zones.size, followed: false },
          chain: [context.step('source', 'reads the time zone', read)],
        });
      },
    };
  },
});

/**
 * Possible time-zone reads (`x.resolvedOptions()`, `.timeZone`, `.TZ`, and
 * computed `x[k]()`, `x[k]`, `Reflect.get(x, k)`), and the lists, objects,
 * argument lists and switches that hold two or more zone parts.
 */
function collect(analysis: Facts): { reads: Node[]; lists: Array<{ parts: Node[]; utc: boolean }> } {
  const reads: Node[] = [];
  const lists: Array<{ parts: Node[]; utc: boolean }> = [];
  const add = (parts: Node[], utc = false) => { if (parts.length >= 2) lists.push({ parts, utc }); };
  const partsOf = (items: Array<Node | null>) => items.filter(isZonePart);
  analysis.eachNode((node) => {
    switch (node.type) {
      case 'ArrayExpression': add(partsOf(node.elements), node.elements.some((e: Node | null) => e?.type === 'Literal' && isUtcZone(e.value))); break;
      case 'NewExpression': add(partsOf(node.arguments)); break;
      case 'SwitchStatement': add(partsOf(node.cases.map((c: Node) => c.test))); break;
      case 'ObjectExpression': if (!isZoneData(node)) add(partsOf(node.properties.flatMap((p: Node) => (p.type === 'Property' ? [p.key, p.value] : [])))); break;
      case 'MemberExpression':
        if (node.computed ? node.property.type !== 'Literal' : node.property.name === 'TZ' || node.property.name === 'timeZone') reads.push(node);
        break;
      case 'CallExpression': {
        add(partsOf(node.arguments));
        const callee = node.callee;
        if (callee.type !== 'MemberExpression') break;
        if (callee.computed ? callee.property.type !== 'Literal' : TZ_CALLS.has(callee.property.name) || (callee.property.name === 'get' && callee.object.type === 'Identifier' && callee.object.name === 'Reflect')) reads.push(node);
        break;
      }
    }
  });
  return { reads, lists };
}

/** Whether a possible read reads the time zone, once computed keys are evaluated. */
function isRead(analysis: Facts, n: Node): boolean {
  const m = n.type === 'CallExpression' ? n.callee : n;
  if (n.type === 'CallExpression' && !m.computed && m.property.name === 'get') return n.arguments.length === 2 && analysis.value(n.arguments[1]) === 'timeZone';
  const key = propertyName(m) ?? analysis.value(m.property);
  if (n.type === 'CallExpression') return typeof key === 'string' && TZ_CALLS.has(key);
  return key === 'timeZone' || (key === 'TZ' && analysis.isEnv(m.object));
}
