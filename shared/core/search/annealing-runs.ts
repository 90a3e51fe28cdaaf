/**
 * How many independent annealing runs a search's budget is split into (the best is kept).
 *
 * On a small routing problem one annealing run settles into one basin long before its
 * budget ends, and the iterations after that, at low temperature, rarely leave it: eight
 * runs of an eighth of the budget each, all from the same first solution, reach eight
 * basins. Measured 2026-11-29 (seed 1, 2 s, no clock stop): CVRPLIB A mean gap 0.18 ->
 * 0.06 %, B 0.02 -> 0.00 %, P 0.18 -> 0.07 % (4 runs: 0.06, 0.03, 0.10; 16: 0.05, 0.04, 0.11).
 *
 * Eight runs or one: a run needs enough budget to settle at all. Split into two or three
 * shorter runs, a quarter of a second (the CI quality guard's budget) did worse than one run
 * (mean gap 0.10 -> 0.23 %), and runs sized by budget (4-5 at 2 s on the larger A/P
 * instances) gave A 0.07, B 0.03, P 0.13 % against eight runs' 0.06, 0.00, 0.07 %.
 *
 * Not for larger problems: CVRPLIB X (100-350 customers) at 30 s got worse with 2 and with 8
 * runs (a run there is still improving when its share ends), and 100 customers (P-n101-k4,
 * X-n101-k25) gained nothing. Not where containers carry a fixed cost: there most of the
 * budget goes to doing the work with fewer containers, which one long run does better (with
 * 8 runs the demo week cost 0.7 % more and Falkenauer u500 lost an optimum).
 */
import type { Problem } from "../problem/problem.js";

/** Problems up to this many jobs are small enough for several runs (A and P go to 79). */
export const SMALL_PROBLEM_JOBS = 80;
export const RUNS = 8;
/** Least work units per job each of the runs must get (2 s for 80 jobs is 81,250). */
export const MIN_RUN_WORK_PER_JOB = 80_000;
/** The same in iterations, for a budget of iterations (a few hundred work units each). */
export const MIN_RUN_ITERATIONS_PER_JOB = 500;

/**
 * @param maxWork the search's work units (Infinity when it is bounded by iterations)
 * @param maxIterations the search's iterations, when that is its budget
 */
export function annealingRuns(p: Problem, maxWork: number, maxIterations?: number): number {
  const fixedCosts = p.objective === "cost" && p.kinds.some((k) => k.fixedCost > 0);
  const n = p.jobs.length;
  if (fixedCosts || n > SMALL_PROBLEM_JOBS || n === 0) return 1;
  const perRunPerJob = (maxIterations !== undefined ? maxIterations : maxWork) / (RUNS * n);
  const needed = maxIterations !== undefined ? MIN_RUN_ITERATIONS_PER_JOB : MIN_RUN_WORK_PER_JOB;
  return perRunPerJob >= needed ? RUNS : 1;
}
