/**
 * What the API needs from the planning queue, whichever runs it: BullMQ on Redis, or
 * in-process when no REDIS_URL is set. Both call the same processor.
 */
import type { Queue } from "bullmq";
import type { JobName, JobRequest, JobStatus, PartResult } from "../../contracts/jobs.js";

/** What a flow's parent finds when it runs: the plans its parts returned, and why the others failed. */
export interface PartOutcomes {
  results: PartResult[];
  failures: { partId: string; errors: { path: string; message: string }[] }[];
}

export interface ProcessorJob {
  id: string;
  name: JobName;
  data: unknown;
  /** 1 on the first try. */
  attempt: number;
  reportProgress(percent: number): Promise<void>;
  /** Aborted when a client cancels the job. */
  signal: AbortSignal;
  /** The process running the job (WORKER_NAME, else hostname:pid), as GET /v1/jobs shows for parts. */
  worker: string;
  /**
   * When the flow `flowId` started (epoch ms): the first of its jobs to ask sets it, every
   * other gets the same instant, so the parts and the merge share one deadline.
   */
  flowStartedAt(flowId: string): Promise<number>;
  /** A flow's parent: what its parts returned (they have all finished when it runs). */
  partOutcomes(): Promise<PartOutcomes>;
}

export type JobProcessor = (job: ProcessorJob) => Promise<unknown>;

/** A failure no retry can fix (bad payload, infeasible plan from the checker, conflict). */
export class PermanentJobError extends Error {
  constructor(
    message: string,
    readonly errors: { path: string; message: string }[] = [{ path: "(job)", message }],
  ) {
    super(message);
    this.name = "PermanentJobError";
  }
}

/** Thrown by a processor that stopped because its job was cancelled. */
export class JobCancelledError extends PermanentJobError {
  constructor() {
    super("cancelled");
    this.name = "JobCancelledError";
  }
}

/**
 * Thrown when the worker shuts down mid-job: not the job's failure. The queue takes the job
 * back without spending an attempt, and the run reads as queued again.
 */
export class JobInterruptedError extends Error {
  constructor() {
    super("the worker shut down mid-job; the job went back to the queue");
    this.name = "JobInterruptedError";
  }
}

/** Thrown when a job's solver was stopped at its hard stop (time limit plus grace). */
export class JobTimeoutError extends PermanentJobError {
  constructor(message: string, errors: { path: string; message: string }[]) {
    super(message, errors);
    this.name = "JobTimeoutError";
  }
}

/** Jobs per state, for the queue-depth metric (BullMQ's state names; the in-process queue's map to them). */
export type QueueCounts = Partial<Record<"waiting" | "delayed" | "active" | "completed" | "failed", number>>;

export interface QueueHealth {
  kind: "bullmq" | "in-process";
  name: string;
  ok: boolean;
  detail?: string;
}

export interface PlanningQueue {
  readonly kind: "bullmq" | "in-process";
  /** The BullMQ queue itself, for its dashboard (bull-board); absent for the in-process queue. */
  readonly bullmqQueue?: Queue;
  enqueue(request: JobRequest, jobId?: string): Promise<string>;
  /**
   * A flow: the parent job waits until every part has finished (planned or failed), then
   * runs with their outcomes. Part job ids are given; the parent's id is `parentId`.
   */
  enqueueFlow(
    parent: JobRequest,
    parts: { jobId: string; request: JobRequest }[],
    parentId: string,
  ): Promise<string>;
  /** How many jobs run at once now (workers x concurrency; the in-process queue's concurrency). */
  parallelism(): Promise<number>;
  status(id: string): Promise<JobStatus | null>;
  /** null when there is no such job; otherwise its status after the cancel. */
  cancel(id: string): Promise<JobStatus | null>;
  health(): Promise<QueueHealth>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}
