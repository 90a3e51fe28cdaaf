/**
 * SWAP* (Vidal 2022, HGS-CVRP): exchange job x of route a with job y of route b, each
 * reinserted at its best place in the other route, not necessarily where the other was.
 * Plain swap puts each in the other's place; where the routes are near but run apart, the
 * gain is in a different place. Per pair of routes the three cheapest places of every job
 * of a in b (and of b in a) are found once; then a pair (x, y) is judged in O(1): y's best
 * place in a without x is one of the three not next to x, or x's own place.
 * As in HGS-CVRP, moving one job alone to its best place in the other route is judged too:
 * it comes for free with the places, and unlike relocate it is not limited to near legs.
 * The best estimate is built first; tryReplace checks it from scratch.
 */
import type { Budget } from "../search/budget.js";
import { dataOf } from "../search/route-judge.js";
import type { Route, Solution } from "../search/solution.js";
import { judgeFirst, judgeSecond, midBufferA, midBufferB } from "./judge-move.js";
import { km, locAt, PROMISING, perKm } from "./legs.js";
import type { Operator } from "./operator.js";
import { tryReplace } from "./operator.js";

/** Work units of one pair (x, y) judged from the precomputed places: a load test and a few reads. */
const PAIR_WORK = 1;
/** Work units of one place of a job in the other route priced (about 2x EXACT_POSITION_WORK: measured 2026-11-30 against cross-exchange's units, tsx, X-n153-k22 and X-n256-k16). */
const PLACE_WORK = 0.4;
/** Improving estimates built and checked per pair of routes, best first (village weeks refuse some). */
const MAX_TRIES = 4;

/** Three cheapest places (cuts) per job of one route in another, and their added cost. */
class BestPlaces {
  cost = new Float64Array(0);
  cut = new Int32Array(0);

  reset(jobs: number): void {
    if (this.cost.length < 3 * jobs) {
      this.cost = new Float64Array(6 * jobs);
      this.cut = new Int32Array(6 * jobs);
    }
  }
}

const intoB = new BestPlaces();
const intoA = new BestPlaces();
let removeA = new Float64Array(64);
let removeB = new Float64Array(64);
let locsA = new Int32Array(64);
let locsB = new Int32Array(64);

/** For every job of `from`, the three cheapest cuts of `to` (cost Infinity, cut -1 when fewer). */
function fillPlaces(sol: Solution, from: Route, to: Route, out: BestPlaces, budget: Budget): void {
  const p = sol.p;
  const lt = to.jobs.length;
  const rate = perKm(p, to);
  out.reset(from.jobs.length);
  const cost = out.cost;
  const cut = out.cut;
  for (let i = 0; i < from.jobs.length; i++) {
    const x = locAt(p, from, i);
    let c0 = Infinity;
    let c1 = Infinity;
    let c2 = Infinity;
    let k0 = -1;
    let k1 = -1;
    let k2 = -1;
    let prev = locAt(p, to, -1);
    for (let k = 0; k <= lt; k++) {
      const next = locAt(p, to, k);
      const add = rate * (km(p, prev, x) + km(p, x, next) - km(p, prev, next));
      prev = next;
      if (add >= c2) continue;
      if (add >= c1) {
        c2 = add;
        k2 = k;
      } else if (add >= c0) {
        c2 = c1;
        k2 = k1;
        c1 = add;
        k1 = k;
      } else {
        c2 = c1;
        k2 = k1;
        c1 = c0;
        k1 = k0;
        c0 = add;
        k0 = k;
      }
    }
    cost[3 * i] = c0;
    cost[3 * i + 1] = c1;
    cost[3 * i + 2] = c2;
    cut[3 * i] = k0;
    cut[3 * i + 1] = k1;
    cut[3 * i + 2] = k2;
  }
  budget.work += PLACE_WORK * from.jobs.length * (lt + 1);
}

/** What taking each job out of r saves (positive: legs dropped). */
function fillRemovals(sol: Solution, r: Route, out: Float64Array): void {
  const p = sol.p;
  const rate = perKm(p, r);
  for (let i = 0; i < r.jobs.length; i++) {
    const prev = locAt(p, r, i - 1);
    const x = locAt(p, r, i);
    const next = locAt(p, r, i + 1);
    out[i] = rate * (km(p, prev, x) + km(p, x, next) - km(p, prev, next));
  }
}

