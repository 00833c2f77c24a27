// Team policy: parsing with positioned errors, allow by version and hash,
// expiry, deny ranges, required agents, untrusted workspaces, and the CLI.
import * as assert from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { evaluatePolicy, parsePolicy, PolicyError } from '../../src/policy/policy';
import type { TargetResult } from '../../src/report/model';

const target = (id: string, version: string, verdict: TargetResult['verdict'], sha256 = 'a'.repeat(64)): TargetResult => ({
  path: `/x/${id}`, kind: 'package', agent: { id, name: id, version }, verdict, sha256, bytes: 1, ms: 1, files: 1, contents: {}, findings: [], notAnalysed: [],
});

describe('policy: parsing', () => {
  const errorOf = (text: string) => { try { parsePolicy(text, 'p.json'); } catch (e) { assert.ok(e instanceof PolicyError); return e.message; } assert.fail('expected a PolicyError'); };
  const cases: Array<[string, string, RegExp]> = [
    ['bad JSON', '{ "failOn": "untrusted",, }', /^p\.json:1:\d+: (ValueExpected|PropertyNameExpected)/],
    ['unknown top-level key', '{\n  "failon": "review"\n}', /^p\.json:2:3: unknown key "failon" in the policy/],
    ['unknown key in an allow entry', '{ "allow": [\n { "agent": "a", "version": "1.0.0", "reason": "ok", "until": "2027-01-01" } ] }', /^p\.json:2:\d+: unknown key "until" in an allow entry/],
    ['a bad date', '{ "allow": [\n  { "agent": "a", "version": "1.0.0", "reason": "ok",\n    "expires": "2027-02-30" } ] }', /^p\.json:3:16: expires must be a date like 2027-01-31, not "2027-02-30"/],
    ['an allow without version or hash', '{ "allow": [ { "agent": "a", "reason": "ok" } ] }', /an allow entry names an exact "version" or a "sha256"/],
    ['a range in an allow', '{ "allow": [ { "agent": "a", "version": ">=1", "reason": "ok" } ] }', /is not an exact version/],
    ['a bad deny range', '{ "deny": [ { "agent": "a", "versions": "not a range", "reason": "no" } ] }', /is not a version range/],
    ['a bad failOn', '{ "failOn": "never" }', /failOn must be "untrusted", "review", "unscannable" or "sends"/],
    ['a missing reason', '{ "deny": [ { "agent": "a", "versions": "*" } ] }', /reason is required/],
  ];
  for (const [name, text, want] of cases) it(`${name}: a clear error with the position`, () => assert.match(errorOf(text), want));

  it('accepts comments, trailing commas and every field', () => {
    const p = parsePolicy(`{
      // our rules
      "$schema": "./node_modules/agent-xray/schemas/agent-xray.schema.json",
      "failOn": "review",
      "allow": [{ "agent": "a", "version": "1.0.0", "reason": "reviewed", "expires": "2027-01-31" }, { "agent": "b", "sha256": "${'B'.repeat(64)}", "reason": "pinned build" },],
      "deny": [{ "agent": "@anthropic-ai/claude-code", "versions": ">=2.1.91 <2.1.198", "reason": "the incident" }],
      "require": ["anthropic.claude-code"],
    }`, 'p.json');
    assert.strictEqual(p.failOn, 'review');
    assert.deepStrictEqual(p.allow.map((a) => [a.agent, a.version, a.sha256, a.expires, a.line]), [['a', '1.0.0', undefined, '2027-01-31', 5], ['b', undefined, 'b'.repeat(64), undefined, 5]]);
    assert.deepStrictEqual(p.deny.map((d) => d.versions), ['>=2.1.91 <2.1.198']);
    assert.deepStrictEqual(p.require.map((r) => r.agent), ['anthropic.claude-code']);
  });
});

