/** The `xxgk-check` task type's definition (tasks.json is user input, so validated) and the CLI arguments it runs. */
import * as z from 'zod/v4';

export const TASK_TYPE = 'xxgk-check';

/** The task definition's own properties, validated (tasks.json is user input). */
const definition = z.object({
  type: z.literal(TASK_TYPE),
  paths: z.array(z.string().min(1)).optional(),
  args: z.array(z.string()).optional(),
});

/** The CLI's arguments for a task definition; null when the definition is not valid. Pure. */
export function taskArguments(value: unknown): string[] | null {
  const r = definition.safeParse(value);
  if (!r.success) return null;
  return ['--format', 'compact', ...(r.data.args ?? []), ...(r.data.paths && r.data.paths.length ? r.data.paths : ['.'])];
}

