/**
 * Runs inside a worker thread: the optimiser and the independent checker are CPU-bound,
 * and on the main thread they would starve BullMQ's lock renewal and the HTTP server.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkPlan } from "../shared/core/check/check-plan.js";
import { validateScenario } from "../shared/core/model/validate.js";
import { solve } from "../shared/core/solve.js";
import type { SolveThreadInput, SolveThreadMessage } from "./solve-thread.messages.js";

function post(message: SolveThreadMessage): void {
  parentPort?.postMessage(message);
}

function run(input: SolveThreadInput): void {
  const valid = validateScenario(input.scenario);
  if (!valid.ok) {
    post({ type: "invalid", errors: valid.errors });
    return;
  }
  let lastPercent = -1;
  const plan = solve(valid.scenario, {
    seed: input.seed,
    timeLimitMs: input.timeLimitMs,
    clock: () => performance.now(),
    onProgress: (p) => {
      const percent = Math.max(0, Math.min(99, Math.floor(p.fraction * 100)));
      if (percent !== lastPercent) {
        lastPercent = percent;
        post({ type: "progress", percent });
      }
    },
  });
  const violations = checkPlan(valid.scenario, plan);
  post({ type: "done", plan, violations });
}

try {
  run(workerData as SolveThreadInput);
} catch (error) {
  post({ type: "crashed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