describe('policy: evaluation', () => {
  const policy = parsePolicy(JSON.stringify({
    failOn: 'untrusted',
    allow: [
      { agent: 'tool', version: '1.0.0', reason: 'reviewed by security' },
      { agent: 'old', version: '2.0.0', reason: 'until the upgrade', expires: '2026-10-31' },
      { agent: 'hashed', sha256: 'c'.repeat(64), reason: 'this exact build' },
    ],
    deny: [{ agent: '@anthropic-ai/claude-code', versions: '>=2.1.91 <2.1.198', reason: 'the hidden check' }],
    require: ['anthropic.claude-code'],
  }), 'p.json');
  const now = new Date('2026-11-22T12:00:00Z');
  const rules = (ts: TargetResult[], trusted = true) => evaluatePolicy(policy, ts, { now, trusted }).map((v) => `${v.rule} ${v.agent}`).sort();

  it('an exact allowed version passes; another version of the same agent does not', () => {
    assert.deepStrictEqual(rules([target('tool', '1.0.0', 'untrusted'), target('anthropic.claude-code', '1', 'trusted')]), []);
    assert.deepStrictEqual(rules([target('tool', '1.0.1', 'untrusted'), target('anthropic.claude-code', '1', 'trusted')]), ['verdict tool']);
  });

  it('failOn "sends": a trusted agent that sends environment facts breaks it, unless an allow names its version', () => {
    const strict = parsePolicy(JSON.stringify({ failOn: 'sends', allow: [{ agent: 'tool', version: '1.0.0', reason: 'its telemetry is reviewed' }] }), 'p.json');
    const sends = [{ what: ['locale'], how: 'telemetry' as const, event: 'voice_started', fields: ['lang'], file: 'x.js', line: 1, column: 1 }];
    const quiet = target('quiet', '1.0.0', 'trusted');
    const chatty = { ...target('chatty', '1.0.0', 'trusted'), sends };
    const violations = evaluatePolicy(strict, [quiet, chatty, { ...target('tool', '1.0.0', 'trusted'), sends }], { now });
    assert.deepStrictEqual(violations.map((v) => `${v.rule} ${v.agent}`), ['verdict chatty']);
    assert.match(violations[0].message, /chatty@1\.0\.0 sends locale and the policy fails on sends/);
    assert.deepStrictEqual(evaluatePolicy(policy, [chatty, target('anthropic.claude-code', '1', 'trusted')], { now }), []);
  });

  it('an allow by content hash matches that code only', () => {
    assert.deepStrictEqual(rules([target('hashed', '9', 'untrusted', 'c'.repeat(64)), target('anthropic.claude-code', '1', 'trusted')]), []);
    assert.deepStrictEqual(rules([target('hashed', '9', 'untrusted', 'd'.repeat(64)), target('anthropic.claude-code', '1', 'trusted')]), ['verdict hashed']);
  });

  it('an expired allow stops counting and says so', () => {
    const v = evaluatePolicy(policy, [target('old', '2.0.0', 'untrusted'), target('anthropic.claude-code', '1', 'trusted')], { now });
    assert.deepStrictEqual(v.map((x) => x.rule), ['expired']);
    assert.match(v[0].message, /expired on 2026-10-31/);
    assert.deepStrictEqual(evaluatePolicy(policy, [target('old', '2.0.0', 'untrusted'), target('anthropic.claude-code', '1', 'trusted')], { now: new Date('2026-10-31T23:00:00Z') }), []);
  });

  it('deny ranges apply whatever the verdict; required agents must be there', () => {
    assert.deepStrictEqual(rules([target('@anthropic-ai/claude-code', '2.1.150', 'trusted')]), ['deny @anthropic-ai/claude-code', 'require anthropic.claude-code']);
    assert.deepStrictEqual(rules([target('@anthropic-ai/claude-code', '2.1.199', 'trusted'), target('anthropic.claude-code', '2.1.199', 'review')]), []);
    // The range ends where the mechanism does: 2.1.197 is denied, the clean 2.1.198 is not.
    assert.deepStrictEqual(rules([target('@anthropic-ai/claude-code', '2.1.197', 'trusted'), target('anthropic.claude-code', '1', 'trusted')]), ['deny @anthropic-ai/claude-code']);
    assert.deepStrictEqual(rules([target('@anthropic-ai/claude-code', '2.1.198', 'trusted'), target('anthropic.claude-code', '1', 'trusted')]), []);
  });

  it('in an untrusted workspace the policy tightens but never loosens: its allows are ignored', () => {
    const ts = [target('tool', '1.0.0', 'untrusted'), target('anthropic.claude-code', '1', 'trusted')];
    assert.deepStrictEqual(rules(ts, true), []);
    assert.deepStrictEqual(rules(ts, false), ['verdict tool']);
    assert.deepStrictEqual(rules([target('@anthropic-ai/claude-code', '2.1.91', 'trusted')], false), ['deny @anthropic-ai/claude-code', 'require anthropic.claude-code']);
  });
});

