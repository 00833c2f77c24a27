// A thread of the engine pool (dist/engineWorker.js): bytes in, findings out.
// It reads no files itself and may not open sockets or start processes.
import type { TextEncoding } from '../artifacts/text';
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
}

export interface EngineReply {
  id: number;
  result: FileResult;
}

if (parentPort) {
  const port = parentPort;
  forbidSideEffects();
  port.on('message', (m: EngineRequest) => {
    const reply: EngineReply = { id: m.id, result: scanBytes(m.bytes, m.encoding, m.name, m.seeds) };
    port.postMessage(reply);
  });
}
