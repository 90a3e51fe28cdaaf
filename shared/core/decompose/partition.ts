/**
 * Decomposition of a big week into parts the search handles well (issue 8). Trucks never
 * cross the sea, so islands are independent first; an island with more shipments than a
 * part should hold is cut by port catchment (each village with its nearest export port),
 * small catchments joined to their neighbour, large ones halved geographically until
 * every part fits. A village is never split: all its shipments ride in one part.
 *
 * Every part is a valid Scenario that solve() accepts. What parts share is apportioned so
 * the merged plan stays feasible: a depot's fleet of each type and a sailing's
 * maxContainers and maxBoxes are divided (largest remainder, the shares add up to the total) in
 * proportion to the weight each part is expected to send through them. Measuring uses
 * one leg at a time, never a table of every pair, so memory stays linear in the week.
 */
import { type PlaceRef, pointLeg } from "../geometry/travel.js";
import type { Depot, Port, Sailing, Scenario, Shipment } from "../model/scenario.js";
import { planningStart } from "../problem/compile.js";
import { needsReefer } from "../rules/handling.js";
import { largestRemainder } from "./apportion.js";

/** Part size the search handles well within a national week's budget (see BENCHMARKS.md). */
export const DEFAULT_MAX_SHIPMENTS_PER_PART = 800;
/** A catchment smaller than this share of a part joins its neighbour. */
const SMALL_CATCHMENT = 0.5;
/** A shipment's expected sailings: at ports up to this much farther than its nearest usable one. */
const SAILING_REACH_KM = 150;

export interface PartitionOptions {
  /** Largest part, in shipments (a village with more still rides whole). Default 800. */
  maxShipmentsPerPart?: number;
}

export interface ScenarioPart {
  /** Stable, readable: `part-03-Java`. */
  id: string;
  /** The island every place of the part is on; absent when the scenario does not say. */
  island?: string;
  scenario: Scenario;
}

export interface Partition {
  parts: ScenarioPart[];
  maxShipmentsPerPart: number;
}

interface Cluster {
  island?: string;
  villages: number[];
}

export function partitionScenario(scenario: Scenario, options: PartitionOptions = {}): Partition {
  const max = Math.max(1, Math.floor(options.maxShipmentsPerPart ?? DEFAULT_MAX_SHIPMENTS_PER_PART));
  const leg = pointLeg(scenario);
  const villageIndex = new Map(scenario.villages.map((v, i) => [v.id, i]));
  const byVillage: number[][] = scenario.villages.map(() => []);
  scenario.shipments.forEach((sh, i) => {
    byVillage[villageIndex.get(sh.village)!].push(i);
  });
  const count = (v: number) => byVillage[v].length;

  // Islands split only when every place says which island it is on: a place without one
  // could be reached from anywhere.
  const islandsKnown = [...scenario.villages, ...scenario.depots, ...scenario.ports].every(
    (p) => p.island !== undefined,
  );
  const groups = new Map<string, number[]>();
  scenario.villages.forEach((v, i) => {
    if (count(i) === 0) return;
    const key = islandsKnown ? v.island! : "";
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });

  const clusters: Cluster[] = [];
  const dist = (a: number, b: number) => leg(scenario.villages[a], scenario.villages[b]).km;
  for (const [key, villages] of groups) {
    const island = islandsKnown ? key : undefined;
    const ports = scenario.ports.filter((p) => island === undefined || p.island === island);
    for (const part of splitGroup(
      villages,
      ports,
      max,
      count,
      dist,
      (v, p) => leg(scenario.villages[v], p).km,
    ))
      clusters.push({ island, villages: part });
  }
  if (clusters.length <= 1) return { parts: [{ id: "all", scenario }], maxShipmentsPerPart: max };

  const fleets = apportionFleets(scenario, clusters, byVillage, leg);
  const caps = apportionSailings(scenario, clusters, byVillage, leg);
  const perIsland = new Map<string | undefined, number>();
  for (const c of clusters) perIsland.set(c.island, (perIsland.get(c.island) ?? 0) + 1);
  const seen = new Map<string | undefined, number>();
  const parts = clusters.map((c, p): ScenarioPart => {
    const k = (seen.get(c.island) ?? 0) + 1;
    seen.set(c.island, k);
    const name = c.island === undefined ? "" : `-${c.island.replace(/\s+/g, "-")}`;
    const id = `part-${String(p + 1).padStart(2, "0")}${name}`;
    return {
      id,
      ...(c.island !== undefined ? { island: c.island } : {}),
      scenario: partScenario(scenario, id, c, p, byVillage, fleets, caps),
    };
  });
  return { parts, maxShipmentsPerPart: max };
}

