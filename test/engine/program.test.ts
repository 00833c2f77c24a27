// One program, one analysis: the same mechanism (and benign look-alikes) split
// across modules, as source files (ES modules, CommonJS) and as bundler output
// built here with esbuild (one file in each format, and split chunks), webpack and
// rollup (one file, and a chunk per module, ES or CommonJS), and compiled module by module by tsc and babel. The Bun
// split build of the same sources is in test/real/bunSplit.test.ts.
import * as assert from 'assert';
import { buildSync, type Format } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rollup } from 'rollup';
import * as ts from 'typescript';
import webpack from 'webpack';
import { resolveModule, scanProgram } from '../../src/engine/program';
import { scanText } from '../../src/engine/scan';
import { verdictOf, type Verdict } from '../../src/engine/types';
import { PROGRAMS, type Program } from '../fixtures/programs';

function scanFiles(files: Record<string, string>, root = '/app') {
  const results = scanProgram(Object.entries(files).map(([name, text]) => ({ file: path.posix.join(root, name), text })));
  const findings = results.flatMap((r) => r.findings);
  return { results, findings, verdict: verdictOf(findings), summary: findings.map((f) => `${f.severity} ${f.ruleId} ${f.file}:${f.line} ${f.message}`).join('\n') };
}

function check(p: Program, got: { findings: Array<{ ruleId: string; severity: string }>; verdict: Verdict; summary: string }): void {
  assert.strictEqual(got.verdict, p.verdict, got.summary || '(no findings)');
  for (const id of p.rules ?? []) assert.ok(got.findings.some((f) => f.ruleId === id), `expected ${id}:\n${got.summary}`);
  for (const id of p.absent ?? []) assert.ok(!got.findings.some((f) => f.ruleId === id), `unexpected ${id}:\n${got.summary}`);
  if (p.verdict === 'trusted') assert.deepStrictEqual(got.findings.filter((f) => f.severity !== 'low' && f.severity !== 'info').map((f) => f.ruleId), [], got.summary);
}

/** Why a build of a program is not yet judged as it should be (a test skipped with the reason), if it is listed as a gap. */
const gapOf = (p: Program, build: string) => (p.knownGap?.builds.test(build) ? `${p.name}: ${build} (${p.verdict}), not yet: ${p.knownGap.why}` : undefined);

describe('program: modules analysed as one program', () => {
  for (const p of PROGRAMS) {
    const gap = gapOf(p, 'source modules');
    if (gap) it.skip(gap);
    else it(`${p.name} (${p.verdict})`, () => check(p, scanFiles(p.files)));
  }
});

/** Programs whose every-module-an-entry esbuild split build (above) is not yet judged as it should be, with why. */
const EVERY_ENTRY_GAPS = new Map<string, string>([
  ...[
    'CommonJS as tsc emits it: defineProperty getters, interop helper, (0, m.f)() calls',
    'CommonJS requiring an ES module, and a dynamic import of one',
    'CommonJS: one encoded string in another module, decoded and split where it is required',
    'CommonJS modules bundled as ES modules: the host name read through the bundle\'s require shim',
    'CommonJS exports merged by spreading required modules',
    'CommonJS compiled by babel: a default export required through _interopRequireDefault (written in place by webpack)',
    'a CommonJS module that is another one (`module.exports = require("./probe")`) passes on its zone check, destructured under another name',
  ].map((name) => [name, 'a CommonJS module that is another module, or whose exports are getters, spreads or an interop helper\'s, behind an `__commonJS` loader another chunk imports'] as const),
  ['a reader called through a module namespace by a key worked out to a constant', 'a member of a namespace object (`__export(ns, {…})`) another chunk imports, by a computed key'],
  ['a base class\'s method calls a check that a subclass in another module overrides with a zone check', 'a subclass in another chunk of a class kept in a variable (`var C = class {…}`)'],
  ['modules as swc writes them for ES2015: an async function run as a generator, and a module imported in one with yield', 'swc\'s async helpers shared through a chunk'],
]);

