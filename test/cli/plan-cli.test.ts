/**
 * End to end: `scripts/plan.ts` in a child process, on the spec's example and on the demo
 * week, with every plan passed through the independent checker.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import type { Plan } from "../../shared/core/model/plan.js";
import { type Scenario, scenarioSchema } from "../../shared/core/model/scenario.js";
import { REPO, runPlanCli } from "./run-cli.js";

const EXAMPLE = join(REPO, "test/fixtures/example-scenario.json");
const DEMO = join(REPO, "data/demo/kalimantan-week.json");

function readScenario(path: string): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

function readPlan(path: string): Plan {
  return JSON.parse(readFileSync(path, "utf8")) as Plan;
}

describe("npm run plan (scripts/plan.ts)", function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "muatan-cli-"));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe("on the spec's example scenario", () => {
    let first: { status: number | null; stderr: string; stdout: string; plan: Plan };

    // On the work budget alone: the same seed and limit give the same plan however loaded the
    // machine (with the clock, only on an unloaded one: the clock keeps the limit a promise).
    const planExample = (out: string) =>
      runPlanCli([EXAMPLE, "--time-limit", "2", "--seed", "7", "--no-clock-stop", "--out", out]);

    before(async () => {
      const out = join(dir, "example-plan.json");
      const run = await planExample(out);
      first = { ...run, plan: existsSync(out) ? readPlan(out) : (undefined as unknown as Plan) };
    });

    it("exits 0 and writes a plan file, leaving stdout empty", () => {
      expect(first.status, first.stderr).to.equal(0);
      expect(first.plan).to.be.an("object");
      expect(first.stdout).to.equal("");
    });

    it("writes a plan the independent checker accepts", () => {
      expect(checkPlan(readScenario(EXAMPLE), first.plan)).to.deep.equal([]);
      expect(first.plan.containers.length).to.be.greaterThan(0);
    });

    it("accounts for every shipment: in a container or unassigned", () => {
      const scenario = readScenario(EXAMPLE);
      const seen = new Set([
        ...first.plan.containers.flatMap((c) => c.stops.flatMap((s) => s.load.map((l) => l.shipment))),
        ...first.plan.unassigned.map((u) => u.shipment),
      ]);
      expect([...seen].sort()).to.deep.equal(scenario.shipments.map((s) => s.id).sort());
    });

    it("prints the human summary on stderr, figures taken from the plan", () => {
      const s = first.plan.summary;
      expect(first.stderr).to.include(`${s.containers} used (lower bound ${s.lowerBoundContainers})`);
      expect(first.stderr).to.match(/cost\s+Rp \d{1,3}(\.\d{3})*\n/);
      expect(first.stderr).to.include("mean fill");
      expect(first.stderr).to.include("km");
      expect(first.stderr).to.include("solve time");
      for (const u of first.plan.unassigned) expect(first.stderr).to.include(`${u.shipment} (`);
      // Plain progress lines (stderr is not a TTY here), the last one the plan's own figures.
      expect(first.stderr).to.match(/planning 25%: \d+ containers, truck cost Rp /);
      const cost = first.stderr.match(/\n {2}cost\s+(Rp [\d.]+)\n/)?.[1];
      expect(first.stderr).to.include(
        `planned: ${s.containers} containers, cost ${cost}, ${first.plan.unassigned.length} unassigned\n`,
      );
    });

    it("gives the same containers for the same seed", async () => {
      const out = join(dir, "example-plan-again.json");
      const again = await planExample(out);
      expect(again.status, again.stderr).to.equal(0);
      const plan = readPlan(out);
      expect(plan.containers).to.deep.equal(first.plan.containers);
      expect(plan.unassigned).to.deep.equal(first.plan.unassigned);
    });

    it("writes the plan to stdout without --out", async () => {
      const run = await runPlanCli([EXAMPLE, "--time-limit", "1"]);
      expect(run.status, run.stderr).to.equal(0);
      const plan = JSON.parse(run.stdout) as Plan;
      expect(run.stdout).to.match(/^\{\n {2}"/); // 2-space indent
      expect(checkPlan(readScenario(EXAMPLE), plan)).to.deep.equal([]);
    });
  });

  describe("refuses bad input with exit 2 and writes nothing", () => {
    it("an invalid scenario: each error as path: message, no plan file", async () => {
      const scenario = JSON.parse(readFileSync(EXAMPLE, "utf8"));
      scenario.shipments[0].weightKg = 0;
      scenario.shipments[1].readyAt = "next Tuesday";
      const input = join(dir, "invalid.json");
      writeFileSync(input, JSON.stringify(scenario));
      const out = join(dir, "invalid-plan.json");
      const run = await runPlanCli([input, "--out", out]);
      expect(run.status).to.equal(2);
      expect(run.stderr).to.include("shipments[0].weightKg: must be > 0");
      expect(run.stderr).to.match(/^shipments\[1\]\.readyAt: must be an ISO 8601 instant/m);
      expect(existsSync(out)).to.equal(false);
      expect(run.stdout).to.equal("");
    });

    it("a scenario whose references do not resolve", async () => {
      const scenario = JSON.parse(readFileSync(EXAMPLE, "utf8"));
      scenario.shipments[3].village = "no-such-village";
      const input = join(dir, "dangling.json");
      writeFileSync(input, JSON.stringify(scenario));
      const run = await runPlanCli([input]);
      expect(run.status).to.equal(2);
      expect(run.stderr).to.include('shipments[3].village: unknown village "no-such-village"');
      expect(run.stdout).to.equal("");
    });

    it("field errors and unknown references in one round", async () => {
      const scenario = JSON.parse(readFileSync(EXAMPLE, "utf8"));
      scenario.shipments[0].weightKg = 0;
      scenario.shipments[1].village = "ghost";
      scenario.sailings[0].departure = "2027-02-30T20:00:00+08:00";
      const input = join(dir, "one-round.json");
      writeFileSync(input, JSON.stringify(scenario));
      const run = await runPlanCli([input]);
      expect(run.status).to.equal(2);
      expect(run.stderr).to.include("shipments[0].weightKg: must be > 0");
      expect(run.stderr).to.include('shipments[1].village: unknown village "ghost"');
      expect(run.stderr).to.match(/^sailings\[0\]\.departure: is not a real date and time/m);
      expect(run.stdout).to.equal("");
    });

    it("a file that is not JSON", async () => {
      const input = join(dir, "broken.json");
      writeFileSync(input, '{ "containerTypes": [');
      const run = await runPlanCli([input, "--out", join(dir, "broken-plan.json")]);
      expect(run.status).to.equal(2);
      expect(run.stderr).to.match(/broken\.json is not valid JSON/);
      expect(existsSync(join(dir, "broken-plan.json"))).to.equal(false);
    });

    it("a file that does not exist", async () => {
      const run = await runPlanCli([join(dir, "missing.json")]);
      expect(run.status).to.equal(2);
      expect(run.stderr).to.match(/cannot read scenario .*missing\.json: no such file/);
    });

    it("an --out folder that does not exist, before spending the time limit", async () => {
      const out = join(dir, "nowhere", "plan.json");
      const run = await runPlanCli([EXAMPLE, "--out", out]);
      expect(run.status).to.equal(2);
      expect(run.stderr).to.include("does not exist");
      expect(run.stderr).not.to.include("planning");
    });

    for (const [what, args, message] of [
      ["an unknown flag", ["--frobnicate"], /Unknown option '--frobnicate'/],
      ["a non-numeric seed", ["--seed", "abc"], /--seed must be a whole number >= 0, got "abc"/],
      [
        "a negative time limit",
        ["--time-limit=-3"],
        /--time-limit must be a positive number of seconds, got "-3"/,
      ],
      ["no scenario file", [], /missing SCENARIO\.json/],
    ] as const) {
      it(what, async () => {
        const run = await runPlanCli(what === "no scenario file" ? [...args] : [EXAMPLE, ...args]);
        expect(run.status).to.equal(2);
        expect(run.stderr).to.match(message);
        expect(run.stderr).to.include("usage: npm run plan -- SCENARIO.json");
        expect(run.stdout).to.equal("");
      });
    }
  });

  describe("on the demo week (data/demo/kalimantan-week.json)", () => {
    const limitS = 3;
    let run: Awaited<ReturnType<typeof runPlanCli>>;
    let plan: Plan;
    const scenario = readScenario(DEMO);

    before(async () => {
      const out = join(dir, "demo-plan.json");
      run = await runPlanCli([DEMO, "--time-limit", String(limitS), "--seed", "1", "--out", out]);
      plan = readPlan(out);
    });

    it("plans with exit 0, the search stopped by its budget", () => {
      expect(run.status, run.stderr).to.equal(0);
      // The time limit is a work budget; the clock stops a slow machine at twice the limit
      // (speed itself is measured by npm run bench, not here).
      expect(plan.summary.solveMs).to.be.at.most(2 * limitS * 1000 + 1000);
    });

    it("passes the independent checker", () => {
      expect(checkPlan(scenario, plan)).to.deep.equal([]);
    });

    it("leaves out the four hard shipments, each for its own reason", () => {
      const reasons = Object.fromEntries(plan.unassigned.map((u) => [u.shipment, u.reason]));
      expect(reasons).to.include({
        "COF-LOT": "TOO_LARGE",
        "RTN-NL": "NO_SAILING",
        "AVO-LATE": "TIME",
        "SWD-PULAULAUT": "NO_ROUTE",
      });
      for (const id of ["COF-LOT", "RTN-NL", "AVO-LATE", "SWD-PULAULAUT"]) expect(run.stderr).to.include(id);
    });

    it("carries nearly all the rest: the demo is built to be feasible", () => {
      const hard = new Set(["COF-LOT", "RTN-NL", "AVO-LATE", "SWD-PULAULAUT"]);
      const rest = scenario.shipments.filter((s) => !hard.has(s.id));
      const restKg = rest.reduce((sum, s) => sum + s.weightKg, 0);
      const leftKg = plan.unassigned
        .filter((u) => !hard.has(u.shipment))
        .reduce((sum, u) => {
          const s = rest.find((x) => x.id === u.shipment)!;
          return sum + (s.weightKg * u.packages) / (s.packages ?? 1);
        }, 0);
      expect(leftKg / restKg).to.be.below(0.05);
    });
  });
});