/** An island's villages in parts of at most `max` shipments: port catchments first, then halves. */
function splitGroup(
  villages: number[],
  ports: Port[],
  max: number,
  count: (v: number) => number,
  dist: (a: number, b: number) => number,
  toPort: (v: number, p: Port) => number,
): number[][] {
  const size = (vs: number[]) => vs.reduce((a, v) => a + count(v), 0);
  if (size(villages) <= max) return [villages];
  let catchments: { villages: number[]; ports: Port[] }[] = [{ villages, ports }];
  if (ports.length > 1) {
    const byPort = ports.map((p) => ({ villages: [] as number[], ports: [p] }));
    for (const v of villages) {
      let best = 0;
      let bestKm = Number.POSITIVE_INFINITY;
      ports.forEach((p, q) => {
        const km = toPort(v, p);
        if (km < bestKm) {
          bestKm = km;
          best = q;
        }
      });
      byPort[best].villages.push(v);
    }
    catchments = byPort.filter((c) => c.villages.length > 0);
    // Join small catchments to the one whose port is nearest to theirs, smallest first.
    for (;;) {
      const small = catchments
        .map((c, i) => ({ i, n: size(c.villages) }))
        .filter((c) => c.n < SMALL_CATCHMENT * max)
        .sort((a, b) => a.n - b.n || a.i - b.i)[0];
      if (small === undefined || catchments.length < 2) break;
      const from = catchments[small.i];
      let into = -1;
      let intoKm = Number.POSITIVE_INFINITY;
      catchments.forEach((c, i) => {
        if (i === small.i) return;
        // Where the small catchment's trucks would go instead: the other catchment's nearest port.
        for (const v of from.villages)
          for (const port of c.ports) {
            const km = toPort(v, port);
            if (km < intoKm) {
              intoKm = km;
              into = i;
            }
          }
      });
      catchments[into] = {
        villages: [...catchments[into].villages, ...from.villages],
        ports: [...catchments[into].ports, ...from.ports],
      };
      catchments.splice(small.i, 1);
    }
  }
  return catchments.flatMap((c) => bisect(c.villages, Math.ceil(size(c.villages) / max), count, dist));
}

/**
 * Cut villages into `k` parts of about equal shipment counts: order them along the line
 * between two far-apart villages (distance to one minus distance to the other, which
 * needs only a distance, so it works for every travel metric) and cut at the weighted
 * quantile; recurse on both sides.
 */
function bisect(
  villages: number[],
  k: number,
  count: (v: number) => number,
  dist: (a: number, b: number) => number,
): number[][] {
  if (k <= 1 || villages.length <= 1) return [villages];
  const farthest = (from: number) => {
    let best = villages[0];
    let bestKm = -1;
    for (const v of villages) {
      const km = dist(from, v);
      if (km > bestKm) {
        bestKm = km;
        best = v;
      }
    }
    return best;
  };
  const a = farthest(villages[0]);
  const b = farthest(a);
  const key = new Map(villages.map((v) => [v, dist(a, v) - dist(b, v)]));
  const ordered = [...villages].sort((x, y) => key.get(x)! - key.get(y)! || x - y);
  const total = ordered.reduce((acc, v) => acc + count(v), 0);
  const leftParts = Math.floor(k / 2);
  const target = (total * leftParts) / k;
  let acc = 0;
  let cut = 0;
  while (cut < ordered.length - 1 && acc + count(ordered[cut]) / 2 < target) acc += count(ordered[cut++]);
  cut = Math.max(1, cut);
  return [
    ...bisect(ordered.slice(0, cut), leftParts, count, dist),
    ...bisect(ordered.slice(cut), k - leftParts, count, dist),
  ];
}

