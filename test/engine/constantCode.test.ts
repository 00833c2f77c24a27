// Code kept in constant strings and run by eval or new Function is analysed as
// the code it is (constantCode.ts): webpack's development builds keep every
// module so, and a program can keep a small piece so. Each case as written and
// with its lines checked; benign look-alikes stay quiet.
import * as assert from 'assert';
import { inlineConstantCode } from '../../src/engine/constantCode';
import { parse } from '../../src/engine/parse';
import { scanText } from '../../src/engine/scan';
import { verdictOf, type Verdict } from '../../src/engine/types';

const SEND = 'function send(b) { return fetch("https://api.vendor.dev/v1/messages", { method: "POST", body: JSON.stringify(b) }); }';
const ZONE = 'Intl.DateTimeFormat().resolvedOptions().timeZone';
const APOSTROPHE = 'send({ system: "Today" + (hit ? "\\u2019" : "\'") + "s date" });';

/** A webpack development build: each module's code a string run by eval, as `webpack --mode development` writes it. */
const development = (modules: Record<string, string>, entry: string) => `(() => { var __webpack_modules__ = ({
${Object.entries(modules).map(([id, code]) => `${JSON.stringify(id)}: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
eval(${JSON.stringify(`${code}\n\n//# sourceURL=webpack://app/${id}?`)});
})`).join(',\n')} });
var __webpack_module_cache__ = {};
function __webpack_require__(moduleId) { var cached = __webpack_module_cache__[moduleId]; if (cached !== undefined) return cached.exports; var module = __webpack_module_cache__[moduleId] = { exports: {} }; __webpack_modules__[moduleId](module, module.exports, __webpack_require__); return module.exports; }
__webpack_require__.d = (exports, definition) => { for (var key in definition) Object.defineProperty(exports, key, { enumerable: true, get: definition[key] }); };
__webpack_require__(${JSON.stringify(entry)});
})();`;

const split = (list: string, use: string) => development({
  './src/tz.js': `__webpack_require__.d(__webpack_exports__, { zone: () => zone });\nfunction zone() { return ${ZONE}; }`,
  './src/check.js': `__webpack_require__.d(__webpack_exports__, { inList: () => inList });\nconst LIST = ${list};\nfunction inList(z) { return LIST.indexOf(z) >= 0; }`,
  './src/main.js': `var _tz = __webpack_require__("./src/tz.js");\nvar _check = __webpack_require__("./src/check.js");\n${SEND}\nconst hit = (0, _check.inList)((0, _tz.zone)());\n${use}`,
}, './src/main.js');

const CASES: Array<{ name: string; text: string; verdict: Verdict }> = [
  { name: 'webpack development build: the mechanism split across eval\'d modules', text: split('["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"]', APOSTROPHE), verdict: 'untrusted' },
  { name: 'benign: webpack development build, a zone picker whose answer is shown', text: split('["UTC", "Europe/Paris", "Asia/Tokyo", "America/New_York"]', 'send({ system: "Known zone: " + hit });'), verdict: 'trusted' },
  { name: 'a check kept in a string run by eval inside a function', text: `${SEND}\nfunction go() {\n  eval("var hit = [\\"Asia/Shanghai\\", \\"Asia/Urumqi\\"].includes(${ZONE});\\n// the check");\n  ${APOSTROPHE}\n}\ngo();\n`, verdict: 'untrusted' },
  { name: 'a check made by new Function from constant strings', text: `${SEND}\nconst inList = new Function("z", "return [\\"Asia/Shanghai\\", \\"Asia/Urumqi\\"].indexOf(z) >= 0;");\nconst hit = inList(${ZONE});\n${APOSTROPHE}\n`, verdict: 'untrusted' },
  { name: 'a check made by Function (no new) from a template without expressions', text: `${SEND}\nconst inList = Function("z", \`return ["Asia/Shanghai", "Asia/Urumqi"]\n  .indexOf(z) >= 0;\`);\nconst hit = inList(${ZONE});\n${APOSTROPHE}\n`, verdict: 'untrusted' },
  { name: 'a check kept in a string run by indirect eval ((0, eval)("…"))', text: `${SEND}\n(0, eval)("globalThis.hit = [\\"Asia/Shanghai\\", \\"Asia/Urumqi\\"].includes(${ZONE});");\nconst hit = globalThis.hit;\n${APOSTROPHE}\n`, verdict: 'untrusted' },
  { name: 'a channel kept in a string run by globalThis.eval', text: `${SEND}\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(${ZONE});\nglobalThis.eval("${APOSTROPHE.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}");\n`, verdict: 'untrusted' },
  { name: 'a check kept in a string run by vm.runInThisContext', text: `const vm = require("vm");\n${SEND}\nvm.runInThisContext("globalThis.hit = [\\"Asia/Shanghai\\", \\"Asia/Urumqi\\"].includes(${ZONE});");\nconst hit = globalThis.hit;\n${APOSTROPHE}\n`, verdict: 'untrusted' },
  { name: 'a channel kept in a string a timer runs (setTimeout("…", 0))', text: `${SEND}\nvar hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(${ZONE});\nsetTimeout("${APOSTROPHE.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}", 0);\n`, verdict: 'untrusted' },
  { name: 'benign: a timer running a constant string that shows the zone', text: `setTimeout("console.log(Intl.DateTimeFormat().resolvedOptions().timeZone)", 10);\n`, verdict: 'trusted' },
  { name: 'benign: the global object through Function("return this")', text: `${SEND}\nconst g = Function("return this")();\nsend({ system: "Today's date", zone: typeof g.Intl });\n`, verdict: 'trusted' },
  { name: 'benign: eval\'d code that declares what the file declares too (its own block)', text: `${SEND}\nlet hit = process.argv.includes("--brief");\neval("let hit = 1; console.log(hit);");\n${APOSTROPHE}\n`, verdict: 'trusted' },
  { name: 'benign: an eval\'d string that is no code is left as it is', text: `${SEND}\nconst hit = process.argv.includes("--brief");\ntry { eval("this is not ( code"); } catch {}\n${APOSTROPHE}\n`, verdict: 'trusted' },
];

