/**
 * The national week generator: 20,000 shipments from 2,000 real villages on Sumatra, Java,
 * Kalimantan and Sulawesi (data/indonesia/national, see its SOURCE.md), 16 export ports and
 * 16 container hubs, deterministic from a seed (the same seed gives the same scenario on
 * every machine). Every ordinary shipment is aimed at a sailing it can make, so what the
 * planner leaves behind is a matter of capacity, not of impossible data.
 *
 * Times are computed in whole minutes with the fixed offsets of Indonesia's zones (WIB +7,
 * WITA +8: no daylight saving), which keeps 20,000 shipments quick to generate.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Scenario, Shipment, Village } from "../../shared/core/model/scenario.js";
import { SeededRandom } from "../demo/random.js";
import {
  CUTOFF_HOURS_BEFORE,
  HUB_MARKETS,
  ISLANDS,
  type IslandSpec,
  NATIONAL_CONTAINER_TYPES,
  NATIONAL_HORIZON,
  NATIONAL_NEVER_TOGETHER,
  NATIONAL_PRODUCTS,
  type NationalProduct,
  OTHER_MARKETS,
  SAILING_DAYS,
  SAILING_HOUR,
} from "./national-catalogue.js";

export interface NationalOptions {
  seed?: number;
  shipments?: number;
  villages?: number;
}

interface Place {
  lat: number;
  lon: number;
}

interface Row {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

interface NationalData {
  villages: Row[];
  regencies: Map<string, Row>;
  ports: Map<string, Row & { timeZone: string; island: string }>;
  provinceZones: Record<string, string>;
}

const ROAD_FACTOR = 1.35;
const SPEED_KMH = 40;
/** Slack kept before a cut-off so a truck can still collect other stops on the way. */
const MARGIN_MIN = 4 * 60;
const OFFSET_MIN: Record<string, number> = {
  "Asia/Jakarta": 420,
  "Asia/Pontianak": 420,
  "Asia/Makassar": 480,
  "Asia/Jayapura": 540,
};

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true });
}

export function loadNationalData(dataDir: string): NationalData {
  const row = (r: Record<string, string>): Row => ({
    code: r.code ?? r.locode,
    name: r.name,
    lat: Number(r.lat),
    lon: Number(r.lon),
  });
  return {
    villages: readCsv(join(dataDir, "national/villages.csv")).map(row),
    regencies: new Map(readCsv(join(dataDir, "national/regencies.csv")).map((r) => [r.code, row(r)])),
    ports: new Map(
      readCsv(join(dataDir, "ports.csv")).map((r) => [
        r.locode,
        { ...row(r), timeZone: r.timeZone, island: r.island },
      ]),
    ),
    provinceZones: JSON.parse(readFileSync(join(dataDir, "province_timezones.json"), "utf8")),
  };
}

function roadMinutes(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  const km = 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h))) * ROAD_FACTOR;
  return (km / SPEED_KMH) * 60;
}

