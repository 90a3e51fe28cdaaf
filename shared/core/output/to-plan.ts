/**
 * Turn the search's solution into the Plan the spec defines: stops with instants in each
 * place's own zone, loads per shipment, costs in rupiah, the unassigned list with reasons,
 * then boxes and charges (finish-plan.ts).
 * Units and formats are converted here, at the edge, and nowhere else.
 */
import { DateTime } from "luxon";
import type { Plan, PlanContainer, PlanStop, PlanUnassigned } from "../model/plan.js";
import type { SetAside } from "../problem/compile.js";
import { type Problem, truckCost } from "../problem/problem.js";
import { departureTime } from "../rules/leave-late.js";
import { placeZone } from "../rules/zones.js";
import { type TimedStop, walkRoute } from "../search/route-eval.js";
import type { Route, Solution } from "../search/solution.js";
import { finishPlan } from "./finish-plan.js";
import { summariseContainers } from "./plan-summary.js";

const HOUR_MS = 3_600_000;
/** zone -> hour since the epoch -> its offset and how luxon writes it; null where it changes in that hour. */
const offsetsByZone = new Map<string, Map<number, { offsetMin: number; suffix: string } | null>>();

/** The zone's offset over one hour, read with luxon once (a national plan writes ~100,000 instants). */
function hourOffset(zone: string, hour: number): { offsetMin: number; suffix: string } | null {
  let hours = offsetsByZone.get(zone);
  if (hours === undefined || hours.size > 100_000) {
    hours = new Map();
    offsetsByZone.set(zone, hours);
  }
  let entry = hours.get(hour);
  if (entry === undefined) {
    const start = DateTime.fromMillis(hour * HOUR_MS, { zone });
    const end = DateTime.fromMillis((hour + 1) * HOUR_MS - 1, { zone });
    const iso = start.toISO({ suppressMilliseconds: true })!;
    entry =
      start.offset === end.offset && Number.isInteger(start.offset) && /^\d{4}-/.test(iso)
        ? { offsetMin: start.offset, suffix: iso.slice(19) }
        : null;
    hours.set(hour, entry);
  }
  return entry;
}

/** An instant in a place's zone, written as luxon writes it (`2026-12-09T10:00:00+08:00`). */
export function instantIn(minutes: number, zone: string): string {
  const ms = Math.round(minutes * 60) * 1000;
  const at = hourOffset(zone, Math.floor(ms / HOUR_MS));
  if (at === null) return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
  return new Date(ms + at.offsetMin * 60000).toISOString().slice(0, 19) + at.suffix;
}

/**
 * The trip's schedule: the earliest timing decides when the last stop loads and the port is
 * reached; the truck then leaves as late as still keeps that (rules/leave-late.ts), so no
 * stop loads earlier than it has to and nobody waits loaded at a village.
 */
export function schedule(
  p: Problem,
  r: Route,
): { departDepot: number; stops: (TimedStop & { jobs: number[] })[]; portArrival: number } {
  const n = p.travel.size;
  const kind = p.kinds[r.kind];
  const minT = p.travel.minutes;
  const walk = (leaveMin: number) => {
    const stops: (TimedStop & { jobs: number[] })[] = [];
    const w = walkRoute(
      p,
      r.kind,
      r.jobs,
      r.jobs.length,
      (stop) => stops.push({ ...stop, jobs: r.jobs.slice(stop.from, stop.to) }),
      leaveMin,
    );
    return { stops, portArrival: w.t + minT[w.lastLoc * n + p.endpoints[r.endpoint].loc] };
  };
  const earliest = walk(p.startMin);
  const stops = earliest.stops;
  const locOf = (s: TimedStop) => p.jobs[r.jobs[s.from]].loc;
  const legs = stops.map((s, i) => minT[(i === 0 ? kind.loc : locOf(stops[i - 1])) * n + locOf(s)]);
  const departDepot = departureTime(
    p.startMin,
    stops.map((s) => ({
      windows: p.villages[s.village].windows,
      serviceMin: p.villages[s.village].serviceMin,
      loadStart: s.loadStart,
    })),
    legs,
  );
  if (departDepot === p.startMin) return { departDepot, ...earliest };
  return { departDepot, ...walk(departDepot) };
}

