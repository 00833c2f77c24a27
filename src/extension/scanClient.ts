// Runs a scan in a worker thread (dist/worker.js) so the extension host's
// thread only receives small messages; a new scan stops the running one, and
// cancel() lets it finish its cache writes before it ends.
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ScanMessage, ScanRequest } from './worker';

/** Heap for the scanner thread, which discovers and reads; the engine has threads of its own. */
const WORKER_HEAP_MB = 1024;
/** How long a cancelled scan may take to finish its cache writes before it is stopped. */
const CANCEL_GRACE_MS = 5000;

export type ScanEnd = 'done' | 'stopped' | 'cancelled' | 'failed';

export class ScanClient {
  private worker: Worker | undefined;
  private cancelling: Worker | undefined;

  constructor(private readonly distDir: string) {}

  /** Starts a scan; resolves when it ends (done, error, or stopped by a newer scan). */
  run(request: ScanRequest, onMessage: (m: ScanMessage) => void): Promise<ScanEnd> {
    this.stop();
    const worker = new Worker(path.join(this.distDir, 'worker.js'), { workerData: { request }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.worker = worker;
    return new Promise((resolve) => {
      let ended = false;
      const end = (how: ScanEnd) => {
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
        if (m.type === 'cancelled') end('cancelled');
      });
      worker.on('error', (err) => {
        if (this.worker === worker) onMessage({ type: 'error', message: err.stack ?? String(err) });
        end('failed');
      });
      worker.on('exit', () => end(this.cancelling === worker ? 'cancelled' : this.worker === worker ? 'failed' : 'stopped'));
    });
  }

  get running(): boolean {
    return !!this.worker;
  }

  /** Asks the running scan to stop; it ends as 'cancelled' (stopped outright after a grace period). */
  cancel(): void {
    const w = this.worker;
    if (!w) return;
    this.cancelling = w;
    w.postMessage({ type: 'cancel' });
    setTimeout(() => void w.terminate(), CANCEL_GRACE_MS).unref();
  }

  stop(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }
}
