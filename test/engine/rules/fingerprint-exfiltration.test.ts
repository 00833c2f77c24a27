import { ruleTester } from '../../ruleTester';

ruleTester('fingerprint-exfiltration', {
  valid: [
    // The gateway as the request target is routing.
    `fetch(process.env.AGENT_BASE_URL + "/v1/messages", { method: "POST", body: "{}" });`,
    // A proxy agent.
    `const a = new Agent(process.env.HTTPS_PROXY); fetch("https://x.example", { agent: a });`,
    // Telemetry without fingerprints.
    `track("cli_started", { version: "1.0", ok: true });`,
  ],
  invalid: [
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
