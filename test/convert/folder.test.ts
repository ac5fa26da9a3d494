/**
 * A reviewer's download folder (issue 22): published files named by the sites' publishing systems
 * (`P0202401….pdf`, `W0202401….docx`, `t20250130_….html`) are found by their content, each gives the findings it
 * gives under a report-like name, files that are not reports are listed as such, a broken one gets one
 * `file-conversion` finding and the rest are checked; web pages of consecutive years pair for the carry-over
 * check; `--compare` takes two PDFs. The fixtures are copies of test/fixtures/convert/ under new names, made here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BAD, CLI, ensureBundles, FIXTURES, ROOT } from './support';

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number } };
  related: { uri?: string; path?: string; message: string; source?: { page?: number; path?: string } }[];
  source?: { page?: number };
}
interface JsonFile { path: string; status: string; diagnostics: JsonDiagnostic[] }

function run(args: string[], cwd = ROOT): { status: number | null; files: JsonFile[]; stdout: string; stderr: string } {
  ensureBundles();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  const json = args.includes('json') ? (JSON.parse(r.stdout) as { files: JsonFile[] }).files : [];
  return { status: r.status, files: json, stdout: r.stdout, stderr: r.stderr };
}

function withFolder(files: Record<string, string | Buffer>, body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-download-'));
  try {
    for (const [name, from] of Object.entries(files)) {
      if (typeof from === 'string') copyFileSync(from, join(dir, name));
      else writeFileSync(join(dir, name), from);
    }
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const keyOf = (d: JsonDiagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${d.message}`;
const PDF = join(FIXTURES, '000_4be19b291208bb33.pdf');
const DOCX = join(FIXTURES, '001_4bbec81685d80308.docx');
const HTML = join(FIXTURES, '002_931eb61caecda62d.html');

test('a folder of CMS-named published files: every one found by content, with the findings it gives under a report-like name', () => {
  withFolder({
    'P020240131563581385839.pdf': PDF,
    'W020240117523419806.docx': DOCX,
    't20250130_4417263.html': HTML,
    't20250131_4417300.html': join(BAD, 'no-report.html'),
    'P020240131000000000001.pdf': join(BAD, 'corrupt.pdf'),
    // Skipped by extension, unread: an image and an archive.
    'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    'attachments.zip': Buffer.from('PK\u0003\u0004 not read'),
  }, (dir) => {
    const { status, files, stderr } = run(['--format', 'json', dir]);
    assert.equal(stderr, '');
    assert.equal(status, 1, 'the reports have errors');
    const byName = new Map(files.map((f) => [f.path.slice(dir.length + 1), f]));
    assert.deepEqual([...byName.keys()].sort(), [
      'P020240131000000000001.pdf', 'P020240131563581385839.pdf', 'W020240117523419806.docx', 't20250130_4417263.html', 't20250131_4417300.html',
    ]);
    // The same file under its report-like name, checked alone: the same findings.
    for (const [name, original] of [['P020240131563581385839.pdf', PDF], ['W020240117523419806.docx', DOCX], ['t20250130_4417263.html', HTML]]) {
      const alone = run(['--format', 'json', original]).files[0];
      assert.equal(byName.get(name)!.status, 'report', name);
      assert.deepEqual(byName.get(name)!.diagnostics.map(keyOf), alone.diagnostics.map(keyOf), name);
    }
    // A page of the site that holds no report: listed as such, info only.
    const page = byName.get('t20250131_4417300.html')!;
    assert.equal(page.status, 'not-report');
    assert.deepEqual(page.diagnostics.map((d) => [d.code, d.severity]), [['file-not-report', 'info']]);
    // A broken PDF: one file-conversion finding; the others were checked all the same.
    const broken = byName.get('P020240131000000000001.pdf')!;
    assert.deepEqual(broken.diagnostics.map((d) => d.code), ['file-conversion']);

    const text = run([dir]).stdout;
    assert.equal(text.split('\n').filter((l) => l.includes('t20250131_4417300.html')).length, 1, 'one line for the page that is no report');
  });
});

test('a folder of only images and archives: the folder has no report (exit 2, the message of old)', () => {
  withFolder({ 'a.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'b.zip': Buffer.from('PK') }, (dir) => {
    const r = run([dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /文件夹中没有找到年度报告/);
  });
});

/** Sample 003 as a web page (中牟县卫健委 2021, 上年结转 all 0), and a copy retitled 2022 whose 上年结转 自然人 reads 2. */
function htmlPair(): { y2021: Buffer; y2022: Buffer } {
  const html = readFileSync(join(FIXTURES, '003_8cda5f95bd011878.html'), 'utf8');
  const title = '中牟县卫健委2021年政府信息公开工作年度报告';
  const carried = '上年结转政府信息公开申请数量</span></p></td><td valign="center"><p align="center"><span>0</span>';
  assert.ok(html.includes(title) && html.includes(carried));
  const y2022 = html.replace(title, title.replace('2021', '2022')).replace(carried, carried.replace('<span>0</span>', '<span>2</span>'));
  return { y2021: Buffer.from(html), y2022: Buffer.from(y2022) };
}

