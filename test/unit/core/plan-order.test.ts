/**
 * Which of two plans for one week is kept (output/plan-order.ts): the spec's objective, rule 7.
 */
import { expect } from "chai";
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { betterPlan, planCost } from "../../../shared/core/output/plan-order.js";

function plan(assignedWeightKg: number, distanceKm: number, cost: number, freight?: number): Plan {
  return {
    containers: [],
    charges: [],
    unassigned: [],
    summary: {
      containers: 1,
      distanceKm,
      cost,
      assignedWeightKg,
      unassignedWeightKg: 0,
      meanWeightFill: 0,
      meanVolumeFill: 0,
      lowerBoundContainers: 1,
      ...(freight === undefined ? {} : { freight, boxes: 1, lowerBoundBoxes: 1 }),
      solveMs: 0,
    },
  };
}

const byCost = { objective: "cost" } as Scenario;
const byDistance = { objective: "distance" } as Scenario;

describe("betterPlan: weight assigned first, then the objective's cost", () => {
  it("more weight wins, even at a far higher cost", () => {
    expect(betterPlan(byCost, plan(3000, 900, 9_000_000), plan(2999, 10, 100))).to.equal(true);
    expect(betterPlan(byCost, plan(2999, 10, 100), plan(3000, 900, 9_000_000))).to.equal(false);
  });

  it("the same weight: the lower cost for cost, counting boxes' freight", () => {
    expect(betterPlan(byCost, plan(3000, 500, 1000), plan(3000, 100, 1200))).to.equal(true);
    // 1,000 + 400 freight against 1,200 without boxes.
    expect(betterPlan(byCost, plan(3000, 500, 1000, 400), plan(3000, 100, 1200))).to.equal(false);
    expect(planCost(byCost, plan(3000, 500, 1000, 400))).to.equal(1400);
  });

  it("the same weight: the shorter distance for distance, whatever the cost", () => {
    expect(betterPlan(byDistance, plan(3000, 100, 5000), plan(3000, 101, 10))).to.equal(true);
    expect(planCost(byDistance, plan(3000, 100, 5000))).to.equal(100);
  });

  it("a tie is not better either way, nor is a difference of rounding", () => {
    expect(betterPlan(byCost, plan(3000, 1, 1000), plan(3000, 2, 1000))).to.equal(false);
    expect(betterPlan(byCost, plan(3000 + 1e-9, 1, 1000 - 1e-9), plan(3000, 1, 1000))).to.equal(false);
  });
});
