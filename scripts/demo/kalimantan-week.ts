/**
 * The catalogue behind the demo week in Kalimantan Selatan (63, WITA) and Kalimantan
 * Tengah (62, WIB): what each product weighs and packs like, where it is grown, who buys
 * it, and the sailings and flights of the week. Places come from the public data in
 * `data/indonesia/`; products, companies and timetables are illustrative, not real bookings.
 */
import type { Handling } from "../../shared/core/model/scenario.js";

export const HORIZON = { start: "2026-12-07T00:00:00+08:00", end: "2026-12-14T00:00:00+08:00" };

export interface Region {
  regency: string;
  /** Restrict to these districts (kecamatan); absent = the whole regency. */
  districts?: string[];
}

export interface ProductSpec {
  product: string;
  handling: Handling;
  /** One package: what a BUMDes hands over as a unit (sack, drum, crate, box, bale, carton). */
  packageKg: number;
  packageM3: number;
  packageName: string;
  minKg: number;
  maxKg: number;
  /** Share of shipments sold as one sealed lot the truck may not split. */
  wholeLotShare: number;
  markets: string[];
  mode: "sea" | "air";
  /** Perishables: days from readyAt the buyer still accepts the sailing. */
  shelfDays?: number;
  /** Hours between readyAt and the target sailing's cut-off. */
  leadHours: [number, number];
  exporters: string[];
  shipments: number;
  villages: number;
  regions: Region[];
  pickupWindows: { open: string; close: string }[];
}

const WORKDAY = [
  { open: "07:00", close: "11:00" },
  { open: "13:00", close: "16:00" },
];
const LONG_DAY = [{ open: "08:00", close: "15:00" }];
// Crab fishers land the catch at dawn and late afternoon.
const CRAB_DAY = [
  { open: "06:00", close: "10:00" },
  { open: "14:00", close: "18:00" },
];

