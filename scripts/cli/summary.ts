/**
 * The short human summary `npm run plan` prints on standard error: what a coordinator
 * reads before opening the plan file. Pure: a Plan in, lines of text out.
 */
import type { Plan } from "../../shared/core/model/plan.js";
import { moneyCost } from "../../shared/core/output/plan-order.js";

/** 12345678 -> "Rp 12.345.678" (Indonesian grouping with dots, whole rupiah). */
export function formatIdr(amount: number): string {
  const rounded = Math.round(amount);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${rounded < 0 ? "-" : ""}Rp ${digits}`;
}

/** 0.8734 -> "87.3 %" */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`;
}

/** 12345.6 -> "12,345.6" (one decimal, English grouping, like the rest of the English output). */
export function formatNumber(value: number, decimals = 1): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function summaryLines(plan: Plan): string[] {
  const s = plan.summary;
  const lines = [
    `Plan${plan.scenario ? ` for ${plan.scenario}` : ""}`,
    `  containers      ${s.containers} used (lower bound ${s.lowerBoundContainers}` +
      (s.lowerBoundContainersTight !== undefined && s.lowerBoundContainersTight > s.lowerBoundContainers
        ? `; ${s.lowerBoundContainersTight} counting islands, sailings and product rules)`
        : ")"),
    `  mean fill       weight ${formatPercent(s.meanWeightFill)}, volume ${formatPercent(s.meanVolumeFill)}`,
    `  distance        ${formatNumber(s.distanceKm)} km`,
    `  cost            ${formatIdr(s.cost)}${s.boxes !== undefined ? " (trucks)" : ""}`,
  ];
  if (s.boxes !== undefined) {
    // With sea boxes the objective's cost is the trucks' cost plus the boxes' freight.
    const freight = s.freight ?? 0;
    lines.push(
      `  sea boxes       ${s.boxes} used (lower bound ${s.lowerBoundBoxes ?? 0}), freight ${formatIdr(freight)}`,
      `  total           ${formatIdr(moneyCost(plan))} (trucks + freight)`,
    );
  }
  lines.push(
    `  assigned        ${formatNumber(s.assignedWeightKg)} kg; unassigned ${formatNumber(s.unassignedWeightKg)} kg`,
  );
  if (plan.unassigned.length === 0) {
    lines.push("  unassigned      none");
  } else {
    lines.push(`  unassigned      ${plan.unassigned.length} shipment part(s):`);
    for (const u of plan.unassigned) {
      const parts = u.packages === 1 ? "1 package" : `${u.packages} packages`;
      lines.push(`    ${u.shipment} (${parts}) ${u.reason}: ${u.detail}`);
    }
  }
  lines.push(`  solve time      ${formatSeconds(s.solveMs)}`);
  return lines;
}
