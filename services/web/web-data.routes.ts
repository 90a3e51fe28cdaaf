/**
 * JSON view models for the dashboard: the same pure formatters as the exports, so a
 * date or a fill shown in the browser is the one printed on the manifest.
 */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { type EntityManager, In, IsNull, Not } from "typeorm";
import { PortEntity } from "../../shared/infra/db/entities/port.entity.js";
import { SailingEntity } from "../../shared/infra/db/entities/sailing.entity.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { VillageEntity } from "../../shared/infra/db/entities/village.entity.js";
import { badRequest, notFound } from "../../shared/infra/errors.js";
import { containerViews, planSummaryView, unassignedViews } from "../../shared/views/container-view.js";
import { formatLocalDateTime, zoneLabel } from "../../shared/views/local-time.js";
import { parseLang } from "../../shared/views/locale.js";
import { formatPickup } from "../../shared/views/pickup-export.js";
import { pickupRows } from "../../shared/views/pickup-schedule.js";
import { routeMapSvg } from "../../shared/views/route-map-svg.js";
import { principalOf, requireRole } from "../api/principal.js";
import { loadPlanSnapshot, type PlanSnapshot } from "./plan-snapshot.repository.js";
import { assertVillageVisible, maskForViewer, snapshotScope } from "./web-scope.js";

const MAX_VILLAGES_LISTED = 5000;
/** Coordinators' own clock is not known; plan times on the dashboard header use WIB. */
const COORDINATOR_ZONE = "Asia/Jakarta";

/**
 * The week a coordinator most likely plans next: from the first day goods waiting for
 * a plan are ready (a plan's horizon only takes shipments ready by its end); without
 * such dates, the week before the next cut-off; never before today.
 */
async function suggestedStart(m: EntityManager, nowMs: number): Promise<number> {
  const waiting = await m.find(ShipmentEntity, {
    select: { readyAt: true },
    where: { status: In(["open", "unassigned"]), readyAt: Not(IsNull()) },
  });
  const ready = waiting.map((s) => Date.parse(s.readyAt ?? "")).filter((ms) => Number.isFinite(ms));
  if (ready.length > 0) return Math.max(nowMs, Math.min(...ready));
  const sailings = await m.find(SailingEntity, { order: { cutoff: "ASC" } });
  const next = sailings.map((s) => Date.parse(s.cutoff)).find((ms) => ms > nowMs);
  return next === undefined ? nowMs : Math.max(nowMs, next - 7 * 86400_000);
}

function lifecycle(snap: PlanSnapshot, nowMs: number) {
  return { nowMs, statuses: snap.statuses, statusSince: snap.statusSince, pickedUp: snap.pickedUp };
}

export function webDataRoutes(dataSource: DataSource, now: () => number): Router {
  const router = Router();
  const m = () => dataSource.manager;

  router.get("/web/data/me", async (req, res) => {
    const p = principalOf(res);
    const villageRows =
      p.role === "bumdes"
        ? await m().find(VillageEntity, { where: { id: In(p.villages) }, order: { id: "ASC" } })
        : p.role === "coordinator"
          ? await m().find(VillageEntity, { order: { id: "ASC" }, take: MAX_VILLAGES_LISTED })
          : [];
    const ports = await m().find(PortEntity, { order: { id: "ASC" } });
    const regions = [...new Set(ports.map((port) => port.island).filter((i): i is string => !!i))].sort();
    const start = await suggestedStart(m(), now());
    res.json({
      role: p.role,
      exporter: p.exporter,
      villages: villageRows.map((v) => ({
        id: v.id,
        name: v.name ?? v.id,
        timeZone: v.timeZone,
        zone: v.timeZone ? zoneLabel(v.timeZone, new Date(now()).toISOString()) : null,
      })),
      regions,
      suggestedHorizon: {
        start: new Date(start).toISOString(),
        end: new Date(start + 7 * 86400_000).toISOString(),
      },
      lang: parseLang(req.query.lang),
    });
  });

  router.get("/web/data/dashboard", requireRole("coordinator"), async (req, res) => {
    const lang = parseLang(req.query.lang);
    const snap = await loadPlanSnapshot(m());
    const hasPlan = snap.version !== null || snap.plan.containers.length > 0;
    res.json({
      hasPlan,
      version: snap.version,
      generated: snap.createdAt ? formatLocalDateTime(snap.createdAt, COORDINATOR_ZONE, lang) : null,
      summary: planSummaryView(snap.plan, lang),
      containers: containerViews(snap.plan, snap.scenario, lang, lifecycle(snap, now())),
      unassigned: unassignedViews(snap.plan, snap.scenario, lang),
      mapSvg: routeMapSvg(snap.plan, snap.scenario, lang),
    });
  });

  router.get("/web/data/pickups", async (req, res) => {
    const p = principalOf(res);
    const lang = parseLang(req.query.lang);
    const village = typeof req.query.village === "string" ? req.query.village : "";
    if (!village) throw badRequest([{ path: "village", message: "is required (a village id)" }]);
    assertVillageVisible(p, village);
    if (!(await m().findOneBy(VillageEntity, { id: village }))) throw notFound("village", village);
    const snap = await loadPlanSnapshot(m(), { villages: [village] });
    const rows = pickupRows(snap.plan, snap.scenario, { village, fromMs: now() });
    // what the BUMDes acts on: is this stop loaded, may it be marked so now?
    const views = containerViews(snap.plan, snap.scenario, lang, lifecycle(snap, now()));
    res.json({
      village,
      rows: rows.map((r) => {
        const c = views.find((v) => v.id === r.container);
        const pickedUp = c?.stops[r.stop - 1]?.pickedUp ?? false;
        return {
          ...formatPickup(r, lang),
          stopIndex: r.stop - 1,
          status: c?.status,
          statusLabel: c?.statusLabel,
          pickedUp,
          // offered on every open stop of a confirmed container: if the truck has not
          // recorded an earlier stop yet, the API's refusal says so in words
          canMarkLoaded: !pickedUp && (c?.status === "confirmed" || c?.status === "picking-up"),
        };
      }),
    });
  });

  router.get("/web/data/containers", async (req, res) => {
    const p = principalOf(res);
    const lang = parseLang(req.query.lang);
    const snap = maskForViewer(await loadPlanSnapshot(m(), snapshotScope(p)), p);
    const views = containerViews(snap.plan, snap.scenario, lang, lifecycle(snap, now()));
    res.json({ containers: views });
  });

  return router;
}
