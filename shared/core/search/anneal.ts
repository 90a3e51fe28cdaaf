/**
 * The solver loop: ruin and recreate under simulated annealing (SISR), with local search
 * polishing every new best. Where containers carry a fixed cost, or the objective is
 * distance alone, part of the budget goes to doing the same work with one container fewer
 * (SISR's fleet minimisation).
 * The best solution is compared lexicographically (weight served first, then cost), as
 * the spec's objective says; annealing works on the penalised cost.
 */
import { insertJobs } from "../construct/insertion.js";
import { orOpt } from "../operators/or-opt.js";
import { AdaptivePrice } from "./adaptive-price.js";
import { better, betterStanding } from "./better.js";
import { type Budget, calibratedCounts } from "./budget.js";
import { sortForInsertion, sortHeaviestFirst } from "./insertion-order.js";
import { localSearch, OPERATORS } from "./local-search.js";
import { type Meetings, rebuild, shareBest } from "./meetings.js";
import { nearlyFullFleet } from "./nearly-full-fleet.js";
import { nearestJobs } from "./neighbours.js";
import { packToBound } from "./packing/pack-to-bound.js";
import { poolExchange } from "./pool-exchange.js";
import type { Random } from "./random.js";
import { ruinLeastLoaded, ruinRoute, ruinRoutes, ruinStrings } from "./ruin.js";
import type { Solution } from "./solution.js";
import { temperatures } from "./temperature.js";

export interface AnnealProgress {
  fraction: number;
  best: Solution;
}

/** Least share of the budget between two local-search polishes of a new best. */
const POLISH_EVERY = 0.005;
/** Most of the budget one polish of a new best may use. */
const POLISH_SHARE = 0.02;
/** Share of the budget spent on normal annealing before trying to drop containers. */
const WARM_UP = 0.1;
/** Share of the budget by which container reduction gives way to annealing again. */
const REDUCE_UNTIL = 0.7;
/**
 * The same where the objective is distance alone (CVRPLIB): a route fewer saves two legs to
 * the depot, but annealing alone rarely empties one on a near-full fleet (X-n153-k22 ended
 * with 24 routes at 0.69 % above the best known on two seeds of three, X-n351-k40 always with
 * 41 of 40). A reduced plan is kept only where it is cheaper. Measured: see BENCHMARKS.md.
 */
const REDUCE_UNTIL_DISTANCE = 0.3;
/** Budget one attempt at dropping a container may use without success. */
const REDUCE_ATTEMPT = 0.2;
/**
 * The polish at the end of a run on CVRPLIB-shaped problems: local search's moves and or-opt
 * with segments of any length. It only ever improves the run's best (annealing has ended),
 * but was measured there only: village weeks keep local search's moves (see BENCHMARKS.md).
 */
const FINAL_OPERATORS = [...OPERATORS, orOpt(Infinity)];
const FINAL_POLISH_SHARE = 0.1;
/** Share of the budget by which the pure-packing search (packing/) gives way to container reduction. */
const PACK_UNTIL = 0.6;

export class Annealer {
  private readonly neighbours: Int32Array[];
  private readonly t0: number;
  private readonly tf: number;
  private readonly routeRuinShare: number;
  /** Annealing's price per kg left out of a plan. */
  private readonly leftOut: AdaptivePrice;
  /** Its price per kg over a container's weight limit, or null: the limits hold on the walk too. */
  private readonly overload: AdaptivePrice | null;
  private nextReport = 0;
  private lastPolish = Number.NEGATIVE_INFINITY;
  private nextMeeting = 0;
  best: Solution;

  constructor(
    start: Solution,
    private readonly rng: Random,
    private readonly budget: Budget,
    private readonly lowerBound: number,
    private readonly onProgress?: (p: AnnealProgress) => void,
    /** Other searches of the same week to meet at agreed points of the budget (meetings.ts). */
    private readonly meetings?: Meetings,
  ) {
    const p = start.p;
    this.neighbours = nearestJobs(p);
    this.best = start.clone();
    // Temperatures scale with the mean variable cost a job adds (temperature.ts; fixed container
    // costs are left out: annealing should never trade a container for a detour). Where driving
    // is free (pure packing) the fill bonus sets it.
    let fixed = 0;
    let servedKg = 0;
    for (const r of start.routes) {
      fixed += p.objective === "cost" ? p.kinds[r.kind].fixedCost : 0;
      servedKg += r.weightKg;
    }
    const variable = Math.max(0, start.cost() - fixed);
    const perJob = Math.max(1e-9, variable / Math.max(1, p.jobs.length), start.params.fillBonus);
    ({ t0: this.t0, tf: this.tf } = temperatures(p, perJob));
    this.routeRuinShare = this.fixedCosts() ? 0.15 : 0.03;
    const costPerKg = servedKg > 0 ? variable / servedKg : 0;
    const soft = nearlyFullFleet(p);
    this.leftOut = new AdaptivePrice(start.params.unassignedPenaltyPerKg, costPerKg, soft);
    // Overload only where insertion is exact (insertion.ts prices it in its estimates there).
    this.overload =
      soft && calibratedCounts(p) && costPerKg > 0
        ? new AdaptivePrice(start.params.unassignedPenaltyPerKg, costPerKg, true)
        : null;
  }

