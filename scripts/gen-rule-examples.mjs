// Writes the example output of every rule page (docs/rules/<code>.md) from the page's own example input: each
// ```console block of 错误示例 is what `xxgk-check --format compact` prints for the ```text block(s) before it,
// saved as 报告.txt, and the ```console block of the English "Examples" is the same run with `--locale en`.
// A page without a text example names its files below (binary, too large, a PDF or a .doc). The two pages whose
// finding cannot be produced on purpose (file-unreadable: a read error; internal-error: a rule's own bug) keep
// a hand-written block, checked for the compact shape only.
//
// An example that is an excerpt (it has a “……” line for rows left out) is checked inside a complete report:
// test/fixtures/rule-examples/complete-report.txt, which alone gives no finding, with the excerpt's lines put in
// (see inReport). Positions in its output are lines of that complete report.
//
//   node scripts/gen-rule-examples.mjs           rewrite the blocks (dist/cli.js must be built)
//   node scripts/gen-rule-examples.mjs --check   exit 1 if a page differs (test/ci/rule-examples.test.ts)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RULES = join(ROOT, 'docs', 'rules');
const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'convert', 'bad');

/** Pages whose example cannot be produced on purpose. */
export const HAND_WRITTEN = ['file-unreadable', 'internal-error'];

/** Pages whose example is files rather than a text block: name → bytes. */
const FILES = {
  'file-conversion': () => ({ '损坏.pdf': readFileSync(join(FIXTURES, 'corrupt.pdf')), '年报.doc': readFileSync(join(FIXTURES, 'report.doc')) }),
  'file-encoding': () => ({
    '年报.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    // Traditional Chinese in Big5: named as such, not read as garbled GBK.
    '繁体年报.txt': iconv.encode('某某縣人民政府二〇二三年政府資訊公開工作年度報告。本機關依法主動公開政府資訊，辦理依申請公開，無行政複議及行政訴訟案件。\n'.repeat(3), 'big5'),
  }),
  // Sample 002 (no finding) with its Table 1 row 规章 written 1,000 times more.
  'table-oversized': () => {
    const text = readFileSync(join(ROOT, 'samples', '002_931eb61caecda62d.txt'), 'utf8');
    return { '报告.txt': Buffer.from(text.replace('规章\t0\t0\t0\n', '规章\t0\t0\t0\n'.repeat(1001)), 'utf8') };
  },
  'report-too-large': () => {
    const one = readFileSync(join(ROOT, 'samples', '004_fcebe1c6f102ee17.txt'));
    return { '合并.txt': Buffer.concat(Array.from({ length: Math.ceil(3_000_000 / one.length) }, () => one)) };
  },
};

/** Pages whose example is a folder (the files above, checked as `.`): a file that is no report is listed only there. */
const FOLDER_ARGS = { 'file-not-report': ['.'] };
FILES['file-not-report'] = () => ({
  '报告.txt': readFileSync(join(ROOT, 'samples', '002_931eb61caecda62d.txt')),
  't20250131_4417300.html': readFileSync(join(FIXTURES, 'no-report.html')),
});

/** Pages whose 正确示例 also shows a run: name → bytes (a PDF with a text layer: converted and checked). */
const CORRECT_FILES = {
  'file-conversion': () => ({ '年报.pdf': readFileSync(join(ROOT, 'test', 'fixtures', 'convert', '004_fcebe1c6f102ee17.pdf')) }),
};

/** The complete, consistent report an excerpt is checked in (no finding alone). */
const BASE = join(ROOT, 'test', 'fixtures', 'rule-examples', 'complete-report.txt');
const OMITTED = '……';
const TITLE = /政府信息公开工作年度报告$/;

/** The line's key for matching an excerpt line to the complete report's line: the title, or its label (the
 * text before the first TAB); none for a line of numbers only or a line with no label. */
function key(line) {
  const t = line.trim();
  if (TITLE.test(t)) return 'title';
  const label = line.split('\t')[0].trim();
  return /[\u4e00-\u9fff]/.test(label) ? label : undefined;
}

/** The six section headings of the template: an excerpt that stops without “……” stops at the end of its section. */
const SECTIONS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

/**
 * The excerpt put into the complete report. Each excerpt line with a key replaces the report's next line with
 * the same key (searching on from the last replaced line); any other line goes in where it stands. Lines of
 * the report between two excerpt lines that follow each other are dropped (the excerpt shows them next to each
 * other); a “……” line keeps the report's lines up to the next match, as does the start of the excerpt. An
 * excerpt that ends without “……” ends its section. The report takes the year of the excerpt's title.
 */
