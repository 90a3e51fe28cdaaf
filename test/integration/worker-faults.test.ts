/**
 * Faults around the planning workers (issue 7), with real processes:
 * - kill -9 a worker mid-plan: another worker finishes the job, the plan is stored once;
 * - Redis restarts mid-run (a private redis-server, AOF on, killed and started again): the API
 *   and the worker reconnect, the run completes, nothing is lost, /health says so meanwhile;
 * - SIGTERM drains: a running job finishes within the shutdown timeout, or is handed back
 *   (no attempt spent) for another worker; the worker exits 0 and nothing is half-stored.
 * Every stored plan passes the checker and the database invariants.
 */
import { expect } from "chai";
import { loadScenario } from "../../services/seed/demo-data.js";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import { exampleScenario } from "./support/fixtures.js";
import { waitFor } from "./support/http-client.js";
import { expectPlansConsistent } from "./support/plan-invariants.js";
import { type PrivateRedis, startPrivateRedis } from "./support/private-redis.js";
import { type Stack, startStack } from "./support/stack.js";
import { startWorkerProcess, type WorkerProcess } from "./support/worker-process.js";

const example = exampleScenario();

async function counts(stack: Stack) {
  const ds = stack.runtime.deps.dataSource;
  const one = async (sql: string) => Number(((await ds.query(sql)) as { n: string }[])[0].n);
  return {
    plans: await one(`SELECT count(*) AS n FROM "plan"`),
    containers: await one(`SELECT count(*) AS n FROM "container"`),
    planned: await one(`SELECT count(*) AS n FROM "shipment" WHERE "planVersion" IS NOT NULL`),
  };
}

async function startPlan(stack: Stack, timeLimitSeconds: number): Promise<string> {
  const queued = await stack.client.call("POST", "/v1/plans", {
    key: stack.key,
    json: { region: "Kalimantan", horizon: example.horizon, timeLimitSeconds },
  });
  expect(queued.status, JSON.stringify(queued.body)).to.equal(202);
  return queued.body.id as string;
}

const runOf = async (stack: Stack, id: string) =>
  (await stack.client.call("GET", `/v1/plans/${id}`, { key: stack.key })).body;

async function runEnded(stack: Stack, id: string, timeoutMs = 120000) {
  return waitFor(
    "the run to end",
    () => runOf(stack, id),
    (r) => r.state === "completed" || r.state === "failed",
    timeoutMs,
  );
}

/** The run completed, its plan is stored once, checked, and the database is consistent. */
async function expectStoredOnce(stack: Stack, id: string, logs: () => string) {
  const run = await runEnded(stack, id);
  expect(run.state, `${JSON.stringify(run.errors)}\n${logs().slice(-3000)}`).to.equal("completed");
  expect(run.version).to.equal(1);
  const plan = (await stack.client.call("GET", `/v1/plans/${id}/plan`, { key: stack.key })).body;
  const scenario = (await stack.client.call("GET", `/v1/plans/${id}/scenario`, { key: stack.key })).body;
  expect(checkPlan(scenario, plan)).to.deep.equal([]);
  const c = await counts(stack);
  expect(c.plans).to.equal(1);
  expect(c.containers).to.equal(plan.containers.length);
  expect(c.planned).to.equal(example.shipments.length);
  await expectPlansConsistent(stack.runtime.deps.dataSource);
}

/** Which worker has started (and not ended) the job: it logged "job started" for it. */
const started = (w: WorkerProcess, id: string) =>
  w
    .output()
    .split("\n")
    .some((l) => l.includes('"msg":"job started"') && l.includes(id));

describe("worker faults: kill -9 mid-plan (PostgreSQL + Redis + two real workers)", function () {
  this.timeout(240000);
  let stack: Stack;
  const workers: WorkerProcess[] = [];

  before(async () => {
    // A short lock: a dead worker's job is noticed as stalled within a few seconds.
    stack = await startStack({ queue: "bullmq", name: "kill9", env: { JOB_LOCK_MS: "2000" } });
    await loadScenario(stack.runtime.deps.dataSource, example);
    for (let i = 0; i < 2; i++) workers.push(await startWorkerProcess(stack.workerEnv));
  });
  after(async () => {
    for (const w of workers) await w.stop();
    await stack?.close();
  });

  it("finishes the plan on the other worker and stores it once", async () => {
    const id = await startPlan(stack, 6);
    const victim = await waitFor(
      "a worker to start the job",
      async () => workers.find((w) => started(w, id)),
      (w) => w !== undefined,
      60000,
    );
    await waitFor(
      "the solver to be under way",
      () => runOf(stack, id),
      (r) => r.state === "active" && r.progress >= 10,
      30000,
    );
    const exited = new Promise((r) => victim!.child.once("exit", r));
    victim!.child.kill("SIGKILL");
    await exited;
    expect(await counts(stack)).to.deep.equal({ plans: 0, containers: 0, planned: 0 });

    const survivor = workers.find((w) => w !== victim)!;
    await expectStoredOnce(stack, id, () => survivor.output());
    expect(started(survivor, id), survivor.output().slice(-2000)).to.equal(true);
  });
});

