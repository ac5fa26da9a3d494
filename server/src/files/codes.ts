/**
 * The codes the CLI reports itself, about a file rather than a report. They sit beside the engine's
 * rules in `--rule`, the outputs and the SARIF rule list, but never reach the engine.
 */
import { ruleOf, type Severity } from '../engine';

export interface CliCode {
  readonly code: string;
  readonly defaultSeverity: Severity;
  readonly description: { readonly 'zh-CN': string; readonly en: string };
}

export const FILE_ENCODING: CliCode = {
  code: 'file-encoding', defaultSeverity: 'error',
  description: { 'zh-CN': '无法识别的编码或二进制文件', en: 'Unknown encoding, or a binary file' },
};
export const FILE_UNREADABLE: CliCode = {
  code: 'file-unreadable', defaultSeverity: 'error',
  description: { 'zh-CN': '文件无法读取', en: 'The file cannot be read' },
};

export const FILE_CONVERSION: CliCode = {
  code: 'file-conversion', defaultSeverity: 'error',
  description: { 'zh-CN': 'PDF、Word 或网页文件无法转换为年报文本', en: 'A PDF, Word or web page file cannot be converted to report text' },
};

/** A file found in a folder that is not an annual report: listed, never an error, never silence (issue 22). */
export const FILE_NOT_REPORT: CliCode = {
  code: 'file-not-report', defaultSeverity: 'info',
  description: { 'zh-CN': '文件夹中的文件不是年度报告，未检查', en: 'A file in the folder is not an annual report; not checked' },
};

export const CLI_CODES: readonly CliCode[] = [FILE_ENCODING, FILE_UNREADABLE, FILE_CONVERSION, FILE_NOT_REPORT];

/** The canonical code of an engine rule (or alias) or of a CLI code; undefined when unknown. */
export function canonicalCode(code: string): string | undefined {
  return ruleOf(code)?.code ?? CLI_CODES.find((c) => c.code === code)?.code;
}
