/**
 * Can this planned container take this shipment's remaining packages, whatever the order
 * of stops? Every rule that does not depend on where the stop goes: capacity, handling
 * classes, product pairs, islands, the sailing's destinations and sailBy, and the sea box
 * it rides in (weight with tare, reefer power and one temperature, dangerous goods apart
 * from food, one destination). Returns null when it may, or the reason in a sentence.
 */

import type { PlanContainer } from "../model/plan.js";
import type { Shipment } from "../model/scenario.js";
import {
  type BoxItem,
  boxSlotsOf,
  boxTypeTakes,
  joinSignature,
  loadProfile,
  mayShareBox,
  tareOf,
} from "../rules/boxes.js";
import { classesMayShare, needsReefer } from "../rules/handling.js";
import { containerShipments, type LateContext, minutesOf, sameIsland } from "./late-context.js";

export interface Part {
  shipment: Shipment;
  packages: number;
  weightKg: number;
  volumeM3: number;
}

export function partOf(shipment: Shipment, packages: number): Part {
  const all = shipment.packages ?? 1;
  return {
    shipment,
    packages,
    weightKg: (shipment.weightKg * packages) / all,
    volumeM3: ((shipment.volumeM3 ?? 0) * packages) / all,
  };
}

const kg = (v: number) => `${Math.round(v * 10) / 10} kg`;

export function containerRefusal(ctx: LateContext, c: PlanContainer, part: Part): string | null {
  const sh = part.shipment;
  const type = ctx.types.get(c.type);
  if (!type) return `Container ${c.id} has an unknown type ${c.type}.`;
  const handling = sh.handling ?? "dry";
  if (needsReefer(handling) && !type.reefer)
    return `${handling} goods need a reefer container; ${c.id} is a ${type.id}.`;
  if (c.weightKg + part.weightKg > type.maxWeightKg * (1 + 1e-9))
    return `${c.id} has ${kg(type.maxWeightKg - c.weightKg)} of room left; ${sh.id} weighs ${kg(part.weightKg)}.`;
  if (c.volumeM3 + part.volumeM3 > type.maxVolumeM3 * (1 + 1e-9))
    return `${c.id} has ${Math.round((type.maxVolumeM3 - c.volumeM3) * 100) / 100} m3 of room left; ${sh.id} takes ${Math.round(part.volumeM3 * 100) / 100} m3.`;
  const aboard = containerShipments(ctx, c);
  for (const other of aboard) {
    const h = other.handling ?? "dry";
    if (!classesMayShare(handling, h)) return `${handling} goods may not share ${c.id} with its ${h} goods.`;
    if (sh.product && other.product && ctx.neverTogether(sh.product, other.product))
      return `${sh.product} never shares a container with ${other.product} (in ${c.id}).`;
  }
  const village = ctx.villages.get(sh.village);
  const depot = ctx.depots.get(c.depot);
  const port = ctx.ports.get(c.port);
  if (!village || !depot || !port) return `${c.id} names a place the scenario does not have.`;
  if (!sameIsland(village.island, depot.island) || !sameIsland(village.island, port.island))
    return `${c.id} runs on ${depot.island ?? port.island}; ${village.name ?? village.id} is on ${village.island}, and trucks do not cross the sea.`;
  if (c.sailing !== undefined) {
    const sailing = ctx.sailings.get(c.sailing);
    if (!sailing) return `${c.id} names an unknown sailing ${c.sailing}.`;
    if (sh.destination && sailing.destinations && !sailing.destinations.includes(sh.destination))
      return `Sailing ${sailing.id} of ${c.id} does not go to ${sh.destination}.`;
    if (sh.sailBy && minutesOf(sailing.departure) > minutesOf(sh.sailBy))
      return `Sailing ${sailing.id} of ${c.id} departs ${sailing.departure}, after ${sh.id} must sail (${sh.sailBy}).`;
  }
  return boxRefusal(ctx, c, part, aboard);
}

/** The container's box must still hold it with the new load (rule 8). */
function boxRefusal(ctx: LateContext, c: PlanContainer, part: Part, aboard: Shipment[]): string | null {
  const box = ctx.boxOf.get(c.id);
  if (!box) return null;
  const boxType = (ctx.scenario.boxTypes ?? []).find((t) => t.id === box.type);
  const type = ctx.types.get(c.type)!;
  if (!boxType) return `Box ${box.id} has an unknown type ${box.type}.`;
  const sh = part.shipment;
  const profile = loadProfile(
    [...aboard.map((s) => s.handling ?? "dry"), sh.handling ?? "dry"],
    [...aboard.map((s) => s.destination), sh.destination],
  );
  if (profile.mixedDestinations)
    return `${c.id} rides in box ${box.id} to ${profile.destination}; a box is opened at one place, and ${sh.id} goes to ${sh.destination}.`;
  const item: BoxItem = {
    key: c.id,
    slots: boxSlotsOf(type),
    weightKg: c.weightKg + part.weightKg + tareOf(type),
    loadKg: c.weightKg + part.weightKg,
    ...profile,
  };
  if (!boxTypeTakes(boxType, item))
    return `Box ${box.id} (${boxType.id}) cannot carry ${c.id} with ${sh.id}${item.temperature === "ambient" ? "" : ` (${item.temperature} goods need a reefer box)`}.`;
  if (box.weightKg + part.weightKg > boxType.maxWeightKg * (1 + 1e-9))
    return `Box ${box.id} has ${kg(boxType.maxWeightKg - box.weightKg)} of payload left; ${sh.id} weighs ${kg(part.weightKg)}.`;
  const others = box.containers
    .filter((id) => id !== c.id)
    .flatMap((id) => {
      const it = ctx.boxItem(id);
      return it ? [it] : [];
    });
  let sig = { temperature: item.temperature, danger: item.danger, destination: item.destination };
  for (const other of others) {
    if (!mayShareBox(sig, other))
      return `${c.id} shares box ${box.id} with ${other.key}; with ${sh.id} on board they may no longer ride together (temperature, dangerous goods beside food, or destination).`;
    sig = joinSignature(sig, other);
  }
  return null;
}
