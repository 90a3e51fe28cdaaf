/**
 * A lower bound on the sea boxes one sailing needs for the containers it takes, under the
 * planner's box rules (rules/boxes.ts). Containers of different temperatures never share a
 * box, so each temperature is bounded on its own. Within one temperature, groups whose
 * containers can never share a box are disjoint too: different destinations, dangerous
 * goods against food, and both at once. For each way of grouping, every group needs at
 * least the Martello-Toth L2 bound of its slots and the continuous bound of its weight
 * (loads plus tare) in the roomiest box type that serves it; the bound is the best of the
 * groupings.
 */
import { martelloTothL2 } from "../bounds/lower-bound.js";
import type { BoxType } from "../model/scenario.js";
import { type BoxItem, type BoxTemperature, boxTypeServes } from "../rules/boxes.js";

const EPS = 1e-9;

function groupBound(items: readonly BoxItem[], maxSlots: number, maxWeightKg: number): number {
  if (items.length === 0) return 0;
  const bySlots = new Map<number, number>();
  let weight = 0;
  for (const it of items) {
    bySlots.set(it.slots, (bySlots.get(it.slots) ?? 0) + 1);
    weight += it.weightKg;
  }
  return Math.max(1, martelloTothL2([...bySlots.entries()], maxSlots), Math.ceil(weight / maxWeightKg - EPS));
}

/** Sum of group bounds, grouping by `key` (null = left out: it may share with any group). */
function partitionBound(
  items: readonly BoxItem[],
  key: (it: BoxItem) => string | null,
  maxSlots: number,
  maxWeightKg: number,
): number {
  const groups = new Map<string, BoxItem[]>();
  for (const it of items) {
    const k = key(it);
    if (k === null) continue;
    const g = groups.get(k);
    if (g) g.push(it);
    else groups.set(k, [it]);
  }
  let bound = 0;
  for (const g of groups.values()) bound += groupBound(g, maxSlots, maxWeightKg);
  return bound;
}

const sided = (it: BoxItem) => (it.danger === "neutral" ? null : it.danger);

/** Boxes any valid boxing of these containers (all on one sailing) needs at least. */
export function sailingBoxLowerBound(items: readonly BoxItem[], types: readonly BoxType[]): number {
  const byTemperature = new Map<BoxTemperature, BoxItem[]>();
  for (const it of items) {
    if (it.mixedDestinations) continue; // rides in no box
    const list = byTemperature.get(it.temperature);
    if (list) list.push(it);
    else byTemperature.set(it.temperature, [it]);
  }
  let bound = 0;
  for (const [temperature, group] of byTemperature) {
    const serving = types.filter((t) => boxTypeServes(t, temperature));
    if (serving.length === 0) continue; // no box can take them: nothing to bound
    const maxSlots = Math.max(...serving.map((t) => t.slots));
    const maxWeightKg = Math.max(...serving.map((t) => t.maxWeightKg));
    bound += Math.max(
      partitionBound(group, () => "all", maxSlots, maxWeightKg),
      partitionBound(group, (it) => it.destination, maxSlots, maxWeightKg),
      partitionBound(group, sided, maxSlots, maxWeightKg),
      partitionBound(
        group,
        (it) =>
          it.destination === null || sided(it) === null ? null : `${it.destination}\u0000${it.danger}`,
        maxSlots,
        maxWeightKg,
      ),
    );
  }
  return bound;
}
