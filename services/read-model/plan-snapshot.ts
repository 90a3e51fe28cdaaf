/**
 * What is planned right now, read from the database as the plain Plan + Scenario the
 * pure views take, through a key's policy. "Now" is every current container (a re-plan
 * keeps confirmed ones from earlier versions), the shipments the last plans could not
 * take, and the places, sailings and shipments those refer to.
 */
import { type EntityManager, In } from "typeorm";
import type { Plan, PlanUnassigned, UnassignedReason } from "../../shared/core/model/plan.js";
import { isUnassignedReason } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { computeCharges } from "../../shared/core/output/charges.js";
import { ContainerEntity } from "../../shared/infra/db/entities/container.entity.js";
import { ContainerTypeEntity } from "../../shared/infra/db/entities/container-type.entity.js";
import { DepotEntity } from "../../shared/infra/db/entities/depot.entity.js";
import { PlanEntity } from "../../shared/infra/db/entities/plan.entity.js";
import { PortEntity } from "../../shared/infra/db/entities/port.entity.js";
import { SailingEntity } from "../../shared/infra/db/entities/sailing.entity.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { VillageEntity } from "../../shared/infra/db/entities/village.entity.js";
import {
  containerFromRow,
  containerTypeFromRow,
  depotFromRow,
  portFromRow,
  sailingFromRow,
  shipmentFromRow,
  villageFromRow,
} from "../../shared/infra/db/scenario.mapper.js";
import { summarisePlan } from "../../shared/views/plan-summary.js";
import type { AccessPolicy } from "./access-policy.js";
import { scopeContainers, scopeShipments } from "./scoped-reads.js";

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

export interface SnapshotOptions {
  /** only these containers (one container's manifest) */
  containerIds?: readonly string[];
  /** only containers stopping at this village (its pickup schedule) */
  village?: string;
}

/**
 * The current plan as this key may see it: containers carrying a shipment it sees, with
 * only those shipments' loads in their stops (stops themselves, the route, stay: they
 * say when the truck comes); the unassigned shipments it sees; the reference data.
 * Others' shipments are absent, not masked: no id, product, exporter or weight.
 */
export async function loadPlanSnapshot(
  m: EntityManager,
  policy: AccessPolicy,
  options: SnapshotOptions = {},
): Promise<PlanSnapshot> {
  const qb = m
    .createQueryBuilder(ContainerEntity, "c")
    .where("c.current = true")
    .andWhere("c.status <> 'superseded'");
  if (options.containerIds) {
    qb.andWhere("c.id IN (:...ids)", { ids: options.containerIds.length ? [...options.containerIds] : [""] });
  }
  if (options.village !== undefined) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM "container_load" vl WHERE vl."containerId" = c.id AND vl."village" = :village)`,
      { village: options.village },
    );
  }
  const containerRows = await scopeContainers(qb, "c", policy)
    .orderBy('c."departDepot"', "ASC")
    .addOrderBy("c.id", "ASC")
    .getMany();

  const loadIds = containerRows.flatMap((c) => c.stops.flatMap((s) => s.load.map((l) => l.shipment)));
  const unassignedRows = await scopeShipments(
    m.createQueryBuilder(ShipmentEntity, "s").where("s.status = 'unassigned'"),
    "s",
    policy,
  ).getMany();
  const loaded =
    loadIds.length > 0 ? await m.find(ShipmentEntity, { where: { id: In([...new Set(loadIds)]) } }) : [];
  const visible = new Map(
    [...loaded, ...unassignedRows].filter((s) => policy.seesShipment(s)).map((s) => [s.id, s]),
  );

  const containers = containerRows.map((row) => {
    const c = containerFromRow(row);
    return policy.seesAll
      ? c
      : {
          ...c,
          stops: c.stops.map((stop) => ({ ...stop, load: stop.load.filter((l) => visible.has(l.shipment)) })),
        };
  });
  const unassigned: PlanUnassigned[] = unassignedRows
    .filter((s) => isUnassignedReason(s.unassignedReason))
    .map((s) => ({
      shipment: s.id,
      packages: s.packages ?? 1,
      reason: s.unassignedReason as UnassignedReason,
      detail: s.unassignedDetail ?? "",
    }));
  const shipments = [...visible.values()];

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
