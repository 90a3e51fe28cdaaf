/**
 * The cheapest way to add a late shipment to one planned container without disturbing the
 * others' promises: its village becomes a new stop at the best position, or it loads at a
 * stop the container already makes there; the other stops keep their order. A candidate
 * is kept only if every other stop still starts loading inside the same pickup window as
 * before (a BUMDes was told that time: it may shift within the window, not out of it either
 * way: the trip leaves as late as it can, so a stop before the new one may load earlier) and
 * the container still reaches its sailing's cut-off.
 */
import type { PlanContainer, PlanLoad, PlanStop } from "../model/plan.js";
import { instantIn } from "../output/to-plan.js";
import { containerRefusal, type Part } from "./container-fit.js";
import { type LateContext, minutesOf, windowAround } from "./late-context.js";
import { type DraftStop, type TimedTrip, timeTrip } from "./time-trip.js";

export interface Insertion {
  /** The container with the shipment loaded (built on demand: listing options needs only the figures). */
  container(): PlanContainer;
  addedKm: number;
  addedCost: number;
  /** The stop where it is loaded: its loading start, in the village's zone. */
  pickupAt: string;
  portArrival: string;
}

export type InsertionResult = { ok: true; insertion: Insertion } | { ok: false; reason: string };

const readyOf = (ctx: LateContext, load: readonly PlanLoad[]) => {
  let ready = Number.NEGATIVE_INFINITY;
  for (const l of load) {
    const at = ctx.shipments.get(l.shipment)?.readyAt;
    if (at !== undefined) ready = Math.max(ready, minutesOf(at));
  }
  return ready;
};

function addLine(load: readonly PlanLoad[], part: Part): PlanLoad[] {
  const at = load.findIndex((l) => l.shipment === part.shipment.id);
  if (at < 0)
    return [
      ...load,
      {
        shipment: part.shipment.id,
        packages: part.packages,
        weightKg: part.weightKg,
        volumeM3: part.volumeM3,
      },
    ];
  const sh = part.shipment;
  const packages = load[at].packages + part.packages;
  const all = sh.packages ?? 1;
  return load.map((l, i) =>
    i === at
      ? {
          ...l,
          packages,
          weightKg: (sh.weightKg * packages) / all,
          volumeM3: ((sh.volumeM3 ?? 0) * packages) / all,
        }
      : l,
  );
}

interface Candidate {
  stops: DraftStop[];
  /** index of the stop that loads the shipment */
  at: number;
  /** for each draft stop: the window the stop it was loads in, or (-Infinity, Infinity) for the new one */
  limits: { from: number; to: number }[];
}

export function bestInsertion(ctx: LateContext, c: PlanContainer, part: Part): InsertionResult {
  const refusal = containerRefusal(ctx, c, part);
  if (refusal) return { ok: false, reason: refusal };
  const village = ctx.villages.get(part.shipment.village)!;
  const depot = ctx.depots.get(c.depot)!;
  const port = ctx.ports.get(c.port)!;
  const type = ctx.types.get(c.type)!;
  const sailing = c.sailing !== undefined ? ctx.sailings.get(c.sailing) : undefined;
  const cutoff = sailing ? minutesOf(sailing.cutoff) : Infinity;

  const existing: DraftStop[] = [];
  const limits: { from: number; to: number }[] = [];
  for (const stop of c.stops) {
    const v = ctx.villages.get(stop.village);
    if (!v) return { ok: false, reason: `${c.id} stops at an unknown village ${stop.village}.` };
    existing.push({ village: v, load: stop.load, readyMin: readyOf(ctx, stop.load) });
    limits.push(windowAround(ctx.windows(v), minutesOf(stop.loadStart)));
  }
  const candidates: Candidate[] = [];
  existing.forEach((stop, i) => {
    if (stop.village.id !== village.id) return;
    const load = addLine(stop.load, part);
    const stops = existing.map((s, k) => (k === i ? { ...s, load, readyMin: readyOf(ctx, load) } : s));
    candidates.push({ stops, at: i, limits });
  });
  const freshLoad = addLine([], part);
  const fresh: DraftStop = { village, load: freshLoad, readyMin: readyOf(ctx, freshLoad) };
  for (let pos = 0; pos <= existing.length; pos++) {
    // Beside a stop at the same village it loads there instead (one stop per visit).
    if (existing[pos - 1]?.village.id === village.id || existing[pos]?.village.id === village.id) continue;
    candidates.push({
      stops: [...existing.slice(0, pos), fresh, ...existing.slice(pos)],
      at: pos,
      limits: [
        ...limits.slice(0, pos),
        { from: Number.NEGATIVE_INFINITY, to: Infinity },
        ...limits.slice(pos),
      ],
    });
  }

  let best: { cand: Candidate; trip: TimedTrip } | null = null;
  let late = false;
  for (const cand of candidates) {
    const trip = timeTrip(
      ctx,
      depot,
      cand.stops,
      port,
      cand.limits.map((l) => l.to),
    );
    if (trip.portArrival > cutoff + 1e-6) {
      late = true;
      continue;
    }
    // A few seconds' slack: the plan writes instants to the second.
    if (
      trip.stops.some(
        (s, k) => s.loadStart > cand.limits[k].to + 0.05 || s.loadStart < cand.limits[k].from - 0.05,
      )
    ) {
      late = true;
      continue;
    }
    if (!best || trip.km < best.trip.km - 1e-9) best = { cand, trip };
  }
  if (!best) {
    return {
      ok: false,
      reason: late
        ? `Collecting ${part.shipment.id} would move a pickup of ${c.id} out of its window or the container past its cut-off.`
        : `${c.id} has no stop where ${part.shipment.id} could be collected.`,
    };
  }
  const { cand, trip } = best;
  const zone = (v: { timeZone?: string }) => ctx.zoneOf(v);
  const cost = (type.fixedCost ?? 0) + (type.costPerKm ?? 1) * trip.km;
  const container = (): PlanContainer => ({
    ...c,
    departDepot: instantIn(trip.departDepot, zone(depot)),
    stops: cand.stops.map(
      (st, k): PlanStop => ({
        village: st.village.id,
        arrival: instantIn(trip.stops[k].arrival, zone(st.village)),
        loadStart: instantIn(trip.stops[k].loadStart, zone(st.village)),
        departure: instantIn(trip.stops[k].departure, zone(st.village)),
        load: st.load,
      }),
    ),
    portArrival: instantIn(trip.portArrival, zone(port)),
    distanceKm: trip.km,
    cost,
    weightKg: c.weightKg + part.weightKg,
    volumeM3: c.volumeM3 + part.volumeM3,
  });
  return {
    ok: true,
    insertion: {
      container,
      addedKm: trip.km - c.distanceKm,
      addedCost: cost - c.cost,
      pickupAt: instantIn(trip.stops[cand.at].loadStart, zone(village)),
      portArrival: instantIn(trip.portArrival, zone(port)),
    },
  };
}
