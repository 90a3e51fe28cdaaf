/**
 * Descent to a local optimum over the operators, first improvement. Routes are visited
 * in pairs; emptied routes are dropped. Bounded by passes and by the budget's work units
 * so it never eats the whole time limit on a large instance.
 *
 * Granular (HGS-CVRP): a pair (a, b) is tried only when b serves one of the places nearest
 * to a place of a, only moves that make a leg between near places are estimated, and a pair
 * is not tried again while neither route has changed since it gave nothing (the routes'
 * data remember it, across descents: a polish of a new best tries only the pairs the
 * ruin and recreate changed). A move refused for a sailing full then is not retried when a
 * place frees up while neither trip changes: the same trade HGS-CVRP makes.
 */
import { crossExchange } from "../operators/cross-exchange.js";
import type { Operator } from "../operators/operator.js";
import { relocate } from "../operators/relocate.js";
import { swap } from "../operators/swap.js";
import { twoOpt } from "../operators/two-opt.js";
import { twoOptStar } from "../operators/two-opt-star.js";
import type { Problem } from "../problem/problem.js";
import type { Budget } from "./budget.js";
import { type NearPlaces, nearPlaces } from "./near-places.js";
import { MAX_OPERATORS } from "./route-data.js";
import { dataOf } from "./route-judge.js";
import { placeJobs, type Route, type Solution } from "./solution.js";

export const OPERATORS: readonly Operator[] = [relocate, swap, twoOpt, twoOptStar, crossExchange];
const MAX_PASSES = 50;
/** Jobs near each place (by whole places) whose routes are tried as partners (measured: BENCHMARKS.md, issue 8). */
export const NEAR_JOBS = 15;
/** Work units of a job looked at while marking a route's partners (about 8 ns, CPU profile). */
const MARK_WORK_PER_JOB = 0.2;
/** Work units of one pair looked up (and skipped) in the tested-pairs memory. */
const PAIR_SKIP_WORK = 1;

/**
 * @param share the most of the whole budget this descent may use (even once the budget is
 *   spent: the final polish after the search), so a large instance cannot run away
 */
export function localSearch(
  sol: Solution,
  budget: Budget,
  share = 0.1,
  operators: readonly Operator[] = OPERATORS,
): void {
  const stopAt = budget.work + budget.share(share);
  const outOfTime = () => budget.work > stopAt || budget.timeUp();
  const p = sol.p;
  const near = nearPlaces(p, NEAR_JOBS);
  if (operators.length > MAX_OPERATORS) throw new Error("internal: too many local-search operators");
  const routeOf = new Int32Array(p.jobs.length).fill(-1);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (let o = 0; o < operators.length; o++) {
      const op = operators[o];
      placeJobs(sol.routes, routeOf, 0, sol.routes.length);
      const partner = new Int32Array(sol.routes.length).fill(-1);
      // By index: a route changed by a move is replaced in place by its own copy.
      for (let ai = 0; ai < sol.routes.length; ai++) {
        if (outOfTime()) break;
        if (op.intraRoute) {
          const a = sol.routes[ai];
          if (a.jobs.length === 0) continue;
          const da = dataOf(p, a, budget);
          if (da.triedWith(o, da.id)) {
            budget.work += PAIR_SKIP_WORK;
            continue;
          }
          if (op.improve(sol, a, a, budget)) improved = true;
          else da.rememberTried(o, da.id);
          continue;
        }
        markPartners(p, sol.routes[ai], ai, near, routeOf, partner, budget);
        for (let bi = 0; bi < sol.routes.length; bi++) {
          if (partner[bi] !== ai) continue;
          if (outOfTime()) break;
          const a = sol.routes[ai];
          const b = sol.routes[bi];
          if (a.jobs.length === 0 || b.jobs.length === 0) continue;
          const da = dataOf(p, a, budget);
          const db = dataOf(p, b, budget);
          if (da.triedWith(o, db.id)) {
            budget.work += PAIR_SKIP_WORK;
            continue;
          }
          if (op.improve(sol, a, b, budget, near)) {
            improved = true;
            placeJobs(sol.routes, routeOf, ai, ai + 1);
            placeJobs(sol.routes, routeOf, bi, bi + 1);
            // a's jobs changed: its partners too (those before bi are not visited again).
            markPartners(p, sol.routes[ai], ai, near, routeOf, partner, budget);
          } else da.rememberTried(o, db.id);
        }
      }
      dropEmpty(sol);
    }
    if (!improved) return;
  }
}

/** partner[r] = ai for every route r serving a place near one of a's places. */
function markPartners(
  p: Problem,
  a: Route,
  ai: number,
  near: NearPlaces,
  routeOf: Int32Array,
  partner: Int32Array,
  budget: Budget,
): void {
  let scanned = 0;
  let lastLoc = -1;
  for (const job of a.jobs) {
    const loc = p.jobs[job].loc;
    if (loc === lastLoc) continue; // the same stop's jobs share their neighbours
    lastLoc = loc;
    for (const other of near.near[near.placeIndex[loc]]) {
      const jobs = near.jobsAt[other];
      scanned += jobs.length;
      for (let j = 0; j < jobs.length; j++) {
        const r = routeOf[jobs[j]];
        if (r >= 0) partner[r] = ai;
      }
    }
  }
  budget.work += MARK_WORK_PER_JOB * scanned;
}

function dropEmpty(sol: Solution): void {
  if (sol.routes.every((r) => r.jobs.length > 0)) return;
  const evicted: number[] = [];
  sol.tidy(evicted);
  // Emptying routes frees capacity and never delays other trips, so nothing is evicted.
  sol.unassigned.push(...evicted);
}
