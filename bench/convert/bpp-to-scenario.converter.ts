/**
 * Bin-packing instance -> Scenario: every item is a shipment in one village that sits on
 * the depot and the port (all at 0,0, so every route is 0 km), bins are containers with
 * fixed cost 1 and no per-km cost, so the plan's cost is its number of containers.
 *
 * Sizes with decimals (the triplet sets: 33.3 + 33.3 + 33.4 = 100.0) are scaled by a power
 * of ten to whole numbers, as BPPLIB's own copies do (x10, capacity 1000): a triplet that
 * fills a bin exactly must not be refused for a floating-point rounding error.
 */
import type { Scenario } from "../../shared/core/model/scenario.js";
import type { BinPackingInstance } from "../parse/bin-packing.parser.js";
import { UNBOUNDED_VOLUME_M3 } from "./cvrp-to-scenario.converter.js";

export const BIN_TYPE = "bin";
export const BPP_VILLAGE_ID = "v";

function decimals(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) throw new Error(`size ${text} is not a plain decimal`);
  return text.split(".")[1]?.length ?? 0;
}

/** The power of ten that makes every size and the capacity whole. */
export function integerScale(instance: BinPackingInstance): number {
  const places = Math.max(decimals(instance.capacity), ...instance.sizes.map(decimals));
  return 10 ** places;
}

export function bppToScenario(instance: BinPackingInstance): Scenario {
  const scale = integerScale(instance);
  const whole = (v: number) => Math.round(v * scale);
  const origin = { x: 0, y: 0 };
  return {
    id: instance.name,
    objective: "cost",
    travel: { metric: "euclidean" },
    containerTypes: [
      {
        id: BIN_TYPE,
        maxWeightKg: whole(instance.capacity),
        maxVolumeM3: UNBOUNDED_VOLUME_M3,
        fixedCost: 1,
        costPerKm: 0,
      },
    ],
    // No fleet: as many bins as the packing needs.
    depots: [{ id: "depot", ...origin }],
    ports: [{ id: "port", ...origin }],
    villages: [{ id: BPP_VILLAGE_ID, ...origin }],
    shipments: instance.sizes.map((size, i) => ({
      id: `i${i + 1}`,
      village: BPP_VILLAGE_ID,
      weightKg: whole(size),
      packages: 1,
    })),
  };
}
