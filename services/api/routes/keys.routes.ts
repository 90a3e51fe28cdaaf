/** API keys: coordinators issue and revoke them; anyone can ask who they are. */
import { Router } from "express";
import { type DataSource, IsNull } from "typeorm";
import { apiKeyCreateSchema } from "../../../shared/contracts/resources.schemas.js";
import { createApiKey } from "../../../shared/infra/db/api-keys.repository.js";
import { recordAudit } from "../../../shared/infra/db/audit-log.repository.js";
import { ApiKeyEntity } from "../../../shared/infra/db/entities/api-key.entity.js";
import { badRequest, conflict, notFound } from "../../../shared/infra/errors.js";
import { principalOf, requireRole } from "../principal.js";
import { asRecord, validateWrite, villageReferences } from "../write-validation.js";

const keyView = (k: ApiKeyEntity, now: Date) => ({
  id: k.id,
  prefix: k.prefix,
  role: k.role,
  label: k.label,
  villages: k.villages,
  exporter: k.exporter,
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
  expiresAt: k.expiresAt,
  expired: k.expiresAt !== null && k.expiresAt.getTime() <= now.getTime(),
});

/** How a key reads in the audit log: never the secret, only what tells it apart. */
const keyFacts = (k: ApiKeyEntity) => ({
  prefix: k.prefix,
  role: k.role,
  label: k.label,
  villages: k.villages,
  exporter: k.exporter,
  expiresAt: k.expiresAt,
});
const keyName = (k: ApiKeyEntity) =>
  `${k.role} key ${k.prefix}…${k.label ? ` "${k.label}"` : ""}${
    k.villages?.length
      ? ` for villages ${k.villages.join(", ")}`
      : k.exporter
        ? ` for exporter "${k.exporter}"`
        : ""
  }`;

export function keysRouter(deps: { dataSource: DataSource; now: () => Date }): Router {
  const router = Router();
  const repo = () => deps.dataSource.getRepository(ApiKeyEntity);

  router.get("/me", async (_req, res) => {
    const p = principalOf(res);
    const key = await repo().findOneBy({ id: p.keyId });
    res.json(keyView(key!, deps.now()));
  });

  router.get("/keys", requireRole("coordinator"), async (_req, res) => {
    const rows = await repo().find({ order: { createdAt: "ASC" } });
    const now = deps.now();
    res.json({ items: rows.map((k) => keyView(k, now)), total: rows.length });
  });

  router.post("/keys", requireRole("coordinator"), async (req, res) => {
    const spec = await validateWrite(deps.dataSource.manager, apiKeyCreateSchema, req.body, {
      references: (body) => villageReferences(asRecord(body).villages, "villages"),
    });
    const now = deps.now();
    const expiresAt = spec.expiresAt !== undefined ? new Date(spec.expiresAt) : undefined;
    if (expiresAt && expiresAt.getTime() <= now.getTime()) {
      // the dashboard shows this message in the page's language: keep it exactly so
      throw badRequest([{ path: "expiresAt", message: "must be in the future" }]);
    }
    const { key, row } = await deps.dataSource.transaction(async (m) => {
      const created = await createApiKey(m, { ...spec, expiresAt });
      await recordAudit(m, principalOf(res), now, {
        action: "key.create",
        resource: "key",
        resourceId: created.row.id,
        summary: `created ${keyName(created.row)}${expiresAt ? `, expiring ${expiresAt.toISOString()}` : ""}`,
        changes: { after: keyFacts(created.row) },
      });
      return created;
    });
    // The only time the key is ever shown: the database keeps its hash.
    res.status(201).json({ ...keyView(row, now), key });
  });

  router.delete("/keys/:id", requireRole("coordinator"), async (req, res) => {
    const row = /^[0-9a-f-]{36}$/i.test(String(req.params.id))
      ? await repo().findOneBy({ id: String(req.params.id) })
      : null;
    if (!row) throw notFound("key", String(req.params.id));
    if (row.revokedAt) throw conflict("revokedAt", "the key is already revoked");
    if (row.id === principalOf(res).keyId)
      throw conflict("id", "a key cannot revoke itself; use another coordinator key");
    const now = deps.now();
    await deps.dataSource.transaction(async (m) => {
      const revoked = await m.update(ApiKeyEntity, { id: row.id, revokedAt: IsNull() }, { revokedAt: now });
      if (!revoked.affected) throw conflict("revokedAt", "the key is already revoked");
      await recordAudit(m, principalOf(res), now, {
        action: "key.revoke",
        resource: "key",
        resourceId: row.id,
        summary: `revoked ${keyName(row)}`,
        changes: { before: { revokedAt: null }, after: { revokedAt: now.toISOString() } },
      });
    });
    res.status(204).end();
  });

  return router;
}
