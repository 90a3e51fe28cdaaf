/**
 * `npm run worker`: the planning worker as its own process. It needs the real services
 * (DATABASE_URL and REDIS_URL); without Redis the API runs jobs itself.
 */
import { ConfigError, loadConfig } from "../config/load-config.js";
import { openDataSource } from "../shared/infra/db/data-source.js";
import { createLogger } from "../shared/infra/logger.js";
import { createMetrics } from "../shared/infra/metrics.js";
import { createPlanProcessor } from "../shared/infra/planning/plan.processor.js";
import { onShutdown } from "../shared/infra/shutdown.js";
import { startBullmqWorker } from "./bullmq-worker.js";
import { serveMetrics } from "./metrics-server.js";

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel, "muatan-worker");
  const missing = [
    !config.database.url && "DATABASE_URL (the worker shares the API's PostgreSQL)",
    !config.queue.redisUrl &&
      "REDIS_URL (without Redis the API runs planning jobs in-process; no worker needed)",
  ].filter(Boolean);
  if (missing.length > 0) {
    logger.fatal({ missing }, "the worker process needs a real database and queue");
    process.exit(2);
  }
  const dataSource = await openDataSource({
    url: config.database.url!,
    poolSize: config.queue.concurrency + 2,
  });
  const metrics = createMetrics();
  const processor = createPlanProcessor({
    dataSource,
    logger,
    maxAttempts: config.queue.attempts,
    graceMs: config.queue.graceMs,
    metrics: metrics.jobs,
  });
  const planning = startBullmqWorker(config, processor, logger);
  await planning.worker.waitUntilReady();
  const { workerMetricsPort, workerMetricsHost } = config.observability;
  const metricsServer =
    workerMetricsPort === undefined
      ? undefined
      : await serveMetrics(metrics.registry, workerMetricsPort, workerMetricsHost, logger);
  logger.info({ queue: config.queue.name, concurrency: config.queue.concurrency }, "worker ready");
  onShutdown(logger, config.shutdownTimeoutMs, [
    () => planning.close(config.shutdownTimeoutMs),
    () => dataSource.destroy(),
    () => new Promise<void>((ok) => (metricsServer ? metricsServer.close(() => ok()) : ok())),
  ]);
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
