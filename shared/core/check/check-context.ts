/**
 * Everything the rule modules share: the scenario indexed by id, the tolerances, the
 * leg measure, and one sink for violations. Built once per checkPlan call.
 */
import type { Zone } from "luxon";
import type { Plan, PlanContainer } from "../model/plan.js";
import type {
  BoxType,
  ContainerType,
  Depot,
  Port,
  Sailing,
  Scenario,
  Shipment,
  Village,
} from "../model/scenario.js";
import { DEFAULT_NEVER_TOGETHER } from "../rules/products.js";
import { type LegFn, legMeasure } from "./check-travel.js";
import { defaultZone } from "./local-time.js";
import type { CheckOptions, Violation } from "./violation.js";

/** Relative slack on capacities and reported weights: floating sums of part weights. */
export const RELATIVE_TOLERANCE = 1e-6;

export interface CheckContext {
  scenario: Scenario;
  plan: Plan;
  toleranceMin: number;
  toleranceKm: number;
  types: Map<string, ContainerType>;
  depots: Map<string, Depot>;
  ports: Map<string, Port>;
  sailings: Map<string, Sailing>;
  sailingsByPort: Map<string, Sailing[]>;
  villages: Map<string, Village>;
  shipments: Map<string, Shipment>;
  boxTypes: Map<string, BoxType>;
  /** Product pairs that never share a container: the project defaults plus the scenario's. */
  neverTogether: [string, string][];
  leg: LegFn;
  /** Zone for places that name none (see local-time.ts). */
  fallbackZone: Zone;
  add(violation: Violation): void;
}

function byId<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  const map = new Map<string, T>();
  // The first of duplicate ids wins, as a reader of the scenario would expect.
  for (const item of items ?? []) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

export function createContext(
  scenario: Scenario,
  plan: Plan,
  options: CheckOptions,
  out: Violation[],
): CheckContext {
  const sailingsByPort = new Map<string, Sailing[]>();
  for (const s of scenario.sailings ?? []) {
    const list = sailingsByPort.get(s.port) ?? [];
    list.push(s);
    sailingsByPort.set(s.port, list);
  }
  const pairs = [...DEFAULT_NEVER_TOGETHER, ...(scenario.rules?.neverTogether ?? [])];
  return {
    scenario,
    plan,
    toleranceMin: options.toleranceMin ?? 1,
    toleranceKm: options.toleranceKm ?? 0.01,
    types: byId(scenario.containerTypes),
    depots: byId(scenario.depots),
    ports: byId(scenario.ports),
    sailings: byId(scenario.sailings),
    sailingsByPort,
    villages: byId(scenario.villages),
    shipments: byId(scenario.shipments),
    boxTypes: byId(scenario.boxTypes),
    // A product "never together" with itself would forbid splitting it: not a rule anyone means.
    neverTogether: pairs.filter(([a, b]) => a !== b).map(([a, b]) => [a, b]),
    leg: legMeasure(scenario),
    fallbackZone: defaultZone(scenario),
    add: (v) => out.push(v),
  };
}

/** Weight and volume of `parts` packages of a shipment, exactly as the spec defines a part. */
export function partOf(shipment: Shipment, parts: number): { weightKg: number; volumeM3: number } {
  const packages = shipment.packages ?? 1;
  return {
    weightKg: (shipment.weightKg * parts) / packages,
    volumeM3: ((shipment.volumeM3 ?? 0) * parts) / packages,
  };
}

export function withinRelative(actual: number, expected: number, absolute = 1e-6): boolean {
  return Math.abs(actual - expected) <= absolute + RELATIVE_TOLERANCE * Math.abs(expected);
}

/** Every load line of a container with its shipment resolved (unknown shipments skipped). */
export function resolvedLoads(ctx: CheckContext, c: PlanContainer) {
  const out: { shipment: Shipment; packages: number; stopIndex: number }[] = [];
  (c.stops ?? []).forEach((stop, stopIndex) => {
    for (const line of stop.load ?? []) {
      const shipment = ctx.shipments.get(line.shipment);
      if (shipment && Number.isFinite(line.packages))
        out.push({ shipment, packages: line.packages, stopIndex });
    }
  });
  return out;
}
