/**
 * A week small enough for one search, planned on several threads: each thread runs the
 * whole search with its own seed and the whole time limit, and the better plan is kept
 * (core/output/plan-order.ts). One search on a machine with two cores leaves one idle; two
 * searches that differ only in their random choices end in different places, and the
 * better of two is better on average than either (measured: BENCHMARKS.md, issue 8).
 *
 * Reproducible: thread k searches with portfolioSeed(seed, k), thread 0 with the seed itself,
 * so the plan is at least as good as one thread's with the same seed and budget, and ties go
 * to the lower thread. The time limit is a promise: every thread stops at the run's deadline.
 */
import type { Plan } from "../../core/model/plan.js";
import type { Scenario } from "../../core/model/scenario.js";
import { betterPlan } from "../../core/output/plan-order.js";
import type { SolveProgress } from "../../core/solve.js";
import type { PartsThreadTask } from "./parts-thread.messages.js";
import { planOnThreads } from "./plan-on-threads.js";

/** The seed of thread k: the run's own for k = 0, then spread far apart (a golden-ratio step). */
export function portfolioSeed(seed: number, k: number): number {
  return k === 0 ? seed : (seed + Math.imul(k, 0x9e3779b1)) >>> 0;
}

export interface PortfolioOptions {
  seed: number;
  timeLimitMs: number;
  threads: number;
  /** Epoch-ms clock for the safety stop; undefined: work units only (reproducible on any machine). */
  clock?: () => number;
  onProgress?: (progress: SolveProgress) => void;
}

export async function solvePortfolio(scenario: Scenario, options: PortfolioOptions): Promise<Plan> {
  const { seed, timeLimitMs, threads, clock } = options;
  const deadline = clock ? clock() + timeLimitMs : undefined;
  const latest: (SolveProgress | undefined)[] = new Array(threads).fill(undefined);
  // Progress: how far the searches are together, and the figures of the one ahead.
  const report = () => {
    const seen = latest.filter((p): p is SolveProgress => p !== undefined);
    if (seen.length === 0 || !options.onProgress) return;
    const ahead = seen.reduce((a, b) =>
      b.unassigned < a.unassigned || (b.unassigned === a.unassigned && b.cost < a.cost) ? b : a,
    );
    const fraction = latest.reduce((a, p) => a + (p?.fraction ?? 0), 0) / threads;
    options.onProgress({ ...ahead, fraction });
  };
  const tasks: PartsThreadTask[] = Array.from({ length: threads }, (_, k) => ({
    id: `seed-${k}`,
    scenario,
    seed: portfolioSeed(seed, k),
    timeLimitMs,
    useClock: clock !== undefined,
    deadline,
  }));
  const plans = await planOnThreads(tasks, threads, "search", (id, progress) => {
    latest[tasks.findIndex((t) => t.id === id)] = progress;
    report();
  });
  // In thread order, so a tie goes to the lower thread.
  let best = plans.get(tasks[0].id)!;
  for (const t of tasks.slice(1)) {
    const plan = plans.get(t.id)!;
    if (betterPlan(scenario, plan, best)) best = plan;
  }
  return best;
}
