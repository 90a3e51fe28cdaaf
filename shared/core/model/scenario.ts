/**
 * The Scenario: the planner's input, exactly as `../shared/spec/scenario.md` defines it.
 * The zod schema is the type: every boundary (CLI, API, worker) parses through it, so
 * an error always names its path (`shipments[3].weightKg: must be > 0`).
 */
import { z } from "zod";

export const HANDLING_CLASSES = ["dry", "general", "dangerous", "chilled", "frozen", "live"] as const;
export type Handling = (typeof HANDLING_CLASSES)[number];

const id = z.string().min(1, "must be a non-empty string");
const positive = (what = "must be > 0") => z.number().refine((v) => Number.isFinite(v) && v > 0, what);
const nonNegative = z.number().refine((v) => Number.isFinite(v) && v >= 0, "must be >= 0");
const lat = z.number().min(-90, "must be between -90 and 90").max(90, "must be between -90 and 90");
const lon = z.number().min(-180, "must be between -180 and 180").max(180, "must be between -180 and 180");
const finite = z.number().refine(Number.isFinite, "must be a finite number");

/** ISO 8601 instant that carries an offset (`Z` or `+08:00`); a bare local time is ambiguous. */
export const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
    "must be an ISO 8601 instant with an offset, e.g. 2026-12-02T12:00:00+08:00",
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), "is not a real date and time");

/** Local clock time "HH:mm" (24:00 allowed as the end of a day). */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a local time "HH:mm" between 00:00 and 24:00');

export const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura");

const place = {
  name: z.string().optional(),
  lat: lat.optional(),
  lon: lon.optional(),
  x: finite.optional(),
  y: finite.optional(),
  timeZone: timeZone.optional(),
  island: z.string().min(1).optional(),
};

export const containerTypeSchema = z.object({
  id,
  maxWeightKg: positive(),
  maxVolumeM3: positive(),
  reefer: z.boolean().optional(),
  fixedCost: nonNegative.optional(),
  costPerKm: nonNegative.optional(),
  /** Slots it takes in a sea box (default 1: three 6 ft village containers fill a 20 ft box). */
  boxSlots: z.number().int("must be a whole number").min(1, "must be >= 1").optional(),
  /** Its empty weight, counted against a sea box's maxWeightKg (default 0). */
  tareKg: nonNegative.optional(),
});

/** A sea container (20 ft) the village containers ride in, unopened, from the port to the buyer. */
export const boxTypeSchema = z.object({
  id,
  slots: z.number().int("must be a whole number").min(1, "must be >= 1"),
  maxWeightKg: positive(),
  reefer: z.boolean().optional(),
  freight: nonNegative.optional(),
});

export const depotSchema = z.object({
  id,
  ...place,
  fleet: z.record(z.string(), z.number().int("must be a whole number").min(0, "must be >= 0")).optional(),
});

export const portSchema = z.object({ id, ...place });

export const sailingSchema = z.object({
  id,
  port: id,
  departure: instant,
  cutoff: instant,
  destinations: z.array(z.string().min(1)).optional(),
  maxContainers: z.number().int("must be a whole number").min(0, "must be >= 0").optional(),
  /** Sea boxes it takes when the scenario has boxTypes; absent = unlimited. */
  maxBoxes: z.number().int("must be a whole number").min(0, "must be >= 0").optional(),
});

export const pickupWindowSchema = z.object({ open: clockTime, close: clockTime });

export const villageSchema = z.object({
  id,
  ...place,
  bumdes: z.string().optional(),
  pickupWindows: z.array(pickupWindowSchema).optional(),
  serviceMinutes: nonNegative.optional(),
});

export const shipmentSchema = z.object({
  id,
  village: id,
  product: z.string().min(1).optional(),
  handling: z.enum(HANDLING_CLASSES, { error: `must be one of ${HANDLING_CLASSES.join(", ")}` }).optional(),
  weightKg: positive(),
  volumeM3: nonNegative.optional(),
  packages: z.number().int("must be a whole number").min(1, "must be >= 1").optional(),
  readyAt: instant.optional(),
  sailBy: instant.optional(),
  destination: z.string().min(1).optional(),
  exporter: z.string().optional(),
});

export const travelSchema = z.object({
  metric: z
    .enum(["road", "euclidean", "matrix"], { error: "must be one of road, euclidean, matrix" })
    .optional(),
  roadFactor: positive().optional(),
  speedKmh: positive().optional(),
  matrix: z
    .object({
      ids: z.array(id),
      km: z.array(z.array(nonNegative)),
      minutes: z.array(z.array(nonNegative)).optional(),
    })
    .optional(),
});

export const scenarioSchema = z.object({
  id: z.string().optional(),
  objective: z.enum(["cost", "distance"], { error: "must be one of cost, distance" }).optional(),
  horizon: z.object({ start: instant, end: instant }).optional(),
  travel: travelSchema.optional(),
  containerTypes: z.array(containerTypeSchema).min(1, "must list at least one container type"),
  depots: z.array(depotSchema).min(1, "must list at least one depot"),
  ports: z.array(portSchema).min(1, "must list at least one port"),
  sailings: z.array(sailingSchema).optional(),
  villages: z.array(villageSchema),
  shipments: z.array(shipmentSchema),
  rules: z
    .object({ neverTogether: z.array(z.tuple([z.string().min(1), z.string().min(1)])).optional() })
    .optional(),
  boxTypes: z.array(boxTypeSchema).optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ContainerType = z.infer<typeof containerTypeSchema>;
export type BoxType = z.infer<typeof boxTypeSchema>;
export type Depot = z.infer<typeof depotSchema>;
export type Port = z.infer<typeof portSchema>;
export type Sailing = z.infer<typeof sailingSchema>;
export type Village = z.infer<typeof villageSchema>;
export type Shipment = z.infer<typeof shipmentSchema>;
export type PickupWindow = z.infer<typeof pickupWindowSchema>;
