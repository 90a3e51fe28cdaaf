/**
 * `npm run bench`: CVRPLIB and bin-packing instances, converted into Scenarios, through the
 * product's own path (validateScenario -> solve -> checkPlan), one instance at a time in
 * this process. Rows on standard output, progress on standard error, a JSON record in
 * `--out`. Exit 0 even when a target is missed (the verdict is printed), 2 on bad flags,
 * 1 when the run itself breaks (a result file could not be written).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_TIME_LIMIT_S as PRODUCT_TIME_LIMIT_S } from "../scripts/cli/args.js";
import { checkPlan } from "../shared/core/check/check-plan.js";
import { validateScenario } from "../shared/core/model/validate.js";
import { solve } from "../shared/core/solve.js";
import { BENCH_USAGE, type BenchArgs, parseBenchArgs } from "./cli/bench-args.js";
import { createBenchProgress } from "./cli/bench-progress.js";
import {
  type InstanceResult,
  judgeTargets,
  problems,
  scoreCost,
  summarizeSuite,
} from "./score/bench-score.js";
import { headerLine, resultLine, summaryLine, verdictLine } from "./score/report-table.js";
import { type BenchCase, loadSuite } from "./suites/load-suite.js";
import { findSuite } from "./suites/suite-catalog.js";

const REPO = resolve(__dirname, "..");
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
  };
}

function runCase(c: BenchCase, args: BenchArgs, onFraction: (f: number) => void): InstanceResult {
  const result: InstanceResult = {
    suite: c.suite,
    name: c.name,
    kind: c.kind,
    cost: null,
    reference: c.reference,
    referenceOptimal: c.referenceOptimal,
    gapPct: null,
    optimal: null,
    containers: null,
    lowerBoundContainers: null,
    unassigned: null,
    timeS: null,
    violations: null,
    violationRules: [],
    notes: [],
  };
  try {
    const built = c.build();
    result.notes = built.notes;
    const valid = validateScenario(built.scenario);
    if (!valid.ok) {
      result.error = `invalid scenario: ${valid.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`;
      return result;
    }
    // The demo is timed as a coordinator would run it: with the planner's default budget.
    const timeLimitS = c.kind === "demo" ? PRODUCT_TIME_LIMIT_S : args.timeLimitS;
    const started = performance.now();
    const plan = solve(valid.scenario, {
      seed: args.seed,
      timeLimitMs: timeLimitS * 1000,
      clock: () => performance.now(),
      onProgress: (p) => onFraction(p.fraction),
    });
    result.timeS = (performance.now() - started) / 1000;
    const violations = checkPlan(valid.scenario, plan);
    result.violations = violations.length;
    result.violationRules = violations.map((v) => v.rule);
    if (violations.length > 0)
      result.notes.push(...violations.slice(0, 5).map((v) => `${v.rule}: ${v.message}`));
    result.containers = plan.summary.containers;
    result.lowerBoundContainers = plan.summary.lowerBoundContainers;
    result.unassigned = plan.unassigned.length;
    // CVRP: the objective is distance; bin packing: bins; the demo: the plan's cost.
    result.cost =
      c.kind === "cvrp"
        ? plan.summary.distanceKm
        : c.kind === "bpp"
          ? plan.summary.containers
          : plan.summary.cost;
    Object.assign(result, scoreCost(result.cost, c.reference));
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}

function main(): number {
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
    shared: resolve(REPO, args.sharedData ?? "../shared/data"),
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
  };
  err(
    `${cases.length} instance(s), ${args.timeLimitS} s each, seed ${args.seed}, fleet ${args.fleet}` +
      (args.filter ? `, filter /${args.filter.source}/` : ""),
  );

  const results: InstanceResult[] = [];
  const progress = createBenchProgress(cases.length);
  let suite = "";
  cases.forEach((c, i) => {
    if (c.suite !== suite) {
      suite = c.suite;
      progress.print(`\n== ${suite} ==\n${headerLine()}`);
    }
    progress.start(i, `${c.suite} ${c.name}`);
    const r = runCase(c, args, (f) => progress.within(f));
    results.push(r);
    progress.print(resultLine(r));
  });
  progress.stop();

  const summaries = ran.map((s) => summarizeSuite(s, results));
  const verdicts = judgeTargets(results, ran, args.filter !== undefined);
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
    machine: machine(),
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

process.exitCode = main();
