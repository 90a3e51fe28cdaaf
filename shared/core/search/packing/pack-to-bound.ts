/**
 * Fewer containers on a pure packing week (pure-packing.ts): the pool search (pool-search.ts)
 * takes a packing of m containers to m - 1, again and again, until the lower bound or its
 * share of the budget is reached; an attempt that stalls is followed by a fresh one. The result is an ordinary Solution, one route a container.
 */
import type { Budget } from "../budget.js";
import type { Random } from "../random.js";
import { Solution } from "../solution.js";
import { PoolSearch } from "./pool-search.js";
import { isPurePacking } from "./pure-packing.js";

/** Work units the search may use when the budget counts iterations, not work (no share). */
const ITERATION_MODE_WORK = 2_000_000;

/**
 * @param stopAtWork the budget's work count at which to stop (Infinity: a fixed amount)
 * @returns `sol` itself when it is not a pure packing or no container could be saved
 */
export function packToBound(
  sol: Solution,
  rng: Random,
  budget: Budget,
  lowerBound: number,
  stopAtWork: number,
): Solution {
  const p = sol.p;
  if (sol.unassigned.length > 0 || !isPurePacking(p)) return sol;
  const stop = Number.isFinite(stopAtWork) ? stopAtWork : budget.work + ITERATION_MODE_WORK;
  const weights = p.jobs.map((j) => j.weightKg);
  const capacity = p.kinds[0].maxWeightKg;
  let bins: number[][] = sol.routes.map((r) => r.jobs.slice());
  let saved = false;
  let stalled = false;
  while (bins.length > Math.max(lowerBound, 2) && budget.work < stop && !budget.spent()) {
    const fewer = new PoolSearch(weights, capacity, bins, rng, stalled).run(budget, stop);
    stalled = fewer === null;
    if (fewer === null) continue;
    bins = fewer;
    saved = true;
  }
  return saved ? asSolution(sol, bins) : sol;
}

function asSolution(like: Solution, bins: number[][]): Solution {
  const sol = new Solution(like.p, like.params);
  for (const jobs of bins) {
    const route = sol.newRoute(0);
    if (!sol.setJobs(route, jobs)) throw new Error("internal: a packed container is infeasible");
  }
  return sol;
}
