/**
 * The producer side of the `planning` queue on Redis (BullMQ). Retries with exponential
 * backoff; finished jobs kept for a while so clients can read results.
 *
 * A big week is a flow (FlowProducer): the solve or plan job is the parent and each part
 * of the week a child "part" job on the same queue, so any worker takes any part. A part
 * that fails for good does not fail the parent at once (ignoreDependencyOnFailure): the
 * parent runs when every part has finished and fails the run itself, saying which part
 * failed and why, in the same words as any other job (a parent failed by BullMQ alone
 * would leave the planning run's row unwritten).
 */
import { FlowProducer, Job, type JobsOptions, Queue } from "bullmq";
import { Redis } from "ioredis";
import type { JobName, JobRequest, JobState, JobStatus, PartStatus } from "../../contracts/jobs.js";
import type { Logger } from "../logger.js";
import { CANCEL_FLAG_TTL_SECONDS, cancelKey } from "./cancel-flags.js";
import { flowOf, flowProgress, waitingFlowState } from "./flow-status.js";
import type { PlanningQueue, QueueHealth } from "./planning-queue.js";
import { throttledErrorLog } from "./redis-errors.js";

export interface BullmqQueueOptions {
  redisUrl: string;
  name: string;
  prefix: string;
  attempts: number;
  backoffMs: number;
  /** Where Redis connection trouble is reported (throttled). */
  logger?: Logger;
}

/** Health and metrics must answer while Redis is away, not wait for it to come back. */
const PROBE_TIMEOUT_MS = 1500;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, fail) =>
      setTimeout(() => fail(new Error(`Redis did not answer within ${ms} ms`)), ms).unref(),
    ),
  ]);
}

export const redisConnection = (url: string) => ({ url, maxRetriesPerRequest: null });

function mapState(state: string, failedReason: string | undefined, flagged: boolean): JobState {
  if (state === "completed") return "completed";
  if (flagged || failedReason === "cancelled") return "cancelled";
  if (state === "active") return "active";
  if (state === "failed") return "failed";
  return "queued"; // waiting, delayed (a retry's backoff), prioritized, waiting-children
}

/** Errors a processor attached to its failure, when it had field-level ones. */
export function parseFailure(failedReason: string | undefined): { path: string; message: string }[] {
  if (!failedReason) return [];
  try {
    const parsed = JSON.parse(failedReason) as unknown;
    if (Array.isArray(parsed)) return parsed as { path: string; message: string }[];
  } catch {
    // a plain message
  }
  return [{ path: "(job)", message: failedReason }];
}

