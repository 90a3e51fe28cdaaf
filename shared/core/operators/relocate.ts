/** Relocate: move one job to another position, in its own route or another. */
import { calibratedCounts, MOVE_ESTIMATE_WORK, moveEstimateWork } from "../search/budget.js";
import { km, locAt, PROMISING, perKm } from "./legs.js";
import type { Operator } from "./operator.js";
import { tryReplace } from "./operator.js";

export const relocate: Operator = {
  name: "relocate",
  intraRoute: false,
  improve(sol, a, b, budget) {
    const p = sol.p;
    const la = a.jobs.length;
    const lb = b.jobs.length;
    // On a village week only the jobs b can take count their positions: the national week's
    // full containers turned away 97 % of them, and relocate counted 58 % of its units.
    const calibrated = calibratedCounts(p);
    budget.work += calibrated ? MOVE_ESTIMATE_WORK * la * (lb + 1) : la;
    for (let i = 0; i < la; i++) {
      const job = a.jobs[i];
      if (a !== b && !sol.canTake(b, job)) continue;
      if (!calibrated) budget.work += moveEstimateWork(p) * (lb + 1);
      const x = locAt(p, a, i);
      const prev = locAt(p, a, i - 1);
      const next = locAt(p, a, i + 1);
      const gain = perKm(p, a) * (km(p, prev, x) + km(p, x, next) - km(p, prev, next));
      for (let k = 0; k <= lb; k++) {
        if (a === b && (k === i || k === i + 1)) continue;
        const bp = locAt(p, b, k - 1);
        const bn = locAt(p, b, k);
        const add = perKm(p, b) * (km(p, bp, x) + km(p, x, bn) - km(p, bp, bn));
        if (add - gain >= PROMISING) continue;
        if (a === b) {
          const moved = a.jobs.slice();
          moved.splice(i, 1);
          moved.splice(k > i ? k - 1 : k, 0, job);
          if (tryReplace(sol, a, moved, null, null, budget)) return true;
        } else {
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
