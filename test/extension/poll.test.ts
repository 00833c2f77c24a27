// pollFile: the fallback for a silent file watcher, on real files.
import * as assert from 'assert';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pollFile } from '../../src/extension/poll';

const INTERVAL = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, done: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) assert.fail(`no ${what} within ${timeoutMs} ms`);
    await sleep(INTERVAL);
  }
}

describe('extension: polling a file', () => {
  let dir: string;
  let stop: (() => void) | undefined;
  beforeEach(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'xray-poll-')); });
  afterEach(() => { stop?.(); rmSync(dir, { recursive: true, force: true }); });

  it('a missing file is not a change; its creation, a change and its removal are, each with its time', async () => {
    const file = path.join(dir, '.agent-xray.json');
    const calls: number[] = [];
    stop = pollFile(file, INTERVAL, (at) => calls.push(at));
    await sleep(INTERVAL * 10);
    assert.deepStrictEqual(calls, []);

    writeFileSync(file, '{}');
    await until('call for the creation', () => calls.length === 1);
    assert.strictEqual(calls[0], statSync(file).ctimeMs);

    await sleep(20);
    writeFileSync(file, '{ "failOn": "review" }');
    await until('call for the change', () => calls.length === 2);
    assert.strictEqual(calls[1], statSync(file).ctimeMs);
    assert.ok(calls[1] > calls[0]);

    const removed = Date.now();
    rmSync(file);
    await until('call for the removal', () => calls.length === 3);
    assert.ok(calls[2] >= removed, `${calls[2]} < ${removed}`);
  });

  it('stops when asked', async () => {
    const file = path.join(dir, 'package.json');
    const calls: number[] = [];
    pollFile(file, INTERVAL, (at) => calls.push(at))();
    writeFileSync(file, '{}');
    await sleep(INTERVAL * 10);
    assert.deepStrictEqual(calls, []);
  });
});
