/**
 * Top-up: after the search, fill leftover room with whole packages of shipments that are
 * still (partly) unassigned. The search moves fixed pieces; a container with 800 kg free
 * can still take 3 of the 250 kg sacks a 1,000 kg piece is made of. Serving weight comes
 * first in the objective, so each such split is worth its extra stop.
 */
import type { Job } from "../problem/problem.js";
import { sortHeaviestFirst } from "./insertion-order.js";
import { evaluateRoute } from "./route-eval.js";
import type { Solution } from "./solution.js";

function piece(sol: Solution, from: Job, packages: number): Job {
  const p = sol.p;
  const job: Job = {
    ...from,
    index: p.jobs.length,
    packages,
    weightKg: (from.weightKg * packages) / from.packages,
    volumeM3: (from.volumeM3 * packages) / from.packages,
  };
  p.jobs.push(job);
  return job;
}

/** @param late true once the run's time is up: what is not topped up by then stays unassigned */
export function topUp(sol: Solution, late: () => boolean = () => false): void {
  const p = sol.p;
  const leftovers = sortHeaviestFirst(
    p,
    sol.unassigned.filter((id) => p.jobs[id].packages > 1),
  );
  for (const id of leftovers) {
    if (late()) return;
    let rest = p.jobs[id];
    for (const route of [...sol.routes].sort((a, b) => a.weightKg - b.weightKg)) {
      if (rest.packages <= 1) break;
      const kind = p.kinds[route.kind];
      const unitW = rest.weightKg / rest.packages;
      const unitV = rest.volumeM3 / rest.packages;
      const byWeight = Math.floor((kind.maxWeightKg - route.weightKg) / unitW + 1e-9);
      const byVolume = unitV > 0 ? Math.floor((kind.maxVolumeM3 - route.volumeM3) / unitV + 1e-9) : Infinity;
      const fit = Math.min(byWeight, byVolume, rest.packages - 1);
      if (fit < 1) continue;
      const candidate = piece(sol, rest, fit);
      if (!sol.canTake(route, candidate.index)) {
        p.jobs.pop();
        continue;
      }
      let bestPos = -1;
      let bestObj = Infinity;
      for (let pos = 0; pos <= route.jobs.length; pos++) {
        const jobs = [...route.jobs.slice(0, pos), candidate.index, ...route.jobs.slice(pos)];
        const ev = evaluateRoute(
          p,
          route.kind,
          jobs,
          jobs.length,
          sol.endpointUse,
          route.endpoint,
          sol.params.fillBonus,
        );
        if (ev.feasible && ev.obj < bestObj) {
          bestObj = ev.obj;
          bestPos = pos;
        }
      }
      if (bestPos < 0) {
        p.jobs.pop();
        continue;
      }
      sol.insert(route, bestPos, candidate.index);
      const remainder = piece(sol, rest, rest.packages - fit);
      sol.unassigned = sol.unassigned.map((u) => (u === rest.index ? remainder.index : u));
      rest = remainder;
    }
  }
}
