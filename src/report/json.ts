// JSON output: the stable, documented shape (see README, "JSON output").
import { placeOf } from '../model/findings';
import type { ScanReport } from './model';

export function toJson(report: ScanReport): string {
  return JSON.stringify({
    version: report.version,
    tool: report.tool,
    ...(report.discovered ? { discovered: true, skipped: report.skipped ?? [] } : {}),
    ...(report.policy ? { policy: report.policy } : {}),
    targets: report.targets.map((t) => ({
      path: t.path, kind: t.kind, agent: t.agent, ...(t.foundAt ? { foundAt: t.foundAt } : {}), verdict: t.verdict, ...(t.coverage ? { coverage: t.coverage } : {}), ...(t.sha256 ? { sha256: t.sha256 } : {}), bytes: t.bytes, ms: t.ms, files: t.files, contents: t.contents,
      findings: t.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, summary: f.summary, message: f.message, ...placeOf(f), evidence: f.evidence })),
      sends: t.sends ?? [],
      notAnalysed: t.notAnalysed,
    })),
  }, null, 2) + '\n';
}
