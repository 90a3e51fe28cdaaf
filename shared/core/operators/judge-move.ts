/**
 * A move's verdict before anything is built: each new trip is judged from the routes'
 * prefix/suffix data (search/route-judge.ts), the second trip seeing the sailing place the
 * first would take, as tryReplace lets it. `false` means the move is certainly infeasible or
 * not cheaper; `true` means it is worth building and checking with evaluateRoute (judged
 * improving, or beyond what the data can judge). The first trip's verdict is kept, so a move
 * that varies only the second trip judges the first once.
 */
import type { Budget } from "../search/budget.js";
import type { RouteData } from "../search/route-data.js";
import { judged, judgeTrip } from "../search/route-judge.js";
import type { Route, Solution } from "../search/solution.js";
import { IMPROVEMENT_EPS } from "./operator.js";

/** Jobs between a prefix and a suffix, filled by the move; grown on demand, never per move. */
let midA = new Int32Array(64);
let midB = new Int32Array(64);

export function midBufferA(len: number): Int32Array {
  if (midA.length < len) midA = new Int32Array(2 * len);
  return midA;
}

export function midBufferB(len: number): Int32Array {
  if (midB.length < len) midB = new Int32Array(2 * len);
  return midB;
}

/**
 * Work units of one trip judged: about 55 ns on the national week (CPU profile: 3.5 s of
 * judgeTrip for 66M judgements; load, classes, masks, the endpoint scan), plus the explicit
 * jobs walked.
 */
export function judgeWork(midLen: number): number {
  return 1.5 + midLen / 4;
}

const side = { obj: 0, endpoint: -1, sure: false };

/** Judge a's new trip x[0..c) + mid + y[d..); false when it is certainly infeasible. */
export function judgeFirst(
  sol: Solution,
  a: Route,
  x: RouteData,
  c: number,
  mid: Int32Array,
  midLen: number,
  y: RouteData | null,
  d: number,
  budget: Budget,
): boolean {
  budget.work += judgeWork(midLen);
  const obj = judgeTrip(a.kind, x, c, mid, midLen, y, d, sol.endpointUse, a.endpoint, sol.params.fillBonus);
  if (obj === Infinity) return false;
  side.obj = obj;
  side.sure = !Number.isNaN(obj);
  side.endpoint = side.sure ? judged.endpoint : -1;
  return true;
}

/** Worth trying a alone (after judgeFirst): cheaper than a, or not judged. */
export function firstImproves(a: Route): boolean {
  return !side.sure || improves(side.obj, a.obj);
}

/** With a's trip judged by judgeFirst, judge b's x[0..c) + mid + y[d..) and the pair's gain. */
export function judgeSecond(
  sol: Solution,
  a: Route,
  b: Route,
  x: RouteData,
  c: number,
  mid: Int32Array,
  midLen: number,
  y: RouteData | null,
  d: number,
  budget: Budget,
): boolean {
  budget.work += judgeWork(midLen);
  const use = sol.endpointUse;
  // Unsure of a's endpoint: its old place counts as freed, which can only let b in more easily.
  if (a.endpoint >= 0) use[a.endpoint]--;
  if (side.endpoint >= 0) use[side.endpoint]++;
  const obj = judgeTrip(b.kind, x, c, mid, midLen, y, d, use, b.endpoint, sol.params.fillBonus);
  if (side.endpoint >= 0) use[side.endpoint]--;
  if (a.endpoint >= 0) use[a.endpoint]++;
  if (obj === Infinity) return false;
  if (!side.sure || Number.isNaN(obj)) return true;
  return improves(side.obj + obj, a.obj + b.obj);
}

/** tryReplace's acceptance test. */
function improves(after: number, before: number): boolean {
  return after < before - IMPROVEMENT_EPS * Math.max(1, Math.abs(before));
}
