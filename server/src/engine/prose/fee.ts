/**
 * The 信息处理费 statement (docs/format.md, "Fee statement"): a sentence saying whether the body charged the
 * information-processing fee of 国办函〔2020〕109号 — an amount, or 未收取 / 没有收取 / 不收取 /
 * 暂未开始收取相关费用 (sample 003), 未产生信息处理费, or `信息处理费：无`; without naming the fee, 未收取任何费用
 * or 未发生收费情况 in section 六, and anywhere when the sentence says it is about disclosure
 * (`政府信息公开未发生收费情况`, `未向申请人收费`). Naming the 办法 alone, or Table 1's 行政事业性收费,
 * says nothing about it.
 */
import type { Report } from '../model';
import { proseSentences, type Sentence } from './sentences';

const FEE = /信息处理费|处理费/;
/** Charged or not: a charging verb, an amount, or 无/0 right after the fee. */
const CHARGED = /收取|收费|征收|缴纳|计收|收缴|(?<![\d.])\d+(?:\.\d+)?\s*(?:元|万元)|[零〇]\s*元/;
const NONE_AFTER_FEE = /(?:信息处理费|处理费)(?:情况|收取情况)?\s*[:：为]?\s*(?:无|0|零|没有)/;
/** The fee named and said not to arise: `未产生信息处理费`, `信息处理费未发生`. */
const NOT_ARISING = /(?:未|没有|不|无)(?:产生|发生|涉及)/;
/**
 * Without naming the fee: "未收取任何费用", "暂未开始收取相关费用", "未发生收费情况", "不涉及收费".
 * Accepted in section 六, or where the sentence names disclosure or its applicants.
 */
const NO_CHARGE = /(?:未|没有|不|无|暂未|未曾)[^，,。；;]{0,8}(?:收费|(?:收取|征收)[^，,。；;]{0,8}费)/;
const ABOUT_DISCLOSURE = /政府信息公开|依申请|申请人/;
/** A fee statement's title alone (`1. 收取信息处理费情况。`) states nothing. */
const TITLE_ONLY = /^[\s\d.、（()）一二三四五六七八九十]*(?:收取)?(?:信息)?处理费(?:的)?(?:收取)?情况[。:：]?$/;

export function isFeeStatement(sentence: Sentence, inSectionSix: boolean): boolean {
  const t = sentence.text;
  if (TITLE_ONLY.test(t)) return false;
  if (FEE.test(t) && (CHARGED.test(t) || NONE_AFTER_FEE.test(t) || NOT_ARISING.test(t))) return true;
  return (inSectionSix || ABOUT_DISCLOSURE.test(t)) && NO_CHARGE.test(t) && !/行政事业性收费/.test(t);
}

export interface FeeStatements {
  /** Statements in section 六. */
  readonly inSix: readonly Sentence[];
  /** Statements elsewhere (一, the preamble…). */
  readonly elsewhere: readonly Sentence[];
}

export function feeStatements(report: Report): FeeStatements {
  const inSix: Sentence[] = [];
  const elsewhere: Sentence[] = [];
  for (const s of proseSentences(report)) {
    const six = s.section === 6;
    if (isFeeStatement(s, six)) (six ? inSix : elsewhere).push(s);
  }
  return { inSix, elsewhere };
}
