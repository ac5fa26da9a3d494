/** The CLI's pure pieces, in process: decoding and encoding, the caret frame, argument parsing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { frameLine } from '../../server/src/cli/formats/frame';
import { decode, encode, type Encoding } from '../../server/src/files/read';

const TEXT = '2023年政府信息公开工作年度报告\r\n一、总体情况\n（一）主动公开\t12\t件 𠀀\n';

test('decode: each supported encoding gives the text back, and encode gives the bytes back', () => {
  // GBK has no 𠀀 (GB18030 encodes it in four bytes).
  const gbkText = TEXT.replace('𠀀', '');
  const cases: { bytes: Buffer; text: string; encoding: Encoding; bom: boolean }[] = [
    { bytes: Buffer.from(TEXT, 'utf8'), text: TEXT, encoding: 'utf-8', bom: false },
    { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), text: TEXT, encoding: 'utf-8', bom: true },
    { bytes: iconv.encode(TEXT, 'utf-16le', { addBOM: true }), text: TEXT, encoding: 'utf-16le', bom: true },
    { bytes: iconv.encode(TEXT, 'utf-16be', { addBOM: true }), text: TEXT, encoding: 'utf-16be', bom: true },
    { bytes: iconv.encode(TEXT, 'gb18030'), text: TEXT, encoding: 'gb18030', bom: false },
    { bytes: iconv.encode(gbkText, 'gbk'), text: gbkText, encoding: 'gb18030', bom: false },
  ];
  for (const c of cases) {
    const d = decode(c.bytes);
    assert.equal(d.kind, 'text');
    if (d.kind !== 'text') continue;
    assert.equal(d.encoding, c.encoding);
    assert.equal(d.bom, c.bom);
    assert.equal(d.text, c.text, `${c.encoding}${c.bom ? ' BOM' : ''}: the text`);
    assert.ok(encode(d.text, d.encoding, d.bom).equals(c.bytes), `${c.encoding}${c.bom ? ' BOM' : ''}: the bytes back`);
  }
});

test('decode: NUL bytes are binary; bytes that are neither UTF-8 nor GB18030 are an unknown encoding', () => {
  assert.equal(decode(Buffer.from([0x41, 0x00, 0x42])).kind, 'binary');
  assert.equal(decode(Buffer.from('abc\u0000', 'utf8')).kind, 'binary');
  assert.equal(decode(Buffer.from([0x52, 0xe9, 0x80, 0xff])).kind, 'unknown-encoding', 'Latin-1 with 0x80 and 0xFF');
  assert.equal(decode(Buffer.from([0xff, 0xfe, 0x41])).kind, 'unknown-encoding', 'UTF-16 BOM, odd length');
  assert.equal(decode(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])).kind, 'unknown-encoding', 'UTF-16 with a lone surrogate');
  assert.equal(decode(Buffer.from([0xef, 0xbb, 0xbf, 0xc3])).kind, 'unknown-encoding', 'UTF-8 BOM, broken UTF-8');
  assert.equal(decode(Buffer.from([0xb0, 0xa1, 0x01, 0x02])).kind, 'unknown-encoding', 'control characters are not text');
  const empty = decode(Buffer.alloc(0));
  assert.deepEqual(empty, { kind: 'text', text: '', encoding: 'utf-8', bom: false });
});

test('frameLine: the caret counts CJK and full-width as two columns, an astral character once, tabs to stops of 4', () => {
  const line = '（一）主动公开\t12\t𠀀件';
  assert.deepEqual(frameLine(line, 3, 7), { text: '（一）主动公开  12  𠀀件', caret: '      ^^^^^^^^' });
  assert.equal(frameLine(line, 8, 10).caret, '                ^^', 'after the tab: column 16');
  assert.equal(frameLine(line, 11, 13).caret, '                    ^^', 'the surrogate pair is one wide character');
  assert.equal(frameLine(line, 13, 14).caret, '                      ^^');
  assert.equal(frameLine('abc', 1, 1).caret, ' ^', 'an empty span still gets one caret');
  assert.equal(frameLine('abc', 1, Number.MAX_SAFE_INTEGER).caret, ' ^^', 'a span past the line marks to its end');
});

test('frameLine: a long line is cut around the caret, which stays under its character', () => {
  const line = '甲'.repeat(200) + '目标' + '乙'.repeat(200);
  const f = frameLine(line, 200, 202, 60);
  const at = f.caret.indexOf('^');
  assert.ok(f.text.startsWith('…') && f.text.endsWith('…'));
  let col = 0;
  let i = 0;
  for (const ch of f.text) {
    if (col === at) break;
    col += ch === '…' ? 1 : 2;
    i += ch.length;
  }
  assert.equal(f.text.slice(i, i + 2), '目标');
  assert.equal(f.caret.trim(), '^^^^');
});

test('parseArgs: defaults, repeated flags, fix modes, `--`', () => {
  const o = parseArgs(['a.txt']);
  assert.ok(typeof o === 'object');
  assert.deepEqual(
    {
      format: o.format, version: o.version, locale: o.locale, maxWarnings: o.maxWarnings, quiet: o.quiet, fix: o.fix,
      rules: o.rules, ignore: o.ignore,
    },
    { format: 'text', version: undefined, locale: 'zh-CN', maxWarnings: -1, quiet: false, fix: 'off', rules: {}, ignore: [] },
  );
  const p = parseArgs(['--fix-dry-run', '--rule', 'cell-blank=off', '--max-warnings=3', '--ignore', 'x/**', '--ignore=y', '--', '--odd-name.txt']);
  assert.ok(typeof p === 'object');
  assert.equal(p.fix, 'dry-run');
  assert.equal(p.maxWarnings, 3);
  assert.deepEqual(p.rules, { 'cell-blank': 'off' });
  assert.deepEqual(p.ignore, ['x/**', 'y']);
  assert.deepEqual(p.paths, ['--odd-name.txt'], 'after --, a dash is a path');
  assert.throws(() => parseArgs(['--rule', 'nope=off', 'a']), UsageError);
});
