/**
 * Where a late shipment still fits, through the service on the real PostgreSQL: the
 * options of a shipment registered after the week was planned, putting it into one as a
 * new plan version (readable and checked like any other, the other containers
 * unchanged, statements still adding up), the 409s when it no longer fits or the
 * container moved on, two coordinators racing for the last room in one container, and
 * the latency on a week of 1,000 shipments.
 */
import { cpus, loadavg } from "node:os";
import { expect } from "chai";
import { replicateWeek } from "../../bench/service/replicated-week.js";
import { createApp } from "../../services/api/app.js";
import { loadScenario } from "../../services/seed/demo-data.js";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import type { LateOption } from "../../shared/core/late/late-options.js";
import type { Plan, PlanContainer } from "../../shared/core/model/plan.js";
import type { Scenario, Shipment } from "../../shared/core/model/scenario.js";
import { solve } from "../../shared/core/solve.js";
import { createApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { createMetrics } from "../../shared/infra/metrics.js";
import { storeFixturePlan } from "../e2e/support/seed-fixture.js";
import {
  coordinatorCalls,
  exampleScenarioWithBoxes,
  planThroughApi,
  seedThroughApi,
} from "./support/boxes-fixture.js";
import { type Client, serve } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";

/** The service's clock: a week before the example week's pickups. */
const NOW = new Date("2026-12-20T00:00:00Z");

type Option = LateOption;

/** A small shipment like one already riding in `c`: same village, class, destination, dates. */
function lateLike(scenario: Scenario, c: PlanContainer, id: string, weightKg: number): Shipment {
  const like = scenario.shipments.find((s) => s.id === c.stops[0].load[0].shipment)!;
  return {
    id,
    village: like.village,
    product: like.product,
    handling: like.handling,
    weightKg,
    volumeM3: 0,
    packages: 1,
    ...(like.readyAt ? { readyAt: like.readyAt } : {}),
    ...(like.sailBy ? { sailBy: like.sailBy } : {}),
    ...(like.destination ? { destination: like.destination } : {}),
    ...(like.exporter ? { exporter: like.exporter } : {}),
  };
}

/** Wall time, and the CPU time this process spent (client and in-process server): on a shared machine the first grows with others' load, the second much less. */
const timed = async <T>(f: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> => {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const value = await f();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
};

describe("late shipments: options and assignment (PostgreSQL, in-process planning)", function () {
  this.timeout(300_000);
  let stack: Stack;
  let client: Client;
  let scenario: Scenario;
  let plan: Plan;
  let version: number;
  let bumdesKey = "";

  const api = () => coordinatorCalls(client, stack.key);

  /** The containers of the current plan as the API lists them. */
  const current = async () =>
    (await api().get("/v1/containers?limit=500")).body.items as {
      id: string;
      status: string;
      weightKg: number;
      maxWeightKg: number;
      shipments: { id: string }[];
      stops: unknown[];
      departDepot: string;
      portArrival: string;
      cost: number;
    }[];

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "late" });
    client = await serve(createApp({ ...stack.runtime.deps, now: () => NOW, metrics: createMetrics() }));
    scenario = exampleScenarioWithBoxes();
    await seedThroughApi(client, stack.key, scenario);
    ({ plan, version } = await planThroughApi(client, stack.key, {
      region: "Kalimantan",
      horizon: scenario.horizon,
      timeLimitSeconds: 2,
    }));
    const m = stack.runtime.deps.dataSource.manager;
    bumdesKey = (await createApiKey(m, { role: "bumdes", villages: [scenario.villages[0].id] })).key;
  });

  after(async () => {
    await client?.close();
    await stack?.close();
  });

  it("lists the planned containers that can take a late shipment, cheapest first, and puts it into one as a new plan version", async () => {
    // room for 200 kg in a dry container on a sailing
    const host = plan.containers.find((c) => c.weightKg <= 2700 && c.sailing && c.type === "C3T")!;
    const late = lateLike(scenario, host, "LATE-1", 200);
    expect((await api().call("POST", "/v1/shipments", late)).status).to.equal(201);

    const { value: res, ms } = await timed(() => api().get("/v1/shipments/LATE-1/options"));
    expect(res.status, res.text).to.equal(200);
    const options: Option[] = res.body.options;
    expect(options.length).to.be.greaterThan(0);
    const hostRow = `v${version}-${host.id}`;
    expect(options.map((o) => o.container)).to.include(hostRow);
    for (let i = 1; i < options.length; i++)
      expect(options[i].addedCost).to.be.at.least(options[i - 1].addedCost);
    for (const o of options) {
      expect(o.container).to.match(new RegExp(`^v${version}-`));
      expect(Date.parse(o.pickupAt)).to.be.greaterThan(NOW.getTime());
    }
    const atHost = options.find((o) => o.container === hostRow)!;
    expect(atHost.sailing).to.equal(host.sailing);
    expect(res.body.newContainer === null || res.body.newContainer.addedCost > 0).to.equal(true);
    console.log(
      `      options for 1 late shipment on ${plan.containers.length} containers: ${Math.round(ms)} ms`,
    );

    const before = await current();
    const chosen = options[0];
    const assigned = await api().call("POST", "/v1/shipments/LATE-1/assign", { container: chosen.container });
    expect(assigned.status, assigned.text).to.equal(201);
    expect(assigned.body).to.include({ version: version + 1, replaced: chosen.container });
    expect(assigned.body.container).to.equal(chosen.container.replace(/^v\d+-/, `v${version + 1}-`));

    // the new version reads like any other and passes the checker
    const s: Scenario = (await api().get(`/v1/plans/${assigned.body.run}/scenario`)).body;
    const p: Plan = (await api().get(`/v1/plans/${assigned.body.run}/plan`)).body;
    expect(checkPlan(s, p)).to.deep.equal([]);
    const run = (await api().get(`/v1/plans/${assigned.body.run}`)).body;
    expect(run).to.include({ state: "completed", version: version + 1 });
    const into = p.containers.find((c) => c.id === assigned.body.container)!;
    expect(into.stops.flatMap((st) => st.load.map((l) => l.shipment))).to.include("LATE-1");
    const loadedAt = into.stops.find((st) => st.load.some((l) => l.shipment === "LATE-1"))!;
    expect(loadedAt.loadStart).to.equal(chosen.pickupAt);
    expect(into.portArrival).to.equal(chosen.portArrival);

    // every other container unchanged; the old one superseded
    const after = await current();
    const strip = (c: (typeof before)[number]) => JSON.stringify(c);
    const others = before.filter((c) => c.id !== chosen.container);
    for (const c of others) expect(strip(after.find((x) => x.id === c.id)!), c.id).to.equal(strip(c));
    expect(after.map((c) => c.id)).to.not.include(chosen.container);
    expect(after.length).to.equal(before.length);
    const old = (await api().get(`/v1/containers/${chosen.container}`)).body;
    expect(old).to.include({ status: "superseded", current: false });
    const shipment = (await api().get("/v1/shipments/LATE-1")).body;
    expect(shipment).to.include({
      status: "planned",
      containerId: assigned.body.container,
      pickupAt: chosen.pickupAt,
    });
    expect(shipment.planVersion).to.equal(version + 1);
    for (const sh of into.stops.flatMap((st) => st.load.map((l) => l.shipment))) {
      const row = (await api().get(`/v1/shipments/${sh}`)).body;
      if (row.containerId?.endsWith(`-${host.id}`)) expect(row.containerId).to.equal(assigned.body.container);
    }

    // its box follows it, and the statements still add up to costs + freight
    if (assigned.body.box) {
      const box = (await api().get(`/v1/boxes/${assigned.body.box}`)).body;
      expect(box.containers.map((c: { id: string }) => c.id)).to.include(assigned.body.container);
      expect(box.current).to.equal(true);
    }
    const boxes = (await api().get("/v1/boxes?limit=500")).body.items as { freight: number }[];
    const statement = (await api().get("/v1/statements?by=exporter")).body;
    expect(statement.totals.truck).to.equal(after.reduce((a, c) => a + Math.round(c.cost), 0));
    expect(statement.totals.freight).to.equal(boxes.reduce((a, b) => a + b.freight, 0));

    // a second time: it is planned in full now
    const again = await api().call("POST", "/v1/shipments/LATE-1/assign", {
      container: assigned.body.container,
    });
    expect(again.status).to.equal(409);
    expect((await api().get("/v1/shipments/LATE-1/options")).body.options).to.deep.equal([]);
  });

  it("answers 409 when the container moved on or the shipment no longer fits, 422 for an unknown one, 403 to others", async () => {
    const list = await current();
    const planned = list.filter((c) => c.status === "planned");
    const host = planned[0];
    const hostPlan = plan.containers.find((c) => host.id.endsWith(`-${c.id}`)) ?? plan.containers[0];
    const late = lateLike(scenario, hostPlan, "LATE-2", 100);
    expect((await api().call("POST", "/v1/shipments", late)).status).to.equal(201);

    const confirmed = planned[1];
    expect(
      (await api().call("POST", `/v1/containers/${confirmed.id}/status`, { status: "confirmed" })).status,
    ).to.equal(200);
    const moved = await api().call("POST", "/v1/shipments/LATE-2/assign", { container: confirmed.id });
    expect(moved.status).to.equal(409);
    expect(moved.body.errors[0]).to.deep.include({ path: "container" });
    expect(moved.body.errors[0].message).to.match(/confirmed, no longer planned/);
    const options = (await api().get("/v1/shipments/LATE-2/options")).body.options as Option[];
    expect(options.map((o) => o.container)).to.not.include(confirmed.id);

    const superseded = (await api().get("/v1/containers?current=false&status=superseded")).body.items[0].id;
    const gone = await api().call("POST", "/v1/shipments/LATE-2/assign", { container: superseded });
    expect(gone.status).to.equal(409);
    expect(gone.body.errors[0].message).to.match(/replaced by a later plan/);
    const unknown = await api().call("POST", "/v1/shipments/LATE-2/assign", { container: "v9-NOPE" });
    expect(unknown.status).to.equal(422);
    expect((await api().call("POST", "/v1/shipments/LATE-2/assign", {})).status).to.equal(400);
    expect((await api().call("POST", "/v1/shipments/NOPE/assign", { container: host.id })).status).to.equal(
      404,
    );

    // too heavy for what is left in that container
    const heavy = lateLike(scenario, hostPlan, "LATE-HEAVY", 3000 - host.weightKg + 1);
    expect((await api().call("POST", "/v1/shipments", heavy)).status).to.equal(201);
    const full = await api().call("POST", "/v1/shipments/LATE-HEAVY/assign", { container: host.id });
    expect(full.status).to.equal(409);
    const heavyOptions = (await api().get("/v1/shipments/LATE-HEAVY/options")).body.options as Option[];
    expect(heavyOptions.map((o) => o.container)).to.not.include(host.id);

    for (const path of ["/v1/shipments/LATE-2/options"])
      expect((await api().get(path, bumdesKey)).status).to.equal(403);
    expect(
      (await api().call("POST", "/v1/shipments/LATE-2/assign", { container: host.id }, bumdesKey)).status,
    ).to.equal(403);
    const cancelled = lateLike(scenario, hostPlan, "LATE-CANCELLED", 10);
    await api().call("POST", "/v1/shipments", cancelled);
    await api().call("POST", "/v1/shipments/LATE-CANCELLED/cancel");
    expect((await api().get("/v1/shipments/LATE-CANCELLED/options")).status).to.equal(409);
  });

  it("serves two coordinators racing for the last room in one container one after the other: one 201, one 409", async () => {
    const list = (await current()).filter((c) => c.status === "planned");
    const host = list.find((c) => c.maxWeightKg - c.weightKg >= 200)!;
    const hostPlan = (await api().get(`/v1/containers/${host.id}`)).body;
    const room = host.maxWeightKg - host.weightKg;
    const like = plan.containers.find((c) => host.id.endsWith(`-${c.id}`)) ?? plan.containers[0];
    const a = { ...lateLike(scenario, like, "RACE-A", room * 0.6), village: hostPlan.stops[0].village };
    const b = { ...a, id: "RACE-B" };
    for (const s of [a, b]) expect((await api().call("POST", "/v1/shipments", s)).status).to.equal(201);
    const both = await Promise.all(
      ["RACE-A", "RACE-B"].map((id) =>
        api().call("POST", `/v1/shipments/${id}/assign`, { container: host.id }),
      ),
    );
    const statuses = both.map((r) => r.status).sort();
    expect(statuses, both.map((r) => r.text).join(" | ")).to.deep.equal([201, 409]);
    const loser = both.find((r) => r.status === 409)!;
    expect(loser.body.errors[0].message).to.match(
      /replaced by a later plan|no longer|does not fit|room|weight/i,
    );
  });

  it("answers in well under a second on a week of 1,000 shipments", async () => {
    // 34 copies of the solved example week: 1,020 shipments, every route repeated
    const base = exampleScenarioWithBoxes();
    const solved = solve(base, { seed: 1, timeLimitMs: 1000, clock: () => performance.now() });
    const big = replicateWeek(base, solved, 34);
    expect(big.scenario.shipments.length).to.be.at.least(1000);
    expect(checkPlan(big.scenario, big.plan)).to.deep.equal([]);
    const fresh = await startStack({ queue: "in-process", name: "late-1000" });
    const bigClient = await serve(
      createApp({ ...fresh.runtime.deps, now: () => NOW, metrics: createMetrics() }),
    );
    try {
      const ds = fresh.runtime.deps.dataSource;
      await loadScenario(ds, big.scenario);
      await storeFixturePlan(ds, big.scenario, big.plan);
      const calls = coordinatorCalls(bigClient, fresh.key);
      const host = big.plan.containers.find((c) => c.weightKg <= 2700 && c.sailing && c.type === "C3T")!;
      const optionsMs: number[] = [];
      const assignMs: number[] = [];
      const optionsCpu: number[] = [];
      const assignCpu: number[] = [];
      for (let i = 0; i < 5; i++) {
        const late = lateLike(big.scenario, host, `BIG-LATE-${i}`, 20);
        expect((await calls.call("POST", "/v1/shipments", late)).status).to.equal(201);
        const o = await timed(() => calls.get(`/v1/shipments/BIG-LATE-${i}/options`));
        expect(o.value.status, o.value.text).to.equal(200);
        optionsMs.push(o.ms);
        optionsCpu.push(o.cpuMs);
        const first = o.value.body.options[0] as Option;
        const a = await timed(() =>
          calls.call("POST", `/v1/shipments/BIG-LATE-${i}/assign`, { container: first.container }),
        );
        expect(a.value.status, a.value.text).to.equal(201);
        assignMs.push(a.ms);
        assignCpu.push(a.cpuMs);
      }
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
      console.log(
        `      1,020 shipments, ${big.plan.containers.length} containers, ${big.plan.boxes?.length ?? 0} boxes: ` +
          `options median ${Math.round(median(optionsMs))} ms (max ${Math.round(Math.max(...optionsMs))}), ` +
          `assign median ${Math.round(median(assignMs))} ms (max ${Math.round(Math.max(...assignMs))}); ` +
          `CPU median options ${Math.round(median(optionsCpu))} ms, assign ${Math.round(median(assignCpu))} ms; ` +
          `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
      );
      expect(median(optionsMs)).to.be.below(1000);
      expect(median(assignMs)).to.be.below(1000);
      const last = (await calls.get("/v1/plans?limit=1")).body.items[0];
      const s: Scenario = (await calls.get(`/v1/plans/${last.id}/scenario`)).body;
      const p: Plan = (await calls.get(`/v1/plans/${last.id}/plan`)).body;
      expect(checkPlan(s, p)).to.deep.equal([]);
    } finally {
      await bigClient.close();
      await fresh.close();
    }
  });
});
