import { ruleTester } from '../../ruleTester';

ruleTester('geo-org-comparison', {
  valid: [
    // A set of names seen at run time is no list of places.
    `const seen = new Set();\nfor (const t of tools) seen.add(t.name);\nconsole.log(seen.has(Intl.DateTimeFormat().resolvedOptions().timeZone));`,
    // A table of translations looked up with the language is localisation, not a membership test.
    `const M = { "zh-CN": "Ni hao", "en-US": "Hello", "fr-FR": "Bonjour" };\nconst l = Intl.DateTimeFormat().resolvedOptions().locale;\nconsole.log(M[l] || M["en-US"]);`,
    // A regex of local host names is no list of organisations.
    `const h = new URL(process.env.OPENAI_BASE_URL).hostname;\nconst local = /^(?:localhost|127\\.0\\.0\\.1|\\[::1\\])$/.test(h);\nconsole.log(local);`,
    // Names under a top-level domain reserved for no one (RFC 6761): WSL's share host names no organisation.
    `const h = new URL(process.env.ANTHROPIC_BASE_URL || "https://x.invalid").hostname;\nif (h === "wsl.localhost") console.log("wsl");`,
    // A request's parts pushed one by one from what a caller passes: a part is no fingerprint read here.
    `function parts(host, path) { const out = []; out.push(host); out.push(path); return out; }\nconst p = parts(process.env.ANTHROPIC_BASE_URL, "/v1");\nif (p.some((x) => ["api.anthropic.com", "claude.ai"].includes(x))) console.log("first party");`,
    // A date as text only written to a log.
    `const d = new Date();\nconsole.log(\`started \${d}\`, "at " + d, String(d));`,
    // The zone is read but only displayed.
    `const z = Intl.DateTimeFormat().resolvedOptions().timeZone; console.log("zone", z);`,
    // UTC is not a place.
    `if (Intl.DateTimeFormat().resolvedOptions().timeZone === "UTC") console.log("utc");`,
    // A constant compared with a constant, no fingerprint involved.
    `const mode = "Asia/Shanghai"; if (mode === "Asia/Shanghai") run();`,
    // Full zone list: validation, not targeting.
    `const zones = ["Africa/Cairo","America/Chicago","Asia/Tokyo","Europe/Paris","Australia/Perth"]; zones.includes(Intl.DateTimeFormat().resolvedOptions().timeZone);`,
    // A user setting compared with zones is not a fingerprint.
    `function f(settings) { return settings.zone === "Asia/Shanghai"; }`,
    // typeof checks on a source.
    `typeof process.env.TZ === "string";`,
    // The zone kept in a Map and a spread object, only to format dates.
    `const prefs = new Map([["tz", Intl.DateTimeFormat().resolvedOptions().timeZone]]);\nconst opts = { ...{ timeZone: prefs.get("tz") }, hour12: false };\nconsole.log(new Date().toLocaleString("en-US", opts));`,
    // A function run with call and a list given with apply, none of it about places.
    `function pick(list) { return list.indexOf(this.mode) >= 0; }\nconst ok = pick.call({ mode: "dark" }, ["dark", "light"]);\nconst zone = Reflect.get(Intl.DateTimeFormat().resolvedOptions(), "timeZone");\nconsole.log(ok, zone);`,
    // git's argv checked against its own commands, where one caller passes the gateway URL (Letta Code 0.32.18):
    // a whole address is never equal to a bare word.
    `const url = process.env.ANTHROPIC_BASE_URL;\nfunction git(args) { if (["clone", "fetch", "pull", "push"].includes(args[0])) console.log("network"); }\ngit(["clone", url]);`,
    // The gateway checked against the program's own endpoints, which it names in its URLs: first-party routing.
    `const h = new URL(process.env.ANTHROPIC_BASE_URL).hostname;\nconst API = "https://api.vendor-a.com/v1", WEB = "https://vendor-a.ai/login", DOCS = "https://docs.vendor-a.dev/";\nif (["vendor-a.com", "vendor-a.ai", "vendor-a.dev"].some((d) => h.endsWith(d))) console.log("first party");`,
    // Local network names are no organisations.
    `const h = new URL(process.env.OPENAI_BASE_URL).hostname;\nconst local = ["lan", "home.arpa", "ts.net"].some((s) => h.endsWith("." + s));`,
    // Shell names in a list are words, not top-level domains.
    `const shell = process.env.LANG && process.env.HTTPS_PROXY;\nconst known = ["sh", "bash", "zsh", "fish", "csh"].includes(shell);`,
    // A date library formatting the minutes of the offset ("+05:45"), not checking a place (Droid 0.215.0).
    `const off = new Date().getTimezoneOffset();\nconst mins = Math.abs(off) % 60;\nconst s = mins === 45 ? "45" : mins === 30 ? "30" : "00";`,
    // Character codes in a parser whose input the offset also reaches through shared helpers (GWT-compiled code in Droid).
    `function flag(c) { switch (c) { case 105: return 2; case 109: return 8; case 120: return 16; case 45: return 1; } return 0; }\nflag(new Date().getTimezoneOffset());\nflag("x".charCodeAt(0));`,
    // Model names matched exactly against a value the git remote also reaches: names, not organisations.
    `const { execSync } = require("child_process");\nconst v = execSync("git remote -v").toString() || "auto";\nconst known = ["auto", "claude-opus-5", "gpt-6", "gemini-4-pro"].includes(v);`,
    // iTerm2's terminal name is not a locale.
    `if (process.env.LC_TERMINAL === "iTerm2") console.log("iterm");`,
    // The same shapes holding no fingerprint: a babel class comparing the platform, private state holding a setting.
    `function _createClass(e, r) { return e; }\nvar Os = function () { function Os() { this.p = process.platform; } return _createClass(Os, [{ key: "win", value: function win() { return ["win32", "cygwin"].includes(this.p); } }]); }();\nconst w = new Os().win();`,
    `const priv = new WeakMap();\nclass P { constructor(o) { priv.set(this, { zone: o.zone }); } hit() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(priv.get(this).zone); } }\nconst hit = new P({ zone: "Asia/Shanghai" }).hit();`,
    // A first-party host check.
    `const h = new URL(process.env.ANTHROPIC_BASE_URL || "https://api.anthropic.com").hostname;\nif (h === "api.anthropic.com") console.log("first party");`,
  ],
  invalid: [
    // The zone list reached through the shapes bundles and hand-written code use.
    ...([
      ['a bound Set#has', `const S = new Set(["Asia/Shanghai", "Asia/Urumqi"]);\nconst inS = Set.prototype.has.bind(S);\nconst hit = inS(Intl.DateTimeFormat().resolvedOptions().timeZone);`, 3],
      ['Array#includes run with call', `const hit = Array.prototype.includes.call(["Asia/Shanghai", "Asia/Urumqi"], Intl.DateTimeFormat().resolvedOptions().timeZone);`, 1],
      ['Reflect.apply of an alias', `const inc = Array.prototype.includes;\nconst hit = Reflect.apply(inc, ["Asia/Shanghai", "Asia/Urumqi"], [Intl.DateTimeFormat().resolvedOptions().timeZone]);`, 2],
      ['a set filled by add', `const S = new Set();\nS.add("Asia/Shanghai");\nS.add("Asia/Urumqi");\nconst hit = S.has(Intl.DateTimeFormat().resolvedOptions().timeZone);`, 4],
      // (A counted loop, also as tsc writes `for…of` for ES5: every element, not the one the counter starts at.)
      ['a counted loop', `const Z = ["Asia/Shanghai", "Asia/Urumqi"];\nlet hit = false;\nfor (let i = 0; i < Z.length; i++) if (Z[i] === Intl.DateTimeFormat().resolvedOptions().timeZone) hit = true;`, 3],
      ['a counted loop over a copy', `var Z = ["Asia/Shanghai", "Asia/Urumqi"];\nfor (var _i = 0, Z_1 = Z; _i < Z_1.length; _i++) { var z = Z_1[_i]; if (z === Intl.DateTimeFormat().resolvedOptions().timeZone) console.log("hit"); }`, 2],
      ['a member chain', `const cfg = { env: { geo: { zones: ["Asia/Shanghai", "Asia/Urumqi"] } } };\nconst hit = cfg.env.geo.zones.includes(Intl.DateTimeFormat().resolvedOptions().timeZone);`, 2],
      ['a method babel lowered to a descriptor', `function _createClass(e, r) { return e; }\nvar Env = function () { function Env() { this.z = Intl.DateTimeFormat().resolvedOptions().timeZone; } return _createClass(Env, [{ key: "special", value: function special() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(this.z); } }]); }();\nconst hit = new Env().special();`, 2],
      ['a getter babel lowered to a descriptor', `function _c(e, r) { return e; }\nvar Env = function () { function Env() {} _c(Env, [{ key: "tz", get: function get() { return Intl.DateTimeFormat().resolvedOptions().timeZone; } }]); return Env; }();\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(new Env().tz);`, 3],
      ['private state in a WeakMap keyed by the instance', `const priv = new WeakMap();\nclass P { constructor() { priv.set(this, { tz: Intl.DateTimeFormat().resolvedOptions().timeZone }); } hit() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(priv.get(this).tz); } }\nconst hit = new P().hit();`, 2],
      ['a TypeScript namespace', `var Geo;\n(function (Geo) { Geo.zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone; })(Geo || (Geo = {}));\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(Geo.zone());`, 3],
      ['a member of an object literal written in place', `const hit = ["Asia/Shanghai", "Asia/Urumqi"].includes({ get tz() { return Intl.DateTimeFormat().resolvedOptions().timeZone; } }.tz);`, 1],
      ['an instance passed to a constructor', `class Geo { constructor() { this.tz = Intl.DateTimeFormat().resolvedOptions().timeZone; } }\nclass Policy { constructor(g) { this.g = g; } suspicious() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(this.g.tz); } }\nconst hit = new Policy(new Geo()).suspicious();`, 2],
    ] as const).map(([name, code, line]) => ({ code: `// ${name}\n${code}`, findings: [{ severity: 'high' as const, line: line + 1, message: /Asia\/Shanghai, Asia\/Urumqi/ }] })),
    // The user's e-mail domain from ~/.gitconfig (through a regex match) compared with companies.
    {
      code: `const fs = require("fs");\nconst cfg = fs.readFileSync(require("os").homedir() + "/.gitconfig", "utf8");\nconst m = /email\\s*=\\s*(\\S+)/.exec(cfg);\nconst rival = ["nvidia.com", "openai.com", "x.ai"].includes(m[1].split("@")[1]);`,
      findings: [{ severity: 'high', line: 4, message: /nvidia\.com, openai\.com, x\.ai/ }],
    },
    // The list kept as a member of the object whose method compares (`this.zones`).
    {
      code: `const fp = {\n  zones: ["Asia/Shanghai", "Asia/Chongqing"],\n  zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; },\n  match() { return this.zones.includes(this.zone()); },\n};\nconsole.log(fp.match());`,
      findings: [{ severity: 'high', line: 4, message: /Asia\/Shanghai, Asia\/Chongqing/ }],
    },
    // The gateway equal to one of two hosts in plain sight, or to an origin the program names nowhere else: routing to a named endpoint, low.
    {
      code: `const h = new URL(process.env.ANTHROPIC_BASE_URL || "https://x.invalid").hostname;\nif (["llm.initech.com", "ai.globex.net"].includes(h)) console.log("azure");`,
      findings: [{ severity: 'low', line: 2, message: /llm\.initech\.com, ai\.globex\.net, in plain sight\. Routing to a named endpoint/ }],
    },
    {
      code: `const o = new URL(process.env.ANTHROPIC_BASE_URL || "https://x.invalid").origin;\nif (o === "https://llm.initech.com") console.log("azure");`,
      findings: [{ severity: 'low', line: 2, message: /https:\/\/llm\.initech\.com, in plain sight/ }],
    },
    // One vendor's model names compared with a value that also holds the gateway: one organisation, so low.
    {
      code: `const m = process.env.ANTHROPIC_MODEL || new URL(process.env.ANTHROPIC_BASE_URL).hostname;\nconst family = ["claude-opus-", "claude-sonnet-", "claude-haiku-"].find((p) => m.startsWith(p));`,
      findings: [{ severity: 'low', line: 2 }],
    },
    // A UI-language pick (ECharts): a locale check at low severity, "ZH" a language and not a region.
    // A region check that only picks one of a few constants to show is formatting; one that picks text sent is not.
    {
      code: `const region = new Intl.Locale(navigator.language).maximize().region;\nconst fmt = region === "GB" ? "DD/MM/YYYY" : ["CN", "JP", "KR"].includes(region) ? "YYYY/MM/DD" : "MM/DD/YYYY";\ndocument.title = fmt;`,
      findings: [{ severity: 'low', line: 2, message: /1 specific region \(GB\) only to pick one of a few constants/ }, { severity: 'low', line: 2, message: /\(CN, JP, KR\).*formatting for the user's language or region/ }],
    },
    // A zone check that only picks a plain word to show (a unit, a currency) is formatting too, also through a variable
    // read only as such a choice; a region check kept so, the same.
    {
      code: `const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst imperial = z.startsWith("America/") && z !== "America/Toronto";\nconsole.log(imperial ? "miles" : "km");`,
      findings: [{ severity: 'low', line: 2, message: /only to pick one of a few constants/ }],
    },
    {
      code: `const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst currency = z.startsWith("Europe/") ? "EUR" : z === "Asia/Tokyo" ? "JPY" : "USD";\nconsole.log(new Intl.NumberFormat(undefined, { style: "currency", currency }).format(12.5));`,
      findings: [{ severity: 'low', line: 2, message: /1 specific time zone \(Asia\/Tokyo\) only to pick/ }],
    },
    {
      code: `const reg = new Intl.Locale(Intl.DateTimeFormat().resolvedOptions().locale).maximize().region;\nconst mondayFirst = !["US", "CA", "JP", "BR"].includes(reg);\nconsole.log(mondayFirst ? "Mo Tu We" : "Su Mo Tu");`,
      findings: [{ severity: 'low', line: 2, message: /only to pick one of a few constants/ }],
    },
    {
      code: `const EURO = ["Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome"];\nfunction money(n, eu) { return new Intl.NumberFormat(undefined, { style: "currency", currency: eu ? "EUR" : "USD" }).format(n); }\nconsole.log(money(12.5, EURO.includes(Intl.DateTimeFormat().resolvedOptions().timeZone)));`,
      findings: [{ severity: 'low', line: 3, message: /only to pick one of a few constants/ }],
    },
    // Not when the words are sent, when a pick is a look-alike character, nor when the variable is also tested elsewhere.
    {
      code: `const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst imperial = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"].includes(z);\nfetch("https://api.vendor.dev/v1/m?u=" + (imperial ? "mi" : "km"));`,
      findings: [{ severity: 'high', line: 2, message: /compared with 3 specific time zones/ }],
    },
    {
      code: `const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst hit = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"].includes(z);\nconsole.log(hit ? "It\u2019s" : "It's");`,
      findings: [{ severity: 'high', line: 2, message: /compared with 3 specific time zones/ }],
    },
    // Nor when the pick is kept on the program's own state, which any module may read and test.
    {
      code: `export class Cfg {\n  constructor() { this.region = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone) ? "x" : "y"; }\n}`,
      findings: [{ severity: 'high', line: 2, message: /compared with 3 specific time zones/ }],
    },
    {
      code: `const state = {};\nstate.unit = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone) ? "x" : "y";\nexport default state;`,
      findings: [{ severity: 'high', line: 2, message: /compared with 3 specific time zones/ }],
    },
    {
      code: `const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst hit = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"].includes(z);\nconsole.log(hit ? "mi" : "km");\nif (hit) process.exit(1);`,
      findings: [{ severity: 'high', line: 2, message: /compared with 3 specific time zones/ }],
    },
    {
      code: `const region = new Intl.Locale(navigator.language).maximize().region;\nconst mode = ["CN", "IR", "KP"].includes(region) ? "restricted" : "full";\nfetch("https://api.vendor.dev/v1/config?mode=" + mode);`,
      findings: [{ severity: 'medium', line: 2, message: /compared with 3 specific regions: CN, IR, KP/ }],
    },
    {
      code: `var lang = (navigator.language || navigator.browserLanguage).toUpperCase().indexOf("ZH") > -1 ? "ZH" : "EN";`,
      findings: [{ severity: 'low', line: 1, message: /locale: ZH/ }],
    },
    // The host name through a destructured or aliased os function.
    {
      code: `const { hostname } = require("os");\nif (["build-01.corp-a.com", "x.corp-b.net", "y.corp-c.io"].includes(hostname())) console.log(1);`,
      findings: [{ severity: 'high', line: 2, message: /host identity.*corp-a/ }],
    },
    {
      code: `const os = require("os");\nconst h = os.hostname;\nif (["build-01.corp-a.com", "x.corp-b.net", "y.corp-c.io"].includes(h())) console.log(1);`,
      findings: [{ severity: 'high', line: 3 }],
    },
    // The zone read from the file system.
    {
      code: `const fs = require("fs");\nconst zone = fs.readlinkSync("/etc/localtime").replace(/^.*zoneinfo\\//, "");\nif (zone === "Asia/Shanghai" || zone === "Asia/Urumqi") console.log(1);`,
      findings: [{ severity: 'high', line: 3, message: /Asia\/Shanghai/ }, { severity: 'high', line: 3, message: /Asia\/Urumqi/ }],
    },
    {
      code: `const fs = require("fs");\nconst tz = fs.readFileSync("/etc/timezone", "utf8").trim();\nconst hit = ["Asia/Shanghai", "Asia/Harbin"].includes(tz);`,
      findings: [{ severity: 'high', line: 3 }],
    },
    // A zone name in a date's own text.
    {
      code: `const s = new Date().toString();\nif (s.includes("China Standard Time")) console.log(1);`,
      findings: [{ severity: 'high', line: 2, message: /China Standard Time/ }],
    },
    // The editor's language through a bundle's module id, and a lower-case tag.
    {
      code: `const o = n(1398);\nif (o.env.language === "zh-cn") console.log(2);`,
      findings: [{ severity: 'low', line: 2, message: /locale.*zh-cn/ }],
    },
    // The registry from .npmrc and the organisation from the git remote.
    {
      code: `const fs = require("fs"), path = require("path"), os = require("os");\nconst rc = fs.readFileSync(path.join(os.homedir(), ".npmrc"), "utf8");\nif (["npm.corp-a.com", "registry.corp-b.net", "npm.corp-c.io"].some((h) => rc.includes(h))) console.log(1);`,
      findings: [{ severity: 'high', line: 3, message: /gateway.*corp-a/ }],
    },
    {
      code: `const { execSync } = require("child_process");\nconst remote = execSync("git config --get remote.origin.url").toString();\nif (["bytedance", "alibaba-inc", "tencent"].some((k) => remote.includes(k))) console.log(1);`,
      findings: [{ severity: 'high', line: 3, message: /host identity.*bytedance/ }],
    },
    // Functions in an object map, run with Reflect.apply; the zone read with Reflect.get.
    {
      code: `const ops = { test: (a, list) => list.indexOf(a) !== -1 };\nconst z = Reflect.get(Intl.DateTimeFormat().resolvedOptions(), "timeZone");\nconst hit = Reflect.apply(ops.test, null, [z, ["Europe/Moscow", "Europe/Minsk"]]);`,
      findings: [{ severity: 'high', line: 1, message: /Europe\/Moscow, Europe\/Minsk/ }],
    },
    // The source and the list given through call, apply and bind (`this` and bound arguments).
    {
      code: `function readZone() { return this.fmt().resolvedOptions().timeZone; }\nconst zone = readZone.call({ fmt: () => Intl.DateTimeFormat() });\nfunction isOneOf(list) { return list.indexOf(this.value) >= 0; }\nconst check = isOneOf.bind({ value: zone });\nconst flagged = check.apply(null, [["Asia/Shanghai", "Asia/Urumqi"]]);`,
      findings: [{ severity: 'high', line: 3, message: /Asia\/Shanghai, Asia\/Urumqi/ }],
    },
    // esbuild's `__export(ns, { zone: () => zone })` namespace.
    {
      code: `var __defProp = Object.defineProperty;\nvar __export = (t, all) => { for (var n in all) __defProp(t, n, { get: all[n], enumerable: true }); };\nvar env_exports = {};\n__export(env_exports, { zone: () => zone });\nfunction zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; }\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(env_exports.zone());`,
      findings: [{ severity: 'high', line: 6, message: /Asia\/Shanghai/ }],
    },
    // webpack 5: numeric module ids, \`r.d(exports, { … })\` getters and the \`(0, m.f)()\` call form.
    {
      code: `var modules = { 331: (e, t, r) => { r.d(t, { z: () => zone }); function zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; } } };\nfunction r(id) { var m = { exports: {} }; modules[id](m, m.exports, r); return m.exports; }\nr.d = (t, d) => { for (var k in d) Object.defineProperty(t, k, { get: d[k] }); };\nvar m = r(331);\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].indexOf((0, m.z)()) >= 0;`,
      findings: [{ severity: 'high', line: 5, message: /Asia\/Shanghai/ }],
    },
    // rollup's frozen namespace, object spread and Object.assign.
    {
      code: `const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst ns = Object.freeze({ __proto__: null, zone });\nconst env = Object.assign({}, { ...ns });\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(env.zone());`,
      findings: [{ severity: 'high', line: 4, message: /Asia\/Shanghai/ }],
    },
    // A Map holding the zone and a Map holding the check.
    {
      code: `const facts = new Map();\nfacts.set("tz", Intl.DateTimeFormat().resolvedOptions().timeZone);\nconst checks = new Map([["inRegion", (z) => ["Asia/Shanghai", "Asia/Urumqi"].includes(z)]]);\nconst hit = ["Europe/Moscow", "Europe/Minsk"].includes(facts.get("tz"));`,
      findings: [{ severity: 'high', line: 4, message: /Europe\/Moscow/ }],
    },
    // `this` in a method of an object literal.
    {
      code: `const env = { zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; }, inRegion() { return ["Asia/Shanghai", "Asia/Urumqi"].includes(this.zone()); } };\nenv.inRegion();`,
      findings: [{ severity: 'high', line: 1, message: /Asia\/Shanghai/ }],
    },
    { code: `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nif (tz === "Asia/Shanghai") x();`, findings: [{ severity: 'high', line: 2, message: /Asia\/Shanghai/ }] },
    { code: `const { timeZone } = Intl.DateTimeFormat().resolvedOptions();\nconst cn = ["Asia/Shanghai", "Asia/Urumqi"].includes(timeZone);`, findings: [{ severity: 'high', line: 2 }] },
    { code: `switch (process.env.TZ) {\n  case "Europe/Moscow": a(); break;\n  default: b();\n}`, findings: [{ severity: 'high', line: 1, message: /Europe\/Moscow/ }] },
    // Every case of a switch counts, however many cases it has.
    { code: `switch (process.env.TZ) {\n  case "Asia/Shanghai": case "Asia/Urumqi": a(); break;\n  default: b();\n}`, findings: [{ severity: 'high', line: 1, message: /2 specific time zones: Asia\/Shanghai, Asia\/Urumqi/ }] },
    { code: `switch (process.env.TZ) {\n  case "UTC": a(); break;\n  case "Europe/Moscow": b();\n}`, findings: [{ severity: 'high', line: 1, message: /Europe\/Moscow/ }] },
    { code: `const off = new Date().getTimezoneOffset();\nconst e8 = off === -480;`, findings: [{ severity: 'high', line: 2, message: /UTC offset/ }] },
    // A zone pushed once onto a list the function made, then taken item by item or by index.
    { code: `function zones() { const out = []; out.push(Intl.DateTimeFormat().resolvedOptions().timeZone); return out; }\nconst hit = zones().some((z) => ["Asia/Shanghai", "Asia/Urumqi"].includes(z));`, findings: [{ severity: 'high', line: 2, message: /Asia\/Shanghai/ }] },
    { code: `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst facts = [];\nfacts.push(tz);\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(facts[0]);`, findings: [{ severity: 'high', line: 4, message: /Asia\/Shanghai/ }] },
    // A date as text names the zone, as its toString() does.
    { code: `const label = (String(new Date()).match(/\\(([^)]+)\\)/) || [])[1];\nconst cn = ["China Standard Time", "Hong Kong Standard Time"].includes(label);`, findings: [{ severity: 'high', line: 2, message: /China Standard Time/ }] },
    { code: `const d = new Date();\nconst text = \`\${d}\`;\nif (text.includes("China Standard Time")) x();`, findings: [{ severity: 'high', line: 3, message: /China Standard Time/ }] },
    { code: `const s = "" + new Date();\nif (["China Standard Time", "Hong Kong Standard Time"].some((n) => s.includes(n))) x();`, findings: [{ severity: 'high', line: 2 }] },
    { code: `const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst hit = /^Asia\\/(Shanghai|Urumqi)$/.test(z);`, findings: [{ severity: 'high', line: 2, message: /Asia\/Urumqi/ }] },
    { code: `function zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; }\nconst set = new Set(["Asia/Shanghai"]);\nexport const flag = set.has(zone());`, findings: [{ severity: 'high', line: 3 }] },
    {
      code: `const host = new URL(process.env.OPENAI_BASE_URL).hostname;\nconst orgs = ["alpha.cn", "beta.com.cn", "gamma.net"];\nconst hit = orgs.some((d) => host === d || host.endsWith("." + d));`,
      findings: [{ severity: 'high', line: 3, message: /3 specific hosts/ }],
    },
    { code: `const loc = Intl.DateTimeFormat().resolvedOptions().locale;\nconst region = new Intl.Locale(loc).region;\nif (region === "CN") x();`, findings: [{ severity: 'medium', line: 3 }] },
    // Minifiers reuse names in nested scopes: an outer assignment or call of the same
    // name around the function must not hide the inner binding's definitions or calls.
    { code: `a = function () {\n  var a;\n  a = Intl.DateTimeFormat().resolvedOptions().timeZone;\n  if (a === "Asia/Shanghai") x();\n};`, findings: [{ severity: 'high', line: 4 }] },
    { code: `g(function () {\n  function g(z) { if (z === "Asia/Shanghai") x(); }\n  g(Intl.DateTimeFormat().resolvedOptions().timeZone);\n});`, findings: [{ severity: 'high', line: 2 }] },
    { code: `const e = process["env"];\nconst d = e["USER" + "DNSDOMAIN"];\nif (["corp-a.com", "corp-b.com", "corp-c.cn"].includes(d)) x();`, findings: [{ severity: 'high', line: 3 }] },
  ],
});
