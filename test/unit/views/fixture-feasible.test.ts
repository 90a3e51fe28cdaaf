/**
 * The hand-built fixture plan must itself be feasible, or the views would be tested
 * against a plan the planner could never produce: the project's independent checker
 * is the judge.
 */
import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { fixturePlan, fixtureScenario } from "./fixtures.js";

describe("views/fixtures", () => {
  it("is a valid scenario", () => {
    const result = validateScenario(fixtureScenario());
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).to.equal(true);
  });

  it("is a feasible plan according to checkPlan", () => {
    expect(checkPlan(fixtureScenario(), fixturePlan())).to.deep.equal([]);
  });

  it("is caught by checkPlan when broken, so the check above can fail", () => {
    const plan = fixturePlan();
    plan.containers[0].stops[1].loadStart = "2026-12-28T08:00:00+07:00"; // before vB's 09:00 window
    expect(checkPlan(fixtureScenario(), plan)).to.not.deep.equal([]);
  });
});
