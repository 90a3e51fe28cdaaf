import { expect } from "chai";
import { nextAction } from "../../../shared/views/container-actions.js";

const stops = (...picked: boolean[]) => picked.map((p, i) => ({ village: `v${i}`, pickedUp: p }));

describe("views/container-actions", () => {
  it("walks the lifecycle: confirm, pick up each stop in order, at port, sailed", () => {
    expect(nextAction("planned", stops(false, false))).to.deep.equal({ kind: "status", status: "confirmed" });
    expect(nextAction("confirmed", stops(false, false))).to.deep.equal({
      kind: "pickup",
      stop: 0,
      village: "v0",
    });
    expect(nextAction("picking-up", stops(true, false))).to.deep.equal({
      kind: "pickup",
      stop: 1,
      village: "v1",
    });
    expect(nextAction("picked-up", stops(true, true))).to.deep.equal({ kind: "status", status: "at-port" });
    expect(nextAction("at-port", stops(true, true))).to.deep.equal({ kind: "status", status: "sailed" });
  });

  it("offers nothing once sailed or replaced", () => {
    expect(nextAction("sailed", stops(true))).to.equal(undefined);
    expect(nextAction("superseded", stops(false))).to.equal(undefined);
  });
});
