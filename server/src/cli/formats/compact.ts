/**
 * `--format compact`: one line per finding, `path:line:column: severity code: message` (1-based line and
 * UTF-16 column; the severity word always English), the shape VS Code's `$xxgk-check` problem matcher
 * reads in a task, and that grep and editors' quickfix lists understand. Nothing else is printed; control
 * characters in a name or message are escaped (escape.ts), so one finding is always one line.
 */
import type { FileResult } from '../types';
import { escapeControl } from './escape';

export const COMPACT_LINE = /^(.+):(\d+):(\d+): (error|warning|info|hint) ([a-z][a-z0-9-]*): (.*)$/;

export function formatCompact(results: readonly FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      out.push(`${escapeControl(r.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code}: ${escapeControl(f.message.replace(/\r?\n/g, ' '))}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
