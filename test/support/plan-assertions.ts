/** Assertions every test that produces a plan runs: the independent checker is the judge. */
import { AssertionError } from "chai";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";

/** Fails with every violation listed, so a failing test says what is wrong, not just "not empty". */
export function expectFeasible(scenario: Scenario, plan: Plan): void {
  const violations = checkPlan(scenario, plan);
  if (violations.length > 0) {
    const lines = violations.map((v) => `  ${v.rule}${v.container ? ` [${v.container}]` : ""}: ${v.message}`);
    throw new AssertionError(`plan is infeasible (${violations.length} violation(s)):\n${lines.join("\n")}`);
  }
}

/** Packages of each shipment across containers and the unassigned list (counted here, not by the checker). */
export function packageCounts(plan: Plan): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (id: string, n: number) => counts.set(id, (counts.get(id) ?? 0) + n);
  for (const c of plan.containers)
    for (const stop of c.stops) for (const line of stop.load) add(line.shipment, line.packages);
  for (const u of plan.unassigned) add(u.shipment, u.packages);
  return counts;
}

/** Every package of every shipment exactly once; nothing the scenario does not have. */
export function expectEveryPackageOnce(scenario: Scenario, plan: Plan): void {
  const counts = packageCounts(plan);
  const problems: string[] = [];
  for (const sh of scenario.shipments) {
    const got = counts.get(sh.id) ?? 0;
    if (got !== (sh.packages ?? 1)) problems.push(`${sh.id}: ${got} of ${sh.packages ?? 1} packages`);
    counts.delete(sh.id);
  }
  for (const [id, n] of counts)
    problems.push(`${id}: ${n} packages of a shipment the scenario does not have`);
  if (problems.length > 0) throw new AssertionError(`packages lost or doubled:\n  ${problems.join("\n  ")}`);
}

/** The plan without what may differ between two identical runs (the wall-clock solve time). */
export function withoutSolveTime(plan: Plan): Plan {
  return { ...plan, summary: { ...plan.summary, solveMs: 0 } };
}
