// `npm run corpus`: the real-agent table. Fetches the current npm release of
// every command-line agent in the catalog with `npm pack` (into the
// git-ignored .cache), lays each out as a global npm install leaves it (the
// launcher, its platform package for linux-x64 under its own node_modules,
// and a shell-stub `bin` replaced by the platform binary as the postinstall
// does), scans each in a fresh process, then scans the whole layout as one
// machine (discovery through the npm prefix). Prints a Markdown table;
// `--write` puts it, dated, into docs/agents.md.
import { execFileSync } from 'child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, cpSync, writeFileSync } from 'fs';
import * as path from 'path';
import { KNOWN_CLIS } from '../src/discovery/catalog';
import type { ScanReport, TargetResult } from '../src/report/model';
import { bareParse, cliRun, median, root } from './measure';
import { fetchPackage } from './realPackages';

const PLATFORM = /linux[-_]x64(?!.*(?:musl|baseline))|linux[-_]x86_64/;
const layout = path.join(root, '.cache', 'corpus', 'prefix');
const modules = path.join(layout, 'lib', 'node_modules');

interface Manifest { name: string; version: string; bin?: string | Record<string, string>; optionalDependencies?: Record<string, string>; dependencies?: Record<string, string> }

function view(spec: string): Manifest | undefined {
  try {
    return JSON.parse(execFileSync('npm', ['view', spec, 'name', 'version', 'bin', 'optionalDependencies', 'dependencies', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 })) as Manifest;
  } catch {
    return undefined;
  }
}

/** The linux-x64 platform package a manifest declares, as `npm pack` spells it (aliases `npm:pkg@ver` included). */
function platformSpec(m: Manifest): { name: string; spec: string } | undefined {
  const entry = Object.entries(m.optionalDependencies ?? {}).find(([name]) => PLATFORM.test(name));
  if (!entry) return undefined;
  const [name, range] = entry;
  return { name, spec: range.startsWith('npm:') ? range.slice(4) : `${name}@${range}` };
}

function copyInto(dir: string, from: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  cpSync(from, dir, { recursive: true, preserveTimestamps: true });
}

/** Installs one agent into the layout; returns its folder, or why it could not. */
function install(pkg: string): { dir?: string; manifest?: Manifest; reason?: string } {
  const manifest = view(pkg);
  if (!manifest) return { reason: 'not in the npm registry' };
  const got = fetchPackage(`${pkg}@${manifest.version}`);
  if (!got.dir) return { reason: got.reason };
  const dir = path.join(modules, pkg);
  copyInto(dir, got.dir);
  // The platform package: declared directly, or by a dependency (a wrapper package).
  const owners: Array<{ m: Manifest; at: string }> = [{ m: manifest, at: dir }];
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    const m = view(`${dep}@${manifest.dependencies![dep]}`);
    if (m && platformSpec(m)) {
      const d = fetchPackage(`${dep}@${m.version}`);
      if (d.dir) { copyInto(path.join(dir, 'node_modules', dep), d.dir); owners.push({ m, at: path.join(dir, 'node_modules', dep) }); }
    }
  }
  for (const { m, at } of owners) {
    const p = platformSpec(m);
    if (!p) continue;
    const d = fetchPackage(p.spec);
    if (!d.dir) continue;
    const target = path.join(at, 'node_modules', p.name);
    copyInto(target, d.dir);
    replayPostinstall(at, m, target);
  }
  return { dir, manifest };
}

