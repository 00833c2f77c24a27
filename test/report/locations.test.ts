// Where a finding is, as structured fields: the file on disk, the member
// inside an executable or archive, and whether the code was decoded at run
// time. Every output reads the fields; none takes a string apart.
import * as assert from 'assert';
import { memberOf, placeIn } from '../../src/artifacts/contents';
import { placeLabel, type Finding } from '../../src/model/findings';
import type { ScanReport, TargetResult } from '../../src/model/report';
import { toJson } from '../../src/report/json';
import { toSarif } from '../../src/report/sarif';
import { toText } from '../../src/report/text';

const exe = '/opt/we!rd/claude';

function finding(place: Partial<Finding>): Finding {
  return {
    ruleId: 'covert-channel', severity: 'critical', summary: 'Changes the apostrophe in its prompt.', message: 'technical',
    file: exe, line: 3, column: 5, endLine: 3, endColumn: 9, evidence: { chain: [] }, ...place,
  };
}

describe('finding locations', () => {
  describe('memberOf and placeIn: a unit name is taken apart by the file it came from, not by its first "!"', () => {
    const cases: Array<[string, string, string | undefined]> = [
      [`${exe}!/$bunfs/root/cli.js`, exe, '/$bunfs/root/cli.js'],
      [`${exe}!slice1!/$bunfs/root/cli.js`, exe, 'slice1!/$bunfs/root/cli.js'],
      [exe, exe, undefined],
      ['/opt/other!x.js', exe, undefined],
      [`${exe}x!y.js`, exe, undefined],
    ];
    for (const [name, file, member] of cases) {
      it(`${name} in ${file}: ${member ?? 'no member'}`, () => {
        assert.strictEqual(memberOf(name, file), member);
        const placed = placeIn({ file: name, line: 1, column: 1 }, file);
        assert.deepStrictEqual(placed, member === undefined ? { file: name, line: 1, column: 1 } : { file, member, line: 1, column: 1 });
      });
    }
  });

  it('placeLabel: the member inside a container, the file otherwise (left out when it is the target), and decoded code said in words', () => {
    assert.strictEqual(placeLabel(finding({ member: '/$bunfs/root/cli.js' })), '/$bunfs/root/cli.js:3:5');
    assert.strictEqual(placeLabel(finding({ file: '/a/cli.js' })), '/a/cli.js:3:5');
    assert.strictEqual(placeLabel(finding({ file: '/a/cli.js' }), '/a/cli.js'), '3:5');
    assert.strictEqual(placeLabel(finding({ file: '/a/cli.js', decoded: true }), '/a/cli.js'), '3:5 (in code decoded at run time)');
  });

  describe('in the reports', () => {
    const plain = finding({ file: '/a/cli.js', line: 7, column: 2 });
    const embedded = finding({ member: '/$bunfs/root/cli.js' });
    const decoded = finding({ file: '/a/cli.js', decoded: true, line: 1, column: 1 });
    const target: TargetResult = { path: '/a', kind: 'folder', agent: null, verdict: 'untrusted', bytes: 1, ms: 1, files: 2, contents: {}, findings: [plain, embedded, decoded], sends: [], notAnalysed: [] };
    const report: ScanReport = { version: 2, tool: { name: 'agent-xray', version: 'test' }, targets: [target] };

    it('JSON: file is the file on disk; member and decoded only where they apply', () => {
      const [p, e, d] = JSON.parse(toJson(report)).targets[0].findings;
      assert.deepStrictEqual([p.file, p.member, p.decoded], ['/a/cli.js', undefined, undefined]);
      assert.deepStrictEqual([e.file, e.member, e.decoded], [exe, '/$bunfs/root/cli.js', undefined]);
      assert.deepStrictEqual([d.file, d.member, d.decoded], ['/a/cli.js', undefined, true]);
    });

    it('SARIF: a region only where line and column are in the file itself; the place inside otherwise in the message and properties', () => {
      const [p, e, d] = JSON.parse(toSarif(report)).runs[0].results;
      assert.deepStrictEqual(p.locations[0].physicalLocation.region, { startLine: 7, startColumn: 2, endLine: 3, endColumn: 9 });
      assert.match(p.locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/\/a\/cli\.js$/);
      assert.strictEqual(e.locations[0].physicalLocation.region, undefined);
      assert.strictEqual(e.locations[0].physicalLocation.artifactLocation.uri, 'file:///opt/we!rd/claude');
      assert.strictEqual(e.properties.member, '/$bunfs/root/cli.js');
      assert.match(e.message.text, /\(at \/\$bunfs\/root\/cli\.js:3:5\)$/);
      assert.strictEqual(d.locations[0].physicalLocation.region, undefined);
      assert.match(d.message.text, /\(at \/a\/cli\.js:1:1 \(in code decoded at run time\)\)$/);
    });

    it('text: each finding at its place', () => {
      const text = toText(report, { color: false });
      assert.match(text, /covert-channel \/a\/cli\.js:7:2\n/);
      assert.match(text, /covert-channel \/\$bunfs\/root\/cli\.js:3:5\n/);
      assert.match(text, /covert-channel \/a\/cli\.js:1:1 \(in code decoded at run time\)\n/);
    });
  });
});
