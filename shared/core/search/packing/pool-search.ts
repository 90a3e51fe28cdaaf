/**
 * One bin fewer by a tabu search on a partial packing (after Buljubasic & Vasquez's
 * consistent neighbourhood search for bin packing). From m bins, three are emptied into a
 * pool, leaving m - 3 full ones; a move trades up to three pooled items for up to two items
 * of one bin so that the bin gets as full as possible, and the pool's weight is what the
 * search minimises. It succeeds once the pool fits into two bins: m - 1 in all. An attempt
 * that stops making the pool lighter gives up, and the caller starts another.
 *
 * Why this and not ruin and recreate: near the bound almost every bin is full to a few units,
 * and the moves that matter are exchanges of items of slightly different size between a full
 * bin and the leftovers; recreating a handful of bins rarely finds them among 200.
 */
import type { Budget } from "../budget.js";
import type { Random } from "../random.js";
import { splitIntoTwo } from "./two-bin-split.js";

/**
 * Iterations an item that entered a bin stays there: least, and random extra. Measured from
 * best fit decreasing (2 s of work, seed 1): 3 + 0..9 left u250_07 and u250_15 one bin above
 * the optimum, 8 + 0..14 solved all of u250, u500 and u1000 (5 + 0..19: u500 19 of 20).
 */
const TENURE_MIN = 8;
const TENURE_SPREAD = 15;

/**
 * Iterations without a lighter pool after which an attempt gives up. Measured (integrated,
 * 2 s, seed 1): one endless attempt left t501 at 17 of 20 and Scholl hard at 9 of 10; fresh
 * attempts after 250 iterations solved all of both (3,000: t501 5 of 20 from best fit).
 */
const STALL = 250;

/**
 * Pooled items are offered as triples too while the pool is this small (at most 220 triples):
 * Scholl's hard set (3-5 items a bin) needs three small items in for two large ones out, and
 * HARD2/HARD3 were not solved at 2 s without them.
 */
const TRIPLES_UP_TO = 12;

/**
 * Work units per bin subset probed against the pool: a binary search over the pool's groups
 * and a few comparisons, about 12 ns (u250, u500), where a unit is calibrated at about 32 ns.
 */
const PROBE_WORK = 0.4;

/** Work units per group and log2 of the groups sorted each iteration (about 17 ns at 1: t60). */
const GROUP_WORK = 0.5;

/** Items pooled at once: an item list, with its weight. */
interface Group {
  weight: number;
  first: number;
  second: number; // -1 for a single item
  third: number; // -1 for one or two items
}

interface Move {
  bin: number;
  outFirst: number; // -1: nothing out
  outSecond: number;
  into: Group;
  gain: number;
}

export class PoolSearch {
  private readonly bins: number[][];
  private readonly loads: number[];
  private pool: number[] = [];
  private poolWeight = 0;
  /** Iteration until which an item may not leave the bin it entered. */
  private readonly tabuUntil: Int32Array;
  private iteration = 0;

  /**
   * @param bins a feasible packing of every item (indices into weights); at least three bins
   */
  constructor(
    private readonly weights: readonly number[],
    private readonly capacity: number,
    bins: readonly (readonly number[])[],
    private readonly rng: Random,
    fresh = false,
  ) {
    const order = bins
      .map((b, i) => ({ i, load: sum(weights, b) }))
      .sort((a, b) => a.load - b.load || a.i - b.i);
    // The three lightest are the easiest to spread over the others; a fresh attempt after one
    // that stalled takes three at random (measured: lightest again, or the lightest and two at
    // random, solved t501 1 and 18 of 20 from best fit; three at random 18-20).
    const chosen = fresh ? rng.shuffle(order.slice()) : order;
    const pooled = new Set(chosen.slice(0, 3).map((o) => o.i));
    this.bins = [];
    this.loads = [];
    for (let i = 0; i < bins.length; i++) {
      if (pooled.has(i)) {
        for (const item of bins[i]) this.addToPool(item);
      } else {
        this.bins.push(bins[i].slice());
        this.loads.push(sum(weights, bins[i]));
      }
    }
    this.tabuUntil = new Int32Array(weights.length);
  }

  /** Search until the pool fits into two bins (the packing, one bin fewer) or the work runs out. */
  run(budget: Budget, stopAtWork: number): number[][] | null {
    let lightest = Number.POSITIVE_INFINITY;
    let lightestAt = 0;
    for (;;) {
      const done = this.finish(budget);
      if (done !== null) return done;
      if (budget.work >= stopAtWork || budget.spent()) return null;
      if (this.poolWeight < lightest - 1e-9) {
        lightest = this.poolWeight;
        lightestAt = this.iteration;
      } else if (this.iteration - lightestAt > STALL) return null;
      const move = this.bestMove(budget);
      if (move !== null) this.apply(move);
      else if (!this.waitForTabu()) return null; // nothing can move: no bin has room for any pooled item
    }
  }

  private finish(budget: Budget): number[][] | null {
    if (this.poolWeight > 2 * this.capacity + 1e-9) return null;
    const split = splitIntoTwo(
      this.pool.map((i) => this.weights[i]),
      this.capacity,
    );
    budget.work += split.work;
    if (split.first === null) return null;
    const first = new Set(split.first);
    const a = this.pool.filter((_, k) => first.has(k));
    const b = this.pool.filter((_, k) => !first.has(k));
    return [...this.bins.map((x) => x.slice()), a, b].filter((x) => x.length > 0);
  }

