/**
 * A week small enough for one search, planned on several threads: each thread runs the
 * whole search with its own seed and the whole time limit, and the better plan is kept
 * (core/output/plan-order.ts). One search on a machine with two cores leaves one idle; two
 * searches that differ only in their random choices end in different places, and the
 * better of two is better on average than either (measured: BENCHMARKS.md, issue 8).
 *
 * The searches meet at half, three quarters and nine tenths of their budgets
 * (core/search/meetings.ts, infra/planning/meeting-room.ts): a search behind the other's best
 * carries on from it. Two
 * searches run apart spend the second half of one of them far from the leader; meeting, both
 * spend it near the leader's plan, each with its own random choices.
 *
 * Reproducible: thread k searches with portfolioSeed(seed, k), thread 0 with the seed itself,
 * meetings fall at the same work on every thread, and ties go to the lower thread. The time
 * limit is a promise: every thread stops at the run's deadline.
 */
import { MessageChannel } from "node:worker_threads";
import type { Plan } from "../../core/model/plan.js";
import type { Scenario } from "../../core/model/scenario.js";
import { betterPlan } from "../../core/output/plan-order.js";
import { betterStanding } from "../../core/search/better.js";
import type { SolveProgress } from "../../core/solve.js";
import { MeetingRoom } from "./meeting-room.js";
import type { PartsThreadTask } from "./parts-thread.messages.js";
import { planOnThreads } from "./plan-on-threads.js";

/** The seed of thread k: the run's own for k = 0, then spread far apart (a golden-ratio step). */
export function portfolioSeed(seed: number, k: number): number {
  return k === 0 ? seed : (seed + Math.imul(k, 0x9e3779b1)) >>> 0;
}

/**
 * Shares of the budget at which the searches meet. Measured on CVRPLIB X at 30 s, two threads,
 * seeds 1-10 (BENCHMARKS.md, "Searches that meet"); a search of several short annealing runs
 * (small problems: search/annealing-runs.ts) holds none.
 */
export const MEET_AT: readonly number[] = [0.5, 0.75, 0.9];

/**
 * The search ahead, whose figures the progress shows: by the searches' own standing (weight
 * left out, then the objective), as at a meeting, so it is the plan that would be kept if the
 * searches stopped now; ties to the lower thread. A report without a standing (none should
 * reach here) falls behind one with it.
 */
export function aheadOf(seen: readonly SolveProgress[]): SolveProgress {
  return seen.reduce((a, b) => {
    if (b.standing === undefined) return a;
    if (a.standing === undefined) return b;
    return betterStanding(b.standing, a.standing) ? b : a;
  });
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
    const fraction = latest.reduce((a, p) => a + (p?.fraction ?? 0), 0) / threads;
    options.onProgress({ ...aheadOf(seen), fraction });
  };
  const channels = Array.from({ length: threads }, () => new MessageChannel());
  const tasks: PartsThreadTask[] = Array.from({ length: threads }, (_, k) => ({
    id: `seed-${k}`,
    scenario,
    seed: portfolioSeed(seed, k),
    timeLimitMs,
    useClock: clock !== undefined,
    deadline,
    meetAt: [...MEET_AT],
    port: channels[k].port2,
  }));
  const room = new MeetingRoom(
    tasks.map((t) => t.id),
    channels.map((c) => c.port1),
  );
  const plans = await planOnThreads(
    tasks,
    threads,
    "search",
    (id, progress) => {
      latest[tasks.findIndex((t) => t.id === id)] = progress;
      report();
    },
    room,
  ).finally(() => room.close());
  // In thread order, so a tie goes to the lower thread.
  let best = plans.get(tasks[0].id)!;
  for (const t of tasks.slice(1)) {
    const plan = plans.get(t.id)!;
    if (betterPlan(scenario, plan, best)) best = plan;
  }
  return best;
}
