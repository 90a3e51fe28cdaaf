/**
 * Seeded random Scenarios for property tests: same (seed, size) -> same scenario, and
 * every one passes validateScenario. Covers what the spec allows: several container
 * types (reefer or not, fleets limited, partial and unlimited), 1-3 depots, ports on
 * 1-2 islands (plus sometimes an island with villages and no port), sailings with
 * destinations, cut-offs and maxContainers, pickup windows in WIB/WITA/WIT, all six
 * handling classes, split packages, readyAt, sailBy, destinations, product rules, the
 * three travel metrics, shipments too heavy for any container and ones with no port.
 *
 * Places without timeZone are generated without pickup windows: how a zoneless
 * village reads its clock is a convention (docs/checker.md), tested by unit tests,
 * not something random search should trip over.
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import type { Scenario, Shipment, Village } from "../../shared/core/model/scenario.js";
import { validateScenario } from "../../shared/core/model/validate.js";

/** mulberry32: small, fast, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly next: () => number) {}
  float(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  some<T>(items: readonly T[], lo: number, hi: number): T[] {
    const pool = [...items];
    const n = Math.min(pool.length, this.int(lo, hi));
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
}

interface IslandInfo {
  island: string;
  zone: string;
  lat: number;
  lon: number;
  port: { id: string; lat: number; lon: number };
  airport?: { id: string; lat: number; lon: number };
}

/** Real export ports (UN/LOCODE, WPI coordinates) and regions around them. */
const ISLANDS: readonly IslandInfo[] = [
  {
    island: "Jawa",
    zone: "Asia/Jakarta",
    lat: -7.1,
    lon: 110.6,
    port: { id: "IDSRG", lat: -6.95, lon: 110.417 },
    airport: { id: "IDSRG-AIR", lat: -6.972, lon: 110.375 },
  },
  {
    island: "Kalimantan",
    zone: "Asia/Makassar",
    lat: -3.0,
    lon: 115.0,
    port: { id: "IDBDJ", lat: -3.333, lon: 114.583 },
  },
  {
    island: "Sulawesi",
    zone: "Asia/Makassar",
    lat: -5.0,
    lon: 119.7,
    port: { id: "IDMAK", lat: -5.133, lon: 119.4 },
    airport: { id: "IDUPG-AIR", lat: -5.062, lon: 119.554 },
  },
  {
    island: "Papua",
    zone: "Asia/Jayapura",
    lat: -2.7,
    lon: 140.5,
    port: { id: "IDDJJ", lat: -2.533, lon: 140.717 },
  },
];

const PRODUCTS: readonly { product: string; handling: Shipment["handling"]; density: number }[] = [
  { product: "coffee", handling: "dry", density: 450 },
  { product: "dried-seaweed", handling: "dry", density: 180 },
  { product: "banana-flour", handling: "dry", density: 500 },
  { product: "cocoa", handling: "dry", density: 420 },
  { product: "essential-oil", handling: "dangerous", density: 800 },
  { product: "mud-crab", handling: "live", density: 250 },
  { product: "avocado", handling: "chilled", density: 400 },
  { product: "frozen-tuna", handling: "frozen", density: 550 },
  { product: "rattan-crafts", handling: "general", density: 90 },
];

const COUNTRIES = ["JP", "CN", "NL", "US", "SG", "KR", "AE", "DE"] as const;
const WINDOW_SETS = [
  [{ open: "07:00", close: "11:00" }],
  [
    { open: "08:00", close: "12:00" },
    { open: "13:00", close: "16:00" },
  ],
  [
    { open: "06:00", close: "10:00" },
    { open: "15:00", close: "18:00" },
  ],
  [{ open: "08:00", close: "17:00" }],
  [
    { open: "05:00", close: "07:00" },
    { open: "22:00", close: "24:00" },
  ],
];

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Sea boxes on top of a random week (rule 8), drawn from their own stream so the week
 * itself is the same with or without them: one to three box types (a dry 20 ft, often a
 * reefer, sometimes a 40 ft or a light box where the tare matters), slots and tare on the
 * container types, and a box limit on some sailings.
 */
function addBoxes(scenario: Scenario, seed: number): void {
  const d = new Dice(seededRandom(seed ^ 0x5bd1e995));
  const boxTypes: NonNullable<Scenario["boxTypes"]> = [
    { id: "20GP", slots: d.pick([2, 3, 3]), maxWeightKg: d.pick([21000, 10000, 7000]), freight: 9_500_000 },
  ];
  if (d.chance(0.8))
    boxTypes.push({
      id: "20RF",
      slots: 3,
      maxWeightKg: d.pick([20000, 8000]),
      reefer: true,
      freight: 16_500_000,
    });
  if (d.chance(0.3))
    boxTypes.push({ id: "40GP", slots: 6, maxWeightKg: 26000, freight: d.pick([15_000_000, 30_000_000]) });
  if (d.chance(0.15)) {
    const t = d.pick(boxTypes);
    delete t.freight; // default 0
  }
  scenario.boxTypes = boxTypes;
  for (const t of scenario.containerTypes) {
    if (d.chance(0.7)) t.tareKg = d.pick([0, 350, 600]);
    if (d.chance(0.2)) t.boxSlots = d.pick([1, 2]);
  }
  for (const sl of scenario.sailings ?? []) if (d.chance(0.5)) sl.maxBoxes = d.int(0, 3);
}

