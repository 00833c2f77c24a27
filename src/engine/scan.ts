// The engine's entry point: one text in, findings out (parse, one walk, rules).
import { isFunction, type Node } from './ast';
import { Analysis, type Flow } from './analysis';
import { parse, ScanError, type ParsedIndex, type ParseResult } from './parse';
import { isTypeScriptFile, stripTypes } from './typescript';
import type { Report, RuleContext } from './rule';
import { rules } from './rules';
import { link } from './link';
import type { ModuleSummary, Seeds } from './modules';
import { shortList } from './evidence';
import { sendingParams } from './sinks';
import { resolveStringArrays } from './stringArray';
import { inlineProxyObjects } from './proxyObjects';
import { constantCode, writeConstantCode } from './constantCode';
import { LineIndex } from './lines';
import { Kind, kindNames } from './sources';
import { severityRank, type EvidenceStep, type FileResult, type Finding } from './types';
import { mergeVisitors, visitAll, type Visitor } from './walk';

/** Bumped whenever results could change; part of the cache key. */
export const ENGINE_VERSION = '0.26.0';
const MAX_NESTED_DEPTH = 3;
/** Characters of a text above which a second parse is avoided where it can be, and a tree let go is collected before the next is built (see scanText). */
const COLLECT_BEFORE_REPARSE = 4_000_000;
/** V8's collector, where the process exposes it (the CLI's engine threads). */
const collect = (globalThis as { gc?: () => void }).gc;

export interface ScanOptions {
  /** Name shown in findings (a path, or `binary!/$bunfs/root/cli.js`). */
  file: string;
  depth?: number;
  /** What the linker found this module's inputs hold (a second analysis of a module of a program). */
  seeds?: Seeds;
  /** With seeds: the module's summary again, for another link (see relinkedSeeds); by default a second analysis keeps its first. */
  summarise?: boolean;
  /** Rule ids to run (default all): a test runs one rule alone. Decoded code found inside is scanned with all rules. */
  rules?: string[];
  /** The modules of the file's webpack module map are linked as separate modules (see withinBundle). */
  selfLink?: boolean;
}

