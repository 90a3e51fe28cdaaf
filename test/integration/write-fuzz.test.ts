/**
 * Fuzz every write endpoint (fast-check, fixed seed so CI sees the same requests every
 * time): bodies and ids mixing good values with the ones users sent (30 February, NUL,
 * 2,700-character ids, 1e308, 2147483648, unknown keys, wrong types, broken CSV, bodies
 * over the limit), with every role's key and bad keys. What must hold:
 *  - never a 5xx; every 4xx has the shape {"errors":[{path,message}]};
 *  - a refused request (4xx) writes nothing: every table is compared before and after;
 *  - afterwards every stored record passes the planner's own rules (nothing accepted was
 *    nonsense), every GET route answers, and a planning run completes with a plan the
 *    independent checker accepts.
 * The write routes come from the express router: a write route added later fails this
 * test until it has a generator here (or a stated reason to be left to other tests).
 */
import { expect } from "chai";
import fc from "fast-check";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import { createApp } from "../../services/api/app.js";
import { loadScenario } from "../../services/seed/demo-data.js";
import { type RecordKind, recordErrors } from "../../shared/core/model/record-rules.js";
import { HANDLING_CLASSES } from "../../shared/core/model/scenario.js";
import { ContainerTypeEntity } from "../../shared/infra/db/entities/container-type.entity.js";
import { DepotEntity } from "../../shared/infra/db/entities/depot.entity.js";
import { PortEntity } from "../../shared/infra/db/entities/port.entity.js";
import { SailingEntity } from "../../shared/infra/db/entities/sailing.entity.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { VillageEntity } from "../../shared/infra/db/entities/village.entity.js";
import {
  containerTypeFromRow,
  depotFromRow,
  portFromRow,
  sailingFromRow,
  shipmentFromRow,
  villageFromRow,
} from "../../shared/infra/db/scenario.mapper.js";
import { changedTables, fingerprintTables } from "./support/db-snapshot.js";
import { listRoutes } from "./support/express-routes.js";
import { exampleScenario } from "./support/fixtures.js";
import { planChecked } from "./support/plan-run.js";
import { type Stack, startStack } from "./support/stack.js";

const SEED = 20261129;
const REQUESTS = 600;

/** Write routes exercised elsewhere, not here: each starts a solve (CPU for seconds). */
const LEFT_TO_OTHER_TESTS: Record<string, string> = {
  "POST /v1/solve": "starts a solve; bad Scenarios: api-validation and validate-scenario tests",
  "DELETE /v1/jobs/:id": "cancels a solve; solve-jobs test",
  "POST /v1/plans":
    "starts a planning run; api-validation, plan-the-rest and planning tests (and this one, at the end)",
};

/** A path segment; a lone surrogate cannot be encoded, so it goes as invalid UTF-8 (%ED%A0%80). */
function enc(segment: string): string {
  try {
    return encodeURIComponent(segment);
  } catch {
    return "%ED%A0%80";
  }
}

interface FuzzRequest {
  route: string;
  method: string;
  path: string;
  key: string;
  json?: unknown;
  raw?: string;
  type?: string;
}

