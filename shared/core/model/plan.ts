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

/** Whether a stored reason is one of the spec's (a row may hold another, or none). */
export const isUnassignedReason = (r: string | null): r is UnassignedReason =>
  r !== null && (UNASSIGNED_REASONS as readonly string[]).includes(r);

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

/** A sea box on a sailing (rule 8): present when the scenario has boxTypes. */
export interface PlanBox {
  id: string;
  type: string;
  sailing: string;
  /** container ids */
  containers: string[];
  /** the containers' loads plus their tare */
  weightKg: number;
  freight: number;
}

/** One load line's share of what moving it costs (rule 9): integer rupiah. */
export interface PlanCharge {
  shipment: string;
  container: string;
  packages: number;
  truck: number;
  /** 0 without boxes */
  freight: number;
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
  /**
   * Also a valid lower bound, at least lowerBoundContainers: it counts what cannot share a
   * container (islands, sailings, cut-offs from readyAt and windows, product rules); see
   * bounds/tight-bound.ts. Not in the spec: Muatan's own addition, documented in the README.
   */
  lowerBoundContainersTight?: number;
  /** With boxTypes: boxes used, their freight, and a lower bound on boxes for the containers sent to sailings. */
  boxes?: number;
  freight?: number;
  lowerBoundBoxes?: number;
  solveMs: number;
}

export interface Plan {
  scenario?: string;
  containers: PlanContainer[];
  boxes?: PlanBox[];
  charges: PlanCharge[];
  unassigned: PlanUnassigned[];
  summary: PlanSummary;
}
