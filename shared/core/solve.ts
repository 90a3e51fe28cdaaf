/**
 * The one entry to the optimiser: a validated Scenario in, a Plan out.
 * Pure: the clock, the seed, the budget and the progress sink are arguments.
 */
import type { Plan } from "./model/plan.js";
import type { Scenario } from "./model/scenario.js";

export interface SolveProgress {
  /** 0..1 of the time budget used */
  fraction: number;
  containers: number;
  cost: number;
  unassigned: number;
}

export interface SolveOptions {
  /** Same seed, same scenario, same iteration count -> same plan. Default 1. */
  seed?: number;
  /** Wall-clock budget for the improvement phase, milliseconds. Default 5000. */
  timeLimitMs?: number;
  /** Stop after this many improvement iterations (for reproducible runs independent of machine speed). */
  maxIterations?: number;
  /** Milliseconds clock; the caller passes `() => performance.now()`. Without it the search runs by iterations only. */
  clock?: () => number;
  onProgress?: (progress: SolveProgress) => void;
}

export function solve(_scenario: Scenario, _options: SolveOptions = {}): Plan {
  throw new Error("not implemented yet");
}
