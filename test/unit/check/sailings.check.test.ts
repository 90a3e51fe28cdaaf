import { expect } from "chai";
import { checkMutated, expectOnly } from "./check-expect.js";
import { container, shipment } from "./check-fixtures.js";

describe("checkPlan: sailings", () => {
  it("NO_SAILING: a port with sailings takes containers only on them", () => {
    const v = checkMutated((_s, p) => {
      delete container(p, "CNT-004").sailing;
    });
    expectOnly(v, "NO_SAILING");
    expect(v[0].container).to.equal("CNT-004");
  });

  it("a port without sailings takes containers at any time (CNT-002 at P2)", () => {
    expect(checkMutated(() => {})).to.deep.equal([]);
  });

  it("MISSED_CUTOFF: port arrival after the sailing's cut-off", () => {
    const v = checkMutated((s) => {
      s.sailings![0].cutoff = "2026-12-07T10:00:00+07:00";
    });
    expectOnly(v, "MISSED_CUTOFF");
    expect(v[0].container).to.equal("CNT-001");
  });

  it("arriving exactly at the cut-off is in time", () => {
    expect(
      checkMutated((s) => {
        s.sailings![0].cutoff = "2026-12-07T10:55:00+07:00";
      }),
    ).to.deep.equal([]);
  });

  it("SAILING_DESTINATION: the sailing does not serve the buyer's country", () => {
    const v = checkMutated((s) => {
      shipment(s, "SH1").destination = "US";
    });
    expectOnly(v, "SAILING_DESTINATION");
    expect(v[0].shipment).to.equal("SH1");
  });

  it("a sailing without destinations serves any (SH1 to US on S2)", () => {
    expect(
      checkMutated((s, p) => {
        shipment(s, "SH1").destination = "US";
        delete shipment(s, "SH1").sailBy;
        shipment(s, "SH6").destination = "US";
        s.sailings![1].maxContainers = 2;
        container(p, "CNT-001").sailing = "S2";
      }),
    ).to.deep.equal([]);
  });

  it("SAILING_SAIL_BY: the sailing departs after the shipment's sailBy", () => {
    const v = checkMutated((s) => {
      shipment(s, "SH1").sailBy = "2026-12-09T12:00:00+07:00";
    });
    expectOnly(v, "SAILING_SAIL_BY");
  });

  it("SAILING_FULL: more containers than maxContainers", () => {
    const v = checkMutated((_s, p) => {
      container(p, "CNT-004").sailing = "S1";
    });
    expectOnly(v, "SAILING_FULL");
    expect(v[0].message).to.contain("CNT-001").and.contain("CNT-004");
  });
});
