/**
 * Compile the scenario's sea boxes into the search's BoxModel (problem.ts). Box rules come
 * from rules/boxes.ts; this only precomputes what the hot loop reads.
 */
import type { Scenario } from "../model/scenario.js";
import { type BoxTemperature, boxesActive, boxSlotsOf, boxTypeServes, tareOf } from "../rules/boxes.js";
import { type BoxModel, type Endpoint, type Kind, maskSet } from "./problem.js";

const TEMPERATURES: BoxTemperature[] = ["ambient", "chilled"]; // any reefer class stands for all three

export function compileBoxModel(
  s: Scenario,
  kinds: readonly Kind[],
  endpoints: readonly Endpoint[],
  maskWords: number,
): BoxModel | null {
  if (!boxesActive(s)) return null;
  const types = s.boxTypes ?? [];
  const freeMask = new Uint32Array(maskWords);
  for (const e of endpoints) if (e.sailing < 0) maskSet(freeMask, e.index);
  const maxLoadKg = new Float64Array(kinds.length * 2).fill(-1);
  const freightShare = new Float64Array(kinds.length * 2).fill(Infinity);
  for (const k of kinds) {
    const ctype = s.containerTypes[k.type];
    const slots = boxSlotsOf(ctype);
    const tare = tareOf(ctype);
    TEMPERATURES.forEach((temperature, t) => {
      for (const bt of types) {
        if (!boxTypeServes(bt, temperature) || bt.slots < slots) continue;
        const i = k.index * 2 + t;
        maxLoadKg[i] = Math.max(maxLoadKg[i], bt.maxWeightKg - tare);
        freightShare[i] = Math.min(freightShare[i], ((bt.freight ?? 0) * slots) / bt.slots);
      }
    });
  }
  const destinations = [
    ...new Set(s.shipments.flatMap((sh) => (sh.destination ? [sh.destination] : []))),
  ].sort();
  return { types, freeMask, maxLoadKg, freightShare, destinations };
}

/** At most this many containers fit in `maxBoxes` boxes (for the search's sailing places). */
export function containersInBoxes(s: Scenario, maxBoxes: number): number {
  const types = s.boxTypes ?? [];
  const minSlots = Math.min(...s.containerTypes.map(boxSlotsOf));
  const perBox = Math.max(0, ...types.map((t) => Math.floor(t.slots / minSlots)));
  return maxBoxes * perBox;
}
