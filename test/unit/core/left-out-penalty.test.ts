/**
 * The price annealing puts on weight left out (search/left-out-penalty.ts): soft only on a
 * nearly full finite fleet with a distance objective, adapted to how often the walk is
 * complete, and the plan returned still serves every customer.
 */
import { readFileSync } from "node:fs";
import { expect } from "chai";
import { cvrpToScenario } from "../../../bench/convert/cvrp-to-scenario.converter.js";
import { parseCvrplib } from "../../../bench/parse/cvrplib.parser.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import { LeftOutPenalty, softLeftOutPrice } from "../../../shared/core/search/left-out-penalty.js";
import { solve } from "../../../shared/core/solve.js";
import { expectEveryPackageOnce, expectFeasible } from "../../support/plan-assertions.js";

function cvrp(name: string, fleet: "k" | "unlimited" = "k"): Scenario {
  const path = `bench/data/cvrplib/${name[0]}/${name}.vrp`;
  const valid = validateScenario(
    cvrpToScenario(parseCvrplib(readFileSync(path, "utf8"), path), fleet).scenario,
  );
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  return valid.scenario;
}

describe("left-out price: soft only where a finite fleet is nearly full", () => {
  it("P-n55-k15 and P-n50-k8 (99 % full): soft; P-n40-k5 (88 %), an unlimited fleet or a cost objective: hard", () => {
    expect(softLeftOutPrice(compileProblem(cvrp("P-n55-k15")).problem)).to.equal(true);
    expect(softLeftOutPrice(compileProblem(cvrp("P-n50-k8")).problem)).to.equal(true);
    expect(softLeftOutPrice(compileProblem(cvrp("P-n40-k5")).problem)).to.equal(false);
    expect(softLeftOutPrice(compileProblem(cvrp("P-n55-k15", "unlimited")).problem)).to.equal(false);
    const byCost: Scenario = { ...cvrp("P-n55-k15"), objective: "cost" };
    expect(softLeftOutPrice(compileProblem(byCost).problem)).to.equal(false);
  });

  it("starts at the cost per kg served, rises while the walk stays incomplete, falls while it is complete, within bounds", () => {
    const price = new LeftOutPenalty(1000, 10, true);
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
    const price = new LeftOutPenalty(1000, 10, false);
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
});
