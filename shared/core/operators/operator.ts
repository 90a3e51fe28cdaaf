/**
 * One local-search move per file behind one interface (VROOM's layout). A move proposes
 * new job lists for one or two routes; `tryReplace` checks them from scratch (capacity,
 * classes, time, sailing places) and applies them only when the objective improves.
 */
import { type Budget, calibratedCounts, evaluationWork, tripWork } from "../search/budget.js";
import type { NearPlaces } from "../search/near-places.js";
import { loadFits } from "../search/route-checks.js";
import { evaluateRoute } from "../search/route-eval.js";
import type { Route, Solution } from "../search/solution.js";

export interface Operator {
  name: string;
  /** Whether the move works within one route (a === b) or between two. */
  intraRoute: boolean;
  /**
   * Apply the first improving move between a and b; true if one was applied.
   * @param near when given, only moves that make a new leg between near places are tried
   *   (granular neighbourhood: a move gains by a short new leg)
   */
  improve(sol: Solution, a: Route, b: Route, budget: Budget, near?: NearPlaces): boolean;
}

/** Least relative gain that counts as an improvement (judge-move.ts applies the same test). */
export const IMPROVEMENT_EPS = 1e-7;

/** Replace a's (and b's) jobs when the result is feasible and cheaper. An emptied route is allowed. */
export function tryReplace(
  sol: Solution,
  a: Route,
  jobsA: number[],
  b: Route | null,
  jobsB: number[] | null,
  budget: Budget,
): boolean {
  const p = sol.p;
  // On a village week the load check counts a unit a job and each trip evaluated its cost
  // (budget.ts): on full containers most moves fail the load check, and counted as
  // calibrated (both trips, before the check) tryReplace's units cost about 5 ns each.
  const calibrated = calibratedCounts(p);
  budget.work += calibrated
    ? evaluationWork(jobsA.length + (jobsB?.length ?? 0), 2 * p.endpoints.length)
    : jobsA.length + (jobsB?.length ?? 0);
  if (jobsA.length > 0 && !loadFits(p, a.kind, jobsA)) return false;
  if (b && jobsB && jobsB.length > 0 && !loadFits(p, b.kind, jobsB)) return false;
  const use = sol.endpointUse;
  const fb = sol.params.fillBonus;
  let objA = 0;
  let epA = -1;
  if (jobsA.length > 0) {
    if (!calibrated) budget.work += tripWork(p, jobsA.length);
    const ev = evaluateRoute(p, a.kind, jobsA, jobsA.length, use, a.endpoint, fb);
    if (!ev.feasible) return false;
    objA = ev.obj;
    epA = ev.endpoint;
  }
  let objB = 0;
  if (b && jobsB) {
    if (jobsB.length > 0) {
      if (!calibrated) budget.work += tripWork(p, jobsB.length);
      // b sees the sailing place a would take.
      if (a.endpoint >= 0) use[a.endpoint]--;
      if (epA >= 0) use[epA]++;
      const ev = evaluateRoute(p, b.kind, jobsB, jobsB.length, use, b.endpoint, fb);
      if (epA >= 0) use[epA]--;
      if (a.endpoint >= 0) use[a.endpoint]++;
      if (!ev.feasible) return false;
      objB = ev.obj;
    }
  }
  const before = a.obj + (b ? b.obj : 0);
  if (objA + objB >= before - IMPROVEMENT_EPS * Math.max(1, Math.abs(before))) return false;
  const oldA = a.jobs;
  const oldB = b?.jobs ?? null;
  const okA = sol.setJobs(a, jobsA);
  const okB = !(b && jobsB) || sol.setJobs(b, jobsB);
  if (okA && okB) return true;
  // The evaluation above said yes; applying said no. Put both trips back as they were.
  if ((b && oldB && !sol.setJobs(b, oldB)) || !sol.setJobs(a, oldA)) {
    throw new Error("internal: a local-search move could neither be applied nor undone");
  }
  return false;
}
