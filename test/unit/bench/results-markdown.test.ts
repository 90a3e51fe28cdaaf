import { expect } from "chai";
import type { InstanceResult } from "../../../bench/score/bench-score.js";
import { judgeTargets, summarizeSuite } from "../../../bench/score/bench-score.js";
import { type ResultsRecord, resultsMarkdown } from "../../../bench/score/results-markdown.js";

const base: InstanceResult = {
  suite: "cvrp-p",
  name: "P-n16-k8",
  kind: "cvrp",
  cost: 450,
  reference: 450,
  referenceOptimal: true,
  gapPct: 0,
  optimal: true,
  containers: 8,
  lowerBoundContainers: 8,
  unassigned: 0,
  unassignedReasons: [],
  timeS: 2.01,
  violations: 0,
  violationRules: [],
  notes: [],
};

describe("bench: results as Markdown for BENCHMARKS.md", () => {
  it("states machine and settings, the verdicts, the suite means and every row, flags included", () => {
    const results = [
      base,
      { ...base, name: "P-n19-k2", cost: 215, reference: 212, gapPct: 1.415, optimal: false, unassigned: 1 },
    ];
    const record: ResultsRecord = {
      date: "2026-12-02T03:04:05.000Z",
      machine: {
        nproc: 2,
        cpuModel: "AMD EPYC",
        node: "v20.20.2",
        platform: "linux x64",
        loadAverage1m: 1.5,
        loadAverage1mAtEnd: 2,
      },
      settings: { suites: ["cvrp-p"], timeLimitS: 2, demoTimeLimitS: 5, seed: 1, fleet: "k", filter: null },
      summaries: [summarizeSuite("cvrp-p", results)],
      verdicts: judgeTargets(results, ["cvrp-p"]),
      results,
    };
    const md = resultsMarkdown(record);
    expect(md).to.include("Run finished 2026-12-02 03:04 UTC on 2 CPU(s), AMD EPYC, Node v20.20.2");
    expect(md).to.include("2 s per instance (demo 5 s, the planner's default); seed 1; fleet k.");
    expect(md).to.include(
      "| cvrp-p: mean gap <= 0.05 % at 2 s | FAIL | mean gap 0.71 %; 1 instance(s) flagged |",
    );
    expect(md).to.include("| cvrp-p | 2 | 0.71 | 1 | 2.01 | 1 |");
    expect(resultsMarkdown({ ...record, settings: { ...record.settings, noClockStop: true } })).to.include(
      "fleet k; work budget only (no clock stop).",
    );
    // A run on a budget of iterations (`--iterations`) says so, not a time limit it never had.
    const byIterations = resultsMarkdown({
      ...record,
      settings: { ...record.settings, iterations: 300_000 },
    });
    expect(byIterations).to.include(
      "300000 iterations per instance on one thread, no clock; seed 1; fleet k.",
    );
    expect(byIterations).not.to.include("2 s per instance");
    expect(resultsMarkdown({ ...record, settings: { ...record.settings, iterations: null } })).to.include(
      "2 s per instance (demo 5 s",
    );
    expect(md).to.include("| P-n16-k8 | 450 | 450 | 0.00 | yes | 8 | 8 | 0 | 2.01 | 0 |");
    expect(md).to.include("| P-n19-k2 **!! 1 shipment(s) unassigned** | 215 | 212 | 1.42 | no |");
  });
});
