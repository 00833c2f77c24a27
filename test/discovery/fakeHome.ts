// Fake homes for discovery tests: files, links and executables planted under a root.
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { bunPayload, elf, lengthPrefixed } from '../artifacts/builders';

const fixtures = path.join(__dirname, '..', 'fixtures');
export const evilJs = readFileSync(path.join(fixtures, 'fingerprinting', 'esbuild-xor.js'), 'latin1');
export const benignJs = readFileSync(path.join(fixtures, 'benign', 'date-display.js'), 'latin1');
/** A Bun executable whose embedded cli.js is a fingerprinting fixture. */
export const bunExe = () => elf([{ name: '.bun', data: lengthPrefixed(bunPayload([{ name: '/$bunfs/root/cli.js', contents: evilJs }])) }]);
export const nativeExe = () => elf([{ name: '.text', data: Buffer.alloc(64) }]);

/** Writes files under a root: string or Buffer contents; `{ link }` makes a symlink; mode 0o755 for executables. */
export function plant(root: string, files: Record<string, string | Buffer | { link: string } | { json: unknown } | { exe: Buffer | string }>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    if (typeof content === 'object' && 'link' in content) symlinkSync(content.link, p);
    else if (typeof content === 'object' && 'json' in content) writeFileSync(p, JSON.stringify(content.json, null, 2));
    else if (typeof content === 'object' && 'exe' in content) { writeFileSync(p, content.exe); chmodSync(p, 0o755); }
    else writeFileSync(p, content);
  }
}

