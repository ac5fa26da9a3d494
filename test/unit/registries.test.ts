/** Closed lists declared once: the table registry and the CLI's format registry, and what derives from them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TABLE_IDS, TABLES, TEMPLATES } from '../../server/src/engine';
import { HELP, parseArgs } from '../../server/src/cli/args';
import { FORMAT_NAMES } from '../../server/src/cli/formats';

test('the table registry lists each table once, in report order, in the section the template gives it', () => {
  assert.deepEqual(TABLE_IDS, ['active', 'applications', 'review']);
  assert.deepEqual(TABLES.map((t) => [t.id, t.section]), [['active', 2], ['applications', 3], ['review', 4]]);
  for (const version of ['2019', '2021'] as const) {
    const withTable = TEMPLATES[version].sections.filter((s) => s.table !== null).map((s) => [s.table, s.no]);
    assert.deepEqual(withTable, [['active', 2], ['applications', 3], ['review', 4]], version);
  }
});

test('table anchors: the line that starts each table, and not a neighbour\'s', () => {
  const anchor = (id: string, key: string, separated = false) => TABLES.find((t) => t.id === id)!.anchor(key, separated);
  assert.equal(anchor('active', '第二十条第一项'), true);
  assert.equal(anchor('active', '第二十条第一项信息内容很长很长'), false, 'a sentence citing the article is not the table');
  assert.equal(anchor('applications', '申请人情况'), true);
  assert.equal(anchor('applications', '本年新收政府信息公开申请数量'), false, 'a row label alone on its line');
  assert.equal(anchor('applications', '本年新收政府信息公开申请数量', true), true);
  assert.equal(anchor('review', '行政复议'), true);
  assert.equal(anchor('review', '申请人情况'), false);
  assert.deepEqual(TABLES.filter((t) => t.versionMarkers).map((t) => t.id), ['active', 'applications']);
});

test('the CLI formats: one list gives the accepted values, the help line and the default', () => {
  assert.deepEqual([...FORMAT_NAMES].sort(), ['compact', 'csv', 'github', 'html', 'json', 'sarif', 'summary', 'text', 'xlsx']);
  assert.match(HELP, /--format text\|json\|sarif\|summary\|github\|csv\|xlsx\|compact\|html {2}输出格式 \/ output format \(default: text\)/);
  // html is the comparison's page: accepted with --compare only.
  for (const name of FORMAT_NAMES.filter((n) => n !== 'html')) {
    const parsed = parseArgs(['--format', name, 'x.txt'], '/');
    assert.ok(parsed !== 'help' && parsed !== 'version' && parsed.format === name, name);
  }
  const plain = parseArgs(['x.txt'], '/');
  assert.ok(plain !== 'help' && plain !== 'version' && plain.format === 'text');
});