const best = { cost: 0, cut: 0 };

/**
 * The cheapest place for job i of `from` (at travel location x) in `to` once job k of `to`
 * is out: one of the three best cuts not next to k (cut k is before it, cut k + 1 after
 * it), or k's own place (cut -1 here: in place of k). toLoc[q + 1] is locAt(to, q).
 */
function bestWithout(
  x: number,
  i: number,
  toLoc: Int32Array,
  k: number,
  places: BestPlaces,
  km: Float64Array,
  size: number,
  rate: number,
): void {
  let c = Infinity;
  let at = -1;
  for (let q = 3 * i; q < 3 * i + 3; q++) {
    const cut = places.cut[q];
    if (cut < 0) break;
    if (cut === k || cut === k + 1) continue;
    c = places.cost[q];
    at = cut;
    break;
  }
  const prev = toLoc[k];
  const next = toLoc[k + 2];
  const inPlace = rate * (km[prev * size + x] + km[x * size + next] - km[prev * size + next]);
  if (inPlace <= c) {
    c = inPlace;
    at = -1;
  }
  best.cost = c;
  best.cut = at;
}

/** locAt(r, q) at out[q + 1], q = -1..n. */
function fillLocs(sol: Solution, r: Route, out: Int32Array): void {
  for (let q = -1; q <= r.jobs.length; q++) out[q + 1] = locAt(sol.p, r, q);
}

/** Load of r with job `out` taken out (-1: none) and `inn` put in (-1: none) fits its container. */
function loadFitsSwap(sol: Solution, r: Route, out: number, inn: number): boolean {
  const p = sol.p;
  const kind = p.kinds[r.kind];
  let w = r.weightKg;
  let v = r.volumeM3;
  if (out >= 0) {
    w -= p.jobs[out].weightKg;
    v -= p.jobs[out].volumeM3;
  }
  if (inn >= 0) {
    if (p.jobs[inn].kindOk[r.kind] === 0) return false;
    w += p.jobs[inn].weightKg;
    v += p.jobs[inn].volumeM3;
  }
  return w <= kind.maxWeightKg + 1e-9 && v <= kind.maxVolumeM3 + 1e-9;
}

/**
 * r's jobs with the job at i taken out (-1: none) and `job` put at cut `cut` of the original
 * list (-1: in place of i): written to mid as the part between the unchanged prefix [0, c)
 * and suffix [d, n), returned as [midLen, c, d].
 */
function middle(r: Route, i: number, job: number, cut: number, mid: Int32Array): [number, number, number] {
  const jobs = r.jobs;
  if (job < 0) return [0, i, i + 1];
  if (i < 0) {
    mid[0] = job;
    return [1, cut, cut];
  }
  if (cut < 0) {
    mid[0] = job;
    return [1, i, i + 1];
  }
  if (cut <= i) {
    // [0, cut) + job + [cut, i) + [i + 1, n)
    mid[0] = job;
    for (let q = cut; q < i; q++) mid[q - cut + 1] = jobs[q];
    return [i - cut + 1, cut, i + 1];
  }
  // [0, i) + [i + 1, cut) + job + [cut, n)
  for (let q = i + 1; q < cut; q++) mid[q - i - 1] = jobs[q];
  mid[cut - i - 1] = job;
  return [cut - i, i, cut];
}

function rebuilt(r: Route, c: number, mid: Int32Array, midLen: number, d: number): number[] {
  const out = r.jobs.slice(0, c);
  for (let q = 0; q < midLen; q++) out.push(mid[q]);
  for (let q = d; q < r.jobs.length; q++) out.push(r.jobs[q]);
  return out;
}

/** Candidate moves of one pair: job index in a and in b (-1: none), and where each goes. */
let candI = new Int32Array(64);
let candK = new Int32Array(64);
let candCutA = new Int32Array(64);
let candCutB = new Int32Array(64);
let candDelta = new Float64Array(64);
let candCount = 0;

function addCandidate(delta: number, i: number, k: number, cutA: number, cutB: number): void {
  if (candCount === candI.length) {
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(2 * a.length);
      b.set(a);
      return b;
    };
    candI = grow(candI, (n) => new Int32Array(n));
    candK = grow(candK, (n) => new Int32Array(n));
    candCutA = grow(candCutA, (n) => new Int32Array(n));
    candCutB = grow(candCutB, (n) => new Int32Array(n));
    candDelta = grow(candDelta, (n) => new Float64Array(n));
  }
  candI[candCount] = i;
  candK[candCount] = k;
  candCutA[candCount] = cutA;
  candCutB[candCount] = cutB;
  candDelta[candCount] = delta;
  candCount++;
}

