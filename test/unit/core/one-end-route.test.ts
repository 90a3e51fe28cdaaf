/**
 * The short cuts insertion takes on CVRPLIB-shaped problems (untimed, one endpoint): a trip
 * evaluated without the walk's timing and endpoint search, and routes passed over on their load
 * alone where nothing else can keep a job out (solution.ts loadsOnly). Each must answer as the
 * general code does.
 */
import { expect } from "chai";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import type { Problem } from "../../../shared/core/problem/problem.js";
import { Random } from "../../../shared/core/search/random.js";
import { evaluateRoute } from "../../../shared/core/search/route-eval.js";
import { loadsOnly } from "../../../shared/core/search/solution.js";
import { cvrpScenario } from "../../support/cvrplib.js";
import { C3T, C3T_R, tiny, village } from "./core-fixtures.js";

const W = { id: "W", x: 60, y: 80, timeZone: "Asia/Jakarta" };
const FIXED = C3T.fixedCost ?? 0;
const PER_KM = C3T.costPerKm ?? 0;

function compiled(parts: Parameters<typeof tiny>[0]): Problem {
  const { problem, setAside } = compileProblem(tiny(parts));
  expect(setAside).to.deep.equal([]);
  return problem;
}

describe("a trip to one end without time", () => {
  // D (0,0) -50-> V (30,40) -50-> W (60,80) -100-> P (0,0)
  const p = compiled({
    villages: [village, W],
    shipments: [
      { id: "a", village: "V", weightKg: 100 },
      { id: "b", village: "V", weightKg: 200 },
      { id: "c", village: "W", weightKg: 300 },
    ],
  });
  const fill = 0;

  it("is the problem shape the short cut is for", () => {
    expect(p.untimed).to.equal(true);
    expect(p.singleEndpoint).to.equal(true);
    expect(p.boxes).to.equal(null);
  });

  it("counts one leg into a village however many of its jobs follow each other", () => {
    const ev = evaluateRoute(p, 0, [0, 1, 2], 3, null, -1, fill);
    expect(ev.feasible).to.equal(true);
    expect(ev.km).to.equal(200);
    expect(ev.endpoint).to.equal(0);
    // the cost objective: the truck's fixed cost and its km
    expect(ev.obj).to.equal(FIXED + 200 * PER_KM);
  });

  it("drives back to a village it left", () => {
    // V -> W -> V -> P: 50 + 50 + 50 + 50
    expect(evaluateRoute(p, 0, [0, 2, 1], 3, null, -1, fill).km).to.equal(200);
    expect(evaluateRoute(p, 0, [2], 1, null, -1, fill).km).to.equal(200);
    expect(evaluateRoute(p, 0, [0, 1], 2, null, -1, fill).km).to.equal(100);
  });

  it("takes the fill bonus off the objective as the general walk does", () => {
    const ev = evaluateRoute(p, 0, [0, 1, 2], 3, null, -1, 1000);
    const fillShare = 600 / C3T.maxWeightKg;
    expect(ev.obj).to.be.closeTo(FIXED + 200 * PER_KM - 1000 * fillShare * fillShare, 1e-6);
  });

  it("gives the general evaluation's km, objective and end on CVRPLIB P-n101-k4", () => {
    const { problem } = compileProblem(cvrpScenario("P-n101-k4"));
    expect(problem.untimed && problem.singleEndpoint).to.equal(true);
    // The same problem read as timed takes the general path (its times matter nowhere here).
    const general: Problem = { ...problem, untimed: false };
    const rng = new Random(7);
    const jobs = problem.jobs.map((j) => j.index);
    for (let trial = 0; trial < 200; trial++) {
      rng.shuffle(jobs);
      const len = rng.int(1, 12);
      const fast = evaluateRoute(problem, 0, jobs, len, new Int32Array(problem.endpoints.length), -1, 0);
      const slow = evaluateRoute(general, 0, jobs, len, new Int32Array(problem.endpoints.length), -1, 0);
      expect([fast.feasible, fast.km, fast.obj, fast.endpoint]).to.deep.equal([
        slow.feasible,
        slow.km,
        slow.obj,
        slow.endpoint,
      ]);
      expect(fast.km).to.be.greaterThan(0);
    }
  });
});

describe("loadsOnly: when nothing but the load keeps a job out of a container", () => {
  it("holds on CVRPLIB and on a week of dry goods in one container type", () => {
    expect(loadsOnly(compileProblem(cvrpScenario("P-n101-k4")).problem)).to.equal(true);
    const dry = compiled({
      shipments: [
        { id: "a", village: "V", weightKg: 100 },
        { id: "b", village: "V", weightKg: 100, handling: "general" },
      ],
    });
    expect(loadsOnly(dry)).to.equal(true);
  });

  it("fails where handling classes may not share a container", () => {
    const p = compiled({
      shipments: [
        { id: "a", village: "V", weightKg: 100 },
        { id: "b", village: "V", weightKg: 100, handling: "dangerous" },
      ],
    });
    expect(loadsOnly(p)).to.equal(false);
  });

  it("fails where a job may not ride in every container type", () => {
    const p = compiled({
      containerTypes: [C3T, C3T_R],
      shipments: [{ id: "a", village: "V", weightKg: 100 }],
    });
    // a dry shipment may ride in the reefer too; a chilled one only there
    expect(loadsOnly(p)).to.equal(true);
    const chilled = compiled({
      containerTypes: [C3T, C3T_R],
      shipments: [{ id: "a", village: "V", weightKg: 100, handling: "chilled" }],
    });
    expect(loadsOnly(chilled)).to.equal(false);
  });

  it("fails where products are named (never-together rules may apply)", () => {
    const p = compiled({
      shipments: [{ id: "a", village: "V", weightKg: 100, product: "coffee" }],
    });
    expect(loadsOnly(p)).to.equal(false);
  });
});
