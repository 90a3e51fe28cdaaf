/**
 * The building blocks of `npm run load` (bench/load/), not its speed (that lives in the
 * benchmark): the API started as its own process on a free loopback port answers with the
 * key it printed; the seeding helper stores exactly N shipments over more than one batch;
 * the demo week is planned (and the plan passes the checker); the BUMDes key sees only its
 * village in both lists it is measured on.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { type ApiProcess, startApiProcess } from "../../bench/load/api-process.js";
import { bookedShipments, bumdesKey, call, planDemoWeek, seedShipments } from "../../bench/load/seed.js";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import { createTestDatabase, type TestDatabase } from "./support/test-database.js";

describe("load run building blocks (bench/load)", function () {
  this.timeout(180_000);
  let db: TestDatabase;
  let api: ApiProcess;
  let logDir: string;

  before(async () => {
    db = await createTestDatabase();
    logDir = mkdtempSync(join(tmpdir(), "muatan-load-test-"));
    api = await startApiProcess(
      {
        DATABASE_URL: db.url,
        REDIS_URL: "",
        BOOTSTRAP_API_KEY: "",
        DEMO_DATA: "true",
        LOG_LEVEL: "warn",
        RATE_LIMIT_PER_MINUTE: "100000000",
      },
      join(logDir, "api.log"),
    );
  });

  after(async () => {
    expect(await api?.stop()).to.equal(0);
    await db?.drop();
    rmSync(logDir, { recursive: true, force: true });
  });

  it("starts the API as its own process on loopback, answering with the key it printed", async () => {
    expect(api.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(api.child.pid).to.not.equal(process.pid);
    expect((await call(api.url, api.key, "GET", "/v1/keys")).status).to.equal(200);
    expect((await call(api.url, "not-a-key-at-all", "GET", "/v1/shipments")).status).to.equal(401);
  });

  it("books copies of the demo week after it, each with its own id", () => {
    const booked = bookedShipments(250);
    expect(new Set(booked.map((s) => s.id)).size).to.equal(250);
    for (const s of booked) {
      expect(Date.parse(s.readyAt as string)).to.be.greaterThan(Date.parse("2026-12-14T00:00:00+08:00"));
      if (s.sailBy !== undefined) expect(Date.parse(s.readyAt as string)).to.be.at.most(Date.parse(s.sailBy));
    }
  });

  it("stores exactly N shipments through the batch endpoint, over more than one batch", async () => {
    const before = (await call(api.url, api.key, "GET", "/v1/shipments?limit=1")).body.total as number;
    const batches: number[] = [];
    const seeded = await seedShipments(api.url, api.key, 5100, (n) => batches.push(n));
    expect(batches).to.deep.equal([5000, 5100]);
    expect(seeded.shipments).to.equal(5100);
    expect(seeded.perSecond).to.be.greaterThan(0);
    const after = await call(api.url, api.key, "GET", "/v1/shipments?limit=1&village=63.01.03.2029");
    expect((await call(api.url, api.key, "GET", "/v1/shipments?limit=1")).body.total).to.equal(before + 5100);
    expect(after.body.items[0].village).to.equal("63.01.03.2029");
  });

  it("plans the demo week only (checked), and a BUMDes key sees only its village in both lists", async () => {
    const planned = await planDemoWeek(api.url, api.key);
    expect(planned.containers).to.be.greaterThan(0);
    const scenario = (await call(api.url, api.key, "GET", `/v1/plans/${planned.runId}/scenario`)).body;
    const plan = (await call(api.url, api.key, "GET", `/v1/plans/${planned.runId}/plan`)).body;
    expect(checkPlan(scenario, plan)).to.deep.equal([]);
    // the booked weeks are after the demo horizon: not in this run
    expect(scenario.shipments.some((s: { id: string }) => s.id.startsWith("LD-"))).to.equal(false);

    const bumdes = await bumdesKey(api.url, api.key);
    const shipments = (await call(api.url, bumdes.key, "GET", "/v1/shipments?limit=20")).body;
    expect(shipments.items).to.have.length(20);
    for (const s of shipments.items) expect(s.village).to.equal(bumdes.village);
    const containers = (await call(api.url, bumdes.key, "GET", "/v1/containers?limit=20")).body;
    expect(containers.items.length).to.be.greaterThan(0);
    for (const c of containers.items) {
      expect(c.shipments.length).to.be.greaterThan(0);
      for (const s of c.shipments) expect(s.village).to.equal(bumdes.village);
    }
  });
});
