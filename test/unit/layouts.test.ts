/** Every table layout met in practice, in both format versions, read cell by cell. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parseReport, type Report } from '../../server/src/engine';
import { buildReport, CONSISTENT, CONSISTENT_REVIEW, type Layout } from './support/build-report';

const values = (r: Report, table: 'applications' | 'review' | 'active', id: string) =>
  r.tables[table]?.rows.find((x) => x.id === id)?.cells?.map((c) => c.value);

for (const layout of ['tab', 'pipe', 'markdown', 'cells', 'spaced'] as Layout[]) {
  for (const version of ['2019', '2021'] as const) {
    for (const groupsInline of [false, true]) {
      test(`${layout} rows, ${version} format${groupsInline ? ', group labels sharing a line' : ''}: every cell read, no finding`, () => {
        const text = buildReport({ layout, version, groupsInline, active: { 'art20_1.regulations': version === '2019' ? [1, 2, 3] : [4, 5, 6] } });
        const r = parseReport(text);
        assert.equal(r.version.used, version);
        assert.equal(r.sections.length, 6);
        const rows = r.tables.applications?.rows ?? [];
        assert.equal(rows.length, version === '2019' ? 23 : 25);
        for (const [id, v] of Object.entries(CONSISTENT)) assert.deepEqual(values(r, 'applications', id), v, id);
        assert.deepEqual(values(r, 'review', 'cases'), CONSISTENT_REVIEW);
        assert.deepEqual(values(r, 'active', 'art20_1.regulations'), version === '2019' ? [1, 2, 3] : [4, 5, 6]);
        assert.equal(r.tables.active?.rows.length, version === '2019' ? 8 : 6);
        assert.deepEqual(check(text).findings.map((f) => `${f.code} ${f.message}`), []);
      });
    }
  }
}

const base = buildReport();

test('CRLF line ends and a BOM: ranges stay exact on the original text', () => {
  const text = '\uFEFF' + buildReport({ eol: '\r\n', values: { 'R3.7': [3, 1, 0, 0, 0, 0, 5] } });
  const f = check(text).findings.find((x) => x.code === 'row-total');
  assert.ok(f);
  assert.equal(text.slice(f.span.start, f.span.end), '5');
  const line = text.split('\r\n')[f.range.start.line];
  assert.equal(line.slice(f.range.start.character, f.range.end.character), '5');
});

test('full-width digits and brackets are read as numbers, ranges on the original characters', () => {
  const text = base.replace('一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4', '一、本年新收政府信息公开申请数量\t３\t１\t０\t０\t０\t０\t５');
  assert.notEqual(text, base);
  const f = check(text).findings.filter((x) => x.code === 'row-total');
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].span.start, f[0].span.end), '５');
  assert.match(f[0].message, /应为 4，实为 5/);
});

test('values wrapped onto the next line (sample 003) belong to the row above', () => {
  const text = base.replace('（一）予以公开\t2\t1\t0\t0\t0\t0\t3', '（一）予以公开\t\t\t\t\t\t\t\n\t2\t1\t0\t0\t0\t0\t3');
  assert.notEqual(text, base);
  const r = parseReport(text);
  assert.deepEqual(values(r, 'applications', 'R3.1'), [2, 1, 0, 0, 0, 0, 3]);
  assert.deepEqual(check(text).findings, []);
});

test('a label broken over two lines is joined', () => {
  const text = base.replace('1.属于国家秘密\t0', '1.属于国家\n秘密\t0');
  assert.notEqual(text, base);
  const r = parseReport(text);
  assert.deepEqual(values(r, 'applications', 'R3.3.1'), [0, 0, 0, 0, 0, 0, 0]);
  assert.equal(r.tables.applications?.missing.length, 0);
});

test('spaced-out labels, half-width brackets and 1、 numbering are matched', () => {
  const text = base.replace('（一）予以公开', '(一) 予 以 公 开').replace('2.重复申请', '2、重复申请').replace('三、本年度办理结果', '三 、本 年 度办 理 结果');
  const r = parseReport(text);
  assert.deepEqual(values(r, 'applications', 'R3.1'), [2, 1, 0, 0, 0, 0, 3]);
  assert.deepEqual(values(r, 'applications', 'R3.5.2'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(check(text).findings, []);
});

test('markdown bold markers, page footers and blank lines inside a table are ignored', () => {
  const text = base
    .replace('二、上年结转政府信息公开申请数量', '\n- 3 -\n\n**二、上年结转政府信息公开申请数量**')
    .replace('三、收到和处理政府信息公开申请情况', '**三、收到和处理政府信息公开申请情况**');
  const r = parseReport(text);
  assert.deepEqual(values(r, 'applications', 'R2'), [1, 0, 0, 0, 0, 0, 1]);
  assert.equal(r.sections.length, 6);
  assert.deepEqual(check(text).findings, []);
});

test('blank markers read as 0 with a warning; units and thousands separators are numbers', () => {
  const text = base
    .replace('二、上年结转政府信息公开申请数量\t1\t0\t0', '二、上年结转政府信息公开申请数量\t1\t/\t—')
    .replace('一、本年新收政府信息公开申请数量\t3', '一、本年新收政府信息公开申请数量\t3件');
  const r = parseReport(text);
  assert.deepEqual(values(r, 'applications', 'R2'), [1, 0, 0, 0, 0, 0, 1]);
  const codes = check(text).findings.map((f) => f.code);
  assert.deepEqual(codes, ['cell-unit', 'cell-blank', 'cell-blank']);
  const big = parseReport(base.replace('1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1', '1.本机关不掌握相关政府信息\t1,001\t0\t0\t0\t0\t0\t1,001'));
  assert.deepEqual(values(big, 'applications', 'R3.4.1'), [1001, 0, 0, 0, 0, 0, 1001]);
});

test('numbers printed with single spaces after the label (PDF text) are split into cells', () => {
  const text = base.replace('（七）总计\t3\t1\t0\t0\t0\t0\t4', '（七）总计 3 1 0 0 0 0 4');
  assert.deepEqual(values(parseReport(text), 'applications', 'R3.7'), [3, 1, 0, 0, 0, 0, 4]);
});

test('2019 signed 本年增/减 and a unit in 采购总金额 are accepted', () => {
  const text = buildReport({ version: '2019', active: { 'art20_5.licensing': [38, '-5', 33], 'art20_9.procurement': [2, '251000元'] } });
  const r = parseReport(text);
  assert.deepEqual(values(r, 'active', 'art20_5.licensing'), [38, -5, 33]);
  assert.deepEqual(values(r, 'active', 'art20_9.procurement'), [2, 251000]);
  assert.deepEqual(check(text).findings.map((f) => f.code), ['cell-unit']);
});

test('2021 fee amount may be a decimal; a decimal count is not a number of applications', () => {
  const text = buildReport({ active: { 'art20_8.fees': ['7730.28'] }, values: { R2: [1.5, 0, 0, 0, 0, 0, 1.5] } });
  const f = check(text).findings;
  assert.deepEqual(f.filter((x) => x.code === 'cell-not-number').map((x) => text.slice(x.span.start, x.span.end)), ['1.5', '1.5']);
  assert.equal(values(parseReport(text), 'active', 'art20_8.fees')?.[0], 7730.28);
});
