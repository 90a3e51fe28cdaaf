/**
 * Reading rows through a key's policy: lists get the policy's SQL, single items are
 * read and then judged by the same policy. Not visible reads as not there (404), so a
 * key learns nothing about others' items; a role that may not use a route at all gets 403.
 */
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { BoxEntity } from "../../shared/infra/db/entities/box.entity.js";
import { ContainerEntity } from "../../shared/infra/db/entities/container.entity.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { VillageEntity } from "../../shared/infra/db/entities/village.entity.js";
import { AppError, forbidden, notFound } from "../../shared/infra/errors.js";
import { type AccessPolicy, boxSql, containerSql } from "./access-policy.js";

/** Only the shipments the policy shows; `alias` is the query's shipment alias. */
export function scopeShipments<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  policy: AccessPolicy,
): SelectQueryBuilder<T> {
  if (policy.seesAll) return qb;
  const c = policy.shipmentSql(alias);
  return qb.andWhere(c.sql, c.params);
}

/** Only the containers the policy shows; `alias` is the query's container alias. */
export function scopeContainers<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  policy: AccessPolicy,
): SelectQueryBuilder<T> {
  if (policy.seesAll) return qb;
  const c = containerSql(policy, `${alias}."id"`);
  return qb.andWhere(c.sql, c.params);
}

/** Only the sea boxes holding a container the policy shows; `alias` is the query's box alias. */
export function scopeBoxes<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  policy: AccessPolicy,
): SelectQueryBuilder<T> {
  if (policy.seesAll) return qb;
  const c = boxSql(policy, `${alias}."id"`);
  return qb.andWhere(c.sql, c.params);
}

export async function findVisibleShipment(
  m: EntityManager,
  policy: AccessPolicy,
  id: string,
): Promise<ShipmentEntity> {
  const row = await m.findOneBy(ShipmentEntity, { id });
  if (!row || !policy.seesShipment(row)) throw notFound("shipment", id);
  return row;
}

export async function findVisibleContainer(
  m: EntityManager,
  policy: AccessPolicy,
  id: string,
): Promise<ContainerEntity> {
  const qb = m.createQueryBuilder(ContainerEntity, "c").where("c.id = :id", { id });
  const row = await scopeContainers(qb, "c", policy).getOne();
  if (!row) throw notFound("container", id);
  return row;
}

export async function findVisibleBox(m: EntityManager, policy: AccessPolicy, id: string): Promise<BoxEntity> {
  const qb = m.createQueryBuilder(BoxEntity, "b").where("b.id = :id", { id });
  const row = await scopeBoxes(qb, "b", policy).getOne();
  if (!row) throw notFound("box", id);
  return row;
}

/** A village's pickup schedule: 403 for a role without schedules, 404 for another's village. */
export async function findVisiblePickupVillage(
  m: EntityManager,
  policy: AccessPolicy,
  village: string,
): Promise<VillageEntity> {
  if (!policy.readsPickups) {
    throw forbidden("village", "pickup schedules are for BUMDes and coordinators");
  }
  const row = policy.seesVillagePickups(village) ? await m.findOneBy(VillageEntity, { id: village }) : null;
  if (!row) {
    throw new AppError("NOT_FOUND", 404, [
      { path: "village", message: `no pickups of village "${village}" for this key` },
    ]);
  }
  return row;
}
