/**
 * The dashboard's view models for issue 9, formatted on the server like the others:
 * the sea boxes of each sailing (`/web/data/boxes`) and what each shipment costs with
 * the statement's totals (`/web/data/costs?village=`). Scoped like the API.
 */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { loadChargeLines } from "../../shared/infra/db/charges.repository.js";
import { PortEntity } from "../../shared/infra/db/entities/port.entity.js";
import { sailingBoxesViews } from "../../shared/views/box-view.js";
import { formatLocalDateTime } from "../../shared/views/local-time.js";
import { type Lang, parseLang } from "../../shared/views/locale.js";
import { formatIdr, formatKg } from "../../shared/views/number-format.js";
import { type ChargeLine, statement } from "../../shared/views/statement.js";
import { policyOf } from "../api/principal.js";
import { chargeScopeOf } from "../api/routes/statements.routes.js";
import { boxViews, findBoxes } from "../read-model/box-records.js";
import { findVisiblePickupVillage } from "../read-model/scoped-reads.js";

const perKg = (idr: number, kg: number) => (kg > 0 ? Math.round(idr / kg) : 0);

function costLine(l: ChargeLine, lang: Lang) {
  const total = l.truck + l.freight;
  return {
    shipment: l.shipment,
    product: l.product,
    village: l.village,
    villageName: l.villageName ?? l.village,
    exporter: l.exporter,
    container: l.container,
    box: l.box,
    pickup: l.pickupAt ? formatLocalDateTime(l.pickupAt, l.timeZone ?? undefined, lang) : "",
    weight: formatKg(l.weightKg, lang),
    truck: formatIdr(l.truck, lang),
    freight: formatIdr(l.freight, lang),
    total: formatIdr(total, lang),
    perKg: formatIdr(perKg(total, l.weightKg), lang),
  };
}

export function boxDataRoutes(dataSource: DataSource): Router {
  const router = Router();
  const m = () => dataSource.manager;

  router.get("/web/data/boxes", async (req, res) => {
    const policy = policyOf(res);
    const lang = parseLang(req.query.lang);
    const { items } = await findBoxes(m(), policy, { current: true });
    const views = await boxViews(m(), items, policy);
    const ports = new Map((await m().find(PortEntity)).map((port) => [port.id, port]));
    res.json({ sailings: sailingBoxesViews(views, ports, lang, !policy.seesAll) });
  });

  router.get("/web/data/costs", async (req, res) => {
    const policy = policyOf(res);
    const lang = parseLang(req.query.lang);
    const village =
      typeof req.query.village === "string" && req.query.village ? req.query.village : undefined;
    // one village's costs are its BUMDes' business, like its pickups
    if (village !== undefined) await findVisiblePickupVillage(m(), policy, village);
    const scope = chargeScopeOf(policy);
    const lines = await loadChargeLines(m(), village ? { ...scope, villages: [village] } : scope);
    lines.sort(
      (a, b) => Date.parse(a.pickupAt) - Date.parse(b.pickupAt) || a.shipment.localeCompare(b.shipment),
    );
    const totals = statement(lines, "bumdes").totals;
    res.json({
      village: village ?? null,
      bumdes: [...new Set(lines.map((l) => l.bumdes).filter((b): b is string => b !== null))],
      lines: lines.map((l) => costLine(l, lang)),
      totals: {
        shipments: totals.shipments,
        weight: formatKg(totals.weightKg, lang),
        truck: formatIdr(totals.truck, lang),
        freight: formatIdr(totals.freight, lang),
        total: formatIdr(totals.total, lang),
        perKg: formatIdr(totals.perKg, lang),
      },
    });
  });

  return router;
}
