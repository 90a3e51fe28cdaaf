/**
 * The coordinator's late shipments on the dashboard: the shipments no plan holds yet
 * (`/web/data/late`) and, for one, where it still fits (`/web/data/late/{id}/options`,
 * the same options as GET /v1/shipments/{id}/options, formatted). Putting it there goes
 * through POST /v1/shipments/{id}/assign.
 */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { VillageEntity } from "../../shared/infra/db/entities/village.entity.js";
import { lateOptionsView } from "../../shared/views/late-view.js";
import { formatLocalDateTime } from "../../shared/views/local-time.js";
import { parseLang } from "../../shared/views/locale.js";
import { formatKg } from "../../shared/views/number-format.js";
import { type MessageKey, translate } from "../../shared/views/translate.js";
import { requireRole } from "../api/principal.js";
import { findLateOptions } from "../api/routes/late-shipments.routes.js";

/** The most waiting shipments listed at once, oldest ready first. */
const LISTED = 200;

export function lateDataRoutes(dataSource: DataSource, now: () => number): Router {
  const router = Router();
  const m = () => dataSource.manager;

  router.get("/web/data/late", requireRole("coordinator"), async (req, res) => {
    const lang = parseLang(req.query.lang);
    const [rows, total] = await m().findAndCount(ShipmentEntity, {
      where: { status: In(["open", "unassigned"]) },
      order: { readyAt: "ASC", id: "ASC" },
      take: LISTED,
    });
    const villages = new Map(
      (rows.length
        ? await m().findBy(VillageEntity, { id: In([...new Set(rows.map((r) => r.village))]) })
        : []
      ).map((v) => [v.id, v]),
    );
    res.json({
      total,
      shipments: rows.map((s) => {
        const v = villages.get(s.village);
        return {
          shipment: s.id,
          village: s.village,
          villageName: v?.name ?? s.village,
          product: s.product,
          exporter: s.exporter,
          destination: s.destination,
          weight: formatKg(s.weightKg, lang),
          ready: s.readyAt ? formatLocalDateTime(s.readyAt, v?.timeZone ?? undefined, lang) : "",
          reason: s.unassignedReason ? translate(lang, `reason.${s.unassignedReason}` as MessageKey) : "",
        };
      }),
    });
  });

  router.get("/web/data/late/:id/options", requireRole("coordinator"), async (req, res) => {
    const lang = parseLang(req.query.lang);
    const { row, world, found } = await findLateOptions(m(), String(req.params.id), new Date(now()));
    const portOf = new Map(world.plan.containers.map((c) => [c.id, c.port]));
    res.json(lateOptionsView(row.id, found, world.scenario, portOf, lang));
  });

  return router;
}
