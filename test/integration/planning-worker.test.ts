/**
 * The whole path on the real services: shipments in PostgreSQL -> POST /v1/plans ->
 * BullMQ on Redis -> a real worker process (`workers/main.ts`) solving on a worker
 * thread -> the plan stored with a version, shipments given their container and pickup
 * time. Then container tracking, role scoping, and a re-plan that keeps what is confirmed.
 * Every stored plan goes through the independent checker.
 */
import { expect } from "chai";
import { loadScenario } from "../../services/seed/demo-data.js";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { exampleScenario } from "./support/fixtures.js";
import { waitFor } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";
import { startWorkerProcess, type WorkerProcess } from "./support/worker-process.js";

describe("planning through a real worker process (PostgreSQL + Redis)", function () {
  this.timeout(180000);
  let stack: Stack;
  let worker: WorkerProcess;
  const example = exampleScenario();
  const request = { region: "Kalimantan", horizon: example.horizon };
  const call = (method: string, path: string, json?: unknown, key = stack.key) =>
    stack.client.call(method, path, { key, json });

  before(async () => {
    stack = await startStack({ queue: "bullmq", name: "e2e" });
    await loadScenario(stack.runtime.deps.dataSource, example);
    worker = await startWorkerProcess(stack.workerEnv);
  });
  after(async () => {
    const code = await worker?.stop();
    // Graceful shutdown on SIGTERM: the worker closes and exits 0.
    expect(code, worker?.output()).to.equal(0);
    await stack?.close();
  });

  async function planAndWait() {
    const queued = await call("POST", "/v1/plans", request);
    expect(queued.status, JSON.stringify(queued.body)).to.equal(202);
    expect(queued.body.state).to.equal("queued");
    const run = await waitFor(
      "the planning run",
      async () => (await call("GET", `/v1/plans/${queued.body.id}`)).body,
      (r) => r.state === "completed" || r.state === "failed",
      120000,
    );
    expect(run.state, `${JSON.stringify(run.errors)}\n${worker.output().slice(-2000)}`).to.equal("completed");
    const scenario: Scenario = (await call("GET", `/v1/plans/${run.id}/scenario`)).body;
    const plan: Plan = (await call("GET", `/v1/plans/${run.id}/plan`)).body;
    expect(checkPlan(scenario, plan)).to.deep.equal([]);
    return { run, scenario, plan };
  }

  let first: Awaited<ReturnType<typeof planAndWait>>;

  it("plans the region's open shipments and stores a feasible plan with version 1", async () => {
    first = await planAndWait();
    expect(first.run.version).to.equal(1);
    expect(first.run.progress).to.equal(100);
    expect(first.scenario.shipments).to.have.length(example.shipments.length);
    expect(first.plan.containers.length).to.be.greaterThan(0);
    expect(first.run.summary.containers).to.equal(first.plan.containers.length);
  });

  it("gives every planned shipment its container and pickup time", async () => {
    const list = (await call("GET", "/v1/shipments?limit=500")).body.items as {
      id: string;
      status: string;
      containerId: string | null;
      pickupAt: string | null;
      planVersion: number;
    }[];
    const containers = (await call("GET", `/v1/plans/${first.run.id}/containers`)).body.items as {
      id: string;
      stops: { loadStart: string; load: { shipment: string }[] }[];
    }[];
    expect(containers).to.have.length(first.plan.containers.length);
    const unassigned = new Set(first.plan.unassigned.map((u) => u.shipment));
    for (const s of list) {
      expect(s.planVersion).to.equal(1);
      const inPlan = first.plan.containers.some((c) =>
        c.stops.some((st) => st.load.some((l) => l.shipment === s.id)),
      );
      if (!inPlan) {
        expect(unassigned.has(s.id), s.id).to.equal(true);
        expect(s.status).to.equal("unassigned");
        continue;
      }
      expect(s.status).to.equal("planned");
      const container = containers.find((c) => c.id === s.containerId);
      expect(container, `${s.id} -> ${s.containerId}`).to.not.equal(undefined);
      const stop = container!.stops.find((st) => st.load.some((l) => l.shipment === s.id));
      expect(stop!.loadStart).to.equal(s.pickupAt);
    }
  });

  it("tracks a container through its lifecycle, recording who moved it, and refuses wrong moves with 409", async () => {
    const id = `v1-${first.plan.containers[0].id}`;
    const view = (await call("GET", `/v1/containers/${id}`)).body;
    expect(view.status).to.equal("planned");
    expect(view.fill.weight).to.be.within(0, 1);
    expect(view.fill.volume).to.be.within(0, 1);
    expect(view.fill.weight).to.be.closeTo(view.weightKg / view.maxWeightKg, 0.001);
    expect(view.shipments.length).to.be.greaterThan(0);
    if (view.sailing) expect(view.minutesToCutoff).to.be.a("number");

    expect((await call("POST", `/v1/containers/${id}/status`, { status: "sailed" })).status).to.equal(409);
    expect((await call("POST", `/v1/containers/${id}/stops/0/picked-up`)).status).to.equal(409);
    expect((await call("POST", `/v1/containers/${id}/status`, { status: "boarded" })).status).to.equal(400);
    const confirmed = await call("POST", `/v1/containers/${id}/status`, { status: "confirmed" });
    expect(confirmed.status).to.equal(200);
    expect(confirmed.body.status).to.equal("confirmed");
    const last = confirmed.body.history.at(-1);
    expect(last).to.include({ status: "confirmed", role: "coordinator" });
    expect(Date.parse(last.at)).to.not.be.NaN;
    expect((await call("POST", `/v1/containers/${id}/status`, { status: "confirmed" })).status).to.equal(409);

    const stops = view.stops.length as number;
    if (stops > 1)
      expect((await call("POST", `/v1/containers/${id}/stops/1/picked-up`)).status).to.equal(409);
    expect((await call("POST", `/v1/containers/${id}/stops/${stops}/picked-up`)).status).to.equal(409);
    let after = confirmed.body;
    for (let i = 0; i < stops; i++) {
      const r = await call("POST", `/v1/containers/${id}/stops/${i}/picked-up`);
      expect(r.status).to.equal(200);
      after = r.body;
      expect(after.stops[i].pickedUpAt).to.be.a("string");
      expect(after.status).to.equal(i === stops - 1 ? "picked-up" : "picking-up");
    }
    expect((await call("POST", `/v1/containers/${id}/stops/0/picked-up`)).status).to.equal(409);
    expect(after.history.map((h: { status: string }) => h.status)).to.deep.equal([
      "planned",
      "confirmed",
      ...Array.from({ length: stops }, (_, i) => (i === stops - 1 ? "picked-up" : "picking-up")),
    ]);
  });

  it("scopes what each role sees and may do", async () => {
    const exporterName = first.plan.containers[0].stops[0].load
      .map((l) => example.shipments.find((s) => s.id === l.shipment)?.exporter)
      .find((e) => e !== undefined)!;
    const exporter = (await call("POST", "/v1/keys", { role: "exporter", exporter: exporterName })).body
      .key as string;
    const villageId = first.plan.containers[0].stops[0].village;
    const bumdes = (await call("POST", "/v1/keys", { role: "bumdes", villages: [villageId] })).body
      .key as string;

    const mine = (await call("GET", "/v1/shipments?limit=500", undefined, exporter)).body;
    expect(mine.total).to.equal(example.shipments.filter((s) => s.exporter === exporterName).length);
    for (const s of mine.items) expect(s.exporter).to.equal(exporterName);
    const others = example.shipments.find((s) => s.exporter !== exporterName)!;
    expect((await call("GET", `/v1/shipments/${others.id}`, undefined, exporter)).status).to.equal(404);

    const containers = (await call("GET", "/v1/containers?limit=500", undefined, exporter)).body.items as {
      id: string;
      shipments: { exporter: string }[];
    }[];
    const holding = first.plan.containers.filter((c) =>
      c.stops.some((st) =>
        st.load.some((l) => example.shipments.find((s) => s.id === l.shipment)?.exporter === exporterName),
      ),
    );
    expect(containers.map((c) => c.id).sort()).to.deep.equal(holding.map((c) => `v1-${c.id}`).sort());
    for (const c of containers) for (const s of c.shipments) expect(s.exporter).to.equal(exporterName);

    const villageShipments = (await call("GET", "/v1/shipments?limit=500", undefined, bumdes)).body;
    expect(villageShipments.total).to.equal(example.shipments.filter((s) => s.village === villageId).length);
    for (const s of villageShipments.items) expect(s.village).to.equal(villageId);
    const elsewhere = example.villages.find((v) => v.id !== villageId)!.id;
    const denied = await call("POST", "/v1/shipments", { village: elsewhere, weightKg: 10 }, bumdes);
    expect(denied.status).to.equal(403);
    const own = await call("POST", "/v1/shipments", { village: villageId, weightKg: 10 }, bumdes);
    expect(own.status).to.equal(201);
    const exporterOwn = await call("POST", "/v1/shipments", { village: villageId, weightKg: 10 }, exporter);
    expect(exporterOwn.body.exporter).to.equal(exporterName);

    for (const [method, path, body] of [
      ["POST", "/v1/plans", request],
      ["POST", "/v1/villages", example.villages[0]],
      ["GET", "/v1/keys", undefined],
      ["POST", `/v1/containers/v1-${first.plan.containers[0].id}/status`, { status: "at-port" }],
    ] as const) {
      expect((await call(method, path, body, bumdes)).status, `${method} ${path}`).to.equal(403);
      expect((await call(method, path, body, exporter)).status, `${method} ${path}`).to.equal(403);
    }
    // Shipment cancelled by its own BUMDes; one in a confirmed container cannot be.
    expect((await call("POST", `/v1/shipments/${own.body.id}/cancel`, undefined, bumdes)).status).to.equal(
      200,
    );
    const confirmedShipment = first.plan.containers[0].stops[0].load[0].shipment;
    expect((await call("POST", `/v1/shipments/${confirmedShipment}/cancel`)).status).to.equal(409);
  });

  it("re-plans keeping the confirmed container and planning only the rest", async () => {
    const keptId = `v1-${first.plan.containers[0].id}`;
    const keptLoads = first.plan.containers[0].stops.flatMap((s) => s.load);
    const second = await planAndWait();
    expect(second.run.version).to.equal(2);
    expect(second.run.keptContainers).to.include(keptId);
    // The kept container's packages are not planned again.
    for (const load of keptLoads) {
      const again = second.scenario.shipments.find((s) => s.id === load.shipment);
      const original = example.shipments.find((s) => s.id === load.shipment)!;
      if (again) expect(again.packages).to.equal((original.packages ?? 1) - load.packages);
    }
    const kept = (await call("GET", `/v1/containers/${keptId}`)).body;
    expect(kept).to.include({ current: true, status: "picked-up", planVersion: 1 });

    const current = (await call("GET", "/v1/containers?limit=500")).body.items as {
      id: string;
      planVersion: number;
    }[];
    expect(current.map((c) => c.id)).to.include(keptId);
    for (const c of current) expect(c.id === keptId || c.planVersion === 2, c.id).to.equal(true);
    const old = (await call("GET", `/v1/containers/v1-${first.plan.containers.at(-1)!.id}`)).body;
    if (first.plan.containers.length > 1) expect(old).to.include({ current: false, status: "superseded" });

    const versions = (await call("GET", "/v1/plans")).body.items.map((r: { version: number }) => r.version);
    expect(versions).to.deep.equal([2, 1]);
  });
});
