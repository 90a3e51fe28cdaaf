/**
 * Statements: what the current plan charges each BUMDes or exporter (spec rule 9),
 * `?by=bumdes|exporter&from&to[&format=csv]`. A key sees the rows of the shipments it
 * may see: a coordinator every row, a BUMDes key its villages', an exporter key its own.
 */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { statementQuerySchema } from "../../../shared/contracts/boxes.schemas.js";
import { type ChargeScope, loadChargeLines } from "../../../shared/infra/db/charges.repository.js";
import { parseLang } from "../../../shared/views/locale.js";
import { inPeriod, statement, statementCsv } from "../../../shared/views/statement.js";
import type { AccessPolicy } from "../../read-model/access-policy.js";
import { sendFile } from "../../web/send-file.js";
import { policyOf } from "../principal.js";
import { parseInput } from "../validate-request.js";

/** The charges of the shipments the policy shows. */
export const chargeScopeOf = (policy: AccessPolicy): ChargeScope =>
  policy.seesAll ? {} : { shipments: policy.shipmentSql("s") };

export function statementsRouter(ds: DataSource): Router {
  const router = Router();

  router.get("/statements", async (req, res) => {
    const q = parseInput(statementQuerySchema, req.query);
    const period = { from: q.from, to: q.to };
    const lines = (await loadChargeLines(ds.manager, chargeScopeOf(policyOf(res)))).filter((l) =>
      inPeriod(l, period),
    );
    const s = statement(lines, q.by);
    if (q.format === "csv") {
      sendFile(res, statementCsv(s, parseLang(q.lang)), "text/csv; charset=utf-8", `statement-${q.by}.csv`);
      return;
    }
    res.json({ by: s.by, from: q.from ?? null, to: q.to ?? null, items: s.items, totals: s.totals });
  });

  return router;
}
