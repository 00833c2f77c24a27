// The extension's command ids, in one place; package.json contributes each
// (a test checks both lists agree).
export enum Command {
  ScanNow = 'agentXray.scanNow',
  CancelScan = 'agentXray.cancelScan',
  ShowReport = 'agentXray.showReport',
  ExportReport = 'agentXray.exportReport',
  ClearCache = 'agentXray.clearCache',
  Recommend = 'agentXray.recommend',
  ShowEvidence = 'agentXray.showEvidence',
  RevealFile = 'agentXray.revealFile',
  CopyFinding = 'agentXray.copyFinding',
  AllowVersion = 'agentXray.allowVersion',
  OpenExtension = 'agentXray.openExtension',
}

/** The report view's own focus command (contributed by VS Code for the view). */
export const FOCUS_REPORT = 'agentXray.report.focus';
