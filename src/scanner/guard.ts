// While the scanner runs, it must not open a socket or start a process: the
// functions that would are replaced by ones that refuse and record the attempt.
// The modules themselves (require), not import namespaces, so that the replacements are seen by every caller.
const childProcess = require('child_process') as typeof import('child_process');
const dns = require('dns') as typeof import('dns');
const http = require('http') as typeof import('http');
const https = require('https') as typeof import('https');
const net = require('net') as typeof import('net');

type Patch = [object, string, unknown];

/** Installs the refusals; returns the attempts seen and a function that restores the originals. */
export function forbidSideEffects(): { attempts: string[]; restore(): void } {
  const attempts: string[] = [];
  const patches: Patch[] = [];
  const refuse = (target: object, name: string, what: string) => {
    const original = (target as Record<string, unknown>)[name];
    patches.push([target, name, original]);
    (target as Record<string, unknown>)[name] = (...args: unknown[]) => {
      attempts.push(`${what}(${String(args[0]).slice(0, 80)})`);
      throw new Error(`Agent X-Ray's scanner does not ${what.startsWith('child_process') ? 'start processes' : 'use the network'} (${what})`);
    };
  };
  for (const f of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) refuse(childProcess, f, `child_process.${f}`);
  refuse(net.Socket.prototype, 'connect', 'net.Socket.connect');
  refuse(net, 'connect', 'net.connect');
  refuse(net, 'createConnection', 'net.createConnection');
  refuse(http, 'request', 'http.request');
  refuse(http, 'get', 'http.get');
  refuse(https, 'request', 'https.request');
  refuse(https, 'get', 'https.get');
  refuse(dns, 'lookup', 'dns.lookup');
  if (typeof globalThis.fetch === 'function') refuse(globalThis, 'fetch', 'fetch');
  return {
    attempts,
    restore() {
      for (const [target, name, original] of patches.reverse()) (target as Record<string, unknown>)[name] = original;
    },
  };
}
