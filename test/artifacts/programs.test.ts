// Reading the whole program, in the layouts real agents ship: Node SEA blobs of
// Node 20, 24 and 25 with exec-argv and archive assets, Bun modules in
// UTF-16LE, Latin-1 and the file loader, executables nested in executables,
// dot-named and hard-linked binaries, platform packages, launchers and stubs.
// A target whose program was not read must never be `trusted`.
import * as assert from 'assert';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { brotliCompressSync, gzipSync } from 'zlib';
import * as yazl from 'yazl';
import { inlineScripts, isLauncherText } from '../../src/artifacts/contents';
import { judgeCoverage, type CoveredFile } from '../../src/artifacts/coverage';
import { scanTargets } from '../../src/scanner/scanTargets';
import { toJson } from '../../src/report/json';
import type { TargetResult } from '../../src/report/model';
import { toSarif } from '../../src/report/sarif';
import { toText } from '../../src/report/text';
import { bunPayload, elf, elfNote, lengthPrefixed, seaBlob, tar } from './builders';

const fixtures = path.join(__dirname, '..', 'fixtures');
const evil = readFileSync(path.join(fixtures, 'fingerprinting', 'esbuild-xor.js'), 'latin1');
const benign = readFileSync(path.join(fixtures, 'benign', 'date-display.js'), 'latin1');
const launcher = `#!/usr/bin/env node
const { spawnSync } = require("child_process");
const bin = require.resolve(\`@acme/agent-\${process.platform}-\${process.arch}/bin/agent\`);
process.exit(spawnSync(bin, process.argv.slice(2), { stdio: "inherit" }).status);
`;

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-programs-')); });
after(() => rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, data: string | Buffer, mode = 0o644): string {
  const file = path.join(tmp, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  chmodSync(file, mode);
  return file;
}

async function scan(p: string): Promise<TargetResult> {
  return (await scanTargets([p])).targets[0];
}

const seaExe = (blob: Buffer) => elf([{ name: '.note.sea', type: 7, data: elfNote('NODE_SEA_BLOB', 0, blob) }]);
const bunExe = (modules: Parameters<typeof bunPayload>[0]) => elf([{ name: '.bun', data: lengthPrefixed(bunPayload(modules)) }]);
const critical = (t: TargetResult) => t.findings.filter((f) => f.severity === 'critical');

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [n, d] of Object.entries(files)) z.addBuffer(Buffer.from(d), n);
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('programs: Node single-executable applications of Node 20 to 25', () => {
  for (const node of [20, 24, 25] as const) {
    it(`Node ${node} layout with exec-argv: the main script and JS assets are read`, async () => {
      const blob = seaBlob(benign, { node, execArgv: ['--max-old-space-size=4096', '--no-warnings'], assets: { 'lib/cli.js': evil, 'logo.txt': 'hi' } });
      const t = await scan(write(`sea${node}`, seaExe(blob), 0o755));
      assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
      assert.ok(critical(t).every((f) => f.member === 'lib/cli.js'), critical(t).map((f) => f.member).join());
      assert.strictEqual(t.contents['SEA main script'].count, 1);
      assert.strictEqual(t.coverage?.program, 'read');
    });
  }

  it('a Node 25 ES-module main script is read', async () => {
    const t = await scan(write('sea25-esm', seaExe(seaBlob(`export const x = 1;\n${evil}`, { node: 25, module: true })), 0o755));
    assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
  });

  const archives: Array<[string, () => Promise<Buffer>]> = [
    ['tgz', async () => gzipSync(tar({ 'package/cli-main.js': evil, 'package/README.md': '# hi', [`package/${'deep/'.repeat(25)}util.js`]: benign }))],
    ['tar', async () => tar({ 'package/cli-main.js': evil })],
    ['zip', () => zipOf({ 'package/cli-main.js': evil, 'package/data.json': '{}' })],
  ];
  for (const [kind, build] of archives) {
    it(`the program in a ${kind} asset is unpacked in memory and read`, async () => {
      const blob = seaBlob('require("node:sea").getAsset("program");', { node: 24, assets: { [`program.${kind}`]: await build() } });
      const t = await scan(write(`sea-${kind}`, seaExe(blob), 0o755));
      assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
      assert.ok(critical(t).some((f) => f.member === `program.${kind}!package/cli-main.js`), critical(t).map((f) => f.member).join());
    });
  }

  it('a damaged archive asset is a reason, not a crash; the main script is still read', async () => {
    const bad = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(64, 0x41)]);
    const t = await scan(write('sea-badgz', seaExe(seaBlob(evil, { node: 24, assets: { 'p.tgz': bad } })), 0o755));
    assert.strictEqual(t.verdict, 'untrusted');
    assert.match(t.notAnalysed.join('\n'), /p\.tgz: damaged archive/);
  });

  it('a blob that no layout accounts for is a reason', async () => {
    const blob = seaBlob(evil, { node: 24 });
    const t = await scan(write('sea-lying', seaExe(Buffer.concat([blob.subarray(0, 10), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), blob.subarray(18)])), 0o755));
    assert.strictEqual(t.verdict, 'unscannable');
    assert.match(t.notAnalysed.join('\n'), /claims .* bytes|truncated|no known blob layout/);
  });
});

