/**
 * finishPlan, the last step of every plan (the solver's, and a merge of decomposed parts):
 * boxes packed per sailing, charges, the box figures; a container no box can take leaves
 * the plan into `unassigned`, nothing lost.
 */
import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import { finishPlan } from "../../../shared/core/output/finish-plan.js";
import { expectEveryPackageOnce } from "../../support/plan-assertions.js";
import { boxPlan, boxScenario } from "../check/box-fixtures.js";
import { basePlan, baseScenario, shipment } from "../check/check-fixtures.js";

describe("finishPlan: boxes and charges on a finished set of containers", () => {
  it("packs the hand-built week into the boxes and charges worked out by hand", () => {
    const { boxes: _b, ...bare } = boxPlan();
    const plan = finishPlan(boxScenario(), { ...bare, charges: [] });
    expect(plan).to.deep.equal(boxPlan());
  });

  it("without box types: charges only, no boxes and no box figures", () => {
    const plan = finishPlan(baseScenario(), { ...basePlan(), charges: [] });
    expect(plan).to.deep.equal(basePlan());
    expect(plan.summary).to.not.have.property("boxes");
  });

  it("drops a container that no box can take (two countries in it) into unassigned, with a reason", () => {
    const scenario = boxScenario();
    shipment(scenario, "SH6").destination = "NL"; // CNT-001 now carries JP and NL
    const { boxes: _b, ...bare } = boxPlan();
    const plan = finishPlan(scenario, { ...bare, charges: [] });
    expect(checkPlan(scenario, plan)).to.deep.equal([]);
    expectEveryPackageOnce(scenario, plan);
    expect(plan.containers.map((c) => c.id)).to.deep.equal(["CNT-002", "CNT-003", "CNT-004"]);
    const dropped = plan.unassigned.filter((u) => u.detail.includes("more than one country"));
    expect(dropped.map((u) => [u.shipment, u.packages, u.reason])).to.deep.equal([
      ["SH1", 4, "NO_CONTAINER"],
      ["SH6", 2, "NO_CONTAINER"],
    ]);
    expect(plan.summary.containers).to.equal(3);
    expect(plan.summary.boxes).to.equal(1);
  });

  it("leaves behind the lightest box when a sailing's maxBoxes is exceeded", () => {
    const scenario = boxScenario();
    scenario.sailings![1].maxBoxes = 0; // S2 takes no box: CNT-004 cannot sail on it
    const { boxes: _b, ...bare } = boxPlan();
    const plan = finishPlan(scenario, { ...bare, charges: [] });
    expect(checkPlan(scenario, plan)).to.deep.equal([]);
    expectEveryPackageOnce(scenario, plan);
    expect(plan.containers.map((c) => c.id)).to.not.include("CNT-004");
    expect(plan.unassigned.find((u) => u.shipment === "SH2")!.detail).to.equal(
      "The sea boxes of sailing S2 are full (at most 0 boxes): its container could not be taken along.",
    );
  });
});
