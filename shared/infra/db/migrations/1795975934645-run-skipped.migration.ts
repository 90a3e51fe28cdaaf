import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The stored records a planning run left out because the planner cannot use them, each
 * with why: a bad record no longer blocks the run for everyone (scenario.builder.ts).
 */
export class RunSkipped1795975934645 implements MigrationInterface {
  name = "RunSkipped1795975934645";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "planning_run" ADD COLUMN "skipped" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "planning_run" DROP COLUMN IF EXISTS "skipped"`);
  }
}
