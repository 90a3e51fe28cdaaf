/** Relocate: move one job to another position, in its own route or another. */
import { type Budget, GATE_WORK, moveEstimateWork, TAKE_WORK } from "../search/budget.js";
import { isNear } from "../search/near-places.js";
import { dataOf } from "../search/route-judge.js";
import type { Route, Solution } from "../search/solution.js";
import { firstImproves, judgeFirst, judgeSecond, midBufferA, midBufferB } from "./judge-move.js";
import { km, locAt, PROMISING, perKm } from "./legs.js";
import type { Operator } from "./operator.js";
import { tryReplace } from "./operator.js";

export const relocate: Operator = {
  name: "relocate",
  intraRoute: false,
  improve(sol, a, b, budget, near) {
    const p = sol.p;
    const la = a.jobs.length;
    const lb = b.jobs.length;
    // Each job is checked against b (canTake), each position tried counted as it is tried:
    // on the national week full containers turn away 97 % of the jobs.
    const estimate = moveEstimateWork(p);
    budget.work += la * TAKE_WORK;
    const da = dataOf(p, a, budget);
    const db = dataOf(p, b, budget);
    for (let i = 0; i < la; i++) {
      const job = a.jobs[i];
      if (a !== b && !sol.canTake(b, job)) continue;
      const x = locAt(p, a, i);
      const prev = locAt(p, a, i - 1);
      const next = locAt(p, a, i + 1);
      const gain = perKm(p, a) * (km(p, prev, x) + km(p, x, next) - km(p, prev, next));
      // a without the job is the same trip for every position in b: judged once, when first needed.
      let firstJudged = false;
      for (let k = 0; k <= lb; k++) {
        if (a === b && (k === i || k === i + 1)) continue;
        const bp = locAt(p, b, k - 1);
        const bn = locAt(p, b, k);
        if (near) {
          budget.work += GATE_WORK;
          if (!isNear(near, x, bp) && !isNear(near, x, bn)) continue;
        }
        budget.work += estimate;
        const add = perKm(p, b) * (km(p, bp, x) + km(p, x, bn) - km(p, bp, bn));
        if (add - gain >= PROMISING) continue;
        if (a === b) {
          if (!judgeWithin(sol, a, i, k, budget)) continue;
          const moved = a.jobs.slice();
          moved.splice(i, 1);
          moved.splice(k > i ? k - 1 : k, 0, job);
          if (tryReplace(sol, a, moved, null, null, budget)) return true;
        } else {
          if (!firstJudged) {
            firstJudged = true;
            if (!judgeFirst(sol, a, da, i, midBufferA(0), 0, da, i + 1, budget)) break;
          }
          const mid = midBufferB(1);
          mid[0] = job;
          if (!judgeSecond(sol, a, b, db, k, mid, 1, db, k, budget)) continue;
          const rest = a.jobs.slice();
          rest.splice(i, 1);
          const into = b.jobs.slice();
          into.splice(k, 0, job);
          if (tryReplace(sol, a, rest, b, into, budget)) return true;
        }
      }
    }
    return false;
  },
};

/** The job at i moved to before position k of its own trip: what lies between them is walked. */
function judgeWithin(sol: Solution, a: Route, i: number, k: number, budget: Budget): boolean {
  const d = dataOf(sol.p, a, budget);
  const jobs = a.jobs;
  if (k > i) {
    // a[0..i) + a[i+1..k) + job + a[k..)
    const len = k - i;
    const mid = midBufferA(len);
    for (let q = i + 1; q < k; q++) mid[q - i - 1] = jobs[q];
    mid[len - 1] = jobs[i];
    return judgeFirst(sol, a, d, i, mid, len, d, k, budget) && firstImproves(a);
  }
  // a[0..k) + job + a[k..i) + a[i+1..)
  const len = i - k + 1;
  const mid = midBufferA(len);
  mid[0] = jobs[i];
  for (let q = k; q < i; q++) mid[q - k + 1] = jobs[q];
  return judgeFirst(sol, a, d, k, mid, len, d, i + 1, budget) && firstImproves(a);
}
