/**
 * What `npm start` shows for issue 9, on the real PostgreSQL with the embedded mode's
 * in-process queue: the demo week loaded the way the runtime loads it (DEMO_DATA), planned
 * once, gives sea boxes on its sailings, statements that add up, and late shipments with
 * their options.
 */

import { join } from "node:path";
import { expect } from "chai";
import { findDemoScenarioFile, readScenarioFile } from "../../services/seed/demo-data.js";
import { coordinatorCalls, planThroughApi } from "./support/boxes-fixture.js";
import { type Stack, startStack } from "./support/stack.js";

describe("the demo week with sea boxes (what npm start shows)", function () {
  this.timeout(240_000);
  let stack: Stack;

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "demo-boxes", env: { DEMO_DATA: "true" } });
  });
  after(async () => {
    await stack?.close();
  });

  it("loads the demo's box types, plans its boxes, adds up its statements and offers places for its waiting shipments", async () => {
    const demo = readScenarioFile(findDemoScenarioFile(join(__dirname, "../..")));
    expect(demo.boxTypes?.length).to.be.greaterThan(0);
    const { get } = coordinatorCalls(stack.client, stack.key);
    const types = (await get("/v1/box-types")).body.items.map((t: { id: string }) => t.id);
    expect(types).to.deep.equal((demo.boxTypes ?? []).map((t) => t.id).sort());

    const island = demo.ports[0].island;
    const { plan } = await planThroughApi(stack.client, stack.key, {
      region: island,
      horizon: demo.horizon,
      timeLimitSeconds: 2,
    });
    expect(plan.boxes?.length).to.be.greaterThan(0);
    const boxes = (await get("/v1/boxes?limit=500")).body.items as {
      freight: number;
      containers: unknown[];
    }[];
    expect(boxes.length).to.equal(plan.boxes?.length);
    const containers = (await get("/v1/containers?limit=500")).body.items as { cost: number }[];
    const statement = (await get("/v1/statements?by=bumdes")).body;
    expect(statement.totals.truck).to.equal(containers.reduce((a, c) => a + Math.round(c.cost), 0));
    expect(statement.totals.freight).to.equal(boxes.reduce((a, b) => a + b.freight, 0));

    // the shipments the week could not take at all are the coordinator's late list (a split one
    // partly in a container is a re-plan's job), each with an answer
    const loaded = new Set(
      plan.containers.flatMap((c) => c.stops.flatMap((st) => st.load.map((l) => l.shipment))),
    );
    const waiting = [...new Set(plan.unassigned.map((u) => u.shipment))].filter((id) => !loaded.has(id));
    expect(waiting.length).to.be.greaterThan(0);
    const late = (await get("/web/data/late")).body.shipments as { shipment: string }[];
    expect(late.map((s) => s.shipment)).to.include.members(waiting);
    for (const s of late) {
      const options = await get(`/v1/shipments/${s.shipment}/options`);
      expect(options.status, options.text).to.equal(200);
      expect(options.body).to.have.keys("shipment", "options", "newContainer");
    }
  });
});
