/**
 * The objective of a fresh container carrying one job (construct/fresh-route.ts): kept per
 * kind and job where it cannot change, and always what evaluateRoute says.
 */
import { readFileSync } from "node:fs";
import { expect } from "chai";
import { cvrpToScenario } from "../../../bench/convert/cvrp-to-scenario.converter.js";
import { parseCvrplib } from "../../../bench/parse/cvrplib.parser.js";
import { freshRouteObjective } from "../../../shared/core/construct/fresh-route.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import type { Problem } from "../../../shared/core/problem/problem.js";
import { evaluateRoute } from "../../../shared/core/search/route-eval.js";

function valid(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

function expectAgrees(p: Problem, fillBonus: number, use: Int32Array): number {
  let feasible = 0;
  for (const kind of p.kinds) {
    for (const job of p.jobs) {
      const ev = evaluateRoute(p, kind.index, [job.index], 1, use, -1, fillBonus);
      const want = ev.feasible ? ev.obj : Number.POSITIVE_INFINITY;
      // Twice: the first answer may be evaluated, the second is the kept one.
      expect(freshRouteObjective(p, kind.index, job.index, fillBonus, use)).to.equal(want);
      expect(freshRouteObjective(p, kind.index, job.index, fillBonus, use)).to.equal(want);
      if (ev.feasible) feasible++;
    }
  }
  return feasible;
}

describe("construct/fresh-route: a container carrying one job", () => {
  it("keeps evaluateRoute's answer on an untimed one-port problem, per fill bonus", () => {
    const path = "bench/data/cvrplib/A/A-n32-k5.vrp";
    const scenario = valid(cvrpToScenario(parseCvrplib(readFileSync(path, "utf8"), path), "k").scenario);
    const p = compileProblem(scenario).problem;
    expect(p.untimed && p.singleEndpoint).to.equal(true);
    const use = new Int32Array(p.endpoints.length);
    expect(expectAgrees(p, 0, use)).to.equal(p.jobs.length * p.kinds.length);
    // A different fill bonus is a different objective: nothing kept for the first may answer.
    expectAgrees(p, 12.5, use);
  });

  it("evaluates every time where the answer depends on the search's state (a week with cut-offs)", () => {
    const scenario = valid(JSON.parse(readFileSync("test/fixtures/example-scenario.json", "utf8")));
    const p = compileProblem(scenario).problem;
    expect(p.untimed).to.equal(false);
    const use = new Int32Array(p.endpoints.length);
    const feasible = expectAgrees(p, 0, use);
    expect(feasible).to.be.greaterThan(0);
    // Every sailing full: no fresh container may end on one.
    const full = new Int32Array(p.endpoints.map((e) => (e.maxContainers === Infinity ? 0 : e.maxContainers)));
    expectAgrees(p, 0, full);
  });
});
