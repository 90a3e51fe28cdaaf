/**
 * Solve one job in a worker thread and wait for it. Aborting terminates the thread: the
 * solver is synchronous, so stopping it from outside is the only way to cancel, and the
 * only way to keep a job's hard stop when the solver could not stop itself.
 *
 * Loading the solver's code takes one to two seconds on a busy machine, which a job with
 * a 1 s limit cannot spend: a loaded thread waits for the next job (the spare), and each
 * big job gets a fresh one (a 50,000-shipment job leaves no heap behind). A thread that
 * finished a small job normally becomes the spare itself: a flow's parts follow each other
 * on a worker faster than a new thread loads on a busy machine (2-3 s each, seen with six
 * parts of 60-90 shipments), and their heaps are small.
 */
import { Worker } from "node:worker_threads";
import type { Plan } from "../../core/model/plan.js";
import { ensureSolverBundle } from "../solver-bundle/build.cjs";
import type { JobDeadline, JobPhase } from "./job-deadline.js";
import type {
  SolveThreadInput,
  SolveThreadMessage,
  SolveThreadStart,
  Violation,
} from "./solve-thread.messages.js";

export type SolveThreadOutcome =
  | { kind: "plan"; plan: Plan; violations: Violation[]; solveLimitMs: number }
  | { kind: "invalid"; errors: { path: string; message: string }[] }
  | { kind: "cancelled" }
  /** The hard stop ended the thread; `phase` is where it was. */
  | { kind: "timeout"; phase: JobPhase };

export interface SolveThreadOptions {
  onProgress?: (percent: number) => void;
  onPhase?: (phase: JobPhase) => void;
  signal?: AbortSignal;
  /**
   * The job's hard stop: the thread is terminated at the limit plus the grace if the solver
   * has not handed over its plan. The grace counts from no earlier than the moment the thread
   * had the job (a busy machine may be slow to load it; loading has its own bound,
   * THREAD_LOAD_LIMIT_MS), and once the solver has handed over,
   * the checker gets up to the grace or the limit again, whichever is longer: a plan is never
   * passed on unchecked, and checking is bounded by the plan's size, not a search.
   */
  deadline?: JobDeadline;
}

/**
 * The thread runs the compiled solver (dist/solver/solve.thread.cjs, built on demand from
 * the TypeScript when missing or stale: shared/infra/solver-bundle/build.cjs): under tsx the
 * solver spends about a quarter of its time in tsx's export getters.
 */
let threadEntry: string | undefined;
function solveThreadEntry(): string {
  threadEntry ??= ensureSolverBundle().file("solve.thread");
  return threadEntry;
}

interface SolverThread {
  worker: Worker;
  /** Resolves once the thread has loaded the solver and waits for its job. */
  ready: Promise<void>;
  loaded: boolean;
}

/** Keep a thread that has just finished a job as the spare, unless a loaded spare is already waiting. */
function keepAsSpare(thread: SolverThread): void {
  if (spare?.loaded) {
    void thread.worker.terminate();
    return;
  }
  const loading = spare;
  spare = thread;
  thread.worker.unref();
  void loading?.worker.terminate();
}

function shipmentsOf(input: SolveThreadInput): number {
  const list = (input.scenario as { shipments?: unknown } | null)?.shipments;
  return Array.isArray(list) ? list.length : Number.POSITIVE_INFINITY;
}

let spare: SolverThread | undefined;

/** A thread that finished a job of at most this many shipments is kept for the next job. */
export const REUSE_MAX_SHIPMENTS = 2000;

/** A thread that has not loaded the solver by then is given up (the job is retried). */
export const THREAD_LOAD_LIMIT_MS = 60_000;

