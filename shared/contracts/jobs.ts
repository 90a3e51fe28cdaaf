/**
 * The one typed job registry of the `planning` queue: producer (API) and consumer
 * (worker) share these definitions. A payload that fails its schema is a bug, not a
 * transient fault, so the processor fails it without retry.
 */
import { z } from "zod";
import type { Plan } from "../core/model/plan.js";

export const JOB_NAMES = ["solve", "plan", "part"] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * A big week planned as a flow: the solve or plan job is the parent, one "part" job per
 * part of the week is its child, and the parent merges what the parts planned. The parent
 * carries the list of its parts (for the status) and the merge's budget.
 */
export const flowSchema = z.object({
  parts: z.array(z.object({ id: z.string().min(1), jobId: z.string().min(1), shipments: z.number().int() })),
  /** Work budget of the repair across part borders, ms. */
  repairMs: z.number().min(0),
  /** Parts planned at once when the flow was made (the budgets assume it). */
  parallelism: z.number().int().min(1),
});

/** Stateless: a Scenario in, the Plan returned as the job's result. */
export const solveJobSchema = z.object({
  scenario: z.unknown(),
  timeLimitMs: z.number().positive(),
  seed: z.number().int().min(0),
  flow: flowSchema.optional(),
});
/** Stateful: the run (and its Scenario) is in the database; the Plan goes back there. */
export const planJobSchema = z.object({
  runId: z.uuid(),
  timeLimitMs: z.number().positive(),
  seed: z.number().int(),
  flow: flowSchema.optional(),
});
/** One part of a flow: its own Scenario, planned whole, the plan returned to the parent. */
export const partJobSchema = z.object({
  /** The parent's job id: the flow's clock and cancel flag are its. */
  flowId: z.string().min(1),
  partId: z.string().min(1),
  scenario: z.unknown(),
  /** The whole flow's time limit: the parts and the merge keep it together. */
  timeLimitMs: z.number().positive(),
  /** This part's work budget, ms (reproducible: from the limit, the parts' sizes and the parallelism). */
  budgetMs: z.number().positive(),
  seed: z.number().int().min(0),
  /** The planning run of a stateful flow, whose progress the parts move. */
  runId: z.uuid().optional(),
});

export type FlowData = z.infer<typeof flowSchema>;
export type SolveJobData = z.infer<typeof solveJobSchema>;
export type PlanJobData = z.infer<typeof planJobSchema>;
export type PartJobData = z.infer<typeof partJobSchema>;

export type JobRequest =
  | { name: "solve"; data: SolveJobData }
  | { name: "plan"; data: PlanJobData }
  | { name: "part"; data: PartJobData };

export const JOB_SCHEMAS = { solve: solveJobSchema, plan: planJobSchema, part: partJobSchema } as const;

/** What a part job returns to its parent. */
export interface PartResult {
  partId: string;
  plan: Plan;
}

export const JOB_STATES = ["queued", "active", "completed", "failed", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** One part of a flow as GET /v1/jobs/{id} lists it; `worker` names the process that ran it. */
export interface PartStatus {
  id: string;
  state: JobState;
  progress: number;
  worker: string | null;
}

export interface JobStatus {
  id: string;
  name: JobName;
  state: JobState;
  /** 0..100 */
  progress: number;
  result?: unknown;
  errors?: { path: string; message: string }[];
  /** A flow's parts, in the order the week was split. */
  parts?: PartStatus[];
}
