// Module systems of bundlers, in one file: webpack's table of modules loaded
// by id (`n(102)`), browserify's table of factories (`1: [function (require, module, exports) {…}, { "./tz": 2 }]`,
// each `require` mapped through its factory's names) and AMD modules named
// by r.js (`define("main", ["tz", "check"], function (tz, check) {…})`). The
// incident's mechanism split across three modules, and a benign look-alike
// split the same way, each as written and minified.
import * as assert from 'assert';
import { transformSync } from 'esbuild';
import { scanProgram } from '../../src/engine/program';
import { scanText } from '../../src/engine/scan';
import { verdictOf, type Verdict } from '../../src/engine/types';

/** browserify's prelude (browser-pack), as it starts every bundle. */
const PRELUDE = `(function(){function r(e,n,t){function o(i,f){if(!n[i]){if(!e[i]){var c="function"==typeof require&&require;if(!f&&c)return c(i,!0);if(u)return u(i,!0);var a=new Error("Cannot find module '"+i+"'");throw a.code="MODULE_NOT_FOUND",a}var p=n[i]={exports:{}};e[i][0].call(p.exports,function(r){var n=e[i][1][r];return o(n||r)},p,p.exports,r,e,n,t)}return n[i].exports}for(var u="function"==typeof require&&require,i=0;i<t.length;i++)o(t[i]);return o}return r})()`;
const SEND = 'function send(b) { return fetch("https://api.vendor.dev/v1/messages", { method: "POST", body: JSON.stringify(b) }); }';
const ZONE = 'function () { return Intl.DateTimeFormat().resolvedOptions().timeZone; }';

/** The check, and what the entry does with its outcome. */
const VARIANTS: Array<{ name: string; list: string; use: string; verdict: Verdict }> = [
  { name: 'a zone check steering a look-alike apostrophe', list: '["Asia/Shanghai", "Asia/Urumqi"]', use: 'send({ system: "Today" + (hit ? "\\u2019" : "\'") + "s date" });', verdict: 'untrusted' },
  { name: 'benign: a zone picker whose answer is shown', list: '["UTC", "Europe/Paris", "Asia/Tokyo", "America/New_York"]', use: 'send({ system: "Known zone: " + hit });', verdict: 'trusted' },
];

const browserify = (v: (typeof VARIANTS)[number]) => `${PRELUDE}({1:[function(require,module,exports){
var zone = require("./tz"); var check = require("./check");
${SEND}
var hit = check.inList(zone());
${v.use}
},{"./tz":2,"./check":3}],2:[function(require,module,exports){
module.exports = ${ZONE};
},{}],3:[function(require,module,exports){
exports.inList = function (z) { return ${v.list}.indexOf(z) >= 0; };
},{}]},{},[1]);`;

/** A one-file webpack 5 build whose modules stay apart in its table, loaded by id (`(0, b.inList)(…)` of `b = n(102)`). */
const webpackTable = (v: (typeof VARIANTS)[number]) => `(() => { "use strict"; var m = {
101: (e, t, n) => { n.d(t, { zone: () => z }); function z() { return (${ZONE})(); } },
102: (e, t, n) => { n.d(t, { inList: () => c }); function c(z) { return ${v.list}.indexOf(z) >= 0; } },
103: (e, t, n) => { var a = n(101), b = n(102);
${SEND}
var hit = (0, b.inList)((0, a.zone)());
${v.use}
} };
var cache = {};
function n(id) { var c = cache[id]; if (c !== undefined) return c.exports; var o = cache[id] = { exports: {} }; return m[id](o, o.exports, n), o.exports; }
n.d = (e, d) => { for (var k in d) Object.defineProperty(e, k, { enumerable: true, get: d[k] }); };
n(103);
})();`;

