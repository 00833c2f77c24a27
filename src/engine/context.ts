// What the parts of one module's analysis ask of each other (definitions,
// dataflow, comparisons), as interfaces: each part depends on this file, not on
// the others, and Analysis (analysis.ts) puts them together.
import type { FunctionNode, Node } from './ast';
import type { ConstantClass } from './constants';
import type { Provenance, Value } from './evaluate';
import type { Position } from './lines';
import type { ModuleFacts } from './modules';
import type { LoweredAsync } from './lowered';
import type { Binding, ScopeResolver } from './scope';
import type { SourceMatch, SourceMatcher } from './sources';

/** What flows into an expression: source kinds and the nodes on the way (sources, comparisons). */
export interface Flow { kinds: number; via: Node[] }

/** A comparison of a fingerprint value with specific constants. */
export interface Comparison {
  node: Node;
  flow: Flow;
  classes: Set<ConstantClass>;
  /** The specific constants, decoded when they were concealed. */
  values: string[];
  /** True when the constants do not appear as such in the source text. */
  concealed: boolean;
  /** The literal the constants were decoded from (for concealed ones). */
  encoded?: Node;
  /**
   * Routing: hosts in plain sight, most of them the program's own or public services' endpoints (an allowlist),
   * or the cloud region or editor the program runs in checked in plain sight.
   */
  endpoints?: true;
  /** Of those, the gateway equal to one or two hosts in plain sight (`host === "llm.corp.com"`): routing to a named endpoint. */
  named?: true;
  /** A table of constants keyed by the constants, looked up with the value (`CURRENCY[tz]`): what it gives depends on which it is. */
  table?: true;
}

/** A call of a function, direct or through `call`/`apply`/`Reflect.apply`. */
export interface Invocation {
  call: Node;
  args: Node[];
  thisArg?: Node;
}

/** Where values come from: initialisers, assignments, members, returns, call sites. */
export interface DefinitionFacts {
  readonly decoders: ReadonlySet<FunctionNode>;
  definitions(b: Binding): Node[];
  soleDefinition(id: Node): Node | undefined;
  /** Every node but identifiers and literals. */
  eachNode(fn: (node: Node) => void): void;
  /** Calls `name(…)` by the callee's name. */
  callsNamed(name: string): readonly Node[];
  /** What a lowered private field (a WeakMap written by `__privateAdd(this, _z, v)`) holds. */
  privateFieldValues(member: Node): Node[] | undefined;
  /** Calls of a binding (`resolve(v)` of a promise executor's parameter). */
  callsOf(b: Binding): Node[];
  iteratedBy(b: Binding): Node | undefined;
  /** What the calls of a function pass for its plain parameter (all of them, or none when some cannot be told). */
  passedTo(b: Binding): Node[];
  /** Async functions lowered by compilers: what their bodies return and await. */
  readonly lowered: LoweredAsync;
  /** What a lowered async function awaits where it reads the result (`_a.sent()`), or undefined for other nodes. */
  sentValues(node: Node): Node[] | undefined;
  /** The state machine a call of a lowered async function runs (also through babel's self-replacing wrapper). */
  loweredRun(call: Node): ReturnType<LoweredAsync['bodyOf']>;
  loopList(b: Binding): Node | undefined;
  /** What `b.push(…)` / `b.add(…)` calls put into the list or set `b` holds. */
  pushedTo(b: Binding): Node[];
  returnsOf(fn: FunctionNode): Node[];
  functionOf(callee: Node): FunctionNode | undefined;
  invocations(fn: FunctionNode): Invocation[];
  /** The calls a function is given to (by its name or in place), with the argument's index. */
  givenTo(fn: FunctionNode): Array<readonly [Node, number]>;
  containerValues(object: Node, keyNode: Node): Node[];
  argumentOf(b: Binding): Node | undefined;
  /** Whether a parameter is one of what a read hands its Node-style callback (`e` and `data` of `readFile(f, (e, data) => …)`). */
  readCallback(b: Binding): boolean;
  propertyValues(object: Node, key: string): Node[];
  /** What a promise resolves to, where the code says (`p.then(() => v)`, `Promise.resolve(v)`, or the call itself). */
  resolvedValues(promise: Node): Node[];
  moduleFactoryOf(call: Node): FunctionNode | undefined;
  memoisedFunction(callee: Node): FunctionNode | undefined;
  proxyGetTrap(node: Node): FunctionNode | undefined;
  /** A name a loop destructures from each item, with the key it takes (`k` of `for (const [k, v] of list)`). */
  loopItem(b: Binding): { list: Node; key: string } | undefined;
  /** A call of a helper that merges objects as `Object.assign` does (`__assign`, `_objectSpread2`). */
  isMergeCall(call: Node): boolean;
}

/** Comparison-shaped nodes and the comparisons among them. */
export interface ComparisonFacts {
  readonly candidates: Node[];
  isCandidate(node: Node): boolean;
  comparisonAt(node: Node, keepMisses?: boolean): Comparison | undefined;
  /** A check of an address or identity against one organisation's word (`name.startsWith("megabank-")`). */
  isWordCheck(node: Node, f: Flow): boolean;
  /** The organisation words a check compares an address or identity with, asked for a channel it steers. */
  wordsAt(node: Node): Comparison | undefined;
  /** `ZONES[tz]` of an object used as a set: the membership test it makes. */
  lookupAt(node: Node): Comparison | undefined;
  /** Records `name = list.has.bind(list)`: calls of `name` are comparisons. */
  boundTo(name: string, bind: Node): void;
  /** Records a table keyed by zones kept under a name: its lookups are comparisons. */
  noteTable(node: Node): void;
  /** A comparison already made at a node, or made of an input in another module (no analysis started). */
  recordedAt(node: Node): Comparison | undefined;
}

export interface FlowFacts {
  flow(node: Node): Flow;
  /** What a value another module gives was read as there (its seed), if anything. */
  inputSource(node: Node): SourceMatch | undefined;
}

/** One module's analysis, as its parts see it. */
export interface AnalysisContext {
  readonly text: string;
  readonly ast: Node;
  readonly scopes: ScopeResolver;
  readonly sources: SourceMatcher;
  readonly modules: ModuleFacts;
  readonly defs: DefinitionFacts;
  readonly dataflow: FlowFacts;
  readonly compare: ComparisonFacts;
  value(node: Node): Value;
  evaluate(node: Node): { value: Value; provenance: Provenance };
  position(offset: number): Position;
}
