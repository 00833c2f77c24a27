// Result cache: one JSON file per content hash and engine version, in the user cache folder.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FileResult } from '../engine/types';

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
