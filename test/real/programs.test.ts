// Real agents whose program is not the JavaScript their package starts with:
// a launcher, and the platform package it runs, laid out as `npm install -g`
// leaves them. GitHub Copilot CLI is a Node 24 SEA whose program is a tgz
// asset; Amp's single Bun module is UTF-16LE; opencode stores 837 scripts with
// Bun's file loader behind a shell stub; Cline's postinstall hard-links
// its Bun executable to bin/.cline. Each must be read to its JavaScript, and
// none may be `trusted` on its launcher alone.
import * as assert from 'assert';
import { cpSync, linkSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fetchPackage } from '../../bench/realPackages';
import { scanTargets } from '../../src/scanner/scanTargets';

interface Case { launcher: string; platform: string; name: string; link?: [string, string]; minRead: number; part: string; corpus?: true }

const CASES: Case[] = [
  { launcher: '@github/copilot@1.0.102', platform: '@github/copilot-linux-x64@1.0.102', name: '@github/copilot-linux-x64', minRead: 10e6, part: 'archive entry (JavaScript)' },
  { launcher: '@ampcode/cli@0.0.1790142911-g7618fb', platform: '@ampcode/cli-linux-x64@0.0.1790142911-g7618fb', name: '@ampcode/cli-linux-x64', minRead: 5e6, part: 'Bun module (JavaScript)' },
  { launcher: 'opencode-ai@1.18.33', platform: 'opencode-linux-x64@1.18.33', name: 'opencode-linux-x64', minRead: 40e6, part: 'Bun module (JavaScript, file loader)' },
  // (A Bun module like Amp's, behind a hard link: read by `npm run corpus`; XRAY_REAL_ALL=1 runs it here too.)
  { launcher: 'cline@3.0.65', platform: '@cline/cli-linux-x64@3.0.65', name: '@cline/cli-linux-x64', link: ['bin/cline', 'bin/.cline'], minRead: 10e6, part: 'Bun module (JavaScript)', corpus: true },
];

describe('real artifacts: launchers and their platform packages', function () {
  this.timeout(900_000);
  let tmp: string;
  before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-real-programs-')); });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  for (const c of CASES) {
    it(`${c.launcher}: read through ${c.name}, and unscannable without it`, async function () {
      if (c.corpus && !process.env.XRAY_REAL_ALL) {
        console.log('      skipped: checked by npm run corpus (XRAY_REAL_ALL=1 runs it here)');
        this.skip();
      }
      if (process.platform !== 'linux' || process.arch !== 'x64') {
        console.log('      skipped: the linux-x64 platform packages are laid out on linux-x64 only');
        this.skip();
      }
      const launcher = fetchPackage(c.launcher);
      const platform = launcher.dir ? fetchPackage(c.platform) : launcher;
      if (!launcher.dir || !platform.dir) {
        console.log(`      skipped: ${launcher.reason ?? platform.reason}`);
        this.skip();
      }
      const dir = path.join(tmp, c.launcher.replace(/\W+/g, '-'));
      cpSync(launcher.dir!, dir, { recursive: true });
      const bare = (await scanTargets([dir])).targets[0];
      assert.strictEqual(bare.verdict, 'unscannable', 'trusted on its launcher alone');
      assert.match(bare.notAnalysed[0], new RegExp(`platform package ${c.name.replace(/[/.]/g, '\\$&')}, which is not installed`));

      const installed = path.join(dir, 'node_modules', c.name);
      mkdirSync(path.dirname(installed), { recursive: true });
      cpSync(platform.dir!, installed, { recursive: true });
      if (c.link) linkSync(path.join(installed, c.link[0]), path.join(dir, c.link[1]));
      const t = (await scanTargets([dir])).targets[0];
      assert.notStrictEqual(t.verdict, 'unscannable', t.notAnalysed.join('\n'));
      assert.notStrictEqual(t.verdict, 'untrusted');
      assert.strictEqual(t.coverage?.program, 'read');
      assert.ok(t.coverage!.read >= c.minRead, `read ${t.coverage!.read}`);
      assert.ok(t.contents[c.part]?.count >= 1, JSON.stringify(t.contents));
      assert.doesNotMatch(t.notAnalysed.join('\n'), /Unexpected character|claims \d+ bytes/);
    });
  }
});
