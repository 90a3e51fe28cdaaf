/** 2-opt*: exchange the tails of two routes (each keeps its depot, takes the other's port leg). */
import { GATE_WORK, moveEstimateWork } from "../search/budget.js";
import { isNear } from "../search/near-places.js";
import { dataOf } from "../search/route-judge.js";
import { judgeFirst, judgeSecond, midBufferA } from "./judge-move.js";
import { km, locAt, PROMISING, perKm } from "./legs.js";
import type { Operator } from "./operator.js";
import { tryReplace } from "./operator.js";

export const twoOptStar: Operator = {
  name: "2-opt*",
  intraRoute: false,
  improve(sol, a, b, budget, near) {
    if (a === b) return false;
    const p = sol.p;
    const la = a.jobs.length;
    const lb = b.jobs.length;
    const estimate = moveEstimateWork(p);
    const da = dataOf(p, a, budget);
    const db = dataOf(p, b, budget);
    const none = midBufferA(0);
    for (let i = 0; i <= la; i++) {
      const ap = locAt(p, a, i - 1);
      const ai = locAt(p, a, i);
      for (let k = 0; k <= lb; k++) {
        if ((i === 0 && k === 0) || (i === la && k === lb)) continue;
        const bp = locAt(p, b, k - 1);
        const bk = locAt(p, b, k);
        if (near) {
          budget.work += GATE_WORK;
          if (!isNear(near, ap, bk) && !isNear(near, bp, ai)) continue;
        }
        budget.work += estimate;
        const delta =
          perKm(p, a) * (km(p, ap, bk) - km(p, ap, ai)) + perKm(p, b) * (km(p, bp, ai) - km(p, bp, bk));
        if (delta >= PROMISING) continue;
        if (!judgeFirst(sol, a, da, i, none, 0, db, k, budget)) continue;
        if (!judgeSecond(sol, a, b, db, k, none, 0, da, i, budget)) continue;
        const ja = [...a.jobs.slice(0, i), ...b.jobs.slice(k)];
        const jb = [...b.jobs.slice(0, k), ...a.jobs.slice(i)];
        if (tryReplace(sol, a, ja, b, jb, budget)) return true;
      }
    }
    return false;
  },
};
