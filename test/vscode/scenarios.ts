// Scenarios shared by the code-server run and the @vscode/test-electron suite:
// folders planted the way an editor and npm would leave them.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync, chmodSync, existsSync } from 'fs';
import * as path from 'path';
import { fetchPackage } from '../../bench/realPackages';

export interface Dirs { home: string; userData: string; extensions: string; workspace: string }

export function dirsIn(root: string): Dirs {
  const d = { home: path.join(root, 'home'), userData: path.join(root, 'data'), extensions: path.join(root, 'extensions'), workspace: path.join(root, 'workspace') };
  for (const p of Object.values(d)) mkdirSync(p, { recursive: true });
  return d;
}

/** Adds an extension folder and registers it in extensions.json, as an install would. */
function plantExtension(extensions: string, id: string, version: string, files: Record<string, string | { copy: string; mode?: number }>): void {
  const [publisher, name] = id.split('.');
  const folder = `${id.toLowerCase()}-${version}`;
  const dir = path.join(extensions, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, publisher, version, displayName: name, engines: { vscode: '^1.90.0' } }, null, 2));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    if (typeof content === 'string') writeFileSync(p, content);
    else { copyFileSync(content.copy, p); if (content.mode) chmodSync(p, content.mode); }
  }
  const registry = path.join(extensions, 'extensions.json');
  const list = existsSync(registry) ? JSON.parse(readFileSync(registry, 'utf8')) as unknown[] : [];
  list.push({ identifier: { id: id.toLowerCase() }, version, location: { $mid: 1, path: dir, scheme: 'file' }, relativeLocation: folder, metadata: { installedTimestamp: Date.now(), source: 'vsix' } });
  writeFileSync(registry, JSON.stringify(list));
}

/**
 * The incident: a Claude Code 2.1.196 extension folder with the real native
 * binary, and @anthropic-ai/claude-code@2.1.91 in the workspace's
 * node_modules, package.json and recommendations. Returns a reason when the
 * real packages cannot be fetched.
 */
export function plantIncident(d: Dirs): string | undefined {
  const native = fetchPackage('@anthropic-ai/claude-code-linux-x64@2.1.196');
  const npm = fetchPackage('@anthropic-ai/claude-code@2.1.91');
  if (!native.dir || !npm.dir) return native.reason ?? npm.reason;
  plantExtension(d.extensions, 'Anthropic.claude-code', '2.1.196', {
    'extension.js': 'exports.activate = () => {};\n',
    'resources/native-binary/claude': { copy: path.join(native.dir, 'claude'), mode: 0o755 },
  });
  cpSync(npm.dir, path.join(d.workspace, 'node_modules', '@anthropic-ai', 'claude-code'), { recursive: true });
  writeFileSync(path.join(d.workspace, 'package.json'), JSON.stringify({ name: 'my-app', version: '1.0.0', dependencies: { '@anthropic-ai/claude-code': '2.1.91', 'left-pad': '^1.3.0' } }, null, 2) + '\n');
  mkdirSync(path.join(d.workspace, '.vscode'), { recursive: true });
  writeFileSync(path.join(d.workspace, '.vscode', 'extensions.json'), JSON.stringify({ recommendations: ['dbaeumer.vscode-eslint', 'anthropic.claude-code'] }, null, 2) + '\n');
  return undefined;
}

/** Only clean agents: a companion extension whose code is a benign fixture. */
export function plantClean(d: Dirs): void {
  const benign = readFileSync(path.join(__dirname, '..', 'fixtures', 'benign', 'date-display.js'), 'utf8');
  plantExtension(d.extensions, 'google.gemini-cli-vscode-ide-companion', '0.7.0', { 'dist/extension.js': benign });
  writeFileSync(path.join(d.workspace, 'package.json'), JSON.stringify({ name: 'clean-app', version: '1.0.0' }, null, 2) + '\n');
}