describe('engine: code kept in constant strings (eval, new Function)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = scanText(c.text, { file: 'main.js' });
      assert.ok(!r.error, r.error);
      assert.deepStrictEqual(r.notAnalysed, []);
      assert.strictEqual(verdictOf(r.findings), c.verdict, r.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`).join('\n'));
    });
  }

  it('findings in eval\'d code are on the eval\'s line and say decoded; the lines after it stay', () => {
    const text = `// one\n${SEND}\neval("const hit = [\\"Asia/Shanghai\\", \\"Asia/Urumqi\\"]\\n  .includes(${ZONE});\\nglobalThis.hit = hit;");\nconst host = require("os").hostname();\nglobalThis.corp = ["corp-a.com", "corp-b.net", "corp-c.io"].some((d) => host.endsWith(d));\n`;
    const r = scanText(text, { file: 'main.js' });
    const comparison = r.findings.find((f) => f.ruleId === 'geo-org-comparison');
    assert.strictEqual(comparison?.line, 3);
    assert.strictEqual(comparison?.decoded, true);
    const after = r.findings.find((f) => f.ruleId === 'geo-org-comparison' && f.line !== 3);
    assert.strictEqual(after?.line, 5, r.findings.map((f) => `${f.ruleId}:${f.line}`).join(' '));
  });

  it('code that reads nothing (the global object idiom) is not written in place: a large file is not parsed twice for it', () => {
    for (const text of ['var g = Function("return this")();\n', 'var g = new Function("return this")();\n', 'Function("r", "regeneratorRuntime = r")(runtime);\n', 'eval("var x = 1");\n']) {
      assert.strictEqual(inlineConstantCode(text, parse(text).index), undefined, text);
    }
    const reads = 'var z = new Function("return Intl.DateTimeFormat().resolvedOptions().timeZone")();\n';
    assert.ok(inlineConstantCode(reads, parse(reads).index)?.includes('(function anonymous('));
  });

  it('in a file of more than 4 MB, code run in another context is analysed alone, its findings at the statement that runs it', () => {
    const filler = `var pad = [${'"x", '.repeat(900_000)}"x"];\n`;
    const sandboxed = `const vm = require("vm");\n${filler}${SEND}\nvm.runInNewContext("var hit = [\\"Asia/Shanghai\\", \\"Asia/Urumqi\\"].includes(${ZONE});\\nfetch(\\"https://api.vendor.dev/v1\\", { method: \\"POST\\", body: JSON.stringify({ system: hit ? \\"It\\\\u2019s\\" : \\"It's\\" }) });", { fetch, Intl, JSON });\n`;
    assert.ok(sandboxed.length > 4_000_000);
    const r = scanText(sandboxed, { file: 'main.js' });
    assert.strictEqual(verdictOf(r.findings), 'untrusted', r.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`).join('\n'));
    for (const f of r.findings.filter((x) => x.severity === 'critical' || x.ruleId === 'geo-org-comparison')) assert.deepStrictEqual([f.line, f.decoded], [4, true]);
    // (Written in place, a small file's sandboxed code is found as before; and in a large file, code that shares the
    // file's names, `new Function`, is still written in place, so a call of it from the file is followed.)
    const shared = `${filler}${SEND}\nconst inList = new Function("z", "return [\\"Asia/Shanghai\\", \\"Asia/Urumqi\\"].indexOf(z) >= 0;");\nconst hit = inList(${ZONE});\n${APOSTROPHE}\n`;
    assert.strictEqual(verdictOf(scanText(shared, { file: 'main.js' }).findings), 'untrusted');
  });

  it('code decoded at run time is still hidden dynamic code, not read in place', () => {
    const text = `${SEND}\neval(Buffer.from("dmFyIGhpdCA9IFsiQXNpYS9TaGFuZ2hhaSJdLmluY2x1ZGVzKHR6KTs=", "base64").toString());\n`;
    const r = scanText(text, { file: 'main.js' });
    assert.ok(r.findings.some((f) => f.ruleId === 'hidden-dynamic-code'), r.findings.map((f) => f.ruleId).join(' '));
  });
});
