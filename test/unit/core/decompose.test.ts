/**
 * Decomposition of big weeks (shared/core/decompose): parts are valid scenarios that never
 * mix islands and share the fleet and sailing places exactly; plans of the parts merge
 * (and repair) into one plan the checker accepts against the whole week, every package once.
 */
import { resolve } from "node:path";
import { expect } from "chai";
import { loadNationalData, makeNationalWeek } from "../../../scripts/national/national-week.js";
import { mergePartPlans, partitionScenario } from "../../../shared/core/decompose/index.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { solve } from "../../../shared/core/solve.js";
import { expectEveryPackageOnce, expectFeasible, withoutSolveTime } from "../../support/plan-assertions.js";

const DATA = resolve(__dirname, "../../../data/indonesia");

function week(shipments: number, villages: number, seed = 3): Scenario {
  const v = validateScenario(makeNationalWeek(loadNationalData(DATA), { seed, shipments, villages }));
  if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
  return v.scenario;
}

describe("partitionScenario", () => {
  const scenario = week(2400, 240);
  const { parts } = partitionScenario(scenario, { maxShipmentsPerPart: 300 });

  it("splits by island, then into parts of at most the asked size, each a valid scenario", () => {
    expect(parts.length).to.be.greaterThanOrEqual(8);
    const islands = new Map(scenario.villages.map((v) => [v.id, v.island]));
    for (const part of parts) {
      const valid = validateScenario(part.scenario);
      expect(valid.ok, `${part.id}: ${JSON.stringify(!valid.ok && valid.errors.slice(0, 3))}`).to.equal(true);
      expect(part.scenario.shipments.length).to.be.at.most(300);
      expect(part.island).to.be.a("string");
      for (const sh of part.scenario.shipments) expect(islands.get(sh.village)).to.equal(part.island);
      for (const place of [...part.scenario.depots, ...part.scenario.ports, ...part.scenario.villages])
        expect(place.island).to.equal(part.island);
    }
  });

  it("puts every shipment in exactly one part, whole", () => {
    const seen = new Map<string, number>();
    for (const part of parts)
      for (const sh of part.scenario.shipments) seen.set(sh.id, (seen.get(sh.id) ?? 0) + 1);
    expect(seen.size).to.equal(scenario.shipments.length);
    expect([...seen.values()].every((n) => n === 1)).to.equal(true);
    const original = new Map(scenario.shipments.map((s) => [s.id, s]));
    for (const part of parts)
      for (const sh of part.scenario.shipments) expect(sh).to.equal(original.get(sh.id));
  });

  it("shares each depot's fleet and each sailing's places exactly between the parts", () => {
    for (const depot of scenario.depots) {
      for (const [type, total] of Object.entries(depot.fleet ?? {})) {
        const shares = parts.flatMap((p) => p.scenario.depots.filter((d) => d.id === depot.id));
        expect(
          shares.reduce((a, d) => a + (d.fleet?.[type] ?? 0), 0),
          `${depot.id} ${type}`,
        ).to.equal(total);
      }
    }
    for (const sailing of scenario.sailings ?? []) {
      const shares = parts.flatMap((p) => (p.scenario.sailings ?? []).filter((s) => s.id === sailing.id));
      expect(shares.length).to.be.greaterThan(0);
      expect(
        shares.reduce((a, s) => a + (s.maxContainers ?? 0), 0),
        sailing.id,
      ).to.equal(sailing.maxContainers);
    }
  });

  it("is deterministic", () => {
    const again = partitionScenario(scenario, { maxShipmentsPerPart: 300 }).parts;
    expect(JSON.stringify(again)).to.equal(JSON.stringify(parts));
  });

  it("leaves a week of one island that fits one part as it is", () => {
    const small = week(400, 80);
    const java = new Set(small.villages.filter((v) => v.island === "Java").map((v) => v.id));
    const oneIsland: Scenario = { ...small, shipments: small.shipments.filter((s) => java.has(s.village)) };
    const one = partitionScenario(oneIsland, { maxShipmentsPerPart: 1000 }).parts;
    expect(one).to.have.length(1);
    expect(one[0].scenario).to.equal(oneIsland);
    // Islands are always apart: trucks never cross the sea, so nothing is lost by it.
    expect(
      partitionScenario(small, { maxShipmentsPerPart: 1000 }).parts.map((p) => p.island),
    ).to.have.members(["Sumatra", "Java", "Kalimantan", "Sulawesi"]);
  });

  it("splits geographically when places name no island (a place without one could be reached from anywhere)", () => {
    const noIslands: Scenario = {
      ...scenario,
      depots: scenario.depots.map(({ island: _i, ...d }) => d),
      ports: scenario.ports.map(({ island: _i, ...p }) => p),
      villages: scenario.villages.map(({ island: _i, ...v }) => v),
    };
    const split = partitionScenario(noIslands, { maxShipmentsPerPart: 600 }).parts;
    expect(split.length).to.be.greaterThanOrEqual(4);
    for (const part of split) {
      expect(part.island).to.equal(undefined);
      expect(part.scenario.depots).to.have.length(noIslands.depots.length);
    }
    for (const sailing of noIslands.sailings ?? []) {
      const total = split.reduce(
        (a, p) => a + (p.scenario.sailings!.find((s) => s.id === sailing.id)!.maxContainers ?? 0),
        0,
      );
      expect(total).to.equal(sailing.maxContainers);
    }
  });
});

