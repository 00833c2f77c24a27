// The CLI as users run it: exit codes, formats, cache, and bad input.
import * as assert from 'assert';
import { asNobody } from '../asNobody';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { scanFile } from '../../src/scanner/scanTargets';

const fixtures = path.join(__dirname, '..', 'fixtures');
const bad = path.join(fixtures, 'fingerprinting', 'esbuild-xor.js');
const good = path.join(fixtures, 'benign', 'proxy-agent.js');

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, isTTY: false, env: { XDG_CACHE_HOME: cacheDir, ...env } });
  return { code, stdout, stderr };
}

let tmp: string;
let cacheDir: string;

describe('cli', () => {
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-cli-'));
    cacheDir = path.join(tmp, 'cache');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('exits 1 when a target is untrusted, 0 when all are trusted', async () => {
    assert.strictEqual((await cli(['scan', bad])).code, 1);
    assert.strictEqual((await cli(['scan', good])).code, 0);
  });

  it('--fail-on review and never', async () => {
    const review = path.join(fixtures, 'fingerprinting', 'async-offset-exfil.js');
    assert.strictEqual((await cli(['scan', review])).code, 0);
    assert.strictEqual((await cli(['scan', review, '--fail-on', 'review'])).code, 1);
    assert.strictEqual((await cli(['scan', bad, '--fail-on=never'])).code, 0);
  });

  it('--fail-on unscannable also fails on a program that was not read', async () => {
    const launcherPkg = path.join(tmp, 'launcher-only');
    mkdirSync(path.join(launcherPkg, 'bin'), { recursive: true });
    writeFileSync(path.join(launcherPkg, 'package.json'), JSON.stringify({ name: 'l', version: '1.0.0', bin: { l: 'bin/l.js' }, optionalDependencies: { 'l-linux-x64': '1.0.0' } }));
    writeFileSync(path.join(launcherPkg, 'bin', 'l.js'), 'const { spawnSync } = require("child_process");\nspawnSync(bin, process.argv.slice(2), { stdio: "inherit" });\n');
    assert.strictEqual((await cli(['scan', launcherPkg])).code, 0);
    assert.strictEqual((await cli(['scan', launcherPkg, '--fail-on', 'review'])).code, 0);
    assert.strictEqual((await cli(['scan', launcherPkg, '--fail-on', 'unscannable'])).code, 1);
    assert.strictEqual((await cli(['scan', good, '--fail-on', 'unscannable'])).code, 0);
  });

  it('visible telemetry of an environment fact: trusted, listed in the sends inventory, and --fail-on sends fails on it', async () => {
    const file = path.join(tmp, 'voice.js');
    writeFileSync(file, 'const lang = Intl.DateTimeFormat().resolvedOptions().locale;\nlogEvent("voice_recording_started", { systemLocaleLanguage: lang });\n');
    const j = JSON.parse((await cli(['scan', file, '--format', 'json'])).stdout);
    assert.strictEqual(j.targets[0].verdict, 'trusted');
    assert.deepStrictEqual(j.targets[0].findings, []);
    assert.deepStrictEqual(j.targets[0].sends, [{ what: ['locale'], how: 'telemetry', event: 'voice_recording_started', fields: ['systemLocaleLanguage'], file, line: 2, column: 1 }]);
    assert.match((await cli(['scan', file])).stdout, /sends {4}locale in telemetry event "voice_recording_started" \(systemLocaleLanguage\)/);
    assert.strictEqual((await cli(['scan', file])).code, 0);
    assert.strictEqual((await cli(['scan', file, '--fail-on', 'review'])).code, 0);
    assert.strictEqual((await cli(['scan', file, '--fail-on', 'sends'])).code, 1);
    assert.strictEqual((await cli(['scan', good, '--fail-on', 'sends'])).code, 0);
  });

  it('usage errors exit 2 with a message', async () => {
    for (const args of [[], ['list', bad], ['list', '--format', 'sarif'], ['scan', bad, '--format', 'xml'], ['scan', bad, '--bogus'], ['scan', '--workspace'], ['frobnicate']]) {
      const r = await cli(args);
      if (args.length === 0) { assert.strictEqual(r.code, 0); assert.match(r.stdout, /Usage/); continue; }
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.stderr, /agent-xray: /);
    }
  });

  it('text output names the verdict and the decoded evidence', async () => {
    const r = await cli(['scan', bad]);
    assert.match(r.stdout, /^UNTRUSTED/m);
    assert.match(r.stdout, /Asia\/Shanghai/);
    assert.match(r.stdout, /U\+2019/);
    assert.match(r.stdout, /corp-alpha\.example\.cn/);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when not a TTY');
  });

  it('json output has the documented shape', async () => {
    const r = await cli(['scan', bad, good, '--format', 'json']);
    const j = JSON.parse(r.stdout);
    assert.strictEqual(j.version, 2);
    assert.deepStrictEqual(j.targets.map((t: { verdict: string }) => t.verdict), ['untrusted', 'trusted']);
    const t = j.targets[0];
    assert.deepStrictEqual(Object.keys(t).sort(), ['agent', 'bytes', 'contents', 'coverage', 'files', 'findings', 'kind', 'ms', 'notAnalysed', 'path', 'sends', 'sha256', 'verdict']);
    assert.strictEqual(t.kind, 'file');
    const f = t.findings[0];
    assert.deepStrictEqual(Object.keys(f).sort(), ['column', 'evidence', 'file', 'line', 'message', 'ruleId', 'severity', 'summary']);
    // The summary is for people: plain words, characters by name, never an escape.
    assert.ok(j.targets[0].findings.every((x: { summary: string }) => x.summary.length > 20 && !/\\u\{/.test(x.summary)));
    assert.ok(['critical', 'high', 'medium', 'low', 'info'].includes(f.severity));
  });

  it('sarif output is SARIF 2.1.0 with rules, help links and verdicts', async () => {
    const out = path.join(tmp, 'out.sarif');
    const r = await cli(['scan', bad, '--format', 'sarif', '--output', out]);
    assert.strictEqual(r.stdout, '');
    const s = JSON.parse(readFileSync(out, 'utf8'));
    assert.strictEqual(s.version, '2.1.0');
    const run0 = s.runs[0];
    assert.strictEqual(run0.tool.driver.name, 'agent-xray');
    assert.ok(run0.tool.driver.rules.every((rule: { helpUri: string }) => rule.helpUri.endsWith('.md')));
    assert.ok(run0.results.length > 0);
    const res = run0.results[0];
    assert.strictEqual(run0.tool.driver.rules[res.ruleIndex].id, res.ruleId);
    assert.ok(res.locations[0].physicalLocation.region.startLine >= 1);
    assert.strictEqual(run0.artifacts[0].properties.verdict, 'untrusted');
  });

  it('a folder with package.json is one package target', async () => {
    const pkg = path.join(tmp, 'pkg');
    mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    mkdirSync(path.join(pkg, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'some-agent', version: '1.2.3' }));
    copyFileSync(bad, path.join(pkg, 'dist', 'cli.js'));
    copyFileSync(bad, path.join(pkg, 'dist', 'copy.js'));
    writeFileSync(path.join(pkg, 'dist', 'types.d.ts'), 'export {};');
    copyFileSync(bad, path.join(pkg, 'node_modules', 'dep', 'index.js'));
    const j = JSON.parse((await cli(['scan', pkg, '--format', 'json', '--no-cache'])).stdout);
    const t = j.targets[0];
    assert.strictEqual(t.kind, 'package');
    assert.deepStrictEqual(t.agent, { id: 'some-agent', name: 'some-agent', version: '1.2.3' });
    assert.strictEqual(t.files, 2, 'two JS files; .d.ts and nested node_modules skipped');
    assert.strictEqual(t.verdict, 'untrusted');
  });

  it('caches results by content and engine version; --no-cache bypasses', async () => {
    const file = path.join(tmp, 'cached.js');
    copyFileSync(bad, file);
    await cli(['scan', file]);
    const entries = () => { try { return require('fs').readdirSync(path.join(cacheDir, 'agent-xray')) as string[]; } catch { return []; } };
    const before = entries().length;
    assert.ok(before > 0, 'cache written');
    const again = JSON.parse((await cli(['scan', file, '--format', 'json'])).stdout);
    assert.strictEqual(again.targets[0].verdict, 'untrusted');
    assert.strictEqual(again.targets[0].findings[0].file, file);
    const fresh = mkdtempSync(path.join(tmp, 'nocache-'));
    await cli(['scan', file, '--no-cache'], { XDG_CACHE_HOME: fresh });
    assert.deepStrictEqual(require('fs').readdirSync(fresh), []);
  });

  describe('bad input: a reason per target, no crash, others still scanned', () => {
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['empty.js', '', /empty file/],
      ['blank.js', '   \n\n', /empty file/],
      ['not-js.js', 'this is ### not ( javascript at all {{{', /syntax error|not JavaScript/],
      ['binary.js', Buffer.from([0x00, 0x01, 0x02, 0x03, 0, 0, 1, 2]), /binary file/],
      ['elf-stub.js', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]), /damaged executable/],
      ['deep.js', '['.repeat(100_000) + ']'.repeat(100_000), /nesting too deep/],
      ['deep-calls.js', 'f('.repeat(100_000) + ')'.repeat(100_000), /nesting too deep/],
    ];
    for (const [name, content, reason] of cases) {
      it(name, async () => {
        const file = path.join(tmp, name);
        writeFileSync(file, content);
        const r = await cli(['scan', file, bad, '--format', 'json', '--no-cache']);
        const j = JSON.parse(r.stdout);
        assert.strictEqual(j.targets[0].verdict, 'unscannable');
        assert.match(j.targets[0].notAnalysed.join('\n'), reason);
        assert.strictEqual(j.targets[1].verdict, 'untrusted');
        assert.strictEqual(r.code, 1);
      });
    }

    it('invalid UTF-8 is replaced and reported, the rest analysed', async () => {
      const file = path.join(tmp, 'latin1.js');
      writeFileSync(file, Buffer.concat([Buffer.from('const s = "caf'), Buffer.from([0xe9]), Buffer.from('";\n'), readFileSync(bad)]));
      const j = JSON.parse((await cli(['scan', file, '--format', 'json', '--no-cache'])).stdout);
      assert.strictEqual(j.targets[0].verdict, 'untrusted');
      assert.match(j.targets[0].notAnalysed[0], /invalid UTF-8/);
    });

    it('a truncated bundle is analysed with recovery and says so', async () => {
      const file = path.join(tmp, 'truncated.js');
      const text = readFileSync(bad, 'utf8');
      writeFileSync(file, text.slice(0, text.length - 40));
      const j = JSON.parse((await cli(['scan', file, '--format', 'json', '--no-cache'])).stdout);
      assert.match(j.targets[0].notAnalysed.join('\n'), /syntax error.*error recovery/);
      assert.notStrictEqual(j.targets[0].verdict, 'unscannable');
    });

    it('a missing path is unscannable and exits 2', async () => {
      const r = await cli(['scan', path.join(tmp, 'does-not-exist.js'), bad, '--format', 'json']);
      const j = JSON.parse(r.stdout);
      assert.match(j.targets[0].notAnalysed[0], /no such file/);
      assert.strictEqual(j.targets[1].verdict, 'untrusted');
      assert.strictEqual(r.code, 2);
    });

    it('a file that vanishes before it is read, or is not a file, gets a reason', async () => {
      const gone = await scanFile(path.join(tmp, 'vanished.js'));
      assert.match(gone.contents.unscannable ?? '', /vanished/);
      mkdirSync(path.join(tmp, 'folder.js'), { recursive: true });
      const dir = await scanFile(path.join(tmp, 'folder.js'));
      assert.match(dir.contents.unscannable ?? '', /cannot read/);
    });

    it('an unreadable file says permission denied', async function () {
      const dir = path.join(tmp, 'locked-file');
      mkdirSync(dir, { recursive: true });
      chmodSync(tmp, 0o755);
      chmodSync(dir, 0o755);
      const file = path.join(dir, 'secret.js');
      writeFileSync(file, 'var a = 1;');
      chmodSync(file, 0o000);
      // Root reads any file: then the built CLI runs as the unprivileged user nobody.
      const out = process.getuid?.() === 0
        ? asNobody(['scan', file, '--format', 'json', '--no-cache'])
        : (await cli(['scan', file, '--format', 'json', '--no-cache'])).stdout;
      assert.match(JSON.parse(out).targets[0].notAnalysed[0], /permission denied/);
    });
  });
});
