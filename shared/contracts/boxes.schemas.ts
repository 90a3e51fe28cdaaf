/**
 * Queries and bodies of the sea-box, statement and late-shipment routes (issue 9).
 * `.strict()` bodies: a misspelt field is an error naming it.
 */
import { z } from "zod";
import { DAY_SHAPE, INSTANT_SHAPE, isRealDay } from "../core/model/real-instant.js";
import { instant } from "../core/model/scenario.js";
import { periodBackwards, STATEMENT_BY } from "../views/statement.js";
import { intParam } from "./resources.schemas.js";

export const boxListQuerySchema = z.object({
  sailing: z.string().min(1).optional(),
  /** "false" includes boxes a later plan replaced. */
  current: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  limit: intParam(100, 1, 500),
  offset: intParam(0, 0, Number.MAX_SAFE_INTEGER),
});

/**
 * A day (YYYY-MM-DD, read in each village's clock) or an instant with an offset. A day the
 * calendar does not have is refused by name: read as no bound at all, 30 February used to
 * answer the whole plan as that period.
 */
const dayOrInstant = z.string().superRefine((s, ctx) => {
  if (DAY_SHAPE.test(s)) {
    if (!isRealDay(s)) {
      ctx.addIssue({
        code: "custom",
        message: "is not a real date (check the day of the month), e.g. 2026-12-02",
      });
    }
    return;
  }
  const asInstant = instant.safeParse(s);
  if (asInstant.success) return;
  ctx.addIssue({
    code: "custom",
    message: INSTANT_SHAPE.test(s)
      ? asInstant.error.issues[0].message
      : "must be a date YYYY-MM-DD or an ISO 8601 instant with an offset",
  });
});

export const statementQuerySchema = z
  .object({
    by: z.enum(STATEMENT_BY, { error: `must be one of ${STATEMENT_BY.join(", ")}` }).default("bumdes"),
    from: dayOrInstant.optional(),
    to: dayOrInstant.optional(),
    format: z.enum(["json", "csv"], { error: "must be json or csv" }).default("json"),
    lang: z.string().optional(),
  })
  .refine((q) => !q.from || !q.to || !periodBackwards(q.from, q.to), {
    path: ["to"],
    message: "must be at or after from",
  });
export type StatementQuery = z.infer<typeof statementQuerySchema>;

export const lateAssignBodySchema = z
  .object({ container: z.string().min(1, "must be a container id") })
  .strict();
