import { expect } from "chai";
import {
  gapPct,
  type InstanceResult,
  judgeTargets,
  problems,
  scoreCost,
  summarizeSuite,
} from "../../../bench/score/bench-score.js";
import { resultLine } from "../../../bench/score/report-table.js";

function row(over: Partial<InstanceResult>): InstanceResult {
  return {
    suite: "cvrp-a",
    name: "A-n32-k5",
    kind: "cvrp",
    cost: 784,
    reference: 784,
    referenceOptimal: true,
    gapPct: 0,
    optimal: true,
    containers: 5,
    lowerBoundContainers: 5,
    unassigned: 0,
    unassignedReasons: [],
    timeS: 2,
    violations: 0,
    violationRules: [],
    notes: [],
    ...over,
  };
}

describe("bench: scoring and targets", () => {
  it("computes the gap to the reference in percent", () => {
    expect(gapPct(792, 784)).to.be.closeTo(1.0204, 1e-4);
    expect(scoreCost(49, 48)).to.deep.equal({ gapPct: (1 / 48) * 100, optimal: false });
    expect(scoreCost(48, 48)).to.deep.equal({ gapPct: 0, optimal: true });
    expect(scoreCost(1000, null)).to.deep.equal({ gapPct: null, optimal: null });
  });

  it("flags violations, unassigned shipments, errors and a cost below a proven optimum", () => {
    expect(problems(row({}))).to.deep.equal([]);
    expect(
      problems(row({ violations: 2, violationRules: ["CAPACITY_WEIGHT", "CAPACITY_WEIGHT"] })),
    ).to.deep.equal(["2 checker violation(s): CAPACITY_WEIGHT"]);
    expect(problems(row({ unassigned: 3 }))).to.deep.equal(["3 shipment(s) unassigned"]);
    expect(problems(row({ cost: 700 }))[0]).to.match(/below the proven optimum 784/);
    expect(problems(row({ cost: 700, referenceOptimal: false }))).to.deep.equal([]);
    expect(problems(row({ error: "boom" }))).to.deep.equal(["did not run: boom"]);
    expect(resultLine(row({ unassigned: 1 }))).to.match(/!! 1 shipment\(s\) unassigned$/);
    expect(resultLine(row({}))).to.not.include("!!");
    const demo = row({
      suite: "demo",
      kind: "demo",
      unassigned: 1,
      unassignedReasons: ["COF-LOT TOO_LARGE"],
    });
    expect(problems(demo)).to.deep.equal([]);
    expect(resultLine(demo)).to.match(/\(unassigned: COF-LOT TOO_LARGE\)$/);
    expect(problems({ ...demo, violations: 1, violationRules: ["LOAD_WEIGHT"] })).to.have.length(1);
  });

  it("judges the national week on time, memory, weight carried and containers against the bound, at 60 s", () => {
    const week = (over: Partial<InstanceResult>) =>
      row({
        suite: "national",
        kind: "national",
        name: "national-week-s1",
        timeS: 55,
        peakRssMb: 500,
        weightAssignedPct: 99.5,
        containers: 7100,
        lowerBoundContainers: 6700,
        unassigned: 12,
        ...over,
      });
    const verdicts = (r: InstanceResult, timeLimitS = 60) =>
      judgeTargets([r], ["national"], false, timeLimitS)
        .filter((v) => v.suite === "national")
        .map((v) => v.verdict);
    expect(verdicts(week({}))).to.deep.equal(["PASS", "PASS", "PASS", "PASS"]);
    // Unassigned parts of a week with finite fleets are data, not a flagged failure.
    expect(problems(week({}))).to.deep.equal([]);
    expect(verdicts(week({}), 2)).to.deep.equal(["NOT RUN", "NOT RUN", "NOT RUN", "NOT RUN"]);
    expect(
      verdicts(week({ timeS: 61, peakRssMb: 2100, weightAssignedPct: 96.9, containers: 8100 })),
    ).to.deep.equal(["FAIL", "FAIL", "FAIL", "FAIL"]);
    expect(resultLine(week({}))).to.match(/weight 99\.50 % assigned, 1\.060 x the lower bound, peak 500 MB/);
  });

  it("summarises a suite: mean gap, optimal count, mean time, flagged", () => {
    const rows = [
      row({ gapPct: 0, optimal: true, timeS: 1 }),
      row({ name: "A-n33-k5", gapPct: 2, optimal: false, timeS: 3, unassigned: 1 }),
      row({ suite: "cvrp-p", gapPct: 50 }),
    ];
    expect(summarizeSuite("cvrp-a", rows)).to.deep.equal({
      suite: "cvrp-a",
      instances: 2,
      meanGapPct: 1,
      optimal: 1,
      meanTimeS: 2,
      flagged: 1,
    });
  });

  it("passes a target only on a clean, whole-suite run at the time limit it is stated for", () => {
    const a = [row({ gapPct: 0 }), row({ name: "A-n33-k5", gapPct: 0.1 })];
    const bpp = Array.from({ length: 20 }, (_, i) =>
      row({ suite: "bpp-u120", kind: "bpp", name: `u120_${i}`, optimal: i < 18, gapPct: i < 18 ? 0 : 2 }),
    );
    const verdict = (rows: InstanceResult[], ran: string[], filtered = false, timeLimitS = 2) =>
      Object.fromEntries(judgeTargets(rows, ran, filtered, timeLimitS).map((v) => [v.suite, v.verdict]));

    expect(verdict([...a, ...bpp], ["cvrp-a", "bpp-u120"])).to.deep.equal({
      "cvrp-a": "PASS",
      "cvrp-b": "NOT RUN",
      "cvrp-p": "NOT RUN",
      "cvrp-x6": "NOT RUN",
      "bpp-u120": "PASS",
      "bpp-u500": "NOT RUN",
      "bpp-scholl-3": "NOT RUN",
      national: "NOT RUN",
      demo: "NOT RUN",
    });
    expect(verdict([row({ gapPct: 0.06 })], ["cvrp-a"])["cvrp-a"]).to.equal("FAIL");
    expect(
      verdict([row({ gapPct: 0, violations: 1, violationRules: ["X"] })], ["cvrp-a"])["cvrp-a"],
    ).to.equal("FAIL");
    expect(verdict(bpp.slice(1), ["bpp-u120"])["bpp-u120"]).to.equal("FAIL");
    expect(verdict(a, ["cvrp-a"], true)["cvrp-a"]).to.equal("NOT RUN");
    // A 2-s target says nothing about a 10-s run, and the 30-s X target nothing about 2 s.
    expect(verdict(a, ["cvrp-a"], false, 10)["cvrp-a"]).to.equal("NOT RUN");
    const x6 = [row({ suite: "cvrp-x6", name: "X-n101-k25", gapPct: 0.2 })];
    expect(verdict(x6, ["cvrp-x6"])["cvrp-x6"]).to.equal("NOT RUN");
    expect(verdict(x6, ["cvrp-x6"], false, 30)["cvrp-x6"]).to.equal("PASS");
    const u500 = Array.from({ length: 20 }, (_, i) =>
      row({ suite: "bpp-u500", kind: "bpp", name: `u500_${i}`, optimal: i < 19 }),
    );
    expect(verdict(u500, ["bpp-u500"])["bpp-u500"]).to.equal("FAIL");
    const demo = (timeS: number) => [
      row({ suite: "demo", kind: "demo", reference: null, gapPct: null, timeS }),
    ];
    expect(verdict(demo(9.9), ["demo"]).demo).to.equal("PASS");
    expect(verdict(demo(10), ["demo"]).demo).to.equal("FAIL");
    expect(verdict(demo(9.9), ["demo"], false, 30).demo).to.equal("PASS");
    // A budget of iterations measures what an iteration costs; the targets are set in seconds.
    const byIterations = judgeTargets(a, ["cvrp-a"], false, 2, 50_000).find((v) => v.suite === "cvrp-a");
    expect(byIterations).to.include({
      verdict: "NOT RUN",
      detail: "--iterations given: targets are set in seconds",
    });
  });

  it("marks a figure cut short by the clock's safety stop beside its row", () => {
    const line = resultLine(row({ timeS: 4.01, notes: ["clock stop: ran 4.0 s of a 2 s limit"] }));
    expect(line).to.match(/\(clock stop: ran 4\.0 s of a 2 s limit\)$/);
  });
});
