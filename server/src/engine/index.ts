/** The report engine's public surface: pure TypeScript, no vscode or LSP imports. */
export { check, rangeOf, severityFor, type CheckOptions, type CheckResult, type Finding, type Fix, type Edit, type Range } from './check';
export { applyEdits, nonOverlapping, safeFixEdits, type TextEdit } from './fixes';
export { parseReport, type ParseOptions } from './parse/report';
export { RULES, ruleOf } from './rules';
export type { Rule, Severity, SeveritySetting } from './rules/types';
export type * from './model';
export { TEMPLATES, expectedVersion } from './template';
export type { FormatVersion, TableId, Template } from './template/types';
export { positionAt, splitLines, detectEol, type Line, type Position } from './text/lines';
export { parseNumeral } from './text/numerals';
export { tableSkeleton } from './skeleton';
export { VALUE_COLUMNS, VALUE_TABLES, TABLE_SHORT_NAMES, reportCells, reportValues, valueRecord, type CellValue, type ReportValues, type ValueColumn } from './values';
export { compareReports, DEFAULT_THRESHOLD, type CompareOptions, type Comparison } from './compare';
