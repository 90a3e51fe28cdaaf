/**
 * Compile a validated Scenario into the search's Problem, and set aside the shipments no
 * container could ever carry, each with the spec's reason and a sentence a coordinator
 * understands.
 */
import { buildTravelTable, type PlaceRef } from "../geometry/travel.js";
import type { UnassignedReason } from "../model/plan.js";
import type { Handling, Scenario, Shipment } from "../model/scenario.js";
import { CLASS_INDEX, needsReefer } from "../rules/handling.js";
import { neverTogetherPairs } from "../rules/products.js";
import { compileWindows, fixedOffset } from "../rules/time-windows.js";
import { placeZone } from "../rules/zones.js";
import { evaluateRoute } from "../search/route-eval.js";
import { compileBoxModel, containersInBoxes } from "./box-model.js";
import { type Endpoint, type Job, type Kind, maskSet, type Problem, type VillageInfo } from "./problem.js";
import { splitShipment } from "./split.js";

export interface SetAside {
  shipment: number;
  packages: number;
  reason: UnassignedReason;
  detail: string;
}

export interface Compiled {
  problem: Problem;
  setAside: SetAside[];
}

const toMin = (iso: string) => Date.parse(iso) / 60000;
const sameIsland = (a?: string, b?: string) => a === undefined || b === undefined || a === b;

/** Where times start when the scenario has no horizon: the earliest time anything names. */
export function planningStart(s: Scenario): number {
  if (s.horizon) return toMin(s.horizon.start);
  // A loop, not Math.min(...list): a national week has more times than a call takes arguments.
  let start = Number.POSITIVE_INFINITY;
  for (const sh of s.shipments) if (sh.readyAt) start = Math.min(start, toMin(sh.readyAt));
  for (const sl of s.sailings ?? []) start = Math.min(start, toMin(sl.cutoff) - 7 * 1440);
  return start === Number.POSITIVE_INFINITY ? 0 : start;
}

