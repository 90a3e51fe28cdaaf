/**
 * The real application for end-to-end tests: the service's createApp on a fresh
 * PostgreSQL database, with jobs run in-process through the worker's own processor
 * (the embedded mode's queue), listening on port 0.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import { createApp } from "../../../services/api/app.js";
import { openDataSource } from "../../../shared/infra/db/data-source.js";
import { createLogger } from "../../../shared/infra/logger.js";
import { createPlanProcessor } from "../../../shared/infra/planning/plan.processor.js";
import { createInProcessQueue } from "../../../shared/infra/queue/in-process-queue.js";
import type { PlanningQueue } from "../../../shared/infra/queue/planning-queue.js";
import { createFreshDatabase, type FreshDatabase } from "./fresh-database.js";

export interface RunningApp {
  base: string;
  dataSource: DataSource;
  queue: PlanningQueue;
  stop(): Promise<void>;
}

export async function startApp(options: { timeLimitMs: number; now?: () => Date }): Promise<RunningApp> {
  const db: FreshDatabase = await createFreshDatabase("muatan_e2e");
  const dataSource = await openDataSource({ url: db.url, poolSize: 4 });
  const logger = createLogger("silent", "e2e");
  const processor = createPlanProcessor({ dataSource, logger, maxAttempts: 1, now: options.now });
  const queue = createInProcessQueue(processor, {
    name: "planning-e2e",
    concurrency: 1,
    attempts: 1,
    backoffMs: 0,
  });
  const app = createApp({
    dataSource,
    queue,
    logger,
    database: { kind: "postgresql", location: "127.0.0.1:5432 (e2e)" },
    planning: { timeLimitMs: options.timeLimitMs, seed: 1 },
    now: options.now,
  });
  const server: Server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    dataSource,
    queue,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await queue.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}
