/**
 * The local-search judge (route-data + route-judge) against the from-scratch check it
 * stands in for (loadFits + evaluateRoute), on random trips cut and joined at random:
 * whenever the judge is sure, it must say what evaluateRoute says (feasible or not, the
 * objective, the endpoint). Timed weeks (pickup windows, readyAt, cut-offs, sailing places,
 * ports without sailings) and untimed ones, with two container sizes and handling classes.
 */
import { expect } from "chai";
import type { Problem } from "../../../shared/core/problem/problem.js";
import { Random } from "../../../shared/core/search/random.js";
import { loadFits } from "../../../shared/core/search/route-checks.js";
import { RouteData } from "../../../shared/core/search/route-data.js";
import { evaluateRoute } from "../../../shared/core/search/route-eval.js";
import { judged, judgeTrip } from "../../../shared/core/search/route-judge.js";
import { randomWeek } from "./random-week.js";

/** A random trip over the given jobs and a kind that can carry all of them. */
function randomTrip(p: Problem, rng: Random, pool: number[]): { kind: number; jobs: number[] } {
  const len = Math.min(pool.length, rng.int(0, 9));
  const jobs = rng.shuffle(pool.slice()).slice(0, len);
  // Same-village jobs side by side now and then, so stops of several jobs occur.
  if (rng.next() < 0.5) jobs.sort((a, b) => p.jobs[a].village - p.jobs[b].village);
  const kinds = p.kinds.filter((k) => jobs.every((j) => p.jobs[j].kindOk[k.index] === 1));
  return { kind: rng.pick(kinds).index, jobs };
}

interface Tally {
  sure: number;
  unsure: number;
  feasible: number;
  infeasible: number;
}

function compare(p: Problem, seed: number, trials: number): Tally {
  const rng = new Random(seed);
  const all = p.jobs.map((j) => j.index);
  const tally: Tally = { sure: 0, unsure: 0, feasible: 0, infeasible: 0 };
  const fillBonus = rng.next() < 0.5 ? 0 : 40;
  const mid = new Int32Array(4);
  for (let t = 0; t < trials; t++) {
    const xs = randomTrip(p, rng, all);
    const x = new RouteData(p, xs.kind, xs.jobs);
    const ys = rng.next() < 0.2 ? null : rng.next() < 0.3 ? xs : randomTrip(p, rng, all);
    const y = ys === null ? null : ys === xs ? x : new RouteData(p, ys.kind, ys.jobs);
    const c = rng.int(0, x.n);
    const d = y === null ? 0 : rng.int(0, y.n);
    const midLen = rng.int(0, 3);
    for (let q = 0; q < midLen; q++) mid[q] = rng.pick(all);
    const use = Int32Array.from(p.endpoints, () => rng.int(0, 2));
    const own = rng.int(-1, p.endpoints.length - 1);

    const jobs = [
      ...xs.jobs.slice(0, c),
      ...Array.from(mid.subarray(0, midLen)),
      ...(ys?.jobs.slice(d) ?? []),
    ];
    const got = judgeTrip(xs.kind, x, c, mid, midLen, y, d, use, own, fillBonus);
    if (Number.isNaN(got)) {
      tally.unsure++;
      continue;
    }
    tally.sure++;
    const what = `trip ${JSON.stringify(jobs)} kind ${xs.kind} (trial ${t})`;
    if (jobs.length === 0) {
      expect(got, what).to.equal(0);
      continue;
    }
    const ev = loadFits(p, xs.kind, jobs)
      ? evaluateRoute(p, xs.kind, jobs, jobs.length, use, own, fillBonus)
      : null;
    if (ev === null || !ev.feasible) {
      expect(got, what).to.equal(Infinity);
      tally.infeasible++;
      continue;
    }
    tally.feasible++;
    expect(got, what).to.be.closeTo(ev.obj, 1e-6 * Math.max(1, Math.abs(ev.obj)));
    expect(judged.endpoint, what).to.equal(ev.endpoint);
  }
  return tally;
}

describe("route judge (prefix/suffix data) agrees with evaluateRoute", () => {
  for (const timed of [false, true]) {
    it(`${timed ? "timed" : "untimed"} weeks: 8 weeks x 1,500 random joins`, () => {
      const total: Tally = { sure: 0, unsure: 0, feasible: 0, infeasible: 0 };
      for (let seed = 1; seed <= 8; seed++) {
        const p = randomWeek(seed, timed);
        expect(p.untimed).to.equal(!timed);
        const tally = compare(p, 100 + seed, 1500);
        for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key];
      }
      // The comparison must have bitten: most joins judged, both verdicts common.
      expect(total.sure).to.be.greaterThan(timed ? 0.5 * 12000 : 0.99 * 12000);
      expect(total.feasible).to.be.greaterThan(1000);
      expect(total.infeasible).to.be.greaterThan(1000);
    });
  }
});
