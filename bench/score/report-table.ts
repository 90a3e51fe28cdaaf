/**
 * The text a person reads after `npm run bench`: one row per instance, a summary per
 * suite, the targets. Anything that makes a result untrustworthy is printed with `!!`
 * so it cannot scroll past unseen.
 */
import { type InstanceResult, problems, type SuiteSummary, type TargetVerdict } from "./bench-score.js";

const COLUMNS = [
  ["instance", 15],
  ["cost", 12],
  ["ref", 9],
  ["gap %", 7],
  ["opt", 4],
  ["cont", 5],
  ["LB", 5],
  ["unasg", 5],
  ["time s", 7],
  ["viol", 4],
] as const;

const cell = (text: string, width: number, left = false) =>
  left ? text.padEnd(width) : text.padStart(width);
const num = (v: number | null, digits = 0) => (v === null ? "-" : v.toFixed(digits));

export function headerLine(): string {
  return COLUMNS.map(([title, width], i) => cell(title, width, i === 0)).join(" ");
}

export function resultLine(r: InstanceResult): string {
  const costDigits = r.cost !== null && !Number.isInteger(r.cost) ? 2 : 0;
  const values = [
    r.name,
    num(r.cost, costDigits),
    num(r.reference),
    num(r.gapPct, 2),
    r.optimal === null ? "-" : r.optimal ? "yes" : "no",
    num(r.containers),
    num(r.lowerBoundContainers),
    num(r.unassigned),
    num(r.timeS, 2),
    num(r.violations),
  ];
  const line = values.map((v, i) => cell(v, COLUMNS[i][1], i === 0)).join(" ");
  const issues = problems(r);
  if (issues.length > 0) return `${line}  !! ${issues.join("; ")}`;
  const asides = [
    ...(r.weightAssignedPct !== undefined ? [nationalAside(r)] : []),
    ...(r.boxes ? [boxesAside(r.boxes)] : []),
    ...(r.unassignedReasons.length > 0 ? [`unassigned: ${r.unassignedReasons.join(", ")}`] : []),
    ...r.notes.filter((note) => note.startsWith("clock stop")),
  ];
  return asides.length > 0 ? `${line}  (${asides.join("; ")})` : line;
}

/** "weight 99.9 % assigned, 1.082 x the lower bound, peak 512 MB" */
export function nationalAside(r: InstanceResult): string {
  const ratio =
    r.containers !== null && r.lowerBoundContainers ? r.containers / r.lowerBoundContainers : null;
  return (
    `weight ${(r.weightAssignedPct ?? 0).toFixed(2)} % assigned, ` +
    `${ratio === null ? "-" : ratio.toFixed(3)} x the lower bound, peak ${r.peakRssMb ?? "?"} MB`
  );
}

/** "sea boxes 14 (LB 14), freight Rp 175.0 M" */
export function boxesAside(b: NonNullable<InstanceResult["boxes"]>): string {
  return `sea boxes ${b.boxes} (LB ${b.lowerBound}), freight Rp ${(b.freight / 1e6).toFixed(1)} M`;
}

export function summaryLine(s: SuiteSummary): string {
  const parts = [`${s.suite}: ${s.instances} instance(s)`];
  // The demo has no reference: a gap or an optimal count would be noise there.
  if (s.meanGapPct !== null)
    parts.push(`mean gap ${num(s.meanGapPct, 2)} %`, `optimal ${s.optimal}/${s.instances}`);
  parts.push(`mean time ${num(s.meanTimeS, 2)} s`);
  if (s.flagged > 0) parts.push(`!! ${s.flagged} FLAGGED (violations, unassigned or errors)`);
  return parts.join(", ");
}

export function verdictLine(v: TargetVerdict): string {
  return `${v.verdict.padEnd(7)} ${v.target} (${v.detail})`;
}
