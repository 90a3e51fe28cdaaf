import type { Plan } from "../shared/core/model/plan.js";

export interface SolveThreadInput {
  scenario: unknown;
  timeLimitMs: number;
  seed: number;
}

export interface Violation {
  rule: string;
  message: string;
  container?: string;
  shipment?: string;
}

export type SolveThreadMessage =
  | { type: "progress"; percent: number }
  | { type: "invalid"; errors: { path: string; message: string }[] }
  | { type: "done"; plan: Plan; violations: Violation[] }
  | { type: "crashed"; message: string };
