/**
 * A solution: the trips in use, the jobs left over, and the shared resources they hold
 * (containers per depot and type, places on each sailing).
 *
 * Routes are copy-on-write: cloning a solution shares its routes, and a solution copies a
 * route the first time it changes it (`own`). Ruin and recreate touches a few routes per
 * iteration, so this keeps the per-iteration copy small on big instances.
 */
import { type Problem, truckCost } from "../problem/problem.js";
import { INCOMPATIBLE_MASK } from "../rules/handling.js";
import { destinationsMayMix } from "./box-term.js";
import { ROUTE_COPY_WORK, tripWork } from "./budget.js";
import type { RouteData } from "./route-data.js";
import { evaluateRoute } from "./route-eval.js";

/** Shared by every route of a problem without products: never written (a job has no product there). */
const NO_PRODUCTS: number[] = [];

export class Route {
  jobs: number[] = [];
  weightKg = 0;
  volumeM3 = 0;
  classMask = 0;
  km = 0;
  obj = 0;
  endpoint = -1;
  /** Jobs were removed since the last evaluation. */
  dirty = false;
  /** The solution allowed to change this route in place; null once shared by a clone. */
  owner: Solution | null = null;
  /**
   * Jobs per handling class and per product. Plain arrays: a route is copied on every change
   * a ruin makes, and allocating two typed arrays was a sixth of that copy's cost.
   */
  classCount: number[] = [0, 0, 0, 0, 0, 0];
  productCount: number[];
  /** Local search's prefix/suffix data for these jobs; dropped whenever they change. */
  data: RouteData | null = null;

  constructor(
    readonly kind: number,
    productCount: number,
  ) {
    this.productCount = productCount === 0 ? NO_PRODUCTS : new Array<number>(productCount).fill(0);
  }

  clone(): Route {
    const r = new Route(this.kind, 0);
    r.jobs = this.jobs.slice();
    r.weightKg = this.weightKg;
    r.volumeM3 = this.volumeM3;
    r.classMask = this.classMask;
    r.km = this.km;
    r.obj = this.obj;
    r.endpoint = this.endpoint;
    r.dirty = this.dirty;
    r.classCount = this.classCount.slice();
    r.productCount = this.productCount.length === 0 ? NO_PRODUCTS : this.productCount.slice();
    return r;
  }
}

/** routeOf[job] = index of the route serving it, for routes[from..to) (ruin and local search). */
export function placeJobs(routes: readonly Route[], routeOf: Int32Array, from: number, to: number): void {
  for (let r = from; r < to; r++) {
    const jobs = routes[r].jobs;
    for (let q = 0; q < jobs.length; q++) routeOf[jobs[q]] = r;
  }
}

/** loadsOnly's answer per problem, with the job count it was given for (top-up adds pieces). */
const loadsOnlyCache = new WeakMap<Problem, { jobs: number; answer: boolean }>();

/**
 * True when nothing but weight and volume can keep a job out of a container: every job fits
 * every kind, no two handling classes present exclude each other, no products, no sea boxes.
 */
export function loadsOnly(p: Problem): boolean {
  const known = loadsOnlyCache.get(p);
  if (known !== undefined && known.jobs === p.jobs.length) return known.answer;
  let answer = p.products.length === 0 && p.boxes === null;
  let classes = 0;
  for (const j of p.jobs) {
    if (!answer) break;
    classes |= 1 << j.cls;
    for (let k = 0; k < j.kindOk.length; k++) if (j.kindOk[k] === 0) answer = false;
  }
  for (let c = 0; answer && c < INCOMPATIBLE_MASK.length; c++) {
    if ((classes & (1 << c)) !== 0 && (INCOMPATIBLE_MASK[c] & classes) !== 0) answer = false;
  }
  loadsOnlyCache.set(p, { jobs: p.jobs.length, answer });
  return answer;
}

export interface SearchParams {
  /** Bonus per route for (weight fill)^2: steers toward emptying containers; never worth a container. */
  fillBonus: number;
  /** Penalty per kg left unassigned, so the search prefers serving weight over saving cost (adaptive-price.ts may soften it). */
  unassignedPenaltyPerKg: number;
}