/** A valid random Scenario; `size` is the number of shipments (>= 1); `boxes` adds sea boxes. */
export function randomScenario(seed: number, size: number, options: { boxes?: boolean } = {}): Scenario {
  const d = new Dice(seededRandom(seed));
  const shipmentsWanted = Math.max(1, Math.floor(size));
  const portIslands = d.some(ISLANDS, 1, 2);
  const orphan = d.chance(0.3) ? ISLANDS.find((i) => !portIslands.includes(i)) : undefined;
  const villageIslands = orphan ? [...portIslands, orphan] : portIslands;
  const home = portIslands[0];
  const weekStart = DateTime.fromISO("2026-12-07T00:00:00", { zone: home.zone });
  const at = (hoursFromStart: number, zone: string) =>
    weekStart
      .plus({ minutes: Math.round(hoursFromStart * 60) })
      .setZone(zone)
      .toISO({ suppressMilliseconds: true })!;
  const near = (i: IslandInfo, spreadDeg: number) => ({
    lat: round(i.lat + d.float(-spreadDeg, spreadDeg), 4),
    lon: round(i.lon + d.float(-spreadDeg, spreadDeg), 4),
  });
  const islandOf = (i: IslandInfo) => (d.chance(0.1) ? {} : { island: i.island });

  const containerTypes: Scenario["containerTypes"] = [
    { id: "C3T", maxWeightKg: 3000, maxVolumeM3: d.pick([14, 16]), fixedCost: 350000, costPerKm: 6500 },
  ];
  if (d.chance(0.8)) {
    containerTypes.push({
      id: "C3T-R",
      maxWeightKg: 3000,
      maxVolumeM3: 12,
      reefer: true,
      fixedCost: 550000,
      costPerKm: 8000,
    });
  }
  if (d.chance(0.4))
    containerTypes.push({ id: "C1T", maxWeightKg: 1000, maxVolumeM3: 5, fixedCost: 150000, costPerKm: 3500 });
  if (d.chance(0.15)) {
    const t = d.pick(containerTypes);
    delete t.fixedCost; // defaults: 0 and 1
    delete t.costPerKm;
  }

  const depotCount = d.int(1, 3);
  const depots: Scenario["depots"] = [];
  for (let k = 0; k < depotCount; k++) {
    const i = k === 0 ? home : d.pick(portIslands);
    const fleet: Record<string, number> = {};
    const limited = d.chance(0.5);
    if (limited) for (const t of d.some(containerTypes, 1, containerTypes.length)) fleet[t.id] = d.int(0, 3);
    depots.push({
      id: `HUB-${k + 1}`,
      name: `Gudang ${i.island} ${k + 1}`,
      ...near(i, 0.3),
      timeZone: i.zone,
      ...islandOf(i),
      ...(limited ? { fleet } : {}),
    });
  }

  const ports: Scenario["ports"] = [];
  for (const i of portIslands) {
    ports.push({ id: i.port.id, lat: i.port.lat, lon: i.port.lon, timeZone: i.zone, island: i.island });
    if (i.airport && d.chance(0.4))
      ports.push({
        id: i.airport.id,
        lat: i.airport.lat,
        lon: i.airport.lon,
        timeZone: i.zone,
        island: i.island,
      });
  }

  const sailings: NonNullable<Scenario["sailings"]> = [];
  for (const p of ports) {
    if (d.chance(0.3)) continue; // this port takes containers any time
    const count = d.int(1, 3);
    for (let k = 0; k < count; k++) {
      const departH = d.int(2, 7) * 24 + d.int(8, 20);
      const cutoffH = departH - d.int(4, 30);
      sailings.push({
        id: `${p.id}-V${k + 1}`,
        port: p.id,
        departure: at(departH, p.timeZone!),
        cutoff: at(cutoffH, p.timeZone!),
        ...(d.chance(0.5) ? { destinations: d.some(COUNTRIES, 1, 3) } : {}),
        ...(d.chance(0.5) ? { maxContainers: d.int(1, 3) } : {}),
      });
    }
  }

  const villageCount = Math.max(2, Math.ceil(shipmentsWanted / 2));
  const villages: Village[] = [];
  for (let k = 0; k < villageCount; k++) {
    const i = k === 0 ? home : d.pick(villageIslands);
    const zoneless = d.chance(0.1);
    villages.push({
      id: `${i.island.slice(0, 3).toUpperCase()}-${String(k + 1).padStart(3, "0")}`,
      name: `Desa ${k + 1}`,
      bumdes: `BUMDes Maju ${k + 1}`,
      ...near(i, 0.6),
      ...(zoneless ? {} : { timeZone: i.zone }),
      ...islandOf(i),
      ...(!zoneless && d.chance(0.7) ? { pickupWindows: d.pick(WINDOW_SETS) } : {}),
      ...(d.chance(0.7) ? { serviceMinutes: d.int(0, 12) * 5 } : {}),
    });
  }

  const shipments: Shipment[] = [];
  for (let k = 0; k < shipmentsWanted; k++) {
    const village = d.pick(villages);
    const zone = village.timeZone ?? home.zone;
    const kind = d.pick(PRODUCTS);
    let weightKg = d.int(50, 1500);
    let packages: number | undefined;
    const roll = d.float(0, 1);
    if (roll < 0.07) {
      weightKg = d.int(3200, 5000); // one package heavier than any container: TOO_LARGE
    } else if (roll < 0.1) {
      packages = 2;
      weightKg = 2 * d.int(3100, 3600); // split, yet each package too heavy
    } else if (roll < 0.4) {
      packages = d.int(2, 12);
      weightKg = d.int(800, 6000);
    }
    const volumeM3 = round(weightKg / kind.density, 2);
    shipments.push({
      id: `SHP-${String(k + 1).padStart(3, "0")}`,
      village: village.id,
      ...(d.chance(0.9) ? { product: kind.product } : {}),
      ...(kind.handling === "dry" && d.chance(0.3) ? {} : { handling: kind.handling }),
      weightKg,
      ...(d.chance(0.9) ? { volumeM3: Math.max(0.01, volumeM3) } : {}),
      ...(packages !== undefined ? { packages } : d.chance(0.1) ? { packages: 1 } : {}),
      ...(d.chance(0.3) ? { readyAt: at(d.int(0, 72), zone) } : {}),
      ...(d.chance(0.25) ? { sailBy: at(d.int(3, 8) * 24, zone) } : {}),
      ...(d.chance(0.5) ? { destination: d.pick(COUNTRIES) } : {}),
      ...(d.chance(0.5)
        ? { exporter: d.pick(["PT Kopi Nusantara", "CV Rumput Laut Jaya", "PT Rempah Timur"]) }
        : {}),
    });
  }

  const metricRoll = d.float(0, 1);
  const metric = metricRoll < 0.6 ? "road" : metricRoll < 0.8 ? "euclidean" : "matrix";
  const places: { id: string; lat?: number; lon?: number; x?: number; y?: number }[] = [
    ...depots,
    ...ports,
    ...villages,
  ];
  let travel: Scenario["travel"];
  if (metric === "road") {
    travel = d.chance(0.5)
      ? undefined
      : { metric: "road", roadFactor: d.pick([1.2, 1.35, 1.5]), speedKmh: d.pick([30, 40, 50]) };
  } else if (metric === "euclidean") {
    // Kilometres on a flat projection; minutes equal distance (CVRPLIB convention).
    for (const p of places) {
      p.x = round((p.lon! - 110) * 111 * Math.cos((4 * Math.PI) / 180), 1);
      p.y = round((p.lat! + 5) * 111, 1);
    }
    travel = { metric: "euclidean" };
  } else {
    const ids = places.map((p) => p.id);
    const km = places.map((a) =>
      places.map((b) => (a === b ? 0 : round(haversineKm(a as never, b as never) * 1.3, 1))),
    );
    const withMinutes = d.chance(0.5);
    travel = {
      metric: "matrix",
      ...(d.chance(0.5) ? { speedKmh: 35 } : {}),
      matrix: {
        ids,
        km,
        ...(withMinutes ? { minutes: km.map((row) => row.map((v) => Math.round((v / 35) * 60))) } : {}),
      },
    };
  }

  const rules = d.chance(0.3)
    ? {
        neverTogether: [
          d.pick([
            ["rattan-crafts", "essential-oil"] as [string, string],
            ["cocoa", "coffee"] as [string, string],
          ]),
        ],
      }
    : undefined;

  const scenario: Scenario = {
    id: `random-${seed}-${shipmentsWanted}`,
    ...(d.chance(0.85)
      ? { horizon: { start: weekStart.toISO({ suppressMilliseconds: true })!, end: at(7 * 24, home.zone) } }
      : {}),
    ...(travel ? { travel } : {}),
    ...(d.chance(0.2) ? { objective: "distance" as const } : {}),
    containerTypes,
    depots,
    ports,
    ...(sailings.length > 0 ? { sailings } : {}),
    villages,
    shipments,
    ...(rules ? { rules } : {}),
  };
  if (options.boxes) addBoxes(scenario, seed);
  const valid = validateScenario(scenario);
  if (!valid.ok)
    throw new Error(`randomScenario(${seed}, ${size}) is invalid: ${JSON.stringify(valid.errors)}`);
  return valid.scenario;
}

export interface RandomCase {
  seed: number;
  size: number;
  scenario: Scenario;
}

/** fast-check arbitrary: shrinks towards fewer shipments and smaller seeds. */
export function scenarioArbitrary(
  options: { minSize?: number; maxSize?: number; boxes?: boolean } = {},
): fc.Arbitrary<RandomCase> {
  return fc
    .record({
      size: fc.integer({ min: options.minSize ?? 1, max: options.maxSize ?? 12 }),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
    })
    .map(({ seed, size }) => ({
      seed,
      size,
      scenario: randomScenario(seed, size, { boxes: options.boxes }),
    }));
}
