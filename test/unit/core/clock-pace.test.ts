/**
 * A machine slower than the work count (search/budget.ts): the search's schedule follows the
 * clock once it falls well behind, so annealing cools down by the deadline instead of being
 * cut off while still hot; a machine that keeps pace plans by work alone. The clocks here are
 * fake, so the "machine" is the same on every run.
 */
import { expect } from "chai";
import { Budget, CLOCK_PACE_SLACK } from "../../../shared/core/search/budget.js";
import { type SolveProgress, solve } from "../../../shared/core/solve.js";
import { cvrpScenario } from "../../support/cvrplib.js";
import { expectFeasible } from "../../support/plan-assertions.js";

const RATE = 1_000_000;

/** A budget of one second (1M units) whose clock the test sets. */
function budgetAt(): { budget: Budget; at: (ms: number) => void } {
  let now = 0;
  const budget = new Budget(1000, undefined, () => now, undefined, RATE);
  return { budget, at: (ms) => (now = ms) };
}

describe("search/budget: the clock paces a search that falls behind", () => {
  it("keeps the work count's share while the machine keeps pace", () => {
    const { budget, at } = budgetAt();
    budget.work = 0.6 * RATE;
    at(500);
    expect(budget.fraction()).to.equal(0.6);
    // Behind, but within the slack: still the work's share (start-up, a slow moment).
    budget.work = 0.1 * RATE;
    at(1000 * CLOCK_PACE_SLACK);
    expect(budget.fraction()).to.equal(0.1);
  });

  it("follows the clock when far behind, reaching the end at the deadline", () => {
    const { budget, at } = budgetAt();
    budget.work = 0.1 * RATE;
    at(600);
    expect(budget.fraction()).to.be.closeTo((0.6 - CLOCK_PACE_SLACK) / (1 - CLOCK_PACE_SLACK), 1e-12);
    at(1000);
    expect(budget.fraction()).to.equal(1);
    at(5000);
    expect(budget.fraction()).to.equal(1);
  });

  it("without a clock, the work count alone", () => {
    const budget = new Budget(1000, undefined, undefined, undefined, RATE);
    budget.work = 0.25 * RATE;
    expect(budget.fraction()).to.equal(0.25);
  });

  it("a search on a slow machine reaches the end of its schedule by the deadline, with a checked plan", function () {
    this.timeout(60_000);
    const scenario = cvrpScenario("P-n101-k4");
    // Each reading of the clock moves it on: at this pace the deadline comes long before the work
    // count's end (the search reads the clock a few times an iteration).
    let now = 0;
    const clock = () => (now += 0.005);
    const seen: SolveProgress[] = [];
    const plan = solve(scenario, { seed: 1, timeLimitMs: 300, clock, onProgress: (p) => seen.push(p) });
    expectFeasible(scenario, plan);
    expect(plan.unassigned).to.deep.equal([]);
    // The search's own reports (the last one is the finished plan's): far along by the deadline.
    const searching = seen.slice(0, -1).map((p) => p.fraction);
    expect(Math.max(...searching)).to.be.greaterThan(0.9);
    expect(now).to.be.lessThan(600);
  });
});
