/**
 * The audit log for coordinators: who changed what (keys, container lifecycle, reference
 * data, settings), newest first, filtered and paged.
 */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { auditQuerySchema } from "../../../shared/contracts/resources.schemas.js";
import { AuditEntryEntity } from "../../../shared/infra/db/entities/audit-entry.entity.js";
import { requireRole } from "../principal.js";
import { parseInput } from "../validate-request.js";

const entryView = (e: AuditEntryEntity) => ({
  id: Number(e.id),
  at: e.at,
  keyId: e.keyId,
  role: e.role,
  action: e.action,
  resource: e.resource,
  resourceId: e.resourceId,
  summary: e.summary,
  changes: e.changes,
});

export function auditRouter(ds: DataSource): Router {
  const router = Router();
  router.get("/audit", requireRole("coordinator"), async (req, res) => {
    const q = parseInput(auditQuerySchema, req.query);
    const qb = ds.getRepository(AuditEntryEntity).createQueryBuilder("a");
    for (const key of ["action", "resource", "resourceId", "keyId"] as const) {
      if (q[key] !== undefined) qb.andWhere(`a."${key}" = :${key}`, { [key]: q[key] });
    }
    if (q.from !== undefined) qb.andWhere("a.at >= :from", { from: new Date(q.from) });
    if (q.to !== undefined) qb.andWhere("a.at < :to", { to: new Date(q.to) });
    const [rows, total] = await qb
      .orderBy("a.at", "DESC")
      .addOrderBy("a.id", "DESC")
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
    res.json({ items: rows.map(entryView), total, limit: q.limit, offset: q.offset });
  });
  return router;
}