/** What the postinstalls of Claude Code, opencode and Amp do: a shell-stub `bin` becomes a hard link to the platform binary. */
function replayPostinstall(dir: string, m: Manifest, platformDir: string): void {
  const bins = typeof m.bin === 'string' ? [m.bin] : Object.values(m.bin ?? {});
  const binaries = execFileSync('find', [platformDir, '-type', 'f', '-size', '+1M', '-perm', '-u+x'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  if (binaries.length !== 1) return;
  for (const b of bins) {
    const file = path.join(dir, b);
    if (!existsSync(file) || statSync(file).size > 4096 || /^#!.*node/.test(readFileSync(file, 'latin1'))) continue;
    rmSync(file);
    linkSync(binaries[0], file);
  }
}

const mb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} kB`);

function row(name: string, t: TargetResult, ms: number, rss: number): string {
  const c = t.coverage;
  const serious = t.findings.filter((f) => f.severity !== 'low' && f.severity !== 'info');
  const findings = serious.length ? [...new Set(serious.map((f) => `${f.severity} ${f.ruleId}`))].join(', ') : 'none above low';
  const why = t.verdict === 'unscannable' ? ` (${(t.notAnalysed[0] ?? '').replace(/^[^:]*on disk: /, '').replace(/\|/g, '/')})` : '';
  // The sends inventory: what is sent, and in how many events or requests.
  const sends = t.sends ?? [];
  const sent = sends.length ? `${[...new Set(sends.flatMap((s) => s.what))].join(', ')} (${sends.length} place${sends.length === 1 ? '' : 's'})` : 'none';
  return `| ${name} | ${t.agent?.version ?? ''} | ${c ? `${mb(c.read)} / ${mb(c.onDisk)}` : mb(t.bytes)} | **${t.verdict}**${why} | ${findings} | ${sent} | ${(ms / 1000).toFixed(1)} s | ${rss.toFixed(0)} MB |`;
}

function main(): void {
  const write = process.argv.includes('--write');
  rmSync(layout, { recursive: true, force: true });
  mkdirSync(modules, { recursive: true });
  const rows: string[] = [];
  let total = 0;
  for (const agent of KNOWN_CLIS) {
    for (const pkg of agent.packages.slice(0, 1)) {
      process.stderr.write(`${pkg}: fetching…\n`);
      const got = install(pkg);
      if (!got.dir) { rows.push(`| ${agent.name} (\`${pkg}\`) | | | not fetched: ${got.reason} | | | | |`); continue; }
      process.stderr.write(`${pkg}: scanning…\n`);
      const r = cliRun(['scan', got.dir, '--no-cache', '--format', 'json']);
      const report = JSON.parse(r.stdout) as ScanReport;
      total++;
      rows.push(row(`${agent.name} (\`${pkg}\`)`, report.targets[0], r.ms, r.maxRssMb));
    }
  }
  // The whole layout as one machine: discovery through the npm prefix, every agent, one process, no cache.
  process.stderr.write('whole machine: scanning…\n');
  const home = path.join(root, '.cache', 'corpus', 'home');
  mkdirSync(home, { recursive: true });
  const machine = cliRun(['scan', '--no-cache', '--format', 'json'], { ...process.env, HOME: home, NPM_CONFIG_PREFIX: layout, PATH: path.dirname(process.execPath), AGENT_XRAY_ROOT: path.join(home, 'root') });
  const agents = (JSON.parse(machine.stdout) as ScanReport).targets.length;
  const yardstick = fetchPackage('@anthropic-ai/claude-code@2.1.91');
  const bare = yardstick.dir ? median([0, 1, 2].map(() => bareParse(path.join(yardstick.dir!, 'cli.js')).ms)) : NaN;
  const date = new Date().toISOString().slice(0, 10);
  const out = [
    `Measured on ${date} with \`npm run corpus\` (${process.platform}-${process.arch}, ${require('os').cpus().length} cores, Node ${process.versions.node}); current npm releases, linux-x64 platform packages.`,
    '',
    '| agent | version | JavaScript read / on disk | verdict | findings (medium and above) | sends (visible telemetry) | time | peak RSS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Whole machine (${agents} agents found by discovery in one npm prefix, one process, no cache): ${(machine.ms / 1000).toFixed(1)} s, peak RSS ${machine.maxRssMb.toFixed(0)} MB;` +
      ` a bare \`acorn.parse\` of Claude Code 2.1.91's 13 MB \`cli.js\` took ${(bare / 1000).toFixed(2)} s here, so the machine scan took ${(machine.ms / bare).toFixed(1)} times that.`,
  ].join('\n');
  console.log(out);
  process.stderr.write(`${total} agents scanned\n`);
  if (write) {
    const doc = path.join(root, 'docs', 'agents.md');
    const head = readFileSync(doc, 'utf8').split('<!-- corpus -->')[0];
    writeFileSync(doc, `${head}<!-- corpus -->\n\n${out}\n`);
  }
}

main();
