// hidden-dynamic-code: eval, new Function or vm running text that the file decodes at run time.
import { calleeName, propertyName, unwrap, type Node } from '../ast';
import { appearsIn } from '../evaluate';
import { createRule } from '../rule';
import { severityRank, type Severity } from '../types';

const VM_METHODS = new Set(['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script']);

/**
 * Code a reader can see in the file: most of its lines stand in the source as
 * they run (a sandbox prelude in a template literal, trimmed or joined), which
 * is not hiding it.
 */
function readableInSource(text: string, code: string): boolean {
  const lines = code.split('\n').map((l) => l.trim()).filter((l) => l.length >= 16);
  if (lines.length < 2) return false;
  const shown = lines.filter((l) => text.includes(l)).length;
  return shown >= lines.length * 0.8;
}

export const rule = createRule({
  meta: {
    id: 'hidden-dynamic-code',
    description: 'Code is decoded at run time and executed with eval, new Function or vm.',
    severity: 'high',
    category: 'CWE-506: Embedded Malicious Code',
    messages: {
      decoded: 'Decoded code ({{length}} characters) is run by {{via}}{{nested}}.',
    },
  },
  create(context) {
    const { analysis } = context;
    const calls: Node[] = [];
    const visit = (node: Node) => {
      const name = calleeName(node);
      if (name === 'eval' || name === 'Function' || (name && VM_METHODS.has(name))) calls.push(node);
    };
    return {
      CallExpression: visit,
      NewExpression: visit,
      'Program:exit'() {
        for (const call of calls) {
          const arg = call.arguments[call.arguments.length - 1] ?? call.arguments[0];
          if (!arg || unwrap(arg).type === 'Literal') continue;
          const { value, provenance } = analysis.evaluate(call.callee.type === 'Identifier' && call.callee.name === 'Function' ? arg : call.arguments[0]);
          if (typeof value !== 'string' || value.length < 8) continue;
          if (!provenance.decoded || appearsIn(provenance, value) || readableInSource(analysis.text, value)) continue;
          const nested = context.scanNested(value);
          const worst = nested.reduce<Severity>((s, f) => (severityRank(f.severity) < severityRank(s) ? f.severity : s), 'high');
          const via = unwrap(call.callee).type === 'Identifier' ? unwrap(call.callee).name : `vm.${propertyName(unwrap(call.callee))}`;
          context.report({
            node: call, messageId: 'decoded', severity: worst,
            summary: `Runs ${value.length} characters of code it decodes at run time, which nobody reading the package can see${nested.length ? `; inside it: ${nested[0].summary.replace(/\.$/, '')}` : ''}.`,
            data: { length: value.length, via, nested: nested.length ? `; inside it: ${nested.map((f) => f.message).join(' ')}` : '' },
            evidence: { decodedPreview: value.slice(0, 400), length: value.length, nestedFindings: nested },
            chain: [context.step('sink', `${via}(decoded code)`, call)],
          });
        }
      },
    };
  },
});
