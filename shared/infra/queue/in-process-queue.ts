/**
 * The embedded default: jobs run inside this process through the same processor the
 * BullMQ worker uses (which itself solves on a worker thread). Retries with backoff as
 * BullMQ would; state lives in memory, the plans themselves in the database.
 *
 * Flows too, as BullMQ runs them: the parts are ordinary jobs of this queue (taken in
 * order, `concurrency` at a time), the parent waits until every part has finished
 * (planned or failed, like ignoreDependencyOnFailure) and then runs with their outcomes.
 */
import { randomUUID } from "node:crypto";
import type {
  JobName,
  JobRequest,
  JobState,
  JobStatus,
  PartResult,
  PartStatus,
} from "../../contracts/jobs.js";
import { flowOf, flowProgress, waitingFlowState } from "./flow-status.js";
import {
  JobCancelledError,
  type JobProcessor,
  type PartOutcomes,
  PermanentJobError,
  type PlanningQueue,
  type QueueHealth,
} from "./planning-queue.js";
import { workerName } from "./worker-name.js";

interface Entry {
  id: string;
  name: JobName;
  data: unknown;
  state: JobState;
  progress: number;
  result?: unknown;
  errors?: { path: string; message: string }[];
  abort: AbortController;
  /** A flow's parent: its parts' job ids, in order; it runs once they have all finished. */
  parts?: string[];
  /** A part: its parent's id. */
  parentId?: string;
}

export interface InProcessQueueOptions {
  name: string;
  concurrency: number;
  attempts: number;
  backoffMs: number;
  /** What `worker` says for the jobs this process runs; default hostname:pid. */
  workerName?: string;
  /** Finished jobs kept for status queries. */
  keepFinished?: number;
}

const finished = (e: Entry) => e.state !== "queued" && e.state !== "active";

export function createInProcessQueue(processor: JobProcessor, options: InProcessQueueOptions): PlanningQueue {
  const jobs = new Map<string, Entry>();
  const waiting: Entry[] = [];
  const flowStarts = new Map<string, number>();
  const worker = workerName(options.workerName);
  let running = 0;
  let closed = false;
  const idle: (() => void)[] = [];

  // A cancelled job reads as cancelled at once, though its thread may take a moment to stop.
  const stateOf = (e: Entry): JobState =>
    e.abort.signal.aborted && e.state === "active" ? "cancelled" : e.state;

  function partStatuses(parent: Entry): PartStatus[] {
    const names = new Map(flowOf(parent.data)?.parts.map((p) => [p.jobId, p.id]));
    return (parent.parts ?? []).map((id) => {
      const part = jobs.get(id);
      const state = part ? stateOf(part) : "cancelled";
      return {
        id: names.get(id) ?? id,
        state,
        progress: part?.progress ?? 0,
        worker: part && state !== "queued" ? worker : null,
      };
    });
  }

  function snapshot(e: Entry): JobStatus {
    const parts = e.parts ? partStatuses(e) : undefined;
    const waitingForParts = parts !== undefined && e.state === "queued" && !e.abort.signal.aborted;
    return {
      id: e.id,
      name: e.name,
      state: waitingForParts ? waitingFlowState(parts) : stateOf(e),
      progress: parts && !finished(e) ? flowProgress(e.progress, parts) : e.progress,
      ...(e.result !== undefined ? { result: e.result } : {}),
      ...(e.errors ? { errors: e.errors } : {}),
      ...(parts ? { parts } : {}),
    };
  }

  const forgetOld = () => {
    const keep = options.keepFinished ?? 1000;
    // A part stays while its parent may still read it.
    const done = [...jobs.values()].filter(
      (e) => finished(e) && !(e.parentId && jobs.get(e.parentId) && !finished(jobs.get(e.parentId)!)),
    );
    for (const e of done.slice(0, Math.max(0, done.length - keep))) jobs.delete(e.id);
  };

  function partOutcomes(parent: Entry): PartOutcomes {
    const outcomes: PartOutcomes = { results: [], failures: [] };
    const names = new Map(flowOf(parent.data)?.parts.map((p) => [p.jobId, p.id]));
    for (const id of parent.parts ?? []) {
      const part = jobs.get(id);
      if (part?.state === "completed") outcomes.results.push(part.result as PartResult);
      else
        outcomes.failures.push({
          partId: names.get(id) ?? id,
          errors: part?.errors ?? [{ path: "(job)", message: part ? part.state : "the part is gone" }],
        });
    }
    return outcomes;
  }

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
          worker,
          reportProgress: async (p) => {
            entry.progress = Math.max(entry.progress, Math.min(100, Math.round(p)));
          },
          async flowStartedAt(flowId) {
            if (!flowStarts.has(flowId)) flowStarts.set(flowId, Date.now());
            return flowStarts.get(flowId)!;
          },
          partOutcomes: async () => partOutcomes(entry),
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

  /** A part finished: its parent runs once all its parts have. */
  function partFinished(part: Entry): void {
    const parent = part.parentId ? jobs.get(part.parentId) : undefined;
    if (parent?.state !== "queued" || waiting.includes(parent)) return;
    if ((parent.parts ?? []).every((id) => !jobs.has(id) || finished(jobs.get(id)!))) waiting.push(parent);
  }

  function pump(): void {
    while (!closed && running < options.concurrency && waiting.length > 0) {
      const entry = waiting.shift()!;
      if (entry.state === "cancelled") continue;
      running++;
      void runOne(entry).finally(() => {
        running--;
        partFinished(entry);
        forgetOld();
        if (running === 0 && waiting.length === 0) for (const r of idle.splice(0)) r();
        pump();
      });
    }
  }

  function add(request: JobRequest, id: string, extra: Partial<Entry> = {}): Entry {
    const entry: Entry = {
      id,
      name: request.name,
      data: request.data,
      state: "queued",
      progress: 0,
      abort: new AbortController(),
      ...extra,
    };
    jobs.set(id, entry);
    return entry;
  }

  function cancelEntry(e: Entry): void {
    if (finished(e)) return;
    e.abort.abort("cancelled");
    if (e.state === "queued") e.state = "cancelled";
  }

  return {
    kind: "in-process",
    async enqueue(request: JobRequest, jobId?: string) {
      if (closed) throw new Error("queue is closed");
      const id = jobId ?? randomUUID();
      const existing = jobs.get(id);
      if (existing) return existing.id;
      waiting.push(add(request, id));
      queueMicrotask(pump);
      return id;
    },
    async enqueueFlow(parent, parts, parentId) {
      if (closed) throw new Error("queue is closed");
      if (jobs.has(parentId)) return parentId;
      add(parent, parentId, { parts: parts.map((p) => p.jobId) });
      for (const p of parts) waiting.push(add(p.request, p.jobId, { parentId }));
      queueMicrotask(pump);
      return parentId;
    },
    async parallelism() {
      return options.concurrency;
    },
    async status(id) {
      const e = jobs.get(id);
      return e ? snapshot(e) : null;
    },
    async cancel(id) {
      const e = jobs.get(id);
      if (!e) return null;
      for (const part of e.parts ?? []) {
        const p = jobs.get(part);
        if (p) cancelEntry(p);
      }
      cancelEntry(e);
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
