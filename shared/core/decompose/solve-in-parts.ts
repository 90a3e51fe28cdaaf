/**
 * solve() for a week too big for one search: partition, plan each part with its share of
 * the budget, merge and repair across part borders (in one process, one part after the
 * other; the CLI plans parts on threads with the same pieces). Each part is given a clock
 * deadline as well as its work budget, so a slow part or a loaded machine squeezes the
 * parts after it instead of breaking the time limit.
 */
import type { Plan } from "../model/plan.js";
import type { Scenario } from "../model/scenario.js";
import type { SolveOptions } from "../solve.js";
import { mergePlans, type PartPlan, type RepairSolver } from "./merge.js";
import { PARTS_DEADLINE_SHARE, partBudgets } from "./part-budget.js";
import { partitionScenario } from "./partition.js";

export interface PartSolvers {
  /** Plans one part as a whole (no further split). */
  solvePart: (scenario: Scenario, options: SolveOptions) => Plan;
  solveRepair: RepairSolver;
}

export function solveInParts(scenario: Scenario, options: SolveOptions, solvers: PartSolvers): Plan {
  const clock = options.clock;
  const started = clock ? clock() : 0;
  const limit = options.timeLimitMs ?? 5000;
  const { parts } = partitionScenario(scenario, { maxShipmentsPerPart: options.maxShipmentsPerPart });
  if (parts.length === 1) return solvers.solvePart(scenario, options);

  const budgets = partBudgets(
    parts.map((p) => p.scenario.shipments.length),
    limit,
  );
  const end = Math.min(started + limit, options.deadline ?? Number.POSITIVE_INFINITY);
  const partsEnd = started + (end - started) * PARTS_DEADLINE_SHARE;
  const searchMs = budgets.partMs.reduce((a, x) => a + x, 0);
  const totalMs = searchMs + budgets.repairMs;
  // Progress over the whole run: finished parts' figures plus the current part's.
  const finished = { containers: 0, cost: 0, unassigned: 0 };
  let before = 0;
  const plans: PartPlan[] = parts.map((part, i) => {
    const ms = budgets.partMs[i];
    const deadline = clock ? started + (partsEnd - started) * ((before + ms) / searchMs) : undefined;
    const plan = solvers.solvePart(part.scenario, {
      seed: options.seed,
      timeLimitMs: ms,
      maxIterations: options.maxIterations,
      clock,
      deadline,
      onProgress: options.onProgress
        ? (p) =>
            options.onProgress!({
              fraction: (before + p.fraction * ms) / totalMs,
              containers: finished.containers + p.containers,
              cost: finished.cost + p.cost,
              unassigned: finished.unassigned + p.unassigned,
            })
        : undefined,
    });
    before += ms;
    finished.containers += plan.summary.containers;
    finished.cost += plan.summary.cost;
    finished.unassigned += plan.unassigned.length;
    return { id: part.id, plan };
  });
  const merged = mergePlans(
    scenario,
    plans,
    {
      seed: options.seed,
      timeLimitMs: options.repairParts === false ? 0 : budgets.repairMs,
      maxIterations: options.maxIterations,
      clock,
      startedAt: started,
      deadline: end,
    },
    solvers.solveRepair,
  );
  options.onProgress?.({
    fraction: 1,
    containers: merged.summary.containers,
    cost: merged.summary.cost,
    unassigned: merged.unassigned.length,
  });
  return merged;
}
