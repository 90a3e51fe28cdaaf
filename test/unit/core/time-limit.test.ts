/**
 * The time limit is a promise (issue 8): whatever the machine's load, solve() returns the
 * best plan it has when the clock says time is up, and every phase after the search keeps
 * to it. The clocks here are fake and advance on every reading, so a "slow machine" is the
 * same on every run: the tests are about what solve() does with the time, not about speed.
 */
import { resolve } from "node:path";
import { expect } from "chai";
import { loadNationalData, makeNationalWeek } from "../../../scripts/national/national-week.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { solve } from "../../../shared/core/solve.js";
import { expectEveryPackageOnce, expectFeasible } from "../../support/plan-assertions.js";

function week(shipments: number, villages: number, seed: number): Scenario {
  const data = loadNationalData(resolve(__dirname, "../../../data/indonesia"));
  const v = validateScenario(makeNationalWeek(data, { seed, shipments, villages }));
  if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
  return v.scenario;
}

/** A clock that moves `msPerRead` every time it is read: a machine as slow as we like. */
function slowClock(msPerRead: number): { clock: () => number; now: () => number } {
  let t = 0;
  return {
    clock: () => {
      t += msPerRead;
      return t;
    },
    now: () => t,
  };
}

describe("the time limit is a promise", function () {
  this.timeout(120_000);
  const scenario = week(600, 60, 21);

  it("a clock that runs out while the first plan is built still gives a feasible plan carrying nearly everything", () => {
    // 0.05 ms per reading, 20 ms limit: time is up after a few hundred readings, mid-construction.
    const { clock, now } = slowClock(0.05);
    const plan = solve(scenario, { seed: 1, timeLimitMs: 20, clock });
    expectFeasible(scenario, plan);
    expectEveryPackageOnce(scenario, plan);
    const total = scenario.shipments.reduce((a, s) => a + s.weightKg, 0);
    expect(plan.summary.assignedWeightKg / total).to.be.greaterThan(0.9);
    // Once time is up nothing searches on: each job left is placed with one look (one reading
    // each), then the plan is written.
    expect(now()).to.be.lessThan(20 + 0.05 * 2 * scenario.shipments.length);
  });

  it("a week planned in parts keeps the limit too: every part and the repair stop at their deadlines", () => {
    const big = week(1700, 170, 22);
    const { clock, now } = slowClock(0.02);
    const plan = solve(big, { seed: 1, timeLimitMs: 200, clock, maxShipmentsPerPart: 300 });
    expectFeasible(big, plan);
    expectEveryPackageOnce(big, plan);
    const total = big.shipments.reduce((a, s) => a + s.weightKg, 0);
    expect(plan.summary.assignedWeightKg / total).to.be.greaterThan(0.9);
    expect(now()).to.be.lessThan(400);
  });

  it("without time pressure the clock changes nothing: the plan is the work budget's", () => {
    const fast = slowClock(0);
    const a = solve(scenario, { seed: 3, timeLimitMs: 300, clock: fast.clock });
    const b = solve(scenario, { seed: 3, timeLimitMs: 300 });
    expect(JSON.stringify({ ...a, summary: { ...a.summary, solveMs: 0 } })).to.equal(
      JSON.stringify({ ...b, summary: { ...b.summary, solveMs: 0 } }),
    );
  });
});
