/**
 * Rate limits per API key: 429 with Retry-After and the usual error shape once a key is
 * over its minute; other keys carry on; planning has its own, smaller budget; refused
 * keys are limited per address without holding back valid keys. On Redis the count is
 * shared by every API process of the service; without Redis it is kept in memory.
 */
import { expect } from "chai";
import { createApp } from "../../services/api/app.js";
import { loadScenario } from "../../services/seed/demo-data.js";
import { createApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { exampleScenario } from "./support/fixtures.js";
import { type Client, serve } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";

const LIMITS = {
  RATE_LIMIT_PER_MINUTE: "20",
  RATE_LIMIT_PLANNING_PER_MINUTE: "2",
  RATE_LIMIT_REFUSED_PER_MINUTE: "5",
};

for (const queue of ["bullmq", "in-process"] as const) {
  describe(`rate limits per key (${queue === "bullmq" ? "counted in Redis" : "counted in memory"})`, function () {
    this.timeout(120000);
    let stack: Stack;
    const scenario = exampleScenario();

    before(async () => {
      stack = await startStack({ queue, name: "rate-limits", env: LIMITS });
      await loadScenario(stack.runtime.deps.dataSource, scenario);
    });
    after(async () => {
      await stack?.close();
    });

    const newKey = async () =>
      (await createApiKey(stack.runtime.deps.dataSource.manager, { role: "coordinator" })).key;

    it("answers 429 with Retry-After and a JSON error once a key is over its minute, and only that key", async () => {
      const key = await newKey();
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push((await stack.client.call("GET", "/v1/villages", { key })).status);
      expect(statuses.every((s) => s === 200)).to.equal(true);
      const over = await stack.client.call("GET", "/v1/shipments", { key });
      expect(over.status).to.equal(429);
      const retryAfter = Number(over.headers.get("retry-after"));
      expect(retryAfter).to.be.within(1, 60);
      expect(over.body.errors).to.have.length(1);
      expect(over.body.errors[0].path).to.equal("(rate-limit)");
      expect(over.body.errors[0].message).to.match(
        /^too many requests for this key \(20 a minute\); retry after \d+ s$/,
      );
      expect(over.headers.get("ratelimit")).to.match(/limit=20, remaining=0/);
      // the dashboard and the exports count against the same key
      expect((await stack.client.call("GET", "/web/data/me", { key })).status).to.equal(429);
      // another key is untouched
      expect((await stack.client.call("GET", "/v1/villages", { key: await newKey() })).status).to.equal(200);
    });

    it("gives planning and solving their own smaller budget", async () => {
      const key = await newKey();
      const solve = () =>
        stack.client.call("POST", "/v1/solve?timeLimitSeconds=0.1", { key, json: scenario });
      expect((await solve()).status).to.equal(202);
      expect((await solve()).status).to.equal(202);
      const third = await solve();
      expect(third.status).to.equal(429);
      expect(third.body.errors[0].message).to.match(
        /planning or solving requests for this key \(2 a minute\)/,
      );
      const plan = await stack.client.call("POST", "/v1/plans", {
        key,
        json: { region: "Kalimantan", horizon: scenario.horizon },
      });
      expect(plan.status).to.equal(429);
      expect((await stack.client.call("GET", "/v1/shipments", { key })).status).to.equal(200);
    });

    it("limits refused keys per address, without holding back a valid key from that address", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push((await stack.client.call("GET", "/v1/shipments", { key: `wrong-${i}` })).status);
      }
      expect(statuses).to.deep.equal([401, 401, 401, 401, 401, 429, 429]);
      expect((await stack.client.call("GET", "/exports/manifest.csv")).status).to.equal(429);
      expect((await stack.client.call("GET", "/v1/shipments", { key: stack.key })).status).to.equal(200);
    });

    if (queue === "bullmq") {
      it("shares the count between two API processes of the same service", async () => {
        const key = await newKey();
        const other: Client = await serve(createApp({ ...stack.runtime.deps, metrics: undefined }));
        try {
          const both = [stack.client, other];
          for (let i = 0; i < 20; i++) {
            expect((await both[i % 2].call("GET", "/v1/villages", { key })).status).to.equal(200);
          }
          expect((await other.call("GET", "/v1/villages", { key })).status).to.equal(429);
          expect((await stack.client.call("GET", "/v1/villages", { key })).status).to.equal(429);
        } finally {
          await other.close();
        }
      });
    }
  });
}
