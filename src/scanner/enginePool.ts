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
  /** `seeds`: what the linker found the module's inputs hold (a second analysis); `summarise`: its summary made again (see relinkedSeeds). */
  scan(bytes: Buffer, encoding: TextEncoding, name: string, seeds?: Seeds, summarise?: boolean): Promise<FileResult>;
}

/** Texts this large run alone: their syntax trees take hundreds of MB. */
export const LARGE_TEXT = 4 * 1024 * 1024;

/** Time allowed per file: 30 s plus 2 s per MB (a 13 MB bundle takes about 4 s). */
export function timeLimitMs(bytes: number): number {
  return 30_000 + Math.ceil(bytes / 1e6) * 2_000;
}

interface Job {
  request: EngineRequest;
  /** The text's size in bytes (the request's buffer moves to the thread). */
  size: number;
  resolve(r: FileResult): void;
  reject(e: Error): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** Jobs handed to the thread: the first runs, the others wait in its port (see PIPELINE). */
  jobs: Job[];
  /** Its heap stayed large: it takes no more jobs and is replaced once it has finished these. */
  draining?: boolean;
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

/**
 * A thread gets its next texts before it finishes the one it runs (they wait
 * in its port), so it never waits for this thread to take its reply and send
 * more. On a split build of thousands of small modules this thread's pauses
 * (reading, collecting its heap of results) of 20-100 ms would otherwise idle
 * the engine for about a tenth of the scan: texts under SMALL_TEXT, a few
 * milliseconds' work each, wait up to PIPELINE_BYTES a thread and share a
 * read-ahead place SMALL_PER_SLOT at a time; a larger text waits alone.
 */
const PIPELINE_BYTES = 1024 * 1024;
const SMALL_TEXT = 64 * 1024;
const SMALL_PER_SLOT = 32;

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
  /**
   * What the pool did: most files scanned at once, threads it started (not counting `options.started`), threads
   * replaced for their heap, threads stopped while a large text ran alone.
   */
  readonly stats = { peakBusy: 0, started: 0, retired: 0, setAside: 0 };

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
    this.heapMb = options.heapMb ?? defaultHeapMb();
    this.timeLimit = options.timeLimit ?? timeLimitMs;
    this.largeText = options.largeText ?? LARGE_TEXT;
    this.retireHeapMb = options.retireHeapMb ?? RETIRE_HEAP_MB;
    if (options.started) this.adopt(options.started);
  }

  /** Room for a text: a large one waits until it can run alone; ordinary ones are read ahead, READ_AHEAD per thread (small ones more, see SMALL_TEXT). */
  acquire(size: number): Promise<() => void> {
    if (this.cancelled) return Promise.reject(new Cancelled());
    const weight = size >= this.largeText ? this.capacity : size < SMALL_TEXT ? 1 / SMALL_PER_SLOT : 1;
    return new Promise((resolve, reject) => {
      const go = () => {
        this.used += weight;
        // A large text runs alone, and alone in memory: the other threads (idle now) stop, their heaps going with
        // them, and start again after it. On Claude Code 2.1.332 the idle thread's heap and what its last texts
        // left was about 130 MB of a 1.30 GB peak; a new thread costs a second or two of a cold engine.
        if (weight === this.capacity) {
          for (const slot of this.slots.filter((s) => !s.jobs.length).slice(1)) {
            this.stats.setAside++;
            this.retire(slot);
          }
        }
        // The thread starts (and loads the engine) while the caller reads the bytes.
        if (!this.slots.some((s) => !s.jobs.length) && this.slots.length < this.size) this.spawn();
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

  scan(bytes: Buffer, encoding: TextEncoding, name: string, seeds?: Seeds, summarise?: boolean): Promise<FileResult> {
    if (this.cancelled) return Promise.reject(new Cancelled());
    return new Promise((resolve, reject) => {
      const request = { id: this.nextId++, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, name, seeds, summarise };
      this.queue.push({ request, size: bytes.byteLength, resolve, reject });
      this.dispatch();
    });
  }

  /** Gives queued texts to idle threads, starting threads up to the pool's size, then to busy ones (PIPELINE_BYTES). */
  private dispatch(): void {
    while (this.queue.length) {
      const open = this.slots.filter((s) => !s.draining);
      const waiting = (s: Slot) => s.jobs.reduce((n, j, i) => (i ? n + j.size : 0), 0);
      const room = (s: Slot) => s.jobs.length === 1 || waiting(s) + this.queue[0].size <= PIPELINE_BYTES;
      const slot = open.find((s) => !s.jobs.length) ?? (this.slots.length < this.size ? this.spawn()
        : open.filter(room).sort((a, b) => waiting(a) - waiting(b))[0]);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.jobs.push(job);
      this.stats.peakBusy = Math.max(this.stats.peakBusy, this.slots.filter((s) => s.jobs.length).length);
      const { request } = job;
      if (slot.jobs.length === 1) {
        this.startTimer(slot);
        // The bytes move to the thread without a copy when they own their memory.
        const own = request.bytes.byteOffset === 0 && request.bytes.byteLength === request.bytes.buffer.byteLength && request.bytes.buffer instanceof ArrayBuffer;
        slot.worker.postMessage(request, own ? [request.bytes.buffer as ArrayBuffer] : []);
      } else {
        // A job that waits behind another is copied: should the thread fail first, it goes back to the queue whole.
        slot.worker.postMessage(request);
      }
    }
  }

  /** The time limit of the job a thread runs (its first). */
  private startTimer(slot: Slot): void {
    const job = slot.jobs[0];
    const limit = this.timeLimit(job.size);
    job.timer = setTimeout(() => this.fail(slot, `stopped after the time limit of ${limit >= 10_000 ? Math.round(limit / 1000) : (limit / 1000).toFixed(1)} s for a file this size`), limit);
  }

  private spawn(): Slot {
    this.stats.started++;
    return this.adopt(startEngineThread(this.options.distDir, this.heapMb));
  }

  private adopt(worker: Worker): Slot {
    const slot: Slot = { worker, jobs: [] };
    this.slots.push(slot);
    worker.on('message', (reply: EngineReply) => {
      const job = slot.jobs[0];
      if (!job || reply.id !== job.request.id) return;
      clearTimeout(job.timer);
      slot.jobs.shift();
      if (slot.jobs.length) this.startTimer(slot);
      if (reply.heapMb > this.retireHeapMb) slot.draining = true;
      if (slot.draining && !slot.jobs.length) {
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

  /** Drops a worker: its heap (and every tree it built) goes with it. */
  private retire(slot: Slot): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
  }

  /** A file's scan failed (time, memory, crash): the file gets a reason, the worker is replaced, the texts waiting on it go back to the queue. */
  private fail(slot: Slot, reason: string): void {
    if (this.slots.includes(slot)) this.retire(slot);
    const [job, ...waiting] = slot.jobs.splice(0);
    if (!job) return;
    clearTimeout(job.timer);
    if (this.cancelled) {
      for (const j of [job, ...waiting]) j.reject(new Cancelled());
      return;
    }
    this.queue.unshift(...waiting);
    job.resolve({ file: job.request.name, bytes: job.size, ms: 0, findings: [], notAnalysed: [], error: reason });
    this.dispatch();
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
  scan: (bytes, encoding, name, seeds, summarise) => Promise.resolve(scanBytes(bytes, encoding, name, seeds, summarise)),
};
