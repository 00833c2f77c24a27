// The CLI: argv -> targets -> engine -> report -> exit code.
import { promises as fs } from 'fs';
import { ENGINE_VERSION } from '../engine/scan';
import { toJson } from '../report/json';
import type { ScanReport } from '../report/model';
import { toSarif } from '../report/sarif';
import { toText } from '../report/text';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { cacheRoot, ResultCache } from './cache';
import { scanTargets } from './scanTargets';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** Exit codes: 0 clean, 1 a target reached --fail-on, 2 usage or I/O error. */
export async function run(argv: string[], io: Io): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`agent-xray: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.command === 'help') { io.stdout(USAGE); return 0; }
  if (options.command === 'version') { io.stdout(`agent-xray ${ENGINE_VERSION}\n`); return 0; }

  const progress = io.isTTY && !io.env.CI;
  const cache = options.cache ? new ResultCache(cacheRoot(io.env), ENGINE_VERSION) : undefined;
  const { targets, ioErrors } = await scanTargets(options.paths, {
    cache,
    onFile: progress ? (file, i, total) => io.stderr(`\r\x1b[2Kscanning ${i + 1}/${total} ${file.length > 70 ? '…' + file.slice(-69) : file}`) : undefined,
  });
  if (progress) io.stderr('\r\x1b[2K');

  const report: ScanReport = { version: 1, tool: { name: 'agent-xray', version: ENGINE_VERSION }, targets };
  const color = !options.output && io.isTTY && !('NO_COLOR' in io.env) && options.format === 'text';
  const out = options.format === 'json' ? toJson(report) : options.format === 'sarif' ? toSarif(report) : toText(report, { color, verbose: options.verbose });
  if (options.output) {
    try {
      await fs.writeFile(options.output, out);
    } catch (err) {
      io.stderr(`agent-xray: cannot write ${options.output}: ${(err as Error).message}\n`);
      return 2;
    }
  } else io.stdout(out);

  if (ioErrors) return 2;
  const failing = options.failOn === 'never' ? [] : targets.filter((t) => t.verdict === 'untrusted' || (options.failOn === 'review' && t.verdict === 'review'));
  return failing.length ? 1 : 0;
}
