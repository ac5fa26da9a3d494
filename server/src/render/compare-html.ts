/**
 * The comparison as HTML: one fragment for both the self-contained page of `--compare --format html`
 * (a file a reviewer can send on: no script, nothing loaded, colours with light defaults) and the
 * editor's comparison view (VS Code's theme variables win; its script makes cells with a range clickable).
 */
import type { Comparison } from '../engine';
import type { CompareRange as TextRange } from '../engine';
import { TABLE_SHORT_NAMES, VALUE_TABLES } from '../engine';
import type { CompareStrings } from './compare-strings';
import { escapeHtml, pageHead } from './page';

export { escapeHtml };

/** Where a clickable element points: which report and which range. */
function at(side: 'previous' | 'current', range: TextRange | null): string {
  if (!range) return '';
  return ` data-side="${side}" data-start-line="${range.start.line}" data-start-character="${range.start.character}" data-end-line="${range.end.line}" data-end-character="${range.end.character}" tabindex="0" role="button"`;
}

const num = (n: number | null, s: CompareStrings) => (n === null ? `<span class="unread">${escapeHtml(s.unread)}</span>` : String(n));
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export interface CompareHtmlFiles {
  readonly previous: string;
  readonly current: string;
}

export function comparisonHtml(c: Comparison, files: CompareHtmlFiles, s: CompareStrings): string {
  const out: string[] = [];
  const side = (name: string, path: string, x: Comparison['previous']) =>
    `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(path)}</td><td>${escapeHtml(x.body ?? '—')}</td><td>${x.year ?? '—'}</td><td>${escapeHtml(x.version ?? '—')}</td></tr>`;
  out.push(`<table class="pair"><thead><tr><th></th><th></th><th>${escapeHtml(s.body)}</th><th>${escapeHtml(s.year)}</th><th>${escapeHtml(s.version)}</th></tr></thead><tbody>`,
    side(s.previous, files.previous, c.previous), side(s.current, files.current, c.current), '</tbody></table>');
  for (const n of c.notes) out.push(`<p class="note warn">${escapeHtml(s.notes[n])}</p>`);

  out.push(`<h2>${escapeHtml(s.cells)}</h2><p class="legend"><span class="swatch large"></span>${escapeHtml(s.large(c.threshold))}</p>`);
  for (const table of VALUE_TABLES) {
    const cells = c.cells.filter((x) => x.table === table);
    if (cells.length === 0) continue;
    out.push(`<h3>${escapeHtml(TABLE_SHORT_NAMES[table])}</h3><table class="cells" data-table="${table}"><thead><tr><th>${escapeHtml(s.cell)}</th><th>${escapeHtml(s.previous)}</th><th>${escapeHtml(s.current)}</th><th>${escapeHtml(s.change)}</th><th>${escapeHtml(s.percent)}</th></tr></thead><tbody>`);
    for (const x of cells) {
      const cls = [x.previous !== x.current ? 'changed' : 'same', x.large ? 'large' : ''].filter(Boolean).join(' ');
      out.push(`<tr class="${cls}" data-id="${escapeHtml(x.id)}"><th scope="row" title="${escapeHtml(x.id)}">${escapeHtml(x.label.split('·').slice(1).join('·'))}</th>`
        + `<td class="num"${at('previous', x.previousRange)}>${num(x.previous, s)}</td><td class="num"${at('current', x.currentRange)}>${num(x.current, s)}</td>`
        + `<td class="num">${x.change === null ? '' : signed(x.change)}</td><td class="num">${x.percent === null ? '' : `${signed(x.percent)}%`}</td></tr>`);
    }
    out.push('</tbody></table>');
  }

  out.push(`<h2>${escapeHtml(s.rows)}</h2>`);
  out.push(c.rows.length === 0 ? `<p class="note">${escapeHtml(s.none)}</p>` : `<ul>${c.rows.map((r) => `<li class="${r.kind}"${at(r.kind === 'added' ? 'current' : 'previous', r.range)}>${escapeHtml(r.kind === 'added' ? s.rowAdded : s.rowRemoved)}: ${escapeHtml(r.label)}</li>`).join('')}</ul>`);
  if (c.unmatched.previousOnly.length + c.unmatched.currentOnly.length > 0) {
    out.push(`<h2>${escapeHtml(s.unmatched)}</h2><p>${escapeHtml(s.previousOnly)}: <code>${escapeHtml(c.unmatched.previousOnly.join(', ') || s.none)}</code></p><p>${escapeHtml(s.currentOnly)}: <code>${escapeHtml(c.unmatched.currentOnly.join(', ') || s.none)}</code></p>`);
  }

  out.push(`<h2>${escapeHtml(s.carryOver)}</h2><p class="note">${escapeHtml(s.carryOverExplain)}</p><table class="carry"><tbody>`);
  for (const l of c.carryOver) {
    const verdict = l.holds === null ? s.unread : l.holds ? s.holds : s.broken;
    out.push(`<tr class="${l.holds === false ? 'large' : ''}"><th scope="row">${escapeHtml(l.label)}</th><td class="num"${at('previous', l.previousRange)}>${num(l.previous, s)}</td><td class="num"${at('current', l.currentRange)}>${num(l.current, s)}</td><td>${escapeHtml(verdict)}</td></tr>`);
  }
  out.push('</tbody></table>');

  out.push(`<h2>${escapeHtml(s.copied)} (${c.copiedParagraphs.length})</h2><p class="note">${escapeHtml(s.copiedExplain)}</p>`);
  if (c.copiedParagraphs.length) {
    out.push(`<ul class="copied">${c.copiedParagraphs.map((p) => `<li${at('current', p.currentRange)}><span class="where">${escapeHtml(s.line(p.currentRange.start.line + 1))} ≈ ${escapeHtml(s.previous)} ${escapeHtml(s.line(p.previousRange.start.line + 1))} · ${escapeHtml(s.similarity)} ${p.similarity}</span> ${escapeHtml(p.text)}</li>`).join('')}</ul>`);
  }
  out.push(`<h2>${escapeHtml(s.staleYears)} (${c.staleYears.length})</h2><p class="note">${escapeHtml(s.staleYearsExplain)}</p>`);
  if (c.staleYears.length) out.push(`<ul class="stale">${c.staleYears.map((y) => `<li${at('current', y.range)}><span class="where">${escapeHtml(s.line(y.range.start.line + 1))}</span> ${escapeHtml(y.sentence)}</li>`).join('')}</ul>`);

  out.push(`<h2>${escapeHtml(s.sections)}</h2>`);
  out.push(c.sections.length === 0 ? `<p class="note">${escapeHtml(s.none)}</p>` : `<ul>${c.sections.map((x) => `<li class="${x.kind}"${at(x.kind === 'added' ? 'current' : 'previous', x.range)}>${escapeHtml(x.kind === 'added' ? s.sectionAdded : s.sectionMissing)}: ${escapeHtml(x.title)}</li>`).join('')}</ul>`);
  return out.join('\n');
}

