// The layers of src/ and the imports between them: model <- engine <- artifacts
// <- discovery; model <- policy; report; scanner <- { cli, extension }. Fails on
// an import against that order, and on any cycle between folders or files.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const src = path.resolve(__dirname, '..', 'src');

/** What each folder may import from (besides itself). */
const ALLOWED: Record<string, string[]> = {
  model: [],
  engine: ['model'],
  artifacts: ['model', 'engine'],
  discovery: ['model', 'engine', 'artifacts'],
  policy: ['model', 'engine'],
  report: ['model', 'engine', 'artifacts', 'discovery', 'policy'],
  scanner: ['model', 'engine', 'artifacts', 'discovery', 'policy', 'report'],
  cli: ['model', 'engine', 'artifacts', 'discovery', 'policy', 'report', 'scanner'],
  extension: ['model', 'engine', 'artifacts', 'discovery', 'policy', 'report', 'scanner'],
};

interface Edge { from: string; to: string; typeOnly: boolean }

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of files(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'(\.[^']+)';/gm)) {
      let target = path.resolve(path.dirname(file), m[2]);
      if (!target.startsWith(src + path.sep)) continue; // package.json
      target = files(path.dirname(target)).find((f) => f === `${target}.ts` || f === path.join(target, 'index.ts')) ?? `${target}.ts`;
      out.push({ from: path.relative(src, file), to: path.relative(src, target), typeOnly: !!m[1] || /^import\s+\{\s*(?:type\s+[^,}]+,?\s*)+\}/.test(m[0]) });
    }
  }
  return out;
}

const folderOf = (f: string) => f.split(path.sep)[0];

/** The strongly connected components with more than one member (or a self-loop). */
function cycles(nodes: string[], next: (n: string) => string[]): string[][] {
  let index = 0;
  const idx = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>(), out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index); low.set(v, index++); stack.push(v); on.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); c.push(w); } while (w !== v);
      if (c.length > 1 || next(v).includes(v)) out.push(c.sort());
    }
  };
  for (const n of nodes) if (!idx.has(n)) visit(n);
  return out;
}

describe('layers of src/', () => {
  const all = edges();

  it('finds the imports it checks', () => {
    assert.ok(all.length > 100, `${all.length} imports`);
    assert.ok(all.some((e) => e.from.startsWith('cli') && e.to.startsWith('scanner')));
  });

  it('imports only from the folders below each folder', () => {
    const wrong = all.filter((e) => folderOf(e.from) !== folderOf(e.to) && !(ALLOWED[folderOf(e.from)] ?? []).includes(folderOf(e.to)));
    assert.deepStrictEqual(wrong.map((e) => `${e.from} -> ${e.to}`), []);
  });

  it('has every folder in the table', () => {
    assert.deepStrictEqual([...new Set(all.map((e) => folderOf(e.from)))].filter((f) => !(f in ALLOWED)), []);
  });

  it('has no cycle between folders', () => {
    const folders = [...new Set(all.flatMap((e) => [folderOf(e.from), folderOf(e.to)]))];
    assert.deepStrictEqual(cycles(folders, (f) => [...new Set(all.filter((e) => folderOf(e.from) === f && folderOf(e.to) !== f).map((e) => folderOf(e.to)))]), []);
  });

  it('has no cycle between files', () => {
    const nodes = [...new Set(all.flatMap((e) => [e.from, e.to]))];
    const found = cycles(nodes, (f) => all.filter((e) => e.from === f).map((e) => e.to));
    assert.deepStrictEqual(found.map((c) => c.join(' <-> ')), []);
  });

  it('detects a cycle', () => {
    assert.deepStrictEqual(cycles(['a', 'b', 'c'], (n) => ({ a: ['b'], b: ['a'], c: ['c'] } as Record<string, string[]>)[n]), [['a', 'b'], ['c']]);
  });
});
