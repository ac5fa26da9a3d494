/** table-oversized: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, replace, ruleCases } from '../support/rule-tester';

const RULES = '规章\t0\t0\t0';
/** The report with `line` after 规章 `times` times (rows the template does not have). */
const extra = (line: string, times: number) => replace(RULES, RULES + `\n${line}`.repeat(times));

ruleCases('table-oversized', {
  valid: [
    base,
    // A provincial extra row, a duplicated row and a lead sentence: far below the bound.
    extra('其他主动公开文件\t1\t1\t1', 1),
    extra(RULES, 3),
    // Empty and whitespace-only lines are not table lines.
    extra('\t\t\t', 2000),
  ],
  invalid: [{
    // By hand: the 2021 Table 1 has 30 cells (block （一） 2 + 3 + 2 × 4, （五） 2 + 1 + 1 × 2, （六） 2 + 1 + 2 × 2,
    // （八） 2 + 1 + 1 × 2), so the bound is 4 × 30 + 40 = 160 lines; 3 table lines come before the junk (the
    // anchor, the header, 规章), so the 161st is 垃圾157; the section holds 14 + 1,000 table lines.
    name: '1,000 junk rows after 规章: one finding on the first line over the bound',
    text: replace(RULES, RULES + Array.from({ length: 1000 }, (_, i) => `\n垃圾${i}\t1\t1\t1`).join('')),
    at: '垃圾157\t1\t1\t1', severity: 'warning',
    message: /^「主动公开政府信息情况」所在部分有 1014 行表格样式的内容，远超模板所需（至多约 160 行）/,
  }],
});
