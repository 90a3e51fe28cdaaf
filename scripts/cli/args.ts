/**
 * Command-line arguments of `npm run plan`. Parsing is kept apart from planning so a bad
 * flag is refused before any file is read or written.
 */
import { parseArgs } from "node:util";

export const USAGE =
  "usage: npm run plan -- SCENARIO.json [--out PLAN.json] [--time-limit SECONDS] [--seed N]";

export const DEFAULT_TIME_LIMIT_S = 5;
export const DEFAULT_SEED = 1;

export interface PlanArgs {
  scenarioPath: string;
  outPath?: string;
  timeLimitS: number;
  seed: number;
}

export type ParsedArgs =
  | { ok: true; args: PlanArgs }
  | { ok: true; help: true }
  | { ok: false; error: string };

/** A number the user typed: plain decimal only, so "5s" or "1e3" are refused rather than guessed. */
function decimal(text: string): number | undefined {
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : undefined;
}

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

  let timeLimitS = DEFAULT_TIME_LIMIT_S;
  if (values["time-limit"] !== undefined) {
    const n = decimal(values["time-limit"]);
    if (n === undefined || n <= 0) {
      return {
        ok: false,
        error: `--time-limit must be a positive number of seconds, got "${values["time-limit"]}"`,
      };
    }
    timeLimitS = n;
  }
  let seed = DEFAULT_SEED;
  if (values.seed !== undefined) {
    const n = decimal(values.seed);
    if (n === undefined || !Number.isSafeInteger(n) || n < 0) {
      return { ok: false, error: `--seed must be a whole number >= 0, got "${values.seed}"` };
    }
    seed = n;
  }
  if (values.out !== undefined && values.out.trim() === "")
    return { ok: false, error: "--out needs a file name" };
  return { ok: true, args: { scenarioPath: positionals[0], outPath: values.out, timeLimitS, seed } };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      "time-limit": { type: "string", short: "t" },
      seed: { type: "string", short: "s" },
      help: { type: "boolean", short: "h" },
    },
  });
}
