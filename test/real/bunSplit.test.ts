// The whole-program fixtures built as split Bun executables (`bun build
// --compile --splitting`, the shape of Claude Code since 2.1.250): Bun from
// the npm registry, the executables into the git-ignored cache. Skips, with
// the reason, when the registry is out of reach or the machine is not linux-x64.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { fetchPackage, PACKAGE_CACHE } from '../../bench/realPackages';
import { scanTargets } from '../../src/scanner/scanTargets';
import { PROGRAMS } from '../fixtures/programs';

const BUILDS = path.join(PACKAGE_CACHE, '..', 'builds', 'bun-split');

describe('real builds: programs split by bun build --compile --splitting', function () {
  this.timeout(600_000);
  let bun: string;
  before(function () {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      console.log('      skipped: Bun is fetched for linux-x64 only');
      this.skip();
    }
    const pkg = fetchPackage('@oven/bun-linux-x64@1.4.5');
    if (!pkg.dir) {
      console.log(`      skipped: ${pkg.reason}`);
      this.skip();
    }
    bun = path.join(pkg.dir!, 'bin', 'bun');
  });

  // Started through a dynamic import, so that Bun writes more than one chunk. Four programs
  // (each executable holds Bun itself, about 110 MB): the concealed list of companies, the
  // locale sent from another module, a benign look-alike, and a CommonJS class behind a loader;
  // every program runs as esbuild chunks (test/engine/program.test.ts).
  const chosen = [/concealed list of companies/, /telemetry helper from another/, /benign: an identity helper/];
  // One more, its modules CommonJS and each imported from the start, so that Bun keeps each behind an
  // `__commonJS` loader in a chunk another chunk imports and calls (`var Probe = require_probe()`).
  const everyModule = [/^a class that is the CommonJS module, its instance checks the zone$/];
  for (const p of PROGRAMS.filter((x) => [...chosen, ...everyModule].some((re) => re.test(x.name)))) {
    it(`${p.name} (${p.verdict})`, async () => {
      const dir = path.join(BUILDS, p.name.replace(/\W+/g, '-').slice(0, 60));
      const exe = path.join(dir, 'app');
      if (!existsSync(exe)) {
        rmSync(dir, { recursive: true, force: true });
        for (const [name, text] of Object.entries(p.files)) {
          mkdirSync(path.dirname(path.join(dir, 'src', name)), { recursive: true });
          writeFileSync(path.join(dir, 'src', name), text);
        }
        const others = everyModule.some((re) => re.test(p.name)) ? Object.keys(p.files).filter((n) => n !== p.entry).map((n) => `import('./${n}');\n`).join('') : '';
        writeFileSync(path.join(dir, 'src', 'start.mjs'), `${others}await import('./${p.entry}');\n`);
        execFileSync(bun, ['build', '--compile', '--splitting', path.join(dir, 'src', 'start.mjs'), '--outfile', exe], { stdio: 'pipe' });
      }
      const t = (await scanTargets([exe])).targets[0];
      const summary = t.findings.map((f) => `${f.severity} ${f.ruleId} ${f.file}:${f.line} ${f.message}`).join('\n');
      assert.ok(t.contents['Bun module (JavaScript)']?.count >= 2, JSON.stringify(t.contents));
      assert.strictEqual(t.verdict, p.verdict, summary || '(no findings)');
    });
  }
});
