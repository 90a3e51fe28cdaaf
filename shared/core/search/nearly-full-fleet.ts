/**
 * Where annealing may walk through plans that are not yet plans: a finite fleet so full that
 * the hard limits wall the search in.
 *
 * The plan's own order never changes: a plan that serves more weight is better, whatever it
 * costs (anneal.ts `better`), and a plan with a container over its weight limit is never kept,
 * so the best plan returned is always complete and within every limit. The two soft prices
 * (adaptive-price.ts) only decide which unfinished plans annealing may pass through.
 *
 * CVRPLIB P-n55-k15 and P-n50-k8 carry 99 % of their trucks' capacity. Priced above any
 * detour, nearly every ruin and recreate that would lead to a better tour left a customer out
 * or needed a few kg more room in one truck for a step, and was refused. Hybrid genetic search
 * (Vidal 2012, HGS-CVRP) passes plans over capacity at a price it adapts so that a set share
 * of them are feasible; annealing here does the same, with weight over a container's limit
 * (overload) and, where a job fits nowhere even then, weight left out. Measured: see
 * BENCHMARKS.md (issue 8).
 */
import type { Problem } from "../problem/problem.js";

/**
 * A fleet this full leaves so little room that most recreates of a near-full plan leave a
 * job out (CVRPLIB P-n55-k15 and P-n50-k8: 99 %). Below it the soft prices only cost
 * iterations: the left-out price on every finite fleet cost CVRPLIB A 0.03 points of mean gap
 * (seed 1: 0.04 -> 0.07 %), and the overload price on every distance problem gave P 0.052 %
 * against 0.042 % (seeds 1-3).
 */
export const FULL_FLEET = 0.98;

/**
 * True where annealing's prices are soft: distance is all the objective counts and the jobs
 * weigh at least FULL_FLEET of what the whole (finite) fleet carries. Village weeks keep
 * hard limits: there weight is left out for lack of sailings or trucks, and plans were not
 * measured with soft prices.
 */
export function nearlyFullFleet(p: Problem): boolean {
  if (p.objective !== "distance" || p.kinds.length === 0) return false;
  let fleetKg = 0;
  for (const k of p.kinds) fleetKg += k.maxWeightKg * k.limit;
  if (!Number.isFinite(fleetKg)) return false;
  let jobsKg = 0;
  for (const j of p.jobs) jobsKg += j.weightKg;
  return jobsKg >= FULL_FLEET * fleetKg;
}
