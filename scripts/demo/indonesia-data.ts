/**
 * Readers for the public geography copied into `data/indonesia/` (see its SOURCE.md).
 * Only the columns the demo generator uses are typed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

export interface VillageRow {
  code: string;
  name: string;
  district: string;
  regency: string;
  province: string;
  lat: number;
  lon: number;
  coordLevel: "village" | "district" | "regency";
}

export interface RegencyRow {
  code: string;
  name: string;
  provinceCode: string;
  lat: number;
  lon: number;
}

export interface PortRow {
  locode: string;
  name: string;
  lat: number;
  lon: number;
  provinceCode: string;
  island: string;
  timeZone: string;
}

export interface UnlocodeRow {
  locode: string;
  name: string;
  subdivision: string;
  function: string;
}

export interface IndonesiaData {
  villages: VillageRow[];
  regencies: RegencyRow[];
  ports: PortRow[];
  unlocode: UnlocodeRow[];
  provinceTimeZones: Record<string, string>;
}

function readCsv(dir: string, file: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, file), "utf8"), { columns: true, skip_empty_lines: true });
}

export function loadIndonesiaData(dir: string): IndonesiaData {
  return {
    villages: readCsv(dir, "villages.csv").map((r) => ({
      code: r.code,
      name: r.name,
      district: r.district,
      regency: r.regency,
      province: r.province,
      lat: Number(r.lat),
      lon: Number(r.lon),
      coordLevel: r.coord_level as VillageRow["coordLevel"],
    })),
    regencies: readCsv(dir, "regencies.csv").map((r) => ({
      code: r.code,
      name: r.name,
      provinceCode: r.province_code,
      lat: Number(r.lat),
      lon: Number(r.lon),
    })),
    ports: readCsv(dir, "ports.csv").map((r) => ({
      locode: r.locode,
      name: r.name,
      lat: Number(r.lat),
      lon: Number(r.lon),
      provinceCode: r.province_code,
      island: r.island,
      timeZone: r.timeZone,
    })),
    unlocode: readCsv(dir, "ports_unlocode_all.csv").map((r) => ({
      locode: r.locode,
      name: r.name,
      subdivision: r.subdivision,
      function: r.function,
    })),
    provinceTimeZones: JSON.parse(readFileSync(join(dir, "province_timezones.json"), "utf8")),
  };
}
