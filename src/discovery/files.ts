// Careful file-system reads for discovery: every failure becomes a logged
// reason, never an exception, and nothing found is ever run.
import { promises as fs, type Dirent } from 'fs';
import * as jsonc from 'jsonc-parser';
import * as path from 'path';

export class Log {
  readonly skipped: string[] = [];
  skip(where: string, why: string): void {
    this.skipped.push(`${where}: ${why}`);
  }
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'link loop';
  if (code === 'ENOTDIR') return 'not a folder';
  return code ?? (err as Error).message;
}

export async function isFile(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isFile(), () => false);
}

export async function isDir(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isDirectory(), () => false);
}

/** Entries of a folder; a missing folder is silent, any other failure is logged. */
export async function list(dir: string, log: Log): Promise<Dirent[]> {
  try {
    return (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.skip(dir, reason(err));
    return [];
  }
}

/** The real path; broken links and loops are logged. */
export async function real(p: string, log: Log): Promise<string | undefined> {
  try {
    return await fs.realpath(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && await fs.lstat(p).then(() => true, () => false)) log.skip(p, 'broken link');
    else if (code !== 'ENOENT') log.skip(p, reason(err));
    return undefined;
  }
}

export async function readText(file: string, log: Log, max = 4 * 1024 * 1024): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > max) {
      log.skip(file, `larger than ${max / 1024 / 1024} MB`);
      return undefined;
    }
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.skip(file, reason(err));
    return undefined;
  }
}

/** JSON with comments and trailing commas (VS Code's settings dialect); malformed files are logged. */
export async function readJson<T>(file: string, log: Log): Promise<T | undefined> {
  const text = await readText(file, log);
  if (text === undefined) return undefined;
  const errors: jsonc.ParseError[] = [];
  const value = jsonc.parse(text, errors, { allowTrailingComma: true }) as T;
  if (errors.length || value === undefined || typeof value !== 'object') {
    log.skip(file, `malformed JSON (${errors.length ? jsonc.printParseErrorCode(errors[0].error) : 'not an object'} at offset ${errors[0]?.offset ?? 0})`);
    return undefined;
  }
  return value;
}

export interface PackageJson {
  name?: string; version?: string; displayName?: string; publisher?: string;
  bin?: string | Record<string, string>; main?: string;
  dependencies?: Record<string, string>; devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string>;
  contributes?: Record<string, unknown>;
}

/** The nearest folder at or above `file` with a package.json that has a name (stops at `stop`). */
export async function packageOf(file: string, log: Log, stop?: string): Promise<{ dir: string; pkg: PackageJson } | undefined> {
  let dir = (await isDir(file)) ? file : path.dirname(file);
  for (let i = 0; i < 12; i++) {
    const pkg = await readJson<PackageJson>(path.join(dir, 'package.json'), log);
    if (pkg && typeof pkg.name === 'string') return { dir, pkg };
    const up = path.dirname(dir);
    if (up === dir || dir === stop) return undefined;
    dir = up;
  }
  return undefined;
}

/** More packages than this in one global folder are not examined one by one (bounded time). */
export const MAX_PACKAGES = 10_000;

/** Top-level packages of a node_modules folder (scoped ones included), without walking deeper. */
export async function packagesIn(nodeModules: string, log: Log): Promise<string[]> {
  const out: string[] = [];
  const entries = await list(nodeModules, log);
  if (entries.length > MAX_PACKAGES) log.skip(nodeModules, `${entries.length} entries; only the first ${MAX_PACKAGES} were examined`);
  for (const e of entries.slice(0, MAX_PACKAGES)) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(nodeModules, e.name);
    if (e.name.startsWith('@')) {
      for (const s of await list(p, log)) out.push(path.join(p, s.name));
    } else out.push(p);
  }
  return out;
}
