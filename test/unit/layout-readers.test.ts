/**
 * The layout readers (server/src/engine/parse/layouts): each layout met in real reports read back to the
 * same cells as a clean TAB rendering, the best reading kept, and a table no reader can read with
 * confidence reported once (table-unreadable) with nothing else from it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, splitLines, TEMPLATES, type Report, type TableId } from '../../server/src/engine';
import { readApplicationsWrapped } from '../../server/src/engine/parse/layouts/wrapped';
import { foldText } from '../../server/src/engine/text/normalize';
import { buildReport } from './support/build-report';

const REAL = join(__dirname, '../fixtures/real');
const real01 = readFileSync(join(REAL, '01_hongze-district-gov-2023.txt'), 'utf8');

const values = (r: Report, id: TableId) =>
  Object.fromEntries((r.tables[id]?.rows ?? []).map((row) => [row.id, row.cells?.map((c) => c.value) ?? null]));
const replaceOnce = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), `fixture contains ${JSON.stringify(from.slice(0, 40))}`);
  return text.replace(from, to);
};

test('pdftotext -layout: numbers on the first line of a wrapped label, the rest of the label below, are that row\'s', () => {
  // real/01 rewrapped the way other PDFs wrap: 5.要求行政机关确认或重 | 新出具已获取信息 with the numbers on the first
  // line; （二）部分公开 with the numbers mid-label; 1.本机关不掌握 split above and below its numbers.
  let text = replaceOnce(real01, '                 5.要求行政机关确认或重 新出具\n                     已获取信息\n                                       0    0   0   0    0    0   0',
    '                 5.要求行政机关确认或重        0    0   0   0    0    0   0\n                     新出具已获取信息');
  text = replaceOnce(text, '                  （二）部分公开（区分处理的，只计这一情 形，不\n                  计其他情形）\n                                              4    0      0     0   0   0     4',
    '                  （二）部分公开（区分处理的，只计    4    0      0     0   0   0     4\n                  这一情形，不计其他情形）');
  text = replaceOnce(text, '                            1.本机关不掌握相关政府信息   10    0      0     0   0   0     10',
    '                            1.本机关不掌握相关\n                            政府信息     10    0      0     0   0   0     10\n                            的申请');
  const original = check(real01);
  const r = check(text);
  assert.deepEqual(values(r.report, 'applications'), values(original.report, 'applications'));
  assert.deepEqual(r.findings.map((f) => f.code), original.findings.map((f) => f.code));
  // The PDF reader on its own reads every row of it too, each with its seven numbers.
  const lines = splitLines(foldText(text));
  const from = lines.findIndex((l) => l.text.includes('三、收到和处理政府信息公开申请情况'));
  const to = lines.findIndex((l) => l.text.includes('四、政府信息公开行政复议'));
  const wrapped = readApplicationsWrapped(TEMPLATES['2021'], lines, { from: from + 1, to: to - 1 });
  assert.ok(wrapped);
  assert.equal(wrapped.layout, 'pdf-wrapped');
  assert.deepEqual(wrapped.table.missing, []);
  assert.ok(wrapped.table.rows.every((row) => row.cells?.length === 7 && row.extra.length === 0));
  assert.deepEqual(Object.fromEntries(wrapped.table.rows.map((row) => [row.id, row.cells?.map((c) => c.value)])), values(original.report, 'applications'));
});

/** Table 2 as reading-order PDF text: every label on its own line, then every number on its own line. */
function inReadingOrder(text: string, dropOne = false): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const end = lines.findIndex((l) => l.startsWith('四、结转下年度'));
  const rows = lines.slice(start, end + 1).map((l) => l.split('\t'));
  const numbers = rows.flatMap((r) => r.slice(1)).filter((x) => x !== '');
  if (dropOne) numbers.pop();
  return [...lines.slice(0, start), ...rows.map((r) => r[0]).filter((x) => x !== ''), '- 3 -', ...numbers, ...lines.slice(end + 1)].join('\n');
}

test('reading order: labels in one block and numbers in another are dealt out row by row when the identities confirm it', () => {
  const base = buildReport();
  const r = check(inReadingOrder(base));
  assert.equal(r.report.tables.applications?.reading?.layout, 'reading-order');
  assert.deepEqual(values(r.report, 'applications'), values(check(base).report, 'applications'));
  assert.deepEqual(r.findings.map((f) => f.code), []);
});

