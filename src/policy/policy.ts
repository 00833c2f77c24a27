// A team's policy, committed as .agent-xray.json (JSON with comments):
//
// { "failOn": "untrusted" | "review" | "unscannable" | "sends",
//   "allow":   [{ "agent": "id", "version": "1.2.3" | "sha256": "…", "reason": "…", "expires": "2027-01-31" }],
//   "deny":    [{ "agent": "id", "versions": ">=2.1.91 <2.1.198", "reason": "…" }],
//   "require": ["id", …] }
//
// Parsing reports every problem with its line and column. Evaluation turns
// scan results into violations.
import * as jsonc from 'jsonc-parser';
import * as semver from 'semver';
import { LineIndex } from '../engine/lines';
import type { Verdict } from '../model/findings';
import type { TargetResult, Violation } from '../model/report';

export type { Violation };

export interface AllowRule { agent: string; version?: string; sha256?: string; reason: string; expires?: string; line: number }
export interface DenyRule { agent: string; versions: string; reason: string; line: number }

export interface Policy {
  file: string;
  failOn: 'untrusted' | 'review' | 'unscannable' | 'sends';
  allow: AllowRule[];
  deny: DenyRule[];
  require: Array<{ agent: string; line: number }>;
}

export class PolicyError extends Error {}

const TOP_KEYS = new Set(['$schema', 'failOn', 'allow', 'deny', 'require']);
const ALLOW_KEYS = new Set(['agent', 'version', 'sha256', 'reason', 'expires']);
const DENY_KEYS = new Set(['agent', 'versions', 'reason']);

