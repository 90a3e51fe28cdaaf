/**
 * One hand-built week on Java and Sulawesi, euclidean metric so every leg can be worked
 * out on paper (legs are 3-4-5 triangles), and a feasible plan for it written out by
 * hand. Each rule test mutates a deep copy so that exactly one rule breaks.
 *
 * Legs (km = minutes): D1(0,0)-V1(30,40) 50, V1-V2(30,0) 40, V2-P1(60,80) 85 (85.44),
 * V1-P2(0,120) 85 (85.44), D1-V2 30, D2(1000,0)-V3(1000,40) 40, V3-P3(1000,100) 60.
 */
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";

export function baseScenario(): Scenario {
  return {
    id: "unit-check",
    horizon: { start: "2026-12-07T00:00:00+07:00", end: "2026-12-14T00:00:00+07:00" },
    travel: { metric: "euclidean" },
    containerTypes: [
      { id: "C3T", maxWeightKg: 3000, maxVolumeM3: 14, fixedCost: 100000, costPerKm: 5000 },
      { id: "C3T-R", maxWeightKg: 3000, maxVolumeM3: 12, reefer: true, fixedCost: 150000, costPerKm: 6000 },
    ],
    depots: [
      { id: "D1", x: 0, y: 0, timeZone: "Asia/Jakarta", island: "Jawa", fleet: { C3T: 2, "C3T-R": 1 } },
      { id: "D2", x: 1000, y: 0, timeZone: "Asia/Makassar", island: "Sulawesi" },
    ],
    ports: [
      { id: "P1", x: 60, y: 80, timeZone: "Asia/Jakarta", island: "Jawa" },
      { id: "P2", x: 0, y: 120, timeZone: "Asia/Jakarta", island: "Jawa" },
      { id: "P3", x: 1000, y: 100, timeZone: "Asia/Makassar", island: "Sulawesi" },
    ],
    sailings: [
      {
        id: "S1",
        port: "P1",
        departure: "2026-12-09T18:00:00+07:00",
        cutoff: "2026-12-09T06:00:00+07:00",
        destinations: ["JP", "NL"],
        maxContainers: 1,
      },
      { id: "S2", port: "P1", departure: "2026-12-12T18:00:00+07:00", cutoff: "2026-12-12T06:00:00+07:00" },
    ],
    villages: [
      {
        id: "V1",
        x: 30,
        y: 40,
        timeZone: "Asia/Jakarta",
        island: "Jawa",
        pickupWindows: [
          { open: "08:00", close: "12:00" },
          { open: "13:00", close: "16:00" },
        ],
        serviceMinutes: 30,
      },
      {
        id: "V2",
        x: 30,
        y: 0,
        timeZone: "Asia/Jakarta",
        island: "Jawa",
        pickupWindows: [{ open: "07:00", close: "17:00" }],
        serviceMinutes: 20,
      },
      {
        id: "V3",
        x: 1000,
        y: 40,
        timeZone: "Asia/Makassar",
        island: "Sulawesi",
        pickupWindows: [{ open: "08:00", close: "16:00" }],
      },
    ],
    shipments: [
      {
        id: "SH1",
        village: "V1",
        product: "coffee",
        handling: "dry",
        weightKg: 1200,
        volumeM3: 4,
        packages: 4,
        destination: "JP",
        sailBy: "2026-12-10T00:00:00+07:00",
      },
      { id: "SH2", village: "V2", product: "rattan-crafts", handling: "general", weightKg: 800, volumeM3: 6 },
      {
        id: "SH3",
        village: "V1",
        product: "avocado",
        handling: "chilled",
        weightKg: 500,
        volumeM3: 2,
        readyAt: "2026-12-07T09:00:00+07:00",
      },
      { id: "SH4", village: "V3", product: "dried-seaweed", weightKg: 900, volumeM3: 3 },
      {
        id: "SH5",
        village: "V2",
        product: "essential-oil",
        handling: "dangerous",
        weightKg: 200,
        volumeM3: 1,
      },
      {
        id: "SH6",
        village: "V2",
        product: "banana-flour",
        handling: "dry",
        weightKg: 1500,
        volumeM3: 6,
        packages: 3,
        destination: "NL",
      },
      {
        id: "SH7",
        village: "V2",
        product: "rattan-crafts",
        handling: "general",
        weightKg: 3500,
        volumeM3: 10,
      },
    ],
    rules: { neverTogether: [["rattan-crafts", "coffee"]] },
  };
}

