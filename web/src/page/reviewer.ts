/**
 * The reviewer's view: every report checked in one list (body, year, format version, errors, warnings, status),
 * sorted by a click on a column and filtered by a word; the figures exported as the CLI's `--format csv`
 * (server/src/render/csv.ts); and the findings per report as a bar chart. The chart is a few SVG rectangles
 * drawn here: a charting library (ECharts is ~1 MB minified) would spend a sixth of the page's 6 MB budget on
 * one bar chart.
 */
import { formatCsv } from '../../../server/src/render/csv';
import { escapeHtml } from '../../../server/src/render/tables-html';
import type { WebResult } from '../check/result';
import type { UiStrings } from './strings';

type Column = 'name' | 'body' | 'year' | 'version' | 'errors' | 'warnings' | 'status';
const COLUMNS: readonly Column[] = ['name', 'body', 'year', 'version', 'errors', 'warnings', 'status'];

interface Row {
  readonly index: number;
  readonly cells: Readonly<Record<Column, string | number>>;
}

let sortBy: Column = 'name';
let descending = false;
let filter = '';
let csvUrl: string | null = null;
/** The reports ticked for comparison, at most two (the latest two ticks). */
let picked: WebResult[] = [];

const count = (r: WebResult, s: string) => r.findings.filter((f) => f.severity === s).length;

function rowOf(r: WebResult, index: number, S: UiStrings): Row {
  return {
    index,
    cells: {
      name: r.name, body: r.values?.body ?? '', year: r.values?.year ?? '', version: r.version ?? '',
      errors: count(r, 'error'), warnings: count(r, 'warning'), status: S.status[r.status] ?? r.status,
    },
  };
}

function compare(a: Row, b: Row): number {
  const x = a.cells[sortBy];
  const y = b.cells[sortBy];
  const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
  return (descending ? -c : c) || a.index - b.index;
}

/** Findings per report: one horizontal bar of errors and one of warnings for each. */
function chart(rows: readonly Row[], S: UiStrings): string {
  const max = Math.max(1, ...rows.map((r) => Number(r.cells.errors) + Number(r.cells.warnings)));
  const barH = 18;
  const labelW = 260;
  const width = 720;
  const scale = (width - labelW - 60) / max;
  const bars = rows.map((r, i) => {
    const y = i * (barH + 6);
    const e = Number(r.cells.errors) * scale;
    const w = Number(r.cells.warnings) * scale;
    const label = String(r.cells.name);
    return `<text x="${labelW - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(label.length > 30 ? `${label.slice(0, 29)}…` : label)}</text>`
      + `<rect class="bar-error" x="${labelW}" y="${y}" width="${e.toFixed(1)}" height="${barH}"><title>${escapeHtml(`${label}: ${r.cells.errors} ${S.columns.errors}`)}</title></rect>`
      + `<rect class="bar-warning" x="${(labelW + e).toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barH}"><title>${escapeHtml(`${label}: ${r.cells.warnings} ${S.columns.warnings}`)}</title></rect>`
      + `<text x="${(labelW + e + w + 4).toFixed(1)}" y="${y + 13}">${r.cells.errors} / ${r.cells.warnings}</text>`;
  }).join('');
  const height = Math.max(1, rows.length) * (barH + 6);
  return `<figure><figcaption>${escapeHtml(S.chartFindings)} (<span class="swatch bar-error"></span>${escapeHtml(S.columns.errors)} <span class="swatch bar-warning"></span>${escapeHtml(S.columns.warnings)})</figcaption>`
    + `<svg class="chart" id="chart-findings" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(S.chartFindings)}">${bars}</svg></figure>`;
}

export interface ReviewerActions {
  /** Show a report's findings and text. */
  readonly open: (index: number) => void;
  /** Compare two reports: last year's first. */
  readonly compare: (previous: WebResult, current: WebResult) => void;
}

