/**
 * Plans on worker threads (parts.thread.ts), for the CLI and the benchmark: `threads` workers,
 * each taking the next task in order when it is done, until none is left. A big week's parts
 * (parallel-solve.ts) and a portfolio's seeds (seed-portfolio.ts) are both such tasks.
 */
import { Worker } from "node:worker_threads";
import type { Plan } from "../../core/model/plan.js";
import type { SharedBest } from "../../core/search/meetings.js";
import type { SolveProgress } from "../../core/solve.js";
import { ensureSolverBundle } from "../solver-bundle/build.cjs";
import type { PartsThreadReply, PartsThreadTask } from "./parts-thread.messages.js";

/** What a portfolio's meetings need to hear from the threads (seed-portfolio.ts). */
export interface ThreadMeetings {
  meet(id: string, index: number, best: SharedBest): void;
  done(id: string): void;
}

/**
 * @param what the tasks' name in an error ("part", "search")
 * @param onProgress each task's latest figures, as its thread reports them
 * @param meetings where tasks' searches meet: told of each arrival and of each task done
 * @returns every task's plan, by task id
 */
export async function planOnThreads(
  tasks: readonly PartsThreadTask[],
  threads: number,
  what: string,
  onProgress: (id: string, progress: SolveProgress) => void,
  meetings?: ThreadMeetings,
): Promise<Map<string, Plan>> {
  // A search waiting at a meeting holds its thread: one still queued behind it would never come.
  if (meetings !== undefined && tasks.length > threads)
    throw new Error(`${tasks.length} ${what} tasks that meet need as many threads, got ${threads}`);
  const queue = [...tasks];
  const plans = new Map<string, Plan>();
  const entry = ensureSolverBundle().file("parts.thread");
  const workers = Array.from({ length: Math.min(threads, queue.length) }, () => new Worker(entry));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const task = queue.shift();
              if (task) worker.postMessage(task, task.port ? [task.port] : []);
              else resolve();
            };
            worker.on("message", (m: PartsThreadReply) => {
              if (m.type === "ready") next();
              else if (m.type === "progress") {
                const { type: _t, id, ...progress } = m;
                onProgress(id, progress);
              } else if (m.type === "meet") meetings?.meet(m.id, m.index, m.best);
              else if (m.type === "done") {
                plans.set(m.id, m.plan);
                meetings?.done(m.id);
                next();
              } else reject(new Error(`${what} ${m.id} failed: ${m.message}`));
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (code !== 0) reject(new Error(`${what} thread exited with code ${code}`));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return plans;
}
