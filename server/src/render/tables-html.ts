/**
 * The three tables as HTML fragments, without the DOM or vscode: each cell with its kind and mark (the total a
 * broken identity blames, its parts) and, when it is in the text, its range as data attributes for a click to
 * reveal. Shared by the editor's table preview (client/src/preview/html.ts) and the browser page (web/).
 */
import type { PreviewCell, PreviewRow, PreviewTable, TextRange } from '../protocol';
import { escapeHtml } from './page';

/** Every word the preview shows, in the editor's language (the caller translates). */
export interface PreviewStrings {
  readonly title: string;
  readonly empty: string;
  readonly waiting: string;
  readonly legendTotal: string;
  readonly legendPart: string;
  readonly blank: string;
  readonly missing: string;
  readonly rowHeader: string;
  readonly formatVersion: (version: string) => string;
  readonly expected: (value: number) => string;
  readonly reveal: string;
}

export { escapeHtml };

/** The attributes a clickable element carries: where it is in the document. */
function rangeAttributes(range: TextRange | null, label: string, strings: PreviewStrings): string {
  if (!range) return '';
  const { start, end } = range;
  return ` tabindex="0" role="button" data-start-line="${start.line}" data-start-character="${start.character}" data-end-line="${end.line}" data-end-character="${end.character}" title="${escapeHtml(`${strings.reveal}: ${label}`)}"`;
}

function cellHtml(cell: PreviewCell, row: PreviewRow, column: string | undefined, strings: PreviewStrings): string {
  const classes = ['cell', cell.kind];
  if (cell.mark) classes.push(cell.mark);
  const shown = cell.kind === 'missing' ? strings.missing : cell.kind === 'blank' && cell.text === '' ? strings.blank : cell.text;
  const expected = cell.mark === 'total' && cell.expected !== null
    ? `<span class="expected">${escapeHtml(strings.expected(cell.expected))}</span>`
    : '';
  const label = column === undefined ? row.label : `${row.label} · ${column}`;
  return `<td class="${classes.join(' ')}"${rangeAttributes(cell.range, label, strings)}><span class="value">${escapeHtml(shown)}</span>${expected}</td>`;
}

function rowHtml(row: PreviewRow, table: PreviewTable, width: number, strings: PreviewStrings): string {
  const cells = row.cells.map((c, i) => cellHtml(c, row, table.columns[i], strings));
  for (let i = row.cells.length; i < width; i++) cells.push('<td class="cell none"></td>');
  const label = `<th scope="row" class="label${row.labelRange ? '' : ' missing-row'}"${rangeAttributes(row.labelRange, row.label, strings)}>${escapeHtml(row.label)}</th>`;
  return `<tr data-row="${escapeHtml(row.id)}">${label}${cells.join('')}</tr>`;
}

export function tableHtml(table: PreviewTable, strings: PreviewStrings): string {
  const width = Math.max(table.columns.length, ...table.rows.map((r) => r.cells.length));
  const head = table.columns.length
    ? `<thead><tr><th scope="col">${escapeHtml(strings.rowHeader)}</th>${table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`
    : '';
  return [
    `<section class="table" data-table="${escapeHtml(table.id)}">`,
    `<h2>${escapeHtml(table.name)} <span class="version">${escapeHtml(strings.formatVersion(table.version))}</span></h2>`,
    table.readAs ? `<p class="note read-as${table.readable === false ? ' unreadable' : ''}">${escapeHtml(table.readAs)}</p>` : '',
    `<table>${head}<tbody>${table.rows.map((r) => rowHtml(r, table, width, strings)).join('')}</tbody></table>`,
    '</section>',
  ].join('');
}

/** The body of the preview for one answer: a legend, then each table; a note when there is none. */
export function tablesHtml(tables: readonly PreviewTable[], strings: PreviewStrings): string {
  if (tables.length === 0) return `<p class="note">${escapeHtml(strings.empty)}</p>`;
  const legend = `<p class="legend"><span class="swatch total"></span>${escapeHtml(strings.legendTotal)} <span class="swatch part"></span>${escapeHtml(strings.legendPart)}</p>`;
  return legend + tables.map((t) => tableHtml(t, strings)).join('');
}
