/** `GET /health`: which database and queue this instance uses, and whether they answer. */
import { Router } from "express";
import type { DataSource } from "typeorm";
import type { PlanningQueue } from "../../../shared/infra/queue/planning-queue.js";

export interface DatabaseInfo {
  kind: "postgresql" | "pglite";
  /** Where it is, without credentials. */
  location: string;
}

export function healthRouter(deps: {
  dataSource: DataSource;
  queue: PlanningQueue;
  database: DatabaseInfo;
}): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    let db: { ok: boolean; detail?: string };
    try {
      await deps.dataSource.query("SELECT 1");
      db = { ok: true };
    } catch (error) {
      db = { ok: false, detail: (error as Error).message };
    }
    const queue = await deps.queue.health();
    const ok = db.ok && queue.ok;
    res.status(ok ? 200 : 503).json({
      status: ok ? "ok" : "degraded",
      database: { ...deps.database, ...db },
      queue,
    });
  });
  return router;
}
