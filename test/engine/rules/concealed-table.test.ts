import * as assert from 'assert';
import { createCipheriv, createHash } from 'crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'zlib';
import { ruleTester } from '../../ruleTester';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const xor = (s: string, k: number) => Buffer.from([...Buffer.from(s)].map((b) => b ^ k)).toString('base64');
const xorHex = (s: string, k: number) => Buffer.from([...Buffer.from(s)].map((b) => b ^ k)).toString('hex');
const hosts = 'one.example.cn,two.example.cn,three.example.com.cn';
const list = JSON.stringify(['corp-a.com', 'corp-b.net', 'corp-c.io', 'corp-d.cn']);
const key = '0123456789abcdef0123456789abcdef';
const iv = 'abcdef9876543210';
const aes = (() => { const c = createCipheriv('aes-256-cbc', key, iv); return Buffer.concat([c.update(list), c.final()]).toString('base64'); })();
const ctr = (() => { const c = createCipheriv('aes-128-ctr', key.slice(0, 16), iv); return Buffer.concat([c.update(list), c.final()]).toString('base64'); })();
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const fnv = (s: string) => { let h = 0x811c9dc5; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; } return h; };
const gateway = `const host = new URL(process.env.ANTHROPIC_BASE_URL).hostname;`;

ruleTester('concealed-table', {
  valid: [
    // A plain list is not concealed (geo-org-comparison reports it).
    `const h = new URL(process.env.X_BASE_URL).hostname; ["a.cn","b.cn","c.cn"].includes(h);`,
    // Decoded images and data are not tables.
    `const png = Buffer.from("${Buffer.from(Array.from({ length: 64 }, (_, i) => i)).toString('base64')}", "base64");`,
    // Decoded prose.
    `const msg = atob("${b64('Hello, world; this is fine')}");`,
    // A file's checksum checked against its expected digest: no fingerprint is hashed.
    `const crypto = require("crypto"), fs = require("fs");\nconst d = crypto.createHash("sha256").update(fs.readFileSync("rg")).digest("hex");\nif (d !== "${sha('rg')}") throw new Error("corrupt");`,
    // Compressed data that is not a list of places.
    `const zlib = require("zlib");\nconst text = zlib.inflateSync(Buffer.from("${deflateSync('Hello, world; this is fine').toString('base64')}", "base64")).toString();`,
  ],
  invalid: [
    // Spreads as tsc writes them for ES5: text turned around through `__spreadArray([], __read(s), false)`, codes XOR-ed and spread into `String.fromCharCode.apply`.
    {
      code: `var __read = (this && this.__read) || function (o, n) { var m = typeof Symbol === "function" && o[Symbol.iterator]; if (!m) return o; var i = m.call(o), r, ar = [], e; try { while ((n === void 0 || n-- > 0) && !(r = i.next()).done) ar.push(r.value); } catch (error) { e = { error: error }; } finally { try { if (r && !r.done && (m = i["return"])) m.call(i); } finally { if (e) throw e.error; } } return ar; };\nvar __spreadArray = (this && this.__spreadArray) || function (to, from, pack) { if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) { if (ar || !(i in from)) { if (!ar) ar = Array.prototype.slice.call(from, 0, i); ar[i] = from[i]; } } return to.concat(ar || Array.prototype.slice.call(from)); };\nvar CITIES = ["iahgnahS", "iqmurU"].map(function (c) { return __spreadArray([], __read(c), false).reverse().join(""); });\nvar HOSTS = [${JSON.stringify([...'corp-a.com'].map((c) => c.charCodeAt(0) ^ 23))}].map(function (a) { return String.fromCharCode.apply(String, __spreadArray([], __read(a.map(function (c) { return c ^ 23; })), false)); });\nvar tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconsole.log(CITIES.map(function (c) { return "Asia/" + c; }).indexOf(tz) > -1, HOSTS.indexOf(new URL(process.env.OPENAI_BASE_URL).hostname) > -1);`,
      findings: [{ severity: 'critical', line: 3, message: /Asia\/Shanghai, Asia\/Urumqi/ }, { severity: 'critical', line: 6, message: /hosts .*: corp-a\.com/ }],
    },
    // Hosts XOR-ed byte by byte in a buffer (`buf.map((b) => b ^ k)` gives a buffer).
    {
      code: `const hosts = ["7478656739726f767a677b72", "7a727076747865673974787a"].map((h) => Buffer.from(h, "hex").map((b) => b ^ 23).toString());\nconst gw = new URL(process.env.OPENAI_BASE_URL).host;\nconsole.log(hosts.includes(gw));`,
      findings: [{ severity: 'critical', line: 1, message: /corp\.example, megacorp\.com/ }],
    },
    // A list built by push in a loop, and one merged in with Object.assign.
    {
      code: `const L = [];\nfor (const s of ["QXNpYS9TaGFuZ2hhaQ==", "QXNpYS9VcnVtcWk="]) L.push(atob(s));\nconsole.log(L.includes(Intl.DateTimeFormat().resolvedOptions().timeZone));`,
      findings: [{ severity: 'critical', line: 2, message: /Asia\/Shanghai, Asia\/Urumqi/ }],
    },
    {
      code: `const base = {};\nObject.assign(base, { zones: ["QXNpYS9TaGFuZ2hhaQ==", "QXNpYS9VcnVtcWk="].map((s) => atob(s)) });\nconsole.log(base.zones.includes(Intl.DateTimeFormat().resolvedOptions().timeZone));`,
      findings: [{ severity: 'critical', line: 2, message: /Asia\/Shanghai, Asia\/Urumqi/ }],
    },
    // Zone names spelled as character codes (numbers only, no string literal behind them).
    {
      code: `const H = [0x41, 0x73, 0x69, 0x61, 0x2f, 0x53, 0x68, 0x61, 0x6e, 0x67, 0x68, 0x61, 0x69];\nconst H2 = [65, 115, 105, 97, 47, 85, 114, 117, 109, 113, 105];\nconst Z = [String.fromCharCode.apply(null, H), String.fromCharCode(...H2)];\nif (Z.includes(Intl.DateTimeFormat().resolvedOptions().timeZone)) console.log(1);`,
      findings: [{ severity: 'critical', line: 4, message: /Asia\/Shanghai, Asia\/Urumqi/ }],
    },
    // Lists compressed or encrypted with a key kept in the code, decoded with Node's own zlib and crypto.
    ...([
      ['zlib inflate', `const zlib = require("zlib");\nconst L = JSON.parse(zlib.inflateSync(Buffer.from("${deflateSync(list).toString('base64')}", "base64")).toString());`],
      ['gzip, destructured', `const { gunzipSync } = require("zlib");\nconst L = JSON.parse(gunzipSync(Buffer.from("${gzipSync(list).toString('base64')}", "base64")).toString("utf8"));`],
      ['brotli', `const z = require("node:zlib");\nconst L = JSON.parse(z.brotliDecompressSync(Buffer.from("${brotliCompressSync(list).toString('base64')}", "base64")).toString());`],
      ['AES-CBC', `const crypto = require("crypto");\nconst d = crypto.createDecipheriv("aes-256-cbc", "${key}", "${iv}"); const L = JSON.parse(d.update("${aes}", "base64", "utf8") + d.final("utf8"));`],
      ['AES-CTR, key as a Buffer', `const { createDecipheriv } = require("crypto");\nconst d = createDecipheriv("aes-128-ctr", Buffer.from("${key.slice(0, 16)}"), Buffer.from("${iv}")); const L = JSON.parse(d.update(Buffer.from("${ctr}", "base64")).toString());`],
    ] as const).map(([name, decode]) => ({
      code: `// ${name}\n${decode}\n${gateway}\nif (L.some((h) => host.endsWith(h))) console.log(1);`,
      findings: [{ severity: 'critical' as const, line: 3, message: /4 hosts.*corp-a\.com, corp-b\.net, corp-c\.io, corp-d\.cn/ }],
    })),
    // Names spelled in base 36.
    {
      code: `const NAMES = [${parseInt('corpa', 36)}, ${parseInt('corpb', 36)}, ${parseInt('corpc', 36)}].map((n) => n.toString(36) + ".com");\n${gateway}\nconst x = NAMES.some((n) => host.endsWith(n));`,
      findings: [{ severity: 'critical', line: 1, message: /corpa\.com, corpb\.com, corpc\.com/ }],
    },
    // The gateway hashed (SHA-256) and the host name hashed by hand (FNV-1a), compared with digests: nothing to decode.
    {
      code: `const crypto = require("crypto");\nconst H = new Set(${JSON.stringify(['corp-a.com', 'corp-b.net', 'corp-c.io'].map(sha))});\n${gateway}\nconst flagged = H.has(crypto.createHash("sha256").update(host).digest("hex"));`,
      findings: [{ severity: 'critical', line: 4, message: /API gateway is hashed and compared with 3 opaque constants/ }],
    },
    {
      code: `const os = require("os");\nfunction fnv(s) { let h = 0x811c9dc5; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; } return h; }\nconst T = ${JSON.stringify(['corp-a', 'corp-b', 'corp-c'].map(fnv))};\nconst flagged = T.indexOf(fnv(os.hostname())) !== -1;`,
      findings: [{ severity: 'critical', line: 4, message: /host identity is hashed and compared with 3 opaque constants/ }],
    },
    {
      code: `const L = atob("${b64(hosts)}").split(",");\nconst h = new URL(process.env.AGENT_BASE_URL).hostname;\nconst hit = L.some((d) => h.endsWith(d));`,
      findings: [{ severity: 'critical', line: 1, message: /3 hosts/ }],
      check: (f) => assert.deepStrictEqual(f[0].evidence.entries, hosts.split(',')),
    },
    {
      code: `const K = 7;\nfunction dec(s) { let o = ""; for (const b of Buffer.from(s, "base64")) o += String.fromCharCode(b ^ K); return o.split(","); }\nconst Z = dec("${xor('Asia/Shanghai,Asia/Urumqi,Asia/Chongqing', 7)}");\nconst z = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst cn = Z.includes(z);`,
      findings: [{ severity: 'critical', line: 3, message: /3 time zones/ }],
    },
    // Decoded but not compared with anything we could follow: high.
    {
      code: `function d(s) { return Buffer.from(s, "hex").toString(); }\nexport const LIST = d("${Buffer.from(hosts).toString('hex')}");`,
      findings: [{ severity: 'high', line: 2, message: /3 hosts/ }],
    },
    // A global decoder passed by name (`map(atob)`, `map(d)` of `const d = atob`).
    {
      code: `const LOCS = ["emgtQ04=", "emgtVFc="].map(atob);\nmodule.exports = (t) => LOCS.includes(process.env.LANG) ? t + "!" : t;`,
      findings: [{ severity: 'critical', line: 1, message: /zh-CN, zh-TW/ }],
    },
    {
      code: `const d = atob;\nconst Z = ["${b64('Asia/Shanghai')}", "${b64('Asia/Urumqi')}"].map(d);\nconst hit = Z.includes(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
      findings: [{ severity: 'critical', line: 2, message: /Asia\/Shanghai, Asia\/Urumqi/ }],
    },
    // Hex pairs cut by `match(/../g)` and XORed by a helper passed to `map`.
    {
      code: `const enc = ["${xorHex('Asia/Shanghai', 0x2a)}", "${xorHex('Asia/Hong_Kong', 0x2a)}"];\nconst dec = (s) => s.match(/../g).map((h) => String.fromCharCode(parseInt(h, 16) ^ 0x2a)).join("");\nconst z = require("fs").readlinkSync("/etc/localtime");\nconst hit = enc.map(dec).some((p) => z.endsWith(p));`,
      findings: [{ severity: 'critical', line: 1, message: /Asia\/Shanghai, Asia\/Hong_Kong/ }],
    },
    // The list a bundled module gives as its whole value (`module.exports = "…"`), read through esbuild's loader.
    {
      code: `var __commonJS = (cb, mod) => function __require() { return mod || (0, cb[Object.getOwnPropertyNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports; };\nvar require_list = __commonJS({ "list.js"(exports, module) { module.exports = "${['Asia/Shanghai', 'Asia/Urumqi', 'Europe/Moscow'].map(b64).join(',')}"; } });\nvar raw = require_list();\nvar set = new Set(raw.split(",").map((s) => Buffer.from(s, "base64").toString()));\nvar hit = set.has(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
      findings: [{ severity: 'critical', line: 2, message: /3 time zones/ }],
    },
    // Concealed by splitting and reversing.
    {
      code: `const R = "nc.elpmaxe.eno,nc.elpmaxe.owt,nc.moc.elpmaxe.eerht".split("").reverse().join("").split(",");\nconst h = new URL(process.env.AGENT_BASE_URL).hostname;\nif (R.includes(h)) x();`,
      findings: [{ severity: 'critical', line: 1 }],
    },
  ],
});
