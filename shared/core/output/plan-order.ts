/**
 * Which of two plans for one scenario is better, by the spec's objective (rule 7): the one
 * that assigns more weight, then the one that costs less (distance, for `"distance"`;
 * containers' cost plus boxes' freight, for `"cost"`). Used where several searches plan the
 * same week and one plan is kept (infra/planning/seed-portfolio.ts).
 */
import type { Plan } from "../model/plan.js";
import type { Scenario } from "../model/scenario.js";

/** Weight and cost differences below these are rounding, not a better plan. */
const WEIGHT_TOLERANCE_KG = 1e-6;
const COST_TOLERANCE = 1e-6;

/** What the plan costs in all (rupiah): its containers, plus the boxes' freight where there are sea boxes. */
export function moneyCost(plan: Plan): number {
  return plan.summary.cost + (plan.summary.freight ?? 0);
}

/** What the plan's objective counts after the weight it assigns. */
export function planCost(scenario: Scenario, plan: Plan): number {
  return scenario.objective === "distance" ? plan.summary.distanceKm : moneyCost(plan);
}

/** True when `a` is strictly better than `b`. */
export function betterPlan(scenario: Scenario, a: Plan, b: Plan): boolean {
  const wa = a.summary.assignedWeightKg;
  const wb = b.summary.assignedWeightKg;
  if (Math.abs(wa - wb) > WEIGHT_TOLERANCE_KG) return wa > wb;
  return planCost(scenario, a) < planCost(scenario, b) - COST_TOLERANCE;
}
