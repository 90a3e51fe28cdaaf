/**
 * Boxes for a Plan's containers: each container on a sailing becomes a box item (its
 * slots, load plus tare, temperature, dangerous/food side, destination), each sailing is
 * packed on its own (pack-sailing.ts), and the boxes get ids `BOX-001`... in the order of
 * the scenario's sailings. Works on the Plan, not on the search's state, so a merged or
 * hand-changed plan gets its boxes the same way as a freshly solved one.
 */
import type { PlanBox, PlanContainer } from "../model/plan.js";
import type { Handling, Scenario, Shipment } from "../model/scenario.js";
import { type BoxItem, boxSlotsOf, loadProfile, tareOf } from "../rules/boxes.js";
import { sailingBoxLowerBound } from "./box-lower-bound.js";
import { packSailing } from "./pack-sailing.js";

/** A container as a box item, read from the scenario (null for an unknown type). */
export function containerBoxItem(
  scenario: Scenario,
  c: PlanContainer,
  shipments: ReadonlyMap<string, Shipment> = shipmentIndex(scenario),
): BoxItem | null {
  const type = scenario.containerTypes.find((t) => t.id === c.type);
  if (!type) return null;
  const handlings: Handling[] = [];
  const destinations: (string | undefined)[] = [];
  for (const stop of c.stops)
    for (const line of stop.load) {
      const sh = shipments.get(line.shipment);
      handlings.push(sh?.handling ?? "dry");
      destinations.push(sh?.destination);
    }
  return {
    key: c.id,
    slots: boxSlotsOf(type),
    weightKg: c.weightKg + tareOf(type),
    loadKg: c.weightKg,
    ...loadProfile(handlings, destinations),
  };
}

export function shipmentIndex(scenario: Scenario): Map<string, Shipment> {
  return new Map(scenario.shipments.map((s) => [s.id, s]));
}

/** Containers per sailing id, in plan order. */
function bySailing(containers: readonly PlanContainer[]): Map<string, PlanContainer[]> {
  const out = new Map<string, PlanContainer[]>();
  for (const c of containers) {
    if (c.sailing === undefined) continue;
    const list = out.get(c.sailing);
    if (list) list.push(c);
    else out.set(c.sailing, [c]);
  }
  return out;
}

export interface PlanBoxing {
  boxes: PlanBox[];
  /** Containers on a sailing that no box could take. */
  unplaced: string[];
}

/** Pack every sailing's containers into boxes. */
export function packPlanBoxes(scenario: Scenario, containers: readonly PlanContainer[]): PlanBoxing {
  const types = scenario.boxTypes ?? [];
  const shipments = shipmentIndex(scenario);
  const groups = bySailing(containers);
  const boxes: PlanBox[] = [];
  const unplaced: string[] = [];
  const width = (n: number) => Math.max(3, String(n).length);
  const raw: Omit<PlanBox, "id">[] = [];
  for (const sailing of scenario.sailings ?? []) {
    const list = groups.get(sailing.id);
    if (!list) continue;
    const items: BoxItem[] = [];
    for (const c of list) {
      const item = containerBoxItem(scenario, c, shipments);
      if (item) items.push(item);
      else unplaced.push(c.id);
    }
    const packing = packSailing(items, types, sailing.maxBoxes ?? Infinity);
    for (const box of packing.boxes) {
      raw.push({
        type: types[box.type].id,
        sailing: sailing.id,
        containers: box.items.map((it) => it.key).sort(),
        weightKg: box.weightKg,
        freight: types[box.type].freight ?? 0,
      });
    }
    unplaced.push(...packing.unplaced.map((it) => it.key));
  }
  raw.forEach((b, k) => {
    boxes.push({ id: `BOX-${String(k + 1).padStart(width(raw.length), "0")}`, ...b });
  });
  return { boxes, unplaced };
}

/** summary.lowerBoundBoxes: per sailing, for the containers the plan sends to it. */
export function planBoxLowerBound(scenario: Scenario, containers: readonly PlanContainer[]): number {
  const types = scenario.boxTypes ?? [];
  const shipments = shipmentIndex(scenario);
  let bound = 0;
  for (const list of bySailing(containers).values()) {
    const items = list.flatMap((c) => {
      const it = containerBoxItem(scenario, c, shipments);
      return it ? [it] : [];
    });
    bound += sailingBoxLowerBound(items, types);
  }
  return bound;
}
