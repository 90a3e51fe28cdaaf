/** Trucks do not cross the sea: depot, villages and port of one trip share an island where set (rule 3). */
import type { CheckContext } from "./check-context.js";

export function checkIslands(ctx: CheckContext): void {
  for (const c of ctx.plan.containers) {
    const where: { place: string; island: string }[] = [];
    const note = (place: string, island: string | undefined) => {
      if (island !== undefined) where.push({ place, island });
    };
    note(`depot ${c.depot}`, ctx.depots.get(c.depot)?.island);
    for (const stop of c.stops ?? []) note(`village ${stop.village}`, ctx.villages.get(stop.village)?.island);
    note(`port ${c.port}`, ctx.ports.get(c.port)?.island);
    const islands = new Set(where.map((w) => w.island));
    if (islands.size > 1) {
      ctx.add({
        rule: "ISLAND",
        message: `Container ${c.id} would cross the sea: ${where.map((w) => `${w.place} on ${w.island}`).join(", ")}.`,
        container: c.id,
      });
    }
  }
}
