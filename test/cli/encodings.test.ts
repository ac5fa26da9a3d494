/**
 * Encodings: UTF-8 with or without BOM, UTF-16 LE/BE with BOM and GBK/GB18030 give the findings of the
 * UTF-8 original; a binary file or one in an unknown encoding gets one `file-encoding` finding and the run goes on.
 * The encoded copies are made here with iconv-lite, a real encoder.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { runJson, SAMPLE, sampleText, tempDir, writeTree, type JsonFile } from './support/cli';

const t = tempDir();
const text004 = sampleText(SAMPLE.s004);
const text001 = sampleText(SAMPLE.s001);

before(() => {
  writeTree(t.dir, {
    'utf8.txt': Buffer.from(text004, 'utf8'),
    'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text004, 'utf8')]),
    'utf16le.txt': iconv.encode(text004, 'utf-16le', { addBOM: true }),
    'utf16be.txt': iconv.encode(text004, 'utf-16be', { addBOM: true }),
    'gbk.txt': iconv.encode(text004, 'gbk'),
    'gb18030.txt': iconv.encode(text001, 'gb18030'),
    'utf8-001.txt': Buffer.from(text001, 'utf8'),
    // A PNG header: NUL bytes.
    'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    // Latin-1 bytes and 0x80/0xFF: neither UTF-8 nor GB18030.
    'latin1.txt': Buffer.from([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x80, 0x0a, 0xff, 0xfe, 0x41]),
    // A UTF-16 BOM followed by an odd number of bytes.
    'broken-utf16.txt': Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]),
    'empty.txt': Buffer.alloc(0),
  });
});
after(() => t.remove());

const at = (name: string) => join(t.dir, name);
const withoutPath = (f: JsonFile) => f.diagnostics;

test('the encoded fixtures hold the sample text exactly (every character is encodable)', () => {
  assert.equal(iconv.decode(iconv.encode(text004, 'gbk'), 'gbk'), text004);
  assert.equal(iconv.decode(iconv.encode(text001, 'gb18030'), 'gb18030'), text001);
  assert.ok(!iconv.encode(text004, 'gbk').equals(Buffer.from(text004, 'utf8')), 'GBK bytes differ from UTF-8');
});

test('UTF-8 with BOM, UTF-16 LE and BE with BOM, GBK: the same findings as the UTF-8 file', () => {
  const names = ['utf8.txt', 'utf8-bom.txt', 'utf16le.txt', 'utf16be.txt', 'gbk.txt'];
  const { run, files } = runJson(names.map(at));
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(files.map((f) => f.encoding), ['UTF-8', 'UTF-8 BOM', 'UTF-16LE', 'UTF-16BE', 'GBK/GB18030']);
  assert.deepEqual(files.map((f) => f.version), ['2019', '2019', '2019', '2019', '2019']);
  assert.ok(files[0].diagnostics.some((d) => d.code === 'item-total'), 'the UTF-8 original has its findings');
  for (const f of files.slice(1)) assert.deepEqual(withoutPath(f), withoutPath(files[0]), f.path);
});

test('GB18030 text of another sample: the same findings as its UTF-8 original', () => {
  const { files } = runJson([at('gb18030.txt'), at('utf8-001.txt')]);
  assert.equal(files[0].encoding, 'GBK/GB18030');
  assert.ok(files[0].diagnostics.length > 0);
  assert.deepEqual(files[0].diagnostics, files[1].diagnostics);
});

test('a binary file and an unknown encoding: one file-encoding finding each, and the run goes on', () => {
  const { run, files } = runJson([at('binary.txt'), at('latin1.txt'), at('broken-utf16.txt'), at('utf8.txt')]);
  assert.equal(run.code, 1);
  assert.equal(run.stderr, '');
  assert.deepEqual(files.map((f) => f.path), [at('binary.txt'), at('latin1.txt'), at('broken-utf16.txt'), at('utf8.txt')]);
  for (const f of files.slice(0, 3)) {
    assert.equal(f.diagnostics.length, 1, `exactly one finding for ${f.path}, not a report-binary as well`);
    const [d] = f.diagnostics;
    assert.equal(d.code, 'file-encoding');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(f.encoding, null);
    assert.equal(f.version, null);
  }
  assert.match(files[0].diagnostics[0].message, /NUL 字节/);
  assert.match(files[1].diagnostics[0].message, /无法识别文件编码/);
  assert.ok(files[3].diagnostics.length > 1, 'the readable file after them is still checked');
});

test('file-encoding follows --locale and --rule', () => {
  const en = runJson(['--locale', 'en', at('binary.txt')]);
  assert.match(en.files[0].diagnostics[0].message, /contains NUL bytes/);
  const off = runJson(['--rule', 'file-encoding=off', at('binary.txt'), at('latin1.txt')]);
  assert.equal(off.run.code, 0);
  assert.deepEqual(off.files.map((f) => f.diagnostics), [[], []]);
});

test('an empty file: the engine\'s one report-empty finding, no file-encoding', () => {
  const { files } = runJson([at('empty.txt')]);
  assert.deepEqual(files[0].diagnostics.map((d) => d.code), ['report-empty']);
  assert.equal(files[0].encoding, 'UTF-8');
});
