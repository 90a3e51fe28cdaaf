/**
 * Determinism (same seed and iteration budget -> the identical plan) on the example week,
 * and a golden regression on CVRPLIB A-n32-k5 (optimal 784) converted to a Scenario by the
 * benchmark's own converter, so it runs the product's code path.
 */
import { expect } from "chai";
import { readScenarioFile } from "../../../services/seed/demo-data.js";
import { solve } from "../../../shared/core/solve.js";
import { cvrpScenario } from "../../support/cvrplib.js";
import { expectEveryPackageOnce, expectFeasible, withoutSolveTime } from "../../support/plan-assertions.js";

const OPTIMUM = 784;

describe("determinism", () => {
  const scenario = readScenarioFile("test/fixtures/example-scenario.json");
  const budget = { maxIterations: 120 };

  it("the same seed and maxIterations give the identical plan", () => {
    const a = solve(scenario, { seed: 7, ...budget });
    const b = solve(scenario, { seed: 7, ...budget });
    expectFeasible(scenario, a);
    expect(withoutSolveTime(b)).to.deep.equal(withoutSolveTime(a));
    expect(JSON.stringify(b)).to.equal(JSON.stringify(a)); // same order of keys and containers too
  });

  it("other seeds give feasible plans serving the same weight (they may differ in the route)", () => {
    const a = solve(scenario, { seed: 1, ...budget });
    const b = solve(scenario, { seed: 2, ...budget });
    for (const p of [a, b]) {
      expectFeasible(scenario, p);
      expectEveryPackageOnce(scenario, p);
    }
    expect(b.summary.assignedWeightKg).to.be.closeTo(a.summary.assignedWeightKg, 1e-6);
  });
});

describe("golden: CVRPLIB A-n32-k5 (optimal 784)", () => {
  const scenario = cvrpScenario("A-n32-k5");

  // The golden budget: a short run (3,000 iterations) with this tight fleet of 5 can stop at
  // 827 with seed 1 while seeds 2 and 3 reach 784; annealing needs its full schedule here.
  it("{ seed: 1, maxIterations: 10000 } reaches <= 784 x 1.01 with 5 vehicles, all served", () => {
    const plan = solve(scenario, { seed: 1, maxIterations: 10_000 });
    expectFeasible(scenario, plan);
    expectEveryPackageOnce(scenario, plan);
    expect(plan.unassigned).to.deep.equal([]);
    expect(plan.containers.length).to.be.at.most(5);
    expect(plan.summary.distanceKm).to.be.at.least(OPTIMUM); // the optimum is a floor: a lower figure is mis-measured
    expect(plan.summary.distanceKm).to.be.at.most(OPTIMUM * 1.01);
  });
});
