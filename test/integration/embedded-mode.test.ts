/**
 * The embedded default, through the real entry point (`services/api/main.ts`, what
 * `npm start` runs): no DATABASE_URL and no REDIS_URL -> PGlite in a data folder and
 * jobs in-process. It loads the demo week, prints the URL and a key, plans, survives
 * a restart with its data and key, and exits cleanly on SIGTERM.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import { waitFor } from "./support/http-client.js";
import { spawnTsx, type TsxProcess } from "./support/tsx-process.js";

interface Started extends TsxProcess {
  url: string;
  key: string;
}

async function startApi(dataDir: string): Promise<Started> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
  };
  for (const k of ["DATABASE_URL", "REDIS_URL", "BOOTSTRAP_API_KEY", "PUBLIC_URL"]) delete env[k];
  env.PLAN_TIME_LIMIT_SECONDS = "1";
  env.LOG_LEVEL = "warn";
  const { child, output, exited } = spawnTsx("services/api/main.ts", env);
  await waitFor(
    "the API to print its key",
    async () => output(),
    (o) => /API key\s+\S+/.test(o) || child.exitCode !== null,
    60000,
  );
  const url = /running at (\S+)/.exec(output())?.[1];
  const key = /API key\s+(\S+)/.exec(output())?.[1];
  if (!url || !key) throw new Error(`no URL or key printed:\n${output()}`);
  return { child, url, key, output, exited };
}

async function get(s: Started, path: string, init: RequestInit = {}) {
  const res = await fetch(`${s.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${s.key}`, "content-type": "application/json" },
  });
  return { status: res.status, body: await res.json() };
}

describe("embedded mode: npm start on PGlite with in-process jobs", function () {
  this.timeout(180000);
  const dataDir = mkdtempSync(join(tmpdir(), "muatan-embedded-"));
  let api: Started | undefined;

  after(async () => {
    if (api && api.child.exitCode === null) {
      api.child.kill("SIGTERM");
      await api.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  let shipments = 0;

  it("starts on embedded defaults, loads the demo data, prints the URL and a working key", async () => {
    api = await startApi(dataDir);
    expect(api.output()).to.contain("demo data");
    const health = await get(api, "/health");
    expect(health.status).to.equal(200);
    expect(health.body.database).to.include({ kind: "pglite", ok: true });
    expect(health.body.queue).to.include({ kind: "in-process", ok: true });
    const list = await get(api, "/v1/shipments?limit=1");
    expect(list.status).to.equal(200);
    shipments = list.body.total;
    expect(shipments).to.be.greaterThan(0);
  });

  it("plans in-process (off the main thread) and stores a plan the checker accepts", async () => {
    const s = api!;
    const villages = (await get(s, "/v1/villages")).body.items as { island: string }[];
    const horizonStart = "2026-12-28T00:00:00+08:00";
    const queued = await get(s, "/v1/plans", {
      method: "POST",
      body: JSON.stringify({
        region: villages[0].island,
        horizon: { start: horizonStart, end: "2027-01-07T00:00:00+08:00" },
      }),
    });
    expect(queued.status, JSON.stringify(queued.body)).to.equal(202);
    // The API keeps answering while the solve runs on its worker thread.
    const health = await get(s, "/health");
    expect(health.status).to.equal(200);
    const run = await waitFor(
      "the in-process run",
      async () => (await get(s, `/v1/plans/${queued.body.id}`)).body,
      (r) => r.state === "completed" || r.state === "failed",
      90000,
    );
    expect(run.state, JSON.stringify(run.errors)).to.equal("completed");
    const scenario = (await get(s, `/v1/plans/${run.id}/scenario`)).body;
    const plan = (await get(s, `/v1/plans/${run.id}/plan`)).body;
    expect(checkPlan(scenario, plan)).to.deep.equal([]);
    const containers = (await get(s, "/v1/containers?limit=500")).body;
    expect(containers.total).to.equal(plan.containers.length);
  });

  it("stops on SIGTERM and restarts with the same data and key, without reloading the demo", async () => {
    const first = api!;
    first.child.kill("SIGTERM");
    expect(await first.exited).to.equal(0);
    api = await startApi(dataDir);
    expect(api.key).to.equal(first.key);
    expect(api.output()).to.not.contain("demo data");
    expect((await get(api, "/v1/shipments?limit=1")).body.total).to.equal(shipments);
    expect((await get(api, "/v1/plans")).body.items[0].version).to.equal(1);
  });
});
