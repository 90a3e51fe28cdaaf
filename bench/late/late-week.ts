/**
 * A week of about 1,000 shipments planned, and late shipments that are not in it yet: the
 * demo week solved once (seed 1, a fixed iteration budget, so the same on every machine)
 * and repeated (bench/service/replicated-week.ts); the late shipments are copies of the
 * demo's own shipments under new ids, registered after planning (unassigned in the plan).
 */
import { join, resolve } from "node:path";
import { readScenarioFile } from "../../services/seed/demo-data.js";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { solve } from "../../shared/core/solve.js";
import { replicateWeek } from "../service/replicated-week.js";

const ROOT = resolve(__dirname, "../..");

export interface LateWeek {
  scenario: Scenario;
  plan: Plan;
  late: string[];
}

export function lateWeek(shipments: number, late: number): LateWeek {
  const demo = readScenarioFile(join(ROOT, "data/demo/kalimantan-week.json"));
  const solved = solve(demo, { seed: 1, maxIterations: 300 });
  const big = replicateWeek(demo, solved, Math.max(1, Math.round(shipments / demo.shipments.length)));
  // Every k-th demo shipment again, as if registered after planning.
  const step = Math.max(1, Math.floor(demo.shipments.length / late));
  const extra = Array.from({ length: late }, (_, k) => ({
    ...demo.shipments[(k * step) % demo.shipments.length],
    id: `LATE-${String(k + 1).padStart(3, "0")}`,
  }));
  const scenario = { ...big.scenario, shipments: [...big.scenario.shipments, ...extra] };
  const plan: Plan = {
    ...big.plan,
    unassigned: [
      ...big.plan.unassigned,
      ...extra.map((s) => ({
        shipment: s.id,
        packages: s.packages ?? 1,
        reason: "NO_CONTAINER" as const,
        detail: "Registered after the week was planned.",
      })),
    ],
    summary: {
      ...big.plan.summary,
      unassignedWeightKg: big.plan.summary.unassignedWeightKg + extra.reduce((a, s) => a + s.weightKg, 0),
    },
  };
  return { scenario, plan, late: extra.map((s) => s.id) };
}
