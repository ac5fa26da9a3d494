/**
 * The browser page: choose, drop or paste reports; each is checked in a Web Worker (pool.ts) and its findings are
 * listed grouped by file, as VS Code's Problems panel groups them; a click shows the finding in the report's
 * text; the tables as the editor's preview grid; the safely fixed text of a text report to download; a list of
 * every report checked. Nothing leaves the computer: files are read with the File API, results stay in memory.
 */
import workerSource from 'virtual:worker-source';
import { MAX_FILE_BYTES, CONVERT_TIMEOUT_MS } from '../../../server/src/convert/limits';
import { localeOf } from '../../../server/src/messages';
import { escapeHtml, tablesHtml } from '../../../server/src/render/tables-html';
import type { WebFinding, WebResult } from '../check/result';
import { failedResult } from './outcome';
import { CheckPool, type Outcome, type WorkerLike } from './pool';
import { stringsFor } from './strings';
import { showText } from './text-view';
import { renderReviewer } from './reviewer';
import { comparisonHtml } from '../../../server/src/render/compare-html';
import { COMPARE_STRINGS } from '../../../server/src/render/compare-strings';

const locale = localeOf(navigator.language);
const S = stringsFor(locale);
document.documentElement.lang = locale;
document.title = `${S.title} · xxgk-check`;

