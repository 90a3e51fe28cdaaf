/** Great-circle distance and the travel tables for the three metrics, values worked out by hand. */
import { expect } from "chai";
import { buildTravelTable, haversineKm } from "../../../shared/core/geometry/travel.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";

/** buildTravelTable reads only `travel` from the scenario. */
const withTravel = (travel: Scenario["travel"]) => ({ travel }) as Scenario;

const ONE_DEGREE_KM = (6371 * Math.PI) / 180; // 111.19492664...

describe("haversineKm", () => {
  it("one degree along the equator or a meridian is 6371 x pi / 180 km", () => {
    expect(haversineKm(0, 0, 0, 1)).to.be.closeTo(ONE_DEGREE_KM, 1e-9);
    expect(haversineKm(0, 0, 1, 0)).to.be.closeTo(ONE_DEGREE_KM, 1e-9);
  });

  it("is symmetric and zero at one place", () => {
    const a = haversineKm(-3.32, 114.59, -2.21, 113.92); // Banjarmasin - Palangka Raya
    expect(haversineKm(-2.21, 113.92, -3.32, 114.59)).to.equal(a);
    expect(a).to.be.within(140, 150);
    expect(haversineKm(-6.2, 106.8, -6.2, 106.8)).to.equal(0);
  });

  it("antipodes are half the circumference", () => {
    expect(haversineKm(0, 0, 0, 180)).to.be.closeTo(Math.PI * 6371, 1e-6);
  });
});

describe("buildTravelTable", () => {
  const at = (i: number, j: number, t: { size: number; km: Float64Array }) => t.km[i * t.size + j];

  it("road: km = great circle x 1.35, minutes = km / 40 km/h (defaults)", () => {
    const t = buildTravelTable(withTravel(undefined), [
      { id: "a", lat: 0, lon: 0 },
      { id: "b", lat: 0, lon: 1 },
    ]);
    expect(at(0, 1, t)).to.be.closeTo(ONE_DEGREE_KM * 1.35, 1e-9); // 150.11
    expect(t.minutes[1]).to.be.closeTo(((ONE_DEGREE_KM * 1.35) / 40) * 60, 1e-9); // 225.17
    expect(at(1, 0, t)).to.equal(at(0, 1, t));
    expect(at(0, 0, t)).to.equal(0);
  });

  it("road: roadFactor and speedKmh are honoured", () => {
    const t = buildTravelTable(withTravel({ metric: "road", roadFactor: 1, speedKmh: 60 }), [
      { id: "a", lat: 0, lon: 0 },
      { id: "b", lat: 0, lon: 1 },
    ]);
    expect(t.km[1]).to.be.closeTo(ONE_DEGREE_KM, 1e-9);
    expect(t.minutes[1]).to.be.closeTo(ONE_DEGREE_KM, 1e-9);
  });

  it("euclidean (CVRPLIB): each leg rounded to the nearest integer, minutes = distance", () => {
    const t = buildTravelTable(withTravel({ metric: "euclidean" }), [
      { id: "o", x: 0, y: 0 },
      { id: "a", x: 3, y: 4 }, // 5
      { id: "b", x: 1, y: 1 }, // 1.414 -> 1
      { id: "c", x: 1.5, y: 2 }, // 2.5 -> 3 (nint rounds halves up)
      { id: "d", x: 2, y: 2 }, // 2.83 -> 3
    ]);
    expect([1, 2, 3, 4].map((j) => at(0, j, t))).to.deep.equal([5, 1, 3, 3]);
    expect(Array.from(t.minutes)).to.deep.equal(Array.from(t.km));
    // rounding per leg: o -> b -> d is 1 + 1 = 2, shorter than the direct 3
    expect(at(0, 2, t) + at(2, 4, t)).to.equal(2);
  });

  it("matrix: the given tables, asymmetric kept; minutes from speed when not given", () => {
    const t = buildTravelTable(
      withTravel({
        metric: "matrix",
        matrix: {
          ids: ["b", "a"],
          km: [
            [0, 12],
            [10, 0],
          ],
        },
      }),
      [{ id: "a" }, { id: "b" }],
    );
    expect(at(0, 1, t)).to.equal(10); // a -> b is matrix row a (index 1), column b (index 0)
    expect(at(1, 0, t)).to.equal(12);
    expect(t.minutes[1]).to.equal(15); // 10 km at the default 40 km/h
    expect(t.minutes[2]).to.equal(18);
  });
});
