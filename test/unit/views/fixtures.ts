/**
 * A tiny hand-built week: one dry container in Kalimantan crossing from WITA (Asia/Makassar)
 * into WIB (Asia/Pontianak), one reefer in Papua (WIT), one shipment too heavy for any
 * container. Times and costs are computed by hand from the matrix below so the plan is
 * feasible by construction (and checked by checkPlan where that exists).
 * Names carry , ; " & < > on purpose: every export must escape them.
 */
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";

const ids = ["hub", "hubP", "vA", "vB", "vP", "IDBDJ", "IDJAP", "vQ"];
const FAR = 9999;
// prettier-ignore
const km = [
  //hub hubP vA  vB  vP  BDJ JAP (vQ appended below)
  [0, FAR, 40, 70, FAR, 90, FAR],
  [FAR, 0, FAR, FAR, 20, FAR, 35],
  [40, FAR, 0, 60, FAR, 100, FAR],
  [70, FAR, 60, 0, FAR, 80, FAR],
  [FAR, 20, FAR, FAR, 0, FAR, 30],
  [90, FAR, 100, 80, FAR, 0, FAR],
  [FAR, 35, FAR, FAR, 30, FAR, 0],
].map((row, i) => [...row, i === 0 ? 30 : FAR]);
km.push([30, FAR, FAR, FAR, FAR, FAR, FAR, 0]); // vQ: reachable from hub only
// minutes: 1.5 per km, so hub->vA 60, vA->vB 90, vB->IDBDJ 120, hubP->vP 30, vP->IDJAP 45
const minutes = km.map((row) => row.map((v) => v * 1.5));

export function fixtureScenario(): Scenario {
  return {
    id: "fixture-week",
    objective: "cost",
    horizon: { start: "2026-12-28T00:00:00+08:00", end: "2027-01-04T00:00:00+08:00" },
    travel: { metric: "matrix", matrix: { ids, km, minutes } },
    containerTypes: [
      { id: "C3T", maxWeightKg: 3000, maxVolumeM3: 9, fixedCost: 1500000, costPerKm: 9000 },
      { id: "C3T-R", maxWeightKg: 3000, maxVolumeM3: 8, reefer: true, fixedCost: 2400000, costPerKm: 11000 },
    ],
    depots: [
      {
        id: "hub",
        name: "Hub Banjarbaru",
        lat: -3.44,
        lon: 114.83,
        timeZone: "Asia/Makassar",
        island: "Kalimantan",
      },
      { id: "hubP", name: "Hub Sentani", lat: -2.57, lon: 140.5, timeZone: "Asia/Jayapura", island: "Papua" },
    ],
    ports: [
      {
        id: "IDBDJ",
        name: "Trisakti (Banjarmasin)",
        lat: -3.335,
        lon: 114.56,
        timeZone: "Asia/Makassar",
        island: "Kalimantan",
      },
      { id: "IDJAP", name: "Jayapura", lat: -2.53, lon: 140.72, timeZone: "Asia/Jayapura", island: "Papua" },
    ],
    sailings: [
      {
        id: "IDBDJ-1",
        port: "IDBDJ",
        departure: "2026-12-29T20:00:00+08:00",
        cutoff: "2026-12-29T08:00:00+08:00",
        destinations: ["SG", "CN"],
      },
    ],
    villages: [
      {
        id: "vA",
        name: 'Desa Sungai Tabuk, "Hulu"',
        bumdes: "BUMDes Maju & Jaya <1>",
        lat: -3.3,
        lon: 114.7,
        timeZone: "Asia/Makassar",
        island: "Kalimantan",
        pickupWindows: [{ open: "08:00", close: "16:00" }],
        serviceMinutes: 30,
      },
      {
        id: "vB",
        name: "Desa Tumbang; Hilir",
        bumdes: "BUMDes Tumbang",
        lat: -2.9,
        lon: 114.2,
        timeZone: "Asia/Pontianak",
        island: "Kalimantan",
        pickupWindows: [{ open: "09:00", close: "15:00" }],
        serviceMinutes: 30,
      },
      {
        id: "vP",
        name: "Kampung Yoka",
        lat: -2.55,
        lon: 140.6,
        timeZone: "Asia/Jayapura",
        island: "Papua",
        pickupWindows: [{ open: "08:00", close: "12:00" }],
      },
      {
        id: "vQ",
        name: "Desa Kosong",
        lat: -3.1,
        lon: 114.9,
        timeZone: "Asia/Makassar",
        island: "Kalimantan",
      },
    ],
    shipments: [
      {
        id: "S1",
        village: "vA",
        product: "avocado",
        weightKg: 1200,
        volumeM3: 3,
        exporter: "EXP-A",
        destination: "SG",
      },
      {
        id: "S2",
        village: "vB",
        product: "banana-flour",
        weightKg: 800,
        volumeM3: 2,
        packages: 4,
        exporter: "EXP-B",
        destination: "SG",
      },
      { id: "S3", village: "vQ", product: "=cmd|' /C calc'!A0", weightKg: 3500, exporter: "EXP-B" },
      {
        id: "S4",
        village: "vP",
        product: "mud-crab",
        handling: "live",
        weightKg: 500,
        volumeM3: 1.5,
        exporter: "EXP-A",
        destination: "CN",
      },
    ],
  };
}

