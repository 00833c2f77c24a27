// The last report, kept as a file in globalStorage: written when a scan ends
// (so it survives any shutdown) and shown at once on the next start.
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import type { TargetResult } from '../model/report';

export interface SavedReport { version: string; finishedAt: number; results: TargetResult[]; skipped: string[] }

export class SavedReportFile {
  private readonly file: string;

  constructor(storage: string, private readonly warn: (message: string) => void) {
    this.file = path.join(storage, 'last-report.json');
  }

  /** Read synchronously: the indicator's first paint after a restart is already the verdict. */
  read(): SavedReport | undefined {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as SavedReport;
    } catch {
      return undefined;
    }
  }

  async write(report: SavedReport): Promise<void> {
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await fs.writeFile(`${this.file}.tmp`, JSON.stringify(report));
      await fs.rename(`${this.file}.tmp`, this.file);
    } catch (err) {
      this.warn(`could not keep the report for the next start: ${(err as Error).message}`);
    }
  }
}
