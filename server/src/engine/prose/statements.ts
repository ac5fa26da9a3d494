/**
 * What the prose says about the tables (docs/format.md, "Prose against tables"): sentences that state a number of
 * applications, outcomes, carried-over cases, 行政复议 or 行政诉讼 cases, or Table 1 decisions and
 * documents, each tied to the cell it must equal. Precision first: a statement is kept only when
 * its wording names what it counts right before the number, in the report year, for the whole
 * population (no 同比, no other year, no subset such as 自然人 or 网上申请, no approximate figure).
 */
import type { Report, Span } from '../model';
import { findCounts, mayHoldCount, type Count } from './numbers';
import { proseLines, segments, yearsIn, type ProseLine, type Segment, type Sentence } from './sentences';
import { PerLine, versionOf } from '../incremental/versions';
import { moveSpan } from '../incremental/move';

/** What a statement is compared with. R3.3–R3.6 are the sums of their group's leaves. */
export type ApplicationTarget = 'R1' | 'R2' | 'R3.1' | 'R3.2' | 'R3.1+R3.2' | 'R3.3' | 'R3.4' | 'R3.5' | 'R3.6' | 'R4';
export type ReviewTarget = 'review' | 'litigation';
/** Table 1: `<block>.<row>` and the column ids to try, in order (2021 id first, then 2019). */
export interface ActiveTarget {
  readonly row: string;
  readonly columns: readonly string[];
}
export type Target =
  | { readonly table: 'applications'; readonly id: ApplicationTarget }
  | { readonly table: 'review'; readonly id: ReviewTarget }
  | { readonly table: 'active'; readonly id: ActiveTarget };

export interface CountStatement {
  readonly kind: 'count';
  readonly target: Target;
  readonly value: number;
  /** The number, exact on the original text. */
  readonly span: Span;
  readonly unit: string;
  readonly sentence: Sentence;
}

/** `未收到…申请`, `未发生…行政复议`: the target is 0. The span is the negated phrase. */
export interface NoneStatement {
  readonly kind: 'none';
  readonly target: Target;
  readonly value: 0;
  readonly span: Span;
  readonly sentence: Sentence;
}

/** `均维持`, `均获维持`: the group's 纠正, 其他 and 尚未审结 are 0. */
export interface UpheldStatement {
  readonly kind: 'upheld';
  readonly target: { readonly table: 'review'; readonly id: ReviewTarget };
  readonly span: Span;
  readonly sentence: Sentence;
}

export type Statement = CountStatement | NoneStatement | UpheldStatement;

// ---------------------------------------------------------------------------------------------
// Wording

/** Words allowed between a term and its number: `为`, `共`, `的`, `数量`… (stripped from the end, longest first). */
const FILLERS = ['共计', '合计', '总计', '达到', '的', '了', '共', '计', '为', '有', '达'];
/** What an application count may be called after the term. */
const APPLICATION_NOUNS = ['政府信息公开', '信息公开', '申请', '案件', '事项', '数量', '件数', '总数', '数'];

const NO_NOUNS: readonly string[] = [];
/** The fillers and one list of nouns, longest first, built once per list of nouns (lists are constants or short literals). */
const TAIL_WORDS = new Map<string, readonly string[]>();
function tailWords(nouns: readonly string[]): readonly string[] {
  const key = nouns.join('\u0000');
  let words = TAIL_WORDS.get(key);
  if (!words) {
    words = [...FILLERS, ...nouns].sort((a, b) => b.length - a.length);
    TAIL_WORDS.set(key, words);
  }
  return words;
}

/**
 * `pre` without the filler words and nouns that may stand between a term and its number
 * (`予以公开的申请数为` → `予以公开`). A loop rather than a regex: no backtracking on long runs.
 */
function stripTail(pre: string, nouns: readonly string[] = NO_NOUNS): string {
  const words = tailWords(nouns);
  let t = pre;
  for (let changed = true; changed;) {
    changed = false;
    const trimmed = t.trimEnd();
    if (trimmed !== t) { t = trimmed; changed = true; }
    for (const w of words) {
      if (t.endsWith(w)) { t = t.slice(0, -w.length); changed = true; break; }
    }
  }
  return t;
}

