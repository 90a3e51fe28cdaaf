/**
 * The store behind `Idempotency-Key`: claim a key (exactly one concurrent claimant wins,
 * by the table's primary key), keep the answer, replay it, release a key whose request
 * wrote nothing. Plain SQL: it runs the same on PostgreSQL and PGlite.
 */
import type { EntityManager } from "typeorm";

/** How long a key is remembered; older keys are forgotten and a repeat runs again. */
export const IDEMPOTENCY_TTL_HOURS = 24;

export interface StoredAnswer {
  request: string;
  fingerprint: string;
  /** null while the first request is still running */
  status: number | null;
  location: string | null;
  body: string | null;
  /** seconds since the claim */
  ageSeconds: number;
}

export interface Claim {
  keyId: string;
  key: string;
  request: string;
  fingerprint: string;
}

/** true: this request runs; otherwise the row that was there first. */
export async function claimIdempotencyKey(m: EntityManager, c: Claim): Promise<true | StoredAnswer | null> {
  await m.query(
    `DELETE FROM "idempotency_key" WHERE "createdAt" < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'`,
  );
  const inserted: unknown[] = await m.query(
    `INSERT INTO "idempotency_key" ("keyId", "key", "request", "fingerprint") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("keyId", "key") DO NOTHING RETURNING "key"`,
    [c.keyId, c.key, c.request, c.fingerprint],
  );
  if (inserted.length > 0) return true;
  return readIdempotencyKey(m, c.keyId, c.key);
}

export async function readIdempotencyKey(
  m: EntityManager,
  keyId: string,
  key: string,
): Promise<StoredAnswer | null> {
  const rows: (Omit<StoredAnswer, "ageSeconds"> & { ageSeconds: string | number })[] = await m.query(
    `SELECT "request", "fingerprint", "status", "location", "body",
       EXTRACT(EPOCH FROM (now() - "createdAt")) AS "ageSeconds"
     FROM "idempotency_key" WHERE "keyId" = $1 AND "key" = $2`,
    [keyId, key],
  );
  return rows[0] ? { ...rows[0], ageSeconds: Number(rows[0].ageSeconds) } : null;
}

export async function completeIdempotencyKey(
  m: EntityManager,
  keyId: string,
  key: string,
  answer: { status: number; location: string | null; body: string },
): Promise<void> {
  await m.query(
    `UPDATE "idempotency_key" SET "status" = $3, "location" = $4, "body" = $5, "completedAt" = now()
     WHERE "keyId" = $1 AND "key" = $2`,
    [keyId, key, answer.status, answer.location, answer.body],
  );
}

/** Forget a claim whose request wrote nothing (refused, failed, or abandoned). */
export async function releaseIdempotencyKey(m: EntityManager, keyId: string, key: string): Promise<void> {
  await m.query(`DELETE FROM "idempotency_key" WHERE "keyId" = $1 AND "key" = $2 AND "status" IS NULL`, [
    keyId,
    key,
  ]);
}
