/**
 * CVRPLIB instance -> Scenario, so the benchmark runs the product's own code path.
 *
 * The CVRP is the special case of a Muatan plan with one depot, one port and one container
 * type: a route is depot -> customers -> port, and the port sits on the depot, so every
 * route is the closed tour CVRPLIB scores. `euclidean` rounds each leg to the nearest
 * integer (TSPLIB nint), so plan distances are directly comparable with the BKS.
 *
 * Customers are numbered as in CVRPLIB solution files, 1.. in file order without the depot
 * (node id - 1 when the depot is node 1): village `c7` is customer 7 of a `.sol` route.
 */
import type { Scenario } from "../../shared/core/model/scenario.js";
import type { CvrpInstance } from "../parse/cvrplib.parser.js";

export type FleetMode = "k" | "unlimited";

export const CVRP_DEPOT_ID = "depot";
export const CVRP_PORT_ID = "port";
export const CVRP_VEHICLE_TYPE = "vehicle";
/** Volume never binds in a CVRP; the schema wants a positive number. */
export const UNBOUNDED_VOLUME_M3 = 1e9;

export interface ConvertedScenario {
  scenario: Scenario;
  /** ids of customers left out, with why (see `docs/bench.md`) */
  skipped: { id: string; reason: string }[];
}

export function cvrpToScenario(instance: CvrpInstance, fleet: FleetMode = "k"): ConvertedScenario {
  if (fleet === "k" && instance.vehicles === null) {
    throw new Error(`${instance.name}: the name carries no "-kN" fleet size; use --fleet unlimited`);
  }
  const skipped: ConvertedScenario["skipped"] = [];
  const villages: Scenario["villages"] = [];
  const shipments: Scenario["shipments"] = [];
  for (const [index, node] of instance.customers.entries()) {
    const id = `c${index + 1}`;
    // A Scenario shipment weighs > 0. A customer that asks for nothing need not be visited,
    // so leaving it out cannot make the optimum worse (no A/B/E/F/M/P/X instance has one).
    if (node.demand === 0) {
      skipped.push({ id, reason: "demand 0: nothing to pick up" });
      continue;
    }
    villages.push({ id, x: node.x, y: node.y });
    shipments.push({ id: `s${id.slice(1)}`, village: id, weightKg: node.demand, packages: 1 });
  }

  const { x, y } = instance.depot;
  return {
    scenario: {
      id: instance.name,
      objective: "distance",
      travel: { metric: "euclidean" },
      containerTypes: [
        {
          id: CVRP_VEHICLE_TYPE,
          maxWeightKg: instance.capacity,
          maxVolumeM3: UNBOUNDED_VOLUME_M3,
          fixedCost: 0,
          costPerKm: 1,
        },
      ],
      depots: [
        {
          id: CVRP_DEPOT_ID,
          x,
          y,
          ...(fleet === "k" ? { fleet: { [CVRP_VEHICLE_TYPE]: instance.vehicles as number } } : {}),
        },
      ],
      ports: [{ id: CVRP_PORT_ID, x, y }],
      villages,
      shipments,
    },
    skipped,
  };
}
