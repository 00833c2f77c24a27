// Fetches public agent packages from the npm registry with `npm pack` into a
// git-ignored cache, for benchmarks and real-artifact tests. Nothing fetched is committed.
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'fs';
import * as path from 'path';

export const PACKAGE_CACHE = path.resolve(__dirname, '..', '.cache', 'packages');

/**
 * Returns the folder of an unpacked package (`.../package`), fetching it once.
 * Returns undefined, with the reason, when the registry cannot be reached.
 */
export function fetchPackage(spec: string): { dir?: string; reason?: string } {
  const safe = spec.replace(/[^\w.@-]+/g, '_');
  const dir = path.join(PACKAGE_CACHE, safe);
  const unpacked = path.join(dir, 'package');
  if (existsSync(unpacked)) return { dir: unpacked };
  const tmp = `${dir}.tmp-${process.pid}`;
  try {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    execFileSync('npm', ['pack', spec, '--silent'], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack wrote no tarball');
    execFileSync('tar', ['xzf', tgz], { cwd: tmp });
    rmSync(path.join(tmp, tgz));
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    return { dir: unpacked };
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    const msg = String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).split('\n').find((l) => /ERR|error/i.test(l)) ?? (err as Error).message;
    return { reason: `could not fetch ${spec} from the npm registry (${msg.trim().slice(0, 200)})` };
  }
}
