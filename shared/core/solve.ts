/**
 * The one entry to the optimiser: a validated Scenario in, a Plan out.
 * Pure: the clock, the seed, the budget and the progress sink are arguments.
 *
 * compile (problem model, set aside what cannot be carried) -> cheapest insertion ->
 * ruin & recreate + local search under simulated annealing (a small routing problem: eight
 * shorter runs, the best kept) -> sailing assignment LP ->
 * top-up -> sea boxes (sailings re-chosen with exact box packing) -> lower bound -> Plan
 * (boxes and charges in output/finish-plan.ts).
 */
import { assignBoxSailings } from "./assign/box-sailings.js";
import { reassignSailings } from "./assign/sailing-lp.js";
import { type BoundItem, lowerBoundForTypes } from "./bounds/lower-bound.js";
import { insertJobs } from "./construct/insertion.js";
import { DEFAULT_MAX_SHIPMENTS_PER_PART } from "./decompose/partition.js";
import { solveInParts } from "./decompose/solve-in-parts.js";
import type { Plan } from "./model/plan.js";
import type { Scenario } from "./model/scenario.js";
import { toPlan } from "./output/to-plan.js";
import { compileProblem } from "./problem/compile.js";
import type { Problem } from "./problem/problem.js";
import { Annealer } from "./search/anneal.js";
import { annealingRuns } from "./search/annealing-runs.js";
import { better, type Standing } from "./search/better.js";
import { Budget, workPerSecond } from "./search/budget.js";
import { sortHeaviestFirst } from "./search/insertion-order.js";
import type { Meetings } from "./search/meetings.js";
import { Random } from "./search/random.js";
import { type SearchParams, Solution } from "./search/solution.js";
import { topUp } from "./search/top-up.js";

/** Weeks above this many shipments are planned in parts even when a part could hold more. */
export const PARTITION_ABOVE = 1500;
/** Share of the time limit kept after the search for the sailing LP, top-up and output. */
const FINISH_SHARE = 0.05;

export interface SolveProgress {
  /** 0..1 of the budget used */
  fraction: number;
  containers: number;
  /** Shipment parts the best plan leaves out so far, those set aside before the search included. */
  unassigned: number;
  /** What the best plan's containers cost so far, as its summary will count it (rupiah); not the search's objective. */
  cost: number;
  /**
   * The best plan as the search itself judges it (weight left out, then its objective): how
   * searches of the same week are compared while they run. Absent where figures of several
   * weeks or parts are added up.
   */
  standing?: Standing;
}

export interface SolveOptions {
  /** Same seed, same scenario, same budget -> same plan. Default 1. */
  seed?: number;
  /** Budget, milliseconds: converted to deterministic work units; the clock stops an overrun. Default 5000. */
  timeLimitMs?: number;
  /** Stop after this many ruin-and-recreate iterations instead (reproducible on any machine). */
  maxIterations?: number;
  /** Milliseconds clock; the caller passes `() => performance.now()`. Used for solveMs and the safety stop. */
  clock?: () => number;
  onProgress?: (progress: SolveProgress) => void;
  /** Clock time by which solve must return, when a caller's promise ends before the time limit does. */
  deadline?: number;
  /** Weeks with more shipments are planned in parts of at most this many (decompose/). Default 800. */
  maxShipmentsPerPart?: number;
  /** After planning in parts, repair across their borders. Default true. */
  repairParts?: boolean;
  /** Other searches of the same week to meet (search/meetings.ts); a search of one annealing run only. */
  meetings?: Meetings;
}

export function searchParams(p: Problem): SearchParams {
  const minFixed = Math.min(...p.kinds.map((k) => k.fixedCost));
  const fillBonus =
    p.objective === "cost" && p.kinds.length > 0 && minFixed > 0 ? (0.5 * minFixed) / (p.jobs.length + 1) : 0;
  let maxKm = 0;
  for (const v of p.travel.km) if (v > maxKm) maxKm = v;
  const maxFixed = Math.max(0, ...p.kinds.map((k) => k.fixedCost));
  const maxPerKm = Math.max(1, ...p.kinds.map((k) => k.costPerKm));
  const perRoute = (p.objective === "distance" ? 0 : maxFixed) + maxPerKm * (maxKm * 4 + 1);
  const minWeight = Math.min(1, ...p.jobs.map((j) => j.weightKg));
  return { fillBonus, unassignedPenaltyPerKg: (10 * perRoute) / minWeight };
}

