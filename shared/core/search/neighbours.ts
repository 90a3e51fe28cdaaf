/** For each job, the other jobs nearest to it (same village first): where ruins spread. */
import type { Problem } from "../problem/problem.js";

export const MAX_NEIGHBOURS = 100;

export function nearestJobs(p: Problem, limit = MAX_NEIGHBOURS): Int32Array[] {
  const n = p.travel.size;
  const km = p.travel.km;
  const count = p.jobs.length;
  const ids = Array.from({ length: count }, (_, i) => i);
  return p.jobs.map((job) => {
    const row = job.loc * n;
    const sorted = ids
      .filter((i) => i !== job.index)
      .sort((a, b) => km[row + p.jobs[a].loc] - km[row + p.jobs[b].loc] || a - b);
    return Int32Array.from([job.index, ...sorted.slice(0, limit - 1)]);
  });
}
