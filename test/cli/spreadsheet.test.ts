/**
 * The numbers out: `--format csv` and `--format xlsx` read back (the CSV by a small parser written here,
 * the workbook with exceljs) and compared cell by cell with the tables the engine parsed; `-o FILE`;
 * the JSON gaining status, body, year and values. Spot values were read off the sample by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook, type CellValue } from 'exceljs';
import { parseReport } from '../../server/src/engine';
import { runCli, SAMPLE, SAMPLES, sampleText, tempDir, writeTree } from './support/cli';

/** A cell's value as text: '' when empty; a rich value (formula, rich text, date) as its JSON, which no expected value is. */
function plainText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** RFC 4180 fields: quotes doubled inside quoted fields; rows end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Every cell the engine read, under `<table>.<row>.<column>`: the number, or '' when not written as one. */
function engineCells(name: string): Map<string, string> {
  const report = parseReport(sampleText(name));
  const out = new Map<string, string>();
  for (const table of Object.values(report.tables)) {
    for (const row of table.rows) {
      row.cells?.forEach((cell, i) => out.set(`${table.id}.${row.id}.${row.columns[i].id}`, cell.kind === 'number' ? String(cell.value) : ''));
    }
  }
  return out;
}

const NAMES = [SAMPLE.s000, SAMPLE.s001, SAMPLE.s004];

test('csv: BOM, Chinese header then stable ids, one row per report; every cell equals the parsed table', () => {
  const r = runCli(['--format', 'csv', ...NAMES.map((n) => join(SAMPLES, n))]);
  assert.ok(r.stdout.startsWith('\uFEFF'), 'UTF-8 BOM for Excel');
  assert.ok(r.stdout.includes('\r\n'), 'CRLF rows');
  const rows = parseCsv(r.stdout.slice(1));
  assert.equal(rows.length, 2 + NAMES.length);
  const [header, ids] = rows;
  assert.deepEqual(ids.slice(0, 4), ['path', 'body', 'year', 'version']);
  assert.deepEqual(ids.slice(-3), ['errors', 'warnings', 'status']);
  assert.deepEqual(header.slice(0, 4), ['文件', '机关', '年度', '格式版本']);
  assert.equal(header[ids.indexOf('applications.R3.7.total')], '依申请公开·（七）总计·总计');
  assert.equal(new Set(ids).size, ids.length, 'column ids are unique');
  for (const [k, name] of NAMES.entries()) {
    const row = rows[2 + k];
    assert.equal(row.length, ids.length);
    const expected = engineCells(name);
    assert.ok(expected.size > 20, `${name}: the tables were read`);
    for (const [id, value] of expected) assert.equal(row[ids.indexOf(id)], value, `${name} ${id}`);
    // Cells of the catalogue the report does not have stay empty, never 0.
    for (const [i, id] of ids.entries()) if (i >= 4 && i < ids.length - 3 && !expected.has(id)) assert.equal(row[i], '', `${name} ${id} not in the report`);
  }
  const s000 = rows[2];
  assert.equal(s000[1], '湘潭县卫生健康局');
  assert.equal(s000[2], '2022');
  assert.equal(s000[3], '2021');
  assert.equal(s000[ids.indexOf('active.art20_5.licensing.decisions')], '213', 'read by hand: 行政许可 213');
  assert.equal(s000[ids.indexOf('active.art20_6.penalty.decisions')], '79', 'read by hand: 行政处罚 79');
  const s004 = rows[4];
  assert.equal(s004[3], '2019');
  assert.equal(s004[ids.indexOf('active.art20_5.licensing.change')], '-5', 'read by hand: 2019 format, 本年增/减 -5');
  assert.equal(s004[ids.indexOf('active.art20_5.licensing.decisions')], '33');
  assert.equal(s004[ids.length - 1], 'report');
});

