// A fixed-seed fuzz run in CI: mutated fixtures never make the engine throw or hang.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { scanText } from '../../src/engine/scan';
import { random } from './bundle';
import { fuzz, mutate } from './fuzz';

describe('fuzzing (fixed seed)', function () {
  this.timeout(300_000);

  it('the generator and mutations are deterministic for a seed', () => {
    const a = random(7);
    const b = random(7);
    assert.deepStrictEqual([a(), a(), a()], [b(), b(), b()]);
    assert.strictEqual(mutate('const x = 1;', random(3)), mutate('const x = 1;', random(3)));
  });

  it('3,000 mutated inputs: no throw, no scan over 10 s', () => {
    const r = fuzz(20261122, 3000);
    console.log(`      ${(r.bytes / 1e6).toFixed(1)} MB in ${(r.ms / 1000).toFixed(1)} s`);
    assert.deepStrictEqual(r.failures.map((f) => `#${f.iteration} ${f.input}: ${f.problem} (${f.file})`), []);
  });
});

describe('fuzzing: regressions', () => {
  // Each file is an input a fuzz run once failed on; it must scan without throwing.
  const dir = path.join(__dirname, 'regressions');
  for (const f of readdirSync(dir)) {
    it(f, () => {
      const r = scanText(readFileSync(path.join(dir, f), 'utf8'), { file: f });
      assert.ok(Array.isArray(r.findings));
    });
  }
});
