/**
 * Store a finished Plan in one transaction: a new version, its containers and loads,
 * the shipments' container and pickup time, and the run's completion. Containers still
 * "planned" that held the re-planned shipments are superseded; confirmed ones stay.
 * If the world moved while the solver ran (a container confirmed, a shipment cancelled,
 * the same shipments re-planned by another run), nothing is written and the outcome is a
 * conflict asking to plan again: a value, for the caller to fail its run with.
 *
 * A national plan has thousands of containers and tens of thousands of shipments, so
 * every read takes its ids as one array parameter and every write is a bulk statement
 * (`bulk-sql.ts`): a handful of statements per plan, not one per container or shipment.
 */
import type { EntityManager } from "typeorm";
import type { Plan, PlanContainer } from "../../core/model/plan.js";
import type { Scenario } from "../../core/model/scenario.js";
import type { FieldError } from "../errors.js";
import { retireBoxesAndCharges, storeBoxesAndCharges } from "./box.store.js";
import { type BulkColumn, bulkInsert, bulkUpdate } from "./bulk-sql.js";
import type { ContainerEvent } from "./entities/container.entity.js";
import { PlanEntity } from "./entities/plan.entity.js";
import { PlanningRunEntity } from "./entities/planning-run.entity.js";

export type StoreOutcome =
  | { kind: "stored"; version: number }
  /** Nothing written: the world moved while the run was planning. */
  | { kind: "conflict"; errors: FieldError[] }
  | { kind: "cancelled" }
  /** The run row is not there (deleted): nothing to store it under. */
  | { kind: "gone"; errors: FieldError[] };

export const containerRowId = (version: number, solverId: string) => `v${version}-${solverId}`;

const CONTAINER_COLUMNS: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "planVersion", type: "integer" },
  { name: "type", type: "text" },
  { name: "depot", type: "text" },
  { name: "port", type: "text" },
  { name: "sailing", type: "text" },
  { name: "departDepot", type: "text" },
  { name: "portArrival", type: "text" },
  { name: "distanceKm", type: "double precision" },
  { name: "cost", type: "double precision" },
  { name: "weightKg", type: "double precision" },
  { name: "volumeM3", type: "double precision" },
  { name: "maxWeightKg", type: "double precision" },
  { name: "maxVolumeM3", type: "double precision" },
  { name: "stops", type: "jsonb" },
  { name: "status", type: "text" },
  { name: "history", type: "jsonb" },
  { name: "current", type: "boolean" },
];

const LOAD_COLUMNS: BulkColumn[] = [
  { name: "containerId", type: "text" },
  { name: "stopIndex", type: "integer" },
  { name: "shipmentId", type: "text" },
  { name: "village", type: "text" },
  { name: "packages", type: "integer" },
  { name: "weightKg", type: "double precision" },
  { name: "volumeM3", type: "double precision" },
];

/** A shipment this plan places (or leaves unassigned): everything about its planning. */
const SHIPMENT_PLANNED_COLUMNS: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "status", type: "text" },
  { name: "containerId", type: "text" },
  { name: "pickupAt", type: "text" },
  { name: "planVersion", type: "integer" },
  { name: "unassignedReason", type: "text" },
  { name: "unassignedDetail", type: "text" },
];

/** A shipment riding (wholly) in a kept container: its container and pickup stay. */
const SHIPMENT_KEPT_COLUMNS: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "planVersion", type: "integer" },
  { name: "unassignedReason", type: "text" },
  { name: "unassignedDetail", type: "text" },
];

/** A shipment outside the run whose container was superseded. */
const OUTSIDER_COLUMNS: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "status", type: "text" },
  { name: "containerId", type: "text" },
  { name: "pickupAt", type: "text" },
];

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

export interface NewContainerRow {
  rowId: string;
  container: PlanContainer;
  history: ContainerEvent[];
}

/**
 * Insert planned containers and their loads (two bulk statements); returns, for each
 * shipment they load, the container and the earliest time it is picked up.
 */