test('csv: a blank cell and an unreadable file are empty, never 0; a file that is not a report says so', () => {
  const t = tempDir();
  try {
    const text = sampleText(SAMPLE.s000).replace('\t213', '\t—');
    writeTree(t.dir, { 'a年度报告.txt': text, 'b年度报告.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), 'c年度报告.txt': '会议纪要\n今天开会。\n' });
    const r = runCli(['--format', 'csv', '.'], { cwd: t.dir });
    const rows = parseCsv(r.stdout.slice(1));
    const ids = rows[1];
    const byPath = new Map(rows.slice(2).map((x) => [x[0], x]));
    const a = byPath.get('a年度报告.txt')!;
    assert.equal(a[ids.indexOf('active.art20_5.licensing.decisions')], '', 'a dash is no number');
    assert.equal(a[ids.indexOf('active.art20_6.penalty.decisions')], '79');
    const b = byPath.get('b年度报告.txt')!;
    assert.equal(b[ids.indexOf('status')], 'unreadable');
    assert.equal(b[ids.indexOf('errors')], '1', 'its file-encoding finding');
    assert.ok(b.slice(1, -3).every((v) => v === ''), 'no value at all');
    assert.equal(byPath.get('c年度报告.txt')![ids.indexOf('status')], 'not-report');
  } finally {
    t.remove();
  }
});

test('csv: a text cell a spreadsheet would take for a formula (= + - @ tab, per OWASP) starts with \', numbers do not', () => {
  const t = tempDir();
  try {
    const text = sampleText(SAMPLE.s000);
    writeTree(t.dir, { '=HYPERLINK(x)年度报告.txt': text, '+1年度报告.txt': text, '@SUM年度报告.txt': text, '-a年度报告.txt': text, 'ok年度报告.txt': text });
    const r = runCli(['--format', 'csv', '.'], { cwd: t.dir });
    assert.equal(r.code === 0 || r.code === 1, true, r.stderr);
    const paths = parseCsv(r.stdout.slice(1)).slice(2).map((row) => row[0]).sort();
    assert.deepEqual(paths, ["'+1年度报告.txt", "'-a年度报告.txt", "'=HYPERLINK(x)年度报告.txt", "'@SUM年度报告.txt", 'ok年度报告.txt']);
    // Standard input named by --stdin-filename is a path cell too; a tab first is guarded as well.
    const stdin = runCli(['--format', 'csv', '--stdin-filename', '\t=1+2.txt', '-'], { cwd: t.dir, input: text });
    assert.equal(parseCsv(stdin.stdout.slice(1))[2][0], "'\t=1+2.txt");
  } finally {
    t.remove();
  }
});

test('xlsx: written to -o FILE; sheets per table with Chinese headers over ids, frozen; cells equal the parsed tables', async () => {
  const t = tempDir();
  try {
    const out = join(t.dir, '汇总.xlsx');
    const r = runCli(['--format', 'xlsx', '-o', out, ...NAMES.map((n) => join(SAMPLES, n))]);
    assert.equal(r.stdout, '', 'nothing on standard output');
    const book = new Workbook();
    await book.xlsx.readFile(out);
    assert.deepEqual(book.worksheets.map((w) => w.name), ['报告', '表一 主动公开', '表二 依申请公开', '表三 复议诉讼', '问题']);
    const values = (ws: import('exceljs').Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    let checked = 0;
    for (const ws of book.worksheets.slice(1, 4)) {
      assert.equal(ws.views[0].state, 'frozen');
      assert.equal(ws.views[0].ySplit, 2);
      const ids = values(ws, 2).map(String);
      assert.deepEqual(ids.slice(0, 4), ['path', 'body', 'year', 'version']);
      assert.equal(values(ws, 1)[0], '文件');
      for (const [k, name] of NAMES.entries()) {
        const row = ws.getRow(3 + k);
        const expected = engineCells(name);
        for (const [i, id] of ids.entries()) {
          if (i < 4) continue;
          const cell = row.getCell(i + 1).value;
          const want = expected.get(id);
          assert.equal(plainText(cell), want ?? '', `${ws.name} ${name} ${id}`);
          if (want !== undefined && want !== '') assert.equal(typeof cell, 'number', 'numbers are numbers');
          checked++;
        }
      }
    }
    assert.ok(checked > 300, `cells compared: ${checked}`);
    const findings = book.getWorksheet('问题')!;
    assert.deepEqual(values(findings, 1), ['文件', '行', '列', '规则', '级别', '说明']);
    const json = JSON.parse(runCli(['--format', 'json', ...NAMES.map((n) => join(SAMPLES, n))]).stdout) as { files: { diagnostics: unknown[] }[] };
    assert.equal(findings.rowCount - 2, json.files.reduce((n, f) => n + f.diagnostics.length, 0), 'one row per finding');
  } finally {
    t.remove();
  }
});

test('-o FILE takes every format; a path that cannot be written is a usage error', () => {
  const t = tempDir();
  try {
    const out = join(t.dir, 'r.json');
    const r = runCli(['--format', 'json', '-o', out, join(SAMPLES, SAMPLE.s002)]);
    assert.equal(r.stdout, '');
    assert.equal((JSON.parse(readFileSync(out, 'utf8')) as { files: unknown[] }).files.length, 1);
    // Under a file, not a folder: no folder can be made there.
    const bad = runCli(['--format', 'csv', '--output', join(out, 'x.csv'), join(SAMPLES, SAMPLE.s002)]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /无法写入/);
  } finally {
    t.remove();
  }
});

test('json: each file gains status, body, year and values (null where no number was written)', () => {
  const r = runCli(['--format', 'json', join(SAMPLES, SAMPLE.s000)]);
  type Json = { files: { status: string; body: string; year: number; values: Record<string, number | null>; diagnostics: unknown[] }[] };
  const f = (JSON.parse(r.stdout) as Json).files[0];
  assert.equal(f.status, 'report');
  assert.equal(f.body, '湘潭县卫生健康局');
  assert.equal(f.year, 2022);
  assert.equal(f.values['active.art20_5.licensing.decisions'], 213);
  assert.ok(Array.isArray(f.diagnostics), 'the old fields stay');
  const expected = engineCells(SAMPLE.s000);
  for (const [id, v] of expected) assert.equal(f.values[id], v === '' ? null : Number(v), id);
  assert.equal(Object.hasOwn(f.values, 'active.art20_9.procurement.projects'), false, 'a 2019-only cell is not listed for a 2021 report');
});

test('compact: one line per finding that the $xxgk-check pattern reads, positions 1-based as in the JSON', async () => {
  const { COMPACT_LINE } = await import('../../server/src/cli/formats/compact');
  const path = join(SAMPLES, SAMPLE.s004);
  const lines = runCli(['--format', 'compact', path]).stdout.trimEnd().split('\n');
  const json = JSON.parse(runCli(['--format', 'json', path]).stdout) as { files: { diagnostics: { code: string; severity: string; range: { start: { line: number; character: number } } }[] }[] };
  const diagnostics = json.files[0].diagnostics;
  assert.equal(lines.length, diagnostics.length);
  lines.forEach((line, i) => {
    const m = COMPACT_LINE.exec(line);
    assert.ok(m, line);
    const d = diagnostics[i];
    assert.deepEqual(
      [m[1], Number(m[2]), Number(m[3]), m[4], m[5]],
      [path, d.range.start.line + 1, d.range.start.character + 1, d.severity, d.code],
    );
  });
});

test('on a terminal (util-linux script): xlsx without -o is refused with exit 2; text with -o writes no colour into the file', async () => {
  const { spawnSync } = await import('node:child_process');
  const { CLI, ensureBuilt } = await import('./support/cli');
  ensureBuilt();
  const t = tempDir();
  try {
    const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm' };
    const onTty = (args: string[]) => spawnSync('/usr/bin/script', ['-qec', [process.execPath, CLI, ...args].map((a) => JSON.stringify(a)).join(' '), '/dev/null'], { env, encoding: 'utf8' });
    const refused = onTty(['--format', 'xlsx', join(SAMPLES, SAMPLE.s002)]);
    assert.equal(refused.status, 2);
    assert.match(refused.stdout, /不写到终端/);
    assert.doesNotMatch(refused.stdout, /PK\u0003\u0004/, 'no zip bytes on the terminal');
    const out = join(t.dir, 'r.txt');
    assert.equal(onTty(['-o', out, join(SAMPLES, SAMPLE.s004)]).status, 1);
    const text = readFileSync(out, 'utf8');
    assert.match(text, /item-total/);
    assert.doesNotMatch(text, /\u001b\[/, 'no colour codes in the file');
  } finally {
    t.remove();
  }
});
