/**
 * `npm run bench:units -- [--time-limit 5] [--seed 1] SCENARIO.json...`: how much of its time
 * limit a week's search uses. Each week is solved on the work budget alone (no clock, so the
 * plan is the `--no-clock-stop` one) and the CPU the solve took (process.cpuUsage: on a shared
 * machine wall time says little) is divided by the limit. WORK_PER_SECOND is calibrated so a
 * CVRPLIB A/P run uses about 0.9 of it; a village week should too (search/budget.ts).
 * One JSON line per week on standard output.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { checkPlan } from "../shared/core/check/check-plan.js";
import { validateScenario } from "../shared/core/model/validate.js";
import { solve } from "../shared/core/solve.js";
import { refuseStaleBundle } from "../shared/infra/solver-bundle/build.cjs";

function main(): number {
  refuseStaleBundle();
  const { values, positionals } = parseArgs({
    options: { "time-limit": { type: "string" }, seed: { type: "string" } },
    allowPositionals: true,
  });
  const limitS = Number(values["time-limit"] ?? "5");
  const seed = Number(values.seed ?? "1");
  if (!(limitS > 0) || !Number.isInteger(seed) || positionals.length === 0) {
    process.stderr.write("usage: npm run bench:units -- [--time-limit S] [--seed N] SCENARIO.json...\n");
    return 2;
  }
  for (const path of positionals) {
    const valid = validateScenario(JSON.parse(readFileSync(path, "utf8")));
    if (!valid.ok) {
      process.stderr.write(`${path}: invalid scenario\n`);
      return 2;
    }
    const before = process.cpuUsage();
    const plan = solve(valid.scenario, { seed, timeLimitMs: limitS * 1000 });
    const used = process.cpuUsage(before);
    const cpuS = (used.user + used.system) / 1e6;
    const s = plan.summary;
    const line = {
      path,
      limitS,
      seed,
      cpuS: Number(cpuS.toFixed(2)),
      cpuPerLimit: Number((cpuS / limitS).toFixed(3)),
      cost: s.cost,
      containers: s.containers,
      lowerBound: s.lowerBoundContainers,
      boxes: s.boxes,
      unassigned: plan.unassigned.length,
      violations: checkPlan(valid.scenario, plan).length,
      loadAverage1m: Number(loadavg()[0].toFixed(2)),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return 0;
}

process.exitCode = main();
