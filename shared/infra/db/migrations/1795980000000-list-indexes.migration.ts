import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The lists page in their own order: shipments by ("createdAt", "id"), for every key and
 * for a BUMDes' villages or an exporter's name; current containers by ("departDepot", "id").
 * Without them each page sorted the whole table (10 ms for 20,000 shipments, growing with
 * it); with them a page reads its 20 rows from the index. The composite indexes start with
 * the old single-column ones' column, which they replace.
 */
export class ListIndexes1795980000000 implements MigrationInterface {
  name = "ListIndexes1795980000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_shipment_createdAt_id" ON "shipment" ("createdAt", "id")`);
    await q.query(
      `CREATE INDEX "IDX_shipment_village_createdAt_id" ON "shipment" ("village", "createdAt", "id")`,
    );
    await q.query(
      `CREATE INDEX "IDX_shipment_exporter_createdAt_id" ON "shipment" ("exporter", "createdAt", "id")`,
    );
    await q.query(`DROP INDEX "IDX_shipment_village"`);
    await q.query(`DROP INDEX "IDX_shipment_exporter"`);
    await q.query(
      `CREATE INDEX "IDX_container_current_departDepot_id" ON "container" ("departDepot", "id") WHERE "current"`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "IDX_container_current_departDepot_id"`);
    await q.query(`CREATE INDEX "IDX_shipment_exporter" ON "shipment" ("exporter")`);
    await q.query(`CREATE INDEX "IDX_shipment_village" ON "shipment" ("village")`);
    await q.query(`DROP INDEX IF EXISTS "IDX_shipment_exporter_createdAt_id"`);
    await q.query(`DROP INDEX IF EXISTS "IDX_shipment_village_createdAt_id"`);
    await q.query(`DROP INDEX IF EXISTS "IDX_shipment_createdAt_id"`);
  }
}
