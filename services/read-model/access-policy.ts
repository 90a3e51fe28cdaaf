/**
 * What a key may see, decided once: one policy per role, written as a predicate on a
 * shipment (for rows already read) and as the same rule in SQL (for lists and counts).
 * Everything else derives from the shipment rule and is the same for every role:
 *  - a container is visible when it carries a visible shipment, and shows only those;
 *  - a sea box is visible when it holds a visible container;
 *  - a pickup schedule is visible for the villages the policy names;
 *  - a job (stateless solve) is visible to the key that asked for it.
 * A route never asks "which role is this?" for reading: it asks its policy.
 */
import type { Role } from "../../shared/infra/db/entities/api-key.entity.js";

export interface Principal {
  keyId: string;
  role: Role;
  villages: string[];
  exporter: string | null;
}

/** The two facts of a shipment the policies decide on. */
export interface ShipmentOwner {
  village: string;
  exporter?: string | null;
}

/** A condition for TypeORM's query builder: named parameters, unique per use. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

export interface AccessPolicy {
  readonly principal: Principal;
  /** true for a role that sees every shipment: callers may skip filtering */
  readonly seesAll: boolean;
  seesShipment(s: ShipmentOwner): boolean;
  /** `seesShipment` as SQL over a `shipment` row aliased `alias`. */
  shipmentSql(alias: string): SqlCondition;
  /** May this role read pickup schedules at all (a role question: 403 when not)? */
  readsPickups: boolean;
  /** Whose pickups: a village the key speaks for (or every village). */
  seesVillagePickups(village: string): boolean;
  /** A job, by the key that enqueued it (null: a planning run's job, or unknown). */
  seesJob(ownerKeyId: string | null): boolean;
}

const ownJob = (principal: Principal) => (owner: string | null) => owner === principal.keyId;

let unique = 0;
/** Parameter names must not collide when one query embeds a condition twice. */
const param = (name: string) => `${name}_${++unique}`;

const ALL: SqlCondition = { sql: "TRUE", params: {} };
const NONE: SqlCondition = { sql: "FALSE", params: {} };

/** Coordinators plan for everyone: every shipment, every village. */
export function coordinatorPolicy(principal: Principal): AccessPolicy {
  return {
    principal,
    seesAll: true,
    seesShipment: () => true,
    shipmentSql: () => ALL,
    readsPickups: true,
    seesVillagePickups: () => true,
    seesJob: () => true,
  };
}

/** A BUMDes speaks for its villages: their shipments, their pickups. */
export function bumdesPolicy(principal: Principal): AccessPolicy {
  const villages = [...principal.villages];
  return {
    principal,
    seesAll: false,
    seesShipment: (s) => villages.includes(s.village),
    shipmentSql: (alias) => {
      if (villages.length === 0) return NONE;
      const name = param("villages");
      return { sql: `${alias}."village" IN (:...${name})`, params: { [name]: villages } };
    },
    readsPickups: true,
    seesVillagePickups: (village) => villages.includes(village),
    seesJob: ownJob(principal),
  };
}

/** An exporter sees the shipments carrying its name; pickups belong to the villages. */
export function exporterPolicy(principal: Principal): AccessPolicy {
  const exporter = principal.exporter;
  return {
    principal,
    seesAll: false,
    seesShipment: (s) => exporter !== null && exporter !== "" && s.exporter === exporter,
    shipmentSql: (alias) => {
      if (exporter === null || exporter === "") return NONE;
      const name = param("exporter");
      return { sql: `${alias}."exporter" = :${name}`, params: { [name]: exporter } };
    },
    readsPickups: false,
    seesVillagePickups: () => false,
    seesJob: ownJob(principal),
  };
}

export const POLICIES: Record<Role, (p: Principal) => AccessPolicy> = {
  coordinator: coordinatorPolicy,
  bumdes: bumdesPolicy,
  exporter: exporterPolicy,
};

export const policyFor = (p: Principal): AccessPolicy => POLICIES[p.role](p);

/** A container is visible when it carries at least one visible shipment. */
export const seesContainer = (policy: AccessPolicy, carried: readonly ShipmentOwner[]): boolean =>
  policy.seesAll || carried.some((s) => policy.seesShipment(s));

/** A sea box is visible when it holds at least one visible container. */
export const seesBox = (policy: AccessPolicy, containersVisible: readonly boolean[]): boolean =>
  policy.seesAll || containersVisible.some(Boolean);

/** `seesContainer` as SQL: `containerId` is an SQL expression for the container's id (`c."id"`). */
export function containerSql(policy: AccessPolicy, containerId: string): SqlCondition {
  if (policy.seesAll) return ALL;
  const s = `s_${++unique}`;
  const l = `l_${unique}`;
  const shipment = policy.shipmentSql(s);
  return {
    sql: `EXISTS (SELECT 1 FROM "container_load" ${l} JOIN "shipment" ${s} ON ${s}."id" = ${l}."shipmentId" WHERE ${l}."containerId" = ${containerId} AND ${shipment.sql})`,
    params: shipment.params,
  };
}

/** `seesBox` as SQL: `boxId` is an SQL expression for the box's id (`b.id`). */
export function boxSql(policy: AccessPolicy, boxId: string): SqlCondition {
  if (policy.seesAll) return ALL;
  const bc = `bc_${++unique}`;
  const container = containerSql(policy, `${bc}."containerId"`);
  return {
    sql: `EXISTS (SELECT 1 FROM "box_container" ${bc} WHERE ${bc}."boxId" = ${boxId} AND ${container.sql})`,
    params: container.params,
  };
}