const sameIsland = (a?: string, b?: string) => a === undefined || b === undefined || a === b;

type Leg = (a: PlaceRef, b: PlaceRef) => { km: number; minutes: number };

/** fleets[depot][type] = each part's share of the depot's containers of that type (absent: unlimited). */
function apportionFleets(
  s: Scenario,
  clusters: Cluster[],
  byVillage: number[][],
  leg: Leg,
): (Map<string, number[]> | undefined)[] {
  const P = clusters.length;
  const reeferTypes = new Set(s.containerTypes.filter((t) => t.reefer).map((t) => t.id));
  const carries = (d: Depot, reefer: boolean) =>
    d.fleet === undefined ||
    s.containerTypes.some((t) => (!reefer || t.reefer) && (d.fleet?.[t.id] ?? 0) > 0);
  // Demand: each shipment's weight at its nearest depot that can send it a container.
  const dry = s.depots.map(() => new Array<number>(P).fill(0));
  const cold = s.depots.map(() => new Array<number>(P).fill(0));
  clusters.forEach((c, p) => {
    for (const v of c.villages) {
      const village = s.villages[v];
      const nearest = new Map<boolean, number>();
      for (const reefer of [false, true]) {
        let best = -1;
        let bestKm = Number.POSITIVE_INFINITY;
        s.depots.forEach((d, i) => {
          if (!sameIsland(village.island, d.island) || !carries(d, reefer)) return;
          const km = leg(d, village).km;
          if (km < bestKm) {
            bestKm = km;
            best = i;
          }
        });
        nearest.set(reefer, best);
      }
      for (const si of byVillage[v]) {
        const sh = s.shipments[si];
        const reefer = needsReefer(sh.handling ?? "dry");
        const d = nearest.get(reefer)!;
        if (d >= 0) (reefer ? cold : dry)[d][p] += sh.weightKg;
      }
    }
  });
  return s.depots.map((d, i) => {
    if (d.fleet === undefined) return undefined;
    const eligible = clusters.map((c) => (c.villages.length > 0 && sameIsland(c.island, d.island) ? 1 : 0));
    const shares = new Map<string, number[]>();
    for (const [type, total] of Object.entries(d.fleet)) {
      const own = reeferTypes.has(type) ? cold[i] : dry[i];
      let demand = own.some((x) => x > 0) ? own : dry[i].map((x, p) => x + cold[i][p]);
      if (!demand.some((x) => x > 0)) demand = eligible;
      shares.set(type, largestRemainder(total, demand));
    }
    return shares;
  });
}

