/**
 * The quality guard: a short benchmark that fails CI on a clear loss of solution quality.
 *
 * Twelve small CVRPLIB A/P instances and four Falkenauer u120 bin-packing instances go
 * through the product's path (converter -> validateScenario -> solve -> checkPlan, via the
 * bench's own runCase) with seed 1 and a fixed budget of work units and no clock, so the
 * plans, and this test's verdict, are the same on any machine under any load.
 *
 * Thresholds (measured 2026-11-29 at GUARD_WORK, commit e9e6c60): seed 1 gave a mean gap of
 * 0.10 % over the sixteen; seeds 2-5 gave 0.19, 0.12, 0.20 and 0.23 %, and no instance was
 * worse than 1.29 % under any of them. A harmless change to the search moves the figures
 * about as much as another seed does, so the limits sit above the worst seed: a mean of
 * 0.45 % (twice the worst seed), 1.5 % on an instance that is optimal at seed 1, 3 % on any
 * other. Bin packing: every u120 instance here was optimal under all five seeds; one bin
 * over on one of them is tolerated, two are not. A change that improves the search lowers
 * the figures and passes; lower the limits when the figures have moved for good.
 */
import { join, resolve } from "node:path";
import { expect } from "chai";
import { runCase } from "../../../bench/run-case.js";
import { type InstanceResult, problems } from "../../../bench/score/bench-score.js";
import { type BenchCase, loadSuite } from "../../../bench/suites/load-suite.js";
import { findSuite } from "../../../bench/suites/suite-catalog.js";
import { EXACT_WORK_PER_SECOND } from "../../../shared/core/search/budget.js";

const REPO = resolve(__dirname, "../../../");
const ROOTS = { repo: REPO, bench: join(REPO, "bench/data"), shared: join(REPO, "no-such-shared-data") };

/**
 * Work units per instance (a quarter of a second at 26M units/s). Stated in units, not
 * seconds, so recalibrating EXACT_WORK_PER_SECOND leaves the guard's plans unchanged.
 */
const GUARD_WORK = 6_500_000;
const SEED = 1;

/** Gap % at seed 1 and GUARD_WORK when the guard was set (the figures the limits are above). */
const CVRP_TODAY: Record<string, number> = {
  "A-n32-k5": 0,
  "A-n33-k6": 0,
  "A-n37-k6": 0,
  "A-n39-k6": 0.24,
  "A-n45-k7": 0,
  "A-n53-k7": 0.1,
  "A-n63-k10": 0.38,
  "P-n16-k8": 0,
  "P-n22-k8": 0,
  "P-n40-k5": 0,
  "P-n50-k10": 0.57,
  "P-n60-k15": 0.31,
};
const BPP = ["u120_00", "u120_02", "u120_08", "u120_12"];

const MAX_MEAN_GAP_PCT = 0.45;
const MAX_GAP_WAS_OPTIMAL_PCT = 1.5;
const MAX_GAP_PCT = 3;

function pick(suite: string, names: readonly string[]): BenchCase[] {
  const loaded = loadSuite(findSuite(suite)!, ROOTS, "k");
  if (!loaded.ok) throw new Error(loaded.note);
  return loaded.cases.filter((c) => names.includes(c.name));
}

describe("quality guard: 16 small benchmark instances at a fixed work budget, seed 1", function () {
  this.timeout(180_000);
  const results: InstanceResult[] = [];
  const cvrpNames = Object.keys(CVRP_TODAY);

  before(async () => {
    const settings = {
      seed: SEED,
      timeLimitS: GUARD_WORK / EXACT_WORK_PER_SECOND,
      demoTimeLimitS: GUARD_WORK / EXACT_WORK_PER_SECOND,
      noClockStop: true,
    };
    const cases = [...pick("cvrp-a", cvrpNames), ...pick("cvrp-p", cvrpNames), ...pick("bpp-u120", BPP)];
    expect(cases.map((c) => c.name).sort()).to.deep.equal([...cvrpNames, ...BPP].sort());
    for (const c of cases) results.push(await runCase(c, settings));
  });

  it("every plan passes checkPlan, serves every shipment and is never below a proven optimum", () => {
    const bad = results.flatMap((r) => problems(r).map((p) => `${r.name}: ${p}`));
    expect(bad).to.deep.equal([]);
    for (const r of results) expect(r.gapPct, r.name).to.be.a("number");
  });

  it(`mean gap over the sixteen <= ${MAX_MEAN_GAP_PCT} % (0.10 % when set)`, () => {
    const mean = results.reduce((s, r) => s + (r.gapPct ?? Infinity), 0) / results.length;
    const detail = results.map((r) => `${r.name} ${r.gapPct?.toFixed(2)} %`).join(", ");
    expect(mean, detail).to.be.at.most(MAX_MEAN_GAP_PCT);
  });

  it(`no CVRP instance above ${MAX_GAP_PCT} %, nor above ${MAX_GAP_WAS_OPTIMAL_PCT} % where it was optimal`, () => {
    for (const r of results.filter((x) => x.kind === "cvrp")) {
      const limit = CVRP_TODAY[r.name] === 0 ? MAX_GAP_WAS_OPTIMAL_PCT : MAX_GAP_PCT;
      expect(r.gapPct, `${r.name} (${CVRP_TODAY[r.name]} % when set)`).to.be.at.most(limit);
    }
  });

  it("bin packing: at most one u120 instance one bin over its optimum, none two", () => {
    const over = results.filter((r) => r.kind === "bpp").map((r) => (r.cost ?? 0) - (r.reference ?? 0));
    expect(over.filter((d) => d > 0).length, `bins over: ${over.join(", ")}`).to.be.at.most(1);
    expect(Math.max(...over), `bins over: ${over.join(", ")}`).to.be.at.most(1);
  });
});
