/**
 * The synthetic layout fixtures (test/fixtures/layouts, made by scripts/make-layout-fixtures.mjs:
 * the samples' numbers in every layout a reviewer receives) against their hand-checked findings.
 * Fixtures today's engine does not read yet are listed in known-failures.ts and run as TODO.
 * With XXGK_UPDATE=1 the actual findings are written next to them as .actual.json for review.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../server/src/engine';
import { KNOWN_FAILURES } from '../property/support/layouts/known-failures';
import type { LayoutId } from '../property/support/layouts/types';

const DIR = join(__dirname, '../fixtures/layouts');

interface Expected {
  findings: { code: string; line: number; character: number; reason: string }[];
}

const order = (a: { code: string; line: number; character: number }, b: { code: string; line: number; character: number }) =>
  a.line - b.line || a.character - b.character || a.code.localeCompare(b.code);

const names = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

test('every layout has its fixtures in both format versions', () => {
  const layouts: LayoutId[] = ['tab', 'pipe', 'cells', 'spaced', 'pdf-layout', 'reading-order', 'ocr-markdown', 'web-tab', 'glyphs'];
  assert.deepEqual(names, layouts.flatMap((l) => [`${l}-2019.txt`, `${l}-2021.txt`]).sort());
});

for (const name of names) {
  const [, layout, version] = /^(.+)-(2019|2021)\.txt$/.exec(name) ?? [];
  const known = KNOWN_FAILURES[layout as LayoutId]?.fixtures?.[version as '2019' | '2021'];
  test(`layout fixture ${name} gives exactly its hand-checked findings`, known ? { todo: `today's engine: ${known}` } : {}, () => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, name.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected;
    for (const f of expected.findings) assert.ok(f.reason.length > 10, `every expected finding carries a reason (${f.code})`);
    const findings = check(text).findings;
    const actual = findings.map((f) => ({ code: f.code, line: f.range.start.line, character: f.range.start.character })).sort(order);
    if (process.env.XXGK_UPDATE) writeFileSync(join(DIR, name.replace(/\.txt$/, '.actual.json')), JSON.stringify(actual, null, 2));
    const want = expected.findings.map(({ code, line, character }) => ({ code, line, character })).sort(order);
    const show = (xs: typeof actual) => xs.map((f) => `${f.code}@${f.line + 1}:${f.character + 1}`).join(', ') || 'none';
    const wanted = (f: (typeof findings)[number]) =>
      want.some((w) => w.code === f.code && w.line === f.range.start.line && w.character === f.range.start.character);
    const messages = findings.filter((f) => !wanted(f))
      .slice(0, 6).map((f) => `  ${f.severity} ${f.code}@${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`);
    // A compact message rather than a deep diff: the lists can run to hundreds of findings.
    assert.ok(JSON.stringify(actual) === JSON.stringify(want), `${name}: expected ${show(want)}\ngot ${show(actual)}\nunexpected:\n${messages.join('\n')}`);
  });
}
