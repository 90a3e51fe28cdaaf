import type { MigrationInterface, QueryRunner } from "typeorm";

/** Sailings join the change feed: a container page keeps its sailings until one changes. */
export class ChangeFeedSailing1795980000002 implements MigrationInterface {
  name = "ChangeFeedSailing1795980000002";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TRIGGER "TRG_sailing_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sailing" FOR EACH STATEMENT EXECUTE FUNCTION "muatan_notify_change"()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS "TRG_sailing_changes" ON "sailing"`);
  }
}
