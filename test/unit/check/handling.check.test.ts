import { expect } from "chai";
import { checkMutated, expectOnly } from "./check-expect.js";
import { container, refreshLoads, shipment } from "./check-fixtures.js";

describe("checkPlan: handling and product rules", () => {
  it("REEFER_REQUIRED: chilled avocado in an ambient container", () => {
    const v = checkMutated((s) => {
      s.containerTypes[1].reefer = false;
    });
    expectOnly(v, "REEFER_REQUIRED");
    expect(v[0]).to.include({ container: "CNT-002", shipment: "SH3" });
  });

  for (const h of ["chilled", "frozen", "live"] as const) {
    it(`TEMPERATURE_MIX: ${h} goods with dry goods, even in a reefer`, () => {
      const v = checkMutated((s) => {
        s.containerTypes[0].reefer = true;
        shipment(s, "SH1").handling = h;
      });
      expectOnly(v, "TEMPERATURE_MIX");
      expect(v[0].container).to.equal("CNT-001");
    });
  }

  it("TEMPERATURE_MIX: chilled and frozen together", () => {
    expectOnly(
      checkMutated((s) => {
        s.containerTypes[0].reefer = true;
        shipment(s, "SH1").handling = "chilled";
        shipment(s, "SH6").handling = "frozen";
      }),
      "TEMPERATURE_MIX",
    );
  });

  it("ambient goods may ride in a reefer that holds no reefer class", () => {
    expect(
      checkMutated((s) => {
        s.containerTypes[0].reefer = true;
      }),
    ).to.deep.equal([]);
  });

  it("DANGEROUS_WITH_FOOD: essential oil with dry food", () => {
    const v = checkMutated((s) => {
      shipment(s, "SH2").handling = "dry";
    });
    expectOnly(v, "DANGEROUS_WITH_FOOD");
    expect(v[0]).to.include({ container: "CNT-004", shipment: "SH5" });
  });

  it("dangerous may share with general goods (the fixture's CNT-004)", () => {
    expect(container(checkFixturePlan(), "CNT-004").stops[0].load.map((l) => l.shipment)).to.deep.equal([
      "SH2",
      "SH5",
    ]);
    expect(checkMutated(() => {})).to.deep.equal([]);
  });

  it("NEVER_TOGETHER: the project's default pairs (coffee and dried seaweed)", () => {
    const v = checkMutated((s) => {
      shipment(s, "SH6").product = "dried-seaweed";
    });
    expectOnly(v, "NEVER_TOGETHER");
    expect(v[0].message).to.contain("coffee").and.contain("dried-seaweed");
  });

  it("NEVER_TOGETHER: pairs the scenario adds, in either order", () => {
    expectOnly(
      checkMutated((s) => {
        s.rules = { neverTogether: [["banana-flour", "coffee"]] };
      }),
      "NEVER_TOGETHER",
    );
  });

  it("NEVER_TOGETHER: the scenario's own pair rattan-crafts/coffee", () => {
    expectOnly(
      checkMutated((s, p) => {
        // SH2 (rattan) moves from CNT-004 to CNT-001's V2 stop, beside the coffee.
        const c4 = container(p, "CNT-004");
        const line = c4.stops[0].load.shift()!;
        container(p, "CNT-001").stops[1].load.push(line);
        refreshLoads(s, p);
      }),
      "NEVER_TOGETHER",
    );
  });
});

function checkFixturePlan() {
  let plan: Parameters<Parameters<typeof checkMutated>[0]>[1] | undefined;
  checkMutated((_s, p) => {
    plan = p;
  });
  return plan!;
}
