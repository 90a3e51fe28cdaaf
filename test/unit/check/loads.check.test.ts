import { expect } from "chai";
import { checkMutated, expectOnly, rulesOf } from "./check-expect.js";
import { container, refreshLoads, refreshSummary, shipment } from "./check-fixtures.js";

describe("checkPlan: capacity and packages", () => {
  it("OVER_WEIGHT: the 3500 kg rattan load pushes CNT-004 to 4500 kg", () => {
    const v = checkMutated((s, p) => {
      shipment(s, "SH7").volumeM3 = 5; // within volume: only the weight breaks
      container(p, "CNT-004").stops[0].load.push({ shipment: "SH7", packages: 1, weightKg: 0, volumeM3: 0 });
      p.unassigned.pop();
      refreshLoads(s, p);
    });
    expectOnly(v, "OVER_WEIGHT");
    expect(v[0].container).to.equal("CNT-004");
  });

  it("allows a load exactly at capacity (and 1e-6 relative over it)", () => {
    const atCapacity = checkMutated((s, p) => {
      s.containerTypes[0].maxWeightKg = 2200;
      refreshSummary(s, p);
    });
    expect(atCapacity).to.deep.equal([]);
    const justOver = checkMutated((s, p) => {
      s.containerTypes[0].maxWeightKg = 2199.99;
      refreshSummary(s, p);
    });
    expectOnly(justOver, "OVER_WEIGHT");
  });

  it("OVER_VOLUME", () => {
    expectOnly(
      checkMutated((s, p) => {
        s.containerTypes[0].maxVolumeM3 = 7.5; // CNT-001 holds 8 m3, CNT-004 7
        refreshSummary(s, p);
      }),
      "OVER_VOLUME",
    );
  });

  it("WHOLE_PACKAGES: zero or fractional packages", () => {
    expectOnly(
      checkMutated((_s, p) => {
        p.unassigned.push({ shipment: "SH2", packages: 0, reason: "TIME", detail: "Too late." });
      }),
      "WHOLE_PACKAGES",
    );
    const v = checkMutated((_s, p) => {
      container(p, "CNT-001").stops[1].load[0].packages = 1.5;
    });
    expect(rulesOf(v)).to.include("WHOLE_PACKAGES");
  });

  it("PART_WEIGHT: a part weighs weightKg x parts / packages", () => {
    const v = checkMutated((_s, p) => {
      container(p, "CNT-001").stops[0].load[0].weightKg = 1100;
    });
    expectOnly(v, "PART_WEIGHT");
    expect(v[0].shipment).to.equal("SH1");
  });

  it("PART_VOLUME: volume likewise", () => {
    expectOnly(
      checkMutated((_s, p) => {
        container(p, "CNT-001").stops[1].load[0].volumeM3 = 3;
      }),
      "PART_VOLUME",
    );
  });

  it("EMPTY_CONTAINER: a trip with no stops, or stops that load nothing", () => {
    expectOnly(
      checkMutated((s, p) => {
        p.containers.push({
          id: "CNT-005",
          type: "C3T",
          depot: "D2",
          port: "P3",
          departDepot: "2026-12-07T08:00:00+08:00",
          stops: [],
          portArrival: "2026-12-07T09:40:00+08:00",
          distanceKm: 100,
          cost: 600000,
          weightKg: 0,
          volumeM3: 0,
        });
        refreshSummary(s, p);
      }),
      "EMPTY_CONTAINER",
    );
    const v = checkMutated((s, p) => {
      const c = container(p, "CNT-003");
      p.unassigned.push({ shipment: "SH4", packages: 1, reason: "TIME", detail: "Too late." });
      c.stops[0].load = [];
      refreshLoads(s, p);
    });
    expectOnly(v, "EMPTY_CONTAINER");
  });
});

describe("checkPlan: nothing lost or doubled", () => {
  it("PACKAGES_LOST: a shipment left out of containers and unassigned", () => {
    const v = checkMutated((s, p) => {
      p.unassigned.pop();
      refreshSummary(s, p);
    });
    expectOnly(v, "PACKAGES_LOST");
    expect(v[0].shipment).to.equal("SH7");
  });

  it("PACKAGES_LOST: part of a split shipment missing", () => {
    const v = checkMutated((s, p) => {
      container(p, "CNT-001").stops[0].load[0].packages = 3;
      refreshLoads(s, p);
    });
    expectOnly(v, "PACKAGES_LOST");
  });

  it("PACKAGES_DOUBLED: a package both loaded and unassigned", () => {
    const v = checkMutated((s, p) => {
      p.unassigned.push({ shipment: "SH1", packages: 1, reason: "TIME", detail: "Too late." });
      refreshSummary(s, p);
    });
    expectOnly(v, "PACKAGES_DOUBLED");
    expect(v[0].shipment).to.equal("SH1");
  });

  it("PACKAGES_DOUBLED: a shipment in two containers", () => {
    expectOnly(
      checkMutated((s, p) => {
        // SH4 is loaded again, at its own village, by a second Sulawesi truck.
        p.containers.push({ ...structuredClone(container(p, "CNT-003")), id: "CNT-005" });
        refreshSummary(s, p);
      }),
      "PACKAGES_DOUBLED",
    );
  });

  it("WRONG_VILLAGE: a shipment is loaded only where it waits", () => {
    const v = checkMutated((_s, p) => {
      const c = container(p, "CNT-001");
      const atV1 = c.stops[0].load;
      c.stops[0].load = c.stops[1].load;
      c.stops[1].load = atV1;
    });
    expectOnly(v, "WRONG_VILLAGE");
    expect(v.map((x) => x.shipment).sort()).to.deep.equal(["SH1", "SH6"]);
  });

  it("shipment defaults: no packages = 1, no volume = 0", () => {
    const v = checkMutated((s, p) => {
      delete shipment(s, "SH4").volumeM3;
      refreshLoads(s, p);
    });
    expect(v).to.deep.equal([]);
  });
});
