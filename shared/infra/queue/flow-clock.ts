/**
 * A flow's clock across processes: the first of its jobs to start writes the instant
 * (SET NX), every other job of the flow reads the same one, so the parts and the merge
 * running on different workers share one deadline.
 */
import type { Redis } from "ioredis";

const flowStartKey = (prefix: string, queueName: string, flowId: string) =>
  `${prefix}:${queueName}:flow-started:${flowId}`;

/** Long past any flow's end; short enough that Redis forgets old flows. */
const FLOW_CLOCK_TTL_SECONDS = 24 * 60 * 60;

export async function flowStartedAt(
  redis: Redis,
  prefix: string,
  queueName: string,
  flowId: string,
): Promise<number> {
  const key = flowStartKey(prefix, queueName, flowId);
  await redis.set(key, String(Date.now()), "EX", FLOW_CLOCK_TTL_SECONDS, "NX");
  return Number(await redis.get(key));
}
