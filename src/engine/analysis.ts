// Per-module facts: one object that owns the parts (definitions, dataflow,
// comparisons, module facts) and gives the rules a narrow, read-only view of
// them (Facts). Each part lives in its own file:
//   definitions.ts  indexes from the walk; bindings, callees, call sites, shapes, members
//   dataflow.ts     which fingerprint sources flow into an expression
//   comparisons.ts  fingerprint values compared with specific constants
//   modules.ts      imports, exports, inputs from other modules, the module's summary
//   link.ts         the summaries of one program joined (no syntax trees)
import { SAYS_WHAT_IT_IS, startedScript, STARTS_SCRIPT } from './paths';
import { isFunction, propertyName, unwrap, type FunctionNode, type Node } from './ast';
import { Comparisons, constantValues, isFlagSet, type Comparison } from './comparisons';
import { hasHiddenCharacter, isChannelText, skeleton } from './characters';
import { classifyConstant, isHashNumber } from './constants';
import { Dataflow } from './dataflow';
import type { AnalysisContext, Flow } from './context';
import { constantNode, Definitions, nodeText } from './definitions';
import { appearsIn, Evaluator, type Provenance, type Value } from './evaluate';
import { LineIndex, type Position } from './lines';
import { calleeOf, ModuleFacts, requiredSpec, requireNamesIn, type Constant, type ModuleSummary, type Seeds } from './modules';
import type { ParsedIndex } from './parse';
import { ScopeResolver, type Binding } from './scope';
import { ALL_KINDS, builtinSources, Kind, SourceMatcher, type SourceMatch } from './sources';
import type { Visitor } from './walk';

export type { Comparison } from './comparisons';
export type { Flow } from './context';
export { encodedLiteral } from './comparisons';

/** What rules may ask of a module: read-only questions, no indexes or caches. */
export interface Facts {
  readonly text: string;
  /** Which fingerprint sources flow into an expression. */
  flow(node: Node): Flow;
  /** What the checks a node runs under depend on, up to its function (`if`, `switch` cases, `?:`, `&&`/`||`). */
  conditions(node: Node): Flow;
  /** Static value of an expression (UNKNOWN when it cannot be known). */
  value(node: Node): Value;
  evaluate(node: Node): { value: Value; provenance: Provenance };
  /** Every comparison of a fingerprint value with specific zones, locales, hosts or keywords. */
  comparisons(): Comparison[];
  /** Kinds of fingerprint values whose comparisons were followed and found to be no check (a picker marking the user's own entry); after comparisons(). */
  settledKinds(): number;
  comparisonFor(node: Node): Comparison | undefined;
  /** The organisation words a check at a node compares with (`name.startsWith("megabank-")`), which comparisons() leaves out; asked for one check. */
  wordsAt(node: Node): Comparison | undefined;
  callSites(fn: FunctionNode): Node[];
  functionReturns(): Iterable<[FunctionNode, Node[]]>;
  /** The function a call runs, when the code says which. */
  calledFunction(call: Node): FunctionNode | undefined;
  /** For a call of another module's function: the arguments (by index) that function sends in a request, as the linker found. */
  importSends(call: Node): number[] | undefined;
  /** What a function may return. */
  returnsOf(fn: FunctionNode): Node[];
  soleDefinition(id: Node): Node | undefined;
  /** What a member of an object may hold: an object literal's property, a class instance's method (or one it inherits). */
  members(object: Node, key: string): Node[];
  /**
   * Whether a name or member is another module's export (`import { SYSTEM }`, `strings_1.SYSTEM`); asks the linker
   * for the constant it holds, which value() gives in the module's second analysis.
   */
  asksImported(node: Node): boolean;
  /**
   * The code another module gave for what an imported name holds (an object of functions, a class: see
   * Constant.code), parsed once per import; asks the linker for it in the module's first analysis.
   */
  importedCode(node: Node): Node | undefined;
  /** The text a node was written as (also of code another module gave, whose nodes span the place it is used). */
  textOf(node: Node): string;
  /** A call of `Object.assign` under another name or of a compiler's helper that does the same (`__assign`, `_objectSpread`). */
  isMergeCall(call: Node): boolean;
  /** Every expression a name is given: its initialiser and each assignment. */
  definitions(id: Node): Node[];
  /** The members given to the object a name holds one by one after it is made (`body.c = v`), by key. */
  assignedMembers(id: Node): Array<[string, Node]>;
  readonly decoders: ReadonlySet<FunctionNode>;
  /** The fingerprint source a node reads, if any. */
  source(node: Node): SourceMatch | undefined;
  /** The declaration an identifier refers to (undefined for globals). */
  binding(id: Node): Binding | undefined;
  /** Whether the program names a host in a URL of its own (`https://api.vendor.com/v1`), itself or a subdomain. */
  isOwnHost(host: string): boolean;
  /** `process.env` or a name for it. */
  isEnv(node: Node): boolean;
  /** The function of the built-in module `name` a callee is, by its name there (`lookup` of `dns.lookup`, of `import { lookup as l } from "dns"`, …). */
  builtinFunction(callee: Node, name: string): string | undefined;
  eachNode(fn: (node: Node) => void): void;
  position(offset: number): Position;
}