test('reading order that the identities do not confirm is not trusted: table-unreadable and nothing else from the table', () => {
  // Swap two rows' numbers: the count fits, but the dealt-out rows break their totals.
  const base = buildReport({ values: { R2: [1, 0, 0, 0, 0, 0, 2] } });
  const r = check(inReadingOrder(base, true));
  const codes = r.findings.map((f) => f.code);
  assert.deepEqual(codes, ['table-unreadable']);
  assert.equal(r.report.tables.applications?.reading?.readable, false);
  assert.deepEqual(r.report.tables.applications?.rows, []);
});

test('markdown from OCR: placeholder headers (数据1…), a bogus header row mid-table and one table per row group read as data rows only', () => {
  const tab = buildReport();
  const lines = tab.split('\n');
  const start = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const end = lines.findIndex((l) => l.startsWith('四、结转下年度'));
  const md: string[] = [];
  for (const [i, line] of lines.slice(start, end + 1).entries()) {
    const cells = line.split('\t');
    if (cells.length === 1) { md.push('', `### ${cells[0]}`); continue; }
    const header = i === 12 ? ['项目', '本年新收件数', '上年结转件数', '予以公开', '部分公开', '不予公开', '结转下年度', '总计']
      : ['类别', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'];
    md.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, `| ${cells.join(' | ')} |`);
  }
  const text = [...lines.slice(0, start), ...md, ...lines.slice(end + 1)].join('\n');
  const r = check(text);
  assert.equal(r.report.tables.applications?.reading?.layout, 'markdown');
  assert.deepEqual(values(r.report, 'applications'), values(check(tab).report, 'applications'));
  assert.deepEqual(r.findings.map((f) => f.code), []);
});

test('look-alike glyphs from PDF fonts (Kangxi radicals, compatibility ideographs) read as the ideographs, spans unchanged', () => {
  const sample = readFileSync(join(__dirname, '../../samples/002_931eb61caecda62d.txt'), 'utf8');
  const lookalike = sample.replace(/一/g, '\u2f00').replace(/行/g, '\u2f8f').replace(/目/g, '\u2f6c').replace(/力/g, '\u2f12')
    .replace(/年/g, '\uf98e').replace(/度/g, '\ufa01');
  assert.notEqual(lookalike, sample);
  assert.equal(lookalike.length, sample.length);
  const a = check(sample);
  const b = check(lookalike);
  assert.deepEqual(b.findings.map((f) => [f.code, f.span]), a.findings.map((f) => [f.code, f.span]));
  assert.deepEqual(b.report.headings.map((h) => [h.no, h.span]), a.report.headings.map((h) => [h.no, h.span]));
  assert.deepEqual(values(b.report, 'applications'), values(a.report, 'applications'));
});

test('provincial edits: a label with a bracketed note and an extra row of the body\'s own are read without findings', () => {
  let text = buildReport();
  text = replaceOnce(text, '规章\t0\t0\t0', '规章(设区的市、自治州人民政府应提供相关数据)\t0\t0\t0');
  text = replaceOnce(text, '行政规范性文件\t0\t0\t0', '行政规范性文件\t0\t0\t0\n其他主动公开文件\t5\t1\t9');
  const r = check(text);
  assert.deepEqual(r.findings.map((f) => f.code), []);
  assert.deepEqual(r.report.tables.active?.rows.find((x) => x.id.endsWith('normativeDocs'))?.cells?.map((c) => c.value), [0, 0, 0]);
});

test('an extra Table 2 row the template lacks does not hand its numbers to the row above', () => {
  const text = replaceOnce(buildReport(), '2.重复申请\t0\t0\t0\t0\t0\t0\t0\n', '2.重复申请\t0\t0\t0\t0\t0\t0\t0\n其中：网上申请\t9\t9\t9\t9\t9\t9\t54\n');
  const r = check(text);
  assert.deepEqual(r.findings.map((f) => f.code), []);
  assert.deepEqual(r.report.tables.applications?.rows.find((x) => x.id === 'R3.5.2')?.cells?.map((c) => c.value), [0, 0, 0, 0, 0, 0, 0]);
});

