/**
 * A published file in every CLI output: findings keep their line and column in the converted text and gain
 * the place in the original — `source` in JSON, the page in text output, the region's property bag in SARIF —
 * and `--emit-text` writes the converted text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ensureBundles, FIXTURES, ROOT } from './support';

const PDF = join(FIXTURES, '004_fcebe1c6f102ee17.pdf');

function cli(args: string[]) {
  ensureBundles();
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
}

interface Diagnostic {
  code: string;
  range: { start: { line: number; character: number } };
  source?: { page?: number; table?: number; row?: number; cell?: number; box?: unknown; path?: string; paragraph?: number };
  target?: { row?: string; column?: string };
}

/** The files of `--format json`, as far as these tests read them. */
function jsonFiles(stdout: string): { converted: { format: string; pages: number }; diagnostics: Diagnostic[] }[] {
  return (JSON.parse(stdout) as { files: { converted: { format: string; pages: number }; diagnostics: Diagnostic[] }[] }).files;
}

interface SarifLog {
  runs: {
    results: {
      properties?: { target?: { row?: string } };
      locations: { physicalLocation: { region: { startLine: number; properties: { source: { page?: number } } } } }[];
    }[];
  }[];
}

test('JSON: a PDF finding carries the page and the table cell it came from; the file says it was converted', () => {
  const r = cli(['--format', 'json', PDF]);
  const file = jsonFiles(r.stdout)[0];
  assert.equal(file.converted.format, 'pdf');
  assert.ok(file.converted.pages >= 4, `pages: ${file.converted.pages}`);
  // The sample's (七)总计 row is all zeros although its outcomes add up: item-total on that row's cells.
  const onTotal = file.diagnostics.filter((d) => d.target?.row === 'R3.7');
  assert.ok(onTotal.length > 0, 'findings on the (七)总计 row');
  for (const d of onTotal) {
    // poppler's `pdftotext -f 4 -l 4` prints (七)总计 on page 4, and on no other page.
    assert.equal(d.source?.page, 4);
    assert.equal(typeof d.source?.cell, 'number', 'points at a cell, not just the row');
    assert.ok(d.source?.box, 'with its box on the page');
  }
  // The 自然人 cell is the row's second cell drawn (the row label spans the first three columns)...
  const natural = onTotal.find((d) => d.target?.column === 'natural');
  assert.equal(natural?.source?.cell, 1);
  // ...and lies left of the 总计 cell, on the same row band.
  const total = onTotal.find((d) => d.target?.column === 'total');
  const [a, b] = [natural?.source?.box as { x: number; y: number }, total?.source?.box as { x: number; y: number }];
  assert.ok(a.x < b.x && a.y === b.y, `${JSON.stringify(a)} before ${JSON.stringify(b)} on one row`);
});

test('JSON: a web page finding names the element, a Word finding the table cell', () => {
  const html = jsonFiles(cli(['--format', 'json', join(FIXTURES, '004_fcebe1c6f102ee17.html')]).stdout)[0].diagnostics;
  // Counted by hand in the page: the report sits in the body's third <div> (after the header and the
  // breadcrumb), Table 3 is its second <table>; (七)总计 is the 25th <tr> (3 header rows, then R1, R2, and 20
  // outcome rows before it), and its 自然人 is the 2nd <td> (the label spans two columns, the group label above
  // it spans rows, so it has no <td> here).
  const cell = html.find((d) => d.target?.row === 'R3.7' && d.target?.column === 'natural');
  assert.equal(cell?.source?.path, 'body>div[3]>div[1]>table[2]>tbody[1]>tr[25]>td[2]');
  const docx = jsonFiles(cli(['--format', 'json', join(FIXTURES, '004_fcebe1c6f102ee17.docx')]).stdout)[0].diagnostics;
  // In Word the group label's vMerge continuation is a cell of its own: 自然人 is the row's third cell (index 2).
  const wordCell = docx.find((d) => d.target?.row === 'R3.7' && d.target?.column === 'natural');
  assert.deepEqual(wordCell?.source, { table: 1, row: 24, cell: 2 });
});

test('text output: the page after the message', () => {
  const r = cli([PDF]);
  assert.match(r.stdout, /（第 \d+ 页）/);
  assert.match(r.stdout, /由 PDF（\d+ 页）转换/);
});

test('SARIF: the region keeps the converted line and column and carries the source in its property bag', () => {
  const log = JSON.parse(cli(['--format', 'sarif', PDF]).stdout) as SarifLog;
  const result = log.runs[0].results.find((x) => x.properties?.target?.row === 'R3.7');
  assert.ok(result, 'a result on the (七)总计 row');
  const region = result.locations[0].physicalLocation.region;
  assert.equal(typeof region.startLine, 'number');
  assert.equal(typeof region.properties.source.page, 'number');
});

test('--emit-text writes the converted text, which checks to the same findings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-emit-'));
  try {
    const pdfJson = jsonFiles(cli(['--format', 'json', '--emit-text', dir, PDF]).stdout)[0].diagnostics;
    const out = join(dir, '004_fcebe1c6f102ee17.pdf.txt');
    assert.ok(existsSync(out));
    assert.match(readFileSync(out, 'utf8'), /政府信息公开/);
    const txt = jsonFiles(cli(['--format', 'json', out]).stdout)[0].diagnostics;
    assert.deepEqual(txt.map((d) => [d.code, d.range.start]), pdfJson.map((d) => [d.code, d.range.start]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
