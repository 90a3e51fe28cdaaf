/**
 * `npm run bench`: CVRPLIB and bin-packing instances, converted into Scenarios, through the
 * product's own path (validateScenario -> solve -> checkPlan), one instance at a time in
 * this process. Rows on standard output, progress on standard error, a JSON record in
 * `--out`. Exit 0 even when a target is missed (the verdict is printed), 2 on bad flags,
 * 1 when the run itself breaks (a result file could not be written).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { DEFAULT_TIME_LIMIT_S as PRODUCT_TIME_LIMIT_S } from "../scripts/cli/args.js";
import { refuseStaleBundle } from "../shared/infra/solver-bundle/build.cjs";
import { BENCH_USAGE, parseBenchArgs } from "./cli/bench-args.js";
import { createBenchProgress } from "./cli/bench-progress.js";
import { runCase } from "./run-case.js";
import { runNationalCase } from "./run-national.js";
import { type InstanceResult, judgeTargets, problems, summarizeSuite } from "./score/bench-score.js";
import { headerLine, resultLine, summaryLine, verdictLine } from "./score/report-table.js";
import { type BenchCase, loadSuite } from "./suites/load-suite.js";
import { findSuite } from "./suites/suite-catalog.js";

/** The repository root, from bench/ or from the compiled bundle in dist/solver/. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(resolve(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const REPO = repoRoot();
const err = (line: string) => process.stderr.write(`${line}\n`);

function machine() {
  let lscpuModel: string | undefined;
  try {
    const text = execFileSync("lscpu", { encoding: "utf8" });
    lscpuModel = /^Model name:\s*(.+)$/m.exec(text)?.[1].trim();
  } catch {
    // lscpu is Linux-only; os.cpus() below still names the model.
  }
  return {
    nproc: availableParallelism(),
    cpuModel: lscpuModel ?? cpus()[0]?.model ?? "unknown",
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    // The solver's clock cuts a run short on a busy machine: the load explains a bad night.
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
  };
}

/** `../shared/data` beside the clone; from a git worktree under `wt/NAME`, one level further up. */
function defaultSharedData(): string {
  const candidates = ["../shared/data", "../../shared/data"];
  return candidates.find((c) => existsSync(resolve(REPO, c))) ?? candidates[0];
}

async function main(): Promise<number> {
  refuseStaleBundle();
  const today = new Date().toISOString().slice(0, 10);
  const parsed = parseBenchArgs(process.argv.slice(2), today);
  if (!parsed.ok) {
    err(`error: ${parsed.error}`);
    err(BENCH_USAGE);
    return 2;
  }
  if ("help" in parsed) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  const args = parsed.args;
  const roots = {
    repo: REPO,
    bench: resolve(REPO, "bench/data"),
    shared: resolve(REPO, args.sharedData ?? defaultSharedData()),
  };
  const outPath = resolve(args.outPath);

  const cases: BenchCase[] = [];
  const ran: string[] = [];
  for (const name of args.suites) {
    const loaded = loadSuite(findSuite(name)!, roots, args.fleet, args.filter);
    if (!loaded.ok) {
      err(`note: ${loaded.note}`);
      continue;
    }
    ran.push(name);
    cases.push(...loaded.cases);
  }
  const settings = {
    suites: args.suites,
    timeLimitS: args.timeLimitS,
    demoTimeLimitS: PRODUCT_TIME_LIMIT_S,
    seed: args.seed,
    fleet: args.fleet,
    filter: args.filter?.source ?? null,
    noClockStop: args.noClockStop,
    threads: args.threads,
    iterations: args.iterations ?? null,
  };
  const budget =
    args.iterations === undefined
      ? `${args.timeLimitS} s each`
      : `${args.iterations} iterations each, no clock`;
  err(
    `${cases.length} instance(s), ${budget}, seed ${args.seed}, fleet ${args.fleet}, ${args.threads} thread(s)` +
      (args.filter ? `, filter /${args.filter.source}/` : ""),
  );

  const machineAtStart = machine();
  const results: InstanceResult[] = [];
  const progress = createBenchProgress(cases.length);
  let suite = "";
  for (const [i, c] of cases.entries()) {
    if (c.suite !== suite) {
      suite = c.suite;
      progress.print(`\n== ${suite} ==\n${headerLine()}`);
    }
    progress.start(i, `${c.suite} ${c.name}`);
    const settings = {
      seed: args.seed,
      timeLimitS: args.timeLimitS,
      demoTimeLimitS: PRODUCT_TIME_LIMIT_S,
      noClockStop: args.noClockStop,
      threads: args.threads,
      iterations: args.iterations,
    };
    const onFraction = (f: number) => progress.within(f);
    const r =
      c.kind === "national"
        ? await runNationalCase(c, settings, onFraction)
        : await runCase(c, settings, onFraction);
    results.push(r);
    progress.print(resultLine(r));
  }
  progress.stop();

  const summaries = ran.map((s) => summarizeSuite(s, results)).filter((s) => s.instances > 0);
  const verdicts = judgeTargets(results, ran, args.filter !== undefined, args.timeLimitS, args.iterations);
  const out = (line = "") => process.stdout.write(`${line}\n`);
  out();
  out("== suites ==");
  for (const s of summaries) out(summaryLine(s));
  out();
  out("== targets ==");
  for (const v of verdicts) out(verdictLine(v));
  const flagged = results.filter((r) => problems(r).length > 0);
  if (flagged.length > 0) {
    out();
    out(
      `!! ${flagged.length} instance(s) FLAGGED: a plan broke a rule, left a shipment out, or did not run:`,
    );
    for (const r of flagged) out(`!!   ${r.suite} ${r.name}: ${problems(r).join("; ")}`);
  }

  const record = {
    date: new Date().toISOString(),
    machine: { ...machineAtStart, loadAverage1mAtEnd: machine().loadAverage1m },
    settings,
    summaries,
    verdicts,
    results,
  };
  try {
    mkdirSync(dirname(outPath), { recursive: true });
    writeFileSync(outPath, `${JSON.stringify(record, null, 2)}\n`);
  } catch (error) {
    err(`error: cannot write ${outPath}: ${(error as Error).message}`);
    return 1;
  }
  err(`results written to ${outPath}`);
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
});
