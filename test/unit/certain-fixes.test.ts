/**
 * Certain or a suggestion (issue 23) on copies of real/04 (a web table that writes every zero as a blank), each
 * copy changed here, never the file itself. A safe fix writes only the value the report's identities allow;
 * anything else is a suggestion showing its value. Expected figures checked by hand against the spec (§4.1):
 * （一）予以公开 258 + 12 + 1 + 1 = 272; the 自然人 outcomes 258 + 3 + 14 + 5 + 3 + 10 + 252 + 44 + 25 + 148 + 5 = 767
 * = （七）总计; balance 自然人 821 + 18 = 767 + 72; row 一 821 + 35 + 2 + 1 = 859.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, check, parseReport, safeFixEdits, type CheckResult } from '../../server/src/engine';
import { certainOrSuggested } from '../../server/src/engine/fixes';
import type { FindingDraft } from '../../server/src/engine/rules/types';

const REAL04 = readFileSync(join(__dirname, '../fixtures/real/04_shanghai-gov-general-office-2019.txt'), 'utf8');
const R31 = '三、本年度办理结果\t（一）予以公开\t258\t12\t\t\t1\t1\t';

/** The copy with `from` (which occurs once) replaced by `to`. */
function mutant(from: string, to: string, text = REAL04): string {
  assert.equal(text.split(from).length, 2, `${JSON.stringify(from)} occurs once`);
  return text.replace(from, to);
}

/** `--fix`: the safe fixes, checked again until nothing changes. */
function fixAll(text: string): string {
  for (let pass = 0; pass < 5; pass++) {
    const next = applyEdits(text, safeFixEdits(check(text).findings));
    if (next === text) break;
    text = next;
  }
  return text;
}

/** A Table 2 row's cells as written in the text, by row id. */
function cells(r: CheckResult, rowId: string): string[] | undefined {
  const row = r.report.tables.applications?.rows.find((x) => x.id === rowId);
  return row?.cells?.map((c) => r.report.text.slice(c.span.start, c.span.end));
}

for (const blank of ['', '/', '—', '无']) {
  test(`real/04 with （一）予以公开·自然人 258 written as ${JSON.stringify(blank)}: --fix leaves it and its row total blank, 258 is a suggestion`, () => {
    const text = mutant(R31, R31.replace('\t258\t', `\t${blank}\t`));
    const before = check(text);
    // The identities that read the gap are reported as before: 767 − 258 = 509.
    assert.ok(before.findings.some((f) => f.code === 'item-total' && f.message.includes('应为 509，实为 767')));
    const fixed = check(fixAll(text));
    const r31 = cells(fixed, 'R3.1');
    assert.deepEqual(r31, [blank, '12', '0', '0', '1', '1', ''], 'the gap and the total that depends on it stay blank; never 0 and 14');
    // The gap is still reported, and 258 is offered to a person only.
    const blankFinding = fixed.findings.find((f) => f.code === 'cell-blank');
    assert.ok(blankFinding, 'cell-blank still reported');
    const offered = blankFinding.suggestions.flatMap((s) => s.edits.map((e) => [e.range.start.line + 1, e.newText]));
    assert.deepEqual(offered, [[52, '258']]);
    assert.match(blankFinding.suggestions[0].title, /「（一）予以公开」的「自然人」填为 258/);
    assert.ok(fixed.findings.some((f) => f.code === 'item-total' && f.message.includes('应为 509，实为 767')), 'the broken identity is still reported');
    // Everywhere else the zeros written as blanks are filled: 一 reads 821 35 0 0 2 1 859.
    assert.deepEqual(cells(fixed, 'R1'), ['821', '35', '0', '0', '2', '1', '859']);
  });
}

test('real/04 with the row total 272 written and 258 blanked: the row alone does not settle which blank holds 258, so it stays blank', () => {
  const text = mutant(R31, '三、本年度办理结果\t（一）予以公开\t\t12\t\t\t1\t1\t272');
  const before = check(text);
  assert.ok(before.findings.some((f) => f.code === 'row-total' && f.message.includes('应为 14，实为 272')));
  const fixed = check(fixAll(text));
  assert.deepEqual(cells(fixed, 'R3.1'), ['', '12', '', '', '1', '1', '272'], 'the row\'s blanks are in a broken identity: none is filled');
  const suggestions = before.findings.filter((f) => f.code === 'cell-blank').flatMap((f) => f.suggestions).map((s) => s.edits.map((e) => e.newText).join());
  assert.deepEqual(suggestions, ['258']);
});

test('real/04 with 一·自然人 821 blanked: balance settles it (821 + 18 = 767 + 72) and the row agrees (859 − 35 − 2 − 1)', () => {
  const text = mutant('本年新收政府信息公开申请数量\t821\t', '本年新收政府信息公开申请数量\t\t');
  const fixed = check(fixAll(text));
  assert.deepEqual(cells(fixed, 'R1'), ['821', '35', '0', '0', '2', '1', '859']);
  assert.deepEqual(cells(fixed, 'R3.1'), ['258', '12', '0', '0', '1', '1', '272']);
  assert.deepEqual(fixed.findings.filter((f) => ['row-total', 'item-total', 'balance', 'cell-blank'].includes(f.code)).map((f) => f.message), []);
});

