/**
 * The routes drawn as inline SVG from coordinates: no map tiles to download, so it
 * stays readable on a slow village connection. Trucks never cross the sea, so each
 * island gets its own small map; one map spanning Kalimantan and Papua would shrink
 * every route to a dot. An equirectangular projection with the longitude scaled by
 * cos(mean latitude) is faithful enough near the equator.
 */
import type { Plan } from "../core/model/plan.js";
import type { Scenario } from "../core/model/scenario.js";
import { escapeHtml } from "./html-escape.js";
import type { Lang } from "./locale.js";
import { type PointFeature, type RouteFeature, routesGeoJson } from "./routes-geojson.js";
import { translate } from "./translate.js";

/** Colour-blind-friendly palette (Okabe-Ito), cycled per container. */
export const ROUTE_COLOURS = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#000000",
  "#F0E442",
];

export interface RouteMapOptions {
  width?: number;
  height?: number;
}

type Position = [number, number];

interface IslandGroup {
  island: string;
  routes: RouteFeature[];
  points: PointFeature[];
}

function groupByIsland(plan: Plan, scenario: Scenario): IslandGroup[] {
  const geo = routesGeoJson(plan, scenario);
  const depotIsland = new Map(scenario.depots.map((d) => [d.id, d.island ?? ""]));
  const groups = new Map<string, IslandGroup>();
  const group = (island: string) => {
    let g = groups.get(island);
    if (!g) {
      g = { island, routes: [], points: [] };
      groups.set(island, g);
    }
    return g;
  };
  for (const f of geo.features) {
    if (f.geometry.type === "LineString") {
      const route = f as RouteFeature;
      group(depotIsland.get(String(route.properties.depot)) ?? "").routes.push(route);
    } else {
      const point = f as PointFeature;
      group(String(point.properties.island ?? "")).points.push(point);
    }
  }
  // islands with routes first (busiest first), then the rest by name
  return [...groups.values()].sort(
    (a, b) => b.routes.length - a.routes.length || a.island.localeCompare(b.island),
  );
}

function drawIsland(g: IslandGroup, lang: Lang, width: number, height: number, firstColour: number): string {
  const pad = 24;
  const positions: Position[] = [
    ...g.points.map((p) => p.geometry.coordinates),
    ...g.routes.flatMap((r) => r.geometry.coordinates),
  ];
  const lons = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * kx, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const top = g.island ? 18 : 0; // room for the island's name
  const legendHeight = 20;
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad - legendHeight - top) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = top + (height - legendHeight - top - spanY * scale) / 2;
  const project = ([lon, lat]: Position) =>
    [offsetX + (lon - minLon) * kx * scale, offsetY + (maxLat - lat) * scale].map(
      (v) => Math.round(v * 10) / 10,
    );

  const routes = g.routes.map((f, i) => {
    const points = f.geometry.coordinates.map((p) => project(p).join(",")).join(" ");
    const stroke = ROUTE_COLOURS[(firstColour + i) % ROUTE_COLOURS.length];
    return `<polyline class="route" data-container="${escapeHtml(f.properties.container)}" points="${points}" fill="none" stroke="${stroke}" stroke-width="2.5" stroke-linejoin="round" stroke-opacity="0.85"><title>${escapeHtml(f.properties.container)}</title></polyline>`;
  });
  const marks: string[] = [];
  const labels: string[] = [];
  for (const f of g.points) {
    const [x, y] = project(f.geometry.coordinates);
    const p = f.properties;
    const title = `<title>${escapeHtml(translate(lang, `map.${p.kind}`))}: ${escapeHtml(p.name)} (${escapeHtml(p.id)})</title>`;
    if (p.kind === "village") {
      const fill = p.planned ? "#2e7d32" : "#9e9e9e";
      marks.push(
        `<circle class="village" data-id="${escapeHtml(p.id)}" cx="${x}" cy="${y}" r="4" fill="${fill}" stroke="#fff">${title}</circle>`,
      );
      continue;
    }
    if (p.kind === "depot") {
      marks.push(
        `<rect class="depot" data-id="${escapeHtml(p.id)}" x="${x - 6}" y="${y - 6}" width="12" height="12" fill="#37474f" stroke="#fff">${title}</rect>`,
      );
    } else {
      marks.push(
        `<polygon class="port" data-id="${escapeHtml(p.id)}" points="${x},${y - 8} ${x - 7},${y + 6} ${x + 7},${y + 6}" fill="#1565c0" stroke="#fff">${title}</polygon>`,
      );
    }
    // labels right of the mark, or left of it near the right edge, so names stay inside
    const anchorEnd = x > width * 0.6;
    labels.push(
      `<text x="${anchorEnd ? x - 10 : x + 10}" y="${y + 4}" font-size="11" fill="#263238" text-anchor="${anchorEnd ? "end" : "start"}" paint-order="stroke" stroke="#f5f9fc" stroke-width="3">${escapeHtml(p.name)}</text>`,
    );
  }
  const legend = [
    `<rect x="8" y="${height - 20}" width="10" height="10" fill="#37474f"/><text x="22" y="${height - 11}" font-size="11">${escapeHtml(translate(lang, "map.depot"))}</text>`,
    `<circle cx="95" cy="${height - 15}" r="4" fill="#2e7d32"/><text x="104" y="${height - 11}" font-size="11">${escapeHtml(translate(lang, "map.village"))}</text>`,
    `<polygon points="185,${height - 22} 179,${height - 9} 191,${height - 9}" fill="#1565c0"/><text x="196" y="${height - 11}" font-size="11">${escapeHtml(translate(lang, "map.port"))}</text>`,
  ].join("");
  const caption = g.island ? `${translate(lang, "plan.map")}: ${g.island}` : translate(lang, "plan.map");
  return `<svg class="route-map" data-island="${escapeHtml(g.island)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(caption)}"><rect width="${width}" height="${height}" fill="#f5f9fc"/>${g.island ? `<text x="8" y="16" font-size="13" font-weight="600" fill="#263238">${escapeHtml(g.island)}</text>` : ""}${routes.join("")}${marks.join("")}${labels.join("")}${legend}</svg>`;
}

/** One SVG per island with routes (every island before there is a plan); a sentence when nothing has coordinates. */
export function routeMapSvg(
  plan: Plan,
  scenario: Scenario,
  lang: Lang,
  options: RouteMapOptions = {},
): string {
  const width = options.width ?? 640;
  const height = options.height ?? 420;
  const all = groupByIsland(plan, scenario).filter((g) => g.points.length + g.routes.length > 0);
  // islands the plan does not touch are clutter once there are routes; before, they are the overview
  const groups = all.some((g) => g.routes.length > 0) ? all.filter((g) => g.routes.length > 0) : all;
  if (groups.length === 0)
    return `<p class="map-empty">${escapeHtml(translate(lang, "map.noCoordinates"))}</p>`;
  let colour = 0;
  return groups
    .map((g) => {
      const svg = drawIsland(g, lang, width, height, colour);
      colour += g.routes.length;
      return svg;
    })
    .join("\n");
}
