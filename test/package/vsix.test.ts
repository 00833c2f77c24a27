// The one .vsix for both marketplaces: `node vsix.js` (npm run package) runs
// vsce's checks as it packages; then the package is read back and checked
// against what the Visual Studio Marketplace and Open VSX require (ovsx's own
// manifest and license checks). Offline: nothing is published.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import { isLicenseOk, validateManifest } from 'ovsx';
import * as path from 'path';
import * as yauzl from 'yauzl';

const root = path.resolve(__dirname, '..', '..');

function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (e: yauzl.Entry) => zip.openReadStream(e, (e2, s) => {
        if (e2 || !s) return reject(e2);
        const parts: Buffer[] = [];
        s.on('data', (b: Buffer) => parts.push(b)).on('end', () => { out.set(e.fileName, Buffer.concat(parts)); zip.readEntry(); });
      }));
      zip.on('end', () => resolve(out)).on('error', reject);
      zip.readEntry();
    });
  });
}

describe('the .vsix for both marketplaces', function () {
  this.timeout(120_000);
  let tmp: string;
  let entries: Map<string, Buffer>;
  let manifest: Record<string, any>;

  before(async function () {
    if (!existsSync(path.join(root, 'dist', 'extension.js'))) {
      console.log('      skipped: dist/ is not built (npm test builds it first)');
      this.skip();
    }
    tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-vsix-'));
    execFileSync(process.execPath, [path.join(root, 'vsix.js'), '--no-build', '--out', path.join(tmp, 'x.vsix')], { cwd: root, stdio: 'pipe' });
    entries = await readZip(path.join(tmp, 'x.vsix'));
    manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
  });
  after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

  it('holds the extension and nothing of the repository besides', () => {
    const names = [...entries.keys()].filter((n) => n.startsWith('extension/')).sort();
    for (const need of ['extension/dist/extension.js', 'extension/dist/worker.js', 'extension/dist/engineWorker.js', 'extension/media/icon.png', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/schemas/agent-xray.schema.json']) assert.ok(names.includes(need), need);
    assert.deepStrictEqual(names.filter((n) => /\/(?:src|test|bench|node_modules|\.cache)\/|\.map$|\.ts$/.test(n)), []);
    assert.strictEqual(manifest.files, undefined, 'the npm file list stays out of the extension');
  });

  it('has what the gallery pages show: icon, banner, license, repository, categories, keywords', () => {
    assert.match(manifest.icon, /\.png$/);
    assert.ok(manifest.galleryBanner?.color && manifest.galleryBanner?.theme);
    assert.strictEqual(manifest.license, 'MIT');
    assert.match(manifest.repository.url, /^https:\/\/github\.com\//);
    const allowed = ['Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps', 'SCM Providers', 'Other', 'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization', 'Notebooks', 'Education', 'Testing', 'AI', 'Chat'];
    assert.deepStrictEqual(manifest.categories.filter((c: string) => !allowed.includes(c)), []);
    assert.ok(manifest.keywords.length <= 30);
    const vsixManifest = entries.get('extension.vsixmanifest')!.toString('utf8');
    assert.match(vsixManifest, /<Identity [^>]*Id="agent-xray"[^>]*Publisher="agent-xray"/);
  });

  it('has README images that render on both sites (absolute https links)', () => {
    const readme = entries.get('extension/readme.md')!.toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 4, `${images.length} images`);
    assert.deepStrictEqual(images.filter((u) => !/^https:\/\//.test(u) || /\.svg$/i.test(u)), []);
    assert.doesNotMatch(readme, /\]\(\.\.\//, 'no link leaves the repository');
  });

  it('passes ovsx\'s manifest and license checks', async () => {
    const dir = path.join(tmp, 'unpacked');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
    writeFileSync(path.join(dir, 'LICENSE.txt'), entries.get('extension/LICENSE.txt')!);
    validateManifest(manifest as never);
    assert.strictEqual(await isLicenseOk(dir, manifest as never), true);
  });
});
