/**
 * The order removed jobs go back in (SISR): random, heaviest first, farthest from the
 * depots first, or nearest first, drawn with weights 4 : 4 : 2 : 1.
 */
import type { Problem } from "../problem/problem.js";
import type { Random } from "./random.js";

/** Heaviest job first (ties by index, so the order is reproducible); sorts in place. */
export function sortHeaviestFirst(p: Problem, jobs: number[]): number[] {
  return jobs.sort((a, b) => p.jobs[b].weightKg - p.jobs[a].weightKg || a - b);
}

export function sortForInsertion(p: Problem, jobs: number[], rng: Random): void {
  const draw = rng.next() * 11;
  if (draw < 4) {
    rng.shuffle(jobs);
    return;
  }
  const J = p.jobs;
  if (draw < 8) {
    sortHeaviestFirst(p, jobs);
    return;
  }
  const n = p.travel.size;
  const depotLoc = p.kinds.length > 0 ? p.kinds[0].loc : 0;
  const dist = (j: number) => p.travel.km[depotLoc * n + J[j].loc];
  if (draw < 10) jobs.sort((a, b) => dist(b) - dist(a) || a - b);
  else jobs.sort((a, b) => dist(a) - dist(b) || a - b);
}
