/**
 * Recombination (issue 8): what HGS-CVRP has and one annealing run lacks. A few short
 * annealing runs give a small pool of distinct good plans; offspring are made from pairs of
 * them by selective route exchange (SREX, Nagata & Kobayashi 2010): a few neighbouring routes
 * of one parent are replaced by the routes of the other that serve most of the same jobs,
 * duplicates dropped, the jobs left out put back by cheapest insertion, the child polished by
 * local search. An offspring better than the pool's worst (and distinct from every member)
 * replaces it. The rest of the budget anneals on, cooler, from the pool's best.
 *
 * Pure: every random choice comes from the passed Random and every step is counted in work
 * units, so the same seed and budget give the same plan.
 */
import { insertJobs } from "../construct/insertion.js";
import type { Problem } from "../problem/problem.js";
import { type Annealer, better } from "./anneal.js";
import type { Budget } from "./budget.js";
import { sortForInsertion } from "./insertion-order.js";
import { localSearch } from "./local-search.js";
import type { Random } from "./random.js";
import { placeJobs, type Route, type Solution } from "./solution.js";

/** Distinct: plans whose costs differ by less than this are taken for the same plan. */
const SAME_COST = 1e-6;

/**
 * Child of `a` and `b` by selective route exchange: up to `k` routes of `a` around a random
 * job give way to the `k` routes of `b` that serve most of their jobs. Half the time the
 * routes taken from `b` are kept whole (their jobs leave `a`'s other routes), otherwise only
 * their jobs freed from `a` are kept. Jobs served by neither are inserted where cheapest.
 * Null when a route would not be feasible.
 */
export function srex(
  a: Solution,
  b: Solution,
  rng: Random,
  neighbours: Int32Array[],
  budget: Budget,
): Solution | null {
  const p = a.p;
  const n = p.jobs.length;
  if (a.routes.length === 0 || b.routes.length === 0) return null;
  const child = a.clone();
  child.maxRoutes = Infinity;
  budget.work += 150 + child.routes.length + b.routes.length + n / 2;
  const routeOfA = new Int32Array(n).fill(-1);
  placeJobs(child.routes, routeOfA, 0, child.routes.length);
  const maxK = Math.max(
    1,
    Math.min(knob("RX_KMAX", 1e9), Math.floor(Math.min(a.routes.length, b.routes.length) / 2)),
  );
  const k = rng.int(1, maxK);

  // Routes of a: those of the jobs nearest a random job, in order of nearness.
  const seedRoute = rng.pick(child.routes);
  const seed = rng.pick(seedRoute.jobs);
  const takenA: number[] = [];
  const isTakenA = new Uint8Array(child.routes.length);
  for (const c of neighbours[seed]) {
    if (takenA.length >= k) break;
    const ri = routeOfA[c];
    if (ri < 0 || isTakenA[ri] === 1) continue;
    isTakenA[ri] = 1;
    takenA.push(ri);
  }
  const freed = new Uint8Array(n);
  for (const ri of takenA) for (const j of child.routes[ri].jobs) freed[j] = 1;

  // Routes of b serving most of the freed jobs.
  const score = b.routes.map((r, i) => {
    let s = 0;
    for (const j of r.jobs) s += freed[j];
    return { i, s };
  });
  score.sort((x, y) => y.s - x.s || x.i - y.i);
  const takenB: Route[] = [];
  for (const { i, s } of score) {
    if (takenB.length >= takenA.length || s === 0) break;
    takenB.push(b.routes[i]);
  }

  const removed: number[] = [];
  for (const ri of takenA) removed.push(...child.empty(child.routes[ri]));
  const whole = rng.next() < 0.5;
  const served = new Uint8Array(n);
  const fromB: number[][] = [];
  for (const r of takenB) {
    const jobs = whole ? r.jobs.slice() : r.jobs.filter((j) => freed[j] === 1);
    if (jobs.length === 0) continue;
    for (const j of jobs) served[j] = 1;
    fromB.push(jobs);
  }
  if (whole) {
    // b's routes come whole: their jobs leave a's other routes.
    for (let ri = 0; ri < child.routes.length; ri++) {
      const r = child.routes[ri];
      if (isTakenA[ri] === 1 || r.jobs.length === 0) continue;
      let hit = false;
      for (const j of r.jobs) if (served[j] === 1) hit = true;
      if (
        hit &&
        !child.setJobs(
          r,
          r.jobs.filter((j) => served[j] === 0),
        )
      )
        return null;
    }
  }
  const evicted: number[] = [];
  child.tidy(evicted);
  for (let q = 0; q < fromB.length; q++) {
    const route = child.newRoute(takenB[q].kind);
    if (!child.setJobs(route, fromB[q])) return null;
  }
  const missing = removed.filter((j) => served[j] === 0).concat(evicted);
  sortForInsertion(p, missing, rng);
  insertJobs(child, missing, rng, budget);
  return child;
}

export interface PoolSettings {
  /** Most plans kept. */
  size: number;
  /** Share of the whole budget one polish of an offspring may use. */
  polishShare: number;
}

/**
 * Offspring from the pool until `budget` is spent (or `until` of it); returns the pool's best.
 * The pool is changed in place.
 */
