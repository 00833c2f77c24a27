// Result cache: one JSON file per content hash and engine version, in the user cache folder.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import type { Finding, FileResult } from '../engine/types';

/** The OS cache folder: XDG_CACHE_HOME, ~/.cache, ~/Library/Caches or %LOCALAPPDATA%. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'agent-xray');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'agent-xray');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'agent-xray', 'Cache');
  return path.join(home, '.cache', 'agent-xray');
}

export class ResultCache {
  constructor(private readonly dir: string, private readonly version: string) {}

  private file(hash: string): string {
    return path.join(this.dir, `${this.version}-${hash}.json`);
  }

  async get(hash: string): Promise<FileResult | undefined> {
    try {
      return JSON.parse(await fs.readFile(this.file(hash), 'utf8')) as FileResult;
    } catch {
      return undefined;
    }
  }

  /** Writes atomically (temp file, then rename) so an interrupted scan leaves no half entry. */
  async set(hash: string, result: FileResult): Promise<void> {
    try {
      await fs.mkdir(this.dir, { recursive: true });
      const tmp = `${this.file(hash)}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(result));
      await fs.rename(tmp, this.file(hash));
    } catch {
      // A cache that cannot be written only costs time on the next scan.
    }
  }
}

/** What one file held and the results for it, as the file index stores them. */
export interface IndexedFile {
  results: FileResult[];
  parts: Record<string, { count: number; bytes: number }>;
  notAnalysed: string[];
  findings: Finding[];
  unscannable?: string;
}

/**
 * Results by path, size and modification time: a file that has not changed
 * is not even opened again (the editor's restart path). Entries are keyed by
 * a hash of the path and carry the engine version.
 */
export class FileIndex {
  constructor(private readonly dir: string, private readonly version: string) {}

  private file(p: string): string {
    return path.join(this.dir, `${this.version}-${createHash('sha256').update(p).digest('hex').slice(0, 32)}.json`);
  }

  async get(p: string, size: number, mtimeMs: number): Promise<IndexedFile | undefined> {
    try {
      const e = JSON.parse(await fs.readFile(this.file(p), 'utf8')) as { path: string; size: number; mtimeMs: number; value: IndexedFile };
      return e.path === p && e.size === size && e.mtimeMs === mtimeMs ? e.value : undefined;
    } catch {
      return undefined;
    }
  }

  async set(p: string, size: number, mtimeMs: number, value: IndexedFile): Promise<void> {
    try {
      await fs.mkdir(this.dir, { recursive: true });
      const tmp = `${this.file(p)}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify({ path: p, size, mtimeMs, value }));
      await fs.rename(tmp, this.file(p));
    } catch {
      // Only costs time on the next scan.
    }
  }
}
