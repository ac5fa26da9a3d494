/**
 * `--format json`: the public contract (README). Fields may be added, never renamed or removed:
 * `{"files":[{"path","version","diagnostics":[{"code","severity","message","range","related":[{"message","range"}]}]}]}`,
 * with LSP positions (0-based line, UTF-16 character). Added: file `encoding`, `fixed` (with --fix);
 * diagnostic `fixable` (a safe fix exists) and `target` (row and column ids, for `ignore` entries); related
 * `uri` and `path` when the location is in another file (last year's report, `carry-over-mismatch`); file
 * `layouts`: per table, the layout it was read as, the confidence and whether it could be read;
 * added: file `status` (`report`, `not-report`, `unreadable`), `body` (the issuing organ from the title,
 * or null), `year` (or null) and `values`: `{ "<table>.<row>.<column>": number | null }` for every cell
 * of the file's format version, null where no number was written (docs/compare.md lists the ids).
 */
import { valueRecord } from '../../engine';
import type { FileResult } from '../types';

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify({
    files: results.map((r) => ({
      path: r.path,
      version: r.version,
      encoding: r.encoding,
      ...(r.layouts ? { layouts: r.layouts } : {}),
      ...(r.fixed !== undefined ? { fixed: r.fixed } : {}),
      status: r.status,
      body: r.values?.body ?? null,
      year: r.values?.year ?? null,
      values: r.values && r.status === 'report' ? valueRecord(r.values) : {},
      diagnostics: r.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        range: f.range,
        related: f.related.map((x) => ({
          message: x.message, range: x.range,
          ...(x.uri !== undefined ? { uri: x.uri, path: x.uri === r.previous?.uri ? r.previous.path : x.uri } : {}),
        })),
        fixable: f.fix !== undefined,
        ...(f.target ? { target: f.target } : {}),
      })),
    })),
  }, null, 2);
}
