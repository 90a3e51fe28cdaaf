/**
 * The current plan's charges as load lines a statement groups: each with its shipment's
 * village, BUMDes, exporter, weight, pickup time and sea box. "Current" is what is
 * planned now: current charges of current containers (a re-plan retires the charges of
 * the containers it supersedes; a late shipment re-splits those of the box it joins).
 */
import type { EntityManager } from "typeorm";
import type { ChargeLine } from "../../views/statement.js";

export interface ChargeScope {
  /** only shipments of these villages (a BUMDes key) */
  villages?: readonly string[];
  /** only shipments of this exporter (an exporter key) */
  exporter?: string;
  /** only these shipments */
  shipments?: readonly string[];
}

export async function loadChargeLines(m: EntityManager, scope: ChargeScope = {}): Promise<ChargeLine[]> {
  const where = [`ch."current"`, `c."current"`, `c."status" <> 'superseded'`];
  const params: unknown[] = [];
  if (scope.villages) {
    params.push([...scope.villages]);
    where.push(`s."village" = ANY($${params.length}::text[])`);
  }
  if (scope.exporter !== undefined) {
    params.push(scope.exporter);
    where.push(`s."exporter" = $${params.length}`);
  }
  if (scope.shipments) {
    params.push([...scope.shipments]);
    where.push(`s."id" = ANY($${params.length}::text[])`);
  }
  const rows = (await m.query(
    `SELECT ch."shipmentId" AS "shipment", ch."containerId" AS "container", s."village", v."name" AS "villageName",
            v."bumdes", s."exporter", s."product", ch."packages", ch."truck", ch."freight",
            COALESCE(l."weightKg", 0) AS "weightKg", c."stops" -> l."stopIndex" ->> 'loadStart' AS "pickupAt",
            v."timeZone", bx."boxId" AS "box"
       FROM "charge" ch
       JOIN "container" c ON c."id" = ch."containerId"
       JOIN "shipment" s ON s."id" = ch."shipmentId"
       LEFT JOIN "village" v ON v."id" = s."village"
       LEFT JOIN LATERAL (SELECT SUM(cl."weightKg") AS "weightKg", MIN(cl."stopIndex") AS "stopIndex"
                            FROM "container_load" cl
                           WHERE cl."containerId" = ch."containerId" AND cl."shipmentId" = ch."shipmentId") l ON true
       LEFT JOIN LATERAL (SELECT bc."boxId" FROM "box_container" bc JOIN "box" b ON b."id" = bc."boxId"
                           WHERE bc."containerId" = c."id" AND b."current" LIMIT 1) bx ON true
      WHERE ${where.join(" AND ")}
      ORDER BY ch."shipmentId", ch."containerId"`,
    params,
  )) as (Omit<ChargeLine, "weightKg" | "truck" | "freight" | "pickupAt"> & {
    weightKg: string | number;
    truck: string | number;
    freight: string | number;
    pickupAt: string | null;
  })[];
  return rows.map((r) => ({
    ...r,
    weightKg: Number(r.weightKg),
    truck: Number(r.truck),
    freight: Number(r.freight),
    pickupAt: r.pickupAt ?? "",
  }));
}
