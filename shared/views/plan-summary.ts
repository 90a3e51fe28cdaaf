/**
 * The summary of what is planned right now. The stored plans are per run and a later
 * run keeps confirmed containers from earlier ones, so the dashboard recomputes the
 * figures over the containers that are current instead of trusting one run's summary.
 */
import type { PlanContainer, PlanSummary, PlanUnassigned } from "../core/model/plan.js";
import type { Scenario } from "../core/model/scenario.js";
import { containerLowerBound } from "../core/output/plan-summary.js";
import { sum } from "./pickup-schedule.js";

/**
 * The solver's own bound, taken over the load the current containers carry (as the solver
 * takes it over the load its plan carries): containers from several runs and regions are
 * one relaxed packing problem, so the bound stays valid, if looser than per region.
 */
export function lowerBoundOfContainers(containers: PlanContainer[], scenario: Scenario): number {
  return containerLowerBound(scenario, containers);
}

export function summarisePlan(
  containers: PlanContainer[],
  unassigned: PlanUnassigned[],
  scenario: Scenario,
): PlanSummary {
  const types = new Map(scenario.containerTypes.map((t) => [t.id, t]));
  const shipments = new Map(scenario.shipments.map((s) => [s.id, s]));
  const fills = containers.map((c) => {
    const type = types.get(c.type);
    return type ? [c.weightKg / type.maxWeightKg, c.volumeM3 / type.maxVolumeM3] : [0, 0];
  });
  const mean = (values: number[]) =>
    values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  return {
    containers: containers.length,
    distanceKm: sum(containers.map((c) => c.distanceKm)),
    cost: Math.round(sum(containers.map((c) => c.cost))),
    assignedWeightKg: sum(containers.map((c) => c.weightKg)),
    unassignedWeightKg: sum(
      unassigned.map((u) => {
        const s = shipments.get(u.shipment);
        return s ? (s.weightKg * u.packages) / (s.packages ?? 1) : 0;
      }),
    ),
    meanWeightFill: mean(fills.map((f) => f[0])),
    meanVolumeFill: mean(fills.map((f) => f[1])),
    lowerBoundContainers: lowerBoundOfContainers(containers, scenario),
    solveMs: 0,
  };
}
