/**
 * The order removed jobs go back in (SISR): random, heaviest first, farthest from the
 * depots first, or nearest first, drawn with weights 4 : 4 : 2 : 1.
 */
import type { Problem } from "../problem/problem.js";
import type { Random } from "./random.js";

export function sortForInsertion(p: Problem, jobs: number[], rng: Random): void {
  const draw = rng.next() * 11;
  if (draw < 4) {
    rng.shuffle(jobs);
    return;
  }
  const J = p.jobs;
  if (draw < 8) {
    jobs.sort((a, b) => J[b].weightKg - J[a].weightKg || a - b);
    return;
  }
  const n = p.travel.size;
  const depotLoc = p.kinds.length > 0 ? p.kinds[0].loc : 0;
  const dist = (j: number) => p.travel.km[depotLoc * n + J[j].loc];
  if (draw < 10) jobs.sort((a, b) => dist(b) - dist(a) || a - b);
  else jobs.sort((a, b) => dist(a) - dist(b) || a - b);
}
