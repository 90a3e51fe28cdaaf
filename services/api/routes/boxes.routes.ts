/**
 * Sea boxes of the current plan: `GET /v1/boxes?sailing&current` and `GET /v1/boxes/{id}`.
 * A key sees a box when it sees a container in it; others' boxes answer 404.
 */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { boxListQuerySchema } from "../../../shared/contracts/boxes.schemas.js";
import { boxViews, findBoxes, findVisibleBoxRecord } from "../../read-model/box-records.js";
import { policyOf } from "../principal.js";
import { parseInput } from "../validate-request.js";

export function boxesRouter(ds: DataSource): Router {
  const router = Router();

  router.get("/boxes", async (req, res) => {
    const q = parseInput(boxListQuerySchema, req.query);
    const policy = policyOf(res);
    const { items, total } = await findBoxes(ds.manager, policy, {
      sailing: q.sailing,
      current: q.current !== "false",
      limit: q.limit,
      offset: q.offset,
    });
    res.json({ items: await boxViews(ds.manager, items, policy), total, limit: q.limit, offset: q.offset });
  });

  router.get("/boxes/:id", async (req, res) => {
    const policy = policyOf(res);
    const record = await findVisibleBoxRecord(ds.manager, policy, String(req.params.id));
    const [view] = await boxViews(ds.manager, [record], policy);
    res.json(view);
  });

  return router;
}
