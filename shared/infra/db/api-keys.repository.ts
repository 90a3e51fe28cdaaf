/**
 * API keys: random tokens shown once, stored only as a SHA-256 hash. The bootstrap key
 * (BOOTSTRAP_API_KEY, or one generated on first start) is a coordinator key.
 */
import { createHash, randomBytes } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { ApiKeyEntity, type Role } from "./entities/api-key.entity.js";

export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

export const generateApiKey = () => `mua_${randomBytes(24).toString("base64url")}`;

export interface NewKey {
  role: Role;
  label?: string;
  villages?: string[];
  exporter?: string;
  expiresAt?: Date;
}

export async function createApiKey(m: EntityManager, spec: NewKey, key = generateApiKey()) {
  const row = await m.save(ApiKeyEntity, {
    keyHash: hashApiKey(key),
    prefix: key.slice(0, 8),
    role: spec.role,
    label: spec.label ?? null,
    villages: spec.villages ?? null,
    exporter: spec.exporter ?? null,
    revokedAt: null,
    expiresAt: spec.expiresAt ?? null,
  });
  return { key, row };
}

/** Make sure the bootstrap key exists as a live coordinator key (idempotent). */
export async function ensureBootstrapKey(ds: DataSource, key: string): Promise<void> {
  const repo = ds.getRepository(ApiKeyEntity);
  const existing = await repo.findOneBy({ keyHash: hashApiKey(key) });
  if (existing) {
    if (existing.revokedAt !== null || existing.role !== "coordinator") {
      await repo.update({ id: existing.id }, { revokedAt: null, role: "coordinator" });
    }
    return;
  }
  await createApiKey(ds.manager, { role: "coordinator", label: "bootstrap" }, key);
}
