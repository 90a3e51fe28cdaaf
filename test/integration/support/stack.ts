/**
 * The service as tests run it: a fresh database on the real PostgreSQL, the queue on the
 * real Redis (fresh queue name) or in-process, the app on port 0 with a coordinator key.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Config, loadConfig } from "../../../config/load-config.js";
import { createApp } from "../../../services/api/app.js";
import { type Runtime, startRuntime } from "../../../services/api/runtime.js";
import { createLogger } from "../../../shared/infra/logger.js";
import { type Client, serve } from "./http-client.js";
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase, uniqueQueueName } from "./test-database.js";

export interface Stack {
  client: Client;
  runtime: Runtime;
  config: Config;
  /** The test database; for the embedded database, its folder (dropped on close). */
  db: TestDatabase;
  /** The coordinator (bootstrap) key. */
  key: string;
  /** What a worker process needs to join this stack. */
  workerEnv: Record<string, string>;
  close(): Promise<void>;
}

/** A throwaway PGlite folder, shaped like a test database so close() drops it the same way. */
function embeddedTestDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "muatan-embedded-"));
  return {
    name: dir,
    url: "",
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startStack(options: {
  queue: "bullmq" | "in-process";
  name: string;
  env?: Record<string, string>;
  /** "embedded": no DATABASE_URL, PGlite in a temporary DATA_DIR (what `npm start` runs). */
  database?: "postgresql" | "embedded";
}): Promise<Stack> {
  const embedded = options.database === "embedded";
  const db = embedded ? embeddedTestDatabase() : await createTestDatabase();
  const key = `test_${randomBytes(16).toString("hex")}`;
  const env: Record<string, string> = {
    ...(embedded ? { DATA_DIR: db.name } : { DATABASE_URL: db.url }),
    ...(options.queue === "bullmq"
      ? { REDIS_URL: TEST_REDIS_URL, QUEUE_NAME: uniqueQueueName(options.name) }
      : {}),
    PLAN_TIME_LIMIT_SECONDS: "1",
    JOB_BACKOFF_MS: "200",
    DEMO_DATA: "false",
    BOOTSTRAP_API_KEY: key,
    LOG_LEVEL: "silent",
    SHUTDOWN_TIMEOUT_SECONDS: "10",
    ...options.env,
  };
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel, "test");
  const runtime = await startRuntime(config, logger, {
    bootstrapApiKey: key,
    projectRoot: join(__dirname, "../../.."),
  });
  const client = await serve(createApp(runtime.deps));
  return {
    client,
    runtime,
    config,
    db,
    key,
    workerEnv: { ...env, LOG_LEVEL: "info" },
    async close() {
      await client.close();
      await runtime.close();
      await db.drop();
    },
  };
}
