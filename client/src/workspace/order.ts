/** The order and filter of the 「年报」 view, without vscode (unit-tested). */
import type { WorkspaceReport } from '../../../server/src/protocol';

export type SortOrder = 'errors' | 'path';

/** The entries shown, in order: most errors first (then warnings, then path), or by path; optionally only those with errors. */
export function visibleReports(reports: Iterable<WorkspaceReport>, sort: SortOrder, onlyErrors: boolean): WorkspaceReport[] {
  const list = [...reports].filter((r) => !onlyErrors || r.errors > 0 || r.status === 'unreadable');
  const byPath = (a: WorkspaceReport, b: WorkspaceReport) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return list.sort(sort === 'errors' ? (a, b) => b.errors - a.errors || b.warnings - a.warnings || byPath(a, b) : byPath);
}
