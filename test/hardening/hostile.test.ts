// Hostile input: each case ends with a result or a per-target reason, in
// bounded time, without a crash. (The mocha timeout is the hang detector; the
// times are printed, not asserted.)
import * as assert from 'assert';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openFile } from '../../src/artifacts/contents';
import { scanFile } from '../../src/scanner/scanTargets';
import { scanText } from '../../src/engine/scan';
import { verdictOf } from '../../src/engine/types';
import { bunPayload, elf, lengthPrefixed } from '../artifacts/builders';

const zone = 'const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\n';

describe('hostile input', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-hostile-')); });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const cases: Array<[string, () => string, (r: ReturnType<typeof scanText>) => void]> = [
    ['a 64 MB string literal', () => `${zone}const s = "${'x'.repeat(64 * 1024 * 1024)}"; if (tz === "Asia/Tokyo") s;`, (r) => assert.ok(!r.error)],
    ['an array of a million numbers', () => `${zone}const a = [${Array.from({ length: 1_000_000 }, (_, i) => i).join(',')}]; a.includes(tz);`, (r) => assert.ok(!r.error)],
    ['a million tiny functions', () => Array.from({ length: 1_000_000 }, (_, i) => `function f${i}(){}`).join(''), (r) => assert.strictEqual(verdictOf(r.findings), 'trusted')],
    ['catastrophic regular expressions over constants', () => `${zone}const evil = /^(a+)+$/; const text = "${'a'.repeat(40)}!"; if (evil.test(text) || text.match(/^(a|aa)+$/)) tz; const big = /${'(x|y)'.repeat(2000)}/; big.test(tz);`, (r) => assert.ok(!r.error)],
    ['lone surrogates and BOM', () => `\uFEFF${zone}const s = "\\uD800" + "\\uDFFF"; if (tz === "Asia/Shanghai") s;`, (r) => assert.ok(r.findings.some((f) => /Asia\/Shanghai/.test(f.message)))],
    ['deep but legal nesting of functions', () => `${'(function(){'.repeat(3000)}${zone}${'})()'.repeat(3000)}`, (r) => assert.ok(r.error === undefined || /nesting too deep/.test(r.error))],
    ['a chain of 2,000 string concatenations', () => `${zone}const s = ${Array.from({ length: 2_000 }, (_, i) => `"p${i}"`).join('+')}; s.includes(tz);`, (r) => assert.ok(!r.error)],
    // acorn parses a + b + c ... recursively: a 50,000-long chain exceeds the stack; the target says so (a documented limit).
    ['a chain of 50,000 string concatenations', () => `${zone}const s = ${Array.from({ length: 50_000 }, (_, i) => `"p${i}"`).join('+')}; s.includes(tz);`, (r) => assert.match(r.error ?? '', /nesting too deep to parse/)],
    ['a decoder loop that never ends', () => `${zone}function d(s){let o="";for(let i=0;;i++){o+=String.fromCharCode(s.charCodeAt(i%s.length)^7)}return o} if (d("abc") === tz) 1;`, (r) => assert.ok(!r.error)],
  ];
  for (const [name, make, check] of cases) {
    it(`${name}: a result, no crash`, () => {
      const text = make();
      const started = performance.now();
      const r = scanText(text, { file: name });
      console.log(`      ${(text.length / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s${r.error ? `: ${r.error}` : ''}`);
      check(r);
    });
  }

  it('invalid UTF-8 with lone surrogates encoded as bytes is replaced and reported', async () => {
    const file = path.join(tmp, 'surrogates.js');
    writeFileSync(file, Buffer.concat([Buffer.from(`${zone}const s = "`), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"; if (tz === "Asia/Shanghai") s;')]));
    const { results } = await scanFile(file);
    assert.match(results[0].notAnalysed.join('\n'), /invalid UTF-8/);
    assert.ok(results[0].findings.some((f) => /Asia\/Shanghai/.test(f.message)));
  });

  it('an executable that shrinks between opening and reading gives a reason', async () => {
    const file = path.join(tmp, 'shrinking');
    writeFileSync(file, elf([{ name: '.bun', data: lengthPrefixed(bunPayload([{ name: '/$bunfs/root/cli.js', contents: zone }])) }]));
    const contents = await openFile(file);
    try {
      truncateSync(file, 200);
      await assert.rejects(() => contents.units[0].read(), /ended at|outside/);
    } finally {
      contents.close();
    }
  });

  it('a file that grows while it is scanned is scanned as it was read', async () => {
    const file = path.join(tmp, 'growing.js');
    writeFileSync(file, `${zone}if (tz === "Asia/Shanghai") 1;`);
    const pending = scanFile(file);
    writeFileSync(file, `${zone}if (tz === "Asia/Shanghai") 1;\n${'// more\n'.repeat(100_000)}`, { flag: 'a' });
    const { results } = await pending;
    assert.ok(results.length === 1 && !results[0].error);
  });
});
