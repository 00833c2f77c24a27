// Turning a path into the files to scan: one file, or every JS file and
// executable of a folder or package.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { AgentInfo, TargetKind } from '../report/model';
import { JS_FILE, SKIPPED_FILE, zipPackageJson } from './contents';

/** Files that may be executables or scripts without an extension (`bin/claude`, `vendor/x/codex`, `claude.exe`). */
const MAYBE_EXECUTABLE = /(?:^|[\\/])[^.\\/]+$|\.(?:exe|node)$/i;
/** Nested folders that are other packages or tooling, not the target's own code. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface TargetFiles {
  path: string;
  kind: TargetKind;
  agent: AgentInfo | null;
  files: string[];
  /** Files or folders that could not be listed, with the reason. */
  problems: string[];
}

interface PackageJson { name?: unknown; version?: unknown; publisher?: unknown; displayName?: unknown; main?: unknown; bin?: unknown; exports?: unknown }

/** The agent a package.json text names (an extension's id is publisher.name); null when malformed. */
export function packageInfoOf(json: string | undefined): AgentInfo | null {
  try {
    const pkg = JSON.parse(json ?? '') as PackageJson;
    if (typeof pkg.name !== 'string') return null;
    const id = typeof pkg.publisher === 'string' ? `${pkg.publisher}.${pkg.name}` : pkg.name;
    return { id, name: typeof pkg.displayName === 'string' ? pkg.displayName : pkg.name, version: typeof pkg.version === 'string' ? pkg.version : '' };
  } catch {
    return null;
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Reads `name` and `version` from a folder's package.json, tolerating malformed ones. */
export async function readPackageInfo(dir: string): Promise<AgentInfo | null> {
  return packageInfoOf(await readText(path.join(dir, 'package.json')));
}

/** Files a package.json names as entry points (`main`, `bin`, `exports`), whatever their extension. */
function entryPoints(json: string | undefined): string[] {
  try {
    const pkg = JSON.parse(json ?? '') as PackageJson;
    const out: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') out.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(pkg.main);
    collect(pkg.bin);
    collect(pkg.exports);
    return out.filter((p) => !p.includes('*') && !/\.(?:json|d\.ts|css|node)$/.test(p));
  } catch {
    return [];
  }
}

/** Extensionless files count when marked executable (or on Windows, where there is no mark). */
async function isExecutableCandidate(file: string): Promise<boolean> {
  if (/\.(?:exe|node)$/i.test(file) || process.platform === 'win32') return true;
  try {
    return ((await fs.stat(file)).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/**
 * A file is a target of its own (a script, an executable, a .vsix); a folder
 * is one target made of every .js, .mjs and .cjs file and every executable
 * below it (not nested node_modules), and a package when it has a package.json.
 */
export async function listTarget(target: string): Promise<TargetFiles> {
  const abs = path.resolve(target);
  const stat = await fs.stat(abs);
  if (!stat.isDirectory()) {
    const agent = /\.vsix$/i.test(abs) ? packageInfoOf(await zipPackageJson(abs)) : null;
    return { path: abs, kind: agent ? 'package' : 'file', agent, files: [abs], problems: [] };
  }
  const manifest = await readText(path.join(abs, 'package.json'));
  const agent = packageInfoOf(manifest);
  const files: string[] = [];
  const problems: string[] = [];
  const seenDirs = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (err) {
      problems.push(`${dir}: ${(err as Error).message}`);
      return;
    }
    if (seenDirs.has(real)) return; // a link loop
    seenDirs.add(real);
    let entries: import('fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      problems.push(`${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const s = await fs.stat(p);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch {
          problems.push(`${p}: broken link`);
          continue;
        }
      }
      if (isDir && !SKIPPED_DIRS.has(e.name)) await walk(p);
      else if (isFile && JS_FILE.test(e.name) && !SKIPPED_FILE.test(e.name)) files.push(p);
      else if (isFile && MAYBE_EXECUTABLE.test(e.name) && await isExecutableCandidate(p)) files.push(p);
    }
  };
  await walk(abs);
  for (const entry of entryPoints(manifest)) {
    const base = path.resolve(abs, entry);
    if (!base.startsWith(abs + path.sep)) continue;
    // As Node resolves it: the file, then with .js, then a folder's index.js.
    let found: string | undefined;
    for (const file of [base, `${base}.js`, path.join(base, 'index.js')]) {
      if (await fs.stat(file).then((s) => s.isFile(), () => false)) { found = file; break; }
    }
    if (!found) problems.push(`${entry}: entry point named in package.json is missing`);
    else if (!files.includes(found)) files.push(found);
  }
  return { path: abs, kind: agent ? 'package' : 'folder', agent, files, problems };
}
