// The scanner thread: discovery, then every agent, one file at a time, off the
// extension host's thread. It reads files only: no sockets, no processes.
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import { FileIndex, ResultCache } from '../cli/cache';
import { scanTargets, specOf } from '../cli/scanTargets';
import { discover, type DiscoveredAgent } from '../discovery/discover';
import { ENGINE_VERSION } from '../engine/scan';
import type { TargetResult } from '../report/model';
import { forbidSideEffects } from './guard';

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
  | { type: 'error'; message: string };

/** Runs one scan, reporting as it goes; exported so tests can run it in-process. */
export async function runScan(request: ScanRequest, post: (m: ScanMessage) => void): Promise<void> {
  const started = performance.now();
  const guard = forbidSideEffects();
  try {
    const found = await discover({ home: request.home, env: request.env, platform: request.platform, workspaces: request.workspaces, extensionRoots: request.extensionRoots });
    const excluded = new Set(request.excludedAgents.map((id) => id.toLowerCase()));
    const agents = found.agents.filter((a) => !excluded.has(a.id.toLowerCase()));
    for (const p of request.extraPaths) {
      agents.push({ id: path.basename(p), name: path.basename(p), version: '', kind: 'cli', known: false, why: 'named in agentXray.extraPaths', paths: [p], foundAt: ['setting agentXray.extraPaths'] });
    }
    post({ type: 'discovered', agents, skipped: found.skipped });
    const cache = request.storage ? new ResultCache(path.join(request.storage, 'results'), ENGINE_VERSION) : undefined;
    const fileIndex = request.storage ? new FileIndex(path.join(request.storage, 'files'), ENGINE_VERSION) : undefined;
    const seen = new Map();
    for (const [index, agent] of agents.entries()) {
      post({ type: 'progress', index, total: agents.length, name: `${agent.name} ${agent.version}`.trim() });
      const { targets: [result] } = await scanTargets([specOf(agent)], { cache, fileIndex, seen, maxFileBytes: request.maxFileBytes });
      post({ type: 'target', index, result });
    }
    post({ type: 'done', ms: Math.round(performance.now() - started), attempts: guard.attempts });
  } catch (err) {
    post({ type: 'error', message: (err as Error).stack ?? String(err) });
  } finally {
    guard.restore();
  }
}

if (parentPort && workerData?.request) {
  const port = parentPort;
  void runScan(workerData.request as ScanRequest, (m) => port.postMessage(m)).then(() => port.close());
}
