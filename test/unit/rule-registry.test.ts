/**
 * The rule registry against its companions: every rule has its documentation page (Chinese, then
 * English) stating the rule's own severity and fix kind; both message catalogues have the same keys
 * with the same placeholders and never spell a rule code; codes and aliases are kebab-case and unique; every
 * rule, table or prose, is one file of engine/rules/ and has one test file of valid and invalid cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ruleOf } from '../../server/src/engine';
import { messageKeys } from '../../server/src/messages';
import { en } from '../../server/src/messages/en';
import { zhCN } from '../../server/src/messages/zh-CN';

const DOCS = join(__dirname, '../../docs/rules');
/** Not a rule of the registry, but a code findings carry (a rule that threw): it has a page too. */
const ENGINE_CODES = ['internal-error'];
const KEBAB = /^[a-z]+(?:-[a-z]+)*$/;
const CJK = /[\u4e00-\u9fff]/;

function page(code: string): { zh: string; en: string } {
  const path = join(DOCS, `${code}.md`);
  assert.ok(existsSync(path), `docs/rules/${code}.md exists`);
  const text = readFileSync(path, 'utf8');
  const parts = text.split(/^## English[ \t]*$/m);
  assert.equal(parts.length, 2, `docs/rules/${code}.md has exactly one "## English" heading`);
  return { zh: parts[0], en: parts[1] };
}

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const code of [...RULES.map((r) => r.code), ...ENGINE_CODES]) {
  test(`docs/rules/${code}.md: Chinese part, then English part`, () => {
    const { zh, en: english } = page(code);
    assert.match(zh, /^# /m, 'a title');
    assert.ok(zh.includes(`\`${code}\``), 'the Chinese part names the code');
    for (const heading of ['## 检查什么', '## 为什么', '## 错误示例', '## 正确示例', '## 如何修复']) {
      assert.ok(zh.includes(`${heading}\n`), `the Chinese part has "${heading}"`);
    }
    assert.ok((zh.match(new RegExp(CJK, 'g')) ?? []).length > 100, 'the Chinese part is in Chinese');
    assert.ok(english.includes(`\`${code}\``), 'the English part names the code');
    for (const heading of ['### What it checks', '### Why', '### Examples', '### How to fix']) {
      assert.ok(english.includes(`${heading}\n`), `the English part has "${heading}"`);
    }
    const prose = english.replace(/```[\s\S]*?```/g, '').replace(/[^\x20-\x7e]/g, '');
    assert.ok((prose.match(/[A-Za-z]+/g) ?? []).length > 60, 'the English part is in English');
  });
}

for (const rule of RULES) {
  test(`docs/rules/${rule.code}.md states the rule's default severity and fix kind`, () => {
    const { zh, en: english } = page(rule.code);
    const row = zh.split('\n').find((l) => l.startsWith(`| \`${rule.code}\` |`));
    assert.ok(row, 'the Chinese header table has a row for the code');
    assert.ok(row.includes(`（${rule.defaultSeverity}）`), `Chinese header says ${rule.defaultSeverity}: ${row}`);
    const fixWord = { safe: '安全修复', suggestion: '建议', none: '无' }[rule.fix];
    assert.ok(row.trimEnd().split('|').at(-2)!.trim().startsWith(fixWord), `Chinese header says ${fixWord}: ${row}`);
    assert.match(english, new RegExp(`\\*\\*default severity\\*\\* ${rule.defaultSeverity}\\b`), `English says ${rule.defaultSeverity}`);
    assert.match(english, new RegExp(`\\*\\*fix\\*\\*: ${rule.fix}\\b`), `English says fix: ${rule.fix}`);
  });
}

test('docs/rules/README.md lists every code with a link to its page', () => {
  const index = readFileSync(join(DOCS, 'README.md'), 'utf8');
  for (const code of [...RULES.map((r) => r.code), ...ENGINE_CODES]) {
    assert.ok(index.includes(`[\`${code}\`](${code}.md)`), `README links ${code}`);
  }
});

test('rule codes are kebab-case, unique, and no two rules share a code or an alias', () => {
  const owner = new Map<string, string>();
  for (const rule of RULES) {
    for (const name of [rule.code, ...rule.aliases]) {
      assert.match(name, KEBAB, `${name} is kebab-case`);
      assert.ok(!owner.has(name), `${name} is used by ${owner.get(name)} and ${rule.code}`);
      owner.set(name, rule.code);
      assert.equal(ruleOf(name), rule, `ruleOf(${name}) is ${rule.code}`);
    }
  }
  for (const code of ENGINE_CODES) assert.ok(!owner.has(code), `${code} is reserved for the engine`);
});

test('every rule has a message of its own (key = code or code.*)', () => {
  const keys = messageKeys();
  for (const rule of RULES) {
    assert.ok(keys.some((k) => k === rule.code || k.startsWith(`${rule.code}.`)), `a message key for ${rule.code}`);
  }
});

test('the English catalogue has exactly the Chinese keys, each with the same placeholders', () => {
  const zhKeys = Object.keys(zhCN).sort();
  assert.deepEqual(Object.keys(en).sort(), zhKeys);
  assert.deepEqual(messageKeys().slice().sort(), zhKeys);
  for (const key of zhKeys as (keyof typeof zhCN)[]) {
    assert.equal(typeof en[key], 'string', key);
    assert.ok(en[key].trim() !== '' && zhCN[key].trim() !== '', `${key} is not empty`);
    assert.deepEqual([...new Set(placeholders(en[key]))], [...new Set(placeholders(zhCN[key]))], `placeholders of ${key}`);
  }
});

test('no message spells a rule code (codes live in the finding, not in its text)', () => {
  const codes = [...RULES.flatMap((r) => [r.code, ...r.aliases]), ...ENGINE_CODES];
  for (const [locale, catalogue] of [['zh-CN', zhCN], ['en', en]] as const) {
    for (const [key, template] of Object.entries(catalogue)) {
      for (const code of codes) {
        // A one-word code may be an ordinary English word ("does not balance"): only a quoted or
        // bracketed use of it counts as a code. A kebab-case code never occurs in prose.
        const spelled = code.includes('-')
          ? template.includes(code)
          : new RegExp(`[\`'"“「\\[(]${code}[\`'"”」\\])]`).test(template);
        assert.ok(!spelled, `${locale} message ${key} spells the code ${code}: ${template}`);
      }
    }
  }
});

const RULE_SOURCES = join(__dirname, '../../server/src/engine/rules');
const RULE_TESTS = join(__dirname, 'rules');
/** The files of engine/rules/ that are not rules: the registry, the types, the arithmetic rules' shared shape. */
const NOT_RULES = ['index.ts', 'types.ts', 'identity-rule.ts'];

test('engine/rules/ holds one file per rule, named by its code, and nothing else', () => {
  const files = readdirSync(RULE_SOURCES).filter((f) => !NOT_RULES.includes(f));
  assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), RULES.map((r) => r.code).sort());
  for (const rule of RULES) {
    const source = readFileSync(join(RULE_SOURCES, `${rule.code}.ts`), 'utf8');
    assert.ok(source.includes(`'${rule.code}'`), `${rule.code}.ts declares the code ${rule.code}`);
  }
});

test('every rule, table or prose, has test/unit/rules/<code>.test.ts with valid and invalid cases', () => {
  const files = readdirSync(RULE_TESTS).filter((f) => f.endsWith('.test.ts'));
  assert.deepEqual(files.map((f) => f.replace(/\.test\.ts$/, '')).sort(), RULES.map((r) => r.code).sort());
  for (const rule of RULES) {
    const source = readFileSync(join(RULE_TESTS, `${rule.code}.test.ts`), 'utf8');
    // ruleCases itself fails when either list is empty; here: the file runs it, for its own code.
    const named = source.includes(`ruleCases('${rule.code}'`) || (source.includes(`const CODE = '${rule.code}';`) && source.includes('ruleCases(CODE'));
    assert.ok(named, `${rule.code}.test.ts calls ruleCases for ${rule.code}`);
    assert.match(source, /valid: \[/, `${rule.code}.test.ts has valid cases`);
    assert.match(source, /invalid: \[/, `${rule.code}.test.ts has invalid cases`);
  }
});
