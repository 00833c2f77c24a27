// The scan step of action.yml: runs agent-xray (the action's own build, else
// the matching version from npm), always writes SARIF, writes the report in the
// format asked for, sets the step's outputs and a job summary, and exits as the
// scan did (1: something reached fail-on or broke the policy; 2: an error).
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const { appendFileSync, existsSync, readFileSync } = require('fs');
const path = require('path');

const input = (name) => (process.env[`INPUT_${name}`] || '').trim();
const actionDir = process.env.GITHUB_ACTION_PATH || path.resolve(__dirname, '..');
const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
const temp = process.env.RUNNER_TEMP || require('os').tmpdir();

function cli() {
  const own = path.join(actionDir, 'dist', 'cli.js');
  if (existsSync(own)) return own;
  const version = input('VERSION') || JSON.parse(readFileSync(path.join(actionDir, 'package.json'), 'utf8')).version;
  const prefix = path.join(temp, 'agent-xray');
  execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', `agent-xray@${version}`], { stdio: 'inherit' });
  return path.join(prefix, 'node_modules', 'agent-xray', 'dist', 'cli.js');
}

function main() {
  const format = input('FORMAT') || 'sarif';
  if (!['sarif', 'json', 'text'].includes(format)) throw new Error(`format must be sarif, json or text, not "${format}"`);
  const output = path.resolve(workspace, input('OUTPUT') || `agent-xray.${format === 'text' ? 'txt' : format}`);
  const sarif = format === 'sarif' ? output : path.join(temp, 'agent-xray.sarif');
  const policy = input('POLICY');
  const args = ['scan', ...input('PATHS').split(/\s+/).filter(Boolean), ...(policy ? ['--policy', policy] : ['--fail-on', input('FAIL_ON') || 'untrusted'])];
  const program = cli();
  const run = (fmt, file) => spawnSync(process.execPath, [program, ...args, '--format', fmt, '--output', file], { cwd: workspace, stdio: 'inherit', env: { ...process.env, CI: 'true' } }).status;
  const status = run('sarif', sarif);
  // The second run reads the first one's results from the cache.
  if (format !== 'sarif' && status !== 2) run(format, output);
  if (status === 2 || !existsSync(sarif)) return status ?? 2;

  const report = JSON.parse(readFileSync(sarif, 'utf8')).runs[0];
  const counts = { untrusted: 0, review: 0, trusted: 0, unscannable: 0 };
  for (const a of report.artifacts || []) if (a.properties && a.properties.verdict in counts) counts[a.properties.verdict]++;
  const violations = (report.results || []).filter((r) => r.ruleId === 'policy').length;
  const outputs = { ...counts, violations, sarif };
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
  if (process.env.GITHUB_STEP_SUMMARY) {
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, `### Agent X-Ray\n\n| untrusted | review | trusted | unscannable | policy violations |\n| --- | --- | --- | --- | --- |\n| ${counts.untrusted} | ${counts.review} | ${counts.trusted} | ${counts.unscannable} | ${policy ? violations : '-'} |\n`);
  }
  return status ?? 2;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`agent-xray: ${err.message}`);
  process.exitCode = 2;
}
