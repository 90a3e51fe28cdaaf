/**
 * Shipments: create one, a batch, or a CSV import (all-or-nothing: one bad row and
 * nothing is stored); list with filters and pagination; cancel. BUMDes act for their
 * villages, exporters for their own name.
 */
import { randomUUID } from "node:crypto";
import { parse as parseCsv } from "csv-parse/sync";
import type express from "express";
import { Router } from "express";
import { type DataSource, type EntityManager, In } from "typeorm";
import { isCommitted } from "../../../shared/contracts/container-lifecycle.js";
import {
  MAX_BATCH,
  type ShipmentCreate,
  shipmentBatchEnvelope,
  shipmentCreateSchema,
  shipmentListQuerySchema,
} from "../../../shared/contracts/resources.schemas.js";
import { formatPath, recordRuleErrors } from "../../../shared/core/model/record-rules.js";
import { duplicateKey } from "../../../shared/infra/db/database-refusal.js";
import { ContainerEntity } from "../../../shared/infra/db/entities/container.entity.js";
import { ContainerLoadEntity } from "../../../shared/infra/db/entities/container-load.entity.js";
import { ShipmentEntity } from "../../../shared/infra/db/entities/shipment.entity.js";
import { VillageEntity } from "../../../shared/infra/db/entities/village.entity.js";
import { newShipmentRow, SHIPMENT_ORDER_KEYS } from "../../../shared/infra/db/scenario.mapper.js";
import {
  AppError,
  badRequest,
  conflict,
  type FieldError,
  forbidden,
  notFound,
} from "../../../shared/infra/errors.js";
import { pageOf, scopeKey } from "../../read-model/page.js";
import { findVisibleShipment, scopeShipments } from "../../read-model/scoped-reads.js";
import { csvBody } from "../body-limits.js";
import { idempotent } from "../idempotency.middleware.js";
import { type Principal, policyOf, principalOf } from "../principal.js";
import { shipmentView } from "../shipment.view.js";
import { parseInput } from "../validate-request.js";
import {
  asRecord,
  checkWrite,
  throwFieldErrors,
  throwReferenceErrors,
  unknownReferences,
} from "../write-validation.js";

const newShipmentId = () => `SH-${randomUUID().slice(0, 8).toUpperCase()}`;

/** Role rules for who may create what; returns the shipment as it will be stored. */
function authorise(
  p: Principal,
  s: ShipmentCreate,
  path: string,
): { item: ShipmentCreate; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const item = { ...s };
  if (p.role === "bumdes" && !p.villages.includes(s.village)) {
    errors.push({
      path: `${path}village`,
      message: `your key speaks for villages ${p.villages.join(", ")} only`,
    });
  }
  if (p.role === "exporter") {
    if (s.exporter !== undefined && s.exporter !== p.exporter) {
      errors.push({
        path: `${path}exporter`,
        message: `your key creates shipments for exporter "${p.exporter}" only`,
      });
    }
    item.exporter = p.exporter ?? undefined;
  }
  return { item, errors };
}

/** Where shipment i sits in the request: [] for one, ["shipments", i] in a batch, ["rows", i] in a CSV. */
type BaseOf = (i: number) => readonly PropertyKey[];
const prefixOf = (base: readonly PropertyKey[]) => (base.length === 0 ? "" : `${formatPath(base)}.`);

/**
 * Check and store shipments, all or nothing. Every body's field errors (schema and the
 * core's rules) and unknown villages come back in one round (400); then who may create
 * them (403), unknown villages (422), duplicate ids (409).
 */