export const PRODUCTS: ProductSpec[] = [
  {
    product: "essential-oil",
    handling: "dangerous",
    packageKg: 25,
    packageM3: 0.04,
    packageName: "drum",
    minKg: 100,
    maxKg: 900,
    wholeLotShare: 0,
    markets: ["SG", "US", "AE", "CN"],
    mode: "sea",
    leadHours: [20, 96],
    exporters: ["PT Atsiri Banua Lestari", "CV Minyak Nilam Meratus"],
    shipments: 10,
    villages: 4,
    regions: [
      { regency: "Kabupaten Tanah Laut", districts: ["Pelaihari", "Batu Ampar", "Bajuin"] },
      { regency: "Kabupaten Banjar", districts: ["Aranio", "Karang Intan"] },
      { regency: "Kabupaten Hulu Sungai Selatan", districts: ["Padang Batung"] },
    ],
    pickupWindows: WORKDAY,
  },
  {
    product: "avocado",
    handling: "chilled",
    packageKg: 20,
    packageM3: 0.05,
    packageName: "crate",
    minKg: 200,
    maxKg: 1500,
    wholeLotShare: 0,
    markets: ["SG", "MY", "AE"],
    mode: "sea",
    shelfDays: 5,
    leadHours: [16, 60],
    exporters: ["PT Segar Hulu Sungai", "CV Alpukat Barabai"],
    shipments: 12,
    villages: 5,
    regions: [
      { regency: "Kabupaten Hulu Sungai Tengah" },
      { regency: "Kabupaten Banjar", districts: ["Pengaron", "Sungai Pinang", "Telaga Bauntung"] },
      { regency: "Kabupaten Balangan" },
    ],
    pickupWindows: WORKDAY,
  },
  {
    product: "banana-flour",
    handling: "dry",
    packageKg: 25,
    packageM3: 0.038,
    packageName: "sack",
    minKg: 500,
    maxKg: 2500,
    wholeLotShare: 0.15,
    markets: ["CN", "JP", "MY", "SG", "US"],
    mode: "sea",
    leadHours: [20, 110],
    exporters: ["PT Tepung Pisang Banjar", "Koperasi Pangan Batola"],
    shipments: 16,
    villages: 5,
    regions: [
      { regency: "Kabupaten Barito Kuala" },
      { regency: "Kabupaten Tapin" },
      { regency: "Kabupaten Kapuas", districts: ["Basarang", "Kapuas Hilir", "Selat"] },
    ],
    pickupWindows: LONG_DAY,
  },
  {
    product: "mud-crab",
    handling: "live",
    packageKg: 10,
    packageM3: 0.06,
    packageName: "styrofoam box",
    minKg: 50,
    maxKg: 300,
    wholeLotShare: 0,
    markets: ["HK", "TW"],
    mode: "air",
    shelfDays: 1.5,
    leadHours: [12, 30],
    exporters: ["PT Kepiting Bakau Kalsel", "CV Karya Laut Takisung"],
    shipments: 14,
    villages: 5,
    regions: [
      { regency: "Kabupaten Tanah Laut", districts: ["Takisung", "Kurau", "Panyipatan", "Bumi Makmur"] },
      { regency: "Kabupaten Barito Kuala", districts: ["Tabunganen"] },
      { regency: "Kabupaten Kapuas", districts: ["Kapuas Kuala"] },
    ],
    pickupWindows: CRAB_DAY,
  },
  {
    product: "coffee",
    handling: "dry",
    packageKg: 60,
    packageM3: 0.09,
    packageName: "sack",
    minKg: 300,
    maxKg: 2400,
    wholeLotShare: 0.1,
    markets: ["JP", "US", "AE", "CN"],
    mode: "sea",
    leadHours: [20, 110],
    exporters: ["PT Kopi Meratus Nusantara", "Koperasi Kopi Katingan"],
    shipments: 16,
    villages: 5,
    regions: [
      { regency: "Kabupaten Hulu Sungai Selatan", districts: ["Loksado", "Telaga Langsat"] },
      { regency: "Kabupaten Banjar", districts: ["Paramasan"] },
      { regency: "Kabupaten Gunung Mas", districts: ["Kurun", "Sepang", "Rungan"] },
      { regency: "Kabupaten Katingan", districts: ["Katingan Hilir", "Tasik Payawan"] },
    ],
    pickupWindows: WORKDAY,
  },
  {
    product: "dried-seaweed",
    handling: "dry",
    packageKg: 50,
    packageM3: 0.2,
    packageName: "bale",
    minKg: 300,
    maxKg: 1500,
    wholeLotShare: 0,
    markets: ["CN", "MY", "SG"],
    mode: "sea",
    leadHours: [20, 110],
    exporters: ["CV Rumput Laut Saijaan", "PT Agar Pesisir Borneo"],
    shipments: 14,
    villages: 4,
    regions: [
      { regency: "Kabupaten Kotabaru", districts: ["Kelumpang Selatan", "Kelumpang Hilir", "Sungai Durian"] },
      { regency: "Kabupaten Tanah Bumbu", districts: ["Kusan Hilir", "Angsana", "Sungai Loban", "Satui"] },
    ],
    pickupWindows: LONG_DAY,
  },
  {
    product: "rattan-crafts",
    handling: "general",
    packageKg: 15,
    packageM3: 0.12,
    packageName: "carton",
    minKg: 150,
    maxKg: 900,
    wholeLotShare: 0,
    markets: ["US", "JP", "AE", "SG"],
    mode: "sea",
    leadHours: [20, 110],
    exporters: ["Koperasi Anyaman Rotan Amuntai", "CV Rotan Katingan Kreasi"],
    shipments: 14,
    villages: 5,
    regions: [
      {
        regency: "Kabupaten Hulu Sungai Utara",
        districts: ["Amuntai Tengah", "Amuntai Selatan", "Sungai Tabukan"],
      },
      { regency: "Kabupaten Katingan", districts: ["Katingan Kuala", "Kamipang"] },
      { regency: "Kabupaten Kotawaringin Timur", districts: ["Mentaya Hilir Selatan", "Teluk Sampit"] },
      { regency: "Kabupaten Seruyan", districts: ["Seruyan Hilir"] },
    ],
    pickupWindows: WORKDAY,
  },
];

/** Hubs at regency points (kode wilayah), each with its fleet of 3-ton containers. */
export const DEPOTS = [
  // Sized for one destination per container: a sea box is opened at one place (rule 8).
  { id: "hub-banjarbaru", regency: "63.72", name: "Hub Banjarbaru", fleet: { C3T: 20, "C3T-R": 9 } },
  { id: "hub-palangkaraya", regency: "62.71", name: "Hub Palangka Raya", fleet: { C3T: 10, "C3T-R": 4 } },
  { id: "hub-pangkalanbun", regency: "62.01", name: "Hub Pangkalan Bun", fleet: { C3T: 8, "C3T-R": 3 } },
];

/** The 3-ton village container rides unopened in a sea box: one slot of three, 350 kg empty. */
export const CONTAINER_TYPES = [
  {
    id: "C3T",
    maxWeightKg: 3000,
    maxVolumeM3: 9,
    reefer: false,
    fixedCost: 1_500_000,
    costPerKm: 9_000,
    boxSlots: 1,
    tareKg: 350,
  },
  {
    id: "C3T-R",
    maxWeightKg: 3000,
    maxVolumeM3: 8,
    reefer: true,
    fixedCost: 2_400_000,
    costPerKm: 11_000,
    boxSlots: 1,
    tareKg: 350,
  },
];