describe("mergePartPlans", function () {
  this.timeout(120_000);
  const scenario = week(900, 90, 5);
  const { parts } = partitionScenario(scenario, { maxShipmentsPerPart: 150 });
  // A budget without a clock is counted in work units only: the same plan on any machine.
  const planned = parts.map((p) => ({ id: p.id, plan: solve(p.scenario, { seed: 1, timeLimitMs: 150 }) }));

  it("merges the parts' plans into one feasible plan of the whole week, every package once", () => {
    for (const p of planned) expectFeasible(parts.find((x) => x.id === p.id)!.scenario, p.plan);
    const merged = mergePartPlans(scenario, planned);
    expectFeasible(scenario, merged);
    expectEveryPackageOnce(scenario, merged);
    expect(merged.summary.containers).to.equal(planned.reduce((a, p) => a + p.plan.summary.containers, 0));
    expect(merged.containers.map((c) => c.id)).to.deep.equal(
      merged.containers.map((_, i) => `CNT-${String(i + 1).padStart(3, "0")}`),
    );
  });

  it("repairs across part borders: never worse, still feasible, every package once", () => {
    const plain = mergePartPlans(scenario, planned);
    const repaired = mergePartPlans(scenario, planned, { seed: 1, timeLimitMs: 400 });
    expectFeasible(scenario, repaired);
    expectEveryPackageOnce(scenario, repaired);
    const served = (p: typeof plain) => p.summary.assignedWeightKg;
    expect(served(repaired)).to.be.at.least(served(plain) - 1e-6);
    if (Math.abs(served(repaired) - served(plain)) < 1e-6)
      expect(repaired.summary.cost).to.be.at.most(plain.summary.cost + 1e-6);
  });
});

describe("decomposition with sea boxes", function () {
  this.timeout(120_000);

  it("shares each sailing's boxes too, and the merged plan packs boxes and charges for the final containers", () => {
    const base = week(700, 70, 11);
    const scenario: Scenario = {
      ...base,
      containerTypes: base.containerTypes.map((t) => ({ ...t, boxSlots: 1, tareKg: 350 })),
      boxTypes: [
        { id: "20GP", slots: 3, maxWeightKg: 21000, freight: 9_500_000 },
        { id: "20RF", slots: 3, maxWeightKg: 20000, reefer: true, freight: 16_500_000 },
      ],
      sailings: (base.sailings ?? []).map((sl) => ({
        ...sl,
        maxBoxes: Math.ceil((sl.maxContainers ?? 0) / 3) + 1,
      })),
    };
    const { parts } = partitionScenario(scenario, { maxShipmentsPerPart: 120 });
    for (const sailing of scenario.sailings ?? []) {
      const shares = parts.flatMap((p) => (p.scenario.sailings ?? []).filter((s) => s.id === sailing.id));
      expect(
        shares.reduce((a, s) => a + (s.maxBoxes ?? 0), 0),
        sailing.id,
      ).to.equal(sailing.maxBoxes);
    }
    const planned = parts.map((p) => ({ id: p.id, plan: solve(p.scenario, { seed: 1, timeLimitMs: 150 }) }));
    const merged = mergePartPlans(scenario, planned, { seed: 1, timeLimitMs: 400 });
    expectFeasible(scenario, merged);
    expectEveryPackageOnce(scenario, merged);
    expect(merged.boxes?.length).to.be.greaterThan(0);
    expect(merged.charges.length).to.be.greaterThan(0);
  });
});

describe("solve() on a week bigger than one part", function () {
  this.timeout(120_000);

  it("plans it in parts: feasible, every package once, the same plan for the same seed", () => {
    const scenario = week(1600, 160, 9);
    // No clock: the budget is work units only, so the plan is the same on any machine.
    const options = { seed: 2, timeLimitMs: 2000, maxShipmentsPerPart: 150 };
    const a = solve(scenario, options);
    expectFeasible(scenario, a);
    expectEveryPackageOnce(scenario, a);
    expect(a.summary.lowerBoundContainers).to.be.greaterThan(0);
    const b = solve(scenario, options);
    expect(JSON.stringify(withoutSolveTime(b))).to.equal(JSON.stringify(withoutSolveTime(a)));
  });
});
