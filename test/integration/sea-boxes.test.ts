/**
 * Sea boxes through the service on the real PostgreSQL: box types through the API like
 * container types, a plan's boxes and charges stored with it (in-process planning, the
 * embedded mode's queue), `GET /v1/boxes`, stuffing lists, statements that add up to the
 * containers' costs plus the boxes' freight, and what each role sees (foreign -> 404,
 * no shipment of others anywhere in an answer).
 */
import { expect } from "chai";
import { parse } from "csv-parse/sync";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { createApiKey } from "../../shared/infra/db/api-keys.repository.js";
import {
  coordinatorCalls,
  exampleScenarioWithBoxes,
  planThroughApi,
  seedThroughApi,
} from "./support/boxes-fixture.js";
import type { Reply } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";

interface BoxItem {
  id: string;
  type: string;
  sailing: { id: string };
  weightKg: number;
  freight: number;
  slots: number;
  usedSlots: number;
  current: boolean;
  share: { freight: number; shipments: number };
  containers: {
    id: string;
    status: string;
    shipments: { id: string; village: string; exporter: string | null }[];
  }[];
}

describe("sea boxes, stuffing lists and statements (PostgreSQL, in-process planning)", function () {
  this.timeout(240_000);
  let stack: Stack;
  let scenario: Scenario;
  let version: number;
  let plan: Plan;
  const keys = { bumdes: "", exporter: "", otherBumdes: "" };
  let mine = { village: "", exporter: "" };

  const call = (method: string, path: string, json?: unknown, key = stack.key): Promise<Reply> =>
    coordinatorCalls(stack.client, stack.key).call(method, path, json, key);
  const get = (path: string, key = stack.key) => call("GET", path, undefined, key);
  const created = (method: string, path: string, json: unknown) =>
    coordinatorCalls(stack.client, stack.key).ok(method, path, json);
  const planWeek = () =>
    planThroughApi(stack.client, stack.key, {
      region: "Kalimantan",
      horizon: scenario.horizon,
      timeLimitSeconds: 2,
    });

  const allBoxes = async (key = stack.key, query = ""): Promise<BoxItem[]> => {
    const r = await get(`/v1/boxes?limit=500${query}`, key);
    expect(r.status, r.text).to.equal(200);
    return r.body.items;
  };

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "boxes" });
    scenario = exampleScenarioWithBoxes();
    await seedThroughApi(stack.client, stack.key, scenario);
    ({ version, plan } = await planWeek());

    // a BUMDes and an exporter whose goods ride in a box shared with others' goods
    const shipmentsById = new Map(scenario.shipments.map((s) => [s.id, s]));
    const containerOf = new Map(plan.containers.map((c) => [c.id, c]));
    const shared = (plan.boxes ?? []).find((b) => b.containers.length >= 2)!;
    expect(shared, "the week has a box holding two containers or more").to.not.equal(undefined);
    const first = shipmentsById.get(containerOf.get(shared.containers[0])!.stops[0].load[0].shipment)!;
    mine = { village: first.village, exporter: first.exporter ?? "" };
    const m = stack.runtime.deps.dataSource.manager;
    keys.bumdes = (await createApiKey(m, { role: "bumdes", villages: [mine.village] })).key;
    keys.exporter = (await createApiKey(m, { role: "exporter", exporter: mine.exporter })).key;
    const other = scenario.villages.find((v) => v.id !== mine.village)!;
    keys.otherBumdes = (await createApiKey(m, { role: "bumdes", villages: [other.id] })).key;
  });

  after(async () => {
    await stack?.close();
  });

  it("keeps box types through the API like container types; container types and sailings carry the box fields", async () => {
    const list = await get("/v1/box-types");
    expect(list.body.items.map((t: { id: string }) => t.id)).to.deep.equal(["20GP", "20RF"]);
    expect((await get("/v1/box-types/20RF")).body).to.deep.equal({
      id: "20RF",
      slots: 3,
      maxWeightKg: 20000,
      reefer: true,
      freight: 16_500_000,
    });
    const bad = await call("POST", "/v1/box-types", {
      id: "40HC",
      slots: 0,
      maxWeightKg: 26000,
      colour: "red",
    });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).to.include.members(["slots", "(body)"]);
    expect((await call("POST", "/v1/box-types", { id: "20GP", slots: 3, maxWeightKg: 1 })).status).to.equal(
      409,
    );
    expect((await get("/v1/box-types/nope")).status).to.equal(404);
    expect(
      (await call("POST", "/v1/box-types", { id: "40HC", slots: 6, maxWeightKg: 26000 }, keys.bumdes)).status,
    ).to.equal(403);
    expect(
      (await created("POST", "/v1/box-types", { id: "40HC", slots: 6, maxWeightKg: 26000 })).status,
    ).to.equal(201);
    expect(
      (await created("PUT", "/v1/box-types/40HC", { slots: 6, maxWeightKg: 26500, freight: 1 })).body.freight,
    ).to.equal(1);
    expect((await call("DELETE", "/v1/box-types/40HC")).status).to.equal(204);
    const used = await call("DELETE", "/v1/box-types/20GP");
    expect(used.status).to.equal(409);
    expect(used.body.errors[0].message).to.match(/used by \d+ sea box/);
    expect((await get("/v1/container-types/C3T")).body).to.include({ boxSlots: 1, tareKg: 350 });
    expect((await get("/v1/sailings/IDBDJ-0")).body).to.include({ maxBoxes: 6 });
    const badType = await call("PUT", "/v1/container-types/C3T", {
      maxWeightKg: 3000,
      maxVolumeM3: 9,
      boxSlots: 1.5,
    });
    expect(badType.status).to.equal(400);
    expect(badType.body.errors[0].path).to.equal("boxSlots");
  });

  it("documents the sea-box routes in the OpenAPI document", async () => {
    const doc = (await get("/openapi.json")).body;
    expect(doc.paths).to.include.keys(
      "/v1/box-types",
      "/v1/box-types/{id}",
      "/v1/boxes",
      "/v1/boxes/{id}",
      "/v1/statements",
      "/v1/shipments/{id}/options",
      "/v1/shipments/{id}/assign",
    );
    expect(doc.components.schemas.BoxType.properties).to.include.keys(
      "slots",
      "maxWeightKg",
      "reefer",
      "freight",
    );
    expect(doc.components.schemas.ContainerType.properties).to.include.keys("boxSlots", "tareKg");
    expect(doc.components.schemas.Sailing.properties).to.include.keys("maxBoxes");
  });

  it("stores the plan's boxes: GET /v1/boxes is Plan.boxes with stored ids, weights, freight and sailings", async () => {
    expect(plan.boxes?.length).to.be.greaterThan(0);
    expect(plan.summary.boxes).to.equal(plan.boxes?.length);
    const boxes = await allBoxes();
    expect(boxes.map((b) => b.id).sort()).to.deep.equal(
      (plan.boxes ?? []).map((b) => `v${version}-${b.id}`).sort(),
    );
    for (const pb of plan.boxes ?? []) {
      const b = boxes.find((x) => x.id === `v${version}-${pb.id}`)!;
      expect(b).to.deep.include({
        type: pb.type,
        weightKg: pb.weightKg,
        freight: pb.freight,
        slots: 3,
        current: true,
      });
      expect(b.sailing.id).to.equal(pb.sailing);
      expect(b.containers.map((c) => c.id)).to.deep.equal(pb.containers.map((c) => `v${version}-${c}`));
      expect(b.usedSlots).to.equal(pb.containers.length);
    }
    const one = boxes[0];
    const bySailing = await allBoxes(stack.key, `&sailing=${encodeURIComponent(one.sailing.id)}`);
    expect(bySailing.every((b) => b.sailing.id === one.sailing.id)).to.equal(true);
    expect(bySailing.length).to.equal(boxes.filter((b) => b.sailing.id === one.sailing.id).length);
    expect((await get(`/v1/boxes/${one.id}`)).body.id).to.equal(one.id);
    expect((await get("/v1/boxes?current=maybe")).status).to.equal(400);
  });

  it("statements: the rows add up to the containers' costs plus the boxes' freight", async () => {
    const containers = (await get("/v1/containers?limit=500")).body.items as { cost: number }[];
    const boxes = await allBoxes();
    const cost = containers.reduce((a, c) => a + Math.round(c.cost), 0);
    const freight = boxes.reduce((a, b) => a + b.freight, 0);
    expect(freight).to.be.greaterThan(0);
    for (const by of ["bumdes", "exporter"]) {
      const s = (await get(`/v1/statements?by=${by}`)).body;
      const sum = (k: string) => s.items.reduce((a: number, r: Record<string, number>) => a + r[k], 0);
      expect(sum("truck"), by).to.equal(cost);
      expect(sum("freight"), by).to.equal(freight);
      expect(sum("total"), by).to.equal(cost + freight);
      expect(s.totals.total).to.equal(cost + freight);
      expect(sum("shipments"), by).to.equal(new Set(plan.charges.map((c) => c.shipment)).size);
      for (const r of s.items) expect(r.perKg).to.equal(Math.round(r.total / r.weightKg));
    }
    const csv: string[][] = parse((await get("/v1/statements?by=exporter&format=csv&lang=en")).text);
    expect(csv[0]).to.deep.equal([
      "exporter",
      "villages",
      "shipments",
      "weightKg".replace("weightKg", "weight_kg"),
      "truck_idr",
      "freight_idr",
      "total_idr",
      "per_kg_idr",
    ]);
    expect(Number(csv[csv.length - 1][6])).to.equal(cost + freight);
    // a period: pickups on the first day only, read in each village's clock
    const firstDay = (await get("/v1/statements?by=bumdes&from=2026-12-28&to=2026-12-28")).body;
    expect(firstDay.totals.total).to.be.at.most(cost + freight);
    const none = (await get("/v1/statements?from=2020-01-01&to=2020-01-02")).body;
    expect(none.items).to.deep.equal([]);
    const bad = await get("/v1/statements?by=village&from=yesterday");
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(["by", "from"]);
    expect((await get("/v1/statements?from=2026-12-30&to=2026-12-28")).status).to.equal(400);
    // A day the calendar does not have is refused, naming the field: it used to be read as no
    // bound at all, so 30 February answered the whole plan as if it were that period.
    // Instants compare as instants whatever their offsets: 10:00 WIT (01:00 UTC) is an hour
    // before 09:00 WIB (02:00 UTC), though it reads later (it used to be refused as backwards).
    const fromWit = encodeURIComponent("2026-12-28T10:00:00+09:00");
    const toWib = encodeURIComponent("2026-12-28T09:00:00+07:00");
    expect((await get(`/v1/statements?from=${fromWit}&to=${toWib}`)).status).to.equal(200);
    expect((await get(`/v1/statements?from=${toWib}&to=${fromWit}`)).status).to.equal(400);
    const feb30 = await get("/v1/statements?from=2026-02-30&to=2026-12-28");
    expect(feb30.status).to.equal(400);
    expect(feb30.body.errors).to.deep.equal([
      { path: "from", message: "is not a real date (check the day of the month), e.g. 2026-12-02" },
    ]);
  });

  it("a BUMDes and an exporter see their boxes and their rows only: others' boxes 404, no foreign shipment anywhere", async () => {
    const everything = await allBoxes();
    const shipments = new Map(scenario.shipments.map((s) => [s.id, s]));
    const cases = [
      { key: keys.bumdes, sees: (id: string) => shipments.get(id)?.village === mine.village, by: "bumdes" },
      {
        key: keys.exporter,
        sees: (id: string) => shipments.get(id)?.exporter === mine.exporter,
        by: "exporter",
      },
    ];
    for (const { key, sees, by } of cases) {
      const boxes = await allBoxes(key);
      expect(boxes.length).to.be.greaterThan(0);
      const holding = everything.filter((b) => b.containers.some((c) => c.shipments.some((s) => sees(s.id))));
      expect(boxes.map((b) => b.id).sort()).to.deep.equal(holding.map((b) => b.id).sort());
      for (const b of boxes) {
        const whole = everything.find((x) => x.id === b.id)!;
        // the box whole (its fill is the box's), but inside only this key's shipments
        expect(b.containers.map((c) => c.id)).to.deep.equal(whole.containers.map((c) => c.id));
        expect(b.weightKg).to.equal(whole.weightKg);
        for (const c of b.containers) for (const s of c.shipments) expect(sees(s.id), s.id).to.equal(true);
      }
      const foreign = everything.find((b) => !boxes.some((x) => x.id === b.id));
      if (foreign) {
        const r = await get(`/v1/boxes/${foreign.id}`, key);
        const missing = await get("/v1/boxes/v999-BOX-999", key);
        expect(r.status).to.equal(404);
        expect(r.text.replace(foreign.id, "X")).to.equal(missing.text.replace("v999-BOX-999", "X"));
        expect((await get(`/exports/boxes/${foreign.id}/stuffing.html`, key)).status).to.equal(404);
      }
      const statement = await get(`/v1/statements?by=${by}`, key);
      const rows = statement.body.items as Record<string, unknown>[];
      expect(rows.map((r) => r[by])).to.deep.equal([
        by === "bumdes" ? scenario.villages.find((v) => v.id === mine.village)?.bumdes : mine.exporter,
      ]);
      // nothing of another's shipment in any answer this key gets
      const texts = [
        JSON.stringify(boxes),
        statement.text,
        (await get(`/v1/statements?by=${by === "bumdes" ? "exporter" : "bumdes"}&format=csv`, key)).text,
        (await get("/exports/stuffing.html", key)).text,
        (await get("/exports/stuffing.csv", key)).text,
        (await get("/web/data/boxes", key)).text,
        (await get("/web/data/costs", key)).text,
      ];
      for (const s of scenario.shipments.filter((x) => !sees(x.id)))
        for (const text of texts) expect(text, `${s.id} leaked`).to.not.match(new RegExp(`\\b${s.id}\\b`));
    }
    // a BUMDes statement is for BUMDes and coordinators; another BUMDes' reads as none
    expect((await get("/exports/statements/bumdes.html", keys.exporter)).status).to.equal(403);
    const ownName = scenario.villages.find((v) => v.id === mine.village)?.bumdes ?? "";
    const other = scenario.villages.find((v) => v.id !== mine.village && v.bumdes !== ownName)?.bumdes ?? "";
    const foreign = await get(
      `/exports/statements/bumdes.html?bumdes=${encodeURIComponent(other)}`,
      keys.bumdes,
    );
    const missing = await get("/exports/statements/bumdes.html?bumdes=Nobody", keys.bumdes);
    expect(foreign.status).to.equal(404);
    expect(foreign.text.replace(other, "X")).to.equal(missing.text.replace("Nobody", "X"));
    const own = await get("/exports/statements/bumdes.html?lang=en", keys.bumdes);
    expect(own.status).to.equal(200);
    expect(own.text).to.include(`<title>Freight statement: ${ownName}</title>`);
  });

  it("prints a stuffing list per box and for a sailing, with blank seal places", async () => {
    const [box] = await allBoxes();
    const csv: string[][] = parse((await get(`/exports/boxes/${box.id}/stuffing.csv?lang=en`)).text);
    const h = csv[0];
    expect(csv.slice(1).map((r) => r[h.indexOf("container")])).to.deep.equal(box.containers.map((c) => c.id));
    expect(csv.slice(1).every((r) => r[h.indexOf("seal_no")] === "")).to.equal(true);
    const gross = csv.slice(1).reduce((a, r) => a + Number(r[h.indexOf("gross_kg")]), 0);
    expect(gross).to.be.closeTo(box.weightKg, 1e-6);
    const html = await get(`/exports/boxes/${box.id}/stuffing.html`);
    expect(html.headers.get("content-type")).to.match(/text\/html/);
    expect(html.text).to.include(`<title>Daftar stuffing box ${box.id}</title>`);
    const sailing = (
      await get(`/exports/stuffing.html?sailing=${encodeURIComponent(box.sailing.id)}&lang=en`)
    ).text;
    const onSailing = (await allBoxes()).filter((b) => b.sailing.id === box.sailing.id);
    expect(sailing.match(/<section class="box">/g)).to.have.length(onSailing.length);
    expect((await get("/exports/boxes/v999-BOX-999/stuffing.csv")).status).to.equal(404);
  });

  it("after a re-plan, a box keeping a confirmed container still sails and its freight is still fully charged", async () => {
    const before = await allBoxes();
    const shared = before.find((b) => b.containers.length >= 2)!;
    const confirmed = shared.containers[0].id;
    expect(
      (await call("POST", `/v1/containers/${confirmed}/status`, { status: "confirmed" })).status,
    ).to.equal(200);
    const second = await planWeek();
    expect(second.version).to.equal(version + 1);
    const after = await allBoxes();
    const kept = after.find((b) => b.id === shared.id)!;
    expect(kept.current).to.equal(true);
    expect(kept.containers.map((c) => c.id)).to.deep.equal([confirmed]);
    expect(kept.usedSlots).to.equal(1);
    expect(kept.freight).to.equal(shared.freight);
    // every other box of the first plan is retired with its superseded containers
    const old = after.filter((b) => b.id.startsWith(`v${version}-`));
    expect(old.map((b) => b.id)).to.deep.equal([shared.id]);
    const retired = (await get(`/v1/boxes/${before.find((b) => b.id !== shared.id)!.id}`)).body;
    expect(retired.current).to.equal(false);
    const containers = (await get("/v1/containers?limit=500")).body.items as { cost: number }[];
    const s = (await get("/v1/statements")).body;
    expect(s.totals.truck).to.equal(containers.reduce((a, c) => a + Math.round(c.cost), 0));
    expect(s.totals.freight).to.equal(after.reduce((a, b) => a + b.freight, 0));
  });
});
