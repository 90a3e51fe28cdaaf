/**
 * Progress on standard error while the planner searches. A terminal gets a live bar;
 * a pipe or log file gets a few plain lines, because a redrawn bar there is noise.
 */
import cliProgress from "cli-progress";
import type { SolveProgress } from "../../shared/core/solve.js";
import { formatIdr } from "./summary.js";

export interface ProgressReporter {
  update(progress: SolveProgress): void;
  stop(): void;
}

const PLAIN_STEPS = [0.25, 0.5, 0.75, 1];

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : plainReporter(stream);
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        "planning [{bar}] {percentage}% | {containers} containers | search cost {cost} | {unassigned} unassigned",
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { containers: 0, cost: formatIdr(0), unassigned: 0 });
  return {
    update(p) {
      bar.update(Math.round(p.fraction * 100), {
        containers: p.containers,
        cost: formatIdr(p.cost),
        unassigned: p.unassigned,
      });
    },
    stop() {
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
        `planning ${pct}%: ${p.containers} containers, search cost ${formatIdr(p.cost)}, ${p.unassigned} unassigned\n`,
      );
    },
    stop() {},
  };
}
