// The evasion suite: the incident's mechanism rewritten to dodge the rules
// (test/fixtures/evasion). Each variant is either detected, or at least not
// silent: a lower-severity finding says what could not be followed. docs/hardening.md
// lists the same outcomes.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { scanText } from '../../src/engine/scan';
import { verdictOf, type Verdict } from '../../src/engine/types';

const dir = path.join(__dirname, '..', 'fixtures', 'evasion');

/** What each variant gives today: the verdict and the rules that fire. */
export const EVASIONS: Record<string, { verdict: Verdict; rules: string[]; note: string }> = {
  'split-modules.js': { verdict: 'untrusted', rules: ['covert-channel', 'geo-org-comparison'], note: 'zone read, list and check in three __commonJS modules (`module.exports.zone = …`)' },
  'reflect-map.js': { verdict: 'untrusted', rules: ['covert-channel', 'geo-org-comparison'], note: 'an object map of functions, `Reflect.apply`, `Reflect.get(…, "timeZone")`' },
  'computed-names.js': { verdict: 'untrusted', rules: ['concealed-table', 'covert-channel', 'geo-org-comparison'], note: '`["resolved","Options"].join("")`, `"time" + "Zone"`, computed object keys' },
  'getters.js': { verdict: 'untrusted', rules: ['covert-channel', 'geo-org-comparison'], note: 'source and comparison behind class getters' },
  'call-apply-bind.js': { verdict: 'untrusted', rules: ['covert-channel', 'geo-org-comparison'], note: '`fn.call(ctx)`, `isOneOf.bind({ value })`, `check.apply(null, [list])`' },
  'async-chain.js': { verdict: 'untrusted', rules: ['covert-channel', 'geo-org-comparison'], note: 'a promise chain `.then(...).then(async ...)` and `await`' },
  'generators.js': { verdict: 'untrusted', rules: ['covert-channel', 'geo-org-comparison'], note: 'the zone yielded by a generator and destructured' },
  'proxy.js': { verdict: 'untrusted', rules: ['covert-channel', 'geo-org-comparison'], note: 'a `Proxy` get trap returning the zone for any property' },
  'loop-building.js': { verdict: 'untrusted', rules: ['covert-channel'], note: 'zone names built with `String.fromCharCode` in nested loops' },
  'rot13.js': { verdict: 'untrusted', rules: ['concealed-table', 'covert-channel', 'geo-org-comparison'], note: 'the host list in rot13' },
  'custom-alphabet.js': { verdict: 'untrusted', rules: ['covert-channel'], note: 'the zone list in a custom substitution alphabet' },
  'codepoint-arithmetic.js': { verdict: 'untrusted', rules: ['covert-channel', 'geo-org-comparison'], note: 'the apostrophe made by `String.fromCodePoint(0x27 + …)`' },
  'intl-format.js': { verdict: 'untrusted', rules: ['covert-channel', 'geo-org-comparison'], note: 'the date format switched through `toLocaleDateString` locale and options' },
};

describe('hardening: the evasion suite', () => {
  it('has an expected outcome for every variant', () => {
    assert.deepStrictEqual(readdirSync(dir).sort(), Object.keys(EVASIONS).sort());
  });

  for (const [file, expected] of Object.entries(EVASIONS)) {
    it(`${file}: ${expected.verdict} (${expected.rules.join(', ')})`, () => {
      const r = scanText(readFileSync(path.join(dir, file), 'utf8'), { file });
      assert.strictEqual(r.error, undefined);
      assert.strictEqual(verdictOf(r.findings), expected.verdict);
      assert.deepStrictEqual([...new Set(r.findings.map((f) => f.ruleId))].sort(), [...expected.rules].sort());
      // Never silent: at least a medium finding, pointing into the file.
      assert.ok(r.findings.some((f) => f.severity !== 'low' && f.severity !== 'info' && f.line > 1));
    });
  }
});
