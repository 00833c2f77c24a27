// The CLI: argv -> targets -> engine -> report -> exit code.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Discovery } from '../discovery/discover';
import { buildReport, findAgents, readPolicy, TOOL_VERSION } from '../scanner/pipeline';
import { ENGINE_VERSION } from '../engine/scan';
import { toJson } from '../report/json';
import { toSarif } from '../report/sarif';
import { toText } from '../report/text';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { cacheRoot, ResultCache } from '../scanner/cache';
import type { Worker } from 'worker_threads';
import { Cancelled, EnginePool } from '../scanner/enginePool';
import { canStartEngineThreads, exposeCollector } from '../scanner/engineThread';
import { scanTargets, specOf, type TargetSpec } from '../scanner/scanTargets';
import { listJson, listText } from '../report/list';
import { diffTargets, diffText } from '../report/diff';
import { PolicyError, reachesFailOn, type Policy } from '../policy/policy';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C: the scan stops, finished results stay cached, exit 130. */
  signal?: AbortSignal;
}

/** The engine's threads when the built worker is beside this file (dist/), else this thread. */
function createEngine(size?: number, started?: Worker): EnginePool | undefined {
  if (!canStartEngineThreads(__dirname)) return undefined;
  if (!started) exposeCollector(); // index.ts did before starting that thread
  return new EnginePool({ distDir: __dirname, size, started });
}

/**
 * Exit codes: 0 clean, 1 a target reached --fail-on, 2 usage or I/O error, 130 cancelled.
 * `started`: an engine thread the caller started early (index.ts); it is used or ended here.
 */
export async function run(argv: string[], io: Io, started?: Worker): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    void started?.terminate();
    io.stderr(`agent-xray: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  const scans = options.command === 'scan' || options.command === 'diff';
  if (!scans) void started?.terminate();
  const engine = scans ? createEngine(options.threads, started) : undefined;
  const cache = scans && options.cache ? new ResultCache(cacheRoot(io.env), ENGINE_VERSION) : undefined;
  const cancel = () => engine?.cancel();
  io.signal?.addEventListener('abort', cancel);
  try {
    return await runCommand(options, io, engine, cache);
  } catch (err) {
    if (!(err instanceof Cancelled)) throw err;
    await cache?.settled();
    io.stderr('\r\x1b[2Kagent-xray: cancelled; results of files already scanned are kept in the cache\n');
    return 130;
  } finally {
    io.signal?.removeEventListener('abort', cancel);
    engine?.close();
  }
}

async function runCommand(options: CliOptions, io: Io, engine: EnginePool | undefined, cache: ResultCache | undefined): Promise<number> {
  const write = async (out: string): Promise<boolean> => {
    if (!options.output) {
      io.stdout(out);
      return true;
    }
    try {
      await fs.writeFile(options.output, out);
      return true;
    } catch (err) {
      io.stderr(`agent-xray: cannot write ${options.output}: ${(err as Error).message}\n`);
      return false;
    }
  };
  if (options.command === 'help') { io.stdout(USAGE); return 0; }
  if (options.command === 'version') { io.stdout(`agent-xray ${TOOL_VERSION} (engine ${ENGINE_VERSION})\n`); return 0; }

  const progress = io.isTTY && !io.env.CI;
  if (options.command === 'diff') {
    const { targets, ioErrors } = await scanTargets(options.paths, { engine, cache });
    if (ioErrors) { io.stderr(`agent-xray: ${targets.filter((t) => t.verdict === 'unscannable').map((t) => `${t.path}: ${t.notAnalysed[0]}`).join('; ')}\n`); return 2; }
    const d = diffTargets(targets[0], targets[1]);
    return (await write(options.format === 'json' ? JSON.stringify({ version: 1, ...d }, null, 2) + '\n' : diffText(d))) ? 0 : 2;
  }
  let policy: Policy | undefined;
  if (options.policy) {
    try {
      policy = await readPolicy(options.policy);
    } catch (err) {
      io.stderr(`agent-xray: ${err instanceof PolicyError ? `invalid policy:\n${err.message}` : `cannot read the policy: ${(err as Error).message}`}\n`);
      return 2;
    }
  }
  let found: Discovery | undefined;
  if (options.command === 'list' || !options.paths.length) {
    if (progress) io.stderr('looking for agents…');
    found = await findAgents({
      home: io.env.HOME ?? io.env.USERPROFILE ?? os.homedir(), env: io.env, platform: process.platform, root: io.env.AGENT_XRAY_ROOT,
      workspaces: (options.workspaces.length ? options.workspaces : [policy ? path.dirname(policy.file) : process.cwd()]).map((w) => path.resolve(w)),
      // A policy judges a repository: its dependencies and configured agents, not the machine running CI.
      machine: !policy,
    });
    if (progress) io.stderr('\r\x1b[2K');
  }
  if (options.command === 'list') {
    const listing = options.format === 'json' ? listJson(found!) : listText(found!, { color: io.isTTY && !('NO_COLOR' in io.env) && !options.output, verbose: options.verbose });
    return (await write(listing)) ? 0 : 2;
  }
  const specs: Array<string | TargetSpec> = found
    ? found.agents.map(specOf)
    : options.paths;
  const { targets, ioErrors } = await scanTargets(specs, {
    engine,
    cache,
    onFile: progress ? (file, i, total) => io.stderr(`\r\x1b[2Kscanning ${i + 1}/${total} ${file.length > 70 ? '…' + file.slice(-69) : file}`) : undefined,
  });
  if (progress) io.stderr('\r\x1b[2K');

  const report = buildReport(targets, { discovery: found, policy });
  const violations = report.policy?.violations;
  const color = !options.output && io.isTTY && !('NO_COLOR' in io.env) && options.format === 'text';
  const out = options.format === 'json' ? toJson(report) : options.format === 'sarif' ? toSarif(report) : toText(report, { color, verbose: options.verbose });
  if (!await write(out)) return 2;
  // Discovered artifacts that vanish between finding and reading are reported, not usage errors.
  if (ioErrors && !found) return 2;
  if (violations) return violations.length ? 1 : 0;
  const failing = options.failOn === 'never' ? [] : targets.filter((t) => reachesFailOn(t.verdict, options.failOn, t.sends?.length));
  return failing.length ? 1 : 0;
}
