/**
 * How fast `lateShipmentOptions` and `assignLateShipment` answer on a week of about 1,000
 * shipments (issue 9: "well under a second"), and that every assigned plan passes the
 * checker (not timed).
 *
 *   npx tsx bench/late/late-options.bench.ts [--shipments 1000] [--late 50]
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import { assignLateShipment, lateShipmentOptions } from "../../shared/core/late/late-options.js";
import { lateWeek } from "./late-week.js";

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function main(): void {
  const { values } = parseArgs({
    options: { shipments: { type: "string", default: "1000" }, late: { type: "string", default: "50" } },
  });
  const week = lateWeek(Number(values.shipments), Number(values.late));
  const { scenario, plan } = week;
  process.stderr.write(
    `week: ${scenario.shipments.length} shipments, ${plan.containers.length} containers, ${plan.boxes?.length ?? 0} boxes; ${week.late.length} late shipments\n`,
  );
  const optionsMs: number[] = [];
  const assignMs: number[] = [];
  let withOptions = 0;
  let optionCount = 0;
  let newContainers = 0;
  for (const id of week.late) {
    let t = performance.now();
    const r = lateShipmentOptions(scenario, plan, id);
    optionsMs.push(performance.now() - t);
    optionCount += r.options.length;
    if (r.newContainer) newContainers++;
    if (r.options.length === 0) continue;
    withOptions++;
    t = performance.now();
    const assigned = assignLateShipment(scenario, plan, id, r.options[0].container);
    assignMs.push(performance.now() - t);
    if (!assigned.ok)
      throw new Error(`${id}: listed ${r.options[0].container} but assigning refused: ${assigned.reason}`);
    const violations = checkPlan(scenario, assigned.plan);
    if (violations.length > 0)
      throw new Error(`${id}: the new plan breaks ${violations[0].rule}: ${violations[0].message}`);
  }
  const fmt = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0
      ? "-"
      : `median ${quantile(s, 0.5).toFixed(1)} ms, p95 ${quantile(s, 0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
  };
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `machine: ${cpus().length} CPU(s), ${cpus()[0]?.model}, Node ${process.version}, load ${loadavg()[0].toFixed(2)}`,
  );
  out(`lateShipmentOptions (${optionsMs.length} calls): ${fmt(optionsMs)}`);
  out(`assignLateShipment (${assignMs.length} calls): ${fmt(assignMs)}`);
  out(
    `${withOptions} of ${week.late.length} late shipments fit a planned container (${(optionCount / Math.max(1, week.late.length)).toFixed(1)} options each on average); ` +
      `${newContainers} could have a container of their own; every assigned plan passed checkPlan`,
  );
}

main();
