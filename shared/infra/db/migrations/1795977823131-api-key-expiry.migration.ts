import type { MigrationInterface, QueryRunner } from "typeorm";

/** Optional expiry of an API key: past it the key answers 401 "expired API key". */
export class ApiKeyExpiry1795977823131 implements MigrationInterface {
  name = "ApiKeyExpiry1795977823131";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_key" ADD COLUMN "expiresAt" timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_key" DROP COLUMN IF EXISTS "expiresAt"`);
  }
}