export class Solution {
  routes: Route[] = [];
  unassigned: number[] = [];
  /** A cap on containers in use, set while the search tries to do with one fewer. */
  maxRoutes = Infinity;
  /**
   * Price per kg over a container's weight limit, or 0: weight limits hold. Above 0 (only on
   * annealing's walk over a nearly full fleet: anneal.ts, nearly-full-fleet.ts), insertion may
   * load a container past its limit at this price; such a plan is never kept as a best.
   */
  overloadPerKg = 0;
  kindUse: Int32Array;
  endpointUse: Int32Array;
  /**
   * Work units of route copies and re-evaluations not yet charged to a budget: insertJobs
   * charges them on village weeks (budget.ts), where copying and re-evaluating routes took
   * about a quarter of the CPU (the example week with boxes) and counted nothing.
   */
  upkeep = 0;
  /** Shared route -> this solution's own copy of it. */
  private adopted = new Map<Route, Route>();

  constructor(
    readonly p: Problem,
    readonly params: SearchParams,
  ) {
    this.kindUse = new Int32Array(p.kinds.length);
    this.endpointUse = new Int32Array(p.endpoints.length);
  }

  clone(): Solution {
    const s = new Solution(this.p, this.params);
    for (const r of this.routes) r.owner = null; // shared from now on: both sides copy before writing
    this.adopted.clear();
    s.routes = this.routes.slice();
    s.unassigned = this.unassigned.slice();
    s.maxRoutes = this.maxRoutes;
    s.overloadPerKg = this.overloadPerKg;
    s.kindUse.set(this.kindUse);
    s.endpointUse.set(this.endpointUse);
    return s;
  }

  /** The version of `r` this solution may change in place (copied on first write). */
  own(r: Route): Route {
    if (r.owner === this) return r;
    const mine = this.adopted.get(r);
    if (mine !== undefined) return mine;
    const copy = r.clone();
    this.upkeep += ROUTE_COPY_WORK;
    copy.owner = this;
    const at = this.routes.indexOf(r);
    if (at < 0) throw new Error("internal: route is not part of this solution");
    this.routes[at] = copy;
    this.adopted.set(r, copy);
    return copy;
  }

  cost(): number {
    let c = 0;
    for (const r of this.routes) c += r.obj;
    return c;
  }

  /** What the containers in use cost as the plan will show it (problem.ts `truckCost`), not the objective. */
  truckCost(): number {
    let c = 0;
    for (const r of this.routes) c += truckCost(this.p.kinds[r.kind], r.km);
    return c;
  }

  /** Kg loaded past the containers' weight limits (0 unless overloadPerKg allowed it). */
  overloadKg(): number {
    let w = 0;
    for (const r of this.routes) w += Math.max(0, r.weightKg - this.p.kinds[r.kind].maxWeightKg);
    return w;
  }

  unassignedWeight(): number {
    let w = 0;
    for (const j of this.unassigned) w += this.p.jobs[j].weightKg;
    return w;
  }

  /** O(1)-ish checks before any evaluation: kind, capacity, classes, products (see also loadsOnly). */
  canTake(r: Route, job: number): boolean {
    const j = this.p.jobs[job];
    if (j.kindOk[r.kind] === 0) return false;
    const kind = this.p.kinds[r.kind];
    if (this.overloadPerKg === 0 && r.weightKg + j.weightKg > kind.maxWeightKg + 1e-9) return false;
    if (r.volumeM3 + j.volumeM3 > kind.maxVolumeM3 + 1e-9) return false;
    if ((r.classMask & INCOMPATIBLE_MASK[j.cls]) !== 0) return false;
    if (j.product >= 0) {
      for (const q of this.p.productConflicts[j.product]) if (r.productCount[q] > 0) return false;
    }
    return destinationsMayMix(this.p, r.jobs, job);
  }