export function toPlan(
  p: Problem,
  sol: Solution,
  setAside: SetAside[],
  lowerBound: number,
  solveMs: number,
): Plan {
  const s = p.scenario;
  const ordered = sol.routes
    .map((r) => ({ r, sch: schedule(p, r) }))
    .sort(
      (a, b) => p.kinds[a.r.kind].depot - p.kinds[b.r.kind].depot || a.sch.departDepot - b.sch.departDepot,
    );
  const width = Math.max(3, String(ordered.length).length);

  const containers: PlanContainer[] = ordered.map(({ r, sch }, k) => {
    const kind = p.kinds[r.kind];
    const type = s.containerTypes[kind.type];
    const depot = s.depots[kind.depot];
    const ep = p.endpoints[r.endpoint];
    const port = s.ports[ep.port];
    let weightKg = 0;
    let volumeM3 = 0;
    const stops: PlanStop[] = sch.stops.map((st) => {
      const village = s.villages[st.village];
      const byShipment = new Map<number, { packages: number; weightKg: number; volumeM3: number }>();
      for (const id of st.jobs) {
        const j = p.jobs[id];
        const line = byShipment.get(j.shipment) ?? { packages: 0, weightKg: 0, volumeM3: 0 };
        line.packages += j.packages;
        byShipment.set(j.shipment, line);
      }
      const load = [...byShipment.entries()].map(([si, line]) => {
        const sh = s.shipments[si];
        const packages = sh.packages ?? 1;
        // Part weight exactly as the spec defines it: weight x parts / packages.
        const w = (sh.weightKg * line.packages) / packages;
        const v = ((sh.volumeM3 ?? 0) * line.packages) / packages;
        weightKg += w;
        volumeM3 += v;
        return { shipment: sh.id, packages: line.packages, weightKg: w, volumeM3: v };
      });
      return {
        village: village.id,
        arrival: instantIn(st.arrival, placeZone(s, village.timeZone)),
        loadStart: instantIn(st.loadStart, placeZone(s, village.timeZone)),
        departure: instantIn(st.departure, placeZone(s, village.timeZone)),
        load,
      };
    });
    return {
      id: `CNT-${String(k + 1).padStart(width, "0")}`,
      type: type.id,
      depot: depot.id,
      port: port.id,
      ...(ep.sailing >= 0 ? { sailing: (s.sailings ?? [])[ep.sailing].id } : {}),
      departDepot: instantIn(sch.departDepot, placeZone(s, depot.timeZone)),
      stops,
      portArrival: instantIn(sch.portArrival, placeZone(s, port.timeZone)),
      distanceKm: r.km,
      cost: truckCost(kind, r.km),
      weightKg,
      volumeM3,
    };
  });

  const unassigned: PlanUnassigned[] = setAside.map((a) => ({
    shipment: s.shipments[a.shipment].id,
    packages: a.packages,
    reason: a.reason,
    detail: a.detail,
  }));
  const left = new Map<number, number>();
  for (const id of sol.unassigned) {
    const j = p.jobs[id];
    left.set(j.shipment, (left.get(j.shipment) ?? 0) + j.packages);
  }
  for (const [si, packages] of left) {
    unassigned.push({
      shipment: s.shipments[si].id,
      packages,
      reason: "NO_CONTAINER",
      detail: noContainerDetail(p, sol, si),
    });
  }

  const plan: Plan = {
    ...(s.id !== undefined ? { scenario: s.id } : {}),
    containers,
    charges: [],
    unassigned,
    summary: summariseContainers(s, containers, unassigned, lowerBound, solveMs),
  };
  return finishPlan(s, plan);
}

function noContainerDetail(p: Problem, sol: Solution, shipment: number): string {
  const jobs = p.jobs.filter((j) => j.shipment === shipment);
  const kinds = p.kinds.filter((k) => jobs.some((j) => j.kindOk[k.index] === 1));
  const fleetFull = kinds.every((k) => sol.kindUse[k.index] >= k.limit);
  if (fleetFull) {
    const depots = [
      ...new Set(kinds.map((k) => p.scenario.depots[k.depot].name ?? p.scenario.depots[k.depot].id)),
    ];
    return `Every suitable container at ${depots.join(", ")} is already in use this week.`;
  }
  return p.boxes
    ? "The sailings it could catch are full (their places or their sea boxes), or no container with room left can collect it in time."
    : "The sailings it could catch are full, or no container with room left can collect it in time.";
}
