/**
 * The Scenario: the planner's input, exactly as `../shared/spec/scenario.md` defines it.
 * The zod schema is the type: every boundary (CLI, API, worker) parses through it, so
 * an error always names its path (`shipments[3].weightKg: must be > 0`).
 */
import { z } from "zod";
import {
  clockTime,
  coordinate,
  id,
  instant,
  LIMITS,
  lat,
  list,
  lon,
  nonBlank,
  nonNegative,
  positive,
  text,
  timeZone,
  whole,
} from "./fields.js";

export const HANDLING_CLASSES = ["dry", "general", "dangerous", "chilled", "frozen", "live"] as const;
export type Handling = (typeof HANDLING_CLASSES)[number];

export { clockTime, instant, timeZone };

/** A weight, volume or price: finite, in range (see LIMITS). */
const weight = positive(LIMITS.weightKg);
const volume = nonNegative(LIMITS.volumeM3);
const money = nonNegative(LIMITS.money);

const place = {
  name: text().optional(),
  lat: lat.optional(),
  lon: lon.optional(),
  x: coordinate.optional(),
  y: coordinate.optional(),
  timeZone: timeZone.optional(),
  island: nonBlank().optional(),
};

export const containerTypeSchema = z.object({
  id,
  maxWeightKg: weight,
  maxVolumeM3: positive(LIMITS.volumeM3),
  reefer: z.boolean().optional(),
  fixedCost: money.optional(),
  costPerKm: money.optional(),
  /** Slots it takes in a sea box (default 1: three 6 ft village containers fill a 20 ft box). */
  boxSlots: whole(1, LIMITS.count).optional(),
  /** Its empty weight, counted against a sea box's maxWeightKg (default 0). */
  tareKg: nonNegative(LIMITS.weightKg).optional(),
});

/** A sea container (20 ft) the village containers ride in, unopened, from the port to the buyer. */
export const boxTypeSchema = z.object({
  id,
  slots: whole(1, LIMITS.count),
  maxWeightKg: weight,
  reefer: z.boolean().optional(),
  freight: money.optional(),
});

export const depotSchema = z.object({
  id,
  ...place,
  fleet: z.record(id, whole(0, LIMITS.count)).optional(),
});

export const portSchema = z.object({ id, ...place });

export const sailingSchema = z.object({
  id,
  port: id,
  departure: instant,
  cutoff: instant,
  destinations: list(nonBlank()).optional(),
  maxContainers: whole(0, LIMITS.count).optional(),
  /** Sea boxes it takes when the scenario has boxTypes; absent = unlimited. */
  maxBoxes: whole(0, LIMITS.count).optional(),
});

export const pickupWindowSchema = z.object({ open: clockTime, close: clockTime });

export const villageSchema = z.object({
  id,
  ...place,
  bumdes: text().optional(),
  pickupWindows: list(pickupWindowSchema).optional(),
  serviceMinutes: nonNegative(LIMITS.serviceMinutes).optional(),
});

export const shipmentSchema = z.object({
  id,
  village: id,
  product: nonBlank().optional(),
  handling: z.enum(HANDLING_CLASSES, { error: `must be one of ${HANDLING_CLASSES.join(", ")}` }).optional(),
  weightKg: weight,
  volumeM3: volume.optional(),
  packages: whole(1, LIMITS.packages).optional(),
  readyAt: instant.optional(),
  sailBy: instant.optional(),
  destination: nonBlank().optional(),
  exporter: text().optional(),
});

export const travelSchema = z.object({
  metric: z
    .enum(["road", "euclidean", "matrix"], { error: "must be one of road, euclidean, matrix" })
    .optional(),
  roadFactor: positive(LIMITS.roadFactor).optional(),
  speedKmh: positive(LIMITS.speedKmh).optional(),
  matrix: z
    .object({
      ids: list(id),
      km: list(list(nonNegative(LIMITS.coordinate))),
      minutes: list(list(nonNegative(LIMITS.coordinate))).optional(),
    })
    .optional(),
});

export const rulesSchema = z.object({ neverTogether: list(z.tuple([nonBlank(), nonBlank()])).optional() });

export const scenarioSchema = z.object({
  id: text().optional(),
  objective: z.enum(["cost", "distance"], { error: "must be one of cost, distance" }).optional(),
  horizon: z.object({ start: instant, end: instant }).optional(),
  travel: travelSchema.optional(),
  containerTypes: z.array(containerTypeSchema).min(1, "must list at least one container type"),
  depots: z.array(depotSchema).min(1, "must list at least one depot"),
  ports: z.array(portSchema).min(1, "must list at least one port"),
  sailings: z.array(sailingSchema).optional(),
  villages: z.array(villageSchema),
  shipments: z.array(shipmentSchema),
  rules: rulesSchema.optional(),
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
