/**
 * The PostgreSQL connection drops while a worker stores a plan (issue 7): nothing is
 * half-stored, the job is retried, and the plan is stored once.
 *
 * Deterministic, on this test's own database only: the test holds a SHARE lock on
 * container_load, so the worker's store stops at its first load insert with the plan,
 * the superseded containers and the new containers already written inside its
 * transaction. The test then kills that backend (pg_terminate_backend), checks that
 * none of it is visible, waits for the retry's store to stop at the same lock, checks
 * again, and lets it through.
 */
import { expect } from "chai";
import pg from "pg";
import { loadScenario } from "../../services/seed/demo-data.js";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import { exampleScenario } from "./support/fixtures.js";
import { waitFor } from "./support/http-client.js";
import { expectPlansConsistent } from "./support/plan-invariants.js";
import { type Stack, startStack } from "./support/stack.js";
import { startWorkerProcess, type WorkerProcess } from "./support/worker-process.js";

/** Backends of this database waiting for a lock while inserting loads: a store, stopped. */
async function blockedStores(admin: pg.Client, database: string): Promise<number[]> {
  const rows = await admin.query(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = $1 AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "container_load"%'`,
    [database],
  );
  return rows.rows.map((r) => Number(r.pid));
}

async function counts(ds: Stack["runtime"]["deps"]["dataSource"]) {
  const one = async (sql: string) => Number(((await ds.query(sql)) as { n: string }[])[0].n);
  return {
    plans: await one(`SELECT count(*) AS n FROM "plan"`),
    containers: await one(`SELECT count(*) AS n FROM "container"`),
    loads: await one(`SELECT count(*) AS n FROM "container_load"`),
    planned: await one(`SELECT count(*) AS n FROM "shipment" WHERE "planVersion" IS NOT NULL`),
  };
}

describe("storage faults: the PostgreSQL connection drops while a plan is stored", function () {
  this.timeout(240000);
  let stack: Stack;
  let worker: WorkerProcess;
  let admin: pg.Client;
  let locker: pg.Client;
  const example = exampleScenario();

  before(async () => {
    stack = await startStack({ queue: "bullmq", name: "storage-faults", env: { JOB_ATTEMPTS: "3" } });
    await loadScenario(stack.runtime.deps.dataSource, example);
    worker = await startWorkerProcess(stack.workerEnv);
    admin = new pg.Client({ connectionString: stack.db.url });
    await admin.connect();
    locker = new pg.Client({ connectionString: stack.db.url });
    await locker.connect();
  });
  after(async () => {
    await locker?.end().catch(() => undefined);
    await admin?.end().catch(() => undefined);
    await worker?.stop();
    await stack?.close();
  });

  it("leaves nothing half-stored, retries the job, and stores the plan once", async () => {
    const ds = stack.runtime.deps.dataSource;
    await locker.query("BEGIN");
    await locker.query(`LOCK TABLE "container_load" IN SHARE MODE`);
    const before = await counts(ds);
    expect(before).to.deep.equal({ plans: 0, containers: 0, loads: 0, planned: 0 });

    const queued = await stack.client.call("POST", "/v1/plans", {
      key: stack.key,
      json: { region: "Kalimantan", horizon: example.horizon, timeLimitSeconds: 1 },
    });
    expect(queued.status, JSON.stringify(queued.body)).to.equal(202);
    const runId = queued.body.id as string;

    const [first] = await waitFor(
      "the first store to wait at the lock",
      () => blockedStores(admin, stack.db.name),
      (pids) => pids.length === 1,
      120000,
    );
    const killed = await admin.query("SELECT pg_terminate_backend($1) AS ok", [first]);
    expect(killed.rows[0].ok).to.equal(true);
    // The retry's store must stop at the same lock: a new backend, nothing visible meanwhile.
    const run = await waitFor(
      "the run to be queued again after the failed store",
      async () => (await stack.client.call("GET", `/v1/plans/${runId}`, { key: stack.key })).body,
      (r) => r.state !== "active" || (r.errors ?? []).length > 0,
      60000,
    );
    expect(run.state, JSON.stringify(run)).to.be.oneOf(["queued", "active"]);
    expect(JSON.stringify(run.errors)).to.match(/terminat/i);
    expect(await counts(ds)).to.deep.equal(before);

    const [second] = await waitFor(
      "the retry's store to wait at the lock",
      () => blockedStores(admin, stack.db.name),
      (pids) => pids.length === 1 && pids[0] !== first,
      120000,
    );
    expect(second).to.not.equal(first);
    expect(await counts(ds)).to.deep.equal(before);
    await locker.query("COMMIT");

    const done = await waitFor(
      "the run to complete",
      async () => (await stack.client.call("GET", `/v1/plans/${runId}`, { key: stack.key })).body,
      (r) => r.state === "completed" || r.state === "failed",
      120000,
    );
    expect(done.state, `${JSON.stringify(done.errors)}\n${worker.output().slice(-3000)}`).to.equal(
      "completed",
    );
    expect(done.version).to.equal(1);
    const plan = (await stack.client.call("GET", `/v1/plans/${runId}/plan`, { key: stack.key })).body;
    const scenario = (await stack.client.call("GET", `/v1/plans/${runId}/scenario`, { key: stack.key })).body;
    expect(checkPlan(scenario, plan)).to.deep.equal([]);
    const after = await counts(ds);
    expect(after.plans).to.equal(1);
    expect(after.containers).to.equal(plan.containers.length);
    expect(after.loads).to.equal(
      plan.containers.reduce(
        (n: number, c: { stops: { load: unknown[] }[] }) =>
          n + c.stops.reduce((k, s) => k + s.load.length, 0),
        0,
      ),
    );
    expect(after.planned).to.equal(example.shipments.length);
    await expectPlansConsistent(ds);
    // The worker lived through it: the same process stored the retry.
    expect(worker.child.exitCode).to.equal(null);
  });
});