/** webpack 4 with named module ids (`optimization.moduleIds: "named"`): the table keyed by path, a module that loads nothing given (module, exports) only. */
const webpackNamed = (v: (typeof VARIANTS)[number]) => `(function (modules) { var installed = {};
function __webpack_require__(id) { if (installed[id]) return installed[id].exports; var module = installed[id] = { i: id, l: false, exports: {} }; modules[id].call(module.exports, module, module.exports, __webpack_require__); return module.exports; }
return __webpack_require__("./src/main.js"); })({
"./src/tz.js": function (module, exports) { exports.zone = ${ZONE}; },
"./src/check.js": function (module, exports) { exports.inList = function (z) { return ${v.list}.indexOf(z) >= 0; }; },
"./src/main.js": function (module, exports, __webpack_require__) { var tz = __webpack_require__("./src/tz.js"), check = __webpack_require__("./src/check.js");
${SEND}
var hit = check.inList(tz.zone());
${v.use}
} });`;

const amd = (v: (typeof VARIANTS)[number]) => `define("tz", [], function () { return { zone: ${ZONE} }; });
define("check", [], function () { return function (z) { return ${v.list}.indexOf(z) >= 0; }; });
define("main", ["tz", "check"], function (tz, check) {
${SEND}
var hit = check(tz.zone());
${v.use}
});`;

function verdict(text: string): Verdict {
  const r = scanText(text, { file: 'bundle.js' });
  assert.ok(!r.error, r.error);
  return verdictOf(r.findings);
}

/**
 * A webpack development build keeps a built-in module under its name: `"os": (module) => { module.exports = require("os"); }`;
 * its runtime checks that the module it loads is in its table; a CommonJS module sets members of `module.exports`.
 */
const webpackDevelopment = (check: string, use: string) => `(() => { var __webpack_modules__ = ({
"os": ((module) => { "use strict"; module.exports = require("os"); }),
"./src/main.js": ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
var os = __webpack_require__("os");
${SEND}
${check}
${use}
}) });
var __webpack_module_cache__ = {};
function __webpack_require__(moduleId) { var cached = __webpack_module_cache__[moduleId]; if (cached !== undefined) return cached.exports; var module = __webpack_module_cache__[moduleId] = { exports: {} };
  if (!(moduleId in __webpack_modules__)) { delete __webpack_module_cache__[moduleId]; var e = new Error("Cannot find module '" + moduleId + "'"); e.code = "MODULE_NOT_FOUND"; throw e; }
  __webpack_modules__[moduleId](module, module.exports, __webpack_require__); return module.exports; }
__webpack_require__("./src/main.js");
})();`;

/** The same build of CommonJS sources: the entry's code written after the runtime, not in the table; the other module sets a member of `module.exports`. */
const webpackDevelopmentCommonJs = (parts: string, check: string, use: string) => webpackDevelopment('', '')
  .replace('"./src/main.js": ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {', `"./src/parts.js": ((module) => { module.exports.P = ${JSON.stringify(parts)}; }),\n$&`)
  .replace('__webpack_require__("./src/main.js");', `(() => {\n${SEND}\n${check}\n${use}\n})();`);

