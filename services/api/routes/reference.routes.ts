/**
 * Reference data every plan needs (villages, ports, depots and fleets, sailings,
 * container types): one router shape for all. Everyone with a key reads; coordinators
 * write. A write that would break a reference is refused and changes nothing.
 */
import { Router } from "express";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { z } from "zod";
import { conflict, type FieldError, notFound, unprocessable } from "../../../shared/infra/errors.js";
import { requireRole } from "../principal.js";
import { parseInput } from "../validate-request.js";

export interface ReferenceResource<T extends { id: string }, E extends ObjectLiteral> {
  /** URL segment, e.g. "villages". */
  path: string;
  /** Singular for messages, e.g. "village". */
  noun: string;
  entity: EntityTarget<E>;
  schema: z.ZodType<T>;
  toRow(item: T): E;
  fromRow(row: E): unknown;
  /** References this item makes that must exist (422 otherwise). */
  checkRefs?(m: EntityManager, item: T): Promise<FieldError[]>;
  /** Why this item may not be deleted now (409), or null. */
  blockDelete?(m: EntityManager, id: string): Promise<string | null>;
  /** Query filters allowed on the list, column = query key. */
  filters?: string[];
}

export function referenceRouter<T extends { id: string }, E extends ObjectLiteral>(
  dataSource: DataSource,
  r: ReferenceResource<T, E>,
): Router {
  const router = Router();
  const repo = () => dataSource.getRepository(r.entity);

  router.get(`/${r.path}`, async (req, res) => {
    const where: Record<string, string> = {};
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
    const item = parseInput(r.schema, req.body);
    await dataSource.transaction(async (m) => {
      if (await m.findOneBy(r.entity, { id: item.id } as never)) {
        throw conflict(
          "id",
          `${r.noun} "${item.id}" already exists; PUT /v1/${r.path}/${item.id} replaces it`,
        );
      }
      const refErrors = (await r.checkRefs?.(m, item)) ?? [];
      if (refErrors.length > 0) throw unprocessable(refErrors);
      await m.insert(r.entity, r.toRow(item) as never);
    });
    res
      .status(201)
      .location(`/v1/${r.path}/${encodeURIComponent(item.id)}`)
      .json(item);
  });

  router.put(`/${r.path}/:id`, requireRole("coordinator"), async (req, res) => {
    const body = req.body && typeof req.body === "object" && !Array.isArray(req.body) ? req.body : {};
    const item = parseInput(r.schema, { ...body, id: body.id ?? String(req.params.id) });
    if (item.id !== String(req.params.id))
      throw unprocessable([{ path: "id", message: `must match the URL (${String(req.params.id)})` }]);
    let created = false;
    await dataSource.transaction(async (m) => {
      const refErrors = (await r.checkRefs?.(m, item)) ?? [];
      if (refErrors.length > 0) throw unprocessable(refErrors);
      created = !(await m.findOneBy(r.entity, { id: item.id } as never));
      await m.save(r.entity, r.toRow(item) as never);
    });
    res.status(created ? 201 : 200).json(item);
  });

  router.delete(`/${r.path}/:id`, requireRole("coordinator"), async (req, res) => {
    await dataSource.transaction(async (m) => {
      const row = await m.findOneBy(r.entity, { id: String(req.params.id) } as never);
      if (!row) throw notFound(r.noun, String(req.params.id));
      const reason = await r.blockDelete?.(m, String(req.params.id));
      if (reason) throw conflict("id", reason);
      await m.delete(r.entity, { id: String(req.params.id) } as never);
    });
    res.status(204).end();
  });

  return router;
}
