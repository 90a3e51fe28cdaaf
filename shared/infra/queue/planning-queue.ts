/**
 * What the API needs from the planning queue, whichever runs it: BullMQ on Redis, or
 * in-process when no REDIS_URL is set. Both call the same processor.
 */
import type { JobName, JobRequest, JobStatus } from "../../contracts/jobs.js";

export interface ProcessorJob {
  id: string;
  name: JobName;
  data: unknown;
  /** 1 on the first try. */
  attempt: number;
  reportProgress(percent: number): Promise<void>;
  /** Aborted when a client cancels the job. */
  signal: AbortSignal;
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
  enqueue(request: JobRequest, jobId?: string): Promise<string>;
  status(id: string): Promise<JobStatus | null>;
  /** null when there is no such job; otherwise its status after the cancel. */
  cancel(id: string): Promise<JobStatus | null>;
  health(): Promise<QueueHealth>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}
