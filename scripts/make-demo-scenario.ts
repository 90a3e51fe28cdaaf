/**
 * Writes the demo scenario `data/demo/kalimantan-week.json`: a week of BUMDes shipments in
 * Kalimantan Selatan and Kalimantan Tengah, from real villages (data/indonesia) to the
 * region's ports and the Banjarmasin airport.
 *
 *   npx tsx scripts/make-demo-scenario.ts [--seed N] [--out FILE]
 *
 * Seeded and deterministic: the same seed writes the same bytes. Each ordinary shipment
 * is aimed at a sailing it can make (readyAt leaves time to reach the cut-off), so the
 * plan shows what consolidation does; four deliberately hard shipments show every-day
 * reasons a shipment stays behind.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import type { Scenario, Shipment, Village } from "../shared/core/model/scenario.js";
import { validateScenario } from "../shared/core/model/validate.js";
import { flagsOrExit, wholeFlag } from "./cli/script-flags.js";
import { type IndonesiaData, loadIndonesiaData, type VillageRow } from "./demo/indonesia-data.js";
import {
  AIRPORT,
  BOX_TYPES,
  CONTAINER_TYPES,
  DEPOTS,
  HORIZON,
  NEVER_TOGETHER,
  PRODUCTS,
  type ProductSpec,
  SAILINGS,
  type SailingSpec,
  SEAPORTS,
} from "./demo/kalimantan-week.js";
import { SeededRandom } from "./demo/random.js";

const ROOT = resolve(__dirname, "..");
const ISLAND = "Kalimantan";
const ROAD_FACTOR = 1.35;
const SPEED_KMH = 40;
/** Slack kept before a cut-off so a truck can still collect other stops on the way. */
const MARGIN_HOURS = 4;
const PREFIX: Record<string, string> = {
  "essential-oil": "ESS",
  avocado: "AVO",
  "banana-flour": "FLR",
  "mud-crab": "CRB",
  coffee: "COF",
  "dried-seaweed": "SWD",
  "rattan-crafts": "RTN",
};

interface Point {
  lat: number;
  lon: number;
}

function haversineKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The spec's road metric, so the generator's promise matches what the planner computes. */
function roadMinutes(a: Point, b: Point): number {
  return ((haversineKm(a, b) * ROAD_FACTOR) / SPEED_KMH) * 60;
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

function earliestInWindows(t: DateTime, zone: string, windows: { open: string; close: string }[]): DateTime {
  const local = t.setZone(zone);
  for (let day = 0; day < 4; day++) {
    const date = local.startOf("day").plus({ days: day });
    for (const w of windows) {
      const [oh, om] = w.open.split(":").map(Number);
      const [ch, cm] = w.close.split(":").map(Number);
      const open = date.set({ hour: oh, minute: om });
      const close = date.set({ hour: ch, minute: cm });
      const start = DateTime.max(local, open);
      if (start < close) return start;
    }
  }
  throw new Error(`no pickup window within 4 days of ${iso(t)}`);
}

function provinceCode(code: string): string {
  return code.slice(0, 2);
}

interface DemoVillage extends Village {
  product: string;
  row: VillageRow;
}

function pickVillages(data: IndonesiaData, rng: SeededRandom): DemoVillage[] {
  const used = new Set<string>();
  const out: DemoVillage[] = [];
  const serviceChoices = [20, 25, 30, 35, 40, 45];
  const make = (row: VillageRow, spec: ProductSpec, island: string): DemoVillage => ({
    id: row.code,
    name: row.name,
    bumdes: `BUMDes ${row.name}`,
    lat: row.lat,
    lon: row.lon,
    timeZone: data.provinceTimeZones[provinceCode(row.code)],
    island,
    pickupWindows: spec.pickupWindows,
    serviceMinutes: rng.pick(serviceChoices),
    product: spec.product,
    row,
  });
  for (const spec of PRODUCTS) {
    // Draw across regions in turn so every region named for a product is represented.
    const pools = spec.regions.map((region) => {
      const pool = data.villages.filter(
        (v) =>
          v.coordLevel === "village" &&
          v.regency === region.regency &&
          (!region.districts || region.districts.includes(v.district)),
      );
      if (pool.length === 0) throw new Error(`no villages for ${spec.product} in ${region.regency}`);
      return pool;
    });
    for (let i = 0; i < spec.villages; i++) {
      const pool = pools[i % pools.length].filter((v) => !used.has(v.code));
      const row = rng.pick(pool);
      used.add(row.code);
      out.push(make(row, spec, ISLAND));
    }
  }
  // A seaweed farm on Pulau Laut: an island without a port in the scenario (trucks do not cross the sea).
  const seaweed = PRODUCTS.find((p) => p.product === "dried-seaweed")!;
  const pulauLaut = data.villages.filter(
    (v) =>
      v.coordLevel === "village" && v.regency === "Kabupaten Kotabaru" && /^Pulau ?laut/i.test(v.district),
  );
  out.push(make(rng.pick(pulauLaut), seaweed, "Pulau Laut"));
  return out;
}

interface Reach {
  depots: Point[];
  ports: Map<string, Point>;
}

/** Can a truck load at `village` after `readyAt` and reach `sailing` by its cut-off, with margin? */
function canMake(reach: Reach, village: DemoVillage, readyAt: DateTime, sailing: SailingSpec): boolean {
  const fromDepot = Math.min(...reach.depots.map((d) => roadMinutes(d, village as Point)));
  const truckThere = DateTime.fromISO(HORIZON.start).plus({ minutes: fromDepot });
  const earliest = DateTime.max(readyAt, truckThere);
  const load = earliestInWindows(earliest, village.timeZone!, village.pickupWindows!);
  const port = reach.ports.get(sailing.port)!;
  const atPort = load.plus({ minutes: (village.serviceMinutes ?? 0) + roadMinutes(village as Point, port) });
  return atPort.plus({ hours: MARGIN_HOURS }) <= DateTime.fromISO(sailing.cutoff);
}

function packing(spec: ProductSpec, weightKg: number, wholeLot: boolean) {
  const units = Math.max(1, Math.round(weightKg / spec.packageKg));
  return {
    weightKg: units * spec.packageKg,
    volumeM3: Math.round(units * spec.packageM3 * 1000) / 1000,
    packages: wholeLot ? undefined : units,
  };
}

function makeShipments(villages: DemoVillage[], reach: Reach, rng: SeededRandom): Shipment[] {
  const shipments: Shipment[] = [];
  const buyerDeadline = DateTime.fromISO(HORIZON.end).plus({ days: 1 });
  for (const spec of PRODUCTS) {
    const own = villages.filter((v) => v.product === spec.product && v.island === ISLAND);
    const sailings = SAILINGS.filter(
      (s) => s.mode === spec.mode && s.destinations.some((d) => spec.markets.includes(d)),
    );
    for (let n = 0; n < spec.shipments; n++) {
      // Every village ships at least once, then at random.
      const village = n < own.length ? own[n] : rng.pick(own);
      const zone = village.timeZone!;
      const firstMorning = DateTime.fromISO(`${HORIZON.start.slice(0, 10)}T06:00`, { zone });
      let chosen: { sailing: SailingSpec; readyAt: DateTime } | undefined;
      for (let attempt = 0; attempt < 80 && !chosen; attempt++) {
        const sailing = rng.pick(sailings);
        const lead = rng.int(spec.leadHours[0], spec.leadHours[1]);
        let readyAt = DateTime.fromISO(sailing.cutoff).setZone(zone).minus({ hours: lead }).startOf("hour");
        // Before the week starts: draw again, and only late on settle for Monday morning.
        if (readyAt < firstMorning && attempt < 60) continue;
        if (readyAt < firstMorning) readyAt = firstMorning;
        if (canMake(reach, village, readyAt, sailing)) chosen = { sailing, readyAt };
      }
      if (!chosen) throw new Error(`no reachable sailing for ${spec.product} at ${village.name}`);
      const { sailing, readyAt } = chosen;
      const destination = rng.pick(sailing.destinations.filter((d) => spec.markets.includes(d)));
      let sailBy: DateTime | undefined;
      if (spec.shelfDays !== undefined) {
        sailBy = readyAt.plus({ hours: Math.ceil(spec.shelfDays * 24) });
        const departure = DateTime.fromISO(sailing.departure).setZone(zone);
        if (sailBy < departure) sailBy = departure;
      } else if (rng.next() < 0.6) {
        sailBy = buyerDeadline.setZone(zone);
      }
      const wholeLot = rng.next() < spec.wholeLotShare;
      const weight = wholeLot
        ? rng.int(spec.minKg, Math.min(spec.maxKg, 1200))
        : rng.int(spec.minKg, spec.maxKg);
      shipments.push({
        id: `${PREFIX[spec.product]}-${String(n + 1).padStart(2, "0")}`,
        village: village.id,
        product: spec.product,
        handling: spec.handling,
        ...packing(spec, weight, wholeLot),
        readyAt: iso(readyAt),
        ...(sailBy ? { sailBy: iso(sailBy) } : {}),
        destination,
        exporter: rng.pick(spec.exporters),
      });
    }
  }
  return shipments;
}

/** Four shipments a coordinator meets every season, each left behind for its own reason. */
function hardShipments(villages: DemoVillage[]): Shipment[] {
  const first = (product: string, island = ISLAND) =>
    villages.find((v) => v.product === product && v.island === island)!;
  const spec = (product: string) => PRODUCTS.find((p) => p.product === product)!;
  const coffee = first("coffee");
  const rattan = first("rattan-crafts");
  const avocado = first("avocado");
  const island = first("dried-seaweed", "Pulau Laut");
  const at = (v: DemoVillage, text: string) => iso(DateTime.fromISO(text).setZone(v.timeZone!));
  return [
    {
      // One sealed 3.2 t lot: heavier than any 3-ton container, and the buyer will not have it split.
      id: "COF-LOT",
      village: coffee.id,
      product: "coffee",
      handling: "dry",
      weightKg: 3200,
      volumeM3: 4.8,
      readyAt: at(coffee, "2026-12-07T08:00:00+08:00"),
      destination: "JP",
      exporter: spec("coffee").exporters[0],
    },
    {
      // A Rotterdam buyer: no sailing this week serves the Netherlands.
      id: "RTN-NL",
      village: rattan.id,
      product: "rattan-crafts",
      handling: "general",
      ...packing(spec("rattan-crafts"), 450, false),
      readyAt: at(rattan, "2026-12-08T08:00:00+08:00"),
      destination: "NL",
      exporter: spec("rattan-crafts").exporters[0],
    },
    {
      // Harvested on Sunday, after the week's last cut-off.
      id: "AVO-LATE",
      village: avocado.id,
      product: "avocado",
      handling: "chilled",
      ...packing(spec("avocado"), 600, false),
      readyAt: at(avocado, "2026-12-13T08:00:00+08:00"),
      sailBy: at(avocado, "2026-12-17T00:00:00+08:00"),
      destination: "SG",
      exporter: spec("avocado").exporters[0],
    },
    {
      // On Pulau Laut: no port on the island in this scenario, and trucks do not cross the sea.
      id: "SWD-PULAULAUT",
      village: island.id,
      product: "dried-seaweed",
      handling: "dry",
      ...packing(spec("dried-seaweed"), 800, false),
      readyAt: at(island, "2026-12-08T08:00:00+08:00"),
      destination: "CN",
      exporter: spec("dried-seaweed").exporters[0],
    },
  ];
}

export function makeDemoScenario(data: IndonesiaData, seed: number): Scenario {
  const rng = new SeededRandom(seed);
  const regency = (code: string) => {
    const r = data.regencies.find((x) => x.code === code);
    if (!r) throw new Error(`regency ${code} not in data/indonesia/regencies.csv`);
    return r;
  };
  const depots = DEPOTS.map((d) => {
    const r = regency(d.regency);
    return {
      id: d.id,
      name: d.name,
      lat: r.lat,
      lon: r.lon,
      timeZone: data.provinceTimeZones[r.provinceCode],
      island: ISLAND,
      fleet: d.fleet,
    };
  });
  const seaports = SEAPORTS.map((code) => {
    const p = data.ports.find((x) => x.locode === code);
    if (!p) throw new Error(`port ${code} not in data/indonesia/ports.csv`);
    return { id: p.locode, name: p.name, lat: p.lat, lon: p.lon, timeZone: p.timeZone, island: p.island };
  });
  const airportEntry = data.unlocode.find((u) => u.locode === AIRPORT.locode);
  if (!airportEntry?.function.includes("4"))
    throw new Error(`${AIRPORT.locode} has no airport function in UN/LOCODE`);
  const airportPoint = data.villages.find((v) => v.code === AIRPORT.village)!;
  const airport = {
    id: AIRPORT.id,
    name: AIRPORT.name,
    lat: airportPoint.lat,
    lon: airportPoint.lon,
    timeZone: data.provinceTimeZones[provinceCode(AIRPORT.village)],
    island: ISLAND,
  };
  const ports = [...seaports, airport];

  const villages = pickVillages(data, rng);
  const reach: Reach = { depots, ports: new Map(ports.map((p) => [p.id, p])) };
  const shipments = [...makeShipments(villages, reach, rng), ...hardShipments(villages)];

  return {
    id: "demo-kalimantan-week",
    objective: "cost",
    horizon: HORIZON,
    travel: { metric: "road", roadFactor: ROAD_FACTOR, speedKmh: SPEED_KMH },
    containerTypes: CONTAINER_TYPES,
    depots,
    ports,
    sailings: SAILINGS.map(({ mode: _mode, ...s }) => s),
    villages: villages.map(({ product: _product, row: _row, ...v }) => v),
    shipments,
    rules: { neverTogether: NEVER_TOGETHER },
    boxTypes: BOX_TYPES,
  };
}

const USAGE = "usage: npm run demo:scenario -- [--seed N] [--out FILE]";

function main(): void {
  const { seed, out } = flagsOrExit(USAGE, () => {
    const { values } = parseArgs({ options: { seed: { type: "string" }, out: { type: "string" } } });
    return {
      seed: wholeFlag("seed", values.seed, 2026, 0),
      out: values.out ?? join(ROOT, "data/demo/kalimantan-week.json"),
    };
  });
  const scenario = makeDemoScenario(loadIndonesiaData(join(ROOT, "data/indonesia")), seed);
  const check = validateScenario(scenario);
  if (!check.ok) throw new Error(check.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
  writeFileSync(out, `${JSON.stringify(scenario, null, 2)}\n`);
  const kg = scenario.shipments.reduce((sum, s) => sum + s.weightKg, 0);
  process.stderr.write(
    `wrote ${out}: ${scenario.villages.length} villages, ${scenario.shipments.length} shipments, ${kg} kg, ` +
      `${scenario.sailings?.length} sailings and flights\n`,
  );
}

if (require.main === module) main();
