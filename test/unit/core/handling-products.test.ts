/** Which handling classes share a container, and the never-together product rule set. */
import { expect } from "chai";
import { HANDLING_CLASSES, type Handling } from "../../../shared/core/model/scenario.js";
import { classesMayShare, needsReefer } from "../../../shared/core/rules/handling.js";
import { DEFAULT_NEVER_TOGETHER, neverTogetherPairs } from "../../../shared/core/rules/products.js";

// The spec's table, written out: Y = may share.
const TABLE: Record<Handling, string> = {
  //        dry gen dan chi fro liv
  dry: "YYNNNN",
  general: "YYYNNN",
  dangerous: "NYYNNN",
  chilled: "NNNYNN",
  frozen: "NNNNYN",
  live: "NNNNNY",
};

describe("classesMayShare / needsReefer", () => {
  for (const a of HANDLING_CLASSES) {
    it(`${a} shares with exactly: ${HANDLING_CLASSES.filter((_, j) => TABLE[a][j] === "Y").join(", ")}`, () => {
      HANDLING_CLASSES.forEach((b, j) => {
        expect(classesMayShare(a, b), `${a} + ${b}`).to.equal(TABLE[a][j] === "Y");
        expect(classesMayShare(b, a), `${b} + ${a}`).to.equal(TABLE[a][j] === "Y");
      });
    });
  }

  it("chilled, frozen and live need a reefer; the ambient classes do not", () => {
    expect(HANDLING_CLASSES.filter(needsReefer)).to.deep.equal(["chilled", "frozen", "live"]);
  });
});

describe("neverTogetherPairs", () => {
  it("without scenario pairs is the default set (coffee + dried-seaweed among them)", () => {
    const pairs = neverTogetherPairs();
    expect(pairs).to.deep.equal(DEFAULT_NEVER_TOGETHER.map(([a, b]) => [a, b]));
    expect(pairs).to.deep.include(["coffee", "dried-seaweed"]);
  });

  it("adds a scenario's pairs, drops a pair already there in either order and a product paired with itself", () => {
    const pairs = neverTogetherPairs([
      ["dried-seaweed", "coffee"],
      ["vanilla", "vanilla"],
      ["vanilla", "cloves"],
      ["cloves", "vanilla"],
    ]);
    expect(pairs).to.have.length(DEFAULT_NEVER_TOGETHER.length + 1);
    expect(pairs[pairs.length - 1]).to.deep.equal(["vanilla", "cloves"]);
  });
});
