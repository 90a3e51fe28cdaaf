/**
 * Queue a solve or a plan: one job for an ordinary week, a flow for a big one. A week
 * with more than `partsAboveShipments` shipments is split by the core (partitionScenario:
 * islands, port catchments, geographic halves) and each part becomes a "part" job any
 * worker may take; the solve or plan job is their parent and merges their plans
 * (mergePartPlans), so several workers plan one week at once. The same flow runs on the
 * in-process queue when it runs jobs side by side (WORKER_CONCURRENCY >= 2).
 *
 * A flow is worth its costs (each part is a job: its payload, its thread, its check) only
 * when parts really run side by side and each round of them gets a real share of the
 * limit. With one worker, or a limit too short for the number of parts (50,000 shipments
 * in 1 s), the week is one job and the core splits it on that job's thread itself.
 *
 * Budgets follow the core's rule for a week planned in parts (partBudgets): the parts'
 * searches share PARTS_SHARE of the limit times the number of parts planned at once (the
 * workers there are now, recorded in the flow), the repair across part borders gets
 * REPAIR_SHARE, and what is left pays for splitting, merging, checking and storing. A
 * part never gets more than the parts' share of the limit, whatever the parallelism: it
 * runs on one worker.
 */
import type { FlowData, JobRequest, PartJobData } from "../../contracts/jobs.js";
import {
  DEFAULT_MAX_SHIPMENTS_PER_PART,
  partBudgets,
  partitionScenario,
} from "../../core/decompose/index.js";
import { PARTS_SHARE } from "../../core/decompose/part-budget.js";
import type { Scenario } from "../../core/model/scenario.js";
import { PARTITION_ABOVE } from "../../core/solve.js";
import type { PlanningQueue } from "../queue/planning-queue.js";

export interface PlanningSettings {
  timeLimitMs: number;
  seed: number;
  /** A week with more shipments is planned as a flow; default the core's own threshold. */
  partsAboveShipments?: number;
  /** The largest part, in shipments; default the core's. */
  maxShipmentsPerPart?: number;
}

export interface Submitted {
  jobId: string;
  /** Parts of the flow; 0 for a single job. */
  parts: number;
}

/** A flow needs each round of parts (one per worker) to have at least this much of the limit. */
export const MIN_PART_ROUND_MS = 1000;

/** A part's job id: the parent's id and the part's (BullMQ ids may not contain ':'). */
export const partJobId = (parentId: string, partId: string) => `${parentId}-${partId}`;

export async function submitPlanning(
  queue: PlanningQueue,
  request: Extract<JobRequest, { name: "solve" | "plan" }>,
  scenario: Scenario,
  settings: PlanningSettings,
  jobId: string,
): Promise<Submitted> {
  const single = async () => ({ jobId: await queue.enqueue(request, jobId), parts: 0 });
  if (scenario.shipments.length <= (settings.partsAboveShipments ?? PARTITION_ABOVE)) return single();
  const workers = await queue.parallelism();
  if (workers < 2) return single();
  const { parts } = partitionScenario(scenario, {
    maxShipmentsPerPart: settings.maxShipmentsPerPart ?? DEFAULT_MAX_SHIPMENTS_PER_PART,
  });
  const limitMs = request.data.timeLimitMs;
  const parallelism = Math.min(parts.length, workers);
  const rounds = Math.ceil(parts.length / parallelism);
  if (parts.length < 2 || PARTS_SHARE * limitMs < rounds * MIN_PART_ROUND_MS) return single();

  const budgets = partBudgets(
    parts.map((p) => p.scenario.shipments.length),
    limitMs,
    parallelism,
  );
  const flow: FlowData = {
    parts: parts.map((p) => ({
      id: p.id,
      jobId: partJobId(jobId, p.id),
      shipments: p.scenario.shipments.length,
    })),
    repairMs: budgets.repairMs,
    parallelism,
  };
  const runId = request.name === "plan" ? request.data.runId : undefined;
  const children = parts.map((p, i) => {
    const data: PartJobData = {
      flowId: jobId,
      partId: p.id,
      scenario: p.scenario,
      timeLimitMs: limitMs,
      budgetMs: Math.max(1, Math.min(budgets.partMs[i], PARTS_SHARE * limitMs)),
      seed: request.data.seed,
      ...(runId ? { runId } : {}),
    };
    return { jobId: flow.parts[i].jobId, request: { name: "part" as const, data } };
  });
  const parent = { ...request, data: { ...request.data, flow } } as JobRequest;
  return { jobId: await queue.enqueueFlow(parent, children, jobId), parts: parts.length };
}
