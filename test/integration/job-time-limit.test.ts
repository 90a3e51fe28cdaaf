/**
 * Issue 7 (#8): a stateless solve of 50,000 shipments with `timeLimitSeconds=1` stayed
 * `active` at progress 0 for 120 s and blocked the worker. The limit covers the whole job:
 * progress shows from the first phase on, the job ends by its limit plus the grace
 * (a plan that passes the checker, or a failure that says it ran out of time), and the
 * worker takes the next job at once.
 */
import { expect } from "chai";
import { loadScenario } from "../../services/seed/demo-data.js";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { bigScenario } from "../support/big-scenario.js";
import { expectEveryPackageOnce, expectFeasible } from "../support/plan-assertions.js";
import { exampleScenario } from "./support/fixtures.js";
import { waitFor } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";
import { startWorkerProcess, type WorkerProcess } from "./support/worker-process.js";

const LIMIT_S = 1;
const GRACE_S = 2;
/** Time for the worker to notice the job and for polling; generous for a shared, loaded machine. */
const SLACK_MS = 12000;

describe("a job keeps its time limit end to end (Redis + a real worker process)", function () {
  this.timeout(240000);
  let stack: Stack;
  let worker: WorkerProcess;

  before(async () => {
    stack = await startStack({ queue: "bullmq", name: "deadline" });
    worker = await startWorkerProcess({
      ...stack.workerEnv,
      WORKER_CONCURRENCY: "1",
      JOB_GRACE_SECONDS: String(GRACE_S),
    });
  });
  after(async () => {
    await worker?.stop();
    await stack?.close();
  });

  const call = (method: string, path: string, json?: unknown) =>
    stack.client.call(method, path, { key: stack.key, json });
  const job = async (id: string) => (await call("GET", `/v1/jobs/${id}`)).body;

  it("ends a 50,000-shipment solve with a 1 s limit by the limit plus grace, with progress from the start, and frees the worker", async () => {
    const scenario = bigScenario(50000, 2000);
    const posted = await call("POST", `/v1/solve?timeLimitSeconds=${LIMIT_S}&seed=1`, scenario);
    expect(posted.status, JSON.stringify(posted.body).slice(0, 500)).to.equal(202);
    const queuedAt = Date.now();
    const id = posted.body.jobId as string;

    const active = await waitFor(
      "the job to start",
      () => job(id),
      (j) => j.state !== "queued",
      30000,
    );
    const activeAt = Date.now();
    // Progress shows from the first phase on: never a long 0 while the job runs.
    const moving = await waitFor(
      "progress above 0",
      () => job(id),
      (j) => j.state !== "active" || j.progress > 0,
      3000,
    );
    expect(moving.progress, JSON.stringify({ active, moving })).to.be.greaterThan(0);

    const done = await waitFor(
      "the job to end",
      () => job(id),
      (j) => j.state === "completed" || j.state === "failed",
      60000,
    );
    const tookMs = Date.now() - activeAt;
    expect(tookMs, `ended ${tookMs} ms after it started`).to.be.lessThan(
      (LIMIT_S + GRACE_S) * 1000 + SLACK_MS,
    );
    if (done.state === "completed") {
      expectFeasible(scenario, done.plan);
      expectEveryPackageOnce(scenario, done.plan);
    } else {
      expect(done.errors, `${JSON.stringify(done)}\n${worker.output().slice(-3000)}`).to.have.length(1);
      expect(done.errors[0].path).to.equal("timeLimitSeconds");
      expect(done.errors[0].message).to.match(/time limit of 1 s/);
    }

    // The worker is free: a small job right after runs and completes.
    const small = exampleScenario();
    const next = (await call("POST", "/v1/solve?timeLimitSeconds=1", small)).body.jobId as string;
    const nextDone = await waitFor(
      "the next job",
      () => job(next),
      (j) => j.state === "completed" || j.state === "failed",
      30000,
    );
    expect(nextDone.state, JSON.stringify(nextDone.errors)).to.equal("completed");
    expectFeasible(small, nextDone.plan);
    expect(Date.now() - queuedAt).to.be.lessThan(60000);
  });
});

describe("a planning run keeps its time limit end to end (PostgreSQL, in-process queue)", function () {
  this.timeout(240000);
  let stack: Stack;
  const week = bigScenario(20000, 1500, 2);

  before(async () => {
    stack = await startStack({
      queue: "in-process",
      name: "deadline-run",
      env: { JOB_GRACE_SECONDS: String(GRACE_S), JOB_ATTEMPTS: "1" },
    });
    await loadScenario(stack.runtime.deps.dataSource, week);
  });
  after(async () => {
    await stack?.close();
  });

  const call = (method: string, path: string, json?: unknown) =>
    stack.client.call(method, path, { key: stack.key, json });

  it("ends a 20,000-shipment run with a 1 s limit by the limit plus grace: stored and checked, or failed saying why", async () => {
    const queued = await call("POST", "/v1/plans", {
      region: "Jawa",
      horizon: week.horizon,
      timeLimitSeconds: LIMIT_S,
    });
    expect(queued.status, JSON.stringify(queued.body)).to.equal(202);
    const startedAt = Date.now();
    const run = await waitFor(
      "the run to end",
      async () => (await call("GET", `/v1/plans/${queued.body.id}`)).body,
      (r) => r.state === "completed" || r.state === "failed",
      60000,
    );
    const tookMs = Date.now() - startedAt;
    expect(run.shipments).to.equal(20000);
    expect(tookMs, `ended ${tookMs} ms after it was queued`).to.be.lessThan(
      (LIMIT_S + GRACE_S) * 1000 + SLACK_MS,
    );
    if (run.state === "completed") {
      const scenario: Scenario = (await call("GET", `/v1/plans/${run.id}/scenario`)).body;
      const plan: Plan = (await call("GET", `/v1/plans/${run.id}/plan`)).body;
      expectFeasible(scenario, plan);
      expectEveryPackageOnce(scenario, plan);
    } else {
      expect(run.errors, JSON.stringify(run)).to.have.length(1);
      expect(run.errors[0].path).to.equal("timeLimitSeconds");
      expect(run.errors[0].message).to.match(/time limit of 1 s \(\+2 s grace\)/);
      // Nothing half-stored: no plan version, no containers.
      expect(run.version).to.equal(null);
      expect((await call("GET", "/v1/containers")).body.total).to.equal(0);
    }
  });
});
