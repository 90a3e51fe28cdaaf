/**
 * The views' fixture week, renamed so that every shipment's id, product, exporter and
 * weight is a token no other text of the service contains: a leak of a foreign shipment
 * is then a plain substring search over any response (JSON, CSV, HTML, iCalendar).
 *
 * Who owns what (the roles the scope walk takes):
 *   SHP-ALPHA-VA   village vA, EXPORTER-ALPHA  in v1-C1 (shared with SHP-BRAVO-VB)
 *   SHP-BRAVO-VB   village vB, EXPORTER-BRAVO  in v1-C1
 *   SHP-CHARLIE-VQ village vQ, EXPORTER-BRAVO  unassigned (too large)
 *   SHP-DELTA-VP   village vP, EXPORTER-ALPHA  alone in v1-C2
 */
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario, Shipment } from "../../../shared/core/model/scenario.js";
import { computeCharges } from "../../../shared/core/output/charges.js";
import { summarisePlan } from "../../../shared/views/plan-summary.js";
import { fixturePlan, fixtureScenario } from "../../unit/views/fixtures.js";

const RENAME: Record<string, { id: string; product: string; exporter: string; weightKg: number }> = {
  S1: { id: "SHP-ALPHA-VA", product: "avocado-alpha", exporter: "EXPORTER-ALPHA", weightKg: 1187.3 },
  S2: { id: "SHP-BRAVO-VB", product: "flour-bravo", exporter: "EXPORTER-BRAVO", weightKg: 813.7 },
  S3: { id: "SHP-CHARLIE-VQ", product: "=cmd|' /C calc'!A0", exporter: "EXPORTER-BRAVO", weightKg: 3521.9 },
  S4: { id: "SHP-DELTA-VP", product: "crab-delta", exporter: "EXPORTER-ALPHA", weightKg: 493.1 },
};

export interface ScopeFixture {
  scenario: Scenario;
  plan: Plan;
}

export function scopeFixture(): ScopeFixture {
  const base = fixtureScenario();
  const shipments: Shipment[] = base.shipments.map((s) => ({ ...s, ...RENAME[s.id] }));
  const scenario: Scenario = { ...base, shipments };
  const byOldId = new Map(base.shipments.map((s) => [s.id, s]));
  const plan = fixturePlan();
  for (const c of plan.containers) {
    for (const stop of c.stops) {
      stop.load = stop.load.map((l) => {
        const old = byOldId.get(l.shipment)!;
        const renamed = RENAME[l.shipment];
        // a load's weight is its share of the shipment's packages, as the planner writes it
        return {
          ...l,
          shipment: renamed.id,
          weightKg: (renamed.weightKg * l.packages) / (old.packages ?? 1),
        };
      });
    }
    c.weightKg = c.stops.reduce((kg, s) => kg + s.load.reduce((a, l) => a + l.weightKg, 0), 0);
  }
  // each line's share of the truck follows its (renamed) weight, as the planner splits it
  plan.charges = computeCharges(scenario, plan.containers, plan.boxes ?? []);
  plan.unassigned = plan.unassigned.map((u) => ({
    ...u,
    shipment: RENAME[u.shipment].id,
    detail: `${RENAME[u.shipment].weightKg} kg in one package exceeds every container (3000 kg).`,
  }));
  plan.summary = { ...summarisePlan(plan.containers, plan.unassigned, scenario), solveMs: 0 };
  return { scenario, plan };
}

/** What a shipment gives away when it leaks: the strings the walk looks for. */
export function shipmentTokens(s: Shipment): string[] {
  return [s.id, s.product ?? "", s.exporter ?? "", String(s.weightKg)].filter((t) => t !== "");
}
