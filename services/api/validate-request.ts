/** Parse a body or query with a contract schema; failures become 400s naming each field. */
import type { z } from "zod";
import { formatPath } from "../../shared/core/model/validate.js";
import { badRequest } from "../../shared/infra/errors.js";

export function zodFieldErrors(error: z.ZodError, base: readonly PropertyKey[] = []) {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === "invalid_type" && /received undefined/.test(message)) message = "is required";
    else if (issue.code === "invalid_type") message = `must be ${issue.expected}`;
    else if (issue.code === "unrecognized_keys") message = `unknown field(s): ${issue.keys.join(", ")}`;
    const path = formatPath([...base, ...issue.path]);
    return { path: path === "(scenario)" ? "(body)" : path, message };
  });
}

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  base: readonly PropertyKey[] = [],
): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw badRequest(zodFieldErrors(parsed.error, base));
  return parsed.data;
}
