/**
 * `xxgk-check --compare 去年 今年`: a pair made here from sample 000 (湘潭县卫生健康局 2022). Last year's
 * copy has every 2022 turned into 2021 and 行政许可 150 instead of 213; this year's is the sample with
 * one paragraph rewritten and one sentence whose year was left at 2021. Expected: one changed cell
 * (150 → 213, +63, +42 %), the rewritten paragraph not copied, the untouched ones copied, the stale
 * sentence on line 13, no section added or missing, the carry-over link holding (R4 and R2 all 0).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Comparison } from '../../server/src/engine';
import { runCli, SAMPLE, sampleText, tempDir, writeTree } from './support/cli';

const sample = sampleText(SAMPLE.s000);
const REWRITTEN = '认真落实政府信息公开审核制度，明确各环节工作职责和责任人员';
const STALE = '2022年，湘潭县卫生健康局规范依申请公开';

function pair(): { dir: string; remove: () => void } {
  assert.equal(sample.split('\t213').length, 2, 'one 行政许可 cell of 213');
  assert.ok(sample.includes(REWRITTEN) && sample.includes(STALE));
  const previous = sample.replaceAll('2022', '2021').replace('\t213', '\t150');
  const current = sample
    .replace(STALE, STALE.replace('2022', '2021'))
    .replace(REWRITTEN, '今年我局新建了信息发布审核台账，逐条登记发布时间、审核人员与发布渠道，按月通报');
  const t = tempDir();
  writeTree(t.dir, { '2021年度报告.txt': previous, '2022年度报告.txt': current });
  return t;
}

type Json = Comparison & { files: { previous: string; current: string } };

function compareJson(dir: string, ...extra: string[]): Json {
  const r = runCli(['--compare', '--format', 'json', ...extra, '2021年度报告.txt', '2022年度报告.txt'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Json;
}

test('json: the changed cell with change and per cent; every other cell unchanged', () => {
  const t = pair();
  try {
    const c = compareJson(t.dir);
    assert.deepEqual(c.files, { previous: '2021年度报告.txt', current: '2022年度报告.txt' });
    assert.deepEqual(c.previous, { body: '湘潭县卫生健康局', year: 2021, version: '2021' });
    assert.deepEqual(c.current, { body: '湘潭县卫生健康局', year: 2022, version: '2021' });
    assert.deepEqual(c.notes, []);
    const changed = c.cells.filter((x) => x.previous !== x.current);
    assert.equal(changed.length, 1, JSON.stringify(changed));
    const [cell] = changed;
    assert.equal(cell.id, 'active.art20_5.licensing.decisions');
    assert.equal(cell.label, '主动公开·行政许可·本年处理决定数量');
    assert.deepEqual([cell.previous, cell.current, cell.change, cell.percent, cell.large], [150, 213, 63, 42, false]);
    // The 213 is on line 52 of the sample (0-based 51), after a TAB.
    assert.deepEqual(cell.currentRange, { start: { line: 51, character: 1 }, end: { line: 51, character: 4 } });
    assert.deepEqual(cell.previousRange, { start: { line: 51, character: 1 }, end: { line: 51, character: 4 } });
    assert.deepEqual(c.rows, []);
    assert.deepEqual(c.unmatched, { previousOnly: [], currentOnly: [] });
    assert.deepEqual(c.sections, []);
    assert.ok(c.carryOver.length === 7 && c.carryOver.every((l) => l.holds === true && l.previous === 0 && l.current === 0));
    assert.equal(compareJson(t.dir, '--threshold', '40').cells.find((x) => x.id === cell.id)!.large, true, '42 % is over a 40 % threshold');
    writeTree(t.dir, { '.xxgkrc.json': JSON.stringify({ compareThreshold: 40 }) });
    const configured = compareJson(t.dir);
    assert.equal(configured.threshold, 40, 'the config\'s compareThreshold without --threshold');
    assert.equal(configured.cells.find((x) => x.id === cell.id)!.large, true);
  } finally {
    t.remove();
  }
});

test('json: copied paragraphs (numbers and years masked), not the rewritten one; the sentence still naming last year', () => {
  const t = pair();
  try {
    const c = compareJson(t.dir);
    const lines = c.copiedParagraphs.map((p) => p.currentRange.start.line + 1);
    assert.ok(lines.includes(9), 'line 9 differs from last year only in its years: copied');
    assert.ok(lines.includes(19), 'line 19 (平台建设) is word for word last year\'s');
    assert.ok(!lines.includes(22), 'line 22 was rewritten');
    assert.ok(c.copiedParagraphs.every((p) => p.similarity >= 0.9));
    assert.equal(c.staleYears.length, 1, JSON.stringify(c.staleYears));
    assert.equal(c.staleYears[0].year, 2021);
    assert.deepEqual(c.staleYears[0].range, { start: { line: 12, character: 0 }, end: { line: 12, character: 4 } });
    assert.match(c.staleYears[0].sentence, /^2021年，湘潭县卫生健康局规范依申请公开/);
  } finally {
    t.remove();
  }
});

test('text: the pair, the changed cell with its change, the stale sentence; html: a self-contained page', () => {
  const t = pair();
  try {
    const r = runCli(['--compare', '2021年度报告.txt', '2022年度报告.txt'], { cwd: t.dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /上一年度: 2021年度报告\.txt {2}湘潭县卫生健康局 · 2021 · 2021/);
    assert.match(r.stdout, /主动公开·行政许可·本年处理决定数量 \[active\.art20_5\.licensing\.decisions\] {2}150 → 213 {2}\+63 \(\+42%\)/);
    assert.match(r.stdout, /仍写上一年度年份的句子 \(1\)\n {3}第 13 行: 2021年，湘潭县/);
    const out = join(t.dir, 'cmp.html');
    const h = runCli(['--compare', '--format', 'html', '-o', out, '2021年度报告.txt', '2022年度报告.txt'], { cwd: t.dir });
    assert.equal(h.code, 0);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-/);
    assert.doesNotMatch(html, /<script|src=|href=/, 'nothing runs, nothing is loaded');
    assert.match(html, /<tr class="changed" data-id="active\.art20_5\.licensing\.decisions">/);
  } finally {
    t.remove();
  }
});

test('reports of different format versions: common cells compared, the others listed', () => {
  const t = tempDir();
  try {
    writeTree(t.dir, { 'a.txt': sampleText(SAMPLE.s004), 'b.txt': sampleText(SAMPLE.s003) });
    const r = runCli(['--compare', '--format', 'json', 'a.txt', 'b.txt'], { cwd: t.dir });
    const c = JSON.parse(r.stdout) as Json;
    assert.ok(c.notes.includes('other-version') && c.notes.includes('other-body'));
    assert.ok(c.unmatched.previousOnly.includes('active.art20_9.procurement.projects'), '2019 only: 政府集中采购');
    assert.ok(c.unmatched.currentOnly.includes('active.art20_1.regulations.issued'), '2021 only: 本年制发件数');
    assert.ok(c.unmatched.currentOnly.includes('applications.R3.6.1.total'), '2021 only: （六）其他处理 split in three');
    const common = c.cells.find((x) => x.id === 'applications.R3.7.total');
    assert.ok(common && common.previous !== null && common.current !== null, 'the (七)总计 row is compared');
    assert.equal(c.cells.some((x) => x.id === 'active.art20_9.procurement.projects'), false);
  } finally {
    t.remove();
  }
});

test('usage: --compare needs two files and a compare format; html only with --compare; an unreadable file exits 2', () => {
  assert.equal(runCli(['--compare', 'a.txt']).code, 2);
  assert.match(runCli(['--compare', '--format', 'csv', 'a.txt', 'b.txt']).stderr, /text、json 或 html/);
  assert.match(runCli(['--format', 'html', 'samples']).stderr, /只用于 --compare/);
  const r = runCli(['--compare', 'no-such-file.txt', join('samples', SAMPLE.s000)]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /无法读取/);
});
