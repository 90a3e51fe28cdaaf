/**
 * Runs inside a worker thread: the optimiser and the independent checker are CPU-bound,
 * and on the main thread they would starve BullMQ's lock renewal and the HTTP server.
 * The thread loads, says it is ready, and solves each job it is then given: loading
 * takes seconds on a busy machine, so the worker keeps a loaded thread waiting.
 */
import { parentPort } from "node:worker_threads";
import { checkPlan } from "../../core/check/check-plan.js";
import { mergePartPlans } from "../../core/decompose/index.js";
import type { Scenario } from "../../core/model/scenario.js";
import { validateScenario } from "../../core/model/validate.js";
import { solve } from "../../core/solve.js";
import { timeLeftMs } from "./job-deadline.js";
import type { SolveThreadInput, SolveThreadMessage, SolveThreadStart } from "./solve-thread.messages.js";

function post(message: SolveThreadMessage): void {
  parentPort?.postMessage(message);
}

function run(input: SolveThreadInput): void {
  post({ type: "phase", phase: "validating" });
  const valid = validateScenario(input.scenario);
  if (!valid.ok) {
    post({ type: "invalid", errors: valid.errors });
    return;
  }
  if (input.merge) {
    merge(valid.scenario, input);
    return;
  }
  // The job's clock has been running since it started: the solver's work budget comes from
  // the limit (reproducible), and it must hand over by the job's wall-clock `by` whatever happens.
  const limitMs = input.solve?.budgetMs ?? input.timeLimitMs;
  const deadline =
    input.solve === undefined ? undefined : performance.now() + timeLeftMs(input.solve.by, Date.now());
  post({ type: "phase", phase: "solving" });
  let lastPercent = -1;
  const plan = solve(valid.scenario, {
    seed: input.seed,
    timeLimitMs: limitMs,
    deadline,
    clock: () => performance.now(),
    onProgress: (p) => {
      const percent = Math.max(0, Math.min(99, Math.floor(p.fraction * 100)));
      if (percent !== lastPercent) {
        lastPercent = percent;
        post({ type: "progress", percent });
      }
    },
  });
  post({ type: "phase", phase: "checking" });
  const violations = checkPlan(valid.scenario, plan);
  post({ type: "done", plan, violations, solveLimitMs: limitMs });
}

/** A flow's parent: one plan from the parts' plans, repaired across their borders, then checked whole. */
function merge(scenario: Scenario, input: SolveThreadInput): void {
  const { parts, budgetMs, by } = input.merge!;
  post({ type: "phase", phase: "solving" });
  const plan = mergePartPlans(
    scenario,
    parts.map((p) => ({ id: p.partId, plan: p.plan })),
    {
      seed: input.seed,
      timeLimitMs: budgetMs,
      clock: () => performance.now(),
      deadline: performance.now() + timeLeftMs(by, Date.now()),
    },
  );
  post({ type: "phase", phase: "checking" });
  post({ type: "done", plan, violations: checkPlan(scenario, plan), solveLimitMs: budgetMs });
}

// One job at a time; a thread that finished a small job may be given the next one.
parentPort?.on("message", (m: SolveThreadStart) => {
  try {
    run(m.input);
  } catch (error) {
    post({
      type: "crashed",
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
post({ type: "ready" });
