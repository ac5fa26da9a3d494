// End-to-end steps for the editor experience, run by ../run.mjs after its own steps, in the same
// code-server workbench: the hover on a broken total, inlay hints on a report written one cell per line, and
// the table preview (opens, marks a broken total with its expected value, a click selects the cell's text).
// Everything is read from the DOM and waited on with timeouts; a screenshot per step in test-output/e2e/.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Sample 000 writes Table 2 one cell per line: line 341 (1-based) is the 自然人 cell of （七）总计. */
const S000 = { src: 'samples/000_4be19b291208bb33.txt', name: '000_政府信息公开工作年度报告.txt' };

/** Called while the harness prepares the workspace: sample 000 is there from the start (quick open indexes it). */
export function prepareEditorExperience(ws, ROOT) {
  copyFileSync(join(ROOT, S000.src), join(ws, S000.name));
}

/**
 * @param {object} h the harness: page, step, until, notYet, fail, shot, openFile, cursorStatus,
 *   ROOT, T (timeouts), S004 (the sample 004 entry)
 */
export async function editorExperience(h) {
  const { page, step, until, notYet, fail, shot, openFile, cursorStatus, ROOT, T, S004 } = h;
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));

  /**
   * Put the cursor on a 1-based line and column with Go to Line (Ctrl+G, `:line:col`). Go to Line counts a
   * full-width character as two columns, the status bar as one: `shown` is the column the status bar reads.
   */
  async function goTo(line, column, shown = column) {
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input');
    // The quick open box that opened the file may still be closing: Ctrl+G must not find it half gone (inert).
    await until('the quick open box to close', async () => !(await widget.isVisible()));
    await page.keyboard.press('Control+G');
    await until('the Go to Line box', async () => (await input.isVisible()) && (await input.isEditable()));
    await input.fill(`:${line}:${column}`);
    // Enter only once the picker has read the line and column (its label names them).
    await until(`Go to Line to offer line ${line}, character ${column}`, async () => {
      const text = (await widget.textContent().catch(() => '')) || '';
      return text.includes(String(line)) && text.includes(String(column)) ? text : notYet(text);
    });
    await page.keyboard.press('Enter');
    await until(`the cursor at Ln ${line}, Col ${shown}`, async () => {
      const s = await cursorStatus();
      return s.includes(`Ln ${line}, Col ${shown}`) ? s : notYet(s);
    });
  }

  /**
   * Is an element of the hover holding `text` inside the hover's visible box, the hover fully faded in?
   * (The hover scrolls: the finding's message and its related cells come first, ours after.)
   */
  const hoverShows = (text) => page.evaluate((text) => {
    const hover = [...document.querySelectorAll('.monaco-hover')].find((h) => (h.textContent || '').includes(text));
    if (!hover) return { error: 'no hover with the text' };
    const target = [...hover.querySelectorAll('p, li')].find((e) => (e.textContent || '').includes(text));
    if (!target) return { error: 'no paragraph with the text' };
    const box = hover.getBoundingClientRect();
    const r = target.getBoundingClientRect();
    const settled = hover.getAnimations({ subtree: true }).every((a) => a.playState !== 'running') && getComputedStyle(hover).opacity === '1';
    const inside = r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.height > 0;
    return inside && settled ? { ok: true } : { error: `inside: ${inside}, settled: ${settled}`, hover: [box.top, box.bottom], text: [r.top, r.bottom] };
  }, text);

  await step('hover on the broken （七）总计 / 自然人 of 004: row, column, identities with ✓ / ✗ and the expected value', async () => {
    await openFile(S004.name);
    // `(七)总计 | 0`: character 8 is visible column 12 (七, 总 and 计 are two columns each); the status bar says Col 9.
    await goTo(52, 12, 9);
    // Show the hover from the keyboard (Ctrl+K Ctrl+I), focus it (again), and scroll it to its end.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const want = ['「（七）总计」行 ·「自然人」列：0', '办理结果合计：（七）总计 0 = （一）予以公开 4 + … = 4 ✗ 此格应为 4', '「四、结转下年度继续办理 · 自然人」应为 1'];
    await until('the hover with the cell’s identities', async () => {
      const all = (await page.locator('.monaco-hover').allTextContents().catch(() => [])).join('\n');
      return want.every((w) => all.includes(w)) ? all : notYet(all.slice(0, 400));
    });
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await until('the hover to have focus', () => page.evaluate(() => !!document.activeElement?.closest('.monaco-hover')));
    await page.keyboard.press('End');
    await until('the identities in view in the hover', async () => {
      const r = await hoverShows(want[1]);
      return r.ok ? r : notYet(r);
    });
    await shot('11-hover-broken-total-004');
    await page.keyboard.press('Escape');
  });

  await step('inlay hints on sample 000 (one cell per line): each number of （七）总计 named by row and column', async () => {
    await openFile(S000.name);
    await goTo(341, 1);
    const wanted = ['（七）总计 · 自然人：', '（七）总计 · 商业企业：', '（七）总计 · 总计：'];
    await until('the inlay hints beside the numbers of （七）总计', async () => {
      const hints = await page.$$eval('.editor-group-container.active .monaco-editor .view-lines .view-line', (ls) =>
        ls.map((l) => (l.textContent || '').replace(/\u00a0/g, ' ').trim()));
      return wanted.every((w) => hints.some((t) => t.startsWith(w) && /\d$/.test(t))) ? hints : notYet(hints.slice(0, 12));
    }, T.first);
    await shot('12-inlay-hints-000');
  });

  const previewTitle = nls['command.showPreview'];
  /** The preview's document, inside the webview's two iframes. */
  const preview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  await step(`the table preview of 004 («${previewTitle}» on the editor title bar): the broken total marked with its expected value`, async () => {
    await openFile(S004.name);
    const button = page.locator(`.editor-group-container.active .editor-actions [aria-label*="${previewTitle}"]`).first();
    await until(`the «${previewTitle}» button on the editor title bar`, () => button.isVisible());
    await button.click();
    const cell = preview().locator('section[data-table="applications"] tr[data-row="R3.7"] td.cell.total').first();
    await until('the preview to mark the （七）总计 / 自然人 cell', async () => {
      const text = await cell.textContent({ timeout: 2000 }).catch(() => null);
      return text === '0应为 4' ? text : notYet(text);
    }, T.first);
    const marks = await preview().locator('td.cell.total').count();
    if (marks < 3) fail(`only ${marks} cells marked as broken totals in the preview`);
    await cell.scrollIntoViewIfNeeded();
    await shot('13-preview-004');
  });

  await step('a click on the marked cell selects line 52, col 9 in the editor', async () => {
    // Move the cursor away first: the click must bring it back.
    await page.locator('.editor-group-container .monaco-editor').first().click({ position: { x: 200, y: 100 } });
    await page.keyboard.press('Control+Home');
    await until('the cursor at Ln 1', async () => ((await cursorStatus()).includes('Ln 1,') ? true : notYet(await cursorStatus())));
    await preview().locator('section[data-table="applications"] tr[data-row="R3.7"] td.cell.total').first().click();
    await until('the cursor on the cell: Ln 52, Col 10 (1 selected)', async () => {
      const s = await cursorStatus();
      return s.includes('Ln 52, Col 10') && s.includes('1 selected') ? s : notYet(s);
    });
    await shot('14-preview-click-004');
  });
}
