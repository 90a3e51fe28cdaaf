/**
 * One test per feasibility rule of the spec. Each scenario is built so that BREAKING the
 * rule would be cheaper (one container instead of two, a nearer port, depot or sailing),
 * so an optimiser that ignored the rule would break it. Every plan is judged by the
 * independent checker and its packages are counted (planOf), and then the rule's own
 * property is asserted directly on the plan.
 *
 * Geometry (euclidean, minutes = km): D (0,0), V (30,40): D-V 50. Near port PN (30,70):
 * V-PN 30; far port PF (30,140): V-PF 100.
 */
import { expect } from "chai";
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { DEFAULT_NEVER_TOGETHER } from "../../../shared/core/rules/products.js";
import { solve } from "../../../shared/core/solve.js";
import { expectEveryPackageOnce, expectFeasible } from "../../support/plan-assertions.js";
import {
  C3T,
  C3T_R,
  containerOf,
  containersWith,
  END,
  localMinutes,
  ms,
  planOf,
  RULE_BUDGET,
  START,
  shipmentsIn,
  tiny,
  together,
  village,
} from "./core-fixtures.js";

const PN = { id: "PN", x: 30, y: 70, timeZone: "Asia/Jakarta" };
const PF = { id: "PF", x: 30, y: 140, timeZone: "Asia/Jakarta" };
const twoPorts = { ports: [PN, PF] };

/** Premise of a test: without the rule, the optimiser would take the cheaper choice. */
function premise(s: Scenario, pick: (p: Plan) => unknown, cheaper: unknown): void {
  expect(pick(planOf(s)), "premise: without the rule the plan would differ").to.deep.equal(cheaper);
}

const at = (id: string, weightKg: number, extra: Partial<Scenario["shipments"][number]> = {}) => ({
  id,
  village: "V",
  weightKg,
  ...extra,
});

