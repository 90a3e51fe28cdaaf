/**
 * The spec's example week with sea boxes (`example-scenario-boxes.json`: 20 ft dry and
 * reefer boxes of three village-container slots, 350 kg tare per village container, six
 * boxes per sailing), set up the way a coordinator does it: every record through the
 * API, then a planning run.
 */

import { join } from "node:path";
import { expect } from "chai";
import { readScenarioFile } from "../../../services/seed/demo-data.js";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { type Client, type Reply, waitFor } from "./http-client.js";

/** The spec's example week with sea boxes, as the repository carries it. */
export function exampleScenarioWithBoxes(): Scenario {
  return readScenarioFile(join(__dirname, "../../fixtures/example-scenario-boxes.json"));
}

/** A coordinator's calls, failing the test on anything but success. */
export function coordinatorCalls(client: Client, key: string) {
  const call = (method: string, path: string, json?: unknown, as = key): Promise<Reply> =>
    client.call(method, path, { key: as, json });
  const ok = async (method: string, path: string, json?: unknown) => {
    const r = await call(method, path, json);
    expect(r.status, `${method} ${path}: ${r.text}`).to.be.oneOf([200, 201, 202]);
    return r;
  };
  return { call, ok, get: (path: string, as = key) => call("GET", path, undefined, as) };
}

/** Reference data, box types, planning settings and shipments, each through its API. */
export async function seedThroughApi(client: Client, key: string, scenario: Scenario): Promise<void> {
  const { ok } = coordinatorCalls(client, key);
  for (const t of scenario.containerTypes) await ok("POST", "/v1/container-types", t);
  for (const b of scenario.boxTypes ?? []) await ok("POST", "/v1/box-types", b);
  for (const p of scenario.ports) await ok("POST", "/v1/ports", p);
  for (const d of scenario.depots) await ok("POST", "/v1/depots", d);
  for (const v of scenario.villages) await ok("POST", "/v1/villages", v);
  for (const s of scenario.sailings ?? []) await ok("POST", "/v1/sailings", s);
  await ok("PUT", "/v1/settings/planning", {
    objective: scenario.objective,
    travel: scenario.travel,
    rules: scenario.rules,
  });
  await ok("POST", "/v1/shipments/batch", { shipments: scenario.shipments });
}

/** POST /v1/plans for the week, wait for it, and check what it stored with the checker. */
export async function planThroughApi(
  client: Client,
  key: string,
  request: unknown,
): Promise<{ run: string; version: number; plan: Plan; scenario: Scenario }> {
  const { ok, get } = coordinatorCalls(client, key);
  const queued = await ok("POST", "/v1/plans", request);
  const run = await waitFor(
    "the planning run",
    async () => (await get(`/v1/plans/${queued.body.id}`)).body,
    (r) => r.state === "completed" || r.state === "failed",
    120_000,
  );
  expect(run.state, JSON.stringify(run.errors)).to.equal("completed");
  const scenario: Scenario = (await get(`/v1/plans/${run.id}/scenario`)).body;
  const plan: Plan = (await get(`/v1/plans/${run.id}/plan`)).body;
  expect(checkPlan(scenario, plan)).to.deep.equal([]);
  return { run: run.id, version: run.version, plan, scenario };
}
