/**
 * Flags of `npm run bench`. Parsed apart from running so a typo is refused before minutes
 * of CPU are spent.
 */
import { parseArgs } from "node:util";
import {
  iterationsFlag,
  joinNegativeNumbers,
  seedFlag,
  threadsFlag,
  timeLimitFlag,
} from "../../scripts/cli/number-flags.js";
import { DEFAULT_THREADS } from "../../shared/infra/planning/parallel-solve.js";
import type { FleetMode } from "../convert/cvrp-to-scenario.converter.js";
import { DEFAULT_SUITES, findSuite, SUITES } from "../suites/suite-catalog.js";

export const BENCH_USAGE = [
  "usage: npm run bench -- [--suite cvrp-a,cvrp-p,bpp-u120] [--time-limit 2] [--seed 1]",
  "                        [--filter REGEX] [--fleet k|unlimited] [--out bench/results/DATE.json]",
  "                        [--shared-data ../shared/data] [--no-clock-stop] [--threads 2]",
  "                        [--iterations N]   (one search of N iterations a case: what an iteration costs)",
  `suites: ${SUITES.map((s) => s.name).join(", ")}`,
].join("\n");

export const DEFAULT_BENCH_TIME_LIMIT_S = 2;

export interface BenchArgs {
  suites: string[];
  timeLimitS: number;
  seed: number;
  filter?: RegExp;
  fleet: FleetMode;
  outPath: string;
  /** the shared reference data folder, as typed (resolved by the caller) */
  sharedData?: string;
  /**
   * Run on the work budget alone, without the solver's clock safety stop (which ends a run
   * at twice the limit on a loaded machine): the same figures under any load, slower.
   */
  noClockStop: boolean;
  /**
   * Threads per case, as `npm run plan` uses them: a case one search handles gets a search per
   * thread with its own seed, the better plan kept (infra/planning/seed-portfolio.ts).
   */
  threads: number;
  /**
   * A budget of this many ruin-and-recreate iterations instead of seconds, on one thread and
   * without the clock: the same plans at any speed, so two builds' wall times compare what an
   * iteration costs. Undefined: the time limit is the budget.
   */
  iterations?: number;
}

export type ParsedBenchArgs =
  | { ok: true; args: BenchArgs }
  | { ok: true; help: true }
  | { ok: false; error: string };

/** `today` is `YYYY-MM-DD`, passed in so the default output name is testable. */
export function parseBenchArgs(argv: readonly string[], today: string): ParsedBenchArgs {
  let values: ReturnType<typeof parse>["values"];
  try {
    const parsed = parse(argv);
    if (parsed.positionals.length > 0)
      return { ok: false, error: `unexpected argument "${parsed.positionals[0]}"` };
    values = parsed.values;
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  if (values.help) return { ok: true, help: true };

  const suites =
    values.suite === undefined ? [...DEFAULT_SUITES] : values.suite.split(",").map((s) => s.trim());
  const unknown = suites.filter((s) => !findSuite(s));
  if (unknown.length > 0 || suites.length === 0) {
    return {
      ok: false,
      error: `--suite: unknown suite(s) ${unknown.map((s) => `"${s}"`).join(", ")}; known: ${SUITES.map((s) => s.name).join(", ")}`,
    };
  }

  const timeLimit = timeLimitFlag(values["time-limit"], DEFAULT_BENCH_TIME_LIMIT_S);
  if (!timeLimit.ok) return timeLimit;
  const seed = seedFlag(values.seed, 1);
  if (!seed.ok) return seed;
  let filter: RegExp | undefined;
  if (values.filter !== undefined) {
    try {
      filter = new RegExp(values.filter);
    } catch (error) {
      return { ok: false, error: `--filter is not a regular expression: ${(error as Error).message}` };
    }
  }
  const threads = threadsFlag(values.threads, DEFAULT_THREADS);
  if (!threads.ok) return threads;
  const budget = iterationsFlag(values.iterations);
  if (!budget.ok) return budget;
  const iterations = budget.value;
  if (iterations !== undefined) {
    if (values.threads !== undefined && threads.value !== 1)
      return {
        ok: false,
        error: "--iterations runs one search a case: give --threads 1 or leave --threads out",
      };
    if (suites.includes("national"))
      return { ok: false, error: "--iterations: the national suite is planned in parts on a time budget" };
  }
  const fleet = values.fleet ?? "k";
  if (fleet !== "k" && fleet !== "unlimited")
    return { ok: false, error: `--fleet must be k or unlimited, got "${fleet}"` };
  if (values.out !== undefined && values.out.trim() === "")
    return { ok: false, error: "--out needs a file name" };

  return {
    ok: true,
    args: {
      suites: [...new Set(suites)],
      timeLimitS: timeLimit.value,
      seed: seed.value,
      filter,
      fleet,
      outPath: values.out ?? `bench/results/${today}.json`,
      sharedData: values["shared-data"],
      noClockStop: values["no-clock-stop"] ?? false,
      threads: iterations === undefined ? threads.value : 1,
      iterations,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: joinNegativeNumbers(argv, ["--time-limit", "--seed", "--threads", "--iterations"]),
    allowPositionals: true,
    strict: true,
    options: {
      suite: { type: "string" },
      "time-limit": { type: "string" },
      seed: { type: "string" },
      filter: { type: "string" },
      fleet: { type: "string" },
      out: { type: "string" },
      "shared-data": { type: "string" },
      "no-clock-stop": { type: "boolean" },
      threads: { type: "string" },
      iterations: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
