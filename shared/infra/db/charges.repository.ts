/**
 * The current plan's charges as load lines a statement groups: each with its shipment's
 * village, BUMDes, exporter, weight, pickup time and sea box. "Current" is what is
 * planned now: current charges of current containers (a re-plan retires the charges of
 * the containers it supersedes; a late shipment re-splits those of the box it joins).
 */
import type { EntityManager } from "typeorm";
import type { ChargeLine } from "../../views/statement.js";

export interface ChargeScope {
  /**
   * Which shipments: a condition over the shipment row aliased `s`, with named
   * parameters (the read model's policy writes it: `policy.shipmentSql("s")`).
   */
  shipments?: { sql: string; params: Record<string, unknown> };
  /** only shipments of these villages */
  villages?: readonly string[];
}

export async function loadChargeLines(m: EntityManager, scope: ChargeScope = {}): Promise<ChargeLine[]> {
  const where = [`ch."current"`, `c."current"`, `c."status" <> 'superseded'`];
  const named: Record<string, unknown> = {};
  if (scope.shipments) {
    where.push(`(${scope.shipments.sql})`);
    Object.assign(named, scope.shipments.params);
  }
  if (scope.villages) {
    where.push(`s."village" IN (:...chargeVillages)`);
    named.chargeVillages = scope.villages.length ? [...scope.villages] : [""];
  }
  const [sql, params] = m.connection.driver.escapeQueryWithParameters(
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
    named,
  );
  const rows = (await m.query(sql, params)) as (Omit<
    ChargeLine,
    "weightKg" | "truck" | "freight" | "pickupAt"
  > & {
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
