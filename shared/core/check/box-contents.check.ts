/**
 * Sea boxes, what may share one (spec rule 8, second half), written from the spec's text:
 * the containers' boxSlots (default 1) add up to at most the box's slots; their loads
 * (re-weighed from packages) plus their tareKg (default 0) weigh at most its maxWeightKg;
 * a container holding chilled, frozen or live goods rides only in a reefer box, and one
 * box holds one of those classes at most; a container holding dangerous goods never
 * shares a box with one holding food (dry, chilled, frozen, live); and every shipment in
 * a box has the same destination, where set.
 */
import type { Handling } from "../model/scenario.js";
import { type CheckContext, RELATIVE_TOLERANCE, resolvedLoads } from "./check-context.js";
import { trueLoad } from "./loads.check.js";

const REEFER_CLASSES: ReadonlySet<Handling> = new Set<Handling>(["chilled", "frozen", "live"]);
const FOOD: ReadonlySet<Handling> = new Set<Handling>(["dry", "chilled", "frozen", "live"]);

export function checkBoxContents(ctx: CheckContext): void {
  if (!Array.isArray(ctx.plan.boxes)) return;
  const containers = new Map(ctx.plan.containers.map((c) => [c.id, c]));
  for (const box of ctx.plan.boxes) {
    const type = ctx.boxTypes.get(box.type);
    if (!type) continue; // UNKNOWN_BOX_TYPE
    let slots = 0;
    let weightKg = 0;
    const reeferClasses = new Map<Handling, string>(); // class -> first container with it
    const dangerous: string[] = [];
    const food: string[] = [];
    const destinations = new Map<string, string>(); // destination -> first shipment with it
    for (const id of new Set(box.containers ?? [])) {
      const c = containers.get(id);
      const ctype = c ? ctx.types.get(c.type) : undefined;
      if (!c || !ctype) continue; // BOX_UNKNOWN_CONTAINER / UNKNOWN_TYPE
      slots += ctype.boxSlots ?? 1;
      weightKg += trueLoad(ctx, c).weightKg + (ctype.tareKg ?? 0);
      const classes = new Set<Handling>();
      for (const { shipment } of resolvedLoads(ctx, c)) {
        classes.add(shipment.handling ?? "dry");
        if (shipment.destination !== undefined && !destinations.has(shipment.destination))
          destinations.set(shipment.destination, shipment.id);
      }
      for (const h of classes) {
        if (!REEFER_CLASSES.has(h)) continue;
        if (!reeferClasses.has(h)) reeferClasses.set(h, c.id);
        if (!type.reefer) {
          ctx.add({
            rule: "BOX_REEFER_REQUIRED",
            message: `Container ${c.id} holds ${h} goods and rides in box ${box.id}, a ${type.id} box without power.`,
            container: c.id,
          });
        }
      }
      if (classes.has("dangerous")) dangerous.push(c.id);
      if ([...classes].some((h) => FOOD.has(h))) food.push(c.id);
    }
    if (slots > type.slots) {
      ctx.add({
        rule: "BOX_SLOTS",
        message: `Box ${box.id} (${type.id}) holds containers taking ${slots} slots; it has ${type.slots}.`,
      });
    }
    if (weightKg > type.maxWeightKg * (1 + RELATIVE_TOLERANCE)) {
      ctx.add({
        rule: "BOX_OVER_WEIGHT",
        message: `Box ${box.id} (${type.id}) carries ${weightKg} kg with tare, over its ${type.maxWeightKg} kg.`,
      });
    }
    if (reeferClasses.size > 1) {
      const list = [...reeferClasses].map(([h, id]) => `${h} (${id})`).join(", ");
      ctx.add({
        rule: "BOX_TEMPERATURE_MIX",
        message: `Box ${box.id} holds ${list}: one box keeps one temperature.`,
      });
    }
    const apart = dangerous.flatMap((d) => food.filter((f) => f !== d).map((f) => [d, f]));
    if (apart.length > 0) {
      ctx.add({
        rule: "BOX_DANGEROUS_WITH_FOOD",
        message: `Box ${box.id} holds container ${apart[0][0]} with dangerous goods beside container ${apart[0][1]} with food.`,
        container: apart[0][0],
      });
    }
    if (destinations.size > 1) {
      const list = [...destinations].map(([d, id]) => `${d} (${id})`).join(", ");
      ctx.add({
        rule: "BOX_DESTINATIONS",
        message: `Box ${box.id} holds shipments for ${list}: a box is opened at one place.`,
      });
    }
  }
}
