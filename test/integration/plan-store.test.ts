/**
 * storePlan on the real PostgreSQL and on the embedded PGlite: what it writes (plan,
 * containers, loads, each shipment's container and pickup, the run's completion), a
 * re-plan superseding the containers still "planned" and leaving kept ones alone, and a
 * big plan written in a handful of bulk statements (it used to be one statement per
 * container and per shipment: 67 s for a week of 20,000 shipments on PostgreSQL).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import type { DataSource, QueryRunner } from "typeorm";
import { replicateWeek } from "../../bench/service/replicated-week.js";
import { loadScenario } from "../../services/seed/demo-data.js";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { solve } from "../../shared/core/solve.js";
import { openDataSource } from "../../shared/infra/db/data-source.js";
import { startEmbeddedPostgres } from "../../shared/infra/db/embedded-postgres.js";
import { PlanningRunEntity } from "../../shared/infra/db/entities/planning-run.entity.js";
import { type StoreOutcome, storePlan } from "../../shared/infra/db/plan.store.js";
import { expectEveryPackageOnce, expectFeasible } from "../support/plan-assertions.js";
import { exampleScenario } from "./support/fixtures.js";
import { createTestDatabase } from "./support/test-database.js";

interface Db {
  ds: DataSource;
  close(): Promise<void>;
}

const DATABASES: Record<string, () => Promise<Db>> = {
  postgresql: async () => {
    const db = await createTestDatabase();
    const ds = await openDataSource({ url: db.url, poolSize: 2 });
    return {
      ds,
      async close() {
        await ds.destroy();
        await db.drop();
      },
    };
  },
  pglite: async () => {
    const dir = mkdtempSync(join(tmpdir(), "muatan-store-"));
    const embedded = await startEmbeddedPostgres(dir);
    const ds = await openDataSource({ url: embedded.url, singleSession: true });
    return {
      ds,
      async close() {
        await ds.destroy();
        await embedded.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** A run as POST /v1/plans creates it: `baseVersion` is the newest plan version when its scenario was read. */
async function createRun(
  ds: DataSource,
  scenario: Scenario,
  keptContainers: string[] = [],
  baseVersion?: number,
): Promise<string> {
  const id = randomUUID();
  const [{ max }] = (await ds.query(`SELECT COALESCE(MAX("version"), 0) AS max FROM "plan"`)) as {
    max: number;
  }[];
  await ds.getRepository(PlanningRunEntity).insert({
    id,
    state: "active",
    progress: 0,
    request: { test: true },
    scenario,
    keptContainers,
    baseVersion: baseVersion ?? Number(max),
    planVersion: null,
    errors: null,
    createdBy: null,
    finishedAt: null,
  });
  return id;
}

/** storePlan in its own transaction on a query runner that counts the statements it sends. */
async function storeCounting(
  ds: DataSource,
  runId: string,
  plan: Plan,
): Promise<{ outcome: StoreOutcome; version: number; statements: number }> {
  const qr: QueryRunner = ds.createQueryRunner();
  await qr.connect();
  let statements = 0;
  const query = qr.query.bind(qr);
  qr.query = ((...args: Parameters<QueryRunner["query"]>) => {
    statements++;
    return query(...args);
  }) as QueryRunner["query"];
  try {
    await qr.startTransaction();
    const outcome = await storePlan(qr.manager, runId, plan, new Date("2026-12-01T00:00:00Z"));
    await qr.commitTransaction();
    return { outcome, version: outcome.kind === "stored" ? outcome.version : -1, statements };
  } catch (error) {
    await qr.rollbackTransaction();
    throw error;
  } finally {
    await qr.release();
  }
}

async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ["plan", "container", "container_load"])
    counts[table] = Number(
      ((await ds.query(`SELECT count(*) AS n FROM "${table}"`)) as { n: string }[])[0].n,
    );
  const planned = (await ds.query(
    `SELECT count(*) AS n FROM "shipment" WHERE "status" = 'planned' AND "planVersion" = (SELECT MAX("version") FROM "plan")`,
  )) as { n: string }[];
  counts.shipmentsOfNewest = Number(planned[0].n);
  return counts;
}

interface ShipmentRow {
  id: string;
  status: string;
  containerId: string | null;
  pickupAt: string | null;
  planVersion: number | null;
  unassignedReason: string | null;
}