describe('policy: the CLI', function () {
  this.timeout(60_000);
  let tmp: string;
  const fixtures = path.join(__dirname, '..', 'fixtures');
  const cli = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await run(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, isTTY: false, env: { XDG_CACHE_HOME: path.join(tmp, 'cache') } });
    return { code, stdout, stderr };
  };
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-policy-'));
    // A repository with an agent among its dependencies, and an MCP server.
    const pkg = path.join(tmp, 'repo', 'node_modules', '@anthropic-ai', 'claude-code');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@anthropic-ai/claude-code', version: '2.1.91', bin: { claude: 'cli.js' } }));
    cpSync(path.join(fixtures, 'fingerprinting', 'esbuild-xor.js'), path.join(pkg, 'cli.js'));
    writeFileSync(path.join(tmp, 'repo', 'package.json'), JSON.stringify({ name: 'repo', dependencies: { '@anthropic-ai/claude-code': '2.1.91' } }));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));
  const policyFile = (body: object) => { const f = path.join(tmp, 'repo', '.agent-xray.json'); writeFileSync(f, JSON.stringify(body, null, 2)); return f; };

  it('exits 1 on a violation, lists it, and judges only the repository', async () => {
    const r = await cli(['scan', '--policy', policyFile({ failOn: 'untrusted' }), '--format', 'json']);
    assert.strictEqual(r.code, 1, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.deepStrictEqual(j.targets.map((t: { agent: { id: string; kind: string } }) => `${t.agent.kind} ${t.agent.id}`), ['workspace dependency @anthropic-ai/claude-code']);
    assert.deepStrictEqual(j.policy.violations.map((v: { rule: string }) => v.rule), ['verdict']);
  });

  it('exits 0 when the exact version is allowed, and 1 again when the allow expired', async () => {
    assert.strictEqual((await cli(['scan', '--policy', policyFile({ allow: [{ agent: '@anthropic-ai/claude-code', version: '2.1.91', reason: 'lab use only' }] })])).code, 0);
    const r = await cli(['scan', '--policy', policyFile({ allow: [{ agent: '@anthropic-ai/claude-code', version: '2.1.91', reason: 'lab use only', expires: '2020-01-01' }] })]);
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /POLICY {2}1 violation/);
    assert.match(r.stdout, /expired on 2020-01-01/);
  });

  it('SARIF carries the violations on the policy file', async () => {
    const r = await cli(['scan', '--policy', policyFile({ deny: [{ agent: '@anthropic-ai/claude-code', versions: '>=2.1.91 <2.1.198', reason: 'the incident' }], allow: [{ agent: '@anthropic-ai/claude-code', version: '2.1.91', reason: 'x y z' }] }), '--format', 'sarif']);
    assert.strictEqual(r.code, 1);
    const s = JSON.parse(r.stdout);
    const v = s.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'policy');
    assert.strictEqual(v.length, 1);
    assert.match(v[0].locations[0].physicalLocation.artifactLocation.uri, /\.agent-xray\.json$/);
    assert.ok(s.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'policy'));
  });

  it('an invalid policy is a usage error (exit 2) with the position', async () => {
    const f = path.join(tmp, 'repo', 'bad.json');
    writeFileSync(f, '{\n  "allow": [{ "agent": "x", "version": "1", "reason": "r", "expires": "tomorrow" }]\n}');
    const r = await cli(['scan', '--policy', f]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /bad\.json:2:\d+: expires must be a date/);
    assert.ok(readFileSync(f, 'utf8'));
  });
});
