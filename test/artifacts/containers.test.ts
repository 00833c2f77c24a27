// Executables and archives built by the tests in each real layout: Bun module
// graphs (ELF section, early ELF virtual address, appended data, Mach-O, PE;
// 36- and 52-byte entries), Node SEA blobs (ELF note, Mach-O section, PE
// resource), .vsix files, native code, and damaged or hostile input.
import * as assert from 'assert';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, chmodSync, mkdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as yazl from 'yazl';
import { scanTargets } from '../../src/scanner/scanTargets';
import type { TargetResult } from '../../src/report/model';
import { bunPayload, elf, elfNote, lengthPrefixed, macho, pe, seaBlob, u64, universal } from './builders';

const fixtures = path.join(__dirname, '..', 'fixtures');
const evil = readFileSync(path.join(fixtures, 'fingerprinting', 'esbuild-xor.js'), 'latin1');
const benign = readFileSync(path.join(fixtures, 'benign', 'date-display.js'), 'latin1');
const napi = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60)]);

const graph = (opts?: Parameters<typeof bunPayload>[1], prefix = '/$bunfs/root/') => bunPayload([
  { name: `${prefix}cli.js`, contents: evil, bytecode: true },
  { name: `${prefix}helper.js`, contents: benign },
  { name: `${prefix}addon.node`, contents: napi, loader: 10, encoding: 0 },
], opts);

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-containers-')); });
after(() => rmSync(tmp, { recursive: true, force: true }));

async function scan(name: string, bytes: Buffer): Promise<TargetResult> {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  const { targets } = await scanTargets([file]);
  return targets[0];
}

function assertEmbedded(t: TargetResult, container: string, module: string): void {
  assert.strictEqual(t.verdict, 'untrusted', `${container}: ${t.notAnalysed.join('; ')}`);
  const f = t.findings.find((x) => x.severity === 'critical')!;
  assert.deepStrictEqual([f.file, f.member], [path.join(tmp, container), module]);
  assert.ok(f.line >= 1 && f.column >= 1);
}

describe('containers: Bun single-file executables', () => {
  const cases: Array<[string, () => Buffer, string]> = [
    ['ELF, .bun section, 52-byte entries, 32-byte offsets', () => elf([{ name: '.text', data: Buffer.alloc(256) }, { name: '.bun', data: lengthPrefixed(graph()) }]), '/$bunfs/root/cli.js'],
    ['ELF, .bun section, 36-byte entries, 24-byte offsets', () => elf([{ name: '.bun', data: lengthPrefixed(graph({ entrySize: 36, offsetsSize: 24 })) }]), '/$bunfs/root/cli.js'],
    ['Mach-O, __BUN,__bun', () => macho('__BUN', '__bun', lengthPrefixed(graph())), '/$bunfs/root/cli.js'],
    ['Mach-O, older u32 length prefix', () => { const g = graph(); const n = Buffer.alloc(4); n.writeUInt32LE(g.length); return macho('__BUN', '__bun', Buffer.concat([n, g])); }, '/$bunfs/root/cli.js'],
    ['PE, .bun section, Windows paths', () => pe([{ name: '.text', data: Buffer.alloc(512) }, { name: '.bun', data: lengthPrefixed(graph({}, 'B:/~BUN/root/')) }]), 'B:/~BUN/root/cli.js'],
  ];

  for (const [name, build, module] of cases) {
    it(`${name}: the embedded modules are scanned and named`, async () => {
      const t = await scan(`bun-${name.replace(/\W+/g, '-')}`, build());
      assertEmbedded(t, `bun-${name.replace(/\W+/g, '-')}`, module);
      assert.match(t.notAnalysed.join('\n'), /addon\.node: native addon, no JavaScript inside/);
      assert.ok(Object.keys(t.contents).some((k) => k.startsWith('Bun executable')), JSON.stringify(t.contents));
      assert.strictEqual(t.contents['Bun module (JavaScript)'].count, 2);
    });
  }

  it('universal Mach-O: each slice is read', async () => {
    const t = await scan('bun-universal', universal([macho('__TEXT', '__text', Buffer.alloc(64)), macho('__BUN', '__bun', lengthPrefixed(graph()))]));
    assert.strictEqual(t.verdict, 'untrusted');
    assert.ok(t.findings.some((f) => f.file === path.join(tmp, 'bun-universal') && f.member === 'slice1!/$bunfs/root/cli.js'));
    assert.match(t.notAnalysed.join('\n'), /slice0: native code/);
  });

  it('early ELF: the .bun section holds a virtual address of the data', async () => {
    const payload = lengthPrefixed(graph());
    // Lay out once to learn where .data lands, then point .bun at it.
    const probe = elf([{ name: '.bun', data: Buffer.alloc(8) }, { name: '.data', data: payload }]);
    const dataAt = probe.indexOf(payload);
    const t = await scan('bun-early', elf([{ name: '.bun', data: u64(0x400000 + dataAt) }, { name: '.data', data: payload }]));
    assertEmbedded(t, 'bun-early', '/$bunfs/root/cli.js');
  });

  it('older Linux builds: the graph appended to the executable, the file ending with its size', async () => {
    const base = elf([{ name: '.text', data: Buffer.alloc(128) }]);
    const body = Buffer.concat([base, graph({ entrySize: 36, offsetsSize: 24 })]);
    const t = await scan('bun-appended', Buffer.concat([body, u64(body.length + 8)]));
    assertEmbedded(t, 'bun-appended', '/$bunfs/root/cli.js');
  });

  it('the trailer text elsewhere in the file is not taken for a graph', async () => {
    const t = await scan('bun-runtime-literal', elf([{ name: '.rodata', data: Buffer.from('runtime\n---- Bun! ----\nmore') }]));
    assert.strictEqual(t.verdict, 'unscannable');
    assert.match(t.notAnalysed[0], /native code, no JavaScript inside/);
  });
});

