/**
 * Sailings (rule 5) and the cut-off half of rule 4: a container ending at a port with
 * sailings is on one of them, arrives by its cut-off, carries only shipments the sailing
 * serves by their sailBy, and no sailing takes more containers than it may.
 */
import type { CheckContext } from "./check-context.js";
import { readInstant } from "./local-time.js";

export function checkSailings(ctx: CheckContext): void {
  const onSailing = new Map<string, string[]>();
  for (const c of ctx.plan.containers) {
    const container = c.id;
    if (c.sailing === undefined) {
      if ((ctx.sailingsByPort.get(c.port) ?? []).length > 0) {
        ctx.add({
          rule: "NO_SAILING",
          message: `Container ${c.id} ends at ${c.port}, which ships only on its sailings, but names none.`,
          container,
        });
      }
      continue;
    }
    const sailing = ctx.sailings.get(c.sailing);
    if (!sailing) continue; // reported as UNKNOWN_SAILING
    onSailing.set(sailing.id, [...(onSailing.get(sailing.id) ?? []), c.id]);

    const arrival = readInstant(c.portArrival);
    const cutoff = readInstant(sailing.cutoff);
    if (arrival !== null && cutoff !== null && arrival.min > cutoff.min + ctx.toleranceMin) {
      ctx.add({
        rule: "MISSED_CUTOFF",
        message: `Container ${c.id} reaches ${c.port} at ${c.portArrival}, after the cut-off of sailing ${sailing.id} (${sailing.cutoff}).`,
        container,
      });
    }
    const departure = readInstant(sailing.departure);
    for (const stop of c.stops ?? []) {
      for (const line of stop.load ?? []) {
        const sh = ctx.shipments.get(line.shipment);
        if (!sh) continue;
        if (
          sh.destination !== undefined &&
          sailing.destinations !== undefined &&
          !sailing.destinations.includes(sh.destination)
        ) {
          ctx.add({
            rule: "SAILING_DESTINATION",
            message: `Shipment ${sh.id} goes to ${sh.destination}, but sailing ${sailing.id} serves only ${sailing.destinations.join(", ")}.`,
            container,
            shipment: sh.id,
          });
        }
        const sailBy = sh.sailBy !== undefined ? readInstant(sh.sailBy) : null;
        if (sailBy !== null && departure !== null && departure.min > sailBy.min) {
          ctx.add({
            rule: "SAILING_SAIL_BY",
            message: `Shipment ${sh.id} must sail by ${sh.sailBy}, but sailing ${sailing.id} departs ${sailing.departure}.`,
            container,
            shipment: sh.id,
          });
        }
      }
    }
  }
  for (const [sailingId, ids] of onSailing) {
    const max = ctx.sailings.get(sailingId)?.maxContainers;
    if (max !== undefined && ids.length > max) {
      ctx.add({
        rule: "SAILING_FULL",
        message: `Sailing ${sailingId} takes at most ${max} containers, but the plan puts ${ids.length} on it: ${ids.join(", ")}.`,
        container: ids[max],
      });
    }
  }
}