/** Parses and validates a policy text; throws a PolicyError listing each problem at its position. */
export function parsePolicy(text: string, file: string): Policy {
  const problems: string[] = [];
  const lines = new LineIndex(text);
  const position = (offset: number) => { const p = lines.position(offset); return `${p.line}:${p.column}`; };
  const at = (node: jsonc.Node | undefined, message: string) => problems.push(`${file}:${position(node?.offset ?? 0)}: ${message}`);
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true });
  for (const e of errors) problems.push(`${file}:${position(e.offset)}: ${jsonc.printParseErrorCode(e.error)}`);
  if (errors.length || !tree) throw new PolicyError(problems.join('\n') || `${file}: empty policy`);
  if (tree.type !== 'object') { at(tree, 'the policy must be a JSON object'); throw new PolicyError(problems.join('\n')); }
  const line = (node: jsonc.Node) => lines.position(node.offset).line;
  const props = (node: jsonc.Node, allowed: Set<string>, where: string) => {
    const out = new Map<string, jsonc.Node>();
    for (const p of node.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!allowed.has(k.value)) at(k, `unknown key "${k.value}" in ${where} (expected ${[...allowed].filter((x) => x !== '$schema').join(', ')})`);
      else out.set(k.value, v);
    }
    return out;
  };
  const str = (node: jsonc.Node | undefined, what: string, required: boolean): string | undefined => {
    if (!node) { if (required) problems.push(`${file}: ${what} is required`); return undefined; }
    if (node.type !== 'string' || !String(node.value).trim()) { at(node, `${what} must be a non-empty string`); return undefined; }
    return node.value as string;
  };
  const top = props(tree, TOP_KEYS, 'the policy');
  const policy: Policy = { file, failOn: 'untrusted', allow: [], deny: [], require: [] };
  const failOn = top.get('failOn');
  if (failOn) {
    if (failOn.value === 'untrusted' || failOn.value === 'review' || failOn.value === 'unscannable' || failOn.value === 'sends') policy.failOn = failOn.value;
    else at(failOn, 'failOn must be "untrusted", "review", "unscannable" or "sends"');
  }
  const list = (key: string) => {
    const node = top.get(key);
    if (node && node.type !== 'array') { at(node, `${key} must be an array`); return []; }
    return node?.children ?? [];
  };
  for (const entry of list('allow')) {
    if (entry.type !== 'object') { at(entry, 'each allow entry must be an object'); continue; }
    const p = props(entry, ALLOW_KEYS, 'an allow entry');
    const agent = str(p.get('agent'), `allow entry at line ${line(entry)}: agent`, true);
    const reason = str(p.get('reason'), `allow entry at line ${line(entry)}: reason`, true);
    const version = str(p.get('version'), 'version', false);
    const sha256 = str(p.get('sha256'), 'sha256', false);
    const expires = str(p.get('expires'), 'expires', false);
    if (!version && !sha256) at(entry, 'an allow entry names an exact "version" or a "sha256" of the agent\'s code');
    if (version && !semver.valid(version) && !/^\d[\w.+-]*$/.test(version)) at(p.get('version'), `"${version}" is not an exact version (ranges belong in deny)`);
    if (sha256 && !/^[a-f0-9]{64}$/i.test(sha256)) at(p.get('sha256'), 'sha256 must be 64 hexadecimal digits');
    if (expires && (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`)) || new Date(`${expires}T00:00:00Z`).toISOString().slice(0, 10) !== expires)) {
      at(p.get('expires'), `expires must be a date like 2027-01-31, not "${expires}"`);
    }
    if (agent && reason) policy.allow.push({ agent, version, sha256: sha256?.toLowerCase(), reason, expires, line: line(entry) });
  }
  for (const entry of list('deny')) {
    if (entry.type !== 'object') { at(entry, 'each deny entry must be an object'); continue; }
    const p = props(entry, DENY_KEYS, 'a deny entry');
    const agent = str(p.get('agent'), `deny entry at line ${line(entry)}: agent`, true);
    const versions = str(p.get('versions'), 'versions', false) ?? '*';
    const reason = str(p.get('reason'), `deny entry at line ${line(entry)}: reason`, true);
    if (!semver.validRange(versions)) at(p.get('versions'), `"${versions}" is not a version range (e.g. ">=2.1.91 <2.1.198")`);
    if (agent && reason) policy.deny.push({ agent, versions, reason, line: line(entry) });
  }
  for (const entry of list('require')) {
    const agent = str(entry, 'each require entry (an agent id)', true);
    if (agent) policy.require.push({ agent, line: line(entry) });
  }
  if (problems.length) throw new PolicyError(problems.join('\n'));
  return policy;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Today's date as YYYY-MM-DD (UTC); an allow expires at the end of its date. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export interface PolicyOptions {
  /** In an untrusted workspace a committed policy may tighten, never loosen: its allow entries are ignored. */
  trusted?: boolean;
  now?: Date;
}

/** The violations of a policy by scan results. */
/**
 * Whether a verdict reaches a fail-on level: `untrusted` always; `review` adds
 * review; `unscannable` adds review and every agent whose program was not read
 * (nothing passes that was not read and judged trusted); `sends` adds review
 * and every agent that sends an environment fact (its "sends" inventory).
 */
export function reachesFailOn(v: Verdict, failOn: string, sends = 0): boolean {
  if (failOn === 'never') return false;
  return v === 'untrusted' || failOn !== 'untrusted' && v === 'review' || failOn === 'unscannable' && v === 'unscannable' || failOn === 'sends' && sends > 0;
}

export function evaluatePolicy(policy: Policy, targets: TargetResult[], options: PolicyOptions = {}): Violation[] {
  const out: Violation[] = [];
  const date = today(options.now);
  for (const t of targets) {
    const id = t.agent?.id ?? t.path;
    const version = t.agent?.version ?? '';
    for (const d of policy.deny) {
      if (!same(d.agent, id)) continue;
      const v = semver.coerce(version, { includePrerelease: true });
      if (d.versions === '*' || (v && semver.satisfies(v, d.versions, { includePrerelease: true }))) {
        out.push({ agent: id, rule: 'deny', target: t.path, policyLine: d.line, message: `${id}@${version} is denied by the policy (${d.versions}): ${d.reason}` });
      }
    }
    const fails = reachesFailOn(t.verdict, policy.failOn, t.sends?.length);
    if (!fails) continue;
    const matching = options.trusted === false ? [] : policy.allow.filter((a) => same(a.agent, id) && (a.version ? a.version === version : a.sha256 === t.sha256));
    const live = matching.find((a) => !a.expires || a.expires >= date);
    if (live) continue;
    const expired = matching.find((a) => a.expires && a.expires < date);
    if (expired) out.push({ agent: id, rule: 'expired', target: t.path, policyLine: expired.line, message: `the allow for ${id}@${version} expired on ${expired.expires} and no longer counts; it is ${t.verdict}` });
    else {
      const what = t.verdict === 'trusted' && t.sends?.length ? `sends ${[...new Set(t.sends.flatMap((s) => s.what))].join(', ')}` : `is ${t.verdict}`;
      out.push({ agent: id, rule: 'verdict', target: t.path, message: `${id}@${version} ${what} and the policy fails on ${policy.failOn}; allow it by exact version or sha256 with a reason, or remove it` });
    }
  }
  for (const r of policy.require) {
    if (!targets.some((t) => same(t.agent?.id ?? '', r.agent))) out.push({ agent: r.agent, rule: 'require', policyLine: r.line, message: `${r.agent} is required by the policy but was not found or scanned` });
  }
  return out;
}
