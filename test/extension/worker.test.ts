// The scanner thread's work, run in-process: discovery plus scanning of a fake
// home and workspace, with every way to reach the network or start a process
// refused and recorded. Also the reprinting used by evidence documents.
import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { forbidSideEffects } from '../../src/scanner/guard';
import { mark, reprint } from '../../src/extension/reprint';
import { addRecommendation } from '../../src/extension/recommend';
import { runScan, type ScanMessage } from '../../src/extension/worker';
import { benignJs, bunExe, evilJs, plant } from '../discovery/fakeHome';

describe('extension: the scanner thread', function () {
  this.timeout(60_000);
  let tmp: string;
  before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-worker-')); });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('the guard refuses and records sockets, requests, lookups and processes', () => {
    const guard = forbidSideEffects();
    try {
      const net = require('net') as typeof import('net');
      const cp = require('child_process') as typeof import('child_process');
      const http = require('http') as typeof import('http');
      assert.throws(() => net.connect(443, 'example.com'), /does not use the network/);
      assert.throws(() => new net.Socket().connect(443, 'example.com'), /does not use the network/);
      assert.throws(() => http.get('http://example.com'), /does not use the network/);
      assert.throws(() => cp.execFileSync('true'), /does not start processes/);
      assert.strictEqual(guard.attempts.length, 4);
    } finally {
      guard.restore();
    }
    assert.doesNotThrow(() => (require('child_process') as typeof import('child_process')).execFileSync('true'));
  });

  it('discovers and scans without opening a socket or starting a process; results and cache work', async () => {
    const home = path.join(tmp, 'home');
    const ws = path.join(tmp, 'ws');
    plant(home, {
      '.vscode/extensions/anthropic.claude-code-2.1.196/package.json': { json: { name: 'claude-code', publisher: 'Anthropic', version: '2.1.196' } },
      '.vscode/extensions/anthropic.claude-code-2.1.196/resources/native-binary/claude': { exe: bunExe() },
    });
    plant(ws, {
      'package.json': { json: { name: 'app', dependencies: { '@google/gemini-cli': '1.0.0' } } },
      'node_modules/@google/gemini-cli/package.json': { json: { name: '@google/gemini-cli', version: '1.0.0', bin: { gemini: 'cli.js' } } },
      'node_modules/@google/gemini-cli/cli.js': benignJs,
      'extra/tool.js': evilJs,
    });
    const request = {
      home, env: { PATH: '' }, platform: 'linux' as const, workspaces: [ws], extensionRoots: [], extraPaths: [path.join(ws, 'extra', 'tool.js')],
      excludedAgents: [], maxFileBytes: 64 * 1024 * 1024, storage: path.join(tmp, 'storage'),
    };
    const run = async () => {
      const messages: ScanMessage[] = [];
      await runScan(request, (m) => messages.push(m));
      return messages;
    };
    const first = await run();
    const done = first.find((m) => m.type === 'done') as Extract<ScanMessage, { type: 'done' }>;
    assert.ok(done, JSON.stringify(first.find((m) => m.type === 'error')));
    assert.deepStrictEqual(done.attempts, []);
    const verdicts = first.filter((m): m is Extract<ScanMessage, { type: 'target' }> => m.type === 'target').map((m) => `${m.result.agent?.id} ${m.result.verdict}`).sort();
    assert.deepStrictEqual(verdicts, ['@google/gemini-cli trusted', 'anthropic.claude-code untrusted', 'tool.js untrusted']);
    // The second run finds every file in the index (path, size, mtime): same results.
    const second = await run();
    const again = second.filter((m): m is Extract<ScanMessage, { type: 'target' }> => m.type === 'target').map((m) => `${m.result.agent?.id} ${m.result.verdict} ${m.result.findings.length}`).sort();
    assert.deepStrictEqual(again, first.filter((m): m is Extract<ScanMessage, { type: 'target' }> => m.type === 'target').map((m) => `${m.result.agent?.id} ${m.result.verdict} ${m.result.findings.length}`).sort());
  });

  it('excluded agents are not scanned', async () => {
    const home = path.join(tmp, 'home2');
    plant(home, { '.vscode/extensions/github.copilot-1.0.0/package.json': { json: { name: 'copilot', publisher: 'GitHub', version: '1.0.0' } } });
    const messages: ScanMessage[] = [];
    await runScan({ home, env: {}, platform: 'linux', workspaces: [], extensionRoots: [], extraPaths: [], excludedAgents: ['github.copilot'], maxFileBytes: 1e8 }, (m) => messages.push(m));
    assert.deepStrictEqual((messages[0] as Extract<ScanMessage, { type: 'discovered' }>).agents, []);
  });
});

describe('extension: reprinting minified code', () => {
  it('reprints a function readably and marks the flagged line', () => {
    const out = reprint('function a(e){if(e===1)return"x";return e.replace(/-/g,"/")}');
    assert.match(out, /function a\(e\) \{\n {2}if \(e === 1\) return "x";\n {2}return e\.replace/);
    const marked = mark(out, 'e.replace(/-/g,"/")');
    assert.match(marked, /^\/\*▶\*\/ +return e\.replace/m);
  });

  it('reprints methods and object members, and falls back to loose parsing', () => {
    assert.match(reprint('get x(){return 1}'), /get x\(\) \{/);
    assert.match(reprint('a: 1, b: 2'), /a: 1/);
    assert.match(reprint('if (a) { b(); '), /if \(a\)/);
  });
});

describe('extension: recommending Agent X-Ray', () => {
  it('adds the id to recommendations, keeping comments and formatting', () => {
    const text = '{\n  // Our team\'s extensions\n  "recommendations": [\n    "dbaeumer.vscode-eslint" // linting\n  ]\n}\n';
    const out = addRecommendation(text, 'agent-xray.agent-xray');
    assert.match(out, /\/\/ Our team's extensions/);
    assert.match(out, /"dbaeumer\.vscode-eslint" \/\/ linting/);
    assert.deepStrictEqual(JSON.parse(out.replace(/\/\/.*$/gm, '')).recommendations, ['agent-xray.agent-xray', 'dbaeumer.vscode-eslint']);
    assert.strictEqual(addRecommendation(out, 'Agent-Xray.agent-xray'), out, 'already there, in any case');
  });

  it('creates the list when the file has none', () => {
    assert.deepStrictEqual(JSON.parse(addRecommendation('{ "unwantedRecommendations": [] }', 'agent-xray.agent-xray')).recommendations, ['agent-xray.agent-xray']);
  });
});
