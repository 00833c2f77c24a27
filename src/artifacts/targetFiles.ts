// Turning a path into the files to scan: one file, or every JS file and
// executable of a folder or package.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { AgentInfo, TargetKind } from '../model/report';
import { HTML_FILE, JS_FILE, PACKAGE_ARCHIVE, SKIPPED_FILE, zipPackageJson } from './contents';
import type { PlatformPackages } from './coverage';

/** Files that may be executables or scripts without an extension (`bin/claude`, `vendor/x/codex`, `claude.exe`, `bin/.cline`). */
const MAYBE_EXECUTABLE = /(?:^|[\\/])\.?[^.\\/]+$|\.(?:exe|node)$/i;
/** Package names of one operating system's or CPU's build (`@github/copilot-linux-x64`, `opencode-darwin-arm64`). */
const PLATFORM_PACKAGE = /[-_/.](?:linux|darwin|macos|win32|windows|freebsd|android)(?:$|[-_.])|[-_/.](?:x64|arm64|x86_64|aarch64|ia32)(?:$|[-_.])/i;
/** Nested folders that are other packages or tooling, not the target's own code. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface TargetFiles {
  path: string;
  kind: TargetKind;
  agent: AgentInfo | null;
  files: string[];
  /** Files or folders that could not be listed, with the reason. */
  problems: string[];
  /** The files that run: a package's `bin` and `main` (followed by coverage when they launch something else), or the file given. */
  entries: string[];
  /** Platform packages the target declares, and the installed ones whose files were added. */
  platform: PlatformPackages;
}

interface PackageJson {
  name?: unknown; version?: unknown; publisher?: unknown; displayName?: unknown; main?: unknown; bin?: unknown; exports?: unknown;
  dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>;
}

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

function parsePackage(json: string | undefined): PackageJson | undefined {
  try {
    const pkg = JSON.parse(json ?? '') as unknown;
    return pkg && typeof pkg === 'object' ? pkg as PackageJson : undefined;
  } catch {
    return undefined;
  }
}

/** Files a package.json names as entry points (`main`, `bin`, `exports`), whatever their extension; `runs` are those of `bin` (or `main` without one). */
function entryPoints(pkg: PackageJson | undefined): { all: string[]; runs: string[] } {
  const collect = (v: unknown, out: string[] = []): string[] => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach((x) => collect(x, out));
    return out.filter((p) => !p.includes('*') && !/\.(?:json|d\.[cm]?ts|css|node)$/.test(p));
  };
  if (!pkg) return { all: [], runs: [] };
  const bin = collect(pkg.bin);
  const main = collect(pkg.main);
  return { all: [...main, ...bin, ...collect(pkg.exports)], runs: bin.length ? bin : main };
}

/**
 * The platform packages a package declares in `optionalDependencies`, also
 * through a dependency that declares them (`@sourcegraph/amp` -> `@ampcode/cli`),
 * resolved as Node resolves them: the package's own node_modules, then each
 * node_modules folder above it.
 */
export async function platformPackages(dir: string, pkg: PackageJson | undefined): Promise<PlatformPackages & { dirs: string[] }> {
  const declared = new Set<string>();
  const dirs: string[] = [];
  const resolve = async (from: string, name: string): Promise<string | undefined> => {
    for (let d = from; ; d = path.dirname(d)) {
      const candidate = path.basename(d) === 'node_modules' ? path.join(d, name) : path.join(d, 'node_modules', name);
      if (await fs.stat(candidate).then((s) => s.isDirectory(), () => false)) return candidate;
      if (path.dirname(d) === d) return undefined;
    }
  };
  const visit = async (from: string, p: PackageJson | undefined, depth: number): Promise<void> => {
    for (const name of Object.keys(p?.optionalDependencies ?? {})) {
      if (!PLATFORM_PACKAGE.test(name) || declared.has(name)) continue;
      declared.add(name);
      const found = await resolve(from, name);
      if (found && !dirs.includes(found)) dirs.push(found);
    }
    if (depth > 0) return;
    for (const name of Object.keys(p?.dependencies ?? {})) {
      const found = await resolve(from, name);
      if (found) await visit(found, parsePackage(await readText(path.join(found, 'package.json'))), depth + 1);
    }
  };
  await visit(dir, pkg, 0);
  return { declared: [...declared], found: dirs.map((d) => path.basename(path.dirname(d)).startsWith('@') ? `${path.basename(path.dirname(d))}/${path.basename(d)}` : path.basename(d)), dirs };
}

/** What makes two paths one file: device and inode (every hard link shares them), else the path. */
export async function fileKey(file: string): Promise<string> {
  return fs.stat(file).then((s) => `${s.dev}:${s.ino}`, () => file);
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
    return { path: abs, kind: agent ? 'package' : 'file', agent, files: [abs], problems: [], entries: [abs], platform: { declared: [], found: [] } };
  }
  const manifest = await readText(path.join(abs, 'package.json'));
  const agent = packageInfoOf(manifest);
  const pkg = parsePackage(manifest);
  const files: string[] = [];
  const problems: string[] = [];
  const seenDirs = new Set<string>();
  // Hard links (a postinstall links the platform binary to bin/) are one file: listed once.
  const seenFiles = new Map<string, string>();
  /** Lists a file once; returns the path it is listed under. */
  const add = async (file: string): Promise<string> => {
    const key = await fileKey(file);
    const listed = seenFiles.get(key);
    if (listed) return listed;
    seenFiles.set(key, file);
    files.push(file);
    return file;
  };
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
      else if (isFile && (JS_FILE.test(e.name) || PACKAGE_ARCHIVE.test(e.name) || HTML_FILE.test(e.name)) && !SKIPPED_FILE.test(e.name)) await add(p);
      else if (isFile && MAYBE_EXECUTABLE.test(e.name) && await isExecutableCandidate(p)) await add(p);
    }
  };
  await walk(abs);
  const { all, runs } = entryPoints(pkg);
  const entries: string[] = [];
  for (const entry of all) {
    const base = path.resolve(abs, entry);
    if (!base.startsWith(abs + path.sep)) continue;
    // As Node resolves it: the file, then with .js, then a folder's index.js.
    let found: string | undefined;
    for (const file of [base, `${base}.js`, path.join(base, 'index.js')]) {
      if (await fs.stat(file).then((s) => s.isFile(), () => false)) { found = file; break; }
    }
    if (!found) problems.push(`${entry}: entry point named in package.json is missing`);
    else {
      const listed = await add(found);
      if (runs.includes(entry) && !entries.includes(listed)) entries.push(listed);
    }
  }
  const platform = await platformPackages(abs, pkg);
  for (const dir of platform.dirs) {
    const more = await listTarget(dir);
    for (const f of more.files) await add(f);
    problems.push(...more.problems);
  }
  return { path: abs, kind: agent ? 'package' : 'folder', agent, files, problems, entries, platform: { declared: platform.declared, found: platform.found } };
}