export function inReport(excerpt, base = readFileSync(BASE, 'utf8')) {
  const title = excerpt.split('\n').find((l) => TITLE.test(l.trim()));
  const year = title && /(\d{4})年/.exec(title)?.[1];
  const baseYear = /(\d{4})年/.exec(base)?.[1];
  const lines = (year && baseYear ? base.replaceAll(`${baseYear}年`, `${year}年`) : base).replace(/\n+$/, '').split('\n');
  const out = [];
  let cursor = 0;
  let keep = true;
  for (const line of excerpt.split('\n')) {
    if (line.trim() === OMITTED) { keep = true; continue; }
    const k = key(line);
    const at = k === undefined ? -1 : lines.findIndex((l, i) => i >= cursor && key(l) === k);
    if (at >= 0) {
      if (keep) out.push(...lines.slice(cursor, at));
      cursor = at + 1;
      keep = false;
    }
    out.push(line);
  }
  if (!keep) {
    const next = lines.findIndex((l, i) => i >= cursor && SECTIONS.includes(l.trim()));
    out.push('');
    cursor = next < 0 ? lines.length : next;
  }
  out.push(...lines.slice(cursor));
  return `${out.join('\n')}\n`;
}

const asReport = (input) => (input.split('\n').some((l) => l.trim() === OMITTED) ? inReport(input) : `${input}\n`);

/** The last year's report of a page's example: its first text block, saved under this name. */
const PREVIOUS = { 'carry-over-mismatch': '2022年报.txt' };

function check(files, args) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-rule-example-'));
  try {
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const r = spawnSync(process.execPath, [CLI, '--format', 'compact', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
    if (r.status === 2 || r.status === null) throw new Error(`xxgk-check ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trimEnd();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One example run: the command as a reader types it, then what it prints. */
function example(code, inputs, locale, given = FILES[code]) {
  const lang = locale === 'en' ? ['--locale', 'en'] : [];
  let files;
  let paths;
  let extra = [];
  if (given) {
    files = given();
    paths = FOLDER_ARGS[code] ?? Object.keys(files);
  } else if (PREVIOUS[code] && inputs.length === 2) {
    files = { [PREVIOUS[code]]: asReport(inputs[0]), '报告.txt': asReport(inputs[1]) };
    extra = ['--previous', PREVIOUS[code]];
    paths = ['报告.txt'];
  } else {
    if (inputs.length !== 1) throw new Error(`${code}: ${inputs.length} text blocks before one output block`);
    files = { '报告.txt': asReport(inputs[0]) };
    paths = ['报告.txt'];
  }
  const args = [...lang, ...extra, ...paths];
  const out = check(files, args);
  return `$ xxgk-check --format compact ${args.join(' ')}\n${out}`;
}

/** The page with its output blocks regenerated. */
export function regenerate(code, md) {
  const lines = md.split('\n');
  const out = [];
  let h2 = '';
  let h3 = '';
  let pending = [];
  const failing = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('## ')) { h2 = line; h3 = ''; }
    else if (line.startsWith('### ')) h3 = line;
    const fence = /^```(\w+)$/.exec(line);
    if (!fence) { out.push(line); continue; }
    let j = i + 1;
    while (lines[j] !== '```') j++;
    const body = lines.slice(i + 1, j).join('\n');
    let replacement = body;
    if (fence[1] === 'text' && h2 === '## 错误示例') pending.push(body);
    if (fence[1] === 'console' && !HAND_WRITTEN.includes(code)) {
      if (h2 === '## 错误示例') {
        failing.push(pending);
        replacement = example(code, pending, 'zh-CN');
        pending = [];
      } else if (h2 === '## 正确示例' && CORRECT_FILES[code]) {
        replacement = example(code, [], 'zh-CN', CORRECT_FILES[code]);
      } else if (h3 === '### Examples') {
        replacement = failing.map((inputs) => example(code, inputs, 'en')).join('\n');
      }
    }
    out.push(line, ...(replacement === '' ? [] : replacement.split('\n')), '```');
    i = j;
  }
  return out.join('\n');
}

export function rulePages() {
  return readdirSync(RULES).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().map((f) => f.slice(0, -3));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const stale = [];
  for (const code of rulePages()) {
    const path = join(RULES, `${code}.md`);
    const md = readFileSync(path, 'utf8');
    const next = regenerate(code, md);
    if (next === md) continue;
    stale.push(code);
    if (!process.argv.includes('--check')) writeFileSync(path, next);
  }
  if (process.argv.includes('--check') && stale.length > 0) {
    process.stderr.write(`example output not current in docs/rules/ (${stale.join(', ')}): run \`npm run -s build && node scripts/gen-rule-examples.mjs\`\n`);
    process.exit(1);
  }
  process.stderr.write(`${stale.length} page(s) ${process.argv.includes('--check') ? 'stale' : 'rewritten'}\n`);
}
