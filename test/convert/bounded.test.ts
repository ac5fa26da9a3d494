/**
 * Issue 23: the converter is bounded in resident memory (not only heap), and a file that is no report is told
 * what it is: a PDF text layer of garbage glyphs, a Word file holding megabytes of text, a page too large to parse.
 * The hostile files are generated here (make-pdf.ts), not committed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import * as iconv from 'iconv-lite';
import { CLI, CONVERTER, ensureBundles, ROOT } from './support';
import { inflatingStream, onePagePdf } from './make-pdf';
import { tempDir } from '../cli/support/cli';

interface JsonOut {
  files: { path: string; diagnostics: { code: string; message: string; severity: string }[] }[];
}

function check(file: string, locale = 'zh-CN', env: Readonly<Record<string, string>> = {}): { status: number | null; out: JsonOut } {
  ensureBundles();
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', '--locale', locale, file], {
    cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, ...env },
  });
  return { status: r.status, out: JSON.parse(r.stdout) as JsonOut };
}

/** The peak resident size of a process (Linux VmHWM), polled until it ends; null where /proc is absent. */
function peakResident(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

test('a 4 MB PDF whose one content stream inflates to 4 GiB: stopped at the resident cap, one finding', async (t) => {
  ensureBundles();
  const d = tempDir();
  try {
    const stream = inflatingStream(4096);
    assert.ok(stream.length > 4_000_000 && stream.length < 4_500_000, `${stream.length} bytes`);
    const file = join(d.dir, '膨胀年度报告.pdf');
    writeFileSync(file, onePagePdf(stream, 'FlateDecode'));
    // The converter alone, as the CLI and the server run it, its resident size watched from outside.
    const child = spawn(process.execPath, ['--max-old-space-size=768', CONVERTER, file], { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, peakResident(child.pid!) ?? 0);
    }, 10);
    const started = Date.now();
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    clearInterval(timer);
    const seconds = (Date.now() - started) / 1000;
    assert.deepEqual(JSON.parse(stdout), { kind: 'failed', format: 'pdf', reason: 'memory', detail: '768' });
    assert.equal(signal, 'SIGKILL', 'the watchdog ends the process at once');
    t.diagnostic(`inflating-stream PDF: converter peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (cap 768 MB), stopped after ${seconds.toFixed(1)} s`);
    if (peakResident(process.pid) !== null) assert.ok(peak > 0 && peak < 1.2 * 1024 ** 3, `peak ${peak}`);
    // Through the CLI, with a lower cap (reached sooner, far from the 30 s time cap on a loaded machine).
    const { status, out } = check(file, 'zh-CN', { XXGK_CONVERT_RESIDENT_MB: '256' });
    assert.equal(status, 1);
    assert.deepEqual(out.files[0].diagnostics.map((x) => [x.code, x.severity]), [['file-conversion', 'error']]);
    assert.match(out.files[0].diagnostics[0].message, /转换占用内存超过 256 MB，已停止/);
  } finally {
    d.remove();
  }
});

test('a PDF whose text layer is garbage glyphs says so, not "no report"', () => {
  const d = tempDir();
  try {
    // GBK bytes shown with a Latin font: what a PDF without a usable character mapping gives.
    const gbk = iconv.encode('政府信息公开工作年度报告，本机关依法主动公开政府信息，办理依申请公开。', 'gbk');
    const literal = Buffer.from([0x28, ...[...gbk].flatMap((b) => (b === 0x28 || b === 0x29 || b === 0x5c ? [0x5c, b] : [b])), 0x29]);
    const file = join(d.dir, '乱码年度报告.pdf');
    writeFileSync(file, onePagePdf(Buffer.concat([Buffer.from('BT /F1 12 Tf 72 720 Td '), literal, Buffer.from(' Tj ET')])));
    const zh = check(file).out.files[0].diagnostics;
    assert.deepEqual(zh.map((x) => x.code), ['file-conversion']);
    assert.match(zh[0].message, /PDF 的文字层无法读取（乱码字形，1 页）/);
    assert.match(check(file, 'en').out.files[0].diagnostics[0].message, /text layer is unreadable \(garbage glyphs, 1 pages\)/);
    // Readable Latin text that is no report stays "no report".
    const plain = join(d.dir, 'plain年度报告.pdf');
    writeFileSync(plain, onePagePdf(Buffer.from('BT /F1 12 Tf 72 720 Td (Minutes of the meeting held on Monday about the garden) Tj ET')));
    assert.match(check(plain).out.files[0].diagnostics[0].message, /没有年度报告的内容/);
  } finally {
    d.remove();
  }
});

test('a Word file holding 2 MB of text is told it holds too much text to be a report', () => {
  const d = tempDir();
  try {
    const paragraph = '<w:p><w:r><w:t>本机关依法主动公开政府信息，办理依申请公开，无行政复议及行政诉讼案件。</w:t></w:r></w:p>';
    const body = paragraph.repeat(Math.ceil((2.2 * 1024 * 1024) / Buffer.byteLength('本机关依法主动公开政府信息，办理依申请公开，无行政复议及行政诉讼案件。')));
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    });
    const file = join(d.dir, '长文年度报告.docx');
    writeFileSync(file, docx);
    const found = check(file).out.files[0].diagnostics;
    assert.deepEqual(found.map((x) => [x.code, x.severity]), [['file-conversion', 'error']]);
    assert.match(found[0].message, /文件中的文字有 2\.\d MB，超过 2\.0 MB 的上限，不是一份年度报告/);
  } finally {
    d.remove();
  }
});

test('a web page over 16 MB is refused before parsing: report-too-large', () => {
  const d = tempDir();
  try {
    const file = join(d.dir, '大网页年度报告.html');
    writeFileSync(file, `<html><body>${'<p>本机关依法主动公开政府信息。</p>'.repeat(Math.ceil((17 * 1024 * 1024) / 48))}</body></html>`);
    const found = check(file).out.files[0].diagnostics;
    assert.deepEqual(found.map((x) => [x.code, x.severity]), [['report-too-large', 'error']]);
    assert.match(found[0].message, /超过 16\.0 MB|超过 16 MB/);
  } finally {
    d.remove();
  }
});
