/**
 * What must hold in the database after any number of planning runs, whatever raced:
 * no package in two current containers, every planned shipment pointing at a current
 * container that carries it, plan versions 1..n each stored by exactly one completed run.
 */
import { expect } from "chai";
import type { DataSource } from "typeorm";

export async function expectPlansConsistent(ds: DataSource): Promise<void> {
  const doubled = (await ds.query(
    `SELECT l."shipmentId", SUM(l."packages")::int AS riding, COALESCE(s."packages", 1) AS packages
       FROM "container_load" l
       JOIN "container" c ON c."id" = l."containerId" AND c."current"
       JOIN "shipment" s ON s."id" = l."shipmentId"
      GROUP BY l."shipmentId", s."packages"
     HAVING SUM(l."packages") > COALESCE(s."packages", 1)`,
  )) as unknown[];
  expect(doubled, "packages riding in more current containers than the shipment has").to.deep.equal([]);

  const dangling = (await ds.query(
    `SELECT s."id", s."containerId" FROM "shipment" s
      WHERE s."status" = 'planned' AND NOT EXISTS (
        SELECT 1 FROM "container_load" l JOIN "container" c ON c."id" = l."containerId"
         WHERE l."shipmentId" = s."id" AND c."id" = s."containerId" AND c."current")`,
  )) as unknown[];
  expect(dangling, "planned shipments whose container is not current or does not carry them").to.deep.equal(
    [],
  );

  const versions = (await ds.query(
    `SELECT p."version", r."state", r."planVersion" FROM "plan" p JOIN "planning_run" r ON r."id" = p."runId"
      ORDER BY p."version"`,
  )) as { version: number; state: string; planVersion: number }[];
  expect(versions.map((v) => v.version)).to.deep.equal(versions.map((_, i) => i + 1));
  for (const v of versions) expect(v).to.include({ state: "completed", planVersion: v.version });
}
