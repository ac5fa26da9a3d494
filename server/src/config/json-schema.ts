/**
 * The JSON Schema of `.xxgkrc.json`, generated from the zod schema (`configSchema`) by zod's own
 * `z.toJSONSchema`, so that the two cannot drift: scripts/build-config-schema.ts writes it to
 * schemas/xxgkrc.schema.json (shipped, registered with `jsonValidation`) and a test fails when the file is stale
 * or when the two disagree on an input. The key descriptions live on the zod schema; rule codes are a
 * refinement (which JSON Schema cannot carry), so the generator passes the list in with each code's description.
 */
import * as z from 'zod/v4';
import { configSchema, ruleCode } from './schema';

export type JsonSchema = { [key: string]: unknown };

/** What a rule code means, shown by editors when completing the keys of `rules`. */
export interface CodeDescription {
  readonly code: string;
  readonly description: string;
}

/** The JSON Schema (draft-07) of `.xxgkrc.json`. */
export function configJsonSchema(codes: readonly CodeDescription[]): JsonSchema {
  // A described copy of `ruleCode` is another schema object sharing its refinement.
  const [knownCode] = ruleCode._zod.def.checks ?? [];
  const generated = z.toJSONSchema(configSchema, {
    target: 'draft-7',
    // What a person writes: keys with a default are optional.
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      const schema = jsonSchema as JsonSchema;
      // `ignore[].rule`: one of the codes.
      if ((zodSchema._zod.def.checks as readonly unknown[] | undefined)?.includes(knownCode)) schema.enum = codes.map((c) => c.code);
      // `rules`: its keys are rule codes, each listed with its description so that editors complete them.
      if (zodSchema._zod.def.type === 'record') {
        const value = schema.additionalProperties as JsonSchema;
        schema.properties = Object.fromEntries(codes.map((c) => [c.code, { ...value, description: c.description }]));
        schema.additionalProperties = false;
        delete schema.propertyNames;
      }
    },
  }) as JsonSchema;
  const { $schema, ...body } = generated;
  return {
    $schema,
    title: '.xxgkrc.json',
    description: 'xxgk-report（政府信息公开工作年度报告检查）的配置。Configuration of xxgk-report, the checker of government information-disclosure annual reports.',
    ...body,
  };
}
