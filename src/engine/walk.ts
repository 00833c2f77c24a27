// The single traversal: sets parent links and calls every registered visitor.
import { keysOf, VISITED_TYPES, type Node } from './ast';
import { ScanError, type ParsedIndex } from './parse';

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

/** Calls `fn` on each direct child node, in source order. */
export function forEachChild(node: Node, fn: (child: Node) => void): void {
  const keys = keysOf(node);
  for (let i = 0; i < keys.length; i++) {
    const v = node[keys[i]];
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const c of v) if (c !== null && typeof c === 'object' && typeof c.type === 'string') fn(c);
    } else if (typeof v.type === 'string') fn(v);
  }
}

/**
 * Walks the tree once, in source order, linking each node to its parent and
 * calling the visitors for its type before its children (like ESLint).
 *
 * It iterates a table of ESTree child fields rather than acorn-walk's `base`,
 * whose Statement/Expression hops cost about 40% more on a 13 MB bundle; a
 * test checks that it reaches every node acorn-walk's full walk reaches.
 */
export function traverse(ast: Node, visitors: VisitorMap): void {
  // Identifiers and literals are half the nodes and have no children: unless a
  // visitor wants them, they only get their parent link, without a call.
  const leafVisitors = !!(visitors.Identifier || visitors.Literal);
  const visit = (node: Node, parent: Node | null): void => {
    node.parent = parent;
    const list = visitors[node.type];
    if (list) for (let i = 0; i < list.length; i++) list[i](node);
    const keys = keysOf(node);
    for (let i = 0; i < keys.length; i++) {
      const v = node[keys[i]];
      if (v === null || typeof v !== 'object') continue;
      if (Array.isArray(v)) {
        for (let j = 0; j < v.length; j++) {
          const c = v[j];
          if (c === null || typeof c !== 'object') continue;
          if (!leafVisitors && (c.type === 'Identifier' || c.type === 'Literal')) c.parent = node;
          else if (typeof c.type === 'string') visit(c, node);
        }
      } else if (!leafVisitors && (v.type === 'Identifier' || v.type === 'Literal')) v.parent = node;
      else if (typeof v.type === 'string') visit(v, node);
    }
  };
  try {
    visit(ast, null);
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) throw new ScanError('nesting too deep to analyse');
    throw err;
  }
}

/**
 * Calls the visitors on the nodes the parser recorded (children before
 * parents, see parse.ts) instead of walking the tree again: only the nodes of
 * VISITED_TYPES when every visitor is for one of them, else all. Walks the
 * tree when there is no such list or a visitor wants identifiers or literals.
 */
export function visitAll(ast: Node, index: ParsedIndex | undefined, visitors: VisitorMap): void {
  if (!index || visitors.Identifier || visitors.Literal) {
    traverse(ast, visitors);
    return;
  }
  const types = Object.keys(visitors);
  const nodes = types.every((t) => VISITED_TYPES.has(t)) ? index.visited : index.nodes;
  // A Map: the object's keyed lookup goes megamorphic over the ~70 node types.
  const byType = new Map(Object.entries(visitors));
  for (let i = 0; i < nodes.length; i++) {
    const list = byType.get(nodes[i].type);
    if (list) for (let j = 0; j < list.length; j++) list[j](nodes[i]);
  }
}
