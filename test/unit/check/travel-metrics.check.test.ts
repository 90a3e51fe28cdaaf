/**
 * The road and matrix metrics, with figures worked out by hand: on the equator one
 * degree of longitude is 6371 x pi / 180 = 111.1949 km great-circle, x 1.35 = 150.1132 km
 * by road, which at 40 km/h takes 225.17 min (3 h 45 min 10 s).
 */
import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { validateScenario } from "../../../shared/core/model/validate.js";
import { expectOnly, rulesOf } from "./check-expect.js";

const ROAD_LEG_KM = 150.11315097;

function week(travel: Scenario["travel"]): Scenario {
  const place = (id: string, lon: number) => ({ id, lat: 0, lon });
  const s: Scenario = {
    travel,
    containerTypes: [{ id: "C3T", maxWeightKg: 3000, maxVolumeM3: 14 }],
    depots: [place("D", 0)],
    ports: [place("P", 2)],
    villages: [place("V", 1)],
    shipments: [{ id: "S", village: "V", weightKg: 1000, volumeM3: 2 }],
  };
  const valid = validateScenario(s);
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  return valid.scenario;
}

/** A one-stop trip reporting `distanceKm`; its cost (type defaults: 1 IDR/km) is that of the true `costKm`. */
function trip(times: [string, string, string], distanceKm: number, costKm = distanceKm): Plan {
  const [depart, atVillage, atPort] = times;
  return {
    containers: [
      {
        id: "C1",
        type: "C3T",
        depot: "D",
        port: "P",
        departDepot: depart,
        stops: [
          {
            village: "V",
            arrival: atVillage,
            loadStart: atVillage,
            departure: atVillage,
            load: [{ shipment: "S", packages: 1, weightKg: 1000, volumeM3: 2 }],
          },
        ],
        portArrival: atPort,
        distanceKm,
        cost: costKm,
        weightKg: 1000,
        volumeM3: 2,
      },
    ],
    charges: [{ shipment: "S", container: "C1", packages: 1, truck: Math.round(costKm), freight: 0 }],
    unassigned: [],
    summary: {
      containers: 1,
      distanceKm,
      cost: costKm,
      assignedWeightKg: 1000,
      unassignedWeightKg: 0,
      meanWeightFill: 1000 / 3000,
      meanVolumeFill: 2 / 14,
      lowerBoundContainers: 1,
      solveMs: 0,
    },
  };
}

describe("checkPlan: road metric (haversine x roadFactor, speedKmh)", () => {
  it("accepts the hand-computed trip", () => {
    const plan = trip(
      ["2026-12-07T00:00:00Z", "2026-12-07T03:45:10Z", "2026-12-07T07:30:20Z"],
      2 * ROAD_LEG_KM,
    );
    expect(checkPlan(week(undefined), plan)).to.deep.equal([]);
  });

  it("a straight-line (great-circle) distance is not the road distance", () => {
    const plan = trip(
      ["2026-12-07T00:00:00Z", "2026-12-07T03:45:10Z", "2026-12-07T07:30:20Z"],
      (2 * ROAD_LEG_KM) / 1.35,
      2 * ROAD_LEG_KM,
    );
    expectOnly(checkPlan(week(undefined), plan), "CONTAINER_DISTANCE");
  });

  it("honours roadFactor and speedKmh", () => {
    const km = (2 * ROAD_LEG_KM) / 1.35; // roadFactor 1 -> 111.19 km a leg, 60 km/h -> 111.19 min
    const plan = trip(["2026-12-07T00:00:00Z", "2026-12-07T01:51:12Z", "2026-12-07T03:42:23Z"], km);
    expect(checkPlan(week({ metric: "road", roadFactor: 1, speedKmh: 60 }), plan)).to.deep.equal([]);
    // at the default 40 km/h the same trip arrives later everywhere
    expect(rulesOf(checkPlan(week({ metric: "road", roadFactor: 1 }), plan))).to.deep.equal([
      "ARRIVAL_TIME",
      "PORT_ARRIVAL_TIME",
    ]);
  });
});

describe("checkPlan: matrix metric", () => {
  const ids = ["D", "V", "P"];
  const km = [
    [0, 10, 30],
    [12, 0, 25],
    [30, 26, 0],
  ];

  it("reads km and minutes from the tables (asymmetric)", () => {
    const minutes = [
      [0, 20, 45],
      [20, 0, 40],
      [45, 41, 0],
    ];
    const plan = trip(["2026-12-07T08:00:00Z", "2026-12-07T08:20:00Z", "2026-12-07T09:00:00Z"], 35);
    expect(checkPlan(week({ metric: "matrix", matrix: { ids, km, minutes } }), plan)).to.deep.equal([]);
    const reversed = trip(["2026-12-07T08:00:00Z", "2026-12-07T08:20:00Z", "2026-12-07T09:00:00Z"], 37, 35);
    expectOnly(
      checkPlan(week({ metric: "matrix", matrix: { ids, km, minutes } }), reversed),
      "CONTAINER_DISTANCE",
    );
  });

  it("without a minutes table, minutes = km / speedKmh x 60", () => {
    // 10 km at 40 km/h = 15 min; 25 km = 37.5 min
    const plan = trip(["2026-12-07T08:00:00Z", "2026-12-07T08:15:00Z", "2026-12-07T08:52:30Z"], 35);
    expect(checkPlan(week({ metric: "matrix", matrix: { ids, km } }), plan)).to.deep.equal([]);
    expect(
      rulesOf(checkPlan(week({ metric: "matrix", speedKmh: 20, matrix: { ids, km } }), plan)),
    ).to.deep.equal(["ARRIVAL_TIME", "PORT_ARRIVAL_TIME"]);
  });
});
