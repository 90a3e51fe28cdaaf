/** Parse a body or query with a contract schema; failures become 400s naming each field. */
import type { z } from "zod";
import { zodErrors } from "../../shared/core/model/record-rules.js";
import { badRequest } from "../../shared/infra/errors.js";

export function zodFieldErrors(error: z.ZodError, base: readonly PropertyKey[] = []) {
  return zodErrors(error, base).map((e) => (e.path === "(scenario)" ? { ...e, path: "(body)" } : e));
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
