/**
 * The processor of the `planning` queue, shared by the BullMQ worker process and the
 * in-process queue of the embedded mode. The solve and the independent feasibility
 * check run on a worker thread; a plan the checker rejects is never stored or returned.
 */
import type { DataSource } from "typeorm";
import { JOB_SCHEMAS, type PlanJobData, type SolveJobData } from "../shared/contracts/jobs.js";
import type { Plan } from "../shared/core/model/plan.js";
import { PlanningRunEntity } from "../shared/infra/db/entities/planning-run.entity.js";
import { storePlan } from "../shared/infra/db/plan.store.js";
import type { Logger } from "../shared/infra/logger.js";
import {
  JobCancelledError,
  type JobProcessor,
  PermanentJobError,
  type ProcessorJob,
} from "../shared/infra/queue/planning-queue.js";
import { runSolveThread } from "./run-solve-thread.js";
import type { Violation } from "./solve-thread.messages.js";

export interface PlanProcessorDeps {
  dataSource: DataSource;
  logger: Logger;
  /** Attempts the queue makes, so the last one can mark its run failed. */
  maxAttempts: number;
  now?: () => Date;
}

export interface SolveJobResult {
  plan: Plan;
}

export interface PlanJobResult {
  runId: string;
  version: number;
}

function violationErrors(violations: Violation[]) {
  return violations.map((v) => ({
    path: v.container ? `containers.${v.container}` : v.shipment ? `shipments.${v.shipment}` : v.rule,
    message: `${v.rule}: ${v.message}`,
  }));
}

async function solveChecked(
  job: ProcessorJob,
  input: SolveJobData,
  onPercent: (p: number) => void,
): Promise<Plan> {
  const outcome = await runSolveThread(input, onPercent, job.signal);
  if (outcome.kind === "cancelled") {
    // A shutdown is not a cancel: the job goes back to the queue for another try.
    if (job.signal.reason === "shutdown")
      throw new Error("the worker shut down mid-solve; the job will be retried");
    throw new JobCancelledError();
  }
  if (outcome.kind === "invalid") throw new PermanentJobError("invalid scenario", outcome.errors);
  if (outcome.violations.length > 0) {
    throw new PermanentJobError("the plan failed the feasibility check", violationErrors(outcome.violations));
  }
  return outcome.plan;
}

function parse<T>(name: "solve" | "plan", data: unknown): T {
  const parsed = JOB_SCHEMAS[name].safeParse(data);
  if (!parsed.success) {
    throw new PermanentJobError(
      "bad job payload",
      parsed.error.issues.map((i) => ({ path: `(job).${i.path.join(".")}`, message: i.message })),
    );
  }
  return parsed.data as T;
}

export function createPlanProcessor(deps: PlanProcessorDeps): JobProcessor {
  const now = deps.now ?? (() => new Date());
  const runs = () => deps.dataSource.getRepository(PlanningRunEntity);

  async function processSolve(job: ProcessorJob): Promise<SolveJobResult> {
    const data = parse<SolveJobData>("solve", job.data);
    let last = 0;
    const plan = await solveChecked(job, data, (p) => {
      if (p > last) {
        last = p;
        void job.reportProgress(p).catch(() => undefined);
      }
    });
    return { plan };
  }

  async function processPlan(job: ProcessorJob): Promise<PlanJobResult> {
    const data = parse<PlanJobData>("plan", job.data);
    const run = await runs().findOneBy({ id: data.runId });
    if (!run) throw new PermanentJobError(`planning run ${data.runId} does not exist`);
    if (run.state === "cancelled") throw new JobCancelledError();
    if (run.state === "completed" && run.planVersion !== null)
      return { runId: run.id, version: run.planVersion };
    await runs().update({ id: run.id }, { state: "active", progress: 0 });
    let lastStored = 0;
    try {
      const plan = await solveChecked(
        job,
        { scenario: run.scenario, timeLimitMs: data.timeLimitMs, seed: data.seed },
        (p) => {
          void job.reportProgress(p).catch(() => undefined);
          // The run row is what coordinators poll; every 5 % is enough.
          if (p - lastStored >= 5) {
            lastStored = p;
            void runs()
              .update({ id: run.id, state: "active" }, { progress: p })
              .catch(() => undefined);
          }
        },
      );
      const version = await deps.dataSource.transaction((m) => storePlan(m, run.id, plan, now()));
      await job.reportProgress(100).catch(() => undefined);
      deps.logger.info({ runId: run.id, version, containers: plan.containers.length }, "plan stored");
      return { runId: run.id, version };
    } catch (error) {
      const cancelled = error instanceof JobCancelledError;
      const permanent = error instanceof PermanentJobError;
      const last = permanent || cancelled || job.attempt >= deps.maxAttempts;
      const errors = permanent
        ? (error as PermanentJobError).errors
        : [{ path: "(job)", message: error instanceof Error ? error.message : String(error) }];
      await runs()
        .update(
          { id: run.id },
          cancelled
            ? { state: "cancelled", finishedAt: now() }
            : last
              ? { state: "failed", errors, finishedAt: now() }
              : { state: "queued", errors },
        )
        .catch((e) => deps.logger.error({ err: e, runId: run.id }, "could not record the run's failure"));
      throw cancelled ? new JobCancelledError() : error;
    }
  }

  return async (job) => {
    if (job.name === "solve") return processSolve(job);
    if (job.name === "plan") return processPlan(job);
    throw new PermanentJobError(`no processor for job "${job.name}"`);
  };
}
