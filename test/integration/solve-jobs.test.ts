/**
 * Stateless solving through BullMQ on the real Redis and a real worker process: a
 * Scenario in, a checked Plan out; progress reported from the optimiser while it runs;
 * cancel of a running job and of a queued one.
 */
import { expect } from "chai";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import { exampleScenario } from "./support/fixtures.js";
import { waitFor } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";
import { startWorkerProcess, type WorkerProcess } from "./support/worker-process.js";

describe("stateless solve jobs (Redis + a real worker process)", function () {
  this.timeout(180000);
  let stack: Stack;
  let worker: WorkerProcess;
  const scenario = exampleScenario();

  before(async () => {
    stack = await startStack({ queue: "bullmq", name: "jobs" });
    // Concurrency 1: a second job waits while the first runs.
    worker = await startWorkerProcess({ ...stack.workerEnv, WORKER_CONCURRENCY: "1" });
  });
  after(async () => {
    await worker?.stop();
    await stack?.close();
  });

  const call = (method: string, path: string, json?: unknown) =>
    stack.client.call(method, path, { key: stack.key, json });
  const job = async (id: string) => (await call("GET", `/v1/jobs/${id}`)).body;

  it("returns 202 with a job id, then the plan, which the checker accepts", async () => {
    const res = await call("POST", "/v1/solve?timeLimitSeconds=1&seed=7", scenario);
    expect(res.status).to.equal(202);
    expect(res.body).to.have.keys(["jobId"]);
    const done = await waitFor(
      "the solve job",
      () => job(res.body.jobId),
      (j) => ["completed", "failed"].includes(j.state),
    );
    expect(done.state, JSON.stringify(done.errors)).to.equal("completed");
    expect(done.progress).to.equal(100);
    expect(checkPlan(scenario, done.plan)).to.deep.equal([]);
    const planned = done.plan.containers.flatMap((c: { stops: { load: { weightKg: number }[] }[] }) =>
      c.stops.flatMap((s) => s.load.map((l) => l.weightKg)),
    );
    expect(planned.length).to.be.greaterThan(0);
    // Nothing stored: the stateless path leaves the database alone.
    expect((await call("GET", "/v1/plans")).body.total).to.equal(0);
  });

  it("reports progress while active, and cancels a running job and a queued one", async () => {
    const running = (await call("POST", "/v1/solve?timeLimitSeconds=20", scenario)).body.jobId as string;
    const waiting = (await call("POST", "/v1/solve?timeLimitSeconds=20", scenario)).body.jobId as string;
    const midway = await waitFor(
      "progress from the optimiser",
      () => job(running),
      (j) => j.state === "active" && j.progress > 0 && j.progress < 100,
      30000,
    );
    expect(midway.progress).to.be.within(1, 99);
    expect((await job(waiting)).state).to.equal("queued");

    const cancelledQueued = await call("DELETE", `/v1/jobs/${waiting}`);
    expect(cancelledQueued.status).to.equal(200);
    expect(cancelledQueued.body.state).to.equal("cancelled");

    const started = Date.now();
    const cancelledRunning = await call("DELETE", `/v1/jobs/${running}`);
    expect(cancelledRunning.status).to.equal(200);
    expect(cancelledRunning.body.state).to.equal("cancelled");
    // The worker stops the thread well before its 20 s budget, and frees itself for the next job.
    const next = (await call("POST", "/v1/solve?timeLimitSeconds=0.5", scenario)).body.jobId as string;
    const done = await waitFor(
      "the job after the cancel",
      () => job(next),
      (j) => ["completed", "failed"].includes(j.state),
      30000,
    );
    expect(done.state).to.equal("completed");
    expect(Date.now() - started).to.be.lessThan(15000);

    for (const id of [running, waiting]) {
      const j = await job(id);
      expect(j.state).to.equal("cancelled");
      expect(j).to.not.have.property("plan");
      expect((await call("DELETE", `/v1/jobs/${id}`)).status).to.equal(409);
    }
    expect((await call("DELETE", "/v1/jobs/nope")).status).to.equal(404);
  });
});
