/**
 * How long `storePlan` takes for a national-size plan, on the real PostgreSQL or on the
 * embedded PGlite. The demo week is solved once and repeated to the size asked
 * (`replicated-week.ts`: real multi-stop containers, a plan that passes the checker),
 * because what is measured is the storage, not the solve. Stores twice: the first plan,
 * then a re-plan of the same shipments that supersedes every container of the first.
 *
 *   npx tsx bench/service/store-plan.bench.ts [--shipments 20000] [--database postgresql|pglite]
 *
 * PostgreSQL: a fresh database `muatan_test_<random>` on TEST_DATABASE_ADMIN_URL
 * (default 127.0.0.1:5432), dropped afterwards. PGlite: a temporary folder, removed.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { DataSource } from "typeorm";
import { loadScenario, readScenarioFile } from "../../services/seed/demo-data.js";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { solve } from "../../shared/core/solve.js";
import { openDataSource } from "../../shared/infra/db/data-source.js";
import { startEmbeddedPostgres } from "../../shared/infra/db/embedded-postgres.js";
import { PlanningRunEntity } from "../../shared/infra/db/entities/planning-run.entity.js";
import { storePlan } from "../../shared/infra/db/plan.store.js";
import { createTestDatabase } from "../../test/integration/support/test-database.js";
import { replicateWeek } from "./replicated-week.js";

const ROOT = resolve(__dirname, "../..");

/** The demo week solved once (2 s budget, seed 1) and repeated until it has about `count` shipments. */
export function nationalSizeWeek(count: number): { scenario: Scenario; plan: Plan } {
  const demo = readScenarioFile(join(ROOT, "data/demo/kalimantan-week.json"));
  const plan = solve(demo, { seed: 1, timeLimitMs: 2000, clock: () => performance.now() });
  const violations = checkPlan(demo, plan);
  if (violations.length > 0) throw new Error(`the demo plan is infeasible: ${JSON.stringify(violations[0])}`);
  return replicateWeek(demo, plan, Math.ceil(count / demo.shipments.length));
}

async function createRun(ds: DataSource, scenario: Scenario): Promise<string> {
  const id = randomUUID();
  await ds.getRepository(PlanningRunEntity).insert({
    id,
    state: "active",
    progress: 0,
    request: { bench: true },
    scenario,
    keptContainers: [],
    planVersion: null,
    errors: null,
    createdBy: null,
    finishedAt: null,
  });
  return id;
}

async function timeStore(ds: DataSource, scenario: Scenario, plan: Plan): Promise<number> {
  const runId = await createRun(ds, scenario);
  const started = performance.now();
  await ds.transaction((m) => storePlan(m, runId, plan, new Date()));
  return performance.now() - started;
}

async function onPostgres() {
  const db = await createTestDatabase();
  return { url: db.url, cleanup: () => db.drop() };
}

async function onPglite() {
  const dir = mkdtempSync(join(tmpdir(), "muatan-bench-"));
  const embedded = await startEmbeddedPostgres(dir);
  return {
    url: embedded.url,
    async cleanup() {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      shipments: { type: "string", default: "20000" },
      database: { type: "string", default: "postgresql" },
    },
  });
  const count = Number(values.shipments);
  const kind = values.database;
  if (kind !== "postgresql" && kind !== "pglite") throw new Error("--database: postgresql or pglite");

  const { url, cleanup } = kind === "postgresql" ? await onPostgres() : await onPglite();
  const ds = await openDataSource({ url, poolSize: 2, singleSession: kind === "pglite" });
  try {
    const { scenario, plan } = nationalSizeWeek(count);
    const loadStarted = performance.now();
    await loadScenario(ds, scenario);
    const loadMs = performance.now() - loadStarted;
    const firstMs = await timeStore(ds, scenario, plan);
    const againMs = await timeStore(ds, scenario, plan);
    console.log(
      JSON.stringify({
        database: kind,
        shipments: scenario.shipments.length,
        containers: plan.containers.length,
        loadShipmentsMs: Math.round(loadMs),
        storeFirstMs: Math.round(firstMs),
        storeReplanMs: Math.round(againMs),
      }),
    );
  } finally {
    await ds.destroy();
    await cleanup();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
