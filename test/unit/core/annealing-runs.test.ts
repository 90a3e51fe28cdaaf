/**
 * When the search splits its budget into several annealing runs (search/annealing-runs.ts):
 * small routing problems with enough budget only, and every plan still passes the checker.
 */
import { expect } from "chai";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import { annealingRuns, RUNS } from "../../../shared/core/search/annealing-runs.js";
import { EXACT_WORK_PER_SECOND } from "../../../shared/core/search/budget.js";
import { solve } from "../../../shared/core/solve.js";
import { cvrpScenario } from "../../support/cvrplib.js";
import { expectEveryPackageOnce, expectFeasible } from "../../support/plan-assertions.js";

const cvrp = cvrpScenario;

const work = (seconds: number) => seconds * EXACT_WORK_PER_SECOND;

describe("annealing runs: several short runs on small routing problems only", () => {
  const a32 = compileProblem(cvrp("A-n32-k5")).problem;

  it("31 customers at 2 s: eight runs; at a quarter second: one (a run must be long enough to settle)", () => {
    expect(annealingRuns(a32, work(2))).to.equal(RUNS);
    expect(annealingRuns(a32, work(0.25))).to.equal(1);
    expect(annealingRuns(a32, Infinity, 10_000)).to.equal(1);
    expect(annealingRuns(a32, Infinity, 200_000)).to.equal(RUNS);
  });

  it("100 customers, or containers with a fixed cost: one run whatever the budget", () => {
    expect(annealingRuns(compileProblem(cvrp("P-n101-k4")).problem, work(60))).to.equal(1);
    const withFixedCost = cvrp("A-n32-k5");
    const costly: Scenario = {
      ...withFixedCost,
      objective: "cost",
      containerTypes: withFixedCost.containerTypes.map((t) => ({ ...t, fixedCost: 100 })),
    };
    expect(annealingRuns(compileProblem(costly).problem, work(60))).to.equal(1);
  });

  it("eight runs give a checked plan that serves everyone within the fleet, reproducibly", () => {
    const scenario = cvrp("A-n32-k5");
    const a = solve(scenario, { seed: 3, timeLimitMs: 1000 });
    const b = solve(scenario, { seed: 3, timeLimitMs: 1000 });
    expectFeasible(scenario, a);
    expectEveryPackageOnce(scenario, a);
    expect(a.unassigned).to.deep.equal([]);
    expect(a.containers.length).to.be.at.most(5);
    expect(a.summary.distanceKm).to.be.at.least(784);
    expect(b.summary.distanceKm).to.equal(a.summary.distanceKm);
  });
});
