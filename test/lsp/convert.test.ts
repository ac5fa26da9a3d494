/** `xxgk/convert` over stdio: the bundled server converts a published file for 「作为年报检查」, or says why not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONVERT_METHOD, type ConvertResult } from '../../server/src/protocol';
import { ROOT, TestClient } from './support/client';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'convert');

test('a PDF converts to report text with its page count; a scanned PDF gives the OCR message in the locale asked for', async () => {
  const client = await TestClient.start();
  try {
    const ok = await client.connection.sendRequest<ConvertResult>(CONVERT_METHOD, { uri: pathToFileURL(join(FIXTURES, '004_fcebe1c6f102ee17.pdf')).href, locale: 'zh-cn' });
    assert.equal(ok.kind, 'converted', JSON.stringify(ok).slice(0, 300));
    if (ok.kind !== 'converted') return;
    assert.equal(ok.format, 'pdf');
    assert.equal(ok.pages, 5);
    assert.match(ok.text, /（七）总计|\(七\)总计/);
    const scanned = await client.connection.sendRequest<ConvertResult>(CONVERT_METHOD, { uri: pathToFileURL(join(FIXTURES, 'bad', 'scanned.pdf')).href, locale: 'en' });
    assert.equal(scanned.kind, 'failed');
    if (scanned.kind === 'failed') {
      assert.equal(scanned.code, 'file-conversion');
      assert.match(scanned.message, /OCR/);
      assert.match(scanned.message, /text layer/);
    }
  } finally {
    await client.stop();
  }
});
