/**
 * The figures a plan reports must be what its trips really are: per container distance,
 * cost, weight and volume re-measured from the scenario; summary totals consistent with
 * the containers and the unassigned list; a whole, honest lower bound.
 */
import { type PlanContainer, UNASSIGNED_REASONS } from "../model/plan.js";
import { type CheckContext, partOf, withinRelative } from "./check-context.js";
import type { Located } from "./check-travel.js";
import { trueLoad } from "./loads.check.js";

/** Rupiah are whole: a plan may round each container's cost to the nearest one. */
const COST_ROUNDING_IDR = 1;

/** Kilometres driven, depot -> stops -> port; NaN when a place is unknown. */
export function tripKm(ctx: CheckContext, c: PlanContainer): number {
  const route: (Located | undefined)[] = [
    ctx.depots.get(c.depot),
    ...(c.stops ?? []).map((s) => ctx.villages.get(s.village)),
    ctx.ports.get(c.port),
  ];
  let km = 0;
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1];
    const b = route[i];
    if (!a || !b) return Number.NaN;
    km += ctx.leg(a, b).km;
  }
  return km;
}

export function checkTotals(ctx: CheckContext): void {
  const { plan } = ctx;
  for (const c of plan.containers) {
    const container = c.id;
    const km = tripKm(ctx, c);
    const type = ctx.types.get(c.type);
    if (Number.isFinite(km)) {
      if (!(Math.abs(c.distanceKm - km) <= ctx.toleranceKm + 1e-9 * km)) {
        ctx.add({
          rule: "CONTAINER_DISTANCE",
          message: `Container ${c.id} reports ${c.distanceKm} km; its trip is ${km} km.`,
          container,
        });
      }
      if (type) {
        const perKm = type.costPerKm ?? 1;
        const cost = (type.fixedCost ?? 0) + perKm * km;
        if (!(Math.abs(c.cost - cost) <= COST_ROUNDING_IDR + perKm * ctx.toleranceKm + 1e-9 * cost)) {
          ctx.add({
            rule: "CONTAINER_COST",
            message: `Container ${c.id} reports cost ${c.cost} IDR; fixed cost plus ${perKm}/km x ${km} km is ${cost}.`,
            container,
          });
        }
      }
    }
    const load = trueLoad(ctx, c);
    if (!withinRelative(c.weightKg, load.weightKg)) {
      ctx.add({
        rule: "CONTAINER_WEIGHT",
        message: `Container ${c.id} reports ${c.weightKg} kg; its loads weigh ${load.weightKg} kg.`,
        container,
      });
    }
    if (!withinRelative(c.volumeM3, load.volumeM3)) {
      ctx.add({
        rule: "CONTAINER_VOLUME",
        message: `Container ${c.id} reports ${c.volumeM3} m3; its loads take ${load.volumeM3} m3.`,
        container,
      });
    }
  }
  checkSummary(ctx);
  checkUnassignedReasons(ctx);
}

const REASONS: ReadonlySet<string> = new Set(UNASSIGNED_REASONS);

function checkUnassignedReasons(ctx: CheckContext): void {
  for (const u of ctx.plan.unassigned) {
    if (!REASONS.has(u.reason)) {
      ctx.add({
        rule: "UNASSIGNED_REASON",
        message: `Unassigned ${u.shipment}: "${u.reason}" is not one of ${[...REASONS].join(", ")}.`,
        shipment: u.shipment,
      });
    }
    if (typeof u.detail !== "string" || u.detail.trim() === "") {
      ctx.add({
        rule: "UNASSIGNED_DETAIL",
        message: `Unassigned ${u.shipment}: the detail must say why in a sentence.`,
        shipment: u.shipment,
      });
    }
  }
}

function checkSummary(ctx: CheckContext): void {
  const { plan } = ctx;
  const s = plan.summary;
  const n = plan.containers.length;
  const sum = (f: (c: PlanContainer) => number) => plan.containers.reduce((a, c) => a + f(c), 0);
  const mismatch = (rule: string, what: string, reported: number, expected: number, ok: boolean) => {
    if (!ok) ctx.add({ rule, message: `Summary ${what} is ${reported}; the plan adds up to ${expected}.` });
  };
  mismatch("SUMMARY_CONTAINERS", "containers", s.containers, n, s.containers === n);
  const km = sum((c) => c.distanceKm);
  mismatch(
    "SUMMARY_DISTANCE",
    "distanceKm",
    s.distanceKm,
    km,
    Math.abs(s.distanceKm - km) <= ctx.toleranceKm + 1e-9 * km,
  );
  const cost = sum((c) => c.cost);
  mismatch("SUMMARY_COST", "cost", s.cost, cost, Math.abs(s.cost - cost) <= COST_ROUNDING_IDR + 1e-9 * cost);
  const assigned = sum((c) => c.weightKg);
  mismatch(
    "SUMMARY_ASSIGNED_WEIGHT",
    "assignedWeightKg",
    s.assignedWeightKg,
    assigned,
    withinRelative(s.assignedWeightKg, assigned),
  );
  let unassigned = 0;
  for (const u of plan.unassigned) {
    const sh = ctx.shipments.get(u.shipment);
    if (sh && Number.isFinite(u.packages)) unassigned += partOf(sh, u.packages).weightKg;
  }
  mismatch(
    "SUMMARY_UNASSIGNED_WEIGHT",
    "unassignedWeightKg",
    s.unassignedWeightKg,
    unassigned,
    withinRelative(s.unassignedWeightKg, unassigned),
  );

  let weightFill = 0;
  let volumeFill = 0;
  let fillKnown = true;
  for (const c of plan.containers) {
    const type = ctx.types.get(c.type);
    if (!type) fillKnown = false;
    else {
      weightFill += c.weightKg / type.maxWeightKg;
      volumeFill += c.volumeM3 / type.maxVolumeM3;
    }
  }
  if (fillKnown) {
    const meanW = n === 0 ? 0 : weightFill / n;
    const meanV = n === 0 ? 0 : volumeFill / n;
    mismatch(
      "SUMMARY_FILL",
      "meanWeightFill",
      s.meanWeightFill,
      meanW,
      withinRelative(s.meanWeightFill, meanW),
    );
    mismatch(
      "SUMMARY_FILL",
      "meanVolumeFill",
      s.meanVolumeFill,
      meanV,
      withinRelative(s.meanVolumeFill, meanV),
    );
  }

  const lb = s.lowerBoundContainers;
  if (!Number.isInteger(lb) || lb < 0 || lb > n) {
    ctx.add({
      rule: "LOWER_BOUND",
      message: `Summary lowerBoundContainers ${lb} must be a whole number between 0 and the ${n} containers used.`,
    });
  }
  const tight = s.lowerBoundContainersTight;
  if (tight !== undefined && (!Number.isInteger(tight) || tight < 0 || tight > n)) {
    ctx.add({
      rule: "LOWER_BOUND",
      message: `Summary lowerBoundContainersTight ${tight} must be a whole number between 0 and the ${n} containers used.`,
    });
  }
}