async function shipmentRows(ds: DataSource): Promise<Map<string, ShipmentRow>> {
  const rows = (await ds.query(
    `SELECT "id", "status", "containerId", "pickupAt", "planVersion", "unassignedReason" FROM "shipment"`,
  )) as ShipmentRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** What storePlan must have written for `plan` at `version`, read back row by row. */
async function expectStored(ds: DataSource, version: number, plan: Plan, kept: Set<string> = new Set()) {
  const containers = (await ds.query(
    `SELECT "id", "status", "current", "weightKg", "stops", "history", "maxWeightKg" FROM "container" WHERE "planVersion" = $1`,
    [version],
  )) as {
    id: string;
    status: string;
    current: boolean;
    weightKg: number;
    stops: unknown;
    history: { by: string }[];
  }[];
  expect(containers.map((c) => c.id).sort()).to.deep.equal(
    plan.containers.map((c) => `v${version}-${c.id}`).sort(),
  );
  const byId = new Map(containers.map((c) => [c.id, c]));
  for (const c of plan.containers) {
    const row = byId.get(`v${version}-${c.id}`)!;
    expect(row.status).to.equal("planned");
    expect(row.current).to.equal(true);
    expect(row.weightKg).to.equal(c.weightKg);
    expect(row.stops).to.deep.equal(c.stops);
    expect(row.history.map((h) => h.by)).to.deep.equal(["planner"]);
  }
  const loads = (await ds.query(
    `SELECT l."containerId", l."stopIndex", l."shipmentId", l."packages", l."weightKg" FROM "container_load" l
       JOIN "container" c ON c."id" = l."containerId" WHERE c."planVersion" = $1`,
    [version],
  )) as { containerId: string; stopIndex: number; shipmentId: string; packages: number; weightKg: number }[];
  const expected = plan.containers.flatMap((c) =>
    c.stops.flatMap((s, stopIndex) =>
      s.load.map((l) => `v${version}-${c.id}|${stopIndex}|${l.shipment}|${l.packages}|${l.weightKg}`),
    ),
  );
  expect(
    loads.map((l) => `${l.containerId}|${l.stopIndex}|${l.shipmentId}|${l.packages}|${l.weightKg}`).sort(),
  ).to.deep.equal(expected.sort());

  // Each shipment: its earliest pickup's container, or unassigned/open, always this version.
  const first = new Map<string, { container: string; at: string }>();
  for (const c of plan.containers)
    for (const s of c.stops)
      for (const l of s.load) {
        const seen = first.get(l.shipment);
        if (!seen || Date.parse(s.loadStart) < Date.parse(seen.at))
          first.set(l.shipment, { container: `v${version}-${c.id}`, at: s.loadStart });
      }
  const unassigned = new Map(plan.unassigned.map((u) => [u.shipment, u.reason]));
  const shipments = await shipmentRows(ds);
  for (const [id, row] of shipments) {
    expect(row.planVersion, id).to.equal(version);
    if (kept.has(id)) continue;
    const p = first.get(id);
    if (p) {
      expect(row, id).to.include({ status: "planned", containerId: p.container, pickupAt: p.at });
    } else {
      expect(row, id).to.include({ status: unassigned.has(id) ? "unassigned" : "open", containerId: null });
    }
    expect(row.unassignedReason, id).to.equal(unassigned.get(id) ?? null);
  }
  const run = (await ds.query(`SELECT "state", "progress" FROM "planning_run" WHERE "planVersion" = $1`, [
    version,
  ])) as { state: string; progress: number }[];
  expect(run).to.deep.equal([{ state: "completed", progress: 100 }]);
}

for (const [kind, open] of Object.entries(DATABASES)) {
  describe(`storePlan on ${kind}`, function () {
    this.timeout(300000);
    let db: Db;
    const example = exampleScenario();
    const plan = solve(example, { seed: 1, timeLimitMs: 500, clock: () => performance.now() });

    before(async () => {
      expectFeasible(example, plan);
      db = await open();
      await loadScenario(db.ds, example);
    });
    after(async () => db?.close());

    it("writes the plan, its containers and loads, every shipment's container and pickup, and the run's completion", async () => {
      const { version } = await storeCounting(db.ds, await createRun(db.ds, example), plan);
      expect(version).to.equal(1);
      await expectStored(db.ds, 1, plan);
    });

    it("a re-plan supersedes the containers still planned and leaves a kept (confirmed) one and its shipments alone", async () => {
      const keptId = `v1-${plan.containers[0].id}`;
      await db.ds.query(`UPDATE "container" SET "status" = 'confirmed' WHERE "id" = $1`, [keptId]);
      const keptShipments = new Set(plan.containers[0].stops.flatMap((s) => s.load.map((l) => l.shipment)));
      // The builder would leave the kept container's packages out; here its shipments stay in
      // the scenario and the new plan simply does not carry them.
      const replan: Plan = {
        ...plan,
        containers: plan.containers.slice(1),
        charges: plan.charges.filter((c) => c.container !== plan.containers[0].id),
      };
      const runId = await createRun(db.ds, example, [keptId]);
      const { version } = await storeCounting(db.ds, runId, replan);
      expect(version).to.equal(2);
      await expectStored(db.ds, 2, replan, keptShipments);
      const old = (await db.ds.query(
        `SELECT "id", "status", "current" FROM "container" WHERE "planVersion" = 1`,
      )) as {
        id: string;
        status: string;
        current: boolean;
      }[];
      for (const c of old) {
        if (c.id === keptId) expect(c).to.include({ status: "confirmed", current: true });
        else expect(c).to.include({ status: "superseded", current: false });
      }
      const rows = await shipmentRows(db.ds);
      for (const id of keptShipments) {
        const inNew = replan.containers.some((c) =>
          c.stops.some((s) => s.load.some((l) => l.shipment === id)),
        );
        if (!inNew)
          expect(rows.get(id), id).to.include({ status: "planned", containerId: keptId, planVersion: 2 });
      }
    });

    it("refuses, writing nothing, a run whose shipments a newer version re-planned while it was solving (a conflict value)", async () => {
      // Read when version 1 was the newest; version 2 has re-planned the same shipments since.
      const stale = await createRun(db.ds, example, [], 1);
      const before = await tableCounts(db.ds);
      const { outcome } = await storeCounting(db.ds, stale, plan);
      expect(outcome.kind).to.equal("conflict");
      const errors = outcome.kind === "conflict" ? outcome.errors : [];
      expect(errors[0].path).to.equal("shipments");
      expect(errors[0].message).to.match(
        /re-planned by plan version 2 while this run was planning; plan again/,
      );
      expect(await tableCounts(db.ds)).to.deep.equal(before);
      const run = await db.ds.getRepository(PlanningRunEntity).findOneByOrFail({ id: stale });
      expect(run.planVersion).to.equal(null);
    });

    it("sends a shipment back to open when its container is superseded by a run that did not cover it", async () => {
      // Two shipments sharing a container; a later run covers only one of them (another
      // horizon, say): the other must not stay "planned" in a container that is no longer current.
      const shared = plan.containers.find(
        (c) => new Set(c.stops.flatMap((s) => s.load.map((l) => l.shipment))).size > 1,
      )!;
      const outside = shared.stops[0].load[0].shipment;
      const fresh = await open();
      try {
        await loadScenario(fresh.ds, example);
        const first = await storeCounting(fresh.ds, await createRun(fresh.ds, example), plan);
        expect(first.outcome.kind).to.equal("stored");
        const narrower: Scenario = {
          ...example,
          shipments: example.shipments.filter((s) => s.id !== outside),
        };
        const narrowerPlan = solve(narrower, { seed: 2, timeLimitMs: 300, clock: () => performance.now() });
        expectFeasible(narrower, narrowerPlan);
        const second = await storeCounting(fresh.ds, await createRun(fresh.ds, narrower), narrowerPlan);
        expect(second.outcome).to.deep.equal({ kind: "stored", version: 2 });
        const row = (await shipmentRows(fresh.ds)).get(outside)!;
        expect(row).to.include({ status: "open", containerId: null, pickupAt: null });
        const riding = (await fresh.ds.query(
          `SELECT c."id" FROM "container_load" l JOIN "container" c ON c."id" = l."containerId"
            WHERE l."shipmentId" = $1 AND c."current"`,
          [outside],
        )) as unknown[];
        expect(riding).to.deep.equal([]);
      } finally {
        await fresh.close();
      }
    });

    it("stores a big plan (6,000 shipments, over one bulk chunk) in a handful of bulk statements", async () => {
      const big = replicateWeek(example, plan, 200);
      expect(big.scenario.shipments).to.have.length(6000);
      expectFeasible(big.scenario, big.plan);
      expectEveryPackageOnce(big.scenario, big.plan);
      const fresh = await open();
      try {
        await loadScenario(fresh.ds, big.scenario);
        const started = performance.now();
        const { version, statements } = await storeCounting(
          fresh.ds,
          await createRun(fresh.ds, big.scenario),
          big.plan,
        );
        const ms = performance.now() - started;
        console.log(
          `      ${kind}: ${big.plan.containers.length} containers, 6,000 shipments stored in ${Math.round(ms)} ms, ${statements} statements`,
        );
        // One statement per container and per shipment would be over 9,000.
        expect(statements).to.be.below(30);
        await expectStored(fresh.ds, version, big.plan);
      } finally {
        await fresh.close();
      }
    });
  });
}