/** The time cap per file (the CLI's conversion cap); `#cap=MS` in the address sets another (the tests use it). */
const capMs = Number(/(?:^#|&)cap=(\d+)/.exec(location.hash)?.[1]) || CONVERT_TIMEOUT_MS;

const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
const makeWorker = (): WorkerLike => new Worker(workerUrl) as unknown as WorkerLike;
const pool = new CheckPool(makeWorker, Math.min(2, Math.max(1, (navigator.hardwareConcurrency || 2) - 1)), capMs);

interface Entry {
  readonly index: number;
  readonly result: WebResult;
  readonly ms: number;
}
const entries: Entry[] = [];
let selected: number | null = null;
let pasted = 0;
let pending = 0;
let submitted = 0;

const app = document.getElementById('app')!;
app.innerHTML = `
<header>
  <h1>${escapeHtml(S.title)}</h1>
  <p class="privacy" id="privacy">${escapeHtml(S.privacy)}</p>
</header>
<section class="input" id="drop">
  <label class="button"><input type="file" id="files" multiple accept=".txt,.pdf,.docx,.html,.htm,text/plain,application/pdf">${escapeHtml(S.choose)}</label>
  <span class="hint">${escapeHtml(S.drop)}</span>
  <details class="paste"><summary>${escapeHtml(S.pasteLabel)}</summary>
    <textarea id="paste" rows="6" spellcheck="false"></textarea>
    <button type="button" id="check-paste">${escapeHtml(S.pasteCheck)}</button>
  </details>
  <p id="progress" class="progress" aria-live="polite"></p>
</section>
<main>
  <section class="problems" aria-label="${escapeHtml(S.problems)}">
    <h2>${escapeHtml(S.problems)}</h2>
    <div id="problems"><p class="note">${escapeHtml(S.none)}</p></div>
  </section>
  <section class="detail" id="detail" hidden>
    <h2 id="detail-name"></h2>
    <p id="detail-actions"></p>
    <h3>${escapeHtml(S.reportText)}</h3>
    <pre id="report" class="report"></pre>
    <h3>${escapeHtml(S.tables)}</h3>
    <div id="tables" class="tables"></div>
  </section>
</main>
<section class="reviewer" id="reviewer" hidden></section>
<section class="compare" id="compare" hidden></section>
`;

const $ = (id: string) => document.getElementById(id)!;

function rangeLabel(f: WebFinding): string {
  const at = S.lineColumn(f.range.start.line + 1, f.range.start.character + 1);
  return f.source ? `${S.source(f.source)} · ${at}` : at;
}

function groupHtml(e: Entry): string {
  const r = e.result;
  const n = (s: string) => r.findings.filter((f) => f.severity === s).length;
  const others = r.findings.length - n('error') - n('warning');
  const items = r.findings.map((f, k) => {
    const range = `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
    return `<li><button type="button" class="finding ${f.severity}" data-file="${e.index}" data-finding="${k}" data-code="${escapeHtml(f.code)}" data-severity="${f.severity}" data-range="${range}">`
      + `<span class="sev" title="${escapeHtml(S.severity[f.severity] ?? f.severity)}"></span>`
      + `<span class="message">${escapeHtml(f.message)}</span> <span class="code">${escapeHtml(f.code)}</span> <span class="where">${escapeHtml(rangeLabel(f))}</span></button></li>`;
  }).join('');
  return `<details class="group" open data-file="${e.index}" data-name="${escapeHtml(r.name)}">`
    + `<summary><span class="name">${escapeHtml(r.name)}</span> <span class="counts">${escapeHtml(r.findings.length ? S.counts(n('error'), n('warning'), others) : S.noFindings)}</span></summary>`
    + `<ul>${items}</ul></details>`;
}

function renderProblems(): void {
  const sorted = [...entries].sort((a, b) => a.index - b.index);
  $('problems').innerHTML = sorted.length ? sorted.map(groupHtml).join('') : `<p class="note">${escapeHtml(S.none)}</p>`;
  $('progress').textContent = pending > 0 ? S.checking(submitted - pending, submitted) : '';
  document.body.dataset.pending = String(pending);
  renderReviewer($('reviewer'), sorted.map((x) => x.result), S, { open: (i) => select(sorted[i]?.index ?? null, null), compare });
}

let fixedUrl: string | null = null;

function select(index: number | null, finding: number | null): void {
  const e = entries.find((x) => x.index === index);
  if (!e) return;
  const r = e.result;
  if (selected !== index) {
    selected = index;
    $('detail').hidden = false;
    $('detail-name').textContent = r.name;
    $('tables').innerHTML = r.tables.length || r.status !== 'unreadable' ? tablesHtml(r.tables, S.preview) : '';
    const actions = $('detail-actions');
    actions.replaceChildren();
    if (fixedUrl) URL.revokeObjectURL(fixedUrl);
    fixedUrl = null;
    if (r.fixed) {
      fixedUrl = URL.createObjectURL(new Blob([r.fixed.text], { type: 'text/plain;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = fixedUrl;
      a.id = 'download-fixed';
      a.className = 'button';
      a.download = r.name.replace(/(\.[^.]*)?$/, '.fixed.txt');
      a.textContent = S.downloadFixed(r.fixed.applied);
      actions.append(a);
    }
  }
  for (const b of document.querySelectorAll('.finding.selected')) b.classList.remove('selected');
  const f = finding === null ? null : r.findings[finding];
  if (finding !== null) document.querySelector(`.finding[data-file="${index}"][data-finding="${finding}"]`)?.classList.add('selected');
  const mark = showText($('report'), r.text, f ? f.range : null);
  mark?.scrollIntoView({ block: 'center' });
}

function reveal(index: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }): void {
  const e = entries.find((x) => x.index === index);
  if (!e) return;
  showText($('report'), e.result.text, range)?.scrollIntoView({ block: 'center' });
}

$('problems').addEventListener('click', (event) => {
  const b = (event.target as Element).closest('.finding');
  if (!(b instanceof HTMLElement)) return;
  select(Number(b.dataset.file), Number(b.dataset.finding));
});
$('tables').addEventListener('click', (event) => {
  const el = (event.target as Element).closest('[data-start-line]');
  if (!(el instanceof HTMLElement) || selected === null) return;
  const n = (k: string) => Number(el.getAttribute(`data-${k}`));
  reveal(selected, { start: { line: n('start-line'), character: n('start-character') }, end: { line: n('end-line'), character: n('end-character') } });
});

/** Two reports compared in the worker, shown as the editor's comparison view and `--compare --format html` show it. */
function compare(previous: WebResult, current: WebResult): void {
  const root = $('compare');
  root.hidden = false;
  root.innerHTML = `<h2>${escapeHtml(COMPARE_STRINGS[locale].title)}</h2><p class="note">${escapeHtml(S.comparing)}</p>`;
  void pool.run({ type: 'compare', name: `${previous.name} → ${current.name}`, previous: previous.text, current: current.text }).then((outcome) => {
    const body = outcome.kind === 'compared'
      ? comparisonHtml(outcome.comparison, { previous: previous.name, current: current.name }, COMPARE_STRINGS[locale])
      : `<p class="note">${escapeHtml(outcome.kind === 'crashed' ? outcome.error : 'timeout')}</p>`;
    root.innerHTML = `<h2>${escapeHtml(COMPARE_STRINGS[locale].title)}</h2><div id="compare-body">${body}</div>`;
    root.scrollIntoView({ block: 'start' });
  });
}

function settle(index: number, name: string, outcome: Outcome): void {
  pending--;
  const result = outcome.kind === 'result' ? outcome.result
    : outcome.kind === 'crashed' ? failedResult(name, 'corrupt', outcome.error, locale, capMs)
      : failedResult(name, 'timeout', '', locale, capMs);
  entries.push({ index, result, ms: outcome.kind === 'result' ? outcome.ms : capMs });
  renderProblems();
  if (selected === null) select(index, null);
}

function submit(files: readonly File[]): void {
  for (const file of files) {
    const index = submitted++;
    pending++;
    if (file.size > MAX_FILE_BYTES) {
      settle(index, file.name, { kind: 'result', result: failedResult(file.name, 'too-large', String(file.size), locale, capMs), ms: 0 });
      continue;
    }
    void file.arrayBuffer().then(
      (buffer) => pool.run({ type: 'bytes', name: file.name, bytes: new Uint8Array(buffer), locale }),
      (error: unknown): Outcome => ({ kind: 'crashed', error: error instanceof Error ? error.message : String(error) }),
    ).then((outcome) => settle(index, file.name, outcome));
  }
  renderProblems();
}

($('files') as HTMLInputElement).addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  submit([...(input.files ?? [])]);
  input.value = '';
});
for (const type of ['dragenter', 'dragover']) {
  document.addEventListener(type, (event) => {
    event.preventDefault();
    $('drop').classList.add('over');
  });
}
document.addEventListener('dragleave', () => $('drop').classList.remove('over'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  $('drop').classList.remove('over');
  submit([...(event.dataTransfer?.files ?? [])]);
});
$('check-paste').addEventListener('click', () => {
  const text = ($('paste') as HTMLTextAreaElement).value;
  if (text.trim() === '') return;
  const index = submitted++;
  pending++;
  const name = S.pastedName(++pasted);
  void pool.run({ type: 'text', name, text, locale }).then((outcome) => settle(index, name, outcome));
  renderProblems();
});

/** For the tests and the bench: what has been checked, and how long each file took in its worker. */
(window as unknown as { xxgk: unknown }).xxgk = {
  results: () => [...entries].sort((a, b) => a.index - b.index).map((e) => ({ ...e.result, ms: e.ms })),
  pending: () => pending,
};
