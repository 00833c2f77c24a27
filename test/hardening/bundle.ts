// Synthetic bundles of any size for scale tests and `npm run bench`: esbuild-
// shaped CommonJS modules full of ordinary code (functions, classes, objects,
// string comparisons, templates, callbacks, switch statements), deterministic
// for a seed. `withFingerprint` plants the incident's mechanism in the middle,
// so a large scan must still find it.
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

/** mulberry32: a small deterministic generator, so a seed names a run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['user', 'config', 'session', 'token', 'request', 'response', 'buffer', 'stream', 'cache', 'index', 'result', 'value', 'option', 'handler', 'event', 'state', 'message', 'model', 'tool', 'prompt'];
const STRINGS = ['function', 'object', 'string', 'undefined', 'ENOENT', 'utf8', 'text/plain', 'application/json', 'GET', 'POST', 'close', 'data', 'error', 'end', 'assistant', 'system'];

/** One module of ordinary code, about 2–4 KB. */
function moduleText(n: number, rnd: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const id = (k: number) => `${pick(WORDS)}${String.fromCharCode(65 + ((n + k) % 26))}${n % 97}`;
  const a = id(1);
  const b = id(2);
  const c = id(3);
  const s = pick(STRINGS);
  return `var require_m${n} = __commonJS({ "src/m${n}.js"(exports, module) {
  "use strict";
  const ${a} = { name: "${pick(WORDS)}-${n}", kind: "${s}", size: ${Math.floor(rnd() * 10000)}, tags: ["${pick(STRINGS)}", "${pick(STRINGS)}"] };
  function ${b}(input, options = {}) {
    if (typeof input === "${s}") return input.length > ${n % 50} ? input.slice(0, ${n % 50}) : input;
    const out = [];
    for (let i = 0; i < (options.limit ?? ${10 + (n % 20)}); i++) {
      const item = input?.[i];
      if (item == null) break;
      switch (item.type) {
        case "${pick(STRINGS)}": out.push(item.value * 2); break;
        case "${pick(STRINGS)}": out.push(\`\${item.name}:\${item.value}\`); break;
        default: out.push(String(item));
      }
    }
    return out.filter((x) => x !== "${pick(STRINGS)}").map((x, j) => ({ x, j, k: ${a}.kind }));
  }
  class ${c} extends Array {
    #count = 0;
    constructor(items) { super(); this.items = items ?? []; }
    get count() { return this.#count; }
    async load(path) {
      const text = await Promise.resolve(path + ".json");
      this.#count++;
      return text.endsWith(".json") && ${a}.tags.includes("${pick(STRINGS)}") ? JSON.parse("{}") : null;
    }
    static of(...xs) { return new ${c}(xs.map((x) => ${b}(x, { limit: ${n % 7} }))); }
  }
  const ${id(4)} = /^[a-z]+-${n}$/i;
  module.exports = { ${a}, ${b}, ${c}, check: (x) => ${id(4)}.test(x) || x === "${s}" || x?.startsWith?.("${pick(WORDS)}") };
} });
`;
}

/** The incident's mechanism (an encoded host list and the date-separator flip), from a fixture. */
function fingerprint(): string {
  // From test/hardening (tests) or from dist/ (the bench bundle).
  const fixtures = [path.join(__dirname, '..', 'fixtures'), path.join(__dirname, '..', 'test', 'fixtures')].find((d) => existsSync(d))!;
  return readFileSync(path.join(fixtures, 'fingerprinting', 'esbuild-xor.js'), 'utf8');
}

/** A bundle of about `bytes` bytes (UTF-8), deterministic for `seed`. */
export function generateBundle(bytes: number, options: { seed?: number; withFingerprint?: boolean } = {}): string {
  const rnd = random(options.seed ?? 1);
  const parts = ['var __commonJS = (cb, mod) => function __require() { return mod || (0, cb[Object.keys(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports; };\n'];
  let size = parts[0].length;
  let planted = !options.withFingerprint;
  for (let n = 0; size < bytes; n++) {
    if (!planted && size >= bytes / 2) {
      parts.push(fingerprint());
      planted = true;
    }
    const m = moduleText(n, rnd);
    parts.push(m);
    size += m.length;
  }
  if (!planted) parts.push(fingerprint());
  return parts.join('');
}
