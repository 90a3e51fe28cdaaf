/**
 * Loads: whole packages, the part weight/volume the spec defines, capacity, and
 * conservation (every package of every shipment exactly once, loaded at its own village).
 */
import {
  type CheckContext,
  partOf,
  RELATIVE_TOLERANCE,
  resolvedLoads,
  withinRelative,
} from "./check-context.js";

const isWholePositive = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 1;

export function checkLoads(ctx: CheckContext): void {
  const placed = new Map<string, number>();
  const count = (shipment: string, packages: number) =>
    placed.set(shipment, (placed.get(shipment) ?? 0) + packages);

  for (const c of ctx.plan.containers) {
    const container = c.id;
    let weightKg = 0;
    let volumeM3 = 0;
    let packagesLoaded = 0;
    for (const stop of c.stops ?? []) {
      for (const line of stop.load ?? []) {
        const sh = ctx.shipments.get(line.shipment);
        if (!sh) continue;
        const shipment = sh.id;
        if (!isWholePositive(line.packages)) {
          ctx.add({
            rule: "WHOLE_PACKAGES",
            message: `Container ${c.id} loads ${line.packages} packages of ${sh.id}: must be a whole number >= 1.`,
            container,
            shipment,
          });
          continue;
        }
        count(sh.id, line.packages);
        packagesLoaded += line.packages;
        if (stop.village !== sh.village) {
          ctx.add({
            rule: "WRONG_VILLAGE",
            message: `Container ${c.id} loads ${sh.id} at ${stop.village}, but it waits at ${sh.village}.`,
            container,
            shipment,
          });
        }
        const part = partOf(sh, line.packages);
        weightKg += part.weightKg;
        volumeM3 += part.volumeM3;
        if (!withinRelative(line.weightKg, part.weightKg)) {
          ctx.add({
            rule: "PART_WEIGHT",
            message: `Container ${c.id}: ${line.packages} of ${sh.packages ?? 1} packages of ${sh.id} weigh ${part.weightKg} kg, not ${line.weightKg}.`,
            container,
            shipment,
          });
        }
        if (!withinRelative(line.volumeM3, part.volumeM3)) {
          ctx.add({
            rule: "PART_VOLUME",
            message: `Container ${c.id}: ${line.packages} of ${sh.packages ?? 1} packages of ${sh.id} take ${part.volumeM3} m3, not ${line.volumeM3}.`,
            container,
            shipment,
          });
        }
      }
    }
    if ((c.stops ?? []).length === 0 || packagesLoaded === 0) {
      ctx.add({
        rule: "EMPTY_CONTAINER",
        message: `Container ${c.id} carries nothing: drop it from the plan.`,
        container,
      });
    }
    const type = ctx.types.get(c.type);
    if (!type) continue;
    if (weightKg > type.maxWeightKg * (1 + RELATIVE_TOLERANCE)) {
      ctx.add({
        rule: "OVER_WEIGHT",
        message: `Container ${c.id} (${type.id}) carries ${weightKg} kg, over its ${type.maxWeightKg} kg.`,
        container,
      });
    }
    if (volumeM3 > type.maxVolumeM3 * (1 + RELATIVE_TOLERANCE)) {
      ctx.add({
        rule: "OVER_VOLUME",
        message: `Container ${c.id} (${type.id}) carries ${volumeM3} m3, over its ${type.maxVolumeM3} m3.`,
        container,
      });
    }
  }

  for (const u of ctx.plan.unassigned) {
    const sh = ctx.shipments.get(u.shipment);
    if (!sh) continue;
    if (!isWholePositive(u.packages)) {
      ctx.add({
        rule: "WHOLE_PACKAGES",
        message: `Unassigned line for ${sh.id} has ${u.packages} packages: must be a whole number >= 1.`,
        shipment: sh.id,
      });
      continue;
    }
    count(sh.id, u.packages);
  }

  for (const sh of ctx.scenario.shipments) {
    const expected = sh.packages ?? 1;
    const got = placed.get(sh.id) ?? 0;
    if (got < expected) {
      ctx.add({
        rule: "PACKAGES_LOST",
        message: `Shipment ${sh.id}: ${expected - got} of its ${expected} packages are neither in a container nor unassigned.`,
        shipment: sh.id,
      });
    } else if (got > expected) {
      ctx.add({
        rule: "PACKAGES_DOUBLED",
        message: `Shipment ${sh.id} has ${expected} packages but the plan places ${got}.`,
        shipment: sh.id,
      });
    }
  }
}

/** Weight and volume actually loaded in a container, from the scenario (not the plan's figures). */
export function trueLoad(ctx: CheckContext, c: Parameters<typeof resolvedLoads>[1]) {
  let weightKg = 0;
  let volumeM3 = 0;
  for (const { shipment, packages } of resolvedLoads(ctx, c)) {
    const part = partOf(shipment, packages);
    weightKg += part.weightKg;
    volumeM3 += part.volumeM3;
  }
  return { weightKg, volumeM3 };
}
