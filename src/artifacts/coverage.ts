// Whether a target's program was read: a launcher, a shell stub or a native
// executable must never stand for a program whose JavaScript was not seen.
import * as path from 'path';
import type { Coverage } from '../model/report';
import type { RuleMeta } from '../engine/rule';

/** How reports (SARIF, the editor) name a target whose program was not read. */
export const PROGRAM_NOT_READ: RuleMeta = {
  id: 'program-not-read',
  description: "The agent's program was not read (native code, a launcher or stub whose program is not installed, or a format that could not be opened), so it cannot be called trusted.",
  severity: 'info',
  category: 'coverage',
  messages: { unread: '{{name}} could not be vouched for: {{summary}}' },
};

/** What was read of a target, and whether that was its program. */
/** What a file is to the program it belongs to, for the target's coverage. */
export type FileRole =
  /** JavaScript read as text. */
  | 'script'
  /** An executable whose JavaScript (Bun graph, Node SEA) was found. */
  | 'embedded'
  /** An executable with no JavaScript inside. */
  | 'native'
  /** A shell script or other text that stands in for a program. */
  | 'stub'
  /** Damaged, unknown, or nothing could be read. */
  | 'unreadable';

export interface CoveredFile {
  path: string;
  size: number;
  role?: FileRole;
  /** A small script that starts another program with its own command line. */
  launches?: boolean;
  /** Bytes of JavaScript analysed in this file. */
  read: number;
  /** Bytes of JavaScript whose analysis failed (time or memory limit, an engine error). */
  failed?: number;
  /** Named by the package as what runs (`bin`, `main`). */
  entry: boolean;
  /** The first reason it was not read, for an unreadable entry. */
  reason?: string;
}

export interface PlatformPackages {
  /** Platform packages the target declares (`optionalDependencies` named for an OS or CPU). */
  declared: string[];
  /** The ones installed beside it. */
  found: string[];
}

/** A native executable this large, and this much larger than the JavaScript read, is the program itself. */
const NATIVE_PROGRAM = 16 * 1024 * 1024;
/**
 * Command-line tools an agent ships to run on the user's files (a diff, a search, a sandbox, a runtime), by name: however
 * large, such a tool beside the JavaScript that runs it is not the agent's program (happy-coder's 113 MB difftastic).
 */
const HELPER_TOOL = /(?:^|[\\/])(?:rg|ripgrep|difft|difftastic|fd|fzf|bat|delta|git|bwrap|esbuild|node|bun|jq|yq|ctags|tree-sitter|ast-grep|sg|watchman)(?:\.exe)?$/i;
/** A package with less JavaScript than this that contains a launcher is taken to be one. */
const SMALL_PACKAGE = 256 * 1024;
/** JavaScript this large is a program of its own, whatever platform packages a package also declares (node-pty's). */
const LARGE_BUNDLE = 4 * 1024 * 1024;
/** Native addons and shared libraries: listed, never taken for the program. */
export const NATIVE_LIBRARY = /\.(?:node|so|dylib|dll)(?:\.\d+)*$/i;

