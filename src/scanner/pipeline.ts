// The one scan pipeline of the command line and the editor: which agents
// (discovery, exclusions, extra paths), the report built from their results,
// and what a team's policy says of it. The front ends only present it.
import { promises as fs } from 'fs';
import * as path from 'path';
import { discover, type DiscoveredAgent, type Discovery, type DiscoveryOptions } from '../discovery/discover';
import type { ScanReport, TargetResult, Violation } from '../model/report';
import { evaluatePolicy, parsePolicy, type Policy } from '../policy/policy';
import { version } from '../../package.json';

/** The tool's version (package.json): what `--version` and reports print. The cache is keyed by the engine's own version. */
export const TOOL_VERSION: string = version;

/** The policy file a repository commits at its root. */
export const POLICY_FILE = '.agent-xray.json';

export interface AgentChoice {
  /** Agent ids not to scan (case-insensitive). */
  excludedAgents?: string[];
  /** More paths to scan as agents of their own. */
  extraPaths?: string[];
  /** Where the extra paths were named, for `foundAt`. */
  extraPathsFrom?: string;
}

/** The agents to scan: what discovery finds, less the excluded ones, plus the extra paths. */
export async function findAgents(options: DiscoveryOptions, choice: AgentChoice = {}): Promise<Discovery> {
  const found = await discover(options);
  const excluded = new Set((choice.excludedAgents ?? []).map((id) => id.toLowerCase()));
  const agents: DiscoveredAgent[] = found.agents.filter((a) => !excluded.has(a.id.toLowerCase()));
  const from = choice.extraPathsFrom ?? 'an extra path';
  for (const p of choice.extraPaths ?? []) {
    agents.push({ id: path.basename(p), name: path.basename(p), version: '', kind: 'cli', known: false, why: `named in ${from}`, paths: [p], foundAt: [from] });
  }
  return { agents, skipped: found.skipped };
}

/** Reads and checks a policy file; throws PolicyError (with line and column) or the read error. */
export async function readPolicy(file: string): Promise<Policy> {
  return parsePolicy(await fs.readFile(file, 'utf8'), path.resolve(file));
}

/** What a policy says of results: in a restricted workspace (`trusted: false`) its allow entries do not count. */
export function judge(policy: Policy, targets: TargetResult[], trusted = true): Violation[] {
  return evaluatePolicy(policy, targets, { trusted });
}

/** The report both front ends print, save and export. */
export function buildReport(targets: TargetResult[], extras: { discovery?: Pick<Discovery, 'skipped'>; policy?: Policy; violations?: Violation[] } = {}): ScanReport {
  const { discovery, policy, violations } = extras;
  return {
    version: 2, tool: { name: 'agent-xray', version: TOOL_VERSION }, targets,
    ...(discovery ? { discovered: true, skipped: discovery.skipped } : {}),
    ...(policy ? { policy: { file: policy.file, failOn: policy.failOn, violations: violations ?? judge(policy, targets) } } : {}),
  };
}