function spawnThread(): SolverThread {
  const worker = new Worker(solveThreadEntry());
  let loaded: () => void = () => undefined;
  const ready = new Promise<void>((ok) => {
    loaded = ok;
  });
  const thread: SolverThread = { worker, ready, loaded: false };
  worker.on("message", (m: SolveThreadMessage) => {
    if (m.type !== "ready") return;
    thread.loaded = true;
    loaded();
  });
  const forget = () => {
    if (spare === thread) spare = undefined;
  };
  worker.on("error", forget);
  worker.on("exit", forget);
  // An idle thread must not keep a process alive; a thread with a job is ref'd. (After the
  // listeners: adding a listener to an unref'd worker refs it again.)
  worker.unref();
  return thread;
}

/** Have a loaded thread waiting for the next job: when a worker starts, and after each job. */
export function prewarmSolveThread(): void {
  spare ??= spawnThread();
}

/** Stop the waiting thread (shutdown, tests). */
export async function closeSpareSolveThread(): Promise<void> {
  const thread = spare;
  spare = undefined;
  await thread?.worker.terminate();
}

export function runSolveThread(
  input: SolveThreadInput,
  options: SolveThreadOptions = {},
): Promise<SolveThreadOutcome> {
  const { signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      resolve({ kind: "cancelled" });
      return;
    }
    let phase: JobPhase = "starting";
    options.onPhase?.(phase);
    const thread = spare ?? spawnThread();
    spare = undefined;
    // The next job's thread loads while this one runs, so back-to-back jobs never wait for it;
    // a small job's own thread will be the next one's, and loading another would only take
    // a core from the solve.
    if (shipmentsOf(input) > REUSE_MAX_SHIPMENTS) prewarmSolveThread();
    const { worker } = thread;
    worker.ref();
    let settled = false;
    let hardStop: NodeJS.Timeout | undefined;
    /** `reusable`: the thread answered normally and is free for another job. */
    const finish = (fn: () => void, reusable = false) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      clearTimeout(hardStop);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (reusable && shipmentsOf(input) <= REUSE_MAX_SHIPMENTS) keepAsSpare(thread);
      else void worker.terminate();
      fn();
      prewarmSolveThread();
    };
    const onAbort = () => finish(() => resolve({ kind: "cancelled" }));
    signal?.addEventListener("abort", onAbort);
    const { deadline } = options;
    // Loading the thread is bounded on its own: on a badly overloaded machine it is slow, but it
    // is not the solver failing to stop, so the job's hard stop starts once the thread has the job.
    let stopAt = deadline ? Date.now() + THREAD_LOAD_LIMIT_MS : Infinity;
    const armHardStop = (at: number) => {
      if (!deadline || settled) return;
      stopAt = at;
      clearTimeout(hardStop);
      hardStop = setTimeout(
        () => finish(() => resolve({ kind: "timeout", phase })),
        Math.max(0, at - Date.now()),
      );
    };
    armHardStop(stopAt);
    const onMessage = (m: SolveThreadMessage) => {
      if (m.type === "progress") options.onProgress?.(m.percent);
      else if (m.type === "phase") {
        phase = m.phase;
        options.onPhase?.(m.phase);
        if (m.phase === "checking" && deadline)
          armHardStop(Math.max(stopAt, Date.now() + Math.max(deadline.graceMs, deadline.limitMs)));
      } else if (m.type === "invalid") finish(() => resolve({ kind: "invalid", errors: m.errors }), true);
      else if (m.type === "done")
        finish(
          () =>
            resolve({ kind: "plan", plan: m.plan, violations: m.violations, solveLimitMs: m.solveLimitMs }),
          true,
        );
      else if (m.type === "crashed") finish(() => reject(new Error(`solver failed: ${m.message}`)));
    };
    const onError = (error: Error) => finish(() => reject(error));
    const onExit = (code: number) =>
      finish(() => reject(new Error(`solver thread exited with code ${code}`)));
    worker.on("message", onMessage);
    worker.once("error", onError);
    worker.once("exit", onExit);
    void thread.ready.then(() => {
      if (settled) return;
      worker.postMessage({ type: "start", input } satisfies SolveThreadStart);
      if (deadline) armHardStop(Math.max(deadline.hardStopAt, Date.now() + deadline.graceMs));
    });
  });
}
