/**
 * Optional key expiry: `expiresAt` on POST /v1/keys; past it the key answers 401
 * "expired API key" everywhere (API, dashboard data, downloads); GET /v1/keys shows when
 * and whether a key expired. The service's clock decides (a fixed one here).
 */
import { expect } from "chai";
import { createApp } from "../../services/api/app.js";
import { loadScenario } from "../../services/seed/demo-data.js";
import { exampleScenario } from "./support/fixtures.js";
import { type Client, serve } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";

describe("API key expiry (PostgreSQL)", function () {
  this.timeout(60000);
  let stack: Stack;
  let client: Client;
  let clock = new Date("2026-12-20T00:00:00Z");
  const scenario = exampleScenario();
  const call = (method: string, path: string, json?: unknown, key = stack.key) =>
    client.call(method, path, { key, json });

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "key-expiry" });
    await loadScenario(stack.runtime.deps.dataSource, scenario);
    client = await serve(createApp({ ...stack.runtime.deps, metrics: undefined, now: () => clock }));
  });
  after(async () => {
    await client?.close();
    await stack?.close();
  });

  it("takes an expiry, and a key past it answers 401 'expired API key' everywhere", async () => {
    const village = scenario.villages[0].id;
    const created = await call("POST", "/v1/keys", {
      role: "bumdes",
      villages: [village],
      expiresAt: "2026-12-21T00:00:00+07:00",
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body).to.deep.include({ expiresAt: "2026-12-20T17:00:00.000Z", expired: false });
    const key = created.body.key as string;
    expect((await call("GET", "/v1/shipments", undefined, key)).status).to.equal(200);

    clock = new Date("2026-12-20T16:59:59Z");
    expect((await call("GET", "/v1/me", undefined, key)).status).to.equal(200);
    clock = new Date("2026-12-20T17:00:00Z");
    for (const path of [
      "/v1/shipments",
      "/v1/me",
      "/web/data/me",
      `/exports/villages/${village}/pickups.csv`,
    ]) {
      const res = await call("GET", path, undefined, key);
      expect(res.status, path).to.equal(401);
      expect(res.body.errors, path).to.deep.equal([
        { path: "(header).authorization", message: "expired API key" },
      ]);
    }
    const listed = (await call("GET", "/v1/keys")).body.items.find(
      (k: { id: string }) => k.id === created.body.id,
    );
    expect(listed).to.deep.include({ expiresAt: "2026-12-20T17:00:00.000Z", expired: true, revokedAt: null });
    // a key without an expiry keeps working
    expect((await call("GET", "/v1/me")).body).to.deep.include({ expiresAt: null, expired: false });
  });

  it("refuses an expiry that is not in the future, or not an instant, creating nothing", async () => {
    const before = (await call("GET", "/v1/keys")).body.total;
    const past = await call("POST", "/v1/keys", { role: "coordinator", expiresAt: "2026-12-20T16:00:00Z" });
    expect(past.status).to.equal(400);
    expect(past.body.errors).to.deep.equal([{ path: "expiresAt", message: "must be in the future" }]);
    const bad = await call("POST", "/v1/keys", { role: "coordinator", expiresAt: "next week" });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0].path).to.equal("expiresAt");
    expect((await call("GET", "/v1/keys")).body.total).to.equal(before);
  });
});
