/**
 * Queries and bodies of the sea-box, statement and late-shipment routes (issue 9).
 * `.strict()` bodies: a misspelt field is an error naming it.
 */
import { z } from "zod";
import { instant } from "../core/model/scenario.js";
import { STATEMENT_BY } from "../views/statement.js";
import { intParam } from "./resources.schemas.js";

export const boxListQuerySchema = z.object({
  sailing: z.string().min(1).optional(),
  /** "false" includes boxes a later plan replaced. */
  current: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  limit: intParam(100, 1, 500),
  offset: intParam(0, 0, Number.MAX_SAFE_INTEGER),
});

/** A day (YYYY-MM-DD, read in each village's clock) or an instant with an offset. */
const dayOrInstant = z.union(
  [
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine((d) => !Number.isNaN(Date.parse(d))),
    instant,
  ],
  {
    error: "must be a date YYYY-MM-DD or an ISO 8601 instant with an offset",
  },
);

export const statementQuerySchema = z
  .object({
    by: z.enum(STATEMENT_BY, { error: `must be one of ${STATEMENT_BY.join(", ")}` }).default("bumdes"),
    from: dayOrInstant.optional(),
    to: dayOrInstant.optional(),
    format: z.enum(["json", "csv"], { error: "must be json or csv" }).default("json"),
    lang: z.string().optional(),
  })
  .refine((q) => !q.from || !q.to || !(q.from.length === q.to.length && q.from > q.to), {
    path: ["to"],
    message: "must be at or after from",
  });
export type StatementQuery = z.infer<typeof statementQuerySchema>;

export const lateAssignBodySchema = z
  .object({ container: z.string().min(1, "must be a container id") })
  .strict();