export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} bytes`;
}

const THIS_OS = process.platform === 'win32' ? /win32|windows/ : process.platform === 'darwin' ? /darwin|macos/ : new RegExp(process.platform);
const THIS_CPU = process.arch === 'x64' ? /x64|x86_64|amd64/ : process.arch === 'arm64' ? /arm64|aarch64/ : new RegExp(process.arch);
const ANY_CPU = /x64|x86_64|amd64|arm64|aarch64|ia32|x86|arm/;

/**
 * The declared platform packages npm would install on this machine (its system, and its processor when one is
 * named). A package that declares only another platform's (`@rollup/rollup-darwin-arm64`, a dependency's native
 * build pinned beside a JavaScript program) keeps no program of its own there for this machine.
 */
function forThisMachine(declared: string[]): string[] {
  return declared.filter((d) => THIS_OS.test(d) && (THIS_CPU.test(d) || !ANY_CPU.test(d.replace(THIS_OS, ''))));
}

/** The declared platform package for this machine, the one for glibc and the current processor first. */
function platformPackageFor(declared: string[]): string {
  return declared.find((d) => !/musl|baseline/.test(d)) ?? declared[0];
}

/**
 * Judges whether the files read include the program. `root` shortens names.
 * Entries (bin, main) are followed: a launcher or stub stands for the
 * executables beside it or in its platform packages; a native entry, or a
 * native executable that dwarfs the JavaScript read, is a native program.
 */
export function judgeCoverage(files: CoveredFile[], platform: PlatformPackages, root: string): Coverage {
  const read = files.reduce((n, f) => n + f.read, 0);
  const onDisk = files.reduce((n, f) => n + f.size, 0);
  const name = (p: string) => (root && p.startsWith(root + path.sep) ? path.relative(root, p) : p);
  const verdict = (program: Coverage['program'], detail?: string): Coverage => ({ read, onDisk, program, ...(detail ? { detail } : {}) });
  const executables = files.filter((f) => !f.entry && (f.role === 'embedded' || f.role === 'native') && !NATIVE_LIBRARY.test(f.path) && !HELPER_TOOL.test(f.path));
  const largestNative = (list: CoveredFile[]) => list.filter((f) => f.role === 'native').sort((a, b) => b.size - a.size)[0];
  const nativeDetail = (f: CoveredFile) => `the program ${name(f.path)} (${formatBytes(f.size)}) is native code, not JavaScript`;

  const launched = (entry: CoveredFile): Coverage => {
    if (executables.some((f) => f.role === 'embedded')) return verdict('read');
    const native = largestNative(executables);
    // An entry that starts node again on the package's own bundle (`--expose-gc cli.js`), beside a helper
    // binary smaller than that JavaScript (a vendored ripgrep): the program is the JavaScript read.
    // With platform packages declared and none installed, it takes a real bundle (not a few helpers) to be the program.
    const declared = forThisMachine(platform.declared);
    const enough = declared.length && !platform.found.length ? LARGE_BUNDLE : SMALL_PACKAGE;
    if (read >= enough && (!native || native.size < read)) return verdict('read');
    if (native) return verdict('native', nativeDetail(native));
    const what = entry.role === 'stub' ? `${name(entry.path)} is a shell stub` : `${name(entry.path)} is a launcher`;
    if (declared.length && !platform.found.length) return verdict('absent', `${what}; the program is in the platform package ${platformPackageFor(declared)}, which is not installed`);
    return verdict('absent', `${what}; the program it starts is not installed here (downloaded on first run, or installed separately)`);
  };
  // A small package whose scripts include a launcher is a launcher, whichever of its files the entry is (`index.js` requiring `launcher.js`).
  const launcherPackage = read < SMALL_PACKAGE && files.some((f) => f.role === 'script' && f.launches);
  const judgeEntry = (f: CoveredFile): Coverage => {
    if (f.role === 'embedded') return verdict('read');
    if (f.role === 'native') return verdict('native', nativeDetail(f));
    if (f.role === 'stub' || f.role === 'script' && (f.launches || launcherPackage)) return launched(f);
    if (f.role === 'script' && f.read > 0) return verdict('read');
    return verdict('unreadable', `${name(f.path)} could not be read${f.reason ? `: ${f.reason}` : ''}`);
  };

  // JavaScript that was found but could not be analysed is not read: when it is a tenth or more of
  // the program (an executable's main module that stopped at a limit), the program was not read.
  const failed = files.reduce((n, f) => n + (f.failed ?? 0), 0);
  if (failed && failed * 10 >= read + failed) {
    const worst = files.filter((f) => f.failed).sort((a, b) => (b.failed ?? 0) - (a.failed ?? 0))[0];
    return verdict('unreadable', `${formatBytes(failed)} of its JavaScript could not be analysed (${name(worst.path)}${worst.reason ? `: ${worst.reason}` : ''})`);
  }
  const entries = files.filter((f) => f.entry);
  // A launcher without entries named (a folder) still stands for what it starts.
  const judged = entries.length ? entries.map(judgeEntry) : launcherPackage ? [launched(files.find((f) => f.launches)!)] : [];
  const unread = judged.find((c) => c.program !== 'read');
  if (unread) return unread;
  if (!read) return verdict(executables.length || files.some((f) => f.role === 'native') ? 'native' : 'unreadable', 'no JavaScript was read');
  const native = largestNative(files.filter((f) => !NATIVE_LIBRARY.test(f.path) && !HELPER_TOOL.test(f.path)));
  if (native && native.size >= NATIVE_PROGRAM && native.size >= 2 * read) return verdict('native', nativeDetail(native));
  return verdict('read');
}

/** "1.2 kB of 197.5 MB read: …", for a target whose program was not read. */
export function coverageSummary(c: Coverage): string {
  return `${formatBytes(c.read)} of JavaScript read, ${formatBytes(c.onDisk)} on disk: ${c.detail ?? 'the program was not read'}`;
}

export type { Coverage };
