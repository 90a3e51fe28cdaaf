/**
 * What the national week is made of: four islands with their export ports (UN/LOCODE,
 * `data/indonesia/ports.csv`) and container hubs (regency points, kode wilayah), and the
 * products villages ship. Places are real; products, weights, timetables and fleets are
 * illustrative, sized like the Kemendes PDTT programme the issue describes.
 */
import type { Handling } from "../../shared/core/model/scenario.js";

export const NATIONAL_HORIZON = { start: "2026-12-07T00:00:00+07:00", end: "2026-12-14T00:00:00+07:00" };

export interface IslandSpec {
  island: string;
  /** Province codes (first two digits of the kode wilayah) on the island. */
  provinces: string[];
  /** Export seaports, UN/LOCODE. */
  ports: string[];
  /** Container hubs at regency points. */
  depots: { id: string; regency: string; name: string }[];
}

export const ISLANDS: IslandSpec[] = [
  {
    island: "Sumatra",
    provinces: ["11", "12", "13", "14", "15", "16", "17", "18"],
    ports: ["IDBLW", "IDTBR", "IDPLM", "IDPNJ"],
    depots: [
      { id: "hub-medan", regency: "12.71", name: "Hub Medan" },
      { id: "hub-pekanbaru", regency: "14.71", name: "Hub Pekanbaru" },
      { id: "hub-palembang", regency: "16.71", name: "Hub Palembang" },
      { id: "hub-bandarlampung", regency: "18.71", name: "Hub Bandar Lampung" },
    ],
  },
  {
    island: "Java",
    provinces: ["31", "32", "33", "34", "35", "36"],
    ports: ["IDJKT", "IDCBN", "IDSRG", "IDSUB"],
    depots: [
      { id: "hub-bandung", regency: "32.73", name: "Hub Bandung" },
      { id: "hub-semarang", regency: "33.74", name: "Hub Semarang" },
      { id: "hub-yogyakarta", regency: "34.71", name: "Hub Yogyakarta" },
      { id: "hub-malang", regency: "35.73", name: "Hub Malang" },
    ],
  },
  {
    island: "Kalimantan",
    provinces: ["61", "62", "63", "64", "65"],
    ports: ["IDPNK", "IDSMQ", "IDBDJ", "IDBPN"],
    depots: [
      { id: "hub-pontianak", regency: "61.71", name: "Hub Pontianak" },
      { id: "hub-palangkaraya", regency: "62.71", name: "Hub Palangka Raya" },
      { id: "hub-banjarbaru", regency: "63.72", name: "Hub Banjarbaru" },
      { id: "hub-samarinda", regency: "64.72", name: "Hub Samarinda" },
    ],
  },
  {
    island: "Sulawesi",
    provinces: ["71", "72", "73", "74", "75", "76"],
    ports: ["IDMAK", "IDPAL", "IDKDI", "IDBIT"],
    depots: [
      { id: "hub-manado", regency: "71.71", name: "Hub Manado" },
      { id: "hub-palu", regency: "72.71", name: "Hub Palu" },
      { id: "hub-makassar", regency: "73.71", name: "Hub Makassar" },
      { id: "hub-kendari", regency: "74.71", name: "Hub Kendari" },
    ],
  },
];

export interface NationalProduct {
  product: string;
  handling: Handling;
  packageKg: number;
  packageM3: number;
  minKg: number;
  maxKg: number;
  /** Share of shipments sold as one sealed lot (one package). */
  wholeLotShare: number;
  markets: string[];
  /** Perishables: hours from readyAt the buyer still accepts the sailing. */
  shelfHours?: number;
  /** How many villages in a hundred grow it. */
  weight: number;
  windows: { open: string; close: string }[];
}

const WORKDAY = [
  { open: "07:00", close: "11:00" },
  { open: "13:00", close: "16:00" },
];
const LONG_DAY = [{ open: "08:00", close: "15:00" }];
const FISHERS = [
  { open: "06:00", close: "10:00" },
  { open: "14:00", close: "18:00" },
];

export const NATIONAL_PRODUCTS: NationalProduct[] = [
  p("coffee", "dry", 60, 0.09, 300, 2400, 0.1, ["JP", "US", "AE", "CN", "NL"], 16, WORKDAY),
  p("cocoa", "dry", 62.5, 0.1, 500, 2500, 0.1, ["MY", "SG", "US", "NL", "CN"], 12, WORKDAY),
  p("banana-flour", "dry", 25, 0.038, 500, 2500, 0.15, ["CN", "JP", "MY", "SG", "US"], 10, LONG_DAY),
  p("dried-seaweed", "dry", 50, 0.2, 300, 1500, 0, ["CN", "MY", "SG"], 10, LONG_DAY),
  p("palm-sugar", "dry", 25, 0.03, 400, 2000, 0.05, ["NL", "US", "MY", "SG"], 8, LONG_DAY),
  p("spices", "dry", 50, 0.12, 200, 1500, 0, ["NL", "US", "AE", "SG"], 8, WORKDAY),
  p("rattan-crafts", "general", 15, 0.12, 150, 900, 0, ["US", "JP", "AE", "SG", "NL"], 10, WORKDAY),
  p("essential-oil", "dangerous", 25, 0.04, 100, 900, 0, ["SG", "US", "AE", "CN"], 6, WORKDAY),
  p("avocado", "chilled", 20, 0.05, 200, 1500, 0, ["SG", "MY", "AE"], 8, WORKDAY, 120),
  p("frozen-shrimp", "frozen", 20, 0.04, 300, 2000, 0, ["JP", "US", "CN"], 6, FISHERS, 144),
  p("mud-crab", "live", 10, 0.06, 50, 300, 0, ["SG", "CN", "MY"], 6, FISHERS, 48),
];

function p(
  product: string,
  handling: Handling,
  packageKg: number,
  packageM3: number,
  minKg: number,
  maxKg: number,
  wholeLotShare: number,
  markets: string[],
  weight: number,
  windows: { open: string; close: string }[],
  shelfHours?: number,
): NationalProduct {
  return {
    product,
    handling,
    packageKg,
    packageM3,
    minKg,
    maxKg,
    wholeLotShare,
    markets,
    weight,
    windows,
    ...(shelfHours !== undefined ? { shelfHours } : {}),
  };
}

export const NATIONAL_CONTAINER_TYPES = [
  { id: "C3T", maxWeightKg: 3000, maxVolumeM3: 9, reefer: false, fixedCost: 1_500_000, costPerKm: 9_000 },
  { id: "C3T-R", maxWeightKg: 3000, maxVolumeM3: 8, reefer: true, fixedCost: 2_400_000, costPerKm: 11_000 },
];

/** Every port sails on three days of the week, evening departure, cut-off 12 h before (local time). */
export const SAILING_DAYS = [2, 4, 6];
export const SAILING_HOUR = 18;
export const CUTOFF_HOURS_BEFORE = 12;

/** Markets every sailing serves, and the rarer ones each sailing adds a few of. */
export const HUB_MARKETS = ["SG", "MY", "CN"];
export const OTHER_MARKETS = ["JP", "US", "AE", "NL"];

export const NATIONAL_NEVER_TOGETHER: [string, string][] = [
  ["coffee", "dried-seaweed"],
  ["coffee", "essential-oil"],
  ["cocoa", "dried-seaweed"],
  ["banana-flour", "dried-seaweed"],
  ["banana-flour", "essential-oil"],
  ["palm-sugar", "essential-oil"],
];
