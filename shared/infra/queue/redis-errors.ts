/**
 * While Redis is away, ioredis and BullMQ reconnect by themselves and emit an error per
 * attempt. Without a listener Node prints each as "Unhandled error event"; with one that logs
 * every attempt the log floods. This logs the first error, then at most one line a window.
 */
import type { Logger } from "../logger.js";

export function throttledErrorLog(logger: Logger | undefined, what: string, windowMs = 10_000) {
  let last = 0;
  let suppressed = 0;
  return (error: Error) => {
    const now = Date.now();
    if (now - last < windowMs) {
      suppressed++;
      return;
    }
    logger?.warn({ err: error.message, suppressed, what }, `${what}: Redis error (reconnecting)`);
    last = now;
    suppressed = 0;
  };
}