  private addLoad(r: Route, job: number, sign: 1 | -1): void {
    const j = this.p.jobs[job];
    r.weightKg += sign * j.weightKg;
    r.volumeM3 += sign * j.volumeM3;
    r.classCount[j.cls] += sign;
    r.classMask = r.classCount[j.cls] > 0 ? r.classMask | (1 << j.cls) : r.classMask & ~(1 << j.cls);
    if (j.product >= 0) r.productCount[j.product] += sign;
  }

  /** Re-evaluate an owned route after its job list changed; false when infeasible. */
  private refresh(r: Route): boolean {
    r.data = null;
    this.upkeep += tripWork(this.p, r.jobs.length);
    const ev = evaluateRoute(
      this.p,
      r.kind,
      r.jobs,
      r.jobs.length,
      this.endpointUse,
      r.endpoint,
      this.params.fillBonus,
    );
    if (!ev.feasible) return false;
    this.setEndpoint(r, ev.endpoint);
    r.km = ev.km;
    r.obj = ev.obj;
    r.dirty = false;
    return true;
  }

  /** Put a route on a given endpoint (used by the sailing assignment, which checks capacity itself). */
  assignEndpoint(route: Route, e: number, km: number, obj: number): void {
    const r = this.own(route);
    this.setEndpoint(r, e);
    r.km = km;
    r.obj = obj;
  }

  private setEndpoint(r: Route, e: number): void {
    if (r.endpoint === e) return;
    if (r.endpoint >= 0) this.endpointUse[r.endpoint]--;
    if (e >= 0) this.endpointUse[e]++;
    r.endpoint = e;
  }

  newRoute(kind: number): Route {
    const r = new Route(kind, this.p.products.length);
    r.owner = this;
    this.routes.push(r);
    this.kindUse[kind]++;
    return r;
  }

  /** Insert and re-evaluate (the caller has checked feasibility). */
  insert(route: Route, pos: number, job: number): void {
    const r = this.own(route);
    r.jobs.splice(pos, 0, job);
    this.addLoad(r, job, 1);
    if (!this.refresh(r)) throw new Error(`internal: infeasible insertion of job ${job}`);
  }

  /** Replace a route's job list (load recomputed, route re-evaluated); false if infeasible. */
  setJobs(route: Route, jobs: number[]): boolean {
    const r = this.own(route);
    for (const j of r.jobs) this.addLoad(r, j, -1);
    r.jobs = jobs;
    r.data = null;
    for (const j of jobs) this.addLoad(r, j, 1);
    if (jobs.length > 0) return this.refresh(r);
    // An emptied trip gives its sailing place back at once: a move may hand it to another trip.
    this.setEndpoint(r, -1);
    r.km = 0;
    r.obj = 0;
    return true;
  }

  /** Take the job at `pos` out; the route is re-evaluated by `tidy`. */
  removeAt(route: Route, pos: number): number {
    const r = this.own(route);
    const [job] = r.jobs.splice(pos, 1);
    r.data = null;
    this.addLoad(r, job, -1);
    r.dirty = true;
    return job;
  }

  /** Take every job out of a route. */
  empty(route: Route): number[] {
    const r = this.own(route);
    const jobs = r.jobs;
    for (const j of jobs) this.addLoad(r, j, -1);
    r.jobs = [];
    r.data = null;
    r.dirty = true;
    this.setEndpoint(r, -1);
    return jobs;
  }

  /**
   * Drop empty routes and re-evaluate the ones jobs were removed from. With a travel
   * matrix that breaks the triangle inequality a shorter trip can arrive later; such a
   * trip is emptied and its jobs are pushed onto `evicted` for reinsertion.
   */
  tidy(evicted: number[]): void {
    const keep: Route[] = [];
    for (const route of this.routes) {
      let r = route;
      if (r.jobs.length > 0 && r.dirty) {
        r = this.own(r);
        if (!this.refresh(r)) evicted.push(...this.empty(r));
      }
      if (r.jobs.length === 0) {
        this.kindUse[r.kind]--;
        this.setEndpoint(r, -1);
        continue;
      }
      keep.push(r);
    }
    this.routes = keep;
    this.adopted.clear();
  }
}
