import { ruleTester } from '../../ruleTester';

ruleTester('geo-org-comparison', {
  valid: [
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
  ],
  invalid: [
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
    { code: `const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst hit = /^Asia\\/(Shanghai|Urumqi)$/.test(z);`, findings: [{ severity: 'high', line: 2, message: /Asia\/Urumqi/ }] },
    { code: `function zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; }\nconst set = new Set(["Asia/Shanghai"]);\nexport const flag = set.has(zone());`, findings: [{ severity: 'high', line: 3 }] },
    {
      code: `const host = new URL(process.env.OPENAI_BASE_URL).hostname;\nconst orgs = ["alpha.cn", "beta.com.cn", "gamma.net"];\nconst hit = orgs.some((d) => host === d || host.endsWith("." + d));`,
      findings: [{ severity: 'high', line: 3, message: /3 specific hosts/ }],
    },
    // One host (first-party routing) is reported, but low.
    { code: `const h = new URL(process.env.ANTHROPIC_BASE_URL).hostname;\nconst first = h === "api.anthropic.com";`, findings: [{ severity: 'low', line: 2 }] },
    { code: `const loc = Intl.DateTimeFormat().resolvedOptions().locale;\nconst region = new Intl.Locale(loc).region;\nif (region === "CN") x();`, findings: [{ severity: 'medium', line: 3 }] },
    // Minifiers reuse names in nested scopes: an outer assignment or call of the same
    // name around the function must not hide the inner binding's definitions or calls.
    { code: `a = function () {\n  var a;\n  a = Intl.DateTimeFormat().resolvedOptions().timeZone;\n  if (a === "Asia/Shanghai") x();\n};`, findings: [{ severity: 'high', line: 4 }] },
    { code: `g(function () {\n  function g(z) { if (z === "Asia/Shanghai") x(); }\n  g(Intl.DateTimeFormat().resolvedOptions().timeZone);\n});`, findings: [{ severity: 'high', line: 2 }] },
    { code: `const e = process["env"];\nconst d = e["USER" + "DNSDOMAIN"];\nif (["corp-a.com", "corp-b.com", "corp-c.cn"].includes(d)) x();`, findings: [{ severity: 'high', line: 3 }] },
  ],
});
