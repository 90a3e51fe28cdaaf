/**
 * Container tracking: list and read containers, move them along their lifecycle.
 * Every move records when and which key (and role) made it; a move the lifecycle does
 * not allow is a 409 saying what is allowed.
 */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { moveTo, pickUpStop, SETTABLE_STATUSES } from "../../../shared/contracts/container-lifecycle.js";
import { containerListQuerySchema } from "../../../shared/contracts/resources.schemas.js";
import { recordAudit } from "../../../shared/infra/db/audit-log.repository.js";
import { ContainerEntity, type ContainerEvent } from "../../../shared/infra/db/entities/container.entity.js";
import { badRequest, conflict, forbidden, notFound } from "../../../shared/infra/errors.js";
import { containerRecords } from "../../read-model/container-records.js";
import { pageOf, scopeKey } from "../../read-model/page.js";
import { findVisibleContainer, scopeContainers } from "../../read-model/scoped-reads.js";
import { policyOf, principalOf, requireRole } from "../principal.js";
import { parseInput } from "../validate-request.js";

const statusBodySchema = z
  .object({ status: z.enum(SETTABLE_STATUSES, { error: `must be one of ${SETTABLE_STATUSES.join(", ")}` }) })
  .strict();

export function containersRouter(deps: { dataSource: DataSource; now: () => Date }): Router {
  const router = Router();
  const ds = deps.dataSource;

  router.get("/containers", async (req, res) => {
    const q = parseInput(containerListQuerySchema, req.query);
    const policy = policyOf(res);
    const qb = ds.getRepository(ContainerEntity).createQueryBuilder("c");
    if (q.current !== "false") qb.andWhere("c.current = true");
    if (q.status) qb.andWhere("c.status = :status", { status: q.status });
    if (q.port) qb.andWhere("c.port = :port", { port: q.port });
    if (q.sailing) qb.andWhere("c.sailing = :sailing", { sailing: q.sailing });
    if (q.planVersion > 0) qb.andWhere('c."planVersion" = :v', { v: q.planVersion });
    const { items: rows, total } = await pageOf(
      scopeContainers(qb, "c", policy).orderBy("c.departDepot", "ASC").addOrderBy("c.id", "ASC"),
      {
        offset: q.offset,
        limit: q.limit,
        tables: ["container", "container_load", "shipment"],
        key: `containers:${JSON.stringify(q)}:${scopeKey(policy)}`,
        // the records read the clock (minutes to cut-off): built for each answer
        view: (containers) => containers,
      },
    );
    res.json({
      items: await containerRecords(ds.manager, rows, policy, deps.now()),
      total,
      limit: q.limit,
      offset: q.offset,
    });
  });

  router.get("/containers/:id", async (req, res) => {
    const policy = policyOf(res);
    const row = await findVisibleContainer(ds.manager, policy, String(req.params.id));
    const [view] = await containerRecords(ds.manager, [row], policy, deps.now());
    res.json(view);
  });

  router.post("/containers/:id/status", requireRole("coordinator"), async (req, res) => {
    const { status } = parseInput(statusBodySchema, req.body);
    const p = principalOf(res);
    const row = await ds.transaction(async (m) => {
      const c = await m.findOne(ContainerEntity, {
        where: { id: String(req.params.id) },
        lock: { mode: "pessimistic_write" },
      });
      if (!c) throw notFound("container", String(req.params.id));
      const move = moveTo(c.status, status);
      if (!move.ok) throw conflict("status", move.message);
      const event: ContainerEvent = {
        status: move.status,
        at: deps.now().toISOString(),
        by: p.keyId,
        role: p.role,
      };
      await m.update(ContainerEntity, { id: c.id }, { status: move.status, history: [...c.history, event] });
      await recordAudit(m, p, new Date(event.at), {
        action: "container.status",
        resource: "container",
        resourceId: c.id,
        summary: `container ${c.id}: ${c.status} -> ${move.status}`,
        changes: { before: { status: c.status }, after: { status: move.status } },
      });
      return (await m.findOneBy(ContainerEntity, { id: c.id }))!;
    });
    const [view] = await containerRecords(ds.manager, [row], policyOf(res), deps.now());
    res.json(view);
  });

  router.post("/containers/:id/stops/:index/picked-up", async (req, res) => {
    const p = principalOf(res);
    if (!/^\d+$/.test(req.params.index))
      throw badRequest([{ path: "(url).index", message: "must be a whole number" }]);
    const index = Number(req.params.index);
    await findVisibleContainer(ds.manager, policyOf(res), String(req.params.id));
    const row = await ds.transaction(async (m) => {
      const c = await m.findOne(ContainerEntity, {
        where: { id: String(req.params.id) },
        lock: { mode: "pessimistic_write" },
      });
      if (!c) throw notFound("container", String(req.params.id));
      const stop = c.stops[index];
      if (p.role === "exporter" || (p.role === "bumdes" && stop && !p.villages.includes(stop.village))) {
        throw forbidden(
          "(role)",
          "only a coordinator, or the BUMDes of that stop's village, records a pickup",
        );
      }
      const move = pickUpStop(
        c.status,
        index,
        c.stops.map((s) => s.pickedUpAt !== undefined),
      );
      if (!move.ok) throw conflict("status", move.message);
      const at = deps.now().toISOString();
      const stops = c.stops.map((s, i) => (i === index ? { ...s, pickedUpAt: at } : s));
      const event: ContainerEvent = { status: move.status, at, by: p.keyId, role: p.role, stop: index };
      await m.update(
        ContainerEntity,
        { id: c.id },
        { status: move.status, stops, history: [...c.history, event] },
      );
      await recordAudit(m, p, new Date(at), {
        action: "container.picked-up",
        resource: "container",
        resourceId: c.id,
        summary: `container ${c.id}: stop ${index} (${c.stops[index].village}) picked up${
          move.status !== c.status ? `; ${c.status} -> ${move.status}` : ""
        }`,
        changes: {
          before: { status: c.status, [`stops[${index}].pickedUpAt`]: null },
          after: { status: move.status, [`stops[${index}].pickedUpAt`]: at },
        },
      });
      return (await m.findOneBy(ContainerEntity, { id: c.id }))!;
    });
    const [view] = await containerRecords(ds.manager, [row], policyOf(res), deps.now());
    res.json(view);
  });

  return router;
}
