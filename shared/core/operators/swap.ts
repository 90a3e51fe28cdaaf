/** Swap: exchange two jobs between two routes. */
import { GATE_WORK, moveEstimateWork } from "../search/budget.js";
import { isNear } from "../search/near-places.js";
import { dataOf } from "../search/route-judge.js";
import { judgeFirst, judgeSecond, midBufferA, midBufferB } from "./judge-move.js";
import { km, locAt, PROMISING, perKm } from "./legs.js";
import type { Operator } from "./operator.js";
import { tryReplace } from "./operator.js";

export const swap: Operator = {
  name: "swap",
  intraRoute: false,
  improve(sol, a, b, budget, near) {
    if (a === b) return false;
    const p = sol.p;
    const estimate = moveEstimateWork(p);
    const da = dataOf(p, a, budget);
    const db = dataOf(p, b, budget);
    const midA = midBufferA(1);
    const midB = midBufferB(1);
    for (let i = 0; i < a.jobs.length; i++) {
      const x = locAt(p, a, i);
      const ap = locAt(p, a, i - 1);
      const an = locAt(p, a, i + 1);
      for (let k = 0; k < b.jobs.length; k++) {
        const y = locAt(p, b, k);
        // x takes y's place: it gains only near there.
        if (near) {
          budget.work += GATE_WORK;
          if (!isNear(near, x, y)) continue;
        }
        budget.work += estimate;
        const bp = locAt(p, b, k - 1);
        const bn = locAt(p, b, k + 1);
        const delta =
          perKm(p, a) * (km(p, ap, y) + km(p, y, an) - km(p, ap, x) - km(p, x, an)) +
          perKm(p, b) * (km(p, bp, x) + km(p, x, bn) - km(p, bp, y) - km(p, y, bn));
        if (delta >= PROMISING) continue;
        midA[0] = b.jobs[k];
        midB[0] = a.jobs[i];
        if (!judgeFirst(sol, a, da, i, midA, 1, da, i + 1, budget)) continue;
        if (!judgeSecond(sol, a, b, db, k, midB, 1, db, k + 1, budget)) continue;
        const ja = a.jobs.slice();
        const jb = b.jobs.slice();
        [ja[i], jb[k]] = [jb[k], ja[i]];
        if (tryReplace(sol, a, ja, b, jb, budget)) return true;
      }
    }
    return false;
  },
};
