/**
 * A week planned on several threads (the CLI and the benchmark; the service spreads parts
 * over BullMQ workers instead). A week one search handles gets a search per thread, each
 * with its own seed (seed-portfolio.ts). A big week is partitioned, its parts planned on
 * `threads` worker threads (largest first, each thread taking the next part when it is
 * done: plan-on-threads.ts), then merged and repaired across part borders on this thread.
 * The pieces are the core's own (decompose/), so the plan is what solve() would make of the
 * same parts and budgets.
 *
 * Reproducible: a part's plan depends only on the part, the seed and its budget, whichever
 * thread plans it and whenever; budgets come from the limit and the thread count alone.
 * The time limit is a promise: parts stop at their budget's wall time and at a common
 * deadline, the repair at the run's end.
 */
import {
  mergePartPlans,
  PARTS_DEADLINE_SHARE,
  type PartPlan,
  partBudgets,
  partitionScenario,
} from "../../core/decompose/index.js";
import type { Plan } from "../../core/model/plan.js";
import type { Scenario } from "../../core/model/scenario.js";
import { PARTITION_ABOVE, type SolveProgress, solve } from "../../core/solve.js";
import type { PartsThreadTask } from "./parts-thread.messages.js";
import { planOnThreads } from "./plan-on-threads.js";
import { solvePortfolio } from "./seed-portfolio.js";

/**
 * Threads a run uses unless told otherwise: this machine kind has two cores. A fixed number,
 * not the machine's count, because the parts' budgets (and so the plan) depend on it.
 */
export const DEFAULT_THREADS = 2;

export interface ParallelSolveOptions {
  seed?: number;
  timeLimitMs?: number;
  /** Plan parts on this many threads (also sets their budgets: the plan depends on it). */
  threads?: number;
  /** false: work units only, no clock stop (reproducible on any machine; the limit is then not a promise). */
  useClock?: boolean;
  maxShipmentsPerPart?: number;
  /** Iterations instead of the time limit (solve.ts): one thread only, so the plan is one search's. */
  maxIterations?: number;
  onProgress?: (progress: SolveProgress) => void;
}

const epochClock = () => performance.timeOrigin + performance.now();

export async function solveOnThreads(scenario: Scenario, options: ParallelSolveOptions = {}): Promise<Plan> {
  const seed = options.seed ?? 1;
  const limit = options.timeLimitMs ?? 5000;
  const threads = Math.max(1, Math.floor(options.threads ?? DEFAULT_THREADS));
  const clock = options.useClock === false ? undefined : epochClock;
  const started = epochClock();
  const max = options.maxShipmentsPerPart;
  const single = () =>
    solve(scenario, {
      seed,
      timeLimitMs: limit,
      maxIterations: options.maxIterations,
      clock,
      onProgress: options.onProgress,
      maxShipmentsPerPart: max,
    });
  if (threads === 1) return single();
  if (options.maxIterations !== undefined) throw new Error("maxIterations: one thread only");
  // A week one search handles: a search per thread, each with its own seed; the better plan is kept.
  if (scenario.shipments.length <= Math.max(max ?? 0, PARTITION_ABOVE))
    return solvePortfolio(scenario, {
      seed,
      timeLimitMs: limit,
      threads,
      clock,
      onProgress: options.onProgress,
    });
  const { parts } = partitionScenario(scenario, { maxShipmentsPerPart: max });
  if (parts.length === 1) return single();

  const budgets = partBudgets(
    parts.map((p) => p.scenario.shipments.length),
    limit,
    threads,
  );
  const partsEnd = started + limit * PARTS_DEADLINE_SHARE;
  const queue = parts
    .map((part, i) => ({ part, ms: budgets.partMs[i] }))
    .sort((a, b) => b.ms - a.ms || a.part.id.localeCompare(b.part.id));
  const total = budgets.partMs.reduce((a, x) => a + x, 0) + budgets.repairMs * threads;
  // Progress over the whole run: each part's share of the budget, and its latest figures.
  const latest = new Map<string, SolveProgress & { ms: number }>();
  const report = () => {
    const sum = { fraction: 0, containers: 0, cost: 0, unassigned: 0 };
    for (const p of latest.values()) {
      sum.fraction += (p.fraction * p.ms) / total;
      sum.containers += p.containers;
      sum.cost += p.cost;
      sum.unassigned += p.unassigned;
    }
    options.onProgress?.({ ...sum, fraction: Math.min(1, sum.fraction) });
  };

  const tasks: PartsThreadTask[] = queue.map((item) => ({
    id: item.part.id,
    scenario: item.part.scenario,
    seed,
    timeLimitMs: item.ms,
    useClock: clock !== undefined,
    deadline: clock ? partsEnd : undefined,
  }));
  const plans = await planOnThreads(tasks, threads, "part", (id, progress) => {
    latest.set(id, { ...progress, ms: budgets.partMs[parts.findIndex((p) => p.id === id)] });
    report();
  });

  const planned: PartPlan[] = parts.map((p) => ({ id: p.id, plan: plans.get(p.id)! }));
  const merged = mergePartPlans(scenario, planned, {
    seed,
    timeLimitMs: budgets.repairMs,
    clock,
    startedAt: clock ? started : undefined,
    deadline: clock ? started + limit : undefined,
  });
  options.onProgress?.({
    fraction: 1,
    containers: merged.summary.containers,
    cost: merged.summary.cost,
    unassigned: merged.unassigned.length,
  });
  return merged;
}