describe('containers: Node single-executable applications', () => {
  const blob = () => seaBlob(evil, { assets: { 'lib/extra.js': benign, 'logo.txt': 'hi' } });
  const cases: Array<[string, () => Buffer]> = [
    ['ELF note', () => elf([{ name: '.note.sea', type: 7, data: elfNote('NODE_SEA_BLOB', 0, blob()) }])],
    ['Mach-O NODE_SEA segment', () => macho('NODE_SEA', '__NODE_SEA_BLOB', blob())],
    ['PE RT_RCDATA resource', () => pe([{ name: '.text', data: Buffer.alloc(512) }], { name: 'NODE_SEA_BLOB', data: blob() })],
  ];
  for (const [name, build] of cases) {
    it(`${name}: the main script and JS assets are scanned`, async () => {
      const file = `sea-${name.replace(/\W+/g, '-')}`;
      const t = await scan(file, build());
      assertEmbedded(t, file, 'app.js');
      assert.strictEqual(t.contents['SEA asset (JavaScript)'].count, 1);
      assert.strictEqual(t.contents['SEA asset (not JavaScript)'].count, 1);
    });
  }

  it('a V8 snapshot without source says so', async () => {
    const t = await scan('sea-snapshot', elf([{ name: '.note.sea', type: 7, data: elfNote('NODE_SEA_BLOB', 0, seaBlob('\x00snapshot', { snapshot: true })) }]));
    assert.strictEqual(t.verdict, 'unscannable');
    assert.match(t.notAnalysed.join('\n'), /V8 startup snapshot, no source/);
  });
});

describe('containers: native code', () => {
  it('is unscannable, with a strings-level look that is never untrusted', async () => {
    const t = await scan('native-tool', elf([{ name: '.rodata', data: Buffer.from('\0Asia/Shanghai\0Asia/Urumqi\0https://api.example.com\0') }]));
    assert.strictEqual(t.verdict, 'unscannable');
    assert.match(t.notAnalysed[0], /native code, no JavaScript inside/);
    assert.deepStrictEqual(t.findings.map((f) => [f.ruleId, f.severity]), [['native-strings', 'low']]);
    assert.match(t.findings[0].message, /Asia\/Shanghai, Asia\/Urumqi/);
  });

  it('a whole zone database in the strings is not evidence', async () => {
    const zones = ['Abidjan', 'Accra', 'Algiers', 'Cairo', 'Lagos', 'Nairobi', 'Tunis', 'Windhoek'].flatMap((c) => ['Africa', 'Europe', 'Asia', 'America', 'Pacific', 'Indian'].map((a) => `${a}/${c}`));
    const t = await scan('native-tzdb', elf([{ name: '.rodata', data: Buffer.from(zones.join('\0')) }]));
    assert.deepStrictEqual(t.findings, []);
  });
});

describe('containers: packages with bundled executables', () => {
  it('a package folder is its JS chunks, extensionless scripts and the executables it bundles', async () => {
    const dir = path.join(tmp, 'pkg');
    mkdirSync(path.join(dir, 'vendor', 'linux', 'bin'), { recursive: true });
    mkdirSync(path.join(dir, 'bin'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'some-agent', version: '1.0.0', main: 'lib/gone', bin: { agent: 'bin/agent', helper: 'bin/helper' } }));
    writeFileSync(path.join(dir, 'bin', 'agent'), '#!/usr/bin/env node\nrequire("../dist/chunk.js");\n');
    chmodSync(path.join(dir, 'bin', 'agent'), 0o755);
    writeFileSync(path.join(dir, 'bin', 'helper'), '#!/usr/bin/env node\nrequire("../dist/chunk.js");\n'); // not marked executable: found as an entry point
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'chunk.js'), benign);
    writeFileSync(path.join(dir, 'dist', 'chunk.js.map'), '{}');
    writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
    const exe = path.join(dir, 'vendor', 'linux', 'bin', 'agent-native');
    writeFileSync(exe, elf([{ name: '.bun', data: lengthPrefixed(graph()) }]));
    chmodSync(exe, 0o755);
    const { targets: [t] } = await scanTargets([dir]);
    assert.strictEqual(t.kind, 'package');
    assert.strictEqual(t.files, 4, 'bin/agent, bin/helper, dist/chunk.js and the executable; no map, no LICENSE');
    assert.strictEqual(t.verdict, 'untrusted');
    assert.ok(t.findings.some((f) => f.file === exe && f.member === '/$bunfs/root/cli.js'));
    assert.strictEqual(t.contents['JavaScript file'].count, 3);
    assert.match(t.notAnalysed.join('\n'), /lib\/gone: entry point named in package.json is missing/);
  });
});

