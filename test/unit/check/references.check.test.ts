import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import type { UnassignedReason } from "../../../shared/core/model/plan.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { checkMutated, expectOnly, rulesOf } from "./check-expect.js";
import { basePlan, baseScenario, container } from "./check-fixtures.js";

describe("checkPlan: the hand-built fixture", () => {
  it("is a valid scenario with a feasible plan (no violations)", () => {
    const valid = validateScenario(baseScenario());
    expect(valid.ok, JSON.stringify(valid)).to.equal(true);
    expect(checkPlan(baseScenario(), basePlan())).to.deep.equal([]);
  });

  it("reports a plan without containers/unassigned/summary as PLAN_SHAPE", () => {
    expectOnly(checkPlan(baseScenario(), {} as never), "PLAN_SHAPE");
  });
});

describe("checkPlan: references", () => {
  it("DUPLICATE_CONTAINER_ID", () => {
    const v = checkMutated((_s, p) => {
      container(p, "CNT-004").id = "CNT-003";
    });
    expectOnly(v, "DUPLICATE_CONTAINER_ID");
    expect(v[0].container).to.equal("CNT-003");
  });

  it("UNKNOWN_TYPE", () => {
    expectOnly(
      checkMutated((_s, p) => {
        container(p, "CNT-003").type = "C20";
      }),
      "UNKNOWN_TYPE",
    );
  });

  it("UNKNOWN_DEPOT", () => {
    expectOnly(
      checkMutated((_s, p) => {
        container(p, "CNT-003").depot = "D9";
      }),
      "UNKNOWN_DEPOT",
    );
  });

  it("UNKNOWN_PORT", () => {
    expectOnly(
      checkMutated((_s, p) => {
        container(p, "CNT-002").port = "IDXXX";
      }),
      "UNKNOWN_PORT",
    );
  });

  it("UNKNOWN_SAILING", () => {
    expectOnly(
      checkMutated((_s, p) => {
        container(p, "CNT-001").sailing = "S9";
      }),
      "UNKNOWN_SAILING",
    );
  });

  it("SAILING_WRONG_PORT: a sailing of another port", () => {
    expectOnly(
      checkMutated((_s, p) => {
        container(p, "CNT-002").sailing = "S2";
      }),
      "SAILING_WRONG_PORT",
    );
  });

  it("UNKNOWN_VILLAGE (the shipment then also waits elsewhere)", () => {
    const v = checkMutated((_s, p) => {
      container(p, "CNT-003").stops[0].village = "V9";
    });
    expect(rulesOf(v)).to.deep.equal(["UNKNOWN_VILLAGE", "WRONG_VILLAGE"]);
  });

  it("UNKNOWN_SHIPMENT in the unassigned list and in a load", () => {
    expectOnly(
      checkMutated((_s, p) => {
        p.unassigned.push({ shipment: "SH99", packages: 1, reason: "TIME", detail: "Too late." });
      }),
      "UNKNOWN_SHIPMENT",
    );
    const v = checkMutated((_s, p) => {
      container(p, "CNT-003").stops[0].load[0].shipment = "SH99";
    });
    expect(rulesOf(v)).to.include("UNKNOWN_SHIPMENT");
    expect(rulesOf(v)).to.include("PACKAGES_LOST"); // SH4 is no longer anywhere
  });
});

describe("checkPlan: unassigned lines", () => {
  it("UNASSIGNED_REASON: only the spec's six reasons", () => {
    expectOnly(
      checkMutated((_s, p) => {
        p.unassigned[0].reason = "FULL" as UnassignedReason;
      }),
      "UNASSIGNED_REASON",
    );
  });

  it("UNASSIGNED_DETAIL: a sentence, not blank", () => {
    expectOnly(
      checkMutated((_s, p) => {
        p.unassigned[1].detail = "  ";
      }),
      "UNASSIGNED_DETAIL",
    );
  });
});
