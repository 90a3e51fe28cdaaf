/**
 * One benchmark case through the product's path: build the Scenario, validateScenario,
 * solve as `npm run plan` does (solveOnThreads: with one thread, solve() in this thread),
 * checkPlan, then score the plan against the reference. The checker, not the solver's own
 * summary, decides whether a result counts.
 */
import { performance } from "node:perf_hooks";
import { checkPlan } from "../shared/core/check/check-plan.js";
import { validateScenario } from "../shared/core/model/validate.js";
import { solveOnThreads } from "../shared/infra/planning/parallel-solve.js";
import { blankResult, type InstanceResult, scoreCost } from "./score/bench-score.js";
import type { BenchCase } from "./suites/load-suite.js";

export interface RunSettings {
  seed: number;
  timeLimitS: number;
  /** The demo is timed as a coordinator would run it: with the planner's default budget. */
  demoTimeLimitS: number;
  /** Solve on the work budget alone (no clock passed to the solver): reproducible under any load. */
  noClockStop?: boolean;
  /** Threads, as `npm run plan` uses them (a search per thread, the better plan kept); default 1. */
  threads?: number;
  /** A budget of ruin-and-recreate iterations instead of the time limit (one thread, no clock). */
  iterations?: number;
}

/** Never throws: a case that cannot run comes back with `error` set, so one bad file does not end the run. */
export async function runCase(
  c: BenchCase,
  args: RunSettings,
  onFraction: (f: number) => void = () => {},
): Promise<InstanceResult> {
  const result = blankResult(c);
  try {
    const built = c.build();
    result.notes = built.notes;
    const valid = validateScenario(built.scenario);
    if (!valid.ok) {
      result.error = `invalid scenario: ${valid.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`;
      return result;
    }
    const timeLimitS = c.kind === "demo" ? args.demoTimeLimitS : args.timeLimitS;
    // A budget of iterations has no time limit for the clock to enforce (search/budget.ts).
    const clockMayStop = !args.noClockStop && args.iterations === undefined;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const plan = await solveOnThreads(valid.scenario, {
      seed: args.seed,
      timeLimitMs: timeLimitS * 1000,
      threads: args.threads ?? 1,
      useClock: clockMayStop,
      maxIterations: args.iterations,
      onProgress: (p) => onFraction(p.fraction),
    });
    result.timeS = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    result.cpuS = Number(((cpu.user + cpu.system) / 1e6).toFixed(3));
    // The solver's clock ends a run at its limit on a loaded machine (the work budget ends it
    // near 90 % of it on an idle one): such a figure is not the work budget's, so say so.
    if (clockMayStop && result.timeS >= 0.98 * timeLimitS)
      result.notes.push(`clock stop: ran ${result.timeS.toFixed(1)} s of a ${timeLimitS} s limit`);
    const violations = checkPlan(valid.scenario, plan);
    result.violations = violations.length;
    result.violationRules = violations.map((v) => v.rule);
    if (violations.length > 0)
      result.notes.push(...violations.slice(0, 5).map((v) => `${v.rule}: ${v.message}`));
    result.containers = plan.summary.containers;
    result.lowerBoundContainers = plan.summary.lowerBoundContainers;
    result.unassigned = plan.unassigned.length;
    if (plan.summary.boxes !== undefined)
      result.boxes = {
        boxes: plan.summary.boxes,
        lowerBound: plan.summary.lowerBoundBoxes ?? 0,
        freight: plan.summary.freight ?? 0,
      };
    result.unassignedReasons = plan.unassigned.map((u) => `${u.shipment} ${u.reason}`);
    // CVRP: the objective is distance; bin packing: bins; the demo: the plan's cost.
    result.cost =
      c.kind === "cvrp"
        ? plan.summary.distanceKm
        : c.kind === "bpp"
          ? plan.summary.containers
          : plan.summary.cost;
    Object.assign(result, scoreCost(result.cost, c.reference));
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}
