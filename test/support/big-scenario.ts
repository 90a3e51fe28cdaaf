/**
 * A large, plain, valid week for time-limit and load tests: many shipments over a
 * bounded number of villages on one island (Jawa), so memory stays modest (the travel
 * table is villages², not shipments²) while compiling, constructing and checking are
 * as big as the shipment count makes them. Seeded: the same arguments, the same week.
 */
import type { Scenario, Shipment, Village } from "../../shared/core/model/scenario.js";
import { seededRandom } from "./random-scenario.js";

const PRODUCTS = [
  { product: "coffee", handling: "dry", density: 450 },
  { product: "cocoa", handling: "dry", density: 420 },
  { product: "rattan-crafts", handling: "general", density: 90 },
  { product: "banana-flour", handling: "dry", density: 500 },
] as const;

export function bigScenario(shipmentCount: number, villageCount: number, seed = 1): Scenario {
  const next = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * next();
  const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
  const villages: Village[] = [];
  for (let k = 0; k < villageCount; k++) {
    villages.push({
      id: `V${k + 1}`,
      lat: round(between(-7.8, -6.6), 4),
      lon: round(between(109.2, 111.8), 4),
      timeZone: "Asia/Jakarta",
      island: "Jawa",
      serviceMinutes: 15,
    });
  }
  const shipments: Shipment[] = [];
  for (let k = 0; k < shipmentCount; k++) {
    const kind = PRODUCTS[Math.floor(next() * PRODUCTS.length)];
    const weightKg = Math.round(between(100, 1400));
    shipments.push({
      id: `S${k + 1}`,
      village: villages[Math.floor(next() * villages.length)].id,
      product: kind.product,
      handling: kind.handling,
      weightKg,
      volumeM3: round(weightKg / kind.density, 2),
    });
  }
  const depots = [0, 1, 2, 3].map((k) => ({
    id: `HUB-${k + 1}`,
    lat: round(-7.4 + 0.2 * k, 3),
    lon: round(109.6 + 0.6 * k, 3),
    timeZone: "Asia/Jakarta",
    island: "Jawa",
  }));
  const ports = [
    { id: "IDSRG", lat: -6.95, lon: 110.417, timeZone: "Asia/Jakarta", island: "Jawa" },
    { id: "IDTPP", lat: -6.104, lon: 106.886, timeZone: "Asia/Jakarta", island: "Jawa" },
  ];
  const sailings = ports.flatMap((p) =>
    [3, 5].map((day) => ({
      id: `${p.id}-D${day}`,
      port: p.id,
      cutoff: `2026-12-${String(7 + day).padStart(2, "0")}T06:00:00+07:00`,
      departure: `2026-12-${String(7 + day).padStart(2, "0")}T18:00:00+07:00`,
    })),
  );
  return {
    id: `big-${shipmentCount}-${villageCount}-${seed}`,
    horizon: { start: "2026-12-07T00:00:00+07:00", end: "2026-12-14T00:00:00+07:00" },
    containerTypes: [{ id: "C3T", maxWeightKg: 3000, maxVolumeM3: 16, fixedCost: 350000, costPerKm: 6500 }],
    depots,
    ports,
    sailings,
    villages,
    shipments,
  };
}
