/**
 * Request bodies and queries of the API, built from the core's Scenario schemas so a
 * village or shipment the API accepts is exactly one the planner accepts.
 * `.strict()`: a misspelt field is an error naming it, not silently dropped.
 */
import { z } from "zod";
import { id, LIMITS, list, nonBlank, text } from "../core/model/fields.js";
import {
  boxTypeSchema,
  containerTypeSchema,
  depotSchema,
  instant,
  pickupWindowSchema,
  portSchema,
  rulesSchema,
  sailingSchema,
  scenarioSchema,
  shipmentSchema,
  travelSchema,
  villageSchema,
} from "../core/model/scenario.js";
import { STORED_CONTAINER_STATUSES } from "./container-lifecycle.js";

/**
 * Request bodies are the core's records, strict at every level: a misspelt field
 * anywhere is named, never dropped. The record rules the schema cannot say (cut-off
 * before departure, windows, readyAt before sailBy, coordinates) are the core's too
 * (`recordRuleErrors`), applied by the API beside these.
 */
export const villageInputSchema = villageSchema
  .extend({ pickupWindows: list(pickupWindowSchema.strict()).optional() })
  .strict();
export const portInputSchema = portSchema.strict();
export const depotInputSchema = depotSchema.strict();
export const sailingInputSchema = sailingSchema.strict();
export const containerTypeInputSchema = containerTypeSchema.strict();
export const boxTypeInputSchema = boxTypeSchema.strict();

/** Shipments in one batch or one CSV import. */
export const MAX_BATCH = 5000;

/** The id is optional on create: the service names it when the sender does not. */
export const shipmentCreateSchema = shipmentSchema
  .extend({ id: shipmentSchema.shape.id.optional() })
  .strict();
export type ShipmentCreate = z.infer<typeof shipmentCreateSchema>;

/** The batch's envelope; each shipment is then checked on its own, all in one round. */
export const shipmentBatchEnvelope = z
  .object({
    shipments: z
      .array(z.unknown())
      .min(1, "must hold at least one shipment")
      .max(MAX_BATCH, `must hold at most ${MAX_BATCH} shipments; send larger lists in several batches`),
  })
  .strict();

export const shipmentBatchSchema = z
  .object({
    shipments: z
      .array(shipmentCreateSchema)
      .min(1, "must hold at least one shipment")
      .max(MAX_BATCH, `must hold at most ${MAX_BATCH} shipments; send larger lists in several batches`),
  })
  .strict();

/** A whole-number query parameter with a default and bounds. */
export const intParam = (def: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return def;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a whole number between ${min} and ${max}` });
        return z.NEVER;
      }
      return n;
    });

export const SHIPMENT_STATUS_FILTER = ["open", "planned", "unassigned", "cancelled"] as const;

export const shipmentListQuerySchema = z.object({
  village: z.string().min(1).optional(),
  status: z
    .enum(SHIPMENT_STATUS_FILTER, { error: `must be one of ${SHIPMENT_STATUS_FILTER.join(", ")}` })
    .optional(),
  exporter: z.string().min(1).optional(),
  product: z.string().min(1).optional(),
  handling: shipmentSchema.shape.handling,
  destination: z.string().min(1).optional(),
  limit: intParam(50, 1, 500),
  offset: intParam(0, 0, Number.MAX_SAFE_INTEGER),
});

export const planRequestSchema = z
  .object({
    /** An island ("Kalimantan"): its villages, depots and ports. */
    region: nonBlank().optional(),
    /** Port ids (UN/LOCODE): plan for these ports and the villages and depots on their islands. */
    ports: list(id).min(1, "must list at least one port").optional(),
    horizon: z
      .object({ start: instant, end: instant })
      .refine((h) => Date.parse(h.end) >= Date.parse(h.start), {
        path: ["end"],
        message: "must be at or after horizon.start",
      }),
    timeLimitSeconds: z.number().min(0.1, "must be >= 0.1").max(600, "must be <= 600").optional(),
    seed: z.number().int("must be a whole number").min(0).optional(),
  })
  .strict()
  .refine((r) => r.region !== undefined || r.ports !== undefined, {
    path: ["region"],
    message: "give a region (island) or a list of ports",
  });
export type PlanRequest = z.infer<typeof planRequestSchema>;

export const solveQuerySchema = z.object({
  timeLimitSeconds: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return undefined;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0.1 || n > 600) {
        ctx.addIssue({ code: "custom", message: "must be a number of seconds between 0.1 and 600" });
        return z.NEVER;
      }
      return n;
    }),
  seed: intParam(1, 0, 2 ** 31 - 1),
});

export const API_ROLES = ["coordinator", "bumdes", "exporter"] as const;

export const apiKeyCreateSchema = z
  .object({
    role: z.enum(API_ROLES, { error: `must be one of ${API_ROLES.join(", ")}` }),
    label: text().optional(),
    villages: list(id).min(1, "must list at least one village").optional(),
    exporter: nonBlank().optional(),
    /** Past this instant the key answers 401 "expired API key"; absent: it never expires. */
    expiresAt: instant.optional(),
  })
  .strict()
  .refine((k) => k.role !== "bumdes" || k.villages !== undefined, {
    path: ["villages"],
    message: "is required for a bumdes key (the villages it speaks for)",
  })
  .refine((k) => k.role !== "exporter" || k.exporter !== undefined, {
    path: ["exporter"],
    message: "is required for an exporter key (the exporter name on its shipments)",
  });

/** GET /v1/audit: who changed what, newest first. */
export const auditQuerySchema = z.object({
  action: z.string().min(1).optional(),
  resource: z.string().min(1).optional(),
  resourceId: z.string().min(1).optional(),
  keyId: z.uuid({ error: "must be an API key id (a UUID)" }).optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: intParam(50, 1, 500),
  offset: intParam(0, 0, Number.MAX_SAFE_INTEGER),
});

/** GET /v1/plans: runs, newest first. */
export const planListQuerySchema = z.object({
  limit: intParam(20, 1, 100),
  offset: intParam(0, 0, Number.MAX_SAFE_INTEGER),
});

export const containerListQuerySchema = z.object({
  status: z
    .enum(STORED_CONTAINER_STATUSES, { error: `must be one of ${STORED_CONTAINER_STATUSES.join(", ")}` })
    .optional(),
  port: z.string().min(1).optional(),
  sailing: z.string().min(1).optional(),
  planVersion: intParam(0, 0, Number.MAX_SAFE_INTEGER),
  /** "false" includes containers a later plan replaced. */
  current: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  limit: intParam(100, 1, 500),
  offset: intParam(0, 0, Number.MAX_SAFE_INTEGER),
});

/**
 * The planning settings every stateful run shares, validated whole: unknown keys are
 * refused at every level (a misspelt key used to be dropped and wipe the travel
 * settings), and only what a stateful plan can use is accepted. PUT replaces the whole
 * value: send every key you want to keep.
 */
export const STATEFUL_METRICS = ["road", "euclidean"] as const;
export const planningSettingsSchema = z
  .object({
    objective: scenarioSchema.shape.objective,
    travel: travelSchema
      .omit({ matrix: true })
      .extend({
        metric: z
          .enum(STATEFUL_METRICS, {
            error:
              'must be "road" or "euclidean": a stateful plan measures trips from the places\' coordinates ("matrix" needs a distance table covering every place; send such a Scenario to POST /v1/solve)',
          })
          .optional(),
      })
      .strict()
      .optional(),
    rules: rulesSchema.strict().optional(),
  })
  .strict();
export type PlanningSettings = z.infer<typeof planningSettingsSchema>;

export { LIMITS };
