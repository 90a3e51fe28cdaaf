/**
 * Annealing's temperatures (search/temperature.ts): one long run on a larger distance problem
 * is hotter; small CVRPLIB instances and village weeks keep the per-job setting.
 */
import { expect } from "chai";
import { readScenarioFile } from "../../../services/seed/demo-data.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import {
  LARGE_DISTANCE_HEAT,
  largeDistanceProblem,
  temperatures,
} from "../../../shared/core/search/temperature.js";
import { solve } from "../../../shared/core/solve.js";
import { cvrpScenario } from "../../support/cvrplib.js";
import { expectEveryPackageOnce, expectFeasible } from "../../support/plan-assertions.js";

const problemOf = (s: Scenario) => compileProblem(s).problem;

describe("annealing temperatures", () => {
  const p101 = cvrpScenario("P-n101-k4");
  const p40 = cvrpScenario("P-n40-k5");
  const week = readScenarioFile("test/fixtures/example-scenario.json");

  it("hotter only on a CVRPLIB-shaped distance problem of more than 80 jobs", () => {
    expect(largeDistanceProblem(problemOf(p101))).to.equal(true);
    expect(largeDistanceProblem(problemOf(p40))).to.equal(false);
    expect(largeDistanceProblem(problemOf(week))).to.equal(false);
    expect(largeDistanceProblem(problemOf({ ...p101, objective: "cost" }))).to.equal(false);
  });

  it("start at 0.3 and end at 0.003 of the cost per job, times the heat where it applies", () => {
    expect(temperatures(problemOf(p40), 10)).to.deep.equal({ t0: 3, tf: 0.03 });
    const hot = temperatures(problemOf(p101), 10);
    expect(hot.t0).to.be.closeTo(3 * LARGE_DISTANCE_HEAT, 1e-12);
    expect(hot.tf).to.be.closeTo(0.03 * LARGE_DISTANCE_HEAT, 1e-12);
  });

  it("a hot run still returns a checked plan serving every customer within the fleet", () => {
    const plan = solve(p101, { seed: 1, maxIterations: 3000 });
    expectFeasible(p101, plan);
    expectEveryPackageOnce(p101, plan);
    expect(plan.unassigned).to.deep.equal([]);
    expect(plan.containers.length).to.be.at.most(4);
    expect(plan.summary.distanceKm).to.be.at.least(681); // the optimum
  });
});
