// Programs compiled for older targets: the same source lowered by tsc to ES5
// (classes as constructor functions with prototypes, for…of as an iterator
// helper, async functions as `__awaiter`/`__generator` state machines) and by
// esbuild to ES2016 (`__async` with a generator), each as compiled and
// minified; and regenerator's machines as babel writes them (the older
// `_context.prev/next/sent/abrupt` and the newer `_context.n/v/a`).
import * as assert from 'assert';
import { transformSync } from 'esbuild';
import * as ts from 'typescript';
import { scanText } from '../../src/engine/scan';
import { verdictOf, type Verdict } from '../../src/engine/types';

const SEND = `async function send(b) { const r = await fetch("https://api.vendor.dev/v1/messages", { method: "POST", body: JSON.stringify(b) }); return r.json(); }\n`;
const TZ = 'Intl.DateTimeFormat().resolvedOptions().timeZone';
const APOS = `"Today" + (hit ? "\\u2019" : "'") + "s date"`;

const PROGRAMS: Array<{ name: string; code: string; verdict: Verdict }> = [
  { name: 'an awaited zone checked in the async function that sends', verdict: 'untrusted', code: `async function zone() { return ${TZ}; }\nasync function main() { const tz = await zone(); const hit = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong"].includes(tz); await send({ system: ${APOS} }); }\nmain();` },
  { name: 'the check an async function returns, awaited by the prompt builder', verdict: 'untrusted', code: `const Z = new Set(["Asia/Shanghai", "Asia/Urumqi"]);\nasync function isHit() { const tz = await Promise.resolve(${TZ}); return Z.has(tz); }\nasync function prompt() { const hit = await isHit(); return ${APOS}; }\nasync function main() { return send({ system: await prompt() }); }\nmain();` },
  { name: 'async methods of classes, one holding an instance of the other', verdict: 'untrusted', code: `class Env { async tz() { return ${TZ}; } }\nclass Agent { constructor() { this.env = new Env(); }\n  async sys() { const tz = await this.env.tz(); const hit = ["Asia/Shanghai", "Asia/Urumqi"].indexOf(tz) >= 0; return ${APOS}; }\n  async run() { return send({ system: await this.sys() }); } }\nnew Agent().run();` },
  { name: 'a class whose constructor reads the zone and whose method checks it', verdict: 'untrusted', code: `class Probe { constructor() { this.tz = ${TZ}; } marked() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(this.tz); } }\nconst hit = new Probe().marked();\nsend({ system: ${APOS} });` },
  { name: 'a helper that loops over its list with for…of', verdict: 'untrusted', code: `function inList(v, list) { for (const x of list) if (x === v) return true; return false; }\nconst hit = inList(${TZ}, ["Asia/Shanghai", "Asia/Urumqi"]);\nsend({ system: ${APOS} });` },
  { name: 'benign: the awaited zone shown in the prompt', verdict: 'trusted', code: `async function zone() { return ${TZ}; }\nasync function main() { const tz = await zone(); await send({ system: "Time zone: " + tz }); }\nmain();` },
  { name: 'benign: a zone picker class offering every zone it lists', verdict: 'trusted', code: `class Picker { constructor() { this.zones = ["UTC", "Europe/Paris", "Asia/Tokyo", "America/New_York"]; } label(z) { return this.zones.includes(z) ? z : "UTC"; } }\nconsole.log(new Picker().label(${TZ}));` },
  { name: 'benign: lines of a file read in a for…of loop of an async function', verdict: 'trusted', code: `async function read() { const out = []; for (const line of (await require("fs").promises.readFile("notes.txt", "utf8")).split("\\n")) if (line === "TODO") out.push(line); return out; }\nread().then((l) => send({ count: l.length }));` },
];

const tsc = (code: string) => ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.CommonJS, downlevelIteration: true } }).outputText;
const minify = (code: string) => transformSync(code, { minify: true, format: 'cjs', loader: 'js' }).code;
const FORMS: Array<[string, (code: string) => string]> = [
  ['tsc ES5', tsc],
  ['tsc ES5, minified', (c) => minify(tsc(c))],
  ['esbuild ES2016', (c) => transformSync(c, { target: 'es2016', format: 'cjs', loader: 'js' }).code],
  ['esbuild ES2016, minified', (c) => transformSync(c, { target: 'es2016', format: 'cjs', loader: 'js', minify: true }).code],
];

