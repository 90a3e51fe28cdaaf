/**
 * What an API process keeps between requests (a key's row, a list's total) is read again
 * as soon as it may differ, whoever changed it (shared/infra/db/change-feed.ts): this
 * process at once, another process (here a second data source on the same database, as a
 * worker or a second API process has) when its notice arrives; and while the feed cannot
 * listen, nothing is kept at all.
 */
import { expect } from "chai";
import type { DataSource } from "typeorm";
import { changeFeedOf } from "../../shared/infra/db/change-feed.js";
import { openDataSource } from "../../shared/infra/db/data-source.js";
import { exampleScenario } from "./support/fixtures.js";
import { waitFor } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";

const shipment = (id: string, village: string) => ({ id, village, weightKg: 100, product: "coffee" });

describe("change feed: keys and list totals kept only while true", function () {
  this.timeout(60000);
  let stack: Stack;
  let other: DataSource;
  let village: string;
  const call = (method: string, path: string, json?: unknown, key = stack.key) =>
    stack.client.call(method, path, { key, json });
  const total = async (key = stack.key) =>
    (await call("GET", "/v1/shipments?limit=1", undefined, key)).body.total;
  const insertElsewhere = (id: string) =>
    other.query(
      `INSERT INTO "shipment" ("id", "village", "weightKg", "status") VALUES ($1, $2, 100, 'open')`,
      [id, village],
    );

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "change-feed" });
    const scenario = exampleScenario();
    village = scenario.villages[0].id;
    expect((await call("POST", "/v1/villages", scenario.villages[0])).status).to.equal(201);
    other = await openDataSource({ url: stack.db.url });
    await waitFor(
      "the feed to listen",
      async () => changeFeedOf(stack.runtime.deps.dataSource)?.live,
      (l) => l === true,
    );
  });
  after(async () => {
    await other?.destroy();
    await stack?.close();
  });

  it("counts this process's own writes at once, another process's when its notice arrives", async () => {
    const before = await total();
    expect((await call("POST", "/v1/shipments", shipment("CF-1", village))).status).to.equal(201);
    expect(await total()).to.equal(before + 1);
    await insertElsewhere("CF-2");
    await waitFor(
      "the other process's shipment in the total",
      () => total(),
      (n) => n === before + 2,
      5000,
    );
  });

  it("refuses a key revoked by another process once its notice arrives", async () => {
    const created = await call("POST", "/v1/keys", { role: "bumdes", villages: [village] });
    expect(created.status).to.equal(201);
    expect((await call("GET", "/v1/shipments", undefined, created.body.key)).status).to.equal(200);
    await other.query(`UPDATE "api_key" SET "revokedAt" = now() WHERE "id" = $1`, [created.body.id]);
    await waitFor(
      "the revoked key refused",
      async () => (await call("GET", "/v1/shipments", undefined, created.body.key)).status,
      (s) => s === 401,
      5000,
    );
  });

  it("refuses a key revoked here at once", async () => {
    const created = await call("POST", "/v1/keys", { role: "exporter", exporter: "PT Uji" });
    expect((await call("GET", "/v1/shipments", undefined, created.body.key)).status).to.equal(200);
    expect((await call("DELETE", `/v1/keys/${created.body.id}`)).status).to.equal(204);
    expect((await call("GET", "/v1/shipments", undefined, created.body.key)).status).to.equal(401);
  });

  it("keeps nothing while its connection is down, and listens again after", async () => {
    const feed = changeFeedOf(stack.runtime.deps.dataSource)!;
    const before = await total();
    await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN muatan_changes'`,
    );
    await waitFor(
      "the feed to notice",
      async () => feed.live,
      (l) => l === false,
      5000,
    );
    expect(await total()).to.equal(before);
    await insertElsewhere("CF-3");
    // no notice can arrive now: the total is right only because nothing was kept
    expect(await total()).to.equal(before + 1);
    await waitFor(
      "the feed to listen again",
      async () => feed.live,
      (l) => l === true,
      5000,
    );
    expect(await total()).to.equal(before + 1);
    await insertElsewhere("CF-4");
    await waitFor(
      "the next notice",
      () => total(),
      (n) => n === before + 2,
      5000,
    );
  });
});

describe("change feed on the embedded database", function () {
  this.timeout(60000);
  let stack: Stack;

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "change-feed-embedded", database: "embedded" });
  });
  after(async () => stack?.close());

  it("listens on the one session and counts its writes at once", async () => {
    const ds = stack.runtime.deps.dataSource;
    await waitFor(
      "the feed to listen",
      async () => changeFeedOf(ds)?.live,
      (l) => l === true,
    );
    const village = exampleScenario().villages[0];
    const key = stack.key;
    expect((await stack.client.call("POST", "/v1/villages", { key, json: village })).status).to.equal(201);
    const total = async () => (await stack.client.call("GET", "/v1/shipments?limit=1", { key })).body.total;
    expect(await total()).to.equal(0);
    await ds.query(
      `INSERT INTO "shipment" ("id", "village", "weightKg", "status") VALUES ('E-1', $1, 10, 'open')`,
      [village.id],
    );
    expect(await total()).to.equal(1);
  });
});
