// The packaged extension in a real VS Code (code-server), driven like a person
// would with playwright-core and Debian's Chromium: the status bar, the
// Problems panel, the report view and an evidence document. Screenshots go
// to docs/screenshots for the README. Skips, saying why, when code-server or
// Chromium cannot be installed here.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { codeServerCli, ensureCodeServer, startCodeServer, type CodeServer } from './codeServer';
import { dirsIn, plantClean, plantIncident, type Dirs } from './scenarios';

const root = path.resolve(__dirname, '..', '..');
const shots = path.join(root, 'docs', 'screenshots');
const STATUS = /policy: \d+ violations?|untrusted agents?|agents? to review|Agents trusted|No agents found|Nothing scannable|Scanning agents|Looking for agents/;

async function statusText(page: Page): Promise<string> {
  const item = page.locator('.statusbar-item').filter({ hasText: STATUS }).first();
  return (await item.count()) ? (await item.innerText()).trim() : '';
}

async function waitForStatus(page: Page, want: RegExp, timeoutMs: number): Promise<{ text: string; firstSeenAt: number; matchedAt: number; seen: string[] }> {
  const started = Date.now();
  let firstSeenAt = 0;
  const seen: string[] = [];
  for (;;) {
    const text = await statusText(page);
    if (text && !firstSeenAt) firstSeenAt = Date.now();
    if (text && seen[seen.length - 1] !== text) seen.push(text);
    if (want.test(text)) return { text, firstSeenAt, matchedAt: Date.now(), seen };
    if (Date.now() - started > timeoutMs) throw new Error(`status bar never matched ${want}; last: "${text}"`);
    await page.waitForTimeout(50);
  }
}

/** The rows' text once every pattern matches it (or the last text seen after `timeoutMs`, for the assertion to show). */
async function rowsWith(rows: Locator, want: RegExp[], timeoutMs = 15_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = (await rows.allInnerTexts()).join('\n');
    if (want.every((re) => re.test(text)) || Date.now() - started > timeoutMs) return text;
    await rows.page().waitForTimeout(100);
  }
}

