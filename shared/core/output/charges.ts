/**
 * Charges (spec rule 9): what each load line pays for moving it. A load line is a
 * shipment's part in one container (its loads at every stop of that container together).
 * The container's cost is split over its load lines, and a box's freight over the load
 * lines of all the containers in it, in proportion to each line's chargeable measure
 * `max(weightKg / maxWeightKg, volumeM3 / maxVolumeM3)` of its own container type: the
 * freight rule "weight or measure, whichever is greater".
 *
 * Rupiah are whole. Each container's cost is rounded to the nearest rupiah and split by
 * the largest-remainder method (every line gets the floor of its exact share, and the
 * rupiah left over go one each to the largest fractions, the earlier line on a tie), so
 * the truck charges of a container add up exactly to its rounded cost, and the freight
 * charges of a box exactly to its rounded freight. No line is ever more than one rupiah
 * off its exact share.
 */
import type { PlanBox, PlanCharge, PlanContainer } from "../model/plan.js";
import type { ContainerType, Scenario } from "../model/scenario.js";

/** Split a whole `total` in proportion to `weights` so the parts add up to it exactly. */
export function splitLargestRemainder(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const whole = Math.round(total);
  const positive = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  let sum = positive.reduce((a, b) => a + b, 0);
  const basis = sum > 0 ? positive : weights.map(() => 1);
  if (sum <= 0) sum = n;
  const exact = basis.map((w) => (whole * w) / sum);
  const parts = exact.map((x) => Math.floor(x + 1e-9));
  let left = whole - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - parts[i] }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i)
    .map((o) => o.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]]++;
  for (let k = n - 1; left < 0; k = (k - 1 + n) % n, left++) parts[order[k]]--;
  return parts;
}

/** The chargeable measure of a weight and volume in a container of this type. */
export function chargeableMeasure(type: ContainerType, weightKg: number, volumeM3: number): number {
  return Math.max(weightKg / type.maxWeightKg, volumeM3 / type.maxVolumeM3);
}

interface Line {
  shipment: string;
  container: string;
  packages: number;
  measure: number;
}

/** One line per shipment per container, in the order the container loads them. */
function loadLines(scenario: Scenario, c: PlanContainer): Line[] {
  const type = scenario.containerTypes.find((t) => t.id === c.type);
  const byShipment = new Map<string, { packages: number; weightKg: number; volumeM3: number }>();
  for (const stop of c.stops)
    for (const load of stop.load) {
      const line = byShipment.get(load.shipment) ?? { packages: 0, weightKg: 0, volumeM3: 0 };
      line.packages += load.packages;
      line.weightKg += load.weightKg;
      line.volumeM3 += load.volumeM3;
      byShipment.set(load.shipment, line);
    }
  return [...byShipment.entries()].map(([shipment, l]) => ({
    shipment,
    container: c.id,
    packages: l.packages,
    measure: type ? chargeableMeasure(type, l.weightKg, l.volumeM3) : l.weightKg,
  }));
}

/** Every load line's truck and freight charge, in container and loading order. */
export function computeCharges(
  scenario: Scenario,
  containers: readonly PlanContainer[],
  boxes: readonly PlanBox[] = [],
): PlanCharge[] {
  const charges: PlanCharge[] = [];
  const byContainer = new Map<string, PlanCharge[]>();
  const measures = new Map<PlanCharge, number>();
  for (const c of containers) {
    const lines = loadLines(scenario, c);
    const truck = splitLargestRemainder(
      c.cost,
      lines.map((l) => l.measure),
    );
    const own = lines.map((l, i) => {
      const charge: PlanCharge = {
        shipment: l.shipment,
        container: l.container,
        packages: l.packages,
        truck: truck[i],
        freight: 0,
      };
      measures.set(charge, l.measure);
      return charge;
    });
    byContainer.set(c.id, own);
    charges.push(...own);
  }
  for (const box of boxes) {
    const lines = box.containers.flatMap((id) => byContainer.get(id) ?? []);
    const freight = splitLargestRemainder(
      box.freight,
      lines.map((l) => measures.get(l) ?? 0),
    );
    lines.forEach((l, i) => {
      l.freight = freight[i];
    });
  }
  return charges;
}
