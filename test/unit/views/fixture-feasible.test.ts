/**
 * The hand-built fixture plan must itself be feasible, or the views would be tested
 * against a plan the planner could never produce. Runs the project's independent
 * checker as soon as it exists (another engineer is writing it).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { fixturePlan, fixtureScenario } from "./fixtures.js";

const checkerPath = join(__dirname, "../../../shared/core/check/check-plan.ts");

describe("views/fixtures", () => {
  it("is a valid scenario", () => {
    const result = validateScenario(fixtureScenario());
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).to.equal(true);
  });

  it("is a feasible plan according to checkPlan", async function () {
    if (!existsSync(checkerPath)) this.skip();
    // a computed specifier so the type checker does not demand the module before it lands
    const checkerModule: string = "../../../shared/core/check/check-plan.js";
    const { checkPlan } = (await import(checkerModule)) as {
      checkPlan: (s: unknown, p: unknown) => { rule: string; message: string }[];
    };
    expect(checkPlan(fixtureScenario(), fixturePlan())).to.deep.equal([]);
  });
});
