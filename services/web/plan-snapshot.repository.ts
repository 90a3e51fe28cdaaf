/**
 * What is planned right now, read from the database as the plain Plan + Scenario the
 * pure views take. "Now" is every current container (a re-plan keeps confirmed ones
 * from earlier versions), the shipments the last plans could not take, and the
 * places, sailings and shipments those refer to.
 */
import { type EntityManager, In, Not } from "typeorm";
import type { Plan, PlanContainer, PlanUnassigned, UnassignedReason } from "../../shared/core/model/plan.js";
import { UNASSIGNED_REASONS } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { computeCharges } from "../../shared/core/output/charges.js";
import { ContainerEntity } from "../../shared/infra/db/entities/container.entity.js";
import { ContainerLoadEntity } from "../../shared/infra/db/entities/container-load.entity.js";
import { ContainerTypeEntity } from "../../shared/infra/db/entities/container-type.entity.js";
import { DepotEntity } from "../../shared/infra/db/entities/depot.entity.js";
import { PlanEntity } from "../../shared/infra/db/entities/plan.entity.js";
import { PortEntity } from "../../shared/infra/db/entities/port.entity.js";
import { SailingEntity } from "../../shared/infra/db/entities/sailing.entity.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { VillageEntity } from "../../shared/infra/db/entities/village.entity.js";
import {
  containerTypeFromRow,
  depotFromRow,
  portFromRow,
  sailingFromRow,
  shipmentFromRow,
  villageFromRow,
} from "../../shared/infra/db/scenario.mapper.js";
import { summarisePlan } from "../../shared/views/plan-summary.js";

export interface PlanSnapshot {
  plan: Plan;
  scenario: Scenario;
  /** container id -> lifecycle status */
  statuses: Record<string, string>;
  /** container id -> instant of the last status change */
  statusSince: Record<string, string>;
  /** container id -> which stops are loaded already */
  pickedUp: Record<string, boolean[]>;
  /** the newest plan version, null before the first plan */
  version: number | null;
  createdAt: string | null;
}

export interface SnapshotScope {
  /** only containers stopping at these villages (a BUMDes key) */
  villages?: readonly string[];
  /** only containers carrying shipments of this exporter (an exporter key) */
  exporter?: string;
  /** only these containers */
  containerIds?: readonly string[];
}

export function containerToPlan(row: ContainerEntity): PlanContainer {
  return {
    id: row.id,
    type: row.type,
    depot: row.depot,
    port: row.port,
    sailing: row.sailing ?? undefined,
    departDepot: row.departDepot,
    stops: row.stops.map(({ village, arrival, loadStart, departure, load }) => ({
      village,
      arrival,
      loadStart,
      departure,
      load,
    })),
    portArrival: row.portArrival,
    distanceKm: row.distanceKm,
    cost: row.cost,
    weightKg: row.weightKg,
    volumeM3: row.volumeM3,
  };
}

const isReason = (r: string | null): r is UnassignedReason =>
  r !== null && (UNASSIGNED_REASONS as readonly string[]).includes(r);

export async function loadPlanSnapshot(m: EntityManager, scope: SnapshotScope = {}): Promise<PlanSnapshot> {
  let containerIds: string[] | undefined = scope.containerIds ? [...scope.containerIds] : undefined;
  if (scope.exporter !== undefined || scope.villages !== undefined) {
    // Scope through the load table: the rows a role may see are decided by what rides in them.
    const where =
      scope.exporter !== undefined
        ? {
            shipmentId: In(
              (
                await m.find(ShipmentEntity, { select: { id: true }, where: { exporter: scope.exporter } })
              ).map((s) => s.id),
            ),
          }
        : { village: In([...(scope.villages ?? [])]) };
    const loads = await m.find(ContainerLoadEntity, { select: { containerId: true }, where });
    const allowed = new Set(loads.map((l) => l.containerId));
    containerIds = containerIds ? containerIds.filter((id) => allowed.has(id)) : [...allowed];
  }
  const containerRows = await m.find(ContainerEntity, {
    where: { current: true, status: Not("superseded"), ...(containerIds ? { id: In(containerIds) } : {}) },
    order: { departDepot: "ASC", id: "ASC" },
  });
  const containers = containerRows.map(containerToPlan);

  const unassignedRows =
    scope.exporter !== undefined
      ? await m.find(ShipmentEntity, { where: { exporter: scope.exporter, status: "unassigned" } })
      : scope.villages !== undefined
        ? await m.find(ShipmentEntity, { where: { village: In([...scope.villages]), status: "unassigned" } })
        : await m.find(ShipmentEntity, { where: { status: "unassigned" } });
  const unassigned: PlanUnassigned[] = unassignedRows
    .filter((s) => isReason(s.unassignedReason))
    .map((s) => ({
      shipment: s.id,
      packages: s.packages ?? 1,
      reason: s.unassignedReason as UnassignedReason,
      detail: s.unassignedDetail ?? "",
    }));

  const shipmentIds = new Set([
    ...containers.flatMap((c) => c.stops.flatMap((s) => s.load.map((l) => l.shipment))),
    ...unassigned.map((u) => u.shipment),
  ]);
  const shipments =
    shipmentIds.size > 0 ? await m.find(ShipmentEntity, { where: { id: In([...shipmentIds]) } }) : [];

  const [villages, ports, depots, sailings, containerTypes, latest] = await Promise.all([
    m.find(VillageEntity, { order: { id: "ASC" } }),
    m.find(PortEntity, { order: { id: "ASC" } }),
    m.find(DepotEntity, { order: { id: "ASC" } }),
    m.find(SailingEntity, { order: { id: "ASC" } }),
    m.find(ContainerTypeEntity, { order: { id: "ASC" } }),
    m.find(PlanEntity, { select: { version: true, createdAt: true }, order: { version: "DESC" }, take: 1 }),
  ]);
  const scenario: Scenario = {
    containerTypes: containerTypes.map(containerTypeFromRow),
    depots: depots.map(depotFromRow),
    ports: ports.map(portFromRow),
    sailings: sailings.map(sailingFromRow),
    villages: villages.map(villageFromRow),
    shipments: shipments.map(shipmentFromRow),
  };
  return {
    plan: {
      containers,
      charges: computeCharges(scenario, containers),
      unassigned,
      summary: summarisePlan(containers, unassigned, scenario),
    },
    scenario,
    statuses: Object.fromEntries(containerRows.map((c) => [c.id, c.status])),
    statusSince: Object.fromEntries(
      containerRows
        .filter((c) => c.history.length > 0)
        .map((c) => [c.id, c.history[c.history.length - 1].at]),
    ),
    pickedUp: Object.fromEntries(
      containerRows.map((c) => [c.id, c.stops.map((s) => s.pickedUpAt !== undefined)]),
    ),
    version: latest[0]?.version ?? null,
    createdAt: latest[0]?.createdAt ? new Date(latest[0].createdAt).toISOString() : null,
  };
}
