// Result cache: one JSON file per content hash and engine version, in the user cache folder.
import type { Contents } from '../artifacts/contents';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash, randomBytes } from 'crypto';
import { threadId } from 'worker_threads';
import type { FileResult } from '../engine/types';

/** The OS cache folder: XDG_CACHE_HOME, ~/.cache, ~/Library/Caches or %LOCALAPPDATA%. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'agent-xray');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'agent-xray');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'agent-xray', 'Cache');
  return path.join(home, '.cache', 'agent-xray');
}

/**
 * JSON files in one folder, each written atomically (a temporary file, then a
 * rename), so a scan stopped at any moment leaves whole entries or none.
 * Temporary files left by a killed process are removed after ten minutes.
 */
class JsonStore {
  private readonly writes = new Set<Promise<void>>();
  private swept = false;

  constructor(readonly dir: string) {}

  async read<T>(name: string): Promise<T | undefined> {
    try {
      return JSON.parse(await fs.readFile(path.join(this.dir, name), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  write(name: string, value: unknown): Promise<void> {
    const done = this.put(name, value).finally(() => this.writes.delete(done));
    this.writes.add(done);
    return done;
  }

  private async put(name: string, value: unknown): Promise<void> {
    try {
      await fs.mkdir(this.dir, { recursive: true });
      if (!this.swept) await this.sweep();
      const file = path.join(this.dir, name);
      const tmp = `${file}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(value));
      await fs.rename(tmp, file);
    } catch {
      // A cache that cannot be written only costs time on the next scan.
    }
  }

  private async sweep(): Promise<void> {
    this.swept = true;
    const old = Date.now() - 10 * 60_000;
    for (const name of await fs.readdir(this.dir)) {
      if (!name.endsWith('.tmp')) continue;
      const file = path.join(this.dir, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && stat.mtimeMs < old) await fs.rm(file, { force: true });
    }
  }

  /** Resolves when every write started so far has finished (before a cancelled scan exits). */
  async settled(): Promise<void> {
    while (this.writes.size) await Promise.all([...this.writes]);
  }
}

export class ResultCache {
  private readonly store: JsonStore;

  constructor(dir: string, private readonly version: string) {
    this.store = new JsonStore(dir);
  }

  get(hash: string): Promise<FileResult | undefined> {
    return this.store.read(`${this.version}-${hash}.json`);
  }

  set(hash: string, result: FileResult): Promise<void> {
    return this.store.write(`${this.version}-${hash}.json`, result);
  }

  settled(): Promise<void> {
    return this.store.settled();
  }
}

/** What one file held and the results for it, as the file index stores them. */
export interface IndexedFile extends Omit<Contents, 'units' | 'close'> {
  results: FileResult[];
}

/**
 * Results by path, size and modification time: a file that has not changed
 * is not even opened again (the editor's restart path). Entries are keyed by
 * a hash of the path and carry the engine version.
 */
export class FileIndex {
  private readonly store: JsonStore;

  constructor(dir: string, private readonly version: string) {
    this.store = new JsonStore(dir);
  }

  private name(p: string): string {
    return `${this.version}-${createHash('sha256').update(p).digest('hex').slice(0, 32)}.json`;
  }

  async get(p: string, size: number, mtimeMs: number): Promise<IndexedFile | undefined> {
    const e = await this.store.read<{ path: string; size: number; mtimeMs: number; value: IndexedFile }>(this.name(p));
    return e && e.path === p && e.size === size && e.mtimeMs === mtimeMs ? e.value : undefined;
  }

  set(p: string, size: number, mtimeMs: number, value: IndexedFile): Promise<void> {
    return this.store.write(this.name(p), { path: p, size, mtimeMs, value });
  }

  settled(): Promise<void> {
    return this.store.settled();
  }
}
