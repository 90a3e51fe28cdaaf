import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Tell the API processes what changed (shared/infra/db/change-feed.ts): after every statement
 * that writes one of these tables, `NOTIFY muatan_changes, '<table>'`. PostgreSQL delivers it
 * after the commit (never for a rollback), once per table and transaction.
 */
const WATCHED = ["api_key", "shipment", "container", "container_load"];

export class ChangeFeed1795980000001 implements MigrationInterface {
  name = "ChangeFeed1795980000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION "muatan_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('muatan_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$`);
    for (const table of WATCHED) {
      await q.query(
        `CREATE TRIGGER "TRG_${table}_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "muatan_notify_change"()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of WATCHED) await q.query(`DROP TRIGGER IF EXISTS "TRG_${table}_changes" ON "${table}"`);
    await q.query(`DROP FUNCTION IF EXISTS "muatan_notify_change"()`);
  }
}