describe("optimiser enforces every feasibility rule (spec 'What a feasible plan obeys')", () => {
  describe("1. capacity", () => {
    it("weight: two 2,000 kg shipments take two containers, none over 3,000 kg", () => {
      const plan = planOf(tiny({ shipments: [at("a", 2000), at("b", 2000)] }));
      expect(plan.containers).to.have.length(2);
      expect(together(plan, "a", "b")).to.equal(false);
      for (const c of plan.containers) expect(c.weightKg).to.be.at.most(3000);
    });

    it("volume: two 12 m3 shipments of 100 kg take two 20 m3 containers", () => {
      const plan = planOf(
        tiny({ shipments: [at("a", 100, { volumeM3: 12 }), at("b", 100, { volumeM3: 12 })] }),
      );
      expect(plan.containers).to.have.length(2);
      for (const c of plan.containers) expect(c.volumeM3).to.be.at.most(20);
    });

    it("split: a 10-package 4,000 kg shipment splits in whole packages, parts weigh 4,000 x parts / 10", () => {
      const plan = planOf(tiny({ shipments: [at("s", 4000, { packages: 10, volumeM3: 5 })] }));
      const holding = containersWith(plan, "s");
      expect(holding).to.have.length(2); // ceil(4000 / 3000): the fixed cost makes a third a waste
      let packages = 0;
      for (const c of holding) {
        expect(c.weightKg).to.be.at.most(3000);
        for (const stop of c.stops)
          for (const line of stop.load) {
            expect(Number.isInteger(line.packages)).to.equal(true);
            expect(line.weightKg).to.be.closeTo((4000 * line.packages) / 10, 1e-9);
            expect(line.volumeM3).to.be.closeTo((5 * line.packages) / 10, 1e-9);
            packages += line.packages;
          }
      }
      expect(packages).to.equal(10);
      expect(plan.unassigned).to.deep.equal([]);
    });
  });

  describe("2. handling", () => {
    it("chilled, frozen and live need a reefer and ride only with their own class", () => {
      const plan = planOf(
        tiny({
          containerTypes: [C3T, C3T_R],
          shipments: [
            at("fish", 200, { handling: "chilled" }),
            at("shrimp", 200, { handling: "frozen" }),
            at("crab", 200, { handling: "live" }),
            at("rice", 200, { handling: "dry" }),
          ],
        }),
      );
      for (const id of ["fish", "shrimp", "crab"]) {
        const c = containerOf(plan, id);
        expect(c.type, id).to.equal("C3T-R");
        expect(shipmentsIn(c), id).to.deep.equal([id]);
      }
      expect(shipmentsIn(containerOf(plan, "rice"))).to.deep.equal(["rice"]);
      expect(plan.containers).to.have.length(4);
    });

    it("dangerous never shares with dry food", () => {
      const plan = planOf(
        tiny({
          shipments: [at("oil", 500, { handling: "dangerous" }), at("rice", 500, { handling: "dry" })],
        }),
      );
      expect(together(plan, "oil", "rice")).to.equal(false);
      expect(plan.containers).to.have.length(2);
    });

    it("dangerous may share with general (one container, the cheaper plan)", () => {
      const plan = planOf(
        tiny({
          shipments: [at("oil", 500, { handling: "dangerous" }), at("rattan", 500, { handling: "general" })],
        }),
      );
      expect(together(plan, "oil", "rattan")).to.equal(true);
      expect(plan.containers).to.have.length(1);
    });

    it("ambient goods may ride in a reefer container (the depot has only reefers)", () => {
      const plan = planOf(
        tiny({
          containerTypes: [C3T, C3T_R],
          depots: [{ id: "D", x: 0, y: 0, timeZone: "Asia/Jakarta", fleet: { "C3T-R": 2 } }],
          shipments: [at("rice", 500, { handling: "dry" }), at("rattan", 500, { handling: "general" })],
        }),
      );
      expect(plan.unassigned).to.deep.equal([]);
      expect(plan.containers).to.have.length(1);
      expect(plan.containers[0].type).to.equal("C3T-R");
    });

    it("default never-together products (coffee + dried-seaweed at one village) travel apart", () => {
      expect(DEFAULT_NEVER_TOGETHER.some(([a, b]) => a === "coffee" && b === "dried-seaweed")).to.equal(true);
      const plan = planOf(
        tiny({
          shipments: [
            at("kopi", 500, { product: "coffee" }),
            at("rumput-laut", 500, { product: "dried-seaweed" }),
          ],
        }),
      );
      expect(together(plan, "kopi", "rumput-laut")).to.equal(false);
      expect(plan.containers).to.have.length(2);
    });

    it("a scenario's own rules.neverTogether pair travels apart (and shares without the rule)", () => {
      const shipments = [at("a", 500, { product: "vanilla" }), at("b", 500, { product: "cloves" })];
      const free = planOf(tiny({ shipments }));
      expect(together(free, "a", "b"), "without the rule one container is cheaper").to.equal(true);
      const ruled = planOf(tiny({ shipments, rules: { neverTogether: [["cloves", "vanilla"]] } }));
      expect(together(ruled, "a", "b")).to.equal(false);
    });
  });

  describe("3. road", () => {
    it("islands: a nearer port and depot across the sea are not used", () => {
      const plan = planOf(
        tiny({
          depots: [
            { id: "D", x: 0, y: 0, island: "Sulawesi" },
            { id: "DX", x: 30, y: 35, island: "Kalimantan" }, // 5 km from V
          ],
          ports: [
            { id: "PX", x: 30, y: 45, island: "Kalimantan" }, // 5 km from V
            { id: "PS", x: 30, y: 140, island: "Sulawesi" },
          ],
          villages: [{ ...village, island: "Sulawesi" }],
          shipments: [at("a", 500)],
        }),
      );
      const c = containerOf(plan, "a");
      expect(c.port).to.equal("PS");
      expect(c.depot).to.equal("D");
      // premise: without islands the nearer depot and port win
      const open = planOf(
        tiny({
          depots: [
            { id: "D", x: 0, y: 0 },
            { id: "DX", x: 30, y: 35 },
          ],
          ports: [
            { id: "PX", x: 30, y: 45 },
            { id: "PS", x: 30, y: 140 },
          ],
          shipments: [at("a", 500)],
        }),
      );
      expect([containerOf(open, "a").depot, containerOf(open, "a").port]).to.deep.equal(["DX", "PX"]);
    });
  });

  describe("4. time", () => {
    it("pickup windows are read in the village's zone: WIB village, WITA everywhere else", () => {
      // 08:00-09:00 WIB = 01:00-02:00Z. The near sailing's cut-off 01:20Z is met only by
      // loading at 08:00 WITA (00:00Z): reading the window in WITA would pick PN.
      const s = tiny({
        horizon: { start: "2026-12-07T00:00:00+08:00", end: "2026-12-14T00:00:00+08:00" },
        depots: [{ id: "D", x: 0, y: 0, timeZone: "Asia/Makassar" }],
        ports: [
          { ...PN, timeZone: "Asia/Makassar" },
          { ...PF, timeZone: "Asia/Makassar" },
        ],
        sailings: [
          {
            id: "SN",
            port: "PN",
            departure: "2026-12-07T18:00:00+08:00",
            cutoff: "2026-12-07T09:20:00+08:00",
          },
        ],
        villages: [{ ...village, pickupWindows: [{ open: "08:00", close: "09:00" }] }],
        shipments: [at("a", 500)],
      });
      const c = containerOf(planOf(s), "a");
      expect(c.port).to.equal("PF");
      expect(c.stops[0].loadStart).to.match(/\+07:00$/); // written in the village's own offset
      expect(localMinutes(c.stops[0].loadStart, "Asia/Jakarta")).to.be.within(8 * 60, 9 * 60);
      premise(
        { ...s, villages: [{ ...s.villages[0], timeZone: "Asia/Makassar" }] },
        (p) => containerOf(p, "a").port,
        "PN",
      );
    });

    it("pickup windows are read in the village's zone: WITA village, WIB horizon", () => {
      // 08:00-08:30 WITA = 00:00-00:30Z: loading at 00:00Z reaches PN (cut-off 00:50Z) at
      // 00:30Z. Reading the window in WIB (01:00Z) would miss it and drive to PF.
      const s = tiny({
        ...twoPorts,
        sailings: [
          {
            id: "SN",
            port: "PN",
            departure: "2026-12-07T18:00:00+07:00",
            cutoff: "2026-12-07T07:50:00+07:00",
          },
        ],
        villages: [
          { ...village, timeZone: "Asia/Makassar", pickupWindows: [{ open: "08:00", close: "08:30" }] },
        ],
        shipments: [at("a", 500)],
      });
      const c = containerOf(planOf(s), "a");
      expect(c.port).to.equal("PN");
      expect(c.stops[0].loadStart).to.match(/\+08:00$/);
      expect(localMinutes(c.stops[0].loadStart, "Asia/Makassar")).to.be.within(8 * 60, 8 * 60 + 30);
      // and the same window in WIB misses the cut-off: the zone is what decides
      premise(
        { ...s, villages: [{ ...s.villages[0], timeZone: "Asia/Jakarta" }] },
        (p) => containerOf(p, "a").port,
        "PF",
      );
    });

    it("readyAt: no loading before it, even when loading earlier would catch the near sailing", () => {
      const readyAt = "2026-12-08T10:00:00+07:00";
      const s = tiny({
        ...twoPorts,
        sailings: [
          {
            id: "SN",
            port: "PN",
            departure: "2026-12-08T20:00:00+07:00",
            cutoff: "2026-12-08T10:15:00+07:00",
          },
        ],
        shipments: [at("a", 500, { readyAt })],
      });
      const c = containerOf(planOf(s), "a");
      expect(ms(c.stops[0].loadStart)).to.be.at.least(ms(readyAt));
      expect(c.port).to.equal("PF"); // ready 10:00 + 30 min > cut-off 10:15
      premise({ ...s, shipments: [at("a", 500)] }, (p) => containerOf(p, "a").port, "PN");
    });

    it("cut-off: a nearer port whose only sailing's cut-off cannot be met is not used", () => {
      // D-V-PN is 80 min; the cut-off is 60 min after the horizon starts.
      const sailing = { id: "SN", port: "PN", departure: "2026-12-07T12:00:00+07:00" };
      const s = tiny({
        ...twoPorts,
        sailings: [{ ...sailing, cutoff: "2026-12-07T01:00:00+07:00" }],
        shipments: [at("a", 500)],
      });
      const c = containerOf(planOf(s), "a");
      expect(c.port).to.equal("PF");
      expect(c.sailing).to.equal(undefined);
      premise(
        { ...s, sailings: [{ ...sailing, cutoff: "2026-12-07T01:20:00+07:00" }] },
        (p) => containerOf(p, "a").sailing,
        "SN",
      );
    });

    it("horizon.start: no container leaves its depot before it, even to catch a nearer sailing", () => {
      // Window 08:00-09:00 WIB, horizon starts 10:00: leaving at 07:10 would catch SN (12:00).
      const start = "2026-12-07T10:00:00+07:00";
      const s = tiny({
        horizon: { start, end: "2026-12-14T00:00:00+07:00" },
        ...twoPorts,
        sailings: [
          {
            id: "SN",
            port: "PN",
            departure: "2026-12-07T20:00:00+07:00",
            cutoff: "2026-12-07T12:00:00+07:00",
          },
        ],
        villages: [{ ...village, pickupWindows: [{ open: "08:00", close: "09:00" }] }],
        shipments: [at("a", 500)],
      });
      const c = containerOf(planOf(s), "a");
      expect(ms(c.departDepot)).to.be.at.least(ms(start));
      expect(ms(c.stops[0].loadStart)).to.equal(ms("2026-12-08T08:00:00+07:00"));
      expect(c.port).to.equal("PF");
      premise({ ...s, horizon: { start: START, end: END } }, (p) => containerOf(p, "a").port, "PN");
    });
  });

  describe("5. sailings", () => {
    const later = { departure: "2026-12-10T18:00:00+07:00", cutoff: "2026-12-10T06:00:00+07:00" };

    it("destinations: the near sailing that does not serve the buyer's country is not used", () => {
      const s = tiny({
        ...twoPorts,
        sailings: [
          { id: "SN", port: "PN", ...later, destinations: ["JP"] },
          { id: "SF", port: "PF", ...later, destinations: ["NL"] },
        ],
        shipments: [at("a", 500, { destination: "NL" })],
      });
      expect(containerOf(planOf(s), "a").sailing).to.equal("SF");
      premise(
        { ...s, shipments: [at("a", 500, { destination: "JP" })] },
        (p) => containerOf(p, "a").sailing,
        "SN",
      );
    });

    it("sailBy: the near sailing departing after the shipment's sailBy is not used", () => {
      const s = tiny({
        ...twoPorts,
        sailings: [
          {
            id: "SN",
            port: "PN",
            departure: "2026-12-12T18:00:00+07:00",
            cutoff: "2026-12-12T06:00:00+07:00",
          },
          {
            id: "SF",
            port: "PF",
            departure: "2026-12-09T18:00:00+07:00",
            cutoff: "2026-12-09T06:00:00+07:00",
          },
        ],
        shipments: [at("a", 500, { sailBy: "2026-12-10T00:00:00+07:00" })],
      });
      const c = containerOf(planOf(s), "a");
      expect(c.sailing).to.equal("SF");
      expect(ms("2026-12-09T18:00:00+07:00")).to.be.at.most(ms("2026-12-10T00:00:00+07:00"));
      premise({ ...s, shipments: [at("a", 500)] }, (p) => containerOf(p, "a").sailing, "SN");
    });

    it("maxContainers: a sailing with one place takes one container; the other drives on", () => {
      const s = tiny({
        ...twoPorts,
        sailings: [{ id: "SN", port: "PN", ...later, maxContainers: 1 }],
        shipments: [at("a", 2000), at("b", 2000)],
      });
      const plan = planOf(s);
      expect(plan.containers).to.have.length(2);
      expect(plan.containers.filter((c) => c.sailing === "SN")).to.have.length(1);
      expect(plan.containers.filter((c) => c.port === "PF")).to.have.length(1);
      premise(
        { ...s, sailings: [{ id: "SN", port: "PN", ...later }] },
        (p) => p.containers.map((c) => c.sailing),
        ["SN", "SN"],
      );
    });
  });

  describe("6. fleet", () => {
    it("a nearer depot with none of the type in its fleet sends none", () => {
      const s = tiny({
        depots: [
          { id: "DN", x: 30, y: 30, fleet: { C3T: 0 } },
          { id: "DF", x: 0, y: 0 },
        ],
        shipments: [at("a", 500)],
      });
      expect(containerOf(planOf(s), "a").depot).to.equal("DF");
      premise(
        { ...s, depots: [{ id: "DN", x: 30, y: 30 }, s.depots[1]] },
        (p) => containerOf(p, "a").depot,
        "DN",
      );
    });

    it("a fleet of 1 at the nearer depot forces the second container from the other depot", () => {
      const s = tiny({
        depots: [
          { id: "DN", x: 30, y: 30, fleet: { C3T: 1 } },
          { id: "DF", x: 0, y: 0 },
        ],
        shipments: [at("a", 2000), at("b", 2000)],
      });
      expect(
        planOf(s)
          .containers.map((c) => c.depot)
          .sort(),
      ).to.deep.equal(["DF", "DN"]);
      premise(
        { ...s, depots: [{ id: "DN", x: 30, y: 30, fleet: { C3T: 2 } }, s.depots[1]] },
        (p) => p.containers.map((c) => c.depot),
        ["DN", "DN"],
      );
    });

    it("one trip per container: a fleet of 1 carries one load, the rest is NO_CONTAINER", () => {
      const plan = planOf(
        tiny({
          depots: [{ id: "D", x: 0, y: 0, fleet: { C3T: 1 } }],
          shipments: [at("a", 2000), at("b", 2000)],
        }),
      );
      expect(plan.containers).to.have.length(1);
      expect(plan.unassigned).to.have.length(1);
      expect(plan.unassigned[0].reason).to.equal("NO_CONTAINER");
      expect(plan.unassigned[0].detail).to.not.equal("");
    });

    it("container ids are unique and each container is one depot -> villages -> port trip", () => {
      const plan = planOf(
        tiny({
          ...twoPorts,
          sailings: [
            {
              id: "SN",
              port: "PN",
              departure: "2026-12-10T18:00:00+07:00",
              cutoff: "2026-12-10T06:00:00+07:00",
              maxContainers: 1,
            },
          ],
          shipments: [at("a", 2000), at("b", 2000), at("c", 2000)],
        }),
      );
      expect(plan.containers).to.have.length(3);
      const ids = plan.containers.map((c) => c.id);
      expect(new Set(ids).size).to.equal(ids.length);
      for (const c of plan.containers) {
        expect(c.stops.length).to.be.greaterThan(0);
        // time only moves forward along the one trip
        const times = [
          c.departDepot,
          ...c.stops.flatMap((s) => [s.arrival, s.loadStart, s.departure]),
          c.portArrival,
        ];
        for (let i = 1; i < times.length; i++) expect(ms(times[i])).to.be.at.least(ms(times[i - 1]));
      }
    });
  });

  describe("7. objective", () => {
    // Port P (0,0), village V2 (10,0). D1 (20,0) sends type X at 10/km: 20 km, 200 IDR.
    // D2 (40,0) sends type Y at 1/km: 40 km, 40 IDR.
    const byObjective = (objective: "cost" | "distance"): Scenario =>
      tiny({
        objective,
        containerTypes: [
          { id: "X", maxWeightKg: 3000, maxVolumeM3: 20, fixedCost: 0, costPerKm: 10 },
          { id: "Y", maxWeightKg: 3000, maxVolumeM3: 20, fixedCost: 0, costPerKm: 1 },
        ],
        depots: [
          { id: "D1", x: 20, y: 0, fleet: { X: 5 } },
          { id: "D2", x: 40, y: 0, fleet: { Y: 5 } },
        ],
        villages: [{ id: "V2", x: 10, y: 0 }],
        shipments: [{ id: "a", village: "V2", weightKg: 100 }],
      });

    it('"distance" takes the shorter trip from D1 (20 km)', () => {
      const plan = planOf(byObjective("distance"));
      expect(containerOf(plan, "a").depot).to.equal("D1");
      expect(plan.summary.distanceKm).to.equal(20);
      expect(plan.summary.cost).to.equal(200);
    });

    it('"cost" takes the cheaper trip from D2 (40 IDR)', () => {
      const plan = planOf(byObjective("cost"));
      expect(containerOf(plan, "a").depot).to.equal("D2");
      expect(plan.summary.distanceKm).to.equal(40);
      expect(plan.summary.cost).to.equal(40);
    });
  });
});

