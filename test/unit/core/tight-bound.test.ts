/**
 * The tighter lower bound (bounds/tight-bound.ts): load that can never share a container
 * (other islands, product rules, sailings no shipment of the other can make in time) is
 * counted apart, so each part rounds up on its own. Hand-built weeks where the figures are
 * worked out by hand; the property test checks the bound against real plans.
 */
import { expect } from "chai";
import { containerBlocks, tightContainerBound } from "../../../shared/core/bounds/tight-bound.js";
import type { PlanContainer } from "../../../shared/core/model/plan.js";
import type { Scenario, Shipment } from "../../../shared/core/model/scenario.js";
import { containerLowerBound } from "../../../shared/core/output/plan-summary.js";

const START = "2026-12-07T00:00:00+07:00";

function week(over: Partial<Scenario> = {}): Scenario {
  return {
    horizon: { start: START, end: "2026-12-14T00:00:00+07:00" },
    containerTypes: [{ id: "C3T", maxWeightKg: 3000, maxVolumeM3: 100 }],
    depots: [
      { id: "d-java", lat: -7, lon: 110, island: "Java", timeZone: "Asia/Jakarta" },
      { id: "d-bali", lat: -8.4, lon: 115.2, island: "Bali", timeZone: "Asia/Makassar" },
    ],
    ports: [
      { id: "IDSRG", lat: -6.95, lon: 110.42, island: "Java", timeZone: "Asia/Jakarta" },
      { id: "IDBOA", lat: -8.75, lon: 115.22, island: "Bali", timeZone: "Asia/Makassar" },
    ],
    villages: [
      { id: "v-java", lat: -7.1, lon: 110.2, island: "Java", timeZone: "Asia/Jakarta" },
      { id: "v-bali", lat: -8.5, lon: 115.1, island: "Bali", timeZone: "Asia/Makassar" },
    ],
    shipments: [],
    ...over,
  };
}

/** One container per shipment (none over 3,000 kg here): the bound reads only what they carry. */
function carrying(shipments: Shipment[]): PlanContainer[] {
  return shipments.map((sh, i) => ({
    id: `CNT-${i + 1}`,
    type: "C3T",
    depot: "d-java",
    port: "IDSRG",
    departDepot: START,
    stops: [
      {
        village: sh.village,
        arrival: START,
        loadStart: START,
        departure: START,
        load: [{ shipment: sh.id, packages: sh.packages ?? 1, weightKg: sh.weightKg, volumeM3: 0 }],
      },
    ],
    portArrival: START,
    distanceKm: 0,
    cost: 0,
    weightKg: sh.weightKg,
    volumeM3: 0,
  }));
}

const sacks = (id: string, village: string, kg: number, extra: Partial<Shipment> = {}): Shipment => ({
  id,
  village,
  weightKg: kg,
  packages: kg / 50,
  ...extra,
});
/** 4,000 kg as two 2,000 kg shipments. */
const twice = (id: string, village: string, extra: Partial<Shipment> = {}) => [
  sacks(`${id}1`, village, 2000, extra),
  sacks(`${id}2`, village, 2000, extra),
];

describe("tightContainerBound", () => {
  it("counts islands apart: 4,000 kg on Java and 4,000 kg on Bali need 2 + 2, not ceil(8,000 / 3,000) = 3", () => {
    const shipments = [...twice("J", "v-java"), ...twice("B", "v-bali")];
    const s = week({ shipments });
    expect(containerLowerBound(s, carrying(shipments))).to.equal(3);
    expect(tightContainerBound(s, carrying(shipments))).to.equal(4);
  });

  it("counts never-together products apart, until a product that mixes with both joins them", () => {
    const coffee = twice("C", "v-java", { product: "coffee" });
    const seaweed = twice("S", "v-java", { product: "dried-seaweed" });
    const s = week({ shipments: [...coffee, ...seaweed] });
    expect(tightContainerBound(s, carrying([...coffee, ...seaweed]))).to.equal(4);
    // Palm sugar may ride with either: the three are one block again.
    const sugar = sacks("P", "v-java", 500, { product: "palm-sugar" });
    const all = [...coffee, ...seaweed, sugar];
    expect(tightContainerBound(week({ shipments: all }), carrying(all))).to.equal(3);
  });

  it("counts sailings apart when no shipment of one can make the other's: sailBy and readyAt with the cut-offs", () => {
    const sailings = [
      {
        id: "early",
        port: "IDSRG",
        departure: "2026-12-08T18:00:00+07:00",
        cutoff: "2026-12-08T06:00:00+07:00",
      },
      {
        id: "late",
        port: "IDSRG",
        departure: "2026-12-12T18:00:00+07:00",
        cutoff: "2026-12-12T06:00:00+07:00",
      },
    ];
    // Must sail by the 9th: only the early sailing. Ready on the 10th: only the late one.
    const early = twice("E", "v-java", { sailBy: "2026-12-09T00:00:00+07:00" });
    const late = twice("L", "v-java", { readyAt: "2026-12-10T08:00:00+07:00" });
    const both = [...early, ...late];
    expect(containerLowerBound(week({ sailings, shipments: both }), carrying(both))).to.equal(3);
    expect(tightContainerBound(week({ sailings, shipments: both }), carrying(both))).to.equal(4);
    // Ready at 05:30 on the 8th: the early cut-off is 06:00, but the drive to the port (about
    // 40 km of road, an hour) makes it late: the late sailing only.
    const justLate = [...early, ...twice("L2", "v-java", { readyAt: "2026-12-08T05:30:00+07:00" })];
    expect(tightContainerBound(week({ sailings, shipments: justLate }), carrying(justLate))).to.equal(4);
    // Ready early enough for both: it may share with either, one block.
    const either = [...early, ...twice("X", "v-java", { readyAt: "2026-12-07T08:00:00+07:00" })];
    expect(tightContainerBound(week({ sailings, shipments: either }), carrying(either))).to.equal(3);
  });

  it("puts what may share in one block, what may not in others (per container, per line)", () => {
    const coffee = sacks("C", "v-java", 100, { product: "coffee" });
    const seaweed = sacks("S", "v-java", 100, { product: "dried-seaweed" });
    const bali = sacks("B", "v-bali", 100);
    const s = week({ shipments: [coffee, seaweed, bali] });
    const [[c], [w], [b]] = containerBlocks(s, carrying([coffee, seaweed, bali]));
    expect(new Set([c, w, b]).size).to.equal(3);
  });

  it("is 0 for an empty plan and never below the plain bound", () => {
    const s = week();
    expect(tightContainerBound(s, [])).to.equal(0);
    const one = [sacks("J", "v-java", 2999)];
    expect(tightContainerBound(week({ shipments: one }), carrying(one))).to.equal(1);
  });
});
