/**
 * What local search needs to judge a move on a trip without rebuilding it: prefix sums of
 * load and kilometres, prefix and suffix endpoint masks and handling classes, the departure
 * after every prefix and, per endpoint, the latest arrival at every suffix that still meets
 * that endpoint's cut-off (VROOM's TWRoute, HGS-CVRP's and PyVRP's concatenation data).
 *
 * Positions are cuts: cut c splits jobs[0..c) from jobs[c..n). Times are only defined at
 * cuts between stops (a stop is consecutive jobs at one village, walkRoute's rule): a cut
 * inside a stop changes the stop itself, and the judge leaves such moves to evaluateRoute.
 *
 * Built once per version of a route (the route drops it whenever its jobs change), so it
 * allocates here and never in the moves' loops.
 */
import type { Problem } from "../problem/problem.js";
import { INCOMPATIBLE_MASK } from "../rules/handling.js";
import { earliestInWindow, latestInWindow } from "../rules/time-windows.js";

let nextId = 0;

/** Operators local search may remember pairs for. */
export const MAX_OPERATORS = 8;
/** Partners remembered per operator before the list starts afresh (a scan stays short). */
const MAX_TRIED = 64;

export class RouteData {
  /** Distinguishes versions of routes (local search remembers pairs tested without gain). */
  readonly id = nextId++;
  readonly n: number;
  readonly loc: Int32Array;
  readonly village: Int32Array;
  /** Load of jobs[0..c), c = 0..n. */
  readonly weight: Float64Array;
  readonly volume: Float64Array;
  /** Kilometres from the depot to the stop of jobs[i] (a same-village leg is no leg). */
  readonly km: Float64Array;
  /** Handling classes (bits) of jobs[0..c) and of jobs[c..n). */
  readonly preClass: Int32Array;
  readonly sufClass: Int32Array;
  /** Endpoints the kind and jobs[0..c) allow, maskWords words per cut. */
  readonly preMask: Uint32Array;
  /** Endpoints jobs[c..n) allow, maskWords words per cut. */
  readonly sufMask: Uint32Array;
  /** Departure from the last stop of jobs[0..c) (the start at c = 0); NaN inside a stop or untimed. */
  readonly depart: Float64Array;
  /** Per endpoint, built on first use: latest arrival at the stop starting at each cut. */
  private readonly latestByEndpoint: (Float64Array | null)[];
  /** Per kind: [first job the kind cannot carry, last such job] (-2: not computed yet). */
  private readonly kindBad: Int32Array;
  /**
   * Local search's memory (HGS-CVRP's whenLastModified / whenLastTested): per operator, the
   * ids of partners' data this trip was tried with and gained nothing. A new version of
   * either trip has new data, so a pair is tried again as soon as one of them changes.
   */
  private readonly tried: (Int32Array | null)[] = [null, null, null, null, null, null, null, null];
  private readonly triedCount = new Int32Array(MAX_OPERATORS);

  constructor(
    readonly p: Problem,
    readonly kind: number,
    readonly jobs: readonly number[],
  ) {
    const n = jobs.length;
    const words = p.maskWords;
    const J = p.jobs;
    const size = p.travel.size;
    const kmT = p.travel.km;
    this.n = n;
    this.loc = new Int32Array(n);
    this.village = new Int32Array(n);
    this.weight = new Float64Array(n + 1);
    this.volume = new Float64Array(n + 1);
    this.km = new Float64Array(n);
    this.preClass = new Int32Array(n + 1);
    this.sufClass = new Int32Array(n + 1);
    this.preMask = new Uint32Array((n + 1) * words);
    this.sufMask = new Uint32Array((n + 1) * words).fill(0xffffffff);
    this.depart = new Float64Array(n + 1).fill(Number.NaN);
    this.latestByEndpoint = new Array(p.endpoints.length).fill(null);
    this.kindBad = new Int32Array(2 * p.kinds.length).fill(-2);
    const kindMask = p.kinds[kind].endpointMask;
    for (let w = 0; w < words; w++) this.preMask[w] = kindMask[w];
    let prevLoc = p.kinds[kind].loc;
    let prevVillage = -1;
    let km = 0;
    for (let i = 0; i < n; i++) {
      const j = J[jobs[i]];
      this.loc[i] = j.loc;
      this.village[i] = j.village;
      if (j.village !== prevVillage) km += kmT[prevLoc * size + j.loc];
      this.km[i] = km;
      prevLoc = j.loc;
      prevVillage = j.village;
      this.weight[i + 1] = this.weight[i] + j.weightKg;
      this.volume[i + 1] = this.volume[i] + j.volumeM3;
      this.preClass[i + 1] = this.preClass[i] | (1 << j.cls);
      for (let w = 0; w < words; w++)
        this.preMask[(i + 1) * words + w] = this.preMask[i * words + w] & j.endpointMask[w];
    }
    for (let i = n - 1; i >= 0; i--) {
      const j = J[jobs[i]];
      this.sufClass[i] = this.sufClass[i + 1] | (1 << j.cls);
      for (let w = 0; w < words; w++)
        this.sufMask[i * words + w] = this.sufMask[(i + 1) * words + w] & j.endpointMask[w];
    }
    if (!p.untimed) this.timeForward();
  }

