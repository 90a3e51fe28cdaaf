/**
 * The search's budget is counted in work units (insertion positions and trips evaluated),
 * not seconds, so the same seed and time limit give the same plan on any machine. The
 * clock, when given, is only a safety stop: a slow or loaded machine ends early.
 */

/** Work units this kind of machine does per second (measured: see BENCHMARKS.md). */
export const WORK_PER_SECOND = 26_000_000;

/** Work units of one move estimated by local search (measured: about 3 insertion positions). */
export const MOVE_ESTIMATE_WORK = 3;

/** Work units of one full trip evaluation of `jobs` jobs: a stop costs more than an estimate. */
export function evaluationWork(jobs: number, endpoints: number): number {
  return 4 * (jobs + endpoints) + 8;
}

export class Budget {
  work = 0;
  private readonly maxWork: number;
  private readonly deadline: number;

  constructor(
    timeLimitMs: number,
    maxIterations: number | undefined,
    private readonly clock: (() => number) | undefined,
    private iterationsLeft = maxIterations ?? Infinity,
  ) {
    this.maxWork = maxIterations !== undefined ? Infinity : (timeLimitMs / 1000) * WORK_PER_SECOND;
    // The work count ends a run on time on an ordinary machine and keeps it reproducible;
    // on one more than twice as slow (or overloaded) the clock ends it at twice the limit.
    this.deadline = clock && maxIterations === undefined ? clock() + 2 * timeLimitMs : Infinity;
    this.totalIterations = maxIterations ?? Infinity;
  }

  private readonly totalIterations: number;

  /** 0..1: how far along the search is; drives the annealing temperature. */
  fraction(): number {
    if (this.totalIterations !== Infinity) return 1 - this.iterationsLeft / this.totalIterations;
    return Math.min(1, this.work / this.maxWork);
  }

  /** Work units worth `share` of the whole budget (for bounded side tasks; unbounded by iterations). */
  share(share: number): number {
    return this.maxWork === Infinity ? Infinity : share * this.maxWork;
  }

  /** True once the clock's safety stop has passed. */
  timeUp(): boolean {
    return this.clock !== undefined && this.clock() > this.deadline;
  }

  /** True once the work, the iterations or the time are used up. */
  spent(): boolean {
    return (
      this.iterationsLeft <= 0 ||
      this.work >= this.maxWork ||
      (this.clock !== undefined && this.clock() > this.deadline)
    );
  }

  /** Count one iteration; false when the budget is spent. */
  tick(): boolean {
    if (this.spent()) return false;
    this.iterationsLeft--;
    return true;
  }
}
