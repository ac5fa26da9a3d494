/**
 * The table preview's HTML, DOM-free: the page's strict CSP with its nonce and nothing remote, the
 * grids with escaped text, every located cell clickable with its range, a broken total marked with the value
 * it should have and its parts marked lighter, theme colours only through VS Code's CSS variables.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, previewPage, tableHtml, tablesHtml, type PreviewStrings } from '../../client/src/preview/html';
import type { PreviewTable } from '../../server/src/protocol';

const STRINGS: PreviewStrings = {
  title: '表格预览',
  empty: '未找到表格',
  waiting: '正在读取表格…',
  legendTotal: '不相符的合计',
  legendPart: '参与该合计的单元格',
  blank: '（空）',
  missing: '（缺）',
  rowHeader: '行',
  formatVersion: (v) => `${v} 年版`,
  expected: (n) => `应为 ${n}`,
  reveal: '在编辑器中显示',
};

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

const TABLE: PreviewTable = {
  id: 'applications',
  name: '收到和处理政府信息公开申请情况',
  version: '2019',
  columns: ['自然人', '总计'],
  rows: [
    { id: 'R3.1', label: '（一）予以公开', labelRange: range(32, 0, 7), cells: [
      { text: '4', range: range(32, 22, 23), mark: 'part', expected: null, kind: 'number' },
      { text: '', range: range(32, 30, 30), mark: null, expected: null, kind: 'blank' },
    ] },
    { id: 'R3.7', label: '（七）总计', labelRange: range(51, 0, 5), cells: [
      { text: '0', range: range(51, 8, 9), mark: 'total', expected: 4, kind: 'number' },
      { text: '<b>', range: range(51, 12, 15), mark: null, expected: null, kind: 'text' },
    ] },
    { id: 'R4', label: '四、结转下年度继续办理', labelRange: null, cells: [
      { text: '', range: null, mark: null, expected: null, kind: 'missing' },
      { text: '', range: null, mark: null, expected: null, kind: 'missing' },
    ] },
  ],
};

test('escapeHtml leaves no markup', () => {
  assert.equal(escapeHtml(`<script>"a" & 'b'</script>`), '&#60;script&#62;&#34;a&#34; &#38; &#39;b&#39;&#60;/script&#62;');
});

test('a broken total: error-marked, clickable with its range, the expected value shown', () => {
  const html = tableHtml(TABLE, STRINGS);
  assert.ok(html.includes(
    '<td class="cell number total" tabindex="0" role="button" data-start-line="51" data-start-character="8" data-end-line="51" data-end-character="9"'
    + ' title="在编辑器中显示: （七）总计 · 自然人"><span class="value">0</span><span class="expected">应为 4</span></td>',
  ), html);
  // Its part: marked lighter, no expected value.
  assert.ok(html.includes('<td class="cell number part" tabindex="0" role="button" data-start-line="32" data-start-character="22" data-end-line="32" data-end-character="23" title="在编辑器中显示: （一）予以公开 · 自然人"><span class="value">4</span></td>'));
});

test('header, labels, blank, text and missing cells; a missing row is not clickable', () => {
  const html = tableHtml(TABLE, STRINGS);
  assert.ok(html.startsWith('<section class="table" data-table="applications"><h2>收到和处理政府信息公开申请情况 <span class="version">2019 年版</span></h2>'));
  assert.ok(html.includes('<thead><tr><th scope="col">行</th><th scope="col">自然人</th><th scope="col">总计</th></tr></thead>'));
  assert.ok(html.includes('<th scope="row" class="label" tabindex="0" role="button" data-start-line="51" data-start-character="0" data-end-line="51" data-end-character="5" title="在编辑器中显示: （七）总计">（七）总计</th>'));
  assert.ok(html.includes('<span class="value">（空）</span>'), 'a blank cell says so');
  assert.ok(html.includes('<td class="cell text" tabindex="0" role="button" data-start-line="51" data-start-character="12" data-end-line="51" data-end-character="15" title="在编辑器中显示: （七）总计 · 总计"><span class="value">&#60;b&#62;</span></td>'));
  assert.ok(html.includes('<tr data-row="R4"><th scope="row" class="label missing-row">四、结转下年度继续办理</th><td class="cell missing"><span class="value">（缺）</span></td>'));
  assert.equal([...html.matchAll(/<tr\b/g)].length, 4, 'header + three rows');
});

test('Table 1 (no column header) pads short rows; no tables gives the note; the legend comes first', () => {
  const active: PreviewTable = {
    id: 'active', name: '主动公开政府信息情况', version: '2021', columns: [],
    rows: [
      { id: 'a.1', label: '规章（本年制发件数 / 本年废止件数 / 现行有效件数）', labelRange: range(1, 0, 2), cells: [0, 1, 2].map((i) => ({ text: String(i), range: range(1, 4 + i * 2, 5 + i * 2), mark: null, expected: null, kind: 'number' as const })) },
      { id: 'b.1', label: '行政许可（本年处理决定数量）', labelRange: range(2, 0, 4), cells: [{ text: '957', range: range(2, 5, 8), mark: null, expected: null, kind: 'number' }] },
    ],
  };
  const html = tableHtml(active, STRINGS);
  assert.ok(!html.includes('<thead>'));
  assert.ok(html.includes('<span class="value">957</span></td><td class="cell none"></td><td class="cell none"></td></tr>'));
  assert.equal(tablesHtml([], STRINGS), '<p class="note">未找到表格</p>');
  assert.ok(tablesHtml([TABLE], STRINGS).startsWith('<p class="legend"><span class="swatch total"></span>不相符的合计 <span class="swatch part"></span>参与该合计的单元格</p><section'));
});

test('the page: strict CSP with the nonce on its one style and one script, nothing remote, theme variables only', () => {
  const page = previewPage({ nonce: 'bm9uY2U=', lang: 'zh-cn', strings: STRINGS });
  assert.ok(page.includes(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-bm9uY2U=&#39;; script-src &#39;nonce-bm9uY2U=&#39;;">`));
  assert.deepEqual([...page.matchAll(/<(script|style)\b([^>]*)>/g)].map((m) => [m[1], m[2]]), [['style', ' nonce="bm9uY2U="'], ['script', ' nonce="bm9uY2U="']]);
  assert.doesNotMatch(page, /https?:|\bsrc=|<link|@import|url\(/, 'nothing loaded from anywhere');
  assert.doesNotMatch(page, /\bon\w+=/, 'no inline event handlers');
  assert.ok(page.includes('<html lang="zh-cn">'));
  assert.ok(page.includes('<div id="tables"><p class="note">正在读取表格…</p></div>'));
  // Colours come from the theme: every colour in the style is a VS Code variable.
  const style = /<style[^>]*>([\s\S]*?)<\/style>/.exec(page)![1];
  for (const decl of style.matchAll(/(?:^|[;{\s])(color|background(?:-color)?|outline|border(?:-\w+)?)\s*:\s*([^;}]+)/g)) {
    if (/^(?:collapse|none|0)$/.test(decl[2].trim())) continue;
    assert.match(decl[2], /var\(--vscode-/, `${decl[1]}: ${decl[2]}`);
  }
  // The script posts `ready` on load and `reveal` with the clicked element's range.
  assert.match(page, /vscode\.postMessage\(\{ type: 'ready' \}\)/);
  assert.match(page, /closest\('\[data-start-line\]'\)/);
});