export function basePlan(): Plan {
  return {
    scenario: "unit-check",
    containers: [
      {
        id: "CNT-001",
        type: "C3T",
        depot: "D1",
        port: "P1",
        sailing: "S1",
        departDepot: "2026-12-07T07:10:00+07:00",
        stops: [
          {
            village: "V1",
            arrival: "2026-12-07T08:00:00+07:00",
            loadStart: "2026-12-07T08:00:00+07:00",
            departure: "2026-12-07T08:30:00+07:00",
            load: [{ shipment: "SH1", packages: 4, weightKg: 1200, volumeM3: 4 }],
          },
          {
            village: "V2",
            arrival: "2026-12-07T09:10:00+07:00",
            loadStart: "2026-12-07T09:10:00+07:00",
            departure: "2026-12-07T09:30:00+07:00",
            load: [{ shipment: "SH6", packages: 2, weightKg: 1000, volumeM3: 4 }],
          },
        ],
        portArrival: "2026-12-07T10:55:00+07:00",
        distanceKm: 175,
        cost: 975000,
        weightKg: 2200,
        volumeM3: 8,
      },
      {
        id: "CNT-002",
        type: "C3T-R",
        depot: "D1",
        port: "P2",
        departDepot: "2026-12-07T08:10:00+07:00",
        stops: [
          {
            village: "V1",
            arrival: "2026-12-07T09:00:00+07:00",
            loadStart: "2026-12-07T09:00:00+07:00",
            departure: "2026-12-07T09:30:00+07:00",
            load: [{ shipment: "SH3", packages: 1, weightKg: 500, volumeM3: 2 }],
          },
        ],
        portArrival: "2026-12-07T10:55:00+07:00",
        distanceKm: 135,
        cost: 960000,
        weightKg: 500,
        volumeM3: 2,
      },
      {
        id: "CNT-003",
        type: "C3T",
        depot: "D2",
        port: "P3",
        departDepot: "2026-12-07T07:20:00+08:00",
        stops: [
          {
            village: "V3",
            arrival: "2026-12-07T08:00:00+08:00",
            loadStart: "2026-12-07T08:00:00+08:00",
            departure: "2026-12-07T08:00:00+08:00",
            load: [{ shipment: "SH4", packages: 1, weightKg: 900, volumeM3: 3 }],
          },
        ],
        portArrival: "2026-12-07T09:00:00+08:00",
        distanceKm: 100,
        cost: 600000,
        weightKg: 900,
        volumeM3: 3,
      },
      {
        id: "CNT-004",
        type: "C3T",
        depot: "D1",
        port: "P1",
        sailing: "S2",
        departDepot: "2026-12-07T07:00:00+07:00",
        stops: [
          {
            village: "V2",
            arrival: "2026-12-07T07:30:00+07:00",
            loadStart: "2026-12-07T07:30:00+07:00",
            departure: "2026-12-07T07:50:00+07:00",
            load: [
              { shipment: "SH2", packages: 1, weightKg: 800, volumeM3: 6 },
              { shipment: "SH5", packages: 1, weightKg: 200, volumeM3: 1 },
            ],
          },
        ],
        portArrival: "2026-12-07T09:15:00+07:00",
        distanceKm: 115,
        cost: 675000,
        weightKg: 1000,
        volumeM3: 7,
      },
    ],
    // Rule 9 by hand: CNT-001 splits 975,000 by max(w/3000, v/14): SH1 0.4, SH6 1/3 ->
    // 531,818.18 and 443,181.82, floors 531,818 + 443,181, the last rupiah to SH6 (larger
    // fraction). CNT-004: SH2 max(800/3000, 6/14) = 3/7, SH5 max(200/3000, 1/14) = 1/14 ->
    // 578,571.43 and 96,428.57 -> 578,571 and 96,429.
    charges: [
      { shipment: "SH1", container: "CNT-001", packages: 4, truck: 531818, freight: 0 },
      { shipment: "SH6", container: "CNT-001", packages: 2, truck: 443182, freight: 0 },
      { shipment: "SH3", container: "CNT-002", packages: 1, truck: 960000, freight: 0 },
      { shipment: "SH4", container: "CNT-003", packages: 1, truck: 600000, freight: 0 },
      { shipment: "SH2", container: "CNT-004", packages: 1, truck: 578571, freight: 0 },
      { shipment: "SH5", container: "CNT-004", packages: 1, truck: 96429, freight: 0 },
    ],
    unassigned: [
      {
        shipment: "SH6",
        packages: 1,
        reason: "NO_CONTAINER",
        detail: "Every suitable container at D1 is already in use this week.",
      },
      {
        shipment: "SH7",
        packages: 1,
        reason: "TOO_LARGE",
        detail: "At 3500 kg it is heavier than any container.",
      },
    ],
    summary: {
      containers: 4,
      distanceKm: 525,
      cost: 3210000,
      assignedWeightKg: 4600,
      unassignedWeightKg: 4000,
      meanWeightFill: 4600 / 12000,
      meanVolumeFill: (8 / 14 + 2 / 12 + 3 / 14 + 7 / 14) / 4,
      lowerBoundContainers: 2,
      solveMs: 12,
    },
  };
}

