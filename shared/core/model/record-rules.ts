/**
 * The rules of one Scenario record that a field schema cannot say alone: a sailing's
 * cut-off before its departure, a shipment ready before it must sail, pickup windows
 * that close after they open, the coordinates the travel metric needs. One place for
 * them: `validateScenario` (CLI, stateless API, worker), the API's writes and the
 * stateful planner (which skips a stored record that breaks them) all call these.
 *
 * Records may be malformed here (the schema's errors are reported beside these, in
 * one round): a rule looks only at fields that are themselves valid.
 */
import { z } from "zod";
import { clockTime, isRealInstant } from "./fields.js";
import {
  containerTypeSchema,
  depotSchema,
  portSchema,
  sailingSchema,
  shipmentSchema,
  villageSchema,
} from "./scenario.js";

export interface FieldError {
  path: string;
  message: string;
}

/** `["shipments", 3, "weightKg"]` -> `shipments[3].weightKg` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(scenario)" : out;
}

export const METRICS = ["road", "euclidean", "matrix"] as const;
export type Metric = (typeof METRICS)[number];

/** What a record is checked against besides itself. */
export interface RecordContext {
  /** The scenario's travel metric (default road). */
  metric: Metric;
  /** For the matrix metric: the ids the matrix has rows for. */
  matrixIds?: ReadonlySet<string>;
}

export const RECORD_KINDS = [
  "containerTypes",
  "depots",
  "ports",
  "sailings",
  "villages",
  "shipments",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Each kind's field schema (as the Scenario has it: unknown fields are dropped, not refused). */
export const RECORD_SCHEMAS = {
  containerTypes: containerTypeSchema,
  depots: depotSchema,
  ports: portSchema,
  sailings: sailingSchema,
  villages: villageSchema,
  shipments: shipmentSchema,
} as const satisfies Record<RecordKind, z.ZodType>;

type Loose = Record<string, unknown>;
const asRecord = (v: unknown): Loose =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : {};
const realInstant = (v: unknown): v is string => typeof v === "string" && isRealInstant(v);
const isClock = (v: unknown): v is string => clockTime.safeParse(v).success;

/** The coordinates each metric reads. */
const COORDINATES: Record<Exclude<Metric, "matrix">, [string, string]> = {
  road: ["lat", "lon"],
  euclidean: ["x", "y"],
};

/** A village, port or depot without what the metric needs to measure a trip to it. */
export function coordinateErrors(place: unknown, context: RecordContext): FieldError[] {
  const p = asRecord(place);
  if (context.metric === "matrix") {
    if (typeof p.id === "string" && context.matrixIds && !context.matrixIds.has(p.id))
      return [{ path: "id", message: `"${p.id}" is not in travel.matrix.ids` }];
    return [];
  }
  return COORDINATES[context.metric]
    .filter((key) => p[key] === undefined || p[key] === null)
    .map((key) => ({ path: key, message: `is required when travel.metric is "${context.metric}"` }));
}

const RULES: Record<RecordKind, (item: Loose, context: RecordContext) => FieldError[]> = {
  containerTypes: () => [],
  ports: (p, context) => coordinateErrors(p, context),
  depots: (d, context) => coordinateErrors(d, context),
  sailings: (s) =>
    realInstant(s.cutoff) && realInstant(s.departure) && Date.parse(s.cutoff) > Date.parse(s.departure)
      ? [{ path: "cutoff", message: `must be at or before the departure (${s.departure})` }]
      : [],
  villages: (v, context) => {
    const windows = Array.isArray(v.pickupWindows) ? v.pickupWindows : [];
    const errors = windows.flatMap((raw, k) => {
      const w = asRecord(raw);
      return isClock(w.open) && isClock(w.close) && w.close <= w.open
        ? [
            {
              path: `pickupWindows[${k}].close`,
              message: `must be after open (${w.open}); split a window that crosses midnight in two`,
            },
          ]
        : [];
    });
    return [...errors, ...coordinateErrors(v, context)];
  },
  shipments: (s) =>
    realInstant(s.readyAt) && realInstant(s.sailBy) && Date.parse(s.readyAt) > Date.parse(s.sailBy)
      ? [
          {
            path: "sailBy",
            message: `must be at or after readyAt (${s.readyAt}): it cannot sail before it is ready`,
          },
        ]
      : [],
};

/** The record rules of one record; paths are relative to the record (`cutoff`). */
export function recordRuleErrors(kind: RecordKind, item: unknown, context: RecordContext): FieldError[] {
  return RULES[kind](asRecord(item), context);
}

/** Zod issues as field errors, with the messages people read. */
export function zodErrors(error: z.ZodError, base: readonly PropertyKey[] = []): FieldError[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === "invalid_type" && /received undefined/.test(message)) message = "is required";
    else if (issue.code === "invalid_type") message = `must be ${issue.expected}`;
    else if (issue.code === "unrecognized_keys") message = `unknown field(s): ${issue.keys.join(", ")}`;
    return { path: formatPath([...base, ...issue.path]), message };
  });
}

/**
 * One record, whole: its schema (given, e.g. the API's strict one, or the Scenario's)
 * and its rules, every error at once. Paths are relative to the record.
 */
export function recordErrors(
  kind: RecordKind,
  item: unknown,
  context: RecordContext,
  schema: z.ZodType = RECORD_SCHEMAS[kind],
): FieldError[] {
  const parsed = schema.safeParse(item);
  const errors = parsed.success ? [] : zodErrors(parsed.error);
  return mergeErrors(errors, recordRuleErrors(kind, item, context));
}

/** Errors in order, each path+message once. */
export function mergeErrors(...lists: FieldError[][]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of lists.flat()) {
    const key = `${e.path}\u0000${e.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

/** The metric a scenario's travel settings ask for, if they name a valid one. */
export function metricOf(travel: unknown): Metric {
  const m = asRecord(travel).metric;
  return z.enum(METRICS).safeParse(m).success ? (m as Metric) : "road";
}
