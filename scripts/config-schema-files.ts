/** The files derived from the config's zod schema, as text (see build-config-schema.ts); shared with the tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_CODES } from '../server/src/files/codes';
import { parseRuleIndex } from '../server/src/cli/formats/descriptions';
import { configJsonSchema, type CodeDescription } from '../server/src/config/json-schema';
import { RULES } from '../server/src/engine';

export const SCHEMA_FILE = 'schemas/xxgkrc.schema.json';

/** Every code the config accepts (rules, their aliases, the CLI's own codes), each with its description. */
export function configurableCodes(root: string): CodeDescription[] {
  const index = parseRuleIndex(readFileSync(join(root, 'docs', 'rules', 'README.md'), 'utf8'));
  const text = (code: string) => {
    const d = index.get(code);
    if (!d) throw new Error(`docs/rules/README.md does not describe ${code}`);
    return `${d['zh-CN']} · ${d.en}`;
  };
  return [
    ...RULES.flatMap((r) => [r.code, ...r.aliases].map((code) => ({ code, description: text(r.code) }))),
    ...CLI_CODES.map((c) => ({ code: c.code, description: `${c.description['zh-CN']} · ${c.description.en}` })),
  ];
}

interface Manifest {
  contributes: { configuration: { properties: Record<string, { properties?: unknown; additionalProperties?: unknown }> } };
}

export function derivedFiles(root: string): { path: string; text: string }[] {
  const codes = configurableCodes(root);
  const schema = JSON.stringify(configJsonSchema(codes), null, 2) + '\n';
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  const rules = manifest.contributes.configuration.properties['xxgk.rules'];
  // additionalProperties stays as written (it carries the severity's enum descriptions); only the list is derived.
  const severity = rules.additionalProperties as Record<string, unknown>;
  rules.properties = Object.fromEntries(codes.map((c) => [c.code, { ...severity, description: c.description }]));
  return [
    { path: SCHEMA_FILE, text: schema },
    { path: 'package.json', text: JSON.stringify(manifest, null, 2) + '\n' },
  ];
}
