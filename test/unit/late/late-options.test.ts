/**
 * Where a late shipment still fits, on the checker's hand-built week (euclidean legs worked
 * out by hand in check-fixtures.ts): km, cost, pickup and port times computed on paper.
 */
import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import { assignLateShipment, lateShipmentOptions } from "../../../shared/core/late/late-options.js";
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario, Shipment } from "../../../shared/core/model/scenario.js";
import { boxPlan, boxScenario } from "../check/box-fixtures.js";
import { basePlan, baseScenario, container, shipment } from "../check/check-fixtures.js";

const LATE: Shipment = {
  id: "SH9",
  village: "V1",
  product: "bamboo",
  handling: "general",
  weightKg: 300,
  volumeM3: 1,
};

/** The week with SH9 registered late: in the scenario, unassigned in the plan. */
function lateWeek(
  base: { scenario: () => Scenario; plan: () => Plan } = { scenario: baseScenario, plan: basePlan },
  late: Partial<Shipment> = {},
): { scenario: Scenario; plan: Plan } {
  const scenario = base.scenario();
  const sh = { ...LATE, ...late };
  scenario.shipments.push(sh);
  const plan = base.plan();
  plan.unassigned.push({
    shipment: sh.id,
    packages: 1,
    reason: "NO_CONTAINER",
    detail: "Registered after planning.",
  });
  plan.summary.unassignedWeightKg += sh.weightKg;
  expect(checkPlan(scenario, plan)).to.deep.equal([]);
  return { scenario, plan };
}

