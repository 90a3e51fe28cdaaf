/**
 * Or-opt: move a segment of two or more jobs, as it is or reversed, elsewhere in its own
 * route. Relocate moves one job within a route and 2-opt reverses a segment in place; neither
 * moves neighbouring stops together, which a long route (CVRPLIB P-n76-k4: 19 stops a route)
 * may need to reach its best order. With segments of any length this is the or-3opt family
 * of moves (three legs replaced, no segment reversed in place).
 */
import { moveEstimateWork } from "../search/budget.js";
import { dataOf } from "../search/route-judge.js";
import { firstImproves, judgeFirst, midBufferA } from "./judge-move.js";
import { km, locAt, PROMISING } from "./legs.js";
import type { Operator } from "./operator.js";
import { tryReplace } from "./operator.js";

const MIN_SEGMENT = 2;

/** Or-opt with segments of two jobs up to `maxSegment` (Infinity: any length). */
export const orOpt = (maxSegment: number): Operator => ({
  name: "or-opt",
  intraRoute: true,
  improve(sol, a, _b, budget) {
    const p = sol.p;
    const n = a.jobs.length;
    const estimate = moveEstimateWork(p);
    const da = dataOf(p, a, budget);
    for (let s = MIN_SEGMENT; s <= Math.min(maxSegment, n - 1); s++) {
      for (let i = 0; i + s <= n; i++) {
        const e = i + s - 1;
        const prev = locAt(p, a, i - 1);
        const first = locAt(p, a, i);
        const last = locAt(p, a, e);
        const next = locAt(p, a, e + 1);
        const cut = km(p, prev, next) - km(p, prev, first) - km(p, last, next);
        // Between the stops at j and j + 1 of the route as it is, outside the segment.
        for (let j = -1; j < n; j++) {
          if (j >= i - 1 && j <= e) continue;
          const u = locAt(p, a, j);
          const v = locAt(p, a, j + 1);
          for (let reversed = 0; reversed < 2; reversed++) {
            budget.work += estimate;
            const head = reversed ? last : first;
            const tail = reversed ? first : last;
            if (cut + km(p, u, head) + km(p, tail, v) - km(p, u, v) >= PROMISING) continue;
            // The new trip is x[0..c) + mid + x[d..): judged from the route's own data, built only if promising.
            const c = j > e ? i : j + 1;
            const d = j > e ? j + 1 : e + 1;
            const midLen = d - c;
            const mid = midBufferA(midLen);
            let q = 0;
            if (j > e) for (let k = e + 1; k <= j; k++) mid[q++] = a.jobs[k];
            for (let k = 0; k < s; k++) mid[q++] = a.jobs[reversed ? e - k : i + k];
            if (j < i) for (let k = j + 1; k < i; k++) mid[q++] = a.jobs[k];
            if (!judgeFirst(sol, a, da, c, mid, midLen, da, d, budget) || !firstImproves(a)) continue;
            const jobs = [...a.jobs.slice(0, c), ...mid.subarray(0, midLen), ...a.jobs.slice(d)];
            if (tryReplace(sol, a, jobs, null, null, budget)) return true;
          }
        }
      }
    }
    return false;
  },
});
