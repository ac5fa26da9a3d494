/**
 * Property tests of the engine: check() never throws, every span and range is exact on
 * the original text, a consistent report has no finding, safe fixes are local and idempotent, and a
 * single changed number is caught on it or on a total it feeds. Fixed seed here, random in
 * `npm run fuzz` (see config.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyEdits, check, detectEol, parseReport, safeFixEdits, type Cell, type CheckResult, type ParsedTable, type Span,
} from '../../server/src/engine';
import { fuzzing, params, seed } from './config';
import { anyTextArb, damagedArb, reportArb } from './support/generate';
import { assertResult, mapOffset } from './support/invariants';

if (fuzzing) console.log(`# fuzzing with seed ${seed} (replay: XXGK_FUZZ_SEED=${seed})`);

const ARITHMETIC = new Set(['row-total', 'item-total', 'balance', 'review-total']);
const STRUCTURE = new Set([...ARITHMETIC, 'cell-missing', 'row-missing', 'table-missing', 'section-missing', 'report-truncated']);

test('check() never throws on any text, and every span, range and edit is exact', () => {
  fc.assert(fc.property(anyTextArb, (text) => {
    assertResult(text, check(text));
  }), params(500));
});

test('check() never throws on damaged reports, and every span, range and edit is exact', () => {
  fc.assert(fc.property(damagedArb(), ({ text }) => {
    assertResult(text, check(text));
  }), params(400));
});

test('a generated consistent report is read cell by cell and has no finding at all', () => {
  fc.assert(fc.property(reportArb(), (g) => {
    const r = check(g.text);
    assertResult(g.text, r);
    const report = r.report;
    assert.equal(report.version.used, g.version);
    assert.equal(report.year?.value, g.year);
    assert.deepEqual(report.sections.map((s) => s.no), [1, 2, 3, 4, 5, 6]);
    const apps = report.tables.applications;
    const read = Object.fromEntries((apps?.rows ?? []).map((row) => [row.id, row.cells?.map((c) => c.value)]));
    assert.deepEqual(read, g.values.applications, 'Table 2 read as written');
    assert.deepEqual(report.tables.review?.rows[0].cells?.map((c) => c.value), [...g.values.review], 'Table 3 read as written');
    const active = Object.fromEntries((report.tables.active?.rows ?? []).map((row) => [row.id, row.cells?.map((c) => c.value)]));
    const written = Object.fromEntries(Object.entries(g.values.active).map(([id, xs]) => [id, xs.map((x) => Number(x.replace(/^[−－]/, '-')))]));
    assert.deepEqual(active, written, 'Table 1 read as written');
    assert.deepEqual(r.findings.filter((f) => STRUCTURE.has(f.code)).map((f) => `${f.code} ${f.message}`), [], 'no structural or arithmetic finding');
    assert.deepEqual(r.findings.map((f) => `${f.code} ${f.message}`), [], 'no finding at all');
  }), params(300));
});

/** Findings as `code@offset`, offsets mapped through `edits` into the edited text. */
function keys(findings: readonly { code: string; span: Span }[], map: (o: number) => number[] = (o) => [o]): Set<string> {
  return new Set(findings.flatMap((f) => map(f.span.start).map((o) => `${f.code}@${o}`)));
}

/** New findings a fix-all may legitimately bring (`code@offset` in the fixed text). */
function expectedAfterFix(key: string, before: CheckResult): boolean {
  // A heading inserted where it belongs (before its table) in a report whose order is already broken
  // gets the same section-order warning as its neighbours.
  if (key.startsWith('section-order@')) return before.findings.some((f) => f.code === 'section-order');
  // Without a title year or statistics period, the year is read (weakly, spec §5.1) from the first
  // 20NN年 of section 一, or of the first lines when 一 has no heading; inserting the missing 一 heading
  // after that line leaves no year to read.
  if (!key.startsWith('year-missing@')) return false;
  const { title, text } = before.report;
  const weak = !/\d{4}年度?政府信息公开(?:工作)?(?:年度)?(?:工作)?报告/.test((title?.text ?? '').replace(/\s/g, ''))
    && !/(?:统计期限|统计期|报告期|时间范围)[^。]{0,30}?\d{4}\s*年\s*1\s*月\s*1\s*日/.test(text);
  return weak && before.findings.some((f) => f.code === 'section-missing' && f.target?.row === 'section-1');
}