describe('program: the same sources bundled by esbuild', function () {
  this.timeout(60_000);
  let tmp: string;
  before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-program-')); });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const built = (p: Program, options: { format: Format; splitting?: boolean }): Record<string, string> => {
    const dir = path.join(tmp, `${p.name.replace(/\W+/g, '-')}-${options.format}${options.splitting ? '-split' : ''}`);
    for (const [name, text] of Object.entries(p.files)) {
      mkdirSync(path.dirname(path.join(dir, 'src', name)), { recursive: true });
      writeFileSync(path.join(dir, 'src', name), text);
    }
    const out = buildSync({
      entryPoints: [path.join(dir, 'src', p.entry!)], bundle: true, write: false, outdir: path.join(dir, 'out'),
      format: options.format, splitting: options.splitting, minify: !options.splitting, platform: 'node', logLevel: 'silent',
    });
    return Object.fromEntries(out.outputFiles.map((f) => [path.relative(path.join(dir, 'out'), f.path), f.text]));
  };

  for (const p of PROGRAMS.filter((x) => x.entry && !x.sourceOnly)) {
    for (const format of ['cjs', 'esm', 'iife'] as const) {
      it(`${p.name}: one ${format} bundle, minified (${p.verdict})`, () => {
        const files = built(p, { format });
        assert.strictEqual(Object.keys(files).length, 1);
        check(p, scanFiles(files));
      });
    }
    it(`${p.name}: esbuild split chunks (${p.verdict})`, () => check(p, scanFiles(built(p, { format: 'esm', splitting: true }))));
  }

  // Every module an entry, as esbuild and Bun split a program whose modules are loaded from several places: what
  // two entries share goes into chunks, a CommonJS module behind an `__commonJS` loader that other chunks import and call.
  const everyEntry = (p: Program): Record<string, string> => {
    const dir = path.join(tmp, `${p.name.replace(/\W+/g, '-').slice(0, 60)}-entries`);
    const entries = Object.entries(p.files).map(([name, text]) => {
      mkdirSync(path.dirname(path.join(dir, 'src', name)), { recursive: true });
      writeFileSync(path.join(dir, 'src', name), text);
      return path.join(dir, 'src', name);
    }).filter((f) => /\.[cm]?js$/.test(f));
    const out = buildSync({ entryPoints: entries, bundle: true, write: false, outdir: path.join(dir, 'out'), format: 'esm', splitting: true, platform: 'node', logLevel: 'silent' });
    return Object.fromEntries(out.outputFiles.map((f) => [path.relative(path.join(dir, 'out'), f.path), f.text]));
  };
  for (const p of PROGRAMS.filter((x) => x.entry && !x.sourceOnly)) {
    const gap = EVERY_ENTRY_GAPS.get(p.name);
    if (gap) it.skip(`${p.name}: esbuild split chunks, every module an entry (${p.verdict}), not yet: ${gap}`);
    else it(`${p.name}: esbuild split chunks, every module an entry (${p.verdict})`, () => check(p, scanFiles(everyEntry(p))));
  }
});


