/**
 * Consume the `planning` queue with BullMQ: concurrency from config, progress reported
 * as job progress, permanent failures as UnrecoverableError (no retry), cross-process
 * cancellation through the Redis flag the API sets.
 */
import { type Job, UnrecoverableError, WaitingError, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Config } from "../config/load-config.js";
import { JOB_NAMES, type JobName, type PartResult } from "../shared/contracts/jobs.js";
import type { Logger } from "../shared/infra/logger.js";
import { parseFailure, redisConnection } from "../shared/infra/queue/bullmq-queue.js";
import { cancelKey } from "../shared/infra/queue/cancel-flags.js";
import { flowStartedAt } from "../shared/infra/queue/flow-clock.js";
import { flowOf } from "../shared/infra/queue/flow-status.js";
import {
  JobInterruptedError,
  type JobProcessor,
  type PartOutcomes,
  PermanentJobError,
} from "../shared/infra/queue/planning-queue.js";
import { throttledErrorLog } from "../shared/infra/queue/redis-errors.js";
import { workerName } from "../shared/infra/queue/worker-name.js";

const CANCEL_POLL_MS = 250;
/** After cancelling its jobs at shutdown, how long the worker waits for them to hand themselves back. */
const HAND_BACK_MS = 5000;

export interface PlanningWorker {
  worker: Worker;
  close(timeoutMs: number): Promise<void>;
}

export function startBullmqWorker(config: Config, processor: JobProcessor, logger: Logger): PlanningWorker {
  const q = config.queue;
  if (!q.redisUrl) throw new Error("REDIS_URL is required for the worker process");
  const redis = new Redis(q.redisUrl, { maxRetriesPerRequest: null });
  // While Redis is away ioredis reconnects by itself; say so in the log, not once per retry.
  redis.on("error", throttledErrorLog(logger, "redis (cancel flags)"));
  const name = workerName(q.workerName);

  /** A flow parent's parts, by part id: children keys are `prefix:queue:jobId`. */
  async function partOutcomes(job: Job): Promise<PartOutcomes> {
    const partIds = new Map(flowOf(job.data)?.parts.map((p) => [p.jobId, p.id]));
    const partOf = (key: string) => {
      const jobId = key.slice(key.lastIndexOf(":") + 1);
      return partIds.get(jobId) ?? jobId;
    };
    const values = await job.getChildrenValues<PartResult>();
    const failed = await job.getIgnoredChildrenFailures();
    return {
      results: Object.values(values),
      failures: Object.entries(failed).map(([key, reason]) => ({
        partId: partOf(key),
        errors: parseFailure(reason),
      })),
    };
  }

  const worker = new Worker(
    q.name,
    async (job: Job, token?: string, signal?: AbortSignal) => {
      if (!(JOB_NAMES as readonly string[]).includes(job.name)) {
        throw new UnrecoverableError(`no processor for job "${job.name}"`);
      }
      const abort = new AbortController();
      signal?.addEventListener("abort", () => abort.abort("shutdown"));
      const flag = cancelKey(q.prefix, q.name, job.id!);
      const poll = setInterval(() => {
        redis.exists(flag).then(
          (n) => {
            if (n === 1) abort.abort("cancelled");
          },
          () => undefined,
        );
      }, CANCEL_POLL_MS);
      try {
        if ((await redis.exists(flag)) === 1) throw new UnrecoverableError("cancelled");
        return await processor({
          id: job.id!,
          name: job.name as JobName,
          data: job.data,
          attempt: job.attemptsMade + 1,
          signal: abort.signal,
          reportProgress: (p) => job.updateProgress(Math.max(0, Math.min(100, Math.round(p)))),
          worker: name,
          flowStartedAt: (flowId) => flowStartedAt(redis, q.prefix, q.name, flowId),
          partOutcomes: () => partOutcomes(job),
        });
      } catch (error) {
        if (abort.signal.reason === "cancelled") throw new UnrecoverableError("cancelled");
        if (error instanceof JobInterruptedError) {
          // Shutting down: back to the waiting list for another worker, no attempt spent.
          await job.moveToWait(token);
          throw new WaitingError();
        }
        if (error instanceof PermanentJobError) {
          // Field-level errors travel in failedReason as JSON; the API parses them back.
          throw new UnrecoverableError(
            error.message === "cancelled" ? "cancelled" : JSON.stringify(error.errors),
          );
        }
        throw error;
      } finally {
        clearInterval(poll);
      }
    },
    {
      connection: redisConnection(q.redisUrl),
      prefix: q.prefix,
      // Stored on every job it takes (processedBy): GET /v1/jobs names the worker of each part.
      name,
      concurrency: q.concurrency,
      lockDuration: q.lockMs,
      // A dead worker's job is looked for as often as its lock can expire, not every 30 s.
      stalledInterval: q.lockMs,
    },
  );
  // Every line about a job names it and its planning run (null for a stateless solve).
  const runIdOf = (job?: Job) => (job?.data as { runId?: string } | undefined)?.runId ?? null;
  worker.on("failed", (job, err) =>
    logger.warn(
      { jobId: job?.id, runId: runIdOf(job), job: job?.name, attempt: job?.attemptsMade, err: err.message },
      "job failed",
    ),
  );
  worker.on("completed", (job) =>
    logger.info({ jobId: job.id, runId: runIdOf(job), job: job.name }, "job completed"),
  );
  worker.on("error", throttledErrorLog(logger, "worker"));

  return {
    worker,
    async close(timeoutMs: number) {
      // worker.close() takes no new jobs and waits for running ones, with no limit of its own.
      const graceful = worker.close();
      const within = (ms: number) =>
        Promise.race([
          graceful.then(() => "closed" as const),
          new Promise<"timeout">((r) => setTimeout(() => r("timeout"), ms).unref()),
        ]);
      if ((await within(timeoutMs)) === "timeout") {
        logger.warn({ timeoutMs }, "running jobs did not finish in time; handing them back to the queue");
        // Their solver threads stop, and each job moves itself back to waiting (no attempt spent).
        worker.cancelAllJobs("shutdown");
        if ((await within(HAND_BACK_MS)) === "timeout") await worker.close(true);
      }
      redis.disconnect();
    },
  };
}
