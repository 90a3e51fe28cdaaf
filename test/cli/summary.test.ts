import { expect } from "chai";
import { formatIdr, formatPercent, summaryLines } from "../../scripts/cli/summary.js";
import type { Plan } from "../../shared/core/model/plan.js";

describe("cli/summary: the human summary on stderr", () => {
  it("writes rupiah with dots between thousands", () => {
    expect(formatIdr(12_345_678)).to.equal("Rp 12.345.678");
    expect(formatIdr(999)).to.equal("Rp 999");
    expect(formatIdr(1000)).to.equal("Rp 1.000");
    expect(formatIdr(1_500_000.6)).to.equal("Rp 1.500.001");
    expect(formatIdr(0)).to.equal("Rp 0");
  });

  it("writes fill as a percentage with one decimal", () => {
    expect(formatPercent(0.8734)).to.equal("87.3 %");
    expect(formatPercent(1)).to.equal("100.0 %");
  });

  it("gives containers against the bound, fill, distance, cost, weights, every unassigned part and time", () => {
    const plan: Plan = {
      scenario: "demo",
      containers: [],
      charges: [],
      unassigned: [
        { shipment: "COF-LOT", packages: 1, reason: "TOO_LARGE", detail: "One package weighs 3200 kg." },
        { shipment: "RTN-NL", packages: 30, reason: "NO_SAILING", detail: "No sailing goes to NL." },
      ],
      summary: {
        containers: 31,
        distanceKm: 12505.53,
        cost: 169_768_585.66,
        assignedWeightKg: 75840,
        unassignedWeightKg: 3650,
        meanWeightFill: 0.8156,
        meanVolumeFill: 0.7384,
        lowerBoundContainers: 28,
        solveMs: 3115,
      },
    };
    const text = summaryLines(plan).join("\n");
    expect(text).to.include("Plan for demo");
    expect(text).to.include("31 used (lower bound 28)");
    expect(text).to.include("weight 81.6 %, volume 73.8 %");
    const tighter = summaryLines({ ...plan, summary: { ...plan.summary, lowerBoundContainersTight: 29 } });
    expect(tighter.join("\n")).to.include(
      "31 used (lower bound 28; 29 counting islands, sailings and product rules)",
    );
    expect(text).to.include("12,505.5 km");
    expect(text).to.include("Rp 169.768.586");
    expect(text).to.include("assigned        75,840.0 kg; unassigned 3,650.0 kg");
    expect(text).to.include("COF-LOT (1 package) TOO_LARGE: One package weighs 3200 kg.");
    expect(text).to.include("RTN-NL (30 packages) NO_SAILING: No sailing goes to NL.");
    expect(text).to.include("solve time      3.1 s");
  });

  it("with sea boxes: boxes against their bound, the freight, and trucks plus freight", () => {
    const plan: Plan = {
      containers: [],
      boxes: [],
      charges: [],
      unassigned: [],
      summary: {
        containers: 40,
        distanceKm: 18000,
        cost: 231_275_959.6,
        assignedWeightKg: 76290,
        unassignedWeightKg: 4600,
        meanWeightFill: 0.63,
        meanVolumeFill: 0.57,
        lowerBoundContainers: 27,
        boxes: 28,
        freight: 343_000_000,
        lowerBoundBoxes: 27,
        solveMs: 5000,
      },
    };
    const text = summaryLines(plan).join("\n");
    expect(text).to.include("cost            Rp 231.275.960 (trucks)");
    expect(text).to.include("sea boxes       28 used (lower bound 27), freight Rp 343.000.000");
    expect(text).to.include("total           Rp 574.275.960 (trucks + freight)");
  });

  it("without sea boxes it says nothing about them", () => {
    const plan: Plan = {
      containers: [],
      charges: [],
      unassigned: [],
      summary: {
        containers: 1,
        distanceKm: 10,
        cost: 100,
        assignedWeightKg: 10,
        unassignedWeightKg: 0,
        meanWeightFill: 0.1,
        meanVolumeFill: 0.1,
        lowerBoundContainers: 1,
        solveMs: 1,
      },
    };
    const text = summaryLines(plan).join("\n");
    expect(text).to.not.include("sea boxes");
    expect(text).to.not.include("(trucks)");
  });

  it("says so when nothing is left behind", () => {
    const plan: Plan = {
      containers: [],
      charges: [],
      unassigned: [],
      summary: {
        containers: 0,
        distanceKm: 0,
        cost: 0,
        assignedWeightKg: 0,
        unassignedWeightKg: 0,
        meanWeightFill: 0,
        meanVolumeFill: 0,
        lowerBoundContainers: 0,
        solveMs: 0,
      },
    };
    expect(summaryLines(plan)).to.include("  unassigned      none");
  });
});