  /** The same walk as walkRoute, keeping the departure after every stop. */
  private timeForward(): void {
    const p = this.p;
    const size = p.travel.size;
    const minT = p.travel.minutes;
    let t = p.startMin;
    let prevLoc = p.kinds[this.kind].loc;
    this.depart[0] = t;
    let i = 0;
    while (i < this.n) {
      const v = this.village[i];
      let ready = p.jobs[this.jobs[i]].readyMin;
      let k = i;
      while (k < this.n && this.village[k] === v) {
        const r = p.jobs[this.jobs[k]].readyMin;
        if (r > ready) ready = r;
        k++;
      }
      const village = p.villages[v];
      const arrival = t + minT[prevLoc * size + this.loc[i]];
      t = earliestInWindow(village.windows, Math.max(arrival, ready)) + village.serviceMin;
      prevLoc = this.loc[i];
      this.depart[k] = t;
      i = k;
    }
  }

  /** Whether operator op was tried on this trip and the one with data id `other` without gain. */
  triedWith(op: number, other: number): boolean {
    const list = this.tried[op];
    if (list === null) return false;
    const count = this.triedCount[op];
    for (let i = 0; i < count; i++) if (list[i] === other) return true;
    return false;
  }

  rememberTried(op: number, other: number): void {
    let list = this.tried[op];
    if (list === null) {
      list = new Int32Array(8);
      this.tried[op] = list;
    }
    let count = this.triedCount[op];
    if (count === MAX_TRIED) count = 0;
    if (count === list.length) {
      const grown = new Int32Array(2 * count);
      grown.set(list);
      list = grown;
      this.tried[op] = list;
    }
    list[count] = other;
    this.triedCount[op] = count + 1;
  }

  /** True when cut c lies between two stops (or at either end). */
  clean(c: number): boolean {
    return c === 0 || c >= this.n || this.village[c - 1] !== this.village[c];
  }

  /** Kilometres driven by jobs[c..n) after arriving at the stop of jobs[c]. */
  suffixKm(c: number): number {
    return this.km[this.n - 1] - this.km[c];
  }

  /**
   * Latest arrival at the stop that starts at cut c such that the rest of the trip reaches
   * endpoint e by its cut-off (-Infinity: never). Only meaningful at clean cuts c < n.
   */
  latest(e: number): Float64Array | null {
    const cached = this.latestByEndpoint[e];
    if (cached !== null) return cached;
    const p = this.p;
    const ep = p.endpoints[e];
    const size = p.travel.size;
    const minT = p.travel.minutes;
    const out = new Float64Array(this.n + 1).fill(Number.NaN);
    if (ep.cutoffMin === Infinity) {
      out.fill(Infinity);
      this.latestByEndpoint[e] = out;
      return out;
    }
    // Latest departure from the stop being looked at.
    let deadline = ep.cutoffMin - minT[this.loc[this.n - 1] * size + ep.loc];
    let to = this.n;
    while (to > 0) {
      const v = this.village[to - 1];
      let from = to - 1;
      let ready = p.jobs[this.jobs[from]].readyMin;
      while (from > 0 && this.village[from - 1] === v) {
        from--;
        const r = p.jobs[this.jobs[from]].readyMin;
        if (r > ready) ready = r;
      }
      const village = p.villages[v];
      let latestStart = -Infinity;
      if (deadline !== -Infinity) {
        const l = latestInWindow(village.windows, deadline - village.serviceMin);
        if (l === null) return null;
        if (l >= ready) latestStart = l;
      }
      out[from] = latestStart;
      const prevLoc = from === 0 ? p.kinds[this.kind].loc : this.loc[from - 1];
      deadline = latestStart - minT[prevLoc * size + this.loc[from]];
      to = from;
    }
    this.latestByEndpoint[e] = out;
    return out;
  }

  /** Whether a container of `kind` may carry jobs[0..c) (prefix) or jobs[c..n) (suffix). */
  kindCarries(kind: number, c: number, suffix: boolean): boolean {
    if (kind === this.kind) return true; // the trip is feasible as it is
    if (this.kindBad[2 * kind] === -2) {
      let first = this.n;
      let last = -1;
      for (let i = 0; i < this.n; i++) {
        if (this.p.jobs[this.jobs[i]].kindOk[kind] === 0) {
          if (first === this.n) first = i;
          last = i;
        }
      }
      this.kindBad[2 * kind] = first;
      this.kindBad[2 * kind + 1] = last;
    }
    return suffix ? this.kindBad[2 * kind + 1] < c : this.kindBad[2 * kind] >= c;
  }
}

/** Whether handling classes `mask` may share one container (the relation is symmetric). */
export function classesCompatible(mask: number): boolean {
  let m = mask;
  while (m !== 0) {
    const c = 31 - Math.clz32(m);
    m &= ~(1 << c);
    if ((INCOMPATIBLE_MASK[c] & mask) !== 0) return false;
  }
  return true;
}