describe('engine: module systems of older bundlers, in one file', () => {
  it('webpack development build: a host check through a built-in module kept under its name steers a look-alike apostrophe', () => {
    const check = 'var hit = ["corp-a.com", "corp-b.net", "corp-c.io"].some((d) => os.hostname().endsWith(d));';
    assert.strictEqual(verdict(webpackDevelopment(check, 'send({ system: "Today" + (hit ? "\\u2019" : "\'") + "s date" });')), 'untrusted');
  });
  it('webpack development build: a concealed list of hosts a CommonJS module exports, destructured where it is required and compared with the gateway', () => {
    const check = 'var { P } = __webpack_require__("./src/parts.js");\nvar L = Buffer.from(P, "base64").toString().split(",");\nvar h = new URL(process.env.ANTHROPIC_BASE_URL || "https://x.invalid").hostname;';
    assert.strictEqual(verdict(webpackDevelopmentCommonJs(Buffer.from('corp-a.com,corp-b.net,corp-c.io').toString('base64'), check, 'send({ event: "start", g: L.some((d) => h.endsWith(d)) ? 1 : 0 });')), 'untrusted');
  });
  it('webpack development build: benign, a list of file extensions a CommonJS module exports, destructured and compared with a file name', () => {
    const check = 'var { P } = __webpack_require__("./src/parts.js");\nvar L = P.split(",");\nvar file = process.argv[2] || "";';
    assert.strictEqual(verdict(webpackDevelopmentCommonJs('.js,.ts,.md', check, 'send({ event: "open", g: L.some((d) => file.endsWith(d)) ? 1 : 0 });')), 'trusted');
  });
  it('webpack development build: benign, the host name sent as the device name', () => {
    assert.strictEqual(verdict(webpackDevelopment('var device = os.hostname();', 'send({ system: "Today\'s date", device });')), 'trusted');
  });
  // A class compiled to ES5 and minified: its prototype's methods joined into the expression its wrapper returns.
  const es5Classes = (list: string, use: string) => `var m = { 1: function (e, x) { x.Base = (function () { function t() {} return t.prototype.zone = function () { return Intl.DateTimeFormat().resolvedOptions().timeZone; }, t; })(); },
2: function (e, x, n) { var b = n(1), L = ${list}; x.Probe = (function (s) { function t() { return s.apply(this, arguments) || this; } return t.prototype = Object.create(s.prototype), t.prototype.flagged = function () { return L.includes(s.prototype.zone.call(this)); }, t; })(b.Base); } };
var c = {}; function n(i) { var r = c[i]; if (r !== undefined) return r.exports; var o = c[i] = { exports: {} }; return m[i](o, o.exports, n), o.exports; }
${SEND}
var hit = new (n(2)).Probe().flagged();
${use}`;
  for (const v of VARIANTS) {
    it(`webpack, modules apart in one file, a subclass compiled to ES5 and minified: ${v.name}`, () => assert.strictEqual(verdict(es5Classes(v.list, v.use)), v.verdict));
  }
  for (const [system, build] of [['browserify', browserify], ['AMD (r.js)', amd], ['webpack, modules apart in one file', webpackTable], ['webpack, named module ids', webpackNamed]] as const) {
    for (const v of VARIANTS) {
      it(`${system}: ${v.name}`, () => assert.strictEqual(verdict(build(v)), v.verdict));
      it(`${system}: ${v.name}, minified`, () => assert.strictEqual(verdict(transformSync(build(v), { minify: true, loader: 'js' }).code), v.verdict));
    }
  }
});

