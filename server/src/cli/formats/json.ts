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
 * For a published file (PDF, DOCX, HTML): file `converted` (`format`, `pages`); diagnostic and related `source`,
 * the place in the original (`page` and `box` in points from the page's top left; `paragraph`; `table`, `row`,
 * `cell`; `path` of the HTML element) while `range` stays in the converted text (`--emit-text` writes it).
 */
import { valueRecord } from '../../engine';
import { sourceAt } from '../../files/converted';
import type { FileResult } from '../types';

function sourceIn(converted: Parameters<typeof sourceAt>[0], range: Parameters<typeof sourceAt>[1]) {
  const source = sourceAt(converted, range);
  return source ? { source } : {};
}

function sourceField(r: FileResult, range: Parameters<typeof sourceAt>[1]) {
  return r.converted ? sourceIn(r.converted, range) : {};
}

/** One file's object, as it stands in the `files` array. */
function fileObject(r: FileResult) {
  return {
    path: r.path,
    version: r.version,
    encoding: r.encoding,
    ...(r.layouts ? { layouts: r.layouts } : {}),
    ...(r.fixed !== undefined ? { fixed: r.fixed } : {}),
    status: r.status,
    body: r.values?.body ?? null,
    year: r.values?.year ?? null,
    values: r.values && r.status === 'report' ? valueRecord(r.values) : {},
    ...(r.converted
      ? { converted: { format: r.converted.format, ...(r.converted.pages !== undefined ? { pages: r.converted.pages } : {}) } }
      : {}),
    diagnostics: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: f.range,
      related: f.related.map((x) => ({
        message: x.message, range: x.range,
        ...(x.uri !== undefined ? { uri: x.uri, path: x.uri === r.previous?.uri ? r.previous.path : x.uri } : {}),
        ...(x.uri === undefined && r.converted ? sourceField(r, x.range) : {}),
        // In last year's published file: the place in it (its page).
        ...(x.uri !== undefined && x.uri === r.previous?.uri && r.previous.converted ? sourceIn(r.previous.converted, x.range) : {}),
      })),
      fixable: f.fix !== undefined,
      ...(f.target ? { target: f.target } : {}),
      ...sourceField(r, f.range),
    })),
  };
}

const HEAD = '{\n  "files": [\n    ';
const SEPARATOR = ',\n    ';
const TAIL = '\n  ]\n}';

/**
 * One file's object as JSON.stringify(…, null, 2) writes it inside the `files` array: the document of this
 * file alone, without its head and tail (the object is cut out, not indented again line by line). The output
 * can be written file by file, byte for byte the same as the whole document at once.
 */
export function formatJsonFile(r: FileResult, index: number): string {
  const alone = JSON.stringify({ files: [fileObject(r)] }, null, 2);
  return (index === 0 ? HEAD : SEPARATOR) + alone.slice(HEAD.length, alone.length - TAIL.length);
}

/** What follows the files: the end of the array, or the whole document when there are none. */
export function formatJsonEnd(files: number): string {
  return files === 0 ? '{\n  "files": []\n}' : TAIL;
}

export function formatJson(results: readonly FileResult[]): string {
  return results.map(formatJsonFile).join('') + formatJsonEnd(results.length);
}