/** Every `.js`/`.mjs`/`.cjs` file under a folder, by path relative to it. */
function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.[cm]?js$/.test(e.name)) out[path.relative(root, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

// webpack 5 (module maps with numeric ids, `n.d(exports, …)` getters, modules kept apart in one
// file's table, also modules tsc compiled to CommonJS first, chunks loaded by id from other files, pushed to `self.webpackChunk` or exported as `exports.modules`) and rollup (one
// minified IIFE; ES chunks importing each other).
describe('program: the same sources bundled by webpack and rollup', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-program-')); });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const sources = (p: Program, label: string, files = p.files) => {
    const dir = path.join(tmp, `${p.name.replace(/\W+/g, '-').slice(0, 60)}-${label}`);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, 'src', name)), { recursive: true });
      writeFileSync(path.join(dir, 'src', name), text);
    }
    return dir;
  };
  /** Each module compiled by tsc to CommonJS first (for ES2018 unless told), as ts-loader hands TypeScript to webpack (`.mjs` named `.js`). */
  const tscFirst = (p: Program, target = ts.ScriptTarget.ES2018): Program => {
    const js = (name: string) => name.replace(/\.mjs$/, '.js');
    const files = Object.fromEntries(Object.entries(p.files).map(([name, text]) => [js(name), ts.transpileModule(text.replace(/(['"])(\.{1,2}\/[^'"]*)\.mjs\1/g, '$1$2.js$1'),
      { compilerOptions: { module: ts.ModuleKind.CommonJS, target, esModuleInterop: true } }).outputText]));
    return { ...p, files, entry: js(p.entry!) };
  };
  /**
   * webpack in production mode; `split` puts every source module in a chunk file of its own, `table` keeps them
   * apart in one file's module table (as webpack does for CommonJS modules it cannot concatenate); `development`
   * builds as `webpack --mode development` does, each module's code in a string run by eval.
   */
  interface WebpackBuild { target?: 'node' | 'web'; split?: boolean; table?: boolean; development?: boolean; label?: string }
  // webpack's own minimizer (terser with its default options), run in this process: its pool of workers
  // takes some 200 ms to start, ten times the minifying of a program this small.
  const Minimizer = require(require.resolve('minimizer-webpack-plugin', { paths: [path.dirname(require.resolve('webpack'))] }));
  const minimizer = () => [new Minimizer({ test: /\.[cm]?js$/, parallel: false, minimizerOptions: { compress: { passes: 2 } } })];
  const webpackBuild = async (p: Program, { target = 'node', split = false, table = false, development = false, label = '' }: WebpackBuild = {}) => {
    const dir = sources(p, `webpack-${target}-${split}-${table}-${development}${label}`);
    const out = path.join(dir, 'out');
    const each = { test: /src/, enforce: true, name: (m: webpack.Module) => path.basename(m.nameForCondition() ?? 'module').replace(/\W/g, '_') };
    await new Promise<void>((resolve, reject) => webpack({
      mode: development ? 'development' : 'production', target, context: dir, entry: `./src/${p.entry}`, output: { path: out, filename: '[name].js', chunkFilename: '[name].js' },
      optimization: { minimizer: minimizer(), ...(split ? { splitChunks: { chunks: 'all', minSize: 0, cacheGroups: { each } } } : table ? { concatenateModules: false } : {}) },
    }, (err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats!.toString('errors-only'))) : resolve())));
    return readTree(out);
  };
  // @rollup/plugin-terser's minifier with its options (`module` for ES output, `toplevel` for CommonJS), run in this
  // process: the plugin starts a pool of worker threads for each build, which took most of these builds' time.
  const { minify } = require(require.resolve('terser', { paths: [path.dirname(require.resolve('@rollup/plugin-terser'))] })) as { minify(code: string, options: object): Promise<{ code?: string }> };
  const terser = () => ({
    name: 'terser-in-process',
    async renderChunk(code: string, _chunk: unknown, output: { format: string }) {
      return (await minify(code, { sourceMap: false, ...(output.format === 'es' ? { module: true } : {}), ...(output.format === 'cjs' ? { toplevel: true } : {}) })).code ?? null;
    },
  });
  const rollupBuild = async (p: Program, split: boolean, format: 'es' | 'cjs' = 'es') => {
    const dir = sources(p, `rollup-${split}-${format}`);
    const out = path.join(dir, 'out');
    const bundle = await rollup({ input: path.join(dir, 'src', p.entry!), onwarn: () => undefined });
    // (CommonJS chunks, minified: `var text = require("./text.js"); text.clip(P)` and `exports.clip = clip`.)
    await bundle.write(split ? { dir: out, format, preserveModules: true, entryFileNames: '[name].js', ...(format === 'cjs' ? { plugins: [terser()] } : {}) } : { file: path.join(out, 'main.js'), format: 'iife', inlineDynamicImports: true, plugins: [terser()] });
    await bundle.close();
    return readTree(out);
  };

  for (const p of PROGRAMS.filter((x) => x.entry && !x.sourceOnly)) {
    const commonJs = Object.values(p.files).some((t) => /\brequire\(/.test(t));
    const builtins = Object.values(p.files).some((t) => /from ['"](?:node:)?(?:os|fs|dns|events)['"]|require\(['"](?:node:)?(?:os|fs|dns|events)['"]\)/.test(t));
    it(`${p.name}: one webpack bundle (${p.verdict})`, async () => {
      const files = await webpackBuild(p);
      check(p, scanFiles(files));
    });
    const gap = (build: string) => gapOf(p, build);
    // (A dynamic import still gets a chunk file of its own.)
    const webpackTable = 'webpack, one file, its modules kept apart in a table';
    if (gap(webpackTable)) it.skip(gap(webpackTable)!);
    else it(`${p.name}: ${webpackTable} (${p.verdict})`, async () => check(p, scanFiles(await webpackBuild(p, { table: true }))));
    const webpackDevelopment = 'webpack, development build: each module a string run by eval';
    if (gap(webpackDevelopment)) it.skip(gap(webpackDevelopment)!);
    else {
      it(`${p.name}: ${webpackDevelopment} (${p.verdict})`, async () => {
        const files = await webpackBuild(p, { development: true });
        assert.ok(Object.values(files).some((t) => t.includes('eval("')));
        check(p, scanFiles(files));
      });
    }
    const webpackTsc = 'webpack, one file, of modules compiled by tsc to CommonJS';
    if (!commonJs) {
      if (gap(webpackTsc)) it.skip(gap(webpackTsc)!);
      else it(`${p.name}: ${webpackTsc} (${p.verdict})`, async () => check(p, scanFiles(await webpackBuild(tscFirst(p), { label: '-tsc' }))));
      // (ES5 classes minified: their methods joined into what the class's wrapper returns.)
      const webpackEs5 = `${webpackTsc} for ES5`;
      if (gap(webpackEs5)) it.skip(gap(webpackEs5)!);
      else it(`${p.name}: ${webpackEs5} (${p.verdict})`, async () => check(p, scanFiles(await webpackBuild(tscFirst(p, ts.ScriptTarget.ES5), { label: '-tsc5' }))));
    }
    const webpackSplit = 'webpack, each module in a CommonJS chunk';
    if (gap(webpackSplit)) it.skip(gap(webpackSplit)!);
    else it(`${p.name}: ${webpackSplit} (${p.verdict})`, async () => {
      const files = await webpackBuild(p, { split: true });
      assert.ok(Object.keys(files).length >= 3, Object.keys(files).join(', '));
      check(p, scanFiles(files));
    });
    // (The web target has no Node built-ins to bundle.)
    const webpackWeb = 'webpack, each module in a chunk pushed to self.webpackChunk';
    if (!builtins && gap(webpackWeb)) it.skip(gap(webpackWeb)!);
    else if (!builtins) {
      it(`${p.name}: ${webpackWeb} (${p.verdict})`, async () => {
        const files = await webpackBuild(p, { target: 'web', split: true });
        assert.ok(Object.values(files).some((t) => t.includes('webpackChunk')));
        check(p, scanFiles(files));
      });
    }
    // (rollup reads ES modules only.)
    if (!commonJs) {
      it(`${p.name}: one rollup IIFE, minified (${p.verdict})`, async () => check(p, scanFiles(await rollupBuild(p, false))));
      const rollupSplit = 'rollup ES chunks, one per module';
      if (gap(rollupSplit)) it.skip(gap(rollupSplit)!);
      else it(`${p.name}: ${rollupSplit} (${p.verdict})`, async () => check(p, scanFiles(await rollupBuild(p, true))));
      // (CommonJS has no top-level await.)
      const rollupCjs = 'rollup CommonJS chunks, one per module, minified';
      const awaits = Object.values(p.files).some((t) => /^(?:const|let|var)?[^\n(]*\bawait\b/m.test(t) && !/\basync\b/.test(t));
      if (gap(rollupCjs)) it.skip(gap(rollupCjs)!);
      else if (!awaits) it(`${p.name}: ${rollupCjs} (${p.verdict})`, async () => check(p, scanFiles(await rollupBuild(p, true, 'cjs'))));
    }
  }
});

// tsc compiles each module to CommonJS on its own (`exports.x = x`, `(0, geo_1.f)()`, its interop helpers), for
// ES2018 and for ES5 (classes as functions, `__assign` for spread, async functions as state machines); and to AMD
// (`define(["require", "exports", "./geo"], function (require, exports, geo_1) {…})`) and UMD (a wrapper that runs
// the module under CommonJS or AMD).
describe('program: the same sources compiled by tsc', () => {
  const compile = (p: Program, target: ts.ScriptTarget, module: ts.ModuleKind) => Object.fromEntries(Object.entries(p.files).map(([name, text]) => [name,
    ts.transpileModule(text, { compilerOptions: { module, target, esModuleInterop: true } }).outputText]));
  const builds = [
    [ts.ScriptTarget.ES2018, ts.ModuleKind.CommonJS, 'tsc, CommonJS for ES2018'], [ts.ScriptTarget.ES5, ts.ModuleKind.CommonJS, 'tsc, CommonJS for ES5'],
    [ts.ScriptTarget.ES2018, ts.ModuleKind.AMD, 'tsc, AMD for ES2018'], [ts.ScriptTarget.ES2018, ts.ModuleKind.UMD, 'tsc, UMD for ES2018'],
  ] as const;
  for (const p of PROGRAMS.filter((x) => x.entry && !x.sourceOnly && !Object.values(x.files).some((t) => /\brequire\(/.test(t)))) {
    for (const [target, module, label] of builds) {
      const gap = gapOf(p, label);
      if (gap) it.skip(gap);
      else it(`${p.name}: ${label} (${p.verdict})`, () => check(p, scanFiles(compile(p, target, module))));
    }
  }
});

// babel compiles each module to CommonJS on its own (`_interopRequireDefault`, `Object.keys(_m).forEach(…)` for
// `export *`, live bindings `exports.x = x = …`), for Node 18 and for ES5 (`_createClass`, `_superPropGet`,
// private fields in a `WeakMap`, regenerator's state machines).
describe('program: the same sources compiled by babel', () => {
  // (No type declarations are installed for babel: the one function used, typed here.)
  const babel: { transformSync(code: string, options: object): { code: string } } = require('@babel/core');
  const presetEnv = require.resolve('@babel/preset-env');
  const compile = (p: Program, targets: string) => Object.fromEntries(Object.entries(p.files).map(([name, text]) => [name,
    babel.transformSync(text, { filename: name, babelrc: false, configFile: false, presets: [[presetEnv, { targets, modules: 'commonjs' }]] }).code]));
  for (const p of PROGRAMS.filter((x) => x.entry && !x.sourceOnly && !Object.values(x.files).some((t) => /\brequire\(/.test(t)))) {
    for (const [targets, label] of [['node 18', 'babel, CommonJS for Node 18'], ['ie 11', 'babel, CommonJS for ES5']] as const) {
      const gap = gapOf(p, label);
      if (gap) it.skip(gap);
      else it(`${p.name}: ${label} (${p.verdict})`, () => check(p, scanFiles(compile(p, targets))));
    }
  }
});

describe('program: module resolution', () => {
  const ids = new Set(['/app/a.js', '/app/lib/index.js', '/app/node_modules/pkg/main.cjs', 'exe!/$bunfs/root/chunk-1.js', 'exe!/$bunfs/root/src/b.mjs', '/app/src/zone.ts', '/app/src/view.tsx', '/app/src/util.mts']);
  const has = (id: string) => ids.has(id);
  const cases: Array<[string, string, string | undefined]> = [
    ['/app/lib/index.js', '../a', '/app/a.js'],
    ['/app/a.js', './lib', '/app/lib/index.js'],
    ['/app/a.js', './missing.js', undefined],
    ['exe!/$bunfs/root/src/b.mjs', '/$bunfs/root/chunk-1.js', 'exe!/$bunfs/root/chunk-1.js'],
    ['exe!/$bunfs/root/chunk-1.js', './src/b.mjs', 'exe!/$bunfs/root/src/b.mjs'],
    ['/app/lib/index.js', 'pkg', '/app/node_modules/pkg/main.cjs'],
    // TypeScript names the JavaScript a file compiles to.
    ['/app/src/main.ts', './zone.js', '/app/src/zone.ts'],
    ['/app/src/main.ts', './zone', '/app/src/zone.ts'],
    ['/app/src/main.ts', './view.js', '/app/src/view.tsx'],
    ['/app/src/main.ts', './util.mjs', '/app/src/util.mts'],
  ];
  for (const [from, spec, want] of cases) {
    it(`${spec} from ${from}`, () => assert.strictEqual(resolveModule(from, spec, has, (dir) => (dir.endsWith('/pkg') ? `${dir}/main.cjs` : undefined)), want));
  }
});

describe('program: module summaries', () => {
  it('a module alone reports nothing that only other modules could make a finding', () => {
    const r = scanText(PROGRAMS[0].files['check.mjs'], { file: 'check.mjs' });
    assert.deepStrictEqual(r.findings.filter((f) => f.severity !== 'low'), []);
    assert.ok(r.summary && r.summary.reaching.length > 0, JSON.stringify(r.summary));
  });
  it('a second analysis (with seeds) makes no summary: the first one stands', () => {
    const text = PROGRAMS[0].files['check.mjs'];
    const first = scanText(text, { file: 'check.mjs' });
    assert.ok(first.summary);
    assert.strictEqual(scanText(text, { file: 'check.mjs', seeds: {} }).summary, undefined);
  });
  it('a name defined by a member of itself (`var t = t.p`) is no import and does not exhaust the stack', () => {
    const r = scanText('import { q } from "./q.js";\nvar t = t.p;\nconsole.log(t.m.includes(q));\n', { file: 'self.mjs' });
    assert.strictEqual(r.error, undefined);
  });
  it('a function run with fewer arguments than it has parameters is no namespace filler (no crash)', () => {
    const r = scanText('export var e;\n(function (e) { e.a = () => 1; })(e || (e = {}));\n(function (x, e) { e.b = function () { return 2; }; })(1);\n', { file: 'ns.mjs' });
    assert.strictEqual(r.error, undefined);
    assert.ok(r.summary?.exports['e.a'], JSON.stringify(r.summary?.exports));
  });
  it('a script that neither imports nor exports has no summary', () => {
    assert.strictEqual(scanText('const a = require("fs"); console.log(a.readFileSync("x"));', { file: 'x.js' }).summary, undefined);
  });
  // The shape of Claude Code 2.1.332: `x6(e){return e?nr(e):void 0}` with `nr` imported, called
  // with the gateway by one module and with constants by every other.
  const WRAPPED = {
    'norm.mjs': 'export function nr(e) { return String(e).trim().slice(0, 200); }\n',
    'wrap.mjs': "import { nr } from './norm.mjs';\nexport function x6(e) { return e ? nr(e) : void 0; }\n",
    'events.mjs': 'export function track(name, props) { return fetch("https://t.example.com", { method: "POST", body: JSON.stringify({ name, props }) }); }\n',
    'api.mjs': "import { x6 } from './wrap.mjs';\nimport { track } from './events.mjs';\ntrack('api_request', { base: x6(process.env.ANTHROPIC_BASE_URL) });\n",
    'mcp.mjs': "import { x6 } from './wrap.mjs';\nimport { track } from './events.mjs';\ntrack('auto_mode_fallback', { mode: x6('ask'), server: x6(globalThis.serverName) });\n",
  };
  const wrapperCases: Array<[string, Record<string, string>, string[]]> = [
    ['a wrapper that hands its parameter on to another module gives each caller its own value', WRAPPED, ['api.mjs']],
    ['the same, with a caller inside the wrapper\'s own module that sends the gateway too', {
      ...WRAPPED,
      'wrap.mjs': "import { nr } from './norm.mjs';\nimport { track } from './events.mjs';\nexport function x6(e) { return e ? nr(e) : void 0; }\ntrack('app_boot', { gw: x6(process.env.ANTHROPIC_BASE_URL) });\n",
    }, ['api.mjs', 'wrap.mjs']],
    ['the same, two wrappers deep across three modules', {
      ...WRAPPED,
      'outer.mjs': "import { x6 } from './wrap.mjs';\nexport function tag(v) { return x6(v); }\n",
      'api.mjs': "import { tag } from './outer.mjs';\nimport { track } from './events.mjs';\ntrack('api_request', { base: tag(process.env.ANTHROPIC_BASE_URL) });\n",
      'mcp.mjs': "import { tag } from './outer.mjs';\nimport { track } from './events.mjs';\ntrack('auto_mode_fallback', { mode: tag('ask') });\n",
    }, ['api.mjs']],
  ];
  for (const [name, files, want] of wrapperCases) {
    it(name, () => {
      const got = scanFiles(files);
      const sends = got.findings.filter((f) => f.evidence?.send).map((f) => path.basename(f.file)).sort();
      assert.deepStrictEqual(sends, want, got.summary);
    });
  }
  it('an exported identity wrapper summarises as its parameter, not its callers', () => {
    const r = scanText('function lze(e) { return e }\nexport function Me(e) { return lze(e) }\nMe(process.env.LANG);\n', { file: 'w.mjs' });
    assert.deepStrictEqual(r.summary!.exports.Me.returns, { kinds: 0, from: ['pMe:0'] });
  });
});

describe('program: a list passed to another module', () => {
  // The caller in one module holds the list; the function of another compares the time zone with it.
  const cases: Array<[string, Record<string, string>]> = [
    ['an exported function given the list', {
      'index.mjs': 'import { check } from "./det.mjs";\nexport const hit = check(["Asia/Shanghai", "Asia/Urumqi"]);\n',
      'det.mjs': 'export function check(list) { return list.includes(Intl.DateTimeFormat().resolvedOptions().timeZone); }\n',
    }],
    ['an exported class given the list by its constructor', {
      'index.mjs': 'import { Detector } from "./det.mjs";\nexport const hit = new Detector(["Asia/Shanghai", "Asia/Urumqi"]).check();\n',
      'det.mjs': 'export class Detector { constructor(list) { this.list = list; } check() { return this.list.includes(Intl.DateTimeFormat().resolvedOptions().timeZone); } }\n',
    }],
  ];
  const SEND = 'function send(b) { return fetch("https://api.vendor.dev/v1/messages", { method: "POST", body: JSON.stringify(b) }); }\nsend({ system: "Today" + (hit ? "\\u2019" : "\'") + "s date" });\n';
  for (const [name, files] of cases) {
    it(`${name}: the comparison is reported, naming the zones`, () => {
      const got = scanFiles(files);
      const c = got.findings.find((f) => f.ruleId === 'geo-org-comparison');
      assert.ok(c && /Asia\/Shanghai, Asia\/Urumqi/.test(c.message), got.summary || '(no findings)');
    });
    it(`${name}: its outcome steering the caller's look-alike apostrophe is untrusted`, () => {
      const got = scanFiles({ ...files, 'index.mjs': files['index.mjs'] + SEND });
      assert.strictEqual(got.verdict, 'untrusted', got.summary);
      assert.ok(got.findings.some((f) => f.ruleId === 'covert-channel' && f.severity === 'critical'), got.summary);
    });
  }
  it('benign: a picker list passed the same way stays quiet', () => {
    const got = scanFiles({
      'index.mjs': 'import { check } from "./det.mjs";\nexport const ok = check(["UTC", "Europe/Paris", "Asia/Tokyo", "America/New_York"]);\n',
      'det.mjs': 'export function check(list) { return list.includes(Intl.DateTimeFormat().resolvedOptions().timeZone); }\n',
    });
    assert.strictEqual(got.verdict, 'trusted', got.summary);
  });
});
