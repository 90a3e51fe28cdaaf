/**
 * Pool exchange (Falkenauer's dominance step for bin packing): while trying to do with one
 * container fewer, swap up to two jobs of a container for up to two left-over jobs that
 * weigh more and still fit. Containers get fuller and the left-over pool gets lighter,
 * until what is left can be inserted somewhere.
 */
import { type Budget, calibratedCounts, evaluationWork, tripWork } from "./budget.js";
import { loadFits } from "./route-checks.js";
import { evaluateRoute } from "./route-eval.js";
import type { Solution } from "./solution.js";

const MAX_ROUNDS = 20;

function subsets(items: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < items.length; i++) {
    out.push([items[i]]);
    for (let k = i + 1; k < items.length; k++) out.push([items[i], items[k]]);
  }
  return out;
}

export function poolExchange(sol: Solution, budget: Budget): void {
  const p = sol.p;
  // On a village week each step counts what it was measured to cost (budget.ts): a pair of
  // subsets compared by weight about half a unit, a candidate built and load-checked about
  // two units a job (96 % fail loadFits), a trip evaluated only when one is. Counted as
  // calibrated for CVRPLIB, this was 54 % of the demo week's units for 31 % of its CPU.
  const calibrated = calibratedCounts(p);
  const weighed = (jobs: number[]) => ({
    jobs,
    weightKg: jobs.reduce((acc, j) => acc + p.jobs[j].weightKg, 0),
  });
  for (let round = 0; round < MAX_ROUNDS && sol.unassigned.length > 0; round++) {
    let improved = false;
    const pool = subsets(sol.unassigned).map(weighed);
    for (let ri = 0; ri < sol.routes.length && !improved; ri++) {
      const r = sol.routes[ri];
      const cap = p.kinds[r.kind].maxWeightKg;
      const outs = subsets(r.jobs).map(weighed);
      budget.work += calibrated ? outs.length * pool.length : outs.length + (outs.length * pool.length) / 2;
      for (const out of outs) {
        for (const into of pool) {
          if (into.weightKg <= out.weightKg + 1e-9 || r.weightKg - out.weightKg + into.weightKg > cap + 1e-9)
            continue;
          const jobs = r.jobs.filter((j) => !out.jobs.includes(j)).concat(into.jobs);
          budget.work += calibrated ? evaluationWork(jobs.length, p.endpoints.length) : 2 * jobs.length;
          if (!loadFits(p, r.kind, jobs)) continue;
          if (!calibrated) budget.work += tripWork(p, jobs.length);
          const ev = evaluateRoute(
            p,
            r.kind,
            jobs,
            jobs.length,
            sol.endpointUse,
            r.endpoint,
            sol.params.fillBonus,
          );
          if (!ev.feasible) continue;
          sol.setJobs(r, jobs);
          sol.unassigned = sol.unassigned.filter((j) => !into.jobs.includes(j)).concat(out.jobs);
          improved = true;
          break;
        }
        if (improved) break;
      }
    }
    if (!improved) return;
  }
}