export function container(plan: Plan, id: string) {
  const c = plan.containers.find((x) => x.id === id);
  if (!c) throw new Error(`fixture has no container ${id}`);
  return c;
}

export function shipment(scenario: Scenario, id: string) {
  const s = scenario.shipments.find((x) => x.id === id);
  if (!s) throw new Error(`fixture has no shipment ${id}`);
  return s;
}

/** After moving packages around: load lines and container weights follow the spec's part formula. */
export function refreshLoads(scenario: Scenario, plan: Plan): void {
  for (const c of plan.containers) {
    c.weightKg = 0;
    c.volumeM3 = 0;
    for (const stop of c.stops) {
      for (const line of stop.load) {
        const sh = shipment(scenario, line.shipment);
        line.weightKg = (sh.weightKg * line.packages) / (sh.packages ?? 1);
        line.volumeM3 = ((sh.volumeM3 ?? 0) * line.packages) / (sh.packages ?? 1);
        c.weightKg += line.weightKg;
        c.volumeM3 += line.volumeM3;
      }
    }
  }
  refreshSummary(scenario, plan);
}

/** The summary as the containers and unassigned list add up (so only the mutated rule breaks). */
export function refreshSummary(scenario: Scenario, plan: Plan): void {
  const cs = plan.containers;
  const type = (id: string) => scenario.containerTypes.find((t) => t.id === id)!;
  const s = plan.summary;
  s.containers = cs.length;
  s.distanceKm = cs.reduce((a, c) => a + c.distanceKm, 0);
  s.cost = cs.reduce((a, c) => a + c.cost, 0);
  s.assignedWeightKg = cs.reduce((a, c) => a + c.weightKg, 0);
  s.unassignedWeightKg = plan.unassigned.reduce((a, u) => {
    const sh = shipment(scenario, u.shipment);
    return a + (sh.weightKg * u.packages) / (sh.packages ?? 1);
  }, 0);
  s.meanWeightFill =
    cs.length === 0 ? 0 : cs.reduce((a, c) => a + c.weightKg / type(c.type).maxWeightKg, 0) / cs.length;
  s.meanVolumeFill =
    cs.length === 0 ? 0 : cs.reduce((a, c) => a + c.volumeM3 / type(c.type).maxVolumeM3, 0) / cs.length;
}
