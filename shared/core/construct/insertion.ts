/**
 * Cheapest insertion with blinks (Christiaens & Vanden Berghe's SISR recreate): each job
 * goes where it adds least to the objective, skipping a candidate position now and then
 * so the search does not always rebuild the same solution. Used to build the first
 * solution and to recreate after every ruin.
 */
import {
  type Budget,
  calibratedCounts,
  evaluationWork,
  SKIPPED_ROUTE_WORK,
  sortWork,
  tripWork,
} from "../search/budget.js";
import type { Random } from "../search/random.js";
import { evaluateRoute } from "../search/route-eval.js";
import type { Route, Solution } from "../search/solution.js";

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
  for (const job of jobs) {
    // Out of time (a loaded machine, or a week far too big for its limit): the best plan so
    // far must still carry every job it can, so each goes where one quick look puts it.
    const placed = budget.timeUp() ? insertQuickly(sol, job) : insertOne(sol, job, rng, budget, blinkRate);
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

function insertOne(sol: Solution, job: number, rng: Random, budget: Budget, blinkRate: number): boolean {
  const p = sol.p;
  const J = p.jobs;
  const n = p.travel.size;
  const kmT = p.travel.km;
  const j = J[job];
  const loc = j.loc;
  const exact = p.untimed && p.singleEndpoint;
  const fb = sol.params.fillBonus;

  let bestDelta = Infinity;
  let bestRoute: Route | null = null;
  let bestPos = -1;
  let bestKind = -1;
  const candidates: Candidate[] = [];
  let skipped = 0;

  for (const r of sol.routes) {
    if (!sol.canTake(r, job)) {
      skipped++;
      continue;
    }
    const kind = p.kinds[r.kind];
    const perKm = p.objective === "distance" ? 1 : kind.costPerKm;
    const c = kind.maxWeightKg;
    const fillDelta = fb === 0 ? 0 : -fb * (((r.weightKg + j.weightKg) / c) ** 2 - (r.weightKg / c) ** 2);
    const endLoc = p.endpoints[r.endpoint].loc;
    const len = r.jobs.length;
    budget.work += len + 1;
    let prev = kind.loc;
    for (let pos = 0; pos <= len; pos++) {
      const next = pos === len ? endLoc : J[r.jobs[pos]].loc;
      if (blinkRate > 0 && rng.next() < blinkRate) {
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

  // Where insertion is not exact (village weeks), what it costs is counted: the routes that
  // cannot take the job, the sort, trips evaluated at what they cost (see budget.ts).
  if (!exact) budget.work += SKIPPED_ROUTE_WORK * skipped;
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
  const single = [job];
  for (const kind of p.kinds) {
    if (sol.routes.length >= sol.maxRoutes) break;
    if (j.kindOk[kind.index] === 0 || sol.kindUse[kind.index] >= kind.limit) continue;
    budget.work += exact ? evaluationWork(1, p.endpoints.length) : tripWork(p, 1);
    const ev = evaluateRoute(p, kind.index, single, 1, sol.endpointUse, -1, fb);
    if (ev.feasible && ev.obj < bestDelta) {
      bestDelta = ev.obj;
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
