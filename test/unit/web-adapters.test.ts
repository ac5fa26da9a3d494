/**
 * The browser page's small adapters, run in Node: text decoding as the CLI decodes (web/src/files/decode.ts),
 * the worker pool's time cap (web/src/page/pool.ts, with a fake worker), and the stretch a click marks
 * (web/src/page/text-span.ts). The page itself is driven in Chromium by test/e2e/web-page.mjs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { decodeText } from '../../web/src/files/decode';
import { CheckPool, type WorkerLike } from '../../web/src/page/pool';
import { markedSpan } from '../../web/src/page/text-span';
import type { FromWorker, ToWorker } from '../../web/src/check/messages';
import type { WebResult } from '../../web/src/check/result';

const REPORT = '株洲市卫生健康委员会2019年度政府信息公开工作年度报告\n一、总体情况\n';

test('text files decode as the CLI reads them: UTF-8 with and without BOM, UTF-16 with BOM, GBK; binary and broken bytes refused', () => {
  const utf8 = new TextEncoder().encode(REPORT);
  assert.deepEqual(decodeText(utf8), { kind: 'text', text: REPORT, encoding: 'UTF-8' });
  assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])), { kind: 'text', text: REPORT, encoding: 'UTF-8 BOM' });
  const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(REPORT, 'utf-16le')]);
  assert.deepEqual(decodeText(le), { kind: 'text', text: REPORT, encoding: 'UTF-16LE' });
  const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(REPORT, 'utf-16be')]);
  assert.deepEqual(decodeText(be), { kind: 'text', text: REPORT, encoding: 'UTF-16BE' });
  assert.deepEqual(decodeText(new Uint8Array(iconv.encode(REPORT, 'gbk'))), { kind: 'text', text: REPORT, encoding: 'GBK/GB18030' });
  assert.deepEqual(decodeText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])), { kind: 'binary' });
  // A UTF-16 BOM followed by an odd number of bytes; GBK lead bytes with nothing valid after them.
  assert.deepEqual(decodeText(new Uint8Array([0xff, 0xfe, 0x41])), { kind: 'unknown-encoding' });
  assert.deepEqual(decodeText(new Uint8Array([0x81, 0x20, 0x81, 0x7f])), { kind: 'unknown-encoding' });
});

/** A worker that answers each task after `delays[name]` ms (never, when absent), and records its life. */
class FakeWorker implements WorkerLike {
  static made = 0;
  static terminated = 0;
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  private timers: ReturnType<typeof setTimeout>[] = [];
  constructor(private readonly delays: Readonly<Record<string, number>>) {
    FakeWorker.made++;
  }
  postMessage(m: ToWorker): void {
    const delay = this.delays[m.name];
    this.timers.push(setTimeout(() => this.onmessage?.({ data: { type: 'started', id: m.id } }), 0));
    if (delay === undefined) return;
    const result = { name: m.name } as WebResult;
    this.timers.push(setTimeout(() => this.onmessage?.({ data: { type: 'result', id: m.id, result, ms: delay } }), delay));
  }
  terminate(): void {
    FakeWorker.terminated++;
    for (const t of this.timers) clearTimeout(t);
  }
}

test('a file over the time cap stops its worker, says timeout, and the next files are checked by a fresh worker', async () => {
  const delays = { 'a.txt': 5, 'c.txt': 5 };
  const pool = new CheckPool(() => new FakeWorker(delays), 1, 100);
  const job = (name: string) => pool.run({ type: 'text', name, text: '', locale: 'zh-CN' });
  const [a, hang, c] = await Promise.all([job('a.txt'), job('hang.txt'), job('c.txt')]);
  assert.equal(a.kind === 'result' && a.result.name, 'a.txt');
  assert.equal(hang.kind, 'timeout');
  assert.equal(c.kind === 'result' && c.result.name, 'c.txt');
  assert.equal(FakeWorker.made, 2, 'one worker at the start, one after the timeout');
  assert.equal(FakeWorker.terminated, 1);
});

test('a click marks the finding\'s range; an empty range marks its whole line', () => {
  const text = '第一行\r\n（七）总计\t0\t4\n末行';
  assert.deepEqual(markedSpan(text, { start: { line: 1, character: 6 }, end: { line: 1, character: 7 } }), { start: 11, end: 12 });
  assert.equal(text.slice(11, 12), '0');
  const whole = markedSpan(text, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.equal(text.slice(whole.start, whole.end), '第一行\r\n');
});
