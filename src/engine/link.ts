// The linker: joins the module summaries of one program (modules.ts) and works
// out what every module's inputs hold, to a fixed point. It needs no syntax
// tree: each module was summarised once and its tree dropped. The result names
// the modules where a fingerprint from another module reaches a comparison, a
// covert channel or a sink, with the seeds for their second analysis.
import { addTo } from './ast';
import type { ExportFacts, Fact, InputDef, ModuleSummary, Seeds } from './modules';
import { kindNames } from './sources';

export interface LinkedModule {
  id: string;
  summary: ModuleSummary;
}

/** The module a specifier names, seen from a module; undefined when it is not part of the program. */
export type Resolve = (from: string, spec: string) => string | undefined;

interface Found { id: string; name: string; facts: ExportFacts }

/** Seeds for every module where what another module gives reaches a finding. `display` names a module in evidence. */
export function link(modules: LinkedModule[], resolve: Resolve, display: (id: string) => string = (id) => id): Map<string, Seeds> {
  const byId = new Map(modules.map((m) => [m.id, m.summary]));
  // Keys of the linker's maps name a module by its number, not its (long) path.
  const num = new Map(modules.map((m, i) => [m.id, i]));
  const slotOf = (id: string, key: string) => `${num.get(id)}:${key}`;
  const resolved = new Map<string, string | undefined>();
  const target = (from: string, spec: string): string | undefined => {
    const k = `${from}\0${spec}`;
    if (!resolved.has(k)) resolved.set(k, resolve(from, spec));
    return resolved.get(k);
  };

  /** An export by name, through `export … from` and `export *`; a CommonJS default object stands for its members. */
  const exportOf = (id: string | undefined, name: string, depth = 0): Found | undefined => {
    const s = id === undefined ? undefined : byId.get(id);
    if (!s || depth > 20) return undefined;
    const own = s.exports[name];
    if (own) return { id: id!, name, facts: own };
    for (const r of s.reexports) {
      if (r.as !== name && !(r.as === '*' && name !== 'default')) continue;
      const found = exportOf(target(id!, r.spec), r.as === '*' ? name : r.name, depth + 1);
      if (found) return found;
    }
    const whole = name !== 'default' ? s.exports.default : undefined;
    return whole ? { id: id!, name: 'default', facts: { value: whole.value } } : undefined;
  };

  // Where each input's value comes from, resolved once.
  const sourceOf = new Map<string, Found | undefined>();
  const found = (id: string, key: string, def: InputDef & { spec: string }): Found | undefined => {
    const k = slotOf(id, key);
    if (!sourceOf.has(k)) sourceOf.set(k, exportOf(target(id, def.spec), def.name));
    return sourceOf.get(k);
  };

  // Calls into each exported function, for its parameters.
  const incoming = new Map<string, Array<{ caller: string; args: Fact[] }>>();
  for (const m of modules) {
    for (const [key, def] of Object.entries(m.summary.inputs)) {
      if (def.type !== 'call') continue;
      const f = found(m.id, key, def);
      if (!f) continue;
      addTo(incoming, slotOf(f.id, f.name), { caller: m.id, args: def.args });
    }
  }

  const kinds = new Map<string, number>();
  const where = new Map<string, string>();
  // Which inputs read which: when one grows, only those that read it are worked out again.
  const dependents = new Map<string, Set<string>>();
  let reading: string | undefined;
  const kindsOf = (id: string, key: string) => {
    const slot = slotOf(id, key);
    if (reading) {
      let d = dependents.get(slot);
      if (!d) dependents.set(slot, (d = new Set()));
      d.add(reading);
    }
    return kinds.get(slot) ?? 0;
  };
  const whereOf = (id: string, fact: Fact): string | undefined => {
    if (fact.kinds && fact.at) return `${display(id)}:${fact.at}`;
    for (const k of fact.from) {
      const w = where.get(slotOf(id, k));
      if (w) return w;
    }
    return undefined;
  };
  const evalFact = (id: string, fact: Fact | undefined): number => {
    if (!fact) return 0;
    let k = fact.kinds;
    for (const from of fact.from) k |= kindsOf(id, from);
    return k;
  };

  /** What an input holds now, and where a source of it is read. */
  const compute = (id: string, key: string, def: InputDef): { k: number; at?: string } => {
    if (def.type === 'param') {
      let k = 0;
      let at: string | undefined;
      for (const call of incoming.get(slotOf(id, def.name)) ?? []) {
        const arg = call.args[def.index];
        const ak = evalFact(call.caller, arg);
        if (ak && !at) at = whereOf(call.caller, arg!);
        k |= ak;
      }
      return { k, at };
    }
    const f = found(id, key, def);
    if (!f) return { k: 0 };
    if (def.type === 'value') return { k: evalFact(f.id, f.facts.value), at: whereOf(f.id, f.facts.value) };
    // A call carries what the function returns; its own parameters are this call's arguments (context-sensitive).
    const ret = f.facts.returns ?? f.facts.value;
    const callee = byId.get(f.id)!;
    let k = ret.kinds;
    let at = ret.kinds && ret.at ? `${display(f.id)}:${ret.at}` : undefined;
    for (const from of ret.from) {
      const d = callee.inputs[from];
      const own = d?.type === 'param' && callee.exports[d.name] === f.facts;
      const fk = own ? evalFact(id, def.args[d.index]) : kindsOf(f.id, from);
      if (fk && !at) at = own ? whereOf(id, def.args[d.index]) : where.get(slotOf(f.id, from));
      k |= fk;
    }
    return { k, at };
  };

  // A worklist to the fixed point: kinds only grow, so it ends.
  const slots = new Map<string, { id: string; key: string; def: InputDef }>();
  for (const m of modules) for (const [key, def] of Object.entries(m.summary.inputs)) slots.set(slotOf(m.id, key), { id: m.id, key, def });
  const queue = [...slots.keys()];
  const queued = new Set(queue);
  while (queue.length) {
    const slot = queue.pop()!;
    queued.delete(slot);
    const { id, key, def } = slots.get(slot)!;
    reading = slot;
    const { k, at } = compute(id, key, def);
    reading = undefined;
    const old = kinds.get(slot) ?? 0;
    if ((old | k) === old) continue;
    kinds.set(slot, old | k);
    if (at && !where.has(slot)) where.set(slot, at);
    for (const d of dependents.get(slot) ?? []) if (!queued.has(d)) { queued.add(d); queue.push(d); }
  }

  const seeds = new Map<string, Seeds>();
  for (const m of modules) {
    let s: Seeds | undefined;
    for (const use of m.summary.constants ?? []) {
      const hash = use.lastIndexOf('#');
      const c = exportOf(target(m.id, use.slice(0, hash)), use.slice(hash + 1))?.facts.constant;
      if (c) (s ??= {})[`k${use}`] = { kinds: 0, label: `constant from ${use.slice(0, hash)}`, constant: c };
    }
    // With another module's constants, comparisons appear that the module alone could not see: every input counts.
    for (const key of s ? Object.keys(m.summary.inputs) : m.summary.reaching) {
      const k = kindsOf(m.id, key);
      if (!k) continue;
      const def = m.summary.inputs[key];
      const at = where.get(slotOf(m.id, key));
      const from = def.type === 'param' ? `passed to ${def.name}()` : `from ${def.spec}`;
      (s ??= {})[key] = { kinds: k, label: `${kindNames(k).join(' / ')} ${from}${at ? `, read at ${at}` : ''}` };
    }
    if (s) seeds.set(m.id, s);
  }
  return seeds;
}
