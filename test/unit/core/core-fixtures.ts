/**
 * Tiny hand-built scenarios for the optimiser's rule tests. Euclidean metric, so every leg
 * is worked out on paper and its minutes equal its kilometres. The base: one depot D at
 * (0,0) in WIB, one ambient 3-ton type whose fixed cost dwarfs any distance (so sharing a
 * container is always cheaper, and an optimiser ignoring a rule would share), the village
 * V at (30,40), 50 km from D.
 */
import { DateTime } from "luxon";
import type { Plan, PlanContainer } from "../../../shared/core/model/plan.js";
import type { ContainerType, Scenario } from "../../../shared/core/model/scenario.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { solve } from "../../../shared/core/solve.js";
import { expectEveryPackageOnce, expectFeasible } from "../../support/plan-assertions.js";

export const START = "2026-12-07T00:00:00+07:00";
export const END = "2026-12-14T00:00:00+07:00";

export const C3T: ContainerType = {
  id: "C3T",
  maxWeightKg: 3000,
  maxVolumeM3: 20,
  fixedCost: 1_000_000,
  costPerKm: 1000,
};
export const C3T_R: ContainerType = {
  id: "C3T-R",
  maxWeightKg: 3000,
  maxVolumeM3: 20,
  reefer: true,
  fixedCost: 1_500_000,
  costPerKm: 1200,
};

export const village = { id: "V", x: 30, y: 40, timeZone: "Asia/Jakarta" };

/** The base scenario with `parts` laid over it, validated (a fixture typo fails loudly). */
export function tiny(parts: Partial<Scenario>): Scenario {
  const input: Scenario = {
    id: "tiny",
    horizon: { start: START, end: END },
    travel: { metric: "euclidean" },
    containerTypes: [C3T],
    depots: [{ id: "D", x: 0, y: 0, timeZone: "Asia/Jakarta" }],
    ports: [{ id: "P", x: 0, y: 0, timeZone: "Asia/Jakarta" }],
    villages: [village],
    shipments: [],
    ...parts,
  };
  const result = validateScenario(input);
  if (!result.ok) throw new Error(`fixture is invalid: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

/** The rule tests' budget: deterministic (no clock), small. */
export const RULE_BUDGET = { seed: 1, maxIterations: 300 } as const;

/** Solve, then let the independent checker judge and count every package. */
export function planOf(scenario: Scenario): Plan {
  const plan = solve(scenario, RULE_BUDGET);
  expectFeasible(scenario, plan);
  expectEveryPackageOnce(scenario, plan);
  return plan;
}

export function containersWith(plan: Plan, shipment: string): PlanContainer[] {
  return plan.containers.filter((c) => c.stops.some((s) => s.load.some((l) => l.shipment === shipment)));
}

/** The one container carrying a shipment (fails when it is split or unplanned). */
export function containerOf(plan: Plan, shipment: string): PlanContainer {
  const found = containersWith(plan, shipment);
  if (found.length !== 1) throw new Error(`${shipment} is in ${found.length} containers, expected 1`);
  return found[0];
}

export function together(plan: Plan, a: string, b: string): boolean {
  return containersWith(plan, a).some((c) => containersWith(plan, b).includes(c));
}

export function shipmentsIn(c: PlanContainer): string[] {
  return c.stops.flatMap((s) => s.load.map((l) => l.shipment));
}

/** Local wall-clock of an instant in a zone, as minutes since local midnight. */
export function localMinutes(iso: string, zone: string): number {
  const t = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return t.hour * 60 + t.minute;
}

export function ms(iso: string): number {
  return Date.parse(iso);
}
