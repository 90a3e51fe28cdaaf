/**
 * Downloads for issue 9: a stuffing list per sea box (CSV, printable HTML), all the boxes
 * a key may see (optionally of one sailing), and the BUMDes freight statements (printable
 * HTML, one sheet per BUMDes; CSV of the lines). Scoped like the API: a key sees a box
 * when it sees a container in it, and the charges of the shipments it may see.
 */
import { type Request, type Response, Router } from "express";
import type { DataSource } from "typeorm";
import { statementQuerySchema } from "../../shared/contracts/boxes.schemas.js";
import { loadChargeLines } from "../../shared/infra/db/charges.repository.js";
import { PortEntity } from "../../shared/infra/db/entities/port.entity.js";
import { forbidden, notFound } from "../../shared/infra/errors.js";
import { parseLang } from "../../shared/views/locale.js";
import { inPeriod, statementHtml, statementLinesCsv } from "../../shared/views/statement.js";
import { type StuffingBox, stuffingCsv, stuffingHtml } from "../../shared/views/stuffing-list.js";
import { policyOf } from "../api/principal.js";
import { chargeScopeOf } from "../api/routes/statements.routes.js";
import { parseInput } from "../api/validate-request.js";
import { boxViews, findBoxes } from "../read-model/box-records.js";
import { sendFile } from "./send-file.js";

const FORMATS = {
  csv: { type: "text/csv; charset=utf-8", inline: false },
  html: { type: "text/html; charset=utf-8", inline: true },
} as const;
type Format = keyof typeof FORMATS;

export function boxExportRoutes(dataSource: DataSource): Router {
  const router = Router();
  const m = () => dataSource.manager;

  async function stuffingBoxes(res: Response, q: { id?: string; sailing?: string }): Promise<StuffingBox[]> {
    const policy = policyOf(res);
    const { items } = await findBoxes(m(), policy, {
      ids: q.id ? [q.id] : undefined,
      sailing: q.sailing,
      current: q.id === undefined,
    });
    if (q.id && items.length === 0) throw notFound("box", q.id);
    const views = await boxViews(m(), items, policy);
    const ports = new Map((await m().find(PortEntity)).map((port) => [port.id, port]));
    return views.map((v) => {
      const port = v.port ? ports.get(v.port) : undefined;
      return {
        id: v.id,
        type: v.type,
        reefer: v.reefer,
        slots: v.slots,
        maxWeightKg: v.maxWeightKg,
        weightKg: v.weightKg,
        sailing: v.sailing,
        port: port
          ? { id: port.id, name: port.name, timeZone: port.timeZone }
          : v.port
            ? { id: v.port }
            : null,
        destination: v.destination,
        containers: v.containers,
      };
    });
  }

  const sendStuffing = async (req: Request, res: Response, format: Format, id?: string) => {
    const sailing =
      typeof req.query.sailing === "string" && req.query.sailing ? req.query.sailing : undefined;
    const boxes = await stuffingBoxes(res, { id, sailing });
    const lang = parseLang(req.query.lang);
    const body = format === "csv" ? stuffingCsv(boxes, lang) : stuffingHtml(boxes, lang);
    const name = id ? `stuffing-${id}.${format}` : `stuffing${sailing ? `-${sailing}` : ""}.${format}`;
    sendFile(res, body, FORMATS[format].type, name, FORMATS[format].inline);
  };
  router.get("/exports/boxes/:id/stuffing.csv", (req, res) =>
    sendStuffing(req, res, "csv", String(req.params.id)),
  );
  router.get("/exports/boxes/:id/stuffing.html", (req, res) =>
    sendStuffing(req, res, "html", String(req.params.id)),
  );
  router.get("/exports/stuffing.csv", (req, res) => sendStuffing(req, res, "csv"));
  router.get("/exports/stuffing.html", (req, res) => sendStuffing(req, res, "html"));

  /** A BUMDes statement: its own for a BUMDes key, any (or all) for a coordinator. */
  const sendStatement = async (req: Request, res: Response, format: Format) => {
    const policy = policyOf(res);
    // a statement per BUMDes is read by whoever reads its villages' pickups
    if (!policy.readsPickups)
      throw forbidden(
        "(role)",
        "BUMDes statements are for BUMDes and coordinators; see GET /v1/statements?by=exporter",
      );
    const q = parseInput(statementQuerySchema, req.query);
    const bumdes = typeof req.query.bumdes === "string" && req.query.bumdes ? req.query.bumdes : undefined;
    const lines = (await loadChargeLines(m(), chargeScopeOf(policy))).filter(
      (l) => inPeriod(l, q) && (bumdes === undefined || l.bumdes === bumdes),
    );
    // Another BUMDes' statement reads like one that does not exist.
    if (bumdes !== undefined && lines.length === 0) throw notFound("statement for BUMDes", bumdes);
    const lang = parseLang(req.query.lang);
    const body = format === "csv" ? statementLinesCsv(lines, lang) : statementHtml(lines, q, lang);
    sendFile(
      res,
      body,
      FORMATS[format].type,
      `statement-${bumdes ?? "bumdes"}.${format}`,
      FORMATS[format].inline,
    );
  };
  router.get("/exports/statements/bumdes.html", (req, res) => sendStatement(req, res, "html"));
  router.get("/exports/statements/bumdes.csv", (req, res) => sendStatement(req, res, "csv"));

  return router;
}
