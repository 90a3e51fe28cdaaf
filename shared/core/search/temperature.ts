/**
 * Annealing's start and final temperatures, as multiples of the mean variable cost a job adds
 * in the first plan (anneal.ts), so one setting fits rupiah and CVRPLIB units.
 *
 * A larger routing problem with distance alone to save (CVRPLIB X, more than 80 customers)
 * gets one long run (annealing-runs.ts) and runs 4.5x hotter, set after SISR's own setting for
 * X (Christiaens & Vanden Berghe 2020: 100 falling to 1, in X's distance units). At 4.5x,
 * `cvrp-x6` at 30 s (no clock stop), seeds 1-5: mean 0.350 -> 0.316 %, better on three seeds of
 * five, within the seeds' spread (see BENCHMARKS.md). The first plan costs 1.2-2.8x the best
 * known on X, so the six instances start at 227-631 X units, not SISR's 100; SISR's values as
 * they are (0.296 % on seeds 1-3) and a start at half the heat (0.260 % on ten seeds, against
 * 0.258 %) were measured and not kept (BENCHMARKS.md, "Six more changes tried on X").
 * Smaller problems keep the per-job setting their eight runs were measured with: a hotter end
 * there moved A and P instances off their optima (P mean 0.066 %, A 0.049 %, against 0.068 /
 * 0.036 %).
 */
import type { Problem } from "../problem/problem.js";
import { SMALL_PROBLEM_JOBS } from "./annealing-runs.js";
import { calibratedCounts } from "./budget.js";

/** Start temperature per unit of mean cost per job; the final one is a hundredth of it. */
const START = 0.3;
const END = 0.003;
/** How much hotter one long run on a larger distance problem is. */
export const LARGE_DISTANCE_HEAT = 4.5;

/** True for the problems that get LARGE_DISTANCE_HEAT: CVRPLIB-shaped, distance objective, more than 80 jobs. */
export function largeDistanceProblem(p: Problem): boolean {
  return p.objective === "distance" && calibratedCounts(p) && p.jobs.length > SMALL_PROBLEM_JOBS;
}

export function temperatures(p: Problem, perJob: number): { t0: number; tf: number } {
  const heat = largeDistanceProblem(p) ? LARGE_DISTANCE_HEAT : 1;
  return { t0: heat * START * perJob, tf: heat * END * perJob };
}
