/**
 * A plan's sea boxes and charges (spec rules 8 and 9), stored in the transaction that
 * stores its containers, in the same bulk style (one statement per table, not per row).
 * Rows are named like containers: `v<version>-<plan id>`.
 */
import type { EntityManager } from "typeorm";
import type { Plan } from "../../core/model/plan.js";
import type { Scenario } from "../../core/model/scenario.js";
import { chargeableMeasure, splitLargestRemainder } from "../../core/output/charges.js";
import { boxSlotsOf } from "../../core/rules/boxes.js";
import { type BulkColumn, bulkInsert, bulkUpdate } from "./bulk-sql.js";

const BOX_COLUMNS: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "planVersion", type: "integer" },
  { name: "type", type: "text" },
  { name: "sailing", type: "text" },
  { name: "slots", type: "double precision" },
  { name: "usedSlots", type: "double precision" },
  { name: "maxWeightKg", type: "double precision" },
  { name: "reefer", type: "boolean" },
  { name: "weightKg", type: "double precision" },
  { name: "freight", type: "double precision" },
  { name: "current", type: "boolean" },
];

const BOX_CONTAINER_COLUMNS: BulkColumn[] = [
  { name: "boxId", type: "text" },
  { name: "containerId", type: "text" },
  { name: "position", type: "integer" },
];

const CHARGE_COLUMNS: BulkColumn[] = [
  { name: "planVersion", type: "integer" },
  { name: "containerId", type: "text" },
  { name: "shipmentId", type: "text" },
  { name: "packages", type: "integer" },
  { name: "truck", type: "double precision" },
  { name: "freight", type: "double precision" },
  { name: "current", type: "boolean" },
];

export interface StoreBoxesOptions {
  version: number;
  /** The stored row id of a box or container the plan names. */
  rowId: (planId: string) => string;
  /** Only these plan boxes (a late shipment stores the boxes it changed); default all. */
  boxes?: ReadonlySet<string>;
  /** Only the charges of these plan containers; default all. */
  chargesOf?: ReadonlySet<string>;
}

/**
 * Insert the plan's boxes (with the slots, payload and reefer power of their type copied,
 * so a later edit of the type does not rewrite what was planned), which containers ride
 * in each and in what order, and the charges; all current.
 */
export async function storeBoxesAndCharges(
  m: EntityManager,
  plan: Pick<Plan, "containers" | "boxes" | "charges">,
  scenario: Pick<Scenario, "containerTypes" | "boxTypes">,
  o: StoreBoxesOptions,
): Promise<void> {
  const boxTypes = new Map((scenario.boxTypes ?? []).map((t) => [t.id, t]));
  const containerTypes = new Map(scenario.containerTypes.map((t) => [t.id, t]));
  const slotsOf = new Map(
    plan.containers.map((c) => {
      const type = containerTypes.get(c.type);
      return [c.id, type ? boxSlotsOf(type) : 1];
    }),
  );
  const boxes = (plan.boxes ?? []).filter((b) => !o.boxes || o.boxes.has(b.id));
  const boxRows = boxes.map((b) => {
    const type = boxTypes.get(b.type);
    const used = b.containers.reduce((sum, c) => sum + (slotsOf.get(c) ?? 1), 0);
    return [
      o.rowId(b.id),
      o.version,
      b.type,
      b.sailing,
      type?.slots ?? used,
      used,
      type?.maxWeightKg ?? b.weightKg,
      type?.reefer ?? false,
      b.weightKg,
      b.freight,
      true,
    ];
  });
  const memberRows = boxes.flatMap((b) => b.containers.map((c, i) => [o.rowId(b.id), o.rowId(c), i]));
  const chargeRows = (plan.charges ?? [])
    .filter((c) => !o.chargesOf || o.chargesOf.has(c.container))
    .map((c) => [o.version, o.rowId(c.container), c.shipment, c.packages, c.truck, c.freight, true]);
  await bulkInsert(m, "box", BOX_COLUMNS, boxRows);
  await bulkInsert(m, "box_container", BOX_CONTAINER_COLUMNS, memberRows);
  await bulkInsert(m, "charge", CHARGE_COLUMNS, chargeRows);
}

