/**
 * reassignSailings: a case where choosing sailings one container at a time (greedy) is
 * worse than the LP over all of them. Objective "distance", euclidean: D (25,0), P1 (0,0)
 * with one place on its sailing, P2 (100,0) open; VA (40,0), VB (10,0).
 * Greedy, A first: A takes P1 (40 < 60): 15 + 40 = 55; B finds P1 full: 15 + 90 = 105; 160.
 * LP: A to P2 15 + 60 = 75, B to P1 15 + 10 = 25; 100.
 */
import { expect } from "chai";
import { reassignSailings } from "../../../shared/core/assign/sailing-lp.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import { Solution } from "../../../shared/core/search/solution.js";
import { searchParams } from "../../../shared/core/solve.js";
import { tiny } from "./core-fixtures.js";

function greedy(maxContainers: number | undefined): Solution {
  const s = tiny({
    objective: "distance",
    depots: [{ id: "D", x: 25, y: 0 }],
    ports: [
      { id: "P1", x: 0, y: 0 },
      { id: "P2", x: 100, y: 0 },
    ],
    sailings: [
      {
        id: "S1",
        port: "P1",
        departure: "2026-12-10T18:00:00+07:00",
        cutoff: "2026-12-10T06:00:00+07:00",
        ...(maxContainers !== undefined ? { maxContainers } : {}),
      },
    ],
    villages: [
      { id: "VA", x: 40, y: 0 },
      { id: "VB", x: 10, y: 0 },
    ],
    shipments: [
      { id: "a", village: "VA", weightKg: 2000 },
      { id: "b", village: "VB", weightKg: 2000 },
    ],
  });
  const { problem } = compileProblem(s);
  const sol = new Solution(problem, searchParams(problem));
  sol.insert(sol.newRoute(0), 0, 0);
  sol.insert(sol.newRoute(0), 0, 1);
  return sol;
}

describe("reassignSailings", () => {
  it("greedy puts A on the one place of P1's sailing and sends B the long way (160 km)", () => {
    const sol = greedy(1);
    expect(sol.routes.map((r) => r.endpoint)).to.deep.equal([0, 1]);
    expect(sol.cost()).to.equal(160);
  });

  it("the LP gives the place to B and sends A to P2: 100 km, capacity respected", () => {
    const sol = greedy(1);
    expect(reassignSailings(sol)).to.equal(true);
    expect(sol.routes.map((r) => r.endpoint)).to.deep.equal([1, 0]);
    expect(sol.routes.map((r) => r.km)).to.deep.equal([75, 25]);
    expect(sol.cost()).to.equal(100);
    expect(Array.from(sol.endpointUse)).to.deep.equal([1, 1]);
  });

  it("changes nothing when the sailing has room for both (greedy is already optimal)", () => {
    const sol = greedy(undefined);
    expect(sol.cost()).to.equal(55 + 25);
    expect(reassignSailings(sol)).to.equal(false);
    expect(sol.cost()).to.equal(80);
  });

  it("changes nothing when the greedy assignment is already the LP optimum", () => {
    const sol = greedy(1);
    reassignSailings(sol);
    expect(reassignSailings(sol)).to.equal(false);
    expect(sol.cost()).to.equal(100);
  });
});
