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
 * Sets V8's initial heap for workers created afterwards. A syntax tree
 * survives until its scan ends, so a heap that starts small is grown by full
 * collections that only find live objects (a fifth of a 13 MB bundle's scan).
 * 512 MB, not more: with 1 GB, two threads on a split build's largest modules
 * (Claude Code 2.1.332) took the process past 1.3 GB.
 * The flag is process-wide: only the CLI, which owns its process, calls this;
 * the editor extension shares its host and does not.
 */
export function tuneWorkerHeap(): void {
  v8.setFlagsFromString('--initial-heap-size=512');
}

/** Whether dist/engineWorker.js is beside the running CLI (not when run from source, as in tests). */
export function canStartEngineThreads(distDir: string): boolean {
  return existsSync(path.join(distDir, 'engineWorker.js'));
}

/** Starts dist/engineWorker.js with an old-generation limit. */
export function startEngineThread(distDir: string, heapMb = defaultHeapMb()): Worker {
  return new Worker(path.join(distDir, 'engineWorker.js'), { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
}
