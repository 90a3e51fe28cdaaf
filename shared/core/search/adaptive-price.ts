/**
 * A price per kg that annealing adapts so that about half of the plans it walks through are
 * feasible (Vidal 2012, HGS-CVRP's penalty adjustment): it rises while most are not, falls
 * while most are. One prices weight left out of a plan, one weight over a container's limit
 * (anneal.ts); both are soft only on nearly full fleets (nearly-full-fleet.ts), and
 * prohibitive elsewhere (solve.ts `searchParams`: no detour saved is worth a kg left out).
 * Where the left-out price is low, the jobs left out go back first at the next recreate
 * (anneal.ts), so an incomplete plan is one step from a complete one.
 */

/** Iterations between two adjustments of the price. */
const ADJUST_EVERY = 100;
/** Share of iterations whose current plan should be feasible; the price rises below it and falls above. */
const TARGET_FEASIBLE = 0.5;
const RAISE = 1.2;
const LOWER = 0.85;
/** Price bounds, as multiples of the mean cost per kg served. */
const LEAST = 0.1;
const START = 1;

export class AdaptivePrice {
  perKg: number;
  private readonly least: number;
  private seen = 0;
  private feasible = 0;

  /**
   * @param hard the prohibitive price (SearchParams.unassignedPenaltyPerKg)
   * @param costPerKg mean cost per kg served in the first plan; 0 or less keeps the price hard
   * @param adaptive false: always the prohibitive price
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
   * Count one iteration's current plan (feasible as this price sees it: nothing left out, or
   * nothing over a limit); true when the price changed (penalised costs must be recomputed).
   */
  observe(feasible: boolean): boolean {
    if (!this.adaptive) return false;
    this.seen++;
    if (feasible) this.feasible++;
    if (this.seen < ADJUST_EVERY) return false;
    const share = this.feasible / this.seen;
    this.seen = 0;
    this.feasible = 0;
    const next = share < TARGET_FEASIBLE ? this.perKg * RAISE : this.perKg * LOWER;
    const bounded = Math.max(this.least, Math.min(this.hard, next));
    if (bounded === this.perKg) return false;
    this.perKg = bounded;
    return true;
  }
}