export function fixturePlan(): Plan {
  return {
    scenario: "fixture-week",
    containers: [
      {
        id: "C1",
        type: "C3T",
        depot: "hub",
        port: "IDBDJ",
        sailing: "IDBDJ-1",
        departDepot: "2026-12-28T07:00:00+08:00",
        stops: [
          {
            village: "vA",
            arrival: "2026-12-28T08:00:00+08:00",
            loadStart: "2026-12-28T08:00:00+08:00",
            departure: "2026-12-28T08:30:00+08:00",
            load: [{ shipment: "S1", packages: 1, weightKg: 1200, volumeM3: 3 }],
          },
          {
            village: "vB",
            arrival: "2026-12-28T09:00:00+07:00",
            loadStart: "2026-12-28T09:00:00+07:00",
            departure: "2026-12-28T09:30:00+07:00",
            load: [{ shipment: "S2", packages: 4, weightKg: 800, volumeM3: 2 }],
          },
        ],
        portArrival: "2026-12-28T12:30:00+08:00",
        distanceKm: 180,
        cost: 3120000,
        weightKg: 2000,
        volumeM3: 5,
      },
      {
        id: "C2",
        type: "C3T-R",
        depot: "hubP",
        port: "IDJAP",
        departDepot: "2026-12-28T07:00:00+09:00",
        stops: [
          {
            village: "vP",
            arrival: "2026-12-28T07:30:00+09:00",
            loadStart: "2026-12-28T08:00:00+09:00",
            departure: "2026-12-28T08:00:00+09:00",
            load: [{ shipment: "S4", packages: 1, weightKg: 500, volumeM3: 1.5 }],
          },
        ],
        portArrival: "2026-12-28T08:45:00+09:00",
        distanceKm: 50,
        cost: 2950000,
        weightKg: 500,
        volumeM3: 1.5,
      },
    ],
    // C1: S1 max(1200/3000, 3/9) = 0.4, S2 max(800/3000, 2/9) = 4/15 -> 60 % and 40 % of 3,120,000.
    charges: [
      { shipment: "S1", container: "C1", packages: 1, truck: 1872000, freight: 0 },
      { shipment: "S2", container: "C1", packages: 4, truck: 1248000, freight: 0 },
      { shipment: "S4", container: "C2", packages: 1, truck: 2950000, freight: 0 },
    ],
    unassigned: [
      {
        shipment: "S3",
        packages: 1,
        reason: "TOO_LARGE",
        detail: "3500 kg in one package exceeds every container (3000 kg).",
      },
    ],
    summary: {
      containers: 2,
      distanceKm: 230,
      cost: 6070000,
      assignedWeightKg: 2500,
      unassignedWeightKg: 3500,
      meanWeightFill: (2000 / 3000 + 500 / 3000) / 2,
      meanVolumeFill: (5 / 9 + 1.5 / 8) / 2,
      lowerBoundContainers: 1,
      solveMs: 0,
    },
  };
}
