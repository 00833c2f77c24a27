// The single traversal: sets parent links and calls every registered visitor.
import * as walk from 'acorn-walk';
import type { Node } from './ast';
import { ScanError } from './parse';

export type Visitor = (node: Node) => void;
export type VisitorMap = Record<string, Visitor[]>;

/** Merges visitor objects (one per rule or collector) into lists by node type. */
export function mergeVisitors(all: Array<Record<string, Visitor>>): VisitorMap {
  const merged: VisitorMap = {};
  for (const visitors of all) {
    for (const [type, fn] of Object.entries(visitors)) (merged[type] ??= []).push(fn);
  }
  return merged;
}

const base = walk.base as unknown as Record<string, (node: Node, st: Node | null, c: Step) => void>;
type Step = (node: Node, st: Node | null, override?: string) => void;

/**
 * Walks the tree once, in source order, linking each node to its parent and
 * calling the visitors for its type before its children (like ESLint).
 */
export function traverse(ast: Node, visitors: VisitorMap): void {
  const step: Step = (node, parent, override) => {
    if (node !== parent) {
      node.parent = parent;
      const list = visitors[node.type];
      if (list) for (let i = 0; i < list.length; i++) list[i](node);
    }
    base[override ?? node.type](node, node, step);
  };
  try {
    step(ast, null);
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) throw new ScanError('nesting too deep to analyse');
    throw err;
  }
}
