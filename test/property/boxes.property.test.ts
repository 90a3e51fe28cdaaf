/**
 * Sea boxes and charges on random weeks (test/support/random-scenario.ts with `boxes`):
 * every plan passes checkPlan (rules 8 and 9 included), every package is placed exactly
 * once, each container's truck charges add up exactly to its rounded cost and each box's
 * freight charges to its freight, and the box figures are consistent with the bound.
 * Fixed fast-check seeds keep CI repeatable; on failure rebuild the case with
 * `randomScenario(seed, size, { boxes: true })`.
 */
import { expect } from "chai";
import fc from "fast-check";
import type { Plan } from "../../shared/core/model/plan.js";
import { solve } from "../../shared/core/solve.js";
import { expectEveryPackageOnce, expectFeasible, withoutSolveTime } from "../support/plan-assertions.js";
import { scenarioArbitrary } from "../support/random-scenario.js";

const budget = (seed: number) => ({ seed, maxIterations: 150 });

function expectChargesAddUp(plan: Plan): void {
  for (const c of plan.containers) {
    const lines = plan.charges.filter((x) => x.container === c.id);
    expect(
      lines.reduce((a, x) => a + x.truck, 0),
      c.id,
    ).to.equal(Math.round(c.cost));
    for (const x of lines) expect(Number.isInteger(x.truck) && Number.isInteger(x.freight)).to.equal(true);
  }
  for (const b of plan.boxes ?? []) {
    const ids = new Set(b.containers);
    const lines = plan.charges.filter((x) => ids.has(x.container));
    expect(
      lines.reduce((a, x) => a + x.freight, 0),
      b.id,
    ).to.equal(Math.round(b.freight));
  }
  const boxed = new Set((plan.boxes ?? []).flatMap((b) => b.containers));
  for (const x of plan.charges) if (!boxed.has(x.container)) expect(x.freight).to.equal(0);
}

describe("solve with sea boxes (property, random scenarios)", function () {
  this.timeout(600_000);

  it("every plan passes checkPlan, nothing lost or doubled, charges add up", () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxSize: 14, boxes: true }), ({ seed, scenario }) => {
        const plan = solve(scenario, budget(seed));
        expectFeasible(scenario, plan);
        expectEveryPackageOnce(scenario, plan);
        expectChargesAddUp(plan);
        expect(plan.summary.lowerBoundBoxes).to.be.at.most(plan.summary.boxes!);
        const onSailings = plan.containers.filter((c) => c.sailing !== undefined).length;
        expect(plan.boxes!.reduce((a, b) => a + b.containers.length, 0)).to.equal(onSailings);
      }),
      { numRuns: 30, seed: 20261129 },
    );
  });

  it("larger weeks (40-80 shipments): feasible, nothing lost", () => {
    fc.assert(
      fc.property(scenarioArbitrary({ minSize: 40, maxSize: 80, boxes: true }), ({ seed, scenario }) => {
        const plan = solve(scenario, budget(seed));
        expectFeasible(scenario, plan);
        expectEveryPackageOnce(scenario, plan);
        expectChargesAddUp(plan);
      }),
      { numRuns: 6, seed: 20261130 },
    );
  });

  it("the same seed gives the identical plan, boxes and charges too", () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxSize: 10, boxes: true }), ({ seed, scenario }) => {
        const a = JSON.stringify(withoutSolveTime(solve(scenario, budget(seed))));
        const b = JSON.stringify(withoutSolveTime(solve(structuredClone(scenario), budget(seed))));
        expect(b).to.equal(a);
      }),
      { numRuns: 10, seed: 20261131 },
    );
  });
});
