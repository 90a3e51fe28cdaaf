/**
 * The planner with sea boxes, on small weeks worked out by hand (euclidean km, minutes =
 * km): containers are moved between sailings to fill boxes, freight weighs against truck
 * km, and what no box can take is left unassigned with a reason, nothing lost.
 */
import { expect } from "chai";
import { assignBoxSailings } from "../../../shared/core/assign/box-sailings.js";
import type { Scenario, Shipment } from "../../../shared/core/model/scenario.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import { Solution } from "../../../shared/core/search/solution.js";
import { searchParams, solve } from "../../../shared/core/solve.js";
import { expectEveryPackageOnce, expectFeasible } from "../../support/plan-assertions.js";

const FREIGHT = 9_500_000;

/** One depot at the origin, villages on a line, ports and sailings as given; 2,500 kg per village to CN. */
function week(parts: {
  villages: [string, number, number][];
  ports: [string, number, number][];
  sailings: { id: string; port: string; maxBoxes?: number; maxContainers?: number }[];
  shipments?: Partial<Shipment>[];
}): Scenario {
  const scenario: Scenario = {
    horizon: { start: "2026-12-07T00:00:00+08:00", end: "2026-12-14T00:00:00+08:00" },
    travel: { metric: "euclidean" },
    containerTypes: [
      { id: "C3T", maxWeightKg: 3000, maxVolumeM3: 9, fixedCost: 1_500_000, costPerKm: 9000, tareKg: 350 },
    ],
    depots: [{ id: "D", x: 0, y: 0 }],
    ports: parts.ports.map(([id, x, y]) => ({ id, x, y })),
    sailings: parts.sailings.map((s) => ({
      departure: "2026-12-12T18:00:00+08:00",
      cutoff: "2026-12-12T06:00:00+08:00",
      ...s,
    })),
    villages: parts.villages.map(([id, x, y]) => ({ id, x, y })),
    shipments: parts.villages.map(([id], i) => ({
      id: `S-${id}`,
      village: id,
      weightKg: 2500,
      volumeM3: 5,
      destination: "CN",
      ...(parts.shipments?.[i] ?? {}),
    })),
    boxTypes: [{ id: "20GP", slots: 3, maxWeightKg: 21000, freight: FREIGHT }],
  };
  const valid = validateScenario(scenario);
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  return valid.scenario;
}

/** A solution with one container per village, on the sailings given (by endpoint index). */
function handSolution(scenario: Scenario, endpoints: number[]) {
  const { problem } = compileProblem(scenario);
  const sol = new Solution(problem, searchParams(problem));
  problem.jobs.forEach((job, i) => {
    const r = sol.newRoute(0);
    sol.insert(r, 0, job.index);
    sol.assignEndpoint(r, endpoints[i], r.km, r.obj);
  });
  return sol;
}

const boxesOf = (sol: Solution) => {
  const per = new Map<number, number>();
  for (const r of sol.routes) per.set(r.endpoint, (per.get(r.endpoint) ?? 0) + 1);
  return [...per.values()].reduce((a, n) => a + Math.ceil(n / 3), 0);
};

