import { expect } from "chai";
import { pickupRows } from "../../../shared/views/pickup-schedule.js";
import { fixturePlan, fixtureScenario } from "./fixtures.js";

describe("views/pickup-schedule", () => {
  it("lists one row per container stop, earliest first, with what is loaded", () => {
    const rows = pickupRows(fixturePlan(), fixtureScenario());
    expect(rows.map((r) => [r.village, r.container, r.stop])).to.deep.equal([
      ["vP", "C2", 1], // 08:00 WIT = 23:00Z the day before
      ["vA", "C1", 1], // 08:00 WITA = 00:00Z
      ["vB", "C1", 2], // 09:00 WIB = 02:00Z
    ]);
    const vB = rows[2];
    expect(vB.timeZone).to.equal("Asia/Pontianak");
    expect(vB.loads).to.deep.equal([
      {
        shipment: "S2",
        product: "banana-flour",
        handling: "dry",
        exporter: "EXP-B",
        destination: "SG",
        packages: 4,
        weightKg: 800,
        volumeM3: 2,
      },
    ]);
    expect(vB.weightKg).to.equal(800);
    expect(vB.portName).to.equal("Trisakti (Banjarmasin)");
  });

  it("filters by village and drops pickups already finished", () => {
    const plan = fixturePlan();
    const scenario = fixtureScenario();
    expect(pickupRows(plan, scenario, { village: "vA" }).map((r) => r.container)).to.deep.equal(["C1"]);
    expect(pickupRows(plan, scenario, { village: "vQ" })).to.deep.equal([]);
    const afterVA = Date.parse("2026-12-28T08:30:00.001+08:00");
    expect(pickupRows(plan, scenario, { fromMs: afterVA }).map((r) => r.village)).to.deep.equal(["vB"]);
  });

  it("adds split parts of one shipment without float noise", () => {
    const plan = fixturePlan();
    plan.containers[0].stops[1].load = [
      { shipment: "S2", packages: 1, weightKg: 0.1, volumeM3: 0.1 },
      { shipment: "S2", packages: 1, weightKg: 0.2, volumeM3: 0.2 },
    ];
    const row = pickupRows(plan, fixtureScenario(), { village: "vB" })[0];
    expect(row.weightKg).to.equal(0.3);
    expect(row.volumeM3).to.equal(0.3);
  });
});
