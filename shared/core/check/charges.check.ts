/**
 * Charges (spec rule 9): one charge per load line (a shipment's part in a container, its
 * loads at every stop together), with that line's packages; a container's truck charges
 * add up to its cost and a box's freight charges to its freight, within 1 IDR; and each
 * charge is its share of that total in proportion to the line's chargeable measure
 * `max(weightKg / maxWeightKg, volumeM3 / maxVolumeM3)` of its container type, within 1 IDR.
 * A line outside every box pays no freight.
 *
 * Charges are checked against the plan's own figures (the lines' weights and volumes, the
 * containers' costs, the boxes' freight); other checks hold those figures to the truth
 * (PART_WEIGHT, CONTAINER_COST, BOX_FREIGHT), so one wrong figure is reported once.
 * Containers whose id is not unique are left to DUPLICATE_CONTAINER_ID.
 */
import type { PlanCharge } from "../model/plan.js";
import type { CheckContext } from "./check-context.js";

/** The spec's tolerance on every sum and share. */
const IDR = 1;

interface Line {
  container: string;
  shipment: string;
  packages: number;
  measure: number;
  charge?: PlanCharge;
}

const keyOf = (container: string, shipment: string) => `${container}\u0000${shipment}`;

export function checkCharges(ctx: CheckContext): void {
  const { plan } = ctx;
  if (!Array.isArray(plan.charges)) {
    ctx.add({ rule: "CHARGES_MISSING", message: "Every plan carries charges: one per load line." });
    return;
  }
  const lines = new Map<string, Line>();
  const byContainer = new Map<string, Line[]>();
  const idCount = new Map<string, number>();
  for (const c of plan.containers) idCount.set(c.id, (idCount.get(c.id) ?? 0) + 1);
  const duplicated = (id: string) => (idCount.get(id) ?? 0) > 1;
  for (const c of plan.containers) {
    if (duplicated(c.id)) continue;
    const type = ctx.types.get(c.type);
    const own: Line[] = [];
    const parts = new Map<string, { packages: number; weightKg: number; volumeM3: number }>();
    for (const stop of c.stops ?? [])
      for (const load of stop.load ?? []) {
        if (!ctx.shipments.has(load.shipment) || !Number.isFinite(load.packages)) continue;
        const part = parts.get(load.shipment) ?? { packages: 0, weightKg: 0, volumeM3: 0 };
        part.packages += load.packages;
        part.weightKg += Number.isFinite(load.weightKg) ? load.weightKg : 0;
        part.volumeM3 += Number.isFinite(load.volumeM3) ? load.volumeM3 : 0;
        parts.set(load.shipment, part);
      }
    for (const [shipmentId, part] of parts) {
      const measure = type
        ? Math.max(part.weightKg / type.maxWeightKg, part.volumeM3 / type.maxVolumeM3)
        : part.weightKg;
      const line: Line = { container: c.id, shipment: shipmentId, packages: part.packages, measure };
      lines.set(keyOf(c.id, shipmentId), line);
      own.push(line);
    }
    byContainer.set(c.id, own);
  }

  for (const charge of plan.charges) {
    if (duplicated(charge.container)) continue;
    const where = { container: charge.container, shipment: charge.shipment };
    const line = lines.get(keyOf(charge.container, charge.shipment));
    if (!line) {
      ctx.add({
        rule: "CHARGE_UNKNOWN_LINE",
        message: `A charge names shipment ${charge.shipment} in container ${charge.container}, which loads no such line.`,
        ...where,
      });
      continue;
    }
    if (line.charge) {
      ctx.add({
        rule: "CHARGE_DUPLICATE",
        message: `Shipment ${charge.shipment} in container ${charge.container} is charged twice.`,
        ...where,
      });
      continue;
    }
    line.charge = charge;
    if (charge.packages !== line.packages) {
      ctx.add({
        rule: "CHARGE_PACKAGES",
        message: `The charge of ${charge.shipment} in ${charge.container} is for ${charge.packages} packages; the container loads ${line.packages}.`,
        ...where,
      });
    }
    for (const field of ["truck", "freight"] as const) {
      const v = charge[field];
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        ctx.add({
          rule: "CHARGE_VALUE",
          message: `The ${field} charge of ${charge.shipment} in ${charge.container} is ${v}: it must be a rupiah amount >= 0.`,
          ...where,
        });
      }
    }
  }
  for (const line of lines.values()) {
    if (!line.charge) {
      ctx.add({
        rule: "CHARGE_MISSING",
        message: `Shipment ${line.shipment} in container ${line.container} has no charge.`,
        container: line.container,
        shipment: line.shipment,
      });
    }
  }

  // Truck: each container's cost over its own lines.
  for (const c of plan.containers) {
    const own = byContainer.get(c.id) ?? [];
    // A line without a charge is CHARGE_MISSING already; its container's sum cannot be judged.
    if (own.length === 0 || own.some((l) => !l.charge) || typeof c.cost !== "number") continue;
    checkSplit(ctx, own, "truck", c.cost, `container ${c.id}'s cost`, c.id);
  }

  // Freight: each box's freight over the lines of all its containers; no box, no freight.
  const boxed = new Set<string>();
  // Boxes count only where the scenario has box types (otherwise BOXES_WITHOUT_TYPES).
  const withBoxes = (ctx.scenario.boxTypes?.length ?? 0) > 0 && Array.isArray(plan.boxes);
  for (const box of withBoxes ? plan.boxes! : []) {
    const ids = (box.containers ?? []).filter((id) => !boxed.has(id));
    for (const id of ids) boxed.add(id);
    const own = ids.flatMap((id) => byContainer.get(id) ?? []);
    if (own.length === 0 || own.some((l) => !l.charge) || typeof box.freight !== "number") continue;
    checkSplit(ctx, own, "freight", box.freight, `box ${box.id}'s freight`, undefined);
  }
  for (const line of lines.values()) {
    if (!line.charge || boxed.has(line.container) || !(line.charge.freight > 0)) continue;
    ctx.add({
      rule: "CHARGE_FREIGHT_WITHOUT_BOX",
      message: `Shipment ${line.shipment} is charged ${line.charge.freight} IDR freight, but container ${line.container} rides in no box.`,
      container: line.container,
      shipment: line.shipment,
    });
  }
}

