/**
 * Local search with the route judge and granular neighbourhoods, on random weeks: what it
 * returns is a valid plan (the independent checker), never dearer than where it started,
 * keeps every job, and the same start gives the same result.
 */
import { expect } from "chai";
import { insertJobs } from "../../../shared/core/construct/insertion.js";
import { toPlan } from "../../../shared/core/output/to-plan.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import { Budget } from "../../../shared/core/search/budget.js";
import { localSearch } from "../../../shared/core/search/local-search.js";
import { Random } from "../../../shared/core/search/random.js";
import { Solution } from "../../../shared/core/search/solution.js";
import { searchParams, solve } from "../../../shared/core/solve.js";
import { expectFeasible, withoutSolveTime } from "../../support/plan-assertions.js";
import { randomWeekScenario } from "./random-week.js";

/** A first solution by insertion (no blinks), as the solver starts from. */
function constructed(seed: number, timed: boolean) {
  const scenario = randomWeekScenario(seed, timed);
  const { problem, setAside } = compileProblem(scenario);
  const sol = new Solution(problem, searchParams(problem));
  insertJobs(
    sol,
    problem.jobs.map((j) => j.index),
    new Random(seed),
    new Budget(1000, 1_000_000, undefined),
    0,
  );
  return { scenario, problem, setAside, sol };
}

/** Unbounded by work (an iteration budget): the descent runs to its local optimum. */
const descend = (sol: Solution) => localSearch(sol, new Budget(1000, 1_000_000, undefined), 1);

describe("local search (route judge, granular neighbourhoods)", () => {
  for (const timed of [false, true]) {
    it(`${timed ? "timed" : "untimed"} random weeks: checked plans, no dearer, every job kept, reproducible`, () => {
      let gained = 0;
      for (let seed = 1; seed <= 6; seed++) {
        const { scenario, problem, setAside, sol } = constructed(seed, timed);
        const before = sol.cost();
        const served = sol.routes.flatMap((r) => r.jobs).sort((a, b) => a - b);
        const again = sol.clone();
        descend(sol);
        descend(again);
        expect(again.routes.map((r) => r.jobs)).to.deep.equal(sol.routes.map((r) => r.jobs));
        expect(sol.cost()).to.be.at.most(before + 1e-9);
        if (sol.cost() < before - 1e-6) gained++;
        expect(sol.routes.flatMap((r) => r.jobs).sort((a, b) => a - b)).to.deep.equal(served);
        expectFeasible(scenario, toPlan(problem, sol, setAside, 0, 0));
      }
      // The descent must have had something to do, or this test checks nothing.
      expect(gained).to.be.greaterThan(3);
    });
  }

  it("the whole solver on a timed random week: the same seed and budget give the same, checked plan", () => {
    const scenario = randomWeekScenario(3, true);
    const first = solve(scenario, { seed: 1, maxIterations: 300 });
    const second = solve(scenario, { seed: 1, maxIterations: 300 });
    expectFeasible(scenario, first);
    expect(withoutSolveTime(second)).to.deep.equal(withoutSolveTime(first));
  });
});
