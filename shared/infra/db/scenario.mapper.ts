/**
 * Rows <-> Scenario objects. The database keeps absent fields as NULL; the Scenario
 * leaves them out, so the planner applies its documented defaults.
 */

import type { PlanContainer } from "../../core/model/plan.js";
import type {
  BoxType,
  ContainerType,
  Depot,
  Port,
  Sailing,
  Shipment,
  Village,
} from "../../core/model/scenario.js";
import type { BoxTypeEntity } from "./entities/box-type.entity.js";
import type { ContainerEntity } from "./entities/container.entity.js";
import type { ContainerTypeEntity } from "./entities/container-type.entity.js";
import type { DepotEntity } from "./entities/depot.entity.js";
import type { PortEntity } from "./entities/port.entity.js";
import type { SailingEntity } from "./entities/sailing.entity.js";
import type { ShipmentEntity } from "./entities/shipment.entity.js";
import type { VillageEntity } from "./entities/village.entity.js";

/** The columns of a stored container that the Plan writes. */
export type ContainerPlanColumns = Pick<
  ContainerEntity,
  | "id"
  | "type"
  | "depot"
  | "port"
  | "sailing"
  | "departDepot"
  | "stops"
  | "portArrival"
  | "distanceKm"
  | "cost"
  | "weightKg"
  | "volumeM3"
>;

/** A stored container as the Plan writes it (its row id, its stops without pickup records). */
export function containerFromRow(row: ContainerPlanColumns): PlanContainer {
  return {
    id: row.id,
    type: row.type,
    depot: row.depot,
    port: row.port,
    ...(row.sailing !== null ? { sailing: row.sailing } : {}),
    departDepot: row.departDepot,
    stops: row.stops.map(({ village, arrival, loadStart, departure, load }) => ({
      village,
      arrival,
      loadStart,
      departure,
      load,
    })),
    portArrival: row.portArrival,
    distanceKm: row.distanceKm,
    cost: row.cost,
    weightKg: row.weightKg,
    volumeM3: row.volumeM3,
  };
}

/** Drop null and undefined values, so `{ a: null }` becomes `{}`. */
export function compact<T extends object>(row: T): { [K in keyof T]?: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], null> };
}

/** Every nullable column listed, so a PUT that omits a field clears it. */
function nulls<K extends string>(keys: readonly K[]): Record<K, null> {
  return Object.fromEntries(keys.map((k) => [k, null])) as Record<K, null>;
}
const PLACE_KEYS = ["name", "lat", "lon", "x", "y", "timeZone", "island"] as const;

export const villageToRow = (v: Village): VillageEntity =>
  ({ ...nulls([...PLACE_KEYS, "bumdes", "pickupWindows", "serviceMinutes"]), ...v }) as VillageEntity;
export const portToRow = (p: Port): PortEntity => ({ ...nulls(PLACE_KEYS), ...p }) as PortEntity;
export const depotToRow = (d: Depot): DepotEntity =>
  ({ ...nulls([...PLACE_KEYS, "fleet"]), ...d }) as DepotEntity;
export const sailingToRow = (s: Sailing): SailingEntity =>
  ({ ...nulls(["destinations", "maxContainers", "maxBoxes"]), ...s }) as SailingEntity;
export const containerTypeToRow = (c: ContainerType): ContainerTypeEntity =>
  ({ ...nulls(["reefer", "fixedCost", "costPerKm", "boxSlots", "tareKg"]), ...c }) as ContainerTypeEntity;

export const boxTypeToRow = (b: BoxType): BoxTypeEntity =>
  ({ ...nulls(["reefer", "freight"]), ...b }) as BoxTypeEntity;

export const villageFromRow = (r: VillageEntity): Village => compact(r) as Village;
export const portFromRow = (r: PortEntity): Port => compact(r) as Port;
export const depotFromRow = (r: DepotEntity): Depot => compact(r) as Depot;
export const sailingFromRow = (r: SailingEntity): Sailing => compact(r) as Sailing;
export const containerTypeFromRow = (r: ContainerTypeEntity): ContainerType => compact(r) as ContainerType;
export const boxTypeFromRow = (r: BoxTypeEntity): BoxType => compact(r) as BoxType;

/** A shipment's order fields, the ones the planner reads: its planning state is not among them. */
export const SHIPMENT_ORDER_KEYS = [
  "id",
  "village",
  "product",
  "handling",
  "weightKg",
  "volumeM3",
  "packages",
  "readyAt",
  "sailBy",
  "destination",
  "exporter",
] as const satisfies readonly (keyof Shipment & keyof ShipmentEntity)[];
type ShipmentOrderKey = (typeof SHIPMENT_ORDER_KEYS)[number];

/** The planner's view of a shipment: its order fields only, not its planning state. */
export function shipmentFromRow(r: ShipmentEntity): Shipment {
  return compact(Object.fromEntries(SHIPMENT_ORDER_KEYS.map((k) => [k, r[k]]))) as Shipment;
}

/**
 * A shipment as it is first stored, waiting for a plan: every order field named (absent
 * ones NULL) and nothing else, so the API, the demo loader and the test fixtures store
 * the same row for the same shipment.
 */
export function newShipmentRow(s: Shipment): Pick<ShipmentEntity, ShipmentOrderKey | "status"> {
  const order = Object.fromEntries(SHIPMENT_ORDER_KEYS.map((k) => [k, s[k] ?? null]));
  return { ...order, status: "open" } as Pick<ShipmentEntity, ShipmentOrderKey | "status">;
}