/** Scans one JavaScript text. Never throws for bad input: the reason goes into `error`. */
export function scanText(text: string, options: ScanOptions): FileResult {
  const started = performance.now();
  const result: FileResult = { file: options.file, bytes: Buffer.byteLength(text), ms: 0, findings: [], notAnalysed: [] };
  try {
    if (!text.trim()) throw new ScanError('empty file');
    let source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
    let parsed = parseSource(source, options.file);
    if (parsed.text) source = parsed.text;
    // Code the file keeps in constant strings (constantCode.ts), and strings kept in an obfuscator's rotated
    // array (stringArray.ts): the program is analysed as it runs, with each written in place (the lines stay,
    // the columns move: findings say `decoded`). One tree at a time: each is let go before the next is built.
    let analysed = source;
    // (In a large file, code run in another context, which shares nothing with the file but the object it is given,
    // is analysed alone: written in place, a few lines would cost a second parse of the whole file. Claude Code
    // 2.1.196's 18 MB module runs one `vm.runInContext` of a constant: 1.43 GB and 14.2 s with it written in place,
    // 0.89 GB and 11.1 s analysed alone, with the same findings.)
    const large = source.length > COLLECT_BEFORE_REPARSE;
    const pieces = constantCode(source, parsed.index);
    const apart = large ? pieces.filter((c) => c.otherContext) : [];
    const inline = large ? pieces.filter((c) => !c.otherContext) : pieces;
    // (The first rewrite is of the source itself.)
    for (const rewrite of [(t: string) => writeConstantCode(t, inline), resolveStringArrays, inlineProxyObjects]) {
      const next = rewrite(analysed, parsed.index);
      if (next === undefined) continue;
      parsed = undefined as unknown as ParseResult;
      // (A large tree let go is collected before the next is built, where the process lets the engine do so:
      // otherwise the heap grows to hold both.)
      if (next.length > COLLECT_BEFORE_REPARSE) collect?.();
      const tree = rewritten(next);
      parsed = tree ?? parse(analysed);
      if (tree) analysed = next;
    }
    const parsedAt = performance.now();
    result.notAnalysed.push(...parsed.notAnalysed);
    const { findings: own, walkMs, summary, moduleMap } = analyse(analysed, parsed.ast, options, parsed.index);
    const findings = moduleMap && !options.depth ? withinBundle(analysed, parsed.ast, options, own, parsed.index) : own;
    result.findings = analysed === source ? findings : findings.map((f) => ({ ...f, decoded: true as const }));
    if (apart.length && (options.depth ?? 0) < MAX_NESTED_DEPTH) {
      const lines = new LineIndex(source);
      for (const piece of apart) {
        // (Each finding at the statement that runs the code, which is where a reader finds it.)
        const at = lines.position(piece.start);
        const nested = scanText(piece.code, { file: options.file, depth: (options.depth ?? 0) + 1 }).findings;
        result.findings.push(...nested.map((f) => ({ ...f, line: at.line, column: at.column, endLine: at.line, endColumn: at.column, decoded: true as const })));
      }
    }
    if (summary) result.summary = summary;
    const parse_ = parsedAt - started;
    result.timings = { parse: Math.round(parse_), walk: Math.round(walkMs), rules: Math.round(performance.now() - parsedAt - walkMs) };
  } catch (err) {
    // A chain the analysis follows can still exhaust the stack on some input: named, never a crash.
    if (err instanceof RangeError && /call stack/i.test(err.message)) result.error = 'the analysis went too deep to finish (call stack exhausted)';
    else if (err instanceof ScanError) result.error = err.message;
    else throw err;
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}

/**
 * The tree of a file's text; for a TypeScript file that does not parse as JavaScript, of the
 * JavaScript it runs as (`text`: its lines are the file's, its columns move where types were).
 */
function parseSource(source: string, file: string): ParseResult & { text?: string } {
  if (!isTypeScriptFile(file)) return parse(source);
  let failed: unknown;
  try {
    const parsed = parse(source);
    if (parsed.sourceType !== 'recovered') return parsed;
  } catch (err) {
    failed = err;
  }
  const text = stripTypes(source, file);
  if (text === undefined) {
    if (failed) throw failed;
    return parse(source);
  }
  return { ...parse(text), text };
}

/** The tree of a rewritten text, unless it has a syntax error (then the text before stands). */
function rewritten(text: string): ParseResult | undefined {
  try {
    const parsed = parse(text);
    return parsed.index ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A one-file webpack build keeps its modules in a table and loads them by id (`var m = { 347(e, t, n) {…} }`,
 * `n(347).G(tz)`). Besides the analysis of the file as one scope, its modules are analysed as a split build's
 * are: each factory a module of its own, linked to the others by id (link.ts), so that what one module exports
 * (an instance, a factory's product, an object of methods, a store) is followed into the modules that load it.
 * The findings of both are kept; doubts the linked analysis raises only because it sees one module at a time
 * (unfollowed-source) are not.
 */
function withinBundle(text: string, ast: Node, options: ScanOptions, own: Finding[], index?: ParsedIndex): Finding[] {
  const self = { ...options, selfLink: true, seeds: undefined };
  const summary = analyse(text, ast, self, index).summary;
  const provided = new Set(summary?.provides ?? []);
  const seeds = summary && link([{ id: options.file, summary }], (from, spec) => (provided.has(spec) ? from : undefined)).get(options.file);
  if (!seeds) return own;
  const key = (f: Finding) => `${f.ruleId}\0${f.line}\0${f.column}\0${f.message}`;
  const seen = new Set(own.map(key));
  const linked = analyse(text, ast, { ...self, seeds }, index).findings.filter((f) => f.ruleId !== 'unfollowed-source' && !seen.has(key(f)));
  if (!linked.length) return own;
  const all = [...own, ...linked].sort(byRankThenPlace);
  return comparesZones(all) ? all.filter((f) => f.ruleId !== 'unfollowed-source') : all;
}

/** Whether a time-zone (or offset) comparison is among the findings: geo-org-comparison names what it compared in `sources`, concealed-table in `comparedWith`. */
export function comparesZones(findings: Finding[]): boolean {
  const compared = (e: Record<string, unknown>) => [e.sources, e.comparedWith].flatMap((x) => (Array.isArray(x) ? x : []));
  return findings.some((f) => (f.ruleId === 'geo-org-comparison' || f.ruleId === 'concealed-table') && compared(f.evidence).some((k) => ZONE_KINDS.includes(k)));
}

const ZONE_KINDS = kindNames(Kind.TZ | Kind.OFFSET);

/** The order findings are reported in: the most severe first, then by place. */
const byRankThenPlace = (a: Finding, b: Finding) => severityRank(a.severity) - severityRank(b.severity) || a.line - b.line || a.column - b.column;

const MAX_EXCERPT = 6000;

/** The code to show around a finding: its smallest enclosing function (or statement) of readable size. */
function excerptOf(node: Node): NonNullable<Finding['excerpt']> {
  let best: Node = node;
  for (let n = node.parent; n && n.end - n.start <= MAX_EXCERPT; n = n.parent) {
    best = n;
    if (isFunction(n)) break;
  }
  return { start: best.start, end: best.end, nodeStart: node.start, nodeEnd: node.end };
}

/** Runs the visitors and the rules on a parsed tree (`index`: the parser's records, see visitAll). */
export function analyse(text: string, ast: Node, options: ScanOptions, index?: ParsedIndex): { findings: Finding[]; walkMs: number; summary?: ModuleSummary; moduleMap: boolean } {
  const analysis = new Analysis(text, ast, index, options.seeds, options.selfLink);
  const findings: Finding[] = [];
  const exits: Visitor[] = [];
  const step = (role: EvidenceStep['role'], label: string, node: Node): EvidenceStep => {
    const p = analysis.position(node.start);
    return { role, label, line: p.line, column: p.column };
  };
  const chain = (flow: Flow): EvidenceStep[] => flow.via.map((n) => {
    const source = analysis.source(n);
    if (source) return step('source', source.label, n);
    const c = analysis.comparisonFor(n);
    return step('comparison', c ? `compared with ${c.concealed ? 'a concealed list of ' : ''}${c.values.length} ${[...c.classes].join('/')} constant(s): ${shortList(c.values, 8)}` : `reads ${kindNames(flow.kinds).join('/')}`, n);
  });
  const visitors: Array<Record<string, Visitor>> = [analysis.collectors()];
  for (const rule of rules.values()) {
    if (options.rules && !options.rules.includes(rule.meta.id)) continue;
    const context: RuleContext = {
      analysis,
      chain,
      step,
      report(r: Report) {
        // What comes from other modules is reported once the linker knows what it holds.
        if (r.flow) {
          analysis.modules.markReaching(r.flow.via);
          if (!(r.flow.kinds & ~Kind.INPUT)) return;
        }
        const start = analysis.position(r.node.start);
        const end = analysis.position(r.node.end);
        const message = rule.meta.messages[r.messageId].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(r.data?.[k] ?? ''));
        findings.push({
          ruleId: rule.meta.id, severity: r.severity ?? rule.meta.severity, summary: r.summary, message, file: options.file,
          line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
          evidence: { ...r.evidence, chain: r.chain ?? [] },
          excerpt: excerptOf(r.node),
        });
      },
      reaches(flow: Flow) {
        analysis.modules.markReaching(flow.via);
      },
      scanNested(code: string): Finding[] {
        if ((options.depth ?? 0) >= MAX_NESTED_DEPTH) return [];
        return scanText(code, { file: options.file, depth: (options.depth ?? 0) + 1 }).findings.map((f) => ({ ...f, decoded: true }));
      },
    };
    const { 'Program:exit': exit, ...rest } = rule.create(context);
    visitors.push(rest);
    if (exit) exits.push(exit);
  }
  const walkStart = performance.now();
  visitAll(ast, index, mergeVisitors(visitors));
  const walkMs = performance.now() - walkStart;
  analysis.walked();
  for (const exit of exits) exit(ast);
  findings.sort(byRankThenPlace);
  // Nested decoded code is not a module of the program; a second analysis (seeds) keeps its first summary unless asked.
  return {
    findings, walkMs, summary: options.depth || options.seeds && !options.summarise ? undefined : analysis.summary((fn) => sendingParams(analysis, fn)),
    moduleMap: !options.selfLink && analysis.defs.holdsModuleMap(),
  };
}