/** The charges add up to `total` and each is its measure's share, within 1 IDR. */
function checkSplit(
  ctx: CheckContext,
  own: Line[],
  field: "truck" | "freight",
  total: number,
  what: string,
  container: string | undefined,
): void {
  const amounts = own.map((l) => l.charge![field]);
  if (amounts.some((a) => typeof a !== "number" || !Number.isFinite(a))) return; // CHARGE_VALUE
  const sum = amounts.reduce((a, b) => a + b, 0);
  const rule = field === "truck" ? "CHARGE_TRUCK" : "CHARGE_FREIGHT";
  if (!(Math.abs(sum - total) <= IDR + 1e-9 * Math.abs(total))) {
    ctx.add({
      rule: `${rule}_SUM`,
      message: `The ${field} charges of ${what} add up to ${sum} IDR, not ${total}.`,
      ...(container ? { container } : {}),
    });
    return;
  }
  const measures = own.reduce((a, l) => a + l.measure, 0);
  if (!(measures > 0)) return;
  own.forEach((l, i) => {
    const share = (sum * l.measure) / measures;
    if (!(Math.abs(amounts[i] - share) < IDR + 1e-9 * Math.abs(sum))) {
      ctx.add({
        rule: `${rule}_SHARE`,
        message: `Shipment ${l.shipment} in ${l.container} pays ${amounts[i]} IDR of ${what}; by weight or measure its share is ${Math.round(share * 100) / 100}.`,
        container: l.container,
        shipment: l.shipment,
      });
    }
  });
}
