/**
 * Handling classes and product rules within one container (spec rule 2). Written from
 * the spec's text, not from the optimiser's compatibility table.
 */
import type { Handling } from "../model/scenario.js";
import { type CheckContext, resolvedLoads } from "./check-context.js";

const REEFER_ONLY: ReadonlySet<Handling> = new Set<Handling>(["chilled", "frozen", "live"]);
const FOOD: ReadonlySet<Handling> = new Set<Handling>(["dry", "chilled", "frozen", "live"]);

export function checkHandling(ctx: CheckContext): void {
  for (const c of ctx.plan.containers) {
    const container = c.id;
    const type = ctx.types.get(c.type);
    const loads = resolvedLoads(ctx, c);
    const classes = new Map<Handling, string>(); // class -> first shipment id with it
    const products = new Map<string, string>(); // product -> first shipment id with it
    for (const { shipment } of loads) {
      const h = shipment.handling ?? "dry";
      if (!classes.has(h)) classes.set(h, shipment.id);
      if (shipment.product !== undefined && !products.has(shipment.product))
        products.set(shipment.product, shipment.id);
      if (REEFER_ONLY.has(h) && type && !type.reefer) {
        ctx.add({
          rule: "REEFER_REQUIRED",
          message: `Shipment ${shipment.id} is ${h} and needs a reefer, but container ${c.id} is ${type.id}.`,
          container,
          shipment: shipment.id,
        });
      }
    }
    for (const [h, first] of classes) {
      if (!REEFER_ONLY.has(h)) continue;
      const others = [...classes.keys()].filter((k) => k !== h);
      if (others.length > 0) {
        ctx.add({
          rule: "TEMPERATURE_MIX",
          message: `Container ${c.id} mixes ${h} goods (${first}) with ${others.join(", ")}: each needs its own temperature.`,
          container,
          shipment: first,
        });
      }
    }
    const dangerous = classes.get("dangerous");
    if (dangerous !== undefined) {
      const food = [...classes.keys()].filter((k) => FOOD.has(k));
      if (food.length > 0) {
        ctx.add({
          rule: "DANGEROUS_WITH_FOOD",
          message: `Container ${c.id} carries dangerous goods (${dangerous}) with food (${food.join(", ")}).`,
          container,
          shipment: dangerous,
        });
      }
    }
    for (const [a, b] of ctx.neverTogether) {
      const sa = products.get(a);
      const sb = products.get(b);
      if (sa !== undefined && sb !== undefined) {
        ctx.add({
          rule: "NEVER_TOGETHER",
          message: `Container ${c.id} carries ${a} (${sa}) and ${b} (${sb}), which never share a container.`,
          container,
          shipment: sb,
        });
      }
    }
  }
}