/**
 * Sea boxes (spec rule 8): 20 ft dry and reefer boxes, three village containers each
 * (Pelindo's Minicon pilot: 6 ft, 3 t, three to a 20 ft box). Freight per box is the
 * spec's example figure: Rp 9.5 M for a 20 ft dry box (sea freight from Banjarmasin to
 * an Asian hub, about USD 450-600 in 2026, plus terminal handling and port charges of
 * about Rp 2 M) and Rp 16.5 M for a reefer (about 1.7 times: power, monitoring and the
 * reefer surcharge). Payloads are kept below the ISO gross limit (30,480 kg) minus the
 * box's own tare, at what Indonesian roads and cranes take: 21 t dry, 20 t reefer.
 * Illustrative figures, not quotes. The contract gives one set of box types for a
 * scenario, so the crab flights take them too: read a box on a flight as the aircraft's
 * cargo unit.
 */
export const BOX_TYPES = [
  { id: "20GP", slots: 3, maxWeightKg: 21_000, freight: 9_500_000 },
  { id: "20RF", slots: 3, maxWeightKg: 20_000, reefer: true, freight: 16_500_000 },
];

/** Seaports taken from ports.csv (UN/LOCODE, WPI coordinates). */
export const SEAPORTS = ["IDBDJ", "IDSMQ", "IDKUM"];

/**
 * Live mud crab flies from Syamsudin Noor (IATA BDJ). UN/LOCODE has one entry, IDBDJ
 * (function 1--4: port and airport), and the seaport already uses it, so the airport
 * goes by its IATA code. No point for it in the data: the point of the kelurahan it
 * stands in (Syamsudin Noor, Landasan Ulin, Kota Banjarbaru) is used.
 */
export const AIRPORT = {
  id: "BDJ",
  locode: "IDBDJ",
  village: "63.72.02.1006",
  name: "Syamsudin Noor Airport (Banjarmasin)",
};

export interface SailingSpec {
  id: string;
  port: string;
  departure: string;
  cutoff: string;
  destinations: string[];
  maxContainers: number;
  /** Sea boxes the vessel takes from this port: its slot allocation for the week. */
  maxBoxes: number;
  mode: "sea" | "air";
}

export const SAILINGS: SailingSpec[] = [
  sea(
    "IDBDJ-2026-12-09",
    "IDBDJ",
    "2026-12-09T22:00:00+08:00",
    "2026-12-09T10:00:00+08:00",
    ["CN", "SG", "MY", "JP"],
    10,
  ),
  sea(
    "IDBDJ-2026-12-12",
    "IDBDJ",
    "2026-12-12T20:00:00+08:00",
    "2026-12-12T08:00:00+08:00",
    ["CN", "SG", "US", "AE", "JP"],
    10,
  ),
  sea(
    "IDSMQ-2026-12-10",
    "IDSMQ",
    "2026-12-10T16:00:00+07:00",
    "2026-12-10T04:00:00+07:00",
    ["CN", "SG", "MY"],
    8,
  ),
  sea(
    "IDSMQ-2026-12-13",
    "IDSMQ",
    "2026-12-13T12:00:00+07:00",
    "2026-12-12T22:00:00+07:00",
    ["CN", "SG", "AE", "US", "MY"],
    8,
  ),
  sea(
    "IDKUM-2026-12-11",
    "IDKUM",
    "2026-12-11T14:00:00+07:00",
    "2026-12-11T02:00:00+07:00",
    ["SG", "MY", "CN", "JP"],
    6,
  ),
  // Morning flights with a connection to Hong Kong and Taipei; the cargo terminal closes 4 h before.
  air("BDJ-2026-12-08", "2026-12-08T11:30:00+08:00", "2026-12-08T07:30:00+08:00"),
  air("BDJ-2026-12-10", "2026-12-10T11:30:00+08:00", "2026-12-10T07:30:00+08:00"),
  air("BDJ-2026-12-12", "2026-12-12T11:30:00+08:00", "2026-12-12T07:30:00+08:00"),
];

function sea(
  id: string,
  port: string,
  departure: string,
  cutoff: string,
  destinations: string[],
  max: number,
) {
  // A box for every container it takes at worst: destinations and temperatures rarely come in threes.
  return {
    id,
    port,
    departure,
    cutoff,
    destinations,
    maxContainers: max,
    maxBoxes: max,
    mode: "sea" as const,
  };
}

function air(id: string, departure: string, cutoff: string) {
  return {
    id,
    port: AIRPORT.id,
    departure,
    cutoff,
    destinations: ["HK", "TW"],
    maxContainers: 2,
    maxBoxes: 2,
    mode: "air" as const,
  };
}

/** Pairs this scenario states itself (the project's defaults include them too). */
export const NEVER_TOGETHER: [string, string][] = [
  ["coffee", "dried-seaweed"],
  ["coffee", "essential-oil"],
  ["banana-flour", "dried-seaweed"],
  ["banana-flour", "essential-oil"],
];
