/**
 * Two coordinators pressing "plan" for the same island at once (issue 7): one run goes
 * ahead, the other is refused with a 409 that names the run in flight; nothing is doubled
 * and the versions stay consistent. Once that run is done, planning again re-plans on
 * top. A run its service forgot (the process stopped mid-run) does not block the island.
 * On BullMQ with two real worker processes, and on the in-process queue.
 */
import { randomUUID } from "node:crypto";
import { expect } from "chai";
import { loadScenario } from "../../services/seed/demo-data.js";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import { exampleScenario } from "./support/fixtures.js";
import { waitFor } from "./support/http-client.js";
import { expectPlansConsistent } from "./support/plan-invariants.js";
import { type Stack, startStack } from "./support/stack.js";
import { startWorkerProcess, type WorkerProcess } from "./support/worker-process.js";

for (const queue of ["bullmq", "in-process"] as const) {
  describe(`concurrent POST /v1/plans over the same shipments (${queue})`, function () {
    this.timeout(240000);
    let stack: Stack;
    const workers: WorkerProcess[] = [];
    const example = exampleScenario();
    const request = { region: "Kalimantan", horizon: example.horizon, timeLimitSeconds: 2 };
    const call = (method: string, path: string, json?: unknown) =>
      stack.client.call(method, path, { key: stack.key, json });
    const finished = (id: string) =>
      waitFor(
        `run ${id}`,
        async () => (await call("GET", `/v1/plans/${id}`)).body,
        (r) => ["completed", "failed", "cancelled"].includes(r.state),
        180000,
      );

    before(async () => {
      stack = await startStack({ queue, name: "concurrent-plans" });
      await loadScenario(stack.runtime.deps.dataSource, example);
      if (queue === "bullmq")
        for (const name of ["w1", "w2"])
          workers.push(await startWorkerProcess({ ...stack.workerEnv, WORKER_NAME: name }));
    });
    after(async () => {
      for (const w of workers) await w.stop();
      await stack?.close();
    });

    let firstId: string;

    it("runs one and refuses the other with a 409 naming the run in flight", async () => {
      const replies = await Promise.all([
        call("POST", "/v1/plans", request),
        call("POST", "/v1/plans", request),
      ]);
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses, JSON.stringify(replies.map((r) => r.body))).to.deep.equal([202, 409]);
      const accepted = replies.find((r) => r.status === 202)!.body;
      const refused = replies.find((r) => r.status === 409)!.body;
      firstId = accepted.id;
      expect(refused.errors[0].path).to.equal("region");
      expect(refused.errors[0].message).to.include(accepted.id);
      expect(refused.errors[0].message).to.match(/already (queued|planning)/);
      expect(refused.errors[0].message).to.include(`DELETE /v1/jobs/${accepted.id}`);
      // The refused request stored nothing: one run in all.
      expect((await call("GET", "/v1/plans")).body.total).to.equal(1);

      const run = await finished(firstId);
      expect(run.state, JSON.stringify(run.errors)).to.equal("completed");
      expect(run.version).to.equal(1);
      const scenario = (await call("GET", `/v1/plans/${firstId}/scenario`)).body;
      const plan = (await call("GET", `/v1/plans/${firstId}/plan`)).body;
      expect(checkPlan(scenario, plan)).to.deep.equal([]);
      await expectPlansConsistent(stack.runtime.deps.dataSource);
    });

    it("plans on top once the first run is done: version 2 replaces version 1's planned containers", async () => {
      const again = await call("POST", "/v1/plans", request);
      expect(again.status, JSON.stringify(again.body)).to.equal(202);
      const run = await finished(again.body.id);
      expect(run.state, JSON.stringify(run.errors)).to.equal("completed");
      expect(run.version).to.equal(2);
      const plan = (await call("GET", `/v1/plans/${run.id}/plan`)).body;
      expect(checkPlan((await call("GET", `/v1/plans/${run.id}/scenario`)).body, plan)).to.deep.equal([]);
      const current = (await call("GET", "/v1/containers?limit=500")).body.items as { id: string }[];
      expect(current.map((c) => c.id).sort()).to.deep.equal(
        plan.containers.map((c: { id: string }) => `v2-${c.id}`).sort(),
      );
      await expectPlansConsistent(stack.runtime.deps.dataSource);
    });

    it("does not let a run its service forgot (stopped mid-run) block the island: it is failed, the new run goes ahead", async () => {
      const ds = stack.runtime.deps.dataSource;
      const orphan = randomUUID();
      const scenario = (await call("GET", `/v1/plans/${firstId}/scenario`)).body;
      await ds.query(
        `INSERT INTO "planning_run" ("id", "state", "progress", "request", "scenario", "createdAt", "updatedAt")
         VALUES ($1, 'active', 40, $2, $3, now() - interval '10 minutes', now() - interval '10 minutes')`,
        [orphan, JSON.stringify(request), JSON.stringify(scenario)],
      );
      const next = await call("POST", "/v1/plans", request);
      expect(next.status, JSON.stringify(next.body)).to.equal(202);
      const forgotten = (await call("GET", `/v1/plans/${orphan}`)).body;
      expect(forgotten.state).to.equal("failed");
      expect(forgotten.errors[0].message).to.match(/no longer in the queue/);
      const run = await finished(next.body.id);
      expect(run.state, JSON.stringify(run.errors)).to.equal("completed");
      await expectPlansConsistent(ds);
    });
  });
}