/** Theme variables of VS Code with light defaults, so the page reads the same outside the editor. */
export const COMPARE_STYLE = `
body { color: var(--vscode-foreground, #1f1f1f); background: var(--vscode-editor-background, #ffffff); font-family: var(--vscode-font-family, system-ui, "PingFang SC", "Microsoft YaHei", sans-serif); font-size: var(--vscode-font-size, 14px); padding: 0 12px 16px; }
h1 { font-size: 1.25em; } h2 { font-size: 1.1em; margin-top: 1.4em; } h3 { font-size: 1em; }
table { border-collapse: collapse; margin-bottom: 8px; }
th, td { border: 1px solid var(--vscode-editorWidget-border, #c8c8c8); padding: 2px 6px; text-align: left; vertical-align: top; }
thead th { background: var(--vscode-editorWidget-background, #f3f3f3); }
td.num { text-align: right; font-variant-numeric: tabular-nums; font-family: var(--vscode-editor-font-family, monospace); }
tr.same { color: var(--vscode-descriptionForeground, #6a6a6a); }
tr.large td, tr.large th, .swatch.large { background: var(--vscode-inputValidation-warningBackground, #fff4ce); }
tr.large td.num { font-weight: 600; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: middle; margin-right: 4px; border: 1px solid var(--vscode-inputValidation-warningBorder, #b89500); }
.note { color: var(--vscode-descriptionForeground, #6a6a6a); }
.warn { color: var(--vscode-editorWarning-foreground, #8a6d00); }
.unread { color: var(--vscode-disabledForeground, #999999); }
.where { color: var(--vscode-descriptionForeground, #6a6a6a); }
li.added { color: var(--vscode-gitDecoration-addedResourceForeground, #1a7f37); }
li.missing, li.removed { color: var(--vscode-gitDecoration-deletedResourceForeground, #b42318); }
[role="button"] { cursor: pointer; }
[role="button"]:hover { background-color: var(--vscode-list-hoverBackground, #e8e8e8); }
[role="button"]:focus { outline: 1px solid var(--vscode-focusBorder, #0066cc); outline-offset: -1px; }
`;

/**
 * The comparison page, one renderer for both front ends (issue 22): the CLI's `--format html` page has no script
 * at all; the editor's webview passes its click script, allowed by the same nonce. Only its own style and that
 * script (by nonce) may apply; nothing is loaded.
 */
export function comparisonPage(
  c: Comparison, files: CompareHtmlFiles, s: CompareStrings, lang: string, nonce: string, script?: string,
): string {
  return [
    ...pageHead({ lang, title: s.title, nonce, style: COMPARE_STYLE, script: script !== undefined }),
    `<h1>${escapeHtml(s.title)}</h1>`,
    comparisonHtml(c, files, s),
    ...(script !== undefined ? [`<script nonce="${escapeHtml(nonce)}">${script}</script>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
