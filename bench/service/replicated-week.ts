/**
 * A big week and a feasible plan for it without a big solve: a small week solved once,
 * then its shipments and its containers repeated `copies` times under new ids. Fleets
 * and sailing places are lifted (each copy would otherwise compete for them; sea boxes
 * per sailing too), so the
 * repeated plan passes the checker exactly as the original does. Storage benchmarks and
 * tests use it: what they measure is writing thousands of real-shaped containers
 * (multi-stop routes, split shipments, unassigned ones), not the solve.
 */
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";

const copyId = (id: string, copy: number) => (copy === 0 ? id : `${id}-r${copy}`);

export function replicateWeek(
  scenario: Scenario,
  plan: Plan,
  copies: number,
): { scenario: Scenario; plan: Plan } {
  const range = Array.from({ length: copies }, (_, k) => k);
  const big: Scenario = {
    ...scenario,
    id: `${scenario.id ?? "week"}-x${copies}`,
    depots: scenario.depots.map(({ fleet: _fleet, ...d }) => d),
    sailings: scenario.sailings?.map(({ maxContainers: _max, maxBoxes: _boxes, ...s }) => s),
    shipments: range.flatMap((k) => scenario.shipments.map((s) => ({ ...s, id: copyId(s.id, k) }))),
  };
  const containers = range.flatMap((k) =>
    plan.containers.map((c) => ({
      ...c,
      id: copyId(c.id, k),
      stops: c.stops.map((st) => ({
        ...st,
        load: st.load.map((l) => ({ ...l, shipment: copyId(l.shipment, k) })),
      })),
    })),
  );
  const charges = range.flatMap((k) =>
    plan.charges.map((c) => ({ ...c, shipment: copyId(c.shipment, k), container: copyId(c.container, k) })),
  );
  const boxes = plan.boxes
    ? range.flatMap((k) =>
        (plan.boxes ?? []).map((b) => ({
          ...b,
          id: copyId(b.id, k),
          containers: b.containers.map((c) => copyId(c, k)),
        })),
      )
    : undefined;
  const unassigned = range.flatMap((k) =>
    plan.unassigned.map((u) => ({ ...u, shipment: copyId(u.shipment, k) })),
  );
  const s = plan.summary;
  return {
    scenario: big,
    plan: {
      ...plan,
      scenario: big.id,
      containers,
      charges,
      ...(boxes ? { boxes } : {}),
      unassigned,
      summary: {
        ...s,
        containers: containers.length,
        distanceKm: s.distanceKm * copies,
        cost: s.cost * copies,
        assignedWeightKg: s.assignedWeightKg * copies,
        unassignedWeightKg: s.unassignedWeightKg * copies,
        lowerBoundContainers: s.lowerBoundContainers * copies,
        ...(s.boxes !== undefined ? { boxes: s.boxes * copies } : {}),
        ...(s.freight !== undefined ? { freight: s.freight * copies } : {}),
        ...(s.lowerBoundBoxes !== undefined ? { lowerBoundBoxes: s.lowerBoundBoxes * copies } : {}),
      },
    },
  };
}
