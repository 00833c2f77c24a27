// action.yml run locally: its scan step with the inputs and environment a
// GitHub runner gives (GITHUB_ACTION_PATH, GITHUB_WORKSPACE, GITHUB_OUTPUT,
// RUNNER_TEMP, INPUT_* from `${{ inputs.* }}`); checks the exit code, the
// outputs it writes and the SARIF file. setup-node is the runner's own step.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { load } from 'js-yaml';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const bad = path.join(root, 'test', 'fixtures', 'fingerprinting', 'esbuild-xor.js');
const good = path.join(root, 'test', 'fixtures', 'benign', 'proxy-agent.js');

interface Step { id?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string> }
interface Action { inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }
const action = load(readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;

describe('GitHub Action (action.yml)', function () {
  this.timeout(120_000);
  let tmp: string;

  before(function () {
    if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
      console.log('      skipped: dist/ is not built (npm test builds it first)');
      this.skip();
    }
    tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-action-'));
  });
  after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

  /** Runs the action's `run` steps as a runner would, in a fresh workspace; returns the exit code and the outputs. */
  function runAction(name: string, inputs: Record<string, string>, setup: (ws: string) => void): { status: number | null; outputs: Record<string, string>; ws: string; summary: string } {
    const ws = path.join(tmp, name);
    mkdirSync(ws, { recursive: true });
    setup(ws);
    const files = { output: path.join(tmp, `${name}.output`), summary: path.join(tmp, `${name}.summary`), temp: path.join(tmp, `${name}.temp`) };
    mkdirSync(files.temp);
    writeFileSync(files.output, '');
    const values: Record<string, string> = {};
    for (const [k, spec] of Object.entries(action.inputs)) values[k] = inputs[k] ?? spec.default ?? '';
    let status: number | null = 0;
    for (const step of action.runs.steps) {
      if (!step.run) continue;
      const env: NodeJS.ProcessEnv = {
        ...process.env, GITHUB_ACTION_PATH: root, GITHUB_WORKSPACE: ws, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary,
        RUNNER_TEMP: files.temp, XDG_CACHE_HOME: path.join(files.temp, 'cache'), CI: 'true',
      };
      for (const [k, v] of Object.entries(step.env ?? {})) env[k] = v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, i: string) => values[i] ?? '');
      status = spawnSync(step.shell ?? 'bash', ['-e', '-c', step.run], { cwd: ws, env, encoding: 'utf8' }).status;
      if (status !== 0) break;
    }
    const outputs = Object.fromEntries(readFileSync(files.output, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
    return { status, outputs, ws, summary: existsSync(files.summary) ? readFileSync(files.summary, 'utf8') : '' };
  }

  it('is a composite action with Node from actions/setup-node, whose outputs its scan step writes', () => {
    assert.strictEqual(action.runs.using, 'composite');
    assert.match(action.runs.steps[0].uses ?? '', /^actions\/setup-node@v\d/);
    for (const k of ['paths', 'policy', 'fail-on', 'format', 'output']) assert.ok(k in action.inputs, k);
    for (const [k, o] of Object.entries(action.outputs)) assert.strictEqual(o.value, `\${{ steps.scan.outputs.${k} }}`);
  });

  it('fails on an untrusted agent, with the counts and the SARIF path as outputs', () => {
    const r = runAction('untrusted', { paths: 'agents/evil.js agents/ok.js' }, (ws) => {
      mkdirSync(path.join(ws, 'agents'));
      cpSync(bad, path.join(ws, 'agents', 'evil.js'));
      cpSync(good, path.join(ws, 'agents', 'ok.js'));
    });
    assert.strictEqual(r.status, 1);
    assert.deepStrictEqual({ ...r.outputs, sarif: path.relative(r.ws, r.outputs.sarif) }, { untrusted: '1', review: '0', trusted: '1', unscannable: '0', violations: '0', sarif: 'agent-xray.sarif' });
    const sarif = JSON.parse(readFileSync(r.outputs.sarif, 'utf8'));
    assert.strictEqual(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
    assert.match(r.summary, /\| 1 \| 0 \| 1 \| 0 \| - \|/);
  });

  it('passes with fail-on never, and writes JSON where asked (SARIF still made)', () => {
    const r = runAction('json', { paths: 'evil.js', 'fail-on': 'never', format: 'json', output: 'report.json' }, (ws) => cpSync(bad, path.join(ws, 'evil.js')));
    assert.strictEqual(r.status, 0);
    assert.strictEqual(r.outputs.untrusted, '1');
    assert.strictEqual(JSON.parse(readFileSync(path.join(r.ws, 'report.json'), 'utf8')).targets[0].verdict, 'untrusted');
    assert.ok(existsSync(r.outputs.sarif));
  });

  it('lets the policy decide: a violation fails, an invalid policy is an error', () => {
    const setup = (policy: string) => (ws: string) => {
      mkdirSync(path.join(ws, 'node_modules', 'evil-agent'), { recursive: true });
      writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'evil-agent': '1.0.0' } }));
      writeFileSync(path.join(ws, 'node_modules', 'evil-agent', 'package.json'), JSON.stringify({ name: 'evil-agent', version: '1.0.0', bin: { 'evil-agent': 'cli.js' }, dependencies: { openai: '*' } }));
      cpSync(bad, path.join(ws, 'node_modules', 'evil-agent', 'cli.js'));
      writeFileSync(path.join(ws, '.agent-xray.json'), policy);
    };
    const broken = runAction('policy', { policy: '.agent-xray.json' }, setup('{ "failOn": "untrusted" }'));
    assert.strictEqual(broken.status, 1);
    assert.strictEqual(broken.outputs.violations, '1');
    assert.strictEqual(broken.outputs.untrusted, '1');
    assert.strictEqual(runAction('invalid', { policy: '.agent-xray.json' }, setup('{ "failOn": 3 }')).status, 2);
  });
});