describe("unassigned reasons and nothing lost", () => {
  const scenario = tiny({
    depots: [{ id: "D", x: 0, y: 0, island: "Sulawesi", fleet: { C3T: 1 } }],
    ports: [{ id: "P", x: 0, y: 0, island: "Sulawesi" }],
    sailings: [
      {
        id: "S",
        port: "P",
        departure: "2026-12-10T18:00:00+07:00",
        cutoff: "2026-12-10T06:00:00+07:00",
        destinations: ["JP"],
      },
    ],
    villages: [
      { ...village, island: "Sulawesi" },
      { id: "VP", x: 500, y: 500, island: "Papua" },
    ],
    shipments: [
      at("big", 4000), // one package heavier than any container
      { id: "papua", village: "VP", weightKg: 100 },
      at("us", 100, { destination: "US" }),
      at("late", 100, { readyAt: "2026-12-11T00:00:00+07:00" }),
      at("fish", 100, { handling: "chilled" }),
      at("n1", 2000, { destination: "JP" }),
      at("n2", 2000, { destination: "JP" }),
    ],
  });
  let plan: Plan;
  before(() => {
    plan = planOf(scenario);
  });

  const expected: [string, string][] = [
    ["big", "TOO_LARGE"],
    ["papua", "NO_ROUTE"],
    ["us", "NO_SAILING"],
    ["late", "TIME"],
    ["fish", "INCOMPATIBLE"],
  ];
  for (const [shipment, reason] of expected) {
    it(`${reason}: ${shipment} is unassigned with that reason and a sentence`, () => {
      const u = plan.unassigned.filter((x) => x.shipment === shipment);
      expect(u).to.have.length(1);
      expect(u[0].reason).to.equal(reason);
      expect(u[0].detail.trim().length).to.be.greaterThan(10);
    });
  }

  it("NO_CONTAINER: the fleet's one container takes one 2,000 kg shipment, the other waits", () => {
    expect(plan.containers).to.have.length(1);
    const u = plan.unassigned.filter((x) => x.shipment === "n1" || x.shipment === "n2");
    expect(u).to.have.length(1);
    expect(u[0].reason).to.equal("NO_CONTAINER");
    expect(u[0].detail.trim().length).to.be.greaterThan(10);
  });

  it("every package of every shipment is once in a container or unassigned", () => {
    expectEveryPackageOnce(scenario, plan);
    expect(plan.summary.assignedWeightKg + plan.summary.unassignedWeightKg).to.equal(
      scenario.shipments.reduce((a, s) => a + s.weightKg, 0),
    );
  });

  it("a split shipment partly planned keeps every package (10 packages, one container)", () => {
    const s = tiny({
      depots: [{ id: "D", x: 0, y: 0, fleet: { C3T: 1 } }],
      shipments: [at("s", 4000, { packages: 10 })],
    });
    const p = solve(s, RULE_BUDGET);
    expectFeasible(s, p);
    expectEveryPackageOnce(s, p);
    expect(p.unassigned.every((u) => u.shipment === "s" && u.reason === "NO_CONTAINER")).to.equal(true);
  });

  // Spec rule 7, "first assign as much weight as possible": the search moves fixed pieces
  // (a third of a container), so the top-up step after it fills leftover room package by package.
  it("a split shipment with one container assigns the most whole packages that fit (7 of 10 = 2,800 kg)", () => {
    const s = tiny({
      depots: [{ id: "D", x: 0, y: 0, fleet: { C3T: 1 } }],
      shipments: [at("s", 4000, { packages: 10 })],
    });
    const p = solve(s, RULE_BUDGET);
    expectFeasible(s, p);
    expect(p.summary.assignedWeightKg).to.equal(2800);
  });
});