describe("lateShipmentOptions: where a late shipment still fits", () => {
  it("lists the containers that can take it, cheapest first, with km, cost and times", () => {
    const { scenario, plan } = lateWeek();
    const { options, newContainer } = lateShipmentOptions(scenario, plan, "SH9");
    // CNT-001 already loads at V1 at 08:00: it loads SH9 there, no km added.
    // CNT-004 (D1 -> V2 -> P1, 115 km) best adds V1 after V2: 30 + 40 + 50 = 120 km, +5 km x 5,000.
    //   Re-timed from the week's start: V2 07:00-07:20, V1 08:00-08:30, P1 at 09:20.
    // CNT-002 is a reefer with chilled avocado (general goods may not share it); CNT-003 is on Sulawesi.
    expect(options).to.deep.equal([
      {
        container: "CNT-001",
        addedKm: 0,
        addedCost: 0,
        pickupAt: "2026-12-07T08:00:00+07:00",
        portArrival: "2026-12-07T10:55:00+07:00",
        sailing: "S1",
      },
      {
        container: "CNT-004",
        addedKm: 5,
        addedCost: 25000,
        pickupAt: "2026-12-07T08:00:00+07:00",
        portArrival: "2026-12-07T09:20:00+07:00",
        sailing: "S2",
      },
    ]);
    expect(newContainer).to.equal(null); // D1's two C3T and one C3T-R are all out; D2 is on Sulawesi
  });

  it("prices a container of its own when the fleet has one left", () => {
    const { scenario, plan } = lateWeek();
    scenario.depots[0].fleet!.C3T = 3;
    // D1 -> V1 -> P1: 50 + 50 = 100 km (P2 would be 50 + 85); S1 is full (maxContainers 1), S2 is not.
    expect(lateShipmentOptions(scenario, plan, "SH9").newContainer).to.deep.equal({
      addedKm: 100,
      addedCost: 100000 + 5000 * 100,
      pickupAt: "2026-12-07T08:00:00+07:00",
      portArrival: "2026-12-07T09:20:00+07:00",
      sailing: "S2",
      depot: "D1",
      type: "C3T",
    });
  });

  it("only considers the containers the caller names (those still planned)", () => {
    const { scenario, plan } = lateWeek();
    const { options } = lateShipmentOptions(scenario, plan, "SH9", { eligibleContainers: ["CNT-004"] });
    expect(options.map((o) => o.container)).to.deep.equal(["CNT-004"]);
  });

  it("keeps every rule: products, capacity, destination, sailBy, readyAt before the cut-off", () => {
    const ids = (late: Partial<Shipment>, mutate: (s: Scenario) => void = () => {}) => {
      const { scenario, plan } = lateWeek(undefined, late);
      mutate(scenario);
      return lateShipmentOptions(scenario, plan, "SH9").options.map((o) => o.container);
    };
    expect(ids({ product: "dried-seaweed" })).to.deep.equal(["CNT-004"]); // never with CNT-001's coffee
    expect(ids({ weightKg: 900 })).to.deep.equal(["CNT-004"]); // CNT-001 has 800 kg of room
    expect(ids({ destination: "US" })).to.deep.equal(["CNT-004"]); // S1 sails to JP and NL only
    expect(ids({ sailBy: "2026-12-11T00:00:00+07:00" })).to.deep.equal(["CNT-001"]); // S2 departs on the 12th
    // Ready only on the 9th at 08:00: after S1's cut-off (06:00), so only CNT-004 (S2, the 12th).
    expect(ids({ readyAt: "2026-12-09T08:00:00+07:00" })).to.deep.equal(["CNT-004"]);
    expect(ids({ handling: "chilled", product: "mangosteen" })).to.deep.equal(["CNT-002"]);
  });

  it("waits for readyAt: a container may call at the village again the next morning", () => {
    // Ready at 16:30 on the 7th, after V1's last window: CNT-001 cannot load it at its 08:00 stop
    // (that pickup would move to the 8th), but can come back after V2: V1 -> V2 -> V1 -> P1,
    // 50 + 40 + 40 + 50 = 180 km (+5), loading on the 8th at 08:00, at P1 by 09:20 for S1 (cut-off the 9th).
    const { scenario, plan } = lateWeek(undefined, { readyAt: "2026-12-07T16:30:00+07:00" });
    const { options } = lateShipmentOptions(scenario, plan, "SH9");
    expect(options.map((o) => [o.container, o.addedKm, o.pickupAt])).to.deep.equal([
      ["CNT-001", 5, "2026-12-08T08:00:00+07:00"],
      ["CNT-004", 5, "2026-12-08T08:00:00+07:00"],
    ]);
    const r = assignLateShipment(scenario, plan, "SH9", "CNT-001");
    expect(r.ok && checkPlan(scenario, r.plan)).to.deep.equal([]);
  });

  it("does not move another stop past its pickup window, nor the container past its cut-off", () => {
    // V4 (20, 20), open 08:00-17:00: V1-V4 22 km, V4-V2 22, D1-V4 28, V4-P1 72 (minutes = km).
    // CNT-001 (V1 08:00-08:30, V2 09:10-09:30, P1 10:55) with S1's cut-off moved to 11:00:
    // - V4 first: loads 08:00, V1 08:22, V2 09:32: V2 past its window either way;
    // - V4 last: V2 -> V4 -> P1 = 22 + 72 instead of 85, P1 at 11:04: past the cut-off;
    // - V4 between: V2 at 09:14 (4 minutes later, +4 km), P1 at 10:59.
    const options = (v2Close: string) => {
      const { scenario, plan } = lateWeek(undefined, { village: "V4" });
      scenario.villages.push({
        id: "V4",
        x: 20,
        y: 20,
        timeZone: "Asia/Jakarta",
        island: "Jawa",
        pickupWindows: [{ open: "08:00", close: "17:00" }],
      });
      scenario.villages[1].pickupWindows = [{ open: "07:00", close: v2Close }];
      scenario.sailings![0].cutoff = "2026-12-07T11:00:00+07:00";
      expect(checkPlan(scenario, plan)).to.deep.equal([]);
      return lateShipmentOptions(scenario, plan, "SH9", { eligibleContainers: ["CNT-001"] }).options;
    };
    expect(options("09:20").map((o) => [o.addedKm, o.portArrival])).to.deep.equal([
      [4, "2026-12-07T10:59:00+07:00"],
    ]);
    expect(options("09:12")).to.deep.equal([]); // V2's pickup would move from 09:10 to 09:14, past 09:12
  });

  it("respects the container's sea box: its payload with tare and who it shares the box with", () => {
    // CNT-001 and CNT-004 share BOX-001 on S1 (SH5 general here, so no dangerous goods beside food).
    const shared = () => {
      const s = boxScenario();
      shipment(s, "SH5").handling = "general";
      s.sailings![0].maxContainers = 2;
      return s;
    };
    const sharedPlan = () => {
      const p = boxPlan();
      container(p, "CNT-004").sailing = "S1";
      p.boxes = [{ ...p.boxes![0], containers: ["CNT-001", "CNT-004"], weightKg: 3900 }];
      p.summary = { ...p.summary, boxes: 1, freight: 9_500_000, lowerBoundBoxes: 1 };
      // the box's freight over four lines (worked out in charges.check.test.ts)
      const f: Record<string, number> = { SH1: 3081081, SH6: 2567568, SH2: 3301158, SH5: 550193 };
      p.charges = p.charges.map((c) => ({ ...c, freight: f[c.shipment] ?? 0 }));
      return p;
    };
    const base = { scenario: shared, plan: sharedPlan };
    {
      const { scenario, plan } = lateWeek(base);
      // dangerous goods in CNT-004 would sit beside CNT-001's coffee in one box
      scenario.shipments.at(-1)!.handling = "dangerous";
      const r = lateShipmentOptions(scenario, plan, "SH9");
      expect(r.options.map((o) => o.container)).to.deep.equal([]);
      const refused = assignLateShipment(scenario, plan, "SH9", "CNT-004");
      expect(refused.ok).to.equal(false);
      if (!refused.ok) expect(refused.reason).to.include("BOX-001");
    }
    {
      const { scenario, plan } = lateWeek(base);
      scenario.boxTypes![0].maxWeightKg = 4000; // 3,900 kg in BOX-001 with tare: 100 kg left
      expect(lateShipmentOptions(scenario, plan, "SH9").options).to.deep.equal([]);
      scenario.boxTypes![0].maxWeightKg = 4200;
      expect(lateShipmentOptions(scenario, plan, "SH9").options).to.have.length(2);
    }
    {
      const { scenario, plan } = lateWeek(base, { destination: "NL" });
      // S1 serves NL, but BOX-001 is opened in Japan (SH1, SH6)
      expect(lateShipmentOptions(scenario, plan, "SH9").options).to.deep.equal([]);
    }
  });
});

