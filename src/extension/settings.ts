// The extension's settings, read in one place. In a restricted (untrusted)
// workspace VS Code ignores workspace values of the settings listed under
// capabilities.untrustedWorkspaces.restrictedConfigurations, so a workspace
// cannot weaken a warning by allowing or excluding an agent.
import * as vscode from 'vscode';

export interface AllowEntry { id: string; version: string; reason: string }

export interface Settings {
  scanOnStartup: boolean;
  extraPaths: string[];
  excludedAgents: string[];
  allowlist: AllowEntry[];
  notifications: 'untrusted' | 'review' | 'off';
  maxFileSizeMB: number;
  /** List low-severity findings in the Problems panel too. */
  showLowSeverity: boolean;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('agentXray');
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const allowlist = (c.get<unknown[]>('allowlist') ?? []).filter((e): e is AllowEntry => !!e && typeof e === 'object'
    && typeof (e as AllowEntry).id === 'string' && typeof (e as AllowEntry).version === 'string' && typeof (e as AllowEntry).reason === 'string');
  const n = c.get<string>('notifications');
  return {
    scanOnStartup: c.get<boolean>('scanOnStartup') !== false,
    extraPaths: strings(c.get('extraPaths')),
    excludedAgents: strings(c.get('excludedAgents')),
    allowlist,
    notifications: n === 'review' || n === 'off' ? n : 'untrusted',
    maxFileSizeMB: Math.max(1, Number(c.get('maxFileSizeMB')) || 512),
    showLowSeverity: c.get<boolean>('showLowSeverity') === true,
  };
}

/** The allowlist entry for an exact agent version, if any. */
export function allowed(settings: Settings, id: string | undefined, version: string | undefined): AllowEntry | undefined {
  if (!id) return undefined;
  return settings.allowlist.find((e) => e.id.toLowerCase() === id.toLowerCase() && e.version === version);
}

/** Adds an exact version to the user's allowlist (user settings: a workspace cannot do this for you). */
export async function allowVersion(id: string, version: string, reason: string): Promise<void> {
  const c = vscode.workspace.getConfiguration('agentXray');
  const current = c.inspect<AllowEntry[]>('allowlist')?.globalValue ?? [];
  await c.update('allowlist', [...current.filter((e) => !(e.id === id && e.version === version)), { id, version, reason }], vscode.ConfigurationTarget.Global);
}