const APPLICATION_TERMS: readonly [ApplicationTarget, RegExp][] = [
  ['R2', /(?:上一?年度?|去年)结转(?:至本年度?|到本年度?)?$/],
  ['R4', /(?:结转(?:至|到)?|转入)下一?年度?(?:继续)?(?:办理)?$/],
  ['R3.1+R3.2', /予以公开(?:和|及|与|或)部分公开$/],
  ['R3.1', /(?<![不分])予以公开$/],
  ['R3.2', /部分公开$/],
  ['R3.3', /不予(?:以)?公开$/],
  ['R3.4', /无法提供$/],
  ['R3.5', /不予(?:以)?处理$/],
  ['R3.6', /其他处理$/],
];

const RECEIVE = '(?:收到|新收|受理|接收|接到|收悉)';
/** 收到 … 申请 N件 (the number after the noun). The middle is checked separately. */
const RECEIVED_BEFORE = new RegExp(`${RECEIVE}了?([^，,。；;]{0,24}?)(?:申请|依申请公开)$`);
const RECEIVED_NOUNS = ['事项', '件数', '数量', '数', '案件', '信息'];
/** 收到 N件 … 申请 (the number before the noun). */
const RECEIVED_VERB_ONLY = new RegExp(`${RECEIVE}了?(?:各类|相关)?$`);
const RECEIVED_NOUN_AFTER = /^(?:的)?(?:各类)?(?:(?:政府)?信息公开|依申请公开)?(?:的)?申请/;
/** Verbless `依申请公开申请0件`: read only for 0 (spec: 申请0件 → R1 = 0). */
const APPLICATIONS_ZERO = /(?:政府信息公开申请|依申请公开申请|依申请公开)$/;
/** Middles that make the application something else, or a subset of the year's applications. */
const NOT_INFO_APPLICATION = /复议|诉讼|许可|审批|投诉|举报|信访|咨询|建议|提案|来信|来电|热线|留言|行政|自然人|法人|企业|组织|个人|公民|律师|网上|网络|在线|网站|邮件|邮寄|信函|书面|当面|现场|窗口|电话|传真|电子|\d/;

const REVIEW_TERM = /行政复议$/;
const LITIGATION_TERM = /行政诉讼$/;
const CASE_NOUNS = ['案件', '申请', '案'];

const ACTIVE_DECISION = /行政(许可|处罚|强制)$/;
const ACTIVE_DECISION_ROWS: Record<string, string> = { 许可: 'art20_5.licensing', 处罚: 'art20_6.penalty', 强制: 'art20_6.coercion' };
/** Table 1 counts of decisions are not counts of published items, filed cases or listed item types. */
const NOT_A_DECISION = /受理|申请|公开|公示|信息|清单|目录|梳理|立案|听证|复议|诉讼|权责|事项库|进驻|入驻|网上|承诺/;
const ACTIVE_DOCS = /(制发|印发|出台|制定|废止)[^，,]{0,6}?(行政规范性文件|规范性文件|规章)$/;
const ACTIVE_IN_FORCE = /现行有效(?:的)?(行政规范性文件|规范性文件|规章)$/;
const NOT_ISSUED = /清理|公开|解读|信息|备案|审查|审核|评估|起草/;

/** Comparison, cumulative or average figures: not the year's count. */
const COMPARISON = /同比|环比|比上|较上|相比|增加|增长|减少|下降|上升|提高|降低|多出|累计|平均|占|含|包括|分别/;
/** Subsets of the year's applications: results stated after these are about the subset. */
const SUBSET = /自然人|法人|商业企业|科研机构|社会公益组织|法律服务机构|网上申请|在线申请|信函|当面|邮件|邮寄|电话|传真|现场申请|窗口申请/;
/** Time words that put a sentence in another year. `上年结转` is a table term and is removed first. */
const OTHER_TIME = /上一?年度?|去年|前年|往年|历年|以往|此前|之前|以前|其余年份|其他年份|同期|以来|至今|截至目前|成立/;
const CARRY_TERMS = /(?:上一?年度?|去年)结转|结转(?:至|到)?下一?年度?/g;
/** The sentence is about 政府信息公开 (or sits in section 四): 行政复议/诉讼 elsewhere are the body's other cases. */
const INFO_CONTEXT = /信息公开|依申请|政务公开/;
const UNIT_APPLICATION = /^[件宗起个条]$/;

