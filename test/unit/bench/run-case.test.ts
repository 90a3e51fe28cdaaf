import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect } from "chai";
import { runCase } from "../../../bench/run-case.js";
import { type BenchCase, loadSuite } from "../../../bench/suites/load-suite.js";
import { findSuite } from "../../../bench/suites/suite-catalog.js";

const REPO = resolve(__dirname, "../../../");
const ROOTS = { repo: REPO, bench: join(REPO, "bench/data"), shared: join(REPO, "no-such-shared-data") };
const settings = { seed: 1, timeLimitS: 0.5, demoTimeLimitS: 0.5 };

function cases(suite: string, filter?: RegExp): BenchCase[] {
  const loaded = loadSuite(findSuite(suite)!, ROOTS, "k", filter);
  if (!loaded.ok) throw new Error(loaded.note);
  return loaded.cases;
}

describe("bench: suites and one case through validate -> solve -> checkPlan", () => {
  it("finds the bundled suites with their references", () => {
    const a = cases("cvrp-a");
    expect(a).to.have.length(27);
    expect(a.find((c) => c.name === "A-n32-k5")).to.include({
      reference: 784,
      referenceOptimal: true,
      kind: "cvrp",
    });
    expect(cases("cvrp-p")).to.have.length(23);
    expect(cases("cvrp-b")).to.have.length(23);
    expect(cases("cvrp-b").find((c) => c.name === "B-n31-k5")).to.include({ reference: 672 });
    expect(cases("bpp-u500")).to.have.length(20);
    const hard = cases("bpp-scholl-3");
    expect(hard.map((c) => c.name)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `HARD${i}`));
    expect(hard[0]).to.include({ reference: 56, referenceOptimal: true });
    const u120 = cases("bpp-u120");
    expect(u120).to.have.length(20);
    expect(u120.find((c) => c.name === "u120_08")).to.include({ reference: 50, referenceOptimal: true });
    expect(cases("cvrp-a", /^A-n3[27]/).map((c) => c.name)).to.deep.equal([
      "A-n32-k5",
      "A-n37-k5",
      "A-n37-k6",
    ]);
  });

  it("a budget of iterations gives the same plan whatever the time limit, checked", async function () {
    this.timeout(20_000);
    const [c] = cases("cvrp-a", /^A-n32-k5$/);
    const short = await runCase(c, { ...settings, timeLimitS: 0.05, iterations: 3000 });
    const long = await runCase(c, { ...settings, timeLimitS: 30, iterations: 3000 });
    expect(short.error).to.equal(undefined);
    expect(short.violations).to.equal(0);
    expect(short.unassigned).to.equal(0);
    expect(long.cost).to.equal(short.cost);
    expect(long.timeS).to.be.below(10);
  });

  it("skips a suite whose data is absent with a note instead of failing", () => {
    const loaded = loadSuite(findSuite("cvrp-x")!, ROOTS, "k");
    expect(loaded.ok).to.equal(false);
    if (!loaded.ok) expect(loaded.note).to.match(/no-such-shared-data.*cvrp-x skipped/);
  });

  it("cvrp-x6 takes only issue 8's six X instances, with the unlimited fleet their references are for", () => {
    const shared = mkdtempSync(join(tmpdir(), "muatan-x6-"));
    try {
      mkdirSync(join(shared, "cvrplib/X"), { recursive: true });
      const vrp = (name: string) =>
        [
          `NAME : ${name}`,
          "TYPE : CVRP",
          "DIMENSION : 3",
          "EDGE_WEIGHT_TYPE : EUC_2D",
          "CAPACITY : 10",
          "NODE_COORD_SECTION",
          "1 0 0",
          "2 3 4",
          "3 6 8",
          "DEMAND_SECTION",
          "1 0",
          "2 6",
          "3 6",
          "DEPOT_SECTION",
          "1",
          "-1",
          "EOF",
        ].join("\n");
      for (const name of ["X-n101-k25", "X-n106-k14"])
        writeFileSync(join(shared, `cvrplib/X/${name}.vrp`), vrp(name));
      writeFileSync(join(shared, "cvrplib/bks.json"), JSON.stringify({ "X-n101-k25": { cost: 20 } }));
      const loaded = loadSuite(findSuite("cvrp-x6")!, { ...ROOTS, shared }, "k");
      if (!loaded.ok) throw new Error(loaded.note);
      expect(loaded.cases.map((c) => c.name)).to.deep.equal(["X-n101-k25"]);
      // Two customers of 6 in trucks of 10: "k25" would cap the fleet at 25; unlimited has no fleet.
      const scenario = loaded.cases[0].build().scenario as { depots: { fleet?: unknown }[] };
      expect(scenario.depots[0].fleet).to.equal(undefined);
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });

  it("plans P-n16-k8 with its 8 trucks: every customer served, checker clean, no better than the optimum", async () => {
    const [c] = cases("cvrp-p", /^P-n16-k8$/);
    const r = await runCase(c, settings);
    expect(r.error).to.equal(undefined);
    expect(r.violations).to.equal(0);
    expect(r.unassigned).to.equal(0);
    expect(r.containers).to.be.at.most(8);
    expect(r.cost).to.be.at.least(450);
    expect(r.gapPct).to.equal(((r.cost! - 450) / 450) * 100);
  });

  it("packs u120_00 into bins: containers are the cost, never under the proven optimum 48", async () => {
    const [c] = cases("bpp-u120", /^u120_00$/);
    const r = await runCase(c, settings);
    expect(r.error).to.equal(undefined);
    expect(r.violations).to.equal(0);
    expect(r.unassigned).to.equal(0);
    expect(r.cost).to.equal(r.containers);
    expect(r.cost).to.be.at.least(48);
    expect(r.lowerBoundContainers).to.be.at.most(48);
  });

  it("reports an invalid scenario as an error naming the field, without solving", async () => {
    const bad: BenchCase = {
      suite: "demo",
      name: "bad",
      kind: "demo",
      reference: null,
      referenceOptimal: false,
      build: () => ({
        scenario: { containerTypes: [{ id: "x", maxWeightKg: -1, maxVolumeM3: 1 }] },
        notes: [],
      }),
    };
    const r = await runCase(bad, settings);
    expect(r.error).to.match(/invalid scenario: .*containerTypes\[0\]\.maxWeightKg: must be > 0/);
    expect(r.timeS).to.equal(null);
  });
});