/** caps[sailing] = each part's share of its maxContainers and maxBoxes (absent: unlimited). */
function apportionSailings(
  s: Scenario,
  clusters: Cluster[],
  byVillage: number[][],
  leg: Leg,
): { containers?: number[]; boxes?: number[] }[] {
  const sailings = s.sailings ?? [];
  const P = clusters.length;
  const portIndex = new Map(s.ports.map((p, i) => [p.id, i]));
  const times = sailings.map((sl) => ({
    cutoff: Date.parse(sl.cutoff),
    departure: Date.parse(sl.departure),
  }));
  const near = sailings.map(() => new Array<number>(P).fill(0));
  const any = sailings.map(() => new Array<number>(P).fill(0));
  // Per port, the sailings it has; per village, the legs to its island's ports (measured once).
  const byPort = s.ports.map(() => [] as number[]);
  sailings.forEach((sl, k) => {
    byPort[portIndex.get(sl.port)!].push(k);
  });
  const usable: number[] = [];
  const usableKm: number[] = [];
  clusters.forEach((c, p) => {
    for (const v of c.villages) {
      const village = s.villages[v];
      const legs: { km: number; minutes: number; sailings: number[] }[] = [];
      s.ports.forEach((port, q) => {
        if (byPort[q].length > 0 && sameIsland(village.island, port.island))
          legs.push({ ...leg(village, port), sailings: byPort[q] });
      });
      for (const si of byVillage[v]) {
        const sh = s.shipments[si];
        const ready = sh.readyAt ? Date.parse(sh.readyAt) : Number.NEGATIVE_INFINITY;
        const by = sh.sailBy ? Date.parse(sh.sailBy) : Number.POSITIVE_INFINITY;
        usable.length = 0;
        usableKm.length = 0;
        let nearestKm = Number.POSITIVE_INFINITY;
        for (const l of legs) {
          for (const k of l.sailings) {
            const sl = sailings[k];
            if (sh.destination && sl.destinations && !sl.destinations.includes(sh.destination)) continue;
            if (times[k].departure > by || ready + l.minutes * 60000 > times[k].cutoff) continue;
            usable.push(k);
            usableKm.push(l.km);
            if (l.km < nearestKm) nearestKm = l.km;
          }
        }
        let close = 0;
        for (const km of usableKm) if (km <= nearestKm + SAILING_REACH_KM) close++;
        usable.forEach((k, i) => {
          if (usableKm[i] <= nearestKm + SAILING_REACH_KM) near[k][p] += sh.weightKg / close;
          any[k][p] += sh.weightKg / usable.length;
        });
      }
    }
  });
  return sailings.map((sl, k) => {
    const port = s.ports[portIndex.get(sl.port)!];
    const eligible = clusters.map((c) => (sameIsland(c.island, port.island) ? 1 : 0));
    const demand = near[k].some((x) => x > 0) ? near[k] : any[k].some((x) => x > 0) ? any[k] : eligible;
    return {
      ...(sl.maxContainers !== undefined ? { containers: largestRemainder(sl.maxContainers, demand) } : {}),
      ...(sl.maxBoxes !== undefined ? { boxes: largestRemainder(sl.maxBoxes, demand) } : {}),
    };
  });
}

function partScenario(
  s: Scenario,
  partId: string,
  c: Cluster,
  p: number,
  byVillage: number[][],
  fleets: (Map<string, number[]> | undefined)[],
  caps: { containers?: number[]; boxes?: number[] }[],
): Scenario {
  const onIsland = <T extends { island?: string }>(list: T[]) =>
    list.filter((x) => c.island === undefined || x.island === c.island);
  // Schema needs a depot and a port: an island without one borrows the first, with nothing
  // to send, so its shipments are set aside NO_ROUTE exactly as in the whole week.
  let depots: Depot[] = onIsland(s.depots).map((d) => {
    const share = fleets[s.depots.indexOf(d)];
    if (share === undefined) return d;
    return { ...d, fleet: Object.fromEntries([...share].map(([type, shares]) => [type, shares[p]])) };
  });
  if (depots.length === 0) depots = [{ ...s.depots[0], fleet: {} }];
  let ports = onIsland(s.ports);
  if (ports.length === 0) ports = [s.ports[0]];
  const portIds = new Set(ports.map((q) => q.id));
  const sailings: Sailing[] = [];
  (s.sailings ?? []).forEach((sl, k) => {
    if (!portIds.has(sl.port)) return;
    const cap = caps[k];
    sailings.push({
      ...sl,
      ...(cap.containers ? { maxContainers: cap.containers[p] } : {}),
      ...(cap.boxes ? { maxBoxes: cap.boxes[p] } : {}),
    });
  });
  const villageIds = new Set(c.villages);
  const villages = s.villages.filter((_, i) => villageIds.has(i));
  const shipments: Shipment[] = c.villages
    .flatMap((v) => byVillage[v])
    .sort((a, b) => a - b)
    .map((si) => s.shipments[si]);
  return {
    ...s,
    id: `${s.id ?? "scenario"}#${partId}`,
    // Without a horizon, times start at the whole week's earliest time, not the part's.
    horizon: s.horizon ?? utcHorizon(planningStart(s)),
    depots,
    ports,
    ...(s.sailings !== undefined ? { sailings } : {}),
    villages,
    shipments,
  };
}

/** A horizon in UTC, which keeps zoneless places on UTC as they are without one. */
function utcHorizon(startMin: number): { start: string; end: string } {
  const iso = (min: number) => new Date(Math.round(min) * 60000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return { start: iso(startMin), end: iso(startMin + 14 * 1440) };
}
