/**
 * The report engine's only door: pure TypeScript, no vscode or LSP imports. The server, the CLI and the client
 * import the engine from here and nowhere else.
 */
export { check, checkReport, rangeOf, severityFor, type CheckOptions, type CheckResult, type Finding, type Fix, type Edit, type Range, type PreviousReport } from './check';
export { applyEdits, fixUntilStable, MAX_FIX_PASSES, nonOverlapping, safeFixEdits, type Fixed, type TextEdit } from './fixes';
export { parseReport, readReportIdentity, type ParseOptions } from './parse/report';
export { CheckCache } from './incremental/versions';
export { RULES, ruleOf } from './rules';
export type { Rule, Severity, SeveritySetting } from './rules/types';
export type * from './model';
export { TEMPLATES, expectedVersion } from './template';
export { TABLES, TABLE_IDS, type TableEntry } from './template/tables';
export type { FormatVersion, TableId, Template } from './template/types';
export { positionAt, splitLines, detectEol, type Line, type Position } from './text/lines';
export { parseNumeral } from './text/numerals';
export { tableSkeleton } from './skeleton';
export { tableLayouts, type TableLayoutInfo } from './table-layouts';
export { bodyKey } from './query/body';

// What each editor request needs, as data: the server turns it into LSP answers.
export { outlineOf, type OutlineKind, type OutlineNode } from './language-features/outline';
export {
  explainAt, cellAt, headingAt, identitiesOf,
  type CellDescription, type CellInfo, type Description, type ExpectedValue, type HeadingDescription,
  type IdentityDescription, type IdentityInfo,
} from './language-features/explain';
export { detachedCells, type DetachedCell } from './language-features/inlay-hints';
export { tableGrids, type GridCell, type GridRow, type GridTable } from './language-features/table-grid';
export { reportSummary, type ReportSummary } from './language-features/report-info';
export { VALUE_COLUMNS, VALUE_TABLES, TABLE_SHORT_NAMES, reportCells, reportValues, valueRecord, type CellValue, type ReportValues, type ValueColumn } from './values';
export { compareReports, DEFAULT_THRESHOLD, type CompareOptions, type Comparison } from './compare';
export type { TextRange as CompareRange } from './compare/types';
export { MAX_REPORT_BYTES, overCapArgs, utf8Length } from './limits';
