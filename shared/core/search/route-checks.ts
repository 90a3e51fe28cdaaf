/** Capacity and compatibility of a whole job list, for moves that rebuild routes. */
import type { Problem } from "../problem/problem.js";
import { INCOMPATIBLE_MASK } from "../rules/handling.js";
import { destinationsFit } from "./box-term.js";

export function loadFits(p: Problem, kindIndex: number, jobs: readonly number[]): boolean {
  const kind = p.kinds[kindIndex];
  let w = 0;
  let v = 0;
  let classes = 0;
  let products: number[] | null = null;
  for (const id of jobs) {
    const j = p.jobs[id];
    if (j.kindOk[kindIndex] === 0) return false;
    w += j.weightKg;
    v += j.volumeM3;
    if ((classes & INCOMPATIBLE_MASK[j.cls]) !== 0) return false;
    classes |= 1 << j.cls;
    if (j.product >= 0) {
      if (products === null) products = [];
      if (!products.includes(j.product)) {
        for (const q of p.productConflicts[j.product]) if (products.includes(q)) return false;
        products.push(j.product);
      }
    }
  }
  if (w > kind.maxWeightKg + 1e-9 || v > kind.maxVolumeM3 + 1e-9) return false;
  return destinationsFit(p, jobs);
}
