/**
 * Incremental checks (issue 17): a document checked version after version with one `CheckCache` gives, at
 * every version, exactly what a full check of that text gives: the same findings (messages, ranges, fixes)
 * and the same report (headings, sections, tables, narrative numbering, year). Random edit sequences over
 * the samples, the real reports, layout fixtures, a CRLF text and two reports concatenated (every line
 * twice). Fixed seed here, random in `npm run fuzz`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { check, CheckCache, type CheckOptions, type CheckResult } from '../../server/src/engine';
import { ROOT, SAMPLE, sampleText } from '../support/samples';
import { params } from './config';

const fixture = (path: string) => readFileSync(join(ROOT, 'test', 'fixtures', path), 'utf8');

const DOCUMENTS: readonly { readonly name: string; readonly text: string }[] = [
  ...Object.values(SAMPLE).map((name) => ({ name, text: sampleText(name) })),
  { name: 'real/01', text: fixture('real/01_hongze-district-gov-2023.txt') },
  { name: 'real/04', text: fixture('real/04_shanghai-gov-general-office-2019.txt') },
  { name: 'real/06', text: fixture('real/06_shuyang-county-gov-2025-ocr.txt') },
  { name: 'layouts/pdf-layout-2021', text: fixture('layouts/pdf-layout-2021.txt') },
  { name: 'layouts/reading-order-2019', text: fixture('layouts/reading-order-2019.txt') },
  { name: 'layouts/cells-2021', text: fixture('layouts/cells-2021.txt') },
  { name: 'CRLF 002', text: sampleText(SAMPLE.s002).replace(/\r?\n/g, '\r\n') },
  { name: '000 + 003 concatenated', text: `${sampleText(SAMPLE.s000)}\n${sampleText(SAMPLE.s003)}` },
];

/** Pieces that matter to the readers: line breaks of every kind, numbers, headings, 其中, years, separators. */
const PIECES = [
  '\n', '\r\n', '\r', '\n\n', '1', '0', '12', '。', '，', '其中', '约', '2020年', '2023年', '未收到', '行政复议',
  '件', '\t', '|', ' ', '\u3000', '（一）', '二、', '四、', '三、收到和处理政府信息公开申请情况\n', '六、其他需要报告的事项\n',
  '一、强化组织领导\n', '总计', '⼀', '－',
];

type Edit =
  /** `at` is a fraction of the text's length, so one edit applies to any text. */
  | { readonly kind: 'splice'; readonly at: number; readonly remove: number; readonly insert: string }
  /** Change the first year written in the text (the report year, on which every statement depends). */
  | { readonly kind: 'year'; readonly to: string };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
      insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })),
    }).map((e): Edit => ({ kind: 'splice', ...e })),
  },
  { weight: 1, arbitrary: fc.constantFrom('2019', '2020', '2022', '2024').map((to): Edit => ({ kind: 'year', to })) },
);

function apply(text: string, edit: Edit): string {
  if (edit.kind === 'year') return text.replace(/20\d\d/, edit.to);
  const at = Math.min(text.length, Math.floor(edit.at * (text.length + 1)));
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
}

/** What must be equal: every finding and the report as read (lines and text are the input itself). */
function comparable(r: CheckResult) {
  const { report } = r;
  return {
    findings: r.findings,
    cancelled: r.cancelled,
    report: {
      lines: report.lines, folded: report.folded, title: report.title, year: report.year,
      headings: report.headings, sections: report.sections, tables: report.tables,
      version: report.version, narrative: report.narrative, tableLines: [...report.tableLines], content: report.content,
    },
  };
}

const previousText = sampleText(SAMPLE.s003).replace(/2021/g, '2020');

test('an incremental check equals a full check after every edit of random edit sequences', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...DOCUMENTS), fc.array(editArb, { minLength: 1, maxLength: 10 }), fc.constantFrom('zh-CN', 'en'), fc.boolean(),
      (doc, edits, locale, withPrevious) => {
        const cache = new CheckCache();
        const options: CheckOptions = { locale, ...(withPrevious ? { previous: { text: previousText, uri: 'file:///prev.txt' } } : {}) };
        let text = doc.text;
        check(text, { ...options, cache });
        edits.forEach((edit, i) => {
          text = apply(text, edit);
          const incremental = check(text, { ...options, cache });
          const full = check(text, options);
          assert.deepEqual(comparable(incremental), comparable(full), `${doc.name}, after edit ${i + 1} of ${JSON.stringify(edits)}`);
        });
      },
    ),
    params(40, 0.2),
  );
});

test('a cache carries unchanged lines over: headings before an edit are the same objects, after it moved', () => {
  const cache = new CheckCache();
  const text = sampleText(SAMPLE.s002);
  const first = check(text, { cache }).report;
  // One character inserted 30 characters past section 三's heading (in its lead paragraph or table).
  const third = first.headings.find((h) => h.no === 3);
  assert.ok(third);
  const at = third.span.end + 30;
  const second = check(`${text.slice(0, at)}X${text.slice(at)}`, { cache }).report;
  const before = first.headings.filter((h) => h.span.end < at - 10);
  const after = first.headings.filter((h) => h.span.start > at + 10);
  assert.ok(before.length >= 3 && after.length >= 2, 'headings on both sides of the edit');
  for (const h of before) assert.equal(second.headings.find((x) => x.no === h.no), h, `heading ${h.no} before the edit is reused as is`);
  for (const h of after) {
    const moved = second.headings.find((x) => x.no === h.no);
    assert.ok(moved && moved !== h, `heading ${h.no} after the edit is a new object`);
    assert.deepEqual(moved.span, { start: h.span.start + 1, end: h.span.end + 1 });
  }
});

test('a cache gives the same result when the same text is checked again, and after a version with other options', () => {
  const cache = new CheckCache();
  const text = sampleText(SAMPLE.s004);
  const full = comparable(check(text));
  assert.deepEqual(comparable(check(text, { cache })), full);
  assert.deepEqual(comparable(check(text, { cache, version: '2019' })), comparable(check(text, { version: '2019' })));
  assert.deepEqual(comparable(check(text, { cache })), full);
});
