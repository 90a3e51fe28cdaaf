import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import { UNASSIGNED_REASONS } from "../../../shared/core/model/plan.js";
import { containerViews, planSummaryView, unassignedViews } from "../../../shared/views/container-view.js";
import { summarisePlan } from "../../../shared/views/plan-summary.js";
import { translate } from "../../../shared/views/translate.js";
import { fixturePlan, fixtureScenario } from "./fixtures.js";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("views/container-view", () => {
  it("shows fill by weight and volume against the container type", () => {
    const c1 = containerViews(fixturePlan(), fixtureScenario(), "en").find((c) => c.id === "C1")!;
    expect(c1.id).to.equal("C1");
    expect(c1.weightFill).to.be.closeTo(2000 / 3000, 1e-9);
    expect(c1.volumeFill).to.be.closeTo(5 / 9, 1e-9);
    expect(nbsp(c1.text.weightFill)).to.equal("67%");
    expect(c1.text.weight).to.equal("2,000 kg / 3,000 kg");
    expect(c1.shipments.map((s) => s.shipment)).to.deep.equal(["S1", "S2"]);
  });

  it("shows sailing times in the port's zone and the slack before the cut-off", () => {
    const c1 = containerViews(fixturePlan(), fixtureScenario(), "id", {
      nowMs: Date.parse("2026-12-27T08:00:00+08:00"),
    }).find((c) => c.id === "C1")!;
    expect(nbsp(c1.text.cutoff!)).to.equal("Sel, 29 Des 2026 08.00 WITA");
    expect(nbsp(c1.text.departure!)).to.equal("Sel, 29 Des 2026 20.00 WITA");
    expect(c1.marginMinutes).to.equal(19 * 60 + 30); // 12:30 on the 28th to 08:00 on the 29th
    expect(c1.text.margin).to.equal("19 jam 30 menit");
    expect(c1.cutoffInMinutes).to.equal(48 * 60);
    expect(c1.text.countdown).to.equal("Cut-off dalam 2 hari");
    const late = containerViews(fixturePlan(), fixtureScenario(), "en", {
      nowMs: Date.parse("2026-12-30T00:00:00Z"),
    });
    expect(late.find((c) => c.id === "C1")!.text.countdown).to.equal("Cut-off has passed");
  });

  it("gives pickup stops in each village's clock", () => {
    const c1 = containerViews(fixturePlan(), fixtureScenario(), "en").find((c) => c.id === "C1")!;
    expect(c1.stops.map((s) => nbsp(s.when))).to.deep.equal([
      "Mon, 28 Dec 2026 08:00 WITA",
      "Mon, 28 Dec 2026 09:00 WIB",
    ]);
  });

  it("lists containers in the order they leave their depots", () => {
    // C2 leaves Sentani at 07:00 WIT (22:00Z), an hour before C1 leaves at 07:00 WITA
    expect(containerViews(fixturePlan(), fixtureScenario(), "en").map((c) => c.id)).to.deep.equal([
      "C2",
      "C1",
    ]);
  });

  it("translates lifecycle statuses from the service", () => {
    const views = containerViews(fixturePlan(), fixtureScenario(), "id", {
      statuses: { C1: "at-port", C2: "weird" },
    });
    expect(views.map((v) => [v.id, v.statusLabel])).to.deep.equal([
      ["C2", "weird"],
      ["C1", "Di pelabuhan"],
    ]);
  });

  it("summarises the plan and explains what could not be planned", () => {
    const summary = planSummaryView(fixturePlan(), "id");
    expect(summary.assignedWeight).to.equal("2.500 kg");
    expect(nbsp(summary.cost)).to.equal("Rp 6.070.000");
    const [u] = unassignedViews(fixturePlan(), fixtureScenario(), "en");
    expect(u).to.include({
      shipment: "S3",
      village: "vQ",
      villageName: "Desa Kosong",
      reasonLabel: "Too large",
      weight: "3,500 kg",
    });
    expect(u.detail).to.match(/exceeds every container/);
  });

  it("shows the planner's lower bound beside the containers, with why it matters, in both languages", () => {
    const plan = fixturePlan(); // 2 containers, the run's bound 1
    const id = planSummaryView(plan, "id");
    expect(id.containers).to.equal("2");
    expect(id.lowerBoundContainers).to.equal("1");
    expect(id.containersWithBound).to.equal("2 · paling sedikit 1");
    expect(id.lowerBoundHelp).to.match(/^Tidak ada rencana .* kurang dari 1 kontainer .*memakai 2/);
    const en = planSummaryView(plan, "en");
    expect(en.containersWithBound).to.equal("2 · min. 1");
    expect(en.lowerBoundHelp).to.match(/^No plan can carry this load in fewer than 1 containers .*uses 2/);

    plan.summary.containers = 1234;
    plan.summary.lowerBoundContainers = 1200;
    expect(planSummaryView(plan, "id").containersWithBound).to.equal("1.234 · paling sedikit 1.200");
    expect(planSummaryView(plan, "en").containersWithBound).to.equal("1,234 · min. 1,200");
  });

  it("claims no bound for an empty plan or a summary without one", () => {
    const empty = fixturePlan();
    empty.summary = { ...empty.summary, containers: 0, lowerBoundContainers: 0 };
    expect(planSummaryView(empty, "en")).to.include({
      containers: "0",
      containersWithBound: "0",
      lowerBoundContainers: "",
      lowerBoundHelp: "",
    });
    const unknown = fixturePlan();
    unknown.summary.lowerBoundContainers = 0;
    expect(planSummaryView(unknown, "id").containersWithBound).to.equal("2");
  });

  it("explains every reason in the page's language, Bahasa Indonesia first", () => {
    const [id] = unassignedViews(fixturePlan(), fixtureScenario(), "id");
    expect(id.reasonLabel).to.equal("Terlalu besar");
    expect(id.reasonHelp).to.match(/koli/);
    for (const reason of UNASSIGNED_REASONS) {
      for (const lang of ["id", "en"] as const) {
        const help = translate(lang, `reasonHelp.${reason}`);
        expect(help, `${lang} ${reason}`).to.be.a("string").and.not.equal(`reasonHelp.${reason}`);
      }
      expect(translate("id", `reasonHelp.${reason}`)).to.not.equal(translate("en", `reasonHelp.${reason}`));
    }
  });
});

