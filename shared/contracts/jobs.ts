/**
 * The one typed job registry of the `planning` queue: producer (API) and consumer
 * (worker) share these definitions. A payload that fails its schema is a bug, not a
 * transient fault, so the processor fails it without retry.
 */
import { z } from "zod";

export const JOB_NAMES = ["solve", "plan"] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** Stateless: a Scenario in, the Plan returned as the job's result. */
export const solveJobSchema = z.object({
  scenario: z.unknown(),
  timeLimitMs: z.number().positive(),
  seed: z.number().int().min(0),
});
/** Stateful: the run (and its Scenario) is in the database; the Plan goes back there. */
export const planJobSchema = z.object({
  runId: z.uuid(),
  timeLimitMs: z.number().positive(),
  seed: z.number().int(),
});

export type SolveJobData = z.infer<typeof solveJobSchema>;
export type PlanJobData = z.infer<typeof planJobSchema>;

export type JobRequest = { name: "solve"; data: SolveJobData } | { name: "plan"; data: PlanJobData };

export const JOB_SCHEMAS = { solve: solveJobSchema, plan: planJobSchema } as const;

export const JOB_STATES = ["queued", "active", "completed", "failed", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobStatus {
  id: string;
  name: JobName;
  state: JobState;
  /** 0..100 */
  progress: number;
  result?: unknown;
  errors?: { path: string; message: string }[];
}
