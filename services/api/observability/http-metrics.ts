/**
 * Request latency by route and status. The route is Express's pattern
 * (`/v1/shipments/:id`), never the raw path, so ids do not explode the label set; requests
 * no route matched are `(static)` (dashboard files) or `(unmatched)` (404).
 */
import type { Request, RequestHandler } from "express";
import { Histogram, type Registry } from "prom-client";

function routeOf(req: Request, status: number): string {
  if (req.route?.path !== undefined) return `${req.baseUrl}${String(req.route.path)}`;
  return status === 404 ? "(unmatched)" : "(static)";
}

const NAME = "muatan_http_request_duration_seconds";

/** Several apps on one registry (a test serving the same runtime twice) share the histogram. */
function latencyHistogram(registry: Registry): Histogram {
  const existing = registry.getSingleMetric(NAME);
  if (existing) return existing as Histogram;
  return new Histogram({
    name: NAME,
    help: "HTTP requests by method, route pattern and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
}

export function httpMetrics(registry: Registry): RequestHandler {
  const latency = latencyHistogram(registry);
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // The route is read when the response is written: by 'finish' a router may have reset baseUrl.
    let route: string | undefined;
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      route ??= routeOf(req, res.statusCode);
      return writeHead.apply(this, args);
    } as typeof writeHead;
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      latency.observe(
        { method: req.method, route: route ?? routeOf(req, res.statusCode), status: String(res.statusCode) },
        seconds,
      );
    });
    next();
  };
}
