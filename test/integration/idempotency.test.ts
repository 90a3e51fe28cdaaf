/**
 * Retries are safe: village connections drop and people press twice. With an
 * `Idempotency-Key` header, shipment creation, batch, CSV import and `POST /v1/plans`
 * write once; a repeat (even one sent at the same moment) gets the first answer back.
 * On the embedded default (PGlite) and on PostgreSQL.
 */
import { randomUUID } from "node:crypto";
import { expect } from "chai";
import { loadScenario } from "../../services/seed/demo-data.js";
import { createApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { exampleScenario } from "./support/fixtures.js";
import type { Reply } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";

for (const database of ["embedded", "postgresql"] as const) {
  describe(`Idempotency-Key on ${database === "embedded" ? "the embedded PGlite" : "PostgreSQL"}`, function () {
    this.timeout(180000);
    let stack: Stack;
    const scenario = exampleScenario();
    const village = scenario.villages[0].id;
    const plan = { region: "Kalimantan", horizon: scenario.horizon, timeLimitSeconds: 0.2 };

    before(async () => {
      stack = await startStack({ queue: "in-process", name: `idempotency-${database}`, database });
      await loadScenario(stack.runtime.deps.dataSource, scenario);
    });
    after(async () => {
      await stack?.close();
    });

    const send = (
      method: string,
      path: string,
      options: { json?: unknown; raw?: string; type?: string; idem?: string; key?: string } = {},
    ) =>
      stack.client.call(method, path, {
        key: options.key ?? stack.key,
        json: options.json,
        raw: options.raw,
        type: options.type,
        headers: options.idem ? { "idempotency-key": options.idem } : {},
      });
    const count = async (sql: string) => Number((await stack.runtime.deps.dataSource.query(sql))[0].n);
    const shipments = () => count(`SELECT count(*) AS n FROM "shipment"`);
    const runs = () => count(`SELECT count(*) AS n FROM "planning_run"`);
    const same = (a: Reply, b: Reply) => {
      expect(b.status).to.equal(a.status);
      expect(b.body).to.deep.equal(a.body);
      expect(b.headers.get("location")).to.equal(a.headers.get("location"));
    };

    it("creates a shipment once when the same request is sent twice, answering the first answer again", async () => {
      const before = await shipments();
      const idem = randomUUID();
      const json = { village, weightKg: 120, product: "coffee" }; // no id: the server picks one
      const first = await send("POST", "/v1/shipments", { json, idem });
      expect(first.status, JSON.stringify(first.body)).to.equal(201);
      const again = await send("POST", "/v1/shipments", { json, idem });
      same(first, again);
      expect(again.headers.get("idempotent-replayed")).to.equal("true");
      expect(first.headers.get("idempotent-replayed")).to.equal(null);
      expect(await shipments()).to.equal(before + 1);
    });

    it("writes once for two identical requests sent at the same moment", async () => {
      for (const [path, json] of [
        ["/v1/shipments", { village, weightKg: 77 }],
        [
          "/v1/shipments/batch",
          {
            shipments: [
              { village, weightKg: 5 },
              { village, weightKg: 6 },
            ],
          },
        ],
      ] as const) {
        const before = await shipments();
        const idem = randomUUID();
        const replies = await Promise.all([1, 2, 3].map(() => send("POST", path, { json, idem })));
        expect(replies.map((r) => r.status)).to.deep.equal([201, 201, 201]);
        same(replies[0], replies[1]);
        same(replies[0], replies[2]);
        expect(replies.filter((r) => r.headers.get("idempotent-replayed") === "true")).to.have.length(2);
        expect(await shipments()).to.equal(before + (path === "/v1/shipments" ? 1 : 2));
      }
    });

    it("imports a CSV once", async () => {
      const before = await shipments();
      const idem = randomUUID();
      const raw = `village,weightKg,product\n${village},40,coffee\n${village},41,coffee\n`;
      const first = await send("POST", "/v1/shipments/import", { raw, type: "text/csv", idem });
      expect(first.status, first.text).to.equal(201);
      same(first, await send("POST", "/v1/shipments/import", { raw, type: "text/csv", idem }));
      expect(await shipments()).to.equal(before + 2);
    });

    it("starts one planning run for a doubled POST /v1/plans, also when both arrive together", async () => {
      const before = await runs();
      const idem = randomUUID();
      const [a, b] = await Promise.all([
        send("POST", "/v1/plans", { json: plan, idem }),
        send("POST", "/v1/plans", { json: plan, idem }),
      ]);
      expect(a.status, JSON.stringify(a.body)).to.equal(202);
      same(a, b);
      const c = await send("POST", "/v1/plans", { json: plan, idem });
      same(a, c);
      expect(await runs()).to.equal(before + 1);
    });

    it("refuses the same key with another body (422), writing nothing", async () => {
      const idem = randomUUID();
      expect((await send("POST", "/v1/shipments", { json: { village, weightKg: 1 }, idem })).status).to.equal(
        201,
      );
      const before = await shipments();
      const other = await send("POST", "/v1/shipments", { json: { village, weightKg: 2 }, idem });
      expect(other.status).to.equal(422);
      expect(other.body.errors).to.deep.equal([
        {
          path: "(header).idempotency-key",
          message:
            "was already used for a different request (POST /v1/shipments with another body); send a new key for a new request",
        },
      ]);
      const elsewhere = await send("POST", "/v1/shipments/batch", {
        json: { shipments: [{ village, weightKg: 1 }] },
        idem,
      });
      expect(elsewhere.status).to.equal(422);
      expect(await shipments()).to.equal(before);
    });

    it("keeps each key's idempotency keys apart", async () => {
      const other = (await createApiKey(stack.runtime.deps.dataSource.manager, { role: "coordinator" })).key;
      const idem = randomUUID();
      const before = await shipments();
      const json = { village, weightKg: 3 };
      const mine = await send("POST", "/v1/shipments", { json, idem });
      const theirs = await send("POST", "/v1/shipments", { json, idem, key: other });
      expect([mine.status, theirs.status]).to.deep.equal([201, 201]);
      expect(theirs.body.id).to.not.equal(mine.body.id);
      expect(await shipments()).to.equal(before + 2);
    });

    it("lets a refused request be retried with the same key: nothing was written", async () => {
      const idem = randomUUID();
      const bad = await send("POST", "/v1/shipments", { json: { village, weightKg: -1 }, idem });
      expect(bad.status).to.equal(400);
      const good = await send("POST", "/v1/shipments", { json: { village, weightKg: 1 }, idem });
      expect(good.status).to.equal(201);
    });

    it("forgets a key after 24 hours", async () => {
      const idem = randomUUID();
      const json = { village, weightKg: 9 };
      const first = await send("POST", "/v1/shipments", { json, idem });
      await stack.runtime.deps.dataSource.query(
        `UPDATE "idempotency_key" SET "createdAt" = now() - interval '25 hours' WHERE "key" = $1`,
        [idem],
      );
      const later = await send("POST", "/v1/shipments", { json, idem });
      expect(later.status).to.equal(201);
      expect(later.body.id).to.not.equal(first.body.id);
      expect(later.headers.get("idempotent-replayed")).to.equal(null);
      expect(
        await count(
          `SELECT count(*) AS n FROM "idempotency_key" WHERE "createdAt" < now() - interval '24 hours'`,
        ),
      ).to.equal(0);
    });

    it("names a malformed key", async () => {
      const res = await send("POST", "/v1/shipments", {
        json: { village, weightKg: 1 },
        idem: "x".repeat(300),
      });
      expect(res.status).to.equal(400);
      expect(res.body.errors[0].path).to.equal("(header).idempotency-key");
    });
  });
}
