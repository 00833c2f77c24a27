// Entry point of dist/cli.js.
import type { Worker } from 'worker_threads';
import { canStartEngineThreads, exposeCollector, startEngineThread } from '../scanner/engineThread';

const argv = process.argv.slice(2);

// An engine thread takes about 0.1 s to start, longer than the rest of the CLI
// takes to load and read its first file: a scan starts one before loading the rest.
let started: Worker | undefined;
if ((argv[0] === 'scan' || argv[0] === 'diff') && !argv.includes('--help') && !argv.includes('-h') && canStartEngineThreads(__dirname)) {
  exposeCollector();
  started = startEngineThread(__dirname);
}

const { run } = require('./main') as typeof import('./main');

// Ctrl-C once stops the scan cleanly (exit 130); twice stops at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

run(argv, {
  signal: interrupt.signal,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  env: process.env,
}, started).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`agent-xray: internal error: ${(err as Error)?.stack ?? err}\n`);
  process.exitCode = 2;
});
