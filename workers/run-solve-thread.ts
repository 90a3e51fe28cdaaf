/**
 * Start one solve in a worker thread and wait for it. Aborting terminates the thread:
 * the solver is synchronous, so stopping it from outside is the only way to cancel.
 */
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Plan } from "../shared/core/model/plan.js";
import type { SolveThreadInput, SolveThreadMessage, Violation } from "./solve-thread.messages.js";

export type SolveThreadOutcome =
  | { kind: "plan"; plan: Plan; violations: Violation[] }
  | { kind: "invalid"; errors: { path: string; message: string }[] }
  | { kind: "cancelled" };

/**
 * The thread's entry is TypeScript, and Node 20 ignores `--import` in a worker's
 * execArgv, so the thread starts from a one-line script that loads it through tsx.
 */
const THREAD_ENTRY = join(__dirname, "solve.thread.ts");
const THREAD_BOOT = `require(${JSON.stringify(require.resolve("tsx/cjs/api"))}).require(${JSON.stringify(THREAD_ENTRY)}, ${JSON.stringify(__filename)});`;

export function runSolveThread(
  input: SolveThreadInput,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<SolveThreadOutcome> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      resolve({ kind: "cancelled" });
      return;
    }
    const worker = new Worker(THREAD_BOOT, { eval: true, workerData: input });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const onAbort = () => {
      finish(() => resolve({ kind: "cancelled" }));
      void worker.terminate();
    };
    signal?.addEventListener("abort", onAbort);
    worker.on("message", (m: SolveThreadMessage) => {
      if (m.type === "progress") onProgress(m.percent);
      else if (m.type === "invalid") finish(() => resolve({ kind: "invalid", errors: m.errors }));
      else if (m.type === "done")
        finish(() => resolve({ kind: "plan", plan: m.plan, violations: m.violations }));
      else finish(() => reject(new Error(`solver failed: ${m.message}`)));
    });
    worker.on("error", (error) => finish(() => reject(error)));
    worker.on("exit", (code) => finish(() => reject(new Error(`solver thread exited with code ${code}`))));
  });
}
