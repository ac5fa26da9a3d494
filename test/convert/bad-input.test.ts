/**
 * Broken and hostile published files through the CLI: each gives exactly one finding that says what is wrong,
 * the run never crashes or hangs, and the other files of the same run are still checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { convertFileSync } from '../../server/src/convert/run';
import { BAD, CLI, CONVERTER, ensureBundles, FIXTURES, ROOT } from './support';

interface JsonOut {
  files: { path: string; diagnostics: { code: string; message: string; severity: string }[] }[];
}

function run(args: string[]): { status: number | null; out: JsonOut; stderr: string } {
  ensureBundles();
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, out: JSON.parse(r.stdout) as JsonOut, stderr: r.stderr };
}

/** File, code, and words the message must contain (checked by hand against the catalogue). */
const CASES: [string, string, string][] = [
  ['scanned.pdf', 'file-conversion', 'OCR'],
  ['encrypted.docx', 'file-conversion', '加密'],
  ['corrupt.pdf', 'file-conversion', '已损坏'],
  ['truncated.pdf', 'file-conversion', '已损坏'],
  ['not-a-pdf.pdf', 'file-conversion', '与扩展名不符'],
  ['truncated.docx', 'file-conversion', '已损坏'],
  ['zip-bomb.docx', 'file-conversion', '压缩炸弹'],
  ['entities.docx', 'file-conversion', '结构异常'],
  ['deep.docx', 'file-conversion', '结构异常'],
  ['deep.html', 'file-conversion', '结构异常'],
  ['many-pages.pdf', 'file-conversion', '5000 页'],
  ['huge-page.pdf', 'file-conversion', '页面过大'],
  ['no-report.html', 'file-conversion', '没有年度报告'],
  ['report.doc', 'file-conversion', '另存为 .docx 或 PDF'],
  ['report.wps', 'file-conversion', '另存为 .docx 或 PDF'],
];

test('every broken or hostile file: one finding naming the problem; a good file in the same run is still checked', () => {
  const good = join(FIXTURES, '004_fcebe1c6f102ee17.html');
  const { status, out } = run([...CASES.map(([f]) => join(BAD, f)), good]);
  assert.equal(status, 1, 'errors found: exit code 1');
  assert.equal(out.files.length, CASES.length + 1);
  CASES.forEach(([file, code, words], i) => {
    const r = out.files[i];
    assert.ok(r.path.endsWith(file), r.path);
    assert.equal(r.diagnostics.length, 1, `${file}: one finding, got ${JSON.stringify(r.diagnostics)}`);
    assert.equal(r.diagnostics[0].code, code, file);
    assert.equal(r.diagnostics[0].severity, 'error', file);
    assert.ok(r.diagnostics[0].message.includes(words), `${file}: 「${r.diagnostics[0].message}」 mentions 「${words}」`);
  });
  const last = out.files[CASES.length];
  assert.ok(last.diagnostics.length > 0 && last.diagnostics.every((d) => d.code !== 'file-conversion'), 'the good page is checked as a report');
});

test('a file over 50 MB is not opened: one report-too-large', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-big-'));
  try {
    const big = join(dir, '年度报告.pdf');
    const fd = openSync(big, 'w');
    writeSync(fd, '%PDF-1.7\n');
    writeSync(fd, '%%EOF\n', 51 * 1024 * 1024);
    closeSync(fd);
    const { out } = run([big]);
    assert.deepEqual(out.files[0].diagnostics.map((d) => d.code), ['report-too-large']);
    assert.ok(out.files[0].diagnostics[0].message.includes('51 MB'), out.files[0].diagnostics[0].message);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the time cap stops a conversion that runs too long and says so', () => {
  ensureBundles();
  const r = convertFileSync(join(FIXTURES, '000_4be19b291208bb33.pdf'), { script: CONVERTER, timeoutMs: 1 });
  assert.deepEqual(r, { kind: 'failed', format: null, reason: 'timeout' });
});

test('a .doc in a folder is reported by name, next to the reports converted from the same folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-folder-'));
  try {
    copyFileSync(join(BAD, 'report.doc'), join(dir, '2022年度报告.doc'));
    copyFileSync(join(FIXTURES, '004_fcebe1c6f102ee17.docx'), join(dir, '株洲市卫健委2019年度报告.docx'));
    copyFileSync(join(BAD, 'report.doc'), join(dir, 'unrelated.doc'));
    const { out } = run([dir]);
    assert.deepEqual(out.files.map((f) => f.path.slice(dir.length + 1)).sort(), ['2022年度报告.doc', '株洲市卫健委2019年度报告.docx']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the converter bundle works on its own, as shipped in the .vsix (no node_modules, iconv.js beside it): pdf.js warnings stay off stdout', () => {
  ensureBundles();
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-alone-'));
  try {
    const script = join(dir, 'convert.mjs');
    copyFileSync(CONVERTER, script);
    // The bundles share iconv-lite's tables in dist/iconv.js (esbuild.mjs).
    copyFileSync(join(dirname(CONVERTER), 'iconv.js'), join(dir, 'iconv.js'));
    const r = convertFileSync(join(FIXTURES, '004_fcebe1c6f102ee17.pdf'), { script });
    assert.equal(r.kind, 'converted', JSON.stringify(r).slice(0, 300));
    if (r.kind === 'converted') assert.equal(r.pages, 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an OFD file (a zip, GB/T 33190) is named as OFD, not supported yet: export PDF; never the Word message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-ofd-'));
  try {
    const ofd = join(dir, '年度报告.ofd');
    writeFileSync(ofd, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]));
    const { out } = run([ofd]);
    const [finding] = out.files[0].diagnostics;
    assert.equal(out.files[0].diagnostics.length, 1);
    assert.equal(finding.code, 'file-conversion');
    assert.equal(finding.message, '这是 OFD 版式文件，暂不支持：请用 OFD 阅读器（如数科、福昕 OFD）导出或打印为 PDF 后再检查');
    assert.doesNotMatch(finding.message, /Word/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
