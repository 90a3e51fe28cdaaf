/**
 * Rule 9: charges add up and are shared by weight or measure. The fixture's charges are
 * worked out by hand (check-fixtures.ts, box-fixtures.ts); each mutation breaks one rule.
 */
import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import type { Plan } from "../../../shared/core/model/plan.js";
import { boxFixture, boxPlan, boxScenario } from "./box-fixtures.js";
import { checkMutated, expectOnly } from "./check-expect.js";
import { basePlan, baseScenario } from "./check-fixtures.js";

const charge = (p: Plan, shipment: string) => p.charges.find((c) => c.shipment === shipment)!;

describe("checkPlan: charges (rule 9)", () => {
  it("the hand-computed charges pass, with and without boxes", () => {
    expect(checkPlan(baseScenario(), basePlan())).to.deep.equal([]);
    expect(checkPlan(boxScenario(), boxPlan())).to.deep.equal([]);
  });

  it("CHARGES_MISSING: every plan carries charges", () => {
    const v = checkMutated((_s, p) => {
      delete (p as Partial<Plan>).charges;
    });
    expectOnly(v, "CHARGES_MISSING");
  });

  it("CHARGE_MISSING: a load line without a charge", () => {
    const v = checkMutated((_s, p) => {
      p.charges = p.charges.filter((c) => c.shipment !== "SH6");
    });
    expectOnly(v, "CHARGE_MISSING");
    expect(v[0]).to.include({ container: "CNT-001", shipment: "SH6" });
  });

  it("CHARGE_UNKNOWN_LINE: a charge for a shipment the container does not load", () => {
    const v = checkMutated((_s, p) => {
      p.charges.push({ shipment: "SH2", container: "CNT-001", packages: 1, truck: 0, freight: 0 });
    });
    expectOnly(v, "CHARGE_UNKNOWN_LINE");
  });

  it("CHARGE_DUPLICATE: one line charged twice", () => {
    const v = checkMutated((_s, p) => {
      p.charges.push({ ...charge(p, "SH3") });
    });
    expectOnly(v, "CHARGE_DUPLICATE");
  });

  it("CHARGE_PACKAGES: the charge is for other packages than the line loads", () => {
    const v = checkMutated((_s, p) => {
      charge(p, "SH1").packages = 3;
    });
    expectOnly(v, "CHARGE_PACKAGES");
  });

  it("CHARGE_VALUE: a charge that is not a rupiah amount", () => {
    const v = checkMutated((_s, p) => {
      charge(p, "SH3").truck = "960000" as never;
    });
    expectOnly(v, "CHARGE_VALUE");
  });

  it("CHARGE_TRUCK_SUM: a container's charges do not add up to its cost", () => {
    const v = checkMutated((_s, p) => {
      charge(p, "SH1").truck += 10;
    });
    expectOnly(v, "CHARGE_TRUCK_SUM");
    expect(v[0].container).to.equal("CNT-001");
  });

  it("within 1 IDR the sum passes (a plan may round)", () => {
    const v = checkMutated((_s, p) => {
      charge(p, "SH3").truck += 1;
    });
    expect(v).to.deep.equal([]);
  });

  it("CHARGE_TRUCK_SHARE: the sum is right but not split by weight or measure", () => {
    const v = checkMutated((_s, p) => {
      charge(p, "SH1").truck -= 2;
      charge(p, "SH6").truck += 2;
    });
    expectOnly(v, "CHARGE_TRUCK_SHARE");
    expect(v.map((x) => x.shipment).sort()).to.deep.equal(["SH1", "SH6"]);
  });

  it("the share follows volume when volume is the greater measure (SH2: 6/14 m3 > 800/3000 kg)", () => {
    // Split CNT-004 by weight alone (800:200) instead: SH2 would pay 540,000, not 578,571.
    const v = checkMutated((_s, p) => {
      charge(p, "SH2").truck = 540000;
      charge(p, "SH5").truck = 135000;
    });
    expectOnly(v, "CHARGE_TRUCK_SHARE");
  });

  it("CHARGE_FREIGHT_SUM: a box's freight charges do not add up to its freight", () => {
    const v = checkMutated((_s, p) => {
      charge(p, "SH2").freight += 5;
    }, boxFixture);
    expectOnly(v, "CHARGE_FREIGHT_SUM");
  });

  it("CHARGE_FREIGHT_SHARE: the box's freight split other than by weight or measure", () => {
    const v = checkMutated((_s, p) => {
      charge(p, "SH2").freight -= 3;
      charge(p, "SH5").freight += 3;
    }, boxFixture);
    expectOnly(v, "CHARGE_FREIGHT_SHARE");
  });

  it("CHARGE_FREIGHT_WITHOUT_BOX: freight charged on a container in no box", () => {
    const v = checkMutated((_s, p) => {
      charge(p, "SH3").freight = 100;
    }, boxFixture);
    expectOnly(v, "CHARGE_FREIGHT_WITHOUT_BOX");
    expect(v[0].container).to.equal("CNT-002");
  });

  it("a box's freight is shared over the lines of all its containers", () => {
    // CNT-001 and CNT-004 in one box is a DANGEROUS_WITH_FOOD box; use general goods instead.
    const v = checkMutated((s, p) => {
      s.shipments.find((x) => x.id === "SH5")!.handling = "general";
      s.sailings![0].maxContainers = 2;
      p.containers.find((c) => c.id === "CNT-004")!.sailing = "S1";
      p.boxes = [{ ...p.boxes![0], containers: ["CNT-001", "CNT-004"], weightKg: 3900 }];
      p.summary = { ...p.summary, boxes: 1, freight: 9_500_000, lowerBoundBoxes: 1 };
      // measures 0.4 + 1/3 + 3/7 + 1/14 = 1.2333...: SH1 3,081,081.08, SH6 2,567,567.57,
      // SH2 3,301,158.30, SH5 550,193.05 -> floors sum 9,499,999, the rupiah to SH6 (.57).
      const f: Record<string, number> = { SH1: 3081081, SH6: 2567568, SH2: 3301158, SH5: 550193 };
      p.charges = p.charges.map((c) => ({ ...c, freight: f[c.shipment] ?? 0 }));
    }, boxFixture);
    expect(v).to.deep.equal([]);
  });
});
