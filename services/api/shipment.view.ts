import type { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { shipmentFromRow } from "../../shared/infra/db/scenario.mapper.js";

/** A shipment as its sender reads it: the order, then where planning put it. */
export function shipmentView(row: ShipmentEntity) {
  return {
    ...shipmentFromRow(row),
    status: row.status,
    containerId: row.containerId,
    pickupAt: row.pickupAt,
    planVersion: row.planVersion,
    unassigned: row.unassignedReason ? { reason: row.unassignedReason, detail: row.unassignedDetail } : null,
    createdAt: row.createdAt,
  };
}