interface RemainingLine {
  chargeId: number;
  boxId: string;
  freight: number;
  boxFreight: number;
  type: string;
  weightKg: number;
  volumeM3: number;
  maxWeightKg: number;
  maxVolumeM3: number;
}

/**
 * After containers stopped being current (a later plan superseded them): their charges
 * stop counting, and a box none of whose containers is current is retired. A box that
 * still holds a kept (confirmed) container still sails and still costs its freight: its
 * weight and slots are those of the containers left in it, and its freight is split
 * again over their load lines (rule 9), so the charges still add up to the freight.
 */
export async function retireBoxesAndCharges(
  m: EntityManager,
  containerIds: readonly string[],
): Promise<void> {
  if (containerIds.length === 0) return;
  await m.query(`UPDATE "charge" SET "current" = false WHERE "current" AND "containerId" = ANY($1::text[])`, [
    containerIds,
  ]);
  const touched = (await m.query(
    `SELECT DISTINCT bc."boxId" AS "id" FROM "box_container" bc JOIN "box" b ON b."id" = bc."boxId"
      WHERE b."current" AND bc."containerId" = ANY($1::text[])`,
    [containerIds],
  )) as { id: string }[];
  if (touched.length === 0) return;
  const boxIds = touched.map((b) => b.id);
  await m.query(
    `UPDATE "box" b SET "current" = false
      WHERE b."id" = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM "box_container" bc JOIN "container" c ON c."id" = bc."containerId"
                         WHERE bc."boxId" = b."id" AND c."current")`,
    [boxIds],
  );
  await m.query(
    `UPDATE "box" b SET "usedSlots" = k."usedSlots", "weightKg" = k."weightKg"
       FROM (SELECT bc."boxId", SUM(COALESCE(t."boxSlots", 1)) AS "usedSlots",
                    SUM(c."weightKg" + COALESCE(t."tareKg", 0)) AS "weightKg"
               FROM "box_container" bc JOIN "container" c ON c."id" = bc."containerId" AND c."current"
               LEFT JOIN "container_type" t ON t."id" = c."type"
              WHERE bc."boxId" = ANY($1::text[]) GROUP BY bc."boxId") k
      WHERE b."id" = k."boxId" AND b."current"`,
    [boxIds],
  );
  const lines = (await m.query(
    `SELECT ch."id" AS "chargeId", bc."boxId", ch."freight", b."freight" AS "boxFreight", c."type",
            c."maxWeightKg", c."maxVolumeM3",
            (SELECT COALESCE(SUM(l."weightKg"), 0) FROM "container_load" l
              WHERE l."containerId" = ch."containerId" AND l."shipmentId" = ch."shipmentId") AS "weightKg",
            (SELECT COALESCE(SUM(l."volumeM3"), 0) FROM "container_load" l
              WHERE l."containerId" = ch."containerId" AND l."shipmentId" = ch."shipmentId") AS "volumeM3"
       FROM "box" b JOIN "box_container" bc ON bc."boxId" = b."id"
       JOIN "container" c ON c."id" = bc."containerId" AND c."current"
       JOIN "charge" ch ON ch."containerId" = c."id" AND ch."current"
      WHERE b."current" AND b."id" = ANY($1::text[])
      ORDER BY bc."boxId", bc."position", ch."id"`,
    [boxIds],
  )) as RemainingLine[];
  const updates: unknown[][] = [];
  for (const boxId of boxIds) {
    const own = lines.filter((l) => l.boxId === boxId);
    if (own.length === 0) continue;
    const parts = splitLargestRemainder(
      Number(own[0].boxFreight),
      own.map((l) =>
        chargeableMeasure(
          { id: l.type, maxWeightKg: Number(l.maxWeightKg), maxVolumeM3: Number(l.maxVolumeM3) },
          Number(l.weightKg),
          Number(l.volumeM3),
        ),
      ),
    );
    own.forEach((l, i) => {
      if (parts[i] !== Number(l.freight)) updates.push([l.chargeId, parts[i]]);
    });
  }
  await bulkUpdate(
    m,
    "charge",
    [
      { name: "id", type: "integer" },
      { name: "freight", type: "double precision" },
    ],
    updates,
  );
}
