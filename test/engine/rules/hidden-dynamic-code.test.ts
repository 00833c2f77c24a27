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
  ],
  invalid: [
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
