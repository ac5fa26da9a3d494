/**
 * schemas/xxgkrc.schema.json and the `xxgk.rules` list of package.json are generated from the zod config
 * schema (scripts/build-config-schema.ts): the committed files must equal what the generator writes now, and
 * the JSON Schema (run by ajv, as editors run it) must accept and reject the same inputs as zod.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { configSchema, parseConfigText } from '../../server/src/config/schema';
import { derivedFiles, SCHEMA_FILE } from '../../scripts/config-schema-files';

const ROOT = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, SCHEMA_FILE), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

test('the committed schema and manifest list are what the generator writes (run npx tsx scripts/build-config-schema.ts)', () => {
  for (const { path, text } of derivedFiles(ROOT)) assert.equal(readFileSync(join(ROOT, path), 'utf8'), text, `${path} is stale`);
});

test('the generator’s --check fails on a stale file and passes on a fresh one', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-config-schema.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

const inputs: { name: string; value: unknown }[] = [
  { name: 'empty', value: {} },
  { name: 'the README example', value: { version: 'auto', rules: { 'cell-unit': 'off', 'text-table-mismatch': 'info' }, files: ['**/*年度报告*.txt'], inlayHints: true, ignore: [{ rule: 'cell-blank', file: '乙局年度报告.txt', row: 'R3.3.8', column: 'total' }] } },
  { name: '$schema key', value: { $schema: './node_modules/xxgk-report/schemas/xxgkrc.schema.json', version: '2019' } },
  { name: 'CLI codes in rules', value: { rules: { 'file-encoding': 'warning', 'file-unreadable': 'off' } } },
  { name: 'unknown key', value: { verison: '2019' } },
  { name: 'bad version', value: { version: '2020' } },
  { name: 'version as a number', value: { version: 2019 } },
  { name: 'unknown rule', value: { rules: { 'row-totl': 'off' } } },
  { name: 'internal-error is not configurable', value: { rules: { 'internal-error': 'off' } } },
  { name: 'bad severity', value: { rules: { 'row-total': 'loud' } } },
  { name: 'files not an array', value: { files: '**/*.txt' } },
  { name: 'empty glob', value: { files: [''] } },
  { name: 'inlayHints as a string', value: { inlayHints: 'yes' } },
  { name: 'ignore without file', value: { ignore: [{ rule: 'cell-blank' }] } },
  { name: 'ignore with an unknown rule', value: { ignore: [{ rule: 'nope', file: 'a.txt' }] } },
  { name: 'ignore with an extra key', value: { ignore: [{ rule: 'cell-blank', file: 'a.txt', line: 3 }] } },
  { name: 'ignore with an empty file', value: { ignore: [{ rule: 'cell-blank', file: '' }] } },
  { name: '$schema not a string', value: { $schema: 1 } },
  { name: 'not an object', value: [] },
];

for (const { name, value } of inputs) {
  test(`zod and the JSON Schema agree: ${name}`, () => {
    const byZod = configSchema.safeParse(value).success;
    const bySchema = validate(value);
    assert.equal(bySchema, byZod, `zod ${byZod ? 'accepts' : 'rejects'}, the JSON Schema ${bySchema ? 'accepts' : 'rejects'}: ${JSON.stringify(validate.errors)}`);
  });
}

test('the cases cover both answers (the agreement is not vacuous)', () => {
  const answers = new Set(inputs.map(({ value }) => configSchema.safeParse(value).success));
  assert.deepEqual([...answers].sort(), [false, true]);
});

test('a .xxgkrc.json with "$schema" is a valid config (it used to be an unknown key)', () => {
  const r = parseConfigText('{ "$schema": "https://example.org/xxgkrc.schema.json", "rules": { "cell-blank": "off" } }');
  assert.equal(r.ok, true);
  assert.equal(r.ok && r.config.rules['cell-blank'], 'off');
});

test('editors complete the rule codes: each is a property with its description and the severities', () => {
  type Rules = { properties: Record<string, { description: string; enum: string[] }>; additionalProperties: boolean };
  const rules = (schema.properties as Record<string, Rules>).rules;
  assert.equal(rules.additionalProperties, false);
  assert.equal(rules.properties['item-total'].description, '（七）总计 ≠ 各项办理结果之和 · （七）总计 ≠ sum of the outcomes');
  assert.deepEqual(rules.properties['item-total'].enum, ['error', 'warning', 'info', 'hint', 'off']);
});
