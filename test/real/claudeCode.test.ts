// Real artifacts: the published Claude Code bundles and native builds, fetched
// with `npm pack` into a git-ignored cache. Skips, with the reason, when the
// registry is out of reach.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { fetchPackage } from '../../bench/realPackages';
import { readBunGraph } from '../../src/artifacts/bun';
import { FileBytes } from '../../src/artifacts/bytes';
import { readExecutables } from '../../src/artifacts/executable';
import { scanTargets } from '../../src/scanner/scanTargets';
import { verdictOf } from '../../src/engine/types';
import type { TargetResult } from '../../src/report/model';
import { incidentEvidence, type Scanned } from './incident';
import { diffTargets } from '../../src/report/diff';

function packageDir(spec: string, ctx: Mocha.Context): string {
  const pkg = fetchPackage(spec);
  if (!pkg.dir) {
    console.log(`      skipped: ${pkg.reason}`);
    ctx.skip();
  }
  return pkg.dir!;
}

const scans = new Map<string, Promise<TargetResult>>();

/** One scan of each artifact per run, shared by the tests that look at it. */
function scanOnce(file: string): Promise<TargetResult> {
  let t = scans.get(file);
  if (!t) scans.set(file, t = scanTargets([file]).then((r) => r.targets[0]));
  return t;
}

/** The embedded entry module's text, read with the scanner's own container readers. */
function embeddedText(exe: string): string {
  const source = new FileBytes(exe);
  try {
    const e = readExecutables(source)[0];
    const m = readBunGraph(e)!.modules[0];
    return source.read(m.contents.offset, m.contents.size).toString('latin1');
  } finally {
    source.close();
  }
}

describe('real artifacts: @anthropic-ai/claude-code', function () {
  this.timeout(900_000);

  describe('2.1.91 cli.js (the hidden check shipped)', () => {
    let scanned: Scanned;
    before(async function () {
      const file = path.join(packageDir('@anthropic-ai/claude-code@2.1.91', this), 'cli.js');
      scanned = { text: readFileSync(file, 'utf8'), findings: (await scanOnce(file)).findings };
    });
    it('is untrusted', () => assert.strictEqual(verdictOf(scanned.findings), 'untrusted'));
    incidentEvidence(() => scanned);
  });

  describe('2.1.90 cli.js (before the check)', () => {
    it('is not untrusted', async function () {
      const { findings } = await scanOnce(path.join(packageDir('@anthropic-ai/claude-code@2.1.90', this), 'cli.js'));
      assert.notStrictEqual(verdictOf(findings), 'untrusted', findings.filter((f) => f.severity === 'critical').map((f) => f.message).join('\n'));
    });
    // What it visibly sends, and nothing more: a helper that merged every caller (an options object,
    // a shared wrapper) once listed the time zone in requests and telemetry that never carry it.
    it('is trusted, and sends the host name as a device name, the gateway in API telemetry and the locale in voice telemetry', async function () {
      const t = await scanOnce(path.join(packageDir('@anthropic-ai/claude-code@2.1.90', this), 'cli.js'));
      assert.strictEqual(t.verdict, 'trusted');
      const sends = t.sends ?? [];
      const what = sends.map((s) => `${s.what.join(' / ')} in ${s.event ?? 'a request'}`);
      assert.ok(sends.length <= 8, what.join('\n'));
      assert.ok(sends.some((s) => s.what.includes('host identity') && s.how === 'request'), what.join('\n'));
      assert.ok(sends.some((s) => s.what.includes('API gateway') && /^tengu_api_/.test(s.event ?? '')), what.join('\n'));
      assert.ok(sends.some((s) => s.what.includes('locale') && s.event === 'tengu_voice_recording_started'), what.join('\n'));
      assert.ok(sends.every((s) => !s.what.includes('time zone')), what.join('\n'));
    });
  });

  // Native builds: Bun single-file executables, one per platform package.
  for (const [platform, binary, format, prefix] of [
    ['linux-x64', 'claude', 'ELF', '/$bunfs/root/'],
    ['darwin-arm64', 'claude', 'Mach-O', '/$bunfs/root/'],
    ['win32-x64', 'claude.exe', 'PE', 'B:/~BUN/root/'],
  ] as const) {
    describe(`2.1.196 native ${platform} (${format})`, () => {
      let exe: string;
      let target: TargetResult;
      let scanned: Scanned;
      before(async function () {
        exe = path.join(packageDir(`@anthropic-ai/claude-code-${platform}@2.1.196`, this), binary);
        target = await scanOnce(exe);
        scanned = { text: embeddedText(exe), findings: target.findings };
      });

      it('is untrusted, with findings inside the embedded module', () => {
        assert.strictEqual(target.verdict, 'untrusted');
        const critical = target.findings.filter((f) => f.severity === 'critical');
        assert.ok(critical.length >= 4);
        for (const f of critical) assert.deepStrictEqual([f.file, f.member], [exe, `${prefix}src/entrypoints/cli.js`]);
        assert.ok(Object.keys(target.contents).some((k) => k.startsWith(`Bun executable (${format}`)), JSON.stringify(target.contents));
      });
      incidentEvidence(() => scanned);
    });
  }

  describe('2.1.199 native linux-x64 (after the removal)', () => {
    it('is not untrusted', async function () {
      const t = await scanOnce(path.join(packageDir('@anthropic-ai/claude-code-linux-x64@2.1.199', this), 'claude'));
      assert.notStrictEqual(t.verdict, 'untrusted', t.findings.filter((f) => f.severity === 'critical').map((f) => f.message).join('\n'));
      assert.notStrictEqual(t.verdict, 'unscannable');
    });
  });

  describe('agent-xray diff', () => {
    it('2.1.90 -> 2.1.91: the zone comparisons, the two concealed tables and the channels, and little else', async function () {
      const cli = (v: string) => path.join(packageDir(`@anthropic-ai/claude-code@${v}`, this), 'cli.js');
      const d = diffTargets(await scanOnce(cli('2.1.90')), await scanOnce(cli('2.1.91')));
      const added = d.added.map((b) => `${b.what}: ${b.text}`).join('\n');
      assert.match(added, /comparison: The time zone is compared with .*Asia\/Shanghai/);
      assert.match(added, /comparison: The time zone is compared with .*Asia\/Urumqi/);
      assert.strictEqual(d.added.filter((b) => b.what === 'concealed table').length, 2, added);
      assert.match(added, /channel: .*look-alike variants/);
      assert.ok(d.added.length <= 10, `little else: ${d.added.length} added\n${added}`);
      assert.deepStrictEqual(d.removed, []);
    });

    it('2.1.196 -> 2.1.199 (native): the mechanism is removed', async function () {
      const a = path.join(packageDir('@anthropic-ai/claude-code-linux-x64@2.1.196', this), 'claude');
      const b = path.join(packageDir('@anthropic-ai/claude-code-linux-x64@2.1.199', this), 'claude');
      const d = diffTargets(await scanOnce(a), await scanOnce(b));
      const removed = d.removed.map((x) => `${x.what}: ${x.text}`).join('\n');
      assert.strictEqual(d.removed.filter((x) => x.what === 'concealed table').length, 2, removed);
      assert.match(removed, /channel: .*look-alike variants/);
      assert.match(removed, /Asia\/Shanghai/);
      assert.ok(!d.added.some((x) => x.severity === 'critical'), d.added.map((x) => x.text).join('\n'));
    });
  });
});
