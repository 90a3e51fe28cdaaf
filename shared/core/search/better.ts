/**
 * Which of two plans a search keeps (the spec's rule 7 as the search sees it): the one that
 * leaves less weight out, then the one that costs less. One rule for a search's own plans
 * (anneal.ts, solve.ts) and for the best plans searches hand each other (meetings.ts).
 */
import type { Solution } from "./solution.js";

/** Where a search's best plan stands, as searches of the same week compare them. */
export interface Standing {
  /** Weight left out, kg. */
  unassignedKg: number;
  /** The search's objective (distance, or money with the search's own terms). */
  cost: number;
}

/** Differences below this are rounding, not a better plan. */
const TOLERANCE = 1e-9;

/** True when a serves more weight than b, or the same weight at a lower cost. */
export function better(a: Solution, b: Solution): boolean {
  const wa = a.unassignedWeight();
  const wb = b.unassignedWeight();
  if (Math.abs(wa - wb) > TOLERANCE) return wa < wb;
  return a.cost() < b.cost() - TOLERANCE;
}

/** The same from the figures a plan carries between searches (a best handed over, a progress report). */
export function betterStanding(a: Standing, b: Standing): boolean {
  if (Math.abs(a.unassignedKg - b.unassignedKg) > TOLERANCE) return a.unassignedKg < b.unassignedKg;
  return a.cost < b.cost - TOLERANCE;
}
