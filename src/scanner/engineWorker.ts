// A thread of the engine pool (dist/engineWorker.js): bytes in, findings out.
// It reads no files itself and may not open sockets or start processes.
import type { TextEncoding } from '../artifacts/text';
import { getHeapStatistics } from 'v8';
import { parentPort } from 'worker_threads';
import type { Seeds } from '../engine/modules';
import type { FileResult } from '../engine/types';
import { forbidSideEffects } from '../scanner/guard';
import { scanBytes } from './scanBytes';

export interface EngineRequest {
  id: number;
  bytes: Uint8Array;
  encoding: TextEncoding;
  name: string;
  seeds?: Seeds;
  summarise?: boolean;
}

export interface EngineReply {
  id: number;
  result: FileResult;
  /** The thread's heap after the scan, in MB: the pool replaces a thread whose heap has grown large. */
  heapMb: number;
}

/** After a scan, a heap past this is collected at once: a large tree's memory goes back to the system before the next file. */
const COLLECT_ABOVE_MB = 256;

const heapMb = () => getHeapStatistics().total_heap_size / 2 ** 20;

/** V8's collector, where the process exposes it to its threads (the CLI: engineThread.ts, exposeCollector). */
const gc = (globalThis as { gc?: () => void }).gc;

if (parentPort) {
  const port = parentPort;
  forbidSideEffects();
  port.on('message', (m: EngineRequest) => {
    const result = scanBytes(m.bytes, m.encoding, m.name, m.seeds, m.summarise);
    // Twice: the first finds the tree dead, the second gives its emptied pages back.
    if (gc && heapMb() > COLLECT_ABOVE_MB) { gc(); gc(); }
    const reply: EngineReply = { id: m.id, result, heapMb: heapMb() };
    port.postMessage(reply);
  });
}