test('every layout of the row reader names itself', () => {
  const layouts = (['tab', 'pipe', 'markdown', 'cells', 'spaced'] as const).map((layout) => check(buildReport({ layout })).report.tables.applications?.reading?.layout);
  // The builder's `markdown` rows have outer pipes but no `|---|` rule row: pipe rows, not a markdown table.
  assert.deepEqual(layouts, ['tab-rows', 'pipe-rows', 'pipe-rows', 'cell-per-line', 'spaced-columns']);
});

test('labels garbled by OCR or a PDF font: the row they resemble, or the one-row gap they fill; never the row above', () => {
  const real04 = readFileSync(join(REAL, '04_shanghai-gov-general-office-2019.txt'), 'utf8');
  // Two characters wrong in each of three labels (拿 for 掌, 倌 for 官, 夏 for 复, 干 for 于, 稈 for 程).
  const garbled = replaceOnce(replaceOnce(replaceOnce(real04, '1.本机关不掌握相关政府信息', '1.本机关不拿握相关政府倌息'),
    '2.重复申请', '2.重夏申请'), '6.属于四类过程性信息', '6.属干四类过稈性信息');
  const a = check(real04);
  const b = check(garbled);
  assert.deepEqual(values(b.report, 'applications'), values(a.report, 'applications'));
  assert.deepEqual(b.findings.map((f) => [f.code, f.span]), a.findings.map((f) => [f.code, f.span]));
  // A label that resembles nothing, alone between two rows read: it is the one row missing there.
  const unknown = replaceOnce(real04, '6.属于四类过程性信息', '6.※※※※※');
  assert.deepEqual(values(check(unknown).report, 'applications'), values(a.report, 'applications'));
});

test('a label that names an earlier row is never taken for the next one by resemblance (本年新收 is not 上年结转)', () => {
  // Row 二 labelled like row 一 (a copy-paste slip): 一 keeps its own numbers; the row alone in 二's place fills it.
  const text = replaceOnce(buildReport(), '二、上年结转政府信息公开申请数量\t', '一、本年新收政府信息公开申请数量\t');
  const r = check(text);
  assert.deepEqual(r.report.tables.applications?.rows.find((x) => x.id === 'R1')?.cells?.map((c) => c.value), [3, 1, 0, 0, 0, 0, 4]);
  assert.deepEqual(r.report.tables.applications?.rows.find((x) => x.id === 'R2')?.cells?.map((c) => c.value), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(r.findings.map((f) => f.code), []);
});

test('pdftotext -layout: a label over four lines with its numbers on a line of their own (fuzz seed 1752011043)', () => {
  // Rendered by the metamorphic suite from a consistent 2019 model: （二）部分公开（ / 区分处理的，只计 / 这一情形，不计其 /
  // 他情形） above a line of numbers. The reading that lost the label (its numbers left over) must not win.
  const text = readFileSync(join(__dirname, '../fixtures/regressions/pdf-layout-label-over-four-lines.txt'), 'utf8');
  const r = check(text);
  assert.deepEqual(r.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
  assert.deepEqual(r.report.tables.applications?.rows.find((x) => x.id === 'R3.2')?.cells?.map((c) => c.value), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(r.report.tables.applications?.missing, []);
});

test('pdftotext -layout: a sub-row label split around its numbers under （六）其他处理 is no 2019 one-row variant (fuzz seed 31337)', () => {
  // Rendered by the metamorphic suite from a consistent 2021 model (shrunk case): （六）其他处理 / 1.申请人无正当理由逾期不 /
  // a line of numbers / 补正、行政机关不再处理其政 / 府信息公开 申请. The numbers are sub-row 1's, not a 2019 row （六）.
  const text = readFileSync(join(__dirname, '../fixtures/regressions/pdf-layout-sub-row-label-around-numbers.txt'), 'utf8');
  const r = check(text);
  assert.deepEqual(r.findings.map((f) => f.code), []);
  const t = r.report.tables.applications;
  assert.equal(t?.variants, undefined);
  assert.deepEqual(t?.rows.filter((x) => x.id.startsWith('R3.6')).map((x) => [x.id, x.cells?.length]), [['R3.6.1', 7], ['R3.6.2', 7], ['R3.6.3', 7]]);
  assert.deepEqual(r.report.version.markers['2019'], []);
});
