/**
 * Each local-search operator improves a small hand-built solution by a hand-computed delta.
 * Objective "distance" (no fill bonus), depot = port at (0,0), euclidean legs rounded
 * (CVRPLIB), so a route's cost is its kilometres: D->(10,0) 10, (10,0)->(0,10) 14,
 * (10,0)->(0,11) 15, (0,10)->(0,11) 1, (10,0)->(11,0) 1.
 */
import { expect } from "chai";
import { crossExchange } from "../../../shared/core/operators/cross-exchange.js";
import type { Operator } from "../../../shared/core/operators/operator.js";
import { orOpt } from "../../../shared/core/operators/or-opt.js";
import { relocate } from "../../../shared/core/operators/relocate.js";
import { swap } from "../../../shared/core/operators/swap.js";
import { twoOpt } from "../../../shared/core/operators/two-opt.js";
import { twoOptStar } from "../../../shared/core/operators/two-opt-star.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import { Budget } from "../../../shared/core/search/budget.js";
import { OPERATORS } from "../../../shared/core/search/local-search.js";
import { Solution } from "../../../shared/core/search/solution.js";
import { searchParams } from "../../../shared/core/solve.js";
import { tiny } from "./core-fixtures.js";

/** One job per village, at the given points; containers take `capacityJobs` jobs of 1,000 kg. */
function solutionWith(points: [number, number][], routes: number[][], capacityJobs = 3): Solution {
  const s = tiny({
    objective: "distance",
    containerTypes: [{ id: "C", maxWeightKg: 1000 * capacityJobs, maxVolumeM3: 20 }],
    villages: points.map(([x, y], i) => ({ id: `v${i}`, x, y })),
    shipments: points.map((_, i) => ({ id: `s${i}`, village: `v${i}`, weightKg: 1000 })),
  });
  const { problem } = compileProblem(s);
  expect(problem.jobs.map((j) => j.village)).to.deep.equal(points.map((_, i) => i));
  const sol = new Solution(problem, searchParams(problem));
  expect(sol.params.fillBonus).to.equal(0);
  for (const jobs of routes) {
    const r = sol.newRoute(0);
    const at = sol.routes.indexOf(r);
    for (const [pos, job] of jobs.entries()) sol.insert(sol.routes[at], pos, job);
  }
  return sol;
}

function improve(op: Operator, sol: Solution, a: number, b: number): boolean {
  return op.improve(sol, sol.routes[a], sol.routes[b], new Budget(1000, 1000, undefined));
}

const jobsOf = (sol: Solution) => sol.routes.map((r) => r.jobs);

describe("operators", () => {
  it("relocate: (0,10) moves next to (0,11): 34 + 22 = 56 -> 20 + 22 = 42 (delta -14)", () => {
    const sol = solutionWith(
      [
        [10, 0],
        [0, 10],
        [0, 11],
      ],
      [[0, 1], [2]],
    );
    expect(sol.cost()).to.equal(56);
    expect(improve(relocate, sol, 0, 1)).to.equal(true);
    expect(sol.cost()).to.equal(42);
    expect(jobsOf(sol)).to.deep.equal([[0], [1, 2]]);
  });

  it("swap: two crossed routes of 36 each become 22 + 22 (delta -28)", () => {
    const sol = solutionWith(
      [
        [10, 0],
        [0, 11],
        [0, 10],
        [11, 0],
      ],
      [
        [0, 1],
        [2, 3],
      ],
      2,
    );
    expect(sol.cost()).to.equal(72);
    expect(improve(swap, sol, 0, 1)).to.equal(true);
    expect(sol.cost()).to.equal(44);
    expect(sol.routes.every((r) => r.km === 22)).to.equal(true);
  });

  it("2-opt: (10,0) (0,10) (10,10) crosses itself (48); reversing the tail gives the square (40)", () => {
    const sol = solutionWith(
      [
        [10, 0],
        [0, 10],
        [10, 10],
      ],
      [[0, 1, 2]],
    );
    expect(sol.cost()).to.equal(10 + 14 + 10 + 14);
    expect(improve(twoOpt, sol, 0, 0)).to.equal(true);
    expect(sol.cost()).to.equal(40);
    expect(jobsOf(sol)).to.deep.equal([[0, 2, 1]]);
  });

  it("2-opt*: exchanging the tails of the two crossed routes gives 22 + 22 (delta -28)", () => {
    const sol = solutionWith(
      [
        [10, 0],
        [0, 11],
        [0, 10],
        [11, 0],
      ],
      [
        [0, 1],
        [2, 3],
      ],
      2,
    );
    expect(improve(twoOptStar, sol, 0, 1)).to.equal(true);
    expect(sol.cost()).to.equal(44);
    expect(jobsOf(sol)).to.deep.equal([
      [0, 3],
      [2, 1],
    ]);
  });

  it("cross-exchange: the 2-job segment (0,10) (0,11) for the 1-job (11,0): 36 + 22 -> 22 + 22 (delta -14)", () => {
    const sol = solutionWith(
      [
        [10, 0],
        [0, 10],
        [0, 11],
        [11, 0],
      ],
      [[0, 1, 2], [3]],
    );
    expect(sol.cost()).to.equal(58);
    expect(improve(crossExchange, sol, 0, 1)).to.equal(true);
    expect(sol.cost()).to.equal(44);
    expect(jobsOf(sol)).to.deep.equal([
      [0, 3],
      [1, 2],
    ]);
  });

  it("or-opt: the pair (0,10) (0,11) moves as one, 52 -> 38 (legs (0,11)->(11,0) 16 and (10,0)->(0,10) 14 go)", () => {
    // D (10,0) (0,10) (0,11) (11,0) D = 10 + 14 + 1 + 16 + 11 = 52; with the pair before
    // or after the other two: 10 + 1 + 15 + 1 + 11 = 38.
    for (const op of [orOpt(2), orOpt(Infinity)]) {
      const sol = solutionWith(
        [
          [10, 0],
          [0, 10],
          [0, 11],
          [11, 0],
        ],
        [[0, 1, 2, 3]],
        4,
      );
      expect(sol.cost()).to.equal(52);
      while (improve(op, sol, 0, 0));
      expect(sol.cost()).to.equal(38);
      expect([...jobsOf(sol)[0]].sort()).to.deep.equal([0, 1, 2, 3]);
    }
  });

  it("no operator changes a solution it cannot improve, and none breaks capacity", () => {
    // the optimum of the swap case: two routes of 22, two jobs each in 2-job containers
    for (const op of [...OPERATORS, orOpt(Infinity)]) {
      const sol = solutionWith(
        [
          [10, 0],
          [11, 0],
          [0, 10],
          [0, 11],
        ],
        [
          [0, 1],
          [2, 3],
        ],
        2,
      );
      const a = op.intraRoute ? 0 : 1;
      expect(improve(op, sol, 0, a), op.name).to.equal(false);
      expect(sol.cost(), op.name).to.equal(44);
    }
  });

  it("relocate respects capacity: the cheaper move into a full container is refused", () => {
    const sol = solutionWith(
      [
        [10, 0],
        [0, 10],
        [0, 11],
        [0, 12],
      ],
      [
        [0, 1],
        [2, 3],
      ],
      2,
    );
    const before = sol.cost();
    improve(relocate, sol, 0, 1);
    expect(sol.routes.every((r) => r.weightKg <= 2000)).to.equal(true);
    expect(sol.cost()).to.equal(before);
  });
});
