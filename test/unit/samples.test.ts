/**
 * The five real reports against their hand-checked expected findings (test/fixtures/samples).
 * With XXGK_UPDATE=1 the actual findings are written next to them as .actual.json for review;
 * the expectation files are never overwritten.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../server/src/engine';

const SAMPLES = join(__dirname, '../../samples');
const EXPECTED = join(__dirname, '../fixtures/samples');

interface Expected {
  findings: { code: string; line: number; character: number; reason: string }[];
}

for (const name of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'))) {
  test(`sample ${name} gives exactly its hand-checked findings`, () => {
    const text = readFileSync(join(SAMPLES, name), 'utf8');
    const expected = JSON.parse(readFileSync(join(EXPECTED, name.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected;
    for (const f of expected.findings) assert.ok(f.reason.length > 10, `every expected finding carries a reason (${f.code})`);
    const actual = check(text).findings
      .filter((f) => !f.code.startsWith('text-') && !['year-mismatch', 'fee-statement-missing', 'carry-over-mismatch'].includes(f.code))
      .map((f) => ({ code: f.code, line: f.range.start.line, character: f.range.start.character }));
    if (process.env.XXGK_UPDATE) writeFileSync(join(EXPECTED, name.replace(/\.txt$/, '.actual.json')), JSON.stringify(actual, null, 2));
    assert.deepEqual(actual, expected.findings.map(({ code, line, character }) => ({ code, line, character })));
  });
}

test('samples with consistent tables have no error', () => {
  for (const name of ['000_4be19b291208bb33.txt', '002_931eb61caecda62d.txt', '003_8cda5f95bd011878.txt']) {
    const errors = check(readFileSync(join(SAMPLES, name), 'utf8')).findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => f.code), [], name);
  }
});
