/**
 * Reports that number their own narrative and then the template's sections again from 一, with a caption
 * under each table heading (test/fixtures/own-numbering, see its README): sections are found by what
 * they are (a title and the table or caption that follows it), one section-structure finding says the
 * numbering departs from the template, the tables under the captions are read, and every one-number change
 * in Tables 2 and 3 is caught on that number or a total it feeds, or falls under one table-unreadable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, type Cell, type ParsedTable, type Span } from '../../server/src/engine';

const DIR = join(__dirname, '../fixtures/own-numbering');
const fixture = (name: string) => readFileSync(join(DIR, `${name}.txt`), 'utf8');
const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);
const ARITHMETIC = new Set(['row-total', 'item-total', 'balance', 'review-total']);

for (const [name, problems] of [['own-numbering-tab', true], ['own-numbering-markdown', false]] as const) {
  test(`${name}: one section-structure finding, no error, and all three tables read`, () => {
    const text = fixture(name);
    const r = check(text);
    assert.deepEqual(r.findings.map((f) => [f.code, f.severity]), [['section-structure', 'warning']]);
    const f = r.findings[0];
    assert.equal(text.slice(f.span.start, f.span.end), '一、总体情况');
    assert.match(f.message, /「一、总体情况」至「六、平台建设」/);
    assert.match(f.message, /「一、主动公开政府信息情况」应为第二部分/);
    assert.equal(text.slice(f.related[0].span.start, f.related[0].span.end), '一、主动公开政府信息情况');
    // Sections by what they are: 一 is the list's first item; 二–四 the renumbered table headings; 六 is 五、其他….
    const expected: [number, string][] = [
      [1, '一、总体情况'], [2, '一、主动公开政府信息情况'], [3, '二、收到和处理政府信息公开申请情况'],
      [4, '三、政府信息公开行政复议、行政诉讼情况'], ...(problems ? [[5, '存在的主要问题及改进情况']] as [number, string][] : []),
      [6, '五、其他需要报告的事项'],
    ];
    assert.deepEqual(r.report.sections.map((s) => [s.no, s.heading.line]), expected.map(([no, line]) => [no, lineOf(text, line)]));
    // The captions are captions, not headings.
    assert.deepEqual(r.report.captions?.map((c) => c.no), [2, 3, 4]);
    for (const id of ['active', 'applications', 'review'] as const) assert.equal(r.report.tables[id]?.reading?.readable, true, id);
    // The numbers as written (real/06's): row 一 and the review row.
    const t2 = r.report.tables.applications!;
    assert.deepEqual(t2.rows.find((x) => x.id === 'R1')?.cells?.map((c) => c.value), [705, 3, 0, 0, 5, 0, 713]);
    assert.deepEqual(t2.rows.find((x) => x.id === 'R3.7')?.cells?.map((c) => c.value), [710, 3, 0, 0, 5, 0, 718]);
    assert.deepEqual(r.report.tables.review?.rows[0].cells?.map((c) => c.value), [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]);
    assert.deepEqual(r.report.tables.active?.rows.map((x) => x.cells?.map((c) => c.raw).join(' ')),
      ['0 0 0', '6 1 32', '517645', '693957', '2154', '4068.208']);
  });
}

function cellAt(t: ParsedTable, rowId: string, col: number): Cell | undefined {
  return t.rows.find((r) => r.id === rowId)?.cells?.[col];
}

/** The cells a number feeds: its row's 总计, (七)总计 and 四 of its column and of 总计; its review group's 总计. */
function fedSpans(t: ParsedTable, rowId: string, col: number): Span[] {
  const out: (Cell | undefined)[] = [];
  if (t.id === 'applications') {
    for (const r of [rowId, 'R3.7', 'R4']) for (const c of [col, 6]) out.push(cellAt(t, r, c));
  } else {
    out.push(cellAt(t, 'cases', Math.floor(col / 5) * 5 + 4));
  }
  return out.filter((c): c is Cell => !!c).map((c) => c.span);
}

/** Every number of Tables 2 and 3 raised by one: caught, abstained (one table-unreadable) or missed. */
function enumerateMutants(text: string): { caught: number; abstained: number; missed: string[] } {
  const base = check(text);
  const before = new Set(base.findings.map((f) => `${f.code}@${f.span.start}`));
  const out = { caught: 0, abstained: 0, missed: [] as string[] };
  for (const id of ['applications', 'review'] as const) {
    const table = base.report.tables[id]!;
    for (const row of table.rows) {
      row.cells?.forEach((cell, col) => {
        if (cell.kind !== 'number') return;
        const replacement = String((cell.value ?? 0) + 1);
        const delta = replacement.length - (cell.span.end - cell.span.start);
        const changed = text.slice(0, cell.span.start) + replacement + text.slice(cell.span.end);
        const moved = (s: number) => (s > cell.span.start ? s + delta : s);
        const targets = [cell.span, ...fedSpans(table, row.id, col)].map((s) => moved(s.start));
        const r = check(changed);
        if (r.findings.some((f) => f.code === 'table-unreadable' && f.target?.row === id)) {
          out.abstained++;
          return;
        }
        const fresh = r.findings.filter((f) => ARITHMETIC.has(f.code) && !before.has(`${f.code}@${f.span.start > cell.span.start ? f.span.start - delta : f.span.start}`));
        if (fresh.some((f) => targets.includes(f.span.start))) out.caught++;
        else out.missed.push(`${id} ${row.id}[${col}] ${cell.raw}→${replacement}`);
      });
    }
  }
  return out;
}

for (const name of ['own-numbering-tab', 'own-numbering-markdown']) {
  test(`${name}: every one-number change in Tables 2 and 3 is caught or under one table-unreadable (none missed)`, (t) => {
    const result = enumerateMutants(fixture(name));
    t.diagnostic(`${name}: ${result.caught} caught, ${result.abstained} abstained, ${result.missed.length} missed`);
    assert.deepEqual(result.missed, []);
    // 25 rows of 7 numbers and one row of 15: 190 mutants.
    assert.equal(result.caught + result.abstained, 190);
  });
}

test('a caption is never a section heading, and a heading numbered below its place needs its table to be one', () => {
  const text = fixture('own-numbering-tab');
  // Without the tables under them the renumbered headings are not confirmed: no renumbered structure is read.
  const noTables = text.slice(0, text.indexOf('一、主动公开政府信息情况')) + '一、主动公开政府信息情况\n\n本年度无相关数据。\n';
  const r = check(noTables);
  assert.notEqual(r.report.narrative?.shift, 1);
  assert.equal(r.findings.some((f) => f.code === 'section-duplicate' && /表/.test(noTables.slice(f.span.start, f.span.end))), false);
});

test('a table its caption announces that no reader can place: one table-unreadable, no table-missing, nothing read from it', () => {
  const text = fixture('own-numbering-tab');
  const start = text.indexOf('(本列数据的勾稽关系为');
  const end = text.indexOf('三、政府信息公开行政复议');
  // The table printed as an image: only a note is left under the caption.
  const imaged = `${text.slice(0, start)}（表格为图片，详见附件。）\n\n${text.slice(end)}`;
  const r = check(imaged);
  assert.deepEqual(r.findings.map((f) => f.code), ['section-structure', 'table-unreadable']);
  const f = r.findings[1];
  assert.equal(f.target?.row, 'applications');
  assert.equal(imaged.slice(f.span.start, f.span.end), '二、收到和处理政府信息公开申请情况');
  assert.equal(r.report.tables.applications?.rows.length, 0);
  // The other tables are read as before.
  assert.equal(r.report.tables.review?.reading?.readable, true);
});
