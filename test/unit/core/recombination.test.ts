/**
 * Recombination (search/recombination.ts): a selective route exchange child serves every job
 * once within capacity, reproducibly, and only larger distance problems with a long enough
 * budget are searched that way.
 */
import { readFileSync } from "node:fs";
import { expect } from "chai";
import { cvrpToScenario } from "../../../bench/convert/cvrp-to-scenario.converter.js";
import { parseCvrplib } from "../../../bench/parse/cvrplib.parser.js";
import { insertJobs } from "../../../shared/core/construct/insertion.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import type { Problem } from "../../../shared/core/problem/problem.js";
import { SMALL_PROBLEM_JOBS } from "../../../shared/core/search/annealing-runs.js";
import { Budget } from "../../../shared/core/search/budget.js";
import { nearestJobs } from "../../../shared/core/search/neighbours.js";
import { Random } from "../../../shared/core/search/random.js";
import { recombinationFits, srex } from "../../../shared/core/search/recombination.js";
import { Solution } from "../../../shared/core/search/solution.js";
import { searchParams } from "../../../shared/core/solve.js";

function cvrp(name: string): Scenario {
  const path = `bench/data/cvrplib/${name[0]}/${name}.vrp`;
  const valid = validateScenario(
    cvrpToScenario(parseCvrplib(readFileSync(path, "utf8"), path), "k").scenario,
  );
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  return valid.scenario;
}

function firstSolution(p: Problem, seed: number): Solution {
  const sol = new Solution(p, searchParams(p));
  const rng = new Random(seed);
  const jobs = rng.shuffle(p.jobs.map((j) => j.index));
  insertJobs(sol, jobs, rng, new Budget(1000, undefined, undefined), 0.05);
  return sol;
}

function expectEveryJobOnce(s: Solution): void {
  const seen = new Array<number>(s.p.jobs.length).fill(0);
  for (const r of s.routes) {
    expect(r.jobs.length).to.be.greaterThan(0);
    for (const j of r.jobs) seen[j]++;
    let w = 0;
    for (const j of r.jobs) w += s.p.jobs[j].weightKg;
    expect(w).to.be.at.most(s.p.kinds[r.kind].maxWeightKg + 1e-9);
    expect(r.weightKg).to.be.closeTo(w, 1e-6);
  }
  for (const j of s.unassigned) seen[j]++;
  expect(seen.every((c) => c === 1)).to.equal(true);
}

describe("recombination: selective route exchange", () => {
  const p = compileProblem(cvrp("P-n101-k4")).problem;

  it("a child serves every job exactly once within capacity, the parents untouched, reproducibly", () => {
    const a = firstSolution(p, 1);
    const b = firstSolution(p, 2);
    const costA = a.cost();
    const costB = b.cost();
    const neighbours = nearestJobs(p);
    const costs: number[][] = [[], []];
    for (let round = 0; round < 2; round++) {
      const rng = new Random(7);
      for (let k = 0; k < 40; k++) {
        const child = srex(
          k % 2 === 0 ? a : b,
          k % 2 === 0 ? b : a,
          rng,
          neighbours,
          new Budget(1000, undefined, undefined),
        );
        expect(child).to.not.equal(null);
        if (child === null) continue;
        expectEveryJobOnce(child);
        costs[round].push(child.cost());
      }
    }
    expect(costs[1]).to.deep.equal(costs[0]);
    expect(a.cost()).to.equal(costA);
    expect(b.cost()).to.equal(costB);
    expectEveryJobOnce(a);
    expectEveryJobOnce(b);
  });

  it("for distance problems above the small ones, not for containers with a fixed cost or small problems", () => {
    expect(recombinationFits(p, SMALL_PROBLEM_JOBS)).to.equal(true);
    expect(recombinationFits(compileProblem(cvrp("A-n32-k5")).problem, SMALL_PROBLEM_JOBS)).to.equal(false);
    const s = cvrp("P-n101-k4");
    const costly: Scenario = {
      ...s,
      objective: "cost",
      containerTypes: s.containerTypes.map((t) => ({ ...t, fixedCost: 100 })),
    };
    expect(recombinationFits(compileProblem(costly).problem, SMALL_PROBLEM_JOBS)).to.equal(false);
  });
});
