// Runs the engine on worker threads: both cores for many files, one large
// syntax tree alive at a time, a time and memory limit per file, cancellable.
import type { TextEncoding } from '../artifacts/text';
import * as os from 'os';
import type { Worker } from 'worker_threads';
import type { FileResult } from '../engine/types';
import type { EngineRequest, EngineReply } from './engineWorker';
import { defaultHeapMb, startEngineThread } from './engineThread';
import { scanBytes } from './scanBytes';
import type { Seeds } from '../engine/modules';

/** Raised by a pool's pending and later calls once the scan is cancelled. */
export class Cancelled extends Error {
  constructor() {
    super('scan cancelled');
  }
}

/** How one text is scanned: on a worker (EnginePool) or on this thread (tests). */
export interface Engine {
  /** Waits for room for a text of `size` bytes; the returned function gives it back. */
  acquire(size: number): Promise<() => void>;
  /** `seeds`: what the linker found the module's inputs hold (a second analysis). */
  scan(bytes: Buffer, encoding: TextEncoding, name: string, seeds?: Seeds): Promise<FileResult>;
}

/** Texts this large run alone: their syntax trees take hundreds of MB. */
export const LARGE_TEXT = 4 * 1024 * 1024;

/** Time allowed per file: 30 s plus 2 s per MB (a 13 MB bundle takes about 4 s). */
export function timeLimitMs(bytes: number): number {
  return 30_000 + Math.ceil(bytes / 1e6) * 2_000;
}

interface Job {
  id: number;
  resolve(r: FileResult): void;
  reject(e: Error): void;
  timer?: NodeJS.Timeout;
  name: string;
  bytes: number;
}

interface Slot {
  worker: Worker;
  job?: Job;
  /** Bytes scanned since the worker started; it is replaced after a large text's worth. */
  scanned: number;
}

export interface PoolOptions {
  /** dist/, where engineWorker.js is. */
  distDir: string;
  /** Workers (default: the cores, at most 2 — a third rarely pays for its memory). */
  size?: number;
  /** Old-generation limit per worker (default: half the machine's memory, 1–8 GB). */
  heapMb?: number;
  timeLimit?: (bytes: number) => number;
  /** Texts this large run alone (default LARGE_TEXT). */
  largeText?: number;
  /** A thread started early (startEngineThread with the same heapMb) for the pool to use first. */
  started?: Worker;
}

export class EnginePool implements Engine {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<{ weight: number; go(): void; stop(e: Error): void }> = [];
  private used = 0;
  private nextId = 0;
  private cancelled = false;
  private readonly heapMb: number;
  private readonly timeLimit: (bytes: number) => number;
  private readonly largeText: number;
  /** What the pool did: most files scanned at once, threads it started (not counting `options.started`). */
  readonly stats = { peakBusy: 0, started: 0 };

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
    this.heapMb = options.heapMb ?? defaultHeapMb();
    this.timeLimit = options.timeLimit ?? timeLimitMs;
    this.largeText = options.largeText ?? LARGE_TEXT;
    if (options.started) this.adopt(options.started);
  }

  acquire(size: number): Promise<() => void> {
    if (this.cancelled) return Promise.reject(new Cancelled());
    const weight = size >= this.largeText ? this.size : 1;
    return new Promise((resolve, reject) => {
      const go = () => {
        this.used += weight;
        // The thread starts (and loads the engine) while the caller reads the bytes.
        if (!this.slots.some((s) => !s.job)) this.spawn();
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.used -= weight;
          this.admit();
        });
      };
      this.waiting.push({ weight, go, stop: reject });
      this.admit();
    });
  }

  /** Admits waiting work in order; a large text waits until it can run alone. */
  private admit(): void {
    while (this.waiting.length && this.used + this.waiting[0].weight <= this.size) this.waiting.shift()!.go();
  }

  scan(bytes: Buffer, encoding: TextEncoding, name: string, seeds?: Seeds): Promise<FileResult> {
    if (this.cancelled) return Promise.reject(new Cancelled());
    const slot = this.slots.find((s) => !s.job) ?? this.spawn();
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, resolve, reject, name, bytes: bytes.length };
      slot.job = job;
      slot.scanned += bytes.length;
      this.stats.peakBusy = Math.max(this.stats.peakBusy, this.slots.filter((s) => s.job).length);
      const limit = this.timeLimit(job.bytes);
      job.timer = setTimeout(() => this.fail(slot, `stopped after the time limit of ${limit >= 10_000 ? Math.round(limit / 1000) : (limit / 1000).toFixed(1)} s for a file this size`), limit);
      // The bytes move to the worker without a copy when they own their memory.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const data = own ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes);
      const request: EngineRequest = { id: job.id, bytes: data, encoding, name, seeds };
      slot.worker.postMessage(request, [data.buffer as ArrayBuffer]);
    });
  }

  private spawn(): Slot {
    this.stats.started++;
    return this.adopt(startEngineThread(this.options.distDir, this.heapMb));
  }

  private adopt(worker: Worker): Slot {
    const slot: Slot = { worker, scanned: 0 };
    this.slots.push(slot);
    worker.on('message', (reply: EngineReply) => {
      const job = slot.job;
      if (!job || reply.id !== job.id) return;
      this.finish(slot);
      if (slot.scanned >= this.largeText) this.retire(slot);
      job.resolve(reply.result);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      this.fail(slot, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of memory (limit ${this.heapMb} MB)` : `engine failed: ${err.message}`);
    });
    worker.on('exit', () => this.fail(slot, 'engine stopped unexpectedly'));
    return slot;
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.job?.timer);
    slot.job = undefined;
  }

  /** Drops a worker: its heap (and every tree it built) goes with it. */
  private retire(slot: Slot): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
  }

  /** A file's scan failed (time, memory, crash): the file gets a reason, the worker is replaced. */
  private fail(slot: Slot, reason: string): void {
    const job = slot.job;
    if (this.slots.includes(slot)) this.retire(slot);
    if (!job) return;
    this.finish(slot);
    if (this.cancelled) job.reject(new Cancelled());
    else job.resolve({ file: job.name, bytes: job.bytes, ms: 0, findings: [], notAnalysed: [], error: reason });
  }

  /** Stops every scan: running and waiting calls reject with Cancelled. */
  cancel(): void {
    this.cancelled = true;
    for (const w of this.waiting.splice(0)) w.stop(new Cancelled());
    for (const slot of [...this.slots]) this.fail(slot, 'cancelled');
  }

  /** Ends the workers once the scan is over. */
  close(): void {
    for (const slot of [...this.slots]) this.retire(slot);
  }
}

/** Scans on this thread, one file at a time (tests, and where workers cannot start). */
export const inlineEngine: Engine = {
  acquire: () => Promise.resolve(() => undefined),
  scan: (bytes, encoding, name, seeds) => Promise.resolve(scanBytes(bytes, encoding, name, seeds)),
};
