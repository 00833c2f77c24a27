// The linker: joins the module summaries of one program (modules.ts) and works
// out what every module's inputs hold, to a fixed point. It needs no syntax
// tree: each module was summarised once and its tree dropped. The result names
// the modules where a fingerprint from another module reaches a comparison, a
// covert channel or a sink, with the seeds for their second analysis.
import { addTo } from './ast';
import type { Check, Constant, ExportFacts, Fact, InputDef, ModuleSummary, Seeds } from './modules';
import { argumentFact, GLOBAL, memberAt, memberName, STORE_GET, STORE_PUT } from './modules';
import { kindNames } from './sources';

/** Methods that put a whole state object at once (`store.setState({ flagged })`, zustand's `set({ … })`). */
const STATE_PUT = /^(?:setState|set|update|patch|merge)$/;
/** A member of what a store's state getter gives (`store.getState().flagged`, as an input names it): the store, the getter, the member. */
const STATE_READ = /^(.+)\.(getState|getSnapshot|get|state)\.prototype\.([^.]+)$/;

export interface LinkedModule {
  id: string;
  summary: ModuleSummary;
}

/** The module a specifier names, seen from a module; undefined when it is not part of the program. */
export type Resolve = (from: string, spec: string) => string | undefined;

interface Found { id: string; name: string; facts: ExportFacts }

/** What a value holds: source kinds, and where a source of it is read. */
interface Held { k: number; at?: string }

/** Calls of other modules' functions worked out again per caller, nested at most this deep. */
const MAX_CALL_DEPTH = 4;
/** Nested calls worked out at most for one input; beyond, every caller merges. */
const MAX_NESTED_CALLS = 64;
/** Comparisons made elsewhere that a seed carries at most. */
const MAX_SEED_CHECKS = 4;
/** Modules deep that code another module evaluates is put together from (see withUses). */
const MAX_CODE_DEPTH = 3;

/** Calls from other modules a function may have for the members of its parameters to be followed (`env.hit` of `make(env)`). */
const MAX_MEMBER_CALLERS = 8;

