/**
 * The processor of the `planning` queue, shared by the BullMQ worker process and the
 * in-process queue of the embedded mode. The solve and the independent feasibility
 * check run on a worker thread; a plan the checker rejects is never stored or returned.
 *
 * A job keeps its time limit end to end: the deadline starts with the job, the solver
 * gets what is left, progress moves from the first phase on, and a solver still running
 * at the limit plus the grace is terminated and the job fails saying so.
 *
 * A big week runs as a flow (planning-jobs.ts): "part" jobs plan the parts, then the solve
 * or plan job, their parent, merges their plans, checks the whole and returns or stores it
 * like any other plan. The flow keeps the job's limit the same way: its clock starts when
 * its first job starts, every part hands over by PARTS_DEADLINE_SHARE of the limit, the
 * merge by the limit less the reserve for checking and storing, and the hard stop is the
 * limit plus the grace for every job of the flow.
 */
import type { DataSource } from "typeorm";
import {
  type FlowData,
  JOB_SCHEMAS,
  type PartJobData,
  type PartResult,
  type PlanJobData,
  type SolveJobData,
} from "../../contracts/jobs.js";
import { PARTS_DEADLINE_SHARE } from "../../core/decompose/index.js";
import type { Plan } from "../../core/model/plan.js";
import { PlanningRunEntity } from "../db/entities/planning-run.entity.js";
import { type StoreOutcome, storePlan } from "../db/plan.store.js";
import type { Logger } from "../logger.js";
import type { JobMetrics, JobOutcome } from "../metrics.js";
import {
  JobCancelledError,
  JobInterruptedError,
  type JobProcessor,
  JobTimeoutError,
  PermanentJobError,
  type ProcessorJob,
} from "../queue/planning-queue.js";
import { JobDeadline, type JobPhase, PHASE_WORDS } from "./job-deadline.js";
import { prewarmSolveThread, runSolveThread, THREAD_LOAD_LIMIT_MS } from "./run-solve-thread.js";
import type { SolveThreadInput, Violation } from "./solve-thread.messages.js";

/** Default seconds past the limit before a solver that could not stop itself is terminated. */
export const DEFAULT_GRACE_MS = 5000;
/** How often time-based progress is reported while a job runs. */
const PROGRESS_TICK_MS = 500;

export interface PlanProcessorDeps {
  dataSource: DataSource;
  logger: Logger;
  /** Attempts the queue makes, so the last one can mark its run failed. */
  maxAttempts: number;
  now?: () => Date;
  /** Milliseconds past a job's time limit before its solver thread is terminated. */
  graceMs?: number;
  /** Where job durations go (the process's /metrics). */
  metrics?: JobMetrics;
}

