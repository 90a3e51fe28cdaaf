/** API keys: coordinators issue and revoke them; anyone can ask who they are. */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { apiKeyCreateSchema } from "../../../shared/contracts/resources.schemas.js";
import { createApiKey } from "../../../shared/infra/db/api-keys.repository.js";
import { ApiKeyEntity } from "../../../shared/infra/db/entities/api-key.entity.js";
import { conflict, notFound } from "../../../shared/infra/errors.js";
import { principalOf, requireRole } from "../principal.js";
import { asRecord, validateWrite, villageReferences } from "../write-validation.js";

const keyView = (k: ApiKeyEntity) => ({
  id: k.id,
  prefix: k.prefix,
  role: k.role,
  label: k.label,
  villages: k.villages,
  exporter: k.exporter,
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
});

export function keysRouter(deps: { dataSource: DataSource; now: () => Date }): Router {
  const router = Router();
  const repo = () => deps.dataSource.getRepository(ApiKeyEntity);

  router.get("/me", async (_req, res) => {
    const p = principalOf(res);
    const key = await repo().findOneBy({ id: p.keyId });
    res.json(keyView(key!));
  });

  router.get("/keys", requireRole("coordinator"), async (_req, res) => {
    const rows = await repo().find({ order: { createdAt: "ASC" } });
    res.json({ items: rows.map(keyView), total: rows.length });
  });

  router.post("/keys", requireRole("coordinator"), async (req, res) => {
    const spec = await validateWrite(deps.dataSource.manager, apiKeyCreateSchema, req.body, {
      references: (body) => villageReferences(asRecord(body).villages, "villages"),
    });
    const { key, row } = await createApiKey(deps.dataSource.manager, spec);
    // The only time the key is ever shown: the database keeps its hash.
    res.status(201).json({ ...keyView(row), key });
  });

  router.delete("/keys/:id", requireRole("coordinator"), async (req, res) => {
    const row = /^[0-9a-f-]{36}$/i.test(String(req.params.id))
      ? await repo().findOneBy({ id: String(req.params.id) })
      : null;
    if (!row) throw notFound("key", String(req.params.id));
    if (row.revokedAt) throw conflict("revokedAt", "the key is already revoked");
    if (row.id === principalOf(res).keyId)
      throw conflict("id", "a key cannot revoke itself; use another coordinator key");
    await repo().update({ id: row.id }, { revokedAt: deps.now() });
    res.status(204).end();
  });

  return router;
}
