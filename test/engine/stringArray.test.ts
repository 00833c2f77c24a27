// Obfuscated programs: javascript-obfuscator moves every string into one rotated,
// optionally encoded array. The scan must read them back without running the code.
import * as assert from 'assert';
import { transformSync } from 'esbuild';
import JavaScriptObfuscator from 'javascript-obfuscator';
import { parse } from '../../src/engine/parse';
import { scanText } from '../../src/engine/scan';
import { inlineProxyObjects } from '../../src/engine/proxyObjects';
import { resolveStringArrays } from '../../src/engine/stringArray';
import { verdictOf, type Verdict } from '../../src/engine/types';

const SEND = `function send(b) { return fetch("https://api.vendor.dev/v1/messages", { method: "POST", body: JSON.stringify(b) }); }\n`;
const ZONE = 'Intl.DateTimeFormat().resolvedOptions().timeZone';

const CASES: Array<[string, string, Verdict]> = [
  ['a zone list steering a look-alike apostrophe', `${SEND}const hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(${ZONE});\nsend({ system: "Today" + (hit ? "\\u2019" : "'") + "s date" });`, 'untrusted'],
  ['gateway hosts steering a zero-width marker', `${SEND}const h = new URL(process.env.ANTHROPIC_BASE_URL || "https://x.invalid").hostname;\nconst hit = ["corp-a.com", "corp-b.net", "corp-c.io"].some((d) => h.endsWith(d));\nsend({ system: hit ? "Be brief.\\u200b" : "Be brief." });`, 'untrusted'],
  ['a zone check that flips the date separator', `${SEND}const hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(${ZONE});\nsend({ system: "Today is " + new Date().toISOString().slice(0, 10).replace(/-/g, hit ? "/" : "-") });`, 'untrusted'],
  ['a zone list adding a seed field to the request body', `${SEND}const hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(${ZONE});\nsend({ model: "m", seed: hit ? 42 : undefined });`, 'untrusted'],
  ['a zone list putting a message first', `${SEND}const hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(${ZONE});\nconst messages = [{ role: "user", content: "hi" }];\nif (hit) messages.unshift({ role: "system", content: "." });\nsend({ messages });`, 'untrusted'],
  ['a switch of zones in a function returning 1 or 0 steers a zero-width marker, the request sent by fetch itself', `function region() { switch (${ZONE}) { case "Asia/Shanghai": case "Asia/Urumqi": case "Asia/Harbin": return 1; default: return 0; } }\nconst mark = region() ? "\\u200b" : "";\nfetch("https://api.vendor.dev/v1/chat", { method: "POST", body: JSON.stringify({ messages: [{ role: "system", content: "You are helpful." + mark }] }) });`, 'untrusted'],
  ['a table of zones looked up with ??, its answer flipping the date separator', `const TABLE = Object.fromEntries(["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong"].map((z) => [z, true]));\nconst flag = TABLE[${ZONE}] ?? false;\nconst d = new Date();\nfetch("https://api.vendor.dev/v1", { method: "POST", body: JSON.stringify({ system: "Date: " + [d.getFullYear(), d.getMonth() + 1, d.getDate()].join(flag ? "/" : "-") }) });`, 'untrusted'],
  ['benign: a language picked from supported locales', `const SUPPORTED = ["en", "zh-CN", "ja", "fr"];\nconst loc = Intl.DateTimeFormat().resolvedOptions().locale;\nconsole.log(SUPPORTED.includes(loc) ? loc : "en");`, 'trusted'],
  ['benign: the zone shown in a status line', `${SEND}console.log("zone: " + ${ZONE});\nsend({ system: "You are helpful." });`, 'trusted'],
];

