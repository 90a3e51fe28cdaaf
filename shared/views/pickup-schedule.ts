/**
 * Pickup schedule rows: one per (container, village stop), which is what a BUMDes
 * manager prepares for: "on this day at this hour, this truck takes these goods".
 */
import type { Plan } from "../core/model/plan.js";
import type { Handling, Scenario } from "../core/model/scenario.js";
import { indexScenario } from "./scenario-index.js";

export interface PickupLoad {
  shipment: string;
  product?: string;
  handling?: Handling;
  exporter?: string;
  destination?: string;
  packages: number;
  weightKg: number;
  volumeM3: number;
}

export interface PickupRow {
  village: string;
  villageName?: string;
  bumdes?: string;
  timeZone?: string;
  lat?: number;
  lon?: number;
  container: string;
  containerType: string;
  depot: string;
  port: string;
  portName?: string;
  sailing?: string;
  /** 1-based position of this stop on the container's trip */
  stop: number;
  arrival: string;
  loadStart: string;
  departure: string;
  loads: PickupLoad[];
  weightKg: number;
  volumeM3: number;
}

export interface PickupFilter {
  /** only this village's pickups */
  village?: string;
  /** only pickups whose loading has not finished by this instant (milliseconds since epoch) */
  fromMs?: number;
}

export function pickupRows(plan: Plan, scenario: Scenario, filter: PickupFilter = {}): PickupRow[] {
  const index = indexScenario(scenario);
  const rows: PickupRow[] = [];
  for (const container of plan.containers) {
    container.stops.forEach((stop, i) => {
      if (filter.village !== undefined && stop.village !== filter.village) return;
      if (filter.fromMs !== undefined && Date.parse(stop.departure) < filter.fromMs) return;
      const village = index.villages.get(stop.village);
      const port = index.ports.get(container.port);
      const loads = stop.load.map((load): PickupLoad => {
        const shipment = index.shipments.get(load.shipment);
        return {
          shipment: load.shipment,
          product: shipment?.product,
          handling: shipment?.handling ?? (shipment ? "dry" : undefined),
          exporter: shipment?.exporter,
          destination: shipment?.destination,
          packages: load.packages,
          weightKg: load.weightKg,
          volumeM3: load.volumeM3,
        };
      });
      rows.push({
        village: stop.village,
        villageName: village?.name,
        bumdes: village?.bumdes,
        timeZone: village?.timeZone,
        lat: village?.lat,
        lon: village?.lon,
        container: container.id,
        containerType: container.type,
        depot: container.depot,
        port: container.port,
        portName: port?.name,
        sailing: container.sailing,
        stop: i + 1,
        arrival: stop.arrival,
        loadStart: stop.loadStart,
        departure: stop.departure,
        loads,
        weightKg: sum(loads.map((l) => l.weightKg)),
        volumeM3: sum(loads.map((l) => l.volumeM3)),
      });
    });
  }
  return rows.sort(
    (a, b) =>
      Date.parse(a.loadStart) - Date.parse(b.loadStart) ||
      a.village.localeCompare(b.village) ||
      a.container.localeCompare(b.container),
  );
}

/** Sums kept to 3 decimals so 0.1 + 0.2 does not print as 0.30000000000000004. */
export function sum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1000) / 1000;
}