export function createBullmqQueue(options: BullmqQueueOptions): PlanningQueue {
  const jobOptions: JobsOptions = {
    attempts: options.attempts,
    backoff: { type: "exponential", delay: options.backoffMs },
    removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
  };
  const queue = new Queue(options.name, {
    connection: redisConnection(options.redisUrl),
    prefix: options.prefix,
    defaultJobOptions: jobOptions,
  });
  // A FlowProducer does not apply the queue's default options: each job gets them here.
  const flows = new FlowProducer({ connection: redisConnection(options.redisUrl), prefix: options.prefix });
  // BullMQ 6 keeps its own client private; cancel flags and pings use this one.
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  redis.on("error", throttledErrorLog(options.logger, "redis (queue flags)"));
  queue.on("error", throttledErrorLog(options.logger, "queue"));
  const flagKey = (id: string) => cancelKey(options.prefix, options.name, id);

  async function status(id: string): Promise<JobStatus | null> {
    // State first, then the job: a job that fails between the two reads is read with its
    // reason (the worker writes state and reason in one script); the other order could
    // read "failed" with the reason still missing.
    const rawState = await queue.getJobState(id);
    const job = await Job.fromId(queue, id);
    const flagged = (await redis.exists(flagKey(id))) === 1;
    if (!job) {
      // A job cancelled while waiting is removed; its flag remembers it.
      return flagged ? { id, name: "solve", state: "cancelled", progress: 0 } : null;
    }
    let state = mapState(rawState, job.failedReason, flagged);
    let progress = typeof job.progress === "number" ? job.progress : 0;
    const flow = flowOf(job.data);
    const parts = flow ? await partStatuses(flow.parts) : undefined;
    if (parts && state !== "completed" && state !== "failed" && state !== "cancelled") {
      if (rawState === "waiting-children") state = waitingFlowState(parts);
      progress = flowProgress(progress, parts);
    }
    return {
      id,
      name: job.name as JobName,
      state,
      progress: state === "completed" ? 100 : progress,
      ...(state === "completed" ? { result: job.returnvalue } : {}),
      ...(state === "failed" ? { errors: parseFailure(job.failedReason) } : {}),
      ...(parts ? { parts } : {}),
    };
  }

  async function partStatuses(parts: { id: string; jobId: string }[]): Promise<PartStatus[]> {
    return Promise.all(
      parts.map(async (p) => {
        const rawState = await queue.getJobState(p.jobId);
        const job = await Job.fromId(queue, p.jobId);
        const flagged = (await redis.exists(flagKey(p.jobId))) === 1;
        const state = job ? mapState(rawState, job.failedReason, flagged) : flagged ? "cancelled" : "queued";
        return {
          id: p.id,
          state,
          progress: state === "completed" ? 100 : typeof job?.progress === "number" ? job.progress : 0,
          worker: job?.processedBy ?? null,
        };
      }),
    );
  }

  return {
    kind: "bullmq",
    bullmqQueue: queue,
    async enqueue(request: JobRequest, jobId?: string) {
      const job = await queue.add(request.name, request.data, jobId ? { jobId } : {});
      return job.id!;
    },
    async enqueueFlow(parent, parts, parentId) {
      const node = await flows.add({
        name: parent.name,
        queueName: options.name,
        data: parent.data,
        opts: { ...jobOptions, jobId: parentId },
        children: parts.map((p) => ({
          name: p.request.name,
          queueName: options.name,
          data: p.request.data,
          opts: { ...jobOptions, jobId: p.jobId, ignoreDependencyOnFailure: true },
        })),
      });
      return node.job.id!;
    },
    async parallelism() {
      return Math.max(1, await queue.getWorkersCount().catch(() => 1));
    },
    status,
    async cancel(id) {
      const job = await Job.fromId(queue, id);
      if (!job) return status(id);
      const state = await job.getState();
      if (state === "completed" || state === "failed") return status(id);
      await redis.set(flagKey(id), "1", "EX", CANCEL_FLAG_TTL_SECONDS);
      const flow = flowOf(job.data);
      if (flow) {
        // Every part sees the flag: a running one stops, a waiting one fails at once when
        // taken, and the parent, released when the last part has finished, ends cancelled.
        for (const p of flow.parts) await redis.set(flagKey(p.jobId), "1", "EX", CANCEL_FLAG_TTL_SECONDS);
        return status(id);
      }
      if (state !== "active") {
        // Not started: take it off the queue. A worker that grabs it meanwhile sees the flag.
        await job.remove().catch(() => undefined);
      }
      return status(id);
    },
    async counts() {
      const c = await withTimeout(
        queue.getJobCounts("waiting", "prioritized", "delayed", "active", "completed", "failed"),
        PROBE_TIMEOUT_MS,
      );
      return {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
        delayed: c.delayed ?? 0,
        active: c.active ?? 0,
        completed: c.completed ?? 0,
        failed: c.failed ?? 0,
      };
    },
    async health(): Promise<QueueHealth> {
      try {
        await withTimeout(redis.ping(), PROBE_TIMEOUT_MS);
        const counts = await withTimeout(
          queue.getJobCounts("waiting", "active", "delayed", "failed"),
          PROBE_TIMEOUT_MS,
        );
        const workers = await withTimeout(queue.getWorkersCount(), PROBE_TIMEOUT_MS).catch(() => -1);
        return {
          kind: "bullmq",
          name: options.name,
          ok: true,
          detail: `redis ok; ${workers} worker(s); waiting ${counts.waiting}, active ${counts.active}, delayed ${counts.delayed}, failed ${counts.failed}`,
        };
      } catch (error) {
        return { kind: "bullmq", name: options.name, ok: false, detail: (error as Error).message };
      }
    },
    async close() {
      await flows.close();
      await queue.close();
      redis.disconnect();
    },
  };
}
