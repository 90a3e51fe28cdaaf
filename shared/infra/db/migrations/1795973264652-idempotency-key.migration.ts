import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Idempotency keys (`Idempotency-Key` header): one row per API key and idempotency key,
 * the primary key being the unique constraint that lets exactly one of two concurrent
 * duplicates run. `status` stays NULL while the first request runs; then the answer it
 * got is kept for replays until the row expires (24 h).
 */
export class IdempotencyKey1795973264652 implements MigrationInterface {
  name = "IdempotencyKey1795973264652";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "idempotency_key" ("keyId" uuid NOT NULL, "key" text NOT NULL,
      "request" text NOT NULL, "fingerprint" text NOT NULL, "status" integer, "location" text, "body" text,
      "createdAt" timestamptz NOT NULL DEFAULT now(), "completedAt" timestamptz,
      PRIMARY KEY ("keyId", "key"))`);
    await q.query(`CREATE INDEX "IDX_idempotency_key_createdAt" ON "idempotency_key" ("createdAt")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "idempotency_key"`);
  }
}
