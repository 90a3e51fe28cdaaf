/** Cross-exchange: swap a segment of up to three jobs of one route with one of another. */
import { GATE_WORK, moveEstimateWork } from "../search/budget.js";
import { isNear } from "../search/near-places.js";
import { dataOf } from "../search/route-judge.js";
import { judgeFirst, judgeSecond, midBufferA, midBufferB } from "./judge-move.js";
import { km, locAt, PROMISING, perKm } from "./legs.js";
import type { Operator } from "./operator.js";
import { tryReplace } from "./operator.js";

const MAX_SEGMENT = 3;

export const crossExchange: Operator = {
  name: "cross-exchange",
  intraRoute: false,
  improve(sol, a, b, budget, near) {
    if (a === b) return false;
    const p = sol.p;
    const estimate = moveEstimateWork(p);
    const da = dataOf(p, a, budget);
    const db = dataOf(p, b, budget);
    const midA = midBufferA(MAX_SEGMENT);
    const midB = midBufferB(MAX_SEGMENT);
    for (let sa = 1; sa <= MAX_SEGMENT; sa++) {
      for (let sb = 1; sb <= MAX_SEGMENT; sb++) {
        if (sa === 1 && sb === 1) continue; // that is a swap
        for (let i = 0; i + sa <= a.jobs.length; i++) {
          const ap = locAt(p, a, i - 1);
          const af = locAt(p, a, i);
          const al = locAt(p, a, i + sa - 1);
          const an = locAt(p, a, i + sa);
          for (let k = 0; k + sb <= b.jobs.length; k++) {
            const bp = locAt(p, b, k - 1);
            const bf = locAt(p, b, k);
            const bl = locAt(p, b, k + sb - 1);
            const bn = locAt(p, b, k + sb);
            if (near) {
              budget.work += GATE_WORK;
              if (
                !isNear(near, ap, bf) &&
                !isNear(near, bp, af) &&
                !isNear(near, bl, an) &&
                !isNear(near, al, bn)
              )
                continue;
            }
            budget.work += estimate;
            const delta =
              perKm(p, a) * (km(p, ap, bf) + km(p, bl, an) - km(p, ap, af) - km(p, al, an)) +
              perKm(p, b) * (km(p, bp, af) + km(p, al, bn) - km(p, bp, bf) - km(p, bl, bn));
            if (delta >= PROMISING) continue;
            for (let q = 0; q < sb; q++) midA[q] = b.jobs[k + q];
            for (let q = 0; q < sa; q++) midB[q] = a.jobs[i + q];
            if (!judgeFirst(sol, a, da, i, midA, sb, da, i + sa, budget)) continue;
            if (!judgeSecond(sol, a, b, db, k, midB, sa, db, k + sb, budget)) continue;
            const ja = [...a.jobs.slice(0, i), ...b.jobs.slice(k, k + sb), ...a.jobs.slice(i + sa)];
            const jb = [...b.jobs.slice(0, k), ...a.jobs.slice(i, i + sa), ...b.jobs.slice(k + sb)];
            if (tryReplace(sol, a, ja, b, jb, budget)) return true;
          }
        }
      }
    }
    return false;
  },
};
