/**
 * How a flow reads from outside, the same for both queues: while its parts run the flow is
 * active and its progress follows theirs; the parent's own progress (the merge, checking,
 * storing) takes over once it runs. A parent that waits for its parts is not "queued"
 * once one of them has started.
 */
import type { FlowData, JobState, PartStatus } from "../../contracts/jobs.js";

/** Share of a flow's progress its parts stand for; the merge, check and storage the rest. */
export const PARTS_PROGRESS_SHARE = 0.85;

export function flowOf(data: unknown): FlowData | undefined {
  const flow = (data as { flow?: FlowData } | null | undefined)?.flow;
  return flow && Array.isArray(flow.parts) ? flow : undefined;
}

/** The parent's state while it waits for its parts: active as soon as one has started. */
export function waitingFlowState(parts: PartStatus[]): JobState {
  return parts.some((p) => p.state !== "queued") ? "active" : "queued";
}

export function flowProgress(parentProgress: number, parts: PartStatus[]): number {
  if (parts.length === 0) return parentProgress;
  const mean = parts.reduce((sum, p) => sum + (p.state === "completed" ? 100 : p.progress), 0) / parts.length;
  return Math.max(parentProgress, Math.floor(PARTS_PROGRESS_SHARE * mean));
}
