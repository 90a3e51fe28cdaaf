/**
 * Where a late shipment still fits, without re-planning the week (issue 9). Pure functions
 * over a Scenario (which already lists the late shipment) and the current Plan:
 *
 * - `lateShipmentOptions` lists the planned containers that could take the shipment's
 *   packages not yet loaded, under every rule, without moving another stop past its pickup
 *   window or the container past its cut-off, cheapest first; and what a container of its
 *   own would cost (`newContainer`, or null when none can reach a port in time).
 * - `assignLateShipment` puts it into one of them and returns the new Plan: only that
 *   container (its stops, times, km, cost), its box's weight, the charges and the summary
 *   change; the new plan passes checkPlan.
 *
 * A shipment's remaining packages go into one container whole; a split late shipment is a
 * re-plan's job.
 */
import type { Plan } from "../model/plan.js";
import type { Scenario } from "../model/scenario.js";
import { assemblePlan } from "../output/finish-plan.js";
import { containerLowerBound, summariseContainers } from "../output/plan-summary.js";
import { type Part, partOf } from "./container-fit.js";
import { bestInsertion } from "./insert-into-container.js";
import { type LateContext, lateContext, plannedPackages } from "./late-context.js";
import { bestNewContainer, type NewContainerOption } from "./new-container.js";

export interface LateOption {
  container: string;
  addedKm: number;
  addedCost: number;
  pickupAt: string;
  portArrival: string;
  sailing?: string;
}

export interface LateOptions {
  options: LateOption[];
  newContainer: NewContainerOption | null;
}

export type AssignResult = { ok: true; plan: Plan } | { ok: false; reason: string };

function remainingPart(ctx: LateContext, shipmentId: string): Part | null {
  const sh = ctx.shipments.get(shipmentId);
  if (!sh) throw new Error(`unknown shipment "${shipmentId}": it is not in the scenario`);
  const left = (sh.packages ?? 1) - plannedPackages(ctx.plan, sh.id);
  return left > 0 ? partOf(sh, left) : null;
}

export function lateShipmentOptions(
  scenario: Scenario,
  plan: Plan,
  shipmentId: string,
  options: { eligibleContainers?: string[] } = {},
): LateOptions {
  const ctx = lateContext(scenario, plan);
  const part = remainingPart(ctx, shipmentId);
  if (!part) return { options: [], newContainer: null };
  const eligible = options.eligibleContainers ? new Set(options.eligibleContainers) : null;
  const found: LateOption[] = [];
  for (const c of plan.containers) {
    if (eligible && !eligible.has(c.id)) continue;
    const r = bestInsertion(ctx, c, part);
    if (!r.ok) continue;
    found.push({
      container: c.id,
      addedKm: r.insertion.addedKm,
      addedCost: r.insertion.addedCost,
      pickupAt: r.insertion.pickupAt,
      portArrival: r.insertion.portArrival,
      ...(c.sailing !== undefined ? { sailing: c.sailing } : {}),
    });
  }
  found.sort(
    (a, b) => a.addedCost - b.addedCost || a.addedKm - b.addedKm || a.container.localeCompare(b.container),
  );
  return { options: found, newContainer: bestNewContainer(ctx, part) };
}

export function assignLateShipment(
  scenario: Scenario,
  plan: Plan,
  shipmentId: string,
  containerId: string,
): AssignResult {
  const ctx = lateContext(scenario, plan);
  if (!ctx.shipments.has(shipmentId))
    return { ok: false, reason: `Shipment ${shipmentId} is not in the scenario.` };
  const part = remainingPart(ctx, shipmentId);
  if (!part) return { ok: false, reason: `Shipment ${shipmentId} is already planned in full.` };
  const c = plan.containers.find((x) => x.id === containerId);
  if (!c) return { ok: false, reason: `Container ${containerId} is not in this plan.` };
  const r = bestInsertion(ctx, c, part);
  if (!r.ok) return { ok: false, reason: r.reason };

  const changed = r.insertion.container();
  const containers = plan.containers.map((x) => (x.id === containerId ? changed : x));
  const box = ctx.boxOf.get(containerId);
  const boxes = plan.boxes?.map((b) => (b === box ? { ...b, weightKg: b.weightKg + part.weightKg } : b));
  const unassigned = plan.unassigned.filter((u) => u.shipment !== shipmentId);
  const bound = Math.min(
    containers.length,
    Math.max(plan.summary.lowerBoundContainers, containerLowerBound(scenario, containers)),
  );
  const summary = {
    ...plan.summary,
    ...summariseContainers(scenario, containers, unassigned, bound, plan.summary.solveMs),
  };
  return { ok: true, plan: assemblePlan(scenario, { ...plan, containers, boxes, unassigned, summary }) };
}
