/**
 * Request bodies over the route's limit answer 413 with the usual error shape, saying
 * the limit, and store nothing; JSON and the CSV import alike. Under the limit, the
 * same routes still take honest large requests (a full batch of 5,000 shipments).
 */
import { expect } from "chai";
import { loadScenario } from "../../services/seed/demo-data.js";
import { snapshotTables, tableChanges } from "./support/db-snapshot.js";
import { exampleScenario } from "./support/fixtures.js";
import { type Stack, startStack } from "./support/stack.js";

describe("request size limits (PostgreSQL)", function () {
  this.timeout(120000);
  let stack: Stack;
  const scenario = exampleScenario();
  const village = scenario.villages[0].id;
  const call = (method: string, path: string, options: { json?: unknown; raw?: string; type?: string }) =>
    stack.client.call(method, path, { key: stack.key, ...options });

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "limits" });
    await loadScenario(stack.runtime.deps.dataSource, scenario);
  });
  after(async () => {
    await stack?.close();
  });

  async function tooLarge(
    path: string,
    options: { json?: unknown; raw?: string; type?: string },
    limit: string,
  ) {
    const before = await snapshotTables(stack.runtime.deps.dataSource);
    const res = await call("POST", path, options);
    expect(res.status, res.text.slice(0, 300)).to.equal(413);
    expect(res.body.errors).to.have.length(1);
    expect(res.body.errors[0].path).to.equal("(body)");
    expect(res.body.errors[0].message).to.contain(`at most ${limit}`);
    expect(tableChanges(before, await snapshotTables(stack.runtime.deps.dataSource))).to.deep.equal({});
  }

  it("refuses a 5 MB product name on a single shipment with 413 naming the 1 MB limit", async () => {
    await tooLarge(
      "/v1/shipments",
      { json: { village, weightKg: 1, product: "p".repeat(5 * 1024 * 1024) } },
      "1 MB",
    );
  });

  it("refuses a batch over 5 MB with 413", async () => {
    const shipments = Array.from({ length: 4000 }, (_, i) => ({
      village,
      weightKg: 1,
      product: `${"x".repeat(1500)}${i}`,
    }));
    await tooLarge("/v1/shipments/batch", { json: { shipments } }, "5 MB");
  });

  it("refuses a CSV import over 5 MB with 413", async () => {
    const row = `${village},${"x".repeat(190)},10\n`;
    const csv = `village,product,weightKg\n${row.repeat(Math.ceil((6 * 1024 * 1024) / row.length))}`;
    await tooLarge("/v1/shipments/import", { raw: csv, type: "text/csv" }, "5 MB");
  });

  it("still takes a full batch of 5,000 shipments", async () => {
    const shipments = Array.from({ length: 5000 }, (_, i) => ({
      id: `FULL-${i}`,
      village,
      weightKg: 1 + (i % 7),
    }));
    const res = await call("POST", "/v1/shipments/batch", { json: { shipments } });
    expect(res.status, res.text.slice(0, 300)).to.equal(201);
    expect(res.body.total).to.equal(5000);
  });

  it("refuses 5,001 shipments in one batch, saying how to send them", async () => {
    const shipments = Array.from({ length: 5001 }, () => ({ village, weightKg: 1 }));
    const res = await call("POST", "/v1/shipments/batch", { json: { shipments } });
    expect(res.status).to.equal(400);
    expect(res.body.errors[0]).to.deep.include({ path: "shipments" });
    expect(res.body.errors[0].message).to.match(/at most 5000/);
  });
});
