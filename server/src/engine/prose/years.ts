/**
 * The years a report states about itself (docs/format.md, "Years"): the title year, the two dates of the
 * statistics period, and sentences that open with the year they report on ("2022年，我局…",
 * "2021 年度我局公布…"). Years in the middle of a sentence (同比, 除2021年…外, 2023年政务公开工作要点),
 * ranges (2019年以来, 2019—2021年), dated events (2021年3月), plans (2024年，我局将…), history
 * (2018年，我局成立…) and all of section 五 (last year's problems, next year's plans) are not
 * statements about the report year.
 */
import type { Report, Span } from '../model';
import { proseSentences, type Sentence } from './sentences';

export interface YearMention {
  readonly value: number;
  /** The four digits, exact on the original text. */
  readonly span: Span;
}

export interface StatedYears {
  readonly title: YearMention | null;
  /** Start and end of the statistics period, when stated (the end only when it names its year). */
  readonly period: readonly YearMention[];
  readonly statements: readonly (YearMention & { readonly sentence: Sentence })[];
}

const PERIOD = /(?:统计期限|统计期|统计时限|统计时段|统计时间|统计区间|报告期|时间范围)[^。]{0,30}?(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。\d]{0,10}?(?:至|到|-|~)\s*(?:(\d{4})\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日/;
/** An opening year: at the start of a sentence (after an optional item marker), followed by a comma or the subject. */
const OPENING = /^(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十\d]{1,2}[、.]|[一二三四五六七八九十]是)?\s*((?:19|20)\d{2})\s*年(?:度)?\s*(?:[，,]|(?=[我本全]))/;
const FUTURE = /将|计划|拟|力争|争取|预计|打算|下一步|明年/;
const HISTORY = /曾|成立|组建|设立|获评|被评为|荣获|获得|挂牌|启动|首次|以来|至今|开始|先后/;

/** The year of the title, when the report year was read from the title. */
function titleYear(report: Report): YearMention | null {
  const { year, title } = report;
  if (!year || !title || year.span.start < title.span.start || year.span.end > title.span.end) return null;
  return { value: year.value, span: year.span };
}

function periodYears(report: Report): YearMention[] {
  for (const line of report.lines) {
    if (report.tableLines.has(line.index) || line.text.length > 4000) continue;
    const m = PERIOD.exec(line.text);
    if (!m) continue;
    const out: YearMention[] = [];
    const a = line.text.indexOf(m[1], m.index);
    out.push({ value: Number(m[1]), span: { start: line.start + a, end: line.start + a + 4 } });
    if (m[2]) {
      const b = line.text.indexOf(m[2], a + 4);
      out.push({ value: Number(m[2]), span: { start: line.start + b, end: line.start + b + 4 } });
    }
    return out;
  }
  return [];
}

export function statedYears(report: Report): StatedYears {
  const statements: (YearMention & { sentence: Sentence })[] = [];
  for (const sentence of proseSentences(report)) {
    if (sentence.section === 5) continue;
    const m = OPENING.exec(sentence.text);
    if (!m) continue;
    if (HISTORY.test(sentence.text)) continue;
    const value = Number(m[1]);
    const at = sentence.text.indexOf(m[1], m.index);
    statements.push({ value, span: { start: sentence.start + at, end: sentence.start + at + 4 }, sentence });
  }
  return { title: titleYear(report), period: periodYears(report), statements };
}

export interface YearProblem {
  readonly kind: 'title' | 'period' | 'statement';
  /** The year found where the problem is reported. */
  readonly found: YearMention;
  /** The year expected there. */
  readonly expected: number;
  /** What the expectation rests on. */
  readonly evidence: readonly YearMention[];
}

/**
 * Disagreements, one per wrong year. When the statistics period and the opening statements agree
 * with each other and not with the title, the title is the odd one out: one problem, on the title.
 */
export function yearProblems(report: Report): YearProblem[] {
  const { title, period, statements } = statedYears(report);
  const ref = title ?? period[0] ?? null;
  if (!ref || ref.value < 2000 || ref.value > 2100) return [];
  // Plans for the next year are not statements about this one.
  const stated = statements.filter((s) => !(s.value > ref.value && FUTURE.test(s.sentence.text)));
  if (title) {
    const p = period.length && period.every((x) => x.value === period[0].value) ? period[0].value : null;
    const agreeTitle = stated.filter((s) => s.value === title.value).length;
    const others = stated.filter((s) => s.value !== title.value);
    const sameOther = others.length > 0 && others.every((s) => s.value === others[0].value) ? others[0].value : null;
    const titleWrong = agreeTitle === 0 && (
      (p !== null && p !== title.value && others.length > 0 && sameOther === p)
      || (p === null && !period.length && others.length >= 2 && sameOther !== null));
    if (titleWrong) {
      const expected = p ?? sameOther;
      return [{ kind: 'title', found: title, expected, evidence: [...period, ...others] }];
    }
  }
  const out: YearProblem[] = [];
  for (const x of period) {
    if (x.value !== ref.value) out.push({ kind: 'period', found: x, expected: ref.value, evidence: [ref] });
  }
  for (const s of stated) {
    // Precision first: a year more than one off is more likely history than a copied report.
    if (s.value !== ref.value && Math.abs(s.value - ref.value) === 1) {
      out.push({ kind: 'statement', found: { value: s.value, span: s.span }, expected: ref.value, evidence: [ref] });
    }
  }
  return out;
}