describe("Redis restarts mid-run (a private redis-server, AOF on)", function () {
  this.timeout(240000);
  let redis: PrivateRedis;
  let stack: Stack;
  let worker: WorkerProcess;

  before(async () => {
    redis = await startPrivateRedis();
    stack = await startStack({ queue: "bullmq", name: "redis-restart", env: { REDIS_URL: redis.url } });
    await loadScenario(stack.runtime.deps.dataSource, example);
    worker = await startWorkerProcess(stack.workerEnv);
  });
  after(async () => {
    await worker?.stop();
    await stack?.close();
    await redis?.stop();
  });

  it("reconnects the API and the worker; the run completes once; /health says degraded meanwhile", async () => {
    const id = await startPlan(stack, 5);
    await waitFor(
      "the solver to be under way",
      () => runOf(stack, id),
      (r) => r.state === "active" && r.progress >= 10,
      60000,
    );
    await redis.kill();

    // Down: health answers at once that the queue is unreachable; the database is fine.
    const t0 = Date.now();
    const health = await stack.client.call("GET", "/health");
    expect(Date.now() - t0).to.be.lessThan(5000);
    expect(health.status).to.equal(503);
    expect(health.body.queue.ok).to.equal(false);
    expect(health.body.database.ok).to.equal(true);

    // A stateless solve asked for while Redis is down waits for it, then runs.
    const during = stack.client.call("POST", "/v1/solve?timeLimitSeconds=0.5", {
      key: stack.key,
      json: example,
    });
    await new Promise((r) => setTimeout(r, 2000));
    await redis.start();

    await expectStoredOnce(stack, id, () => worker.output());
    const solve = await during;
    expect(solve.status, solve.text).to.equal(202);
    const job = await waitFor(
      "the solve asked for during the outage",
      async () => (await stack.client.call("GET", `/v1/jobs/${solve.body.jobId}`, { key: stack.key })).body,
      (j) => j.state === "completed" || j.state === "failed",
      60000,
    );
    expect(job.state, JSON.stringify(job.errors)).to.equal("completed");
    expect(checkPlan(example, job.plan)).to.deep.equal([]);
    expect((await stack.client.call("GET", "/health")).status).to.equal(200);
    expect(worker.child.exitCode).to.equal(null);
  });
});

describe("SIGTERM drains a worker (PostgreSQL + Redis + real workers)", function () {
  this.timeout(240000);

  async function scenario(name: string, shutdownSeconds: string) {
    const stack = await startStack({
      queue: "bullmq",
      name,
      env: { SHUTDOWN_TIMEOUT_SECONDS: shutdownSeconds },
    });
    await loadScenario(stack.runtime.deps.dataSource, example);
    const worker = await startWorkerProcess(stack.workerEnv);
    return { stack, worker };
  }

  it("lets a running job finish within the shutdown timeout, stores it, and exits 0", async () => {
    const { stack, worker } = await scenario("drain-finish", "60");
    try {
      const id = await startPlan(stack, 3);
      await waitFor(
        "the job to start",
        () => runOf(stack, id),
        (r) => r.state === "active",
        60000,
      );
      const code = await worker.stop();
      expect(code, worker.output().slice(-2000)).to.equal(0);
      // It finished before exiting: stored, with no worker left running.
      const run = await runOf(stack, id);
      expect(run.state, JSON.stringify(run)).to.equal("completed");
      await expectStoredOnce(stack, id, () => worker.output());
    } finally {
      await worker.stop();
      await stack.close();
    }
  });

  it("hands a job it cannot finish in time back to the queue, exits 0, and another worker stores it once", async () => {
    const { stack, worker } = await scenario("drain-handback", "1");
    let next: WorkerProcess | undefined;
    try {
      const id = await startPlan(stack, 10);
      await waitFor(
        "the solver to be under way",
        () => runOf(stack, id),
        (r) => r.state === "active" && r.progress >= 5,
        60000,
      );
      const stoppedAt = Date.now();
      const code = await worker.stop();
      expect(code, worker.output().slice(-2000)).to.equal(0);
      expect(Date.now() - stoppedAt).to.be.lessThan(15000);
      // Handed back: queued again, nothing of it stored, and the interruption cost no attempt.
      const run = await runOf(stack, id);
      expect(run.state, JSON.stringify(run)).to.equal("queued");
      expect(await counts(stack)).to.deep.equal({ plans: 0, containers: 0, planned: 0 });
      const job = (await stack.client.call("GET", `/v1/jobs/${id}`, { key: stack.key })).body;
      expect(job.state).to.equal("queued");

      next = await startWorkerProcess(stack.workerEnv);
      await expectStoredOnce(stack, id, () => next!.output());
      const attempt = next
        .output()
        .split("\n")
        .filter((l) => l.includes('"msg":"job started"') && l.includes(id))
        .map((l) => (JSON.parse(l) as { attempt: number }).attempt);
      expect(attempt).to.deep.equal([1]);
    } finally {
      await next?.stop();
      await worker.stop();
      await stack.close();
    }
  });
});
