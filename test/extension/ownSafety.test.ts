// The extension's own code must be beyond suspicion: its bundles never
// evaluate code or load vm, scanning them finds nothing, and a scan writes
// only inside its storage folder.
import * as assert from 'assert';
import * as acorn from 'acorn';
import * as walk from 'acorn-walk';
import { existsSync, mkdtempSync, promises as fsp, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scanText } from '../../src/engine/scan';
import { runScan } from '../../src/extension/worker';
import { benignJs, bunExe, plant } from '../discovery/fakeHome';

const dist = path.join(__dirname, '..', '..', 'dist');

describe("extension: its own safety", function () {
  this.timeout(60_000);

  for (const bundle of ['extension.js', 'worker.js', 'engineWorker.js', 'cli.js']) {
    it(`${bundle} never calls eval, Function or vm, and scans as trusted with no findings`, function () {
      const file = path.join(dist, bundle);
      if (!existsSync(file)) this.skip(); // built by `npm test`'s pretest
      const text = readFileSync(file, 'utf8');
      const uses: string[] = [];
      walk.full(acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true }), (n) => {
        const node = n as acorn.Node & { callee?: acorn.Node & { name?: string }; arguments?: Array<acorn.Node & { value?: unknown }> };
        if ((n.type === 'CallExpression' || n.type === 'NewExpression') && node.callee?.type === 'Identifier' && ['eval', 'Function'].includes(node.callee.name!)) uses.push(`${node.callee.name} at ${n.start}`);
        if (n.type === 'CallExpression' && node.callee?.type === 'Identifier' && node.callee.name === 'require' && node.arguments?.[0]?.value === 'vm') uses.push(`require("vm") at ${n.start}`);
      });
      assert.deepStrictEqual(uses, []);
      assert.deepStrictEqual(scanText(text, { file }).findings.map((f) => f.message), []);
    });
  }

  it('a scan writes only inside its storage folder', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-writes-'));
    try {
      const home = path.join(tmp, 'home');
      plant(home, {
        '.vscode/extensions/anthropic.claude-code-1.0.0/package.json': { json: { name: 'claude-code', publisher: 'Anthropic', version: '1.0.0' } },
        '.vscode/extensions/anthropic.claude-code-1.0.0/extension.js': benignJs,
        '.local/share/claude/versions/2.1.196': { exe: bunExe() },
      });
      const storage = path.join(tmp, 'storage');
      const writes: string[] = [];
      const fns = ['writeFile', 'mkdir', 'rename', 'rm', 'unlink', 'appendFile', 'copyFile', 'open'] as const;
      const originals = fns.map((k) => fsp[k]);
      fns.forEach((k, i) => {
        (fsp as unknown as Record<string, unknown>)[k] = (p: unknown, ...rest: unknown[]) => {
          const flags = k === 'open' ? String(rest[0] ?? 'r') : 'w';
          if (k !== 'open' || /[wa+]/.test(flags)) writes.push(String(p));
          return (originals[i] as (...a: unknown[]) => unknown)(p, ...rest);
        };
      });
      try {
        await runScan({ home, env: {}, platform: 'linux', workspaces: [], extensionRoots: [], extraPaths: [], excludedAgents: [], maxFileBytes: 1e8, storage }, () => undefined);
      } finally {
        fns.forEach((k, i) => { (fsp as unknown as Record<string, unknown>)[k] = originals[i]; });
      }
      assert.ok(writes.length > 0, 'the cache was written');
      assert.deepStrictEqual(writes.filter((w) => !w.startsWith(storage + path.sep) && w !== storage), []);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
