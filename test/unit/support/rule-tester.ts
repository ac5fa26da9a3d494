/**
 * Per-rule cases, textlint-tester style: texts that must stay silent and texts that must give exactly the
 * expected finding (code, the exact text under its range, and for fixes the text after applying them).
 * Each rule's file under test/unit/rules/ calls `ruleCases` with both kinds; the registry test checks that
 * every rule has such a file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, ruleOf, safeFixEdits, type CheckOptions } from '../../../server/src/engine';
import { buildReport } from './build-report';

export interface Invalid {
  name: string;
  text: string;
  /** The text the finding's range covers ('' for an insertion point). */
  at: string;
  /** Where that text is: its first occurrence at or after this marker (default: the first occurrence). */
  after?: string;
  message?: RegExp;
  severity?: string;
  /** The whole text after applying the finding's safe fix. */
  fixed?: string;
  /** The whole text after applying its first suggestion. */
  suggested?: string;
  count?: number;
  /** Check options besides the text (last year's report, for the rules that compare with it). */
  options?: CheckOptions;
}

/** A text that must give no finding of the rule, alone or with check options. */
export type Valid = string | { readonly text: string; readonly options: CheckOptions };

export const base = buildReport();
export const base2019 = buildReport({ version: '2019' });
export const replace = (from: string, to: string, text = base) => {
  assert.ok(text.includes(from), `fixture text contains ${from}`);
  return text.replace(from, to);
};

function locate(c: Invalid): number {
  const from = c.after ? c.text.indexOf(c.after) + c.after.length : 0;
  assert.ok(!c.after || from >= c.after.length, `${c.name}: marker found`);
  const at = c.at === '' ? from : c.text.indexOf(c.at, from);
  assert.ok(at >= 0, `${c.name}: '${c.at}' found in the case text`);
  return at;
}

export function ruleCases(code: string, cases: { valid: readonly Valid[]; invalid: readonly Invalid[] }): void {
  const rule = ruleOf(code);
  test(`${code}: a rule of the registry, with valid and invalid cases`, () => {
    assert.ok(rule, `${code} is in RULES`);
    assert.ok(cases.valid.length > 0, `${code} has valid cases`);
    assert.ok(cases.invalid.length > 0, `${code} has invalid cases`);
  });
  for (const [i, v] of cases.valid.entries()) {
    test(`${code}: valid #${i + 1} gives no finding`, () => {
      const { text, options } = typeof v === 'string' ? { text: v, options: {} } : v;
      assert.deepEqual(check(text, options).findings.filter((f) => f.code === code).map((f) => f.message), []);
    });
  }
  for (const c of cases.invalid) {
    test(`${code}: ${c.name}`, () => {
      const found = check(c.text, c.options).findings.filter((f) => f.code === code);
      assert.equal(found.length, c.count ?? 1, `${c.name}: ${JSON.stringify(found.map((f) => f.message))}`);
      const f = found[0];
      const start = locate(c);
      assert.deepEqual([f.span.start, c.text.slice(f.span.start, f.span.end)], [start, c.at]);
      if (c.message) assert.match(f.message, c.message);
      if (c.severity) assert.equal(f.severity, c.severity);
      if (c.fixed !== undefined) {
        assert.ok(f.fix, 'has a safe fix');
        assert.equal(applyEdits(c.text, f.fix.edits), c.fixed);
      } else if (rule?.fix !== 'safe') {
        assert.equal(f.fix, undefined, 'no safe fix');
      }
      if (c.suggested !== undefined) {
        assert.ok(f.suggestions.length > 0, 'has a suggestion');
        assert.equal(applyEdits(c.text, f.suggestions[0].edits), c.suggested);
        assert.ok(safeFixEdits(found).length === 0, 'a suggestion is never a safe fix');
      }
    });
  }
}
