// The same incident scenario in desktop VS Code, for machines where
// @vscode/test-electron can download it. Here it cannot (no network but the
// npm registry), and the test says so and skips; code-server covers it.
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { dirsIn, plantIncident } from './scenarios';

describe('VS Code (desktop, @vscode/test-electron): the incident scenario', function () {
  this.timeout(1_800_000);
  let vscodeExecutable: string;
  let tmp: string;

  before(async function () {
    // (The timer is cleared once the race is decided: left running, it would hold the test run open for its full minute.)
    let timer: NodeJS.Timeout | undefined;
    try {
      vscodeExecutable = await Promise.race([
        downloadAndUnzipVSCode({ version: 'stable', timeout: 30_000 }),
        new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('no answer in 60 s')), 60_000); }),
      ]);
    } catch (err) {
      console.log(`      skipped: VS Code cannot be downloaded here (${String((err as Error).message).split('\n')[0].slice(0, 160)}); the code-server run covers these scenarios`);
      this.skip();
    } finally {
      clearTimeout(timer);
    }
    tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-electron-'));
  });
  after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  it('judges the planted agents and puts diagnostics on the workspace files', async function () {
    const d = dirsIn(path.join(tmp, 'incident'));
    const reason = plantIncident(d);
    if (reason) { console.log(`      skipped: ${reason}`); this.skip(); }
    const suite = path.join(tmp, 'suite.js');
    buildSync({ entryPoints: [path.join(__dirname, 'electron', 'suite.ts')], outfile: suite, bundle: true, platform: 'node', format: 'cjs', external: ['vscode'] });
    await runTests({
      vscodeExecutablePath: vscodeExecutable,
      extensionDevelopmentPath: path.resolve(__dirname, '..', '..'),
      extensionTestsPath: suite,
      launchArgs: [d.workspace, '--user-data-dir', d.userData, '--extensions-dir', d.extensions, '--disable-workspace-trust'],
      extensionTestsEnv: { HOME: d.home },
    });
  });
});
