/**
 * Wire the service from its config: PostgreSQL when DATABASE_URL is set, else embedded
 * PGlite; BullMQ when REDIS_URL is set, else the in-process queue running the same
 * processor. main.ts and the embedded-mode test both start here.
 */
import { Redis } from "ioredis";
import type { Config } from "../../config/load-config.js";
import { ensureBootstrapKey } from "../../shared/infra/db/api-keys.repository.js";
import { openDataSource } from "../../shared/infra/db/data-source.js";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../../shared/infra/db/embedded-postgres.js";
import type { Logger } from "../../shared/infra/logger.js";
import { createMetrics } from "../../shared/infra/metrics.js";
import { createPlanProcessor } from "../../shared/infra/planning/plan.processor.js";
import { createBullmqQueue } from "../../shared/infra/queue/bullmq-queue.js";
import { createInProcessQueue } from "../../shared/infra/queue/in-process-queue.js";
import type { PlanningQueue } from "../../shared/infra/queue/planning-queue.js";
import { throttledErrorLog } from "../../shared/infra/queue/redis-errors.js";
import { findDemoScenarioFile, isDatabaseEmpty, loadScenario, readScenarioFile } from "../seed/demo-data.js";
import type { AppDeps } from "./app.js";
import type { DatabaseInfo } from "./routes/health.routes.js";

export interface Runtime {
  deps: AppDeps;
  /** The demo file loaded on this start, if any. */
  demoLoaded?: string;
  close(): Promise<void>;
}

/** host:port/database of a URL, without user or password. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(unparseable url)";
  }
}

export async function startRuntime(
  config: Config,
  logger: Logger,
  options: { bootstrapApiKey: string; projectRoot: string },
): Promise<Runtime> {
  let embedded: EmbeddedPostgres | undefined;
  let url = config.database.url;
  let database: DatabaseInfo;
  if (url) {
    database = { kind: "postgresql", location: describeUrl(url) };
  } else {
    embedded = await startEmbeddedPostgres(config.database.dataDir);
    url = embedded.url;
    database = { kind: "pglite", location: embedded.dataDir };
  }
  const dataSource = await openDataSource({ url, poolSize: 10, singleSession: embedded !== undefined });

  const metrics = createMetrics();
  let queue: PlanningQueue;
  if (config.queue.redisUrl) {
    queue = createBullmqQueue({ redisUrl: config.queue.redisUrl, ...config.queue, logger });
  } else {
    const processor = createPlanProcessor({
      dataSource,
      logger,
      maxAttempts: config.queue.attempts,
      graceMs: config.queue.graceMs,
      metrics: metrics.jobs,
    });
    queue = createInProcessQueue(processor, config.queue);
  }

  // Rate-limit counts shared by every API process (rate-limit-redis); in memory without Redis.
  const redis = config.queue.redisUrl
    ? new Redis(config.queue.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true })
    : undefined;
  redis?.on("error", throttledErrorLog(logger, "redis (rate limits)"));

  await ensureBootstrapKey(dataSource, options.bootstrapApiKey);
  let demoLoaded: string | undefined;
  if (config.demoData && (await isDatabaseEmpty(dataSource))) {
    demoLoaded = findDemoScenarioFile(options.projectRoot);
    await loadScenario(dataSource, readScenarioFile(demoLoaded));
    logger.info({ file: demoLoaded }, "demo data loaded into the empty database");
  }

  return {
    deps: {
      dataSource,
      queue,
      logger,
      database,
      planning: config.planning,
      publicUrl: config.http.publicUrl,
      metrics,
      metricsOpenOnLoopback: config.observability.metricsOpenOnLoopback,
      rateLimits: config.rateLimits,
      ...(redis
        ? { rateLimitStore: { redis, prefix: `${config.queue.prefix}:${config.queue.name}:rate-limit:` } }
        : {}),
      trustProxy: config.http.trustProxy,
      adminSessionMs: config.observability.adminSessionMs,
    },
    demoLoaded,
    async close() {
      await queue.close();
      redis?.disconnect();
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
