import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Who changed what: one row per change of keys, container lifecycle, reference data and
 * settings, written in the same transaction as the change itself.
 */
export class AuditLog1795977823100 implements MigrationInterface {
  name = "AuditLog1795977823100";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL PRIMARY KEY, "at" timestamptz NOT NULL,
      "keyId" uuid, "role" text, "action" text NOT NULL, "resource" text NOT NULL, "resourceId" text NOT NULL,
      "summary" text NOT NULL, "changes" jsonb)`);
    await q.query(`CREATE INDEX "IDX_audit_log_at" ON "audit_log" ("at")`);
    await q.query(`CREATE INDEX "IDX_audit_log_resource" ON "audit_log" ("resource", "resourceId")`);
    await q.query(`CREATE INDEX "IDX_audit_log_keyId" ON "audit_log" ("keyId")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "audit_log"`);
  }
}