export class Analysis implements Facts, AnalysisContext {
  readonly scopes = new ScopeResolver();
  readonly evaluator: Evaluator;
  readonly sources: SourceMatcher;
  readonly defs: Definitions;
  readonly dataflow: Dataflow;
  readonly compare: Comparisons;
  /** Imports, exports and the inputs they give (see modules.ts). */
  readonly modules: ModuleFacts;
  private lines?: LineIndex;

  /** `index`: what the parser recorded (absent after error recovery); `seeds`: what the linker found this module's inputs hold. */
  constructor(readonly text: string, readonly ast: Node, index?: ParsedIndex, seeds?: Seeds, selfLink = false) {
    this.defs = new Definitions(this, index, selfLink);
    this.dataflow = new Dataflow(this);
    this.compare = new Comparisons(this);
    this.evaluator = new Evaluator(this.scopes, {
      definitions: (b) => this.defs.definitions(b),
      iteratedBy: (b) => this.defs.iteratedBy(b),
      loopList: (b) => this.defs.loopList(b),
      loopItem: (b) => this.defs.loopItem(b),
      members: (object, key) => this.defs.propertyValues(object, key),
      reassigned: (name, key) => { const b = this.scopes.resolve(name); return !!b && this.defs.assignsMember(b, key); },
      argumentOf: (b) => this.defs.argumentOf(b),
      pushedTo: (b) => this.defs.pushedTo(b),
      assignedMembers: (b) => this.defs.assignedMembers(b),
      isLoopCounter: (b) => this.defs.isLoopCounter(b),
      // (What another module exports under an imported name, once the linker found it: `import { SYSTEM_B }`.)
      importedConstant: (id) => {
        const c = this.modules.linkedConstant(id);
        return c && constantNode(c, id);
      },
      // (Also the value the linker found another module of the program gives: `const deny = require("./deny")`.)
      moduleValues: (call) => {
        const values = this.defs.moduleValues(call);
        const linked = values.length ? undefined : this.modules.linkedModuleConstant(call) ?? this.modules.loadedConstant(call);
        return linked ? [constantNode(linked, call)] : values;
      },
    });
    const requireNames = requireNamesIn(text);
    this.sources = new SourceMatcher(this.scopes, (id) => {
      // (A member holds what is put under its name: `deps.os` of `{ os }`.)
      if (id.type === 'MemberExpression') { const key = propertyName(id); return key ? this.defs.propertyValues(id.object, key) : []; }
      const b = this.scopes.resolve(id);
      // A parameter is what the function's few calls pass: `(function (e) {…})(require("os"))`, rollup's and UMD's wrappers.
      return !b ? [] : b.kind === 'param' ? this.defs.passedTo(b) : this.defs.definitions(b);
    }, (node) => this.value(node), (call) => {
      // A bundled module (`n(857)`), or an interop helper's argument (`__toESM(require("os"))`, minified too).
      const values = this.defs.moduleValues(call);
      return values.length || !call.arguments.length || !this.modules.isInteropHelper(call) ? values : [call.arguments[0]];
    }, requireNames);
    this.modules = new ModuleFacts(ast, {
      text, scopes: this.scopes,
      definitions: (b) => this.defs.definitions(b),
      returnsOf: (fn) => this.defs.returnsOf(fn),
      resultsOf: (fn) => this.defs.resultsOf(fn),
      functionOf: (n) => this.defs.functionOf(n),
      classOf: (n) => this.defs.classOf(n),
      constructorOf: (n) => this.defs.constructorOf(n),
      prototypeMethods: (n) => this.defs.prototypeMethods(n),
      loaderExports: (n) => this.defs.loaderExports(n),
      namespaceGetters: (n) => this.defs.namespaceGetters(n),
      staticMethods: (fn) => this.defs.staticMethods(fn),
      webpackImportOf: (n) => this.defs.webpackImportOf(n),
      paramCalls: (fn) => this.defs.paramCalls(fn),
      givenTo: (fn) => this.defs.givenTo(fn),
      webpackImports: () => this.defs.webpackImports(),
      chunkExports: () => this.defs.chunkExports(),
      chunkStars: () => this.defs.chunkStars(),
      loadingFactories: () => this.defs.loadingFactories(),
      position: (offset) => this.position(offset),
      builtinSources,
      moduleValues: (call) => this.defs.moduleValues(call),
      memberWrites: () => [...this.defs.memberAssignments.values(), this.defs.nestedMemberAssignments, this.defs.computedGlobalWrites].flat(),
      methodCalls: (name) => this.defs.methodCalls().get(name) ?? [],
      constantKey: (node) => { const v = this.value(node); return typeof v === 'string' ? v : undefined; },
      filledBy: (b) => this.defs.filledBy(b),
      sentValues: (node) => this.defs.sentValues(node),
      requireNames,
    }, seeds);
  }

