/**
 * `/admin`: the BullMQ dashboard (bull-board) for coordinators, when the queue is on Redis.
 *
 * - `GET /admin/login` (+ `/admin/login.js`): sign in with a coordinator key; a key stored by
 *   the Muatan dashboard in this browser is used at once.
 * - `POST /admin/session` with `Authorization: Bearer <coordinator key>`: 204 and the session
 *   cookie (admin-session.ts); `DELETE /admin/session` ends it.
 * - `/admin/queues`: the dashboard, read-only. Planning runs are the record of what was planned;
 *   removing or promoting a job from here would leave its run waiting forever, so the board
 *   shows queues, jobs, data, progress and failures, and changes nothing.
 * Without Redis there is no BullMQ queue to show: `/admin/queues` answers 404 saying so.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import { Router } from "express";
import type { DataSource } from "typeorm";
import { ApiKeyEntity } from "../../../shared/infra/db/entities/api-key.entity.js";
import type { PlanningQueue } from "../../../shared/infra/queue/planning-queue.js";
import { parseLang } from "../../../shared/views/locale.js";
import { authenticate, principalOf, requireRole } from "../principal.js";
import { clearSessionCookie, requireAdminSession, sessionToken, setSessionCookie } from "./admin-session.js";
import { loginPage } from "./login.page.js";

export const QUEUES_PATH = "/admin/queues";

export interface AdminDeps {
  dataSource: DataSource;
  queue: PlanningQueue;
  /** Lifetime of a session cookie. */
  sessionMs: number;
  now: () => number;
}

const LOGIN_SCRIPT = readFileSync(join(__dirname, "public/login.js"));

export function adminRouter(deps: AdminDeps): Router {
  const router = Router();

  router.get("/admin/login", (req, res) => {
    const lang = parseLang(req.query.lang) === "en" ? "en" : "id";
    res
      .type("html")
      .set("Cache-Control", "no-store")
      .send(loginPage(lang, Math.round(deps.sessionMs / 60000)));
  });
  router.get("/admin/login.js", (_req, res) => {
    res.type("text/javascript; charset=utf-8").send(LOGIN_SCRIPT);
  });

  router.post(
    "/admin/session",
    authenticate(deps.dataSource),
    requireRole("coordinator"),
    async (req, res) => {
      const key = await deps.dataSource
        .getRepository(ApiKeyEntity)
        .findOneByOrFail({ id: principalOf(res).keyId });
      setSessionCookie(req, res, sessionToken(key, deps.now() + deps.sessionMs), deps.sessionMs);
      res.status(204).set("Cache-Control", "no-store").end();
    },
  );
  router.delete("/admin/session", (_req, res) => {
    clearSessionCookie(res);
    res.status(204).end();
  });

  const bullmq = deps.queue.bullmqQueue;
  if (!bullmq) {
    router.use(QUEUES_PATH, (_req, res) => {
      res.status(404).json({
        errors: [
          {
            path: "(url)",
            message:
              "the queue dashboard needs Redis (REDIS_URL): without it jobs run inside the API; follow them with GET /v1/jobs/{id} and /metrics",
          },
        ],
      });
    });
    return router;
  }
  const board = new ExpressAdapter();
  board.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(bullmq, { readOnlyMode: true, allowRetries: false })],
    // @bull-board/express 9.10.1 pins its own copy of @bull-board/api (9.10.1, beside our
    // 9.10.2): the same classes declared twice, so the types need telling they fit.
    serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]["serverAdapter"],
    options: { uiConfig: { boardTitle: "Muatan" } },
  });
  router.use(QUEUES_PATH, requireAdminSession(deps.dataSource, deps.now), board.getRouter());
  return router;
}
