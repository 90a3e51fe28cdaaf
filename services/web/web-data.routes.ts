/**
 * JSON view models for the dashboard: the same pure formatters as the exports, so a
 * date or a fill shown in the browser is the one printed on the manifest.
 */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { type EntityManager, In } from "typeorm";
import { PortEntity } from "../../shared/infra/db/entities/port.entity.js";
import { SailingEntity } from "../../shared/infra/db/entities/sailing.entity.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { VillageEntity } from "../../shared/infra/db/entities/village.entity.js";
import { badRequest } from "../../shared/infra/errors.js";
import { containerViews, planSummaryView, unassignedViews } from "../../shared/views/container-view.js";
import { formatLocalDateTime, zoneLabel } from "../../shared/views/local-time.js";
import { parseLang } from "../../shared/views/locale.js";
import { formatPickup } from "../../shared/views/pickup-export.js";
import { pickupRows } from "../../shared/views/pickup-schedule.js";
import { routeMapSvg } from "../../shared/views/route-map-svg.js";
import { waitingShipmentViews } from "../../shared/views/waiting-shipments.js";
import { policyOf, principalOf, requireRole } from "../api/principal.js";
import type { AccessPolicy } from "../read-model/access-policy.js";
import { loadPlanSnapshot, type PlanSnapshot } from "../read-model/plan-snapshot.js";
import { findVisiblePickupVillage, scopeShipments } from "../read-model/scoped-reads.js";

const MAX_VILLAGES_LISTED = 5000;
/** Coordinators' own clock is not known; plan times on the dashboard header use WIB. */
const COORDINATOR_ZONE = "Asia/Jakarta";

/**
 * The week a coordinator most likely plans next: from the first day goods waiting for
 * a plan are ready (a plan's horizon only takes shipments ready by its end); without
 * such dates, the week before the next cut-off; never before today.
 */
async function suggestedStart(m: EntityManager, policy: AccessPolicy, nowMs: number): Promise<number> {
  const waiting = await scopeShipments(
    m
      .createQueryBuilder(ShipmentEntity, "s")
      .select(["s.readyAt"])
      .where("s.status IN ('open', 'unassigned')")
      .andWhere('s."readyAt" IS NOT NULL'),
    "s",
    policy,
  ).getMany();
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
    const start = await suggestedStart(m(), policyOf(res), now());
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
    const snap = await loadPlanSnapshot(m(), policyOf(res));
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
    const policy = policyOf(res);
    const lang = parseLang(req.query.lang);
    const village = typeof req.query.village === "string" ? req.query.village : "";
    if (!village) throw badRequest([{ path: "village", message: "is required (a village id)" }]);
    await findVisiblePickupVillage(m(), policy, village);
    const snap = await loadPlanSnapshot(m(), policy, { village });
    const rows = pickupRows(snap.plan, snap.scenario, { village, fromMs: now() });
    // what the BUMDes acts on: is this stop loaded, may it be marked so now?
    const views = containerViews(snap.plan, snap.scenario, lang, lifecycle(snap, now()));
    // the village's shipments no pickup carries yet: waiting for a plan, or left out of the last
    const waiting = await scopeShipments(
      m()
        .createQueryBuilder(ShipmentEntity, "s")
        .where("s.village = :village", { village })
        .andWhere("s.status IN ('open', 'unassigned')")
        .orderBy("s.id", "ASC"),
      "s",
      policy,
    ).getMany();
    res.json({
      village,
      waiting: waitingShipmentViews(
        waiting.map((s) => ({
          id: s.id,
          product: s.product,
          weightKg: s.weightKg,
          status: s.status === "open" ? "open" : "unassigned",
          reason: s.unassignedReason,
          detail: s.unassignedDetail,
        })),
        lang,
      ),
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
    const lang = parseLang(req.query.lang);
    const snap = await loadPlanSnapshot(m(), policyOf(res));
    const views = containerViews(snap.plan, snap.scenario, lang, lifecycle(snap, now()));
    res.json({ containers: views });
  });

  return router;
}
