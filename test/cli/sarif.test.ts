/**
 * `--format sarif`: valid against the SARIF 2.1.0 schema (test/fixtures/cli, draft-04, with ajv), one
 * rule per code with its page, results at the JSON output's positions plus one, columns in UTF-16 code units.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '../../server/src/engine';
import { FIXTURES, ROOT, runCli, runJson, SAMPLE, sampleText, tempDir, writeTree } from './support/cli';

interface Region { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface Location { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index: number }; region: Region } }
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string; version: string; informationUri: string;
        rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[];
      };
    };
    columnKind: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: { location: { uri: string }; encoding?: string }[];
    results: {
      ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Location[];
      relatedLocations?: (Location & { message: { text: string } })[]; fixes?: unknown[];
    }[];
  }[];
}

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object);

function sarifOf(args: string[], cwd?: string): SarifLog {
  const r = runCli(['--format', 'sarif', ...args], { cwd });
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout) as SarifLog;
}

test('the schema rejects what is not SARIF (the validator is not vacuous)', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver without a name');
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'info' }] }] }), false, 'level info');
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] }), false, 'startLine 0');
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] }), true);
});

test('sarif output of the samples, a GBK file and a binary file is valid SARIF 2.1.0', () => {
  const t = tempDir();
  try {
    writeTree(t.dir, {
      [`样本/${SAMPLE.s004}`]: sampleText(SAMPLE.s004),
      [`样本/${SAMPLE.s001}`]: sampleText(SAMPLE.s001),
      '样本/二进制年度报告.txt': Buffer.from([0, 1, 2, 3]),
    });
    const log = sarifOf(['样本'], t.dir);
    const ok = validate(log);
    assert.ok(ok, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    // %SRCROOT% is left to the consumer (the checkout): the log names no folder of this machine.
    assert.equal(run.originalUriBaseIds, undefined);
    assert.doesNotMatch(JSON.stringify(log), /file:|\/tmp\/|xxgk-cli-/);
    assert.deepEqual(run.artifacts.map((a) => a.location.uri), [
      `${encodeURIComponent('样本')}/${SAMPLE.s001}`, `${encodeURIComponent('样本')}/${SAMPLE.s004}`, `${encodeURIComponent('样本')}/${encodeURIComponent('二进制年度报告.txt')}`,
    ]);
    const encodingResult = run.results.find((r) => r.ruleId === 'file-encoding')!;
    assert.equal(encodingResult.level, 'error');
    assert.deepEqual(encodingResult.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  } finally {
    t.remove();
  }
});

test('tool.driver: name, version, informationUri and one rule per code with its public page (from package.json homepage) and default level', () => {
  const log = sarifOf([join(ROOT, 'samples', SAMPLE.s004)]);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'xxgk-check');
  assert.equal(driver.version, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  const homepage = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage: string }).homepage;
  assert.equal(driver.informationUri, homepage);
  assert.deepEqual(driver.rules.map((r) => r.id), [...RULES.map((r) => r.code), 'internal-error', 'file-encoding', 'file-unreadable', 'file-conversion', 'file-not-report']);
  const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
  const index = readFileSync(join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
  let described = 0;
  for (const rule of RULES) {
    const r = driver.rules.find((x) => x.id === rule.code)!;
    assert.equal(r.helpUri, `${homepage.replace(/#readme$/, '')}/blob/HEAD/docs/rules/${rule.code}.md`);
    assert.equal(r.defaultConfiguration.level, level[rule.defaultSeverity]);
    const row = index.split('\n').find((l) => l.includes(`[\`${rule.code}\`](${rule.code}.md)`));
    if (row) {
      assert.equal(r.shortDescription.text, row.split('|')[2].trim(), `${rule.code}: the Chinese summary of docs/rules/README.md`);
      described++;
    } else {
      assert.equal(r.shortDescription.text, rule.code, `${rule.code}: not in the index yet, the code stands for itself`);
    }
  }
  assert.ok(described >= 20, `the descriptions come from the rule index (${described})`);
  const en = sarifOf(['--locale', 'en', join(ROOT, 'samples', SAMPLE.s004)]).runs[0].tool.driver.rules;
  const blankRow = index.split('\n').find((l) => l.includes('[`cell-blank`](cell-blank.md)'))!;
  assert.equal(en.find((x) => x.id === 'cell-blank')!.shortDescription.text, blankRow.split('|')[3].trim(), '--locale en: the English summary');
  assert.equal(en.find((x) => x.id === 'file-encoding')!.shortDescription.text, 'Unknown encoding, or a binary file');
});

test('results: the JSON positions plus one, related locations, fixes for safe fixes only', () => {
  const file = join(ROOT, 'samples', SAMPLE.s004);
  const { files } = runJson([file]);
  const log = sarifOf([file]);
  const run = log.runs[0];
  assert.equal(run.results.length, files[0].diagnostics.length);
  run.results.forEach((r, i) => {
    const d = files[0].diagnostics[i];
    assert.equal(r.ruleId, d.code);
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, d.code);
    assert.equal(r.message.text, d.message);
    assert.equal(r.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[d.severity]);
    assert.deepEqual(r.locations[0].physicalLocation.region, {
      startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
      endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
    });
    assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, `samples/${SAMPLE.s004}`);
    assert.deepEqual((r.relatedLocations ?? []).map((x) => x.message.text), d.related.map((x) => x.message));
    assert.equal(r.fixes !== undefined, d.fixable, `${d.code}: SARIF fixes exactly for safe fixes`);
  });
});

test('without a homepage: no informationUri and no helpUri at all (never a file: link); a file outside the working folder climbs with ..', async () => {
  const { formatSarif } = await import('../../server/src/cli/formats/sarif');
  const t = tempDir();
  try {
    const cwd = join(t.dir, 'work');
    const abs = join(t.dir, 'elsewhere', '年度报告.txt');
    const result = { path: abs, abs, version: '2021' as const, encoding: 'UTF-8', lines: new Map<number, string>(), findings: [], status: 'report' as const, values: null };
    const log = JSON.parse(formatSarif([result], { cwd, locale: 'zh-CN' })) as SarifLog;
    const driver = log.runs[0].tool.driver;
    assert.equal('informationUri' in driver, false);
    assert.ok(driver.rules.every((r) => !('helpUri' in r)));
    assert.deepEqual(log.runs[0].artifacts.map((a) => a.location), [{ uri: `../elsewhere/${encodeURIComponent('年度报告.txt')}`, uriBaseId: '%SRCROOT%', index: 0 }]);
    assert.doesNotMatch(JSON.stringify(log), /file:/);
    const ok = validate(log);
    assert.ok(ok, JSON.stringify(validate.errors));
    const withHome = JSON.parse(formatSarif([result], { cwd, locale: 'zh-CN', homepage: 'https://example.org/xxgk/' })) as SarifLog;
    assert.equal(withHome.runs[0].tool.driver.rules[0].helpUri, `https://example.org/xxgk/docs/rules/${RULES[0].code}.md`);
  } finally {
    t.remove();
  }
});
