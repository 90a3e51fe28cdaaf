/** Small helpers: run the checker on a mutated copy of the fixture and name the rules it broke. */
import { expect } from "chai";
import { checkPlan, type Violation } from "../../../shared/core/check/check-plan.js";
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { computeCharges } from "../../../shared/core/output/charges.js";
import { basePlan, baseScenario } from "./check-fixtures.js";

export function rulesOf(violations: Violation[]): string[] {
  return [...new Set(violations.map((v) => v.rule))].sort();
}

/**
 * Mutate fresh copies of the fixture, check that the scenario is still valid, and check the plan.
 * A mutation that leaves `charges` alone gets charges that follow its loads (rule 9 as the
 * planner computes it), so a test of another rule breaks that rule only.
 */
export function checkMutated(
  mutate: (s: Scenario, p: Plan) => void,
  base: { scenario: () => Scenario; plan: () => Plan } = { scenario: baseScenario, plan: basePlan },
): Violation[] {
  const scenario = base.scenario();
  const plan = base.plan();
  const charges = JSON.stringify(plan.charges);
  mutate(scenario, plan);
  const valid = validateScenario(scenario);
  if (!valid.ok) throw new Error(`mutation made the scenario invalid: ${JSON.stringify(valid.errors)}`);
  if (JSON.stringify(plan.charges) === charges && Array.isArray(plan.containers)) {
    const unique = plan.containers.filter((c, i) => plan.containers.findIndex((d) => d.id === c.id) === i);
    plan.charges = computeCharges(valid.scenario, unique, plan.boxes);
  }
  return checkPlan(valid.scenario, plan);
}

/** The mutation broke `rule` and nothing else. */
export function expectOnly(violations: Violation[], rule: string): void {
  expect(rulesOf(violations), JSON.stringify(violations, null, 1)).to.deep.equal([rule]);
  for (const v of violations) expect(v.message).to.be.a("string").and.not.equal("");
}
