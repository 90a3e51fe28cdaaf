/**
 * Sea boxes of the current plan: `GET /v1/boxes?sailing&current` and `GET /v1/boxes/{id}`.
 * A key sees a box when it sees a container in it; others' boxes answer 404.
 */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { boxListQuerySchema } from "../../../shared/contracts/boxes.schemas.js";
import { findBoxes } from "../../../shared/infra/db/box.repository.js";
import { notFound } from "../../../shared/infra/errors.js";
import { boxViews } from "../box.view.js";
import { visibleContainerIds } from "../container.view.js";
import { principalOf } from "../principal.js";
import { parseInput } from "../validate-request.js";

export function boxesRouter(ds: DataSource): Router {
  const router = Router();

  router.get("/boxes", async (req, res) => {
    const q = parseInput(boxListQuerySchema, req.query);
    const p = principalOf(res);
    const { items, total } = await findBoxes(ds.manager, {
      sailing: q.sailing,
      current: q.current !== "false",
      visibleContainers: await visibleContainerIds(ds, p),
      limit: q.limit,
      offset: q.offset,
    });
    res.json({ items: await boxViews(ds, items, p), total, limit: q.limit, offset: q.offset });
  });

  router.get("/boxes/:id", async (req, res) => {
    const p = principalOf(res);
    const id = String(req.params.id);
    const { items } = await findBoxes(ds.manager, {
      ids: [id],
      current: false,
      visibleContainers: await visibleContainerIds(ds, p),
    });
    if (items.length === 0) throw notFound("box", id);
    const [view] = await boxViews(ds, items, p);
    res.json(view);
  });

  return router;
}
