/** Rule 8, what may share a box: slots, weight with tare, power, temperature, dangerous goods, destination. */
import { expect } from "chai";
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { boxFixture } from "./box-fixtures.js";
import { checkMutated, expectOnly } from "./check-expect.js";
import { container, shipment } from "./check-fixtures.js";

const mutated = (mutate: Parameters<typeof checkMutated>[0]) => checkMutated(mutate, boxFixture);

/** CNT-004 joins CNT-001 in BOX-001 on S1 (which now takes two containers). */
function oneBox(s: Scenario, p: Plan): void {
  s.sailings![0].maxContainers = 2;
  container(p, "CNT-004").sailing = "S1";
  p.boxes = [{ ...p.boxes![0], containers: ["CNT-001", "CNT-004"], weightKg: 2550 + 1350 }];
  p.summary = { ...p.summary, boxes: 1, freight: 9_500_000, lowerBoundBoxes: 1 };
}

/** CNT-002 (chilled avocado, reefer) on a new sailing S3 from P2, in box `type`. */
function reeferOnSailing(s: Scenario, p: Plan, type: string): void {
  s.sailings!.push({
    id: "S3",
    port: "P2",
    departure: "2026-12-08T18:00:00+07:00",
    cutoff: "2026-12-08T06:00:00+07:00",
  });
  container(p, "CNT-002").sailing = "S3";
  p.boxes!.push({ id: "BOX-003", type, sailing: "S3", containers: ["CNT-002"], weightKg: 850, freight: 0 });
  const freight = s.boxTypes!.find((t) => t.id === type)!.freight!;
  p.boxes![2].freight = freight;
  p.summary = { ...p.summary, boxes: 3, freight: 19_000_000 + freight, lowerBoundBoxes: 3 };
}

describe("checkPlan: sea boxes, what may share one (rule 8)", () => {
  it("general goods with food, no destination beside Japan, in one box: allowed", () => {
    const v = mutated((s, p) => {
      oneBox(s, p);
      shipment(s, "SH5").handling = "general";
    });
    expect(v).to.deep.equal([]);
  });

  it("BOX_DANGEROUS_WITH_FOOD: essential oil's container beside coffee's", () => {
    const v = mutated(oneBox);
    expectOnly(v, "BOX_DANGEROUS_WITH_FOOD");
    expect(v[0].container).to.equal("CNT-004");
  });

  it("BOX_SLOTS: containers taking more slots than the box has", () => {
    expectOnly(
      mutated((s) => {
        s.containerTypes[0].boxSlots = 4;
      }),
      "BOX_SLOTS",
    );
    expect(
      mutated((s) => {
        s.containerTypes[0].boxSlots = 3;
      }),
    ).to.deep.equal([]);
  });

  it("BOX_OVER_WEIGHT: loads plus tare over the box's payload (the tare counts)", () => {
    // 2,200 kg loaded + 350 kg tare = 2,550 kg in BOX-001.
    expectOnly(
      mutated((s) => {
        s.boxTypes![0].maxWeightKg = 2500;
      }),
      "BOX_OVER_WEIGHT",
    );
    expect(
      mutated((s) => {
        s.boxTypes![0].maxWeightKg = 2550;
      }),
    ).to.deep.equal([]);
  });

  it("BOX_REEFER_REQUIRED: chilled goods in a box without power", () => {
    const v = mutated((s, p) => reeferOnSailing(s, p, "20GP"));
    expectOnly(v, "BOX_REEFER_REQUIRED");
    expect(v[0].container).to.equal("CNT-002");
    expect(mutated((s, p) => reeferOnSailing(s, p, "20RF"))).to.deep.equal([]);
  });

  it("BOX_TEMPERATURE_MIX: chilled and frozen containers in one reefer box", () => {
    const v = mutated((s, p) => {
      reeferOnSailing(s, p, "20RF");
      s.depots[0].fleet!["C3T-R"] = 2;
      s.shipments.push({
        id: "SH8",
        village: "V1",
        product: "frozen-fish",
        handling: "frozen",
        weightKg: 300,
      });
      const frozen = structuredClone(container(p, "CNT-002"));
      frozen.id = "CNT-005";
      frozen.stops[0].load = [{ shipment: "SH8", packages: 1, weightKg: 300, volumeM3: 0 }];
      frozen.weightKg = 300;
      frozen.volumeM3 = 0;
      p.containers.push(frozen);
      p.boxes![2].containers.push("CNT-005");
      p.boxes![2].weightKg += 650;
      p.summary = {
        ...p.summary,
        containers: 5,
        distanceKm: p.summary.distanceKm + 135,
        cost: p.summary.cost + 960000,
        assignedWeightKg: p.summary.assignedWeightKg + 300,
        meanWeightFill: (p.summary.meanWeightFill * 4 + 0.1) / 5,
        meanVolumeFill: (p.summary.meanVolumeFill * 4) / 5,
      };
    });
    expectOnly(v, "BOX_TEMPERATURE_MIX");
  });

  it("BOX_DESTINATIONS: one box, two countries", () => {
    const v = mutated((s) => {
      shipment(s, "SH6").destination = "NL";
    });
    expectOnly(v, "BOX_DESTINATIONS");
  });
});
