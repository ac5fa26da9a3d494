/**
 * The JSON Schema of `.xxgkrc.json`, derived from the zod schema (`configSchema`) so that the two cannot drift:
 * scripts/build-config-schema.ts writes it to schemas/xxgkrc.schema.json (shipped, registered with
 * `jsonValidation`) and a test fails when the file is stale or when the two disagree on an input. Only the zod
 * constructs the config uses are translated; any other one throws, so a new construct is noticed at once.
 */
import { z } from 'zod';
import { configSchema } from './schema';

export type JsonSchema = { [key: string]: unknown };

/** What a rule code means, shown by editors when completing the keys of `rules`. */
export interface CodeDescription {
  readonly code: string;
  readonly description: string;
}

/**
 * `rules` and `ignore[].rule` take a code out of a closed list (a zod refinement, which carries no list):
 * the generator passes the list in.
 */
interface Context {
  readonly codes: readonly CodeDescription[];
}

function describeField(name: string | undefined): string | undefined {
  return name === undefined ? undefined : FIELD_DESCRIPTIONS[name];
}

const FIELD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  $schema: '本文件的 JSON Schema（编辑器用于补全与校验）。The JSON Schema of this file (for editor completion and validation).',
  version: '期望的格式版本：auto 按表格识别并与报告年度核对；2019 或 2021 强制使用。The format version: auto reads it from the tables and checks it against the year; 2019 or 2021 forces one.',
  rules: '按规则代码设置级别：error、warning、info、hint 或 off。Severity per rule code: error, warning, info, hint or off.',
  files: '哪些纯文本文件是年度报告（通配符，相对于本文件所在文件夹）。Glob patterns of plain-text files that are annual reports (relative to this file).',
  inlayHints: '在逐格成行的表格中的数字前显示列名。Show the column name before the numbers of a table written one cell per line.',
  ignore: '忽略的发现，按内容而非行号定位。Findings to ignore, keyed by content rather than line.',
  rule: '规则代码。The rule code.',
  file: '报告的路径或通配符，相对于本文件所在文件夹。The report, as a path or glob relative to this file.',
  row: '单元格所在行的编号（可选）。The row id of the cell (optional).',
  column: '单元格所在列的编号（可选）。The column id of the cell (optional).',
  compareThreshold: '与上一年度报告对比时，变化超过此百分比的单元格标为大幅变化。With the comparison with last year\'s report, cells that changed by more than this percentage are marked as large swings.',
};

function codeSchema(ctx: Context): JsonSchema {
  return { type: 'string', enum: ctx.codes.map((c) => c.code) };
}

function convert(schema: z.ZodTypeAny, ctx: Context, name?: string): JsonSchema {
  const withDescription = (s: JsonSchema): JsonSchema => {
    const description = describeField(name);
    return description === undefined ? s : { description, ...s };
  };
  if (schema instanceof z.ZodDefault) {
    return { ...convert(schema.removeDefault() as z.ZodTypeAny, ctx, name), default: schema._def.defaultValue() as unknown };
  }
  if (schema instanceof z.ZodOptional) return convert(schema.unwrap() as z.ZodTypeAny, ctx, name);
  if (schema instanceof z.ZodEffects) {
    // The one refinement in the config: a known rule code.
    if (name === 'rule') return withDescription(codeSchema(ctx));
    throw new Error(`json-schema: no translation for the refinement of ${name ?? '(root)'}`);
  }
  if (schema instanceof z.ZodString) {
    const min = schema.minLength;
    return withDescription({ type: 'string', ...(min !== null && min > 0 ? { minLength: min } : {}) });
  }
  if (schema instanceof z.ZodBoolean) return withDescription({ type: 'boolean' });
  if (schema instanceof z.ZodNumber) {
    const min = schema.minValue;
    return withDescription({ type: schema.isInt ? 'integer' : 'number', ...(min !== null ? { minimum: min } : {}) });
  }
  if (schema instanceof z.ZodEnum) return withDescription({ type: 'string', enum: [...(schema.options as string[])] });
  if (schema instanceof z.ZodArray) return withDescription({ type: 'array', items: convert(schema.element as z.ZodTypeAny, ctx) });
  if (schema instanceof z.ZodRecord) {
    // `rules`: its keys are rule codes (refined), each listed with its description so that editors complete them.
    const value = convert(schema.valueSchema as z.ZodTypeAny, ctx);
    const properties = Object.fromEntries(ctx.codes.map((c) => [c.code, { ...value, description: c.description }]));
    return withDescription({ type: 'object', properties, additionalProperties: false });
  }
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodTypeAny>;
    const properties: JsonSchema = {};
    const required: string[] = [];
    for (const [key, field] of Object.entries(shape)) {
      properties[key] = convert(field, ctx, key);
      if (!field.isOptional()) required.push(key);
    }
    const strict = schema._def.unknownKeys === 'strict';
    return withDescription({ type: 'object', properties, ...(required.length ? { required } : {}), ...(strict ? { additionalProperties: false } : {}) });
  }
  throw new Error(`json-schema: no translation for ${schema.constructor.name} at ${name ?? '(root)'}`);
}

/** The JSON Schema (draft-07) of `.xxgkrc.json`. */
export function configJsonSchema(codes: readonly CodeDescription[]): JsonSchema {
  const body = convert(configSchema, { codes });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '.xxgkrc.json',
    description: 'xxgk-report（政府信息公开工作年度报告检查）的配置。Configuration of xxgk-report, the checker of government information-disclosure annual reports.',
    ...body,
  };
}
