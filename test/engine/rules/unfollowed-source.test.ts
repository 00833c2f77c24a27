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
  ],
  invalid: [
    {
      code: `const env = new Proxy({}, { get: () => Intl.DateTimeFormat().resolvedOptions().timeZone });\nconst hit = ["Asia/Shanghai", "Asia/Urumqi"].includes(env.x);`,
      findings: [{ severity: 'medium', line: 1, message: /2 specific zones \(Asia\/Shanghai, Asia\/Urumqi\)/ }],
    },
    {
      code: `function* g() { yield process.env.TZ; }\nconst [z] = g();\nconst hit = ["Europe/Moscow", "Europe/Minsk"].indexOf(z) >= 0;`,
      findings: [{ severity: 'medium', line: 1 }],
    },
    {
      code: `const k = "time" + "Zone";\nconst z = Intl.DateTimeFormat()["resolved" + "Options"]()[k];\nconst places = { ["Asia/" + "Tehran"]: 1, ["Asia/" + "Kabul"]: 1 };\ncheck(z, places);`,
      findings: [{ severity: 'medium', line: 2, message: /Asia\/Tehran/ }],
    },
  ],
});
