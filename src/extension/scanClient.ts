// Runs a scan in a worker thread (dist/worker.js) so the extension host's
// thread only receives small messages; a new scan stops the running one.
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ScanMessage, ScanRequest } from './worker';

/** Heap for the scanner thread: a 13 MB bundle needs about 600 MB, a 245 MB executable about 800 MB. */
const WORKER_HEAP_MB = 2048;

export class ScanClient {
  private worker: Worker | undefined;

  constructor(private readonly distDir: string) {}

  /** Starts a scan; resolves when it ends (done, error, or stopped by a newer scan). */
  run(request: ScanRequest, onMessage: (m: ScanMessage) => void): Promise<'done' | 'stopped' | 'failed'> {
    this.stop();
    const worker = new Worker(path.join(this.distDir, 'worker.js'), { workerData: { request }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.worker = worker;
    return new Promise((resolve) => {
      let ended = false;
      const end = (how: 'done' | 'stopped' | 'failed') => {
        if (ended) return;
        ended = true;
        if (this.worker === worker) this.worker = undefined;
        resolve(how);
      };
      worker.on('message', (m: ScanMessage) => {
        if (this.worker !== worker) return;
        onMessage(m);
        if (m.type === 'done') end('done');
        if (m.type === 'error') end('failed');
      });
      worker.on('error', (err) => {
        if (this.worker === worker) onMessage({ type: 'error', message: err.stack ?? String(err) });
        end('failed');
      });
      worker.on('exit', () => end(this.worker === worker ? 'failed' : 'stopped'));
    });
  }

  stop(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }
}