describe('programs: Bun module encodings, loaders and nesting', () => {
  it('a UTF-16LE module (stored with encoding byte 2) is decoded and read', async () => {
    const t = await scan(write('bun-utf16', bunExe([{ name: '/$bunfs/root/amp', contents: Buffer.from(evil, 'utf16le'), encoding: 2, loader: 1 }]), 0o755));
    assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
    assert.doesNotMatch(t.notAnalysed.join('\n'), /\0|Unexpected character/);
  });

  it('a Latin-1 module with characters above U+007F is read as Latin-1', async () => {
    const t = await scan(write('bun-latin1', bunExe([{ name: '/$bunfs/root/cli.js', contents: Buffer.from(`// caf\u00e9\n${evil}`, 'latin1'), encoding: 1 }]), 0o755));
    assert.strictEqual(t.verdict, 'untrusted');
    assert.deepStrictEqual(t.notAnalysed, []);
  });

  it('JavaScript stored with the file loader is read, and counted apart', async () => {
    const t = await scan(write('bun-file-loader', bunExe([
      { name: '/$bunfs/root/index.js', contents: benign },
      { name: '/$bunfs/root/web/app-1a2b.js', contents: evil, loader: 5, encoding: 0 },
    ]), 0o755));
    assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
    assert.strictEqual(t.contents['Bun module (JavaScript, file loader)'].count, 1);
  });

  it('file-loader scripts compressed with gzip are read; zstd ones are read where Node has zstd, else named', async () => {
    const zstdLike = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(256, 0x9c)]);
    const t = await scan(write('bun-compressed', bunExe([
      { name: '/$bunfs/root/index.js', contents: benign },
      { name: '/$bunfs/root/viewer.min.js', contents: gzipSync(evil), loader: 5, encoding: 0 },
      { name: '/$bunfs/root/mermaid.min.js', contents: zstdLike, loader: 5, encoding: 0 },
    ]), 0o755));
    assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
    assert.ok(critical(t).some((f) => f.member === '/$bunfs/root/viewer.min.js'));
    assert.match(t.notAnalysed.join('\n'), /mermaid\.min\.js: (zstd-compressed script; this Node has no zstd|cannot decompress)/);
  });

  it('binary data under a script name is a reason, not minutes of error recovery', async () => {
    const noise = Buffer.alloc(200_000);
    for (let i = 0; i < noise.length; i++) noise[i] = 0x80 + ((i * 7919) % 0x7f);
    const t = await scan(write('noise.js', noise));
    assert.strictEqual(t.verdict, 'unscannable');
    assert.match(t.notAnalysed.join('\n'), /binary data, not JavaScript text/);
  });

  it('a Bun executable nested in a Bun graph is read; a nested native one is listed', async () => {
    const inner = bunExe([{ name: '/$bunfs/root/inner.js', contents: evil }]);
    const native = elf([{ name: '.text', data: Buffer.alloc(4096, 0x90) }]);
    const t = await scan(write('bun-nested', bunExe([
      { name: '/$bunfs/root/cli.js', contents: benign },
      { name: '/$bunfs/root/helper-bin', contents: inner, loader: 5, encoding: 0 },
      { name: '/$bunfs/root/engine', contents: native, loader: 5, encoding: 0 },
    ]), 0o755));
    assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
    assert.ok(critical(t).some((f) => f.member === '/$bunfs/root/helper-bin!/$bunfs/root/inner.js'));
    assert.match(t.notAnalysed.join('\n'), /\/\$bunfs\/root\/engine: nested executable of 4\.\d kB, native code/);
  });
});

