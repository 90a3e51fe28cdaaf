import type { Plan } from "../../core/model/plan.js";
import type { Scenario } from "../../core/model/scenario.js";

/** One part to plan. */
export interface PartsThreadTask {
  id: string;
  scenario: Scenario;
  seed: number;
  timeLimitMs: number;
  maxIterations?: number;
  /** Solve with the clock (the time limit as a promise); false: work units only. */
  useClock: boolean;
  /** Epoch ms by which the part must be planned. */
  deadline?: number;
}

export type PartsThreadReply =
  | { type: "ready" }
  | { type: "progress"; id: string; fraction: number; containers: number; cost: number; unassigned: number }
  | { type: "done"; id: string; plan: Plan }
  | { type: "failed"; id: string; message: string };
