/** splitShipment: whole packages, parts weigh weight x parts / packages, sizes worked out by hand. */
import { expect } from "chai";
import { splitShipment } from "../../../shared/core/problem/split.js";

const shape = (pieces: ReturnType<typeof splitShipment>) => pieces.map((p) => p.packages);

describe("splitShipment", () => {
  it("keeps a one-package shipment whole, even when it is too heavy (TOO_LARGE is decided elsewhere)", () => {
    expect(splitShipment(4000, 2, 1, 3000, 20)).to.deep.equal([{ packages: 1, weightKg: 4000, volumeM3: 2 }]);
  });

  it("keeps a small multi-package shipment (<= 1/3 of a container) whole", () => {
    expect(splitShipment(900, 3, 10, 3000, 20)).to.deep.equal([{ packages: 10, weightKg: 900, volumeM3: 3 }]);
  });

  it("4,000 kg in 10 packages, 3,000 kg container: pieces of floor(1000 / 400) = 2 packages, 800 kg", () => {
    const pieces = splitShipment(4000, 5, 10, 3000, 20);
    expect(shape(pieces)).to.deep.equal([2, 2, 2, 2, 2]);
    for (const p of pieces) {
      expect(p.weightKg).to.equal(800);
      expect(p.volumeM3).to.equal(1);
    }
  });

  it("1,000 kg in 10 packages, 1,200 kg container: pieces of at most 4, as even as possible (4, 3, 3)", () => {
    const pieces = splitShipment(1000, 0, 10, 1200, 20);
    expect(shape(pieces)).to.deep.equal([4, 3, 3]);
    expect(pieces.map((p) => p.weightKg)).to.deep.equal([400, 300, 300]);
  });

  it("volume decides when it binds: 6 packages of 3 m3 in a 20 m3 container -> pieces of 2 (6 m3)", () => {
    const pieces = splitShipment(300, 18, 6, 3000, 20);
    expect(shape(pieces)).to.deep.equal([2, 2, 2]);
    expect(pieces.map((p) => p.volumeM3)).to.deep.equal([6, 6, 6]);
    expect(pieces.map((p) => p.weightKg)).to.deep.equal([100, 100, 100]);
  });

  it("every piece is whole packages and the pieces add up to the shipment", () => {
    for (const [w, v, n] of [
      [7000, 9, 13],
      [2999, 0, 7],
      [12000, 40, 40],
    ]) {
      const pieces = splitShipment(w, v, n, 3000, 20);
      expect(pieces.reduce((a, p) => a + p.packages, 0)).to.equal(n);
      expect(pieces.reduce((a, p) => a + p.weightKg, 0)).to.be.closeTo(w, 1e-6);
      for (const p of pieces) {
        expect(Number.isInteger(p.packages) && p.packages >= 1).to.equal(true);
        expect(p.weightKg).to.be.closeTo((w * p.packages) / n, 1e-9);
        expect(p.weightKg).to.be.at.most(3000);
      }
    }
  });
});