describe("views/plan-summary", () => {
  it("recomputes the fixture plan's own summary from its containers", () => {
    const plan = fixturePlan();
    const s = summarisePlan(plan.containers, plan.unassigned, fixtureScenario());
    expect(s).to.deep.include({
      containers: 2,
      distanceKm: 230,
      cost: 6070000,
      assignedWeightKg: 2500,
      unassignedWeightKg: 3500,
    });
    expect(s.meanWeightFill).to.be.closeTo(plan.summary.meanWeightFill, 1e-9);
    expect(s.meanVolumeFill).to.be.closeTo(plan.summary.meanVolumeFill, 1e-9);
  });

  it("bounds the containers the current load needs, as the planner does, never above those used", () => {
    const plan = fixturePlan();
    const scenario = fixtureScenario();
    // live crabs need a reefer of their own, the dry load another container: 2, not the run's 1
    const summary = summarisePlan(plan.containers, plan.unassigned, scenario);
    expect(summary.lowerBoundContainers).to.equal(2);
    // the recomputed summary is one the independent checker accepts for this plan
    expect(checkPlan(scenario, { ...plan, summary: { ...summary, solveMs: 0 } })).to.deep.equal([]);
    const dryOnly = plan.containers.filter((c) => c.id === "C1");
    expect(summarisePlan(dryOnly, [], scenario).lowerBoundContainers).to.equal(1);
    expect(summarisePlan([], plan.unassigned, scenario).lowerBoundContainers).to.equal(0);
    // 2,000 kg split over three half-empty containers still needs only one
    const c1 = dryOnly[0];
    const spread = [0, 1, 2].map((i) => ({
      ...c1,
      id: `D${i}`,
      stops: [{ ...c1.stops[0], load: [{ shipment: "S2", packages: 1, weightKg: 200, volumeM3: 0.5 }] }],
    }));
    expect(summarisePlan(spread, [], scenario).lowerBoundContainers).to.equal(1);
    // a heavier load than one container holds needs two, whatever the plan did with it
    const heavy = [0, 1].map((i) => ({
      ...c1,
      id: `H${i}`,
      stops: [{ ...c1.stops[0], load: [{ shipment: "S1", packages: 1, weightKg: 2000, volumeM3: 3 }] }],
    }));
    expect(summarisePlan(heavy, [], scenario).lowerBoundContainers).to.equal(2);
  });
});
