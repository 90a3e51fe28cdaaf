/**
 * Who changed what: keys created and revoked, container lifecycle moves and picked-up
 * stops, reference data created, updated and deleted, planning settings. Each change
 * leaves one entry (at, key id, role, action, resource, id, a sentence and the changed
 * fields) written with the change itself; a refused change leaves none. Coordinators
 * read them at GET /v1/audit, filtered and paged.
 */
import { expect } from "chai";
import { createApp } from "../../services/api/app.js";
import { loadScenario } from "../../services/seed/demo-data.js";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { exampleScenario } from "./support/fixtures.js";
import { type Client, serve, waitFor } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";

interface Entry {
  id: number;
  at: string;
  keyId: string | null;
  role: string | null;
  action: string;
  resource: string;
  resourceId: string;
  summary: string;
  changes: { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
}

describe("audit log (PostgreSQL)", function () {
  this.timeout(180000);
  let stack: Stack;
  let client: Client;
  let clock = new Date("2026-12-20T01:00:00Z");
  const scenario = exampleScenario();
  let coordinatorId = "";
  let bumdesKey = "";
  let bumdesId = "";

  const call = (method: string, path: string, json?: unknown, key = stack.key) =>
    client.call(method, path, { key, json });
  const audit = async (query = "") => (await call("GET", `/v1/audit${query}`)).body;
  const tick = () => {
    clock = new Date(clock.getTime() + 60_000);
  };

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "audit" });
    await loadScenario(stack.runtime.deps.dataSource, scenario);
    client = await serve(createApp({ ...stack.runtime.deps, metrics: undefined, now: () => clock }));
    coordinatorId = (await call("GET", "/v1/me")).body.id;
  });
  after(async () => {
    await client?.close();
    await stack?.close();
  });

  it("starts empty: loading data at start is not a change by a key", async () => {
    expect(await audit()).to.deep.include({ items: [], total: 0 });
  });

  it("records a key created and revoked, without its secret", async () => {
    tick();
    const village = scenario.villages[0].id;
    const created = await call("POST", "/v1/keys", {
      role: "bumdes",
      label: "Pak Budi",
      villages: [village],
    });
    expect(created.status).to.equal(201);
    bumdesKey = created.body.key;
    bumdesId = created.body.id;
    tick();
    expect((await call("DELETE", `/v1/keys/${bumdesId}`)).status).to.equal(204);
    // a refused revoke (already revoked) leaves nothing
    expect((await call("DELETE", `/v1/keys/${bumdesId}`)).status).to.equal(409);
    const { items, total } = await audit("?resource=key");
    expect(total).to.equal(2);
    const [revoke, create] = items as Entry[];
    expect(create).to.deep.include({
      keyId: coordinatorId,
      role: "coordinator",
      action: "key.create",
      resource: "key",
      resourceId: bumdesId,
      at: "2026-12-20T01:01:00.000Z",
    });
    expect(create.summary).to.equal(
      `created bumdes key ${created.body.prefix}… "Pak Budi" for villages ${village}`,
    );
    expect(create.changes?.after).to.deep.include({ role: "bumdes", villages: [village] });
    expect(JSON.stringify(create)).to.not.include(bumdesKey);
    expect(revoke).to.deep.include({
      action: "key.revoke",
      resourceId: bumdesId,
      at: "2026-12-20T01:02:00.000Z",
    });
    expect(revoke.changes).to.deep.equal({
      before: { revokedAt: null },
      after: { revokedAt: "2026-12-20T01:02:00.000Z" },
    });
  });

  it("records reference data created, updated (the changed fields only) and deleted", async () => {
    const village = { ...scenario.villages[0], id: "AUDIT-V", name: "Desa Audit" };
    tick();
    expect((await call("POST", "/v1/villages", village)).status).to.equal(201);
    tick();
    expect(
      (await call("PUT", "/v1/villages/AUDIT-V", { ...village, name: "Desa Audit Baru" })).status,
    ).to.equal(200);
    tick();
    expect((await call("DELETE", "/v1/villages/AUDIT-V")).status).to.equal(204);
    // refused writes leave nothing: a duplicate, a delete of what is not there
    expect((await call("POST", "/v1/villages", scenario.villages[1])).status).to.equal(409);
    expect((await call("DELETE", "/v1/villages/AUDIT-V")).status).to.equal(404);
    const { items, total } = await audit("?resourceId=AUDIT-V");
    expect(total).to.equal(3);
    expect((items as Entry[]).map((e) => [e.action, e.summary])).to.deep.equal([
      ["village.delete", 'village "AUDIT-V" deleted'],
      ["village.update", 'village "AUDIT-V" updated: name'],
      ["village.create", 'village "AUDIT-V" created'],
    ]);
    expect(items[1].changes).to.deep.equal({
      before: { name: "Desa Audit" },
      after: { name: "Desa Audit Baru" },
    });
    expect(items[0].changes.before).to.deep.include({ id: "AUDIT-V", name: "Desa Audit Baru" });
  });

  it("records the planning settings replaced", async () => {
    tick();
    expect((await call("PUT", "/v1/settings/planning", { objective: "distance" })).status).to.equal(200);
    const [entry] = (await audit("?action=settings.update")).items as Entry[];
    expect(entry).to.deep.include({ resource: "settings", resourceId: "planning" });
    // the example week's defaults were in place; PUT replaces them whole
    expect(entry.changes?.before).to.deep.include({ objective: "cost" });
    expect(entry.changes?.after).to.deep.equal({ objective: "distance", travel: null, rules: null });
    expect(entry.summary).to.equal("planning settings replaced: objective, rules, travel");
  });

  it("records container lifecycle moves and picked-up stops, and not a refused move", async () => {
    const queued = await call("POST", "/v1/plans", {
      region: "Kalimantan",
      horizon: scenario.horizon,
      timeLimitSeconds: 1,
    });
    expect(queued.status, JSON.stringify(queued.body)).to.equal(202);
    const run = await waitFor(
      "the planning run",
      async () => (await call("GET", `/v1/plans/${queued.body.id}`)).body,
      (r) => r.state === "completed" || r.state === "failed",
      120000,
    );
    expect(run.state, JSON.stringify(run.errors)).to.equal("completed");
    const plan: Plan = (await call("GET", `/v1/plans/${run.id}/plan`)).body;
    const planned: Scenario = (await call("GET", `/v1/plans/${run.id}/scenario`)).body;
    expect(checkPlan(planned, plan)).to.deep.equal([]);
    const container = (await call("GET", "/v1/containers?limit=1")).body.items[0];
    tick();
    expect(
      (await call("POST", `/v1/containers/${container.id}/status`, { status: "confirmed" })).status,
    ).to.equal(200);
    expect(
      (await call("POST", `/v1/containers/${container.id}/status`, { status: "sailed" })).status,
    ).to.equal(409);
    tick();
    expect((await call("POST", `/v1/containers/${container.id}/stops/0/picked-up`)).status).to.equal(200);
    const { items, total } = await audit(`?resource=container&resourceId=${container.id}`);
    expect(total).to.equal(2);
    expect((items as Entry[]).map((e) => [e.action, e.summary])).to.deep.equal([
      [
        "container.picked-up",
        `container ${container.id}: stop 0 (${container.stops[0].village}) picked up; confirmed -> ${
          container.stops.length > 1 ? "picking-up" : "picked-up"
        }`,
      ],
      ["container.status", `container ${container.id}: planned -> confirmed`],
    ]);
  });

  it("filters by key, action and time, pages newest first, and names bad filters", async () => {
    const all = await audit("?limit=500");
    expect(all.total).to.equal(all.items.length);
    expect(all.total).to.be.at.least(8);
    const ats = (all.items as Entry[]).map((e) => Date.parse(e.at));
    expect([...ats].sort((a, b) => b - a)).to.deep.equal(ats);
    expect((await audit(`?keyId=${coordinatorId}`)).total).to.equal(all.total);
    const page1 = await audit("?limit=3");
    const page2 = await audit("?limit=3&offset=3");
    expect(page1.items).to.have.length(3);
    expect(page2.items[0].id).to.equal(all.items[3].id);
    const window = await audit("?from=2026-12-20T01:01:00Z&to=2026-12-20T01:03:30Z");
    expect((window.items as Entry[]).map((e) => e.action)).to.deep.equal([
      "village.create",
      "key.revoke",
      "key.create",
    ]);
    const bad = await call("GET", "/v1/audit?keyId=nobody&limit=0&from=yesterday");
    expect(bad.status).to.equal(400);
    expect([...new Set(bad.body.errors.map((e: { path: string }) => e.path))].sort()).to.deep.equal([
      "from",
      "keyId",
      "limit",
    ]);
  });

  it("is for coordinators only", async () => {
    const other = await call("POST", "/v1/keys", { role: "exporter", exporter: "EXP-A" });
    const res = await call("GET", "/v1/audit", undefined, other.body.key);
    expect(res.status).to.equal(403);
    expect(res.body.errors[0].path).to.equal("(role)");
  });
});
