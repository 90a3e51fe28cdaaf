/**
 * Command-line arguments of `npm run plan`. Parsing is kept apart from planning so a bad
 * flag is refused before any file is read or written.
 */
import { parseArgs } from "node:util";
import { DEFAULT_THREADS } from "../../shared/infra/planning/parallel-solve.js";
import { joinNegativeNumbers, seedFlag, threadsFlag, timeLimitFlag } from "./number-flags.js";

export const USAGE =
  "usage: npm run plan -- SCENARIO.json [--out PLAN.json] [--time-limit SECONDS] [--seed N] [--threads N] [--no-clock-stop]";

export const DEFAULT_TIME_LIMIT_S = 5;
export const DEFAULT_SEED = 1;

export interface PlanArgs {
  scenarioPath: string;
  outPath?: string;
  timeLimitS: number;
  seed: number;
  threads: number;
  /** Plan on the work budget alone: the same plan however loaded the machine; the limit is then no promise. */
  noClockStop: boolean;
}

export type ParsedArgs =
  | { ok: true; args: PlanArgs }
  | { ok: true; help: true }
  | { ok: false; error: string };

export function parsePlanArgs(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // node:util names the offending flag ("Unknown option '--foo'"); its first sentence is enough.
    return { ok: false, error: (error as Error).message.split(/\.\s/)[0] };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, help: true };
  if (positionals.length === 0) return { ok: false, error: "missing SCENARIO.json" };
  if (positionals.length > 1)
    return { ok: false, error: `expected one scenario file, got ${positionals.length}` };

  const timeLimit = timeLimitFlag(values["time-limit"], DEFAULT_TIME_LIMIT_S);
  if (!timeLimit.ok) return timeLimit;
  const seed = seedFlag(values.seed, DEFAULT_SEED);
  if (!seed.ok) return seed;
  const threads = threadsFlag(values.threads, DEFAULT_THREADS);
  if (!threads.ok) return threads;
  if (values.out !== undefined && values.out.trim() === "")
    return { ok: false, error: "--out needs a file name" };
  return {
    ok: true,
    args: {
      scenarioPath: positionals[0],
      outPath: values.out,
      timeLimitS: timeLimit.value,
      seed: seed.value,
      threads: threads.value,
      noClockStop: values["no-clock-stop"] === true,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: joinNegativeNumbers(argv, ["--time-limit", "-t", "--seed", "-s", "--threads"]),
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      "time-limit": { type: "string", short: "t" },
      seed: { type: "string", short: "s" },
      threads: { type: "string" },
      "no-clock-stop": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
