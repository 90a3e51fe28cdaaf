/**
 * The objective of a trip rebuilt from pieces of others, from their RouteData, without
 * building it: prefix of one trip + a few explicit jobs + suffix of a trip. Decides
 * capacity, kinds, classes, endpoint masks, sailing places, cut-offs and the cost exactly
 * as evaluateRoute would, or says it cannot (NaN): products that conflict, sea boxes, and
 * on timed weeks a cut inside a stop or two stops of one village joined. Local search uses
 * it only to skip moves; a move it passes is still built and checked by evaluateRoute.
 */
import type { Problem } from "../problem/problem.js";
import { earliestInWindow } from "../rules/time-windows.js";
import type { Budget } from "./budget.js";
import { classesCompatible, RouteData } from "./route-data.js";
import { routeObjective } from "./route-eval.js";
import type { Route } from "./solution.js";

interface Facts {
  /** No rule beyond capacity, kinds, classes and masks decides whether jobs fit together. */
  plainLoad: boolean;
  /** Windows are intervals within a day (open <= close), so the backward walk mirrors the forward one. */
  plainWindows: boolean;
  mask: Uint32Array;
}

const factsByProblem = new WeakMap<Problem, Facts>();

function factsOf(p: Problem): Facts {
  let f = factsByProblem.get(p);
  if (f === undefined) {
    f = {
      plainLoad: p.boxes === null && p.productConflicts.every((c) => c.length === 0),
      plainWindows: p.villages.every((v) =>
        (v.windows.windows ?? []).every(([open, close]) => open <= close),
      ),
      mask: new Uint32Array(p.maskWords),
    };
    factsByProblem.set(p, f);
  }
  return f;
}

/**
 * Work units of building a route's data: about 1.7 us a route on the national week (CPU
 * profile: most of it allocating its typed arrays), a unit or so a job for the prefix sums,
 * masks and, on timed weeks, the forward walk.
 */
const DATA_WORK = 40;
const DATA_WORK_PER_JOB = 1.5;

/** The route's data for its current jobs, built on first use after a change. */
export function dataOf(p: Problem, r: Route, budget: Budget): RouteData {
  let d = r.data;
  if (d === null) {
    budget.work += DATA_WORK + DATA_WORK_PER_JOB * r.jobs.length;
    d = new RouteData(p, r.kind, r.jobs);
    r.data = d;
  }
  return d;
}

/** The endpoint the last finite judgement chose (-1 for an emptied trip). */
export const judged = { endpoint: -1 };

/**
 * Objective of the trip of `kind` made of x's jobs[0..c), mid[0..midLen) and y's jobs[d..):
 * Infinity when infeasible, NaN when it cannot be judged here.
 * @param use containers on each endpoint, as evaluateRoute sees them
 * @param own the endpoint the trip being replaced holds (its place is its own)
 */