/** Minutes since the epoch -> ISO 8601 with the zone's fixed offset, to the minute. */
function isoAt(minutes: number, zone: string): string {
  const offset = OFFSET_MIN[zone];
  const d = new Date((Math.round(minutes) + offset) * 60000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const sign = offset >= 0 ? "+" : "-";
  const off = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00${off}`;
}

const clockMin = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** The first moment at or after `t` inside one of the daily windows, in the zone's local time. */
function earliestInWindows(t: number, zone: string, windows: { open: string; close: string }[]): number {
  const offset = OFFSET_MIN[zone];
  const local = t + offset;
  const day = Math.floor(local / 1440) * 1440;
  for (let d = 0; d < 5; d++) {
    for (const w of windows) {
      const open = day + d * 1440 + clockMin(w.open);
      const close = day + d * 1440 + clockMin(w.close);
      const start = Math.max(local, open);
      if (start < close) return start - offset;
    }
  }
  return Number.POSITIVE_INFINITY;
}

interface GenVillage extends Village {
  lat: number;
  lon: number;
  timeZone: string;
  island: string;
  products: NationalProduct[];
  nearestDepotMin: number;
  nearestDepot: string;
}

interface GenSailing {
  id: string;
  port: string;
  island: string;
  departure: number;
  cutoff: number;
  zone: string;
  destinations: string[];
  targetedKg: number;
}

function drawProduct(rng: SeededRandom): NationalProduct {
  const total = NATIONAL_PRODUCTS.reduce((a, p) => a + p.weight, 0);
  let x = rng.next() * total;
  for (const p of NATIONAL_PRODUCTS) {
    x -= p.weight;
    if (x < 0) return p;
  }
  return NATIONAL_PRODUCTS[NATIONAL_PRODUCTS.length - 1];
}

const MIN = (iso: string) => Date.parse(iso) / 60000;

export function makeNationalWeek(data: NationalData, options: NationalOptions = {}): Scenario {
  const seed = options.seed ?? 1;
  const shipmentCount = options.shipments ?? 20_000;
  const villageCount = options.villages ?? 2_000;
  const rng = new SeededRandom(seed);
  const start = MIN(NATIONAL_HORIZON.start);

  const depots = ISLANDS.flatMap((isl) =>
    isl.depots.map((d) => {
      const r = data.regencies.get(d.regency);
      if (!r) throw new Error(`regency ${d.regency} not in data/indonesia/national/regencies.csv`);
      return {
        id: d.id,
        name: d.name,
        lat: r.lat,
        lon: r.lon,
        timeZone: data.provinceZones[d.regency.slice(0, 2)],
        island: isl.island,
      };
    }),
  );
  const ports = ISLANDS.flatMap((isl) =>
    isl.ports.map((code) => {
      const p = data.ports.get(code);
      if (!p) throw new Error(`port ${code} not in data/indonesia/ports.csv`);
      if (p.island !== isl.island) throw new Error(`port ${code} is on ${p.island}, not ${isl.island}`);
      return { id: code, name: p.name, lat: p.lat, lon: p.lon, timeZone: p.timeZone, island: p.island };
    }),
  );

  // Sailings: three a week from every port; each serves the hub markets and two others, in turn.
  const sailings: GenSailing[] = [];
  ports.forEach((port, q) => {
    const offset = OFFSET_MIN[port.timeZone];
    SAILING_DAYS.forEach((day, k) => {
      const localMidnight = start + 420 - offset; // horizon start is midnight WIB (+07:00)
      const departure = localMidnight + day * 1440 + SAILING_HOUR * 60;
      sailings.push({
        id: `${port.id}-D${day}`,
        port: port.id,
        island: port.island,
        departure,
        cutoff: departure - CUTOFF_HOURS_BEFORE * 60,
        zone: port.timeZone,
        destinations: [
          ...HUB_MARKETS,
          OTHER_MARKETS[(k + q) % OTHER_MARKETS.length],
          OTHER_MARKETS[(k + q + 1) % OTHER_MARKETS.length],
        ],
        targetedKg: 0,
      });
    });
  });

  // Villages: the same number on each island, drawn from the real list.
  const villages: GenVillage[] = [];
  ISLANDS.forEach((isl, i) => {
    const want = Math.floor(villageCount / ISLANDS.length) + (i < villageCount % ISLANDS.length ? 1 : 0);
    const pool = data.villages.filter((v) => isl.provinces.includes(v.code.slice(0, 2)));
    if (pool.length < want) throw new Error(`only ${pool.length} villages on ${isl.island}, ${want} wanted`);
    for (const row of rng.sample(pool, want)) villages.push(makeVillage(row, isl, depots, data, rng));
  });
  villages.sort((a, b) => a.id.localeCompare(b.id));

  const portPlace = new Map(ports.map((p) => [p.id, p]));
  const shipments: Shipment[] = [];
  const firstMorning = start + 6 * 60;
  for (let n = 0; n < shipmentCount; n++) {
    const village = n < villages.length ? villages[n] : rng.pick(villages);
    const product = rng.pick(village.products);
    const options = sailings.filter(
      (s) => s.island === village.island && s.destinations.some((d) => product.markets.includes(d)),
    );
    let chosen: { sailing: GenSailing; readyAt: number } | undefined;
    for (let attempt = 0; attempt < 60 && !chosen; attempt++) {
      const sailing = rng.pick(options);
      const leadMin = rng.int(16, 110) * 60;
      let readyAt = Math.floor((sailing.cutoff - leadMin) / 60) * 60;
      if (readyAt < firstMorning) {
        if (attempt < 40) continue;
        readyAt = firstMorning;
      }
      const truckThere = start + village.nearestDepotMin;
      const load = earliestInWindows(Math.max(readyAt, truckThere), village.timeZone, product.windows);
      const atPort =
        load + (village.serviceMinutes ?? 0) + roadMinutes(village, portPlace.get(sailing.port)!);
      if (atPort + MARGIN_MIN <= sailing.cutoff) chosen = { sailing, readyAt };
    }
    if (!chosen) throw new Error(`no reachable sailing for ${product.product} at ${village.id}`);
    const { sailing, readyAt } = chosen;
    const destination = rng.pick(sailing.destinations.filter((d) => product.markets.includes(d)));
    let sailBy: number | undefined;
    if (product.shelfHours !== undefined)
      sailBy = Math.max(readyAt + product.shelfHours * 60, sailing.departure);
    else if (rng.next() < 0.6) sailBy = MIN(NATIONAL_HORIZON.end) + 1440;
    const wholeLot = rng.next() < product.wholeLotShare;
    const kg = rng.int(product.minKg, wholeLot ? Math.min(product.maxKg, 1200) : product.maxKg);
    const units = Math.max(1, Math.round(kg / product.packageKg));
    const weightKg = units * product.packageKg;
    sailing.targetedKg += weightKg;
    shipments.push({
      id: `SH-${String(n + 1).padStart(5, "0")}`,
      village: village.id,
      product: product.product,
      handling: product.handling,
      weightKg,
      volumeM3: Math.round(units * product.packageM3 * 1000) / 1000,
      ...(wholeLot ? {} : { packages: units }),
      readyAt: isoAt(readyAt, village.timeZone),
      ...(sailBy !== undefined ? { sailBy: isoAt(sailBy, village.timeZone) } : {}),
      destination,
      exporter: `Koperasi Ekspor ${village.island} ${1 + (n % 5)}`,
    });
  }

  return {
    id: `national-week-s${seed}-${shipmentCount}`,
    objective: "cost",
    horizon: NATIONAL_HORIZON,
    travel: { metric: "road", roadFactor: ROAD_FACTOR, speedKmh: SPEED_KMH },
    containerTypes: NATIONAL_CONTAINER_TYPES,
    depots: depots.map((d) => ({ ...d, fleet: fleetOf(d.id, villages, shipments) })),
    ports,
    sailings: sailings.map((s) => ({
      id: s.id,
      port: s.port,
      departure: isoAt(s.departure, s.zone),
      cutoff: isoAt(s.cutoff, s.zone),
      destinations: s.destinations,
      // Room for what was aimed at it and a third more: shipments may take other sailings too.
      maxContainers: Math.ceil((s.targetedKg / 2400) * 1.35) + 1,
    })),
    villages: villages.map(({ products: _p, nearestDepotMin: _m, nearestDepot: _d, ...v }) => v),
    shipments,
    rules: { neverTogether: NATIONAL_NEVER_TOGETHER },
  };
}

function makeVillage(
  row: Row,
  isl: IslandSpec,
  depots: { id: string; lat: number; lon: number; island: string }[],
  data: NationalData,
  rng: SeededRandom,
): GenVillage {
  const main = drawProduct(rng);
  const second = rng.next() < 0.3 ? drawProduct(rng) : main;
  const products = second === main ? [main] : [main, second];
  let nearest = depots[0];
  let nearestMin = Number.POSITIVE_INFINITY;
  for (const d of depots) {
    if (d.island !== isl.island) continue;
    const m = roadMinutes(d, row);
    if (m < nearestMin) {
      nearestMin = m;
      nearest = d;
    }
  }
  return {
    id: row.code,
    name: row.name,
    bumdes: `BUMDes ${row.name}`,
    lat: row.lat,
    lon: row.lon,
    timeZone: data.provinceZones[row.code.slice(0, 2)],
    island: isl.island,
    // Every product's windows must allow a pickup: the village keeps the main product's days.
    pickupWindows: products.length === 1 ? main.windows : [{ open: "07:00", close: "16:00" }],
    serviceMinutes: rng.pick([20, 25, 30, 35, 40, 45]),
    products: products.map((p) =>
      products.length === 1 ? p : { ...p, windows: [{ open: "07:00", close: "16:00" }] },
    ),
    nearestDepotMin: nearestMin,
    nearestDepot: nearest.id,
  };
}

/** A hub's fleet: what its nearest villages' shipments need, with a third more, dry and reefer apart. */
function fleetOf(depot: string, villages: GenVillage[], shipments: Shipment[]): Record<string, number> {
  const mine = new Set(villages.filter((v) => v.nearestDepot === depot).map((v) => v.id));
  let dryKg = 0;
  let reeferKg = 0;
  for (const s of shipments) {
    if (!mine.has(s.village)) continue;
    if (s.handling === "chilled" || s.handling === "frozen" || s.handling === "live") reeferKg += s.weightKg;
    else dryKg += s.weightKg;
  }
  return {
    C3T: Math.ceil((dryKg / 2400) * 1.3) + 2,
    "C3T-R": Math.ceil((reeferKg / 2400) * 1.3) + 2,
  };
}
