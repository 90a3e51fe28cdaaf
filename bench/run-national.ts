/**
 * The national week through the CLI's own path (issue 8): validateScenario, the week planned
 * in parts on threads and merged (solveOnThreads, as `npm run plan` does), checkPlan. Timed
 * from the scenario in memory to the plan in hand, the way a coordinator waits for it; the
 * peak memory is the bench process's own (its threads included), so run the suite alone.
 */
import { performance } from "node:perf_hooks";
import { checkPlan } from "../shared/core/check/check-plan.js";
import { validateScenario } from "../shared/core/model/validate.js";
import { DEFAULT_THREADS, solveOnThreads } from "../shared/infra/planning/parallel-solve.js";
import type { RunSettings } from "./run-case.js";
import { blankResult, type InstanceResult } from "./score/bench-score.js";
import type { BenchCase } from "./suites/load-suite.js";

export async function runNationalCase(
  c: BenchCase,
  args: RunSettings,
  onFraction: (f: number) => void = () => {},
): Promise<InstanceResult> {
  const result = blankResult(c);
  try {
    const built = c.build();
    result.notes = built.notes;
    const started = performance.now();
    const valid = validateScenario(built.scenario);
    if (!valid.ok) {
      result.error = `invalid scenario: ${valid.errors
        .slice(0, 5)
        .map((e) => `${e.path}: ${e.message}`)
        .join("; ")}`;
      return result;
    }
    const plan = await solveOnThreads(valid.scenario, {
      seed: args.seed,
      timeLimitMs: args.timeLimitS * 1000,
      threads: DEFAULT_THREADS,
      useClock: !args.noClockStop,
      onProgress: (p) => onFraction(p.fraction),
    });
    result.timeS = (performance.now() - started) / 1000;
    result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const violations = checkPlan(valid.scenario, plan);
    result.violations = violations.length;
    result.violationRules = violations.map((v) => v.rule);
    if (violations.length > 0)
      result.notes.push(...violations.slice(0, 5).map((v) => `${v.rule}: ${v.message}`));
    const total = valid.scenario.shipments.reduce((a, s) => a + s.weightKg, 0);
    result.weightAssignedPct = (100 * plan.summary.assignedWeightKg) / total;
    result.containers = plan.summary.containers;
    result.lowerBoundContainers = plan.summary.lowerBoundContainers;
    result.lowerBoundContainersTight = plan.summary.lowerBoundContainersTight;
    result.unassigned = plan.unassigned.length;
    result.unassignedReasons = [...new Set(plan.unassigned.map((u) => u.reason))].map(
      (reason) => `${plan.unassigned.filter((u) => u.reason === reason).length} x ${reason}`,
    );
    result.cost = plan.summary.containers;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}
