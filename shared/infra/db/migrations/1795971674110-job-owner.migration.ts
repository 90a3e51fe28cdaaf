import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Who asked for a stateless solve: a job is read and cancelled by the key that asked
 * for it (and by coordinators), so a job id that travels does not carry the plan with it.
 */
export class JobOwner1795971674110 implements MigrationInterface {
  name = "JobOwner1795971674110";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "job_owner" ("jobId" text PRIMARY KEY, "keyId" uuid NOT NULL,
      "createdAt" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "IDX_job_owner_createdAt" ON "job_owner" ("createdAt")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "job_owner"`);
  }
}
