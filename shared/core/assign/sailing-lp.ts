/**
 * Which container takes which sailing, under the sailings' capacities: a transportation
 * problem, solved as an LP with javascript-lp-solver (its constraint matrix is totally
 * unimodular, so the LP optimum is whole). The search chooses sailings greedily, one
 * container at a time; this finds the cheapest assignment of all of them at once.
 */
import solver from "javascript-lp-solver";
import { endpointOptions } from "../search/route-eval.js";
import type { Solution } from "../search/solution.js";

/**
 * Re-assign endpoints when it lowers the cost; returns true when anything changed.
 * @param late true once the run's time is up: the LP is then not started (it cannot be stopped)
 */
export function reassignSailings(sol: Solution, late: () => boolean = () => false): boolean {
  const p = sol.p;
  if (sol.routes.length < 2 || p.endpoints.length < 2) return false;
  if (!p.endpoints.some((e) => e.maxContainers !== Infinity)) return false; // greedy is already optimal per route
  const options = sol.routes.map((r) => endpointOptions(p, r.kind, r.jobs, sol.params.fillBonus));
  // Every container already on its cheapest endpoint: no assignment can cost less, no LP needed.
  const cheapest = (r: number) => Math.min(...options[r].map((o) => o.obj));
  if (sol.routes.every((route, r) => route.obj <= cheapest(r) + 1e-9 * Math.abs(route.obj) + 1e-9))
    return false;
  if (late()) return false;
  const model = {
    optimize: "cost",
    opType: "min" as const,
    constraints: {} as Record<string, { max?: number; equal?: number }>,
    variables: {} as Record<string, Record<string, number>>,
  };
  options.forEach((opts, r) => {
    model.constraints[`r${r}`] = { equal: 1 };
    for (const o of opts)
      model.variables[`x${r}_${o.endpoint}`] = { cost: o.obj, [`r${r}`]: 1, [`e${o.endpoint}`]: 1 };
  });
  for (const e of p.endpoints)
    if (e.maxContainers !== Infinity) model.constraints[`e${e.index}`] = { max: e.maxContainers };
  const result = solver.Solve(model);
  if (!result.feasible) return false;
  const chosen: number[] = [];
  for (let r = 0; r < options.length; r++) {
    const pick = options[r].find((o) => Math.abs((result[`x${r}_${o.endpoint}`] ?? 0) - 1) < 1e-6);
    if (!pick) return false; // fractional: keep the search's assignment
    chosen.push(pick.endpoint);
  }
  const before = sol.cost();
  const after = options.reduce((acc, opts, r) => acc + opts.find((o) => o.endpoint === chosen[r])!.obj, 0);
  if (after >= before - 1e-6) return false;
  sol.routes.forEach((r, i) => {
    const o = options[i].find((x) => x.endpoint === chosen[i])!;
    sol.assignEndpoint(r, o.endpoint, o.km, o.obj);
  });
  return true;
}
