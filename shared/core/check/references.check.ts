/** Every id a plan names must exist in the scenario (and a sailing must sail from the port used). */
import type { CheckContext } from "./check-context.js";

export function checkReferences(ctx: CheckContext): void {
  const seen = new Set<string>();
  for (const c of ctx.plan.containers) {
    const container = c.id;
    if (seen.has(c.id)) {
      ctx.add({
        rule: "DUPLICATE_CONTAINER_ID",
        message: `Container id "${c.id}" is used more than once.`,
        container,
      });
    }
    seen.add(c.id);
    if (!ctx.types.has(c.type)) {
      ctx.add({
        rule: "UNKNOWN_TYPE",
        message: `Container ${c.id} has unknown container type "${c.type}".`,
        container,
      });
    }
    if (!ctx.depots.has(c.depot)) {
      ctx.add({
        rule: "UNKNOWN_DEPOT",
        message: `Container ${c.id} starts at unknown depot "${c.depot}".`,
        container,
      });
    }
    if (!ctx.ports.has(c.port)) {
      ctx.add({
        rule: "UNKNOWN_PORT",
        message: `Container ${c.id} ends at unknown port "${c.port}".`,
        container,
      });
    }
    if (c.sailing !== undefined) {
      const sailing = ctx.sailings.get(c.sailing);
      if (!sailing) {
        ctx.add({
          rule: "UNKNOWN_SAILING",
          message: `Container ${c.id} is on unknown sailing "${c.sailing}".`,
          container,
        });
      } else if (sailing.port !== c.port) {
        ctx.add({
          rule: "SAILING_WRONG_PORT",
          message: `Container ${c.id} ends at port ${c.port} but sailing ${sailing.id} leaves from ${sailing.port}.`,
          container,
        });
      }
    }
    for (const stop of c.stops ?? []) {
      if (!ctx.villages.has(stop.village)) {
        ctx.add({
          rule: "UNKNOWN_VILLAGE",
          message: `Container ${c.id} stops at unknown village "${stop.village}".`,
          container,
        });
      }
      for (const line of stop.load ?? []) {
        if (!ctx.shipments.has(line.shipment)) {
          ctx.add({
            rule: "UNKNOWN_SHIPMENT",
            message: `Container ${c.id} loads unknown shipment "${line.shipment}" at ${stop.village}.`,
            container,
            shipment: line.shipment,
          });
        }
      }
    }
  }
  for (const u of ctx.plan.unassigned) {
    if (!ctx.shipments.has(u.shipment)) {
      ctx.add({
        rule: "UNKNOWN_SHIPMENT",
        message: `Unassigned list names unknown shipment "${u.shipment}".`,
        shipment: u.shipment,
      });
    }
  }
}
