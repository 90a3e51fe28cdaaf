/**
 * Deletes of reference data that something still uses answer 409 naming what uses it,
 * and change nothing (a depot or sailing deleted under a current container left it
 * showing `sailing: null`); once nothing refers to the row, the delete goes through.
 */
import { expect } from "chai";
import { loadScenario } from "../../services/seed/demo-data.js";
import { snapshotTables, tableChanges } from "./support/db-snapshot.js";
import { exampleScenario } from "./support/fixtures.js";
import { planChecked } from "./support/plan-run.js";
import { type Stack, startStack } from "./support/stack.js";

interface Container {
  id: string;
  depot: string;
  port: string;
  type: string;
  sailing: { id: string } | null;
  stops: { village: string }[];
}

describe("deletes of referenced data (PostgreSQL)", function () {
  this.timeout(120000);
  let stack: Stack;
  let containers: Container[];
  const scenario = exampleScenario();
  const call = (method: string, path: string, json?: unknown) =>
    stack.client.call(method, path, { key: stack.key, json });

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "deletes" });
    await loadScenario(stack.runtime.deps.dataSource, scenario);
    await planChecked(stack.client, stack.key, { region: "Kalimantan", horizon: scenario.horizon });
    containers = (await call("GET", "/v1/containers?limit=500")).body.items;
    expect(containers.length).to.be.greaterThan(0);
  });
  after(async () => {
    await stack?.close();
  });

  /** A delete that must be refused with 409 naming `mentions`; nothing may change. */
  async function refusedDelete(path: string, mentions: string[]) {
    const before = await snapshotTables(stack.runtime.deps.dataSource);
    const res = await call("DELETE", path);
    expect(res.status, `${path}: ${res.text}`).to.equal(409);
    const text = JSON.stringify(res.body.errors);
    for (const m of mentions) expect(text, path).to.contain(m);
    expect(tableChanges(before, await snapshotTables(stack.runtime.deps.dataSource))).to.deep.equal({});
    return res.body.errors as { path: string; message: string }[];
  }

  /** The first (by id) current container matching: the 409 names the first few. */
  const firstUsing = (match: (c: Container) => boolean) =>
    containers
      .filter(match)
      .map((c) => c.id)
      .sort()[0];

  it("refuses to delete a depot a current container leaves from", async () => {
    const c = containers[0];
    await refusedDelete(`/v1/depots/${c.depot}`, [
      firstUsing((x) => x.depot === c.depot),
      "current container",
    ]);
    expect((await call("GET", `/v1/containers/${c.id}`)).body.depot).to.equal(c.depot);
  });

  it("refuses to delete a sailing a current container is on; the container keeps its sailing", async () => {
    const c = containers.find((x) => x.sailing !== null)!;
    await refusedDelete(`/v1/sailings/${c.sailing!.id}`, [
      firstUsing((x) => x.sailing?.id === c.sailing!.id),
    ]);
    expect((await call("GET", `/v1/containers/${c.id}`)).body.sailing.id).to.equal(c.sailing!.id);
  });

  it("refuses to delete a port with sailings and current containers, naming both", async () => {
    const c = containers[0];
    await refusedDelete(`/v1/ports/${c.port}`, [
      "sailing(s)",
      "current container(s)",
      firstUsing((x) => x.port === c.port),
    ]);
  });

  it("refuses to delete a container type in fleets and current containers", async () => {
    const c = containers[0];
    await refusedDelete(`/v1/container-types/${c.type}`, ["depot fleet(s)", "current container(s)"]);
  });

  it("refuses to delete a village with open shipments or a stop of a current container", async () => {
    const c = containers[0];
    const village = c.stops[0].village;
    await refusedDelete(`/v1/villages/${village}`, [
      "shipment(s) not cancelled",
      firstUsing((x) => x.stops.some((s) => s.village === village)),
    ]);
  });

  it("refuses to delete a village a live BUMDes key speaks for, until the key is revoked", async () => {
    const v = { ...scenario.villages[0], id: "V-KEYED" };
    expect((await call("POST", "/v1/villages", v)).status).to.equal(201);
    const key = await call("POST", "/v1/keys", { role: "bumdes", villages: ["V-KEYED"] });
    expect(key.status, key.text).to.equal(201);
    await refusedDelete("/v1/villages/V-KEYED", ["access key(s)", key.body.prefix]);
    expect((await call("DELETE", `/v1/keys/${key.body.id}`)).status).to.equal(204);
    expect((await call("DELETE", "/v1/villages/V-KEYED")).status).to.equal(204);
  });

  it("deletes once nothing refers to the row: cancelled shipments and unused rows do not block", async () => {
    const v = { ...scenario.villages[0], id: "V-QUIET" };
    expect((await call("POST", "/v1/villages", v)).status).to.equal(201);
    expect(
      (await call("POST", "/v1/shipments", { id: "SH-QUIET", village: "V-QUIET", weightKg: 5 })).status,
    ).to.equal(201);
    await refusedDelete("/v1/villages/V-QUIET", ["SH-QUIET"]);
    expect((await call("POST", "/v1/shipments/SH-QUIET/cancel")).status).to.equal(200);
    expect((await call("DELETE", "/v1/villages/V-QUIET")).status).to.equal(204);

    const used = new Set(containers.map((c) => c.sailing?.id));
    const unused = scenario.sailings!.find((s) => !used.has(s.id));
    if (unused) expect((await call("DELETE", `/v1/sailings/${unused.id}`)).status).to.equal(204);
    const depot = { ...scenario.depots[0], id: "D-SPARE" };
    expect((await call("POST", "/v1/depots", depot)).status).to.equal(201);
    expect((await call("DELETE", "/v1/depots/D-SPARE")).status).to.equal(204);
    expect((await call("GET", "/v1/depots/D-SPARE")).status).to.equal(404);
  });
});