  private overloadPrice(): number {
    return this.overload === null ? 0 : this.overload.perKg;
  }

  /**
   * True when a plan loads a container past its weight limit: annealing may walk there, a best
   * may not. Without an overload price no insertion can, so the routes are not summed then.
   */
  private overloaded(s: Solution): boolean {
    return this.overload !== null && s.overloadKg() > 1e-9;
  }

  /** Cost plus the prices of weight left out and over the limits, as annealing compares plans. */
  private penalized(s: Solution): number {
    const over = this.overload === null ? 0 : this.overload.perKg * s.overloadKg();
    return s.cost() + this.leftOut.perKg * s.unassignedWeight() + over;
  }

  private fixedCosts(): boolean {
    const p = this.best.p;
    return p.objective === "cost" && p.kinds.some((k) => k.fixedCost > 0);
  }

  /** Share of the budget by which trying to do with a container fewer ends; 0 where it is not tried. */
  private reduceUntil(): number {
    const p = this.best.p;
    // Where driving costs nothing, containers are all there is to save.
    if (this.fixedCosts()) return p.kinds.every((k) => k.costPerKm === 0) ? 1 : REDUCE_UNTIL;
    return p.objective === "distance" ? REDUCE_UNTIL_DISTANCE : 0;
  }

  run(): Solution {
    let current = this.best.clone();
    const reduceUntil = this.reduceUntil();
    current = this.annealUntil(current, reduceUntil > 0 ? WARM_UP : 1);
    if (reduceUntil > 0) {
      // Pure bin packing: exchanges between full containers and leftovers find what ruin and recreate misses.
      const packed = packToBound(
        this.best,
        this.rng,
        this.budget,
        this.lowerBound,
        this.budget.share(PACK_UNTIL),
      );
      if (better(packed, this.best)) this.best = packed;
      this.reduceContainers(reduceUntil);
      current = this.best.clone();
      current = this.annealUntil(current, 1);
    }
    // The end of a run: its best plan's routes also get their order searched with segments of any length.
    localSearch(
      this.best,
      this.budget,
      FINAL_POLISH_SHARE,
      calibratedCounts(this.best.p) ? FINAL_OPERATORS : OPERATORS,
    );
    return this.best;
  }

  private report(): void {
    const fraction = this.budget.fraction();
    if (this.onProgress && fraction >= this.nextReport) {
      this.onProgress({ fraction, best: this.best });
      this.nextReport = fraction + 0.02;
    }
  }

  /** Nothing left to gain: every job served in as few containers as the bound allows, and driving is free. */
  provenOptimal(): boolean {
    const b = this.best;
    return (
      b.unassigned.length === 0 && b.routes.length <= this.lowerBound && b.routes.every((r) => r.km === 0)
    );
  }

  private ruinAndRecreate(current: Solution, repack = false): Solution {
    const cand = current.clone();
    // A fixed share for the iteration itself (clone, ruin, bookkeeping), so small instances do not overrun.
    this.budget.work += 150 + cand.routes.length + cand.p.jobs.length / 4;
    if (repack && this.rng.next() < 0.5) {
      // Repack a few whole containers with what was left out, best fit decreasing.
      const removed = ruinRoutes(cand, this.rng, this.rng.int(2, 3));
      const all = sortHeaviestFirst(cand.p, removed.concat(cand.unassigned));
      cand.unassigned = [];
      insertJobs(cand, all, this.rng, this.budget);
      this.exchangeWithPool(cand);
      return cand;
    }
    const removed =
      this.rng.next() < this.routeRuinShare
        ? ruinRoute(cand, this.rng)
        : ruinStrings(cand, this.rng, this.neighbours);
    // Jobs left out before go back first, the hardest (heaviest) first.
    const left = sortHeaviestFirst(cand.p, cand.unassigned);
    cand.unassigned = [];
    sortForInsertion(cand.p, removed, this.rng);
    insertJobs(cand, left.concat(removed), this.rng, this.budget);
    if (repack) this.exchangeWithPool(cand);
    return cand;
  }