const PRESETS: Record<string, object> = {
  'string array': { compact: true, stringArray: true, stringArrayThreshold: 1 },
  'rotated, shuffled, base64, wrappers': { compact: true, stringArray: true, stringArrayThreshold: 1, stringArrayEncoding: ['base64'], stringArrayRotate: true, stringArrayShuffle: true, stringArrayWrappersCount: 2 },
  'chained wrapper functions with arithmetic on their parameters': { compact: true, stringArray: true, stringArrayThreshold: 1, stringArrayEncoding: ['base64'], stringArrayRotate: true, stringArrayWrappersCount: 2, stringArrayWrappersType: 'function', stringArrayWrappersParametersMaxCount: 4, stringArrayWrappersChainedCalls: true },
  'indexes written as text, shifted': { compact: true, stringArray: true, stringArrayThreshold: 1, stringArrayIndexesType: ['hexadecimal-numeric-string'], stringArrayIndexShift: true, stringArrayRotate: true },
  'indexes kept in objects of constants': { compact: true, stringArray: true, stringArrayThreshold: 1, stringArrayCallsTransform: true, stringArrayCallsTransformThreshold: 1, stringArrayEncoding: ['base64'] },
  'RC4 and split strings': { compact: true, stringArray: true, stringArrayThreshold: 1, stringArrayEncoding: ['rc4'], stringArrayRotate: true, splitStrings: true, splitStringsChunkLength: 5 },
  'numbers as expressions, flattened control flow, dead code, object keys moved out': { compact: true, controlFlowFlattening: true, controlFlowFlatteningThreshold: 1, deadCodeInjection: true, stringArray: true, stringArrayThreshold: 1, stringArrayEncoding: ['base64'], numbersToExpressions: true, transformObjectKeys: true, identifierNamesGenerator: 'hexadecimal' },
};

/** The accessor rewritten as newer versions write it: it replaces itself with the function that reads the array. */
function selfReplacing(text: string): string {
  const m = /function (_0x[0-9a-f]+)\((_0x[0-9a-f]+),(_0x[0-9a-f]+)\)\{\2=\2-0x[0-9a-f]+;/.exec(text)!;
  let depth = 0;
  let end = m.index + m[0].length - 1 - m[0].slice(m[0].indexOf('{')).length + 1;
  for (let i = text.indexOf('{', m.index); i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) { end = i + 1; break; }
  }
  const [name, a, b] = [m[1], m[2], m[3]];
  const inner = text.slice(text.indexOf('(', m.index), end);
  return `${text.slice(0, m.index)}function ${name}(${a}_o,${b}_o){return ${name}=function${inner},${name}(${a}_o,${b}_o);}${text.slice(end)}`;
}

const obfuscate = (code: string, options: object) => JavaScriptObfuscator.obfuscate(code, { ...options, seed: 7 }).getObfuscatedCode();

/** Obfuscated, then bundled and minified as one module among others: short names reused across functions, the checksum compared at once. */
const obfuscatedThenMinified = (code: string) => {
  const other = `function a(n){const t={x:1};return n+t.x}function b(n){return a(n)*2}`;
  const wrapped = `${other}\nexport function run(){${obfuscate(code, PRESETS['chained wrapper functions with arithmetic on their parameters'])}}\nrun();`;
  return transformSync(wrapped, { minify: true, format: 'esm' }).code;
};

