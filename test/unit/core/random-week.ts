/**
 * Random small weeks for property tests of the search: 9 villages, 40 shipments, two depots,
 * a 3 t and a 1.5 t container type, three ports. Timed weeks add pickup windows (one or two
 * a day), readyAt, and three sailings with cut-offs, two of them with few places.
 */
import type { Scenario, Shipment } from "../../../shared/core/model/scenario.js";
import { compileProblem } from "../../../shared/core/problem/compile.js";
import type { Problem } from "../../../shared/core/problem/problem.js";
import { Random } from "../../../shared/core/search/random.js";
import { tiny } from "./core-fixtures.js";

const HANDLING = ["dry", "general", "dangerous"] as const;

export function randomWeekScenario(seed: number, timed: boolean): Scenario {
  const rng = new Random(seed);
  const at = (hours: number) =>
    new Date(Date.parse("2026-12-07T00:00:00+07:00") + hours * 3600000).toISOString();
  const villages = Array.from({ length: 9 }, (_, i) => ({
    id: `v${i}`,
    x: rng.int(-60, 60),
    y: rng.int(-60, 60),
    timeZone: "Asia/Jakarta",
    serviceMinutes: rng.int(0, 60),
    ...(timed && rng.next() < 0.6
      ? {
          pickupWindows:
            rng.next() < 0.5
              ? [{ open: `0${rng.int(1, 8)}:00`, close: `1${rng.int(0, 9)}:30` }]
              : [
                  { open: "06:00", close: "09:00" },
                  { open: "13:00", close: `1${rng.int(4, 9)}:00` },
                ],
        }
      : {}),
  }));
  const shipments: Shipment[] = Array.from({ length: 40 }, (_, i) => ({
    id: `s${i}`,
    village: `v${rng.int(0, villages.length - 1)}`,
    weightKg: rng.int(100, 1800),
    volumeM3: rng.int(1, 8),
    handling: rng.pick(HANDLING),
    ...(timed && rng.next() < 0.3 ? { readyAt: at(rng.int(0, 30)) } : {}),
  }));
  const s: Scenario = tiny({
    objective: rng.next() < 0.5 ? "cost" : "distance",
    containerTypes: [
      { id: "C3", maxWeightKg: 3000, maxVolumeM3: 20, fixedCost: 500, costPerKm: 3 },
      { id: "C15", maxWeightKg: 1500, maxVolumeM3: 12, fixedCost: 300, costPerKm: 2 },
    ],
    depots: [
      { id: "D1", x: 0, y: 0, timeZone: "Asia/Jakarta" },
      { id: "D2", x: 40, y: -30, timeZone: "Asia/Jakarta" },
    ],
    ports: [
      { id: "P1", x: 70, y: 0 },
      { id: "P2", x: -50, y: 40 },
      { id: "P3", x: 10, y: 80 },
    ],
    sailings: timed
      ? [
          { id: "S1", port: "P1", departure: at(60), cutoff: at(rng.int(4, 20)), maxContainers: 2 },
          { id: "S2", port: "P1", departure: at(70), cutoff: at(rng.int(10, 40)) },
          { id: "S3", port: "P2", departure: at(50), cutoff: at(rng.int(3, 30)), maxContainers: 1 },
        ]
      : [],
    villages,
    shipments,
  });
  return s;
}

export function randomWeek(seed: number, timed: boolean): Problem {
  return compileProblem(randomWeekScenario(seed, timed)).problem;
}