  /** Pooled singles, pairs (and triples) by weight, one group per weight (the one with fewest items). */
  private groups(budget: Budget): Group[] {
    const all: Group[] = [];
    const pool = this.pool;
    const w = this.weights;
    const triples = pool.length <= TRIPLES_UP_TO;
    for (let i = 0; i < pool.length; i++) {
      const a = pool[i];
      all.push({ weight: w[a], first: a, second: -1, third: -1 });
      for (let k = i + 1; k < pool.length; k++) {
        const b = pool[k];
        all.push({ weight: w[a] + w[b], first: a, second: b, third: -1 });
        if (!triples) continue;
        for (let m = k + 1; m < pool.length; m++) {
          const c = pool[m];
          all.push({ weight: w[a] + w[b] + w[c], first: a, second: b, third: c });
        }
      }
    }
    all.sort((a, b) => a.weight - b.weight || groupSize(a) - groupSize(b));
    budget.work += GROUP_WORK * all.length * (1 + Math.log2(all.length + 1));
    const unique: Group[] = [];
    for (const g of all)
      if (unique.length === 0 || unique[unique.length - 1].weight !== g.weight) unique.push(g);
    return unique;
  }

  /**
   * The best non-tabu exchange: the largest gain in packed weight, then the most items left
   * in the pool (small items are easier to place later), ties broken at random.
   */
  private bestMove(budget: Budget): Move | null {
    const groups = this.groups(budget);
    if (groups.length === 0) return null;
    let best: Move | null = null;
    let ties = 0;
    let probes = 0;
    const consider = (bin: number, outFirst: number, outSecond: number, outWeight: number) => {
      probes++;
      const room = this.capacity - this.loads[bin] + outWeight + 1e-9;
      let at = lastAtMost(groups, room);
      const outCount = (outFirst >= 0 ? 1 : 0) + (outSecond >= 0 ? 1 : 0);
      // An exchange of items of the same sizes changes nothing: take the next lighter group.
      while (at >= 0 && this.sameSizes(groups[at], outFirst, outSecond)) at--;
      if (at < 0) return;
      const into = groups[at];
      const gain = into.weight - outWeight;
      const spare = outCount - groupSize(into);
      if (best !== null) {
        if (gain < best.gain - 1e-9) return;
        if (gain <= best.gain + 1e-9) {
          const bestSpare = moveSpare(best);
          if (spare < bestSpare) return;
          if (spare === bestSpare) {
            ties++;
            if (this.rng.next() * ties >= 1) return;
          } else ties = 1;
        } else ties = 1;
      } else ties = 1;
      best = { bin, outFirst, outSecond, into, gain };
    };
    for (let b = 0; b < this.bins.length; b++) {
      const items = this.bins[b];
      consider(b, -1, -1, 0);
      for (let i = 0; i < items.length; i++) {
        const x = items[i];
        if (this.tabuUntil[x] > this.iteration) continue;
        consider(b, x, -1, this.weights[x]);
        for (let k = i + 1; k < items.length; k++) {
          const y = items[k];
          if (this.tabuUntil[y] > this.iteration) continue;
          consider(b, x, y, this.weights[x] + this.weights[y]);
        }
      }
    }
    budget.work += probes * PROBE_WORK;
    return best;
  }

  /** Every move was tabu: skip to the iteration where the first item may leave its bin again. */
  private waitForTabu(): boolean {
    let next = Number.POSITIVE_INFINITY;
    for (const bin of this.bins)
      for (const x of bin) if (this.tabuUntil[x] > this.iteration) next = Math.min(next, this.tabuUntil[x]);
    if (next === Number.POSITIVE_INFINITY) return false;
    this.iteration = next;
    return true;
  }

  private sameSizes(g: Group, outFirst: number, outSecond: number): boolean {
    const w = this.weights;
    if (groupSize(g) !== (outFirst >= 0 ? 1 : 0) + (outSecond >= 0 ? 1 : 0)) return false;
    if (g.third >= 0) return false; // never: at most two go out
    if (g.second < 0) return w[g.first] === w[outFirst];
    const a = Math.min(w[g.first], w[g.second]);
    const b = Math.min(w[outFirst], w[outSecond]);
    return a === b && g.weight === w[outFirst] + w[outSecond];
  }

  private apply(m: Move): void {
    this.iteration++;
    const bin = this.bins[m.bin];
    for (const out of [m.outFirst, m.outSecond]) {
      if (out < 0) continue;
      bin.splice(bin.indexOf(out), 1);
      this.loads[m.bin] -= this.weights[out];
      this.addToPool(out);
    }
    const tenure = this.iteration + TENURE_MIN + Math.floor(this.rng.next() * TENURE_SPREAD);
    for (const into of [m.into.first, m.into.second, m.into.third]) {
      if (into < 0) continue;
      this.pool.splice(this.pool.indexOf(into), 1);
      this.poolWeight -= this.weights[into];
      bin.push(into);
      this.loads[m.bin] += this.weights[into];
      this.tabuUntil[into] = tenure;
    }
  }

  private addToPool(item: number): void {
    this.pool.push(item);
    this.poolWeight += this.weights[item];
  }
}

function groupSize(g: Group): number {
  return g.second < 0 ? 1 : g.third < 0 ? 2 : 3;
}

function moveSpare(m: Move): number {
  return (m.outFirst >= 0 ? 1 : 0) + (m.outSecond >= 0 ? 1 : 0) - groupSize(m.into);
}

/** Index of the heaviest group weighing at most `room`, -1 when none does. */
function lastAtMost(groups: readonly Group[], room: number): number {
  let lo = 0;
  let hi = groups.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (groups[mid].weight <= room) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function sum(weights: readonly number[], items: readonly number[]): number {
  let s = 0;
  for (const i of items) s += weights[i];
  return s;
}
