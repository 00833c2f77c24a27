// Starting an engine thread. Kept apart from the pool so that dist/cli.js can
// start one before it loads the rest of the CLI (see index.ts).
import { existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { Worker } from 'worker_threads';

/** Old-generation limit per engine thread by default: half the machine's memory, 1–8 GB. */
export function defaultHeapMb(): number {
  return Math.min(8192, Math.max(1024, Math.floor(os.totalmem() / 2 / 2 ** 20)));
}

/**
 * Gives engine threads started afterwards V8's collector (`gc`): after a large
 * tree a thread collects at once and hands the memory back, so it can stay
 * (a new thread costs a split build of thousands of small modules a cold,
 * unoptimised engine). The flag is process-wide: only the CLI, which owns its
 * process, calls this; the editor extension shares its host and does not, and
 * its threads are replaced instead when their heap stays large.
 */
export function exposeCollector(): void {
  v8.setFlagsFromString('--expose-gc');
}

/** Whether dist/engineWorker.js is beside the running CLI (not when run from source, as in tests). */
export function canStartEngineThreads(distDir: string): boolean {
  return existsSync(path.join(distDir, 'engineWorker.js'));
}

/** Starts dist/engineWorker.js with an old-generation limit. */
export function startEngineThread(distDir: string, heapMb = defaultHeapMb()): Worker {
  return new Worker(path.join(distDir, 'engineWorker.js'), { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
}
