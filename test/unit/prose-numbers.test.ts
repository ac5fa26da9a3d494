/**
 * Counts in prose: Chinese numerals with 零, 十, 两, 万, digits (full-width ones arrive
 * folded), units, approximate figures, and the look-alikes that are not counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChineseCount, parseCountValue, findCounts } from '../../server/src/engine/prose/numbers';
import { foldText } from '../../server/src/engine/text/normalize';

test('Chinese numerals: 零, 十, 两, 百, 千, 万, digit by digit', () => {
  const cases: [string, number | null][] = [
    ['零', 0], ['〇', 0], ['一', 1], ['两', 2], ['十', 10], ['十五', 15], ['二十', 20], ['二十三', 23], ['一百零八', 108],
    ['两百', 200], ['两千零五', 2005], ['一万', 10000], ['两万', 20000], ['十万', 100000], ['三万四千', 34000],
    ['一万零五', 10005], ['二〇二一', 2021],
  ];
  for (const [text, value] of cases) assert.equal(parseChineseCount(text), value, text);
});

test('malformed numeral runs are not numbers', () => {
  for (const text of ['', '一一', '十十', '百十', '万', '零五', '二三', '十余', 'abc']) assert.equal(parseChineseCount(text), null, text);
});

test('digit values: plain, thousands commas', () => {
  assert.equal(parseCountValue('183'), 183);
  assert.equal(parseCountValue('1,234'), 1234);
  assert.equal(parseCountValue('两'), 2);
  assert.equal(parseCountValue('12a'), null);
});

const counts = (s: string) => {
  const f = foldText(s);
  return findCounts(f, 0, f.length).map((c) => [s.slice(c.span.start, c.span.end), c.value, c.unit, c.approximate]);
};

test('counts with units 件 条 次 宗 起 个, spaces before the unit, full-width digits', () => {
  assert.deepEqual(counts('收到申请1起，公开信息 183 条，办理５件，复议两宗，十个，热线385次，二十件次'), [
    ['1', 1, '起', false], ['183', 183, '条', false], ['５', 5, '件', false], ['两', 2, '宗', false],
    ['十', 10, '个', false], ['385', 385, '次', false], ['二十', 20, '件', false],
  ]);
});

test('approximate figures are marked', () => {
  assert.deepEqual(counts('十余件、20多条、十几个、约10件、近200条、10件左右、数十条、几十件、30条以上').map((c) => c[3]), [true, true, true, true, true, true, true, true, true]);
  assert.deepEqual(counts('近百条、上千条'), [], 'a bare 百 or 千 is no count at all');
  assert.deepEqual(counts('收到申请10件').map((c) => c[3]), [false]);
});

test('not counts: percentages, dates, decimals, ordinals, 条例, 起诉, 一起, 一次性, 零件', () => {
  assert.deepEqual(counts('公开率100%，2022年3月1日起，0.5件，第二十条，三条例，2起诉，一起推进，一次性告知，一个窗口，零件'), []);
});
