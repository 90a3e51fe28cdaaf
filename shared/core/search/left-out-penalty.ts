/**
 * The price per kg that annealing puts on weight left out of a candidate plan.
 *
 * The plan's own order never changes: a plan that serves more weight is better, whatever it
 * costs (anneal.ts `better`), so the best plan kept is always the most complete one found.
 * This price only decides which incomplete plans annealing may walk through on its way.
 *
 * Normally the price is prohibitive (solve.ts `searchParams`): no detour saved is worth a
 * kg left out. On a routing problem with a finite fleet that is almost full (CVRPLIB
 * P-n55-k15 and P-n50-k8 carry 99 % of their trucks' capacity), that walls the search in:
 * nearly every ruin and recreate that would lead to a better tour leaves a customer out for
 * a step, and is refused. Hybrid genetic search (Vidal 2012, HGS-CVRP) passes such plans at
 * a price it adapts so that a set share of them end complete; this is the same idea for
 * the plans annealing accepts. Where the price is low, the jobs left out go back first at the
 * next recreate (anneal.ts), so an incomplete plan is one step from a complete one.
 */
import type { Problem } from "../problem/problem.js";

/** Iterations between two adjustments of the price. */
const ADJUST_EVERY = 100;
/** Share of iterations whose current plan should be complete; the price rises below it and falls above. */
const TARGET_COMPLETE = 0.5;
const RAISE = 1.2;
const LOWER = 0.85;
/** Price bounds, as multiples of the mean cost per kg served. */
const LEAST = 0.1;
const START = 1;

/**
 * A fleet this full leaves so little room that most recreates of a near-full plan leave a
 * job out (CVRPLIB P-n55-k15 and P-n50-k8: 99 %). Below it the soft price only costs
 * iterations: with it on every finite fleet, CVRPLIB A lost 0.03 points of mean gap (seed 1:
 * 0.04 -> 0.07 %, A-n64-k9 and A-n69-k9 worse) while P gained. Measured: see BENCHMARKS.md.
 */
export const FULL_FLEET = 0.98;

/**
 * True where annealing may pass through incomplete plans: distance is all the objective
 * counts and the jobs weigh at least FULL_FLEET of what the whole (finite) fleet carries.
 * Village weeks keep the prohibitive price: there weight is left out for lack of sailings or
 * trucks, and plans were not measured with a soft one.
 */
export function softLeftOutPrice(p: Problem): boolean {
  if (p.objective !== "distance" || p.kinds.length === 0) return false;
  let fleetKg = 0;
  for (const k of p.kinds) fleetKg += k.maxWeightKg * k.limit;
  if (!Number.isFinite(fleetKg)) return false;
  let jobsKg = 0;
  for (const j of p.jobs) jobsKg += j.weightKg;
  return jobsKg >= FULL_FLEET * fleetKg;
}

export class LeftOutPenalty {
  perKg: number;
  private readonly least: number;
  private seen = 0;
  private complete = 0;

  /**
   * @param hard the prohibitive price (SearchParams.unassignedPenaltyPerKg)
   * @param costPerKg mean cost per kg served in the first plan; 0 or less keeps the price hard
   */
  constructor(
    private readonly hard: number,
    costPerKg: number,
    private readonly adaptive: boolean,
  ) {
    this.perKg = adaptive && costPerKg > 0 ? Math.min(hard, START * costPerKg) : hard;
    this.least = Math.min(hard, LEAST * costPerKg);
  }

  /**
   * Count one iteration's current plan (complete: nothing left out); true when the price
   * changed (penalised costs must be recomputed).
   */
  observe(complete: boolean): boolean {
    if (!this.adaptive) return false;
    this.seen++;
    if (complete) this.complete++;
    if (this.seen < ADJUST_EVERY) return false;
    const share = this.complete / this.seen;
    this.seen = 0;
    this.complete = 0;
    const next = share < TARGET_COMPLETE ? this.perKg * RAISE : this.perKg * LOWER;
    const bounded = Math.max(this.least, Math.min(this.hard, next));
    if (bounded === this.perKg) return false;
    this.perKg = bounded;
    return true;
  }
}