export function compileProblem(s: Scenario): Compiled {
  const villages = s.villages;
  const places: PlaceRef[] = [...villages, ...s.depots, ...s.ports];
  const depotLoc = (d: number) => villages.length + d;
  const portLoc = (q: number) => villages.length + s.depots.length + q;
  const travel = buildTravelTable(s, places);
  const startMin = planningStart(s);
  const endMin = s.horizon ? toMin(s.horizon.end) : startMin + 14 * 1440;

  const villageIndex = new Map(villages.map((v, i) => [v.id, i]));
  const offsets = new Map<string, number | null>();
  const offsetOf = (zone: string) => {
    let offset = offsets.get(zone);
    if (offset === undefined) {
      offset = fixedOffset(zone, startMin, endMin);
      offsets.set(zone, offset);
    }
    return offset;
  };
  const villageInfo: VillageInfo[] = villages.map((v, i) => {
    const zone = placeZone(s, v.timeZone);
    return {
      index: i,
      loc: i,
      serviceMin: v.serviceMinutes ?? 0,
      windows: compileWindows(v.pickupWindows, zone, startMin, endMin, offsetOf(zone)),
    };
  });

  // Endpoints: one per sailing; a port without sailings is one endpoint open at any time.
  const sailings = s.sailings ?? [];
  const endpoints: Endpoint[] = [];
  s.ports.forEach((port, q) => {
    const own = sailings.map((sl, k) => ({ sl, k })).filter(({ sl }) => sl.port === port.id);
    if (own.length === 0) {
      endpoints.push({
        index: endpoints.length,
        port: q,
        sailing: -1,
        loc: portLoc(q),
        cutoffMin: Infinity,
        maxContainers: Infinity,
      });
    }
    for (const { sl, k } of own) {
      endpoints.push({
        index: endpoints.length,
        port: q,
        sailing: k,
        loc: portLoc(q),
        cutoffMin: toMin(sl.cutoff),
        // With sea boxes, maxBoxes caps the containers too (the exact packing comes after the search).
        maxContainers: Math.min(
          sl.maxContainers ?? Infinity,
          s.boxTypes?.length && sl.maxBoxes !== undefined ? containersInBoxes(s, sl.maxBoxes) : Infinity,
        ),
      });
    }
  });
  const maskWords = Math.max(1, Math.ceil(endpoints.length / 32));

  const kinds: Kind[] = [];
  s.depots.forEach((depot, d) => {
    s.containerTypes.forEach((type, t) => {
      const limit = depot.fleet === undefined ? Infinity : (depot.fleet[type.id] ?? 0);
      if (limit <= 0) return;
      const endpointMask = new Uint32Array(maskWords);
      for (const e of endpoints)
        if (sameIsland(depot.island, s.ports[e.port].island)) maskSet(endpointMask, e.index);
      kinds.push({
        index: kinds.length,
        depot: d,
        type: t,
        loc: depotLoc(d),
        maxWeightKg: type.maxWeightKg,
        maxVolumeM3: type.maxVolumeM3,
        reefer: type.reefer ?? false,
        fixedCost: type.fixedCost ?? 0,
        costPerKm: type.costPerKm ?? 1,
        limit,
        endpointMask,
      });
    });
  });

  const productNames: string[] = [];
  const productIndex = new Map<string, number>();
  const productOf = (name: string) => {
    let i = productIndex.get(name);
    if (i === undefined) {
      i = productNames.length;
      productNames.push(name);
      productIndex.set(name, i);
    }
    return i;
  };
  for (const sh of s.shipments) if (sh.product) productOf(sh.product);
  const conflicts: number[][] = productNames.map(() => []);
  for (const [a, b] of neverTogetherPairs(s.rules?.neverTogether ?? [])) {
    const ia = productIndex.get(a);
    const ib = productIndex.get(b);
    if (ia === undefined || ib === undefined) continue;
    conflicts[ia].push(ib);
    conflicts[ib].push(ia);
  }

  const problem: Problem = {
    scenario: s,
    objective: s.objective ?? "cost",
    startMin,
    travel,
    jobs: [],
    kinds,
    endpoints,
    villages: villageInfo,
    products: productNames,
    productConflicts: conflicts,
    maskWords,
    untimed: false,
    singleEndpoint: endpoints.length === 1,
    boxes: compileBoxModel(s, kinds, endpoints, maskWords),
  };
  const boxes = problem.boxes;
  const destinationIndex = new Map((boxes?.destinations ?? []).map((d, i) => [d, i]));

  const setAside: SetAside[] = [];
  const jobs: Job[] = [];
  // Read once, not once per shipment: a national week asks every sailing of its island 20,000 times.
  const departureMin = sailings.map((sl) => toMin(sl.departure));
  const compileShipment = (sh: Shipment, si: number) => {
    const vi = villageIndex.get(sh.village)!;
    const village = villages[vi];
    const handling: Handling = sh.handling ?? "dry";
    const packages = sh.packages ?? 1;
    const volume = sh.volumeM3 ?? 0;
    const unitW = sh.weightKg / packages;
    const unitV = volume / packages;
    const aside = (reason: UnassignedReason, detail: string) =>
      setAside.push({ shipment: si, packages, reason, detail });

    const reeferNeeded = needsReefer(handling);
    const types = s.containerTypes.filter((t) => !reeferNeeded || t.reefer);
    if (types.length === 0) {
      return aside(
        "INCOMPATIBLE",
        `${handling} goods need a refrigerated (reefer) container and the scenario has no reefer container type.`,
      );
    }
    if (!types.some((t) => unitW <= t.maxWeightKg && unitV <= t.maxVolumeM3)) {
      const maxW = Math.max(...types.map((t) => t.maxWeightKg));
      return aside(
        "TOO_LARGE",
        `One package weighs ${round(unitW)} kg / ${round(unitV)} m3, more than any container can take (largest: ${maxW} kg).`,
      );
    }
    if (!s.ports.some((port) => sameIsland(village.island, port.island))) {
      return aside("NO_ROUTE", `No export port is on ${village.island}, and trucks do not cross the sea.`);
    }
    const depotsOnIsland = s.depots.filter((d) => sameIsland(village.island, d.island));
    if (depotsOnIsland.length === 0) {
      return aside(
        "NO_ROUTE",
        `No depot on ${village.island} can send a container to ${village.name ?? village.id}.`,
      );
    }

    const endpointMask = new Uint32Array(maskWords);
    const sailBy = sh.sailBy ? toMin(sh.sailBy) : Number.POSITIVE_INFINITY;
    for (const e of endpoints) {
      const port = s.ports[e.port];
      if (!sameIsland(village.island, port.island)) continue;
      if (e.sailing >= 0) {
        const sl = sailings[e.sailing];
        if (sh.destination && sl.destinations && !sl.destinations.includes(sh.destination)) continue;
        if (departureMin[e.sailing] > sailBy) continue;
      }
      maskSet(endpointMask, e.index);
    }
    const fits = (k: Kind) =>
      (!reeferNeeded || k.reefer) &&
      sameIsland(village.island, s.depots[k.depot].island) &&
      unitW <= k.maxWeightKg &&
      unitV <= k.maxVolumeM3;
    const usable = kinds.filter(fits);
    if (usable.length === 0) {
      return aside(
        "NO_CONTAINER",
        `No depot on ${village.island ?? "its island"} has a ${reeferNeeded ? "reefer " : ""}container in its fleet for this shipment.`,
      );
    }
    const reachable = usable.some((k) => {
      for (let w = 0; w < maskWords; w++) if ((k.endpointMask[w] & endpointMask[w]) !== 0) return true;
      return false;
    });
    if (!reachable) {
      const why = [sh.destination ? `to ${sh.destination}` : "", sh.sailBy ? `departing by ${sh.sailBy}` : ""]
        .filter(Boolean)
        .join(" ");
      return aside(
        "NO_SAILING",
        `No sailing from a port on ${village.island ?? "its island"} goes ${why || "where it must"}.`,
      );
    }

    const capW = Math.max(...usable.map((k) => k.maxWeightKg));
    const capV = Math.max(...usable.map((k) => k.maxVolumeM3));
    const pieces = splitShipment(sh.weightKg, volume, packages, capW, capV);
    const first = jobs.length;
    for (const piece of pieces) {
      const kindOk = new Uint8Array(kinds.length);
      for (const k of usable)
        if (piece.weightKg <= k.maxWeightKg && piece.volumeM3 <= k.maxVolumeM3) kindOk[k.index] = 1;
      jobs.push({
        index: jobs.length,
        shipment: si,
        village: vi,
        loc: vi,
        packages: piece.packages,
        weightKg: piece.weightKg,
        volumeM3: piece.volumeM3,
        handling,
        cls: CLASS_INDEX[handling],
        product: sh.product ? productOf(sh.product) : -1,
        readyMin: sh.readyAt ? toMin(sh.readyAt) : Number.NEGATIVE_INFINITY,
        destination: sh.destination ? (destinationIndex.get(sh.destination) ?? -1) : -1,
        endpointMask,
        kindOk,
      });
    }
    // Sea boxes: a shipment that must sail, and that no box could carry in any container.
    if (boxes) {
      const free = endpointMask.some((word, w) => (word & boxes.freeMask[w]) !== 0);
      const reefer = reeferNeeded ? 1 : 0;
      const boxable = jobs
        .slice(first)
        .every((j) =>
          usable.some(
            (k) => j.kindOk[k.index] === 1 && j.weightKg <= boxes.maxLoadKg[k.index * 2 + reefer] + 1e-9,
          ),
        );
      if (!free && !boxable) {
        jobs.length = first;
        return aside(
          "INCOMPATIBLE",
          reeferNeeded && !boxes.types.some((t) => t.reefer)
            ? `${handling} goods need a reefer sea box on the sailing, and the scenario has no reefer box type.`
            : "No sea box type can carry a village container with it (box slots, or its weight with the container's tare).",
        );
      }
    }
    // TIME: not even a container carrying only this shipment reaches a cut-off.
    problem.jobs = jobs;
    const alone = jobs[first];
    const canMakeIt = usable.some(
      (k) => evaluateRoute(problem, k.index, [alone.index], 1, null, -1, 0).feasible,
    );
    if (!canMakeIt) {
      jobs.length = first;
      aside("TIME", timeDetail(sh.readyAt, village.pickupWindows !== undefined));
    }
  };
  s.shipments.forEach(compileShipment);
  problem.jobs = jobs;
  // Time only constrains through cut-offs: without any, waiting can never make a trip late.
  problem.untimed = endpoints.every((e) => e.cutoffMin === Infinity);
  return { problem, setAside };
}

function timeDetail(readyAt: string | undefined, hasWindows: boolean): string {
  const parts = [
    readyAt ? `it is ready only at ${readyAt}` : "",
    hasWindows ? "the village's pickup windows" : "",
  ].filter(Boolean);
  return `No truck can collect it and reach a port before any suitable cut-off${parts.length ? ` (${parts.join(", given ")})` : ""}.`;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
