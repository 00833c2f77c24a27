// Entry point of dist/cli.js.
import { run } from './main';

// Ctrl-C once stops the scan cleanly (exit 130); twice stops at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

run(process.argv.slice(2), {
  signal: interrupt.signal,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  env: process.env,
}).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`agent-xray: internal error: ${(err as Error)?.stack ?? err}\n`);
  process.exitCode = 2;
});
