/**
 * A tighter lower bound on the containers a plan's load needs (issue 8): the load falls
 * into blocks no container can mix, and each block needs its own containers. Two load
 * lines may share a container only if
 *   - their handling classes may share (rule 2),
 *   - their products are not a never-together pair (rule 2),
 *   - some endpoint suits both: a port on the island of both (rule 3) that is a sailing
 *     serving both destinations by both sailBy dates (rule 5), or a port without sailings,
 *     and that each can still reach by its cut-off when collected as early as possible:
 *     not before its readyAt nor before a truck from the nearest depot can be there
 *     (horizon.start), loading inside its village's windows, then straight to the port
 *     (rule 4; road metric only, where a detour is never shorter).
 * The blocks are the connected pieces of that "may share" relation; the bound is the sum
 * of each block's bound (weight, volume, whole packages, classes: lower-bound.ts), and never
 * less than the bound over the whole load. It counts islands, sailings, time windows and
 * product rules, where the plain bound sees one big bin-packing problem.
 */

import { pointLeg } from "../geometry/travel.js";
import type { PlanContainer } from "../model/plan.js";
import type { Handling, Scenario, Shipment } from "../model/scenario.js";
import { planningStart } from "../problem/compile.js";
import { classesMayShare, needsReefer } from "../rules/handling.js";
import { neverTogetherPairs } from "../rules/products.js";
import { compileWindows, earliestInWindow, fixedOffset } from "../rules/time-windows.js";
import { placeZone } from "../rules/zones.js";
import { type BoundItem, type Capacity, containerLowerBound } from "./lower-bound.js";

interface Endpoint {
  port: number;
  /** index into scenario.sailings, -1 for a port without sailings */
  sailing: number;
  cutoffMin: number;
}

interface LineType {
  index: number;
  handling: Handling;
  product: string | undefined;
  /** endpoints this line can end at, one bit each */
  mask: Uint32Array;
}

const toMin = (iso: string) => Date.parse(iso) / 60000;

interface Line {
  shipment: Shipment;
  packages: number;
}

/** Containers any plan carrying these containers' loads needs at least, counting what cannot mix. */
export function tightContainerBound(s: Scenario, containers: readonly PlanContainer[]): number {
  const lines = loadLines(s, containers).flat();
  if (lines.length === 0) return 0;
  const { blockOf } = loadBlocks(s, lines);
  const { reefer, any } = capacities(s);
  const blocks = new Map<number, BoundItem[]>();
  lines.forEach((line, i) => {
    const items = blocks.get(blockOf[i]) ?? [];
    items.push(boundItem(line));
    blocks.set(blockOf[i], items);
  });
  let sum = 0;
  for (const items of blocks.values()) sum += containerLowerBound(items, reefer, any);
  return Math.max(sum, containerLowerBound(lines.map(boundItem), reefer, any));
}

/**
 * The block of every load line of every container (containers[c].stops' lines in order):
 * lines in different blocks can never share a container. What the bound rests on, so tests
 * can check it against real plans: every container's lines must be in one block.
 */
export function containerBlocks(s: Scenario, containers: readonly PlanContainer[]): number[][] {
  const perContainer = loadLines(s, containers);
  const { blockOf } = loadBlocks(s, perContainer.flat());
  let k = 0;
  return perContainer.map((lines) => lines.map(() => blockOf[k++]));
}

function loadLines(s: Scenario, containers: readonly PlanContainer[]): Line[][] {
  const shipments = new Map(s.shipments.map((sh) => [sh.id, sh]));
  return containers.map((c) =>
    c.stops.flatMap((stop) =>
      stop.load.flatMap((l) => {
        const sh = shipments.get(l.shipment);
        return sh && l.packages > 0 ? [{ shipment: sh, packages: l.packages }] : [];
      }),
    ),
  );
}

function boundItem({ shipment: sh, packages }: Line): BoundItem {
  const total = sh.packages ?? 1;
  return {
    handling: sh.handling ?? "dry",
    packages,
    unitWeightKg: sh.weightKg / total,
    unitVolumeM3: (sh.volumeM3 ?? 0) / total,
  };
}

/** Each line's block: the root of its piece of the "may share a container" relation. */
function loadBlocks(s: Scenario, lines: Line[]): { blockOf: number[] } {
  const endpoints = endpointsOf(s);
  const reach = reachability(s, endpoints);
  const types = new Map<string, LineType>();
  const typeOfLine: number[] = [];
  const masks = new Map<Shipment, Uint32Array>();
  for (const { shipment: sh } of lines) {
    let mask = masks.get(sh);
    if (!mask) {
      mask = reach(sh);
      masks.set(sh, mask);
    }
    const handling = sh.handling ?? "dry";
    const key = `${handling}\u0000${sh.product ?? ""}\u0000${mask.join(",")}`;
    let t = types.get(key);
    if (!t) {
      t = { index: types.size, handling, product: sh.product, mask };
      types.set(key, t);
    }
    typeOfLine.push(t.index);
  }

  // Blocks: connected pieces of "may share a container" over the line types. Two types may
  // share when their classes and products may and they have an endpoint in common, so per
  // endpoint it is enough to join each (class, product) group to its compatible groups.
  const list = [...types.values()];
  const conflicts = new Set(
    neverTogetherPairs(s.rules?.neverTogether ?? []).flatMap(([a, b]) => [
      `${a}\u0000${b}`,
      `${b}\u0000${a}`,
    ]),
  );
  const parent = list.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const join = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[a] = b;
  };
  const groupOf = (t: LineType) => `${t.handling}\u0000${t.product ?? ""}`;
  const mayShare = (a: LineType, b: LineType) =>
    classesMayShare(a.handling, b.handling) &&
    (a.product === undefined || b.product === undefined || !conflicts.has(`${a.product}\u0000${b.product}`));
  for (let bit = 0; bit < endpoints.length; bit++) {
    const reps = new Map<string, number>();
    list.forEach((t, i) => {
      if ((t.mask[bit >>> 5] & (1 << (bit & 31))) === 0) return;
      const g = groupOf(t);
      const rep = reps.get(g);
      if (rep === undefined) reps.set(g, i);
      else join(i, rep);
    });
    const heads = [...reps.values()];
    for (let x = 0; x < heads.length; x++)
      for (let y = x + 1; y < heads.length; y++)
        if (mayShare(list[heads[x]], list[heads[y]])) join(heads[x], heads[y]);
  }
  return { blockOf: typeOfLine.map((t) => find(t)) };
}

