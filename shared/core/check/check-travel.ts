/**
 * The checker's own geometry, written apart from the optimiser's on purpose: a plan is
 * re-measured from the scenario alone. Constants follow the spec and the optimiser's
 * documented choices (great-circle radius 6371 km, road factor 1.35, 40 km/h).
 */
import type { Scenario } from "../model/scenario.js";

export const CHECK_EARTH_RADIUS_KM = 6371;
export const CHECK_DEFAULT_ROAD_FACTOR = 1.35;
export const CHECK_DEFAULT_SPEED_KMH = 40;

export interface Located {
  id: string;
  lat?: number;
  lon?: number;
  x?: number;
  y?: number;
}

export interface Leg {
  km: number;
  minutes: number;
}

export type LegFn = (from: Located, to: Located) => Leg;

function greatCircleKm(a: Located, b: Located): number {
  const rad = Math.PI / 180;
  const phi1 = (a.lat ?? Number.NaN) * rad;
  const phi2 = (b.lat ?? Number.NaN) * rad;
  const dPhi = phi2 - phi1;
  const dLambda = ((b.lon ?? Number.NaN) - (a.lon ?? Number.NaN)) * rad;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) ** 2;
  return 2 * CHECK_EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A leg measure for the scenario's metric. Unknown places give NaN, which every check reports. */
export function legMeasure(scenario: Scenario): LegFn {
  const travel = scenario.travel ?? {};
  const speedKmh = travel.speedKmh ?? CHECK_DEFAULT_SPEED_KMH;
  const metric = travel.metric ?? "road";
  if (metric === "road") {
    const factor = travel.roadFactor ?? CHECK_DEFAULT_ROAD_FACTOR;
    return (a, b) => {
      const km = greatCircleKm(a, b) * factor;
      return { km, minutes: (km / speedKmh) * 60 };
    };
  }
  if (metric === "euclidean") {
    // CVRPLIB convention: each leg rounded on its own, and its minutes equal its distance.
    return (a, b) => {
      const km = Math.round(
        Math.hypot((a.x ?? Number.NaN) - (b.x ?? Number.NaN), (a.y ?? Number.NaN) - (b.y ?? Number.NaN)),
      );
      return { km, minutes: km };
    };
  }
  const matrix = travel.matrix;
  const index = new Map((matrix?.ids ?? []).map((id, i) => [id, i]));
  return (a, b) => {
    const i = index.get(a.id);
    const j = index.get(b.id);
    if (!matrix || i === undefined || j === undefined) return { km: Number.NaN, minutes: Number.NaN };
    const km = matrix.km[i]?.[j] ?? Number.NaN;
    const minutes = matrix.minutes ? (matrix.minutes[i]?.[j] ?? Number.NaN) : (km / speedKmh) * 60;
    return { km, minutes };
  };
}
