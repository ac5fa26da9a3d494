/**
 * Last year's report found on disk: a folder's listing and its files' stamps are read once per LISTING_TTL_MS (a
 * keystroke must not list the folder and stat every report in it), a watched change of a file drops them at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseReport } from '../../server/src/engine';
import { LISTING_TTL_MS, PreviousReports } from '../../server/src/features/previous-reports';
import { SAMPLE, sampleText } from '../support/samples';

test('a new report of last year is seen after the listing expires or when its change is watched, not on every keystroke', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-previous-'));
  try {
    const current = sampleText(SAMPLE.s003);
    const year = parseReport(current).year?.value;
    assert.ok(year, 'the sample names its year');
    const last = current.replaceAll(String(year), String(year - 1));
    const currentPath = join(dir, `本年${year}.txt`);
    const lastPath = join(dir, `上年${year - 1}.txt`);
    writeFileSync(currentPath, current);
    let clock = 1_000_000;
    const previous = new PreviousReports(new TextDocuments(TextDocument), () => clock);
    const find = () => previous.find(pathToFileURL(currentPath).href, parseReport(current));

    assert.equal(find(), undefined, 'no report of last year yet');
    writeFileSync(lastPath, last);
    assert.equal(find(), undefined, 'the listing read a moment ago still holds');
    clock += LISTING_TTL_MS;
    assert.equal(find()?.previous.uri, pathToFileURL(lastPath).href, 'read again once it expired');

    rmSync(lastPath);
    assert.equal(find()?.previous.uri, pathToFileURL(lastPath).href, 'its stamp still holds');
    previous.diskChanged(pathToFileURL(lastPath).href);
    assert.equal(find(), undefined, 'a watched change drops the listing and the stamp at once');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
