/**
 * What a fresh container carrying one job alone adds to the objective. Insertion asks this
 * for every job it places, once per depot and type. Where the answer can never change
 * during a search (untimed, one endpoint that takes any number of containers: CVRPLIB,
 * bin packing) it is evaluated once per kind and job and kept: evaluating it each time was
 * 5 % of the search on X-n153-k22.
 */
import type { Problem } from "../problem/problem.js";
import { evaluateRoute } from "../search/route-eval.js";

interface Kept {
  fillBonus: number;
  /** [kind * jobs + job]: the objective, Infinity when infeasible, NaN before it is asked. */
  obj: Float64Array;
}

const kept = new WeakMap<Problem, Kept>();

function constant(p: Problem): boolean {
  return p.untimed && p.singleEndpoint && p.endpoints[0].maxContainers === Infinity;
}

/** The objective of a container of `kind` carrying only `job`; Infinity when it cannot. */
export function freshRouteObjective(
  p: Problem,
  kind: number,
  job: number,
  fillBonus: number,
  endpointUse: Int32Array,
): number {
  if (!constant(p)) {
    const ev = evaluateRoute(p, kind, [job], 1, endpointUse, -1, fillBonus);
    return ev.feasible ? ev.obj : Number.POSITIVE_INFINITY;
  }
  let k = kept.get(p);
  if (k === undefined || k.fillBonus !== fillBonus) {
    k = { fillBonus, obj: new Float64Array(p.kinds.length * p.jobs.length).fill(Number.NaN) };
    kept.set(p, k);
  }
  const at = kind * p.jobs.length + job;
  let obj = k.obj[at];
  if (Number.isNaN(obj)) {
    const ev = evaluateRoute(p, kind, [job], 1, null, -1, fillBonus);
    obj = ev.feasible ? ev.obj : Number.POSITIVE_INFINITY;
    k.obj[at] = obj;
  }
  return obj;
}