describe('programs: folders, platform packages, launchers and links', () => {
  const platformPackage = (dir: string, program: Buffer) => {
    write(`${dir}/package.json`, JSON.stringify({ name: path.basename(dir), version: '1.0.0', os: ['linux'], cpu: ['x64'] }));
    return write(`${dir}/bin/agent`, program, 0o755);
  };

  it('an executable dot-file (a postinstall link such as bin/.cline) is read', async () => {
    write('dot/package.json', JSON.stringify({ name: 'dot-agent', version: '1.0.0' }));
    write('dot/bin/.agent', bunExe([{ name: '/$bunfs/root/cli.js', contents: evil }]), 0o755);
    write('dot/bin/.gitignore', 'x\n');
    const t = await scan(path.join(tmp, 'dot'));
    assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
  });

  it("a launcher's platform package in its own node_modules is part of the target", async () => {
    write('own/package.json', JSON.stringify({ name: '@acme/agent', version: '1.0.0', bin: { agent: 'bin/agent.js' }, optionalDependencies: { '@acme/agent-linux-x64': '1.0.0', '@acme/agent-darwin-arm64': '1.0.0' } }));
    write('own/bin/agent.js', launcher, 0o755);
    platformPackage('own/node_modules/@acme/agent-linux-x64', bunExe([{ name: '/$bunfs/root/cli.js', contents: evil }]));
    const t = await scan(path.join(tmp, 'own'));
    assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
    assert.strictEqual(t.coverage?.program, 'read');
  });

  it('a platform package reached through a dependency (dependencies -> optionalDependencies) counts too', async () => {
    write('wrap/package.json', JSON.stringify({ name: '@acme/wrapper', version: '1.0.0', bin: { agent: 'cli.js' }, dependencies: { '@acme/cli': '1.0.0' } }));
    write('wrap/cli.js', launcher, 0o755);
    write('wrap/node_modules/@acme/cli/package.json', JSON.stringify({ name: '@acme/cli', version: '1.0.0', optionalDependencies: { '@acme/cli-linux-x64': '1.0.0' } }));
    platformPackage('wrap/node_modules/@acme/cli-linux-x64', bunExe([{ name: '/$bunfs/root/cli.js', contents: benign }]));
    const t = await scan(path.join(tmp, 'wrap'));
    assert.strictEqual(t.verdict, 'trusted', t.notAnalysed.join('; '));
    assert.strictEqual(t.coverage?.program, 'read');
  });

  it("a list compared with a constant another module gives, the outcome handed to a third module's helper, is followed there (a third analysis)", async () => {
    write('relink/package.json', JSON.stringify({ name: 'relink-agent', version: '1.0.0', type: 'module', main: 'main.js' }));
    write('relink/config.js', 'export default { zones: ["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"] };\n');
    write('relink/mark.js', 'export function mark(s, on) { return on ? s + "\\u200b" : s; }\n');
    write('relink/main.js', 'import cfg from "./config.js";\nimport { mark } from "./mark.js";\nconst tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nfetch("https://api.vendor.dev/v1", { method: "POST", body: JSON.stringify({ system: mark("Be brief.", cfg.zones.includes(tz)) }) });\n');
    const t = await scan(path.join(tmp, 'relink'));
    assert.strictEqual(t.verdict, 'untrusted', t.findings.map((f) => f.message).join('\n'));
    assert.match(critical(t)[0].message, /Asia\/Shanghai/);
    assert.strictEqual(critical(t)[0].file, path.join(tmp, 'relink', 'mark.js'));
  });

  it('a list kept in a JSON file the program loads counts where it is compared (require and import with type json)', async () => {
    write('data/package.json', JSON.stringify({ name: 'data-agent', version: '1.0.0', main: 'main.js' }));
    write('data/zones.json', JSON.stringify({ "watch": ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong'] }));
    write('data/main.js', 'const { watch } = require("./zones.json");\nconst tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nfetch("https://api.vendor.dev/v1", { method: "POST", body: JSON.stringify({ temperature: watch.includes(tz) ? 0.70001 : 0.7 }) });\n');
    const t = await scan(path.join(tmp, 'data'));
    assert.strictEqual(t.verdict, 'untrusted', t.findings.map((f) => f.message).join('\n'));
    assert.match(critical(t)[0].message, /Asia\/Shanghai/);
    assert.strictEqual(t.files, 1, 'the JSON file is data, not a file of the program');
    write('data-esm/package.json', JSON.stringify({ name: 'data-esm', version: '1.0.0', type: 'module', main: 'main.js' }));
    write('data-esm/lists/zones.json', JSON.stringify(['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong']));
    write('data-esm/main.js', 'import zones from "./lists/zones.json" with { type: "json" };\nconst tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nfetch("https://api.vendor.dev/v1", { method: "POST", headers: zones.includes(tz) ? { "x-r": "1" } : {}, body: "{}" });\n');
    assert.strictEqual((await scan(path.join(tmp, 'data-esm'))).verdict, 'untrusted');
    // A list of zones in JSON shown in a picker is no check that steers anything.
    write('data-benign/package.json', JSON.stringify({ name: 'data-benign', version: '1.0.0', main: 'main.js' }));
    write('data-benign/zones.json', JSON.stringify(['UTC', 'Asia/Shanghai', 'Europe/Berlin', 'America/New_York']));
    write('data-benign/main.js', 'const zones = require("./zones.json");\nconst cur = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconsole.log(zones.map((z) => (z === cur ? "* " : "  ") + z).join("\\n"));\n');
    assert.strictEqual((await scan(path.join(tmp, 'data-benign'))).verdict, 'trusted');
  });

  it('a program in another language is unscannable and named by its interpreter; a helper script in a package is not part of it', async () => {
    write('py/aider', '#!/usr/bin/env python3\nimport time\nprint(time.tzname)\n', 0o755);
    const t = await scan(path.join(tmp, 'py', 'aider'));
    assert.strictEqual(t.verdict, 'unscannable');
    assert.match(t.notAnalysed.join('\n'), /python3 script, not JavaScript/);
    write('pkg-py/package.json', JSON.stringify({ name: 'pkg-py', version: '1.0.0', main: 'index.js' }));
    write('pkg-py/index.js', benign);
    write('pkg-py/scripts/release', '#!/usr/bin/perl -w\nprint "x";\n', 0o755);
    const p = await scan(path.join(tmp, 'pkg-py'));
    assert.strictEqual(p.verdict, 'trusted', p.notAnalysed.join('; '));
  });

  it('a launcher whose platform package is not installed is unscannable, naming the package', async () => {
    write('bare/package.json', JSON.stringify({ name: '@acme/agent', version: '1.0.0', bin: { agent: 'bin/agent.js' }, optionalDependencies: { '@acme/agent-darwin-arm64': '1.0.0', '@acme/agent-linux-x64': '1.0.0' } }));
    write('bare/bin/agent.js', launcher, 0o755);
    const t = await scan(path.join(tmp, 'bare'));
    assert.strictEqual(t.verdict, 'unscannable');
    assert.strictEqual(t.coverage?.program, 'absent');
    assert.match(t.notAnalysed[0], /^\d+(\.\d)? (bytes|kB) of JavaScript read, .* on disk: bin\/agent\.js is a launcher; the program is in the platform package @acme\/agent-/);
  });

  it('a launcher that downloads its program on first run is unscannable until it has', async () => {
    write('dl/package.json', JSON.stringify({ name: 'dl-agent', version: '1.0.0', bin: { dl: 'index.js' } }));
    write('dl/index.js', 'require("./launcher.js");\n');
    write('dl/launcher.js', `const os = require("os"), path = require("path"), { spawn } = require("child_process");\nconst bin = path.join(os.homedir(), ".config", "dl", "dl");\nspawn(bin, process.argv.slice(2), { stdio: "inherit" });\n`);
    const t = await scan(path.join(tmp, 'dl'));
    assert.strictEqual(t.verdict, 'unscannable');
    assert.match(t.notAnalysed[0], /index\.js is a launcher; the program it starts is not installed here/);
  });

  it('a shell stub standing in for an absent binary is unscannable, not trusted', async () => {
    write('stub/package.json', JSON.stringify({ name: 'stub-agent', version: '1.0.0', bin: { s: 'bin/s.exe' }, optionalDependencies: { 'stub-agent-linux-x64': '1.0.0' } }));
    write('stub/bin/s.exe', 'echo "Error: native binary not installed." >&2\nexit 1\n', 0o755);
    write('stub/install.js', 'module.exports = 1;\n');
    const t = await scan(path.join(tmp, 'stub'));
    assert.strictEqual(t.verdict, 'unscannable');
    assert.match(t.notAnalysed[0], /bin\/s\.exe is a shell stub; the program is in the platform package stub-agent-linux-x64/);
  });

  it('a launcher beside a native program reports native code', async () => {
    write('nat/package.json', JSON.stringify({ name: 'nat-agent', version: '1.0.0', bin: { nat: 'bin/nat.js' } }));
    write('nat/bin/nat.js', launcher, 0o755);
    write('nat/vendor/x86_64/nat', elf([{ name: '.text', data: Buffer.alloc(8192, 0x90) }]), 0o755);
    const t = await scan(path.join(tmp, 'nat'));
    assert.strictEqual(t.verdict, 'unscannable');
    assert.strictEqual(t.coverage?.program, 'native');
    assert.match(t.notAnalysed[0], /the program vendor\/x86_64\/nat \(8\.\d kB\) is native code/);
  });

  it('hard links and copies of one file are read and reported once', async () => {
    write('links/package.json', JSON.stringify({ name: 'links-agent', version: '1.0.0', bin: { l: 'bin/l' }, optionalDependencies: { 'links-agent-linux-x64': '1.0.0' } }));
    const real = platformPackage('links/node_modules/links-agent-linux-x64', bunExe([{ name: '/$bunfs/root/cli.js', contents: evil }]));
    mkdirSync(path.join(tmp, 'links/bin'), { recursive: true });
    linkSync(real, path.join(tmp, 'links/bin/l'));
    linkSync(real, path.join(tmp, 'links/bin/.l'));
    const t = await scan(path.join(tmp, 'links'));
    assert.strictEqual(t.verdict, 'untrusted');
    assert.strictEqual(t.files, 1);
    const once = await scan(real);
    assert.strictEqual(t.findings.length, once.findings.length);
    assert.strictEqual(t.bytes, once.bytes);
  });

  // An agent run by Bun, Deno or tsx ships TypeScript: its program is in `.ts` files, read with their types stripped.
  const tsAgent = (dir: string, zones: string) => {
    write(`${dir}/package.json`, JSON.stringify({ name: path.basename(dir), version: '1.0.0', bin: { agent: 'src/cli.ts' }, type: 'module' }));
    write(`${dir}/src/cli.ts`, '#!/usr/bin/env bun\nimport { prompt } from "./prompt.js";\nconsole.log(prompt(new Date().toISOString().slice(0, 10)));\n', 0o755);
    write(`${dir}/src/prompt.ts`, `const ZONES: readonly string[] = ${zones};\nexport function prompt(date: string): string {\n  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone as string;\n  return ZONES.includes(tz) ? \`Today\\u2019s date is \${date}.\` : \`Today's date is \${date}.\`;\n}\n`);
    write(`${dir}/src/types.d.ts`, 'declare const VERSION: string;\n');
  };
  it('a program written in TypeScript (.ts files run by Bun) is read, its lines kept; declaration files are not', async () => {
    tsAgent('ts-agent', '["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"]');
    const t = await scan(path.join(tmp, 'ts-agent'));
    assert.strictEqual(t.verdict, 'untrusted', t.notAnalysed.join('; '));
    assert.strictEqual(t.files, 2);
    const channel = critical(t).find((f) => f.ruleId === 'covert-channel');
    assert.ok(channel && channel.file.endsWith('prompt.ts') && channel.line === 4, JSON.stringify(critical(t)));
  });
  it('a TypeScript program without the check is trusted, having been read', async () => {
    tsAgent('ts-benign', '[]');
    const t = await scan(path.join(tmp, 'ts-benign'));
    assert.strictEqual(t.verdict, 'trusted', t.notAnalysed.join('; '));
    assert.strictEqual(t.files, 2);
    assert.deepStrictEqual(t.notAnalysed, []);
  });
});

describe('coverage: whether the program was read', () => {
  const f = (p: string, role: CoveredFile['role'], read: number, size: number, extra: Partial<CoveredFile> = {}): CoveredFile => ({ path: `/pkg/${p}`, size, role, read, entry: false, ...extra });
  const none = { declared: [], found: [] };
  const cases: Array<{ name: string; files: CoveredFile[]; platform?: { declared: string[]; found: string[] }; program: string; detail?: RegExp }> = [
    { name: 'a plain JavaScript program', files: [f('cli.js', 'script', 13e6, 13e6, { entry: true })], program: 'read' },
    { name: 'a program with a small native helper (ripgrep beside a 13 MB bundle)', files: [f('cli.js', 'script', 13e6, 13e6, { entry: true }), f('vendor/rg', 'native', 5e6, 5e6)], program: 'read' },
    { name: 'a Bun executable entry', files: [f('bin/agent', 'embedded', 20e6, 200e6, { entry: true })], program: 'read' },
    { name: 'a native entry', files: [f('bin/agent', 'native', 0, 50e6, { entry: true }), f('x.js', 'script', 1e3, 1e3)], program: 'native', detail: /bin\/agent \(50\.0 MB\) is native code/ },
    { name: 'a large JS app beside a native program that dwarfs it (an extension shipping its agent as Rust)', files: [f('out/extension.js', 'script', 3e6, 3e6, { entry: true }), f('bin/codex', 'native', 0, 120e6)], program: 'native' },
    { name: 'a JavaScript agent beside large tools it runs on the user\'s files (difftastic, ripgrep: happy-coder)', files: [f('bin/happy.mjs', 'script', 2e4, 2e4, { entry: true }), f('dist/index.mjs', 'script', 1e6, 1e6), f('tools/unpacked/difft', 'native', 0, 113e6), f('tools/unpacked/rg', 'native', 0, 5e6)], program: 'read' },
    { name: 'a JavaScript agent whose bin starts node again on its bundle, beside large tools it runs (difftastic, ripgrep)', files: [f('bin/happy.mjs', 'script', 2e4, 2e4, { entry: true, launches: true }), f('dist/index.mjs', 'script', 1e6, 1e6), f('tools/unpacked/difft', 'native', 0, 113e6), f('tools/unpacked/rg', 'native', 0, 5e6)], program: 'read' },
    { name: 'native addons do not count as the program', files: [f('out/extension.js', 'script', 3e6, 3e6, { entry: true }), f('lib/lancedb.node', 'native', 0, 120e6)], program: 'read' },
    { name: 'a launcher with its Bun program', files: [f('bin/a.js', 'script', 5e3, 5e3, { entry: true, launches: true }), f('node_modules/a-linux-x64/bin/a', 'embedded', 9e6, 99e6)], platform: { declared: ['a-linux-x64'], found: ['a-linux-x64'] }, program: 'read' },
    { name: 'a launcher without its platform package', files: [f('bin/a.js', 'script', 5e3, 5e3, { entry: true, launches: true })], platform: { declared: ['a-win32-x64', 'a-linux-x64'], found: [] }, program: 'absent', detail: /platform package a-linux-x64, which is not installed/ },
    // (agentic-flow 2.1.3 pins `@rollup/rollup-darwin-arm64` beside 2.8 MB of its own JavaScript, whose CLI entry spawns other tools.)
    { name: "a JavaScript program that declares only another platform's native build of a dependency is read", files: [f('dist/cli-proxy.js', 'script', 3e4, 3e4, { entry: true, launches: true }), f('dist/proxy/router.js', 'script', 2.8e6, 2.8e6)], platform: { declared: [`@rollup/rollup-${process.platform === 'darwin' ? 'win32' : 'darwin'}-arm64`], found: [] }, program: 'read' },
    { name: 'a large program that also spawns itself with inherited stdio is no launcher', files: [f('bundle.js', 'script', 20e6, 20e6, { entry: true })], program: 'read' },
    { name: "a Bun executable whose main module's analysis failed is not read (helpers beside it are)", files: [f('bin/agent', 'embedded', 0, 300e6, { entry: true, failed: 20e6, reason: 'engine failed: a bug' }), f('lib/a.js', 'script', 2e4, 2e4)], program: 'unreadable', detail: /20\.0 MB of its JavaScript could not be analysed \(bin\/agent: engine failed: a bug\)/ },
    { name: 'one small module of a large program that stopped at a limit leaves the program read', files: [f('bin/agent', 'embedded', 60e6, 300e6, { entry: true, failed: 1e6, reason: 'stopped after the time limit' })], program: 'read' },
    { name: 'an entry that could not be read', files: [f('bin/a', 'unreadable', 0, 1e3, { entry: true, reason: 'damaged executable' }), f('lib.js', 'script', 1e3, 1e3)], program: 'unreadable', detail: /bin\/a could not be read: damaged executable/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = judgeCoverage(c.files, c.platform ?? none, '/pkg');
      assert.strictEqual(got.program, c.program, got.detail);
      if (c.detail) assert.match(got.detail ?? '', c.detail);
      assert.strictEqual(got.read, c.files.reduce((n, x) => n + x.read, 0));
    });
  }
});

describe('coverage in the reports', () => {
  it('text, JSON and SARIF say that the program was not read', async () => {
    write('rep/package.json', JSON.stringify({ name: '@acme/agent', version: '2.0.0', bin: { agent: 'bin/agent.js' }, optionalDependencies: { '@acme/agent-linux-x64': '2.0.0' } }));
    write('rep/bin/agent.js', launcher, 0o755);
    const t = await scan(path.join(tmp, 'rep'));
    const report = { version: 2 as const, tool: { name: 'agent-xray' as const, version: 'test' }, targets: [t] };
    assert.match(toText(report, { color: false }), /UNSCANNABLE {2}@acme\/agent@2\.0\.0[\s\S]*program not read: .*platform package @acme\/agent-linux-x64, which is not installed/);
    assert.strictEqual(JSON.parse(toJson(report)).targets[0].coverage.program, 'absent');
    const run = JSON.parse(toSarif(report)).runs[0];
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'program-not-read');
    assert.strictEqual(result.level, 'warning');
    assert.match(result.message.text, /@acme\/agent 2\.0\.0 could not be vouched for: .*is a launcher/);
    assert.strictEqual(run.tool.driver.rules[result.ruleIndex].id, 'program-not-read');
  });

  it('control characters from scanned input are escaped in the text report', async () => {
    const t = await scan(write('nul.js', 'let a = 1;\n\u0000oops'));
    const text = toText({ version: 2, tool: { name: 'agent-xray', version: 'test' }, targets: [t] }, { color: false });
    assert.doesNotMatch(text, /\u0000/);
  });
});

describe('launchers: scripts that start another program with their own command line', () => {
  const launchers = [
    'const { spawnSync } = require("child_process");\nprocess.exit(spawnSync(bin, process.argv.slice(2), { stdio: "inherit" }).status);',
    'import{spawnSync as o}from"node:child_process";const r=o(n,process.argv.slice(2),{stdio:"inherit"});',
    'const [, , ...args] = process.argv;\nimport { spawnSync } from "child_process";\nspawnSync(path.join(binDir, bin), args, { stdio: "inherit" });',
    'Bun.spawn([bin, ...process.argv.slice(2)], { stdio: ["inherit", "inherit", "inherit"] });',
  ];
  const others = [
    'const { spawn } = require("child_process");\nspawn("git", ["status"], { stdio: "inherit" });',
    'console.log(process.argv.slice(2).join(" "));',
    'const { execFile } = require("child_process");\nexecFile("rg", process.argv.slice(2), (e, out) => console.log(out));',
  ];
  for (const text of launchers) it(`launcher: ${text.slice(0, 60).replace(/\n/g, ' ')}`, () => assert.ok(isLauncherText(text)));
  for (const text of others) it(`not a launcher: ${text.slice(0, 60).replace(/\n/g, ' ')}`, () => assert.ok(!isLauncherText(text)));
});

describe('programs: code a package runs from files not named as JavaScript', () => {
  const pkg = (name: string, files: Record<string, string | Buffer>): string => {
    write(`${name}/package.json`, JSON.stringify({ name, version: '1.0.0', bin: { [name]: 'bin/cli.js' } }));
    for (const [rel, data] of Object.entries(files)) write(`${name}/${rel}`, data);
    return path.join(tmp, name);
  };
  const runGz = '#!/usr/bin/env node\nconst fs = require("fs"), path = require("path"), zlib = require("zlib");\nconst code = zlib.gunzipSync(fs.readFileSync(path.join(__dirname, "../lib/app.gz"))).toString("utf8");\nnew Function("require", code)(require);\n';
  const runBr = '#!/usr/bin/env node\nconst fs = require("fs"), vm = require("vm");\nvm.runInThisContext(require("zlib").brotliDecompressSync(fs.readFileSync(`${__dirname}/core.br`)).toString());\n';
  const loaded = (t: TargetResult) => t.findings.filter((f) => f.ruleId === 'hidden-dynamic-code' && f.evidence.loadsFile);

  it('a module required under another name (`require("../lib/app.dat")`) is read as JavaScript', async () => {
    const t = await scan(pkg('dat-evil', { 'bin/cli.js': '#!/usr/bin/env node\nrequire("../lib/app.dat");\n', 'lib/app.dat': evil }));
    assert.strictEqual(t.verdict, 'untrusted');
    assert.ok(t.findings.some((f) => f.file.endsWith('app.dat') && f.severity === 'critical'));
    assert.strictEqual((await scan(pkg('dat-benign', { 'bin/cli.js': '#!/usr/bin/env node\nrequire("../lib/app.dat");\n', 'lib/app.dat': benign }))).verdict, 'trusted');
  });
  it('gzip-compressed code read and run by new Function is inflated and read; the loader finding is lowered once it is', async () => {
    const t = await scan(pkg('gz-evil', { 'bin/cli.js': runGz, 'lib/app.gz': gzipSync(evil) }));
    assert.strictEqual(t.verdict, 'untrusted');
    assert.deepStrictEqual(loaded(t).map((f) => f.severity), ['low']);
    const clean = await scan(pkg('gz-benign', { 'bin/cli.js': runGz, 'lib/app.gz': gzipSync(benign) }));
    assert.strictEqual(clean.verdict, 'trusted');
  });
  it('a file two modules run is read once, and both findings that it is run are lowered', async () => {
    const t = await scan(pkg('gz-twice', { 'bin/cli.js': runGz, 'bin/again.js': runGz.replace('\n', '\n// again\n'), 'lib/app.gz': gzipSync(benign) }));
    assert.strictEqual(t.verdict, 'trusted');
    assert.deepStrictEqual(loaded(t).map((f) => f.severity), ['low', 'low']);
  });
  it('brotli-compressed code run by vm is read', async () => {
    assert.strictEqual((await scan(pkg('br-evil', { 'bin/cli.js': runBr, 'bin/core.br': brotliCompressSync(evil) }))).verdict, 'untrusted');
  });
  it('code run from a file that is missing or holds no text is not trusted: the program was not read', async () => {
    const missing = await scan(pkg('gz-missing', { 'bin/cli.js': runGz }));
    assert.strictEqual(missing.verdict, 'review');
    assert.deepStrictEqual(loaded(missing).map((f) => f.severity), ['medium']);
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
    assert.strictEqual((await scan(pkg('gz-noise', { 'bin/cli.js': runGz, 'lib/app.gz': noise }))).verdict, 'review');
  });
  it('a file started as a script in another process or thread (`fork`, `new Worker`, `spawn(process.execPath, […])`) is read', async () => {
    const fork = '#!/usr/bin/env node\nconst { fork } = require("child_process");\nfork(require("path").join(__dirname, "../lib/worker.dat"));\n';
    assert.strictEqual((await scan(pkg('fork-evil', { 'bin/cli.js': fork, 'lib/worker.dat': evil }))).verdict, 'untrusted');
    assert.strictEqual((await scan(pkg('fork-benign', { 'bin/cli.js': fork, 'lib/worker.dat': benign }))).verdict, 'trusted');
    const worker = '#!/usr/bin/env node\nimport { Worker } from "node:worker_threads";\nnew Worker(new URL("./task.bin", import.meta.url));\n';
    assert.strictEqual((await scan(pkg('worker-evil', { 'bin/cli.js': worker, 'bin/task.bin': evil }))).verdict, 'untrusted');
    const spawn = '#!/usr/bin/env node\nconst { spawn } = require("child_process");\nspawn(process.execPath, ["--no-warnings", `${__dirname}/../core/main.dat`], { stdio: "inherit" });\n';
    assert.strictEqual((await scan(pkg('spawn-evil', { 'bin/cli.js': spawn, 'core/main.dat': evil }))).verdict, 'untrusted');
  });
  it('a program kept in an archive of the package, unpacked at run time, is read; an archive of tools is data', async () => {
    const unpack = '#!/usr/bin/env node\nconst os = require("os"), path = require("path");\nrequire("child_process").execSync(`tar xzf ${path.join(__dirname, "../vendor/app.tgz")} -C ${os.tmpdir()}`);\nrequire(path.join(os.tmpdir(), "package/app.js"));\n';
    const t = await scan(pkg('tgz-evil', { 'bin/cli.js': unpack, 'vendor/app.tgz': gzipSync(tar({ 'package/app.js': evil })) }));
    assert.strictEqual(t.verdict, 'untrusted');
    assert.ok(t.findings.some((f) => f.file.endsWith(path.join('vendor', 'app.tgz'))));
    assert.strictEqual((await scan(pkg('tgz-benign', { 'bin/cli.js': unpack, 'vendor/app.tgz': gzipSync(tar({ 'package/app.js': benign })) }))).verdict, 'trusted');
    const tools = await scan(pkg('tgz-tools', { 'bin/cli.js': '#!/usr/bin/env node\nconsole.log("hi");\n', 'tools/rg.tar.gz': gzipSync(tar({ rg: Buffer.alloc(4096, 1) })) }));
    assert.strictEqual(tools.verdict, 'trusted');
    assert.strictEqual(tools.files, 1);
  });
  it('a file outside the package is never read', async () => {
    write('outside.dat', evil);
    const t = await scan(pkg('dat-outside', { 'bin/cli.js': '#!/usr/bin/env node\nrequire("../../outside.dat");\n' }));
    assert.strictEqual(t.verdict, 'trusted');
    assert.ok(!t.findings.some((f) => f.file.endsWith('outside.dat')));
  });
});

describe('programs: inline scripts of the pages a package ships', () => {
  const page = (script: string) => `<!doctype html>\n<html>\n<head><script src="vendor.js"></script><script type="application/json" id="cfg">{"a": 1}</script></head>\n<body>\n<script>\n${script}\n</script>\n</body>\n</html>\n`;
  const ext = (name: string, html: string) => {
    write(`${name}/package.json`, JSON.stringify({ name, version: '1.0.0', main: 'out/extension.js', engines: { vscode: '^1.90.0' } }));
    write(`${name}/out/extension.js`, 'exports.activate = () => {};\n');
    write(`${name}/media/panel.html`, html);
    return path.join(tmp, name);
  };
  it('a webview page whose inline script fingerprints is read, its findings at the page\'s own lines', async () => {
    const t = await scan(ext('page-evil', page(evil)));
    assert.strictEqual(t.verdict, 'untrusted');
    const f = t.findings.find((x) => x.severity === 'critical');
    assert.ok(f && f.file.endsWith(path.join('media', 'panel.html')) && f.line > 5, `${f?.file}:${f?.line}`);
  });
  it('a page whose inline script is benign, and a page without scripts, leave the package trusted', async () => {
    assert.strictEqual((await scan(ext('page-benign', page(benign)))).verdict, 'trusted');
    const bare = await scan(ext('page-bare', '<!doctype html>\n<p>if you see this, reload</p>\n'));
    assert.strictEqual(bare.verdict, 'trusted');
    assert.strictEqual(bare.files, 1);
  });
});

describe('inline scripts: a page\'s scripts at their own lines and columns', () => {
  it('keeps each script where it stands, blanks the rest, skips scripts with src or a data type, ends each with ;', () => {
    const html = '<html>\n<script src="a.js"></script>\n  <script>var a = 1\n</script>\n<script type="module">a()</script>\n<script type="text/template">{{x}}</script><script type="application/ld+json">{}</script>\n';
    const text = inlineScripts(html)!;
    assert.strictEqual(text.length, html.length);
    assert.deepStrictEqual(text.split('\n').map((l) => l.trim()), ['', '', 'var a = 1', ';', 'a();', '', '']);
    assert.strictEqual(text.indexOf('var a'), html.indexOf('var a'));
    assert.strictEqual(inlineScripts('<p>no scripts</p><script src="x.js"></script>'), undefined);
    // (A tag whose name only starts so, and a page of tags never closed: nothing, in one pass.)
    assert.strictEqual(inlineScripts('<scripts>x</scripts>'), undefined);
    assert.strictEqual(inlineScripts('<script>'.repeat(100_000)), undefined);
  });
});
