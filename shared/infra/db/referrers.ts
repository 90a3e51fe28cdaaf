/**
 * What refers to a row of reference data: while any of these does, deleting the row
 * would leave a current container showing `sailing: null` or a shipment no plan can
 * reach, so the delete is refused (409) naming them. "Current" containers are those of
 * the plans in force (any status but superseded); "open" shipments are all but the
 * cancelled ones. Superseded containers and cancelled shipments are history.
 */
import type { EntityManager } from "typeorm";
import { In, Not } from "typeorm";
import { ApiKeyEntity } from "./entities/api-key.entity.js";
import { BoxEntity } from "./entities/box.entity.js";
import { ContainerEntity } from "./entities/container.entity.js";
import { ContainerLoadEntity } from "./entities/container-load.entity.js";
import { DepotEntity } from "./entities/depot.entity.js";
import { SailingEntity } from "./entities/sailing.entity.js";
import { ShipmentEntity } from "./entities/shipment.entity.js";

export interface Referrer {
  /** Plural noun of what refers, e.g. "current container(s)". */
  what: string;
  /** What the coordinator can do about it. */
  remedy: string;
  /** Ids of the rows referring to `id`, sorted. */
  find(m: EntityManager, id: string): Promise<string[]>;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

/** Current containers whose `column` is the id (depot, port, sailing, type). */
export const currentContainers = (column: "depot" | "port" | "sailing" | "type"): Referrer => ({
  what: "current container(s)",
  remedy: "re-plan without it, or wait until they have sailed and a later plan replaced them",
  find: async (m, id) =>
    ids(await m.find(ContainerEntity, { select: { id: true }, where: { [column]: id, current: true } })),
});

/** Current containers with a stop at the village. */
export const currentContainersStoppingAt: Referrer = {
  what: "current container(s) stopping there",
  remedy: "re-plan without its shipments first",
  find: async (m, village) => {
    const loads = await m.find(ContainerLoadEntity, { select: { containerId: true }, where: { village } });
    const containerIds = [...new Set(loads.map((l) => l.containerId))];
    if (containerIds.length === 0) return [];
    return ids(
      await m.find(ContainerEntity, { select: { id: true }, where: { id: In(containerIds), current: true } }),
    );
  },
};

/** Shipments of the village that are not cancelled. */
export const openShipmentsOf: Referrer = {
  what: "shipment(s) not cancelled",
  remedy: "cancel them first",
  find: async (m, village) =>
    ids(
      await m.find(ShipmentEntity, {
        select: { id: true },
        where: { village, status: Not("cancelled" as const) },
      }),
    ),
};

/** Live BUMDes keys that speak for the village. */
export const liveKeysFor: Referrer = {
  what: "access key(s) in use",
  remedy: "revoke them first (GET /v1/keys shows them)",
  find: async (m, village) =>
    (
      await m
        .getRepository(ApiKeyEntity)
        .createQueryBuilder("k")
        .select(["k.id", "k.prefix"])
        .where("k.revokedAt IS NULL")
        .andWhere("k.villages @> CAST(:v AS jsonb)", { v: JSON.stringify([village]) })
        .getMany()
    )
      .map((k) => `${k.prefix}… (${k.id})`)
      .sort(),
};

export const sailingsOfPort: Referrer = {
  what: "sailing(s)",
  remedy: "delete them first",
  find: async (m, port) => ids(await m.find(SailingEntity, { select: { id: true }, where: { port } })),
};

/** Depots whose fleet lists the container type. */
export const fleetsWithType: Referrer = {
  what: "depot fleet(s)",
  remedy: "take it out of those fleets first (PUT /v1/depots/{id})",
  find: async (m, type) =>
    (await m.find(DepotEntity, { select: { id: true, fleet: true } }))
      .filter((d) => d.fleet && d.fleet[type] !== undefined)
      .map((d) => d.id)
      .sort(),
};

/** Sea boxes of the plans in force of a box type. */
export const currentBoxesOfType: Referrer = {
  what: "sea box(es) of the current plan",
  remedy: "re-plan without them first",
  find: async (m, type) =>
    ids(await m.find(BoxEntity, { select: { id: true }, where: { type, current: true } })),
};
