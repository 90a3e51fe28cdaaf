/**
 * The last step of every plan, in one place: sea boxes (when the scenario has boxTypes),
 * charges (always), and the summary's box figures. The solver calls it on its own plan,
 * and so does anything that assembles a plan from parts (a merge of decomposed regions),
 * so boxes and charges are always those of the final containers.
 *
 * A container on a sailing that no box can take (the sailing's maxBoxes used up, or a
 * load no box type fits) leaves the plan: its load lines go to `unassigned` with reason
 * NO_CONTAINER and a sentence saying why. Nothing is lost. The solver's own box step
 * (assign/box-sailings.ts) avoids this; here it is the safety net.
 */
import { containerBoxItem, packPlanBoxes, planBoxLowerBound } from "../boxes/plan-boxes.js";
import type { Plan, PlanBox, PlanContainer, PlanUnassigned } from "../model/plan.js";
import type { Scenario } from "../model/scenario.js";
import { boxesActive, boxTypeTakes } from "../rules/boxes.js";
import { computeCharges } from "./charges.js";
import { containerLowerBound, summariseContainers } from "./plan-summary.js";

/** Why a container on a sailing rides in no box, in a sentence for a coordinator. */
export function unboxedDetail(scenario: Scenario, c: PlanContainer): string {
  const item = containerBoxItem(scenario, c);
  const sailing = (scenario.sailings ?? []).find((s) => s.id === c.sailing);
  if (item?.mixedDestinations)
    return `Its container would carry shipments for more than one country, and a sea box is opened at one place.`;
  if (item && !(scenario.boxTypes ?? []).some((t) => boxTypeTakes(t, item)))
    return `No sea box type can take its container (${item.slots} slot(s), ${Math.round(item.weightKg)} kg with tare${item.temperature === "ambient" ? "" : `, a reefer box for ${item.temperature} goods`}).`;
  return `The sea boxes of sailing ${c.sailing} are full${sailing?.maxBoxes !== undefined ? ` (at most ${sailing.maxBoxes} boxes)` : ""}: its container could not be taken along.`;
}

/** Drop containers no box takes; their loads become unassigned. */
function dropUnboxed(
  scenario: Scenario,
  containers: PlanContainer[],
  unassigned: PlanUnassigned[],
): { containers: PlanContainer[]; unassigned: PlanUnassigned[]; boxes: PlanBox[]; dropped: boolean } {
  let list = containers;
  const left = [...unassigned];
  let dropped = false;
  // Repack after each drop: a packing of fewer containers is not always a subset of the old one.
  for (;;) {
    const { boxes, unplaced } = packPlanBoxes(scenario, list);
    if (unplaced.length === 0) return { containers: list, unassigned: left, boxes, dropped };
    dropped = true;
    const out = new Set(unplaced);
    for (const c of list) {
      if (!out.has(c.id)) continue;
      const detail = unboxedDetail(scenario, c);
      const packages = new Map<string, number>();
      for (const stop of c.stops)
        for (const l of stop.load) packages.set(l.shipment, (packages.get(l.shipment) ?? 0) + l.packages);
      for (const [shipment, n] of packages)
        left.push({ shipment, packages: n, reason: "NO_CONTAINER", detail });
    }
    list = list.filter((c) => !out.has(c.id));
  }
}

export function finishPlan(scenario: Scenario, plan: Plan): Plan {
  let containers = plan.containers;
  let unassigned = plan.unassigned;
  let summary = plan.summary;
  let boxes: PlanBox[] | undefined;
  if (boxesActive(scenario)) {
    const boxed = dropUnboxed(scenario, containers, unassigned);
    boxes = boxed.boxes;
    if (boxed.dropped) {
      containers = boxed.containers;
      unassigned = boxed.unassigned;
      summary = summariseContainers(
        scenario,
        containers,
        unassigned,
        Math.min(summary.lowerBoundContainers, containerLowerBound(scenario, containers)),
        summary.solveMs,
      );
    }
  }
  return assemblePlan(scenario, { ...plan, containers, unassigned, summary, boxes });
}

/**
 * A plan from its containers, boxes and unassigned list as they are (no packing): charges
 * computed, the summary's box figures set (present exactly when the scenario has boxTypes),
 * keys in the spec's order.
 */
export function assemblePlan(scenario: Scenario, plan: Omit<Plan, "charges"> & { charges?: unknown }): Plan {
  const { containers, unassigned } = plan;
  const boxes = boxesActive(scenario) ? (plan.boxes ?? []) : undefined;
  const { boxes: _b, freight: _f, lowerBoundBoxes: _l, solveMs, ...figures } = plan.summary;
  return {
    ...(plan.scenario !== undefined ? { scenario: plan.scenario } : {}),
    containers,
    ...(boxes ? { boxes } : {}),
    charges: computeCharges(scenario, containers, boxes),
    unassigned,
    summary: {
      ...figures,
      ...(boxes
        ? {
            boxes: boxes.length,
            freight: boxes.reduce((a, b) => a + b.freight, 0),
            lowerBoundBoxes: Math.min(boxes.length, planBoxLowerBound(scenario, containers)),
          }
        : {}),
      solveMs,
    },
  };
}
