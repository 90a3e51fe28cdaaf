/** 2-opt*: exchange the tails of two routes (each keeps its depot, takes the other's port leg). */
import { moveEstimateWork } from "../search/budget.js";
import { km, locAt, PROMISING, perKm } from "./legs.js";
import type { Operator } from "./operator.js";
import { tryReplace } from "./operator.js";

export const twoOptStar: Operator = {
  name: "2-opt*",
  intraRoute: false,
  improve(sol, a, b, budget) {
    if (a === b) return false;
    const p = sol.p;
    const la = a.jobs.length;
    const lb = b.jobs.length;
    budget.work += moveEstimateWork(p) * (la + 1) * (lb + 1);
    for (let i = 0; i <= la; i++) {
      const ap = locAt(p, a, i - 1);
      const ai = locAt(p, a, i);
      for (let k = 0; k <= lb; k++) {
        if ((i === 0 && k === 0) || (i === la && k === lb)) continue;
        const bp = locAt(p, b, k - 1);
        const bk = locAt(p, b, k);
        const delta =
          perKm(p, a) * (km(p, ap, bk) - km(p, ap, ai)) + perKm(p, b) * (km(p, bp, ai) - km(p, bp, bk));
        if (delta >= PROMISING) continue;
        const ja = [...a.jobs.slice(0, i), ...b.jobs.slice(k)];
        const jb = [...b.jobs.slice(0, k), ...a.jobs.slice(i)];
        if (tryReplace(sol, a, ja, b, jb, budget)) return true;
      }
    }
    return false;
  },
};
