/**
 * `npm start`: the API. With no DATABASE_URL and no REDIS_URL it runs everything
 * embedded (PGlite in DATA_DIR, jobs in-process) and loads the demo week into an empty
 * database, then prints the URL and a coordinator key.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join, resolve } from "node:path";
import { type Config, ConfigError, loadConfig } from "../../config/load-config.js";
import { generateApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { createLogger } from "../../shared/infra/logger.js";
import { onShutdown } from "../../shared/infra/shutdown.js";
import { createApp } from "./app.js";
import { startRuntime } from "./runtime.js";

const PROJECT_ROOT = resolve(__dirname, "../..");

/** BOOTSTRAP_API_KEY, or a key generated once and kept beside the data (so restarts print the same one). */
function bootstrapKey(config: Config): { key: string; source: string } {
  if (config.auth.bootstrapApiKey) return { key: config.auth.bootstrapApiKey, source: "BOOTSTRAP_API_KEY" };
  const dir = resolve(config.database.dataDir);
  const file = join(dir, "bootstrap-api-key");
  if (existsSync(file)) return { key: readFileSync(file, "utf8").trim(), source: file };
  mkdirSync(dir, { recursive: true });
  const key = generateApiKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, source: `${file} (generated)` };
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel, "muatan-api");
  const { key, source } = bootstrapKey(config);
  const runtime = await startRuntime(config, logger, { bootstrapApiKey: key, projectRoot: PROJECT_ROOT });
  const app = createApp(runtime.deps);
  const server: Server = await new Promise((ok) => {
    const s = app.listen(config.http.port, config.http.host, () => ok(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.http.port;
  const shownHost = config.http.host === "0.0.0.0" ? "localhost" : config.http.host;
  const url = config.http.publicUrl ?? `http://${shownHost}:${port}`;
  const { database, queue } = runtime.deps;
  process.stdout.write(
    [
      "",
      `Muatan is running at ${url}`,
      `  API docs     ${url}/docs`,
      `  health       ${url}/health`,
      `  database     ${database.kind} (${database.location})`,
      `  queue        ${queue.kind === "bullmq" ? `BullMQ on Redis, queue "${config.queue.name}"` : "in-process (no REDIS_URL)"}`,
      runtime.demoLoaded ? `  demo data    loaded from ${runtime.demoLoaded}` : "",
      `  API key      ${key}   (coordinator; from ${source})`,
      `  try          curl -H "Authorization: Bearer ${key}" ${url}/v1/shipments`,
      "",
    ]
      .filter((l) => l !== "")
      .join("\n") + "\n",
  );
  onShutdown(logger, config.shutdownTimeoutMs, [
    () => new Promise<void>((ok) => server.close(() => ok())),
    () => runtime.close(),
  ]);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
