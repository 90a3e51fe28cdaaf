/**
 * The prices annealing puts on weight left out and weight over a container's limit
 * (search/adaptive-price.ts, search/nearly-full-fleet.ts): soft only on a nearly full finite
 * fleet with a distance objective, adapted to how often the walk is feasible, and the plan
 * returned still serves every customer within every limit.
 */
import { expect } from "chai";
import { insertJobs } from "../../../shared/core/construct/insertion.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import { AdaptivePrice } from "../../../shared/core/search/adaptive-price.js";
import { Budget } from "../../../shared/core/search/budget.js";
import { nearlyFullFleet } from "../../../shared/core/search/nearly-full-fleet.js";
import { Random } from "../../../shared/core/search/random.js";
import { Solution } from "../../../shared/core/search/solution.js";
import { searchParams, solve } from "../../../shared/core/solve.js";
import { cvrpScenario } from "../../support/cvrplib.js";
import { expectEveryPackageOnce, expectFeasible } from "../../support/plan-assertions.js";

const cvrp = cvrpScenario;

describe("soft prices: only where a finite fleet is nearly full", () => {
  it("P-n55-k15 and P-n50-k8 (99 % full): soft; P-n40-k5 (88 %), an unlimited fleet or a cost objective: hard", () => {
    expect(nearlyFullFleet(compileProblem(cvrp("P-n55-k15")).problem)).to.equal(true);
    expect(nearlyFullFleet(compileProblem(cvrp("P-n50-k8")).problem)).to.equal(true);
    expect(nearlyFullFleet(compileProblem(cvrp("P-n40-k5")).problem)).to.equal(false);
    expect(nearlyFullFleet(compileProblem(cvrp("P-n55-k15", "unlimited")).problem)).to.equal(false);
    const byCost: Scenario = { ...cvrp("P-n55-k15"), objective: "cost" };
    expect(nearlyFullFleet(compileProblem(byCost).problem)).to.equal(false);
  });

  it("starts at the cost per kg served, rises while the walk stays infeasible, falls while it is feasible, within bounds", () => {
    const price = new AdaptivePrice(1000, 10, true);
    expect(price.perKg).to.equal(10);
    let changed = false;
    for (let i = 0; i < 100; i++) changed = price.observe(false) || changed;
    expect(changed).to.equal(true);
    expect(price.perKg).to.be.closeTo(12, 1e-9);
    for (let i = 0; i < 100; i++) price.observe(true);
    expect(price.perKg).to.be.closeTo(12 * 0.85, 1e-9);
    for (let i = 0; i < 100_000; i++) price.observe(true);
    expect(price.perKg).to.be.closeTo(1, 1e-9); // a tenth of the cost per kg at least
    for (let i = 0; i < 100_000; i++) price.observe(false);
    expect(price.perKg).to.equal(1000); // never above the prohibitive price
  });

  it("not adaptive: always the prohibitive price", () => {
    const price = new AdaptivePrice(1000, 10, false);
    for (let i = 0; i < 1000; i++) expect(price.observe(false)).to.equal(false);
    expect(price.perKg).to.equal(1000);
  });

  it("a 99 %-full fleet still gets a checked plan that serves every customer within its 15 trucks", () => {
    const scenario = cvrp("P-n55-k15");
    const plan = solve(scenario, { seed: 2, timeLimitMs: 500 });
    expectFeasible(scenario, plan);
    expectEveryPackageOnce(scenario, plan);
    expect(plan.unassigned).to.deep.equal([]);
    expect(plan.containers.length).to.equal(15);
    expect(plan.summary.distanceKm).to.be.at.least(989); // the optimum
  });

  it("overload: weight limits hold at price 0; above it insertion loads a full truck past its limit rather than leave a job out", () => {
    const { problem } = compileProblem(cvrp("P-n55-k15"));
    const capacity = problem.kinds[0].maxWeightKg;
    const budget = new Budget(1000, 1_000_000, undefined);
    const fill = (overloadPerKg: number) => {
      const sol = new Solution(problem, searchParams(problem));
      sol.overloadPerKg = overloadPerKg;
      sol.maxRoutes = 1; // one truck for every customer: most cannot fit within its limit
      insertJobs(
        sol,
        problem.jobs.map((j) => j.index),
        new Random(1),
        budget,
        0,
      );
      return sol;
    };
    const hard = fill(0);
    expect(hard.routes).to.have.length(1);
    expect(hard.routes[0].weightKg).to.be.at.most(capacity);
    expect(hard.overloadKg()).to.equal(0);
    expect(hard.unassigned.length).to.be.greaterThan(0);

    const soft = fill(0.001);
    expect(soft.routes).to.have.length(1);
    expect(soft.unassigned).to.deep.equal([]);
    const served = problem.jobs.reduce((w, j) => w + j.weightKg, 0);
    expect(soft.overloadKg()).to.be.closeTo(served - capacity, 1e-9);
    expect(soft.clone().overloadPerKg).to.equal(0.001); // a candidate cloned from the walk keeps its price
  });

  it("a walk over overloaded plans never returns one: every seed's plan is within the trucks' limits", () => {
    const scenario = cvrp("P-n50-k8");
    for (const seed of [1, 2, 3, 4]) {
      const plan = solve(scenario, { seed, maxIterations: 4000 });
      expectFeasible(scenario, plan);
      expectEveryPackageOnce(scenario, plan);
      expect(plan.unassigned, `seed ${seed}`).to.deep.equal([]);
      expect(plan.containers.length, `seed ${seed}`).to.be.at.most(8);
    }
  });
});
