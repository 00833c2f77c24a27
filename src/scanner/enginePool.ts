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
  request: EngineRequest;
  resolve(r: FileResult): void;
  reject(e: Error): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  job?: Job;
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
  /** A thread whose heap has grown past this is replaced between files (default RETIRE_HEAP_MB). */
  retireHeapMb?: number;
  /** A thread started early (startEngineThread with the same heapMb) for the pool to use first. */
  started?: Worker;
}

/**
 * A thread collects its heap after a large tree (engineWorker.ts); one whose
 * heap is still past this is replaced, its heap going with it. Replacing
 * threads more often costs a split build of thousands of small modules a
 * cold, unoptimised engine each time.
 */
export const RETIRE_HEAP_MB = 512;

/** Texts read ahead per thread: the next one is ready when a thread finishes, so it never waits for a read. */
const READ_AHEAD = 2;

export class EnginePool implements Engine {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<{ weight: number; go(): void; stop(e: Error): void }> = [];
  /** Texts read and waiting for a thread, in order. */
  private readonly queue: Job[] = [];
  private used = 0;
  private nextId = 0;
  private cancelled = false;
  private readonly heapMb: number;
  private readonly timeLimit: (bytes: number) => number;
  private readonly largeText: number;
  private readonly retireHeapMb: number;
  /** What the pool did: most files scanned at once, threads it started (not counting `options.started`), threads replaced for their heap. */
  readonly stats = { peakBusy: 0, started: 0, retired: 0 };

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
    this.heapMb = options.heapMb ?? defaultHeapMb();
    this.timeLimit = options.timeLimit ?? timeLimitMs;
    this.largeText = options.largeText ?? LARGE_TEXT;
    this.retireHeapMb = options.retireHeapMb ?? RETIRE_HEAP_MB;
    if (options.started) this.adopt(options.started);
  }

  /** Room for a text: a large one waits until it can run alone; ordinary ones are read ahead, READ_AHEAD per thread. */
  acquire(size: number): Promise<() => void> {
    if (this.cancelled) return Promise.reject(new Cancelled());
    const weight = size >= this.largeText ? this.capacity : 1;
    return new Promise((resolve, reject) => {
      const go = () => {
        this.used += weight;
        // The thread starts (and loads the engine) while the caller reads the bytes.
        if (!this.slots.some((s) => !s.job) && this.slots.length < this.size) this.spawn();
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

  /** Texts that may be read at once: READ_AHEAD per thread. */
  private get capacity(): number {
    return this.size * READ_AHEAD;
  }

  /** Admits waiting work in order; a large text waits until it can run alone. */
  private admit(): void {
    while (this.waiting.length && this.used + this.waiting[0].weight <= this.capacity) this.waiting.shift()!.go();
  }

  scan(bytes: Buffer, encoding: TextEncoding, name: string, seeds?: Seeds): Promise<FileResult> {
    if (this.cancelled) return Promise.reject(new Cancelled());
    return new Promise((resolve, reject) => {
      // The bytes move to the worker without a copy when they own their memory.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const data = own ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes);
      this.queue.push({ request: { id: this.nextId++, bytes: data, encoding, name, seeds }, resolve, reject });
      this.dispatch();
    });
  }

  /** Gives queued texts to idle threads, starting threads up to the pool's size. */
  private dispatch(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      this.stats.peakBusy = Math.max(this.stats.peakBusy, this.slots.filter((s) => s.job).length);
      const limit = this.timeLimit(job.request.bytes.length);
      job.timer = setTimeout(() => this.fail(slot, `stopped after the time limit of ${limit >= 10_000 ? Math.round(limit / 1000) : (limit / 1000).toFixed(1)} s for a file this size`), limit);
      slot.worker.postMessage(job.request, [job.request.bytes.buffer as ArrayBuffer]);
    }
  }

  private spawn(): Slot {
    this.stats.started++;
    return this.adopt(startEngineThread(this.options.distDir, this.heapMb));
  }

  private adopt(worker: Worker): Slot {
    const slot: Slot = { worker };
    this.slots.push(slot);
    worker.on('message', (reply: EngineReply) => {
      const job = slot.job;
      if (!job || reply.id !== job.request.id) return;
      this.finish(slot);
      if (reply.heapMb > this.retireHeapMb) {
        this.stats.retired++;
        this.retire(slot);
      }
      this.dispatch();
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
    else {
      job.resolve({ file: job.request.name, bytes: job.request.bytes.length, ms: 0, findings: [], notAnalysed: [], error: reason });
      this.dispatch();
    }
  }

  /** Stops every scan: running and waiting calls reject with Cancelled. */
  cancel(): void {
    this.cancelled = true;
    for (const w of this.waiting.splice(0)) w.stop(new Cancelled());
    for (const job of this.queue.splice(0)) job.reject(new Cancelled());
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
