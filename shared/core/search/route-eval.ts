/**
 * Evaluate one container trip from scratch: depot -> jobs in order -> the best port/sailing.
 * Feasibility is always recomputed here, never trusted to a move's incremental delta
 * (the HGS-CVRP habit). Consecutive jobs at the same village form one stop: loading
 * starts once, at the first moment inside a pickup window after arrival and after the
 * readyAt of everything loaded there, and takes the village's service time once.
 */
import { type Problem, truckCost } from "../problem/problem.js";
import { earliestInWindow } from "../rules/time-windows.js";
import { boxTerm } from "./box-term.js";

export interface RouteEval {
  feasible: boolean;
  km: number;
  /** The search's objective for this route: cost or distance, minus the fill bonus. */
  obj: number;
  endpoint: number;
  /** Port arrival, minutes since epoch. */
  endMin: number;
}

const INFEASIBLE: RouteEval = Object.freeze({
  feasible: false,
  km: 0,
  obj: Infinity,
  endpoint: -1,
  endMin: Infinity,
});

/** Objective of a route of `kind` driving `km` carrying `weightKg`. */
export function routeObjective(
  p: Problem,
  kindIndex: number,
  km: number,
  weightKg: number,
  fillBonus: number,
): number {
  const kind = p.kinds[kindIndex];
  const base = p.objective === "distance" ? km : truckCost(kind, km);
  const fill = weightKg / kind.maxWeightKg;
  return base - fillBonus * fill * fill;
}

interface Walk {
  km: number;
  weightKg: number;
  lastLoc: number;
  /** Departure from the last stop, minutes since epoch. */
  t: number;
}

/** One stop as the walk timed it: jobs[from..to) loaded at one village. */
export interface TimedStop {
  village: number;
  from: number;
  to: number;
  arrival: number;
  loadStart: number;
  departure: number;
}

/**
 * Drive the trip up to its last stop: kilometres, load and the time it leaves. The one
 * place the stop rule lives (consecutive jobs at a village are one stop, loading inside a
 * window after every readyAt, one service time). With `onStop` every stop is timed and
 * reported, even where no cut-off makes time matter to the search.
 */
export function walkRoute(
  p: Problem,
  kindIndex: number,
  jobs: ArrayLike<number>,
  len: number,
  onStop?: (stop: TimedStop) => void,
  /** When the truck leaves its depot: the planning start unless the plan's schedule says later. */
  leaveMin = p.startMin,
): Walk {
  const kind = p.kinds[kindIndex];
  const n = p.travel.size;
  const kmT = p.travel.km;
  const minT = p.travel.minutes;
  const J = p.jobs;
  let km = 0;
  let weight = 0;
  let prevLoc = kind.loc;
  let t = leaveMin;
  const untimed = p.untimed && onStop === undefined;
  let i = 0;
  while (i < len) {
    const first = J[jobs[i]];
    const loc = first.loc;
    km += kmT[prevLoc * n + loc];
    // the stop: every consecutive job at this village
    let ready = first.readyMin;
    let k = i;
    while (k < len && J[jobs[k]].village === first.village) {
      const job = J[jobs[k]];
      weight += job.weightKg;
      if (job.readyMin > ready) ready = job.readyMin;
      k++;
    }
    if (!untimed) {
      const arrival = t + minT[prevLoc * n + loc];
      const village = p.villages[first.village];
      const loadStart = earliestInWindow(village.windows, Math.max(arrival, ready));
      t = loadStart + village.serviceMin;
      onStop?.({ village: first.village, from: i, to: k, arrival, loadStart, departure: t });
    }
    prevLoc = loc;
    i = k;
  }
  return { km, weightKg: weight, lastLoc: prevLoc, t };
}

export interface EndpointOption {
  endpoint: number;
  km: number;
  obj: number;
}

/** Every endpoint the trip could end at (ignoring sailing places), with its km and objective. */
export function endpointOptions(
  p: Problem,
  kindIndex: number,
  jobs: readonly number[],
  fillBonus: number,
): EndpointOption[] {
  const w = walkRoute(p, kindIndex, jobs, jobs.length);
  const out: EndpointOption[] = [];
  const n = p.travel.size;
  const kind = p.kinds[kindIndex];
  const box = p.boxes === null ? null : boxTerm(p, kindIndex, jobs, jobs.length, w.weightKg);
  for (const ep of p.endpoints) {
    let allowed = (kind.endpointMask[ep.index >>> 5] & (1 << (ep.index & 31))) !== 0;
    for (const j of jobs) allowed &&= (p.jobs[j].endpointMask[ep.index >>> 5] & (1 << (ep.index & 31))) !== 0;
    if (box !== null && ep.sailing >= 0 && !box.sailing) allowed = false;
    if (!allowed) continue;
    const end = p.untimed ? 0 : w.t + p.travel.minutes[w.lastLoc * n + ep.loc];
    if (end > ep.cutoffMin) continue;
    const km = w.km + p.travel.km[w.lastLoc * n + ep.loc];
    const freight = box !== null && ep.sailing >= 0 ? box.freight : 0;
    out.push({
      endpoint: ep.index,
      km,
      obj: routeObjective(p, kindIndex, km, w.weightKg, fillBonus) + freight,
    });
  }
  return out;
}

