/** The Plan's summary figures, computed from its containers and unassigned list. */
import { type BoundItem, lowerBoundForTypes } from "../bounds/lower-bound.js";
import { tightContainerBound } from "../bounds/tight-bound.js";
import type { PlanContainer, PlanSummary, PlanUnassigned } from "../model/plan.js";
import type { Scenario } from "../model/scenario.js";

export function summariseContainers(
  scenario: Scenario,
  containers: readonly PlanContainer[],
  unassigned: readonly PlanUnassigned[],
  lowerBoundContainers: number,
  solveMs: number,
): PlanSummary {
  const shipments = new Map(scenario.shipments.map((sh) => [sh.id, sh]));
  const types = new Map(scenario.containerTypes.map((t) => [t.id, t]));
  const weightOf = (u: PlanUnassigned) => {
    const sh = shipments.get(u.shipment);
    return sh ? (sh.weightKg * u.packages) / (sh.packages ?? 1) : 0;
  };
  const n = containers.length;
  const fill = (f: (c: PlanContainer) => number) =>
    n === 0 ? 0 : containers.reduce((a, c) => a + f(c), 0) / n;
  return {
    containers: n,
    distanceKm: containers.reduce((a, c) => a + c.distanceKm, 0),
    cost: containers.reduce((a, c) => a + c.cost, 0),
    assignedWeightKg: containers.reduce((a, c) => a + c.weightKg, 0),
    unassignedWeightKg: unassigned.reduce((a, u) => a + weightOf(u), 0),
    meanWeightFill: fill((c) => c.weightKg / (types.get(c.type)?.maxWeightKg ?? Infinity)),
    meanVolumeFill: fill((c) => c.volumeM3 / (types.get(c.type)?.maxVolumeM3 ?? Infinity)),
    lowerBoundContainers,
    lowerBoundContainersTight: Math.min(
      n,
      Math.max(lowerBoundContainers, tightContainerBound(scenario, containers)),
    ),
    solveMs,
  };
}

/**
 * The solver's container bound over the load these containers carry. Never above their
 * count: a hand-edited load over capacity must not claim more.
 */
export function containerLowerBound(scenario: Scenario, containers: readonly PlanContainer[]): number {
  const shipments = new Map(scenario.shipments.map((sh) => [sh.id, sh]));
  const items: BoundItem[] = containers.flatMap((c) =>
    c.stops.flatMap((stop) =>
      stop.load
        .filter((l) => l.packages > 0)
        .map((l) => ({
          // as the solver reads it; a shipment no longer known may share with anything ambient
          handling: shipments.has(l.shipment) ? (shipments.get(l.shipment)?.handling ?? "dry") : "general",
          packages: l.packages,
          unitWeightKg: l.weightKg / l.packages,
          unitVolumeM3: l.volumeM3 / l.packages,
        })),
    ),
  );
  return Math.min(containers.length, lowerBoundForTypes(items, scenario.containerTypes));
}