/** The pair in the order `--compare LAST THIS` takes it: the earlier year first, else the order ticked. */
export function comparePair(a: WebResult, b: WebResult): [WebResult, WebResult] {
  const ya = a.values?.year;
  const yb = b.values?.year;
  return ya != null && yb != null && yb < ya ? [b, a] : [a, b];
}

export function renderReviewer(root: HTMLElement, results: readonly WebResult[], S: UiStrings, actions: ReviewerActions): void {
  root.hidden = results.length === 0;
  if (results.length === 0) return;
  const all = results.map((r, i) => rowOf(r, i, S));
  const needle = filter.trim().toLowerCase();
  const rows = all.filter((r) => needle === '' || COLUMNS.some((c) => String(r.cells[c]).toLowerCase().includes(needle))).sort(compare);
  const head = COLUMNS.map((c) => `<th scope="col"><button type="button" data-sort="${c}" aria-sort="${c === sortBy ? (descending ? 'descending' : 'ascending') : 'none'}">${escapeHtml(S.columns[c])}${c === sortBy ? (descending ? ' ▼' : ' ▲') : ''}</button></th>`).join('');
  picked = picked.filter((p) => results.includes(p));
  const body = rows.map((r) => `<tr data-index="${r.index}"><td class="pick"><input type="checkbox" data-pick="${r.index}"`
    + `${picked.includes(results[r.index]) ? ' checked' : ''} aria-label="${escapeHtml(S.pick)}"></td>${COLUMNS.map((c) => `<td class="${c}">${escapeHtml(String(r.cells[c]))}</td>`).join('')}</tr>`).join('');
  if (csvUrl) URL.revokeObjectURL(csvUrl);
  const csv = formatCsv(results.map((r) => ({
    path: r.name, version: r.version, status: r.status, values: r.values, errors: count(r, 'error'), warnings: count(r, 'warning'),
  })));
  csvUrl = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const focused = document.activeElement?.id === 'reviewer-filter';
  root.innerHTML = `<h2>${escapeHtml(S.reviewer)} (${results.length})</h2>`
    + `<p><input type="search" id="reviewer-filter" placeholder="${escapeHtml(S.filter)}" value="${escapeHtml(filter)}"> `
    + `<a class="button" id="export-csv" href="${csvUrl}" download="xxgk-check.csv">${escapeHtml(S.exportCsv)}</a> `
    + `<button type="button" id="compare-picked"${picked.length === 2 ? '' : ' disabled'}>${escapeHtml(S.comparePicked)}</button></p>`
    + `<table class="reports"><thead><tr><th scope="col">${escapeHtml(S.pick)}</th>${head}</tr></thead><tbody>${body}</tbody></table>`
    + chart(rows, S);
  const input = root.querySelector<HTMLInputElement>('#reviewer-filter')!;
  if (focused) {
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }
  input.addEventListener('input', () => {
    filter = input.value;
    renderReviewer(root, results, S, actions);
  });
  for (const b of root.querySelectorAll<HTMLButtonElement>('[data-sort]')) {
    b.addEventListener('click', () => {
      const c = b.dataset.sort as Column;
      descending = c === sortBy ? !descending : c === 'errors' || c === 'warnings';
      sortBy = c;
      renderReviewer(root, results, S, actions);
    });
  }
  for (const tr of root.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
    tr.addEventListener('click', (event) => {
      if (!(event.target instanceof HTMLInputElement)) actions.open(Number(tr.dataset.index));
    });
  }
  for (const box of root.querySelectorAll<HTMLInputElement>('[data-pick]')) {
    box.addEventListener('change', () => {
      const r = results[Number(box.dataset.pick)];
      picked = box.checked ? [...picked.filter((p) => p !== r), r].slice(-2) : picked.filter((p) => p !== r);
      renderReviewer(root, results, S, actions);
    });
  }
  root.querySelector('#compare-picked')?.addEventListener('click', () => {
    if (picked.length === 2) actions.compare(...comparePair(picked[0], picked[1]));
  });
}
