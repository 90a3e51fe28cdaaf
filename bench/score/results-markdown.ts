/**
 * A results record (`bench/results/*.json`) as the Markdown that goes into BENCHMARKS.md,
 * so the published table is generated from the run, never retyped.
 */
import { type InstanceResult, problems, type SuiteSummary, type TargetVerdict } from "./bench-score.js";
import { boxesAside, nationalAside } from "./report-table.js";

export interface ResultsRecord {
  date: string;
  machine: {
    nproc: number;
    cpuModel: string;
    node: string;
    platform: string;
    loadAverage1m: number;
    loadAverage1mAtEnd?: number;
  };
  settings: {
    suites: string[];
    timeLimitS: number;
    demoTimeLimitS: number;
    seed: number;
    fleet: string;
    filter: string | null;
    noClockStop?: boolean;
    /** `--iterations`: a budget of iterations on one thread instead of the time limit. */
    iterations?: number | null;
  };
  summaries: SuiteSummary[];
  verdicts: TargetVerdict[];
  results: InstanceResult[];
}

const n = (v: number | null, digits = 0) => (v === null ? "-" : v.toFixed(digits));

export function resultsMarkdown(r: ResultsRecord): string {
  const lines: string[] = [];
  const m = r.machine;
  const budget =
    r.settings.iterations == null
      ? `${r.settings.timeLimitS} s per instance (demo ${r.settings.demoTimeLimitS} s, the planner's default)`
      : `${r.settings.iterations} iterations per instance on one thread, no clock`;
  lines.push(
    `Run finished ${r.date.slice(0, 16).replace("T", " ")} UTC on ${m.nproc} CPU(s), ${m.cpuModel}, Node ${m.node} (${m.platform}); ` +
      `load average ${m.loadAverage1m} at start, ${m.loadAverage1mAtEnd ?? "?"} at end.`,
    `Settings: suites ${r.settings.suites.join(", ")}; ${budget}; seed ${r.settings.seed}; fleet ${r.settings.fleet}` +
      (r.settings.filter ? `; filter /${r.settings.filter}/` : "") +
      (r.settings.noClockStop ? "; work budget only (no clock stop)" : "") +
      ".",
    "",
    "| target | verdict | measured |",
    "|---|---|---|",
    ...r.verdicts.map((v) => `| ${v.target} | ${v.verdict} | ${v.detail} |`),
    "",
    "| suite | instances | mean gap % | optimal | mean time s | flagged |",
    "|---|---:|---:|---:|---:|---:|",
    ...r.summaries.map(
      (s) =>
        `| ${s.suite} | ${s.instances} | ${n(s.meanGapPct, 2)} | ${s.meanGapPct === null ? "-" : s.optimal} | ${n(s.meanTimeS, 2)} | ${s.flagged} |`,
    ),
  );
  for (const s of r.summaries) {
    lines.push(
      "",
      `<details><summary>${s.suite}: every instance</summary>`,
      "",
      "| instance | cost | reference | gap % | optimal | containers | lower bound | unassigned | time s | violations |",
      "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    );
    for (const x of r.results.filter((row) => row.suite === s.suite)) {
      const issues = problems(x);
      const flag = issues.length > 0 ? ` **!! ${issues.join("; ")}**` : "";
      const costDigits = x.cost !== null && !Number.isInteger(x.cost) ? 2 : 0;
      lines.push(
        `| ${x.name}${flag} | ${n(x.cost, costDigits)} | ${n(x.reference)} | ${n(x.gapPct, 2)} | ${x.optimal === null ? "-" : x.optimal ? "yes" : "no"} | ` +
          `${n(x.containers)} | ${n(x.lowerBoundContainers)} | ${n(x.unassigned)} | ${n(x.timeS, 2)} | ${n(x.violations)} |`,
      );
    }
    const national = r.results.filter((row) => row.suite === s.suite && row.weightAssignedPct !== undefined);
    if (national.length > 0) lines.push("", ...national.map((x) => `- ${x.name}: ${nationalAside(x)}`));
    const boxed = r.results.filter((row) => row.suite === s.suite && row.boxes);
    if (boxed.length > 0) lines.push("", ...boxed.map((x) => `- ${x.name}: ${boxesAside(x.boxes!)}`));
    lines.push("", "</details>");
  }
  return `${lines.join("\n")}\n`;
}
