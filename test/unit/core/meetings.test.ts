/**
 * Searches that meet (core/search/meetings.ts): at a meeting a search hands its best over and
 * carries on from a better one when it gets one back; a plan handed over is rebuilt exactly.
 */
import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import { insertJobs } from "../../../shared/core/construct/insertion.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import { betterStanding } from "../../../shared/core/search/better.js";
import { Budget } from "../../../shared/core/search/budget.js";
import { rebuild, type SharedBest, shareBest } from "../../../shared/core/search/meetings.js";
import { Random } from "../../../shared/core/search/random.js";
import { Solution } from "../../../shared/core/search/solution.js";
import { searchParams, solve } from "../../../shared/core/solve.js";
import { cvrpScenario } from "../../support/cvrplib.js";

const cvrp = cvrpScenario;

describe("meetings: searches of one week hand their best plans over", function () {
  this.timeout(120_000);
  // 100 customers: one annealing run (annealing-runs.ts), so meetings are held.
  const scenario = cvrp("P-n101-k4");

  it("a best handed over is rebuilt with the same routes, cost and leftovers", () => {
    const { problem } = compileProblem(scenario);
    const sol = new Solution(problem, searchParams(problem));
    const jobs = problem.jobs.map((j) => j.index);
    insertJobs(sol, jobs, new Random(5), new Budget(1000, undefined, undefined), 0);
    const shared = shareBest(sol);
    const back = rebuild(sol, structuredClone(shared));
    expect(back).to.not.equal(null);
    expect(back!.routes.map((r) => r.jobs)).to.deep.equal(sol.routes.map((r) => r.jobs));
    expect(back!.cost()).to.be.closeTo(sol.cost(), 1e-9);
    expect(back!.unassigned).to.deep.equal([]);
  });

  it("betterStanding: weight served first, then cost", () => {
    const plan = (unassignedKg: number, cost: number): SharedBest => ({
      routes: [],
      unassigned: [],
      unassignedKg,
      cost,
    });
    expect(betterStanding(plan(0, 900), plan(1, 500))).to.equal(true);
    expect(betterStanding(plan(0, 500), plan(0, 900))).to.equal(true);
    expect(betterStanding(plan(0, 900), plan(0, 900))).to.equal(false);
  });

  it("a search behind at a meeting carries on from the better plan it gets: it ends at least as good, checker clean", () => {
    // A long search's best, to be handed to a short one halfway.
    let leader: SharedBest | undefined;
    solve(scenario, {
      seed: 11,
      timeLimitMs: 1200,
      meetings: {
        at: [0.99],
        meet: (_i, best) => {
          leader = best;
          return best;
        },
      },
    });
    expect(leader).to.not.equal(undefined);
    const alone = solve(scenario, { seed: 3, timeLimitMs: 60 });
    // The short search alone ends behind the leader: else this test shows nothing.
    expect(alone.summary.distanceKm).to.be.greaterThan(leader!.cost + 1e-6);

    const held: number[] = [];
    const met = solve(scenario, {
      seed: 3,
      timeLimitMs: 60,
      meetings: {
        at: [0.5],
        meet: (index, best) => {
          held.push(index);
          return betterStanding(leader!, best) ? leader! : best;
        },
      },
    });
    expect(held).to.deep.equal([0]);
    expect(checkPlan(scenario, met)).to.deep.equal([]);
    expect(met.unassigned).to.deep.equal([]);
    expect(met.summary.distanceKm).to.be.at.most(leader!.cost + 1e-6);
  });

  it("a search ahead keeps its own walk: handed its own best back, it plans as without meetings", () => {
    const alone = solve(scenario, { seed: 4, timeLimitMs: 60 });
    const met = solve(scenario, {
      seed: 4,
      timeLimitMs: 60,
      meetings: { at: [0.3, 0.6], meet: (_i, best) => best },
    });
    expect({ ...met, summary: { ...met.summary, solveMs: 0 } }).to.deep.equal({
      ...alone,
      summary: { ...alone.summary, solveMs: 0 },
    });
  });
});
