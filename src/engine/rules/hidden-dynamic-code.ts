// hidden-dynamic-code: eval, new Function or vm running text that the file decodes at run time.
import { calleeName, isFunction, propertyName, thenPromise, unwrap, type FunctionNode, type Node } from '../ast';
import type { Facts } from '../analysis';
import { packagePath } from '../paths';
import { calleeOf } from '../modules';
import { appearsIn } from '../evaluate';
import { createRule } from '../rule';
import { severityRank, type Severity } from '../types';

const VM_METHODS = new Set(['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script', '_compile']);
/** Steps from a file's bytes to the code: decompressing, decoding, turning into text. */
const DECODE_STEPS = new Set(['gunzipSync', 'inflateSync', 'inflateRawSync', 'unzipSync', 'brotliDecompressSync', 'toString', 'decode', 'from', 'String', 'trim']);
const READS = new Set(['readFileSync', 'readFile']);

/**
 * The file of the program's own a value is read from, as a path relative to the module's folder, and the steps
 * from its bytes to the value: `zlib.gunzipSync(fs.readFileSync(path.join(__dirname, "../lib/app.gz"))).toString()`
 * gives `../lib/app.gz` and `gunzipSync`, `toString`.
 */
function fileBehind(analysis: Facts, node: Node, steps: string[] = [], depth = 0): { file: string; steps: string[] } | undefined {
  const n = unwrap(node.type === 'AwaitExpression' ? node.argument : node);
  if (depth > 6) return undefined;
  if (n.type === 'Identifier') {
    const def = analysis.soleDefinition(n);
    return def ? fileBehind(analysis, def, steps, depth + 1) : undefined;
  }
  if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return undefined;
  const name = calleeName(n);
  if (name && READS.has(name) && n.arguments[0]) {
    const file = packagePath(analysis, n.arguments[0]);
    return file ? { file, steps } : undefined;
  }
  const input = decodeInput(n, name);
  return input ? fileBehind(analysis, input, name === 'toString' || name === 'trim' || name === 'String' ? steps : [name!, ...steps], depth + 1) : undefined;
}

/** What a decoding step takes: `x` of `x.toString("utf8")`, `zlib.gunzipSync(x)`, `Buffer.from(x, "base64")`, `new TextDecoder().decode(x)`, `String(x)`. */
function decodeInput(call: Node, name: string | undefined): Node | undefined {
  if (!name || !DECODE_STEPS.has(name)) return undefined;
  const callee = unwrap(call.callee);
  return (name === 'toString' || name === 'trim') && callee.type === 'MemberExpression' ? callee.object : call.arguments[0];
}

/** What a response gives its body as: text or bytes (not `json()`, whose fields are data such as a model's answer). */
const BODY_AS = new Set(['text', 'arrayBuffer', 'blob', 'bytes']);

/**
 * The address a value is downloaded from, when it is the body of a request to a fixed address taken as text or bytes
 * (and decoded): `await (await fetch("https://cdn.example/x.js")).text()`, `fetch(u).then((r) => r.text())`.
 */
function downloadBehind(analysis: Facts, node: Node, depth = 0): string | undefined {
  const n = unwrap(node.type === 'AwaitExpression' ? node.argument : node);
  if (depth > 8) return undefined;
  if (n.type === 'AwaitExpression') return downloadBehind(analysis, n, depth + 1);
  if (n.type === 'Identifier') {
    // (`.then((text) => eval(text))`: what the promise resolves to.)
    const b = analysis.binding(n);
    const promise = b?.kind === 'param' ? thenPromise(b.decl, b.id) : undefined;
    const def = promise ?? analysis.soleDefinition(n);
    return def ? downloadBehind(analysis, def, depth + 1) : undefined;
  }
  if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return undefined;
  const name = calleeName(n);
  const callee = unwrap(n.callee);
  if (name === 'fetch' && n.arguments[0]) {
    const url = analysis.value(n.arguments[0]);
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : undefined;
  }
  // `r.text()` of a response; `p.then((r) => r.text())` of a request's promise.
  if (name && BODY_AS.has(name) && callee.type === 'MemberExpression') return downloadBehind(analysis, callee.object, depth + 1);
  if (name === 'then' && callee.type === 'MemberExpression' && isFunction(n.arguments[0])) {
    const body = analysis.returnsOf(n.arguments[0] as FunctionNode).map(unwrap);
    const taken = body.length === 1 && body[0].type === 'CallExpression' && BODY_AS.has(calleeName(body[0]) ?? '') ? body[0] : undefined;
    return taken ? downloadBehind(analysis, callee.object, depth + 1) : undefined;
  }
  const input = decodeInput(n, name);
  return input ? downloadBehind(analysis, input, depth + 1) : undefined;
}

