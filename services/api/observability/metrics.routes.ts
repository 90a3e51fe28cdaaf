/**
 * `GET /metrics` in Prometheus' text format: this process's metrics (HTTP latency, jobs it ran
 * in-process, CPU, memory, event loop), the queue's depth by state, and the stored plan's
 * containers against its lower bound.
 *
 * Who may read it: a caller on this machine (loopback, and not forwarded by a proxy) without a
 * key, so a Prometheus or an operator's curl on the host needs no secret; anyone else with a
 * coordinator key (`Authorization: Bearer`, which Prometheus' scrape config sends). Metrics
 * say how busy the service is and how big its plans are: business figures, not for the public.
 * METRICS_OPEN_ON_LOOPBACK=false makes loopback callers show a key too (a proxy on the same
 * host that does not add X-Forwarded-For would otherwise make everyone look local).
 */
import type { NextFunction, Request, Response } from "express";
import { Router } from "express";
import { Gauge, type Registry } from "prom-client";
import type { DataSource } from "typeorm";
import type { PlanningQueue } from "../../../shared/infra/queue/planning-queue.js";
import { authenticate, requireRole } from "../principal.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** On this machine and not relayed: a proxy on the host says so in Forwarded / X-Forwarded-For. */
export function isLocalCaller(req: Request): boolean {
  const address = req.socket.remoteAddress ?? "";
  return LOOPBACK.has(address) && !req.headers.forwarded && !req.headers["x-forwarded-for"];
}

/** Local callers pass; others need a coordinator key. Used by the API's and the worker's /metrics. */
export function metricsAccess(dataSource: DataSource, openOnLoopback: boolean) {
  const auth = authenticate(dataSource);
  const coordinator = requireRole("coordinator");
  return async (req: Request, res: Response, next: NextFunction) => {
    if (openOnLoopback && isLocalCaller(req)) {
      next();
      return;
    }
    await auth(req, res, () => coordinator(req, res, next));
  };
}

/**
 * Gauges read at scrape time: the queue's depth, the stored plan's figures. Once per registry:
 * a second app on the same runtime (tests do that) reads the same queue and database.
 */
export function registerServiceGauges(
  registry: Registry,
  deps: { dataSource: DataSource; queue: PlanningQueue },
) {
  if (registry.getSingleMetric("muatan_queue_jobs")) return;
  new Gauge({
    name: "muatan_queue_jobs",
    help: "Planning jobs in the queue by state (waiting, delayed, active, completed, failed)",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await deps.queue.counts().catch(() => ({}));
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n ?? 0);
    },
  });

  // The plan's JSON can be large: read its summary only when a new version is stored.
  let cached: { version: number; containers: number; lowerBound: number; unassignedKg: number } | undefined;
  const latest = async () => {
    const [row] = (await deps.dataSource.query("SELECT max(version) AS version FROM plan")) as {
      version: number | null;
    }[];
    const version = row?.version === null || row?.version === undefined ? null : Number(row.version);
    if (version === null) return undefined;
    if (cached?.version !== version) {
      const [plan] = (await deps.dataSource.query(
        "SELECT plan->'summary' AS summary FROM plan WHERE version = $1",
        [version],
      )) as { summary: { containers: number; lowerBoundContainers: number; unassignedWeightKg: number } }[];
      if (!plan) return cached;
      const s = typeof plan.summary === "string" ? JSON.parse(plan.summary) : plan.summary;
      cached = {
        version,
        containers: s.containers,
        lowerBound: s.lowerBoundContainers,
        unassignedKg: s.unassignedWeightKg,
      };
    }
    return cached;
  };
  const planGauge = (name: string, help: string, pick: (p: NonNullable<typeof cached>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const p = await latest().catch(() => undefined);
        if (p) this.set(pick(p));
      },
    });
  planGauge("muatan_plan_version", "Version of the latest stored plan", (p) => p.version);
  planGauge("muatan_plan_containers", "Containers in the latest stored plan", (p) => p.containers);
  planGauge(
    "muatan_plan_lower_bound_containers",
    "The planner's lower bound on containers for the load the latest stored plan carries",
    (p) => p.lowerBound,
  );
  planGauge(
    "muatan_plan_unassigned_weight_kg",
    "Weight the latest stored plan could not assign",
    (p) => p.unassignedKg,
  );
}

export function metricsRouter(deps: {
  registry: Registry;
  dataSource: DataSource;
  openOnLoopback: boolean;
}): Router {
  const router = Router();
  router.get("/metrics", metricsAccess(deps.dataSource, deps.openOnLoopback), async (_req, res) => {
    res.set("Content-Type", deps.registry.contentType).send(await deps.registry.metrics());
  });
  return router;
}