export const swapStar: Operator = {
  name: "swap*",
  intraRoute: false,
  improve(sol, a, b, budget) {
    if (a === b) return false;
    const la = a.jobs.length;
    const lb = b.jobs.length;
    fillPlaces(sol, a, b, intoB, budget);
    fillPlaces(sol, b, a, intoA, budget);
    if (removeA.length < la) removeA = new Float64Array(2 * la);
    if (removeB.length < lb) removeB = new Float64Array(2 * lb);
    fillRemovals(sol, a, removeA);
    fillRemovals(sol, b, removeB);
    if (locsA.length < la + 2) locsA = new Int32Array(2 * la + 2);
    if (locsB.length < lb + 2) locsB = new Int32Array(2 * lb + 2);
    fillLocs(sol, a, locsA);
    fillLocs(sol, b, locsB);
    const table = sol.p.travel.km;
    const size = sol.p.travel.size;
    const rateA = perKm(sol.p, a);
    const rateB = perKm(sol.p, b);
    candCount = 0;
    budget.work += PAIR_WORK * (la * lb + la + lb);
    for (let i = 0; i < la; i++) {
      const x = a.jobs[i];
      for (let k = 0; k < lb; k++) {
        const y = b.jobs[k];
        if (!loadFitsSwap(sol, a, x, y) || !loadFitsSwap(sol, b, y, x)) continue;
        bestWithout(locsA[i + 1], i, locsB, k, intoB, table, size, rateB);
        const addX = best.cost;
        const cutB = best.cut;
        bestWithout(locsB[k + 1], k, locsA, i, intoA, table, size, rateA);
        const delta = addX - removeA[i] + best.cost - removeB[k];
        if (delta < PROMISING) addCandidate(delta, i, k, best.cut, cutB);
      }
    }
    for (let i = 0; i < la; i++) {
      const delta = intoB.cost[3 * i] - removeA[i];
      if (delta < PROMISING && loadFitsSwap(sol, b, -1, a.jobs[i]))
        addCandidate(delta, i, -1, -1, intoB.cut[3 * i]);
    }
    for (let k = 0; k < lb; k++) {
      const delta = intoA.cost[3 * k] - removeB[k];
      if (delta < PROMISING && loadFitsSwap(sol, a, -1, b.jobs[k]))
        addCandidate(delta, -1, k, intoA.cut[3 * k], -1);
    }
    return applyBest(sol, a, b, budget);
  },
};

/** Build and check the improving estimates, best first, until one is applied. */
function applyBest(sol: Solution, a: Route, b: Route, budget: Budget): boolean {
  const p = sol.p;
  for (let t = 0; t < MAX_TRIES && candCount > 0; t++) {
    let at = 0;
    for (let c = 1; c < candCount; c++) if (candDelta[c] < candDelta[at]) at = c;
    const i = candI[at];
    const k = candK[at];
    const cutA = candCutA[at];
    const cutB = candCutB[at];
    candCount--;
    candI[at] = candI[candCount];
    candK[at] = candK[candCount];
    candCutA[at] = candCutA[candCount];
    candCutB[at] = candCutB[candCount];
    candDelta[at] = candDelta[candCount];
    const da = dataOf(p, a, budget);
    const db = dataOf(p, b, budget);
    const y = k >= 0 ? b.jobs[k] : -1;
    const x = i >= 0 ? a.jobs[i] : -1;
    const midA = midBufferA(a.jobs.length + 1);
    const [lenA, ca, dA] = middle(a, i, y, cutA, midA);
    if (!judgeFirst(sol, a, da, ca, midA, lenA, da, dA, budget)) continue;
    const jobsA = rebuilt(a, ca, midA, lenA, dA);
    const midB = midBufferB(b.jobs.length + 1);
    const [lenB, cb, dB] = middle(b, k, x, cutB, midB);
    if (!judgeSecond(sol, a, b, db, cb, midB, lenB, db, dB, budget)) continue;
    const jobsB = rebuilt(b, cb, midB, lenB, dB);
    if (tryReplace(sol, a, jobsA, b, jobsB, budget)) return true;
  }
  return false;
}