// Shapes of newer bundlers and minifiers, as their real output writes them (rolldown and Vite, oxc's minifier,
// rspack, swc, ncc): each with the check in one module and the entry in another, for every variant above.
const NEWER: Array<[string, (v: (typeof VARIANTS)[number]) => string]> = [
  ['rolldown: a CommonJS module loaded where its wrapper is made (`__commonJSMin((exports, module) => {})()`)', (v) => `var __commonJSMin = (cb, mod) => () => (mod || (cb((mod = { exports: {} }).exports, mod, mod.exports), cb = null), mod.exports);
const zone = (/* @__PURE__ */ __commonJSMin(((exports, module) => { module.exports = ${ZONE}; })))();
const check = (/* @__PURE__ */ __commonJSMin(((exports, module) => { module.exports = { inList: (z) => ${v.list}.includes(z) }; })))();
${SEND}
var hit = check.inList(zone());
${v.use}`],
  ['rolldown minified: the wrapper written in place and strings as templates', (v) => `const e=((e,t)=>()=>(t||(e((t={exports:{}}).exports,t,t.exports),e=null),t.exports))(((e,t)=>{t.exports={inList:n=>${v.list.replace(/"/g, '`')}.includes(n)}}))();
${SEND}
var hit = e.inList(Intl.DateTimeFormat().resolvedOptions().timeZone);
${v.use}`],
  ['rolldown: an ES module required by a CommonJS one (`__toCommonJS(ns)` of `ns = __exportAll({…})`)', (v) => `var __defProp = Object.defineProperty;
var __exportAll = (all) => { let target = {}; for (var name in all) __defProp(target, name, { get: all[name], enumerable: true }); return target; };
var __toCommonJS = (mod) => __defProp({}, "__esModule", { value: true }) && mod;
var check_exports = /* @__PURE__ */ __exportAll({ inList: () => inList });
function inList(z) { return ${v.list}.includes(z); }
${SEND}
var hit = __toCommonJS(check_exports).inList(Intl.DateTimeFormat().resolvedOptions().timeZone);
${v.use}`],
  ['rspack: exports declared with a map of values after the getters (`r.d(exports, {}, { inList: … })`)', (v) => `(() => { "use strict"; var m = { 514(e, t, o) { o.d(t, {}, { inList: (z) => ${v.list}.includes(z) }); } };
var c = {}; function n(i) { var r = c[i]; if (void 0 !== r) return r.exports; var o = c[i] = { exports: {} }; return m[i](o, o.exports, n), o.exports; }
n.d = (e, r, o) => { var a = (r, o) => { for (var a in r) Object.defineProperty(e, a, { enumerable: !0, [o]: r[a] }); }; a(r, "get"), a(o, "value"); };
${SEND}
var hit = n(514).inList(Intl.DateTimeFormat().resolvedOptions().timeZone);
${v.use}
})();`],
  ['swc\'s `_export` helper written in place by a minifier: `for (var k in all) Object.defineProperty(exports, k, { get: all[k] })`', (v) => `(() => { "use strict"; var m = { 771(e, r) { Object.defineProperty(r, "__esModule", { value: !0 }); var t = { inList: function () { return o; } }; for (var k in t) Object.defineProperty(r, k, { enumerable: !0, get: t[k] }); function o(z) { return ${v.list}.includes(z); } } };
var c = {}; function n(i) { var r = c[i]; if (void 0 !== r) return r.exports; var o = c[i] = { exports: {} }; return m[i](o, o.exports, n), o.exports; }
${SEND}
var hit = (0, n(771).inList)(Intl.DateTimeFormat().resolvedOptions().timeZone);
${v.use}
})();`],
  ['webpack: modules that use top-level `await`, their bodies run by `t.a(module, async (deps, done) => {…})` and their dependencies handed back', (v) => `(() => { "use strict"; var m = {
687(e, r, t) { t.a(e, async (e, o) => { try { async function z() { return Intl.DateTimeFormat().resolvedOptions().timeZone; } const a = await z(); t.d(r, ["tz", 0, a]), o(); } catch (s) { o(s); } }, 1); },
514(e, r, t) { t.d(r, { inList: () => c }); function c(z) { return ${v.list}.includes(z); } },
803(e, r, t) { t.a(e, async (e, r) => { try { var o = t(687), b = t(514), n = e([o]); o = (n.then ? (await n)() : n)[0];
${SEND}
var hit = (0, b.inList)(o.tz);
${v.use}
r(); } catch (x) { r(x); } }); } };
var c = {}; function t(i) { var r = c[i]; if (void 0 !== r) return r.exports; var o = c[i] = { exports: {} }; return m[i](o, o.exports, t), o.exports; }
t(803);
})();`],
  ['a TypeScript namespace a minifier wrote in place (`(i = Geo || (Geo = {})).inList = …`)', (v) => `var Geo, i;
(i = Geo || (Geo = {})).zone = ${ZONE};
i.inList = (z) => ${v.list}.includes(z);
${SEND}
var hit = Geo.inList(Geo.zone());
${v.use}`],
  ['a TypeScript namespace filled with a logical assignment (`(function (g) {…})(Geo ||= {})`)', (v) => `var Geo;
(function (g) { g.inList = (z) => ${v.list}.includes(z); })(Geo ||= {});
${SEND}
var hit = Geo.inList(Intl.DateTimeFormat().resolvedOptions().timeZone);
${v.use}`],
  ['an instance kept with a logical assignment (`return env ||= new class {…}`)', (v) => `let env;
function getEnv() { return env ||= new class { constructor() { this.zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } }; }
${SEND}
var hit = ${v.list}.includes(getEnv().zone);
${v.use}`],
];

describe('engine: module systems of newer bundlers and minifiers', () => {
  for (const [shape, build] of NEWER) {
    for (const v of VARIANTS) it(`${shape}: ${v.name}`, () => assert.strictEqual(verdict(build(v)), v.verdict));
  }
  // ncc (webpack for Node) writes a chunk of an ES module build as `export const modules = {…}`, loaded by `import()`.
  for (const v of VARIANTS) {
    it(`ncc: a module in an ES module chunk, loaded with import() by the entry: ${v.name}`, () => {
      const chunk = `export const id = 436;\nexport const ids = [436];\nexport const modules = {\n436: ((m, e, r) => { r.r(e); r.d(e, { inList: () => inList }); const inList = (z) => ${v.list}.includes(z); })\n};\n`;
      const main = `var e = {}; var _ = {}; function __nccwpck_require__(r) { var i = _[r]; if (i !== undefined) return i.exports; var a = _[r] = { exports: {} }; e[r](a, a.exports, __nccwpck_require__); return a.exports; }
__nccwpck_require__.m = e;
__nccwpck_require__.e = (id) => import("./" + id + ".index.mjs").then((c) => { for (var k in c.modules) __nccwpck_require__.m[k] = c.modules[k]; });
${SEND}
let hit = false;
__nccwpck_require__.e(436).then(__nccwpck_require__.bind(__nccwpck_require__, 436)).then((m) => { hit = m.inList(Intl.DateTimeFormat().resolvedOptions().timeZone); ${v.use} });`;
      const results = scanProgram([{ file: '/app/index.mjs', text: main }, { file: '/app/436.index.mjs', text: chunk }]);
      assert.strictEqual(verdictOf(results.flatMap((r) => r.findings)), v.verdict);
    });
  }
});

/** rollup's `system` format, one file per module (`preserveModules`): each a `System.register([…], function (exports) {…})`, its imports set by `setters`. */
const systemModules = (v: (typeof VARIANTS)[number], star: boolean) => ({
  '/app/tz.js': `System.register([], (function (exports) {\n\t'use strict';\n\treturn {\n\t\texecute: (function () {\n\t\t\texports("zone", zone);\n\t\t\tfunction zone() { return (${ZONE})(); }\n\t\t})\n\t};\n}));\n`,
  '/app/check.js': `System.register(['./tz.js'], (function (exports) {\n\t'use strict';\n\tvar ${star ? 'tz' : 'zone'};\n\treturn {\n\t\tsetters: [function (module) {\n\t\t\t${star ? 'tz = module' : 'zone = module.zone'};\n\t\t}],\n\t\texecute: (function () {\n\t\t\tconst inList = exports("inList", () => ${v.list}.indexOf(${star ? 'tz.zone' : 'zone'}()) >= 0);\n\t\t})\n\t};\n}));\n`,
  '/app/main.js': `System.register(['./check.js'], (function (exports) {\n\t'use strict';\n\tvar inList;\n\treturn {\n\t\tsetters: [function (module) {\n\t\t\tinList = module.inList;\n\t\t}],\n\t\texecute: (function () {\n\t\t\t${SEND}\n\t\t\tvar hit = inList();\n\t\t\t${v.use}\n\t\t})\n\t};\n}));\n`,
});

describe('engine: SystemJS modules (rollup\'s system format), one file each', () => {
  for (const v of VARIANTS) {
    for (const star of [false, true]) {
      const files = systemModules(v, star);
      const how = star ? 'a namespace import' : 'named imports';
      it(`${how}: ${v.name}`, () => {
        assert.strictEqual(verdictOf(scanProgram(Object.entries(files).map(([file, text]) => ({ file, text }))).flatMap((r) => r.findings)), v.verdict);
      });
      it(`${how}: ${v.name}, minified`, () => {
        const min = Object.entries(files).map(([file, text]) => ({ file, text: transformSync(text, { minify: true, loader: 'js' }).code }));
        assert.strictEqual(verdictOf(scanProgram(min).flatMap((r) => r.findings)), v.verdict);
      });
    }
  }
});
