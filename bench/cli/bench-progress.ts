/**
 * Progress over the whole benchmark on standard error: a live bar in a terminal (moved by
 * the solver's own progress within an instance), one plain line per instance otherwise.
 * Result rows go to standard output, so the bar is wiped before a row is printed.
 */
import cliProgress from "cli-progress";

export interface BenchProgress {
  start(index: number, label: string): void;
  within(fraction: number): void;
  /** print a result row without tearing the bar */
  print(line: string): void;
  stop(): void;
}

export function createBenchProgress(
  total: number,
  err = process.stderr,
  out = process.stdout,
): BenchProgress {
  if (!err.isTTY) {
    return {
      start: (index, label) => err.write(`[${index + 1}/${total}] ${label}\n`),
      within: () => {},
      print: (line) => out.write(`${line}\n`),
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: err,
      format: "bench [{bar}] {done}/{total} | {label}",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let index = 0;
  let label = "";
  bar.start(total, 0, { done: 0, label });
  return {
    start(i, l) {
      index = i;
      label = l;
      bar.update(i, { done: i, label });
    },
    within(fraction) {
      bar.update(index + Math.min(1, Math.max(0, fraction)), { done: index, label });
    },
    print(line) {
      if (out.isTTY) err.write("\r\x1b[2K");
      out.write(`${line}\n`);
      bar.render();
    },
    stop() {
      bar.stop();
    },
  };
}