test('real/04 with blank totals: （七）总计·自然人 767 and 一·总计 859 are filled with the one value their identities allow', () => {
  for (const [from, to, row, expected] of [
    ['（七）总计\t767\t', '（七）总计\t\t', 'R3.7', ['767', '35', '0', '0', '2', '1', '805']],
    ['\t2\t1\t859', '\t2\t1\t', 'R1', ['821', '35', '0', '0', '2', '1', '859']],
  ] as const) {
    const fixed = check(fixAll(mutant(from, to)));
    assert.deepEqual(cells(fixed, row), expected, from);
    assert.deepEqual(fixed.findings.filter((f) => ['row-total', 'item-total', 'balance', 'cell-blank'].includes(f.code)).map((f) => f.message), [], from);
  }
});

test('a table that writes its zeros: a blank part with its row total and other parts known is the difference, a safe fix', () => {
  const filled = fixAll(REAL04);
  const line = '三、本年度办理结果\t（一）予以公开\t258\t12\t0\t0\t1\t1\t272';
  const text = mutant(line, line.replace('\t258\t', '\t\t'), filled);
  const finding = check(text).findings.find((f) => f.code === 'cell-blank');
  assert.ok(finding?.fix, 'a safe fix');
  assert.deepEqual(finding.fix.edits.map((e) => e.newText), ['258']);
  assert.equal(fixAll(text), filled);
});

test('a table that writes its zeros: a blank part and its blank row total are settled by their columns and written together', () => {
  const filled = fixAll(REAL04);
  const line = '三、本年度办理结果\t（一）予以公开\t258\t12\t0\t0\t1\t1\t272';
  const text = mutant(line, '三、本年度办理结果\t（一）予以公开\t\t12\t0\t0\t1\t1\t', filled);
  const blanks = check(text).findings.filter((f) => f.code === 'cell-blank');
  assert.equal(blanks.length, 2);
  // Each fix writes both: written alone, 258 would break the row's blank total read as 14, and 272 the row.
  for (const f of blanks) assert.deepEqual(f.fix?.edits.map((e) => e.newText).sort(), ['258', '272']);
  assert.equal(fixAll(text), filled);
});

test('a table that writes its zeros: a lone blank no identity settles gets 0 only as a suggestion', () => {
  const filled = fixAll(REAL04);
  // Both 自然人 and 总计 of （一） blank and a wrong （七）总计: the column no longer settles either.
  const line = '三、本年度办理结果\t（一）予以公开\t258\t12\t0\t0\t1\t1\t272';
  const text = mutant('（七）总计\t767\t35\t0\t0\t2\t1\t805', '（七）总计\t760\t35\t0\t0\t2\t1\t805', mutant(line, '三、本年度办理结果\t（一）予以公开\t\t12\t0\t0\t1\t1\t', filled));
  const blanks = check(text).findings.filter((f) => f.code === 'cell-blank');
  assert.equal(blanks.length, 2);
  assert.deepEqual(blanks.map((f) => f.fix), [undefined, undefined]);
  assert.equal(applyEdits(text, safeFixEdits(check(text).findings)), text);
});

test('the fix engine turns any rule\'s uncertain cell fix into a suggestion showing its values (never 0 and 14)', () => {
  const text = mutant(R31, R31.replace('\t258\t', '\t\t'));
  const report = parseReport(text);
  const row = report.tables.applications?.rows.find((x) => x.id === 'R3.1');
  assert.ok(row?.cells);
  const [natural, total] = [row.cells[0], row.cells[6]];
  // What main's cell-blank wrote: 0 into the gap and 14 into the row total.
  const draft: FindingDraft = {
    span: natural.span, message: { key: 'cell-blank.table', args: { table: '表二', count: 2 } },
    fix: { title: { key: 'fix.blankToZero' }, edits: [{ span: natural.span, newText: '0' }, { span: total.span, newText: '14' }] },
  };
  const gated = certainOrSuggested(report, draft);
  assert.equal(gated.fix, undefined);
  assert.deepEqual(gated.suggestions?.[0].title, { key: 'fix.unconfirmed', args: { values: '0、14' } });
  assert.deepEqual(gated.suggestions?.[0].edits, draft.fix?.edits);
  // A fix writing no table cell is not the certainty rule's concern.
  const heading: FindingDraft = { ...draft, fix: { title: { key: 'fix.renumber', args: { numeral: '一' } }, edits: [{ span: { start: 0, end: 0 }, newText: '一、' }] } };
  assert.equal(certainOrSuggested(report, heading), heading);
});
