/**
 * A stateful planning run as the tests drive it: POST /v1/plans, wait until the run has
 * finished (it must complete), and read its Scenario and Plan, which must pass the
 * independent checker.
 */
import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { type Client, waitFor } from "./http-client.js";

// biome-ignore lint/suspicious/noExplicitAny: a run view is read loosely and asserted on
type Run = any;

/** Wait for a run to finish; it must have completed. */
export async function completedRun(
  client: Client,
  key: string,
  runId: string,
  timeoutMs = 120000,
): Promise<Run> {
  const run = await waitFor(
    `planning run ${runId}`,
    async () => (await client.call("GET", `/v1/plans/${runId}`, { key })).body,
    (r) => r.state === "completed" || r.state === "failed" || r.state === "cancelled",
    timeoutMs,
  );
  expect(run.state, JSON.stringify(run.errors)).to.equal("completed");
  return run;
}

/** The Scenario a run solved and the Plan it stored; the plan must pass the checker. */
export async function checkedPlan(client: Client, key: string, runId: string) {
  const scenario: Scenario = (await client.call("GET", `/v1/plans/${runId}/scenario`, { key })).body;
  const plan: Plan = (await client.call("GET", `/v1/plans/${runId}/plan`, { key })).body;
  expect(checkPlan(scenario, plan)).to.deep.equal([]);
  return { scenario, plan };
}

/** Plan, wait, check: the run, its Scenario and its Plan. */
export async function planChecked(client: Client, key: string, request: unknown, timeoutMs = 120000) {
  const queued = await client.call("POST", "/v1/plans", { key, json: request });
  expect(queued.status, queued.text).to.equal(202);
  const run = await completedRun(client, key, queued.body.id, timeoutMs);
  return { run, ...(await checkedPlan(client, key, run.id)) };
}
