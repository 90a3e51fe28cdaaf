/**
 * Downloads: pickup schedules (.ics for phone calendars, .csv), container manifests
 * (.csv, printable .html) and the plan's routes (.geojson). Every file is built by the
 * pure formatters in shared/views from the current plan, scoped to the caller's role.
 */
import { type Request, type Response, Router } from "express";
import type { DataSource } from "typeorm";
import { notFound } from "../../shared/infra/errors.js";
import { parseLang } from "../../shared/views/locale.js";
import { manifestCsv, manifestHtml } from "../../shared/views/manifest.js";
import { pickupsToCsv, pickupsToICalendar } from "../../shared/views/pickup-export.js";
import { pickupRows } from "../../shared/views/pickup-schedule.js";
import { routesGeoJson } from "../../shared/views/routes-geojson.js";
import { policyOf } from "../api/principal.js";
import { loadPlanSnapshot } from "../read-model/plan-snapshot.js";
import { findVisiblePickupVillage } from "../read-model/scoped-reads.js";
import { sendFile } from "./send-file.js";

/** The printable manifest opens in the browser; the CSV is saved for a spreadsheet. */
const MANIFEST_FORMATS = {
  csv: { render: manifestCsv, type: "text/csv; charset=utf-8", inline: false },
  html: { render: manifestHtml, type: "text/html; charset=utf-8", inline: true },
} as const;
type ManifestFormat = keyof typeof MANIFEST_FORMATS;

export function exportRoutes(dataSource: DataSource, now: () => number): Router {
  const router = Router();
  const m = () => dataSource.manager;

  const pickups = async (req: Request, res: Response) => {
    const policy = policyOf(res);
    const row = await findVisiblePickupVillage(m(), policy, String(req.params.village));
    const snap = await loadPlanSnapshot(m(), policy, { village: row.id });
    // Calendars keep past pickups too: a phone should not lose an event that happened.
    return { village: row, rows: pickupRows(snap.plan, snap.scenario, { village: row.id }) };
  };

  router.get("/exports/villages/:village/pickups.ics", async (req, res) => {
    const lang = parseLang(req.query.lang);
    const { village, rows } = await pickups(req, res);
    const ics = pickupsToICalendar(rows, lang, new Date(now()).toISOString(), village.name ?? village.id);
    sendFile(res, ics, "text/calendar; charset=utf-8", `pickups-${village.id}.ics`);
  });

  router.get("/exports/villages/:village/pickups.csv", async (req, res) => {
    const lang = parseLang(req.query.lang);
    const { village, rows } = await pickups(req, res);
    sendFile(res, pickupsToCsv(rows, lang), "text/csv; charset=utf-8", `pickups-${village.id}.csv`);
  });

  const manifest = async (res: Response, containerId: string | undefined) => {
    const snap = await loadPlanSnapshot(
      m(),
      policyOf(res),
      containerId ? { containerIds: [containerId] } : {},
    );
    if (containerId && snap.plan.containers.length === 0) throw notFound("container", containerId);
    return snap;
  };

  /** One container's manifest when `containerId` is given, else every container the caller may see. */
  const sendManifest = async (req: Request, res: Response, format: ManifestFormat, containerId?: string) => {
    const snap = await manifest(res, containerId);
    const { render, type, inline } = MANIFEST_FORMATS[format];
    const only = containerId ? [containerId] : undefined;
    const name = containerId ? `manifest-${containerId}.${format}` : `manifest.${format}`;
    sendFile(res, render(snap.plan, snap.scenario, parseLang(req.query.lang), only), type, name, inline);
  };

  router.get("/exports/containers/:id/manifest.csv", (req, res) =>
    sendManifest(req, res, "csv", String(req.params.id)),
  );
  router.get("/exports/containers/:id/manifest.html", (req, res) =>
    sendManifest(req, res, "html", String(req.params.id)),
  );
  router.get("/exports/manifest.csv", (req, res) => sendManifest(req, res, "csv"));
  router.get("/exports/manifest.html", (req, res) => sendManifest(req, res, "html"));

  router.get("/exports/routes.geojson", async (_req, res) => {
    const snap = await manifest(res, undefined);
    sendFile(
      res,
      JSON.stringify(routesGeoJson(snap.plan, snap.scenario)),
      "application/geo+json; charset=utf-8",
      "routes.geojson",
    );
  });

  return router;
}