export async function insertContainers(
  m: EntityManager,
  version: number,
  rows: readonly NewContainerRow[],
  scenario: Pick<Scenario, "containerTypes">,
): Promise<Map<string, { containerId: string; at: string }>> {
  const types = new Map(scenario.containerTypes.map((t) => [t.id, t]));
  const pickup = new Map<string, { containerId: string; at: string }>();
  const containerRows: unknown[][] = [];
  const loadRows: unknown[][] = [];
  for (const { rowId: id, container: c, history } of rows) {
    const type = types.get(c.type);
    containerRows.push([
      id,
      version,
      c.type,
      c.depot,
      c.port,
      c.sailing ?? null,
      c.departDepot,
      c.portArrival,
      c.distanceKm,
      c.cost,
      c.weightKg,
      c.volumeM3,
      type?.maxWeightKg ?? 0,
      type?.maxVolumeM3 ?? 0,
      c.stops,
      "planned",
      history,
      true,
    ]);
    c.stops.forEach((stop, stopIndex) => {
      for (const l of stop.load) {
        loadRows.push([id, stopIndex, l.shipment, stop.village, l.packages, l.weightKg, l.volumeM3]);
        const seen = pickup.get(l.shipment);
        if (!seen || Date.parse(stop.loadStart) < Date.parse(seen.at))
          pickup.set(l.shipment, { containerId: id, at: stop.loadStart });
      }
    });
  }
  await bulkInsert(m, "container", CONTAINER_COLUMNS, containerRows);
  await bulkInsert(m, "container_load", LOAD_COLUMNS, loadRows);
  return pickup;
}

/** At most this many ids are named in a conflict message. */
const NAMED = 5;

const named = (list: string[]) =>
  list.length > NAMED
    ? `${list.slice(0, NAMED).join(", ")} and ${list.length - NAMED} more`
    : list.join(", ");

export async function storePlan(
  m: EntityManager,
  runId: string,
  plan: Plan,
  now: Date,
): Promise<StoreOutcome> {
  const run = await m.findOne(PlanningRunEntity, {
    where: { id: runId },
    lock: { mode: "pessimistic_write" },
  });
  if (!run)
    return { kind: "gone", errors: [{ path: "runId", message: `planning run ${runId} does not exist` }] };
  if (run.state === "cancelled") return { kind: "cancelled" };
  // A retry after the commit: already stored.
  if (run.planVersion !== null) return { kind: "stored", version: run.planVersion };
  const scenario = run.scenario as Scenario;
  const shipmentIds = scenario.shipments.map((s) => s.id);

  await m.query(`LOCK TABLE "plan" IN EXCLUSIVE MODE`);
  const [{ max }] = (await m.query(`SELECT COALESCE(MAX("version"), 0) AS max FROM "plan"`)) as {
    max: number;
  }[];
  const version = Number(max) + 1;

  if (run.baseVersion !== null && run.baseVersion < version - 1) {
    // Another run stored since this one read its shipments: had it planned the same ones,
    // storing now would silently throw its plan away (or double a shipment it moved).
    const replanned = (await m.query(
      `SELECT "id", "planVersion" FROM "shipment" WHERE "id" = ANY($1::text[]) AND "planVersion" > $2
        ORDER BY "id"`,
      [shipmentIds, run.baseVersion],
    )) as { id: string; planVersion: number }[];
    if (replanned.length > 0) {
      const newest = Math.max(...replanned.map((r) => r.planVersion));
      return {
        kind: "conflict",
        errors: [
          {
            path: "shipments",
            message: `shipment(s) ${named(ids(replanned))} were re-planned by plan version ${newest} while this run was planning; plan again`,
          },
        ],
      };
    }
  }

  const touchedRows = (await m.query(
    `SELECT c."id", c."status" FROM "container" c
      WHERE c."current" AND c."id" IN (SELECT "containerId" FROM "container_load" WHERE "shipmentId" = ANY($1::text[]))
      ORDER BY c."id"`,
    [shipmentIds],
  )) as { id: string; status: string }[];
  const kept = new Set(run.keptContainers);
  const movedOn = touchedRows.filter((c) => c.status !== "planned" && !kept.has(c.id));
  if (movedOn.length > 0) {
    return {
      kind: "conflict",
      errors: [
        {
          path: "containers",
          message: `container(s) ${named(ids(movedOn))} were confirmed while this run was planning; plan again`,
        },
      ],
    };
  }
  const cancelled = (await m.query(
    `SELECT "id" FROM "shipment" WHERE "id" = ANY($1::text[]) AND "status" = 'cancelled' ORDER BY "id"`,
    [shipmentIds],
  )) as { id: string }[];
  if (cancelled.length > 0) {
    return {
      kind: "conflict",
      errors: [
        {
          path: "shipments",
          message: `shipment(s) ${named(ids(cancelled))} were cancelled while this run was planning; plan again`,
        },
      ],
    };
  }

  const superseded = ids(touchedRows.filter((c) => c.status === "planned"));
  if (superseded.length > 0) {
    await m.query(
      `UPDATE "container" SET "current" = false, "status" = 'superseded', "updatedAt" = now()
        WHERE "id" = ANY($1::text[])`,
      [superseded],
    );
    await releaseOutsiders(m, superseded, shipmentIds);
  }
  await retireBoxesAndCharges(m, superseded);

  await m.insert(PlanEntity, { version, runId, plan });
  const history: ContainerEvent[] = [
    { status: "planned", at: now.toISOString(), by: "planner", role: "planner" },
  ];
  const pickup = await insertContainers(
    m,
    version,
    plan.containers.map((c) => ({ rowId: containerRowId(version, c.id), container: c, history })),
    scenario,
  );

  await storeBoxesAndCharges(m, plan, scenario, { version, rowId: (id) => containerRowId(version, id) });

  const unassigned = new Map(plan.unassigned.map((u) => [u.shipment, u]));
  const keptLoads =
    kept.size > 0
      ? ((await m.query(
          `SELECT DISTINCT "shipmentId" FROM "container_load"
            WHERE "shipmentId" = ANY($1::text[]) AND "containerId" = ANY($2::text[])`,
          [shipmentIds, [...kept]],
        )) as { shipmentId: string }[])
      : [];
  const inKept = new Set(keptLoads.map((l) => l.shipmentId));
  const plannedRows: unknown[][] = [];
  const keptRows: unknown[][] = [];
  for (const id of shipmentIds) {
    const p = pickup.get(id);
    const u = unassigned.get(id);
    if (p) {
      // Split shipments may leave packages behind: say so on the shipment.
      const detail = u ? `${u.packages} package(s) not planned: ${u.detail}` : null;
      plannedRows.push([id, "planned", p.containerId, p.at, version, u?.reason ?? null, detail]);
    } else if (inKept.has(id)) {
      const detail = u ? `${u.packages} package(s) not planned: ${u.detail}` : null;
      keptRows.push([id, version, u?.reason ?? null, detail]);
    } else {
      plannedRows.push([
        id,
        u ? "unassigned" : "open",
        null,
        null,
        version,
        u?.reason ?? null,
        u?.detail ?? null,
      ]);
    }
  }
  await bulkUpdate(m, "shipment", SHIPMENT_PLANNED_COLUMNS, plannedRows);
  await bulkUpdate(m, "shipment", SHIPMENT_KEPT_COLUMNS, keptRows);
  await m.update(
    PlanningRunEntity,
    { id: runId },
    {
      state: "completed",
      progress: 100,
      planVersion: version,
      errors: null,
      finishedAt: now,
    },
  );
  return { kind: "stored", version };
}

