/**
 * The HTTP application, without listening: main.ts listens, tests mount it on port 0.
 * Everything it touches comes in through `deps`, so the same app runs on PGlite with an
 * in-process queue or on PostgreSQL with BullMQ.
 */

import compression from "compression";
import express, { type Express, Router } from "express";
import type { DataSource } from "typeorm";
import type { Logger } from "../../shared/infra/logger.js";
import { createMetrics, type Metrics } from "../../shared/infra/metrics.js";
import type { PlanningSettings } from "../../shared/infra/planning/planning-jobs.js";
import type { PlanningQueue } from "../../shared/infra/queue/planning-queue.js";
import { createWebRouter } from "../web/web.router.js";
import { adminRouter } from "./admin/admin.router.js";
import { jsonBody } from "./body-limits.js";
import { errorHandler, notFoundHandler } from "./error-handler.js";
import { httpMetrics } from "./observability/http-metrics.js";
import { metricsRouter, registerServiceGauges } from "./observability/metrics.routes.js";
import { requestLogger } from "./observability/request-log.js";
import { authenticate } from "./principal.js";
import { DEFAULT_RATE_LIMITS, type RateLimits, type RedisCounts, rateLimiters } from "./rate-limits.js";
import { auditRouter } from "./routes/audit.routes.js";
import { boxesRouter } from "./routes/boxes.routes.js";
import { containersRouter } from "./routes/containers.routes.js";
import { docsRouter } from "./routes/docs.routes.js";
import { type DatabaseInfo, healthRouter } from "./routes/health.routes.js";
import { jobsRouter } from "./routes/jobs.routes.js";
import { keysRouter } from "./routes/keys.routes.js";
import { lateShipmentsRouter } from "./routes/late-shipments.routes.js";
import { plansRouter } from "./routes/plans.routes.js";
import { referenceRouters } from "./routes/reference-resources.js";
import { settingsRouter } from "./routes/settings.routes.js";
import { shipmentsRouter } from "./routes/shipments.routes.js";
import { statementsRouter } from "./routes/statements.routes.js";
import { securityHeaders } from "./security-headers.js";

export interface AppDeps {
  dataSource: DataSource;
  queue: PlanningQueue;
  logger: Logger;
  database: DatabaseInfo;
  planning: PlanningSettings;
  publicUrl?: string;
  /** The service's clock (status timestamps, minutes to cut-off); tests pass a fixed one. */
  now?: () => Date;
  /** This process's metrics (HTTP, jobs run in-process); a fresh registry when absent. */
  metrics?: Metrics;
  /** Who reads /metrics without a key (README "Operations"). Default: loopback callers. */
  metricsOpenOnLoopback?: boolean;
  /** Requests per minute (0 = no limit); absent: the defaults, as `loadConfig({})` gives them. */
  rateLimits?: RateLimits;
  /** Where rate-limit counts live so every API process shares them; absent: in memory. */
  rateLimitStore?: RedisCounts;
  /** Proxies in front whose X-Forwarded-For gives the client address (0 = none). */
  trustProxy?: number;
  /** Lifetime of the queue dashboard's session cookie (ADMIN_SESSION_MINUTES). Default 30 min. */
  adminSessionMs?: number;
}

export function createApp(deps: AppDeps): Express {
  const now = deps.now ?? (() => new Date());
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  // First: every request gets its id (X-Request-Id) and its log line, and is timed, whatever answers it.
  app.use(requestLogger(deps.logger));
  const metrics = deps.metrics ?? createMetrics();
  app.use(httpMetrics(metrics.registry));
  registerServiceGauges(metrics.registry, deps);
  app.set("trust proxy", deps.trustProxy ?? 0);
  app.use(securityHeaders());
  // Villages are on slow mobile links: gzip the dashboard, plans and exports (about 3x smaller).
  app.use(compression());

  app.use(healthRouter(deps));
  app.use(
    metricsRouter({
      registry: metrics.registry,
      dataSource: deps.dataSource,
      openOnLoopback: deps.metricsOpenOnLoopback ?? true,
    }),
  );
  // The BullMQ dashboard for coordinators, behind a session cookie a browser can carry.
  app.use(
    adminRouter({
      dataSource: deps.dataSource,
      queue: deps.queue,
      sessionMs: deps.adminSessionMs ?? 30 * 60_000,
      now: () => now().getTime(),
    }),
  );
  app.use(docsRouter(deps.publicUrl));

  // Who is calling, and whether they are over their limit, before any body is read.
  const limits = rateLimiters(deps.rateLimits ?? DEFAULT_RATE_LIMITS, deps.rateLimitStore);
  const signedIn = [limits.refusedKeys(authenticate(deps.dataSource, now)), limits.perKey];
  app.use("/v1", signedIn);
  app.post(["/v1/plans", "/v1/solve"], limits.planning);
  // JSON bodies, each route with its own size limit (body-limits.ts); over it: 413.
  app.use(jsonBody);

  const v1 = Router();
  for (const router of referenceRouters(deps.dataSource, now)) v1.use(router);
  v1.use(shipmentsRouter(deps.dataSource));
  v1.use(jobsRouter({ ...deps, now }));
  v1.use(plansRouter({ ...deps, now }));
  v1.use(containersRouter({ dataSource: deps.dataSource, now }));
  v1.use(boxesRouter(deps.dataSource));
  v1.use(lateShipmentsRouter({ dataSource: deps.dataSource, now }));
  v1.use(statementsRouter(deps.dataSource));
  v1.use(keysRouter({ dataSource: deps.dataSource, now }));
  v1.use(settingsRouter(deps.dataSource, now));
  v1.use(auditRouter(deps.dataSource));
  app.use("/v1", v1);

  // ---- web UI (services/web, owned by the web engineer): register its router on the next line ----
  app.use(createWebRouter({ dataSource: deps.dataSource, now: () => now().getTime(), signedIn }));
  // ---- end web UI ----

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