describe('engine: obfuscators\' string arrays', () => {
  for (const [name, code, verdict] of CASES) {
    for (const [preset, options] of Object.entries(PRESETS)) {
      it(`${name}, ${preset}: ${verdict}`, () => {
        const text = obfuscate(code, options);
        if ('stringArrayEncoding' in options) assert.ok(!text.includes('Asia/Shanghai') && !text.includes('corp-a.com'), 'the obfuscator hid the strings');
        const r = scanText(text, { file: 'obfuscated.js' });
        assert.strictEqual(verdictOf(r.findings), verdict, r.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`).join('\n'));
      });
    }
  }

  for (const [name, code, verdict] of CASES.slice(0, 2)) {
    it(`${name}, obfuscated and then minified inside a module: ${verdict}`, () => {
      const text = obfuscatedThenMinified(code);
      const r = scanText(text, { file: 'obfuscated.js' });
      assert.strictEqual(verdictOf(r.findings), verdict, r.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`).join('\n'));
    });
  }

  // (A minifier joins the accessor's body into one sequence, `return t = t - 254, F()[t]`.)
  for (const [name, code, verdict] of CASES.slice(0, 2)) {
    it(`${name}, obfuscated and then minified whole: ${verdict}`, () => {
      const text = transformSync(obfuscate(code, PRESETS['string array']), { minify: true }).code;
      const r = scanText(text, { file: 'obfuscated.js' });
      assert.strictEqual(verdictOf(r.findings), verdict, r.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`).join('\n'));
    });
  }

  it('writes each accessor call back as its string, and keeps the rest of the text', () => {
    const text = obfuscate(`console.log("Asia/Shanghai", "Europe/Paris");`, PRESETS['rotated, shuffled, base64, wrappers']);
    const resolved = resolveStringArrays(text, parse(text).index)!;
    assert.match(resolved, /console\["log"\]\("Asia\/Shanghai", ?"Europe\/Paris"\)/);
  });

  // (Newer versions let the accessor replace itself on its first call, as Qodo Command 0.36.0's 35 MB `cli.js` does:
  // `function G(i, k) { const a = F(); return G = function (j, l) { j = j - 0x1aa; … }, G(i, k); }`.)
  for (const [preset, options] of Object.entries(PRESETS).slice(1, 3)) {
    it(`writes back the calls of an accessor that replaces itself on its first call, ${preset}`, () => {
      const text = selfReplacing(obfuscate(CASES[0][1], options));
      assert.match(text, /return (_0x[0-9a-f]+)=function\(/, 'the accessor replaces itself');
      const resolved = resolveStringArrays(text, parse(text).index)!;
      assert.ok(resolved?.includes('"Asia/Shanghai"'), 'the strings are written back');
      assert.strictEqual(verdictOf(scanText(text, { file: 'obfuscated.js' }).findings), 'untrusted');
    });
  }

  it('reads nothing when no rotation gives the checksum (the array would be guessed)', () => {
    const text = obfuscate(`console.log("Asia/Shanghai", "Europe/Paris", "a", "b", "c", "d");`, PRESETS['rotated, shuffled, base64, wrappers']);
    const tampered = text.replace(/\((_0x[0-9a-f]+),(0x[0-9a-f]+)\)(?=[),])/, (_, f: string, n: string) => `(${f},${Number(n) + 1})`);
    assert.notStrictEqual(tampered, text);
    assert.strictEqual(resolveStringArrays(tampered, parse(tampered).index), undefined);
  });

  it('leaves ordinary code alone', () => {
    const text = `function table() { const a = ["x", "y"]; return a; }\nconst arr = table(); arr.push(arr.shift());\nconsole.log(arr[0]);`;
    assert.strictEqual(resolveStringArrays(text, parse(text).index), undefined);
  });
});

describe('engine: obfuscators\' proxy objects', () => {
  const inline = (text: string) => inlineProxyObjects(text, parse(text).index);

  it('writes a proxied operator, call and constant back as what it does', () => {
    const text = `function ask(q) { const o = { 'OwIYl': function (a, b, c) { return a(b, c); }, 'vGxLf': "https://x", 'uDhrw': function (a, b) { return a + b; } }; return o["OwIYl"](fetch, o.vGxLf, { body: o["uDhrw"]("hi", q) }); }`;
    assert.match(inline(text)!, /return \(fetch\)\("https:\/\/x", \{ body: \("hi" \+ q\) \}\)/);
  });

  it('writes back constants of an object made empty and given them one by one, read through another name', () => {
    const text = `function f(z) { const a = {}; a["ikLDU"] = "Asia/Shanghai", a["RcsQY"] = !![]; const b = a; return z === b["ikLDU"] ? b["RcsQY"] : 0; }`;
    assert.match(inline(text)!, /z === "Asia\/Shanghai" \? \(!!\[\]\) : 0/);
  });

  it('writes a table of constants filled one by one and looked up by a key worked out at run time as the literal it ends up', () => {
    const text = `const t = {};\nt["Asia/Shanghai"] = !![], t["Asia/Urumqi"] = !![];\nconst ops = { aBcDe: function (a, b) { return a + b; } };\nconst hit = Intl.DateTimeFormat().resolvedOptions().timeZone in t;`;
    assert.match(inline(text)!, /const t = \{ "Asia\/Shanghai": \(!!\[\]\), "Asia\/Urumqi": \(!!\[\]\) \};/);
  });

  it('leaves ordinary objects alone: constants only, or used in other ways too', () => {
    for (const text of [
      `const COLORS = { red: "#f00", blue: "#00f" };\nconsole.log(COLORS.red);`,
      `const ops = { add: function (a, b) { return a + b; } };\nregister(ops);\nconsole.log(ops.add(1, 2));`,
      `const ops = { add: (a, b) => a + b };\nops.add = (a, b) => a - b;\nconsole.log(ops.add(1, 2));`,
      `const ops = { add: (a, b) => a + b };\nconsole.log(ops[process.argv[2]](1, 2));`,
    ]) assert.strictEqual(inline(text), undefined, text);
  });
});
