import type { Problem } from "../problem/problem.js";

/**
 * The search's budget is counted in work units (insertion positions and trips evaluated),
 * not seconds, so the same seed and time limit give the same plan on any machine. The
 * clock, when given, is the safety stop that keeps the limit a promise: a slow or loaded
 * machine ends early, with the best plan found so far. A machine that falls well behind the
 * work count also has the search's schedule (annealing's cooling, its phases and meetings)
 * follow the clock, so it cools down by the deadline instead of being cut off still hot
 * (`Budget.fraction`).
 */

/**
 * Work units this kind of machine does per second with the compiled solver on a village
 * week (measured: see BENCHMARKS.md). Recalibrated 2026-11-29 from CPU time, not wall time
 * (the machine was shared), on CVRPLIB A+P when one rate served both: 50 runs at 2 s and 26M
 * units/s took 84.9 s of CPU, 1.70 s each; 28M made a 2 s run about 1.83 s, leaving the
 * clock's 5 % for what follows the search. Village weeks' counts were then matched to it;
 * CVRPLIB-shaped problems have their own rate since (EXACT_WORK_PER_SECOND).
 */
export const WORK_PER_SECOND = 28_000_000;

/** Work units of one move estimated by local search (measured: about 3 insertion positions). */
export const MOVE_ESTIMATE_WORK = 3;

/**
 * Work units of one local-search move estimate: MOVE_ESTIMATE_WORK where counts are as
 * calibrated, one unit on a village week. There most estimates are for pairs of far-apart
 * routes and are rejected at once: swap's cost about 16 ns and 2-opt*'s about 27 ns on a
 * 2,000-shipment national week, where at three units each local search counted 77 % of the
 * units for 44 % of the CPU.
 */
export function moveEstimateWork(p: Problem): number {
  return calibratedCounts(p) ? MOVE_ESTIMATE_WORK : 1;
}

/**
 * Work units of checking whether a move makes a leg between near places (local search's
 * granular neighbourhood): two table reads, a few ns.
 */
export const GATE_WORK = 0.1;

/** Work units of checking whether a route can take a job at all (capacity, kind, classes). */
export const TAKE_WORK = 0.5;

/**
 * Work units of one full trip evaluation of `jobs` jobs: a stop costs more than an estimate;
 * an endpoint (port or sailing) is only a mask bit and a cut-off comparison, so it counts one
 * unit (counted at four, a week with a dozen sailings used a quarter of its time limit).
 */
export function evaluationWork(jobs: number, endpoints: number): number {
  return 4 * jobs + endpoints + 8;
}

/**
 * True for CVRPLIB-shaped problems: untimed weeks with one endpoint (CVRPLIB, bin packing),
 * counted as first calibrated on CVRPLIB and run at EXACT_WORK_PER_SECOND. Elsewhere
 * (village weeks: timed, several ports and sailings) the steps below count what they were
 * measured to cost on village weeks (2026-11-29, CPU profiles per counter site): counted as
 * on CVRPLIB, a unit there cost 10-20 ns and a week was searched for a third to a half of
 * its time limit.
 */
export function calibratedCounts(p: Problem): boolean {
  return p.untimed && p.singleEndpoint;
}

/**
 * Work units a second where counts are the calibrated ones (CVRPLIB, bin packing). Raised
 * from 28M to 38M on 2026-11-29 when their search got cheaper (X at 30 s then used 24-28 s of
 * CPU); back at 28M since 2026-11-30: the hotter annealing on larger problems (temperature.ts)
 * and two searches side by side (the CLI's and the bench's default: seed-portfolio.ts) made a
 * unit dearer. At 38M, CPU time over the limit (Intel Xeon, 2 CPUs): one thread A 1.11, B 1.09,
 * P 1.06, X at 30 s 1.05 (0.99-1.13); two threads X 34-41 s of wall time at 30 s, so the clock
 * cut every such run (the plan no longer the seed's alone). At 28M, two threads: X at 30 s
 * 0.87-0.92 of the limit in CPU a thread, 0.91-0.93 in wall time. Short runs keep a fixed
 * cost the rate cannot take off (each thread loads the solver and compiles the week): CVRPLIB P
 * at 2 s on two threads takes 2.26 s of wall time (1.10 of the limit in CPU a thread).
 */
export const EXACT_WORK_PER_SECOND = 28_000_000;

/** What one second of a time limit is worth in work units on this problem. */
export function workPerSecond(p: Problem): number {
  return calibratedCounts(p) ? EXACT_WORK_PER_SECOND : WORK_PER_SECOND;
}

