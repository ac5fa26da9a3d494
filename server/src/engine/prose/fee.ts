/**
 * The 信息处理费 statement (spec §8.4): a sentence saying whether the body charged the
 * information-processing fee of 国办函〔2020〕109号 — an amount, or 未收取 / 没有收取 / 不收取 /
 * 暂未开始收取相关费用 (sample 003), or `信息处理费：无`. Naming the 办法 alone, or Table 1's
 * 行政事业性收费, says nothing about it.
 */
import type { Report } from '../model';
import { proseSentences, type Sentence } from './sentences';

const FEE = /信息处理费|处理费/;
/** Charged or not: a charging verb, an amount, or 无/0 right after the fee. */
const CHARGED = /收取|收费|征收|缴纳|计收|收缴|(?<![\d.])\d+(?:\.\d+)?\s*(?:元|万元)|[零〇]\s*元/;
const NONE_AFTER_FEE = /(?:信息处理费|处理费)(?:情况|收取情况)?\s*[:：为]?\s*(?:无|0|零|没有)/;
/** Without naming the fee: "未收取任何费用", "暂未开始收取相关费用". Accepted only in section 六. */
const NO_CHARGE = /(?:未|没有|不|无|暂未|未曾)[^，,。；;]{0,6}(?:收取|收费|征收)[^，,。；;]{0,8}费/;
/** A fee statement's title alone (`1. 收取信息处理费情况。`) states nothing. */
const TITLE_ONLY = /^[\s\d.、（()）一二三四五六七八九十]*(?:收取)?(?:信息)?处理费(?:的)?(?:收取)?情况[。:：]?$/;

export function isFeeStatement(sentence: Sentence, inSectionSix: boolean): boolean {
  const t = sentence.text;
  if (TITLE_ONLY.test(t)) return false;
  if (FEE.test(t) && (CHARGED.test(t) || NONE_AFTER_FEE.test(t))) return true;
  return inSectionSix && NO_CHARGE.test(t) && !/行政事业性收费/.test(t);
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
