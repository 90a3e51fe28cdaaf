/**
 * The routes drawn as an inline SVG from coordinates: no map tiles to download, so it
 * stays readable on a slow village connection. An equirectangular projection with the
 * longitude scaled by cos(mean latitude) is faithful enough near the equator.
 */
import type { Plan } from "../core/model/plan.js";
import type { Scenario } from "../core/model/scenario.js";
import { escapeHtml } from "./html-escape.js";
import type { Lang } from "./locale.js";
import { type PointFeature, routesGeoJson } from "./routes-geojson.js";
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

export function routeMapSvg(
  plan: Plan,
  scenario: Scenario,
  lang: Lang,
  options: RouteMapOptions = {},
): string {
  const width = options.width ?? 640;
  const height = options.height ?? 420;
  const pad = 24;
  const geo = routesGeoJson(plan, scenario);
  const positions = geo.features.flatMap((f) =>
    f.geometry.type === "Point" ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  if (positions.length === 0) {
    return `<p class="map-empty">${escapeHtml(translate(lang, "map.noCoordinates"))}</p>`;
  }
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
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const project = ([lon, lat]: [number, number]) =>
    [offsetX + (lon - minLon) * kx * scale, offsetY + (maxLat - lat) * scale].map(
      (v) => Math.round(v * 10) / 10,
    );

  const routes: string[] = [];
  const marks: string[] = [];
  let colour = 0;
  for (const f of geo.features) {
    if (f.geometry.type === "LineString") {
      const points = f.geometry.coordinates.map((p) => project(p).join(",")).join(" ");
      const stroke = ROUTE_COLOURS[colour++ % ROUTE_COLOURS.length];
      routes.push(
        `<polyline class="route" data-container="${escapeHtml(f.properties.container)}" points="${points}" fill="none" stroke="${stroke}" stroke-width="2.5" stroke-linejoin="round" stroke-opacity="0.85"><title>${escapeHtml(f.properties.container)}</title></polyline>`,
      );
      continue;
    }
    const [x, y] = project(f.geometry.coordinates);
    const p = f.properties as PointFeature["properties"];
    const title = `<title>${escapeHtml(translate(lang, `map.${p.kind}`))}: ${escapeHtml(p.name)} (${escapeHtml(p.id)})</title>`;
    if (p.kind === "village") {
      const fill = p.planned ? "#2e7d32" : "#9e9e9e";
      marks.push(
        `<circle class="village" data-id="${escapeHtml(p.id)}" cx="${x}" cy="${y}" r="4" fill="${fill}" stroke="#fff">${title}</circle>`,
      );
    } else if (p.kind === "depot") {
      marks.push(
        `<rect class="depot" data-id="${escapeHtml(p.id)}" x="${x - 6}" y="${y - 6}" width="12" height="12" fill="#37474f" stroke="#fff">${title}</rect>`,
      );
    } else {
      marks.push(
        `<polygon class="port" data-id="${escapeHtml(p.id)}" points="${x},${y - 8} ${x - 7},${y + 6} ${x + 7},${y + 6}" fill="#1565c0" stroke="#fff">${title}</polygon>`,
      );
    }
    if (p.kind !== "village") {
      marks.push(
        `<text x="${x + 9}" y="${y + 4}" font-size="11" fill="#263238">${escapeHtml(p.name)}</text>`,
      );
    }
  }
  const legend = [
    `<rect x="8" y="${height - 20}" width="10" height="10" fill="#37474f"/><text x="22" y="${height - 11}" font-size="11">${escapeHtml(translate(lang, "map.depot"))}</text>`,
    `<circle cx="95" cy="${height - 15}" r="4" fill="#2e7d32"/><text x="104" y="${height - 11}" font-size="11">${escapeHtml(translate(lang, "map.village"))}</text>`,
    `<polygon points="175,${height - 22} 169,${height - 9} 181,${height - 9}" fill="#1565c0"/><text x="186" y="${height - 11}" font-size="11">${escapeHtml(translate(lang, "map.port"))}</text>`,
  ].join("");
  return `<svg class="route-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(translate(lang, "plan.map"))}"><rect width="${width}" height="${height}" fill="#f5f9fc"/>${routes.join("")}${marks.join("")}${legend}</svg>`;
}
