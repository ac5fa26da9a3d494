/** The report engine's public surface: pure TypeScript, no vscode or LSP imports. */
export { check, checkReport, rangeOf, severityFor, type CheckOptions, type CheckResult, type Finding, type Fix, type Edit, type Range, type PreviousReport } from './check';
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
export { bodyKey } from './query/body';
