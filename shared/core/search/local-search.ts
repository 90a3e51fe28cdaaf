/**
 * Descent to a local optimum over the operators, first improvement. Routes are visited
 * in pairs; emptied routes are dropped. Bounded by passes and by the budget's work units
 * so it never eats the whole time limit on a large instance.
 */
import { crossExchange } from "../operators/cross-exchange.js";
import type { Operator } from "../operators/operator.js";
import { relocate } from "../operators/relocate.js";
import { swap } from "../operators/swap.js";
import { twoOpt } from "../operators/two-opt.js";
import { twoOptStar } from "../operators/two-opt-star.js";
import type { Budget } from "./budget.js";
import type { Solution } from "./solution.js";

export const OPERATORS: readonly Operator[] = [relocate, swap, twoOpt, twoOptStar, crossExchange];
const MAX_PASSES = 50;

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
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (const op of operators) {
      // By index: a route changed by a move is replaced in place by its own copy.
      for (let ai = 0; ai < sol.routes.length; ai++) {
        if (outOfTime()) break;
        if (op.intraRoute) {
          if (op.improve(sol, sol.routes[ai], sol.routes[ai], budget)) improved = true;
          continue;
        }
        for (let bi = 0; bi < sol.routes.length; bi++) {
          const a = sol.routes[ai];
          const b = sol.routes[bi];
          if (a.jobs.length === 0 || b.jobs.length === 0) continue;
          if (op.improve(sol, a, b, budget)) improved = true;
        }
      }
      dropEmpty(sol);
    }
    if (!improved) return;
  }
}

function dropEmpty(sol: Solution): void {
  if (sol.routes.every((r) => r.jobs.length > 0)) return;
  const evicted: number[] = [];
  sol.tidy(evicted);
  // Emptying routes frees capacity and never delays other trips, so nothing is evicted.
  sol.unassigned.push(...evicted);
}
