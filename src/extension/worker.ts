// The scanner thread: discovery, then every agent, off the extension host's
// thread; the engine runs on its own threads (EnginePool). It reads files
// only: no sockets, no processes. A 'cancel' message stops it cleanly.
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import { FileIndex, ResultCache } from '../scanner/cache';
import { Cancelled, EnginePool } from '../scanner/enginePool';
import { scanTargets, specOf } from '../scanner/scanTargets';
import type { DiscoveredAgent } from '../discovery/discover';
import { findAgents } from '../scanner/pipeline';
import { ENGINE_VERSION } from '../engine/scan';
import type { TargetResult } from '../report/model';
import { forbidSideEffects } from '../scanner/guard';

export interface ScanRequest {
  home: string;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  workspaces: string[];
  extensionRoots: string[];
  extraPaths: string[];
  excludedAgents: string[];
  maxFileBytes: number;
  /** globalStorageUri's folder: result cache and file index live below it. */
  storage?: string;
}

export type ScanMessage =
  | { type: 'discovered'; agents: DiscoveredAgent[]; skipped: string[] }
  | { type: 'progress'; index: number; total: number; name: string }
  | { type: 'target'; index: number; result: TargetResult }
  | { type: 'done'; ms: number; attempts: string[] }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };

/** Heap per engine thread: a 13 MB bundle needs about 600 MB, a 245 MB executable about 800 MB. */
const ENGINE_HEAP_MB = 2048;

/**
 * Runs one scan, reporting as it goes; exported so tests can run it in-process.
 * `distDir` holds engineWorker.js (without it the engine runs on this thread);
 * aborting `signal` stops the scan, keeps finished results cached and posts 'cancelled'.
 */
export async function runScan(request: ScanRequest, post: (m: ScanMessage) => void, distDir?: string, signal?: AbortSignal): Promise<void> {
  const started = performance.now();
  const guard = forbidSideEffects();
  const engine = distDir ? new EnginePool({ distDir, heapMb: ENGINE_HEAP_MB }) : undefined;
  const stop = () => engine?.cancel();
  signal?.addEventListener('abort', stop);
  const cache = request.storage ? new ResultCache(path.join(request.storage, 'results'), ENGINE_VERSION) : undefined;
  const fileIndex = request.storage ? new FileIndex(path.join(request.storage, 'files'), ENGINE_VERSION) : undefined;
  try {
    const { agents, skipped } = await findAgents(
      { home: request.home, env: request.env, platform: request.platform, workspaces: request.workspaces, extensionRoots: request.extensionRoots },
      { excludedAgents: request.excludedAgents, extraPaths: request.extraPaths, extraPathsFrom: 'setting agentXray.extraPaths' });
    post({ type: 'discovered', agents, skipped });
    const seen = new Map();
    for (const [index, agent] of agents.entries()) {
      if (signal?.aborted) throw new Cancelled();
      post({ type: 'progress', index, total: agents.length, name: `${agent.name} ${agent.version}`.trim() });
      const { targets: [result] } = await scanTargets([specOf(agent)], { engine, cache, fileIndex, seen, maxFileBytes: request.maxFileBytes });
      post({ type: 'target', index, result });
    }
    post({ type: 'done', ms: Math.round(performance.now() - started), attempts: guard.attempts });
  } catch (err) {
    if (!(err instanceof Cancelled)) post({ type: 'error', message: (err as Error).stack ?? String(err) });
    else {
      // Entries being written finish first: the cache holds whole results or none.
      await Promise.all([cache?.settled(), fileIndex?.settled()]);
      post({ type: 'cancelled' });
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    engine?.close();
    guard.restore();
  }
}

if (parentPort && workerData?.request) {
  const port = parentPort;
  const cancel = new AbortController();
  port.on('message', (m: { type?: string }) => { if (m.type === 'cancel') cancel.abort(); });
  void runScan(workerData.request as ScanRequest, (m) => port.postMessage(m), __dirname, cancel.signal).then(() => port.close());
}
