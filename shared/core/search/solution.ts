/**
 * A solution: the trips in use, the jobs left over, and the shared resources they hold
 * (containers per depot and type, places on each sailing).
 */
import type { Problem } from "../problem/problem.js";
import { INCOMPATIBLE_MASK } from "../rules/handling.js";
import { evaluateRoute } from "./route-eval.js";

export class Route {
  jobs: number[] = [];
  weightKg = 0;
  volumeM3 = 0;
  classMask = 0;
  km = 0;
  obj = 0;
  endpoint = -1;
  readonly classCount = new Int16Array(6);
  productCount: Int16Array;

  constructor(
    readonly kind: number,
    productCount: number,
  ) {
    this.productCount = new Int16Array(productCount);
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
    r.classCount.set(this.classCount);
    r.productCount = this.productCount.slice();
    return r;
  }
}

export interface SearchParams {
  /** Bonus per route for (weight fill)^2: steers toward emptying containers; never worth a container. */
  fillBonus: number;
  /** Penalty per kg left unassigned, so the search prefers serving weight over saving cost. */
  unassignedPenaltyPerKg: number;
}

export class Solution {
  routes: Route[] = [];
  unassigned: number[] = [];
  kindUse: Int32Array;
  endpointUse: Int32Array;

  constructor(
    readonly p: Problem,
    readonly params: SearchParams,
  ) {
    this.kindUse = new Int32Array(p.kinds.length);
    this.endpointUse = new Int32Array(p.endpoints.length);
  }

  clone(): Solution {
    const s = new Solution(this.p, this.params);
    s.routes = this.routes.map((r) => r.clone());
    s.unassigned = this.unassigned.slice();
    s.kindUse.set(this.kindUse);
    s.endpointUse.set(this.endpointUse);
    return s;
  }

  cost(): number {
    let c = 0;
    for (const r of this.routes) c += r.obj;
    return c;
  }

  unassignedWeight(): number {
    let w = 0;
    for (const j of this.unassigned) w += this.p.jobs[j].weightKg;
    return w;
  }

  /** What simulated annealing minimises. */
  penalized(): number {
    return this.cost() + this.params.unassignedPenaltyPerKg * this.unassignedWeight();
  }

  /** O(1)-ish checks before any evaluation: kind, capacity, classes, products. */
  canTake(r: Route, job: number): boolean {
    const j = this.p.jobs[job];
    if (j.kindOk[r.kind] === 0) return false;
    const kind = this.p.kinds[r.kind];
    if (r.weightKg + j.weightKg > kind.maxWeightKg + 1e-9) return false;
    if (r.volumeM3 + j.volumeM3 > kind.maxVolumeM3 + 1e-9) return false;
    if ((r.classMask & INCOMPATIBLE_MASK[j.cls]) !== 0) return false;
    if (j.product >= 0) {
      for (const q of this.p.productConflicts[j.product]) if (r.productCount[q] > 0) return false;
    }
    return true;
  }

  private addLoad(r: Route, job: number, sign: 1 | -1): void {
    const j = this.p.jobs[job];
    r.weightKg += sign * j.weightKg;
    r.volumeM3 += sign * j.volumeM3;
    r.classCount[j.cls] += sign;
    r.classMask = r.classCount[j.cls] > 0 ? r.classMask | (1 << j.cls) : r.classMask & ~(1 << j.cls);
    if (j.product >= 0) r.productCount[j.product] += sign;
  }

  /** Re-evaluate a route after its job list changed; returns false when infeasible (state then undefined). */
  refresh(r: Route): boolean {
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
    return true;
  }

  /** Put a route on a given endpoint (used by the sailing assignment, which checks capacity itself). */
  assignEndpoint(r: Route, e: number, km: number, obj: number): void {
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
    this.routes.push(r);
    this.kindUse[kind]++;
    return r;
  }

  /** Insert and re-evaluate (the caller has checked feasibility). */
  insert(r: Route, pos: number, job: number): void {
    r.jobs.splice(pos, 0, job);
    this.addLoad(r, job, 1);
    if (!this.refresh(r)) throw new Error(`internal: infeasible insertion of job ${job}`);
  }

  /** Replace a route's job list (load recomputed, route re-evaluated); false if infeasible. */
  setJobs(r: Route, jobs: number[]): boolean {
    for (const j of r.jobs) this.addLoad(r, j, -1);
    r.jobs = jobs;
    for (const j of jobs) this.addLoad(r, j, 1);
    if (jobs.length > 0) return this.refresh(r);
    r.km = 0;
    r.obj = 0;
    return true;
  }

  removeAt(r: Route, pos: number): number {
    const [job] = r.jobs.splice(pos, 1);
    this.addLoad(r, job, -1);
    return job;
  }

  /**
   * Drop empty routes and re-evaluate the ones whose jobs were removed. With a travel
   * matrix that breaks the triangle inequality a shorter trip can arrive later; such a
   * trip is emptied and its jobs are pushed onto `evicted` for reinsertion.
   */
  tidy(changed: Set<Route>, evicted: number[]): void {
    const keep: Route[] = [];
    for (const r of this.routes) {
      if (r.jobs.length > 0 && changed.has(r) && !this.refresh(r)) {
        evicted.push(...r.jobs);
        this.setJobs(r, []);
      }
      if (r.jobs.length === 0) {
        this.kindUse[r.kind]--;
        this.setEndpoint(r, -1);
        continue;
      }
      keep.push(r);
    }
    this.routes = keep;
  }
}
