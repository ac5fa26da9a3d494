/**
 * `--format github`: one GitHub Actions workflow command per finding (`::error file=…,line=…::message`), which
 * the Actions runner turns into annotations on the pull request's lines. Lines and columns are 1-based, columns
 * in UTF-16 code units like the SARIF output; info and hint become `notice`. Escaping follows the runner's
 * rules: `%`, CR and LF in the message; those and `:` and `,` in property values.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Severity } from '../../engine';
import { toPosix } from '../config';
import type { FileResult } from '../types';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = escapeProperty(toPosix(r.path));
    for (const f of r.findings) {
      const { start, end } = f.range;
      // GitHub takes columns only on one line (its annotations API); endColumn is read as inclusive.
      const columns = start.line === end.line ? [`col=${start.character + 1}`, `endColumn=${Math.max(end.character, start.character + 1)}`] : [];
      const props = [`file=${file}`, `line=${start.line + 1}`, `endLine=${end.line + 1}`, ...columns, `title=${escapeProperty(`xxgk-check ${f.code}`)}`];
      lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
