/**
 * One bad record must not block planning for everyone. Records stored before write-time
 * validation existed (a village with a night window or no coordinates, shipments with
 * impossible dates or weights, a sailing departing on 30 February, settings naming the
 * matrix metric) made POST /v1/plans answer 422 for the whole island. Now the run plans
 * the rest, lists each record it left out with why, and marks the shipments left out.
 */
import { expect } from "chai";
import { loadScenario } from "../../services/seed/demo-data.js";
import { SailingEntity } from "../../shared/infra/db/entities/sailing.entity.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { VillageEntity } from "../../shared/infra/db/entities/village.entity.js";
import { newShipmentRow, sailingToRow, villageToRow } from "../../shared/infra/db/scenario.mapper.js";
import { setPlanningDefaults } from "../../shared/infra/db/settings.repository.js";
import { exampleScenario } from "./support/fixtures.js";
import { checkedPlan, completedRun } from "./support/plan-run.js";
import { type Stack, startStack } from "./support/stack.js";

interface Skipped {
  record: string;
  id: string;
  errors: { path: string; message: string }[];
}

describe("a planning run plans the rest around records it cannot use (PostgreSQL)", function () {
  this.timeout(120000);
  let stack: Stack;
  const scenario = exampleScenario();
  const good = scenario.villages[0];
  const call = (method: string, path: string, json?: unknown) =>
    stack.client.call(method, path, { key: stack.key, json });

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "plan-the-rest" });
    const ds = stack.runtime.deps.dataSource;
    await loadScenario(ds, scenario);
    // Stored straight into the tables, as data from before write-time validation.
    await ds
      .getRepository(VillageEntity)
      .insert([
        villageToRow({ ...good, id: "V-NIGHT", pickupWindows: [{ open: "11:00", close: "07:00" }] }),
        villageToRow({ ...good, id: "V-NOWHERE", lat: undefined, lon: undefined }),
      ]);
    const shipment = (id: string, fields: Record<string, unknown>) =>
      newShipmentRow({ id, village: good.id, weightKg: 100, ...fields } as never);
    await ds
      .getRepository(ShipmentEntity)
      .insert([
        shipment("SH-NIGHT", { village: "V-NIGHT" }),
        shipment("SH-NOWHERE", { village: "V-NOWHERE" }),
        shipment("SH-FEB30", { sailBy: "2027-02-30T00:00:00+08:00" }),
        shipment("SH-HEAVY", { weightKg: 1e308 }),
        shipment("SH-LATE", { readyAt: "2027-01-05T08:00:00+08:00", sailBy: "2027-01-04T08:00:00+08:00" }),
      ]);
    await ds.getRepository(SailingEntity).insert(
      sailingToRow({
        id: "S-FEB30",
        port: scenario.ports[0].id,
        departure: "2027-02-30T20:00:00+08:00",
        cutoff: "2027-01-02T08:00:00+08:00",
      }),
    );
    await setPlanningDefaults(ds.manager, { objective: "cost", travel: { metric: "matrix" } } as never);
  });
  after(async () => {
    await stack?.close();
  });

  let skipped: Skipped[];
  let runId: string;

  it("accepts the run instead of refusing the island, listing what it leaves out and why", async () => {
    const queued = await call("POST", "/v1/plans", { region: "Kalimantan", horizon: scenario.horizon });
    expect(queued.status, queued.text).to.equal(202);
    skipped = queued.body.skipped;
    runId = queued.body.id;
    const why = (record: string, id: string) => {
      const s = skipped.find((x) => x.record === record && x.id === id);
      expect(s, `${record} ${id} not listed: ${JSON.stringify(skipped)}`).to.not.equal(undefined);
      return s!.errors;
    };
    expect(why("village", "V-NIGHT")[0].path).to.equal("pickupWindows[0].close");
    expect(why("village", "V-NOWHERE").map((e) => e.path)).to.include.members(["lat", "lon"]);
    expect(why("shipment", "SH-NIGHT")[0]).to.deep.include({ path: "village" });
    expect(why("shipment", "SH-NIGHT")[0].message).to.contain("V-NIGHT");
    expect(why("shipment", "SH-NOWHERE")[0].path).to.equal("village");
    expect(why("shipment", "SH-FEB30")[0].path).to.equal("sailBy");
    expect(why("shipment", "SH-HEAVY")[0].path).to.equal("weightKg");
    expect(why("shipment", "SH-LATE")[0].path).to.equal("sailBy");
    expect(why("sailing", "S-FEB30")[0].path).to.equal("departure");
    expect(why("settings", "planning")[0].path).to.equal("travel.metric");
  });

  it("plans the rest: the plan passes the checker and accounts for every shipment it was given", async () => {
    const run = await completedRun(stack.client, stack.key, runId);
    expect(run.skipped).to.deep.equal(skipped);
    const { scenario: planned, plan } = await checkedPlan(stack.client, stack.key, runId);
    const left = new Set(["SH-NIGHT", "SH-NOWHERE", "SH-FEB30", "SH-HEAVY", "SH-LATE"]);
    expect(planned.shipments.filter((s) => left.has(s.id))).to.deep.equal([]);
    expect(planned.shipments).to.have.length(scenario.shipments.length);
    expect(planned.sailings!.map((s) => s.id)).to.not.include("S-FEB30");
    expect(planned.travel).to.equal(undefined);
    expect(plan.containers.length).to.be.greaterThan(0);
  });

  it("marks each shipment left out as unassigned, with the reason INVALID and what to fix", async () => {
    const heavy = (await call("GET", "/v1/shipments/SH-HEAVY")).body;
    expect(heavy.status).to.equal("unassigned");
    expect(heavy.unassigned.reason).to.equal("INVALID");
    expect(heavy.unassigned.detail).to.match(/weightKg: must be <= /);
    const night = (await call("GET", "/v1/shipments/SH-NIGHT")).body;
    expect(night.unassigned.reason).to.equal("INVALID");
    expect(night.unassigned.detail).to.contain("V-NIGHT");
  });
});
