// hidden-dynamic-code: eval, new Function or vm running text that the file decodes at run time.
import { calleeName, propertyName, unwrap, type Node } from '../ast';
import { appearsIn } from '../evaluate';
import { createRule } from '../rule';
import { severityRank, type Severity } from '../types';

const VM_METHODS = new Set(['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script']);

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
          if (!provenance.decoded || appearsIn(provenance, value)) continue;
          const nested = context.scanNested(value);
          const worst = nested.reduce<Severity>((s, f) => (severityRank(f.severity) < severityRank(s) ? f.severity : s), 'high');
          const via = unwrap(call.callee).type === 'Identifier' ? unwrap(call.callee).name : `vm.${propertyName(unwrap(call.callee))}`;
          context.report({
            node: call, messageId: 'decoded', severity: worst,
            data: { length: value.length, via, nested: nested.length ? `; inside it: ${nested.map((f) => f.message).join(' ')}` : '' },
            evidence: { decodedPreview: value.slice(0, 400), length: value.length, nestedFindings: nested },
            chain: [context.step('sink', `${via}(decoded code)`, call)],
          });
        }
      },
    };
  },
});
