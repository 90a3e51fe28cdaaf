/**
 * Stateful planning: a coordinator asks for a region (island) or ports and a horizon;
 * the service builds the Scenario from its open shipments, enqueues it, and the worker
 * stores the Plan with a version (the run's life: shared/infra/planning/planning-runs.ts,
 * including the one-run-per-island rule). Runs are read here; their containers too.
 */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { planListQuerySchema, planRequestSchema } from "../../../shared/contracts/resources.schemas.js";
import { ContainerEntity } from "../../../shared/infra/db/entities/container.entity.js";
import { PlanEntity } from "../../../shared/infra/db/entities/plan.entity.js";
import { PlanningRunEntity } from "../../../shared/infra/db/entities/planning-run.entity.js";
import { AppError, notFound } from "../../../shared/infra/errors.js";
import type { PlanningSettings } from "../../../shared/infra/planning/planning-jobs.js";
import { planningRuns } from "../../../shared/infra/planning/planning-runs.js";
import type { PlanningQueue } from "../../../shared/infra/queue/planning-queue.js";
import { containerRecords } from "../../read-model/container-records.js";
import { idempotent } from "../idempotency.middleware.js";
import { policyOf, principalOf, requireRole } from "../principal.js";
import { parseInput } from "../validate-request.js";

export interface PlansRouterDeps {
  dataSource: DataSource;
  queue: PlanningQueue;
  planning: PlanningSettings;
  now: () => Date;
}

function runView(run: PlanningRunEntity, plan?: PlanEntity | null) {
  const scenario = run.scenario as { shipments?: unknown[] };
  return {
    id: run.id,
    jobId: run.id,
    state: run.state,
    progress: run.progress,
    request: run.request,
    shipments: scenario.shipments?.length ?? 0,
    keptContainers: run.keptContainers,
    /** Stored records left out because the planner cannot use them, each with why. */
    skipped: run.skipped ?? [],
    version: run.planVersion,
    ...(run.errors ? { errors: run.errors } : {}),
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    ...(plan ? { summary: plan.plan.summary, unassigned: plan.plan.unassigned } : {}),
  };
}

export function plansRouter(deps: PlansRouterDeps): Router {
  const router = Router();
  const ds = deps.dataSource;
  const runs = planningRuns(deps);
  router.use("/plans", requireRole("coordinator"));

  router.post("/plans", idempotent(ds), async (req, res) => {
    const request = parseInput(planRequestSchema, req.body);
    const outcome = await runs.create(request, principalOf(res).keyId);
    if (outcome.kind === "conflict") throw new AppError("CONFLICT", 409, outcome.errors);
    res.status(202).location(`/v1/plans/${outcome.run.id}`).json(runView(outcome.run));
  });

  router.get("/plans", async (req, res) => {
    const { limit, offset } = parseInput(planListQuerySchema, req.query);
    const [rows, total] = await ds.getRepository(PlanningRunEntity).findAndCount({
      // the id after the time: runs queued in the same millisecond keep one order across pages
      order: { createdAt: "DESC", id: "DESC" },
      skip: offset,
      take: limit,
    });
    res.json({ items: rows.map((r) => runView(r)), total, limit, offset });
  });

  const findRun = async (id: string) => {
    const run = /^[0-9a-f-]{36}$/i.test(id)
      ? await ds.getRepository(PlanningRunEntity).findOneBy({ id })
      : null;
    if (!run) throw notFound("plan", id);
    return run;
  };

  router.get("/plans/:id", async (req, res) => {
    const run = await findRun(req.params.id);
    const plan =
      run.planVersion !== null
        ? await ds.getRepository(PlanEntity).findOneBy({ version: run.planVersion })
        : null;
    // A run planned as a flow shows its parts, as GET /v1/jobs/{id} does.
    const parts = (await deps.queue.status(run.id).catch(() => null))?.parts;
    res.json({ ...runView(run, plan), ...(parts ? { parts } : {}) });
  });

  router.get("/plans/:id/scenario", async (req, res) => {
    res.json((await findRun(req.params.id)).scenario);
  });

  /** The solver's Plan exactly as stored (the spec's Plan format). */
  router.get("/plans/:id/plan", async (req, res) => {
    const run = await findRun(req.params.id);
    if (run.planVersion === null) throw notFound("plan for run", run.id);
    const plan = await ds.getRepository(PlanEntity).findOneBy({ version: run.planVersion });
    res.json(plan?.plan);
  });

  router.get("/plans/:id/containers", async (req, res) => {
    const run = await findRun(req.params.id);
    if (run.planVersion === null) {
      res.json({ items: [], total: 0 });
      return;
    }
    const rows = await ds
      .getRepository(ContainerEntity)
      .find({ where: { planVersion: run.planVersion }, order: { id: "ASC" } });
    const items = await containerRecords(ds.manager, rows, policyOf(res), deps.now());
    res.json({ items, total: items.length });
  });

  return router;
}
