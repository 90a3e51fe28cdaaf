/**
 * Sea boxes as /v1 readers, the dashboard and the stuffing lists need them: the box, its
 * sailing, and the containers in it with what each weighs. The key's policy decides
 * which boxes (a key sees a box when it sees a container in it, `scopeBoxes`) and which
 * shipments show inside (only those it may see; the box's fill and freight are whole).
 * A box still in the plan lists the containers still in it (a later plan may have
 * superseded one that was only planned); a retired box lists what it held.
 */
import { type EntityManager, In } from "typeorm";
import { BoxEntity } from "../../shared/infra/db/entities/box.entity.js";
import { ChargeEntity } from "../../shared/infra/db/entities/charge.entity.js";
import { ContainerLoadEntity } from "../../shared/infra/db/entities/container-load.entity.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { notFound } from "../../shared/infra/errors.js";
import type { AccessPolicy } from "./access-policy.js";
import { scopeBoxes } from "./scoped-reads.js";

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
  limit?: number;
  offset?: number;
}

/** The boxes the policy shows that match the query (sailing departure, then id), with the total before paging. */
export async function findBoxes(
  m: EntityManager,
  policy: AccessPolicy,
  q: BoxQuery,
): Promise<{ items: BoxRecord[]; total: number }> {
  const qb = m.createQueryBuilder(BoxEntity, "b").leftJoin("sailing", "s", `s."id" = b."sailing"`);
  if (q.current !== false) qb.andWhere(`b."current"`);
  if (q.ids) qb.andWhere(`b."id" IN (:...ids)`, { ids: q.ids.length ? [...q.ids] : [""] });
  if (q.sailing) qb.andWhere(`b."sailing" = :sailing`, { sailing: q.sailing });
  scopeBoxes(qb, "b", policy);
  const [boxes, total] = await qb
    .orderBy(`s."departure"`, "ASC", "NULLS LAST")
    .addOrderBy(`b."id"`, "ASC")
    // offset/limit, not skip/take: the sailing join is many-to-one, so rows are boxes
    .offset(q.offset ?? 0)
    .limit(q.limit ?? 100_000)
    .getManyAndCount();
  return { items: await withMembers(m, boxes), total };
}

/** One box the policy shows, or 404 (another's box reads as one that does not exist). */
export async function findVisibleBoxRecord(
  m: EntityManager,
  policy: AccessPolicy,
  id: string,
): Promise<BoxRecord> {
  const { items } = await findBoxes(m, policy, { ids: [id], current: false });
  if (items.length === 0) throw notFound("box", id);
  return items[0];
}

async function withMembers(m: EntityManager, boxes: BoxEntity[]): Promise<BoxRecord[]> {
  if (boxes.length === 0) return [];
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
  return boxes.map((box) => ({
    box,
    sailing: sailingById.get(box.sailing) ?? null,
    containers: members
      .filter((c) => c.boxId === box.id)
      .map(({ boxId: _boxId, ...c }) => ({
        ...c,
        boxSlots: Number(c.boxSlots),
        tareKg: Number(c.tareKg),
      })),
  }));
}

const ratio = (x: number, max: number) => (max > 0 ? Math.round((x / max) * 1000) / 1000 : 0);

/** What a reader sees of boxes: all of each box, and inside only the shipments the policy shows. */
export async function boxViews(m: EntityManager, records: BoxRecord[], policy: AccessPolicy) {
  const containerIds = [...new Set(records.flatMap((r) => r.containers.map((c) => c.id)))];
  if (containerIds.length === 0) return records.map((r) => view(r, [], new Map(), [], policy));
  const [loads, charges] = await Promise.all([
    m
      .getRepository(ContainerLoadEntity)
      .find({ where: { containerId: In(containerIds) }, order: { id: "ASC" } }),
    m.getRepository(ChargeEntity).find({ where: { containerId: In(containerIds), current: true } }),
  ]);
  const shipmentIds = [...new Set(loads.map((l) => l.shipmentId))];
  const shipments = new Map(
    (shipmentIds.length ? await m.getRepository(ShipmentEntity).findBy({ id: In(shipmentIds) }) : []).map(
      (s) => [s.id, s],
    ),
  );
  return records.map((r) => view(r, loads, shipments, charges, policy));
}

function view(
  r: BoxRecord,
  loads: ContainerLoadEntity[],
  shipments: Map<string, ShipmentEntity>,
  charges: ChargeEntity[],
  policy: AccessPolicy,
) {
  const visible = (id: string) => {
    const s = shipments.get(id);
    return s !== undefined && policy.seesShipment(s);
  };
  const members = new Set(r.containers.map((c) => c.id));
  const mine = charges.filter((c) => members.has(c.containerId) && visible(c.shipmentId));
  const containers = r.containers.map((c) => {
    const lines = new Map<string, { packages: number; weightKg: number; volumeM3: number }>();
    for (const l of loads) {
      if (l.containerId !== c.id || !visible(l.shipmentId)) continue;
      const line = lines.get(l.shipmentId) ?? { packages: 0, weightKg: 0, volumeM3: 0 };
      line.packages += l.packages;
      line.weightKg += l.weightKg;
      line.volumeM3 += l.volumeM3;
      lines.set(l.shipmentId, line);
    }
    return {
      id: c.id,
      position: c.position,
      type: c.type,
      status: c.status,
      current: c.current,
      boxSlots: c.boxSlots,
      tareKg: c.tareKg,
      weightKg: c.weightKg,
      grossKg: c.weightKg + c.tareKg,
      volumeM3: c.volumeM3,
      shipments: [...lines.entries()].map(([id, line]) => {
        const s = shipments.get(id)!;
        const charge = mine.find((ch) => ch.containerId === c.id && ch.shipmentId === id);
        return {
          id,
          village: s.village,
          product: s.product,
          handling: s.handling,
          exporter: s.exporter,
          destination: s.destination,
          ...line,
          truck: charge?.truck ?? 0,
          freight: charge?.freight ?? 0,
        };
      }),
    };
  });
  const seen = containers.flatMap((c) => c.shipments);
  return {
    id: r.box.id,
    planVersion: r.box.planVersion,
    current: r.box.current,
    type: r.box.type,
    reefer: r.box.reefer,
    sailing: r.sailing,
    port: r.sailing?.port ?? null,
    /** The one destination the box is opened at, as far as this key's own shipments name it. */
    destination: seen.find((s) => s.destination)?.destination ?? null,
    slots: r.box.slots,
    usedSlots: r.box.usedSlots,
    freeSlots: Math.max(0, r.box.slots - r.box.usedSlots),
    maxWeightKg: r.box.maxWeightKg,
    weightKg: r.box.weightKg,
    fill: { weight: ratio(r.box.weightKg, r.box.maxWeightKg), slots: ratio(r.box.usedSlots, r.box.slots) },
    freight: r.box.freight,
    /** What the shipments this key may see in the box are charged: its share of the box's freight. */
    share: {
      shipments: new Set(seen.map((s) => s.id)).size,
      weightKg: seen.reduce((a, s) => a + s.weightKg, 0),
      freight: mine.reduce((a, c) => a + c.freight, 0),
    },
    containers,
  };
}
