/** Rule 8, who rides in which box: membership, references, maxBoxes, reported figures. */
import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import type { Plan } from "../../../shared/core/model/plan.js";
import { boxFixture, boxPlan, boxScenario } from "./box-fixtures.js";
import { checkMutated, expectOnly } from "./check-expect.js";
import { basePlan, baseScenario } from "./check-fixtures.js";

const mutated = (mutate: Parameters<typeof checkMutated>[0]) => checkMutated(mutate, boxFixture);
const box = (p: Plan, id: string) => p.boxes!.find((b) => b.id === id)!;

describe("checkPlan: sea boxes, who rides where (rule 8)", () => {
  it("the fixture with boxes passes", () => {
    expect(checkPlan(boxScenario(), boxPlan())).to.deep.equal([]);
  });

  it("BOXES_MISSING: with boxTypes the plan lists its boxes", () => {
    expectOnly(
      mutated((_s, p) => {
        delete p.boxes;
      }),
      "BOXES_MISSING",
    );
  });

  it("BOXES_WITHOUT_TYPES: boxes in a plan whose scenario has no box types", () => {
    const plan = { ...basePlan(), boxes: boxPlan().boxes };
    expectOnly(checkPlan(baseScenario(), plan), "BOXES_WITHOUT_TYPES");
  });

  it("DUPLICATE_BOX_ID", () => {
    expectOnly(
      mutated((_s, p) => {
        box(p, "BOX-002").id = "BOX-001";
      }),
      "DUPLICATE_BOX_ID",
    );
  });

  it("UNKNOWN_BOX_TYPE", () => {
    expectOnly(
      mutated((_s, p) => {
        box(p, "BOX-002").type = "40HC";
      }),
      "UNKNOWN_BOX_TYPE",
    );
  });

  it("BOX_UNKNOWN_SAILING", () => {
    expectOnly(
      mutated((_s, p) => {
        box(p, "BOX-002").sailing = "S9";
      }),
      "BOX_UNKNOWN_SAILING",
    );
  });

  it("EMPTY_BOX", () => {
    expectOnly(
      mutated((_s, p) => {
        p.boxes!.push({
          id: "BOX-003",
          type: "20GP",
          sailing: "S2",
          containers: [],
          weightKg: 0,
          freight: 9_500_000,
        });
        p.summary = { ...p.summary, boxes: 3, freight: 28_500_000 };
      }),
      "EMPTY_BOX",
    );
  });

  it("BOX_UNKNOWN_CONTAINER", () => {
    expectOnly(
      mutated((_s, p) => {
        box(p, "BOX-002").containers.push("CNT-999");
      }),
      "BOX_UNKNOWN_CONTAINER",
    );
  });

  it("BOX_DOUBLED: a container in two boxes", () => {
    const v = mutated((_s, p) => {
      p.boxes!.push({ ...box(p, "BOX-001"), id: "BOX-003", containers: ["CNT-001"] });
      p.summary = { ...p.summary, boxes: 3, freight: 28_500_000 };
    });
    expectOnly(v, "BOX_DOUBLED");
    expect(v[0].container).to.equal("CNT-001");
  });

  it("BOX_WRONG_SAILING: a container in a box of another sailing", () => {
    const v = mutated((_s, p) => {
      box(p, "BOX-002").sailing = "S1";
    });
    expectOnly(v, "BOX_WRONG_SAILING");
    expect(v[0].container).to.equal("CNT-004");
  });

  it("BOX_WRONG_SAILING: a container at a port without sailings rides in no box", () => {
    const v = mutated((_s, p) => {
      box(p, "BOX-001").containers.push("CNT-003");
      box(p, "BOX-001").weightKg += 900 + 350;
    });
    expectOnly(v, "BOX_WRONG_SAILING");
    expect(v[0].container).to.equal("CNT-003");
  });

  it("UNBOXED: a container on a sailing in no box", () => {
    const v = mutated((_s, p) => {
      p.boxes = p.boxes!.filter((b) => b.id !== "BOX-002");
      p.summary = { ...p.summary, boxes: 1, freight: 9_500_000, lowerBoundBoxes: 1 };
    });
    expectOnly(v, "UNBOXED");
    expect(v[0].container).to.equal("CNT-004");
  });

  it("BOXES_FULL: more boxes on a sailing than its maxBoxes", () => {
    expectOnly(
      mutated((s) => {
        s.sailings![1].maxBoxes = 0;
      }),
      "BOXES_FULL",
    );
    expect(
      mutated((s) => {
        s.sailings![1].maxBoxes = 1;
      }),
    ).to.deep.equal([]);
  });

  it("BOX_WEIGHT: the box reports other than its loads plus tare", () => {
    expectOnly(
      mutated((_s, p) => {
        box(p, "BOX-001").weightKg = 2200; // the load without the 350 kg tare
      }),
      "BOX_WEIGHT",
    );
  });

  it("BOX_FREIGHT: the box reports other than its type's freight", () => {
    expectOnly(
      mutated((_s, p) => {
        box(p, "BOX-001").freight = 9_000_000;
        p.summary = { ...p.summary, freight: 18_500_000 };
      }),
      "BOX_FREIGHT",
    );
  });

  it("SUMMARY_BOXES, SUMMARY_FREIGHT, LOWER_BOUND_BOXES", () => {
    expectOnly(
      mutated((_s, p) => {
        p.summary.boxes = 3;
      }),
      "SUMMARY_BOXES",
    );
    expectOnly(
      mutated((_s, p) => {
        p.summary.freight = 9_500_000;
      }),
      "SUMMARY_FREIGHT",
    );
    for (const lb of [3, 1.5, -1, undefined]) {
      expectOnly(
        mutated((_s, p) => {
          p.summary.lowerBoundBoxes = lb;
        }),
        "LOWER_BOUND_BOXES",
      );
    }
  });
});
