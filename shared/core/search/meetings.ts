/**
 * Searches that meet: several searches of the same week (one per thread, each with its own
 * seed) stop at agreed points of their budgets, compare their best plans, and each one behind
 * carries on from the best one's plan with its own random choices. Two searches run apart
 * end wherever their walks take them; a search that was behind halfway rarely catches up, so
 * its second half is better spent near the leader. Measured: BENCHMARKS.md (issue 8).
 *
 * The core stays pure: how the best plans travel (worker threads, the caller's choice) is
 * the `meet` function's business; here a plan is plain data.
 */
import type { Standing } from "./better.js";
import { Solution } from "./solution.js";

/** A search's best plan as plain data: what crosses to another thread; how two compare: better.ts. */
export interface SharedBest extends Standing {
  routes: { kind: number; jobs: number[] }[];
  unassigned: number[];
}

export interface Meetings {
  /** Shares of the budget at which the searches meet, ascending. */
  at: readonly number[];
  /** Hand over this search's best at meeting `index`; the best of all the searches comes back. */
  meet: (index: number, best: SharedBest) => SharedBest;
}

export function shareBest(s: Solution): SharedBest {
  return {
    routes: s.routes.map((r) => ({ kind: r.kind, jobs: r.jobs.slice() })),
    unassigned: s.unassigned.slice(),
    unassignedKg: s.unassignedWeight(),
    cost: s.cost(),
  };
}

/** The shared plan rebuilt on this search's problem (null if a trip does not evaluate as feasible here). */
export function rebuild(like: Solution, shared: SharedBest): Solution | null {
  const s = new Solution(like.p, like.params);
  for (const r of shared.routes) {
    if (!s.setJobs(s.newRoute(r.kind), r.jobs.slice())) return null;
  }
  s.unassigned = shared.unassigned.slice();
  return s;
}
