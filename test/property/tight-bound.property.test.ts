/**
 * The tighter lower bound on random scenarios: what it rests on holds in real plans (every
 * container's load lines fall in one block: nothing the bound calls "cannot share" ever
 * shares), and it lies between the plain bound and the containers used.
 */
import { expect } from "chai";
import fc from "fast-check";
import { containerBlocks, tightContainerBound } from "../../shared/core/bounds/tight-bound.js";
import { containerLowerBound } from "../../shared/core/output/plan-summary.js";
import { solve } from "../../shared/core/solve.js";
import { scenarioArbitrary } from "../support/random-scenario.js";

describe("tightContainerBound (property, random scenarios)", function () {
  this.timeout(300_000);

  it("every container's lines are in one block, and plain <= tight <= containers used", () => {
    fc.assert(
      fc.property(scenarioArbitrary({ minSize: 10, maxSize: 60 }), ({ seed, scenario }) => {
        const plan = solve(scenario, { seed, maxIterations: 60 });
        const blocks = containerBlocks(scenario, plan.containers);
        blocks.forEach((lines, c) => {
          expect(new Set(lines).size, `${plan.containers[c].id} mixes blocks`).to.be.at.most(1);
        });
        const tight = tightContainerBound(scenario, plan.containers);
        expect(tight).to.be.at.least(containerLowerBound(scenario, plan.containers));
        expect(tight).to.be.at.most(plan.containers.length);
        expect(plan.summary.lowerBoundContainersTight).to.equal(tight);
      }),
      { numRuns: 30, seed: 20261129 },
    );
  });
});