  /** Make containers fuller with left-over jobs, then try the lighter leftovers again. */
  private exchangeWithPool(cand: Solution): void {
    if (cand.unassigned.length === 0) return;
    poolExchange(cand, this.budget);
    const left = sortHeaviestFirst(cand.p, cand.unassigned);
    cand.unassigned = [];
    insertJobs(cand, left, this.rng, this.budget);
  }

  private annealUntil(start: Solution, until: number): Solution {
    let current = start;
    current.overloadPerKg = this.overloadPrice();
    let currentPen = this.penalized(current);
    while (this.budget.fraction() < until && !this.provenOptimal() && this.budget.tick()) {
      this.report();
      const joined = this.meet();
      if (joined !== null) {
        current = joined;
        currentPen = this.penalized(current);
      }
      const cand = this.ruinAndRecreate(current);
      const pen = this.penalized(cand);
      const temperature = this.t0 * (this.tf / this.t0) ** this.budget.fraction();
      if (pen < currentPen - temperature * Math.log(this.rng.next())) {
        current = cand;
        currentPen = pen;
        if (!this.overloaded(current) && better(current, this.best)) {
          this.best = current.clone();
          this.best.overloadPerKg = 0;
          // On a large instance new bests come every few iterations; polishing each would eat the budget.
          if (this.budget.fraction() - this.lastPolish >= POLISH_EVERY) {
            localSearch(this.best, this.budget, POLISH_SHARE);
            this.lastPolish = this.budget.fraction();
          }
          if (better(this.best, current)) {
            current = this.best.clone();
            current.overloadPerKg = this.overloadPrice();
            currentPen = this.penalized(current);
          }
        }
      }
      if (this.leftOut.observe(current.unassigned.length === 0)) currentPen = this.penalized(current);
      if (this.overload?.observe(!this.overloaded(current))) {
        current.overloadPerKg = this.overload.perKg;
        currentPen = this.penalized(current);
      }
    }
    return current;
  }

  /**
   * Hold the meetings whose point of the budget has passed: hand this search's best over and,
   * when another search's is better, make that the best and the walk's current plan.
   */
  private meet(): Solution | null {
    const m = this.meetings;
    let joined: Solution | null = null;
    while (
      m !== undefined &&
      this.nextMeeting < m.at.length &&
      this.budget.fraction() >= m.at[this.nextMeeting]
    ) {
      const mine = shareBest(this.best);
      const theirs = m.meet(this.nextMeeting++, mine);
      // Ahead (usually given its own best back): nothing to rebuild.
      if (!betterStanding(theirs, mine)) continue;
      const other = rebuild(this.best, theirs);
      if (other === null) continue;
      this.best = other;
      joined = other.clone();
      joined.overloadPerKg = this.overloadPrice();
    }
    return joined;
  }

  /**
   * Take out the least loaded container, cap the fleet one below the best's, and search on
   * weight left over until everything fits again; repeat while it succeeds.
   */
  private reduceContainers(until: number): void {
    while (
      this.best.routes.length > this.lowerBound &&
      this.best.unassigned.length === 0 &&
      this.budget.fraction() < until &&
      !this.budget.spent()
    ) {
      let current = this.best.clone();
      current.maxRoutes = current.routes.length - 1;
      current.unassigned.push(...ruinLeastLoaded(current));
      current = this.ruinAndRecreate(current);
      const giveUp = Math.min(until, this.budget.fraction() + REDUCE_ATTEMPT);
      let currentLeft = current.unassignedWeight();
      while (currentLeft > 1e-9 && this.budget.fraction() < giveUp && this.budget.tick()) {
        this.report();
        const cand = this.ruinAndRecreate(current, true);
        const left = cand.unassignedWeight();
        // Equal leftover weight: move on anyway, to wander among equally good packings.
        const sideways = Math.abs(left - currentLeft) <= 1e-9;
        if (left < currentLeft - 1e-9 || sideways) {
          current = cand;
          currentLeft = left;
        }
      }
      if (currentLeft > 1e-9) continue; // a fresh attempt from the best, with other random choices
      current.maxRoutes = Infinity;
      localSearch(current, this.budget);
      if (!better(current, this.best)) return;
      this.best = current;
    }
  }
}
