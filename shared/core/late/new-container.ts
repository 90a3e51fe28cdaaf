/**
 * What a container of its own would cost a late shipment: the cheapest depot and container
 * type with one left in its fleet, on the village's island, to the cheapest port or sailing
 * it can reach in time (destination, sailBy, the sailing's places), plus the freight of a
 * new sea box when no box already on that sailing has room for it.
 */

import type { BoxType, ContainerType, Depot, Port, Sailing } from "../model/scenario.js";
import { instantIn } from "../output/to-plan.js";
import {
  type BoxItem,
  boxesActive,
  boxSlotsOf,
  boxTypeTakes,
  joinSignature,
  loadProfile,
  mayShareBox,
  tareOf,
} from "../rules/boxes.js";
import { needsReefer } from "../rules/handling.js";
import type { Part } from "./container-fit.js";
import { type LateContext, minutesOf, sameIsland } from "./late-context.js";
import { timeTrip } from "./time-trip.js";

export interface NewContainerOption {
  addedKm: number;
  addedCost: number;
  pickupAt: string;
  portArrival: string;
  sailing?: string;
  depot: string;
  type: string;
}

/** Freight a container adds on this sailing: 0 in a box with room, a new box's, or null when full. */
export function addedFreight(ctx: LateContext, sailing: Sailing, item: BoxItem): number | null {
  const types = ctx.scenario.boxTypes ?? [];
  const boxes = (ctx.plan.boxes ?? []).filter((b) => b.sailing === sailing.id);
  for (const box of boxes) {
    const type = types.find((t) => t.id === box.type);
    if (!type || !boxTypeTakes(type, item)) continue;
    const members = box.containers.flatMap((id) => {
      const it = ctx.boxItem(id);
      return it ? [it] : [];
    });
    const slots = members.reduce((a, m) => a + m.slots, 0);
    if (slots + item.slots > type.slots) continue;
    if (box.weightKg + item.weightKg > type.maxWeightKg * (1 + 1e-9)) continue;
    let sig = { temperature: item.temperature, danger: item.danger, destination: item.destination };
    let ok = true;
    for (const m of members) {
      if (!mayShareBox(sig, m)) {
        ok = false;
        break;
      }
      sig = joinSignature(sig, m);
    }
    if (ok) return 0;
  }
  if (sailing.maxBoxes !== undefined && boxes.length >= sailing.maxBoxes) return null;
  const fitting = types.filter((t: BoxType) => boxTypeTakes(t, item)).map((t) => t.freight ?? 0);
  return fitting.length > 0 ? Math.min(...fitting) : null;
}

export function bestNewContainer(ctx: LateContext, part: Part): NewContainerOption | null {
  const s = ctx.scenario;
  const sh = part.shipment;
  const village = ctx.villages.get(sh.village);
  if (!village) return null;
  const handling = sh.handling ?? "dry";
  const used = new Map<string, number>();
  for (const c of ctx.plan.containers)
    used.set(`${c.depot}\u0000${c.type}`, (used.get(`${c.depot}\u0000${c.type}`) ?? 0) + 1);
  const onSailing = new Map<string, number>();
  for (const c of ctx.plan.containers)
    if (c.sailing !== undefined) onSailing.set(c.sailing, (onSailing.get(c.sailing) ?? 0) + 1);
  const withBoxes = boxesActive(s);

  interface Best {
    depot: Depot;
    type: ContainerType;
    port: Port;
    sailing: Sailing | undefined;
    trip: ReturnType<typeof timeTrip>;
  }
  const found: { best: Best | null } = { best: null };
  let bestCost = Infinity;
  let bestKm = Infinity;
  const profile = loadProfile([handling], [sh.destination]);
  const freightCache = new Map<string, number | null>();
  /** Freight the new container adds on a sailing: depends on the sailing and the type (slots, tare). */
  const freightOn = (sailing: Sailing, type: ContainerType) => {
    const key = `${sailing.id}\u0000${type.id}`;
    if (!freightCache.has(key)) {
      const item: BoxItem = {
        key: "(new)",
        slots: boxSlotsOf(type),
        weightKg: part.weightKg + tareOf(type),
        loadKg: part.weightKg,
        ...profile,
      };
      freightCache.set(key, addedFreight(ctx, sailing, item));
    }
    return freightCache.get(key) ?? null;
  };
  const consider = (depot: Depot, type: ContainerType, port: Port, sailing: Sailing | undefined) => {
    let freight = 0;
    if (sailing && withBoxes) {
      const added = freightOn(sailing, type);
      if (added === null) return;
      freight = added;
    }
    const trip = timeTrip(
      ctx,
      depot,
      [{ village, load: [], readyMin: sh.readyAt ? minutesOf(sh.readyAt) : Number.NEGATIVE_INFINITY }],
      port,
    );
    if (sailing && trip.portArrival > minutesOf(sailing.cutoff) + 1e-6) return;
    const cost = (type.fixedCost ?? 0) + (type.costPerKm ?? 1) * trip.km + freight;
    if (cost < bestCost - 1e-6 || (Math.abs(cost - bestCost) <= 1e-6 && trip.km < bestKm)) {
      bestCost = cost;
      bestKm = trip.km;
      found.best = { depot, type, port, sailing, trip };
    }
  };

  for (const depot of s.depots) {
    if (!sameIsland(village.island, depot.island)) continue;
    for (const type of s.containerTypes) {
      const limit = depot.fleet === undefined ? Infinity : (depot.fleet[type.id] ?? 0);
      if ((used.get(`${depot.id}\u0000${type.id}`) ?? 0) >= limit) continue;
      if (needsReefer(handling) && !type.reefer) continue;
      if (part.weightKg > type.maxWeightKg * (1 + 1e-9) || part.volumeM3 > type.maxVolumeM3 * (1 + 1e-9))
        continue;
      for (const port of s.ports) {
        if (!sameIsland(village.island, port.island) || !sameIsland(depot.island, port.island)) continue;
        const sailings = (s.sailings ?? []).filter((x) => x.port === port.id);
        if (sailings.length === 0) {
          consider(depot, type, port, undefined);
          continue;
        }
        for (const sailing of sailings) {
          if (sh.destination && sailing.destinations && !sailing.destinations.includes(sh.destination))
            continue;
          if (sh.sailBy && minutesOf(sailing.departure) > minutesOf(sh.sailBy)) continue;
          if (
            sailing.maxContainers !== undefined &&
            (onSailing.get(sailing.id) ?? 0) >= sailing.maxContainers
          )
            continue;
          consider(depot, type, port, sailing);
        }
      }
    }
  }
  if (!found.best) return null;
  const { depot, type, port, sailing, trip } = found.best;
  return {
    addedKm: trip.km,
    addedCost: bestCost,
    pickupAt: instantIn(trip.stops[0].loadStart, ctx.zoneOf(village)),
    portArrival: instantIn(trip.portArrival, ctx.zoneOf(port)),
    ...(sailing ? { sailing: sailing.id } : {}),
    depot: depot.id,
    type: type.id,
  };
}
