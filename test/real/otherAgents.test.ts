// Real artifacts: a whole agent package made of many chunks and bundled native
// tools, which carries no covert fingerprinting and must stay quiet. The other
// agents (Gemini CLI among them) are judged by `npm run corpus`.
import * as assert from 'assert';
import { fetchPackage } from '../../bench/realPackages';
import { scanTargets } from '../../src/scanner/scanTargets';

describe('real artifacts: other agents', function () {
  this.timeout(900_000);

  for (const [spec, minFiles] of [['@qwen-code/qwen-code@0.15.10', 5]] as const) {
    it(`${spec}: the whole package scans without an untrusted verdict`, async function () {
      const pkg = fetchPackage(spec);
      if (!pkg.dir) {
        console.log(`      skipped: ${pkg.reason}`);
        this.skip();
      }
      const { targets: [t] } = await scanTargets([pkg.dir!]);
      assert.strictEqual(t.kind, 'package');
      assert.notStrictEqual(t.verdict, 'untrusted', t.findings.filter((f) => f.severity === 'critical').map((f) => f.message).join('\n'));
      assert.notStrictEqual(t.verdict, 'unscannable');
      assert.ok(t.contents['JavaScript file'].count >= minFiles, JSON.stringify(t.contents));
    });
  }
});
