/** Rule 9 as the planner computes it: largest-remainder rupiah, shares by weight or measure. */
import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import { computeCharges, splitLargestRemainder } from "../../../shared/core/output/charges.js";
import { boxPlan, boxScenario } from "../check/box-fixtures.js";
import { basePlan, baseScenario } from "../check/check-fixtures.js";

describe("charges: each load line's share of its container and its box", () => {
  it("splits whole rupiah by the largest remainder, the earlier line on a tie", () => {
    expect(splitLargestRemainder(10, [1, 1, 1])).to.deep.equal([4, 3, 3]);
    expect(splitLargestRemainder(975000, [0.4, 1 / 3])).to.deep.equal([531818, 443182]);
    expect(splitLargestRemainder(100, [1])).to.deep.equal([100]);
    expect(splitLargestRemainder(0, [1, 2])).to.deep.equal([0, 0]);
    expect(splitLargestRemainder(7, [0, 0])).to.deep.equal([4, 3]); // nothing to weigh by: equal parts
  });

  it("rounds a fractional cost to the nearest rupiah and adds up to it exactly", () => {
    const parts = splitLargestRemainder(1_234_567.5, [0.31, 0.2, 0.17, 0.05, 0.27]);
    expect(parts.reduce((a, b) => a + b, 0)).to.equal(1_234_568);
    for (const p of parts) expect(Number.isInteger(p)).to.equal(true);
  });

  it("always adds up exactly, whatever the measures (random)", () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let k = 0; k < 500; k++) {
      const total = Math.floor(rnd() * 50_000_000) + rnd();
      const weights = Array.from({ length: 1 + Math.floor(rnd() * 9) }, () => rnd());
      const parts = splitLargestRemainder(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).to.equal(Math.round(total));
      const sum = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => {
        expect(Math.abs(p - (Math.round(total) * weights[i]) / sum)).to.be.below(1);
      });
    }
  });

  it("gives the hand-computed charges of the checker's fixtures (truck only, then with boxes)", () => {
    const plain = basePlan();
    expect(computeCharges(baseScenario(), plain.containers)).to.deep.equal(plain.charges);
    const boxed = boxPlan();
    expect(computeCharges(boxScenario(), boxed.containers, boxed.boxes)).to.deep.equal(boxed.charges);
    expect(
      checkPlan(boxScenario(), {
        ...boxed,
        charges: computeCharges(boxScenario(), boxed.containers, boxed.boxes),
      }),
    ).to.deep.equal([]);
  });

  it("charges one line per shipment per container, its loads at every stop together", () => {
    const plan = basePlan();
    const c = plan.containers[0];
    // SH1's four sacks loaded as 3 + 1 at two visits of V1 (a hand-made plan may do that).
    c.stops[0].load = [{ shipment: "SH1", packages: 3, weightKg: 900, volumeM3: 3 }];
    c.stops[1].load.push({ shipment: "SH1", packages: 1, weightKg: 300, volumeM3: 1 });
    const charges = computeCharges(baseScenario(), [c]);
    expect(charges.map((x) => [x.shipment, x.packages])).to.deep.equal([
      ["SH1", 4],
      ["SH6", 2],
    ]);
    expect(charges.map((x) => x.truck)).to.deep.equal([531818, 443182]);
  });
});
