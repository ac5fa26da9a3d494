/**
 * The table preview's HTML, without the DOM or vscode: the page shell (strict CSP with a nonce, no
 * remote resources, theme colours only through VS Code's CSS variables, one small script) and the tables as
 * HTML fragments (server/src/render/tables-html.ts, shared with the browser page), which the script puts
 * in place. Unit-tested in test/unit/preview-html.test.ts.
 */
export { escapeHtml, tableHtml, tablesHtml, type PreviewStrings } from '../../../server/src/render/tables-html';
import { escapeHtml, type PreviewStrings } from '../../../server/src/render/tables-html';
import { pageHead } from '../../../server/src/render/page';

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 12px 16px; }
h1 { font-size: 1.2em; font-weight: 600; margin: 12px 0 4px; }
h2 { font-size: 1.05em; font-weight: 600; margin: 16px 0 6px; }
.version, .note { color: var(--vscode-descriptionForeground); font-weight: normal; }
table { border-collapse: collapse; margin-bottom: 8px; }
th, td { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border)); padding: 2px 6px; vertical-align: top; }
thead th { background: var(--vscode-editorWidget-background); font-weight: 600; text-align: center; }
th.label { text-align: left; font-weight: normal; max-width: 24em; }
td.cell { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; font-family: var(--vscode-editor-font-family); min-width: 2.5em; }
td.text { color: var(--vscode-editorWarning-foreground); text-align: left; }
td.missing, th.missing-row { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); }
td.blank .value { color: var(--vscode-descriptionForeground); }
td.total { background: var(--vscode-inputValidation-errorBackground); outline: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); outline-offset: -1px; color: var(--vscode-errorForeground); font-weight: 600; }
td.part { background: var(--vscode-editor-findMatchHighlightBackground); }
.expected { display: block; font-size: 0.85em; font-weight: normal; }
[role="button"] { cursor: pointer; }
[role="button"]:hover { background-color: var(--vscode-list-hoverBackground); }
[role="button"]:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
td.total[role="button"]:hover { background: var(--vscode-inputValidation-errorBackground); text-decoration: underline; }
.legend { color: var(--vscode-descriptionForeground); }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: middle; margin: 0 4px 0 8px; }
.swatch.total { background: var(--vscode-inputValidation-errorBackground); outline: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); }
.swatch.part { background: var(--vscode-editor-findMatchHighlightBackground); }
`;

/** Runs in the webview: puts each rendered answer in place and asks the extension to reveal a clicked cell. */
const SCRIPT = `
const vscode = acquireVsCodeApi();
const root = document.getElementById('tables');
const title = document.getElementById('title');
window.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || m.type !== 'render') return;
  title.textContent = m.title;
  root.innerHTML = m.html;
  document.body.dataset.version = String(m.version);
});
function reveal(target) {
  const el = target instanceof Element ? target.closest('[data-start-line]') : null;
  if (!el) return;
  const n = (name) => Number(el.getAttribute('data-' + name));
  vscode.postMessage({ type: 'reveal', range: {
    start: { line: n('start-line'), character: n('start-character') },
    end: { line: n('end-line'), character: n('end-character') },
  } });
}
root.addEventListener('click', (event) => reveal(event.target));
root.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); reveal(event.target); }
});
vscode.postMessage({ type: 'ready' });
`;

/** The page: only our nonce'd style and script may run; nothing is loaded from anywhere. */
export function previewPage(options: { nonce: string; lang: string; strings: PreviewStrings }): string {
  const { nonce, lang, strings } = options;
  return [
    ...pageHead({ lang, title: strings.title, nonce, style: STYLE, script: true }),
    `<h1 id="title">${escapeHtml(strings.title)}</h1>`,
    `<div id="tables"><p class="note">${escapeHtml(strings.waiting)}</p></div>`,
    `<script nonce="${escapeHtml(nonce)}">${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