  /** Visitors that build the indexes during the engine's single walk. */
  collectors(): Record<string, Visitor> {
    return this.defs.collectors();
  }

  /** Called after the walk, before the rules' exits: CommonJS exports are known once every assignment is. */
  walked(): void {
    this.modules.addCommonJs(this.defs.commonJs, this.defs.defineCalls, this.defs.exportedGetters(), this.defs.exportedNamespaces);
  }

  // ---- the rules' view (Facts) ----

  flow(node: Node): Flow { return this.dataflow.flow(node); }
  conditions(node: Node): Flow { return this.dataflow.conditionsOf(node); }

  value(node: Node): Value {
    if (node.type === 'Literal') return node.value as Value;
    return this.evaluator.evaluate(node).value;
  }

  evaluate(node: Node): { value: Value; provenance: Provenance } {
    return this.evaluator.evaluate(node);
  }

  comparisons(): Comparison[] { return this.compare.comparisons(); }
  settledKinds(): number { return this.compare.settledKinds; }
  comparisonFor(node: Node): Comparison | undefined { return this.compare.comparisonFor(node); }
  wordsAt(node: Node): Comparison | undefined { return this.compare.wordsAt(node); }
  callSites(fn: FunctionNode): Node[] { return this.defs.callSites(fn); }
  functionReturns(): Iterable<[FunctionNode, Node[]]> { return this.defs.functionReturns(); }
  calledFunction(call: Node): FunctionNode | undefined { return this.defs.functionOf(calleeOf(call.callee)); }
  importSends(call: Node): number[] | undefined { return this.modules.sendsOf(call); }
  returnsOf(fn: FunctionNode): Node[] { return this.defs.returnsOf(fn); }
  soleDefinition(id: Node): Node | undefined { return this.defs.soleDefinition(id); }
  members(object: Node, key: string): Node[] { return this.defs.propertyValues(object, key); }
  asksImported(node: Node): boolean {
    if (!this.modules.importOf(node)) return false;
    this.modules.constantOf(node);
    return true;
  }
  importedCode(node: Node): Node | undefined {
    const imp = this.modules.importOf(node);
    if (!imp) return undefined;
    const key = `${imp.spec}#${imp.name}`;
    if (!this.codeByImport.has(key)) {
      const c = this.modules.constantOf(node);
      this.codeByImport.set(key, c?.code !== undefined ? constantNode(c, node) : undefined);
    }
    return this.codeByImport.get(key);
  }
  private readonly codeByImport = new Map<string, Node | undefined>();
  textOf(node: Node): string { return nodeText(this.text, node); }
  isMergeCall(call: Node): boolean { return this.defs.isMergeCall(call); }
  definitions(id: Node): Node[] {
    const b = this.scopes.resolve(id);
    return b ? this.defs.definitions(b) : [];
  }
  assignedMembers(id: Node): Array<[string, Node]> {
    const b = this.scopes.resolve(id);
    return b ? this.defs.assignedMembers(b) : [];
  }
  get decoders(): ReadonlySet<FunctionNode> { return this.defs.decoders; }
  source(node: Node): SourceMatch | undefined { return this.sources.match(node) ?? this.dataflow.inputSource(node); }
  binding(id: Node): Binding | undefined { return this.scopes.resolve(id); }
  isOwnHost(host: string): boolean { return this.compare.isOwnHost(host); }
  isEnv(node: Node): boolean { return this.sources.isEnv(node); }
  builtinFunction(callee: Node, name: string): string | undefined { return this.sources.builtinFunction(callee, name); }
  eachNode(fn: (node: Node) => void): void { this.defs.eachNode(fn); }

