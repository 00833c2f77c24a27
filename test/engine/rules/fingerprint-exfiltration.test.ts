import { ruleTester } from '../../ruleTester';

ruleTester('fingerprint-exfiltration', {
  valid: [
    // The gateway as the request target is routing.
    `fetch(process.env.AGENT_BASE_URL + "/v1/messages", { method: "POST", body: "{}" });`,
    // A proxy agent.
    `const a = new Agent(process.env.HTTPS_PROXY); fetch("https://x.example", { agent: a });`,
    // Telemetry without fingerprints.
    `track("cli_started", { version: "1.0", ok: true });`,
    // Another field of an object that also carries the host name (once a false alarm on Claude Code 2.1.90).
    `const os = require("os");\nfunction start(opts) { const { mode } = opts; track("session_started", { mode }); }\nstart({ mode: "single", machine: os.hostname() });`,
    // An identity wrapper called once with the locale elsewhere: its other calls carry their own constants
    // (every telemetry name of Claude Code 2.1.162 and later passes through such a pair).
    `function lze(e) { return e; }\nfunction Me(e) { return lze(e); }\nconst lang = Me(process.env.LANG);\nconsole.log(lang.length);\nfunction track(name, props) { fetch("https://t.example/e", { method: "POST", body: JSON.stringify({ name, props }) }); }\ntrack(Me("tengu_started"), { n: 1 });\ntrack("tengu_exit", { reason: Me("user") });`,
    // A transforming wrapper (a preserving method on its parameter) is followed per call too.
    `const clean = (s) => s.trim();\nconst tz = clean(Intl.DateTimeFormat().resolvedOptions().timeZone);\nconsole.log(tz);\ntrack("cli_started", { mode: clean(" fast ") });`,
    // Wrappers that transform their argument with constants only (a guard that returns nothing, a fallback
    // constant, a prefix) carry each call's own argument (Claude Code 2.1.332: \`function x6(e){return e?nr(e):void 0}\`).
    `function redact(u) { if (!u) return; return u.trim(); }\nconst gw = redact(process.env.ANTHROPIC_BASE_URL);\nconsole.log(gw);\ntrack("mcp_connected", { server: redact(config.url) });`,
    `const x6 = (e) => (e ? e.toLowerCase() : void 0);\nconst gw = x6(process.env.ANTHROPIC_BASE_URL);\nconsole.log(gw);\ntrack("mcp_connected", { server: x6(config.url) });`,
    `function tool(e) { return \`tool_\${e}\`; }\nconst zone = tool(Intl.DateTimeFormat().resolvedOptions().timeZone);\nconsole.log(zone);\ntrack("tool_used", { name: tool(input.name) });`,
    `function orNone(e) { return e || "none"; }\nconsole.log(orNone(process.env.LANG));\ntrack("cli_started", { mode: orNone(opts.mode) });`,
    // A hash helper (Claude Code 2.1.196: \`mcp_server_sha12: Dd(e.name)\`) hashes each call's own argument;
    // one call elsewhere with the host name does not make every hash a host identity.
    `const crypto = require("crypto");\nconst os = require("os");\nfunction Dd(e) { return crypto.createHash("sha256").update(e).digest("hex").slice(0, 12); }\nconst hostTag = Dd(os.hostname());\nconsole.log(hostTag);\ntrack("skill_mcp_load", { mcp_server_sha12: Dd(server.name) });`,
    // A wrapper whose other branch is a call with constants only (\`so(e)\` or \`S("nonconforming")\`).
    `function S(n) { return n; }\nfunction tn(e) { if (e == null) return; return /^[a-z]+$/.test(e) ? e.toLowerCase() : S("nonconforming"); }\nconsole.log(tn(process.env.ANTHROPIC_BASE_URL));\ntrack("tengu_api_query", { model: tn(opts.model) });`,
    // A place check that picks the address itself is routing, not data sent (`cn ? CN_API : API`);
    // nor is a query that carries no outcome of a check.
    `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst cn = ["Asia/Shanghai", "Asia/Urumqi"].includes(tz);\nfetch(cn ? "https://api.example.cn/v1?x=1" : "https://api.example.com/v1?x=1", { method: "POST", body: "{}" });`,
    `const base = process.env.AGENT_BASE_URL;\nfetch(\`\${base}/v1/models?limit=\${20}\`);`,
    // An i18n call fills a message for the screen (Qoder CLI 1.1.52): not telemetry.
    `const endpoint = process.env.OPENAI_BASE_URL;\nconsole.log(t("home.endpoint", { endpoint }));`,
  ],
  invalid: [
    // MAC addresses gathered through for…in and for…of loops.
    {
      code: `const os = require("os");\nconst nets = os.networkInterfaces();\nlet mac = "";\nfor (const k in nets) { for (const n of nets[k]) { if (!n.internal) mac = n.mac; } }\nfetch("https://t.example/e", { method: "POST", body: JSON.stringify({ mac }) });`,
      findings: [{ severity: 'info', line: 5, message: /host identity/ }],
    },
    {
      code: `function lze(e) { return e; }\nfunction Me(e) { return lze(e); }\nconst lang = Me(process.env.LANG);\ntrack("tengu_exit", { reason: Me(lang) });`,
      findings: [{ severity: 'info', line: 4, message: /locale/ }],
    },
    {
      code: `const clean = (s) => s.trim();\ntrack("cli_started", { zone: clean(Intl.DateTimeFormat().resolvedOptions().timeZone) });`,
      findings: [{ severity: 'info', line: 2, message: /time zone/ }],
    },
    // The same wrappers still carry a source their own call passes.
    {
      code: `function redact(u) { if (!u) return; return u.trim(); }\ntrack("api_query", { gateway: redact(process.env.ANTHROPIC_BASE_URL) });`,
      findings: [{ severity: 'info', line: 2, message: /API gateway/ }],
    },
    {
      code: `function tool(e) { return "tz_" + e; }\ntrack("cli_started", { zone: tool(Intl.DateTimeFormat().resolvedOptions().timeZone) });`,
      findings: [{ severity: 'info', line: 2, message: /time zone/ }],
    },
    {
      code: `const x6 = (e) => (e ? e.toLowerCase() : void 0);\nconst os = require("os");\nlogEvent("session_start", { host: x6(os.hostname()) });`,
      findings: [{ severity: 'info', line: 3, message: /host identity/ }],
    },
    {
      code: `const crypto = require("crypto");\nconst os = require("os");\nfunction Dd(e) { return crypto.createHash("sha256").update(e).digest("hex").slice(0, 12); }\ntrack("session_start", { machine_sha12: Dd(os.hostname()) });`,
      findings: [{ severity: 'medium', line: 4, message: /host identity is hashed/ }],
    },
    {
      code: `function S(n) { return n; }\nfunction tn(e) { if (e == null) return; return /^[a-z]+$/.test(e) ? e.toLowerCase() : S("nonconforming"); }\ntrack("tengu_api_query", { base: tn(process.env.ANTHROPIC_BASE_URL) });`,
      findings: [{ severity: 'info', line: 3, message: /API gateway/ }],
    },
    {
      // A wrapper that returns something else on one path is not a pass-through: its callers still merge.
      code: `function pick(e) { if (!e) return process.env.LANG; return e; }\ntrack("cli_started", { lang: pick(undefined) });`,
      findings: [{ severity: 'info', line: 2, message: /locale/ }],
    },
    {
      code: `const os = require("os");\nfunction start(opts) { const { machine } = opts; track("session_started", { machine }); }\nstart({ mode: "single", machine: os.hostname() });`,
      findings: [{ severity: 'info', line: 2, message: /host identity/ }],
    },
    {
      code: `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nfetch("https://t.example/e", { method: "POST", body: JSON.stringify({ tz }) });`,
      findings: [{ severity: 'info', line: 2, message: /time zone/ }],
    },
    {
      code: `const os = require("os");\nlogEvent("session_start", { host: os.hostname() });`,
      findings: [{ severity: 'info', line: 2, message: /host identity/ }],
    },
    {
      code: `const gw = new URL(process.env.OPENAI_BASE_URL).hostname;\ncapture("api_request", { gateway: gw });`,
      findings: [{ severity: 'info', line: 2, message: /API gateway/ }],
    },
    {
      code: `const lang = process.env.LANG;\naxios.post("https://t.example/e", { lang });`,
      findings: [{ severity: 'info', line: 2 }],
    },
    // The outcome of a place or organisation check is sent: the hidden check's signal leaves the machine.
    {
      code: `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst inRegion = tz === "Asia/Shanghai" || tz === "Asia/Urumqi";\ntrack("session_started", { r: inRegion ? 1 : 0 });`,
      findings: [{ severity: 'critical', line: 3, message: /Whether the time zone matches specific zone \(Asia\/Shanghai, Asia\/Urumqi\)/ }],
    },
    {
      code: `const host = new URL(process.env.ANTHROPIC_BASE_URL).hostname;\nconst corp = ["corp-a.com", "corp-b.net", "corp-c.io"].some((h) => host.endsWith(h));\nfetch("https://t.example/e", { method: "POST", body: JSON.stringify({ corp }) });`,
      findings: [{ severity: 'critical', line: 3, message: /matches specific host/ }],
    },
    // In a query parameter of the address (minified: `fetch(\`…?v=${h()}\`)`).
    {
      code: `function h(){return["Asia/Shanghai","Asia/Urumqi"].includes(Intl.DateTimeFormat().resolvedOptions().timeZone)?1:0}\nfetch(\`https://t.example/p?v=\${h()}\`);`,
      findings: [{ severity: 'critical', line: 2, message: /network request \(query\)/ }],
    },
    {
      code: `const off = new Date().getTimezoneOffset();\nconst w = [-480, -540].includes(off);\nnavigator.sendBeacon("https://t.example/b?s=" + Date.now() + "&w=" + (w ? 1 : 0));`,
      findings: [{ severity: 'critical', line: 3 }],
    },
    // One organisation's host checked in plain sight: whether it is that company's gateway (high, a person decides).
    {
      code: `const host = new URL(process.env.ANTHROPIC_BASE_URL).hostname;\ntrack("api_request", { corp: host.endsWith(".megabank.com") });`,
      findings: [{ severity: 'high', line: 2, message: /matches specific host/ }],
    },
  ],
});
