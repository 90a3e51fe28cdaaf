/** Swap: exchange two jobs between two routes. */
import { moveEstimateWork } from "../search/budget.js";
import { km, locAt, PROMISING, perKm } from "./legs.js";
import type { Operator } from "./operator.js";
import { tryReplace } from "./operator.js";

export const swap: Operator = {
  name: "swap",
  intraRoute: false,
  improve(sol, a, b, budget) {
    if (a === b) return false;
    const p = sol.p;
    budget.work += moveEstimateWork(p) * a.jobs.length * b.jobs.length;
    for (let i = 0; i < a.jobs.length; i++) {
      const x = locAt(p, a, i);
      const ap = locAt(p, a, i - 1);
      const an = locAt(p, a, i + 1);
      for (let k = 0; k < b.jobs.length; k++) {
        const y = locAt(p, b, k);
        const bp = locAt(p, b, k - 1);
        const bn = locAt(p, b, k + 1);
        const delta =
          perKm(p, a) * (km(p, ap, y) + km(p, y, an) - km(p, ap, x) - km(p, x, an)) +
          perKm(p, b) * (km(p, bp, x) + km(p, x, bn) - km(p, bp, y) - km(p, y, bn));
        if (delta >= PROMISING) continue;
        const ja = a.jobs.slice();
        const jb = b.jobs.slice();
        [ja[i], jb[k]] = [jb[k], ja[i]];
        if (tryReplace(sol, a, ja, b, jb, budget)) return true;
      }
    }
    return false;
  },
};
