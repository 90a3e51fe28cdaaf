/**
 * Decomposition of big weeks, for callers that plan parts themselves (the CLI on threads,
 * the service as a BullMQ flow with one child job per part): split with partitionScenario,
 * plan each part with solve(), then mergePartPlans. The merged plan passes checkPlan
 * against the whole scenario, nothing lost or doubled.
 */
import type { Plan } from "../model/plan.js";
import type { Scenario } from "../model/scenario.js";
import { solve } from "../solve.js";
import { type MergeOptions, mergePlans, type PartPlan } from "./merge.js";

export type { MergeOptions, PartPlan } from "./merge.js";
export { PARTS_DEADLINE_SHARE, type PartBudgets, partBudgets } from "./part-budget.js";
export {
  DEFAULT_MAX_SHIPMENTS_PER_PART,
  type Partition,
  type PartitionOptions,
  partitionScenario,
  type ScenarioPart,
} from "./partition.js";

/**
 * One plan from the parts' plans, repaired across part borders within `timeLimitMs`
 * (default 0: no repair, just the merge). Parts' plans must come from partitionScenario's
 * parts of this same scenario.
 */
export function mergePartPlans(
  scenario: Scenario,
  parts: readonly PartPlan[],
  options: MergeOptions = {},
): Plan {
  return mergePlans(scenario, parts, options, (s, o) => solve(s, { ...o, repairParts: false }));
}
