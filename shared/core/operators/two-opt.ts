/** 2-opt: reverse a segment of one route, removing two crossing legs. */
import { moveEstimateWork } from "../search/budget.js";
import { dataOf } from "../search/route-judge.js";
import { firstImproves, judgeFirst, midBufferA } from "./judge-move.js";
import { km, locAt, PROMISING } from "./legs.js";
import type { Operator } from "./operator.js";
import { tryReplace } from "./operator.js";

export const twoOpt: Operator = {
  name: "2-opt",
  intraRoute: true,
  improve(sol, a, _b, budget) {
    const p = sol.p;
    const n = a.jobs.length;
    const estimate = moveEstimateWork(p);
    const da = dataOf(p, a, budget);
    for (let i = 0; i < n - 1; i++) {
      const before = locAt(p, a, i - 1);
      const first = locAt(p, a, i);
      for (let k = i + 1; k < n; k++) {
        const last = locAt(p, a, k);
        const after = locAt(p, a, k + 1);
        budget.work += estimate;
        // Symmetric legs inside the segment keep their length when reversed.
        const delta = km(p, before, last) + km(p, first, after) - km(p, before, first) - km(p, last, after);
        if (delta >= PROMISING) continue;
        const len = k - i + 1;
        const mid = midBufferA(len);
        for (let q = 0; q < len; q++) mid[q] = a.jobs[k - q];
        if (!judgeFirst(sol, a, da, i, mid, len, da, k + 1, budget) || !firstImproves(a)) continue;
        const jobs = [...a.jobs.slice(0, i), ...a.jobs.slice(i, k + 1).reverse(), ...a.jobs.slice(k + 1)];
        if (tryReplace(sol, a, jobs, null, null, budget)) return true;
      }
    }
    return false;
  },
};