describe("fuzz: every write endpoint (PostgreSQL)", function () {
  this.timeout(300000);
  let stack: Stack;
  const scenario = exampleScenario();
  const keys: Record<string, string> = {};
  let bootstrapKeyId = "";
  let containerIds: string[] = [];

  before(async () => {
    // No per-key rate limit: the fuzz sends hundreds of requests a minute with one key.
    stack = await startStack({ queue: "in-process", name: "fuzz", env: { RATE_LIMIT_PER_MINUTE: "0" } });
    await loadScenario(stack.runtime.deps.dataSource, scenario);
    const call = (method: string, path: string, json?: unknown) =>
      stack.client.call(method, path, { key: stack.key, json });
    await planChecked(stack.client, stack.key, { region: "Kalimantan", horizon: scenario.horizon });
    containerIds = ((await call("GET", "/v1/containers?limit=500")).body.items as { id: string }[]).map(
      (c) => c.id,
    );
    bootstrapKeyId = (await call("GET", "/v1/me")).body.id;
    keys.coordinator = stack.key;
    keys.bumdes = (
      await call("POST", "/v1/keys", { role: "bumdes", villages: [scenario.villages[0].id] })
    ).body.key;
    keys.exporter = (await call("POST", "/v1/keys", { role: "exporter", exporter: "EXP1" })).body.key;
    keys.unknown = "mua_not-a-key-at-all";
  });
  after(async () => {
    await stack?.close();
  });

  // ---- values: good ones, and the ones users sent ----
  const nastyString = fc.constantFrom(
    "",
    "   ",
    "kopi\u0000arabika",
    "bell\u0007",
    "line\nbreak",
    "X".repeat(2700),
    "p".repeat(201),
    "Desa 😀",
    "<script>alert(1)</script>",
    "'; DROP TABLE village; --",
    "2027-02-30T20:00:00+08:00",
    "0x10",
    "\ud800",
  );
  const nastyNumber = fc.constantFrom(
    0,
    -1,
    1e308,
    -1e308,
    2147483648,
    1000001,
    1e-300,
    0.5,
    Number.MAX_SAFE_INTEGER,
  );
  const nastyOther = fc.constantFrom<unknown>(null, true, [], {}, [1, 2], { $gt: "" });
  const nasty = fc.oneof(nastyString, nastyNumber, nastyOther);
  const maybe = <T>(good: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 30, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: nasty });
  /** null mostly, the value 1 time in 15. */
  const rarely = <T>(a: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 14, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: a });
  /** Mostly the good value, now and then one that looks right but is not. */
  const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: bad });
  /**
   * An object: required fields mostly present, optional ones maybe, each field mostly good
   * and sometimes nasty; a third of them good but for one defect a user sent (`defects`:
   * field -> the plausible wrong values); now and then a stray key, or not an object at all.
   */
  const body = (
    fields: Record<string, fc.Arbitrary<unknown>>,
    required: string[] = [],
    defects: Record<string, fc.Arbitrary<unknown>> = {},
  ) =>
    fc
      .tuple(
        fc.record(Object.fromEntries(Object.entries(fields).map(([k, a]) => [k, maybe(a)])), {
          requiredKeys: required,
        }),
        /** Now and then a required field left out, or a stray field added (1 in 15 each). */
        rarely(required.length > 0 ? fc.constantFrom(...required) : fc.constant(null)),
        rarely(fc.constantFrom("colour", "warp", "__proto__x", "nested")),
        fc.oneof({ weight: 25, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: nasty }),
        Object.keys(defects).length > 0
          ? fc.oneof(
              { weight: 2, arbitrary: fc.constant(null) },
              {
                weight: 1,
                arbitrary: fc.oneof(
                  ...Object.entries(defects).map(([k, a]) => a.map((v) => [k, v] as [string, unknown])),
                ),
              },
            )
          : fc.constant(null),
      )
      .map(([obj, drop, stray, replace, defect]) => {
        if (replace !== null) return replace; // the whole body is not an object
        const out: Record<string, unknown> = { ...obj };
        if (defect) out[defect[0]] = defect[1];
        if (drop) delete out[drop];
        if (stray) out[stray] = { deep: [1, "x"] };
        return out;
      });

  const fuzzIds = fc.constantFrom("FZ-1", "FZ-2", "FZ-3");
  const villageIds = scenario.villages.map((v) => v.id);
  const pick = <T>(list: T[]) => fc.constantFrom(...list);
  const idOf = (existing: string[]) =>
    fc.oneof(
      { weight: 3, arbitrary: fuzzIds },
      { weight: 2, arbitrary: pick(existing) },
      { weight: 1, arbitrary: nastyString },
    );
  const unreal = fc.constantFrom("2027-02-30T20:00:00+08:00", "2027-01-03T25:00:00+08:00", "soon");
  /** Early and late instants: a cut-off or readyAt is mostly early, a departure or sailBy late. */
  const early = mostly(fc.constantFrom("2026-12-29T08:00:00+08:00", "2026-12-31T20:00:00+08:00"), unreal);
  const late = mostly(fc.constantFrom("2027-01-02T10:00:00+08:00", "2027-01-05T06:00:00Z"), unreal);
  const clock = mostly(
    fc.constantFrom("07:00", "11:00", "13:00", "16:00", "24:00"),
    fc.constantFrom("25:00", "7:00"),
  );
  const place = {
    name: fc.string({ maxLength: 20 }),
    lat: fc.double({ min: -5, max: 3, noNaN: true }),
    lon: fc.double({ min: 110, max: 118, noNaN: true }),
    x: fc.double({ min: -100, max: 100, noNaN: true }),
    timeZone: mostly(fc.constantFrom("Asia/Makassar", "Asia/Jakarta"), fc.constant("Mars/Olympus")),
    island: fc.constantFrom("Kalimantan", "Pulau Laut"),
  };
  const located = ["id", "lat", "lon"];
  /** What users sent that looked right: a 2,700-character id, NUL in a name, no coordinates. */
  const longId = fc.constant("X".repeat(2700));
  const placeDefects = {
    id: longId,
    name: fc.constant("Desa\u0000Baru"),
    lat: fc.constant(undefined),
    island: fc.constant("p".repeat(300)),
  };
  const village = body(
    {
      ...place,
      id: fuzzIds,
      bumdes: fc.string({ maxLength: 10 }),
      pickupWindows: fc.array(fc.record({ open: clock, close: clock }), { maxLength: 3 }),
      serviceMinutes: fc.integer({ min: 0, max: 60 }),
    },
    located,
    {
      ...placeDefects,
      pickupWindows: fc.constant([{ open: "11:00", close: "07:00" }]),
      serviceMinutes: fc.constantFrom(1e308, 100000),
      bumdes: fc.constant("BUMDes\u0000"),
    },
  );
  const port = body({ ...place, id: fuzzIds }, located, placeDefects);
  const typeIds = scenario.containerTypes.map((t) => t.id);
  const depot = body(
    {
      ...place,
      id: fuzzIds,
      fleet: fc.dictionary(
        fc.oneof(pick(typeIds), fc.constantFrom("C9T", "a\u0000")),
        fc.oneof(fc.nat(20), nasty),
        {
          maxKeys: 2,
        },
      ),
    },
    located,
    { ...placeDefects, fleet: fc.constant({ C3T: 2147483648 }) },
  );
  const sailing = body(
    {
      id: fuzzIds,
      port: fc.oneof(pick(scenario.ports.map((p) => p.id)), fc.constant("XXNOP")),
      departure: late,
      cutoff: early,
      destinations: fc.array(fc.constantFrom("SG", "CN", "", "JP"), { maxLength: 3 }),
      maxContainers: fc.nat(20),
      maxBoxes: fc.nat(5),
    },
    ["id", "port", "departure", "cutoff"],
    {
      departure: fc.constantFrom("2027-02-30T20:00:00+08:00", "2026-12-28T00:00:00+08:00"),
      maxContainers: fc.constant(2147483648),
      destinations: fc.constant(["S\u0000G"]),
      id: longId,
    },
  );
  const containerType = body(
    {
      id: fuzzIds,
      maxWeightKg: fc.double({ min: 1, max: 5000, noNaN: true }),
      maxVolumeM3: fc.double({ min: 0.1, max: 20, noNaN: true }),
      reefer: fc.boolean(),
      fixedCost: fc.nat(3_000_000),
      costPerKm: fc.nat(20_000),
      boxSlots: fc.integer({ min: 1, max: 3 }),
      tareKg: fc.nat(500),
    },
    ["id", "maxWeightKg", "maxVolumeM3"],
    { maxWeightKg: fc.constant(1e308), fixedCost: fc.constant(1e300), id: longId },
  );
  const boxType = body(
    {
      id: fuzzIds,
      slots: fc.integer({ min: 1, max: 4 }),
      maxWeightKg: fc.double({ min: 1, max: 30000, noNaN: true }),
      reefer: fc.boolean(),
      freight: fc.nat(20_000_000),
    },
    ["id", "slots", "maxWeightKg"],
    { slots: fc.constant(2147483648), maxWeightKg: fc.constant(1e308) },
  );
  const shipment = body(
    {
      id: fc.oneof(fuzzIds, fc.constant(undefined), pick(scenario.shipments.map((s) => s.id))),
      village: fc.oneof(
        { weight: 4, arbitrary: pick(villageIds) },
        { weight: 1, arbitrary: fc.constant("ghost") },
      ),
      product: fc.constantFrom("coffee", "avocado", "dried-seaweed"),
      handling: mostly(fc.constantFrom(...HANDLING_CLASSES), fc.constant("hot")),
      weightKg: fc.double({ min: 1, max: 2000, noNaN: true }),
      volumeM3: fc.double({ min: 0, max: 5, noNaN: true }),
      packages: fc.integer({ min: 1, max: 20 }),
      readyAt: early,
      sailBy: late,
      destination: fc.constantFrom("SG", "CN"),
      exporter: fc.constantFrom("EXP1", "EXP2"),
    },
    ["village", "weightKg"],
    {
      weightKg: fc.constant(1e308),
      packages: fc.constant(2147483648),
      product: fc.constantFrom("kopi\u0000", "p".repeat(300)),
      readyAt: fc.constantFrom("2027-02-30T08:00:00+08:00", "2027-01-06T08:00:00+08:00"),
      id: longId,
      exporter: fc.constant("EXP\u0007"),
    },
  );
  /** CSV cells by column: mostly what fits, sometimes what users typed. */
  const badCell = fc.constantFrom(
    "0x10",
    "1e3",
    "12,5",
    "Infinity",
    "-3",
    "ghost",
    '"quoted, cell"',
    'bro"ken',
    "nul\u0000",
    "x".repeat(300),
    "",
  );
  const CSV_GOOD: Record<string, fc.Arbitrary<string>> = {
    id: fc.nat(40).map((n) => `FZ-C${n}`),
    village: pick(villageIds),
    product: fc.constantFrom("coffee", "avocado"),
    handling: fc.constantFrom("dry", "general"),
    weightKg: fc.constantFrom("12.5", "300", "1000"),
    volumeM3: fc.constantFrom("0.5", "2"),
    packages: fc.constantFrom("1", "4"),
    readyAt: early.map(String),
    sailBy: late.map(String),
    destination: fc.constantFrom("SG", "CN"),
    exporter: fc.constantFrom("EXP1", "EXP2"),
    kilos: fc.constant("7"),
  };
  const csvHeader = mostly(
    fc.constantFrom<string[]>(
      ["id", "village", "weightKg", "product"],
      ["village", "weightKg", "readyAt", "sailBy"],
    ),
    fc.array(fc.constantFrom(...Object.keys(CSV_GOOD)), { minLength: 1, maxLength: 6 }),
  );
  const csv = csvHeader.chain((header) =>
    fc
      .array(fc.tuple(...header.map((c) => mostly(CSV_GOOD[c], badCell))), { minLength: 1, maxLength: 4 })
      .map((rows) => [header.join(","), ...rows.map((r) => r.join(","))].join("\n")),
  );
  const settings = body({
    objective: mostly(fc.constantFrom("cost", "distance"), fc.constant("speed")),
    travel: body({
      metric: mostly(fc.constant("road"), fc.constantFrom("euclidean", "matrix")),
      roadFactor: fc.double({ min: 1, max: 2, noNaN: true }),
      speedKmh: fc.double({ min: 20, max: 80, noNaN: true }),
    }),
    rules: body({
      neverTogether: fc.array(fc.tuple(fc.constantFrom("coffee", "tea"), nastyString), { maxLength: 2 }),
    }),
  });
  const keySpec = body(
    {
      role: mostly(fc.constantFrom("coordinator", "bumdes", "exporter"), fc.constant("admin")),
      label: fc.string({ maxLength: 20 }),
      villages: fc.array(fc.oneof(pick(villageIds), fc.constant("ghost")), { maxLength: 3 }),
      exporter: mostly(fc.constant("EXP1"), fc.constantFrom("   ", "")),
    },
    ["role"],
    { villages: fc.constant(["ghost"]), exporter: fc.constant("   "), label: fc.constant("key\u0000") },
  );

  /** One generator per write route. */
  const ROUTES: Record<string, (ids: () => string[]) => fc.Arbitrary<Omit<FuzzRequest, "route" | "key">>> =
    {};
  const reference = (path: string, existing: string[], item: fc.Arbitrary<unknown>) => {
    ROUTES[`POST /v1/${path}`] = () => item.map((json) => ({ method: "POST", path: `/v1/${path}`, json }));
    ROUTES[`PUT /v1/${path}/:id`] = () =>
      fc
        .tuple(idOf(existing), item)
        .map(([id, json]) => ({ method: "PUT", path: `/v1/${path}/${enc(id)}`, json }));
    ROUTES[`DELETE /v1/${path}/:id`] = () =>
      idOf(existing).map((id) => ({ method: "DELETE", path: `/v1/${path}/${enc(id)}` }));
  };
  reference("villages", villageIds, village);
  reference(
    "ports",
    scenario.ports.map((p) => p.id),
    port,
  );
  reference(
    "depots",
    scenario.depots.map((d) => d.id),
    depot,
  );
  reference(
    "sailings",
    (scenario.sailings ?? []).map((s) => s.id),
    sailing,
  );
  reference("container-types", typeIds, containerType);
  reference("box-types", ["20GP"], boxType);
  const shipmentIds = scenario.shipments.map((s) => s.id);
  ROUTES["POST /v1/shipments"] = () =>
    shipment.map((json) => ({ method: "POST", path: "/v1/shipments", json }));
  ROUTES["POST /v1/shipments/batch"] = () =>
    fc
      .oneof(
        { weight: 5, arbitrary: fc.array(shipment, { maxLength: 4 }).map((shipments) => ({ shipments })) },
        { weight: 1, arbitrary: body({ shipments: fc.array(shipment, { maxLength: 2 }) }) },
      )
      .map((json) => ({ method: "POST", path: "/v1/shipments/batch", json }));
  ROUTES["POST /v1/shipments/import"] = () =>
    fc
      .tuple(csv, fc.constantFrom("text/csv", "text/csv", "application/json"))
      .map(([raw, type]) => ({ method: "POST", path: "/v1/shipments/import", raw, type }));
  ROUTES["POST /v1/shipments/:id/cancel"] = () =>
    idOf(shipmentIds).map((id) => ({
      method: "POST",
      path: `/v1/shipments/${enc(id)}/cancel`,
    }));
  ROUTES["DELETE /v1/shipments/:id"] = () =>
    idOf(shipmentIds).map((id) => ({ method: "DELETE", path: `/v1/shipments/${enc(id)}` }));
  ROUTES["POST /v1/containers/:id/status"] = (ids) =>
    fc
      .tuple(
        fc.oneof(pick(ids()), nastyString),
        body({ status: fc.constantFrom("confirmed", "at-port", "sailed", "planned", "superseded") }),
      )
      .map(([id, json]) => ({
        method: "POST",
        path: `/v1/containers/${enc(id)}/status`,
        json,
      }));
  ROUTES["POST /v1/containers/:id/stops/:index/picked-up"] = (ids) =>
    fc
      .tuple(
        fc.oneof(pick(ids()), nastyString),
        fc.constantFrom("0", "1", "5", "-1", "abc", "99999999999999999999"),
      )
      .map(([id, index]) => ({
        method: "POST",
        path: `/v1/containers/${enc(id)}/stops/${index}/picked-up`,
      }));
  ROUTES["POST /v1/shipments/:id/assign"] = (ids) =>
    fc
      .tuple(
        idOf(shipmentIds),
        body({ container: fc.oneof(pick(ids()), fc.constant("v9-CNT-999")) }, ["container"]),
      )
      .map(([id, json]) => ({ method: "POST", path: `/v1/shipments/${enc(id)}/assign`, json }));
  ROUTES["POST /v1/keys"] = () => keySpec.map((json) => ({ method: "POST", path: "/v1/keys", json }));
  ROUTES["DELETE /v1/keys/:id"] = () =>
    fc
      .oneof(
        fc.constant("00000000-0000-4000-8000-000000000000"),
        fc.constant("not-a-uuid"),
        fc.constant("__self__"),
        nastyString,
      )
      .map((id) => ({ method: "DELETE", path: `/v1/keys/${enc(id)}` }));
  // The queue dashboard's session: a cookie traded for a key, no row written.
  ROUTES["POST /admin/session"] = () => fc.constant({ method: "POST", path: "/admin/session" });
  ROUTES["DELETE /admin/session"] = () => fc.constant({ method: "DELETE", path: "/admin/session" });
  ROUTES["PUT /v1/settings/planning"] = () =>
    settings.map((json) => ({ method: "PUT", path: "/v1/settings/planning", json }));

  it("covers every write route of the app", () => {
    const app = createApp({ ...stack.runtime.deps, metrics: undefined });
    const writes = listRoutes(app)
      .filter((r) => r.method !== "GET" && r.method !== "HEAD")
      .map((r) => `${r.method} ${r.path}`);
    const uncovered = writes.filter((r) => !ROUTES[r] && !LEFT_TO_OTHER_TESTS[r]);
    expect(uncovered, "write routes without a fuzz generator").to.deep.equal([]);
  });

  it(`sends ${REQUESTS} fuzzed writes: no 5xx, and no write on a refused request`, async () => {
    const ids = () => containerIds;
    const routeNames = Object.keys(ROUTES);
    const keyOf = fc.oneof(
      { weight: 17, arbitrary: fc.constant("coordinator") },
      { weight: 1, arbitrary: fc.constantFrom("bumdes", "exporter", "unknown") },
    );
    const request = fc
      .tuple(fc.constantFrom(...routeNames), keyOf, fc.nat(199))
      .chain(([route, key, oversize]) =>
        ROUTES[route](ids).map((r) => {
          // About one request in 200 carries a body over the 1 MB limit.
          const json =
            oversize === 0 && r.json !== undefined
              ? { ...(r.json as object), pad: "z".repeat(1_100_000) }
              : r.json;
          return { ...r, json, route, key };
        }),
      );
    const requests = fc.sample(request, { seed: SEED, numRuns: REQUESTS });
    const tally: Record<string, number> = {};
    const debug: Record<string, number> = {};
    const serverErrors: string[] = [];
    const writesOnRefusal: string[] = [];
    const badShapes: string[] = [];
    const ds = stack.runtime.deps.dataSource;
    const started = Date.now();
    // One snapshot per request: the one after a request is the one before the next.
    let current = await fingerprintTables(ds);
    for (const r of requests) {
      const path = r.path.replace("__self__", bootstrapKeyId);
      const res = await stack.client.call(r.method, path, {
        key: keys[r.key],
        ...(r.raw !== undefined
          ? { raw: r.raw, type: r.type }
          : r.json !== undefined
            ? { json: r.json }
            : {}),
      });
      const after = await fingerprintTables(ds);
      const cls = `${Math.floor(res.status / 100)}xx`;
      tally[cls] = (tally[cls] ?? 0) + 1;
      const what = `${r.method} ${path.slice(0, 120)} as ${r.key} ${JSON.stringify(r.json ?? r.raw ?? "")?.slice(0, 200)}`;
      if (res.status >= 500) serverErrors.push(`${res.status} ${what}: ${res.text.slice(0, 300)}`);
      if (res.status >= 400 && res.status < 500) {
        const changes = changedTables(current, after);
        if (changes.length > 0) writesOnRefusal.push(`${res.status} ${what}: wrote ${changes.join(", ")}`);
        const errors = res.body?.errors;
        const shaped =
          Array.isArray(errors) &&
          errors.length > 0 &&
          errors.every(
            (e: unknown) =>
              typeof (e as { path?: unknown }).path === "string" &&
              typeof (e as { message?: unknown }).message === "string",
          );
        if (!shaped) badShapes.push(`${res.status} ${what}: ${res.text.slice(0, 200)}`);
      }
      current = after;
      // FUZZ_DEBUG=N prints the N commonest answers per route: what the generators reach.
      if (process.env.FUZZ_DEBUG) {
        const k = `${r.route} ${r.key} ${res.status} ${res.body?.errors?.[0]?.path ?? ""}: ${String(res.body?.errors?.[0]?.message ?? "").slice(0, 50)}`;
        debug[k] = (debug[k] ?? 0) + 1;
      }
    }
    if (process.env.FUZZ_DEBUG)
      console.log(
        Object.entries(debug)
          .sort((a, b) => b[1] - a[1])
          .slice(0, Number(process.env.FUZZ_DEBUG) || 60)
          .map(([k, n]) => `${n} ${k}`)
          .join("\n"),
      );
    console.log(
      `      fuzz: ${requests.length} requests (seed ${SEED}) in ${Date.now() - started} ms: ${JSON.stringify(tally)}, 5xx ${serverErrors.length}`,
    );
    expect(serverErrors, "5xx answers").to.deep.equal([]);
    expect(writesOnRefusal, "refused requests that wrote").to.deep.equal([]);
    expect(badShapes, "4xx answers without {errors:[{path,message}]}").to.deep.equal([]);
    expect(tally["2xx"] ?? 0, "some fuzzed writes should succeed").to.be.greaterThan(20);
    expect(tally["4xx"] ?? 0).to.be.greaterThan(REQUESTS / 3);
  });

  it("afterwards every stored record is one the planner can use (what was accepted was valid)", async () => {
    const ds = stack.runtime.deps.dataSource;
    const rows = async <E extends ObjectLiteral>(entity: EntityTarget<E>, toItem: (row: E) => unknown) =>
      (await ds.getRepository(entity).find()).map(toItem);
    const stored: [RecordKind, unknown[]][] = [
      ["villages", await rows(VillageEntity, villageFromRow)],
      ["ports", await rows(PortEntity, portFromRow)],
      ["depots", await rows(DepotEntity, depotFromRow)],
      ["sailings", await rows(SailingEntity, sailingFromRow)],
      ["containerTypes", await rows(ContainerTypeEntity, containerTypeFromRow)],
      ["shipments", await rows(ShipmentEntity, shipmentFromRow)],
    ];
    const invalid = stored.flatMap(([kind, items]) =>
      items.flatMap((item) =>
        recordErrors(kind, item, { metric: "road" }).map(
          (e) => `${kind} ${(item as { id: string }).id}: ${e.path} ${e.message}`,
        ),
      ),
    );
    expect(invalid).to.deep.equal([]);
  });

  it("afterwards every GET route answers and a planning run still completes with a checked plan", async () => {
    const call = (path: string) => stack.client.call("GET", path, { key: stack.key });
    const first = async (list: string) =>
      ((await call(list)).body.items?.[0]?.id as string | undefined) ?? "none";
    const { run } = await planChecked(stack.client, stack.key, {
      region: "Kalimantan",
      horizon: scenario.horizon,
    });

    const idFor: Record<string, string> = {
      "/v1/villages": await first("/v1/villages"),
      "/v1/ports": await first("/v1/ports"),
      "/v1/depots": await first("/v1/depots"),
      "/v1/sailings": await first("/v1/sailings"),
      "/v1/container-types": await first("/v1/container-types"),
      "/v1/box-types": await first("/v1/box-types"),
      "/v1/boxes": await first("/v1/boxes"),
      "/v1/shipments": await first("/v1/shipments"),
      "/v1/containers": await first("/v1/containers"),
      "/v1/plans": run.id,
      "/v1/jobs": run.id,
      "/exports/containers": await first("/v1/containers"),
      "/exports/boxes": await first("/v1/boxes"),
      "/exports/villages": await first("/v1/villages"),
    };
    const failures: string[] = [];
    for (const route of listRoutes(createApp({ ...stack.runtime.deps, metrics: undefined })).filter(
      (r) => r.method === "GET",
    )) {
      const base = Object.keys(idFor).find((b) => route.path.startsWith(`${b}/:`));
      if (route.path.includes("/:") && (!base || idFor[base] === "none")) continue; // nothing of that kind exists
      let url = base ? route.path.replace(/:(id|village)/, enc(idFor[base])) : route.path;
      if (url === "/web/data/pickups") url += `?village=${enc(idFor["/v1/villages"])}`;
      const res = await call(url);
      // 409: a clear answer about the item's state (the late-shipment options of a cancelled one).
      if (res.status !== 200 && res.status !== 409)
        failures.push(`${url}: ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(failures).to.deep.equal([]);
  });
});
