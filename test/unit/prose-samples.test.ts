/**
 * The five real reports against their hand-checked prose expectations
 * (test/fixtures/prose/<sample>.prose.json): the findings of the prose rules exactly, and — so that
 * an absence is checked too — every statement tied to a cell, every 其中 sum, every opening year,
 * the statistics period and every fee statement the engine reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, positionAt } from '../../server/src/engine';
import { feeStatements } from '../../server/src/engine/prose/fee';
import { findStatements } from '../../server/src/engine/prose/statements';
import { findSums } from '../../server/src/engine/prose/sums';
import { statedYears } from '../../server/src/engine/prose/years';

const SAMPLES = join(__dirname, '../../samples');
const FIXTURES = join(__dirname, '../fixtures/prose');
const PROSE_CODES = new Set(['text-table-mismatch', 'text-sum', 'year-mismatch', 'fee-statement-missing', 'carry-over-mismatch']);

interface Expected {
  checked: string;
  findings: { code: string; line: number; character: number; sentence: string; cell: string; reason: string }[];
  statements: { target: string; value: number; line: number; character: number; reason: string }[];
  sums: { line: number; character: number; total: number; parts: number[]; reason: string }[];
  years: { line: number; character: number; value: number }[];
  period?: { line: number; character: number; value: number }[];
  fee: { line: number; character: number }[];
}

for (const name of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'))) {
  test(`sample ${name}: the prose rules give exactly the hand-checked findings`, () => {
    const text = readFileSync(join(SAMPLES, name), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, name.replace(/\.txt$/, '.prose.json')), 'utf8')) as Expected;
    assert.ok(expected.checked.length > 20, 'a checked note');
    for (const f of expected.findings) assert.ok(f.reason.length > 10 && f.sentence.length > 0, `${f.code} has its sentence and reason`);
    const { report, findings } = check(text);
    const actual = findings.filter((f) => PROSE_CODES.has(f.code))
      .map((f) => ({ code: f.code, line: f.range.start.line, character: f.range.start.character }));
    assert.deepEqual(actual, expected.findings.map(({ code, line, character }) => ({ code, line, character })));

    const pos = (o: number) => positionAt(report.lines, o);
    const statements = findStatements(report).map((s) => ({
      target: s.target.table === 'active' ? `${s.target.id.row}.${s.target.id.columns[0]}` : s.target.id,
      value: s.kind === 'upheld' ? null : s.value, ...pos(s.span.start),
    }));
    assert.deepEqual(statements, expected.statements.map(({ target, value, line, character }) => ({ target, value, line, character })));
    const sums = findSums(report)
      .map((s) => ({ ...pos(s.total.span.start), total: s.total.value, parts: s.parts.map((p) => p.count.value) }));
    assert.deepEqual(sums, expected.sums.map(({ line, character, total, parts }) => ({ line, character, total, parts })));
    const years = statedYears(report);
    assert.deepEqual(years.statements.map((y) => ({ ...pos(y.span.start), value: y.value })), expected.years);
    assert.deepEqual(years.period.map((y) => ({ ...pos(y.span.start), value: y.value })), expected.period ?? []);
    const fee = feeStatements(report);
    assert.deepEqual(
      [...fee.inSix, ...fee.elsewhere].map((s) => pos(s.start)),
      expected.fee.map(({ line, character }) => ({ line, character })),
    );
  });
}
