/**
 * The plan's routes as GeoJSON (RFC 7946): one LineString per container, depot ->
 * village stops -> port, positions in [longitude, latitude] order; one Point per depot,
 * village and port. Places without lat/lon (euclidean benchmark scenarios) have no
 * geographic position and are left out rather than invented.
 */
import type { Plan } from "../core/model/plan.js";
import type { Scenario } from "../core/model/scenario.js";
import { indexScenario } from "./scenario-index.js";

type Position = [number, number];

export interface PointFeature {
  type: "Feature";
  geometry: { type: "Point"; coordinates: Position };
  properties: Record<string, unknown> & { kind: "depot" | "village" | "port"; id: string };
}

export interface RouteFeature {
  type: "Feature";
  geometry: { type: "LineString"; coordinates: Position[] };
  properties: Record<string, unknown> & { kind: "route"; container: string };
}

export interface RoutesCollection {
  type: "FeatureCollection";
  features: (RouteFeature | PointFeature)[];
}

interface Placed {
  id: string;
  name?: string;
  lat?: number;
  lon?: number;
  timeZone?: string;
  island?: string;
}

function position(place: Placed | undefined): Position | undefined {
  return place && place.lat !== undefined && place.lon !== undefined ? [place.lon, place.lat] : undefined;
}

export function routesGeoJson(plan: Plan, scenario: Scenario): RoutesCollection {
  const index = indexScenario(scenario);
  const features: (RouteFeature | PointFeature)[] = [];

  for (const c of plan.containers) {
    const places = [
      index.depots.get(c.depot),
      ...c.stops.map((s) => index.villages.get(s.village)),
      index.ports.get(c.port),
    ];
    const coordinates = places.map(position);
    if (coordinates.some((p) => p === undefined)) continue;
    features.push({
      type: "Feature",
      geometry: { type: "LineString", coordinates: coordinates as Position[] },
      properties: {
        kind: "route",
        container: c.id,
        containerType: c.type,
        depot: c.depot,
        port: c.port,
        sailing: c.sailing ?? null,
        stops: c.stops.map((s) => s.village),
        departDepot: c.departDepot,
        portArrival: c.portArrival,
        weightKg: c.weightKg,
        volumeM3: c.volumeM3,
        distanceKm: c.distanceKm,
      },
    });
  }

  const usedVillages = new Set(plan.containers.flatMap((c) => c.stops.map((s) => s.village)));
  const point = (
    kind: PointFeature["properties"]["kind"],
    place: Placed,
    extra: Record<string, unknown> = {},
  ) => {
    const at = position(place);
    if (!at) return;
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: at },
      properties: {
        kind,
        id: place.id,
        name: place.name ?? place.id,
        timeZone: place.timeZone ?? null,
        island: place.island ?? null,
        ...extra,
      },
    });
  };
  for (const d of scenario.depots) point("depot", d);
  for (const v of scenario.villages)
    point("village", v, { bumdes: v.bumdes ?? null, planned: usedVillages.has(v.id) });
  for (const p of scenario.ports) point("port", p);
  return { type: "FeatureCollection", features };
}
