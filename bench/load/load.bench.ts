/**
 * `npm run load`: the service under load (issue 7). For each database (PostgreSQL, then the
 * embedded PGlite default) it starts the API as its own process on a free loopback port,
 * stores the demo week, N more shipments through the batch endpoint (timed: shipments/s)
 * and a planned demo week, then runs autocannon against the shipment and container lists
 * with a coordinator key and with a BUMDes key (the scoped, realistic slow path).
 *
 *   npm run load -- [--shipments 20000] [--connections 50] [--duration 12] [--warmup 2]
 *                   [--database postgresql,pglite] [--limit 20] [--log-level info] [--out FILE]
 *
 * Rate limits are raised for the run (RATE_LIMIT_PER_MINUTE=100000000: still counted, never
 * reached). PostgreSQL: a fresh database `muatan_test_<random>` on TEST_DATABASE_ADMIN_URL
 * (default postgresql://postgres@127.0.0.1:5432/postgres), dropped afterwards. PGlite: a
 * temporary data folder, removed afterwards. No REDIS_URL: jobs and rate-limit counts in-process.
 * The table goes to stdout, progress to stderr, the record to bench/results/load-<time>.json.
 * Exit 1 if any answer was not 2xx or any request failed. Timed: run it under
 * `flock /work/wt/measure.lock` on a shared machine.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createTestDatabase } from "../../test/integration/support/test-database.js";
import { ROOT, startApiProcess } from "./api-process.js";
import { bumdesKey, call, planDemoWeek, seedShipments } from "./seed.js";

const err = (line: string) => process.stderr.write(`${line}\n`);
const DATABASES = ["postgresql", "pglite"] as const;
type Database = (typeof DATABASES)[number];

export interface CaseResult {
  database: Database;
  list: string;
  key: "coordinator" | "bumdes";
  path: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number; mean: number };
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  loadAverage: number[];
  /** CPU the API process spent per answered request (user + system; Linux /proc), or null. */
  apiCpuMsPerRequest: number | null;
}

interface DatabaseRun {
  database: Database;
  seed: { shipments: number; ms: number; perSecond: number };
  plan: { containers: number; ms: number };
  bumdesVillage: string;
  cases: CaseResult[];
}

