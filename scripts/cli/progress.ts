/**
 * Progress on standard error while the planner searches. A terminal gets a live bar;
 * a pipe or log file gets a few plain lines, because a redrawn bar there is noise.
 *
 * While it searches, the figures are the best plan's so far: its containers and what its
 * trucks cost. The last line is the plan's own (its summary's cost, freight included where
 * there are sea boxes), so it never disagrees with the summary printed after it.
 */
import cliProgress from "cli-progress";
import type { Plan } from "../../shared/core/model/plan.js";
import { moneyCost } from "../../shared/core/output/plan-order.js";
import type { SolveProgress } from "../../shared/core/solve.js";
import { formatIdr } from "./summary.js";

export interface ProgressReporter {
  update(progress: SolveProgress): void;
  /** End the progress; with the plan made, its own figures are the last shown. */
  stop(plan?: Plan): void;
}

/** The plan's cost as its summary's headline: trucks, plus freight where there are sea boxes. */
function costText(plan: Plan): string {
  if (plan.summary.boxes === undefined) return formatIdr(plan.summary.cost);
  return `${formatIdr(moneyCost(plan))} (trucks + freight)`;
}

/** Steps printed while searching; the end is printed from the plan itself. */
const PLAIN_STEPS = [0.25, 0.5, 0.75];

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : plainReporter(stream);
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        "planning [{bar}] {percentage}% | {containers} containers | {costLabel} {cost} | {unassigned} unassigned",
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { containers: 0, costLabel: "truck cost", cost: formatIdr(0), unassigned: 0 });
  return {
    update(p) {
      bar.update(Math.round(p.fraction * 100), {
        containers: p.containers,
        costLabel: "truck cost",
        cost: formatIdr(p.cost),
        unassigned: p.unassigned,
      });
    },
    stop(plan) {
      if (plan !== undefined) {
        bar.update(100, {
          containers: plan.summary.containers,
          costLabel: "cost",
          cost: costText(plan),
          unassigned: plan.unassigned.length,
        });
      }
      bar.stop();
    },
  };
}

function plainReporter(stream: NodeJS.WriteStream): ProgressReporter {
  let next = 0;
  stream.write("planning ...\n");
  return {
    update(p) {
      if (next >= PLAIN_STEPS.length || p.fraction < PLAIN_STEPS[next]) return;
      while (next < PLAIN_STEPS.length && p.fraction >= PLAIN_STEPS[next]) next++;
      const pct = Math.round(PLAIN_STEPS[next - 1] * 100);
      stream.write(
        `planning ${pct}%: ${p.containers} containers, truck cost ${formatIdr(p.cost)}, ${p.unassigned} unassigned\n`,
      );
    },
    stop(plan) {
      if (plan === undefined) return;
      stream.write(
        `planned: ${plan.summary.containers} containers, cost ${costText(plan)}, ${plan.unassigned.length} unassigned\n`,
      );
    },
  };
}
