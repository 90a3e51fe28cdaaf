/**
 * The embedded default: jobs run inside this process through the same processor the
 * BullMQ worker uses (which itself solves on a worker thread). Retries with backoff as
 * BullMQ would; state lives in memory, the plans themselves in the database.
 */
import { randomUUID } from "node:crypto";
import type { JobName, JobRequest, JobState, JobStatus } from "../../contracts/jobs.js";
import {
  JobCancelledError,
  type JobProcessor,
  PermanentJobError,
  type PlanningQueue,
  type QueueHealth,
} from "./planning-queue.js";

interface Entry {
  id: string;
  name: JobName;
  data: unknown;
  state: JobState;
  progress: number;
  result?: unknown;
  errors?: { path: string; message: string }[];
  abort: AbortController;
}

export interface InProcessQueueOptions {
  name: string;
  concurrency: number;
  attempts: number;
  backoffMs: number;
  /** Finished jobs kept for status queries. */
  keepFinished?: number;
}

export function createInProcessQueue(processor: JobProcessor, options: InProcessQueueOptions): PlanningQueue {
  const jobs = new Map<string, Entry>();
  const waiting: Entry[] = [];
  let running = 0;
  let closed = false;
  const idle: (() => void)[] = [];

  const snapshot = (e: Entry): JobStatus => ({
    id: e.id,
    name: e.name,
    // A cancelled job reads as cancelled at once, though its thread may take a moment to stop.
    state: e.abort.signal.aborted && e.state === "active" ? "cancelled" : e.state,
    progress: e.progress,
    ...(e.result !== undefined ? { result: e.result } : {}),
    ...(e.errors ? { errors: e.errors } : {}),
  });

  const forgetOld = () => {
    const keep = options.keepFinished ?? 1000;
    const finished = [...jobs.values()].filter((e) => e.state !== "queued" && e.state !== "active");
    for (const e of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(e.id);
  };

  async function runOne(entry: Entry): Promise<void> {
    for (let attempt = 1; attempt <= options.attempts; attempt++) {
      if (entry.abort.signal.aborted) break;
      entry.state = "active";
      try {
        entry.result = await processor({
          id: entry.id,
          name: entry.name,
          data: entry.data,
          attempt,
          signal: entry.abort.signal,
          reportProgress: async (p) => {
            entry.progress = Math.max(entry.progress, Math.min(100, Math.round(p)));
          },
        });
        entry.state = "completed";
        entry.progress = 100;
        return;
      } catch (error) {
        if (error instanceof JobCancelledError || entry.abort.signal.aborted) break;
        const permanent = error instanceof PermanentJobError;
        entry.errors = permanent
          ? (error as PermanentJobError).errors
          : [{ path: "(job)", message: error instanceof Error ? error.message : String(error) }];
        if (permanent || attempt === options.attempts) {
          entry.state = "failed";
          return;
        }
        entry.state = "queued";
        await new Promise((r) => setTimeout(r, options.backoffMs * 2 ** (attempt - 1)));
      }
    }
    entry.state = "cancelled";
  }

  function pump(): void {
    while (!closed && running < options.concurrency && waiting.length > 0) {
      const entry = waiting.shift()!;
      if (entry.state === "cancelled") continue;
      running++;
      void runOne(entry).finally(() => {
        running--;
        forgetOld();
        if (running === 0 && waiting.length === 0) for (const r of idle.splice(0)) r();
        pump();
      });
    }
  }

  return {
    kind: "in-process",
    async enqueue(request: JobRequest, jobId?: string) {
      if (closed) throw new Error("queue is closed");
      const id = jobId ?? randomUUID();
      const existing = jobs.get(id);
      if (existing) return existing.id;
      const entry: Entry = {
        id,
        name: request.name,
        data: request.data,
        state: "queued",
        progress: 0,
        abort: new AbortController(),
      };
      jobs.set(id, entry);
      waiting.push(entry);
      queueMicrotask(pump);
      return id;
    },
    async status(id) {
      const e = jobs.get(id);
      return e ? snapshot(e) : null;
    },
    async cancel(id) {
      const e = jobs.get(id);
      if (!e) return null;
      if (e.state === "queued" || e.state === "active") {
        e.abort.abort("cancelled");
        if (e.state === "queued") e.state = "cancelled";
      }
      return snapshot(e);
    },
    async counts() {
      const c = { waiting: 0, active: 0, completed: 0, failed: 0 };
      for (const e of jobs.values()) {
        if (e.state === "queued") c.waiting++;
        else if (e.state === "active" || e.state === "completed" || e.state === "failed") c[e.state]++;
      }
      return c;
    },
    async health(): Promise<QueueHealth> {
      return {
        kind: "in-process",
        name: options.name,
        ok: !closed,
        detail: `${running} running, ${waiting.length} waiting`,
      };
    },
    async close() {
      closed = true;
      for (const e of waiting.splice(0)) e.state = "cancelled";
      if (running > 0) await new Promise<void>((r) => idle.push(r));
    },
  };
}
