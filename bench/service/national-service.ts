/**
 * A national week through the service, the way it runs in production (issue 8's target:
 * under 2 minutes including storage, with two workers): the API on PostgreSQL and Redis,
 * N real worker processes (`workers/main.ts`), the week's shipments in the database, then
 * `POST /v1/plans` for every port (or `POST /v1/solve` with the whole Scenario) and the
 * run followed to its end. Prints one JSON line: wall times, parts and the worker each ran
 * on, containers against the lower bound, weight assigned, and the checker's verdict on
 * the stored plan.
 *
 *   npx tsx bench/service/national-service.ts [--scenario FILE | --shipments 20000 --villages 2000]
 *       [--workers 2] [--time-limit 60] [--mode plan|solve] [--seed 1]
 *
 * A fresh database (`muatan_test_<random>`) and queue name on the machine's PostgreSQL and
 * Redis, dropped afterwards. Put it under `nice` on a shared machine.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadNationalData, makeNationalWeek } from "../../scripts/national/national-week.js";
import { loadScenario } from "../../services/seed/demo-data.js";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { validateScenario } from "../../shared/core/model/validate.js";
import { waitFor } from "../../test/integration/support/http-client.js";
import { startStack } from "../../test/integration/support/stack.js";
import { startWorkerProcess, type WorkerProcess } from "../../test/integration/support/worker-process.js";

const ROOT = resolve(__dirname, "../..");

function nationalWeek(file: string | undefined, shipments: number, villages: number, seed: number): Scenario {
  const raw = file
    ? JSON.parse(readFileSync(file, "utf8"))
    : makeNationalWeek(loadNationalData(resolve(ROOT, "data/indonesia")), { seed, shipments, villages });
  const valid = validateScenario(raw);
  if (!valid.ok) throw new Error(valid.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
  return valid.scenario;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: "string" },
      shipments: { type: "string", default: "20000" },
      villages: { type: "string", default: "2000" },
      workers: { type: "string", default: "2" },
      "time-limit": { type: "string", default: "60" },
      mode: { type: "string", default: "plan" },
      seed: { type: "string", default: "1" },
    },
  });
  const limitS = Number(values["time-limit"]);
  const mode = values.mode;
  if (mode !== "plan" && mode !== "solve") throw new Error("--mode: plan or solve");
  const week = nationalWeek(values.scenario, Number(values.shipments), Number(values.villages), 1);
  const stack = await startStack({
    queue: "bullmq",
    name: "national",
    env: { PLAN_TIME_LIMIT_SECONDS: String(limitS), LOG_LEVEL: "warn" },
  });
  const workers: WorkerProcess[] = [];
  const call = (method: string, path: string, json?: unknown) =>
    stack.client.call(method, path, { key: stack.key, json });
  try {
    for (let i = 1; i <= Number(values.workers); i++)
      workers.push(
        // info, not warn: startWorkerProcess waits for the worker's "worker ready" line.
        await startWorkerProcess({ ...stack.workerEnv, WORKER_NAME: `national-w${i}` }),
      );
    const loadStarted = performance.now();
    if (mode === "plan") await loadScenario(stack.runtime.deps.dataSource, week);
    const loadMs = performance.now() - loadStarted;

    const load1 = loadavg()[0];
    const started = performance.now();
    const posted =
      mode === "plan"
        ? await call("POST", "/v1/plans", {
            ports: week.ports.map((p) => p.id),
            horizon: week.horizon,
            timeLimitSeconds: limitS,
            seed: Number(values.seed),
          })
        : await call("POST", `/v1/solve?timeLimitSeconds=${limitS}&seed=${values.seed}`, week);
    const acceptedMs = performance.now() - started;
    if (posted.status !== 202) throw new Error(`${posted.status} ${JSON.stringify(posted.body)}`);
    const id = (posted.body.id ?? posted.body.jobId) as string;
    let firstPartRunningMs: number | undefined;
    const job = await waitFor(
      "the national week",
      async () => {
        const body = (await call("GET", `/v1/jobs/${id}`)).body;
        if (
          firstPartRunningMs === undefined &&
          body.parts?.some((p: { state: string }) => p.state !== "queued")
        )
          firstPartRunningMs = performance.now() - started;
        return body;
      },
      (j) => ["completed", "failed", "cancelled"].includes(j.state),
      30 * 60_000,
    );
    const doneMs = performance.now() - started;
    if (job.state !== "completed") throw new Error(`${job.state}: ${JSON.stringify(job.errors)}`);
    let scenario = week;
    let plan: Plan = job.plan;
    if (mode === "plan") {
      scenario = (await call("GET", `/v1/plans/${id}/scenario`)).body;
      plan = (await call("GET", `/v1/plans/${id}/plan`)).body;
    }
    const violations = checkPlan(scenario, plan);
    const total = plan.summary.assignedWeightKg + plan.summary.unassignedWeightKg;
    const byWorker: Record<string, number> = {};
    for (const p of job.parts ?? []) byWorker[p.worker] = (byWorker[p.worker] ?? 0) + 1;
    console.log(
      JSON.stringify({
        mode,
        shipments: scenario.shipments.length,
        timeLimitS: limitS,
        workers: workers.length,
        cpus: cpus().length,
        loadAverageAtStart: Math.round(load1 * 10) / 10,
        loadAverageAtEnd: Math.round(loadavg()[0] * 10) / 10,
        loadShipmentsS: seconds(loadMs),
        acceptedS: seconds(acceptedMs),
        firstPartRunningS: firstPartRunningMs === undefined ? null : seconds(firstPartRunningMs),
        totalS: seconds(doneMs),
        parts: job.parts?.length ?? 0,
        partsByWorker: byWorker,
        containers: plan.containers.length,
        lowerBound: plan.summary.lowerBoundContainers,
        containersPerBound:
          Math.round((plan.containers.length / plan.summary.lowerBoundContainers) * 1000) / 1000,
        assignedWeightShare: Math.round((plan.summary.assignedWeightKg / total) * 10000) / 10000,
        violations: violations.length,
      }),
    );
    if (violations.length > 0) process.exitCode = 1;
  } finally {
    for (const w of workers) await w.stop();
    await stack.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
