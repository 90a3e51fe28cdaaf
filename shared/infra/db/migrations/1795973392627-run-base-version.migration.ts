import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The plan version a run's scenario was read at. Storing checks that no newer version
 * re-planned the run's shipments meanwhile (two runs over the same shipments would
 * otherwise overwrite each other's work unseen). Older runs have none and skip the check.
 */
export class RunBaseVersion1795973392627 implements MigrationInterface {
  name = "RunBaseVersion1795973392627";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "planning_run" ADD COLUMN "baseVersion" integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "planning_run" DROP COLUMN IF EXISTS "baseVersion"`);
  }
}
