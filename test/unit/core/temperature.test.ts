/**
 * Annealing's temperatures (search/temperature.ts): one long run on a larger distance problem
 * is hotter; small CVRPLIB instances and village weeks keep the per-job setting.
 */
import { readFileSync } from "node:fs";
import { expect } from "chai";
import { cvrpToScenario } from "../../../bench/convert/cvrp-to-scenario.converter.js";
import { parseCvrplib } from "../../../bench/parse/cvrplib.parser.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import {
  LARGE_DISTANCE_HEAT,
  largeDistanceProblem,
  temperatures,
} from "../../../shared/core/search/temperature.js";
import { solve } from "../../../shared/core/solve.js";
import { expectEveryPackageOnce, expectFeasible } from "../../support/plan-assertions.js";

function scenarioAt(path: string, convert: boolean): Scenario {
  const text = readFileSync(path, "utf8");
  const raw = convert ? cvrpToScenario(parseCvrplib(text, path), "k").scenario : JSON.parse(text);
  const valid = validateScenario(raw);
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  return valid.scenario;
}

const problemOf = (s: Scenario) => compileProblem(s).problem;

describe("annealing temperatures", () => {
  const p101 = scenarioAt("bench/data/cvrplib/P/P-n101-k4.vrp", true);
  const p40 = scenarioAt("bench/data/cvrplib/P/P-n40-k5.vrp", true);
  const week = scenarioAt("test/fixtures/example-scenario.json", false);

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
