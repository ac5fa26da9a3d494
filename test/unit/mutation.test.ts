/**
 * Mutation tests over the real samples: every single number changed in Tables 2 and 3 of a
 * consistent sample must be caught on that number or on a total it feeds; every deleted section
 * heading must be reported for its section.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, parseReport, type Cell, type ParsedTable, type Span } from '../../server/src/engine';

const SAMPLES = join(__dirname, '../../samples');
const CONSISTENT = ['000_4be19b291208bb33.txt', '002_931eb61caecda62d.txt', '003_8cda5f95bd011878.txt', '004_fcebe1c6f102ee17.txt'];
const ARITHMETIC = new Set(['row-total', 'item-total', 'balance', 'review-total']);

function cellAt(t: ParsedTable | undefined, rowId: string, col: number): Cell | undefined {
  return t?.rows.find((r) => r.id === rowId)?.cells?.[col];
}

/** The cells a number feeds: its row's 总计, (七)总计 and 结转 of its column and of 总计, its review group's 总计. */
function fedSpans(t: ParsedTable, rowId: string, col: number): Span[] {
  const out: (Cell | undefined)[] = [];
  if (t.id === 'applications') {
    const last = t.rows[0].columns.length - 1;
    for (const r of [rowId, 'R3.7', 'R4']) for (const c of [col, last]) out.push(cellAt(t, r, c));
  } else {
    const group = Math.floor(col / 5);
    out.push(cellAt(t, 'cases', group * 5 + 4));
  }
  return out.filter((c): c is Cell => !!c).map((c) => c.span);
}

for (const name of CONSISTENT) {
  test(`${name}: changing any number of Tables 2 and 3 is caught on it or on a total it feeds`, () => {
    const text = readFileSync(join(SAMPLES, name), 'utf8');
    const base = parseReport(text);
    // A finding counts as new when its code, place or message differs (a total's expected value moved).
    const before = new Set(check(text).findings.map((f) => `${f.code}@${f.span.start}:${f.message}`));
    let mutated = 0;
    for (const id of ['applications', 'review'] as const) {
      const table = base.tables[id];
      assert.ok(table, `${name} has its ${id} table`);
      for (const row of table.rows) {
        row.cells?.forEach((cell, col) => {
          if (cell.kind !== 'number') return;
          const replacement = String((cell.value ?? 0) + 3);
          const changed = text.slice(0, cell.span.start) + replacement + text.slice(cell.span.end);
          const delta = replacement.length - (cell.span.end - cell.span.start);
          const targets = [cell.span, ...fedSpans(table, row.id, col)].map((s) => (s.start > cell.span.start ? s.start + delta : s.start));
          const findings = check(changed).findings.filter((f) => ARITHMETIC.has(f.code) && !before.has(`${f.code}@${f.span.start - (f.span.start > cell.span.start ? delta : 0)}:${f.message}`));
          assert.ok(findings.some((f) => targets.includes(f.span.start)),
            `${name} ${id} ${row.id}[${col}] ${cell.raw}→${replacement}: got ${JSON.stringify(findings.map((f) => [f.code, f.range.start]))}`);
          mutated++;
        });
      }
    }
    assert.ok(mutated >= 15, `${name}: ${mutated} numbers mutated`);
  });

  test(`${name}: deleting any section heading is reported for that section`, () => {
    const text = readFileSync(join(SAMPLES, name), 'utf8');
    const report = parseReport(text);
    assert.equal(report.sections.length, 6);
    for (const s of report.sections) {
      const line = report.lines[s.heading.line];
      const without = text.slice(0, line.start) + text.slice(line.end);
      const numeral = '一二三四五六'[s.no - 1];
      const findings = check(without).findings;
      assert.ok(findings.some((f) => f.code === 'section-missing' && f.message.includes(`第${numeral}部分`)),
        `${name}: deleting heading ${s.no} gives ${JSON.stringify(findings.map((f) => f.code))}`);
    }
  });
}
