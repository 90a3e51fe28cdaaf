/**
 * Travel between places: kilometres and minutes per leg, precomputed into dense tables
 * so the search reads a leg with one array access.
 */
import type { Scenario } from "../model/scenario.js";

export const EARTH_RADIUS_KM = 6371;
export const DEFAULT_ROAD_FACTOR = 1.35;
export const DEFAULT_SPEED_KMH = 40;

export interface PlaceRef {
  id: string;
  lat?: number;
  lon?: number;
  x?: number;
  y?: number;
}

export interface TravelTable {
  size: number;
  km: Float64Array;
  minutes: Float64Array;
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface PointLeg {
  km: number;
  minutes: number;
}

/**
 * One leg between two places, measured on demand (no table): for the work on whole
 * scenarios (decomposition) where a dense table of every pair would not fit.
 */
export function pointLeg(scenario: Scenario): (a: PlaceRef, b: PlaceRef) => PointLeg {
  const travel = scenario.travel ?? {};
  const metric = travel.metric ?? "road";
  const speed = travel.speedKmh ?? DEFAULT_SPEED_KMH;
  if (metric === "road") {
    const factor = travel.roadFactor ?? DEFAULT_ROAD_FACTOR;
    return (a, b) => {
      const km = haversineKm(a.lat!, a.lon!, b.lat!, b.lon!) * factor;
      return { km, minutes: (km / speed) * 60 };
    };
  }
  if (metric === "euclidean") {
    return (a, b) => {
      const km = Math.round(Math.hypot(a.x! - b.x!, a.y! - b.y!));
      return { km, minutes: km };
    };
  }
  const m = travel.matrix!;
  const index = new Map(m.ids.map((id, i) => [id, i]));
  return (a, b) => {
    const i = index.get(a.id)!;
    const j = index.get(b.id)!;
    const km = m.km[i][j];
    return { km, minutes: m.minutes ? m.minutes[i][j] : (km / speed) * 60 };
  };
}

/** places[i] is location i; the table is size x size, row-major. */
export function buildTravelTable(scenario: Scenario, places: PlaceRef[]): TravelTable {
  const n = places.length;
  const km = new Float64Array(n * n);
  const minutes = new Float64Array(n * n);
  const travel = scenario.travel ?? {};
  const metric = travel.metric ?? "road";
  const speed = travel.speedKmh ?? DEFAULT_SPEED_KMH;
  if (metric === "road") {
    const factor = travel.roadFactor ?? DEFAULT_ROAD_FACTOR;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = places[i];
        const b = places[j];
        const d = haversineKm(a.lat!, a.lon!, b.lat!, b.lon!) * factor;
        km[i * n + j] = km[j * n + i] = d;
        minutes[i * n + j] = minutes[j * n + i] = (d / speed) * 60;
      }
    }
  } else if (metric === "euclidean") {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = places[i];
        const b = places[j];
        // CVRPLIB (TSPLIB EUC_2D): every leg rounded to the nearest integer; minutes = distance.
        const d = Math.round(Math.hypot(a.x! - b.x!, a.y! - b.y!));
        km[i * n + j] = km[j * n + i] = d;
        minutes[i * n + j] = minutes[j * n + i] = d;
      }
    }
  } else {
    const m = travel.matrix!;
    const index = new Map(m.ids.map((id, i) => [id, i]));
    for (let i = 0; i < n; i++) {
      const a = index.get(places[i].id)!;
      for (let j = 0; j < n; j++) {
        const b = index.get(places[j].id)!;
        const d = m.km[a][b];
        km[i * n + j] = d;
        minutes[i * n + j] = m.minutes ? m.minutes[a][b] : (d / speed) * 60;
      }
    }
  }
  return { size: n, km, minutes };
}
