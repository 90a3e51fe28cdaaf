/** The `boxes` bench suite: the spec's boxes week, scored like the demo, with box figures in the report. */
import { expect } from "chai";
import { runCase } from "../../../bench/run-case.js";
import { boxesAside, resultLine } from "../../../bench/score/report-table.js";
import { loadSuite } from "../../../bench/suites/load-suite.js";
import { findSuite } from "../../../bench/suites/suite-catalog.js";
import { REPO } from "../../cli/run-cli.js";

describe("bench suite boxes", () => {
  it("runs the spec's example week with sea boxes through the product path and reports boxes against their bound", async function () {
    this.timeout(120_000);
    const loaded = loadSuite(
      findSuite("boxes")!,
      { repo: REPO, bench: `${REPO}/bench/data`, shared: "/nonexistent" },
      "k",
    );
    if (!loaded.ok) throw new Error(loaded.note);
    expect(loaded.cases.map((c) => c.name)).to.deep.equal(["example-scenario-boxes"]);
    const r = await runCase(loaded.cases[0], {
      seed: 1,
      timeLimitS: 1,
      demoTimeLimitS: 1,
      noClockStop: true,
    });
    expect(r.error).to.equal(undefined);
    expect(r.violations).to.equal(0);
    expect(r.boxes!.boxes).to.be.at.least(r.boxes!.lowerBound);
    expect(r.boxes!.freight).to.be.above(0);
    expect(resultLine(r)).to.include(boxesAside(r.boxes!));
    expect(boxesAside({ boxes: 14, lowerBound: 13, freight: 175_000_000 })).to.equal(
      "sea boxes 14 (LB 13), freight Rp 175.0 M",
    );
  });
});
