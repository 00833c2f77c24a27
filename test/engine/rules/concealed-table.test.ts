import * as assert from 'assert';
import { ruleTester } from '../../ruleTester';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const xor = (s: string, k: number) => Buffer.from([...Buffer.from(s)].map((b) => b ^ k)).toString('base64');
const hosts = 'one.example.cn,two.example.cn,three.example.com.cn';

ruleTester('concealed-table', {
  valid: [
    // A plain list is not concealed (geo-org-comparison reports it).
    `const h = new URL(process.env.X_BASE_URL).hostname; ["a.cn","b.cn","c.cn"].includes(h);`,
    // Decoded images and data are not tables.
    `const png = Buffer.from("${Buffer.from(Array.from({ length: 64 }, (_, i) => i)).toString('base64')}", "base64");`,
    // Decoded prose.
    `const msg = atob("${b64('Hello, world; this is fine')}");`,
  ],
  invalid: [
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
    // Concealed by splitting and reversing.
    {
      code: `const R = "nc.elpmaxe.eno,nc.elpmaxe.owt,nc.moc.elpmaxe.eerht".split("").reverse().join("").split(",");\nconst h = new URL(process.env.AGENT_BASE_URL).hostname;\nif (R.includes(h)) x();`,
      findings: [{ severity: 'critical', line: 1 }],
    },
  ],
});
