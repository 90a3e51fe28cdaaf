/** A depot sends no more containers of a type than its fleet holds (rule 6). */
import type { CheckContext } from "./check-context.js";

export function checkFleet(ctx: CheckContext): void {
  const used = new Map<string, Map<string, string[]>>();
  for (const c of ctx.plan.containers) {
    const byType = used.get(c.depot) ?? new Map<string, string[]>();
    byType.set(c.type, [...(byType.get(c.type) ?? []), c.id]);
    used.set(c.depot, byType);
  }
  for (const [depotId, byType] of used) {
    const fleet = ctx.depots.get(depotId)?.fleet;
    if (!fleet) continue; // absent fleet: unlimited
    for (const [typeId, ids] of byType) {
      const limit = fleet[typeId] ?? 0; // a type missing from a given fleet: none of it there
      if (ids.length > limit) {
        ctx.add({
          rule: "FLEET",
          message: `Depot ${depotId} sends ${ids.length} containers of type ${typeId} but has ${limit}: ${ids.join(", ")}.`,
          container: ids[limit],
        });
      }
    }
  }
}
