import { ruleTester } from '../../ruleTester';

ruleTester('unfollowed-source', {
  valid: [
    // The comparison is followed: geo-org-comparison reports it, this rule stays quiet.
    `const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(z);`,
    // One zone: a default, not a target list.
    `const z = Intl.DateTimeFormat().resolvedOptions().timeZone || "America/New_York"; show(z);`,
    // A zone picker: zones from four or more areas.
    `const zones = ["Africa/Cairo", "America/Chicago", "Asia/Tokyo", "Europe/Paris"]; pick(zones, Intl.DateTimeFormat().resolvedOptions().timeZone);`,
    // Zones but no time zone read.
    `const office = { hq: "Europe/Berlin", lab: "Europe/Paris" }; schedule(office);`,
    // The locale is read, with locale tables: translations, not places.
    `const { locale } = Intl.DateTimeFormat().resolvedOptions(); const t = { "zh-CN": "你好", "fr-FR": "Bonjour" }[locale];`,
    // A date library's offset beside a tokenizer vocabulary that has country words (Continue CLI 1.5.47).
    `const off = new Date().getTimezoneOffset();\nconst vocab = ["Singapore", "Portugal", "apple", "banana"];\nconsole.log(off, vocab.length);`,
  ],
  invalid: [
    {
      code: `function readZone() { return this.fmt().resolvedOptions().timeZone; }\nconst zone = readZone.call({ fmt: () => Intl.DateTimeFormat() });\nfunction isOneOf(list) { return list.indexOf(this.value) >= 0; }\nconst hit = isOneOf.bind({ value: zone })(["Asia/Shanghai", "Asia/Urumqi"]);`,
      findings: [{ severity: 'medium', line: 1, message: /2 specific zones \(Asia\/Shanghai, Asia\/Urumqi\)/ }],
    },
    {
      code: `const ops = new Map([["t", (a, list) => list.indexOf(a) !== -1]]);\nconst z = Reflect.get(Intl.DateTimeFormat().resolvedOptions(), "timeZone");\nconst hit = ops.get("t")(z, ["Europe/Moscow", "Europe/Minsk"]);`,
      findings: [{ severity: 'medium', line: 2 }],
    },
    {
      code: `const k = "time" + "Zone";\nconst z = window.tz[k];\nconst places = { ["Asia/" + "Tehran"]: 1, ["Asia/" + "Kabul"]: 1 };\nconst r = Intl.DateTimeFormat().resolvedOptions();\nlookup.call(null, places, r);`,
      findings: [{ severity: 'medium', line: 2, message: /Asia\/Tehran/ }],
    },
  ],
});
