// Polling single files, for when the editor's file watcher is silent: it says
// nothing once the OS has run out of watches (Linux inotify limits).
import { unwatchFile, watchFile, type Stats } from 'fs';

/**
 * Calls `onChange` when the file changes, appears or goes, from one stat every
 * `intervalMs` (nothing is read). It gets the time of the change: the file's
 * ctime, which tools cannot set back, or now when the file went. Returns the
 * function that stops polling.
 */
export function pollFile(file: string, intervalMs: number, onChange: (changedAt: number) => void): () => void {
  // Node calls once at the start for a missing file, with both stats zero: not a change.
  const listener = (now: Stats, before: Stats) => {
    if (now.ctimeMs || before.ctimeMs) onChange(now.ctimeMs || Date.now());
  };
  watchFile(file, { interval: intervalMs, persistent: false }, listener);
  return () => unwatchFile(file, listener);
}