describe("sea boxes in the planner", () => {
  it("moves a container to the sailing whose box has room (2 + 1 -> 3: one box instead of two)", () => {
    const scenario = week({
      villages: [
        ["V1", 10, 0],
        ["V2", 20, 0],
        ["V3", 30, 0],
      ],
      ports: [["P", 40, 0]],
      sailings: [
        { id: "S1", port: "P" },
        { id: "S2", port: "P" },
      ],
    });
    const sol = handSolution(scenario, [0, 0, 1]);
    expect(boxesOf(sol)).to.equal(2);
    expect(assignBoxSailings(sol)).to.deep.equal([]);
    expect(boxesOf(sol)).to.equal(1);
  });

  it("empties a whole box when no single move would (2 + 2 + 2 on three sailings -> 3 + 3)", () => {
    const scenario = week({
      villages: [1, 2, 3, 4, 5, 6].map((k): [string, number, number] => [`V${k}`, 10 * k, 0]),
      ports: [["P", 80, 0]],
      sailings: [
        { id: "S1", port: "P" },
        { id: "S2", port: "P" },
        { id: "S3", port: "P" },
      ],
    });
    const sol = handSolution(scenario, [0, 0, 1, 1, 2, 2]);
    expect(boxesOf(sol)).to.equal(3);
    assignBoxSailings(sol);
    expect(boxesOf(sol)).to.equal(2);
  });

  it("drives 10 km further to fill a box rather than pay for another (Rp 90,000 against Rp 9.5 M)", () => {
    // V1, V2 next to port A; V3 at x = 55: 45 km to B (x = 100, no box yet), 55 km to A (x = 0),
    // but a box with room is sailing from A.
    const scenario = week({
      villages: [
        ["V1", 0, 5],
        ["V2", 0, -5],
        ["V3", 55, 0],
      ],
      ports: [
        ["A", 0, 0],
        ["B", 100, 0],
      ],
      sailings: [
        { id: "SA", port: "A" },
        { id: "SB", port: "B" },
      ],
    });
    const plan = solve(scenario, { seed: 1, maxIterations: 100 });
    expectFeasible(scenario, plan);
    expect(plan.containers.map((c) => c.sailing)).to.deep.equal(["SA", "SA", "SA"]);
    expect(plan.summary.boxes).to.equal(1);
    expect(plan.summary.freight).to.equal(FREIGHT);
    expect(plan.summary.lowerBoundBoxes).to.equal(1);
  });

  it("keeps destinations apart in containers and boxes", () => {
    const scenario = week({
      villages: [
        ["V1", 10, 0],
        ["V2", 10, 1],
      ],
      ports: [["P", 20, 0]],
      sailings: [{ id: "S", port: "P" }],
      shipments: [
        { weightKg: 500, destination: "CN" },
        { weightKg: 500, destination: "JP" },
      ],
    });
    const plan = solve(scenario, { seed: 1, maxIterations: 100 });
    expectFeasible(scenario, plan);
    expect(plan.containers).to.have.length(2); // 1,000 kg would fit one container, two countries do not
    expect(plan.boxes).to.have.length(2);
    expect(plan.summary.lowerBoundBoxes).to.equal(2);
  });

  it("leaves what no box can take unassigned, with a reason: nothing lost", () => {
    // One box allowed: three containers fit it, a fourth does not.
    const scenario = week({
      villages: [1, 2, 3, 4].map((k): [string, number, number] => [`V${k}`, 10 * k, 0]),
      ports: [["P", 50, 0]],
      sailings: [{ id: "S", port: "P", maxBoxes: 1 }],
    });
    const plan = solve(scenario, { seed: 1, maxIterations: 100 });
    expectFeasible(scenario, plan);
    expectEveryPackageOnce(scenario, plan);
    expect(plan.boxes).to.have.length(1);
    expect(plan.containers).to.have.length(3);
    expect(plan.unassigned).to.have.length(1);
    expect(plan.unassigned[0].reason).to.equal("NO_CONTAINER");
    expect(plan.unassigned[0].detail).to.match(/sea boxes/);
  });

  it("drops the lighter container when two destinations compete for the last box", () => {
    const scenario = week({
      villages: [
        ["V1", 10, 0],
        ["V2", 20, 0],
      ],
      ports: [["P", 30, 0]],
      sailings: [{ id: "S", port: "P", maxBoxes: 1 }],
      shipments: [
        { weightKg: 900, destination: "CN" },
        { weightKg: 2000, destination: "JP" },
      ],
    });
    const plan = solve(scenario, { seed: 1, maxIterations: 100 });
    expectFeasible(scenario, plan);
    expectEveryPackageOnce(scenario, plan);
    expect(plan.containers.map((c) => c.stops[0].load[0].shipment)).to.deep.equal(["S-V2"]);
    expect(plan.unassigned).to.deep.equal([
      {
        shipment: "S-V1",
        packages: 1,
        reason: "NO_CONTAINER",
        detail:
          "The sailings it could catch are full (their places or their sea boxes), or no container with room left can collect it in time.",
      },
    ]);
  });

  it("sets aside chilled goods that must sail when no reefer box exists (INCOMPATIBLE)", () => {
    const scenario = week({
      villages: [["V1", 10, 0]],
      ports: [["P", 20, 0]],
      sailings: [{ id: "S", port: "P" }],
      shipments: [{ handling: "chilled" }],
    });
    scenario.containerTypes.push({ id: "C3T-R", maxWeightKg: 3000, maxVolumeM3: 8, reefer: true });
    const plan = solve(scenario, { seed: 1, maxIterations: 50 });
    expectFeasible(scenario, plan);
    expect(plan.unassigned.map((u) => [u.reason, u.detail])).to.deep.equal([
      [
        "INCOMPATIBLE",
        "chilled goods need a reefer sea box on the sailing, and the scenario has no reefer box type.",
      ],
    ]);
  });
});
