/**
 * Operations (issue 7): request ids in responses and logs, job ids in every worker log line
 * of a job, /metrics in Prometheus' format from the API (HTTP latency by route and status,
 * queue depth, the stored plan against its lower bound) and from the worker (job durations),
 * and who may read /metrics.
 */
import { Writable } from "node:stream";
import { expect } from "chai";
import { pino } from "pino";
import { createApp } from "../../services/api/app.js";
import { loadScenario } from "../../services/seed/demo-data.js";
import { exampleScenario } from "./support/fixtures.js";
import { type Client, serve, waitFor } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";
import { startWorkerProcess, type WorkerProcess } from "./support/worker-process.js";

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (.+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[3] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[4]);
  }
  return undefined;
}

describe("operations: request ids, logs, /metrics (PostgreSQL + Redis + a real worker)", function () {
  this.timeout(180000);
  let stack: Stack;
  let worker: WorkerProcess;
  let api: Client;
  const logLines: Record<string, unknown>[] = [];
  const example = exampleScenario();

  before(async () => {
    stack = await startStack({ queue: "bullmq", name: "ops" });
    await loadScenario(stack.runtime.deps.dataSource, example);
    // The same service, logging into memory so the test can read its lines.
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split("\n")) if (line.trim()) logLines.push(JSON.parse(line));
        done();
      },
    });
    // A second app on the runtime the stack already serves: it shares the runtime's registry.
    api = await serve(createApp({ ...stack.runtime.deps, logger: pino({ level: "info" }, sink) }));
    worker = await startWorkerProcess({ ...stack.workerEnv, WORKER_METRICS_PORT: "0" });
  });
  after(async () => {
    await worker?.stop();
    await api?.close();
    await stack?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${stack.key}`, ...headers } });

  it("answers with the caller's X-Request-Id, or a new one, and logs each request under it", async () => {
    const traced = await get("/v1/shipments?limit=2", { "x-request-id": "village-phone-42" });
    expect(traced.status).to.equal(200);
    expect(traced.headers.get("x-request-id")).to.equal("village-phone-42");

    const fresh = await get("/v1/shipments?limit=2");
    const id = fresh.headers.get("x-request-id") ?? "";
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    // An id that would corrupt a log line is replaced, not echoed.
    const hostile = await get("/v1/shipments?limit=2", { "x-request-id": "a b\tc" });
    expect(hostile.headers.get("x-request-id")).to.match(/^[0-9a-f-]{36}$/);

    const mine = logLines.find((l) => l.requestId === "village-phone-42");
    expect(mine, JSON.stringify(logLines.slice(-3))).to.include({ msg: "request completed" });
    expect((mine as { res: { statusCode: number } }).res.statusCode).to.equal(200);
    expect(logLines.some((l) => l.requestId === id)).to.equal(true);
    // Keys never reach the log.
    expect(JSON.stringify(logLines)).to.not.contain(stack.key);
  });

  it("plans through the worker, whose every line about the job names the job and its run", async () => {
    const queued = await stack.client.call("POST", "/v1/plans", {
      key: stack.key,
      json: { region: "Kalimantan", horizon: example.horizon },
    });
    expect(queued.status, queued.text).to.equal(202);
    const run = await waitFor(
      "the run",
      async () => (await stack.client.call("GET", `/v1/plans/${queued.body.id}`, { key: stack.key })).body,
      (r) => r.state === "completed" || r.state === "failed",
      90000,
    );
    expect(run.state, JSON.stringify(run.errors)).to.equal("completed");
    const jobLines = worker
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.jobId !== undefined || l.runId !== undefined);
    const messages = jobLines.map((l) => l.msg);
    expect(messages).to.include.members([
      "job started",
      "plan solved and checked",
      "plan stored",
      "job ended",
    ]);
    for (const line of jobLines) {
      expect(line.jobId, JSON.stringify(line)).to.equal(run.id);
      expect(line.runId, JSON.stringify(line)).to.equal(run.id);
    }
  });

  it("serves /metrics: latency by route and status, queue depth, the stored plan against its lower bound", async () => {
    const res = await fetch(`${api.baseUrl}/metrics`);
    expect(res.status).to.equal(200);
    expect(res.headers.get("content-type")).to.contain("text/plain");
    const text = await res.text();
    const count = sample(text, "muatan_http_request_duration_seconds_count", {
      method: "GET",
      route: "/v1/shipments",
      status: "200",
    });
    expect(count, text.slice(0, 3000)).to.be.at.least(3);
    // Ids never become labels: the pattern, not the path.
    expect(text).to.not.match(/route="\/v1\/plans\/[0-9a-f-]{36}"/);
    expect(sample(text, "muatan_queue_jobs", { state: "completed" })).to.be.at.least(1);
    expect(sample(text, "muatan_queue_jobs", { state: "waiting" })).to.equal(0);

    const latest = (await stack.client.call("GET", "/v1/plans", { key: stack.key })).body.items[0];
    const plan = (await stack.client.call("GET", `/v1/plans/${latest.id}`, { key: stack.key })).body;
    expect(sample(text, "muatan_plan_version")).to.equal(plan.version);
    expect(sample(text, "muatan_plan_containers")).to.equal(plan.summary.containers);
    expect(sample(text, "muatan_plan_lower_bound_containers")).to.equal(plan.summary.lowerBoundContainers);
    expect(sample(text, "muatan_plan_containers")).to.be.at.least(
      sample(text, "muatan_plan_lower_bound_containers") ?? Infinity,
    );
    expect(sample(text, "process_resident_memory_bytes")).to.be.greaterThan(0);
  });

  it("counts the worker's jobs by name and outcome on the worker's own /metrics", async () => {
    const line = worker
      .output()
      .split("\n")
      .find((l) => l.includes("worker metrics listening"));
    const url = (JSON.parse(line ?? "{}") as { metrics?: string }).metrics;
    expect(url, worker.output().slice(-2000)).to.match(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const text = await (await fetch(url!)).text();
    expect(sample(text, "muatan_job_duration_seconds_count", { job: "plan", outcome: "completed" })).to.equal(
      1,
    );
    expect(
      sample(text, "muatan_job_duration_seconds_sum", { job: "plan", outcome: "completed" }),
    ).to.be.greaterThan(0);
  });

  it("lets local callers read /metrics without a key, and anyone relayed by a proxy only with a coordinator key", async () => {
    const relayed = { "x-forwarded-for": "203.0.113.7" };
    const anonymous = await fetch(`${api.baseUrl}/metrics`, { headers: relayed });
    expect(anonymous.status).to.equal(401);
    const bumdesKey = (
      await stack.client.call("POST", "/v1/keys", {
        key: stack.key,
        json: { role: "bumdes", villages: [example.villages[0].id] },
      })
    ).body.key as string;
    const bumdes = await fetch(`${api.baseUrl}/metrics`, {
      headers: { ...relayed, authorization: `Bearer ${bumdesKey}` },
    });
    expect(bumdes.status).to.equal(403);
    const coordinator = await fetch(`${api.baseUrl}/metrics`, {
      headers: { ...relayed, authorization: `Bearer ${stack.key}` },
    });
    expect(coordinator.status).to.equal(200);
    expect(await coordinator.text()).to.contain("muatan_http_request_duration_seconds");
  });
});
