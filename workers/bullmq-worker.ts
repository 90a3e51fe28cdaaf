/**
 * Consume the `planning` queue with BullMQ: concurrency from config, progress reported
 * as job progress, permanent failures as UnrecoverableError (no retry), cross-process
 * cancellation through the Redis flag the API sets.
 */
import { type Job, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Config } from "../config/load-config.js";
import { JOB_NAMES, type JobName } from "../shared/contracts/jobs.js";
import type { Logger } from "../shared/infra/logger.js";
import { redisConnection } from "../shared/infra/queue/bullmq-queue.js";
import { cancelKey } from "../shared/infra/queue/cancel-flags.js";
import { type JobProcessor, PermanentJobError } from "../shared/infra/queue/planning-queue.js";

const CANCEL_POLL_MS = 250;

export interface PlanningWorker {
  worker: Worker;
  close(timeoutMs: number): Promise<void>;
}

export function startBullmqWorker(config: Config, processor: JobProcessor, logger: Logger): PlanningWorker {
  const q = config.queue;
  if (!q.redisUrl) throw new Error("REDIS_URL is required for the worker process");
  const redis = new Redis(q.redisUrl, { maxRetriesPerRequest: null });

  const worker = new Worker(
    q.name,
    async (job: Job, _token?: string, signal?: AbortSignal) => {
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
        });
      } catch (error) {
        if (abort.signal.reason === "cancelled") throw new UnrecoverableError("cancelled");
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
      concurrency: q.concurrency,
      lockDuration: q.lockMs,
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
  worker.on("error", (err) => logger.error({ err }, "worker error"));

  return {
    worker,
    async close(timeoutMs: number) {
      // worker.close() waits for running jobs with no limit of its own.
      const graceful = worker.close();
      const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), timeoutMs).unref());
      if ((await Promise.race([graceful, timer])) === "timeout") {
        logger.warn({ timeoutMs }, "running jobs did not finish in time; forcing the worker closed");
        worker.cancelAllJobs("shutdown");
        await worker.close(true);
      }
      redis.disconnect();
    },
  };
}