function outcomeOf(error: unknown): JobOutcome {
  if (error instanceof JobCancelledError) return "cancelled";
  if (error instanceof JobInterruptedError) return "interrupted";
  if (error instanceof JobTimeoutError) return "timeout";
  if (error instanceof PermanentJobError) return "failed";
  return "error";
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

/**
 * One running job's clock and progress: progress is the share of the limit used (the
 * job is meant to end at its limit), reported at once and every tick, never backwards.
 */
class JobRun {
  phase: JobPhase = "reading";
  /** The last percent reported. */
  reported = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly job: ProcessorJob,
    readonly deadline: JobDeadline,
    readonly log: Logger,
    private readonly onPercent: (p: number) => void,
  ) {
    this.tick();
    this.timer = setInterval(() => this.tick(), PROGRESS_TICK_MS);
    this.timer.unref();
  }

  private tick(): void {
    this.report(Math.max(1, Math.min(99, Math.floor(100 * this.deadline.fraction(Date.now())))));
  }

  report(percent: number): void {
    if (percent <= this.reported) return;
    this.reported = percent;
    this.onPercent(percent);
  }

  enter(phase: JobPhase): void {
    this.phase = phase;
    this.log.debug({ phase, elapsedMs: Date.now() - this.deadline.startedAt }, "job phase");
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** A whole job's solve: the budget and hand-over instant from its own deadline. */
function wholeSolve(
  input: { scenario: unknown; timeLimitMs: number; seed: number },
  deadline: JobDeadline,
  shipments: number,
): SolveThreadInput {
  return {
    scenario: input.scenario,
    timeLimitMs: input.timeLimitMs,
    seed: input.seed,
    solve: { budgetMs: deadline.solveBudgetMs(shipments), by: deadline.solveBy(shipments) },
  };
}

async function solveChecked(
  run: JobRun,
  input: SolveThreadInput,
  shipments: number,
  onProgress?: (percent: number) => void,
): Promise<Plan> {
  const { job, deadline } = run;
  const outcome = await runSolveThread(input, {
    signal: job.signal,
    deadline,
    onPhase: (p) => run.enter(p),
    onProgress,
  });
  if (outcome.kind === "cancelled") {
    // A shutdown is not a cancel: the job goes back to the queue for another worker.
    if (job.signal.reason === "shutdown") throw new JobInterruptedError();
    throw new JobCancelledError();
  }
  if (outcome.kind === "timeout" && outcome.phase === "starting") {
    // Not the job's fault: the machine could not even load the solver. Another try may be luckier.
    throw new Error(
      `the solver's thread did not load within ${THREAD_LOAD_LIMIT_MS / 1000} s (the machine is overloaded)`,
    );
  }
  if (outcome.kind === "timeout") {
    run.log.warn({ phase: outcome.phase, limitMs: deadline.limitMs }, "solver stopped at the hard stop");
    throw new JobTimeoutError(`the job did not finish within its ${deadline.describeLimit()}`, [
      {
        path: "timeLimitSeconds",
        message:
          `the job did not finish within its ${deadline.describeLimit()}: stopped while ` +
          `${PHASE_WORDS[outcome.phase]} (${shipments} shipments). Give it a longer time limit or plan fewer shipments at once.`,
      },
    ]);
  }
  if (outcome.kind === "invalid") throw new PermanentJobError("invalid scenario", outcome.errors);
  if (outcome.violations.length > 0) {
    throw new PermanentJobError("the plan failed the feasibility check", violationErrors(outcome.violations));
  }
  run.log.info(
    {
      solveLimitMs: outcome.solveLimitMs,
      elapsedMs: Date.now() - deadline.startedAt,
      containers: outcome.plan.containers.length,
    },
    "plan solved and checked",
  );
  return outcome.plan;
}

function shipmentCount(scenario: unknown): number {
  const list = (scenario as { shipments?: unknown } | null)?.shipments;
  return Array.isArray(list) ? list.length : 0;
}

/** The store's outcome as the queue understands it: anything but a stored version ends the job for good. */
function storedVersion(outcome: StoreOutcome): number {
  if (outcome.kind === "stored") return outcome.version;
  if (outcome.kind === "cancelled") throw new JobCancelledError();
  throw new PermanentJobError(outcome.kind, outcome.errors);
}

function parse<T>(name: "solve" | "plan" | "part", data: unknown): T {
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
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  const runs = () => deps.dataSource.getRepository(PlanningRunEntity);
  // The first job should not wait for the solver's code to load.
  prewarmSolveThread();

  /**
   * What the thread does for a solve or plan job: search the whole week, or, for a flow's
   * parent, merge its parts' plans (all of them planned; a part that failed fails the job).
   */
  async function threadInput(
    job: ProcessorJob,
    data: { scenario: unknown; timeLimitMs: number; seed: number; flow?: FlowData },
    deadline: JobDeadline,
  ): Promise<SolveThreadInput> {
    const shipments = shipmentCount(data.scenario);
    if (!data.flow) return wholeSolve(data, deadline, shipments);
    const { results, failures } = await job.partOutcomes();
    if (failures.length > 0) {
      const cancelled = failures.every((f) => f.errors.every((e) => e.message === "cancelled"));
      if (cancelled || job.signal.aborted) throw new JobCancelledError();
      throw new PermanentJobError(
        `${failures.length} part(s) of the week could not be planned`,
        failures.flatMap((f) =>
          f.errors.map((e) => ({ path: `parts.${f.partId}.${e.path}`, message: e.message })),
        ),
      );
    }
    const byId = new Map(results.map((r) => [r.partId, r]));
    const missing = data.flow.parts.filter((p) => !byId.has(p.id)).map((p) => p.id);
    if (missing.length > 0)
      throw new PermanentJobError("parts missing", [
        { path: "parts", message: `no plan from part(s) ${missing.join(", ")}` },
      ]);
    return {
      scenario: data.scenario,
      timeLimitMs: data.timeLimitMs,
      seed: data.seed,
      merge: {
        parts: data.flow.parts.map((p) => byId.get(p.id)!),
        budgetMs: data.flow.repairMs,
        by: deadline.solveBy(shipments),
      },
    };
  }

  async function processSolve(job: ProcessorJob, data: SolveJobData, run: JobRun): Promise<SolveJobResult> {
    const input = await threadInput(job, data, run.deadline);
    return { plan: await solveChecked(run, input, shipmentCount(data.scenario)) };
  }

  /** One part of a flow: planned whole with its budget, handed over by the parts' share of the flow's limit. */
  async function processPart(job: ProcessorJob, data: PartJobData, run: JobRun): Promise<PartResult> {
    const { deadline } = run;
    if (data.runId) await markRunActive(data.runId, run.reported);
    const input: SolveThreadInput = {
      scenario: data.scenario,
      timeLimitMs: data.timeLimitMs,
      seed: data.seed,
      solve: { budgetMs: data.budgetMs, by: deadline.startedAt + PARTS_DEADLINE_SHARE * deadline.limitMs },
    };
    const plan = await solveChecked(run, input, shipmentCount(data.scenario), (p) => {
      void job.reportProgress(p).catch(() => undefined);
    });
    return { partId: data.partId, plan };
  }

  /** A run's row while its flow's parts plan: active, its progress the flow's time used (never back). */
  async function markRunActive(runId: string, progress: number): Promise<void> {
    await deps.dataSource
      .query(
        `UPDATE "planning_run" SET "state" = 'active', "progress" = GREATEST("progress", $2), "updatedAt" = now()
          WHERE "id" = $1 AND "state" IN ('queued', 'active')`,
        [runId, progress],
      )
      .catch(() => undefined);
  }

  async function processPlan(job: ProcessorJob, data: PlanJobData, jobRun: JobRun): Promise<PlanJobResult> {
    const run = await runs().findOneBy({ id: data.runId });
    if (!run) throw new PermanentJobError(`planning run ${data.runId} does not exist`);
    if (run.state === "cancelled") throw new JobCancelledError();
    if (run.state === "completed" && run.planVersion !== null)
      return { runId: run.id, version: run.planVersion };
    await runs().update({ id: run.id }, { state: "active", progress: jobRun.reported });
    try {
      const input = await threadInput(
        job,
        { scenario: run.scenario, timeLimitMs: data.timeLimitMs, seed: data.seed, flow: data.flow },
        jobRun.deadline,
      );
      const plan = await solveChecked(jobRun, input, shipmentCount(run.scenario));
      jobRun.enter("storing");
      const version = storedVersion(
        await deps.dataSource.transaction((m) => storePlan(m, run.id, plan, now())),
      );
      jobRun.stop();
      await job.reportProgress(100).catch(() => undefined);
      jobRun.log.info(
        { version, containers: plan.containers.length, elapsedMs: Date.now() - jobRun.deadline.startedAt },
        "plan stored",
      );
      return { runId: run.id, version };
    } catch (error) {
      if (error instanceof JobInterruptedError) {
        // Handed back, not failed: the run waits for the next worker, its attempts untouched.
        await runs()
          .update({ id: run.id, state: "active" }, { state: "queued", progress: 0 })
          .catch((e) => jobRun.log.error({ err: e }, "could not record the hand-back"));
        throw error;
      }
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
        .catch((e) => jobRun.log.error({ err: e }, "could not record the run's failure"));
      throw cancelled ? new JobCancelledError() : error;
    }
  }

  return async (job) => {
    if (job.name !== "solve" && job.name !== "plan" && job.name !== "part")
      throw new PermanentJobError(`no processor for job "${job.name}"`);
    const data = parse<SolveJobData | PlanJobData | PartJobData>(job.name, job.data);
    // The deadline starts now: reading, validating, solving, checking and storing all count.
    // A flow's jobs share one: from when the first of them started.
    const flowId = "flowId" in data ? data.flowId : "flow" in data && data.flow ? job.id : undefined;
    const startedAt = flowId ? await job.flowStartedAt(flowId) : Date.now();
    const deadline = new JobDeadline(data.timeLimitMs, graceMs, startedAt);
    // Stateless solves have no run; the field is there all the same, so every job line has both.
    const runId = "runId" in data ? (data.runId ?? null) : null;
    const log = deps.logger.child({
      jobId: job.id,
      runId,
      attempt: job.attempt,
      job: job.name,
      ...(flowId ? { flowId, worker: job.worker } : {}),
    });
    let lastStored = 0;
    const jobRun = new JobRun(job, deadline, log, (p) => {
      // A part's own progress is its solver's; the flow's time used moves the run.
      if (job.name !== "part") void job.reportProgress(p).catch(() => undefined);
      // The run row is what coordinators poll; every 5 % is enough.
      if (runId && p - lastStored >= 5) {
        lastStored = p;
        void markRunActive(runId, p);
      }
    });
    log.info({ limitMs: deadline.limitMs, graceMs }, "job started");
    let outcome: JobOutcome = "completed";
    try {
      if (job.name === "part") return await processPart(job, data as PartJobData, jobRun);
      return job.name === "solve"
        ? await processSolve(job, data as SolveJobData, jobRun)
        : await processPlan(job, data as PlanJobData, jobRun);
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      jobRun.stop();
      const seconds = (Date.now() - deadline.startedAt) / 1000;
      deps.metrics?.jobFinished(job.name, outcome, seconds);
      log.info({ outcome, elapsedMs: Math.round(seconds * 1000) }, "job ended");
    }
  };
}
