// Paths a module names from its own place (`path.join(__dirname, "../lib/app.gz")`), as files of its package
// the program reads or runs; and the files it starts as JavaScript in another process or thread.
import { posix } from 'path';
import { calleeName, propertyName, unwrap, type Node } from './ast';

/** Names a module is loaded under as JavaScript, JSON or native code; Node runs a file under any other name as JavaScript. */
export const SAYS_WHAT_IT_IS = /\.(?:[cm]?[jt]sx?|json|node)$/i;

/** What the path helpers need of the analysis: whether a name is bound here, and the one value it is given. */
interface PathFacts {
  binding(id: Node): unknown;
  soleDefinition(id: Node): Node | undefined;
}

/**
 * A path named by constants from the module's own place, relative to its folder: `path.join(__dirname, "../lib/app.gz")`,
 * `` `${__dirname}/app.js` ``, `new URL("./app.gz", import.meta.url)` (and `fileURLToPath` of it); or undefined.
 */
export function packagePath(analysis: PathFacts, node: Node, depth = 0): string | undefined {
  const parts = pathParts(analysis, node, depth);
  if (!parts || parts[0] !== '\0dir') return undefined;
  const joined = posix.normalize(posix.join('.', ...parts.slice(1)));
  return joined === '.' ? undefined : joined;
}

function pathParts(analysis: PathFacts, node: Node, depth: number): string[] | undefined {
  const n = unwrap(node);
  if (depth > 6) return undefined;
  if (n.type === 'Literal' && typeof n.value === 'string') return [n.value];
  if (n.type === 'Identifier') {
    if ((n.name === '__dirname' || n.name === '__filename') && !analysis.binding(n)) return n.name === '__dirname' ? ['\0dir'] : undefined;
    const def = analysis.soleDefinition(n);
    return def ? pathParts(analysis, def, depth + 1) : undefined;
  }
  if (n.type === 'TemplateLiteral') {
    const out: string[] = [];
    for (let i = 0; i < n.quasis.length; i++) {
      out.push(n.quasis[i].value.cooked ?? '');
      if (i < n.expressions.length) { const p = pathParts(analysis, n.expressions[i], depth + 1); if (!p) return undefined; out.push(...p); }
    }
    return joinText(out);
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    const l = pathParts(analysis, n.left, depth + 1);
    const r = l && pathParts(analysis, n.right, depth + 1);
    return l && r ? joinText([...l, ...r]) : undefined;
  }
  if (n.type === 'CallExpression' || n.type === 'NewExpression') {
    const name = calleeName(n);
    const args = n.arguments as Node[];
    // `new URL("./app.gz", import.meta.url)`: relative to the module's own file.
    if (name === 'URL' && args.length === 2 && unwrap(args[1]).type === 'MemberExpression' && unwrap(unwrap(args[1]).object).type === 'MetaProperty') {
      const rel = pathParts(analysis, args[0], depth + 1);
      return rel ? ['\0dir', ...rel] : undefined;
    }
    if (name === 'fileURLToPath' && args.length === 1) return pathParts(analysis, args[0], depth + 1);
    if ((name === 'join' || name === 'resolve') && args.length) {
      const all = args.map((a) => pathParts(analysis, a, depth + 1));
      return all.every((a): a is string[] => !!a) ? all.flat() : undefined;
    }
  }
  return undefined;
}

/** Text pieces of a path joined, the module's folder kept as its own first piece (`${__dirname}/app.js` gives it and `app.js`). */
function joinText(pieces: string[]): string[] | undefined {
  const text = pieces.join('');
  if (!text.startsWith('\0dir')) return text.includes('\0dir') ? undefined : [text];
  return ['\0dir', text.slice(4)];
}

/** Functions that start a program with a command line: given node (`process.execPath`) and a script, they run that script. */
const RUNS_PROGRAM = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);
/** The names of the calls startedScript reads (besides `new Worker`). */
export const STARTS_SCRIPT = ['fork', ...RUNS_PROGRAM];

/**
 * A file of the package a call runs as JavaScript in another process or thread, relative to the module's folder:
 * `fork(path.join(__dirname, "worker.dat"))`, `new Worker(new URL("./w.bin", import.meta.url))`,
 * `spawn(process.execPath, [path.join(__dirname, "app.dat")])`.
 */
export function startedScript(analysis: PathFacts, call: Node): string | undefined {
  const name = calleeName(call);
  const args = call.arguments as Node[];
  if (!args.length) return undefined;
  if (name === 'fork' || name === 'Worker' && call.type === 'NewExpression') return packagePath(analysis, args[0]);
  if (!name || !RUNS_PROGRAM.has(name) || !isNode(args[0])) return undefined;
  const list = args[1] && unwrap(args[1]);
  const first = list?.type === 'ArrayExpression' ? (list.elements as Array<Node | null>).find((e) => e && !(unwrap(e).type === 'Literal' && String(unwrap(e).value).startsWith('-'))) : undefined;
  return first ? packagePath(analysis, first) : undefined;
}

/** `process.execPath` or `"node"`: the program that runs a script. */
function isNode(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'Literal') return n.value === 'node';
  return n.type === 'MemberExpression' && propertyName(n) === 'execPath' && unwrap(n.object).type === 'Identifier' && unwrap(n.object).name === 'process';
}
