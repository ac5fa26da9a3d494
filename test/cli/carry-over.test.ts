/**
 * carry-over-mismatch from the command line: `--previous FILE`, and without it the files
 * checked together paired by body and year. Last year's report is sample 003 (中牟县卫健委 2021, R4 all 0);
 * this year's is a copy retitled 2022 whose 上年结转 reads 2 under 自然人 (made here, samples/ untouched).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, runJson, SAMPLE, sampleText, tempDir, writeTree } from './support/cli';

const text2021 = sampleText(SAMPLE.s003);
const R2 = '二、上年结转政府信息公开申请数量\t0';

function make2022(): string {
  assert.ok(text2021.includes('中牟县卫健委2021年') && text2021.includes(R2));
  return text2021.replace('中牟县卫健委2021年', '中牟县卫健委2022年').replace(R2, R2.slice(0, -1) + '2');
}

function folder(): { dir: string; remove: () => void } {
  const t = tempDir();
  writeTree(t.dir, { '中牟2021年度报告.txt': text2021, '中牟2022年度报告.txt': make2022() });
  return t;
}

type Related = { message: string; range: { start: { line: number } }; uri?: string; path?: string };

test('files checked together pair by body and year: json related in last year\'s file with uri and path', () => {
  const t = folder();
  try {
    const { files } = runJson(['.'], { cwd: t.dir });
    const f2022 = files.find((f) => f.path.includes('2022'))!;
    const f2021 = files.find((f) => f.path.includes('2021'))!;
    assert.deepEqual(f2021.diagnostics.filter((d) => d.code === 'carry-over-mismatch'), []);
    const found = f2022.diagnostics.filter((d) => d.code === 'carry-over-mismatch');
    assert.equal(found.length, 1, JSON.stringify(found));
    const rel = found[0].related[0] as Related;
    assert.equal(rel.uri, pathToFileURL(join(t.dir, '中牟2021年度报告.txt')).href);
    assert.equal(rel.path, '中牟2021年度报告.txt');
    assert.equal(rel.range.start.line, 65, 'last year\'s R4 line');
    assert.equal(found[0].range.start.line, 39);
  } finally {
    t.remove();
  }
});

test('one file checked alone: no carry-over finding; --previous compares it with the given file', () => {
  const t = folder();
  try {
    const alone = runJson(['中牟2022年度报告.txt'], { cwd: t.dir });
    assert.deepEqual(alone.files[0].diagnostics.filter((d) => d.code === 'carry-over-mismatch'), []);
    const withPrev = runJson(['--previous', '中牟2021年度报告.txt', '中牟2022年度报告.txt'], { cwd: t.dir });
    const found = withPrev.files[0].diagnostics.filter((d) => d.code === 'carry-over-mismatch');
    assert.equal(found.length, 1);
    assert.equal((found[0].related[0] as Related).path, '中牟2021年度报告.txt');

    const text = runCli(['--previous', '中牟2021年度报告.txt', '中牟2022年度报告.txt'], { cwd: t.dir });
    assert.match(text.stdout, /carry-over-mismatch/);
    assert.match(text.stdout, /↳ 中牟2021年度报告\.txt:66:\d+ /);
  } finally {
    t.remove();
  }
});

test('--previous with a bad path exits 2', () => {
  const t = folder();
  try {
    const r = runCli(['--previous', 'nope.txt', '中牟2022年度报告.txt'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--previous/);
    assert.equal(runCli(['--previous', '.', '中牟2022年度报告.txt'], { cwd: t.dir }).code, 2, 'a folder');
  } finally {
    t.remove();
  }
});

test('sarif relatedLocations name last year\'s file as an artifact', () => {
  const t = folder();
  try {
    const r = runCli(['--format', 'sarif', '--previous', '中牟2021年度报告.txt', '中牟2022年度报告.txt'], { cwd: t.dir });
    type Location = { physicalLocation: { artifactLocation: { uri: string; index: number }; region: { startLine: number } } };
    type Sarif = {
      runs: { artifacts: { location: { uri: string; index: number } }[]; results: { ruleId: string; relatedLocations?: Location[] }[] }[];
    };
    const run = (JSON.parse(r.stdout) as Sarif).runs[0];
    const res = run.results.find((x) => x.ruleId === 'carry-over-mismatch')!;
    const loc = res.relatedLocations![0].physicalLocation;
    assert.equal(decodeURIComponent(loc.artifactLocation.uri), '中牟2021年度报告.txt');
    assert.equal(loc.region.startLine, 66);
    assert.equal(decodeURIComponent(run.artifacts[loc.artifactLocation.index].location.uri), '中牟2021年度报告.txt');
  } finally {
    t.remove();
  }
});