function capacities(s: Scenario): { reefer: Capacity | null; any: Capacity } {
  const cap = (list: Scenario["containerTypes"]): Capacity => ({
    weightKg: Math.max(...list.map((t) => t.maxWeightKg)),
    volumeM3: Math.max(...list.map((t) => t.maxVolumeM3)),
  });
  const reefers = s.containerTypes.filter((t) => t.reefer);
  return { reefer: reefers.length > 0 ? cap(reefers) : null, any: cap(s.containerTypes) };
}

function endpointsOf(s: Scenario): Endpoint[] {
  const sailings = s.sailings ?? [];
  const out: Endpoint[] = [];
  s.ports.forEach((port, q) => {
    const own = sailings.map((sl, k) => ({ sl, k })).filter(({ sl }) => sl.port === port.id);
    if (own.length === 0) out.push({ port: q, sailing: -1, cutoffMin: Number.POSITIVE_INFINITY });
    for (const { sl, k } of own) out.push({ port: q, sailing: k, cutoffMin: toMin(sl.cutoff) });
  });
  return out;
}

/** For a shipment, the endpoints a container carrying it could end at (one bit each). */
function reachability(s: Scenario, endpoints: Endpoint[]): (sh: Shipment) => Uint32Array {
  const words = Math.max(1, Math.ceil(endpoints.length / 32));
  const sailings = s.sailings ?? [];
  const sameIsland = (a?: string, b?: string) => a === undefined || b === undefined || a === b;
  const villages = new Map(s.villages.map((v) => [v.id, v]));
  // Time is counted only where a detour is never shorter than the direct leg.
  const timed = (s.travel?.metric ?? "road") === "road";
  const leg = pointLeg(s);
  const startMin = planningStart(s);
  const endMin = s.horizon ? toMin(s.horizon.end) : startMin + 14 * 1440;
  const departureMin = sailings.map((sl) => toMin(sl.departure));
  const offsets = new Map<string, number | null>();
  const perVillage = new Map<
    string,
    { depotMin: [number, number]; toPort: number[]; earliest: (t: number) => number; serviceMin: number }
  >();
  const villageFacts = (id: string) => {
    let f = perVillage.get(id);
    if (f) return f;
    const v = villages.get(id)!;
    // A truck reaches the village no earlier than from the nearest depot that could send one.
    const depotMin: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    for (const d of s.depots) {
      if (!sameIsland(v.island, d.island)) continue;
      const minutes = leg(d, v).minutes;
      for (const reefer of [0, 1]) {
        const has =
          d.fleet === undefined ||
          s.containerTypes.some((t) => (reefer === 0 || t.reefer) && (d.fleet?.[t.id] ?? 0) > 0);
        if (has && minutes < depotMin[reefer]) depotMin[reefer] = minutes;
      }
    }
    const zone = placeZone(s, v.timeZone);
    let offset = offsets.get(zone);
    if (offset === undefined) {
      offset = fixedOffset(zone, startMin, endMin);
      offsets.set(zone, offset);
    }
    const windows = compileWindows(v.pickupWindows, zone, startMin, endMin, offset);
    f = {
      depotMin,
      toPort: s.ports.map((p) => (sameIsland(v.island, p.island) ? leg(v, p).minutes : Number.NaN)),
      earliest: (t: number) => earliestInWindow(windows, t),
      serviceMin: v.serviceMinutes ?? 0,
    };
    perVillage.set(id, f);
    return f;
  };
  return (sh) => {
    const mask = new Uint32Array(words);
    const f = villageFacts(sh.village);
    const sailBy = sh.sailBy ? toMin(sh.sailBy) : Number.POSITIVE_INFINITY;
    let departs = Number.NEGATIVE_INFINITY;
    if (timed) {
      const ready = sh.readyAt ? toMin(sh.readyAt) : Number.NEGATIVE_INFINITY;
      // Without a horizon a truck may leave its depot at any time (the spec sets no start).
      const truck = s.horizon
        ? startMin + f.depotMin[needsReefer(sh.handling ?? "dry") ? 1 : 0]
        : Number.NEGATIVE_INFINITY;
      const t0 = Math.max(ready, truck);
      departs = Number.isFinite(t0) ? f.earliest(t0) + f.serviceMin : Number.NEGATIVE_INFINITY;
    }
    for (let bit = 0; bit < endpoints.length; bit++) {
      const e = endpoints[bit];
      if (Number.isNaN(f.toPort[e.port])) continue; // another island
      if (e.sailing >= 0) {
        const sl = sailings[e.sailing];
        if (sh.destination && sl.destinations && !sl.destinations.includes(sh.destination)) continue;
        if (departureMin[e.sailing] > sailBy) continue;
        // One minute of slack, as the checker allows: the bound must hold for every plan it accepts.
        if (timed && departs + f.toPort[e.port] > e.cutoffMin + 1) continue;
      }
      mask[bit >>> 5] |= 1 << (bit & 31);
    }
    return mask;
  };
}
