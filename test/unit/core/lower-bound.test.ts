/** Martello-Toth L2 and the container lower bound, with hand-computed values. */
import { expect } from "chai";
import {
  type BoundItem,
  containerLowerBound,
  martelloTothL2,
} from "../../../shared/core/bounds/lower-bound.js";
import type { Handling } from "../../../shared/core/model/scenario.js";

const CAP = { weightKg: 3000, volumeM3: 20 };
const item = (handling: Handling, packages: number, unitWeightKg: number, unitVolumeM3 = 0): BoundItem => ({
  handling,
  packages,
  unitWeightKg,
  unitVolumeM3,
});

describe("martelloTothL2", () => {
  it("three items of 60 in bins of 100: continuous says 2, L2 says 3 (no two share a bin)", () => {
    expect(martelloTothL2([[60, 3]], 100)).to.equal(3);
  });

  it("2 x 70 and 3 x 40: continuous ceil(260 / 100) = 3, L2 with k = 40 gives 2 + ceil(120 / 100) = 4", () => {
    expect(
      martelloTothL2(
        [
          [70, 2],
          [40, 3],
        ],
        100,
      ),
    ).to.equal(4);
  });

  it("2 x 60 and 2 x 40 pair up perfectly: 2", () => {
    expect(
      martelloTothL2(
        [
          [60, 2],
          [40, 2],
        ],
        100,
      ),
    ).to.equal(2);
  });

  it("nothing to pack: 0", () => {
    expect(martelloTothL2([], 100)).to.equal(0);
  });
});

describe("containerLowerBound", () => {
  it("L2 beats the continuous bound: 3 packages of 1,600 kg need 3 containers, not ceil(4800 / 3000) = 2", () => {
    expect(containerLowerBound([item("dry", 3, 1600)], null, CAP)).to.equal(3);
  });

  it("reefer classes are disjoint: 100 kg each of chilled, frozen and live need 3 reefers, plus 1 for dry", () => {
    const items = [item("chilled", 1, 100), item("frozen", 1, 100), item("live", 1, 100)];
    expect(containerLowerBound(items, CAP, CAP)).to.equal(3);
    expect(containerLowerBound([...items, item("dry", 1, 100)], CAP, CAP)).to.equal(4);
  });

  it("dry and dangerous are disjoint (2); dangerous with general is not (1)", () => {
    expect(containerLowerBound([item("dry", 1, 100), item("dangerous", 1, 100)], null, CAP)).to.equal(2);
    expect(containerLowerBound([item("general", 1, 100), item("dangerous", 1, 100)], null, CAP)).to.equal(1);
  });

  it("volume binds: 10 packages of 3 m3 in 20 m3 containers need ceil(30 / 20) = 2", () => {
    expect(containerLowerBound([item("dry", 10, 1, 3)], null, CAP)).to.equal(2);
  });
});
