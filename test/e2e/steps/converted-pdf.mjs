// End-to-end step for published files: a PDF printed from sample 004's web page (test/fixtures/convert/) is
// opened, 「作为年报检查」 is run from the command palette, and the converted text opens as a read-only report
// whose findings — the same as the sample's text — are listed in the Problems panel.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PDF = { src: 'test/fixtures/convert/004_fcebe1c6f102ee17.pdf', name: '004_株洲市卫健委年度报告.pdf' };

/** Called while the harness prepares the workspace. */
export function prepareConvertedPdf(ws, ROOT) {
  copyFileSync(join(ROOT, PDF.src), join(ws, PDF.name));
}

/** @param {object} h the harness: page, step, until, notYet, fail, shot, openFile, runCommand, showProblems, problemRow, ROOT, T */
export async function convertedPdf(h) {
  const { page, step, until, notYet, shot, openFile, runCommand, showProblems, problemRow, ROOT, T } = h;
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
  const title = nls['command.checkAsReport'];

  await step(`open the PDF of 004 and run «${title}»: its findings in the Problems panel`, async () => {
    await openFile(PDF.name);
    await runCommand(title);
    await until('the converted report to open in its own tab', async () => {
      const label = await page.$eval('.editor-group-container.active .tab.active', (t) => t.getAttribute('aria-label') || t.textContent || '').catch(() => '');
      return label.includes(`${PDF.name}.txt`) ? label : notYet(label);
    }, T.first);
    await showProblems();
    // Sample 004's (七)总计 row is all zeros: the same finding as on the text, now read from the PDF's table.
    // The text sample is open too: with the rows filtered on the message and the tree collapsed, each file
    // row left has that finding, and the converted document must be one of them.
    const message = '（七）总计的「自然人」应为 4，实为 0';
    await problemRow([message], T.first);
    const collapse = page.locator('.part.panel .codicon-collapse-all, .part.panel [aria-label*="Collapse All"], .part.panel [aria-label*="全部折叠"]').first();
    await until('the Problems panel’s Collapse All button', () => collapse.isVisible());
    await collapse.click();
    await until(`a Problems file row for ${PDF.name}.txt with the finding`, async () => {
      const rows = await page.$$eval('.markers-panel .monaco-list-row', (rs) => rs.map((r) => (r.textContent || '').replace(/\u00a0/g, ' ')));
      return rows.some((r) => r.includes(`${PDF.name}.txt`)) ? rows : notYet(rows);
    }, T.first);
    await shot('15-converted-pdf-004');
  });
}