/** User + system CPU of a process in ms (Linux /proc; clock ticks of 10 ms), or null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function cannon(url: string, key: string, connections: number, seconds: number) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${key}` },
  });
}

async function prepare(
  database: Database,
): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  // The data folder: PGlite's data, and on either database the generated coordinator key.
  const dir = mkdtempSync(join(tmpdir(), "muatan-load-"));
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  if (database === "postgresql") {
    const db = await createTestDatabase();
    return {
      env: { DATABASE_URL: db.url, DATA_DIR: dir },
      async cleanup() {
        await db.drop();
        await removeDir();
      },
    };
  }
  return { env: { DATABASE_URL: "", DATA_DIR: dir }, cleanup: removeDir };
}

async function runDatabase(
  database: Database,
  o: {
    shipments: number;
    connections: number;
    duration: number;
    warmup: number;
    limit: number;
    logLevel: string;
  },
): Promise<DatabaseRun> {
  const { env, cleanup } = await prepare(database);
  const logFile = join(tmpdir(), `muatan-load-${database}-${process.pid}.log`);
  err(`[${database}] starting the API (log: ${logFile})`);
  const api = await startApiProcess(
    {
      ...env,
      REDIS_URL: "",
      DEMO_DATA: "true",
      LOG_LEVEL: o.logLevel,
      RATE_LIMIT_PER_MINUTE: "100000000",
      BOOTSTRAP_API_KEY: "",
    },
    logFile,
  );
  try {
    err(`[${database}] API at ${api.url}; storing ${o.shipments} shipments`);
    const seed = await seedShipments(api.url, api.key, o.shipments, (n) =>
      err(`[${database}]   ${n} stored`),
    );
    err(`[${database}] ${seed.perSecond.toFixed(0)} shipments/s; planning the demo week`);
    const plan = await planDemoWeek(api.url, api.key);
    const bumdes = await bumdesKey(api.url, api.key);
    err(`[${database}] ${plan.containers} containers; BUMDes key for village ${bumdes.village}`);

    const cases: CaseResult[] = [];
    for (const list of ["shipments", "containers"]) {
      for (const who of ["coordinator", "bumdes"] as const) {
        const key = who === "coordinator" ? api.key : bumdes.key;
        const path = `/v1/${list}?limit=${o.limit}`;
        const probe = await call(api.url, key, "GET", path);
        if (probe.status !== 200 || probe.body.items.length === 0)
          throw new Error(`${path} as ${who}: ${probe.status}, ${probe.body?.items?.length} items`);
        if (o.warmup > 0) await cannon(`${api.url}${path}`, key, o.connections, o.warmup);
        const load = loadavg().map((x) => Math.round(x * 100) / 100);
        err(
          `[${database}] ${path} as ${who}: ${o.duration} s, ${o.connections} connections (total ${probe.body.total})`,
        );
        const cpuBefore = cpuMs(api.child.pid);
        const r = await cannon(`${api.url}${path}`, key, o.connections, o.duration);
        const cpuAfter = cpuMs(api.child.pid);
        cases.push({
          database,
          list,
          key: who,
          path,
          requestsPerSecond: Math.round(r.requests.total / o.duration),
          latencyMs: {
            p50: r.latency.p50,
            p97_5: r.latency.p97_5,
            p99: r.latency.p99,
            max: r.latency.max,
            mean: r.latency.average,
          },
          requests: r.requests.total,
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
          loadAverage: load,
          apiCpuMsPerRequest:
            cpuBefore === null || cpuAfter === null || r.requests.total === 0
              ? null
              : Math.round(((cpuAfter - cpuBefore) / r.requests.total) * 1000) / 1000,
        });
      }
    }
    return {
      database,
      seed: { shipments: seed.shipments, ms: Math.round(seed.ms), perSecond: Math.round(seed.perSecond) },
      plan: { containers: plan.containers, ms: Math.round(plan.ms) },
      bumdesVillage: bumdes.village,
      cases,
    };
  } finally {
    const code = await api.stop();
    if (code !== 0) err(`[${database}] the API exited with ${code}; its log: ${logFile}`);
    else rmSync(logFile, { force: true });
    await cleanup();
  }
}

function table(runs: DatabaseRun[]): string {
  const head =
    "| database | list | key | req/s | p50 ms | p97.5 ms | p99 ms | max ms | non-2xx | errors | API CPU ms/req | load avg |";
  const rows = runs.flatMap((run) =>
    run.cases.map(
      (c) =>
        `| ${c.database} | ${c.list} | ${c.key} | ${c.requestsPerSecond} | ${c.latencyMs.p50} | ${c.latencyMs.p97_5} | ${c.latencyMs.p99} | ${c.latencyMs.max} | ${c.non2xx} | ${c.errors + c.timeouts} | ${c.apiCpuMsPerRequest ?? "-"} | ${c.loadAverage[0]} |`,
    ),
  );
  const seeds = runs.map(
    (r) =>
      `${r.database}: ${r.seed.shipments} shipments stored in ${(r.seed.ms / 1000).toFixed(1)} s (${r.seed.perSecond}/s); demo week planned: ${r.plan.containers} containers`,
  );
  return [head, "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|", ...rows, "", ...seeds].join(
    "\n",
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      shipments: { type: "string", default: "20000" },
      connections: { type: "string", default: "50" },
      duration: { type: "string", default: "12" },
      warmup: { type: "string", default: "2" },
      database: { type: "string", default: DATABASES.join(",") },
      limit: { type: "string", default: "20" },
      "log-level": { type: "string", default: "info" },
      out: { type: "string" },
    },
  });
  const databases = values.database.split(",").map((d) => d.trim());
  for (const d of databases)
    if (!(DATABASES as readonly string[]).includes(d))
      throw new Error(`--database: ${DATABASES.join(" or ")}, not "${d}"`);
  const o = {
    shipments: Number(values.shipments),
    connections: Number(values.connections),
    duration: Number(values.duration),
    warmup: Number(values.warmup),
    limit: Number(values.limit),
    logLevel: values["log-level"],
  };
  const startedAt = new Date();
  const runs: DatabaseRun[] = [];
  for (const d of databases) runs.push(await runDatabase(d as Database, o));

  process.stdout.write(`${table(runs)}\n`);
  const record = {
    startedAt: startedAt.toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      node: process.version,
      loadAverageAtEnd: loadavg(),
    },
    settings: { ...o, rateLimitPerMinute: 100000000, redis: false },
    runs,
  };
  const out =
    values.out ?? join(ROOT, "bench/results", `load-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  mkdirSync(join(out, ".."), { recursive: true });
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  err(`record written to ${out}`);
  const bad = runs.flatMap((r) => r.cases).filter((c) => c.non2xx > 0 || c.errors > 0 || c.timeouts > 0);
  if (bad.length > 0) {
    err(
      `!! non-2xx answers or failed requests in: ${bad.map((c) => `${c.database} ${c.path} (${c.key})`).join(", ")}`,
    );
    process.exitCode = 1;
  }
}

main().catch((error) => {
  err(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