export function judgeTrip(
  kind: number,
  x: RouteData,
  c: number,
  mid: Int32Array,
  midLen: number,
  y: RouteData | null,
  d: number,
  use: Int32Array,
  own: number,
  fillBonus: number,
): number {
  const p = x.p;
  const J = p.jobs;
  const k = p.kinds[kind];
  const nY = y === null ? 0 : y.n;
  const hasSuffix = y !== null && d < nY;
  // Load, kinds and classes: necessary for any trip, checked before anything can be unsure.
  let weight = x.weight[c];
  let volume = x.volume[c];
  let classes = x.preClass[c];
  if (!x.kindCarries(kind, c, false)) return Infinity;
  for (let q = 0; q < midLen; q++) {
    const j = J[mid[q]];
    if (j.kindOk[kind] === 0) return Infinity;
    weight += j.weightKg;
    volume += j.volumeM3;
    classes |= 1 << j.cls;
  }
  if (hasSuffix) {
    weight += y.weight[nY] - y.weight[d];
    volume += y.volume[nY] - y.volume[d];
    classes |= y.sufClass[d];
    if (!y.kindCarries(kind, d, true)) return Infinity;
  }
  if (c + midLen === 0 && !hasSuffix) {
    judged.endpoint = -1;
    return 0; // an emptied trip costs nothing (tryReplace's rule)
  }
  if (weight > k.maxWeightKg + 1e-9 || volume > k.maxVolumeM3 + 1e-9) return Infinity;
  if (!classesCompatible(classes)) return Infinity;
  const f = factsOf(p);
  const words = p.maskWords;
  const mask = f.mask;
  let any = 0;
  for (let w = 0; w < words; w++) {
    let m = x.preMask[c * words + w];
    for (let q = 0; q < midLen; q++) m &= J[mid[q]].endpointMask[w];
    if (hasSuffix) m &= y.sufMask[d * words + w];
    mask[w] = m;
    any |= m;
  }
  if (any === 0) return Infinity;
  if (!f.plainLoad) return Number.NaN;

  // Kilometres and time, stop by stop, as walkRoute drives them.
  const timed = !p.untimed;
  if (timed && !f.plainWindows) return Number.NaN;
  const size = p.travel.size;
  const kmT = p.travel.km;
  const minT = p.travel.minutes;
  let loc = c === 0 ? k.loc : x.loc[c - 1];
  let village = c === 0 ? -1 : x.village[c - 1];
  let km = c === 0 ? 0 : x.km[c - 1];
  let t = 0;
  if (timed) {
    t = x.depart[c];
    if (Number.isNaN(t)) return Number.NaN; // c cuts a stop in two
  }
  let q = 0;
  while (q < midLen) {
    const first = J[mid[q]];
    if (first.village === village) {
      // Joins the stop before it: no leg; on a timed week the joined stop is not in x's data.
      if (timed) return Number.NaN;
      q++;
      continue;
    }
    km += kmT[loc * size + first.loc];
    if (timed) {
      let ready = first.readyMin;
      let e = q + 1;
      for (; e < midLen && J[mid[e]].village === first.village; e++) {
        const r = J[mid[e]].readyMin;
        if (r > ready) ready = r;
      }
      const v = p.villages[first.village];
      const arrival = t + minT[loc * size + first.loc];
      t = earliestInWindow(v.windows, Math.max(arrival, ready)) + v.serviceMin;
      q = e;
    } else q++;
    loc = first.loc;
    village = first.village;
  }
  let arrival = 0;
  if (hasSuffix) {
    if (y.village[d] === village) {
      if (timed) return Number.NaN;
    } else km += kmT[loc * size + y.loc[d]];
    if (timed) {
      if (!y.clean(d)) return Number.NaN;
      arrival = t + minT[loc * size + y.loc[d]];
    }
    km += y.suffixKm(d);
    loc = y.loc[nY - 1];
  }

  // The nearest endpoint that is allowed, has a place and is reached by its cut-off, in
  // evaluateRoute's order (words up, bits down; ties on leg, then arrival, then first seen).
  let best = -1;
  let bestLeg = Infinity;
  let bestMin = Infinity;
  for (let w = 0; w < words; w++) {
    let m = mask[w];
    while (m !== 0) {
      const bit = 31 - Math.clz32(m);
      m &= ~(1 << bit);
      const e = (w << 5) + bit;
      const ep = p.endpoints[e];
      const leg = kmT[loc * size + ep.loc];
      const min = timed ? minT[loc * size + ep.loc] : 0;
      if (!(leg < bestLeg || (leg === bestLeg && min < bestMin))) continue;
      if (ep.maxContainers !== Infinity && use[e] - (e === own ? 1 : 0) >= ep.maxContainers) continue;
      if (timed && ep.cutoffMin !== Infinity) {
        if (hasSuffix) {
          const latest = y.latest(e);
          if (latest === null) return Number.NaN;
          if (!(arrival <= latest[d])) continue;
        } else if (t + min > ep.cutoffMin) continue;
      } else if (!timed && 0 > ep.cutoffMin) continue;
      best = e;
      bestLeg = leg;
      bestMin = min;
    }
  }
  if (best < 0) return Infinity;
  judged.endpoint = best;
  return routeObjective(p, kind, km + bestLeg, weight, fillBonus);
}
