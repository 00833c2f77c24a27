// `agent-xray list`: the agents discovery found, where, and what would be scanned.
import type { Discovery } from '../discovery/discover';

export function listJson(d: Discovery): string {
  return JSON.stringify({ version: 1, agents: d.agents, skipped: d.skipped }, null, 2) + '\n';
}

export function listText(d: Discovery, options: { color: boolean; verbose?: boolean }): string {
  const gray = (s: string) => (options.color ? `\x1b[90m${s}\x1b[0m` : s);
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  if (!d.agents.length) {
    const lines = ['No agents found on this machine or in the workspace.'];
    if (d.skipped.length) lines.push(gray(`(${d.skipped.length} place${d.skipped.length === 1 ? '' : 's'} could not be read; --verbose lists them)`));
    if (options.verbose) lines.push(...d.skipped.map((s) => gray(`  skipped: ${s}`)));
    return lines.join('\n') + '\n';
  }
  const lines: string[] = [];
  for (const a of d.agents) {
    const who = `${a.name}${a.version ? ` ${a.version}` : ''}`;
    lines.push(`${bold(who)}  ${gray(`${a.kind}, ${a.id}${a.vendor ? `, ${a.vendor}` : ''}${a.known ? '' : `, not in the catalog: ${a.why ?? 'heuristic'}`}`)}`);
    for (const p of a.paths) lines.push(`  scans ${p}`);
    for (const r of a.foundAt) lines.push(gray(`  found via ${r}`));
  }
  lines.push('', `${d.agents.length} agent${d.agents.length === 1 ? '' : 's'} found.`);
  if (d.skipped.length && !options.verbose) lines.push(gray(`(${d.skipped.length} place${d.skipped.length === 1 ? '' : 's'} could not be read; --verbose lists them)`));
  if (options.verbose) lines.push(...d.skipped.map((s) => gray(`skipped: ${s}`)));
  return lines.join('\n') + '\n';
}