/**
 * Code a reader can see in the file: most of its lines stand in the source as
 * they run (a sandbox prelude in a template literal, trimmed or joined), which
 * is not hiding it.
 */
function readableInSource(text: string, code: string): boolean {
  const lines = code.split('\n').map((l) => l.trim()).filter((l) => l.length >= 16);
  if (lines.length < 2) return false;
  const shown = lines.filter((l) => text.includes(l)).length;
  return shown >= lines.length * 0.8;
}

export const rule = createRule({
  meta: {
    id: 'hidden-dynamic-code',
    description: 'Code is decoded at run time and executed with eval, new Function or vm.',
    severity: 'high',
    category: 'CWE-506: Embedded Malicious Code',
    messages: {
      decoded: 'Decoded code ({{length}} characters) is run by {{via}}{{nested}}.',
      fromFile: 'Code read at run time from {{file}}{{steps}} is run by {{via}}: the program runs a file that is not named as JavaScript.',
      downloaded: 'Code downloaded at run time from {{url}} is run by {{via}}: what the program runs is not in the package.',
    },
  },
  create(context) {
    const { analysis } = context;
    const calls: Node[] = [];
    const visit = (node: Node) => {
      // (Also an indirect call, `(0, eval)(code)`.)
      const callee = calleeOf(node.callee);
      const name = callee.type === 'Identifier' ? callee.name : propertyName(callee);
      if (name === 'eval' || name === 'Function' || (name && VM_METHODS.has(name))) calls.push(node);
    };
    return {
      CallExpression: visit,
      NewExpression: visit,
      'Program:exit'() {
        for (const call of calls) {
          const arg = call.arguments[call.arguments.length - 1] ?? call.arguments[0];
          if (!arg || unwrap(arg).type === 'Literal') continue;
          const callee = calleeOf(call.callee);
          const via = callee.type === 'Identifier' ? callee.name : `vm.${propertyName(callee)}`;
          const code = via === 'Function' ? arg : call.arguments[0];
          // Code the program reads from a file of its own and runs: the scanner reads that file too (evidence.loadsFile),
          // and lowers this finding once it has analysed what the file holds.
          const read = fileBehind(analysis, code);
          if (read && !/\.[cm]?js$/i.test(read.file)) {
            context.report({
              node: call, messageId: 'fromFile', severity: 'medium',
              summary: `Runs code it reads at run time from ${read.file}${read.steps.length ? ` (${read.steps.join(', ')})` : ''}, a file not named as JavaScript.`,
              data: { file: read.file, steps: read.steps.length ? ` (${read.steps.join(', ')})` : '', via },
              evidence: { loadsFile: read.file, steps: read.steps },
              chain: [context.step('sink', `${via}(code read from ${read.file})`, call)],
            });
            continue;
          }
          // Code fetched from a fixed address and run: the program the package holds is not the program that runs.
          const url = downloadBehind(analysis, code);
          if (url) {
            context.report({
              node: call, messageId: 'downloaded', severity: 'medium',
              summary: `Runs code it downloads at run time from ${url}: what it runs cannot be read in the package.`,
              data: { url, via },
              evidence: { downloadsFrom: url },
              chain: [context.step('sink', `${via}(code downloaded from ${url})`, call)],
            });
            continue;
          }
          const { value, provenance } = analysis.evaluate(code);
          if (typeof value !== 'string' || value.length < 8) continue;
          if (!provenance.decoded || appearsIn(provenance, value) || readableInSource(analysis.text, value)) continue;
          const nested = context.scanNested(value);
          const worst = nested.reduce<Severity>((s, f) => (severityRank(f.severity) < severityRank(s) ? f.severity : s), 'high');
          context.report({
            node: call, messageId: 'decoded', severity: worst,
            summary: `Runs ${value.length} characters of code it decodes at run time, which nobody reading the package can see${nested.length ? `; inside it: ${nested[0].summary.replace(/\.$/, '')}` : ''}.`,
            data: { length: value.length, via, nested: nested.length ? `; inside it: ${nested.map((f) => f.message).join(' ')}` : '' },
            evidence: { decodedPreview: value.slice(0, 400), length: value.length, nestedFindings: nested },
            chain: [context.step('sink', `${via}(decoded code)`, call)],
          });
        }
      },
    };
  },
});