/**
 * Plan a week. A week bigger than one search handles well is planned in parts (by island,
 * port catchment and geography) that are merged and repaired across their borders.
 */
export function solve(scenario: Scenario, options: SolveOptions = {}): Plan {
  const max = options.maxShipmentsPerPart ?? DEFAULT_MAX_SHIPMENTS_PER_PART;
  if (scenario.shipments.length > Math.max(max, PARTITION_ABOVE))
    return solveInParts(scenario, options, {
      solvePart: solveWhole,
      solveRepair: (s, o) =>
        solve(s, { ...o, maxShipmentsPerPart: options.maxShipmentsPerPart, repairParts: false }),
    });
  return solveWhole(scenario, options);
}

/** One search over the whole scenario. */
function solveWhole(scenario: Scenario, options: SolveOptions): Plan {
  const clock = options.clock;
  const started = clock ? clock() : 0;
  const { problem, setAside } = compileProblem(scenario);
  const rng = new Random(options.seed ?? 1);
  const timeLimitMs = options.timeLimitMs ?? 5000;
  // The search stops early enough for what follows it (sailing LP, top-up, the plan's output).
  const end = Math.min(started + timeLimitMs, options.deadline ?? Number.POSITIVE_INFINITY);
  const rate = workPerSecond(problem);
  const budget = new Budget(
    timeLimitMs,
    options.maxIterations,
    clock,
    end - FINISH_SHARE * timeLimitMs,
    rate,
  );
  const params = searchParams(problem);

  let sol = new Solution(problem, params);
  const order = sortHeaviestFirst(
    problem,
    problem.jobs.map((j) => j.index),
  );
  insertJobs(sol, order, rng, budget, 0);

  const report = (fraction: number, s: Solution) =>
    options.onProgress?.({
      fraction,
      containers: s.routes.length,
      cost: s.truckCost(),
      // Shipments no container can take (set aside before the search) are unassigned too.
      unassigned: s.unassigned.length + setAside.length,
      standing: { unassignedKg: s.unassignedWeight(), cost: s.cost() },
    });
  if (problem.jobs.length > 0) {
    const allJobs = problem.jobs.map((j) => j.index);
    const bound = lowerBoundFor(problem, allJobs);
    // Small routing problems: several shorter runs, the best kept (search/annealing-runs.ts).
    const runs = annealingRuns(problem, budget.share(1), options.maxIterations);
    let best: Solution | null = null;
    for (let run = 0; run < runs; run++) {
      const runBudget =
        runs === 1
          ? budget
          : new Budget(
              timeLimitMs / runs,
              options.maxIterations === undefined ? undefined : Math.ceil(options.maxIterations / runs),
              clock,
              end - FINISH_SHARE * timeLimitMs,
              rate,
            );
      const annealer = new Annealer(
        sol,
        rng,
        runBudget,
        bound,
        (pr) => report((run + pr.fraction) / runs, pr.best),
        runs === 1 ? options.meetings : undefined,
      );
      const found = annealer.run();
      if (best === null || better(found, best)) best = found;
      if (annealer.provenOptimal() || budget.timeUp()) break;
    }
    sol = best ?? sol;
  }
  // What follows the search may use the time kept for it, never more: the limit is a promise.
  const late = () => clock !== undefined && options.maxIterations === undefined && clock() > end;
  reassignSailings(sol, late);
  topUp(sol, late);
  // Sea boxes: each sailing packed exactly, containers moved between sailings to fill boxes.
  sol.unassigned.push(...assignBoxSailings(sol));
  report(1, sol);

  const lowerBound = lowerBoundFor(
    problem,
    sol.routes.flatMap((r) => r.jobs),
  );
  const solveMs = clock ? Math.round(clock() - started) : 0;
  return toPlan(problem, sol, setAside, lowerBound, solveMs);
}

/** Containers any plan carrying these jobs needs at least. */
function lowerBoundFor(problem: Problem, jobs: number[]): number {
  const items: BoundItem[] = jobs.map((id) => {
    const j = problem.jobs[id];
    return {
      handling: j.handling,
      packages: j.packages,
      unitWeightKg: j.weightKg / j.packages,
      unitVolumeM3: j.volumeM3 / j.packages,
    };
  });
  return lowerBoundForTypes(items, problem.scenario.containerTypes);
}
