/** `--format summary`: findings per rule and per file, the worst reports first. */
import type { Severity } from '../../engine';
import { countFindings, totalCounts, type FileResult } from '../types';
import type { Labels } from './labels';
import type { Style } from './style';
import { renderTable } from './table';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function formatSummary(results: readonly FileResult[], labels: Labels, style: Style): string {
  const byRule = new Map<string, { severity: Severity; count: number; files: Set<string> }>();
  for (const r of results) {
    for (const f of r.findings) {
      const key = `${f.code}\u0000${f.severity}`;
      const entry = byRule.get(key) ?? { severity: f.severity, count: 0, files: new Set<string>() };
      entry.count++;
      entry.files.add(r.path);
      byRule.set(key, entry);
    }
  }
  const ruleRows = [...byRule.entries()]
    .map(([key, e]) => ({ code: key.split('\u0000')[0], ...e }))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count || (a.code < b.code ? -1 : 1))
    .map((e) => [e.code, labels.severity[e.severity], String(e.count), String(e.files.size)]);

  const fileRows = results
    .map((r) => ({ r, c: countFindings(r.findings) }))
    .sort((a, b) => b.c.error - a.c.error || b.c.warning - a.c.warning || b.c.info - a.c.info || b.c.hint - a.c.hint
      || (a.r.path < b.r.path ? -1 : a.r.path > b.r.path ? 1 : 0))
    .map(({ r, c }) => [r.path, String(c.error), String(c.warning), String(c.info), String(c.hint), r.version ?? '—', r.encoding ?? '—']);

  const t = totalCounts(results);
  const out = [style.bold(labels.byRule)];
  out.push(...renderTable([labels.rule, labels.level, labels.count, labels.files], ruleRows, ['left', 'left', 'right', 'right']));
  out.push('', style.bold(labels.byFile));
  out.push(...renderTable(
    [
      labels.file, labels.severity.error, labels.severity.warning, labels.severity.info, labels.severity.hint,
      labels.formatVersion, labels.encoding,
    ],
    fileRows,
    ['left', 'right', 'right', 'right', 'right', 'left', 'left'],
  ));
  out.push('', labels.totalLine(results.length, t));
  return out.join('\n');
}
