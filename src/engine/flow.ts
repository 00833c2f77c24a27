// Flows: which fingerprint sources reach an expression, and the nodes on the way.
import { unwrap, type Node } from './ast';
import type { Flow } from './context';

export type { Flow };

export const NONE: Flow = { kinds: 0, via: [] };
/** Nodes kept on a flow's way, at most. */
export const MAX_VIA = 12;

/** `Math`, as in `Math.imul(h, 16777619)`. */
export function isMath(node: Node): boolean {
  const n = unwrap(node);
  return n.type === 'Identifier' && n.name === 'Math';
}

export function union(a: Flow, b: Flow): Flow {
  if (!b.kinds) return a;
  if (!a.kinds) return b;
  const via = a.via.length >= MAX_VIA ? a.via : [...a.via, ...b.via.filter((n) => !a.via.includes(n))].slice(0, MAX_VIA);
  return { kinds: a.kinds | b.kinds, via };
}
