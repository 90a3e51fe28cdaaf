/**
 * Bad input, against the real PostgreSQL (and the queue on the real Redis): every error
 * is JSON naming the field, with 400/401/403/404/409/422 as fits, never a 500, and the
 * database is left exactly as it was.
 */
import { expect } from "chai";
import { loadScenario } from "../../services/seed/demo-data.js";
import { PlanningRunEntity } from "../../shared/infra/db/entities/planning-run.entity.js";
import { exampleScenario } from "./support/fixtures.js";
import { type Stack, startStack } from "./support/stack.js";

describe("API validation and errors (PostgreSQL + Redis)", function () {
  this.timeout(60000);
  let stack: Stack;
  const scenario = exampleScenario();
  const village = scenario.villages[0].id;

  before(async () => {
    stack = await startStack({ queue: "bullmq", name: "validation" });
    await loadScenario(stack.runtime.deps.dataSource, scenario);
  });
  after(async () => {
    await stack?.close();
  });

  const call = (
    method: string,
    path: string,
    options: { json?: unknown; raw?: string; type?: string } = {},
  ) => stack.client.call(method, path, { key: stack.key, ...options });
  const shipmentCount = async () => (await call("GET", "/v1/shipments?limit=1")).body.total as number;

  it("refuses /v1 without a key, or with an unknown one, with 401", async () => {
    const none = await stack.client.call("GET", "/v1/shipments");
    expect(none.status).to.equal(401);
    expect(none.body.errors[0].path).to.equal("(header).authorization");
    const wrong = await stack.client.call("GET", "/v1/shipments", { key: "not-a-key" });
    expect(wrong.status).to.equal(401);
  });

  it("answers malformed JSON with 400 naming the body", async () => {
    const res = await call("POST", "/v1/shipments", { raw: '{"village": ' });
    expect(res.status).to.equal(400);
    expect(res.body.errors).to.have.length(1);
    expect(res.body.errors[0].path).to.equal("(body)");
    expect(res.body.errors[0].message).to.match(/not valid JSON/);
  });

  it("names every bad shipment field and stores nothing", async () => {
    const before = await shipmentCount();
    const res = await call("POST", "/v1/shipments", {
      json: { village, weightKg: -5, handling: "hot", readyAt: "2026-12-29 10:00", colour: "red" },
    });
    expect(res.status).to.equal(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).to.include.members(["weightKg", "handling", "readyAt"]);
    expect(res.body.errors.find((e: { path: string }) => e.path === "weightKg").message).to.equal(
      "must be > 0",
    );
    expect(JSON.stringify(res.body.errors)).to.contain("colour");
    expect(await shipmentCount()).to.equal(before);
  });

  it("answers an unknown village with 422 and a duplicate id with 409", async () => {
    const unknown = await call("POST", "/v1/shipments", { json: { village: "999999", weightKg: 10 } });
    expect(unknown.status).to.equal(422);
    expect(unknown.body.errors).to.deep.equal([{ path: "village", message: 'unknown village "999999"' }]);
    const dup = await call("POST", "/v1/shipments", {
      json: { id: scenario.shipments[0].id, village, weightKg: 10 },
    });
    expect(dup.status).to.equal(409);
    expect(dup.body.errors[0].path).to.equal("id");
  });

  it("creates one shipment, names it when no id is given, and reads it back", async () => {
    const res = await call("POST", "/v1/shipments", {
      json: { village, weightKg: 120, volumeM3: 0.3, product: "avocado", handling: "chilled", packages: 4 },
    });
    expect(res.status).to.equal(201);
    expect(res.body.id).to.match(/^SH-/);
    expect(res.body.status).to.equal("open");
    const back = await call("GET", `/v1/shipments/${res.body.id}`);
    expect(back.status).to.equal(200);
    expect(back.body).to.include({ village, weightKg: 120, handling: "chilled", packages: 4 });
  });

  it("stores a batch all or nothing", async () => {
    const before = await shipmentCount();
    const bad = await call("POST", "/v1/shipments/batch", {
      json: {
        shipments: [
          { village, weightKg: 50 },
          { village, weightKg: 0 },
          { village: "nowhere", weightKg: 5 },
        ],
      },
    });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0].path).to.equal("shipments[1].weightKg");
    const badRef = await call("POST", "/v1/shipments/batch", {
      json: {
        shipments: [
          { village, weightKg: 50 },
          { village: "nowhere", weightKg: 5 },
        ],
      },
    });
    expect(badRef.status).to.equal(422);
    expect(badRef.body.errors[0].path).to.equal("shipments[1].village");
    expect(await shipmentCount()).to.equal(before);
    const good = await call("POST", "/v1/shipments/batch", {
      json: {
        shipments: [
          { id: "B-1", village, weightKg: 50 },
          { id: "B-2", village, weightKg: 60, packages: 3 },
        ],
      },
    });
    expect(good.status).to.equal(201);
    expect(good.body.total).to.equal(2);
    expect(await shipmentCount()).to.equal(before + 2);
  });

  it("imports CSV all or nothing, naming the row and field", async () => {
    const before = await shipmentCount();
    const header = "id,village,product,handling,weightKg,volumeM3,packages,readyAt,destination,exporter";
    const bad = await call("POST", "/v1/shipments/import", {
      type: "text/csv",
      raw: `${header}\nCSV-1,${village},coffee,dry,500,1.2,10,2026-12-29T08:00:00+08:00,SG,EXP1\nCSV-2,${village},coffee,dry,heavy,,,,,\n`,
    });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0].path).to.equal("rows[1].weightKg");
    expect(await shipmentCount()).to.equal(before);
    const unknownColumn = await call("POST", "/v1/shipments/import", {
      type: "text/csv",
      raw: "village,kilos\nx,1\n",
    });
    expect(unknownColumn.status).to.equal(400);
    expect(unknownColumn.body.errors[0].message).to.contain("kilos");
    const good = await call("POST", "/v1/shipments/import", {
      type: "text/csv",
      raw: `${header}\nCSV-1,${village},coffee,dry,500,1.2,10,2026-12-29T08:00:00+08:00,SG,EXP1\nCSV-2,${village},banana-flour,,300,,,,,\n`,
    });
    expect(good.status).to.equal(201);
    expect(good.body.imported).to.equal(2);
    const one = await call("GET", "/v1/shipments/CSV-1");
    expect(one.body).to.include({
      weightKg: 500,
      volumeM3: 1.2,
      packages: 10,
      exporter: "EXP1",
      handling: "dry",
    });
  });

  it("lists with filters and pagination, and validates the query", async () => {
    const page1 = await call("GET", `/v1/shipments?village=${village}&limit=2&offset=0`);
    const page2 = await call("GET", `/v1/shipments?village=${village}&limit=2&offset=2`);
    expect(page1.status).to.equal(200);
    expect(page1.body.items).to.have.length(2);
    expect(page1.body.total).to.be.greaterThan(2);
    expect(page2.body.total).to.equal(page1.body.total);
    const ids1 = page1.body.items.map((s: { id: string }) => s.id);
    for (const s of page2.body.items) expect(ids1).not.to.include(s.id);
    for (const s of [...page1.body.items, ...page2.body.items]) expect(s.village).to.equal(village);
    const exporter = await call("GET", "/v1/shipments?exporter=EXP1&limit=500");
    expect(exporter.body.items.length).to.be.greaterThan(0);
    for (const s of exporter.body.items) expect(s.exporter).to.equal("EXP1");
    const bad = await call("GET", "/v1/shipments?limit=0&status=lost");
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).to.include.members(["limit", "status"]);
  });

  it("cancels a shipment once; a second cancel is a 409; an unknown one a 404", async () => {
    const first = await call("POST", "/v1/shipments/B-1/cancel");
    expect(first.status).to.equal(200);
    expect(first.body.status).to.equal("cancelled");
    const again = await call("POST", "/v1/shipments/B-1/cancel");
    expect(again.status).to.equal(409);
    const missing = await call("DELETE", "/v1/shipments/NOPE");
    expect(missing.status).to.equal(404);
  });

  it("validates reference data and refuses deletes that would break references", async () => {
    const sailing = await call("POST", "/v1/sailings", {
      json: {
        id: "S-X",
        port: "XXNOP",
        departure: "2027-01-01T10:00:00+07:00",
        cutoff: "2027-01-02T10:00:00+07:00",
      },
    });
    expect(sailing.status).to.equal(400);
    expect(sailing.body.errors[0].path).to.equal("cutoff");
    const unknownPort = await call("POST", "/v1/sailings", {
      json: {
        id: "S-X",
        port: "XXNOP",
        departure: "2027-01-03T10:00:00+07:00",
        cutoff: "2027-01-02T10:00:00+07:00",
      },
    });
    expect(unknownPort.status).to.equal(422);
    expect(unknownPort.body.errors[0]).to.deep.equal({ path: "port", message: 'unknown port "XXNOP"' });
    const depot = await call("PUT", "/v1/depots/hub9", { json: { lat: -2, lon: 113, fleet: { C9T: 2 } } });
    expect(depot.status).to.equal(422);
    expect(depot.body.errors[0].path).to.equal("fleet.C9T");
    const port = await call("DELETE", `/v1/ports/${scenario.ports[0].id}`);
    expect(port.status).to.equal(409);
    const villageDelete = await call("DELETE", `/v1/villages/${village}`);
    expect(villageDelete.status).to.equal(409);
    const stillThere = await call("GET", `/v1/villages/${village}`);
    expect(stillThere.status).to.equal(200);
    expect(stillThere.body.zone).to.be.oneOf(["WIB", "WITA", "WIT"]);
    const dupVillage = await call("POST", "/v1/villages", { json: { ...scenario.villages[1] } });
    expect(dupVillage.status).to.equal(409);
  });

  it("lists villages by zone as coordinators name it, and refuses a zone that does not exist", async () => {
    const ids = async (q: string) =>
      ((await call("GET", `/v1/villages?${q}`)).body.items as { id: string; zone: string }[]).map(
        (v) => v.zone,
      );
    const wita = await ids("zone=WITA");
    expect(wita).to.have.length(6); // the example week: six villages in Asia/Makassar, four in Asia/Pontianak
    expect(new Set(wita)).to.deep.equal(new Set(["WITA"]));
    expect(await ids("zone=wib")).to.deep.equal(["WIB", "WIB", "WIB", "WIB"]);
    expect(await ids("timeZone=Asia/Makassar")).to.have.length(6);
    expect(await ids("zone=WIT")).to.deep.equal([]);
    expect(await ids("zone=WIB&timeZone=Asia/Makassar")).to.deep.equal([]);
    // used to answer an empty list, as if the week had no village there
    const bad = await call("GET", "/v1/villages?timeZone=WITA&zone=CET");
    expect(bad.status).to.equal(400);
    expect(bad.body.errors).to.deep.equal([
      {
        path: "timeZone",
        message: "must be an IANA time zone such as Asia/Makassar (for WITA write zone=WITA)",
      },
      { path: "zone", message: "must be one of WIB, WITA, WIT" },
    ]);
  });

  it("validates a stateless Scenario before queueing it", async () => {
    const res = await call("POST", "/v1/solve", {
      json: {
        ...scenario,
        shipments: [{ ...scenario.shipments[0], village: "atlantis" }],
        containerTypes: [],
      },
    });
    expect(res.status).to.equal(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).to.include("containerTypes");
    const refs = await call("POST", "/v1/solve", {
      json: { ...scenario, shipments: [{ ...scenario.shipments[0], village: "atlantis" }] },
    });
    expect(refs.status).to.equal(400);
    expect(refs.body.errors).to.deep.include({
      path: "shipments[0].village",
      message: 'unknown village "atlantis"',
    });
    const badLimit = await call("POST", "/v1/solve?timeLimitSeconds=-3", { json: scenario });
    expect(badLimit.status).to.equal(400);
    expect(badLimit.body.errors[0].path).to.equal("timeLimitSeconds");
    expect((await call("GET", "/v1/jobs/does-not-exist")).status).to.equal(404);
  });

  it("validates plan requests: region or ports, a real horizon, known ports", async () => {
    const none = await call("POST", "/v1/plans", {
      json: { horizon: { start: "2026-12-28T00:00:00+08:00", end: "2027-01-07T00:00:00+08:00" } },
    });
    expect(none.status).to.equal(400);
    expect(none.body.errors[0].path).to.equal("region");
    const backwards = await call("POST", "/v1/plans", {
      json: {
        region: "Kalimantan",
        horizon: { start: "2027-01-07T00:00:00+08:00", end: "2026-12-28T00:00:00+08:00" },
      },
    });
    expect(backwards.status).to.equal(400);
    expect(backwards.body.errors[0].path).to.equal("horizon.end");
    const unknown = await call("POST", "/v1/plans", {
      json: {
        ports: ["IDBDJ", "XXNOP"],
        horizon: { start: "2026-12-28T00:00:00+08:00", end: "2027-01-07T00:00:00+08:00" },
      },
    });
    expect(unknown.status).to.equal(422);
    expect(unknown.body.errors).to.deep.equal([{ path: "ports[1]", message: 'unknown port "XXNOP"' }]);
    const runs = await call("GET", "/v1/plans");
    expect(runs.body.total).to.equal(0);
  });

  it("pages the plan runs newest first, and refuses a bad limit or offset instead of guessing", async () => {
    const repo = stack.runtime.deps.dataSource.getRepository(PlanningRunEntity);
    // Five finished runs a minute apart (ids in reverse order, so the order is by time, not id).
    const ids = [0, 1, 2, 3, 4].map((i) => `00000000-0000-4000-8000-00000000000${9 - i}`);
    await repo.insert(
      ids.map((id, i) => ({
        id,
        state: "failed" as const,
        request: { region: "Kalimantan" },
        scenario: {},
        createdAt: new Date(Date.UTC(2026, 11, 1, 8, i)),
      })),
    );
    try {
      const newestFirst = [...ids].reverse();
      const page = await call("GET", "/v1/plans?limit=2&offset=2");
      expect(page.status).to.equal(200);
      expect(page.body.items.map((r: { id: string }) => r.id)).to.deep.equal(newestFirst.slice(2, 4));
      expect([page.body.total, page.body.limit, page.body.offset]).to.deep.equal([5, 2, 2]);
      const rest = await call("GET", "/v1/plans?offset=4");
      expect(rest.body.items.map((r: { id: string }) => r.id)).to.deep.equal(newestFirst.slice(4));
      const bad = await call("GET", "/v1/plans?limit=abc&offset=-1");
      expect(bad.status).to.equal(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(["limit", "offset"]);
      expect((await call("GET", "/v1/plans?limit=101")).status).to.equal(400);
    } finally {
      await repo.delete(ids);
    }
  });

  it("refuses a container status that does not exist instead of listing nothing", async () => {
    const bad = await call("GET", "/v1/containers?status=shipped");
    expect(bad.status).to.equal(400);
    expect(bad.body.errors).to.deep.equal([
      {
        path: "status",
        message: "must be one of planned, confirmed, picking-up, picked-up, at-port, sailed, superseded",
      },
    ]);
    for (const status of ["planned", "picking-up", "superseded"]) {
      expect((await call("GET", `/v1/containers?status=${status}&current=false`)).status).to.equal(200);
    }
  });

  it("reports its database and queue at /health and serves the OpenAPI document and docs", async () => {
    const health = await stack.client.call("GET", "/health");
    expect(health.status).to.equal(200);
    expect(health.body.database).to.include({ kind: "postgresql", ok: true });
    expect(health.body.queue).to.include({ kind: "bullmq", ok: true, name: stack.config.queue.name });
    const doc = await stack.client.call("GET", "/openapi.json");
    expect(doc.body.openapi).to.match(/^3\./);
    expect(doc.body.paths).to.include.keys(
      "/v1/solve",
      "/v1/jobs/{id}",
      "/v1/plans",
      "/v1/shipments/import",
      "/v1/containers/{id}/status",
    );
    expect(doc.body.components.schemas.Scenario.properties).to.include.keys("shipments", "villages");
    const docs = await stack.client.call("GET", "/docs");
    expect(docs.status).to.equal(200);
    expect(docs.text).to.contain("swagger-ui-bundle.js");
    const asset = await stack.client.call("GET", "/docs/assets/swagger-ui-bundle.js");
    expect(asset.status).to.equal(200);
  });

  it("compresses what it sends, for villages on slow mobile links", async () => {
    const page = await fetch(`${stack.client.baseUrl}/`, { headers: { "accept-encoding": "gzip" } });
    expect(page.status).to.equal(200);
    expect(page.headers.get("content-encoding")).to.equal("gzip");
    const script = /src="([^"]+\.js[^"]*)"/.exec(await page.text())![1];
    const js = await fetch(`${stack.client.baseUrl}${script}`, { headers: { "accept-encoding": "gzip" } });
    expect(js.headers.get("content-encoding")).to.equal("gzip");
  });
});
