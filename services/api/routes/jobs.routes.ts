/**
 * Stateless solving, the way routing engines offer it: POST a Scenario, get a job id,
 * poll the job, read the plan. Nothing is stored in the database.
 */
import { randomUUID } from "node:crypto";
import { Router } from "express";
import { type DataSource, IsNull } from "typeorm";
import type { JobStatus } from "../../../shared/contracts/jobs.js";
import { solveQuerySchema } from "../../../shared/contracts/resources.schemas.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { PlanningRunEntity } from "../../../shared/infra/db/entities/planning-run.entity.js";
import { badRequest, conflict, notFound } from "../../../shared/infra/errors.js";
import { type PlanningSettings, submitPlanning } from "../../../shared/infra/planning/planning-jobs.js";
import type { PlanningQueue } from "../../../shared/infra/queue/planning-queue.js";
import { assertJobVisible, recordJobOwner } from "../../read-model/job-access.js";
import { policyOf, principalOf } from "../principal.js";
import { parseInput } from "../validate-request.js";

export interface JobsRouterDeps {
  dataSource: DataSource;
  queue: PlanningQueue;
  planning: PlanningSettings;
  now: () => Date;
}

/** The public shape: `plan` for a finished solve, `result` for a finished planning run. */
export function jobView(s: JobStatus) {
  const result = s.result as { plan?: unknown } | undefined;
  return {
    id: s.id,
    type: s.name,
    state: s.state,
    progress: s.progress,
    ...(s.state === "completed" && s.name === "solve" && result?.plan ? { plan: result.plan } : {}),
    ...(s.state === "completed" && s.name === "plan" ? { result: s.result } : {}),
    ...(s.errors && s.errors.length > 0 && s.state === "failed" ? { errors: s.errors } : {}),
    // A big week planned as a flow: each part, its state and progress, and which worker ran it.
    ...(s.parts ? { parts: s.parts } : {}),
  };
}

export function jobsRouter(deps: JobsRouterDeps): Router {
  const router = Router();

  router.post("/solve", async (req, res) => {
    const q = parseInput(solveQuerySchema, req.query);
    const valid = validateScenario(req.body);
    if (!valid.ok) throw badRequest(valid.errors);
    const jobId = randomUUID();
    await recordJobOwner(deps.dataSource.manager, jobId, principalOf(res).keyId);
    // A big week becomes a flow of parts (planning-jobs.ts); the job id is the same either way.
    const { jobId: id } = await submitPlanning(
      deps.queue,
      {
        name: "solve",
        data: {
          scenario: valid.scenario,
          timeLimitMs:
            q.timeLimitSeconds !== undefined
              ? Math.round(q.timeLimitSeconds * 1000)
              : deps.planning.timeLimitMs,
          seed: q.seed,
        },
      },
      valid.scenario,
      deps.planning,
      jobId,
    );
    res.status(202).location(`/v1/jobs/${id}`).json({ jobId: id });
  });

  router.get("/jobs/:id", async (req, res) => {
    await assertJobVisible(deps.dataSource.manager, policyOf(res), req.params.id);
    const status = await deps.queue.status(req.params.id);
    if (!status) throw notFound("job", req.params.id);
    res.json(jobView(status));
  });

  router.delete("/jobs/:id", async (req, res) => {
    await assertJobVisible(deps.dataSource.manager, policyOf(res), req.params.id);
    const before = await deps.queue.status(req.params.id);
    if (!before) throw notFound("job", req.params.id);
    if (before.state === "completed" || before.state === "failed" || before.state === "cancelled") {
      throw conflict("state", `the job is already ${before.state}`);
    }
    const after = await deps.queue.cancel(req.params.id);
    if (before.name === "plan") {
      // Planning jobs carry their run's id: the run reads as cancelled at once.
      await deps.dataSource
        .getRepository(PlanningRunEntity)
        .update({ id: req.params.id, planVersion: IsNull() }, { state: "cancelled", finishedAt: deps.now() })
        .catch(() => undefined);
    }
    res.json(jobView(after ?? { ...before, state: "cancelled" }));
  });

  return router;
}
