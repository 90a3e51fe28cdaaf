/**
 * Cheapest insertion with blinks (Christiaens & Vanden Berghe's SISR recreate): each job
 * goes where it adds least to the objective, skipping a candidate position now and then
 * so the search does not always rebuild the same solution. Used to build the first
 * solution and to recreate after every ruin.
 */
import {
  type Budget,
  calibratedCounts,
  EXACT_NEW_ROUTE_WORK,
  EXACT_POSITION_WORK,
  EXACT_ROUTE_SCAN_WORK,
  SKIPPED_ROUTE_WORK,
  sortWork,
  tripWork,
} from "../search/budget.js";
import type { Random } from "../search/random.js";
import { evaluateRoute } from "../search/route-eval.js";
import { loadsOnly, type Route, type Solution } from "../search/solution.js";
import { freshRouteObjective } from "./fresh-route.js";

export const BLINK_RATE = 0.01;
/** Full evaluations tried per job in the timed case, cheapest estimate first. */
const MAX_FULL_EVALUATIONS = 12;

interface Candidate {
  route: Route;
  pos: number;
  estimate: number;
}

export function insertJobs(
  sol: Solution,
  jobs: readonly number[],
  rng: Random,
  budget: Budget,
  blinkRate = BLINK_RATE,
): void {
  const blinks = new Blinks(rng, blinkRate);
  // Where only the load can keep a job out (solution.ts loadsOnly), insertOne makes canTake's
  // two load comparisons itself: on CVRPLIB X, where most routes are too full for the job,
  // canTake on every route for every job was a tenth of the search.
  const plain = sol.p.kinds.length === 1 && loadsOnly(sol.p);
  for (const job of jobs) {
    // Out of time (a loaded machine, or a week far too big for its limit): the best plan so
    // far must still carry every job it can, so each goes where one quick look puts it.
    const placed = budget.timeUp() ? insertQuickly(sol, job) : insertOne(sol, job, blinks, budget, plain);
    if (!placed) sol.unassigned.push(job);
  }
  // Route copies and re-evaluations since the last charge (the ruin before this, the
  // insertions here), on village weeks: see Solution.upkeep.
  if (!calibratedCounts(sol.p)) budget.work += sol.upkeep;
  sol.upkeep = 0;
}

/** Containers a job is tried in when time is up: the most recently opened ones. */
const QUICK_ROUTES = 6;

/**
 * Where one look puts a job once time is up: at the end of a recently opened container
 * (one that already stops at its village first), else in a container of its own. A few
 * trip evaluations per job instead of every position of every container.
 */
function insertQuickly(sol: Solution, job: number): boolean {
  const p = sol.p;
  const j = p.jobs[job];
  const fb = sol.params.fillBonus;
  const recent: Route[] = [];
  for (let k = sol.routes.length - 1; k >= 0 && recent.length < QUICK_ROUTES; k--) {
    const r = sol.routes[k];
    if (sol.canTake(r, job)) recent.push(r);
  }
  const last = (r: Route) => p.jobs[r.jobs[r.jobs.length - 1]];
  recent.sort((a, b) => Number(last(b)?.village === j.village) - Number(last(a)?.village === j.village));
  for (const r of recent) {
    const jobs = [...r.jobs, job];
    const ev = evaluateRoute(p, r.kind, jobs, jobs.length, sol.endpointUse, r.endpoint, fb);
    if (ev.feasible) {
      sol.insert(r, r.jobs.length, job);
      return true;
    }
  }
  let bestKind = -1;
  let bestObj = Infinity;
  for (const kind of p.kinds) {
    if (sol.routes.length >= sol.maxRoutes) break;
    if (j.kindOk[kind.index] === 0 || sol.kindUse[kind.index] >= kind.limit) continue;
    const ev = evaluateRoute(p, kind.index, [job], 1, sol.endpointUse, -1, fb);
    if (ev.feasible && ev.obj < bestObj) {
      bestObj = ev.obj;
      bestKind = kind.index;
    }
  }
  if (bestKind < 0) return false;
  sol.insert(sol.newRoute(bestKind), 0, job);
  return true;
}

/**
 * Which positions blink: each independently with probability `rate`, drawn as the gaps
 * between blinks (geometric), so the random generator runs once per blink instead of once
 * per position (at 1 % a hundredth of the draws; the draw was a third of the insertion loop).
 */
class Blinks {
  private left: number;
  private readonly logKeep: number;

  constructor(
    private readonly rng: Random,
    rate: number,
  ) {
    this.logKeep = rate > 0 ? Math.log1p(-Math.min(rate, 1 - 1e-12)) : 0;
    this.left = this.gap();
  }

  private gap(): number {
    if (this.logKeep === 0) return Number.POSITIVE_INFINITY;
    return Math.floor(Math.log1p(-this.rng.next()) / this.logKeep);
  }

  /** Whether the next position blinks. */
  blink(): boolean {
    if (this.left > 0) {
      this.left--;
      return false;
    }
    this.left = this.gap();
    return true;
  }
}