/**
 * Shipments that rode in the superseded containers but are not this run's (a run over a
 * shorter horizon, say) must not stay "planned" in a container that is no longer current:
 * they point at another current container still carrying part of them, or go back to
 * "open" for the next plan to take.
 */
async function releaseOutsiders(m: EntityManager, superseded: string[], scope: string[]): Promise<void> {
  const outsiders = (
    (await m.query(
      `SELECT DISTINCT "shipmentId" FROM "container_load"
        WHERE "containerId" = ANY($1::text[]) AND NOT ("shipmentId" = ANY($2::text[]))`,
      [superseded, scope],
    )) as { shipmentId: string }[]
  ).map((r) => r.shipmentId);
  if (outsiders.length === 0) return;
  const stillRiding = (await m.query(
    `SELECT l."shipmentId", l."containerId", c."stops" -> l."stopIndex" ->> 'loadStart' AS "loadStart"
       FROM "container_load" l JOIN "container" c ON c."id" = l."containerId"
      WHERE l."shipmentId" = ANY($1::text[]) AND c."current"`,
    [outsiders],
  )) as { shipmentId: string; containerId: string; loadStart: string }[];
  const earliest = new Map<string, { containerId: string; loadStart: string }>();
  for (const r of stillRiding) {
    const seen = earliest.get(r.shipmentId);
    if (!seen || Date.parse(r.loadStart) < Date.parse(seen.loadStart)) earliest.set(r.shipmentId, r);
  }
  await bulkUpdate(
    m,
    "shipment",
    OUTSIDER_COLUMNS,
    outsiders.map((id) => {
      const e = earliest.get(id);
      return e ? [id, "planned", e.containerId, e.loadStart] : [id, "open", null, null];
    }),
    [`"unassignedReason" = NULL`, `"unassignedDetail" = NULL`],
  );
}
