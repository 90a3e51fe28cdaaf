/**
 * Ruin operators: take jobs out of the current solution so recreate can put them back
 * better. String removal is SISR's (Christiaens & Vanden Berghe 2020): strings of
 * consecutive stops from routes near a random seed job, so the removed jobs are close
 * together and can be rearranged among themselves. Route removal empties one lightly
 * loaded container, which is how the search gets rid of containers.
 */
import type { Problem } from "../problem/problem.js";
import type { Random } from "./random.js";
import { placeJobs, type Solution } from "./solution.js";

export interface RuinSettings {
  /** Mean number of jobs removed by string removal. */
  meanRemoved: number;
  /** Longest string taken from one route. */
  maxString: number;
}

export const DEFAULT_RUIN: RuinSettings = { meanRemoved: 10, maxString: 10 };
/** How often a string keeps some jobs in its middle, and how many (SISR's split string). */
const SPLIT_STRING_SHARE = 0.5;
const SPLIT_BETA = 0.01;

/**
 * The route index of every job (-1 when unassigned), in one array kept per problem and
 * rewritten each call: every job is either on a route or left over, so nothing stale is read.
 * Allocating it per iteration was a third of string removal on X-n351-k40 (16 % of the search).
 */
const routeIndexBuffers = new WeakMap<Problem, Int32Array>();

function routeIndexOf(sol: Solution): Int32Array {
  let routeOf = routeIndexBuffers.get(sol.p);
  if (routeOf === undefined) {
    routeOf = new Int32Array(sol.p.jobs.length);
    routeIndexBuffers.set(sol.p, routeOf);
  }
  placeJobs(sol.routes, routeOf, 0, sol.routes.length);
  for (const j of sol.unassigned) routeOf[j] = -1;
  return routeOf;
}

export function ruinStrings(
  sol: Solution,
  rng: Random,
  neighbours: Int32Array[],
  s: RuinSettings = DEFAULT_RUIN,
): number[] {
  if (sol.routes.length === 0) return [];
  const routeOf = routeIndexOf(sol);
  let assigned = 0;
  for (const r of sol.routes) assigned += r.jobs.length;
  const meanLen = assigned / sol.routes.length;
  const lsMax = Math.min(s.maxString, meanLen);
  const ksMax = (4 * s.meanRemoved) / (1 + lsMax) - 1;
  const ks = Math.floor(rng.next() * ksMax) + 1;
  const seedRoute = rng.pick(sol.routes);
  const seed = rng.pick(seedRoute.jobs);

  const removed: number[] = [];
  const ruined = new Array<number>(sol.routes.length).fill(0);
  let ruinedCount = 0;
  for (const c of neighbours[seed]) {
    if (ruinedCount >= ks) break;
    const ri = routeOf[c];
    if (ri < 0 || ruined[ri] === 1) continue;
    ruined[ri] = 1;
    ruinedCount++;
    const r = sol.own(sol.routes[ri]);
    const len = r.jobs.length;
    const lMax = Math.min(len, lsMax);
    const l = Math.floor(rng.next() * lMax) + 1;
    const at = r.jobs.indexOf(c);
    if (l < len && rng.next() < SPLIT_STRING_SHARE) {
      // Split string: a longer string of which m jobs in the middle stay (SISR).
      let m = 1;
      while (l + m < len && rng.next() >= SPLIT_BETA) m++;
      const span = l + m;
      const start = Math.max(0, Math.min(len - span, at - Math.floor(rng.next() * span)));
      const keepFrom = start + Math.floor(rng.next() * (l + 1));
      let pos = start;
      for (let q = 0; q < span; q++) {
        if (q >= keepFrom - start && q < keepFrom - start + m) pos++;
        else removed.push(sol.removeAt(r, pos));
      }
    } else {
      const start = Math.max(0, Math.min(len - l, at - Math.floor(rng.next() * l)));
      for (let q = 0; q < l; q++) removed.push(sol.removeAt(r, start));
    }
  }
  sol.tidy(removed);
  return removed;
}

/** Empty the least loaded of a few randomly drawn containers. */
export function ruinRoute(sol: Solution, rng: Random): number[] {
  if (sol.routes.length === 0) return [];
  let victim = rng.pick(sol.routes);
  for (let k = 0; k < 2; k++) {
    const other = rng.pick(sol.routes);
    if (other.weightKg < victim.weightKg) victim = other;
  }
  const removed = sol.empty(victim);
  sol.tidy(removed);
  return removed;
}

/** Empty the container carrying the least weight (ties: the first). */
export function ruinLeastLoaded(sol: Solution): number[] {
  if (sol.routes.length === 0) return [];
  let victim = sol.routes[0];
  for (const r of sol.routes) if (r.weightKg < victim.weightKg) victim = r;
  const removed = sol.empty(victim);
  sol.tidy(removed);
  return removed;
}

/** Empty `count` containers drawn at random: their load is repacked with what was left out. */
export function ruinRoutes(sol: Solution, rng: Random, count: number): number[] {
  const removed: number[] = [];
  for (let k = 0; k < count && sol.routes.length > 0; k++) {
    const victim = rng.pick(sol.routes.filter((r) => r.jobs.length > 0));
    if (victim === undefined) break;
    removed.push(...sol.empty(victim));
  }
  sol.tidy(removed);
  return removed;
}
