/**
 * The hand-built week of check-fixtures.ts with sea boxes (rules 8 and 9): two box types,
 * 350 kg tare per village container, and SH6 bound for Japan like SH1 (one destination
 * per box). CNT-001 rides on S1 and CNT-004 on S2, each in its own 20 ft dry box; CNT-002
 * and CNT-003 end at ports without sailings, in no box.
 *
 * Freight by hand (9,500,000 per 20GP, split by max(w/3000, v/14) like the truck cost):
 * BOX-001: SH1 0.4 and SH6 1/3 -> 5,181,818.18 and 4,318,181.82 -> 5,181,818 + 4,318,182.
 * BOX-002: SH2 3/7 and SH5 1/14 -> 8,142,857.14 and 1,357,142.86 -> 8,142,857 + 1,357,143.
 */
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { basePlan, baseScenario } from "./check-fixtures.js";

export function boxScenario(): Scenario {
  const s = baseScenario();
  s.containerTypes = s.containerTypes.map((t) => ({ ...t, tareKg: 350 }));
  s.shipments = s.shipments.map((sh) => (sh.id === "SH6" ? { ...sh, destination: "JP" } : sh));
  s.boxTypes = [
    { id: "20GP", slots: 3, maxWeightKg: 10000, freight: 9_500_000 },
    { id: "20RF", slots: 3, maxWeightKg: 10000, reefer: true, freight: 16_500_000 },
  ];
  return s;
}

export function boxPlan(): Plan {
  const p = basePlan();
  const freight: Record<string, number> = { SH1: 5181818, SH6: 4318182, SH2: 8142857, SH5: 1357143 };
  return {
    ...p,
    boxes: [
      {
        id: "BOX-001",
        type: "20GP",
        sailing: "S1",
        containers: ["CNT-001"],
        weightKg: 2550,
        freight: 9_500_000,
      },
      {
        id: "BOX-002",
        type: "20GP",
        sailing: "S2",
        containers: ["CNT-004"],
        weightKg: 1350,
        freight: 9_500_000,
      },
    ],
    charges: p.charges.map((c) => ({ ...c, freight: freight[c.shipment] ?? 0 })),
    summary: { ...p.summary, boxes: 2, freight: 19_000_000, lowerBoundBoxes: 2 },
  };
}

export const boxFixture = { scenario: boxScenario, plan: boxPlan };
