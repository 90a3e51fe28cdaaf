/**
 * `npm run plan -- SCENARIO.json [--out PLAN.json] [--time-limit SECONDS] [--seed N]`
 *
 * parse flags -> read and validate the scenario -> solve -> write the plan -> check it.
 * Exit codes: 0 planned; 2 bad flags or bad scenario (nothing written); 1 the planner
 * failed or its plan broke a rule (a bug: the plan is still written so it can be inspected).
 */
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { checkPlan } from "../shared/core/check/check-plan.js";
import type { Plan } from "../shared/core/model/plan.js";
import { validateScenario } from "../shared/core/model/validate.js";
import { solveOnThreads } from "../shared/infra/planning/parallel-solve.js";
import { refuseStaleBundle } from "../shared/infra/solver-bundle/build.cjs";
import { type PlanArgs, parsePlanArgs, USAGE } from "./cli/args.js";
import { createProgressReporter } from "./cli/progress.js";
import { summaryLines } from "./cli/summary.js";

const EXIT_OK = 0;
const EXIT_BUG = 1;
const EXIT_BAD_INPUT = 2;

const err = (line: string) => process.stderr.write(`${line}\n`);

function readScenarioJson(path: string): { ok: true; json: unknown } | { ok: false; error: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (error as Error).message;
    return { ok: false, error: `cannot read scenario ${path}: ${why}` };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `scenario ${path} is not valid JSON: ${(error as Error).message}` };
  }
}

/** Refuse an --out we could not write before spending the time limit on a plan. */
function outPathError(outPath: string): string | undefined {
  const dir = dirname(resolve(outPath));
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return `--out ${outPath}: folder ${dir} does not exist`;
  if (existsSync(outPath) && statSync(outPath).isDirectory()) return `--out ${outPath} is a directory`;
  return undefined;
}

/** Write beside the target and rename, so a crash never leaves half a plan under the real name. */
function writePlanFile(outPath: string, text: string): void {
  const temp = `${outPath}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, outPath);
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    throw error;
  }
}

async function run(args: PlanArgs): Promise<number> {
  const read = readScenarioJson(args.scenarioPath);
  if (!read.ok) {
    err(read.error);
    return EXIT_BAD_INPUT;
  }
  const validation = validateScenario(read.json);
  if (!validation.ok) {
    err(`scenario ${args.scenarioPath} is invalid (${validation.errors.length} error(s)); no plan written:`);
    for (const e of validation.errors) err(`${e.path}: ${e.message}`);
    return EXIT_BAD_INPUT;
  }
  if (args.outPath !== undefined) {
    const problem = outPathError(args.outPath);
    if (problem) {
      err(problem);
      return EXIT_BAD_INPUT;
    }
  }

  const scenario = validation.scenario;
  const progress = createProgressReporter(process.stderr);
  let plan: Plan | undefined;
  try {
    // A big week is planned in parts on threads; a small one in this thread, as before.
    plan = await solveOnThreads(scenario, {
      seed: args.seed,
      timeLimitMs: args.timeLimitS * 1000,
      threads: args.threads,
      useClock: !args.noClockStop,
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop(plan);
  }

  const text = `${JSON.stringify(plan, null, 2)}\n`;
  if (args.outPath !== undefined) writePlanFile(args.outPath, text);
  else process.stdout.write(text);

  for (const line of summaryLines(plan)) err(line);
  if (args.outPath !== undefined) err(`  plan written to ${args.outPath}`);

  const violations = checkPlan(scenario, plan);
  if (violations.length > 0) {
    err(`BUG: the plan breaks ${violations.length} rule(s); please report it with the scenario:`);
    for (const v of violations) {
      const where = [v.container && `container ${v.container}`, v.shipment && `shipment ${v.shipment}`]
        .filter(Boolean)
        .join(", ");
      err(`  ${v.rule}${where ? ` (${where})` : ""}: ${v.message}`);
    }
    return EXIT_BUG;
  }
  return EXIT_OK;
}

async function main(argv: readonly string[]): Promise<number> {
  refuseStaleBundle();
  const parsed = parsePlanArgs(argv);
  if (!parsed.ok) {
    err(`error: ${parsed.error}`);
    err(USAGE);
    return EXIT_BAD_INPUT;
  }
  if ("help" in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  try {
    return await run(parsed.args);
  } catch (error) {
    err(`planner failed: ${(error as Error).stack ?? String(error)}`);
    return EXIT_BUG;
  }
}

// exitCode, not exit(): a large plan piped to stdout must be flushed before Node ends.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