describe("assignLateShipment: the new plan", () => {
  it("changes only that container (and its box, the charges and the summary), and passes the checker", () => {
    const { scenario, plan } = lateWeek();
    const r = assignLateShipment(scenario, plan, "SH9", "CNT-004");
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(checkPlan(scenario, r.plan)).to.deep.equal([]);
    const changed = r.plan.containers.find((c) => c.id === "CNT-004")!;
    expect(changed.stops.map((s) => s.village)).to.deep.equal(["V2", "V1"]);
    expect(changed.distanceKm).to.equal(120);
    expect(changed.cost).to.equal(700000);
    expect(changed.weightKg).to.equal(1300);
    for (const c of plan.containers.filter((x) => x.id !== "CNT-004"))
      expect(r.plan.containers.find((x) => x.id === c.id)).to.deep.equal(c);
    expect(r.plan.unassigned.map((u) => u.shipment)).to.deep.equal(["SH6", "SH7"]);
    expect(r.plan.summary.cost).to.equal(plan.summary.cost + 25000);
    // 700,000 over SH2 3/7, SH5 1/14, SH9 max(300/3000, 1/14) = 0.1: shares sum exactly
    const lines = r.plan.charges.filter((c) => c.container === "CNT-004");
    expect(lines.map((c) => c.shipment)).to.deep.equal(["SH2", "SH5", "SH9"]);
    expect(lines.reduce((a, c) => a + c.truck, 0)).to.equal(700000);
  });

  it("loads at an existing stop when the container already calls at the village", () => {
    const { scenario, plan } = lateWeek();
    const r = assignLateShipment(scenario, plan, "SH9", "CNT-001");
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(checkPlan(scenario, r.plan)).to.deep.equal([]);
    const c = r.plan.containers.find((x) => x.id === "CNT-001")!;
    expect(c.stops).to.have.length(2);
    expect(c.stops[0].load.map((l) => l.shipment)).to.deep.equal(["SH1", "SH9"]);
    expect(c.distanceKm).to.equal(175);
  });

  it("updates its box's weight and shares the box's freight over the new line too", () => {
    const { scenario, plan } = lateWeek({ scenario: boxScenario, plan: boxPlan }, { destination: "JP" });
    const r = assignLateShipment(scenario, plan, "SH9", "CNT-004");
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(checkPlan(scenario, r.plan)).to.deep.equal([]);
    expect(r.plan.boxes!.find((b) => b.id === "BOX-002")!.weightKg).to.equal(1350 + 300);
    expect(r.plan.boxes!.find((b) => b.id === "BOX-001")).to.deep.equal(plan.boxes![0]);
    const freight = r.plan.charges
      .filter((c) => c.container === "CNT-004")
      .reduce((a, c) => a + c.freight, 0);
    expect(freight).to.equal(9_500_000);
  });

  it("refuses with a reason: a full container, an unknown container, a shipment already planned", () => {
    const { scenario, plan } = lateWeek(undefined, { weightKg: 2500 });
    const full = assignLateShipment(scenario, plan, "SH9", "CNT-001");
    expect(full).to.deep.equal({ ok: false, reason: "CNT-001 has 800 kg of room left; SH9 weighs 2500 kg." });
    expect(assignLateShipment(scenario, plan, "SH9", "CNT-404").ok).to.equal(false);
    expect(assignLateShipment(scenario, plan, "SH4", "CNT-003")).to.deep.equal({
      ok: false,
      reason: "Shipment SH4 is already planned in full.",
    });
  });
});
