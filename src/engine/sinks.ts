// Where a value goes: a forward search from a node to the text, header, URL or request it ends up in.
import { calleeName, enclosingScope, isFunction, keyName, type FunctionNode, type Node } from './ast';
import type { Facts } from './analysis';
import { forEachChild } from './walk';

export interface Sink { kind: 'prompt-like text' | 'header' | 'URL' | 'network request' | 'telemetry event'; text: string; node: Node }

const MAX_VISITS = 200;
const NETWORK = /^(?:fetch|request|post|put|patch|sendBeacon|send|write)$/;

/** Classifies template text around a value. */
function textSink(parts: string[], node: Node): Sink | undefined {
  const text = parts.join('${…}');
  if (/^[a-z][\w+.-]*:\/\/|^\/[\w-]+.*[?&]\w+=/i.test(text)) return { kind: 'URL', text, node };
  // `"claude-cli/2.0.14" + tag`: a product and version, as a user agent begins.
  if (/^[A-Za-z][\w.@-]*\/v?\d+(?:\.\d+)+(?:[-+ ][\w.()-]*)?\s*(?:\$\{…\})?$/.test(text)) return { kind: 'header', text: `user-agent ${text}`, node };
  if (/[A-Za-z]{2,}[\s\S]*\s[\s\S]*[A-Za-z]{2,}/.test(text)) return { kind: 'prompt-like text', text, node };
  return undefined;
}

/** Finds the sinks a value reaches, following variables, returns and calls (bounded). */
export function sinksOf(analysis: Facts, start: Node): Sink[] {
  const out: Sink[] = [];
  const seen = new Set<Node>();
  const queue: Node[] = [start];
  while (queue.length && seen.size < MAX_VISITS) {
    const n = queue.shift()!;
    if (seen.has(n)) continue;
    seen.add(n);
    const p = n.parent;
    if (!p) continue;
    switch (p.type) {
      case 'TemplateLiteral': {
        const s = textSink(p.quasis.map((q: Node) => q.value.cooked ?? ''), p);
        if (s) out.push(s);
        queue.push(p);
        break;
      }
      case 'BinaryExpression':
        if (p.operator === '+') {
          const other = p.left === n ? p.right : p.left;
          if (other.type === 'Literal' && typeof other.value === 'string') { const s = textSink([String(other.value)], p); if (s) out.push(s); }
          queue.push(p);
        }
        break;
      case 'ConditionalExpression': if (p.test !== n) queue.push(p); break;
      case 'LogicalExpression': case 'ParenthesizedExpression': case 'ChainExpression': case 'AwaitExpression': case 'SequenceExpression': case 'ArrayExpression': case 'SpreadElement':
        queue.push(p);
        break;
      case 'MemberExpression': if (p.object === n) queue.push(p); break;
      case 'CallExpression': case 'NewExpression': {
        const name = calleeName(p) ?? '';
        if (p.arguments.includes(n)) {
          if (NETWORK.test(name)) out.push({ kind: 'network request', text: name, node: p });
          const first = p.arguments[0];
          if (first?.type === 'Literal' && typeof first.value === 'string' && /^[a-z]+[_.:][\w.:]+$/.test(first.value) && p.arguments[1] === n) out.push({ kind: 'telemetry event', text: first.value, node: p });
          // `s({ messages })` of `function s(t) { fetch(…, { body: JSON.stringify(t) }) }`: where the parameter goes;
          // of such a function another module exports (`(0, r.b)({ messages })`), what the linker found it does.
          const index = p.arguments.indexOf(n);
          const fn = analysis.calledFunction(p);
          const param = fn?.params[index];
          if (param?.type === 'Identifier') queue.push(...references(analysis, param));
          else if (!fn && analysis.importSends(p)?.includes(index)) out.push({ kind: 'network request', text: name || 'an imported function', node: p });
        }
        queue.push(p);
        break;
      }
      case 'Property': {
        const key = keyName(p) ?? '';
        if (/^x-|header|user-agent|authorization/i.test(key) || p.parent?.parent?.type === 'Property' && /headers/i.test(keyName(p.parent.parent) ?? '')) out.push({ kind: 'header', text: key, node: p });
        if (p.value === n && p.parent) queue.push(p.parent);
        break;
      }
      case 'VariableDeclarator':
        if (p.init === n && p.id.type === 'Identifier') queue.push(...references(analysis, p.id));
        break;
      case 'AssignmentExpression':
        if (p.right === n && p.left.type === 'Identifier') queue.push(...references(analysis, p.left));
        // `o["messages"] = messages`: where the object goes (as an object literal's member would).
        else if (p.right === n && p.left.type === 'MemberExpression' && p.left.object.type === 'Identifier') queue.push(...references(analysis, p.left.object));
        break;
      case 'ReturnStatement': {
        const fn = enclosingScope(p);
        if (isFunction(fn)) queue.push(...analysis.callSites(fn));
        break;
      }
      case 'ArrowFunctionExpression':
        if (p.body === n) queue.push(...analysis.callSites(p as FunctionNode));
        break;
    }
  }
  return out;
}

/**
 * The parameters of a function (by index) that reach a network request inside it: what a helper
 * another module calls sends (`export function post(body) { return fetch(url, { body: JSON.stringify(body) }) }`).
 */
export function paramSends(analysis: Facts, fn: FunctionNode): number[] {
  const out: number[] = [];
  fn.params.forEach((param: Node, i: number) => {
    if (param.type !== 'Identifier') return;
    const refs = references(analysis, param).slice(0, 8);
    if (refs.some((r) => sinksOf(analysis, r).some((k) => k.kind === 'network request'))) out.push(i);
  });
  return out;
}

/** Where each analysis' requests are made (`fetch(…)`, `x.post(…)`), by position; found on first use. */
const networkCalls = new WeakMap<Facts, number[]>();

/** paramSends, for functions that make a request themselves only (the others send nothing of theirs). */
export function sendingParams(analysis: Facts, fn: FunctionNode): number[] {
  let calls = networkCalls.get(analysis);
  if (!calls) {
    const at: number[] = [];
    analysis.eachNode((n) => { if (n.type === 'CallExpression' && NETWORK.test(calleeName(n) ?? '')) at.push(n.start); });
    networkCalls.set(analysis, calls = at.sort((a, b) => a - b));
  }
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (calls[mid] < fn.start) lo = mid + 1; else hi = mid; }
  return lo < calls.length && calls[lo] < fn.end && fn.params.length ? paramSends(analysis, fn) : [];
}

/** Uses of the variable an identifier declares, inside its scope (small scopes only). */
function references(analysis: Facts, id: Node): Node[] {
  const b = analysis.binding(id);
  if (!b || b.scope.end - b.scope.start > 200_000) return [];
  const out: Node[] = [];
  const visit = (n: Node) => {
    if (n.type === 'Identifier') {
      if (n.name === b.name && n !== b.id && analysis.binding(n) === b) out.push(n);
      return;
    }
    forEachChild(n, visit);
  };
  visit(b.scope);
  return out;
}
