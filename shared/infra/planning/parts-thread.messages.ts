import type { MessagePort } from "node:worker_threads";
import type { Plan } from "../../core/model/plan.js";
import type { Scenario } from "../../core/model/scenario.js";
import type { SharedBest } from "../../core/search/meetings.js";
import type { SolveProgress } from "../../core/solve.js";

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
  /**
   * A portfolio's search meets the others at these shares of its budget (core/search/meetings.ts):
   * it posts a "meet" reply and waits for the best of all on `port` (transferred with the task).
   */
  meetAt?: number[];
  port?: MessagePort;
}

export type PartsThreadReply =
  | { type: "ready" }
  | ({ type: "progress"; id: string } & SolveProgress)
  | { type: "meet"; id: string; index: number; best: SharedBest }
  | { type: "done"; id: string; plan: Plan }
  | { type: "failed"; id: string; message: string };
