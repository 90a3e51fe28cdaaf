import type { PartResult } from "../../contracts/jobs.js";
import type { Plan } from "../../core/model/plan.js";
import type { JobPhase } from "./job-deadline.js";

export interface SolveThreadInput {
  scenario: unknown;
  /** The job's whole time limit; the solver's budget when no `solve` is given. */
  timeLimitMs: number;
  seed: number;
  /** The share of the job's limit the solver has, from the job's deadline. */
  solve?: {
    /** Work budget, ms (reproducible: from the limit and the size only). */
    budgetMs: number;
    /** Wall-clock instant (epoch ms) by which the solver hands over its plan, whatever its budget. */
    by: number;
  };
  /**
   * A flow's parent: instead of searching, merge these parts' plans of the scenario and
   * repair across their borders within the budget, handing over by `by`.
   */
  merge?: {
    parts: PartResult[];
    budgetMs: number;
    by: number;
  };
}

export interface Violation {
  rule: string;
  message: string;
  container?: string;
  shipment?: string;
}

/** The one message a loaded thread receives: the job to solve. */
export interface SolveThreadStart {
  type: "start";
  input: SolveThreadInput;
}

export type SolveThreadMessage =
  | { type: "ready" }
  | { type: "phase"; phase: JobPhase }
  | { type: "progress"; percent: number }
  | { type: "invalid"; errors: { path: string; message: string }[] }
  | { type: "done"; plan: Plan; violations: Violation[]; solveLimitMs: number }
  | { type: "crashed"; message: string };
