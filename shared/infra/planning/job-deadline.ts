/**
 * A job's time limit covers the whole job: reading its input, starting the solver thread,
 * validating, compiling, searching, checking and storing. The deadline is set when the job
 * starts; the solver gets what is left after a reserve for checking and storing; a hard
 * stop at the limit plus a grace ends a solver that could not stop itself.
 * Instants are wall-clock epoch milliseconds, the one clock the worker's threads share.
 */

/** What checking and storing a plan of this many shipments takes, at most half the limit. */
const RESERVE_BASE_MS = 200;
/** Measured: checkPlan takes 0.3-0.8 ms per shipment on this machine kind (2,000-5,000 shipments). */
const RESERVE_PER_SHIPMENT_MS = 0.3;
/** Before the search: handing the scenario to the thread and validating it (1.6 s for 50,000). */
const BEFORE_BASE_MS = 50;
const BEFORE_PER_SHIPMENT_MS = 0.03;
/**
 * The solver's work budget is this share of the time it has, so that on an ordinary machine the
 * work count ends the search before the clock does: the same seed and limit, the same plan.
 */
const WORK_SHARE = 0.9;
/** A solve is never given less than this, so a nearly spent job still returns a plan. */
export const MIN_SOLVE_MS = 50;

export type JobPhase = "reading" | "starting" | "validating" | "solving" | "checking" | "storing";

/** How the phases read in logs and failure messages. */
export const PHASE_WORDS: Record<JobPhase, string> = {
  reading: "reading its input",
  starting: "starting the solver",
  validating: "validating the scenario",
  solving: "solving",
  checking: "checking the plan",
  storing: "storing the plan",
};

export class JobDeadline {
  readonly limitAt: number;
  readonly hardStopAt: number;

  constructor(
    readonly limitMs: number,
    readonly graceMs: number,
    readonly startedAt: number,
  ) {
    this.limitAt = startedAt + limitMs;
    this.hardStopAt = this.limitAt + graceMs;
  }

  /** When the solver must hand its plan over, leaving the reserve for checking and storing. */
  solveBy(shipments: number): number {
    const reserve = Math.min(this.limitMs / 2, RESERVE_BASE_MS + RESERVE_PER_SHIPMENT_MS * shipments);
    return this.limitAt - reserve;
  }

  /**
   * The solver's work budget (its `timeLimitMs`): a function of the limit and the size only,
   * so a job is reproducible; the wall-clock `solveBy` still stops it on a loaded machine.
   */
  solveBudgetMs(shipments: number): number {
    const before = BEFORE_BASE_MS + BEFORE_PER_SHIPMENT_MS * shipments;
    const window = this.solveBy(shipments) - this.startedAt - before;
    return Math.max(MIN_SOLVE_MS, Math.floor(WORK_SHARE * window));
  }

  /** 0..1 of the limit used; a proxy for progress that never sits at 0 while the job runs. */
  fraction(now: number): number {
    if (this.limitMs <= 0) return 1;
    return Math.max(0, Math.min(1, (now - this.startedAt) / this.limitMs));
  }

  /** The limit in the words a coordinator set it in. */
  describeLimit(): string {
    const s = this.limitMs / 1000;
    const grace = this.graceMs / 1000;
    return `time limit of ${Number.isInteger(s) ? s : s.toFixed(1)} s (+${Number.isInteger(grace) ? grace : grace.toFixed(1)} s grace)`;
  }
}

/** Milliseconds the solver still has at `now`: what is left until `solveBy`, never less than a sliver. */
export function timeLeftMs(solveBy: number, now: number): number {
  return Math.max(MIN_SOLVE_MS, Math.floor(solveBy - now));
}