function insertOne(sol: Solution, job: number, blinks: Blinks, budget: Budget, plain: boolean): boolean {
  const p = sol.p;
  const J = p.jobs;
  const n = p.travel.size;
  const kmT = p.travel.km;
  const j = J[job];
  const loc = j.loc;
  const exact = p.untimed && p.singleEndpoint;
  const fb = sol.params.fillBonus;
  const overload = sol.overloadPerKg;

  let bestDelta = Infinity;
  let bestRoute: Route | null = null;
  let bestPos = -1;
  let bestKind = -1;
  const candidates: Candidate[] = [];
  let skipped = 0;

  // canTake's load comparisons where they are all it would make (`plain`), the limits read once.
  const jw = j.weightKg;
  const jv = j.volumeM3;
  const maxKg = !plain ? 0 : overload === 0 ? p.kinds[0].maxWeightKg + 1e-9 : Infinity;
  const maxM3 = plain ? p.kinds[0].maxVolumeM3 + 1e-9 : 0;
  for (const r of sol.routes) {
    if (plain ? r.weightKg + jw > maxKg || r.volumeM3 + jv > maxM3 : !sol.canTake(r, job)) {
      skipped++;
      continue;
    }
    const kind = p.kinds[r.kind];
    const perKm = p.objective === "distance" ? 1 : kind.costPerKm;
    const c = kind.maxWeightKg;
    // Where annealing lets a container go over its limit (nearly full fleets), the kg over it are priced.
    const overKg =
      overload === 0 ? 0 : Math.max(0, r.weightKg + j.weightKg - c) - Math.max(0, r.weightKg - c);
    const fillDelta =
      (fb === 0 ? 0 : -fb * (((r.weightKg + j.weightKg) / c) ** 2 - (r.weightKg / c) ** 2)) +
      overload * overKg;
    const endLoc = p.endpoints[r.endpoint].loc;
    const rj = r.jobs;
    const len = rj.length;
    budget.work += exact ? EXACT_POSITION_WORK * (len + 1) : len + 1;
    let prev = kind.loc;
    for (let pos = 0; pos <= len; pos++) {
      const next = pos === len ? endLoc : J[rj[pos]].loc;
      if (blinks.blink()) {
        prev = next;
        continue;
      }
      const estimate = perKm * (kmT[prev * n + loc] + kmT[loc * n + next] - kmT[prev * n + next]) + fillDelta;
      if (exact) {
        if (estimate < bestDelta) {
          bestDelta = estimate;
          bestRoute = r;
          bestPos = pos;
        }
      } else {
        candidates.push({ route: r, pos, estimate });
      }
      prev = next;
    }
  }

  // What the scan cost: where insertion is exact, every route looked at (budget.ts); on
  // village weeks the routes that cannot take the job, then the sort and the trips evaluated.
  budget.work += exact ? EXACT_ROUTE_SCAN_WORK * sol.routes.length : SKIPPED_ROUTE_WORK * skipped;
  if (!exact && candidates.length > 0) {
    budget.work += sortWork(candidates.length);
    candidates.sort((a, b) => a.estimate - b.estimate);
    let evaluated = 0;
    let feasibleFound = 0;
    const scratch: number[] = [];
    for (const cand of candidates) {
      if (evaluated >= MAX_FULL_EVALUATIONS || feasibleFound >= 2) break;
      const r = cand.route;
      scratch.length = 0;
      for (let q = 0; q < cand.pos; q++) scratch.push(r.jobs[q]);
      scratch.push(job);
      for (let q = cand.pos; q < r.jobs.length; q++) scratch.push(r.jobs[q]);
      evaluated++;
      budget.work += tripWork(p, scratch.length);
      const ev = evaluateRoute(p, r.kind, scratch, scratch.length, sol.endpointUse, r.endpoint, fb);
      if (!ev.feasible) continue;
      feasibleFound++;
      const delta = ev.obj - r.obj;
      if (delta < bestDelta) {
        bestDelta = delta;
        bestRoute = r;
        bestPos = cand.pos;
      }
    }
  }

  // A fresh container from each depot and type that still has one.
  for (const kind of p.kinds) {
    if (sol.routes.length >= sol.maxRoutes) break;
    if (j.kindOk[kind.index] === 0 || sol.kindUse[kind.index] >= kind.limit) continue;
    budget.work += exact ? EXACT_NEW_ROUTE_WORK : tripWork(p, 1);
    const obj = freshRouteObjective(p, kind.index, job, fb, sol.endpointUse);
    if (obj < bestDelta) {
      bestDelta = obj;
      bestRoute = null;
      bestKind = kind.index;
    }
  }

  if (bestRoute !== null) {
    sol.insert(bestRoute, bestPos, job);
    return true;
  }
  if (bestKind >= 0) {
    sol.insert(sol.newRoute(bestKind), 0, job);
    return true;
  }
  return false;
}