test('safe fixes: local, line endings kept, idempotent, and they create no new finding', () => {
  fc.assert(fc.property(damagedArb(), ({ text }) => {
    const before = check(text);
    const eol = detectEol(text);
    // Each fix alone changes nothing outside its edits and writes the text's own line ending.
    for (const f of before.findings) {
      if (!f.fix) continue;
      const edits = f.fix.edits.map((e) => ({ span: e.span, newText: e.newText }));
      const lo = Math.min(...edits.map((e) => e.span.start));
      const hi = Math.max(...edits.map((e) => e.span.end));
      const out = applyEdits(text, edits);
      assert.equal(out.slice(0, lo), text.slice(0, lo), `${f.code}: text before the edit kept`);
      assert.equal(out.slice(out.length - (text.length - hi)), text.slice(hi), `${f.code}: text after the edit kept`);
      for (const e of edits) {
        const ends = e.newText.match(/\r\n|\r|\n/g) ?? [];
        assert.ok(ends.every((x) => x === eol), `${f.code}: edit writes ${JSON.stringify(ends)} in a text using ${JSON.stringify(eol)}`);
      }
    }
    const edits = safeFixEdits(before.findings);
    if (!edits.length) return;
    const fixed = applyEdits(text, edits);
    const after = check(fixed);
    assertResult(fixed, after);
    // Idempotent: the fixed text offers no further safe fix.
    const again = safeFixEdits(after.findings);
    assert.equal(applyEdits(fixed, again), fixed, `a second fix-all changes the text again: ${JSON.stringify(after.findings.filter((f) => f.fix).map((f) => `${f.code}@${f.span.start}`))}`);
    // Nothing new: every finding after the fixes was there before (at its mapped position).
    // Nothing new: every finding after the fixes was there before, at its mapped position or with the
    // same message (a cut table's last cell read moves when a blank before it becomes 0).
    const old = keys(before.findings, (o) => mapOffset(o, edits));
    const messages = new Set(before.findings.map((f) => `${f.code} ${f.message}`));
    const fresh = after.findings.filter((f) => !old.has(`${f.code}@${f.span.start}`) && !messages.has(`${f.code} ${f.message}`))
      .map((f) => `${f.code}@${f.span.start}`).filter((k) => !expectedAfterFix(k, before));
    assert.deepEqual(fresh, [], `new findings after fix-all; before: ${JSON.stringify([...old])}`);
  }), params(400));
});

function cellAt(t: ParsedTable | undefined, rowId: string, col: number): Cell | undefined {
  return t?.rows.find((r) => r.id === rowId)?.cells?.[col];
}

/** The cells a number of Table 2 or 3 feeds: its row's 总计, (七)总计 and R4 of its column and of 总计, its group's 总计. */
function fedCells(t: ParsedTable, rowId: string, col: number): Cell[] {
  const out: (Cell | undefined)[] = [];
  if (t.id === 'applications') {
    const last = t.rows[0].columns.length - 1;
    for (const r of [rowId, 'R3.7', 'R4']) for (const c of [col, last]) out.push(cellAt(t, r, c));
  } else {
    out.push(cellAt(t, 'cases', Math.floor(col / 5) * 5 + 4));
  }
  return out.filter((c): c is Cell => !!c);
}

test('one number of Tables 2 and 3 raised by 1…5 is caught on it or on a total it feeds', () => {
  const arb = fc.tuple(reportArb(), fc.boolean(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 }));
  fc.assert(fc.property(arb, ([g, inReview, rowPick, colPick, delta]) => {
    const report = parseReport(g.text);
    const table = report.tables[inReview ? 'review' : 'applications'];
    assert.ok(table);
    const row = table.rows[rowPick % table.rows.length];
    assert.ok(row.cells);
    const col = colPick % row.cells.length;
    const cell = row.cells[col];
    const replacement = String((cell.value ?? 0) + delta);
    const changed = g.text.slice(0, cell.span.start) + replacement + g.text.slice(cell.span.end);
    const shift = replacement.length - (cell.span.end - cell.span.start);
    const moved = (s: Span): Span => {
      if (s.start === cell.span.start) return { start: s.start, end: s.start + replacement.length };
      return s.start > cell.span.start ? { start: s.start + shift, end: s.end + shift } : s;
    };
    const targets = [cell, ...fedCells(table, row.id, col)].map((c) => moved(c.span));
    const result = check(changed);
    assertResult(changed, result);
    const arithmetic = result.findings.filter((f) => ARITHMETIC.has(f.code));
    const hit = arithmetic.find((f) => targets.some((s) => s.start === f.span.start && s.end === f.span.end));
    assert.ok(hit, `${row.id}[${col}] ${cell.raw}→${replacement}: got ${JSON.stringify(arithmetic.map((f) => [f.code, f.span, f.range.start]))}, targets ${JSON.stringify(targets)}`);
    // The range shown is that number, on the original lines.
    const lines = changed.split(/\r\n|\r|\n/);
    assert.match(lines[hit.range.start.line].slice(hit.range.start.character, hit.range.end.character), /^\d+$/);
  }), params(300));
});
