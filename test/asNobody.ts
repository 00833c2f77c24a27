// Permission tests when the tests run as root (CI containers): root reads any
// file, so the built CLI runs as the unprivileged user nobody instead.
import { spawnSync } from 'child_process';
import * as path from 'path';

/** Runs dist/cli.js as nobody (uid 65534) and returns its stdout. */
export function asNobody(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(process.execPath, [path.join(__dirname, '..', 'dist', 'cli.js'), ...args], { uid: 65534, gid: 65534, encoding: 'utf8', env: { PATH: '', HOME: '/nonexistent', ...env } });
  if (r.error) throw r.error;
  return r.stdout;
}
