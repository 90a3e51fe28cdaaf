import { expect } from "chai";
import { checkMutated, expectOnly } from "./check-expect.js";
import { container, refreshSummary } from "./check-fixtures.js";

describe("checkPlan: islands", () => {
  it("ISLAND: a village on another island than its depot and port", () => {
    const v = checkMutated((s) => {
      s.villages[1].island = "Madura";
    });
    expectOnly(v, "ISLAND");
    expect(v.map((x) => x.container).sort()).to.deep.equal(["CNT-001", "CNT-004"]);
  });

  it("ISLAND: a port on another island", () => {
    expectOnly(
      checkMutated((s) => {
        s.ports[1].island = "Bali";
      }),
      "ISLAND",
    );
  });

  it("a place without island does not constrain the trip", () => {
    expect(
      checkMutated((s) => {
        delete s.villages[1].island;
        delete s.depots[0].island;
      }),
    ).to.deep.equal([]);
  });
});

describe("checkPlan: fleet", () => {
  it("FLEET: more containers of a type than the depot holds", () => {
    const v = checkMutated((s) => {
      s.depots[0].fleet = { C3T: 1, "C3T-R": 1 };
    });
    expectOnly(v, "FLEET");
    expect(v[0].message).to.contain("D1").and.contain("C3T");
  });

  it("FLEET: a type missing from a given fleet means none of it there", () => {
    const v = checkMutated((s) => {
      s.depots[0].fleet = { C3T: 2 };
    });
    expectOnly(v, "FLEET");
    expect(v[0].container).to.equal("CNT-002");
  });

  it("an absent fleet is unlimited (three trucks from D2)", () => {
    expect(
      checkMutated((s, p) => {
        const c3 = container(p, "CNT-003");
        // SH4 split in three packages, one per truck, all from D2.
        s.shipments.find((x) => x.id === "SH4")!.packages = 3;
        const part = { shipment: "SH4", packages: 1, weightKg: 300, volumeM3: 1 };
        c3.stops[0].load = [part];
        c3.weightKg = 300;
        c3.volumeM3 = 1;
        p.containers.push(
          { ...structuredClone(c3), id: "CNT-005" },
          { ...structuredClone(c3), id: "CNT-006" },
        );
        refreshSummary(s, p);
      }),
    ).to.deep.equal([]);
  });
});