/**
 * @param jobs the trip's jobs in visiting order (first `len` entries)
 * @param endpointUse containers already on each endpoint (sailing capacity), or null to ignore
 * @param ownEndpoint the endpoint this trip holds now (its own use is not counted against it)
 */
export function evaluateRoute(
  p: Problem,
  kindIndex: number,
  jobs: ArrayLike<number>,
  len: number,
  endpointUse: Int32Array | null,
  ownEndpoint: number,
  fillBonus: number,
): RouteEval {
  if (len === 0) return INFEASIBLE;
  if (p.untimed && p.singleEndpoint && p.boxes === null) {
    return evaluateToOneEnd(p, kindIndex, jobs, len, endpointUse, ownEndpoint, fillBonus);
  }
  const kind = p.kinds[kindIndex];
  const n = p.travel.size;
  const kmT = p.travel.km;
  const minT = p.travel.minutes;
  const J = p.jobs;
  const untimed = p.untimed;
  const { km: walkedKm, weightKg: weight, lastLoc: prevLoc, t } = walkRoute(p, kindIndex, jobs, len);
  // Sea boxes: sailings only when a box can take the trip, and its expected freight counted,
  // so the cheapest end is the cheapest in truck cost plus freight (a port without sailings
  // needs no box). Without boxes the nearest end wins, as it always has.
  const box = p.boxes === null ? null : boxTerm(p, kindIndex, jobs, len, weight);
  const perKm = box === null ? 1 : p.objective === "distance" ? 1 : kind.costPerKm;

  // The best endpoint every job allows, on the depot's island, with sailing capacity left.
  let best = -1;
  let bestScore = Infinity;
  let bestLegKm = Infinity;
  let bestEnd = Infinity;
  let bestFreight = 0;
  const words = p.maskWords;
  for (let w = 0; w < words; w++) {
    let mask = kind.endpointMask[w];
    for (let q = 0; q < len && mask !== 0; q++) mask &= J[jobs[q]].endpointMask[w];
    if (box !== null && !box.sailing) mask &= p.boxes!.freeMask[w];
    while (mask !== 0) {
      const bit = 31 - Math.clz32(mask);
      mask &= ~(1 << bit);
      const e = (w << 5) + bit;
      const ep = p.endpoints[e];
      if (endpointUse !== null && ep.maxContainers !== Infinity) {
        const used = endpointUse[e] - (e === ownEndpoint ? 1 : 0);
        if (used >= ep.maxContainers) continue;
      }
      const leg = kmT[prevLoc * n + ep.loc];
      const end = untimed ? 0 : t + minT[prevLoc * n + ep.loc];
      if (end > ep.cutoffMin) continue;
      const freight = box !== null && ep.sailing >= 0 ? box.freight : 0;
      const score = leg * perKm + freight;
      if (
        score < bestScore - 1e-9 ||
        (score <= bestScore + 1e-9 && (leg < bestLegKm || (leg === bestLegKm && end < bestEnd)))
      ) {
        best = e;
        bestScore = score;
        bestLegKm = leg;
        bestEnd = end;
        bestFreight = freight;
      }
    }
  }
  if (best < 0) return INFEASIBLE;
  const km = walkedKm + bestLegKm;
  return {
    feasible: true,
    km,
    obj: routeObjective(p, kindIndex, km, weight, fillBonus) + bestFreight,
    endpoint: best,
    endMin: bestEnd,
  };
}

/**
 * evaluateRoute where there is one endpoint and no time (CVRPLIB's shape): the same sums in
 * the same order, without the walk's stop records and the endpoint search. Every inserted job
 * is evaluated this way there, about a tenth of the search on X-n351-k40.
 */
function evaluateToOneEnd(
  p: Problem,
  kindIndex: number,
  jobs: ArrayLike<number>,
  len: number,
  endpointUse: Int32Array | null,
  ownEndpoint: number,
  fillBonus: number,
): RouteEval {
  const kind = p.kinds[kindIndex];
  const ep = p.endpoints[0];
  if (endpointUse !== null && ep.maxContainers !== Infinity) {
    if (endpointUse[0] - (ownEndpoint === 0 ? 1 : 0) >= ep.maxContainers) return INFEASIBLE;
  }
  if (ep.cutoffMin < 0) return INFEASIBLE;
  const n = p.travel.size;
  const kmT = p.travel.km;
  const J = p.jobs;
  let allowed = kind.endpointMask[0] & 1;
  let km = 0;
  let weight = 0;
  let prevLoc = kind.loc;
  let prevVillage = -1;
  for (let q = 0; q < len; q++) {
    const job = J[jobs[q]];
    allowed &= job.endpointMask[0];
    // Consecutive jobs at one village are one stop (walkRoute): no leg between them.
    if (job.village !== prevVillage) {
      km += kmT[prevLoc * n + job.loc];
      prevLoc = job.loc;
      prevVillage = job.village;
    }
    weight += job.weightKg;
  }
  if ((allowed & 1) === 0) return INFEASIBLE;
  const total = km + kmT[prevLoc * n + ep.loc];
  return {
    feasible: true,
    km: total,
    obj: routeObjective(p, kindIndex, total, weight, fillBonus),
    endpoint: 0,
    endMin: 0,
  };
}
