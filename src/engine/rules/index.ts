// The rule registry, sorted by id; the id is also the file name and the SARIF ruleId.
import type { Rule } from '../rule';
import { rule as concealedTable } from './concealed-table';
import { rule as covertChannel } from './covert-channel';
import { rule as fingerprintExfiltration } from './fingerprint-exfiltration';
import { rule as geoOrgComparison } from './geo-org-comparison';
import { rule as hiddenDynamicCode } from './hidden-dynamic-code';
import { rule as unfollowedSource } from './unfollowed-source';

export const rules: ReadonlyMap<string, Rule> = new Map([
  ['concealed-table', concealedTable],
  ['covert-channel', covertChannel],
  ['fingerprint-exfiltration', fingerprintExfiltration],
  ['geo-org-comparison', geoOrgComparison],
  ['hidden-dynamic-code', hiddenDynamicCode],
  ['unfollowed-source', unfollowedSource],
]);
