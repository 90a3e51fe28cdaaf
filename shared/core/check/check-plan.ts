/**
 * The independent feasibility checker: the source of truth for every plan the project
 * produces or stores. It re-derives everything from the Scenario (its own geometry, its
 * own clock rules, its own reading of the handling table) and imports nothing from the
 * optimiser but the default product-rule data. Empty result = feasible.
 *
 * The scenario is expected to have passed validateScenario; the plan is untrusted.
 */
import type { Plan } from "../model/plan.js";
import type { Scenario } from "../model/scenario.js";
import { checkBoxContents } from "./box-contents.check.js";
import { checkBoxes } from "./boxes.check.js";
import { checkCharges } from "./charges.check.js";
import { createContext } from "./check-context.js";
import { checkFleet } from "./fleet.check.js";
import { checkHandling } from "./handling.check.js";
import { checkIslands } from "./islands.check.js";
import { checkLoads } from "./loads.check.js";
import { checkReferences } from "./references.check.js";
import { checkSailings } from "./sailings.check.js";
import { checkTime } from "./time.check.js";
import { checkTotals } from "./totals.check.js";
import type { CheckOptions, Violation } from "./violation.js";

export type { CheckOptions, Violation } from "./violation.js";

export function checkPlan(scenario: Scenario, plan: Plan, options: CheckOptions = {}): Violation[] {
  const violations: Violation[] = [];
  if (!plan || !Array.isArray(plan.containers) || !Array.isArray(plan.unassigned) || !plan.summary) {
    return [{ rule: "PLAN_SHAPE", message: "A plan needs containers, unassigned and summary." }];
  }
  const ctx = createContext(scenario, plan, options, violations);
  checkReferences(ctx);
  checkLoads(ctx);
  checkHandling(ctx);
  checkIslands(ctx);
  checkTime(ctx);
  checkSailings(ctx);
  checkFleet(ctx);
  checkTotals(ctx);
  checkBoxes(ctx);
  checkBoxContents(ctx);
  checkCharges(ctx);
  return violations;
}
