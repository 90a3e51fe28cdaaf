/**
 * Reference data every plan needs (villages, ports, depots and fleets, sailings,
 * container types): one router shape for all. Everyone with a key reads; coordinators
 * write. A write is checked whole (schema, the core's record rules, references, in one
 * round); a delete is refused (409) while current containers or open shipments refer
 * to the row, naming them. A refused request changes nothing. A new resource (box
 * types, ...) gets all of this by describing itself in a `ReferenceResource`. A write
 * that is made leaves its audit entry in the same transaction.
 */
import { type Response, Router } from "express";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { z } from "zod";
import { type RecordKind, recordRuleErrors } from "../../../shared/core/model/record-rules.js";
import {
  type AuditEvent,
  changedFields,
  recordAudit,
} from "../../../shared/infra/db/audit-log.repository.js";
import type { Referrer } from "../../../shared/infra/db/referrers.js";
import { recordContext } from "../../../shared/infra/db/settings.repository.js";
import { AppError, conflict, notFound, unprocessable } from "../../../shared/infra/errors.js";
import { principalOf, requireRole } from "../principal.js";
import {
  asRecord,
  checkWrite,
  type Reference,
  throwFieldErrors,
  throwReferenceErrors,
} from "../write-validation.js";

export interface ReferenceResource<T extends { id: string }, E extends ObjectLiteral> {
  /** URL segment, e.g. "villages". */
  path: string;
  /** Singular for messages, e.g. "village". */
  noun: string;
  entity: EntityTarget<E>;
  schema: z.ZodType<T>;
  /** The Scenario collection it is, so the core's record rules apply to it. */
  kind?: RecordKind;
  toRow(item: T): E;
  fromRow(row: E): unknown;
  /** Rows this item refers to, read from the (maybe malformed) body: unknown ones are refused. */
  references?(body: Record<string, unknown>): Reference[];
  /** What refers to a row of this resource: while any does, the row is not deleted (409). */
  referredBy?: Referrer[];
  /** Query filters allowed on the list, column = query key. */
  filters?: string[];
  /** The list's filters where they need checks or map to other columns (replaces `filters`); throws a 400. */
  listWhere?(query: Record<string, unknown>): Record<string, unknown>;
}

/** At most this many referring ids are named in a 409; the rest are counted. */
const NAMED = 5;

export function referenceRouter<T extends { id: string }, E extends ObjectLiteral>(
  dataSource: DataSource,
  r: ReferenceResource<T, E>,
  now: () => Date = () => new Date(),
): Router {
  const router = Router();
  const repo = () => dataSource.getRepository(r.entity);
  /** `villages` -> `village`, `container-types` -> `container-type`: the audit log's resource. */
  const resource = r.path.replace(/s$/, "");
  const audit = (
    m: EntityManager,
    res: Response,
    verb: string,
    id: string,
    changes: AuditEvent["changes"],
  ) => {
    const fields = Object.keys(changes?.after ?? changes?.before ?? {}).filter((k) => k !== "id");
    return recordAudit(m, principalOf(res), now(), {
      action: `${resource}.${verb}`,
      resource,
      resourceId: id,
      summary:
        verb === "update"
          ? `${r.noun} "${id}" updated: ${fields.join(", ") || "no field changed"}`
          : `${r.noun} "${id}" ${verb}d`,
      changes,
    });
  };

  /** Schema, record rules and references, all in one round. */
  async function check(m: EntityManager, body: unknown) {
    const context = await recordContext(m);
    return checkWrite(m, r.schema, body, {
      rules: r.kind ? (b) => recordRuleErrors(r.kind!, b, context) : undefined,
      references: r.references ? (b) => r.references!(asRecord(b)) : undefined,
    });
  }

  router.get(`/${r.path}`, async (req, res) => {
    const where: Record<string, unknown> = r.listWhere ? r.listWhere(req.query) : {};
    for (const key of r.filters ?? []) {
      const v = req.query[key];
      if (typeof v === "string" && v !== "") where[key] = v;
    }
    const rows = await repo().find({ where: where as never, order: { id: "ASC" } as never });
    res.json({ items: rows.map((row) => r.fromRow(row)), total: rows.length });
  });

  router.get(`/${r.path}/:id`, async (req, res) => {
    const row = await repo().findOneBy({ id: String(req.params.id) } as never);
    if (!row) throw notFound(r.noun, String(req.params.id));
    res.json(r.fromRow(row));
  });

  router.post(`/${r.path}`, requireRole("coordinator"), async (req, res) => {
    const item = await dataSource.transaction(async (m) => {
      const result = await check(m, req.body);
      throwFieldErrors([result]);
      const item = result.data as T;
      if (await m.findOneBy(r.entity, { id: item.id } as never)) {
        throw conflict(
          "id",
          `${r.noun} "${item.id}" already exists; PUT /v1/${r.path}/${item.id} replaces it`,
        );
      }
      throwReferenceErrors([result]);
      await m.insert(r.entity, r.toRow(item) as never);
      await audit(m, res, "create", item.id, { after: item });
      return item;
    });
    res
      .status(201)
      .location(`/v1/${r.path}/${encodeURIComponent(item.id)}`)
      .json(item);
  });

  router.put(`/${r.path}/:id`, requireRole("coordinator"), async (req, res) => {
    const urlId = String(req.params.id);
    const body = asRecord(req.body);
    let created = false;
    const item = await dataSource.transaction(async (m) => {
      const result = await check(m, { ...body, id: body.id ?? urlId });
      throwFieldErrors([result]);
      const item = result.data as T;
      if (item.id !== urlId) throw unprocessable([{ path: "id", message: `must match the URL (${urlId})` }]);
      throwReferenceErrors([result]);
      const existing = await m.findOneBy(r.entity, { id: item.id } as never);
      created = !existing;
      await m.save(r.entity, r.toRow(item) as never);
      await audit(
        m,
        res,
        created ? "create" : "update",
        item.id,
        existing
          ? changedFields(
              r.fromRow(existing) as Record<string, unknown>,
              // through the same mapping, so derived fields (a village's zone) compare alike
              r.fromRow(r.toRow(item)) as Record<string, unknown>,
            )
          : { after: item },
      );
      return item;
    });
    res.status(created ? 201 : 200).json(item);
  });

  router.delete(`/${r.path}/:id`, requireRole("coordinator"), async (req, res) => {
    const id = String(req.params.id);
    await dataSource.transaction(async (m) => {
      const row = await m.findOneBy(r.entity, { id } as never);
      if (!row) throw notFound(r.noun, id);
      const errors = [];
      for (const referrer of r.referredBy ?? []) {
        const ids = await referrer.find(m, id);
        if (ids.length === 0) continue;
        const named = ids.slice(0, NAMED).join(", ");
        const more = ids.length > NAMED ? ` and ${ids.length - NAMED} more` : "";
        errors.push({
          path: "id",
          message: `${r.noun} "${id}" is used by ${ids.length} ${referrer.what}: ${named}${more}; ${referrer.remedy}`,
        });
      }
      if (errors.length > 0) throw new AppError("CONFLICT", 409, errors);
      await m.delete(r.entity, { id } as never);
      await audit(m, res, "delete", id, { before: r.fromRow(row) });
    });
    res.status(204).end();
  });

  return router;
}
