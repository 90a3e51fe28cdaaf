/**
 * The solver loop: ruin and recreate under simulated annealing (SISR), with local search
 * polishing every new best. The best solution is compared lexicographically (weight
 * served first, then cost), as the spec's objective says; annealing works on the
 * penalised cost so it may pass through solutions that leave a job out.
 */
import { insertJobs } from "../construct/insertion.js";
import type { Budget } from "./budget.js";
import { sortForInsertion } from "./insertion-order.js";
import { localSearch } from "./local-search.js";
import { nearestJobs } from "./neighbours.js";
import type { Random } from "./random.js";
import { ruinRoute, ruinStrings } from "./ruin.js";
import type { Solution } from "./solution.js";

export interface AnnealProgress {
  fraction: number;
  best: Solution;
}

/** True when a serves more weight than b, or the same weight at a lower cost. */
export function better(a: Solution, b: Solution): boolean {
  const wa = a.unassignedWeight();
  const wb = b.unassignedWeight();
  if (Math.abs(wa - wb) > 1e-9) return wa < wb;
  return a.cost() < b.cost() - 1e-9;
}

export function anneal(
  start: Solution,
  rng: Random,
  budget: Budget,
  onProgress?: (p: AnnealProgress) => void,
): Solution {
  const p = start.p;
  const neighbours = nearestJobs(p);
  let current = start;
  let best = start.clone();
  let currentPen = current.penalized();

  // Temperatures scale with the mean cost a job adds, so one setting fits rupiah and CVRPLIB units.
  const perJob = Math.max(1e-9, start.cost() / Math.max(1, p.jobs.length));
  const t0 = 0.3 * perJob;
  const tf = 0.003 * perJob;
  const routeRuinShare = p.kinds.some((k) => k.fixedCost > 0) && p.objective === "cost" ? 0.15 : 0.03;

  let nextReport = 0;
  while (budget.tick()) {
    const fraction = budget.fraction();
    if (onProgress && fraction >= nextReport) {
      onProgress({ fraction, best });
      nextReport = fraction + 0.02;
    }
    const cand = current.clone();
    budget.work += cand.routes.length + p.jobs.length / 4;
    const removed = rng.next() < routeRuinShare ? ruinRoute(cand, rng) : ruinStrings(cand, rng, neighbours);
    const toInsert = removed.concat(cand.unassigned);
    cand.unassigned = [];
    sortForInsertion(p, toInsert, rng);
    insertJobs(cand, toInsert, rng, budget);

    const pen = cand.penalized();
    const temperature = t0 * (tf / t0) ** fraction;
    if (pen < currentPen - temperature * Math.log(rng.next())) {
      current = cand;
      currentPen = pen;
      if (better(current, best)) {
        best = current.clone();
        localSearch(best, budget);
        if (better(best, current)) {
          current = best.clone();
          currentPen = current.penalized();
        }
      }
    }
  }
  localSearch(best, budget);
  return best;
}
