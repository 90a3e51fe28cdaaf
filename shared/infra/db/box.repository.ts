/**
 * Sea boxes as their readers need them: the box, its sailing, and the containers in it
 * with what each weighs. Which boxes a key may see is decided by the caller (a set of
 * container ids it may see: a key sees a box when it sees a container in it). A box
 * still in the plan lists the containers still in it (a later plan may have superseded
 * one that was only planned); a retired box lists what it held.
 */
import type { EntityManager } from "typeorm";
import type { BoxEntity } from "./entities/box.entity.js";

export interface BoxRecord {
  box: BoxEntity;
  sailing: {
    id: string;
    port: string;
    departure: string;
    cutoff: string;
    destinations: string[] | null;
  } | null;
  containers: BoxContainerRecord[];
}

export interface BoxContainerRecord {
  id: string;
  position: number;
  type: string;
  status: string;
  current: boolean;
  boxSlots: number;
  tareKg: number;
  weightKg: number;
  volumeM3: number;
}

export interface BoxQuery {
  ids?: readonly string[];
  sailing?: string;
  /** false: superseded boxes too */
  current?: boolean;
  /** Only boxes holding at least one of these containers; null = every box. */
  visibleContainers: readonly string[] | null;
  limit?: number;
  offset?: number;
}

/** Boxes matching the query (sailing departure, then id), with the total before paging. */
export async function findBoxes(
  m: EntityManager,
  q: BoxQuery,
): Promise<{ items: BoxRecord[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (q.current !== false) where.push(`b."current"`);
  if (q.ids) where.push(`b."id" = ANY(${param([...q.ids])}::text[])`);
  if (q.sailing) where.push(`b."sailing" = ${param(q.sailing)}`);
  if (q.visibleContainers !== null)
    where.push(
      `b."id" IN (SELECT "boxId" FROM "box_container" WHERE "containerId" = ANY(${param([...q.visibleContainers])}::text[]))`,
    );
  const cond = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const [{ total }] = (await m.query(`SELECT COUNT(*)::int AS total FROM "box" b ${cond}`, params)) as {
    total: number;
  }[];
  const page = `LIMIT ${param(q.limit ?? 100_000)} OFFSET ${param(q.offset ?? 0)}`;
  const boxes = (await m.query(
    `SELECT b.* FROM "box" b LEFT JOIN "sailing" s ON s."id" = b."sailing" ${cond}
      ORDER BY s."departure" ASC NULLS LAST, b."id" ASC ${page}`,
    params,
  )) as BoxEntity[];
  if (boxes.length === 0) return { items: [], total };
  const boxIds = boxes.map((b) => b.id);
  const members = (await m.query(
    `SELECT bc."boxId", bc."position", c."id", c."type", c."status", c."current", c."weightKg", c."volumeM3",
            COALESCE(t."boxSlots", 1) AS "boxSlots", COALESCE(t."tareKg", 0) AS "tareKg"
       FROM "box_container" bc JOIN "box" b ON b."id" = bc."boxId" JOIN "container" c ON c."id" = bc."containerId"
       LEFT JOIN "container_type" t ON t."id" = c."type"
      WHERE bc."boxId" = ANY($1::text[]) AND (c."current" OR NOT b."current")
      ORDER BY bc."boxId", bc."position"`,
    [boxIds],
  )) as (BoxContainerRecord & { boxId: string })[];
  const sailings = (await m.query(
    `SELECT "id", "port", "departure", "cutoff", "destinations" FROM "sailing" WHERE "id" = ANY($1::text[])`,
    [[...new Set(boxes.map((b) => b.sailing))]],
  )) as NonNullable<BoxRecord["sailing"]>[];
  const sailingById = new Map(sailings.map((s) => [s.id, s]));
  return {
    total,
    items: boxes.map((box) => ({
      box,
      sailing: sailingById.get(box.sailing) ?? null,
      containers: members
        .filter((c) => c.boxId === box.id)
        .map(({ boxId: _boxId, ...c }) => ({
          ...c,
          boxSlots: Number(c.boxSlots),
          tareKg: Number(c.tareKg),
        })),
    })),
  };
}

/** The current box each of these containers rides in. */
export async function boxOfContainers(
  m: EntityManager,
  containerIds: readonly string[],
): Promise<Map<string, string>> {
  if (containerIds.length === 0) return new Map();
  const rows = (await m.query(
    `SELECT bc."containerId", bc."boxId" FROM "box_container" bc JOIN "box" b ON b."id" = bc."boxId"
      WHERE b."current" AND bc."containerId" = ANY($1::text[])`,
    [[...containerIds]],
  )) as { containerId: string; boxId: string }[];
  return new Map(rows.map((r) => [r.containerId, r.boxId]));
}