async function createShipments(
  m: EntityManager,
  p: Principal,
  bodies: unknown[],
  baseOf: BaseOf,
  earlierErrors: FieldError[] = [],
) {
  const checks = bodies.map((body, i) =>
    checkWrite(m, shipmentCreateSchema, body, {
      rules: (b) => recordRuleErrors("shipments", b, { metric: "road" }),
      base: baseOf(i),
    }),
  );
  const results = [];
  for (const c of checks) results.push(await c);
  const villageRefs = bodies.flatMap((body, i) => {
    const v = asRecord(body).village;
    return typeof v === "string"
      ? [{ path: `${prefixOf(baseOf(i))}village`, entity: VillageEntity, noun: "village", id: v }]
      : [];
  });
  const referenceErrors = await unknownReferences(m, villageRefs);
  throwFieldErrors([
    { fieldErrors: earlierErrors, referenceErrors: [] },
    ...results,
    { fieldErrors: [], referenceErrors },
  ]);
  const items = results.map((r) => r.data as ShipmentCreate);

  const denied: FieldError[] = [];
  const prepared = items.map((s, i) => {
    const { item, errors } = authorise(p, s, prefixOf(baseOf(i)));
    denied.push(...errors);
    return { ...item, id: item.id ?? newShipmentId() };
  });
  if (denied.length > 0)
    throw forbidden(denied[0].path, denied.map((e) => `${e.path}: ${e.message}`).join("; "));
  throwReferenceErrors([{ referenceErrors }]);

  const errors: FieldError[] = [];
  const pathOf = (i: number) => prefixOf(baseOf(i));
  const seen = new Map<string, number>();
  prepared.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined)
      errors.push({ path: `${pathOf(i)}id`, message: `duplicate id "${s.id}" (also ${pathOf(first)}id)` });
    else seen.set(s.id, i);
  });
  const existing = new Set((await m.findBy(ShipmentEntity, { id: In([...seen.keys()]) })).map((s) => s.id));
  prepared.forEach((s, i) => {
    if (existing.has(s.id))
      errors.push({ path: `${pathOf(i)}id`, message: `shipment "${s.id}" already exists` });
  });
  if (errors.length > 0) throw new AppError("CONFLICT", 409, errors);

  const rows = prepared.map((s) => ({ ...newShipmentRow(s), createdBy: p.keyId }));
  try {
    // Chunks keep each INSERT under PostgreSQL's bind-parameter limit.
    for (let i = 0; i < rows.length; i += 500) await m.insert(ShipmentEntity, rows.slice(i, i + 500));
  } catch (error) {
    // Another request stored one of these ids after the check above: the same 409.
    const dup = duplicateKey(error);
    const i = dup ? prepared.findIndex((s) => s.id === dup.value) : -1;
    if (i < 0) throw error;
    throw conflict(`${pathOf(i)}id`, `shipment "${dup!.value}" already exists`);
  }
  return m.findBy(ShipmentEntity, { id: In(prepared.map((s) => s.id)) });
}

const NUMERIC = new Set(["weightKg", "volumeM3", "packages"]);
/** A CSV import has a column for each order field a shipment has, and no other. */
const CSV_COLUMNS = new Set<string>(SHIPMENT_ORDER_KEYS);
/** Plain decimal notation only: `0x10`, `1e3`, `Infinity` or `12,5` are not read as numbers. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The header line: known columns, each once (with two, the last silently won). */
function csvHeader(header: string[]): string[] {
  const names = header.map((h) => h.trim());
  const unknown = names.filter((c) => !CSV_COLUMNS.has(c));
  const twice = [...new Set(names.filter((c, i) => names.indexOf(c) !== i))];
  const errors: FieldError[] = [];
  if (unknown.length > 0) {
    errors.push({
      path: "(header)",
      message: `unknown column(s) ${unknown.join(", ")}; expected ${[...CSV_COLUMNS].join(", ")}`,
    });
  }
  if (twice.length > 0) {
    errors.push({
      path: "(header)",
      message: `column(s) ${twice.join(", ")} given more than once; give each once`,
    });
  }
  if (errors.length > 0) throw badRequest(errors);
  return names;
}

/**
 * CSV rows -> shipment objects (empty cells are absent fields) and the cells that are
 * not plain decimal numbers where a number belongs, all rows at once.
 */
function csvToShipments(text: string): { records: Record<string, unknown>[]; errors: FieldError[] } {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: csvHeader, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badRequest([{ path: "(body)", message: `is not valid CSV: ${(error as Error).message}` }]);
  }
  if (rows.length === 0)
    throw badRequest([{ path: "(body)", message: "has no data rows (the first line is the header)" }]);
  if (rows.length > MAX_BATCH) {
    throw badRequest([
      { path: "(body)", message: `has ${rows.length} rows; import at most ${MAX_BATCH} per file` },
    ]);
  }
  const errors: FieldError[] = [];
  const records = rows.map((r, i) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      if (v === "") continue;
      if (!NUMERIC.has(k)) out[k] = v;
      else if (DECIMAL.test(v)) out[k] = Number(v);
      else {
        errors.push({
          path: `rows[${i}].${k}`,
          message: `must be a decimal number such as 12.5 (got "${v.slice(0, 40)}")`,
        });
      }
    }
    return out;
  });
  return { records, errors };
}

