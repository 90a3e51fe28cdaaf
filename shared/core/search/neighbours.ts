/**
 * For each job, the other jobs nearest to it (same village first): where ruins spread.
 * Jobs at one place share one ordering, so the work grows with places squared, not jobs
 * squared (a part of a national week has ten times more jobs than villages). The order is
 * the same as sorting every job by (km, index).
 */
import type { Problem } from "../problem/problem.js";

export const MAX_NEIGHBOURS = 100;

export function nearestJobs(p: Problem, limit = MAX_NEIGHBOURS): Int32Array[] {
  const n = p.travel.size;
  const km = p.travel.km;
  const atLoc = new Map<number, number[]>();
  for (const job of p.jobs) {
    const list = atLoc.get(job.loc);
    if (list) list.push(job.index);
    else atLoc.set(job.loc, [job.index]);
  }
  const locs = [...atLoc.keys()];
  const firstJobs = new Map<number, number[]>();
  // The first `limit` jobs by (km from loc, index): places in order of distance, equal distances merged.
  const nearestFrom = (loc: number): number[] => {
    const row = loc * n;
    const byKm = [...locs].sort((a, b) => km[row + a] - km[row + b]);
    const out: number[] = [];
    for (let i = 0; i < byKm.length && out.length < limit; ) {
      const d = km[row + byKm[i]];
      const tied: number[] = [];
      for (; i < byKm.length && km[row + byKm[i]] === d; i++) tied.push(...atLoc.get(byKm[i])!);
      if (tied.length > 1) tied.sort((a, b) => a - b);
      for (const j of tied) {
        if (out.length >= limit) break;
        out.push(j);
      }
    }
    return out;
  };
  return p.jobs.map((job) => {
    let first = firstJobs.get(job.loc);
    if (!first) {
      first = nearestFrom(job.loc);
      firstJobs.set(job.loc, first);
    }
    const out = [job.index];
    for (const j of first) if (j !== job.index && out.length < limit) out.push(j);
    return Int32Array.from(out);
  });
}
