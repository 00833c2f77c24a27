import { ruleTester } from '../../ruleTester';

ruleTester('fingerprint-exfiltration', {
  valid: [
    // The gateway as the request target is routing.
    `fetch(process.env.AGENT_BASE_URL + "/v1/messages", { method: "POST", body: "{}" });`,
    // A proxy agent.
    `const a = new Agent(process.env.HTTPS_PROXY); fetch("https://x.example", { agent: a });`,
    // Telemetry without fingerprints.
    `track("cli_started", { version: "1.0", ok: true });`,
    // Another field of an object that also carries the host name (once a false alarm on Claude Code 2.1.90).
    `const os = require("os");\nfunction start(opts) { const { mode } = opts; track("session_started", { mode }); }\nstart({ mode: "single", machine: os.hostname() });`,
  ],
  invalid: [
    {
      code: `const os = require("os");\nfunction start(opts) { const { machine } = opts; track("session_started", { machine }); }\nstart({ mode: "single", machine: os.hostname() });`,
      findings: [{ severity: 'high', line: 2, message: /host identity/ }],
    },
    {
      code: `const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nfetch("https://t.example/e", { method: "POST", body: JSON.stringify({ tz }) });`,
      findings: [{ severity: 'high', line: 2, message: /time zone/ }],
    },
    {
      code: `const os = require("os");\nlogEvent("session_start", { host: os.hostname() });`,
      findings: [{ severity: 'high', line: 2, message: /host identity/ }],
    },
    {
      code: `const gw = new URL(process.env.OPENAI_BASE_URL).hostname;\ncapture("api_request", { gateway: gw });`,
      findings: [{ severity: 'high', line: 2, message: /API gateway/ }],
    },
    {
      code: `const lang = process.env.LANG;\naxios.post("https://t.example/e", { lang });`,
      findings: [{ severity: 'high', line: 2 }],
    },
  ],
});
