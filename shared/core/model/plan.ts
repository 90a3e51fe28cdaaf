/** The Plan: the planner's output, exactly as `../shared/spec/scenario.md` defines it. */

export const UNASSIGNED_REASONS = [
  "TOO_LARGE",
  "NO_ROUTE",
  "NO_SAILING",
  "TIME",
  "NO_CONTAINER",
  "INCOMPATIBLE",
] as const;
export type UnassignedReason = (typeof UNASSIGNED_REASONS)[number];

export interface PlanLoad {
  shipment: string;
  packages: number;
  weightKg: number;
  volumeM3: number;
}

export interface PlanStop {
  village: string;
  arrival: string;
  loadStart: string;
  departure: string;
  load: PlanLoad[];
}

export interface PlanContainer {
  id: string;
  type: string;
  depot: string;
  port: string;
  sailing?: string;
  departDepot: string;
  stops: PlanStop[];
  portArrival: string;
  distanceKm: number;
  cost: number;
  weightKg: number;
  volumeM3: number;
}

export interface PlanUnassigned {
  shipment: string;
  packages: number;
  reason: UnassignedReason;
  detail: string;
}

export interface PlanSummary {
  containers: number;
  distanceKm: number;
  cost: number;
  assignedWeightKg: number;
  unassignedWeightKg: number;
  meanWeightFill: number;
  meanVolumeFill: number;
  lowerBoundContainers: number;
  solveMs: number;
}

export interface Plan {
  scenario?: string;
  containers: PlanContainer[];
  unassigned: PlanUnassigned[];
  summary: PlanSummary;
}
