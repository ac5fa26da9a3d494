/** The rule registry: every rule, in the order findings are produced. */
import { cellBlank } from './cell-blank';
import { cellExtra } from './cell-extra';
import { cellMissing } from './cell-missing';
import { cellNotNumber } from './cell-not-number';
import { cellUnit } from './cell-unit';
import { balance } from './balance';
import { itemTotal } from './item-total';
import { reviewTotal } from './review-total';
import { rowTotal } from './row-total';
import { reportBinary } from './report-binary';
import { reportEmpty } from './report-empty';
import { reportTooLarge } from './report-too-large';
import { reportTruncated } from './report-truncated';
import { rowMissing } from './row-missing';
import { sectionDuplicate } from './section-duplicate';
import { sectionMissing } from './section-missing';
import { sectionNumbering } from './section-numbering';
import { sectionOrder } from './section-order';
import { sectionStructure } from './section-structure';
import { tableMissing } from './table-missing';
import { tableOversized } from './table-oversized';
import { tableUnreadable } from './table-unreadable';
import { versionMismatch } from './version-mismatch';
import { yearMissing } from './year-missing';
import type { Rule } from './types';
import { textTableMismatch } from './text-table-mismatch';
import { textSum } from './text-sum';
import { yearMismatch } from './year-mismatch';
import { feeStatementMissing } from './fee-statement-missing';
import { carryOverMismatch } from './carry-over-mismatch';

export const RULES: readonly Rule[] = [
  reportEmpty, reportBinary, reportTooLarge, reportTruncated, yearMissing,
  sectionMissing, sectionOrder, sectionDuplicate, sectionNumbering, sectionStructure,
  tableMissing, tableUnreadable, tableOversized, rowMissing, cellMissing, cellExtra, cellNotNumber, cellBlank, cellUnit,
  rowTotal, itemTotal, balance, reviewTotal, versionMismatch,
  textTableMismatch, textSum, yearMismatch, feeStatementMissing, carryOverMismatch,
];

const BY_CODE = new Map<string, Rule>();
for (const r of RULES) {
  BY_CODE.set(r.code, r);
  for (const a of r.aliases) BY_CODE.set(a, r);
}

/** The rule of a code or of one of its aliases. */
export function ruleOf(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

export type { Rule } from './types';
