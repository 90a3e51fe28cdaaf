/**
 * The objective of a fresh container carrying one job (construct/fresh-route.ts): kept per
 * kind and job where it cannot change, and always what evaluateRoute says.
 */
import { expect } from "chai";
import { readScenarioFile } from "../../../services/seed/demo-data.js";
import { freshRouteObjective } from "../../../shared/core/construct/fresh-route.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import type { Problem } from "../../../shared/core/problem/problem.js";
import { evaluateRoute } from "../../../shared/core/search/route-eval.js";
import { cvrpScenario } from "../../support/cvrplib.js";

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
    const scenario = cvrpScenario("A-n32-k5");
    const p = compileProblem(scenario).problem;
    expect(p.untimed && p.singleEndpoint).to.equal(true);
    const use = new Int32Array(p.endpoints.length);
    expect(expectAgrees(p, 0, use)).to.equal(p.jobs.length * p.kinds.length);
    // A different fill bonus is a different objective: nothing kept for the first may answer.
    expectAgrees(p, 12.5, use);
  });

  it("evaluates every time where the answer depends on the search's state (a week with cut-offs)", () => {
    const scenario = readScenarioFile("test/fixtures/example-scenario.json");
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
