/**
 * Sea boxes, who rides where (spec rule 8, first half): with boxTypes, every container on
 * a sailing is in exactly one box of that sailing and a container at a port without
 * sailings in none; boxes name known types, sailings and containers; no sailing takes
 * more than maxBoxes; each box reports its true weight (loads re-weighed plus tare) and
 * its type's freight; the summary's boxes, freight and lowerBoundBoxes agree. Without
 * boxTypes a plan has no boxes. What may share a box is box-contents.check.ts.
 */
import { type CheckContext, withinRelative } from "./check-context.js";
import { trueLoad } from "./loads.check.js";

export function checkBoxes(ctx: CheckContext): void {
  const { plan, scenario } = ctx;
  const withBoxes = (scenario.boxTypes?.length ?? 0) > 0;
  if (!withBoxes) {
    if (Array.isArray(plan.boxes) && plan.boxes.length > 0) {
      ctx.add({
        rule: "BOXES_WITHOUT_TYPES",
        message: "The plan puts containers in sea boxes, but the scenario lists no box types.",
      });
    }
    return;
  }
  if (!Array.isArray(plan.boxes)) {
    ctx.add({
      rule: "BOXES_MISSING",
      message: "The scenario lists box types, so the plan must list its sea boxes (an empty list if none).",
    });
    return;
  }

  const containers = new Map(plan.containers.map((c) => [c.id, c]));
  const boxOf = new Map<string, string>();
  const seen = new Set<string>();
  const perSailing = new Map<string, string[]>();
  for (const box of plan.boxes) {
    if (seen.has(box.id))
      ctx.add({ rule: "DUPLICATE_BOX_ID", message: `Box id "${box.id}" is used more than once.` });
    seen.add(box.id);
    const type = ctx.boxTypes.get(box.type);
    if (!type)
      ctx.add({ rule: "UNKNOWN_BOX_TYPE", message: `Box ${box.id} has unknown box type "${box.type}".` });
    const sailing = ctx.sailings.get(box.sailing);
    if (!sailing)
      ctx.add({
        rule: "BOX_UNKNOWN_SAILING",
        message: `Box ${box.id} is on unknown sailing "${box.sailing}".`,
      });
    else perSailing.set(sailing.id, [...(perSailing.get(sailing.id) ?? []), box.id]);
    const ids = Array.isArray(box.containers) ? box.containers : [];
    if (ids.length === 0)
      ctx.add({ rule: "EMPTY_BOX", message: `Box ${box.id} holds no container: drop it.` });

    let weightKg = 0;
    let weightKnown = true;
    for (const id of ids) {
      const c = containers.get(id);
      if (!c) {
        ctx.add({ rule: "BOX_UNKNOWN_CONTAINER", message: `Box ${box.id} holds unknown container "${id}".` });
        weightKnown = false;
        continue;
      }
      const first = boxOf.get(id);
      if (first !== undefined) {
        ctx.add({
          rule: "BOX_DOUBLED",
          message: `Container ${id} rides in box ${first} and in box ${box.id}: a container is in exactly one box.`,
          container: id,
        });
      } else boxOf.set(id, box.id);
      if (sailing && c.sailing !== box.sailing) {
        ctx.add({
          rule: "BOX_WRONG_SAILING",
          message:
            c.sailing === undefined
              ? `Container ${id} is on no sailing, yet rides in box ${box.id} of sailing ${box.sailing}.`
              : `Container ${id} is on sailing ${c.sailing}, but its box ${box.id} is on sailing ${box.sailing}.`,
          container: id,
        });
      }
      const ctype = ctx.types.get(c.type);
      if (!ctype) weightKnown = false;
      else weightKg += trueLoad(ctx, c).weightKg + (ctype.tareKg ?? 0);
    }
    if (weightKnown && !withinRelative(box.weightKg, weightKg)) {
      ctx.add({
        rule: "BOX_WEIGHT",
        message: `Box ${box.id} reports ${box.weightKg} kg; its containers' loads and tare weigh ${weightKg} kg.`,
      });
    }
    if (type && !(Math.abs(box.freight - (type.freight ?? 0)) <= 1)) {
      ctx.add({
        rule: "BOX_FREIGHT",
        message: `Box ${box.id} reports freight ${box.freight} IDR; a ${type.id} box costs ${type.freight ?? 0}.`,
      });
    }
  }

  for (const c of plan.containers) {
    if (c.sailing !== undefined && !boxOf.has(c.id)) {
      ctx.add({
        rule: "UNBOXED",
        message: `Container ${c.id} is on sailing ${c.sailing} but rides in no sea box.`,
        container: c.id,
      });
    }
  }
  for (const [sailingId, ids] of perSailing) {
    const max = ctx.sailings.get(sailingId)?.maxBoxes;
    if (max !== undefined && ids.length > max) {
      ctx.add({
        rule: "BOXES_FULL",
        message: `Sailing ${sailingId} takes at most ${max} boxes, but the plan puts ${ids.length} on it: ${ids.join(", ")}.`,
      });
    }
  }

  const s = plan.summary;
  const freight = plan.boxes.reduce((a, b) => a + (typeof b.freight === "number" ? b.freight : 0), 0);
  if (s.boxes !== plan.boxes.length) {
    ctx.add({
      rule: "SUMMARY_BOXES",
      message: `Summary boxes is ${s.boxes}; the plan lists ${plan.boxes.length}.`,
    });
  }
  if (!(typeof s.freight === "number" && Math.abs(s.freight - freight) <= 1 + 1e-9 * freight)) {
    ctx.add({
      rule: "SUMMARY_FREIGHT",
      message: `Summary freight is ${s.freight}; the boxes add up to ${freight}.`,
    });
  }
  const lb = s.lowerBoundBoxes;
  if (!(typeof lb === "number" && Number.isInteger(lb) && lb >= 0 && lb <= plan.boxes.length)) {
    ctx.add({
      rule: "LOWER_BOUND_BOXES",
      message: `Summary lowerBoundBoxes ${lb} must be a whole number between 0 and the ${plan.boxes.length} boxes used.`,
    });
  }
}
