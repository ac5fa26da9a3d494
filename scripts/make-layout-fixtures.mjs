// Writes the synthetic layout fixtures test/fixtures/layouts/<layout>-<version>.txt: the numbers of
// a bundled sample (2021 format: sample 000, consistent; 2019 format: sample 004, whose (七)总计 and
// 四 are wrong as published) rendered in every layout of test/property/support/layouts, each with a
// fixed seed, so the files are the same on every run. Numbers are never changed; a blank cell of the
// sample is written as the 0 it reads as.
//
// It also writes <name>.expected.json when there is none, from what is known of the numbers (never
// from the engine): review it by hand; an existing expectation is never overwritten (delete it to
// draft it again). Usage: node scripts/make-layout-fixtures.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

if (!process.env.XXGK_MAKE_FIXTURES_TSX) {
  // The renderers are TypeScript: run again with tsx.
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: 'inherit', env: { ...process.env, XXGK_MAKE_FIXTURES_TSX: '1' },
  });
  process.exit(r.status ?? 1);
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test/fixtures/layouts');
const layouts = await import('../test/property/support/layouts/index.ts');
const { glyphLayout } = await import('../test/property/support/layouts/glyphs.ts');
const { modelFromSample } = await import('../test/property/support/layouts/model.ts');
const { Rng } = await import('../test/property/support/layouts/rng.ts');

const SOURCES = {
  2021: { sample: '000_4be19b291208bb33.txt' },
  2019: { sample: '004_fcebe1c6f102ee17.txt' },
};

/**
 * What is wrong in the numbers themselves, by cell (checked by hand in
 * test/fixtures/samples/004_fcebe1c6f102ee17.expected.json): the outcomes add to 自然人 4,
 * 社会公益组织 1, 总计 5, yet (七)总计 is 0; so 四 should be 1 (自然人) and 1 (总计).
 */
const DATA_ERRORS = {
  2021: [],
  2019: [
    { code: 'item-total', cell: 'applications:R3.7:0', reason: '(七)总计 自然人 is 0 but the outcomes add to 4 ((一)予以公开 4), as in sample 004' },
    { code: 'item-total', cell: 'applications:R3.7:3', reason: '(七)总计 社会公益组织 is 0 but the outcomes add to 1 ((四)1.本机关不掌握 1), as in sample 004' },
    { code: 'item-total', cell: 'applications:R3.7:6', reason: '(七)总计 总计 is 0 but the outcomes add to 5 (4 + 1), as in sample 004' },
    { code: 'balance', cell: 'applications:R4:0', reason: '自然人: 本年新收 4 + 上年结转 1 = 5, outcomes 4, so 结转下年度 should be 1, not 0 (sample 004)' },
    { code: 'balance', cell: 'applications:R4:6', reason: '总计: 5 + 1 = 6, outcomes 5, so 结转下年度 should be 1, not 0 (sample 004)' },
  ],
};

function position(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The first cell of a table written blank, in table order (row by row, column by column). */
function firstBlank(rendered, table) {
  const keys = [...rendered.cells.keys()].filter((k) => k.startsWith(table + ':'));
  const key = keys.find((k) => rendered.cells.get(k).start === rendered.cells.get(k).end);
  return key ? { key, span: rendered.cells.get(key) } : null;
}

function expectedFor(layout, version, rendered) {
  const found = [];
  if (layout.blankAsZero) {
    // Zeros written blank throughout: one cell-blank per table, and identities broken only because
    // a total is blank are not reported again (the blank finding says it).
    for (const table of ['applications', 'review']) {
      const b = firstBlank(rendered, table);
      if (b) found.push({ code: 'cell-blank', ...position(rendered.text, b.span.start), reason: `${table === 'applications' ? 'Table 2' : 'Table 3'} writes its zeros as empty cells: one cell-blank for the table, on its first blank cell (${b.key})` });
    }
    return found;
  }
  for (const e of DATA_ERRORS[version]) {
    found.push({ code: e.code, ...position(rendered.text, rendered.cells.get(e.cell).start), reason: e.reason });
  }
  return found;
}

mkdirSync(OUT, { recursive: true });
const fixtureLayouts = [
  ...layouts.LAYOUT_RENDERERS.filter((l) => l.id !== 'glyphs'),
  // Look-alike glyphs over TAB rows, so that only the glyphs differ from the plainest layout.
  glyphLayout([layouts.tabLayout]),
];
let seed = 12;
for (const layout of fixtureLayouts) {
  for (const version of ['2021', '2019']) {
    const model = modelFromSample(readFileSync(join(ROOT, 'samples', SOURCES[version].sample), 'utf8'));
    const rendered = layout.render(model, new Rng(seed++));
    const name = `${layout.id}-${version}`;
    writeFileSync(join(OUT, `${name}.txt`), rendered.text);
    const expected = join(OUT, `${name}.expected.json`);
    if (!existsSync(expected)) {
      const findings = expectedFor(layout, version, rendered)
        .sort((a, b) => a.line - b.line || a.character - b.character || a.code.localeCompare(b.code));
      writeFileSync(expected, JSON.stringify({
        fixture: `${name}.txt`,
        source: `numbers of samples/${SOURCES[version].sample}, rendered by scripts/make-layout-fixtures.mjs (${layout.title})`,
        checked: 'drafted from the numbers, not from the engine; review every position by hand',
        findings,
      }, null, 2) + '\n');
      console.log(`drafted ${name}.expected.json: review it`);
    }
    console.log(`wrote ${name}.txt`);
  }
}