test('web pages of consecutive years pair by body and year read from their converted text: carry-over-mismatch with the page of last year', () => {
  const { y2021, y2022 } = htmlPair();
  withFolder({ 't20220115_100.html': y2021, 't20230120_200.html': y2022 }, (dir) => {
    const { files } = run(['--format', 'json', dir]);
    const f2022 = files.find((f) => f.path.endsWith('t20230120_200.html'))!;
    const f2021 = files.find((f) => f.path.endsWith('t20220115_100.html'))!;
    assert.deepEqual(f2021.diagnostics.filter((d) => d.code === 'carry-over-mismatch'), []);
    const found = f2022.diagnostics.filter((d) => d.code === 'carry-over-mismatch');
    assert.equal(found.length, 1, JSON.stringify(f2022.diagnostics.map((d) => d.code)));
    assert.equal(found[0].related[0].uri, pathToFileURL(join(dir, 't20220115_100.html')).href);
    // The related place in last year's page keeps its element, as the finding keeps its own.
    assert.match(found[0].related[0].source?.path ?? '', />tr\[\d+\]>td\[\d+\]$/, JSON.stringify(found[0].related[0]));
  });
});

test('a report beside its own published file (same body and year): both checked; neither is its own last year, the text is next year\'s', () => {
  const { y2021, y2022 } = htmlPair();
  withFolder({
    '2021.txt': join(ROOT, 'samples', '003_8cda5f95bd011878.txt'), 't20220115_100.html': y2021, 't20230120_200.html': y2022,
  }, (dir) => {
    const { files } = run(['--format', 'json', dir]);
    assert.equal(files.length, 3);
    for (const name of ['2021.txt', 't20220115_100.html']) {
      const f = files.find((x) => x.path.endsWith(name))!;
      assert.equal(f.status, 'report', name);
      assert.deepEqual(f.diagnostics.filter((d) => d.code === 'carry-over-mismatch'), [], name);
    }
    const f2022 = files.find((f) => f.path.endsWith('t20230120_200.html'))!;
    const found = f2022.diagnostics.filter((d) => d.code === 'carry-over-mismatch');
    assert.equal(found.length, 1);
    assert.equal(found[0].related[0].uri, pathToFileURL(join(dir, '2021.txt')).href, 'the text report, not its web page');
  });
});

test('--compare takes two PDFs (and a PDF with a web page): exit 0 and the comparison', () => {
  const pdfs = run(['--compare', '--format', 'json', join(FIXTURES, '000_4be19b291208bb33.pdf'), join(FIXTURES, '002_931eb61caecda62d.pdf')]);
  assert.equal(pdfs.status, 0, pdfs.stderr);
  type Side = { body: string | null; year: number | null };
  const c = JSON.parse(pdfs.stdout) as { previous: Side; current: Side };
  assert.equal(c.previous.body, '湘潭县卫生健康局');
  assert.equal(c.current.body, '海阳市卫生健康局');
  const { y2021, y2022 } = htmlPair();
  withFolder({ 'a.html': y2021, 'b.html': y2022 }, (dir) => {
    const mixed = run(['--compare', join(dir, 'a.html'), join(dir, 'b.html')]);
    assert.equal(mixed.status, 0, mixed.stderr);
    assert.match(mixed.stdout, /中牟县卫健委/);
  });
});
