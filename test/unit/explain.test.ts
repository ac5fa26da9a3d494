/** The engine's explanations of a position: the cell, its identities with values, detached numbers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../server/src/engine';
import { cellAt, detachedCells, identitiesOf } from '../../server/src/engine';
import { buildReport } from './support/build-report';

test('a broken (七)总计 cell of sample 004: its row, column and identities, values filled in', () => {
  const r = parseReport(readFileSync(join(__dirname, '../../samples/004_fcebe1c6f102ee17.txt'), 'utf8'));
  const info = cellAt(r, r.lines[51].start + 8);
  assert.ok(info);
  assert.deepEqual([info.row.id, info.column.id, info.cell.raw], ['R3.7', 'natural', '0']);
  const ids = identitiesOf(r, info.table, info.row.id, info.column.id).map((i) => [i.identity.rule, i.formula, i.holds]);
  assert.deepEqual(ids, [
    ['row-total', '总计 0 = 自然人 0 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 0', true],
    ['item-total', '（七）总计 0 = （一）予以公开 4 + … = 4', false],
    ['balance', '一、本年新收政府信息公开申请数量 4 + 二、上年结转政府信息公开申请数量 1 = 5；（七）总计 0 + 四、结转下年度继续办理 0 = 0', false],
  ]);
});

test('a Table 3 cell names its group', () => {
  const text = buildReport();
  const r = parseReport(text);
  const at = r.tables.review!.rows[0].cells![6].span.start;
  const info = cellAt(r, at)!;
  assert.equal(info.column.id, 'direct.corrected');
  assert.deepEqual(identitiesOf(r, info.table, 'cases', 'direct.corrected').map((i) => i.formula),
    ['直接起诉·总计 1 = 直接起诉·结果维持 0 + 直接起诉·结果纠正 1 + 直接起诉·其他结果 0 + 直接起诉·尚未审结 0 = 1']);
});

test('numbers standing apart from their labels get hints; TAB rows get none', () => {
  assert.deepEqual(detachedCells(parseReport(buildReport())), []);
  const cells = detachedCells(parseReport(buildReport({ layout: 'cells' })));
  const text = buildReport({ layout: 'cells' });
  const first = cells.find((c) => c.row === '一、本年新收政府信息公开申请数量');
  assert.ok(first);
  assert.equal(first.column, '自然人');
  assert.equal(text.slice(first.offset, first.offset + 1), '3');
  assert.equal(cells.filter((c) => c.column.startsWith('复议后起诉·')).length, 5);
});

test('outline sections name the official heading beside a variant wording, nothing beside the official one', async () => {
  const { outlineOf } = await import('../../server/src/engine');
  const r = parseReport(readFileSync(join(__dirname, '../../samples/004_fcebe1c6f102ee17.txt'), 'utf8'));
  const sections = outlineOf(r).flatMap((n) => (n.kind === 'section' ? [n] : n.children.filter((c) => c.kind === 'section')));
  assert.deepEqual(sections.map((n) => [n.name, n.detail]), [
    ['一、政府信息公开总体情况', '一、总体情况'],
    ['二、主动公开政府信息情况', undefined],
    ['三、收到和处理政府信息公开申请情况', undefined],
    ['四、政府信息公开行政复议、行政诉讼情况', undefined],
    ['五、存在的主要问题及改进情况', undefined],
    ['六、其他需要报告的事项', undefined],
  ]);
});
