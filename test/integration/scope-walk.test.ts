/**
 * Every GET route of the app, walked with each role (coordinator, BUMDes, exporter) and
 * with ids it owns, ids of others and ids that do not exist. The routes come from the
 * express router stack, so a route added later is walked too, and the walk fails until
 * this file says what ids the new route takes. What must hold:
 *  - nothing of a shipment the key may not see (id, product, exporter, weight) appears
 *    in any answer: JSON, CSV, HTML, iCalendar, GeoJSON, errors;
 *  - an item of others answers exactly like an item that does not exist (404; or 403
 *    when the role may not use the route at all), so a key learns nothing about it;
 *  - no 5xx, and errors keep the shape {"errors":[{path,message}]}.
 */
import { randomUUID } from "node:crypto";
import { expect } from "chai";
import { createApp } from "../../services/api/app.js";
import { policyFor } from "../../services/read-model/access-policy.js";
import { findVisibleBox, scopeBoxes } from "../../services/read-model/scoped-reads.js";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import type { Scenario, Shipment } from "../../shared/core/model/scenario.js";
import { createApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { BoxEntity } from "../../shared/infra/db/entities/box.entity.js";
import { BoxContainerEntity } from "../../shared/infra/db/entities/box-container.entity.js";
import { BoxTypeEntity } from "../../shared/infra/db/entities/box-type.entity.js";
import { createMetrics } from "../../shared/infra/metrics.js";
import { formatKg } from "../../shared/views/number-format.js";
import { seedReference, seedShipments, storeFixturePlan } from "../e2e/support/seed-fixture.js";
import { listRoutes } from "./support/express-routes.js";
import { type Client, serve, waitFor } from "./support/http-client.js";
import { scopeFixture, shipmentTokens } from "./support/scope-fixture.js";
import { type Stack, startStack } from "./support/stack.js";

const NOW = new Date("2026-12-20T00:00:00Z");

type Role = "coordinator" | "bumdes" | "exporter";
type Kind =
  | "shipment"
  | "container"
  | "village"
  | "run"
  | "job"
  | "villages"
  | "ports"
  | "depots"
  | "sailings"
  | "container-types"
  | "box-types"
  | "box";

/**
 * What each GET route takes. `{kind}` in the path is an item probe (own, foreign and
 * missing ids); in the query it is a filter (every id, leak-checked). A GET route not
 * listed here fails the walk: say what it takes, and it is walked.
 */
const COVERAGE: Record<string, string[]> = {
  "GET /health": ["/health"],
  "GET /metrics": ["/metrics"],
  "GET /openapi.json": ["/openapi.json"],
  "GET /docs/init.js": ["/docs/init.js"],
  "GET /docs": ["/docs"],
  "GET /docs/": ["/docs/"],
  "GET /admin/login": ["/admin/login"],
  "GET /admin/login.js": ["/admin/login.js"],
  "GET /v1/villages": ["/v1/villages"],
  "GET /v1/villages/:id": ["/v1/villages/{villages}"],
  "GET /v1/ports": ["/v1/ports"],
  "GET /v1/ports/:id": ["/v1/ports/{ports}"],
  "GET /v1/depots": ["/v1/depots"],
  "GET /v1/depots/:id": ["/v1/depots/{depots}"],
  "GET /v1/sailings": ["/v1/sailings"],
  "GET /v1/sailings/:id": ["/v1/sailings/{sailings}"],
  "GET /v1/container-types": ["/v1/container-types"],
  "GET /v1/container-types/:id": ["/v1/container-types/{container-types}"],
  "GET /v1/box-types": ["/v1/box-types"],
  "GET /v1/box-types/:id": ["/v1/box-types/{box-types}"],
  "GET /v1/boxes": ["/v1/boxes", "/v1/boxes?current=false", "/v1/boxes?sailing=IDBDJ-1"],
  "GET /v1/boxes/:id": ["/v1/boxes/{box}"],
  "GET /v1/statements": [
    "/v1/statements",
    "/v1/statements?by=exporter",
    "/v1/statements?by=bumdes&format=csv",
    "/v1/statements?by=exporter&format=csv&from=2026-12-01&to=2026-12-31",
  ],
  "GET /v1/shipments": [
    "/v1/shipments?limit=500",
    "/v1/shipments?village={village}",
    "/v1/shipments?exporter=EXPORTER-ALPHA",
    "/v1/shipments?exporter=EXPORTER-BRAVO",
    "/v1/shipments?status=unassigned",
  ],
  "GET /v1/shipments/:id": ["/v1/shipments/{shipment}"],
  "GET /v1/shipments/:id/options": ["/v1/shipments/{shipment}/options"],
  "GET /v1/jobs/:id": ["/v1/jobs/{job}"],
  "GET /v1/plans": ["/v1/plans"],
  "GET /v1/plans/:id": ["/v1/plans/{run}"],
  "GET /v1/plans/:id/scenario": ["/v1/plans/{run}/scenario"],
  "GET /v1/plans/:id/plan": ["/v1/plans/{run}/plan"],
  "GET /v1/plans/:id/containers": ["/v1/plans/{run}/containers"],
  "GET /v1/containers": ["/v1/containers", "/v1/containers?current=false", "/v1/containers?port=IDJAP"],
  "GET /v1/containers/:id": ["/v1/containers/{container}"],
  "GET /v1/me": ["/v1/me"],
  "GET /v1/keys": ["/v1/keys"],
  "GET /v1/settings/planning": ["/v1/settings/planning"],
  "GET /v1/audit": ["/v1/audit", "/v1/audit?resource=container"],
  "GET /": ["/", "/?lang=en"],
  "GET /web/dashboard.js": ["/web/dashboard.js"],
  "GET /web/dashboard-boxes.js": ["/web/dashboard-boxes.js"],
  "GET /web/dashboard.css": ["/web/dashboard.css"],
  "GET /web/data/me": ["/web/data/me"],
  "GET /web/data/dashboard": ["/web/data/dashboard", "/web/data/dashboard?lang=en"],
  "GET /web/data/pickups": ["/web/data/pickups?village={village}"],
  "GET /web/data/containers": ["/web/data/containers", "/web/data/containers?lang=en"],
  "GET /web/data/boxes": ["/web/data/boxes", "/web/data/boxes?lang=en"],
  "GET /web/data/late": ["/web/data/late"],
  "GET /web/data/late/:id/options": ["/web/data/late/{shipment}/options"],
  "GET /web/data/costs": ["/web/data/costs", "/web/data/costs?village={village}"],
  "GET /exports/villages/:village/pickups.ics": ["/exports/villages/{village}/pickups.ics"],
  "GET /exports/villages/:village/pickups.csv": ["/exports/villages/{village}/pickups.csv"],
  "GET /exports/containers/:id/manifest.csv": ["/exports/containers/{container}/manifest.csv"],
  "GET /exports/containers/:id/manifest.html": [
    "/exports/containers/{container}/manifest.html",
    "/exports/containers/{container}/manifest.html?lang=en",
  ],
  "GET /exports/manifest.csv": ["/exports/manifest.csv", "/exports/manifest.csv?lang=en"],
  "GET /exports/manifest.html": ["/exports/manifest.html"],
  "GET /exports/routes.geojson": ["/exports/routes.geojson"],
  "GET /exports/boxes/:id/stuffing.csv": ["/exports/boxes/{box}/stuffing.csv"],
  "GET /exports/boxes/:id/stuffing.html": ["/exports/boxes/{box}/stuffing.html?lang=en"],
  "GET /exports/stuffing.csv": ["/exports/stuffing.csv"],
  "GET /exports/stuffing.html": ["/exports/stuffing.html", "/exports/stuffing.html?sailing=IDBDJ-1"],
  "GET /exports/statements/bumdes.html": [
    "/exports/statements/bumdes.html",
    "/exports/statements/bumdes.html?lang=en",
  ],
  "GET /exports/statements/bumdes.csv": ["/exports/statements/bumdes.csv"],
};

/**
 * Headers a route is walked with. /metrics is open to callers on the host itself (the
 * operator's Prometheus); a key holder calls from elsewhere, which a proxy's
 * X-Forwarded-For says: walked so, it needs a coordinator key like any business figure.
 */
const WALK_HEADERS: Record<string, Record<string, string>> = {
  "GET /metrics": { "x-forwarded-for": "203.0.113.7" },
};

/** Who owns a shipment, decided here independently of the service's own policy. */
const OWNS: Record<Role, (s: Shipment) => boolean> = {
  coordinator: () => true,
  bumdes: (s) => s.village === "vA",
  exporter: (s) => s.exporter === "EXPORTER-BRAVO",
};

interface Probe {
  url: string;
  kind?: Kind;
  side?: "own" | "foreign" | "missing";
}

describe("scope walk: every GET route x every role x own, foreign and missing ids", function () {
  this.timeout(180_000);
  let stack: Stack;
  let client: Client;
  let scenario: Scenario;
  const keys = {} as Record<Role, string>;
  const jobs = {} as Record<Role, string>;
  let runId = "";

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "scope-walk" });
    const ds = stack.runtime.deps.dataSource;
    const fixture = scopeFixture();
    scenario = fixture.scenario;
    expect(checkPlan(fixture.scenario, fixture.plan)).to.deep.equal([]);
    await seedReference(ds, scenario);
    await seedShipments(ds, scenario);
    await storeFixturePlan(ds, scenario, fixture.plan);
    await ds.manager.insert(BoxTypeEntity, {
      id: "B40",
      slots: 2,
      maxWeightKg: 26000,
      reefer: null,
      freight: 1,
    });
    client = await serve(createApp({ ...stack.runtime.deps, now: () => NOW, metrics: createMetrics() }));
    keys.coordinator = stack.key;
    keys.bumdes = (await createApiKey(ds.manager, { role: "bumdes", villages: ["vA"] })).key;
    keys.exporter = (await createApiKey(ds.manager, { role: "exporter", exporter: "EXPORTER-BRAVO" })).key;
    runId = (await client.call("GET", "/v1/plans", { key: keys.coordinator })).body.items[0].id;
    // A stateless solve per role, of the shipments that role owns: jobs are items too.
    for (const role of ["coordinator", "bumdes", "exporter"] as Role[]) {
      const own = { ...scenario, shipments: scenario.shipments.filter(OWNS[role]) };
      const res = await client.call("POST", "/v1/solve?timeLimitSeconds=0.2", { key: keys[role], json: own });
      expect(res.status, JSON.stringify(res.body)).to.equal(202);
      jobs[role] = res.body.jobId;
    }
    for (const role of Object.keys(jobs) as Role[]) {
      await waitFor(
        `${role}'s solve`,
        async () => (await client.call("GET", `/v1/jobs/${jobs[role]}`, { key: keys.coordinator })).body,
        (j) => j.state === "completed" || j.state === "failed",
      );
    }
  });
  after(async () => {
    await client?.close();
    await stack?.close();
  });

  function values(role: Role, kind: Kind): { own: string[]; foreign: string[] } {
    const mine = scenario.shipments.filter(OWNS[role]).map((s) => s.id);
    const split = (all: string[], own: (v: string) => boolean) => ({
      own: all.filter(own),
      foreign: all.filter((v) => !own(v)),
    });
    switch (kind) {
      case "shipment":
        return split(
          scenario.shipments.map((s) => s.id),
          (id) => mine.includes(id),
        );
      case "container": {
        const carries: Record<string, string[]> = {
          "v1-C1": ["SHP-ALPHA-VA", "SHP-BRAVO-VB"],
          "v1-C2": ["SHP-DELTA-VP"],
        };
        return split(Object.keys(carries), (c) => carries[c].some((s) => mine.includes(s)));
      }
      case "village":
        return split(["vA", "vB", "vP", "vQ"], (v) =>
          role === "coordinator" ? true : role === "bumdes" ? v === "vA" : false,
        );
      case "box": {
        // the boxes the sea-box test below stores around the fixture's containers
        const holds: Record<string, string[]> = {
          "v1-B1": ["SHP-ALPHA-VA", "SHP-BRAVO-VB"],
          "v1-B2": ["SHP-DELTA-VP"],
        };
        return split(Object.keys(holds), (b) => holds[b].some((s) => mine.includes(s)));
      }
      case "run":
        return { own: [runId], foreign: [] };
      case "job":
        return split(Object.values(jobs), (j) => role === "coordinator" || j === jobs[role]);
      default: {
        const list = {
          villages: "vA",
          ports: "IDBDJ",
          depots: "hub",
          sailings: "IDBDJ-1",
          "container-types": "C3T",
          "box-types": "B40",
        } as const;
        return { own: [list[kind]], foreign: [] };
      }
    }
  }

  function probes(role: Role, template: string): Probe[] {
    const match = /\{([a-z-]+)\}/.exec(template);
    if (!match) return [{ url: template }];
    const kind = match[1] as Kind;
    const { own, foreign } = values(role, kind);
    const inPath = match.index < (template.indexOf("?") === -1 ? template.length : template.indexOf("?"));
    const at = (v: string) => template.replace(match[0], encodeURIComponent(v));
    if (!inPath) return [...own, ...foreign].map((v) => ({ url: at(v), kind }));
    const missing = kind === "run" || kind === "job" ? randomUUID() : "NO-SUCH-ID-42";
    return [
      ...own.map((v) => ({ url: at(v), kind, side: "own" as const })),
      ...foreign.map((v) => ({ url: at(v), kind, side: "foreign" as const })),
      { url: at(missing), kind, side: "missing" as const },
    ];
  }

  /** Strings that must not appear in an answer to this role: what others' shipments give away. */
  function forbiddenTokens(role: Role): string[] {
    const own = scenario.shipments.filter(OWNS[role]);
    const ownTokens = new Set(own.flatMap(shipmentTokens));
    return scenario.shipments
      .filter((s) => !OWNS[role](s))
      .flatMap((s) => [
        ...shipmentTokens(s),
        formatKg(s.weightKg, "en").replace(/\s/g, " "),
        formatKg(s.weightKg, "id").replace(/\s/g, " "),
      ])
      .filter((t) => !ownTokens.has(t));
  }

  const readable = (text: string) =>
    text
      .replace(/\r\n[ \t]/g, "") // iCalendar folds long lines
      .replace(/[\u00a0\u202f]/g, " ")
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"');

  it("knows what every GET route of the app takes", () => {
    const routes = listRoutes(createApp({ ...stack.runtime.deps, now: () => NOW, metrics: createMetrics() }))
      .filter((r) => r.method === "GET")
      .map((r) => `${r.method} ${r.path}`);
    expect(
      routes.filter((r) => !COVERAGE[r]),
      "GET routes the walk does not know: add them to COVERAGE",
    ).to.deep.equal([]);
    expect(
      Object.keys(COVERAGE).filter((r) => !routes.includes(r)),
      "COVERAGE names routes the app no longer has",
    ).to.deep.equal([]);
  });

  it("still shows each key its own shipment inside the container it shares with others", async () => {
    const shared = { bumdes: "SHP-ALPHA-VA", exporter: "SHP-BRAVO-VB" } as const;
    for (const role of ["bumdes", "exporter"] as const) {
      for (const url of [
        "/v1/containers/v1-C1",
        "/v1/containers",
        "/web/data/containers",
        "/exports/containers/v1-C1/manifest.csv",
        "/exports/containers/v1-C1/manifest.html",
        "/exports/manifest.csv",
      ]) {
        const res = await client.call("GET", url, { key: keys[role] });
        expect(res.status, `${role} ${url}`).to.equal(200);
        expect(res.text, `${role} ${url}`).to.include(shared[role]);
      }
    }
    const pickups = await client.call("GET", "/exports/villages/vA/pickups.csv", { key: keys.bumdes });
    expect(pickups.text).to.include("SHP-ALPHA-VA");
  });

  it("shows a sea box to a key that sees a container in it, in SQL as in the predicate", async () => {
    const ds = stack.runtime.deps.dataSource;
    const box = {
      planVersion: 1,
      type: "B40",
      sailing: "IDBDJ-1",
      slots: 2,
      usedSlots: 1,
      maxWeightKg: 26000,
    };
    await ds.manager.insert(BoxEntity, [
      { ...box, id: "v1-B1", weightKg: 2001, freight: 1, current: true },
      { ...box, id: "v1-B2", weightKg: 493.1, freight: 1, current: true },
    ]);
    await ds.manager.insert(BoxContainerEntity, [
      { boxId: "v1-B1", containerId: "v1-C1", position: 0 },
      { boxId: "v1-B2", containerId: "v1-C2", position: 0 },
    ]);
    const seen = async (role: Role) => {
      const principal = (await client.call("GET", "/v1/me", { key: keys[role] })).body;
      const policy = policyFor({
        keyId: principal.id,
        role,
        villages: principal.villages ?? [],
        exporter: principal.exporter,
      });
      const qb = ds.manager.createQueryBuilder(BoxEntity, "b").orderBy("b.id");
      const listed = (await scopeBoxes(qb, "b", policy).getMany()).map((b) => b.id);
      const one = await findVisibleBox(ds.manager, policy, "v1-B2").then(
        () => "visible",
        (e) => String(e.httpStatus),
      );
      return { listed, one };
    };
    expect(await seen("coordinator")).to.deep.equal({ listed: ["v1-B1", "v1-B2"], one: "visible" });
    expect(await seen("bumdes")).to.deep.equal({ listed: ["v1-B1"], one: "404" });
    expect(await seen("exporter")).to.deep.equal({ listed: ["v1-B1"], one: "404" });
  });

  for (const role of ["coordinator", "bumdes", "exporter"] as Role[]) {
    it(`walks every GET route as ${role}: nothing of others' shipments, others' items read as missing`, async () => {
      const problems: string[] = [];
      const tokens = forbiddenTokens(role);
      let calls = 0;
      for (const [route, templates] of Object.entries(COVERAGE)) {
        for (const template of templates) {
          const statuses: Partial<Record<"own" | "foreign" | "missing", Set<number>>> = {};
          for (const probe of probes(role, template)) {
            const res = await client.call("GET", probe.url, {
              key: keys[role],
              headers: WALK_HEADERS[route],
            });
            calls++;
            if (probe.side) {
              statuses[probe.side] ??= new Set();
              statuses[probe.side]?.add(res.status);
            }
            if (res.status >= 500) problems.push(`${probe.url}: ${res.status}`);
            if (res.status >= 400 && !(Array.isArray(res.body?.errors) && res.body.errors[0]?.message)) {
              problems.push(`${probe.url}: ${res.status} without {"errors":[...]}`);
            }
            const text = readable(res.text);
            const asked = decodeURIComponent(probe.url);
            for (const token of tokens) {
              if (!asked.includes(token) && text.includes(token)) {
                problems.push(`${route} ${probe.url} (${res.status}) shows "${token}"`);
              }
            }
          }
          const own = [...(statuses.own ?? [])];
          const foreign = [...(statuses.foreign ?? [])];
          const missing = [...(statuses.missing ?? [])];
          if (missing.length > 0) {
            if (!missing.every((s) => s === 404 || s === 403))
              problems.push(`${template}: a missing id answers ${missing.join(",")}`);
            if (foreign.some((s) => !missing.includes(s)))
              problems.push(`${template}: others' ids answer ${foreign.join(",")}, missing ones ${missing}`);
            if (own.some((s) => s >= 300 && s !== 403))
              problems.push(`${template}: own ids answer ${own.join(",")}`);
            if (own.includes(403) && !missing.includes(403))
              problems.push(`${template}: refused by role (403) yet a missing id answers ${missing}`);
            if (own.some((s) => s < 300) && missing.some((s) => s !== 404))
              problems.push(`${template}: the role reads this route, yet a missing id answers ${missing}`);
          }
        }
      }
      expect(calls).to.be.greaterThan(60);
      expect(problems, `${problems.length} problem(s) in ${calls} calls`).to.deep.equal([]);
    });
  }
});