function zip(file: string, entries: Record<string, Buffer | string>, compress = true): Promise<void> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, data] of Object.entries(entries)) z.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name, { compress });
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => { writeFileSync(file, Buffer.concat(chunks)); resolve(); }).on('error', reject);
  });
}

describe('containers: .vsix', () => {
  it('is scanned in place: JS entries and bundled executables, with the zip path in findings', async () => {
    const file = path.join(tmp, 'agent.vsix');
    await zip(file, {
      'extension.vsixmanifest': '<PackageManifest/>',
      'extension/package.json': JSON.stringify({ name: 'agent', publisher: 'acme', version: '2.0.0' }),
      'extension/dist/extension.js': benign,
      'extension/resources/native-binary/agent': elf([{ name: '.bun', data: lengthPrefixed(graph()) }]),
    });
    const { targets: [t] } = await scanTargets([file]);
    assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
    assert.deepStrictEqual([t.kind, t.agent?.id, t.agent?.version], ['package', 'acme.agent', '2.0.0']);
    assert.ok(t.findings.some((f) => f.file === file && f.member === 'extension/resources/native-binary/agent!/$bunfs/root/cli.js'));
    assert.strictEqual(t.contents['zip entry (JavaScript)'].count, 1);
  });

  it('the inline scripts of a webview page inside are read, at the page\'s lines; a page without any is skipped', async () => {
    const file = path.join(tmp, 'webview.vsix');
    await zip(file, {
      'extension/package.json': JSON.stringify({ name: 'panel', publisher: 'acme', version: '1.0.0' }),
      'extension/dist/extension.js': benign,
      'extension/media/panel.html': `<!doctype html>\n<body>\n<script>\n${evil}\n</script>\n</body>\n`,
      'extension/media/about.html': '<p>About</p>\n',
    });
    const { targets: [t] } = await scanTargets([file]);
    assert.strictEqual(t.verdict, 'untrusted');
    assert.ok(t.findings.some((f) => f.member === 'extension/media/panel.html' && f.line > 2));
    assert.strictEqual(t.contents['inline scripts of a page'].count, 1);
  });

  it('a truncated archive gives a reason', async () => {
    const file = path.join(tmp, 'broken.vsix');
    await zip(file, { 'extension/dist/a.js': evil });
    truncateSync(file, 100);
    const { targets: [t] } = await scanTargets([file]);
    assert.strictEqual(t.verdict, 'unscannable');
    assert.match(t.notAnalysed[0], /damaged zip/);
  });

  it('a zip bomb is not inflated', async function () {
    this.timeout(60_000);
    const file = path.join(tmp, 'bomb.vsix');
    await zip(file, { 'extension/dist/bomb.js': Buffer.alloc(150 * 1024 * 1024, 0x20), 'extension/dist/ok.js': evil });
    const before = process.memoryUsage().rss;
    const { targets: [t] } = await scanTargets([file]);
    assert.match(t.notAnalysed.join('\n'), /zip bomb/);
    assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024, 'memory stays bounded');
  });
});

describe('containers: damaged and lying executables', () => {
  const good = () => elf([{ name: '.bun', data: lengthPrefixed(graph()) }]);
  const cases: Array<[string, () => Buffer, RegExp]> = [
    ['truncated in the middle', () => good().subarray(0, 300), /outside|section|damaged|no valid/],
    ['section headers past the end', () => { const b = good(); b.writeBigUInt64LE(BigInt(b.length + 4096), 40); return b; }, /outside/],
    ['a payload length larger than the file', () => { const b = good(); const at = b.indexOf(lengthPrefixed(graph()).subarray(0, 16)); b.writeBigUInt64LE(0xffffffffn, at); return b; }, /no valid Bun module graph/],
    ['a module pointing past the payload', () => {
      const g = graph();
      const table = g.length - 16 - 32 - 3 * 52;
      g.writeUInt32LE(0x7fffffff, table + 12); // first module's contents length
      return elf([{ name: '.bun', data: lengthPrefixed(g) }]);
    }, /no valid Bun module graph/],
    ['a SEA blob whose main script claims 2^40 bytes', () => {
      const b = seaBlob(evil);
      b.writeBigUInt64LE(1n << 40n, 8 + 8 + 6);
      return elf([{ name: '.note.sea', type: 7, data: elfNote('NODE_SEA_BLOB', 0, b) }]);
    }, /claims \d+ bytes, more than the blob holds/],
  ];
  for (const [name, build, reason] of cases) {
    it(`${name}: a clear reason, no crash`, async () => {
      const t = await scan(`bad-${name.replace(/\W+/g, '-')}`, build());
      assert.strictEqual(t.verdict, 'unscannable');
      assert.match(t.notAnalysed.join('\n'), reason);
    });
  }
});