/** True when the sentence speaks of another year than the report's. */
export function otherYearContext(sentence: Sentence, year: number | null): boolean {
  const text = sentence.text;
  // A year is written with 年: a sentence without one names none.
  if (text.includes('年') && yearsIn(sentence).some((y) => year === null || y.value !== year)) return true;
  // Carrying over (上年结转, 结转下年) is not another time; without 结转 there is nothing to take out.
  return OTHER_TIME.test(text.includes('结转') ? text.replace(CARRY_TERMS, '') : text);
}

function target(table: 'applications', id: ApplicationTarget): Target;
function target(table: 'review', id: ReviewTarget): Target;
function target(table: 'applications' | 'review', id: string): Target {
  return { table, id } as Target;
}

/** The sentence text before an offset. */
function before(sentence: Sentence, offset: number): string {
  return sentence.text.slice(0, offset - sentence.start);
}

/** The term that a count right after `pre` states, or null. */
function classifyCount(
  pre: string, after: string, count: Count, seg: Segment, sentence: Sentence, line: string,
): Target | null {
  if (COMPARISON.test(pre) || /^[^，,。(（]*[(（][^)）]*?(?:含|包括)/.test(after)) return null;
  const prior = before(sentence, count.span.start);
  const isApplicationUnit = UNIT_APPLICATION.test(count.unit);
  const infoContext = INFO_CONTEXT.test(sentence.text) || sentence.section === 4;
  // Outcome and carry-over terms count applications only in a paragraph about them (or in section 三).
  if (isApplicationUnit && !SUBSET.test(prior) && (/申请/.test(line) || sentence.section === 3)) {
    const term = stripTail(pre, APPLICATION_NOUNS);
    for (const [id, re] of APPLICATION_TERMS) {
      // 条 counts information items; it counts applications only where the phrase names 申请 (docs/format.md, "Prose against tables").
      if (re.test(term) && (count.unit !== '条' || /申请/.test(pre))) return target('applications', id);
    }
  }
  // 收到申请3件，其中上年结转1件: that 收到 counts last year's applications too, so it is not R1.
  const includesCarried = /(?:其中|含|包括)[^。]*(?:上一?年度?|去年)结转/.test(sentence.text.slice(count.end - sentence.start));
  if (isApplicationUnit && !includesCarried) {
    const m = RECEIVED_BEFORE.exec(stripTail(pre, RECEIVED_NOUNS));
    if (m && !NOT_INFO_APPLICATION.test(m[1])) {
      // A bare 收到申请 is about 政府信息公开 only where its paragraph says so (sample 000: 依申请公开).
      if (/公开|信息/.test(m[0]) || /依申请|信息公开申请|公开申请/.test(line)) return target('applications', 'R1');
    }
    if (RECEIVED_VERB_ONLY.test(stripTail(pre)) && RECEIVED_NOUN_AFTER.test(after)) return target('applications', 'R1');
    if (count.value === 0 && APPLICATIONS_ZERO.test(stripTail(pre, ['事项', '件数', '数量', '数'])) && !/其中/.test(sentence.text)) return target('applications', 'R1');
  }
  // 受理/审理/办理 行政复议: the body deciding others' cases as 复议机关, not Table 3's cases against it.
  if (count.unit !== '条' && count.unit !== '次' && infoContext && !/受理|审理|办理|复议机关/.test(seg.text)) {
    const term = stripTail(pre, CASE_NOUNS);
    if (REVIEW_TERM.test(term)) return target('review', 'review');
    if (LITIGATION_TERM.test(term)) return target('review', 'litigation');
  }
  if (/^[件宗起]$/.test(count.unit)) {
    const d = ACTIVE_DECISION.exec(stripTail(pre, ['决定', '案件', '事项']));
    if (d && !NOT_A_DECISION.test(seg.text)) return { table: 'active', id: { row: ACTIVE_DECISION_ROWS[d[1]], columns: ['decisions'] } };
    const doc = ACTIVE_DOCS.exec(stripTail(pre));
    if (doc && !NOT_ISSUED.test(seg.text)) {
      const row = doc[2] === '规章' ? 'art20_1.regulations' : 'art20_1.normativeDocs';
      const columns = doc[1] === '废止' ? ['repealed'] : ['issued', 'newlyMade'];
      return { table: 'active', id: { row, columns } };
    }
    const inForce = ACTIVE_IN_FORCE.exec(stripTail(pre));
    if (inForce && !NOT_ISSUED.test(seg.text)) {
      return { table: 'active', id: { row: inForce[1] === '规章' ? 'art20_1.regulations' : 'art20_1.normativeDocs', columns: ['inForce'] } };
    }
  }
  return null;
}

/** 未收到…申请 (not 申请人, 申请书: 未收到申请人的补正材料 says nothing about the count). */
const NONE_RECEIVED = new RegExp(`(?:未|没有)${RECEIVE}(?:过)?(?:任何)?([^，,；;。]{0,20}?)(?:依申请|申请)(?![人书表材])`);
const NONE_APPLICATIONS = /(?:无|没有)(?:收到)?(?:政府信息公开申请|依申请公开申请|依申请公开事项)(?![人书表材])/;
const NONE_REVIEW = /(?:(?<!尚)未|没有|无(?![法论需关效]))(?:发生|收到|接到|出现|产生|涉及)?(?:过)?(?:任何)?([^，,；;。\d]{0,24}?)(行政复议|行政诉讼)/;
const CORRECTED_AFTER = /纠正|纠错|撤销|败诉|违法|被.{0,6}(?:改变|确认)|决定书|结果/;
const UPHELD = /(?:均|全部|都)(?:被|获|得到|予以|依法)*维持/;

function noneStatements(sentence: Sentence, out: Statement[]): void {
  if (!/未|没有|无/.test(sentence.text)) return;
  for (const clause of segments(sentence, '，,；;')) {
    const t = clause.text;
    // 没有政府信息公开申请需要结转: about carrying over, not about receiving.
    const r = /结转/.test(t) ? null : NONE_RECEIVED.exec(t);
    if (r && !NOT_INFO_APPLICATION.test(r[1])) {
      const start = clause.start + r.index;
      out.push({ kind: 'none', target: target('applications', 'R1'), value: 0, span: { start, end: start + r[0].length }, sentence });
    } else if (!/结转/.test(t)) {
      const a = NONE_APPLICATIONS.exec(t);
      if (a) {
        const start = clause.start + a.index;
        out.push({ kind: 'none', target: target('applications', 'R1'), value: 0, span: { start, end: start + a[0].length }, sentence });
      }
    }
    const v = NONE_REVIEW.exec(t);
    if (v && !/需|后/.test(v[1]) && (INFO_CONTEXT.test(sentence.text) || sentence.section === 4)) {
      const rest = t.slice(v.index);
      if (!CORRECTED_AFTER.test(t.slice(v.index + v[0].length)) && !/\d/.test(rest)) {
        const start = clause.start + v.index;
        const end = start + Math.max(rest.lastIndexOf('行政复议'), rest.lastIndexOf('行政诉讼')) + 4;
        if (/行政复议/.test(rest)) out.push({ kind: 'none', target: target('review', 'review'), value: 0, span: { start, end }, sentence });
        if (/行政诉讼/.test(rest)) out.push({ kind: 'none', target: target('review', 'litigation'), value: 0, span: { start, end }, sentence });
      }
    }
  }
}

function upheldStatements(sentence: Sentence, out: Statement[]): void {
  if (!(INFO_CONTEXT.test(sentence.text) || sentence.section === 4)) return;
  const m = UPHELD.exec(sentence.text);
  if (!m) return;
  const at = sentence.start + m.index;
  // The group: the nearest clause before the phrase (or its own) that names 行政复议 or 行政诉讼.
  const clauses = segments(sentence, '，,；;').filter((c) => c.start <= at).reverse();
  for (const c of clauses) {
    const text = c.text.slice(0, Math.max(0, at - c.start) || c.text.length);
    const review = /行政复议/.test(text);
    const litigation = /行政诉讼/.test(text);
    if (!review && !litigation) continue;
    const span = { start: at, end: at + m[0].length };
    if (review) out.push({ kind: 'upheld', target: { table: 'review', id: 'review' }, span, sentence });
    if (litigation) out.push({ kind: 'upheld', target: { table: 'review', id: 'litigation' }, span, sentence });
    return;
  }
}

/** The statements of one line of prose. */
function lineStatements(report: Report, prose: ProseLine, year: number | null): Statement[] {
  const out: Statement[] = [];
  const line = prose.line.text;
  for (const sentence of prose.sentences) {
    // Most sentences state nothing: no number and no negation or 维持 to read.
    if (!/[\d零〇一二两三四五六七八九十百千万未没无维]/.test(sentence.text)) continue;
    // What each kind of statement needs before it is read at all: a numeral followed by a unit (most numerals in prose
    // are words: 进一步), a negation of 申请 or 行政复议/行政诉讼, or 维持.
    const count = mayHoldCount(sentence.text);
    const none = mayStateNone(sentence.text);
    const upheld = sentence.text.includes('维持');
    if ((!count && !none && !upheld) || otherYearContext(sentence, year)) continue;
    if (count) for (const seg of segments(sentence)) {
      if (!/[\d零〇一二两三四五六七八九十]/.test(seg.text)) continue;
      const counts = findCounts(report.folded, seg.start, seg.end);
      let from = seg.start;
      counts.forEach((count, k) => {
        const pre = report.folded.slice(from, count.span.start);
        const after = report.folded.slice(count.end, k + 1 < counts.length ? counts[k + 1].span.start : seg.end);
        from = count.end;
        if (count.approximate) return;
        const t = classifyCount(pre, after, count, seg, sentence, line);
        if (t) out.push({ kind: 'count', target: t, value: count.value, span: count.span, unit: count.unit, sentence });
      });
    }
    if (none) noneStatements(sentence, out);
    if (upheld) upheldStatements(sentence, out);
  }
  return out;
}

/** Every none statement (NONE_RECEIVED, NONE_APPLICATIONS, NONE_REVIEW) negates and names 申请 or a review. */
function mayStateNone(text: string): boolean {
  return /未|没有|无/.test(text) && /申请|行政复议|行政诉讼/.test(text);
}

/** A line's statements with the sentences and the year they were read in. */
interface LineStatements {
  readonly year: number | null;
  readonly sentences: readonly Sentence[];
  readonly statements: readonly Statement[];
}

/** Statements read on an unchanged line, on the same sentences at their new place. */
function moveStatements(from: LineStatements, delta: number, to: ProseLine): LineStatements {
  const sentenceAt = (s: Sentence) => to.sentences[from.sentences.indexOf(s)];
  return {
    year: from.year, sentences: to.sentences,
    statements: from.statements.map((s): Statement => ({ ...s, span: moveSpan(s.span, delta), sentence: sentenceAt(s.sentence) })),
  };
}

/** Every statement of the report's prose, in text order. */
export function findStatements(report: Report): Statement[] {
  const year = report.year?.value ?? null;
  const out: Statement[] = [];
  let prose: ProseLine;
  // A line's statements depend on its text, its context (a count looks a few characters back), its section and
  // the report year: an unchanged line in the same section and year states what it stated, of the same sentences.
  const statementsOf = new PerLine<LineStatements>(versionOf(report), 'statements', (r, delta) => moveStatements(r, delta, prose));
  const read = () => ({ year, sentences: prose.sentences, statements: lineStatements(report, prose, year) });
  const holds = (r: LineStatements, moved: boolean) => r.year === year && r.sentences.length === prose.sentences.length
    && r.sentences[0].section === prose.section && (moved || r.sentences === prose.sentences);
  for (prose of proseLines(report)) {
    for (const s of statementsOf.at(prose.line, read, holds).statements) out.push(s);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
