import { expect } from "chai";
import { checkMutated, expectOnly } from "./check-expect.js";
import { container, refreshSummary } from "./check-fixtures.js";

describe("checkPlan: reported container figures", () => {
  it("CONTAINER_DISTANCE: 175 km re-measured, 180 reported", () => {
    const v = checkMutated((s, p) => {
      container(p, "CNT-001").distanceKm = 180;
      refreshSummary(s, p);
    });
    expectOnly(v, "CONTAINER_DISTANCE");
    expect(v[0].message).to.contain("175");
  });

  it("CONTAINER_DISTANCE: euclidean legs are rounded one by one (85.44 -> 85)", () => {
    expectOnly(
      checkMutated((s, p) => {
        container(p, "CNT-002").distanceKm = 50 + Math.hypot(30, 80);
        refreshSummary(s, p);
      }),
      "CONTAINER_DISTANCE",
    );
  });

  it("CONTAINER_COST: fixedCost + costPerKm x km", () => {
    expectOnly(
      checkMutated((s, p) => {
        container(p, "CNT-001").cost = 875000;
        refreshSummary(s, p);
      }),
      "CONTAINER_COST",
    );
  });

  it("CONTAINER_COST: defaults fixedCost 0 and costPerKm 1", () => {
    const v = checkMutated((s) => {
      delete s.containerTypes[0].fixedCost;
      delete s.containerTypes[0].costPerKm;
    });
    expectOnly(v, "CONTAINER_COST");
    expect(v.map((x) => x.container).sort()).to.deep.equal(["CNT-001", "CNT-003", "CNT-004"]);
    expect(
      checkMutated((s, p) => {
        delete s.containerTypes[0].fixedCost;
        delete s.containerTypes[0].costPerKm;
        container(p, "CNT-001").cost = 175;
        container(p, "CNT-003").cost = 100;
        container(p, "CNT-004").cost = 115;
        refreshSummary(s, p);
      }),
    ).to.deep.equal([]);
  });

  it("accepts a cost rounded to whole rupiah", () => {
    expect(
      checkMutated((s, p) => {
        s.containerTypes[0].costPerKm = 5000.003; // 975000.525 exact
        container(p, "CNT-001").cost = 975001;
        container(p, "CNT-003").cost = 600000;
        container(p, "CNT-004").cost = 675000;
        refreshSummary(s, p);
      }),
    ).to.deep.equal([]);
  });

  it("CONTAINER_WEIGHT", () => {
    expectOnly(
      checkMutated((s, p) => {
        container(p, "CNT-003").weightKg = 950;
        refreshSummary(s, p);
      }),
      "CONTAINER_WEIGHT",
    );
  });

  it("CONTAINER_VOLUME", () => {
    expectOnly(
      checkMutated((s, p) => {
        container(p, "CNT-003").volumeM3 = 2.5;
        refreshSummary(s, p);
      }),
      "CONTAINER_VOLUME",
    );
  });
});

describe("checkPlan: summary", () => {
  const cases: [string, (s: Parameters<Parameters<typeof checkMutated>[0]>[1]["summary"]) => void][] = [
    ["SUMMARY_CONTAINERS", (m) => (m.containers = 5)],
    ["SUMMARY_DISTANCE", (m) => (m.distanceKm = 530)],
    ["SUMMARY_COST", (m) => (m.cost = 3200000)],
    ["SUMMARY_ASSIGNED_WEIGHT", (m) => (m.assignedWeightKg = 4700)],
    ["SUMMARY_UNASSIGNED_WEIGHT", (m) => (m.unassignedWeightKg = 3500)],
    ["SUMMARY_FILL", (m) => (m.meanWeightFill = 0.5)],
    ["SUMMARY_FILL", (m) => (m.meanVolumeFill = 0.5)],
    ["LOWER_BOUND", (m) => (m.lowerBoundContainers = 5)],
    ["LOWER_BOUND", (m) => (m.lowerBoundContainers = 1.5)],
    ["LOWER_BOUND", (m) => (m.lowerBoundContainers = -1)],
  ];
  for (const [rule, mutate] of cases) {
    it(`${rule}: ${mutate
      .toString()
      .replace(/^.*=> \(?/, "")
      .replace(/\)$/, "")}`, () => {
      expectOnly(
        checkMutated((_s, p) => mutate(p.summary)),
        rule,
      );
    });
  }

  it("a lower bound equal to the containers used is fine; an empty plan has all zeros", () => {
    expect(checkMutated((_s, p) => (p.summary.lowerBoundContainers = 4))).to.deep.equal([]);
  });
});
