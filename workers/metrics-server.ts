/**
 * The worker's own `/metrics` (job durations by name and outcome, CPU, memory, event loop):
 * jobs run here, not in the API, when Redis is used. No key check: it listens on loopback by
 * default (WORKER_METRICS_HOST), or on a private network interface that Prometheus reaches.
 */
import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";
import type { Logger } from "../shared/infra/logger.js";

export async function serveMetrics(
  registry: Registry,
  port: number,
  host: string,
  logger: Logger,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("only GET /metrics here\n");
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
      (error: unknown) => {
        logger.error({ err: error }, "metrics failed");
        res.writeHead(500, { "content-type": "text/plain" }).end("metrics failed\n");
      },
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok());
  });
  const address = server.address();
  logger.info(
    { metrics: `http://${host}:${typeof address === "object" && address ? address.port : port}/metrics` },
    "worker metrics listening",
  );
  return server;
}
