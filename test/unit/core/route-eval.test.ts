/**
 * evaluateRoute on a trip worked out by hand (euclidean, minutes = km, horizon 00:00 WIB):
 * D (0,0) -30-> V1 (30,0) -40-> V2 (30,40) -30-> P1 (30,70) | -60-> P2 (30,100).
 * V1 opens at 01:00 WIB and loads 15 min; V2 any time, 10 min. P1's sailing closes at
 * 02:30 (or 02:40); P2 has no sailings.
 */
import { expect } from "chai";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import { evaluateRoute } from "../../../shared/core/search/route-eval.js";
import { START, tiny } from "./core-fixtures.js";

const start = Date.parse(START) / 60000;

function problemWith(cutoff: string, maxContainers?: number) {
  const s: Scenario = tiny({
    ports: [
      { id: "P1", x: 30, y: 70 },
      { id: "P2", x: 30, y: 100 },
    ],
    sailings: [
      {
        id: "S1",
        port: "P1",
        departure: "2026-12-07T10:00:00+07:00",
        cutoff,
        ...(maxContainers !== undefined ? { maxContainers } : {}),
      },
    ],
    villages: [
      {
        id: "V1",
        x: 30,
        y: 0,
        timeZone: "Asia/Jakarta",
        pickupWindows: [{ open: "01:00", close: "23:00" }],
        serviceMinutes: 15,
      },
      { id: "V2", x: 30, y: 40, timeZone: "Asia/Jakarta", serviceMinutes: 10 },
    ],
    shipments: [
      { id: "a", village: "V1", weightKg: 100 },
      { id: "b", village: "V1", weightKg: 100 },
      { id: "c", village: "V2", weightKg: 100 },
    ],
  });
  const { problem, setAside } = compileProblem(s);
  expect(setAside).to.deep.equal([]);
  // endpoints: P1's sailing first, then P2 open at any time
  expect(problem.endpoints.map((e) => [e.port, e.sailing])).to.deep.equal([
    [0, 0],
    [1, -1],
  ]);
  return problem;
}
const [A, B, C] = [0, 1, 2];
const P1 = 0;
const P2 = 1;

describe("evaluateRoute", () => {
  it("waits for V1's window, then misses P1's 02:30 cut-off and ends at P2", () => {
    // 00:30 arrive V1, wait to 01:00, leave 01:15; 01:55 V2, leave 02:05; P1 02:35 > 02:30; P2 03:05
    const p = problemWith("2026-12-07T02:30:00+07:00");
    const ev = evaluateRoute(p, 0, [A, C], 2, null, -1, 0);
    expect(ev.feasible).to.equal(true);
    expect(ev.endpoint).to.equal(P2);
    expect(ev.km).to.equal(30 + 40 + 60);
    expect(ev.endMin).to.equal(start + 185);
    expect(ev.obj).to.equal(1_000_000 + 1000 * 130);
  });

  it("with the cut-off at 02:40 the nearer P1 is reachable (02:35) and chosen", () => {
    const p = problemWith("2026-12-07T02:40:00+07:00");
    const ev = evaluateRoute(p, 0, [A, C], 2, null, -1, 0);
    expect(ev.endpoint).to.equal(P1);
    expect(ev.km).to.equal(100);
    expect(ev.endMin).to.equal(start + 155);
  });

  it("two consecutive jobs at V1 are one stop: one service time, same times as one job", () => {
    const p = problemWith("2026-12-07T02:40:00+07:00");
    const ev = evaluateRoute(p, 0, [A, B, C], 3, null, -1, 0);
    expect(ev.km).to.equal(100);
    expect(ev.endMin).to.equal(start + 155);
  });

  it("the same jobs split around V2 visit V1 twice: two services, and P1 is missed", () => {
    // V1 01:00-01:15, V2 01:55-02:05, V1 again 02:45-03:00, P1 04:10 (late), P2 04:40
    const p = problemWith("2026-12-07T02:40:00+07:00");
    const ev = evaluateRoute(p, 0, [A, C, B], 3, null, -1, 0);
    expect(ev.endpoint).to.equal(P2);
    expect(ev.km).to.equal(30 + 40 + 40 + 100);
    expect(ev.endMin).to.equal(start + 280);
  });

  it("a full sailing is skipped, except for the place the trip itself holds", () => {
    const p = problemWith("2026-12-07T02:40:00+07:00", 1);
    const used = new Int32Array([1, 0]);
    expect(evaluateRoute(p, 0, [A, C], 2, used, -1, 0).endpoint).to.equal(P2);
    expect(evaluateRoute(p, 0, [A, C], 2, used, P1, 0).endpoint).to.equal(P1);
  });

  it("the fill bonus lowers the objective by bonus x fill^2 (300 / 3000 kg -> 0.01)", () => {
    const p = problemWith("2026-12-07T02:40:00+07:00");
    const ev = evaluateRoute(p, 0, [A, B, C], 3, null, -1, 1000);
    expect(ev.obj).to.be.closeTo(1_000_000 + 100_000 - 10, 1e-9);
  });

  it("an empty trip is not a trip", () => {
    const p = problemWith("2026-12-07T02:40:00+07:00");
    expect(evaluateRoute(p, 0, [], 0, null, -1, 0).feasible).to.equal(false);
  });
});