export function recombine(
  pool: Solution[],
  rng: Random,
  budget: Budget,
  neighbours: Int32Array[],
  settings: PoolSettings,
  until = 1,
  stats = { children: 0, accepted: 0 },
  settler?: Annealer,
  settleIterations = 0,
): Solution {
  while (pool.length >= 2 && budget.fraction() < until && budget.tick()) {
    const i = rng.int(0, pool.length - 1);
    let j = rng.int(0, pool.length - 2);
    if (j >= i) j++;
    let child = srex(pool[i], pool[j], rng, neighbours, budget);
    if (child === null) continue;
    if (settler !== undefined && settleIterations > 0)
      child = settler.settle(child, settleIterations, settings.polishShare);
    else localSearch(child, budget, settings.polishShare);
    stats.children++;
    if (offer(pool, child, settings.size)) stats.accepted++;
  }
  return bestOf(pool);
}

/** Put `s` into the pool if it is new and, the pool being full, better than its worst. */
export function offer(pool: Solution[], s: Solution, size: number): boolean {
  const c = s.cost();
  for (const m of pool)
    if (Math.abs(m.cost() - c) < SAME_COST && m.unassigned.length === s.unassigned.length) return false;
  if (pool.length < size) {
    pool.push(s);
    return true;
  }
  let worst = 0;
  for (let q = 1; q < pool.length; q++) if (better(pool[worst], pool[q])) worst = q;
  if (!better(s, pool[worst])) return false;
  pool[worst] = s;
  return true;
}

export function bestOf(pool: readonly Solution[]): Solution {
  let best = pool[0];
  for (const s of pool) if (better(s, best)) best = s;
  return best;
}

/** Problems recombination is for: distance alone, one endpoint, untimed, more than SMALL jobs, enough budget per job. */
export function recombinationFits(p: Problem, smallJobs: number): boolean {
  const fixedCosts = p.objective === "cost" && p.kinds.some((k) => k.fixedCost > 0);
  return (
    !fixedCosts && p.objective === "distance" && p.untimed && p.singleEndpoint && p.jobs.length > smallJobs
  );
}

/** Env knobs for screening only (removed before landing). */
function knob(name: string, d: number): number {
  const v = typeof process !== "undefined" ? process.env[name] : undefined;
  return v === undefined || v === "" ? d : Number(v);
}

export interface RecombinationPlan {
  parents: number;
  parentShare: number;
  crossShare: number;
  finalHeat: number;
  polishShare: number;
  settleIterations: number;
  mainShare: number;
  branchHeat: number;
}

export function recombinationPlan(): RecombinationPlan {
  return {
    parents: knob("RX_PARENTS", 4),
    parentShare: knob("RX_PARENT_SHARE", 0.5),
    crossShare: knob("RX_CROSS_SHARE", 0.15),
    finalHeat: knob("RX_HEAT", 0.1),
    polishShare: knob("RX_POLISH", 0.02),
    settleIterations: knob("RX_EDU", 0),
    mainShare: knob("RX_MAIN", 0),
    branchHeat: knob("RX_BHEAT", 0.1),
  };
}

/**
 * The search for a problem recombination fits: `parents` short annealing runs from `start`,
 * offspring from their bests, then annealing on from the pool's best for what is left.
 * @param budgetFor a fresh budget worth `share` of the time limit
 */
export function searchByRecombination(
  start: Solution,
  rng: Random,
  budgetFor: (share: number) => Budget,
  neighbours: Int32Array[],
  plan: RecombinationPlan,
  report: (fraction: number, best: Solution) => void,
  makeAnnealer: (
    start: Solution,
    budget: Budget,
    heat: number,
    report: (f: number, s: Solution) => void,
  ) => Annealer,
): Solution {
  const pool: Solution[] = [];
  const runShare = plan.parentShare / plan.parents;
  let done = 0;
  let from0 = start;
  let heat = 1;
  const size = plan.mainShare > 0 ? plan.parents + 1 : plan.parents;
  if (plan.mainShare > 0) {
    const main = makeAnnealer(start, budgetFor(plan.mainShare), 1, (f, s) =>
      report(f * plan.mainShare, s),
    ).run();
    pool.push(main);
    from0 = main;
    heat = plan.branchHeat;
    done += plan.mainShare;
  }
  for (let run = 0; run < plan.parents; run++) {
    const b = budgetFor(runShare);
    const from = done;
    const found = makeAnnealer(from0, b, heat, (f, s) => report(from + f * runShare, s)).run();
    offer(pool, found, size);
    done += runShare;
    if (b.timeUp()) return bestOf(pool);
  }
  const dbg = knob("RX_DEBUG", 0) > 0;
  if (dbg) console.error("parents", pool.map((s) => Math.round(s.cost())).join(" "));
  const cross = budgetFor(plan.crossShare);
  const settler = plan.settleIterations > 0 ? makeAnnealer(bestOf(pool), cross, 1, () => {}) : undefined;
  const kids = { children: 0, accepted: 0 };
  const best = recombine(
    pool,
    rng,
    cross,
    neighbours,
    { size, polishShare: plan.polishShare },
    1,
    kids,
    settler,
    plan.settleIterations,
  );
  done += plan.crossShare;
  if (dbg)
    console.error(
      "after cross",
      pool.map((s) => Math.round(s.cost())).join(" "),
      "kids",
      kids.children,
      kids.accepted,
    );
  report(done, best);
  const rest = 1 - done;
  if (rest <= 0 || cross.timeUp()) return best;
  const from = done;
  const final = makeAnnealer(best, budgetFor(rest), plan.finalHeat, (f, s) =>
    report(from + f * rest, s),
  ).run();
  if (dbg) console.error("final", Math.round(final.cost()), final.routes.length);
  return better(final, best) ? final : best;
}

/** Least work units per job for recombination (30 s on X-n351-k40 is 3.2M; 2 s on P-n101-k4 0.76M). */
export const MIN_RECOMBINATION_WORK_PER_JOB = 2_000_000;
