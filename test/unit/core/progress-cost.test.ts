/**
 * The figures a coordinator watches while the planner searches (CLI progress) are the plan's:
 * what its trucks cost (fixed and per-km costs, not the search's objective with its fill
 * bonus) and what it leaves out, shipments set aside before the search included. The last
 * report is the plan's summary.
 */
import { expect } from "chai";
import { readScenarioFile } from "../../../services/seed/demo-data.js";
import { type SolveProgress, solve } from "../../../shared/core/solve.js";
import { expectFeasible } from "../../support/plan-assertions.js";

describe("solve progress: the figures shown", function () {
  this.timeout(60_000);

  for (const path of ["data/demo/kalimantan-week.json", "test/fixtures/example-scenario.json"]) {
    it(`ends at the plan's own figures (${path})`, () => {
      const scenario = readScenarioFile(path);
      const seen: SolveProgress[] = [];
      const plan = solve(scenario, { seed: 3, maxIterations: 400, onProgress: (p) => seen.push(p) });
      expectFeasible(scenario, plan);
      expect(seen.length).to.be.greaterThan(1);
      const last = seen[seen.length - 1];
      expect(last.fraction).to.equal(1);
      expect(last.containers).to.equal(plan.summary.containers);
      expect(last.cost).to.be.closeTo(plan.summary.cost, 1e-6 * plan.summary.cost);
      // Shipments set aside before the search (too large, no sailing, no route) are counted as left out.
      expect(last.unassigned).to.equal(plan.unassigned.length);
    });
  }
});