describe('VS Code (code-server): the packaged extension', function () {
  this.timeout(1_800_000);
  let tmp: string;
  let vsix: string;
  let browser: Browser | undefined;

  before(function () {
    const reason = ensureCodeServer();
    if (reason) {
      console.log(`      skipped: ${reason}`);
      this.skip();
    }
    tmp = mkdtempSync(path.join(os.tmpdir(), 'xray-code-server-'));
    vsix = path.join(tmp, 'agent-xray.vsix');
    execFileSync(process.execPath, [path.join(root, 'vsix.js'), '--out', vsix], { cwd: root, stdio: 'pipe' });
    mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function open(server: CodeServer): Promise<Page> {
    browser ??= await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    return page;
  }

  function install(d: Dirs): void {
    codeServerCli(['--install-extension', vsix], { userData: d.userData, extensions: d.extensions, home: d.home });
  }

  describe('with a fingerprinting agent planted', () => {
    let d: Dirs;
    let server: CodeServer;
    let page: Page;

    before(async function () {
      d = dirsIn(path.join(tmp, 'incident'));
      const reason = plantIncident(d);
      if (reason) {
        console.log(`      skipped: ${reason}`);
        this.skip();
      }
      install(d);
      server = await startCodeServer(d, 18_000 + Math.floor(Math.random() * 1000));
      page = await open(server);
    });
    after(async () => {
      await page?.close();
      await server?.stop();
    });

    it('says untrusted in the status bar within the first scan, and notifies once', async () => {
      const s = await waitForStatus(page, /untrusted agent/, 600_000);
      console.log(`      status "${s.text}" ${s.matchedAt - s.firstSeenAt} ms after the indicator appeared`);
      assert.match(s.text, /2 untrusted agents/);
      await page.locator('.part.statusbar').screenshot({ path: path.join(shots, 'status-bar.png') });
      // The tooltip says in plain words what each flagged agent does.
      await page.locator('.statusbar-item').filter({ hasText: /untrusted agent/ }).first().hover();
      const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').first();
      await hover.waitFor({ timeout: 15_000 });
      assert.match((await hover.innerText()).replace(/\u00a0/g, ' '), /untrusted[^:]*: (Swaps|Changes|Sends|Encodes|Hides|Hashes|Checks) /);
      await page.mouse.move(0, 0);
      const toast = page.locator('.notification-toast').filter({ hasText: /Agent X-Ray: Claude Code .* is untrusted/ });
      await toast.first().waitFor({ timeout: 30_000 });
      // The notification leads with the plain-language summary: characters by name, no escapes, nothing cut mid-word.
      const said = (await toast.first().innerText()).replace(/\u00a0/g, ' ');
      assert.match(said, /depending on (your time zone|the API address you configured)/);
      assert.doesNotMatch(said, /\\u\{/);
      await page.screenshot({ path: path.join(shots, 'notification.png') });
      for (const close of await page.locator('.notification-toast .codicon-notifications-clear').all()) await close.click().catch(() => undefined);
    });

    it('lists the findings in the Problems panel, naming the time zones, on workspace files too', async () => {
      await page.locator('.part.editor').click();
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ timeout: 30_000 });
      const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
      await filter.fill('Asia/Shanghai');
      assert.match(await rowsWith(panel.locator('.monaco-list-row'), [/Asia\/Shanghai/]), /Asia\/Shanghai/);
      await page.screenshot({ path: path.join(shots, 'problems.png') });
      await filter.fill('');
      // The budget: one entry per mechanism, so the whole scenario fits in at most 60 entries.
      const problems = page.locator('[id="status.problems"]').first();
      const counts = ((await problems.getAttribute('aria-label')) ?? (await problems.innerText())).match(/\d+/g)?.map(Number) ?? [];
      const total = counts.reduce((a, b) => a + b, 0);
      console.log(`      Problems: ${total} entries (${counts.join(' / ')})`);
      assert.ok(counts.length && total <= 60, `Problems holds ${total} entries`);
      // The workspace files that bring the agents in are visible without scrolling or filtering.
      const rows = await rowsWith(panel.locator('.monaco-list-row'), [/package\.json/, /extensions\.json/]);
      assert.match(rows, /package\.json/);
      assert.match(rows, /extensions\.json/);
      const box = await panel.boundingBox();
      for (const name of [/package\.json/, /extensions\.json/]) {
        const row = await panel.locator('.monaco-list-row').filter({ hasText: name }).first().boundingBox();
        assert.ok(box && row && row.y >= box.y && row.y + row.height <= box.y + box.height, `${name} is not visible without scrolling`);
      }
    });

    it('shows the report view and an evidence document', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="Agent X-Ray"], .activitybar .action-label[aria-label^="Agent X-Ray"]').first().click();
      const tree = page.locator('.sidebar .monaco-list-row');
      await tree.first().waitFor({ timeout: 30_000 });
      await tree.filter({ hasText: 'Claude Code 2.1.91' }).first().locator('.monaco-tl-twistie').click();
      const finding = page.locator('.sidebar .monaco-list-row').filter({ hasText: /look alike/ }).first();
      await finding.waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(shots, 'report.png') });
      await finding.click();
      const editor = page.locator('.editor-instance .view-lines');
      const text = (await rowsWith(editor.first(), [/Agent\sX-Ray\sevidence/], 30_000)).replace(/\u00a0/g, ' ');
      assert.match(text, /Agent X-Ray evidence/);
      await page.waitForTimeout(500); // the colouring settles, for the picture
      await page.screenshot({ path: path.join(shots, 'evidence.png') });
    });

    it('after a restart with nothing changed, shows the indicator from the cache in under a second', async () => {
      await page.close();
      await server.stop();
      server = await startCodeServer(d, 19_000 + Math.floor(Math.random() * 1000));
      const loaded = Date.now();
      page = await open(server);
      const s = await waitForStatus(page, /untrusted agent/, 120_000);
      const fromIndicator = s.matchedAt - s.firstSeenAt;
      console.log(`      restart: "${s.text}" ${fromIndicator} ms after the indicator appeared (shown: ${s.seen.join(' | ')}), ${s.matchedAt - loaded} ms after the page was opened`);
      assert.ok(fromIndicator < 1000, `${fromIndicator} ms`);
    });

    it('a committed policy that denies the version shows "policy" and diagnostics on the policy file', async () => {
      writeFileSync(path.join(d.workspace, '.agent-xray.json'), JSON.stringify({
        deny: [{ agent: '@anthropic-ai/claude-code', versions: '>=2.1.91 <2.1.198', reason: 'hidden geo/org check' }],
      }, null, 2) + '\n');
      const written = Date.now();
      const s = await waitForStatus(page, /policy: \d+ violation/, 60_000);
      console.log(`      policy: "${s.text}" ${s.matchedAt - written} ms after the file was written`);
      // The deny entry, and the default failOn (untrusted) for both untrusted agents.
      assert.match(s.text, /policy: 3 violations/);
      await page.locator('.part.editor').click();
      await page.keyboard.press('Control+Shift+M');
      const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
      await filter.fill('Policy violation');
      const rows = await rowsWith(page.locator('.markers-panel .monaco-list-row'), [/\.agent-xray\.json/, /denied by the policy/]);
      assert.match(rows, /\.agent-xray\.json/);
      assert.match(rows, /denied by the policy/);
      await filter.fill('');
    });

    it('an agent installed while the editor is open is found and scanned', async () => {
      // What `npm install @openai/codex` leaves behind, with a benign fixture for its code.
      const pkg = path.join(d.workspace, 'node_modules', '@openai', 'codex');
      mkdirSync(path.join(pkg, 'bin'), { recursive: true });
      copyFileSync(path.join(root, 'test', 'fixtures', 'benign', 'date-display.js'), path.join(pkg, 'bin', 'codex.js'));
      writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@openai/codex', version: '0.99.0', bin: { codex: 'bin/codex.js' } }));
      const manifest = path.join(d.workspace, 'package.json');
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies: Record<string, string> };
      json.dependencies['@openai/codex'] = '0.99.0';
      writeFileSync(manifest, JSON.stringify(json, null, 2) + '\n');
      writeFileSync(path.join(d.workspace, 'node_modules', '.package-lock.json'), JSON.stringify({ name: 'my-app', lockfileVersion: 3, packages: {} }));
      const installed = Date.now();
      await page.keyboard.press('F1');
      await page.keyboard.type('Agent X-Ray: Show Report');
      await page.keyboard.press('Enter');
      const row = page.locator('.sidebar .monaco-list-row').filter({ hasText: 'Codex CLI 0.99.0' }).first();
      await row.waitFor({ timeout: 60_000 });
      console.log(`      rescan: "Codex CLI 0.99.0" in the report ${Date.now() - installed} ms after the install`);
      assert.match(await statusText(page), /policy: 3 violations/);
    });
  });

  describe('with only clean agents', () => {
    it('says trusted', async function () {
      const d = dirsIn(path.join(tmp, 'clean'));
      plantClean(d);
      install(d);
      const server = await startCodeServer(d, 20_000 + Math.floor(Math.random() * 1000));
      try {
        const page = await open(server);
        const s = await waitForStatus(page, /Agents trusted|untrusted|review/, 300_000);
        assert.match(s.text, /Agents trusted/);
        await page.close();
      } finally {
        await server.stop();
      }
    });
  });
});
