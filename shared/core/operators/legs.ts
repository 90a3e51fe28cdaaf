/**
 * Leg lengths around positions of a route, for the O(1) distance estimate each move makes
 * before it builds and fully evaluates anything. Position -1 is the depot, position len
 * the route's current port.
 */
import type { Problem } from "../problem/problem.js";
import type { Route } from "../search/solution.js";

export function locAt(p: Problem, r: Route, i: number): number {
  if (i < 0) return p.kinds[r.kind].loc;
  if (i >= r.jobs.length) return p.endpoints[r.endpoint].loc;
  return p.jobs[r.jobs[i]].loc;
}

export function km(p: Problem, a: number, b: number): number {
  return p.travel.km[a * p.travel.size + b];
}

/** What one km costs on this route in the search's objective. */
export function perKm(p: Problem, r: Route): number {
  return p.objective === "distance" ? 1 : p.kinds[r.kind].costPerKm;
}

/** Only moves whose distance estimate gains are built and evaluated. */
export const PROMISING = -1e-9;
