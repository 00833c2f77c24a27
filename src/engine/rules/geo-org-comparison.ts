// geo-org-comparison: a fingerprint value compared with specific zones, locales, hosts or organisations.
import type { Comparison } from '../analysis';
import { orgOf } from '../constants';
import { shortList, yourSources } from '../evidence';
import { createRule } from '../rule';
import { Kind, kindNames } from '../sources';
import type { Severity } from '../types';

const CLASS_NAMES: Record<string, string> = { zone: 'time zones', offset: 'UTC offsets', locale: 'locales', region: 'regions', host: 'hosts', keyword: 'keywords', device: 'hardware addresses' };
/** The same names for one constant. */
const CLASS_NAME: Record<string, string> = { zone: 'time zone', offset: 'UTC offset', locale: 'locale', region: 'region', host: 'host', keyword: 'keyword', device: 'hardware address' };

/** Place checks steer behaviour by where the user is; a single host is usually routing. */
function severityOf(c: Comparison): Severity {
  if (c.endpoints) return 'low';
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
      setting: 'The {{source}} the program runs in is checked against {{what}}: {{values}}. Routing by where it runs; it would matter only if it steered a covert channel.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const c of context.analysis.comparisons()) {
          // Digests name no place: concealed-table reports a hashed comparison.
          if (c.classes.has('hash')) continue;
          const what = [...c.classes].map((k) => (c.values.length === 1 ? CLASS_NAME : CLASS_NAMES)[k]).join(' and ');
          context.report({
            node: c.node,
            messageId: !c.endpoints ? 'compared' : c.flow.kinds & (Kind.CLOUD | Kind.EDITOR) ? 'setting' : 'endpoints',
            severity: severityOf(c),
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