/**
 * Work units of one trip evaluation on a village week. evaluateRoute walks the trip once and
 * looks only at the endpoints its jobs allow, about 250 ns for a trip of five jobs (the
 * Kalimantan demo week), where evaluationWork counted 36 units (about 1.1 us). Sea boxes walk
 * the jobs a second time (boxTerm: destinations, reefer) and allocate the result: the example
 * week with boxes used 1.2x the CPU per unit of the same week without them.
 */
export function tripWork(p: Problem, jobs: number): number {
  return p.boxes === null ? jobs + 6 : 2 * jobs + 8;
}

/** Work units of sorting n insertion candidates: measured about one unit per n log2 n. */
export function sortWork(n: number): number {
  return n * (32 - Math.clz32(n));
}

/**
 * Insertion where it is exact (untimed, one endpoint: CVRPLIB, bin packing), in units that
 * cost what a ruin-and-recreate iteration's own units cost (about 30 ns each). Measured
 * 2026-11-29 from CPU profiles against per-site unit tallies on A-n45-k6, P-n101-k4, X-n153-k22,
 * X-n351-k40: an insertion position costs about 9 ns with everything per job around it (the
 * geometric blinks, the job's own setup), a route looked at about 6 ns, a fresh container's
 * objective (kept per kind and job, construct/fresh-route.ts) about 15 ns. Counted at one
 * unit a position and thirteen a fresh container, a unit cost 21 ns on A-n45-k6 but 11-12 ns
 * on X-n256-k16 and X-n351-k40: the larger the instance, the less of its time limit it used
 * (X: 0.37-0.44 of it).
 */
export const EXACT_POSITION_WORK = 0.3;
export const EXACT_ROUTE_SCAN_WORK = 0.2;
export const EXACT_NEW_ROUTE_WORK = 0.5;

/** Work units of copying a route before changing it (its job list and two small count arrays; estimated). */
export const ROUTE_COPY_WORK = 8;

/** Work units of a route insertion skips because it cannot take the job (capacity, kind: about 15 ns). */
export const SKIPPED_ROUTE_WORK = 0.5;

/**
 * How far behind the work count the clock must be before it paces the schedule: the share of
 * the time to the deadline a machine may lose (start-up, a slow moment) and still plan by work
 * alone, so a machine at the calibrated speed or faster gives the seed's own plan. Measured on
 * a machine a unit of work costs 1.3x the calibrated time on (AMD EPYC, 2 CPUs, 2026-11-30):
 * CVRPLIB X at 30 s with the clock was cut at about three quarters of its work, still hot,
 * mean gap 0.51 % (seed 1) against 0.24 % with the whole budget; see BENCHMARKS.md.
 */
export const CLOCK_PACE_SLACK = 0.2;

export class Budget {
  work = 0;
  private readonly maxWork: number;
  private readonly deadline: number;
  private readonly startedAt: number;
  private iterationsLeft: number;
  private readonly totalIterations: number;

  /**
   * @param stopAt clock time by which the search must have stopped (default: the time limit
   *   from now). The time limit is a promise: the work count ends a run first on an ordinary
   *   machine, which keeps it reproducible; on a slow or loaded one the clock ends it here.
   * @param unitsPerSecond what a second of the limit is worth: `workPerSecond(problem)`.
   */
  constructor(
    timeLimitMs: number,
    maxIterations: number | undefined,
    private readonly clock: (() => number) | undefined,
    stopAt?: number,
    unitsPerSecond = WORK_PER_SECOND,
  ) {
    this.maxWork = maxIterations !== undefined ? Infinity : (timeLimitMs / 1000) * unitsPerSecond;
    this.startedAt = clock ? clock() : 0;
    this.deadline =
      clock && maxIterations === undefined
        ? Math.min(stopAt ?? Infinity, this.startedAt + timeLimitMs)
        : Infinity;
    this.iterationsLeft = maxIterations ?? Infinity;
    this.totalIterations = maxIterations ?? Infinity;
  }

  /**
   * 0..1: how far along the search is; drives the annealing temperature, the search's phases
   * and its meetings. The work count's share, or, on a machine so far behind it that the
   * deadline would cut the search still hot, the clock's (past CLOCK_PACE_SLACK of the time,
   * reaching 1 at the deadline). On a machine keeping pace the clock's share stays below the
   * work's, so the plan is the seed's own.
   */
  fraction(): number {
    if (this.totalIterations !== Infinity) return 1 - this.iterationsLeft / this.totalIterations;
    const byWork = Math.min(1, this.work / this.maxWork);
    if (this.clock === undefined || !Number.isFinite(this.deadline)) return byWork;
    const span = this.deadline - this.startedAt;
    if (span <= 0) return 1;
    const byTime = ((this.clock() - this.startedAt) / span - CLOCK_PACE_SLACK) / (1 - CLOCK_PACE_SLACK);
    return Math.max(byWork, Math.min(1, byTime));
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