  position(offset: number): Position {
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(offset);
  }

  // ---- the module's summary ----

  /**
   * The module's summary for the linker; undefined when it neither takes from nor gives to other
   * modules. `sends`: the parameters of an exported function it sends in a request (see sinks).
   */
  summary(sends: (fn: FunctionNode) => number[]): ModuleSummary | undefined {
    const dynamicImports: Node[] = [];
    if (/\bimport\(\s*["'`][./]/.test(this.text)) this.eachNode((n) => { if (n.type === 'ImportExpression') dynamicImports.push(n); });
    const names = this.modules.importedNames(this.defs.calls, dynamicImports);
    // (A webpack chunk may call another module's function in place, `(0, t(843).t)(…)`, with no name for the module.)
    if (names.size || this.modules.requiredInPlace || this.defs.webpackImports().length) {
      this.defs.eachCall((n) => {
        const c = calleeOf(n.callee);
        // (The object a method is called on, down a chain of members: `o.M.set(…)` of `o = n(367)`.)
        let o = c.type === 'MemberExpression' ? unwrap(c.object) : undefined;
        while (o?.type === 'MemberExpression') o = unwrap(o.object);
        // (Also the module a lazy loader of this file returns, `getPolicy().check()` of `function getPolicy() { return require_policy(); }`.)
        const lazy = o?.type === 'CallExpression' ? this.modules.lazyCall(o) : undefined;
        const loader = lazy && calleeOf(lazy.callee);
        const loaded = loader?.type === 'Identifier' && names.has(loader.name);
        // (And `this.clock.zone()` of `this.clock = new Clock()`, an imported class.)
        if (c.type === 'Identifier' ? names.has(c.name) : o?.type === 'Identifier' ? names.has(o.name) : !!o && (o.type === 'CallExpression' && (loaded || !!requiredSpec(o, this.modules.requireNames) || this.modules.namespaceOf(o) !== undefined) || o.type === 'AwaitExpression' || o.type === 'ThisExpression' && !!this.modules.madeOnThis(unwrap(c.object)))) this.modules.inputOf(n);
      });
      // `new Prompt(new Geo())` of imported classes: what the constructor's parameters take.
      this.defs.eachNew((n) => {
        const c = calleeOf(n.callee);
        const o = c.type === 'MemberExpression' ? unwrap(c.object) : c;
        // (Also `new (o(403).g)(…)` of a webpack chunk's module, loaded in place.)
        if ((o.type === 'Identifier' && names.has(o.name) || o.type === 'CallExpression' && this.modules.namespaceOf(o) !== undefined) && n.arguments.length) this.modules.inputOf(n);
      });
    }
    // `process.emit("x-env", hit)`: an event on the `process` every module shares, for other modules' listeners (see the linker).
    for (const n of this.defs.methodCalls().get('emit') ?? []) if (this.modules.processEvent(n.callee)) this.modules.inputOf(n);
    // (A file of the package started as a script in another process or thread, `fork(path.join(__dirname, "worker.dat"))`: loaded too.)
    if (/\b(?:fork|Worker|execPath|"node")/.test(this.text)) {
      const started = (n: Node) => { const f = startedScript(this, n); if (f && !SAYS_WHAT_IT_IS.test(f)) this.modules.loads.add(f); };
      // (The calls by name, from the indexes already made: `fork(…)` and `cp.fork(…)`.)
      for (const name of STARTS_SCRIPT) for (const n of [...this.defs.calls.get(name) ?? [], ...this.defs.methodCalls().get(name) ?? []]) started(n);
      this.defs.eachNew(started);
    }
    // (A module that loads a file not named as JavaScript is summarised for that alone: the scanner reads the file.)
    if (!this.modules.linked) return this.modules.loads.size ? { inputs: {}, exports: {}, reexports: [], reaching: [], loads: [...this.modules.loads] } : undefined;
    return this.modules.summary((n) => this.dataflow.fact(this.flow(n)), (fn) => this.dataflow.returnsFact(fn), (n) => this.dataflow.ownFact(n), (n) => this.exportedConstant(n), (n) => this.dataflow.fact(this.conditions(n)), sends);
  }

  /** What the texts with look-alike or invisible characters the module exports look like (see exportedConstant). */
  private channelTwins(): Set<string> {
    if (this.twins) return this.twins;
    this.twins = new Set();
    for (const n of this.modules.exports().values()) {
      const start = unwrap(n).type === 'Identifier' ? this.soleDefinition(unwrap(n)) : n;
      if (isFunction(unwrap(n)) || !start || !this.compare.mayBeConstant(start)) continue;
      const values = constantValues(this.evaluate(n).value, false).filter((v): v is string => typeof v === 'string');
      if (isShortTexts(values)) for (const v of values) if (hasHiddenCharacter(v)) this.twins.add(skeleton(v));
    }
    return this.twins;
  }
  private twins?: Set<string>;

  /** An exported value that names specific places or hosts (a list or a string), for other modules' comparisons. */
  private exportedConstant(node: Node): Constant | undefined {
    const n = unwrap(node);
    if (isFunction(n)) return undefined;
    const start = n.type === 'Identifier' ? this.soleDefinition(n) : n;
    if (!start || !this.compare.mayBeConstant(start)) return undefined;
    const { value, provenance } = this.evaluate(n);
    // (An object used as a set, `{ "Asia/Shanghai": true, … }`: its keys.)
    const set = isFlagSet(value);
    const all = constantValues(value, set);
    // Digests (`[3040424833, 2877326243]`, FNV or djb2 of places), for a module that compares a hash with them.
    if (all.length >= 2 && all.every((v) => typeof v === 'number' && isHashNumber(v))) return { values: all, concealed: true };
    const values = all.filter((v): v is string => typeof v === 'string');
    if (!values.length) return undefined;
    // Text a channel is made of (`"Don\u2019t guess."`, `"\u200b"`, a separator `"/"`), and its plain twin in the same
    // module (`"Don't guess."`, which looks the same), for a module that chooses between such constants under a check.
    if (isShortTexts(values) && (values.some(isChannelText) || values.some((v) => this.channelTwins().has(skeleton(v))))) {
      return typeof value === 'string' ? { values, concealed: false, text: true } : { values, concealed: false };
    }
    const hidden = values.filter((v) => !appearsIn(provenance, v));
    const place = (v: string) => { const c = classifyConstant(v, ALL_KINDS, Kind, values.length >= 3); return !!c && c !== 'keyword'; };
    // As in comparisons: decoded, or places and hosts split into pieces; words joined at run time are not concealed.
    const concealed = (provenance.decoded || values.some(place)) && !provenance.literals.empty && hidden.length > values.length / 2;
    // Plain words (model names, commands) are exported everywhere in a split build and would have
    // every module that compares with one analysed again: only places and hosts, or a concealed list.
    const specific = (v: string) => place(v) || concealed && !!classifyConstant(v, ALL_KINDS, Kind, values.length >= 3);
    // (Also the areas of zone names, pieces another module joins into places: `P[0] + "Shanghai"`.)
    if (values.some(specific) || values.some((v) => ZONE_AREA.test(v))) return set ? { values, concealed, keys: true } : { values, concealed };
    // Pieces another module decodes (`export const P = ["QXNpYS9TaGFuZ2hhaQ==", …]`): given as they are,
    // so the importer decodes them itself, when one of them decodes to places or hosts.
    if (!values.some((v) => encodedPlaces(v).some(place))) return undefined;
    return typeof value === 'string' ? { values, concealed: false, text: true } : { values, concealed: false };
  }
}

/** Exported texts of a channel: how many in one list, and how long each. */
const MAX_CHANNEL_TEXTS = 8;
const MAX_CHANNEL_TEXT = 400;
const isShortTexts = (values: string[]) => values.length > 0 && values.length <= MAX_CHANNEL_TEXTS && values.every((v) => v.length <= MAX_CHANNEL_TEXT);

const ZONE_AREA = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/$/;

/** The words a base64 or hex string decodes to, when it decodes to printable text (none otherwise). */
function encodedPlaces(v: string): string[] {
  if (v.length < 8 || v.length > 4096) return [];
  const bytes = /^[0-9a-f]+$/i.test(v) && v.length % 2 === 0 ? Buffer.from(v, 'hex') : /^[A-Za-z0-9+/]+={0,2}$/.test(v) && v.length % 4 === 0 ? Buffer.from(v, 'base64') : undefined;
  const text = bytes?.toString('latin1');
  return text && /^[\x20-\x7e]+$/.test(text) ? text.split(/[\s,;|"'[\]]+/).filter(Boolean) : [];
}