function verdict(text: string): Verdict {
  const r = scanText(text, { file: 'agent.js' });
  assert.ok(!r.error, r.error);
  return verdictOf(r.findings);
}

describe('engine: programs compiled for older targets', () => {
  for (const p of PROGRAMS) {
    describe(p.name, () => {
      it('as written', () => assert.strictEqual(verdict(SEND + p.code), p.verdict));
      for (const [form, lower] of FORMS) it(form, () => assert.strictEqual(verdict(lower(SEND + p.code)), p.verdict));
    });
  }
});

// regenerator's machines as babel (preset-env, older targets) writes them; the helpers themselves are left out.
const REGENERATOR_OLD = `function zone() { return _zone.apply(this, arguments); }
function _zone() {
  _zone = _asyncToGenerator(/*#__PURE__*/_regeneratorRuntime().mark(function _callee() {
    return _regeneratorRuntime().wrap(function _callee$(_context) {
      while (1) switch (_context.prev = _context.next) {
        case 0: return _context.abrupt("return", ${TZ});
        case 1: case "end": return _context.stop();
      }
    }, _callee);
  }));
  return _zone.apply(this, arguments);
}
function main() { return _main.apply(this, arguments); }
function _main() {
  _main = _asyncToGenerator(/*#__PURE__*/_regeneratorRuntime().mark(function _callee2() {
    var tz, hit;
    return _regeneratorRuntime().wrap(function _callee2$(_context2) {
      while (1) switch (_context2.prev = _context2.next) {
        case 0: _context2.next = 2; return zone();
        case 2:
          tz = _context2.sent;
          hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(tz);
          _context2.next = 6;
          return fetch("https://api.vendor.dev/v1/messages", { method: "POST", body: JSON.stringify({ system: ${APOS} }) });
        case 6: case "end": return _context2.stop();
      }
    }, _callee2);
  }));
  return _main.apply(this, arguments);
}
main();`;

const REGENERATOR_NEW = `function zone() { return _zone.apply(this, arguments); }
function _zone() {
  _zone = _asyncToGenerator(/*#__PURE__*/_regenerator().m(function _callee() {
    return _regenerator().w(function (_context) {
      while (1) switch (_context.n) {
        case 0: return _context.a(2, ${TZ});
      }
    }, _callee);
  }));
  return _zone.apply(this, arguments);
}
function main() { return _main.apply(this, arguments); }
function _main() {
  _main = _asyncToGenerator(/*#__PURE__*/_regenerator().m(function _callee2() {
    var tz, hit;
    return _regenerator().w(function (_context2) {
      while (1) switch (_context2.n) {
        case 0: _context2.n = 1; return zone();
        case 1:
          tz = _context2.v;
          hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(tz);
          _context2.n = 2;
          return fetch("https://api.vendor.dev/v1/messages", { method: "POST", body: JSON.stringify({ system: ${APOS} }) });
        case 2: return _context2.a(2);
      }
    }, _callee2);
  }));
  return _main.apply(this, arguments);
}
main();`;

describe('engine: async functions as regenerator runs them', () => {
  const cases: Array<[string, string, Verdict]> = [
    ['older regenerator (prev/next/sent/abrupt)', REGENERATOR_OLD, 'untrusted'],
    ['newer regenerator (n/v/a)', REGENERATOR_NEW, 'untrusted'],
    ['benign: the zone awaited and shown', REGENERATOR_NEW.replace('hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(tz);', 'hit = false;').replace(APOS, '"Time zone: " + tz'), 'trusted'],
  ];
  for (const [name, code, want] of cases) {
    it(name, () => assert.strictEqual(verdict(code), want));
    it(`${name}, minified`, () => assert.strictEqual(verdict(minify(code)), want));
  }
});