export function shipmentsRouter(ds: DataSource): Router {
  const router = Router();
  const once = idempotent(ds);

  router.post("/shipments", once, async (req, res) => {
    const [row] = await ds.transaction((m) => createShipments(m, principalOf(res), [req.body], () => []));
    res
      .status(201)
      .location(`/v1/shipments/${encodeURIComponent(row.id)}`)
      .json(shipmentView(row));
  });

  router.post("/shipments/batch", once, async (req, res) => {
    const { shipments } = parseInput(shipmentBatchEnvelope, req.body);
    const rows = await ds.transaction((m) =>
      createShipments(m, principalOf(res), shipments, (i) => ["shipments", i]),
    );
    res.status(201).json({ items: rows.map(shipmentView), total: rows.length });
  });

  router.post("/shipments/import", csvBody, once, async (req, res) => {
    if (typeof req.body !== "string") {
      throw badRequest([
        { path: "(header).content-type", message: "send the CSV with Content-Type: text/csv" },
      ]);
    }
    const { records, errors } = csvToShipments(req.body);
    // rows[0] is the first data line (line 2 of the file).
    const rows = await ds.transaction((m) =>
      createShipments(m, principalOf(res), records, (i) => ["rows", i], errors),
    );
    res.status(201).json({ imported: rows.length, items: rows.map(shipmentView) });
  });

  router.get("/shipments", async (req, res) => {
    const q = parseInput(shipmentListQuerySchema, req.query);
    const policy = policyOf(res);
    const qb = scopeShipments(ds.getRepository(ShipmentEntity).createQueryBuilder("s"), "s", policy);
    for (const key of ["village", "status", "exporter", "product", "handling", "destination"] as const) {
      if (q[key] !== undefined) qb.andWhere(`s.${key} = :${key}`, { [key]: q[key] });
    }
    const { items, total } = await pageOf(qb.orderBy("s.createdAt", "ASC").addOrderBy("s.id", "ASC"), {
      offset: q.offset,
      limit: q.limit,
      tables: ["shipment"],
      key: `shipments:${JSON.stringify(q)}:${scopeKey(policy)}`,
      view: (rows) => rows.map(shipmentView),
    });
    res.json({ items, total, limit: q.limit, offset: q.offset });
  });

  router.get("/shipments/:id", async (req, res) => {
    res.json(shipmentView(await findVisibleShipment(ds.manager, policyOf(res), req.params.id)));
  });

  const cancel = async (req: express.Request, res: express.Response) => {
    await findVisibleShipment(ds.manager, policyOf(res), req.params.id as string);
    const row = await ds.transaction(async (m) => {
      const s = await m.findOne(ShipmentEntity, {
        where: { id: req.params.id as string },
        lock: { mode: "pessimistic_write" },
      });
      if (!s) throw notFound("shipment", req.params.id as string);
      if (s.status === "cancelled") throw conflict("status", "the shipment is already cancelled");
      const loads = await m.findBy(ContainerLoadEntity, { shipmentId: s.id });
      const containers = loads.length
        ? await m.findBy(ContainerEntity, { id: In(loads.map((l) => l.containerId)), current: true })
        : [];
      const committed = containers.filter((c) => isCommitted(c.status));
      if (committed.length > 0) {
        throw conflict(
          "status",
          `the shipment rides in container ${committed.map((c) => `${c.id} (${c.status})`).join(", ")}; it can no longer be cancelled here`,
        );
      }
      await m.update(
        ShipmentEntity,
        { id: s.id },
        { status: "cancelled", containerId: null, pickupAt: null },
      );
      return (await m.findOneBy(ShipmentEntity, { id: s.id }))!;
    });
    res.json(shipmentView(row));
  };
  router.post("/shipments/:id/cancel", cancel);
  router.delete("/shipments/:id", cancel);

  return router;
}
