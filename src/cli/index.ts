// Entry point of dist/cli.js.
import { run } from './main';

run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  env: process.env,
}).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`agent-xray: internal error: ${(err as Error)?.stack ?? err}\n`);
  process.exitCode = 2;
});