/** Where the module id of a webpack export's name ends (after `./bus.mjs:` of `./bus.mjs:bus.emit`, `118:`): a member's dots come after it. */
const idEnd = (name: string) => name.lastIndexOf(':') + 1;
// (`bus.emit`, and a webpack module's member `118:emit`.)
const methodOf = (name: string) => name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf(':')) + 1);
/** Methods that send an event with values, and methods that listen for it (`bus.emit("env", tz)`, `bus.on("env", (tz) => …)`). */
const EVENT_EMIT = /^(?:emit|publish|trigger|fire|dispatch)$/;
const EVENT_LISTEN = /^(?:on|once|addListener|prependListener|subscribe)$/;

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
      // A webpack module re-exporting another whole (`509:*` from `251:*`): `509:zone` is that module's `251:zone`.
      if (r.as.endsWith(':*')) {
        const found = name.startsWith(r.as.slice(0, -1)) ? exportOf(target(id!, r.spec), r.name.slice(0, -1) + name.slice(r.as.length - 1), depth + 1) : undefined;
        if (found) return found;
        continue;
      }
      // `export * as env from "./tz"`: `env.zone` is the module's `zone`.
      if (r.name === '*' && r.as !== '*' && name.startsWith(`${r.as}.`)) {
        const found = exportOf(target(id!, r.spec), name.slice(r.as.length + 1), depth + 1);
        if (found) return found;
        continue;
      }
      // `export { probe as p } from "./a"`: `p.gateway` is that module's `probe.gateway`.
      if (r.as !== '*' && r.name !== '*' && name.startsWith(`${r.as}.`)) {
        const found = exportOf(target(id!, r.spec), memberName(r.name, name.slice(r.as.length + 1)), depth + 1);
        if (found) return found;
        continue;
      }
      if (r.as !== name && !(r.as === '*' && name !== 'default')) continue;
      const found = exportOf(target(id!, r.spec), r.as === '*' ? name : r.name, depth + 1);
      if (found) return found;
    }
    // `api.key` of an exported object that has no method `key`: what the object holds.
    const dot = name.indexOf('.', idEnd(name));
    if (dot > idEnd(name)) {
      // (`Probe.create.prototype.hit` of `(await Probe.create()).hit`, where `create` returns a `Probe`: the class's own `hit`.)
      const proto = name.lastIndexOf('.prototype.');
      const maker = proto > dot ? exportOf(id, name.slice(0, proto), depth + 1) : undefined;
      const made = maker?.facts.makes !== undefined ? exportOf(maker.id, maker.facts.makes + name.slice(proto), depth + 1) : undefined;
      if (made) return made;
      const object = exportOf(id, name.slice(0, dot), depth + 1);
      // (`env.zone` of an instance, `Env.prototype.zone` of `new Env()`: what its constructor gives the member;
      // `getEnv.prototype.zone` of `getEnv().zone`: what the instance or object the function returns holds.)
      const key = name.slice(dot + 1).replace(/^prototype\./, '');
      const member = memberAt(object?.facts.instance, key) ?? memberAt(object?.facts.returns, key);
      // (Of a function's result with no such member known: what it returns, as a call of it would give.)
      const whole = /(?:^|\.)prototype\./.test(name.slice(dot + 1)) ? object?.facts.returns : undefined;
      if (object) return { id: object.id, name: object.name, facts: { value: member ?? whole ?? object.facts.value } };
    }
    // (`cfg.zones` of `import cfg from "./config.js"`, which the importer takes for a namespace: a member of the module's default export.)
    if (s.exports.default && !name.startsWith('default') && !name.includes(':')) {
      const member = exportOf(id, `default.${name}`, depth + 1);
      if (member && member.name !== 'default') return member;
    }
    // (A webpack chunk names a module's value `118:default`, and a member of it `118:emit`.)
    const colon = name.lastIndexOf(':');
    const wholeName = colon > 0 ? `${name.slice(0, colon)}:default` : 'default';
    const whole = name !== wholeName ? s.exports[wholeName] : undefined;
    return whole ? { id: id!, name: wholeName, facts: { value: whole.value } } : undefined;
  };

  // Where each input's value comes from, resolved once.
  const sourceOf = new Map<string, Found | undefined>();
  const found = (id: string, key: string, def: InputDef & { spec: string }): Found | undefined => {
    const k = slotOf(id, key);
    if (!sourceOf.has(k)) {
      const f = exportOf(target(id, def.spec), def.name);
      sourceOf.set(k, def.type === 'call' && f ? productOf(f) ?? f : f);
    }
    return sourceOf.get(k);
  };
  /**
   * An export made by calling another module's factory (`export const isRestricted = makeChecker(ZONES)`):
   * calling it runs the function the factory returns (its export `makeChecker()`), a few exports deep.
   */
  const productOf = (f: Found, depth = 0): Found | undefined => {
    const made = depth > 2 ? undefined : madeBy(f);
    const factory = made && exportOf(target(made.id, made.def.spec), `${made.def.name}()`);
    return factory && (productOf(factory, depth + 1) ?? factory);
  };
  /** The one call of another module's function an export's value is, when the export is no function itself. */
  const madeBy = (f: Found): { id: string; def: InputDef & { type: 'call' } } | undefined => {
    const from = f.facts.returns || f.facts.value.from.length !== 1 ? undefined : f.facts.value.from[0];
    const d = from === undefined ? undefined : byId.get(f.id)?.inputs[from];
    return d?.type === 'call' ? { id: f.id, def: d } : undefined;
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

  // What calls put into a store another module exports (`store.set("tz", v)`), by store and key:
  // a call that gets the same key of the same store (`store.get("tz")`) holds it.
  const stored = new Map<string, Array<{ caller: string; value: Fact }>>();
  /** The slot of an event on the shared `process` (see emitted). */
  const processSlot = (key: string) => `${GLOBAL}:process\0${key}`;
  const storeSlot = (f: Found, method: string, key: string) => `${num.get(f.id)}:${f.name.endsWith(`.${method}`) ? f.name.slice(0, -method.length - 1) : f.name}\0${key}`;
  for (const m of modules) {
    for (const [key, def] of Object.entries(m.summary.inputs)) {
      if (def.type !== 'call') continue;
      const method = methodOf(def.name);
      // (A state object's members put at once, `store.setState({ flagged })`: each under its own name.)
      const members = def.key === undefined && def.args.length === 1 && STATE_PUT.test(method) ? def.args[0].members : undefined;
      const put = def.key !== undefined && def.args.length >= 2 && STORE_PUT.test(method) ? def.key : undefined;
      const f = members || put !== undefined ? found(m.id, key, def) : undefined;
      if (!f) continue;
      for (const [k, v] of Object.entries(members ?? {})) addTo(stored, storeSlot(f, method, k), { caller: m.id, value: v });
      if (put !== undefined) addTo(stored, storeSlot(f, method, put), { caller: m.id, value: def.args[1] });
    }
  }
  /** A member of the state another module's store gives (`store.getState().flagged`): what calls put there under that name. */
  const statePuts = (id: string, def: InputDef & { type: 'value' }): Array<{ caller: string; value: Fact }> => {
    const m = STATE_READ.exec(def.name);
    const object = m ? exportOf(target(id, def.spec), m[1]) : undefined;
    return object ? stored.get(storeSlot(object, m![2], m![3])) ?? [] : [];
  };
  // What modules emit on an event of another module's object (`bus.emit("env", tz)`), by object and event:
  // a listener for the same event (`bus.on("env", (tz) => …)`) takes those values, the event's name left out.
  const emitted = new Map<string, Array<{ caller: string; args: Fact[] }>>();
  for (const m of modules) {
    for (const [key, def] of Object.entries(m.summary.inputs)) {
      if (def.type !== 'call' || def.key === undefined || def.args.length < 2 || !EVENT_EMIT.test(methodOf(def.name))) continue;
      // (`process.emit("x-env", hit)`: the one `process` every module shares.)
      if (def.spec === GLOBAL) { addTo(emitted, processSlot(def.key), { caller: m.id, args: def.args.slice(1) }); continue; }
      const f = found(m.id, key, def);
      if (f) addTo(emitted, storeSlot(f, methodOf(def.name), def.key), { caller: m.id, args: def.args.slice(1) });
    }
  }
  /** What other modules emit on `process` under an event a listener there hears (`process.on("x-env", (hit) => …)`), as facts of its parameter. */
  const heardOnProcess = (id: string, def: InputDef & { type: 'callback' }): Array<{ id: string; fact: Fact }> => {
    if (def.key === undefined || !EVENT_LISTEN.test(methodOf(def.name))) return [];
    return (emitted.get(processSlot(def.key)) ?? []).filter((e) => e.caller !== id).flatMap((e) => picked(e.caller, e.args[def.param], def.member));
  };

  /** A callback parameter's fact, or the member of it the input reads, with the module it is a fact of. */
  const picked = (id: string, fact: Fact | undefined, member: string | undefined): Array<{ id: string; fact: Fact }> => {
    const p = fact && (member === undefined ? { id, fact } : memberIn(id, fact, member));
    return p ? [p] : [];
  };

  /** The emits a listener input hears (see emitted). */
  const heard = (f: Found, def: InputDef): Array<{ caller: string; args: Fact[] }> => {
    if (def.type !== 'callback' || def.key === undefined || !emitted.size || !EVENT_LISTEN.test(methodOf(def.name))) return [];
    const listen = methodOf(def.name);
    // (`bus.on` and `bus.emit` name the same object: its slot without the method.)
    const object = f.name.endsWith(`.${listen}`) ? f.name.slice(0, -listen.length - 1) : f.name;
    return emitted.get(`${num.get(f.id)}:${object}\0${def.key}`) ?? [];
  };

  /**
   * What a callback's parameter is given, with the module each comes from: what the function it is passed to
   * calls it with, and what other modules emit on the event it listens for; with `member`, that member of it.
   */
  const given = (f: Found, def: InputDef & { type: 'callback' }): Array<{ id: string; fact: Fact }> => {
    const all = [{ id: f.id, fact: f.facts.calls?.[def.arg]?.[def.param] }, ...heard(f, def).map((e) => ({ id: e.caller, fact: e.args[def.param] }))];
    return all.flatMap((g) => picked(g.id, g.fact, def.member));
  };

  // What modules assign to members of another module's objects (`state.zone = tz`), by object and member:
  // a read of the same member (`state.zone`) elsewhere holds it.
  const assigned = new Map<string, Array<{ caller: string; value: Fact }>>();
  const memberSlot = (id: string, spec: string, name: string): string | undefined => {
    if (spec === GLOBAL) return `${GLOBAL}\0${name}`;
    const t = target(id, spec);
    const last = name.lastIndexOf('.');
    const dot = last < idEnd(name) ? -1 : last;
    if (t === undefined) return undefined;
    // (`ns.zone = tz` of `const ns = require("./state")`: a member of the module object itself.)
    if (dot < 0) return `${num.get(t)}:*\0${name}`;
    const object = exportOf(t, name.slice(0, dot));
    return object && `${num.get(object.id)}:${object.name}\0${name.slice(dot + 1)}`;
  };
  for (const m of modules) {
    for (const put of m.summary.puts ?? []) {
      const slot = memberSlot(m.id, put.spec, put.name);
      if (slot) addTo(assigned, slot, { caller: m.id, value: put.value });
    }
    // (What a module keeps in its own exported objects and stores, `registry.set("base", v)`, by the same slots.)
    for (const k of m.summary.keeps ?? []) addTo(k.store ? stored : assigned, `${num.get(m.id)}:${k.name}\0${k.key}`, { caller: m.id, value: k.value });
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

  /** Adds what a value another module put there (or a caller passed) holds. */
  const addHeld = (held: Held, caller: string, value: Fact | undefined) => {
    const k = evalFact(caller, value);
    if (k && !held.at) held.at = whereOf(caller, value!);
    held.k |= k;
  };
  /** Adds what another input holds, keeping the first place a source of it is read. */
  const mergeHeld = (held: Held, h: Held) => {
    if (h.k && !held.at) held.at = h.at;
    held.k |= h.k;
  };

  /**
   * What a call passes for a parameter, or a member of it (`env.tz` of `variant(env)`): a member of the
   * object literal passed, or of the object another module's function returned to the caller
   * (`variant(await collect())` where `collect` returns `{ tz }`), with the module it is a fact of.
   */
  const memberOfArgument = (caller: string, args: Fact[], d: { index: number; member?: string; called?: true }): { id: string; fact: Fact } | undefined => {
    if (d.member === undefined) { const a = argumentFact(args, d); return a && { id: caller, fact: a }; }
    return memberOfFact(caller, args[d.index], d.member);
  };

  /**
   * A member of what a fact holds, also when it comes from other modules: the member of what a call of another
   * module's function returns, or of a value another module exports, a few modules deep (`settings.enterprise`
   * of `export const settings = { ...defaults, ...detectEnv() }`, `detectEnv` a third module's).
   */
  const memberOfFact = (id: string, fact: Fact | undefined, member: string, depth = 0): { id: string; fact: Fact } | undefined => {
    const direct = memberIn(id, fact, member);
    if (direct || depth > 3) return direct;
    for (const key of fact?.from ?? []) {
      const def = byId.get(id)?.inputs[key];
      if (def?.type !== 'call' && def?.type !== 'value') continue;
      const f = found(id, key, def);
      if (!f) continue;
      // (What the object it returns holds: a literal's members, or an instance's, `createEnv()` giving `new Env()`.)
      // (Of another module's value: what it exports under the member's name too, `watched` of `export default new Env()`.)
      const named = () => {
        const as = memberName(def.name, member);
        const e = member.includes('.') ? undefined : exportOf(target(id, def.spec), as);
        return e?.name === as ? { id: e.id, fact: e.facts.value } : undefined;
      };
      const m = def.type === 'call' ? memberIn(f.id, f.facts.returns, member) ?? memberIn(f.id, f.facts.instance, member)
        : memberOfFact(f.id, f.facts.value, member, depth + 1) ?? memberIn(f.id, f.facts.instance, member) ?? named();
      if (m) return m;
      // (`registry.get("env").zone` of what another module put there, `registry.set("env", { zone })`.)
      const got = def.type === 'call' && STORE_GET.test(methodOf(def.name)) ? def.key : undefined;
      for (const put of got !== undefined ? stored.get(storeSlot(f, methodOf(def.name), got)) ?? [] : []) {
        const p = memberOfFact(put.caller, put.value, member, depth + 1);
        if (p) return p;
      }
    }
    return undefined;
  };

  /**
   * A member of what a fact holds, by its path (`env.clock.zone`), with the module it is a fact of: through
   * instances of other modules' classes too (`{ env: new Env() }`, whose constructor sets `this.zone`).
   */
  const memberIn = (id: string, fact: Fact | undefined, path: string): { id: string; fact: Fact } | undefined => {
    let f = fact;
    for (const key of path.split('.')) {
      if (!f) return undefined;
      const made = f.members?.[key] ? undefined : f.made;
      const cls = made && exportOf(target(id, made.spec), made.name);
      // (A getter of the class, `get zone() {…}`, is exported as `Env.prototype.zone` with what it returns.)
      const getter = cls && !cls.facts.instance?.members?.[key] ? exportOf(target(id, made!.spec), `${made!.name}.prototype.${key}`) : undefined;
      if (cls) id = (getter ?? cls).id;
      f = getter ? getter.facts.value : (cls ? cls.facts.instance : f)?.members?.[key];
    }
    return f && { id, fact: f };
  };

  /**
   * The exported functions a call passes for a method of a parameter: that method of an instance of an
   * imported class (`new Prompt(new Geo())` for `this.g.inRegion()`), or an imported function under that
   * key of an object literal (`createPrompt({ detect })` for `opts.detect()`); for a parameter called
   * itself, the imported function passed (`withFlag(inRegion, cb)` for `check()`).
   */
  const methodsPassed = (call: { caller: string; args: Fact[] }, def: InputDef & { type: 'param' }): Found[] => {
    const arg = argumentFact(call.args, def);
    const made = arg?.made;
    if (made) {
      const m = exportOf(target(call.caller, made.spec), `${made.name}.prototype.${def.method}`);
      return m ? [m] : [];
    }
    const out: Found[] = [];
    for (const key of (def.called ? arg : arg?.members?.[def.method!])?.from ?? []) {
      const d = byId.get(call.caller)?.inputs[key];
      const f = d?.type === 'value' ? found(call.caller, key, d) : undefined;
      if (f?.facts.returns) out.push(f);
    }
    // (An object or instance another module exports, passed whole, `render(task, env)` for `env.watched()`: that method of it.)
    for (const key of def.called || out.length ? [] : arg?.from ?? []) {
      const d = byId.get(call.caller)?.inputs[key];
      const m = d?.type === 'value' ? exportOf(target(call.caller, d.spec), `${d.name}.${def.method}`) : undefined;
      const returns = m && (m.facts.returns ?? m.facts.value.returns);
      if (returns) out.push({ ...m!, facts: { ...m!.facts, returns } });
    }
    return out;
  };

  /** What a method of the argument returns when the caller wrote it in place (`register({ check: () => … })`), or the argument called (`check(() => zone())`). */
  const inlineReturns = (call: { caller: string; args: Fact[] }, def: InputDef & { type: 'param' }): Fact | undefined =>
    def.called ? call.args[def.index]?.returns : def.method !== undefined ? argumentFact(call.args, def)?.members?.[def.method]?.returns : undefined;

  /** What the methods of what a call passes return (or what it passes, called), for a parameter whose method is called (`this.g.inRegion()`, `clock.zone()`). */
  const passedHeld = (call: { caller: string; args: Fact[] }, def: InputDef & { type: 'param' }, depth: number): Held => {
    const held: Held = { k: 0 };
    for (const m of methodsPassed(call, def)) mergeHeld(held, returnsFor(m, () => ({ k: 0 }), depth));
    addHeld(held, call.caller, inlineReturns(call, def));
    return held;
  };

  /** A parameter whose value is what a function callers pass returns: a method of it, or itself called. */
  const callsPassed = (d: InputDef & { type: 'param' }): boolean => d.method !== undefined || !!d.called;

  /**
   * What modules put in the member an input reads (see assigned), with the caller each comes from; also that
   * member of an object merged into its object whole (`Object.assign(config, detect())`, key `*`).
   */
  const putsOf = (id: string, def: InputDef & { type: 'value' }): Array<{ caller: string; value: Fact }> => {
    const slot = memberSlot(id, def.spec, def.name);
    if (slot === undefined) return [];
    // (`globalThis.env.r` of `globalThis.env = { r: … }`: that member of the object put there.)
    const out = def.spec === GLOBAL ? globalValues(def.name).map((g) => ({ caller: g.id, value: g.fact })) : [...assigned.get(slot) ?? []];
    const sep = slot.indexOf('\0');
    const member = slot.slice(sep + 1);
    for (const whole of assigned.get(`${slot.slice(0, sep)}\0*`) ?? []) {
      const m = memberOfArgument(whole.caller, [whole.value], { index: 0, member });
      if (m) out.push({ caller: m.id, value: m.fact });
    }
    return out;
  };

  /**
   * What calling a function some module put on the global object returns (`globalThis.__hit = () => …` called as
   * `globalThis.__hit()`, or a method of an object put there, `globalThis.__probe.hit()`), with the module of each.
   */
  const globalReturns = (name: string): Array<{ id: string; fact: Fact }> =>
    globalValues(name).flatMap((g) => (g.fact.returns ? [{ id: g.id, fact: g.fact.returns }] : []));

  /** What modules put on the global object under a name (`globalThis.__hit`), also as a member of an object put there (`globalThis.__probe.hit`). */
  const globalValues = (name: string): Array<{ id: string; fact: Fact }> => {
    const out = (assigned.get(`${GLOBAL}\0${name}`) ?? []).map((put) => ({ id: put.caller, fact: put.value }));
    const dot = name.indexOf('.');
    for (const put of dot > 0 ? assigned.get(`${GLOBAL}\0${name.slice(0, dot)}`) ?? [] : []) {
      const m = memberIn(put.caller, put.value, name.slice(dot + 1));
      if (m) out.push(m);
    }
    return out;
  };

  /** What an input holds now, and where a source of it is read. */
  const compute = (id: string, key: string, def: InputDef): Held => {
    if (def.type === 'param') {
      let k = 0;
      let at: string | undefined;
      const calls = incoming.get(slotOf(id, def.name)) ?? [];
      // (A member of a parameter, `env.hit`, only for a function called from a few places, as within a file.)
      if ((def.member !== undefined || callsPassed(def)) && calls.length > MAX_MEMBER_CALLERS) return { k: 0 };
      // `this.g.inRegion()` of `constructor(g)`: what that method of each instance passed returns.
      if (callsPassed(def)) {
        const held: Held = { k: 0 };
        for (const call of calls) {
          budget = MAX_NESTED_CALLS;
          mergeHeld(held, passedHeld(call, def, 0));
        }
        return held;
      }
      for (const call of calls) {
        const arg = memberOfArgument(call.caller, call.args, def);
        const ak = arg ? evalFact(arg.id, arg.fact) : 0;
        if (ak && !at) at = whereOf(arg!.id, arg!.fact);
        k |= ak;
      }
      return { k, at };
    }
    const f = found(id, key, def);
    if (def.type === 'value') {
      const held: Held = f ? { k: evalFact(f.id, f.facts.value), at: whereOf(f.id, f.facts.value) } : { k: 0 };
      for (const put of assigned.size ? putsOf(id, def) : []) addHeld(held, put.caller, put.value);
      for (const put of stored.size ? statePuts(id, def) : []) addHeld(held, put.caller, put.value);
      return held;
    }
    if (def.type === 'call' && def.spec === GLOBAL) {
      const held: Held = { k: 0 };
      for (const r of globalReturns(def.name)) addHeld(held, r.id, r.fact);
      return held;
    }
    if (def.type === 'callback' && def.spec === GLOBAL) {
      const held: Held = { k: 0 };
      for (const g of heardOnProcess(id, def)) addHeld(held, g.id, g.fact);
      return held;
    }
    if (!f) return { k: 0 };
    if (def.type === 'callback') {
      const held: Held = { k: 0 };
      for (const g of given(f, def)) addHeld(held, g.id, g.fact);
      return held;
    }
    budget = MAX_NESTED_CALLS;
    // (A method of an argument, `isWatched(new SystemClock())` for `clock.zone()`: what that method returns.)
    const held = returnsFor(f, (d) => {
      const a = memberOfArgument(id, def.args, d);
      const h: Held = { k: 0 };
      if (a) addHeld(h, a.id, a.fact);
      if (callsPassed(d)) {
        // (On a budget of its own: the nested calls it works out are not taken from the caller's.)
        const left = budget;
        budget = MAX_NESTED_CALLS;
        mergeHeld(h, passedHeld({ caller: id, args: def.args }, d, 1));
        budget = left;
      }
      return h;
    }, 0);
    if (def.key !== undefined && STORE_GET.test(methodOf(def.name))) {
      for (const put of stored.get(storeSlot(f, methodOf(def.name), def.key)) ?? []) addHeld(held, put.caller, put.value);
    }
    return held;
  };
  /** Nested calls left to work out for the input being computed. */
  let budget = 0;

  /**
   * What calling the exported function `f` returns when its parameters hold `arg(i)`: a call
   * carries what the function returns, with its own parameters replaced by this call's
   * arguments (context-sensitive). Calls of other modules' functions inside `f` are worked
   * out again for these arguments, a few calls deep; beyond that, every caller merges.
   */
  const returnsFor = (f: Found, arg: (d: InputDef & { type: 'param' }) => Held, depth: number): Held => {
    const ret = f.facts.returns ?? f.facts.value;
    const callee = byId.get(f.id)!;
    const ownParam = (d: InputDef | undefined): d is InputDef & { type: 'param' } => d?.type === 'param' && callee.exports[d.name] === f.facts;
    /** A fact of `f`'s module with `f`'s parameters replaced by the arguments. */
    const inContext = (fact: Fact | undefined): Held => {
      if (!fact) return { k: 0 };
      let k = fact.kinds;
      let at = fact.kinds && fact.at ? `${display(f.id)}:${fact.at}` : undefined;
      for (const from of fact.from) {
        const d = callee.inputs[from];
        const h: Held = ownParam(d) ? arg(d) : nested(d, from) ?? { k: kindsOf(f.id, from), at: where.get(slotOf(f.id, from)) };
        if (h.k && !at) at = h.at;
        k |= h.k;
      }
      return { k, at };
    };
    // A call whose arguments hold its own result (`e = nr(e)` in a loop) merges rather than recurse.
    const active = new Set<string>();
    const nested = (d: InputDef | undefined, from: string): Held | undefined => {
      if (d?.type !== 'call' || d.in === undefined || depth >= MAX_CALL_DEPTH || callee.exports[d.in] !== f.facts || active.has(from) || budget <= 0) return undefined;
      const g = found(f.id, from, d);
      if (!g) return undefined;
      budget--;
      active.add(from);
      const args = d.own ?? d.args;
      try {
        return returnsFor(g, (p) => inContext(argumentFact(args, p)), depth + 1);
      } finally {
        active.delete(from);
      }
    };
    return inContext(ret);
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

  /**
   * The comparisons a value went through in the modules it comes from (`check(zone())` whose result
   * is `ZONES.includes(z)`), for the channels and sinks of the module it reaches; a few calls deep.
   */
  const checksMemo = new Map<string, Check[]>();
  const checksOfFact = (id: string, fact: Fact | undefined, depth: number): Check[] => {
    if (!fact) return [];
    return [...fact.checks ?? [], ...fact.from.flatMap((from) => checksOfInput(id, from, depth + 1))];
  };
  const checksOfInput = (id: string, key: string, depth: number): Check[] => {
    const slot = slotOf(id, key);
    const known = checksMemo.get(slot);
    if (known || depth > MAX_CALL_DEPTH) return known ?? [];
    checksMemo.set(slot, []);
    const def = byId.get(id)?.inputs[key];
    let out: Check[] = [];
    // `this.g.inRegion()`: the checks the method of each instance passed makes (for a function called from a few places).
    const passed = def?.type === 'param' && callsPassed(def);
    const calls = passed ? incoming.get(slotOf(id, def.name)) ?? [] : [];
    if (passed && calls.length <= MAX_MEMBER_CALLERS) {
      for (const call of calls) {
        for (const m of methodsPassed(call, def)) out.push(...checksOfFact(m.id, m.facts.returns ?? m.facts.value, depth));
        out.push(...checksOfFact(call.caller, inlineReturns(call, def), depth));
      }
    }
    // A parameter takes every caller's arguments: one caller's check would mark what all others pass, so
    // the checks count only when every caller's argument went through one (`build(variant(env), text)`).
    if (def?.type === 'param' && !callsPassed(def)) {
      const all = incoming.get(slotOf(id, def.name)) ?? [];
      const lists = all.length <= MAX_MEMBER_CALLERS ? all.map((call) => { const a = memberOfArgument(call.caller, call.args, def); return a ? checksOfFact(a.id, a.fact, depth) : []; }) : [];
      if (lists.length && lists.every((l) => l.length)) out.push(...lists.flat());
    }
    if (def && def.type !== 'param') {
      const f = found(id, key, def);
      if (f && def.type === 'callback') out = given(f, def).flatMap((g) => checksOfFact(g.id, g.fact, depth));
      else if (def.type === 'callback' && def.spec === GLOBAL) out = heardOnProcess(id, def).flatMap((g) => checksOfFact(g.id, g.fact, depth));
      else if (f && def.type === 'value') out = checksOfFact(f.id, f.facts.value, depth);
      // (What other modules put in the member: `state.special = ZONES.includes(tz)`.)
      if (def.type === 'value' && assigned.size) for (const put of putsOf(id, def)) out.push(...checksOfFact(put.caller, put.value, depth));
      else if (def.type === 'call' && def.spec === GLOBAL) for (const r of globalReturns(def.name)) out.push(...checksOfFact(r.id, r.fact, depth));
      else if (f && def.type === 'call') {
        // What the function returns; its own parameters stand for this call's arguments.
        const ret = f.facts.returns ?? f.facts.value;
        const callee = byId.get(f.id)!;
        out = [...ret.checks ?? []];
        for (const from of ret.from) {
          const d = callee.inputs[from];
          out.push(...(d?.type === 'param' && callee.exports[d.name] === f.facts ? checksOfFact(id, argumentFact(def.args, d), depth) : checksOfInput(f.id, from, depth + 1)));
        }
      }
    }
    const unique = [...new Map(out.map((c) => [JSON.stringify(c), c])).values()].slice(0, MAX_SEED_CHECKS);
    checksMemo.set(slot, unique);
    return unique;
  };

  /**
   * The arguments of a call into another module's function that hold a list of places or hosts and
   * that the function's result is made of together with a fingerprint (`check(["Asia/Shanghai", …])`
   * returning `list.includes(tz)`): the caller compares the outcome with those lists itself.
   */
  const comparedArgs = (id: string, key: string, def: InputDef & { type: 'call' }): number[] => {
    const f = found(id, key, def);
    const ret = f && (f.facts.returns ?? f.facts.value);
    if (!ret) return [];
    const callee = byId.get(f.id)!;
    const out: number[] = [];
    for (const from of ret.from) {
      const d = callee.inputs[from];
      // (`list.includes(tz)` is read as a method of the parameter.)
      if (d?.type === 'param' && d.member === undefined && callee.exports[d.name] === f.facts && def.args[d.index]?.constant && !out.includes(d.index)) out.push(d.index);
    }
    return out;
  };

  /**
   * For a call of the closure a factory of another module made (`inCn(tz)` of `const inCn = makeChecker(ZONES)`,
   * or of `export const isRestricted = makeChecker(ZONES)` in a third module): the lists the factory was given
   * that the closure's result is a comparison with (`list.includes(v)`).
   */
  const factoryLists = (id: string, key: string, def: InputDef & { type: 'call' }): Constant[] => {
    const f = found(id, key, def);
    if (!f?.name.endsWith('()')) return [];
    // (The factory's call: in this module, or the one that exports what it made.)
    const product = def.factory === undefined ? exportOf(target(id, def.spec), def.name) : undefined;
    const made = def.factory !== undefined ? { id, def: byId.get(id)?.inputs[def.factory] } : product && madeBy(product);
    if (made?.def?.type !== 'call') return [];
    const callee = byId.get(f.id)!;
    const outer = f.name.slice(0, -2);
    const out: Constant[] = [];
    for (const from of (f.facts.returns ?? f.facts.value).from) {
      const d = callee.inputs[from];
      const c = d?.type === 'param' && d.name === outer && d.member === undefined ? made.def.args[d.index]?.constant : undefined;
      if (c && !out.includes(c)) out.push(c);
    }
    return out;
  };

  /**
   * An exported constant; for code made with other modules' values (`ENC.map(decode)`), the code with
   * those values put in (`((decode) => (ENC.map(decode)))(<decode's code>)`), a few modules deep.
   */
  /** The export a module uses, named `${spec}#${name}` (see ModuleSummary.constants). */
  const exportUsed = (from: string, use: string): Found | undefined => {
    const hash = use.lastIndexOf('#');
    return exportOf(target(from, use.slice(0, hash)), use.slice(hash + 1));
  };
  const withUses = (f: Found | undefined, depth: number): Constant | undefined => {
    const c = f?.facts.constant;
    if (!c?.uses) return c;
    if (depth >= MAX_CODE_DEPTH) return undefined;
    const names = Object.keys(c.uses);
    const given: string[] = [];
    for (const name of names) {
      const dep = withUses(exportUsed(f!.id, c.uses[name]), depth + 1);
      const code = dep?.code ?? (dep && !dep.concealed && !dep.keys ? JSON.stringify(dep.text ? dep.values[0] : dep.values) : undefined);
      if (code === undefined) return undefined;
      given.push(code);
    }
    return { values: [], concealed: false, code: `((${names.join(', ')}) => ${c.code})(${given.join(', ')})` };
  };

  const seeds = new Map<string, Seeds>();
  for (const m of modules) {
    let s: Seeds | undefined;
    for (const use of m.summary.constants ?? []) {
      const hash = use.lastIndexOf('#');
      const c = withUses(exportUsed(m.id, use), 0);
      if (c) (s ??= {})[`k${use}`] = { kinds: 0, label: `constant from ${use.slice(0, hash)}`, constant: c };
    }
    // A parameter compared as a constant: the list of places or hosts a caller in another module passes.
    for (const use of m.summary.paramConstants ?? []) {
      const colon = use.lastIndexOf(':');
      const name = use.slice(0, colon);
      const c = (incoming.get(slotOf(m.id, name)) ?? []).map((call) => call.args[Number(use.slice(colon + 1))]?.constant).find(Boolean);
      if (c) (s ??= {})[`c${use}`] = { kinds: 0, label: `constant passed to ${name}()`, constant: c };
    }
    for (const use of m.summary.senders ?? []) {
      const hash = use.lastIndexOf('#');
      const sends = exportUsed(m.id, use)?.facts.sends;
      if (sends) (s ??= {})[`s${use}`] = { kinds: 0, label: `a request sent by ${use.slice(hash + 1)}() of ${use.slice(0, hash)}`, sends };
    }
    // With another module's constants, comparisons appear that the module alone could not see: every input counts
    // (so does a call handing a list to another module's function, whose outcome is compared with it).
    // (And a method named as a built-in one is, asked for in case the other module defines it: see Modules.inputOf.)
    const handing = Object.keys(m.summary.inputs).filter((key) => { const d = m.summary.inputs[key]; return d.type === 'call' && (d.builtin || d.args.some((a) => a.constant)); });
    for (const key of s ? Object.keys(m.summary.inputs) : [...new Set([...m.summary.reaching, ...handing])]) {
      const k = kindsOf(m.id, key);
      if (!k) continue;
      const def = m.summary.inputs[key];
      const at = where.get(slotOf(m.id, key));
      const from = def.type === 'param' ? `passed to ${def.name}()` : `from ${def.spec}`;
      const checks = checksOfInput(m.id, key, 0);
      const compared = def.type === 'call' ? comparedArgs(m.id, key, def) : [];
      const lists = def.type === 'call' ? factoryLists(m.id, key, def) : [];
      (s ??= {})[key] = { kinds: k, label: `${kindNames(k).join(' / ')} ${from}${at ? `, read at ${at}` : ''}`, ...(checks.length ? { checks } : {}), ...(compared.length ? { compared } : {}), ...(lists.length ? { lists } : {}) };
    }
    if (s) seeds.set(m.id, s);
  }
  return seeds;
}
